#include "fiscalyear.h"

#include <QTest>

class TestFiscalYear : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsInvalid();
    void runsFromFirstAprilToThirtyFirstMarch();
    void containingPicksTheYearByTheAprilBoundary_data();
    void containingPicksTheYearByTheAprilBoundary();
    void containsOnlyItsOwnDays_data();
    void containsOnlyItsOwnDays();
    void parsesTheAcceptedForms_data();
    void parsesTheAcceptedForms();
    void rejectsEverythingElse_data();
    void rejectsEverythingElse();
    void writesTheShortForm_data();
    void writesTheShortForm();
    void readsBackWhatItWrites();
    void nextMovesWholeYears();
    void ordersByStartYear();
};

void TestFiscalYear::defaultIsInvalid()
{
    const FiscalYear year;
    QVERIFY(!year.isValid());
    QVERIFY(!year.start().isValid());
    QVERIFY(!year.end().isValid());
    QVERIFY(year.toString().isEmpty());
    QVERIFY(!year.contains(QDate(2026, 6, 1)));
}

void TestFiscalYear::runsFromFirstAprilToThirtyFirstMarch()
{
    const FiscalYear year(2026);
    QVERIFY(year.isValid());
    QCOMPARE(year.startYear(), 2026);
    QCOMPARE(year.start(), QDate(2026, 4, 1));
    QCOMPARE(year.end(), QDate(2027, 3, 31));
}

void TestFiscalYear::containingPicksTheYearByTheAprilBoundary_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("startYear");

    QTest::newRow("31 March belongs to the year before") << QDate(2026, 3, 31) << 2025;
    QTest::newRow("1 April starts a new year") << QDate(2026, 4, 1) << 2026;
    QTest::newRow("31 December") << QDate(2026, 12, 31) << 2026;
    QTest::newRow("1 January") << QDate(2027, 1, 1) << 2026;
    QTest::newRow("29 February 2028 is inside 2027/28") << QDate(2028, 2, 29) << 2027;
    QTest::newRow("invalid date") << QDate() << 0;
}

void TestFiscalYear::containingPicksTheYearByTheAprilBoundary()
{
    QFETCH(QDate, date);
    QFETCH(int, startYear);
    const FiscalYear year = FiscalYear::containing(date);
    QCOMPARE(year.startYear(), startYear);
    QCOMPARE(year.isValid(), startYear != 0);
}

void TestFiscalYear::containsOnlyItsOwnDays_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("contained");

    QTest::newRow("day before") << QDate(2027, 3, 31) << false;
    QTest::newRow("first day") << QDate(2027, 4, 1) << true;
    QTest::newRow("29 February 2028") << QDate(2028, 2, 29) << true;
    QTest::newRow("last day") << QDate(2028, 3, 31) << true;
    QTest::newRow("day after") << QDate(2028, 4, 1) << false;
    QTest::newRow("invalid date") << QDate() << false;
}

void TestFiscalYear::containsOnlyItsOwnDays()
{
    QFETCH(QDate, date);
    QFETCH(bool, contained);
    QCOMPARE(FiscalYear(2027).contains(date), contained);
}

void TestFiscalYear::parsesTheAcceptedForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("startYear");

    QTest::newRow("2026/27") << QStringLiteral("2026/27") << 2026;
    QTest::newRow("2026/2027") << QStringLiteral("2026/2027") << 2026;
    QTest::newRow("26/27") << QStringLiteral("26/27") << 2026;
    QTest::newRow("2099/00 crosses a century") << QStringLiteral("2099/00") << 2099;
    QTest::newRow("surrounding spaces") << QStringLiteral(" 2028/29 ") << 2028;
}

void TestFiscalYear::parsesTheAcceptedForms()
{
    QFETCH(QString, text);
    QFETCH(int, startYear);
    const auto year = FiscalYear::parse(text);
    QVERIFY(year.has_value());
    QCOMPARE(year->startYear(), startYear);
}

void TestFiscalYear::rejectsEverythingElse_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("lone year") << QStringLiteral("2026");
    QTest::newRow("dash") << QStringLiteral("2026-27");
    QTest::newRow("two years apart") << QStringLiteral("2026/28");
    QTest::newRow("same year") << QStringLiteral("2026/26");
    QTest::newRow("backwards") << QStringLiteral("2027/26");
    QTest::newRow("short then long") << QStringLiteral("26/2027");
    QTest::newRow("three digits") << QStringLiteral("202/27");
    QTest::newRow("one digit") << QStringLiteral("2026/7");
    QTest::newRow("words") << QStringLiteral("FY 2026/27");
    QTest::newRow("two slashes") << QStringLiteral("2026/27/28");
    QTest::newRow("sign") << QStringLiteral("+2026/27");
    QTest::newRow("non-ASCII digits") << QStringLiteral("٢٠٢٦/٢٧");
}

void TestFiscalYear::rejectsEverythingElse()
{
    QFETCH(QString, text);
    QVERIFY(!FiscalYear::parse(text).has_value());
}

void TestFiscalYear::writesTheShortForm_data()
{
    QTest::addColumn<int>("startYear");
    QTest::addColumn<QString>("text");

    QTest::newRow("2026") << 2026 << QStringLiteral("2026/27");
    QTest::newRow("2009") << 2009 << QStringLiteral("2009/10");
    QTest::newRow("2099") << 2099 << QStringLiteral("2099/00");
}

void TestFiscalYear::writesTheShortForm()
{
    QFETCH(int, startYear);
    QFETCH(QString, text);
    QCOMPARE(FiscalYear(startYear).toString(), text);
}

void TestFiscalYear::readsBackWhatItWrites()
{
    for (int startYear = 2000; startYear <= 2100; ++startYear) {
        const auto year = FiscalYear::parse(FiscalYear(startYear).toString());
        QVERIFY2(year.has_value(), qPrintable(FiscalYear(startYear).toString()));
        QCOMPARE(year->startYear(), startYear);
    }
}

void TestFiscalYear::nextMovesWholeYears()
{
    QCOMPARE(FiscalYear(2026).next(), FiscalYear(2027));
    QCOMPARE(FiscalYear(2026).next(4).toString(), QStringLiteral("2030/31"));
    QCOMPARE(FiscalYear(2026).next(-1), FiscalYear(2025));
}

void TestFiscalYear::ordersByStartYear()
{
    QVERIFY(FiscalYear(2025) < FiscalYear(2026));
    QVERIFY(FiscalYear(2026) == FiscalYear::containing(QDate(2026, 4, 1)));
    QVERIFY(FiscalYear(2027) > FiscalYear(2026));
}

QTEST_GUILESS_MAIN(TestFiscalYear)
#include "tst_fiscalyear.moc"
