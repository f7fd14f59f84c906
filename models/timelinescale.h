#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// The timeline's axis: maps days to x coordinates and back at a zoom (pixels per day), and
// knows the NHS calendar the axis is drawn in: financial years (1 April – 31 March, "2026/27")
// split into quarters (Q1 Apr–Jun … Q4 Jan–Mar) and months. Pure value type: the Gantt view,
// its header, the printout and the tests all share it.
//
// x is measured from the origin's left edge: day d covers [x(d), xAfter(d)). Days are counted
// with QDate arithmetic, so leap years give 29 February its own width.
class TimelineScale
{
public:
    enum class Unit { Month, Quarter, FinancialYear };

    // One cell of the header: a unit of time and its labels, longest first (the painter uses
    // the first that fits the cell's width; an empty list or none fitting draws no text).
    struct Segment
    {
        QDate start; // first day
        QDate end;   // last day (inclusive)
        Unit unit = Unit::Month;
        QStringList labels;
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    // A timeframe's structured dates (both inclusive), as edited by a drag or a key.
    struct Range
    {
        QDate start;
        QDate end;
        friend bool operator==(const Range &, const Range &) = default;
    };

    // The zoom is kept within these (a year is 29 px at the least, a month 365 px at the most).
    static constexpr double MinimumPixelsPerDay = 0.08;
    static constexpr double MaximumPixelsPerDay = 12.0;
    // A month narrower than this is shown, and snapped to, by quarters instead.
    static constexpr double MinimumMonthWidth = 26.0;

    TimelineScale() = default; // origin 1 April 2020, one pixel per day
    TimelineScale(QDate origin, double pixelsPerDay);

    QDate origin() const { return m_origin; }
    void setOrigin(QDate origin);
    double pixelsPerDay() const { return m_pixelsPerDay; }
    void setPixelsPerDay(double pixelsPerDay); // clamped to the limits above

    double x(QDate date) const;      // left edge of the day
    double xAfter(QDate date) const; // right edge of the day, x(date + 1 day)
    double width(QDate first, QDate last) const { return xAfter(last) - x(first); }
    QDate dateAt(double x) const;    // the day whose cell holds x
    // The first day of the unit boundary nearest to x (where a dragged edge lands).
    QDate boundaryNear(double x, Unit unit) const;

    // Zoom steps for the toolbar, the keyboard and Ctrl+wheel (pixels per day, increasing).
    static const QList<double> &zoomLevels();
    double zoomedIn() const;  // the next preset step up (or the maximum)
    double zoomedOut() const; // the next preset step down (or the minimum)
    // Pixels per day that show from..to (inclusive) in width pixels, within the limits.
    static double pixelsPerDayToFit(QDate from, QDate to, double width);

    // The header's lower row and the unit drags snap to: months when a month is wide enough
    // to read, else quarters.
    Unit detailUnit() const;

    // Header cells of unit covering from..to (inclusive), whole units: the first starts on or
    // before from, the last ends on or after to.
    static QList<Segment> segments(Unit unit, QDate from, QDate to);

    // Calendar arithmetic in the NHS year (quarters start in April, July, October, January).
    static QDate startOfUnit(QDate date, Unit unit);
    static QDate nextBoundary(QDate date, Unit unit); // first day of the following unit
    static QDate nearestBoundary(QDate date, Unit unit);
    static int monthsIn(Unit unit); // 1, 3 or 12
    static QString quarterName(int quarter); // 1 → "Apr–Jun" (FY quarters)

    // The edits a drag or a key makes, snapped to unit. Moving keeps the length in months
    // (a range ending on a month's last day still ends on one); resizing lands the edge on a
    // unit boundary and never makes the range shorter than one unit or reversed.
    static Range moved(Range range, int months);
    static Range withStartAt(Range range, QDate boundary, Unit unit);
    static Range withEndBefore(Range range, QDate boundary, Unit unit); // new end = boundary - 1 day
    // Whole months (a multiple of the unit's months) nearest to a distance of dx pixels.
    int monthsForDistance(double dx, Unit unit) const;

private:
    QDate m_origin{2020, 4, 1};
    double m_pixelsPerDay = 1.0;
};
