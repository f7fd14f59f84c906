#include "fiscalyear.h"

namespace {

// Digits only, nothing else: FiscalYear::parse is deliberately strict (the lenient reading of
// free text is the timeframe parser's job).
std::optional<int> digitsValue(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    int value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

FiscalYear::FiscalYear(int startYear)
    : m_startYear(startYear)
{
}

FiscalYear FiscalYear::containing(QDate date)
{
    if (!date.isValid())
        return {};
    return FiscalYear(date.month() >= 4 ? date.year() : date.year() - 1);
}

std::optional<FiscalYear> FiscalYear::parse(QStringView text)
{
    text = text.trimmed();
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return std::nullopt;
    const QStringView first = text.left(slash);
    const QStringView second = text.mid(slash + 1);
    const auto firstValue = digitsValue(first);
    const auto secondValue = digitsValue(second);
    if (!firstValue || !secondValue)
        return std::nullopt;

    int startYear = 0;
    if (first.size() == 4)
        startYear = *firstValue;
    else if (first.size() == 2)
        startYear = 2000 + *firstValue;
    else
        return std::nullopt;

    int endYear = 0;
    if (first.size() == 2 && second.size() != 2)
        return std::nullopt; // "26/2027" is none of the accepted forms
    if (second.size() == 4)
        endYear = *secondValue;
    else if (second.size() == 2 && first.size() == 4) {
        // The short form names the next year within or just past the start's century, so that
        // toString() reads back for every year ("2099/00").
        endYear = startYear / 100 * 100 + *secondValue;
        if (endYear < startYear)
            endYear += 100;
    } else if (second.size() == 2)
        endYear = 2000 + *secondValue;
    else
        return std::nullopt;

    if (startYear <= 0 || endYear != startYear + 1)
        return std::nullopt;
    return FiscalYear(startYear);
}

QDate FiscalYear::start() const
{
    return isValid() ? QDate(m_startYear, 4, 1) : QDate();
}

QDate FiscalYear::end() const
{
    return isValid() ? QDate(m_startYear + 1, 3, 31) : QDate();
}

bool FiscalYear::contains(QDate date) const
{
    return isValid() && date.isValid() && date >= start() && date <= end();
}

QString FiscalYear::toString() const
{
    if (!isValid())
        return {};
    return QStringLiteral("%1/%2")
        .arg(m_startYear)
        .arg((m_startYear + 1) % 100, 2, 10, QLatin1Char('0'));
}
