#include "timeframe.h"

#include "fiscalyear.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace {

const char *const monthNames[12]
    = {"January", "February", "March",     "April",   "May",      "June",
       "July",    "August",   "September", "October", "November", "December"};

QString monthText(QDate date)
{
    return QStringLiteral("%1 %2")
        .arg(QLatin1String(monthNames[date.month() - 1]))
        .arg(date.year());
}

QString dayText(QDate date)
{
    return QStringLiteral("%1 %2").arg(date.day()).arg(monthText(date));
}

bool isFirstOfMonth(QDate date)
{
    return date.day() == 1;
}

bool isLastOfMonth(QDate date)
{
    return date.day() == date.daysInMonth();
}

bool isFirstApril(QDate date)
{
    return date.month() == 4 && date.day() == 1;
}

bool isThirtyFirstMarch(QDate date)
{
    return date.month() == 3 && date.day() == 31;
}

// Let Qt do the escaping (quotes, backslashes, control characters) so the output is exactly
// what any JSON reader expects; Compact keeps non-ASCII as UTF-8.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // strip [ and ]
}

QByteArray jsonDate(QDate date)
{
    if (!date.isValid())
        return QByteArrayLiteral("null");
    return '"' + date.toString(Qt::ISODate).toLatin1() + '"';
}

QByteArray jsonBool(bool value)
{
    return value ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
}

} // namespace

bool Timeframe::isSingleMonth() const
{
    return start.isValid() && end.isValid() && isFirstOfMonth(start) && start.year() == end.year()
        && start.month() == end.month() && isLastOfMonth(end);
}

QByteArray Timeframe::toJson() const
{
    // Written by hand: QJsonDocument sorts object keys, and the order here is part of the format.
    QByteArray json;
    json.reserve(160 + raw.size());
    json += "{\"raw\":" + jsonString(raw);
    json += ",\"start\":" + jsonDate(start);
    json += ",\"end\":" + jsonDate(end);
    json += ",\"open_ended\":" + jsonBool(openEnded);
    json += ",\"review\":";
    json += review == Review::Annual ? QByteArrayLiteral("\"annual\"") : QByteArrayLiteral("null");
    json += ",\"flags\":[";
    const QStringList keys = flagKeys(flags);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            json += ',';
        json += jsonString(keys.at(i));
    }
    json += "],\"needs_review\":" + jsonBool(needsReview);
    json += ",\"reason\":";
    json += reason.isEmpty() ? QByteArrayLiteral("null") : jsonString(reason);
    json += '}';
    return json;
}

QString Timeframe::flagKey(Flag flag)
{
    switch (flag) {
    case SubjectToFunding:
        return QStringLiteral("subject_to_funding");
    case Phased:
        return QStringLiteral("phased");
    case ToBeConfirmed:
        return QStringLiteral("to_be_confirmed");
    case NoFlags:
        break;
    }
    return {};
}

QStringList Timeframe::flagKeys(Flags flags)
{
    QStringList keys;
    for (Flag flag : {SubjectToFunding, Phased, ToBeConfirmed}) {
        if (flags.testFlag(flag))
            keys << flagKey(flag);
    }
    return keys;
}

namespace TimeframeParser {

// Each branch writes a form that parse() reads back to the same dates. A start with no end
// can only be written as "from …", so it comes back open-ended; an end date wins over
// openEnded (the dates are what was edited).
QString normalisedText(QDate start, QDate end, bool openEnded)
{
    const QString dash = QStringLiteral(" – ");
    if (!start.isValid() && !end.isValid())
        return openEnded ? QStringLiteral("Ongoing") : QString();

    if (!end.isValid()) {
        if (isFirstApril(start))
            return QStringLiteral("from ") + FiscalYear(start.year()).toString();
        return QStringLiteral("from ")
            + (isFirstOfMonth(start) ? monthText(start) : dayText(start));
    }

    if (!start.isValid())
        return QStringLiteral("by ") + (isLastOfMonth(end) ? monthText(end) : dayText(end));

    if (isFirstApril(start) && isThirtyFirstMarch(end) && end.year() > start.year()) {
        const FiscalYear first(start.year());
        const FiscalYear last(end.year() - 1);
        return first == last ? first.toString() : first.toString() + dash + last.toString();
    }
    if (isFirstOfMonth(start) && isLastOfMonth(end) && end > start) {
        if (start.year() == end.year() && start.month() == end.month())
            return monthText(start);
        return monthText(start) + dash + monthText(end);
    }
    if (start == end)
        return dayText(start);
    return dayText(start) + dash + dayText(end);
}

} // namespace TimeframeParser
