#include "planformat.h"

#include <QLocale>

namespace PlanFormat {

namespace {
QString month(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("MMM yyyy"));
}
} // namespace

QString date(const QDate &date)
{
    if (!date.isValid())
        return {};
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMM yyyy"));
}

QString timeframeDates(const Timeframe &timeframe)
{
    if (timeframe.isNotSet())
        return QStringLiteral("not set");
    if (timeframe.needsReview && !timeframe.hasDates())
        return QStringLiteral("needs review");
    if (timeframe.isOngoingWithoutStart())
        return QStringLiteral("ongoing");
    if (timeframe.start.isValid() && timeframe.end.isValid()) {
        if (timeframe.start == timeframe.end)
            return date(timeframe.start);
        if (timeframe.isSingleMonth())
            return month(timeframe.start);
        return QStringLiteral("%1 – %2").arg(month(timeframe.start), month(timeframe.end));
    }
    if (timeframe.start.isValid())
        return QStringLiteral("from %1").arg(month(timeframe.start));
    if (timeframe.end.isValid())
        return QStringLiteral("by %1").arg(date(timeframe.end));
    return QStringLiteral("no dates");
}

QString timeframeSummary(const Timeframe &timeframe)
{
    QStringList parts{timeframeDates(timeframe)};
    if (timeframe.review == Timeframe::Review::Annual)
        parts << QStringLiteral("reviewed annually");
    if (timeframe.flags.testFlag(Timeframe::SubjectToFunding))
        parts << QStringLiteral("subject to funding");
    if (timeframe.flags.testFlag(Timeframe::Phased))
        parts << QStringLiteral("phased");
    if (timeframe.flags.testFlag(Timeframe::ToBeConfirmed))
        parts << QStringLiteral("to be confirmed");
    if (timeframe.needsReview && !timeframe.reason.isEmpty())
        parts << QStringLiteral("needs review: %1").arg(timeframe.reason);
    return parts.join(QStringLiteral(" · "));
}

} // namespace PlanFormat
