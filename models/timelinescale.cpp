#include "timelinescale.h"

#include "fiscalyear.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {
// The average month in days (365.2425 / 12), for turning a drag distance into months.
constexpr double AverageMonthDays = 30.436875;
// Absorbs floating-point error so that dateAt(x(d)) is d again at every zoom.
constexpr double Epsilon = 1e-7;

QDate endOfMonth(QDate date)
{
    return QDate(date.year(), date.month(), date.daysInMonth());
}

bool isEndOfMonth(QDate date)
{
    return date.day() == date.daysInMonth();
}
} // namespace

TimelineScale::TimelineScale(QDate origin, double pixelsPerDay)
{
    setOrigin(origin);
    setPixelsPerDay(pixelsPerDay);
}

void TimelineScale::setOrigin(QDate origin)
{
    if (origin.isValid())
        m_origin = origin;
}

void TimelineScale::setPixelsPerDay(double pixelsPerDay)
{
    if (std::isfinite(pixelsPerDay))
        m_pixelsPerDay = std::clamp(pixelsPerDay, MinimumPixelsPerDay, MaximumPixelsPerDay);
}

double TimelineScale::x(QDate date) const
{
    return double(m_origin.daysTo(date)) * m_pixelsPerDay;
}

double TimelineScale::xAfter(QDate date) const
{
    return double(m_origin.daysTo(date) + 1) * m_pixelsPerDay;
}

QDate TimelineScale::dateAt(double x) const
{
    return m_origin.addDays(qint64(std::floor(x / m_pixelsPerDay + Epsilon)));
}

QDate TimelineScale::boundaryNear(double x, Unit unit) const
{
    const QDate day = dateAt(x);
    const QDate before = startOfUnit(day, unit);
    const QDate after = nextBoundary(day, unit);
    return std::abs(x - this->x(before)) <= std::abs(this->x(after) - x) ? before : after;
}

const QList<double> &TimelineScale::zoomLevels()
{
    // Roughly 1.5× apart: from thirty years on a screen down to a month a third of one.
    static const QList<double> levels{0.08, 0.12, 0.18, 0.27, 0.4, 0.6, 0.9, 1.35, 2.0, 3.0, 4.5, 7.0, 12.0};
    return levels;
}

double TimelineScale::zoomedIn() const
{
    for (double level : zoomLevels()) {
        if (level > m_pixelsPerDay * (1.0 + Epsilon))
            return level;
    }
    return MaximumPixelsPerDay;
}

double TimelineScale::zoomedOut() const
{
    const QList<double> &levels = zoomLevels();
    for (auto it = levels.crbegin(); it != levels.crend(); ++it) {
        if (*it < m_pixelsPerDay * (1.0 - Epsilon))
            return *it;
    }
    return MinimumPixelsPerDay;
}

double TimelineScale::pixelsPerDayToFit(QDate from, QDate to, double width)
{
    if (!from.isValid() || !to.isValid() || to < from || width <= 0)
        return 1.0;
    const double days = double(from.daysTo(to) + 1);
    return std::clamp(width / days, MinimumPixelsPerDay, MaximumPixelsPerDay);
}

TimelineScale::Unit TimelineScale::detailUnit() const
{
    // The narrowest month (February, 28 days) must still hold a three-letter name.
    return 28.0 * m_pixelsPerDay >= MinimumMonthWidth ? Unit::Month : Unit::Quarter;
}

QList<TimelineScale::Segment> TimelineScale::segments(Unit unit, QDate from, QDate to)
{
    QList<Segment> cells;
    if (!from.isValid() || !to.isValid() || to < from)
        return cells;
    static const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    for (QDate start = startOfUnit(from, unit); start <= to; start = nextBoundary(start, unit)) {
        Segment cell;
        cell.start = start;
        cell.end = nextBoundary(start, unit).addDays(-1);
        cell.unit = unit;
        switch (unit) {
        case Unit::FinancialYear: {
            const FiscalYear year(start.year());
            cell.labels = {year.toString(), year.toString().mid(2)};
            break;
        }
        case Unit::Quarter: {
            const int quarter = (start.month() + 8) / 3 % 4 + 1; // Apr → 1 … Jan → 4
            const QString name = QStringLiteral("Q%1").arg(quarter);
            cell.labels = {name + u' ' + quarterName(quarter), name};
            break;
        }
        case Unit::Month: {
            const QString name = english.monthName(start.month(), QLocale::LongFormat);
            cell.labels = {name, name.left(3), name.left(1)};
            break;
        }
        }
        cells.append(cell);
    }
    return cells;
}

QDate TimelineScale::startOfUnit(QDate date, Unit unit)
{
    if (!date.isValid())
        return {};
    switch (unit) {
    case Unit::Month:
        return QDate(date.year(), date.month(), 1);
    case Unit::Quarter:
        // FY quarters start in April, July, October and January: the calendar quarters' months.
        return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
    case Unit::FinancialYear:
        return FiscalYear::containing(date).start();
    }
    return {};
}

QDate TimelineScale::nextBoundary(QDate date, Unit unit)
{
    const QDate start = startOfUnit(date, unit);
    return start.isValid() ? start.addMonths(monthsIn(unit)) : QDate();
}

QDate TimelineScale::nearestBoundary(QDate date, Unit unit)
{
    const QDate before = startOfUnit(date, unit);
    const QDate after = nextBoundary(date, unit);
    if (!before.isValid())
        return {};
    return before.daysTo(date) <= date.daysTo(after) ? before : after;
}

int TimelineScale::monthsIn(Unit unit)
{
    switch (unit) {
    case Unit::Month:
        return 1;
    case Unit::Quarter:
        return 3;
    case Unit::FinancialYear:
        return 12;
    }
    return 1;
}

QString TimelineScale::quarterName(int quarter)
{
    switch (quarter) {
    case 1:
        return QStringLiteral("Apr–Jun");
    case 2:
        return QStringLiteral("Jul–Sep");
    case 3:
        return QStringLiteral("Oct–Dec");
    case 4:
        return QStringLiteral("Jan–Mar");
    }
    return {};
}

TimelineScale::Range TimelineScale::moved(Range range, int months)
{
    if (!range.start.isValid() || !range.end.isValid())
        return range;
    Range result;
    result.start = range.start.addMonths(months);
    // addMonths clamps the day (30 April + 1 month is 30 May): a range that ended with its
    // month keeps doing so, so "April – June" moves to "May – July", not to "May – 30 July".
    result.end = isEndOfMonth(range.end) ? endOfMonth(range.end.addMonths(months)) : range.end.addMonths(months);
    return result;
}

TimelineScale::Range TimelineScale::withStartAt(Range range, QDate boundary, Unit unit)
{
    if (!boundary.isValid() || !range.end.isValid())
        return range;
    const QDate latest = startOfUnit(range.end, unit);
    return {std::min(boundary, latest), range.end};
}

TimelineScale::Range TimelineScale::withEndBefore(Range range, QDate boundary, Unit unit)
{
    if (!boundary.isValid() || !range.start.isValid())
        return range;
    const QDate earliest = nextBoundary(range.start, unit).addDays(-1);
    return {range.start, std::max(boundary.addDays(-1), earliest)};
}

int TimelineScale::monthsForDistance(double dx, Unit unit) const
{
    const int step = monthsIn(unit);
    const double days = dx / m_pixelsPerDay;
    return int(std::lround(days / (AverageMonthDays * step))) * step;
}
