// The timeline's date ↔ x mapping, header cells and snapping (brief §4.3, issue 4).
#include "timelinescale.h"

#include <QTest>

using Unit = TimelineScale::Unit;
using Range = TimelineScale::Range;

Q_DECLARE_METATYPE(TimelineScale::Unit)
Q_DECLARE_METATYPE(TimelineScale::Range)

class TestTimelineScale : public QObject
{
    Q_OBJECT

private slots:
    void mapsDaysToXFromTheOrigin_data();
    void mapsDaysToXFromTheOrigin();
    void financialYearWidthCountsLeapDays_data();
    void financialYearWidthCountsLeapDays();
    void dateAtIsTheInverseOfXAtEveryZoom_data();
    void dateAtIsTheInverseOfXAtEveryZoom();
    void dateAtPointsInsideADayGiveThatDay();
    void clampsZoomToItsLimits_data();
    void clampsZoomToItsLimits();
    void zoomStepsMoveToTheNextPresetLevel();
    void fitsARangeToAWidth();
    void showsMonthsOnlyWhenAMonthCanBeRead_data();
    void showsMonthsOnlyWhenAMonthCanBeRead();
    void startsUnitsOnNhsBoundaries_data();
    void startsUnitsOnNhsBoundaries();
    void snapsToTheNearestBoundary_data();
    void snapsToTheNearestBoundary();
    void boundaryNearXSnapsAtTheZoom_data();
    void boundaryNearXSnapsAtTheZoom();
    void financialYearSegmentsAreLabelledLikeThePlan();
    void quarterSegmentsAreFinancialQuarters();
    void monthSegmentsCoverALeapFebruary();
    void segmentsCoverTheWholeRequestedRange();
    void movesKeepTheLengthInMonths_data();
    void movesKeepTheLengthInMonths();
    void resizingTheEndLandsOnABoundary_data();
    void resizingTheEndLandsOnABoundary();
    void resizingTheStartLandsOnABoundary_data();
    void resizingTheStartLandsOnABoundary();
    void dragDistancesBecomeWholeUnits_data();
    void dragDistancesBecomeWholeUnits();
};

void TestTimelineScale::mapsDaysToXFromTheOrigin_data()
{
    QTest::addColumn<QDate>("origin");
    QTest::addColumn<double>("pixelsPerDay");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("xAfter");

    QTest::newRow("origin") << QDate(2026, 4, 1) << 2.0 << QDate(2026, 4, 1) << 0.0 << 2.0;
    QTest::newRow("next day") << QDate(2026, 4, 1) << 2.0 << QDate(2026, 4, 2) << 2.0 << 4.0;
    QTest::newRow("a year on, no leap day") << QDate(2026, 4, 1) << 1.0 << QDate(2027, 4, 1) << 365.0 << 366.0;
    QTest::newRow("before the origin") << QDate(2026, 4, 1) << 1.5 << QDate(2026, 3, 31) << -1.5 << 0.0;
    QTest::newRow("through 29 February 2028") << QDate(2027, 4, 1) << 1.0 << QDate(2028, 4, 1) << 366.0 << 367.0;
    QTest::newRow("29 February itself") << QDate(2028, 2, 28) << 10.0 << QDate(2028, 2, 29) << 10.0 << 20.0;
    QTest::newRow("century rule: 2100 has no 29 February")
        << QDate(2100, 2, 28) << 1.0 << QDate(2100, 3, 1) << 1.0 << 2.0;
}

void TestTimelineScale::mapsDaysToXFromTheOrigin()
{
    QFETCH(QDate, origin);
    QFETCH(double, pixelsPerDay);
    QFETCH(QDate, date);
    QFETCH(double, x);
    QFETCH(double, xAfter);

    const TimelineScale scale(origin, pixelsPerDay);
    QCOMPARE(scale.x(date), x);
    QCOMPARE(scale.xAfter(date), xAfter);
}

void TestTimelineScale::financialYearWidthCountsLeapDays_data()
{
    QTest::addColumn<int>("startYear");
    QTest::addColumn<int>("days");

    QTest::newRow("2026/27") << 2026 << 365;
    QTest::newRow("2027/28 holds 29 Feb 2028") << 2027 << 366;
    QTest::newRow("2028/29 starts after it") << 2028 << 365;
    QTest::newRow("2031/32 holds 29 Feb 2032") << 2031 << 366;
    QTest::newRow("2099/2100: 2100 is not a leap year") << 2099 << 365;
}

void TestTimelineScale::financialYearWidthCountsLeapDays()
{
    QFETCH(int, startYear);
    QFETCH(int, days);

    const TimelineScale scale(QDate(2020, 4, 1), 0.5);
    const QDate first(startYear, 4, 1);
    const QDate last(startYear + 1, 3, 31);
    QCOMPARE(scale.width(first, last), days * 0.5);
    QCOMPARE(scale.x(TimelineScale::nextBoundary(first, Unit::FinancialYear)), scale.xAfter(last));
}

void TestTimelineScale::dateAtIsTheInverseOfXAtEveryZoom_data()
{
    QTest::addColumn<double>("pixelsPerDay");
    for (double level : TimelineScale::zoomLevels())
        QTest::addRow("%g px/day", level) << level;
    QTest::newRow("odd zoom 0.1") << 0.1;
    QTest::newRow("odd zoom 0.3") << 0.3;
    QTest::newRow("odd zoom 2.7") << 2.7;
}

void TestTimelineScale::dateAtIsTheInverseOfXAtEveryZoom()
{
    QFETCH(double, pixelsPerDay);

    const TimelineScale scale(QDate(2019, 4, 1), pixelsPerDay);
    for (QDate date(2018, 1, 1); date <= QDate(2034, 12, 31); date = date.addDays(13)) {
        QCOMPARE(scale.dateAt(scale.x(date)), date);
        QCOMPARE(scale.dateAt(scale.xAfter(date)), date.addDays(1));
    }
    QCOMPARE(scale.dateAt(scale.x(QDate(2028, 2, 29))), QDate(2028, 2, 29));
}

void TestTimelineScale::dateAtPointsInsideADayGiveThatDay()
{
    const TimelineScale scale(QDate(2026, 4, 1), 10.0);
    QCOMPARE(scale.dateAt(0.0), QDate(2026, 4, 1));
    QCOMPARE(scale.dateAt(9.99), QDate(2026, 4, 1));
    QCOMPARE(scale.dateAt(10.0), QDate(2026, 4, 2));
    QCOMPARE(scale.dateAt(-0.01), QDate(2026, 3, 31));
}

void TestTimelineScale::clampsZoomToItsLimits_data()
{
    QTest::addColumn<double>("requested");
    QTest::addColumn<double>("expected");

    QTest::newRow("too far out") << 0.001 << TimelineScale::MinimumPixelsPerDay;
    QTest::newRow("too far in") << 500.0 << TimelineScale::MaximumPixelsPerDay;
    QTest::newRow("within") << 3.0 << 3.0;
    QTest::newRow("zero") << 0.0 << TimelineScale::MinimumPixelsPerDay;
    QTest::newRow("negative") << -2.0 << TimelineScale::MinimumPixelsPerDay;
}

void TestTimelineScale::clampsZoomToItsLimits()
{
    QFETCH(double, requested);
    QFETCH(double, expected);

    TimelineScale scale;
    scale.setPixelsPerDay(requested);
    QCOMPARE(scale.pixelsPerDay(), expected);
}

void TestTimelineScale::zoomStepsMoveToTheNextPresetLevel()
{
    const QList<double> &levels = TimelineScale::zoomLevels();
    QVERIFY(std::is_sorted(levels.cbegin(), levels.cend()));
    QCOMPARE(levels.constFirst(), TimelineScale::MinimumPixelsPerDay);
    QCOMPARE(levels.constLast(), TimelineScale::MaximumPixelsPerDay);

    TimelineScale scale(QDate(2026, 4, 1), levels.at(4));
    QCOMPARE(scale.zoomedIn(), levels.at(5));
    QCOMPARE(scale.zoomedOut(), levels.at(3));

    scale.setPixelsPerDay((levels.at(4) + levels.at(5)) / 2); // between two steps (after "fit")
    QCOMPARE(scale.zoomedIn(), levels.at(5));
    QCOMPARE(scale.zoomedOut(), levels.at(4));

    scale.setPixelsPerDay(TimelineScale::MaximumPixelsPerDay);
    QCOMPARE(scale.zoomedIn(), TimelineScale::MaximumPixelsPerDay);
    scale.setPixelsPerDay(TimelineScale::MinimumPixelsPerDay);
    QCOMPARE(scale.zoomedOut(), TimelineScale::MinimumPixelsPerDay);
}

void TestTimelineScale::fitsARangeToAWidth()
{
    // Five financial years (1,826 days with 29 Feb 2028) in 1,826 px: one pixel a day.
    QCOMPARE(TimelineScale::pixelsPerDayToFit(QDate(2026, 4, 1), QDate(2031, 3, 31), 1826.0), 1.0);
    // One month in 3,100 px would pass the maximum zoom.
    QCOMPARE(TimelineScale::pixelsPerDayToFit(QDate(2026, 4, 1), QDate(2026, 4, 30), 3100.0),
             TimelineScale::MaximumPixelsPerDay);
    // Nothing to fit leaves the zoom at one pixel a day rather than dividing by nothing.
    QCOMPARE(TimelineScale::pixelsPerDayToFit(QDate(), QDate(2026, 4, 30), 800.0), 1.0);
    QCOMPARE(TimelineScale::pixelsPerDayToFit(QDate(2027, 1, 1), QDate(2026, 4, 30), 800.0), 1.0);
}

void TestTimelineScale::showsMonthsOnlyWhenAMonthCanBeRead_data()
{
    QTest::addColumn<double>("pixelsPerDay");
    QTest::addColumn<Unit>("unit");

    QTest::newRow("five years on a screen") << 0.6 << Unit::Quarter;
    QTest::newRow("just under a readable February") << 0.9 << Unit::Quarter;
    QTest::newRow("a readable February") << TimelineScale::MinimumMonthWidth / 28.0 << Unit::Month;
    QTest::newRow("months") << 4.5 << Unit::Month;
}

void TestTimelineScale::showsMonthsOnlyWhenAMonthCanBeRead()
{
    QFETCH(double, pixelsPerDay);
    QFETCH(Unit, unit);

    QCOMPARE(TimelineScale(QDate(2026, 4, 1), pixelsPerDay).detailUnit(), unit);
}

void TestTimelineScale::startsUnitsOnNhsBoundaries_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("next");

    QTest::newRow("month mid") << QDate(2026, 5, 17) << Unit::Month << QDate(2026, 5, 1) << QDate(2026, 6, 1);
    QTest::newRow("leap February")
        << QDate(2028, 2, 29) << Unit::Month << QDate(2028, 2, 1) << QDate(2028, 3, 1);
    QTest::newRow("Q1 Apr–Jun") << QDate(2026, 6, 30) << Unit::Quarter << QDate(2026, 4, 1) << QDate(2026, 7, 1);
    QTest::newRow("Q3 Oct–Dec") << QDate(2026, 10, 1) << Unit::Quarter << QDate(2026, 10, 1) << QDate(2027, 1, 1);
    QTest::newRow("Q4 Jan–Mar across the calendar year")
        << QDate(2027, 3, 31) << Unit::Quarter << QDate(2027, 1, 1) << QDate(2027, 4, 1);
    QTest::newRow("FY on 1 April") << QDate(2026, 4, 1) << Unit::FinancialYear << QDate(2026, 4, 1)
                                   << QDate(2027, 4, 1);
    QTest::newRow("FY on 31 March belongs to the year before")
        << QDate(2027, 3, 31) << Unit::FinancialYear << QDate(2026, 4, 1) << QDate(2027, 4, 1);
    QTest::newRow("FY in January") << QDate(2028, 1, 15) << Unit::FinancialYear << QDate(2027, 4, 1)
                                   << QDate(2028, 4, 1);
}

void TestTimelineScale::startsUnitsOnNhsBoundaries()
{
    QFETCH(QDate, date);
    QFETCH(Unit, unit);
    QFETCH(QDate, start);
    QFETCH(QDate, next);

    QCOMPARE(TimelineScale::startOfUnit(date, unit), start);
    QCOMPARE(TimelineScale::nextBoundary(date, unit), next);
}

void TestTimelineScale::snapsToTheNearestBoundary_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<QDate>("snapped");

    QTest::newRow("early in the month") << QDate(2026, 5, 10) << Unit::Month << QDate(2026, 5, 1);
    QTest::newRow("late in the month") << QDate(2026, 5, 20) << Unit::Month << QDate(2026, 6, 1);
    QTest::newRow("on the boundary") << QDate(2026, 6, 1) << Unit::Month << QDate(2026, 6, 1);
    QTest::newRow("mid leap February rounds down")
        << QDate(2028, 2, 15) << Unit::Month << QDate(2028, 2, 1);
    QTest::newRow("late leap February rounds up") << QDate(2028, 2, 16) << Unit::Month << QDate(2028, 3, 1);
    QTest::newRow("quarter: May is nearer April") << QDate(2026, 5, 10) << Unit::Quarter << QDate(2026, 4, 1);
    QTest::newRow("quarter: late May is nearer July")
        << QDate(2026, 5, 31) << Unit::Quarter << QDate(2026, 7, 1);
    QTest::newRow("quarter: February is nearer 1 April")
        << QDate(2027, 2, 20) << Unit::Quarter << QDate(2027, 4, 1);
    QTest::newRow("year: September is nearer 1 April before")
        << QDate(2026, 9, 30) << Unit::FinancialYear << QDate(2026, 4, 1);
    QTest::newRow("year: November is nearer 1 April after")
        << QDate(2026, 11, 1) << Unit::FinancialYear << QDate(2027, 4, 1);
}

void TestTimelineScale::snapsToTheNearestBoundary()
{
    QFETCH(QDate, date);
    QFETCH(Unit, unit);
    QFETCH(QDate, snapped);

    QCOMPARE(TimelineScale::nearestBoundary(date, unit), snapped);
}

void TestTimelineScale::boundaryNearXSnapsAtTheZoom_data()
{
    QTest::addColumn<double>("pixelsPerDay");
    QTest::addColumn<QDate>("pointedAt");
    QTest::addColumn<double>("offset"); // fraction of a day into pointedAt
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<QDate>("boundary");

    QTest::newRow("months, just after 1 June") << 4.0 << QDate(2026, 6, 2) << 0.5 << Unit::Month << QDate(2026, 6, 1);
    QTest::newRow("months, just before 1 June")
        << 4.0 << QDate(2026, 5, 29) << 0.5 << Unit::Month << QDate(2026, 6, 1);
    QTest::newRow("quarters, mid August") << 0.5 << QDate(2026, 8, 10) << 0.0 << Unit::Quarter << QDate(2026, 7, 1);
    QTest::newRow("quarters, early September")
        << 0.5 << QDate(2026, 9, 2) << 0.0 << Unit::Quarter << QDate(2026, 10, 1);
}

void TestTimelineScale::boundaryNearXSnapsAtTheZoom()
{
    QFETCH(double, pixelsPerDay);
    QFETCH(QDate, pointedAt);
    QFETCH(double, offset);
    QFETCH(Unit, unit);
    QFETCH(QDate, boundary);

    const TimelineScale scale(QDate(2025, 4, 1), pixelsPerDay);
    QCOMPARE(scale.boundaryNear(scale.x(pointedAt) + offset * pixelsPerDay, unit), boundary);
}

void TestTimelineScale::financialYearSegmentsAreLabelledLikeThePlan()
{
    const auto cells = TimelineScale::segments(Unit::FinancialYear, QDate(2026, 6, 1), QDate(2028, 4, 1));
    QCOMPARE(cells.size(), 3);
    QCOMPARE(cells.at(0).start, QDate(2026, 4, 1));
    QCOMPARE(cells.at(0).end, QDate(2027, 3, 31));
    QCOMPARE(cells.at(0).labels, QStringList({QStringLiteral("2026/27"), QStringLiteral("26/27")}));
    QCOMPARE(cells.at(1).labels.constFirst(), QStringLiteral("2027/28"));
    QCOMPARE(cells.at(1).end, QDate(2028, 3, 31));
    QCOMPARE(cells.at(2).start, QDate(2028, 4, 1));
    QCOMPARE(cells.at(2).labels.constFirst(), QStringLiteral("2028/29"));
}

void TestTimelineScale::quarterSegmentsAreFinancialQuarters()
{
    const auto cells = TimelineScale::segments(Unit::Quarter, QDate(2026, 4, 1), QDate(2027, 3, 31));
    QCOMPARE(cells.size(), 4);
    const QStringList expected{QStringLiteral("Q1 Apr–Jun"), QStringLiteral("Q2 Jul–Sep"), QStringLiteral("Q3 Oct–Dec"),
                               QStringLiteral("Q4 Jan–Mar")};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(cells.at(i).labels.constFirst(), expected.at(i));
        QCOMPARE(cells.at(i).labels.constLast(), expected.at(i).left(2));
        QCOMPARE(cells.at(i).unit, Unit::Quarter);
    }
    QCOMPARE(cells.at(3).start, QDate(2027, 1, 1));
    QCOMPARE(cells.at(3).end, QDate(2027, 3, 31));
}

void TestTimelineScale::monthSegmentsCoverALeapFebruary()
{
    const auto cells = TimelineScale::segments(Unit::Month, QDate(2028, 2, 10), QDate(2028, 3, 1));
    QCOMPARE(cells.size(), 2);
    QCOMPARE(cells.at(0).start, QDate(2028, 2, 1));
    QCOMPARE(cells.at(0).end, QDate(2028, 2, 29));
    QCOMPARE(cells.at(0).labels, QStringList({QStringLiteral("February"), QStringLiteral("Feb"), QStringLiteral("F")}));
    QCOMPARE(cells.at(1).start, QDate(2028, 3, 1));
}

void TestTimelineScale::segmentsCoverTheWholeRequestedRange()
{
    const QDate from(2025, 11, 12);
    const QDate to(2031, 2, 3);
    for (Unit unit : {Unit::Month, Unit::Quarter, Unit::FinancialYear}) {
        const auto cells = TimelineScale::segments(unit, from, to);
        QVERIFY(!cells.isEmpty());
        QVERIFY(cells.constFirst().start <= from);
        QVERIFY(cells.constLast().end >= to);
        for (qsizetype i = 1; i < cells.size(); ++i)
            QCOMPARE(cells.at(i).start, cells.at(i - 1).end.addDays(1)); // no gap, no overlap
    }
    QVERIFY(TimelineScale::segments(Unit::Month, to, from).isEmpty());
}

void TestTimelineScale::movesKeepTheLengthInMonths_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<int>("months");
    QTest::addColumn<Range>("moved");

    QTest::newRow("a financial year, one month on")
        << Range{QDate(2026, 4, 1), QDate(2027, 3, 31)} << 1 << Range{QDate(2026, 5, 1), QDate(2027, 4, 30)};
    QTest::newRow("a quarter back a quarter")
        << Range{QDate(2026, 7, 1), QDate(2026, 9, 30)} << -3 << Range{QDate(2026, 4, 1), QDate(2026, 6, 30)};
    QTest::newRow("ending in April, 30 days, ends in May on the 31st")
        << Range{QDate(2026, 4, 1), QDate(2026, 4, 30)} << 1 << Range{QDate(2026, 5, 1), QDate(2026, 5, 31)};
    QTest::newRow("into a leap February")
        << Range{QDate(2027, 11, 1), QDate(2027, 11, 30)} << 3 << Range{QDate(2028, 2, 1), QDate(2028, 2, 29)};
    QTest::newRow("a mid-month end keeps its day")
        << Range{QDate(2026, 4, 1), QDate(2027, 6, 15)} << 2 << Range{QDate(2026, 6, 1), QDate(2027, 8, 15)};
    QTest::newRow("no move") << Range{QDate(2026, 4, 1), QDate(2029, 3, 31)} << 0
                             << Range{QDate(2026, 4, 1), QDate(2029, 3, 31)};
}

void TestTimelineScale::movesKeepTheLengthInMonths()
{
    QFETCH(Range, range);
    QFETCH(int, months);
    QFETCH(Range, moved);

    QCOMPARE(TimelineScale::moved(range, months), moved);
}

void TestTimelineScale::resizingTheEndLandsOnABoundary_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<QDate>("boundary");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<Range>("resized");

    QTest::newRow("longer by a quarter") << Range{QDate(2026, 4, 1), QDate(2027, 3, 31)} << QDate(2027, 7, 1)
                                         << Unit::Quarter << Range{QDate(2026, 4, 1), QDate(2027, 6, 30)};
    QTest::newRow("shorter, to the end of February 2028")
        << Range{QDate(2027, 4, 1), QDate(2028, 3, 31)} << QDate(2028, 3, 1) << Unit::Month
        << Range{QDate(2027, 4, 1), QDate(2028, 2, 29)};
    QTest::newRow("never shorter than one unit")
        << Range{QDate(2026, 4, 1), QDate(2027, 3, 31)} << QDate(2026, 4, 1) << Unit::Month
        << Range{QDate(2026, 4, 1), QDate(2026, 4, 30)};
    QTest::newRow("never reversed") << Range{QDate(2026, 4, 1), QDate(2027, 3, 31)} << QDate(2025, 1, 1)
                                    << Unit::Quarter << Range{QDate(2026, 4, 1), QDate(2026, 6, 30)};
}

void TestTimelineScale::resizingTheEndLandsOnABoundary()
{
    QFETCH(Range, range);
    QFETCH(QDate, boundary);
    QFETCH(Unit, unit);
    QFETCH(Range, resized);

    QCOMPARE(TimelineScale::withEndBefore(range, boundary, unit), resized);
}

void TestTimelineScale::resizingTheStartLandsOnABoundary_data()
{
    QTest::addColumn<Range>("range");
    QTest::addColumn<QDate>("boundary");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<Range>("resized");

    QTest::newRow("earlier by a year") << Range{QDate(2026, 4, 1), QDate(2027, 3, 31)} << QDate(2025, 4, 1)
                                       << Unit::Quarter << Range{QDate(2025, 4, 1), QDate(2027, 3, 31)};
    QTest::newRow("later by a month") << Range{QDate(2026, 4, 1), QDate(2027, 3, 31)} << QDate(2026, 5, 1)
                                      << Unit::Month << Range{QDate(2026, 5, 1), QDate(2027, 3, 31)};
    QTest::newRow("never past the last unit") << Range{QDate(2026, 4, 1), QDate(2027, 3, 31)} << QDate(2029, 1, 1)
                                              << Unit::Quarter << Range{QDate(2027, 1, 1), QDate(2027, 3, 31)};
}

void TestTimelineScale::resizingTheStartLandsOnABoundary()
{
    QFETCH(Range, range);
    QFETCH(QDate, boundary);
    QFETCH(Unit, unit);
    QFETCH(Range, resized);

    QCOMPARE(TimelineScale::withStartAt(range, boundary, unit), resized);
}

void TestTimelineScale::dragDistancesBecomeWholeUnits_data()
{
    QTest::addColumn<double>("pixelsPerDay");
    QTest::addColumn<double>("dx");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<int>("months");

    QTest::newRow("a month at 4 px/day") << 4.0 << 122.0 << Unit::Month << 1;
    QTest::newRow("under half a month stays put") << 4.0 << 55.0 << Unit::Month << 0;
    QTest::newRow("two months back") << 4.0 << -240.0 << Unit::Month << -2;
    QTest::newRow("a quarter at 0.5 px/day") << 0.5 << 40.0 << Unit::Quarter << 3;
    QTest::newRow("a little under a quarter rounds to none") << 0.5 << 20.0 << Unit::Quarter << 0;
    QTest::newRow("a year of quarters") << 0.5 << 182.6 << Unit::Quarter << 12;
}

void TestTimelineScale::dragDistancesBecomeWholeUnits()
{
    QFETCH(double, pixelsPerDay);
    QFETCH(double, dx);
    QFETCH(Unit, unit);
    QFETCH(int, months);

    QCOMPARE(TimelineScale(QDate(2026, 4, 1), pixelsPerDay).monthsForDistance(dx, unit), months);
}

QTEST_GUILESS_MAIN(TestTimelineScale)
#include "tst_timelinescale.moc"
