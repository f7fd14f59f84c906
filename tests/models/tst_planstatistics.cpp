// The dashboard's numbers: shift coverage, intentions per financial year, notices, what is due.
#include "intentionlistmodel.h"
#include "planroles.h"
#include "planstatistics.h"

#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>

using namespace PlanStatistics;

namespace {

// "C", "P", "D" letters → shift bits.
int shiftsFrom(const QString &letters)
{
    return (letters.contains(u'C') ? PlanRoles::CommunityBit : 0) | (letters.contains(u'P') ? PlanRoles::PreventionBit : 0)
           | (letters.contains(u'D') ? PlanRoles::DigitalBit : 0);
}

// "1:CP 1:- 2:D": one intention per word, portfolio id before the colon, shifts after it; ids 1, 2, 3…
QList<IntentionFacts> intentionsFrom(const QString &spec)
{
    QList<IntentionFacts> out;
    const QStringList words = spec.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        IntentionFacts facts;
        facts.id = out.size() + 1;
        facts.portfolioId = word.section(u':', 0, 0).toLongLong();
        facts.shifts = shiftsFrom(word.section(u':', 1));
        out.append(facts);
    }
    return out;
}

IntentionFacts dated(Id id, Id portfolioId, QDate start, QDate end, bool openEnded = false,
                     IntentionStatus status = IntentionStatus::Proposed)
{
    IntentionFacts facts;
    facts.id = id;
    facts.portfolioId = portfolioId;
    facts.start = start;
    facts.end = end;
    facts.openEnded = openEnded;
    facts.status = status;
    return facts;
}

Portfolio portfolio(Id id, int sortOrder)
{
    Portfolio p;
    p.id = id;
    p.name = QStringLiteral("Portfolio %1").arg(id);
    p.sortOrder = sortOrder;
    return p;
}

ContractNotice notice(Id id, NoticeKind kind, NoticeStatus status, QDate issueDate = {}, QList<Id> intentions = {})
{
    ContractNotice n;
    n.id = id;
    n.providerId = 1;
    n.kind = kind;
    n.status = status;
    n.issueDate = issueDate;
    n.intentionIds = intentions;
    return n;
}

QString yearsText(const YearBreakdown &breakdown, Id portfolioId)
{
    QStringList years;
    const int row = breakdown.rowOf(portfolioId);
    if (row < 0)
        return {};
    for (int column = 0; column < breakdown.years.size(); ++column) {
        if (breakdown.count(row, column) > 0)
            years << breakdown.years.at(column).toString();
    }
    return years.join(u',');
}

} // namespace

class TestPlanStatistics : public QObject
{
    Q_OBJECT
private slots:
    void countsEachShiftPerPortfolio_data()
    {
        QTest::addColumn<QString>("intentions");
        QTest::addColumn<Id>("portfolio");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("community");
        QTest::addColumn<int>("prevention");
        QTest::addColumn<int>("digital");
        QTest::newRow("one of each") << "1:C 1:P 1:D" << Id(1) << 3 << 1 << 1 << 1;
        QTest::newRow("one intention carrying all three counts once in each") << "1:CPD" << Id(1) << 1 << 1 << 1 << 1;
        QTest::newRow("untagged intentions still count in the total") << "1:- 1:- 1:C" << Id(1) << 3 << 1 << 0 << 0;
        QTest::newRow("other portfolios do not leak in") << "1:C 2:CPD 2:P" << Id(2) << 2 << 1 << 2 << 1;
    }

    void countsEachShiftPerPortfolio()
    {
        QFETCH(QString, intentions);
        QFETCH(Id, portfolio);
        QFETCH(int, total);
        QFETCH(int, community);
        QFETCH(int, prevention);
        QFETCH(int, digital);
        const ShiftCoverage coverage = shiftCoverage(intentionsFrom(intentions));
        const PortfolioCoverage *row = coverage.find(portfolio);
        QVERIFY(row);
        QCOMPARE(row->total(), total);
        QCOMPARE(row->count(Shift::HospitalToCommunity), community);
        QCOMPARE(row->count(Shift::TreatmentToPrevention), prevention);
        QCOMPARE(row->count(Shift::AnalogueToDigital), digital);
        QCOMPARE(row->share(Shift::HospitalToCommunity), double(community) / total);
    }

    void keepsTheIdsBehindEachCount()
    {
        const ShiftCoverage coverage = shiftCoverage(intentionsFrom(QStringLiteral("1:C 2:C 1:CD 1:-")));
        const PortfolioCoverage *row = coverage.find(1);
        QVERIFY(row);
        QCOMPARE(row->intentionIds, (QList<Id>{1, 3, 4}));
        QCOMPARE(row->shiftIds[shiftIndex(Shift::HospitalToCommunity)], (QList<Id>{1, 3}));
        QCOMPARE(row->shiftIds[shiftIndex(Shift::AnalogueToDigital)], (QList<Id>{3}));
        QCOMPARE(coverage.plan.shiftIds[shiftIndex(Shift::HospitalToCommunity)], (QList<Id>{1, 2, 3}));
        QCOMPARE(coverage.plan.total(), 4);
    }

    void roundsSharesToWholePercents_data()
    {
        QTest::addColumn<QString>("intentions");
        QTest::addColumn<int>("percent");
        QTest::newRow("two of three") << "1:C 1:C 1:-" << 67;
        QTest::newRow("one of three") << "1:C 1:- 1:-" << 33;
        QTest::newRow("one of eight, 12.5, rounds up") << "1:C 1:- 1:- 1:- 1:- 1:- 1:- 1:-" << 13;
        QTest::newRow("all") << "1:C" << 100;
        QTest::newRow("none") << "1:-" << 0;
    }

    void roundsSharesToWholePercents()
    {
        QFETCH(QString, intentions);
        QFETCH(int, percent);
        const ShiftCoverage coverage = shiftCoverage(intentionsFrom(intentions));
        QCOMPARE(coverage.find(1)->percent(Shift::HospitalToCommunity), percent);
    }

    void sortsPortfoliosByCoverageThenSizeThenPlanOrder_data()
    {
        QTest::addColumn<QString>("intentions");
        QTest::addColumn<QList<Id>>("order");
        QTest::newRow("more coverage first") << "1:C 1:- 2:CPD 3:CP" << QList<Id>{2, 3, 1};
        QTest::newRow("equal shares: more intentions first") << "1:C 2:C 2:C" << QList<Id>{2, 1};
        QTest::newRow("equal shares and sizes: plan order (3 before 1)") << "1:P 3:D" << QList<Id>{3, 1};
        QTest::newRow("exact fractions tie: 1/3 of 3 shifts vs 2/6") << "1:C 1:- 1:- 2:CP 2:- 2:- 2:- 2:- 2:-"
                                                                    << QList<Id>{2, 1};
    }

    void sortsPortfoliosByCoverageThenSizeThenPlanOrder()
    {
        QFETCH(QString, intentions);
        QFETCH(QList<Id>, order);
        const QList<Portfolio> portfolios{portfolio(1, 20), portfolio(2, 5), portfolio(3, 10)};
        const ShiftCoverage coverage = shiftCoverage(intentionsFrom(intentions), portfolios);
        QList<Id> actual;
        for (const PortfolioCoverage &row : coverage.portfolios)
            actual << row.portfolioId;
        QCOMPARE(actual, order);
    }

    void coverageOfNoIntentionsIsEmpty()
    {
        const ShiftCoverage coverage = shiftCoverage({});
        QVERIFY(coverage.portfolios.isEmpty());
        QCOMPARE(coverage.plan.total(), 0);
        QCOMPARE(coverage.plan.share(Shift::AnalogueToDigital), 0.0);
    }

    void countsRunningYearsByTheTimeframeRules_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("end");
        QTest::addColumn<bool>("openEnded");
        QTest::addColumn<QString>("years"); // within 2025/26 … 2030/31
        QTest::newRow("2026-2029") << QDate(2026, 4, 1) << QDate(2029, 3, 31) << false << "2026/27,2027/28,2028/29";
        QTest::newRow("single year") << QDate(2026, 4, 1) << QDate(2027, 3, 31) << false << "2026/27";
        QTest::newRow("October 2026") << QDate(2026, 10, 1) << QDate(2026, 10, 31) << false << "2026/27";
        QTest::newRow("open-ended runs to the last year shown")
            << QDate(2027, 4, 1) << QDate() << true << "2027/28,2028/29,2029/30,2030/31";
        QTest::newRow("an open end wins over an end date") << QDate(2029, 4, 1) << QDate(2030, 3, 31) << true
                                                           << "2029/30,2030/31";
        QTest::newRow("bare ongoing runs every year")
            << QDate() << QDate() << true << "2025/26,2026/27,2027/28,2028/29,2029/30,2030/31";
        QTest::newRow("deadline runs from the first year shown") << QDate() << QDate(2027, 3, 31) << false
                                                                 << "2025/26,2026/27";
        QTest::newRow("start without end or open end: its start year") << QDate(2028, 6, 1) << QDate() << false
                                                                        << "2028/29";
        QTest::newRow("clipped to the years shown") << QDate(2020, 4, 1) << QDate(2033, 3, 31) << false
                                                    << "2025/26,2026/27,2027/28,2028/29,2029/30,2030/31";
        QTest::newRow("wholly before: not shown") << QDate(2020, 4, 1) << QDate(2022, 3, 31) << false << "";
        QTest::newRow("not set: not shown") << QDate() << QDate() << false << "";
    }

    void countsRunningYearsByTheTimeframeRules()
    {
        QFETCH(QDate, start);
        QFETCH(QDate, end);
        QFETCH(bool, openEnded);
        QFETCH(QString, years);
        const YearRange range{FiscalYear(2025), FiscalYear(2030)};
        const YearBreakdown running = runningByYear({dated(7, 1, start, end, openEnded)}, range);
        QCOMPARE(yearsText(running, 1), years);
        QCOMPARE(running.years.size(), 6);
    }

    void setsAsideWhatCannotBePlaced()
    {
        const YearRange range{FiscalYear(2025), FiscalYear(2030)};
        const QList<IntentionFacts> intentions{dated(1, 1, {}, {}), dated(2, 1, QDate(2020, 4, 1), QDate(2021, 3, 31)),
                                               dated(3, 1, {}, QDate(2027, 3, 31)),
                                               dated(4, 1, QDate(2040, 4, 1), {}, true)};
        const YearBreakdown running = runningByYear(intentions, range);
        QCOMPARE(running.undated, (QList<Id>{1}));
        QCOMPARE(running.outside, (QList<Id>{2, 4}));
        const YearBreakdown starting = startingByYear(intentions, range);
        QCOMPARE(starting.undated, (QList<Id>{1, 3})); // a deadline has no start
        QCOMPARE(starting.outside, (QList<Id>{2, 4}));
    }

    void countsStartsInTheYearTheyFallIn_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QString>("year");
        QTest::newRow("1 April opens the year") << QDate(2026, 4, 1) << "2026/27";
        QTest::newRow("31 March closes the year before") << QDate(2027, 3, 31) << "2026/27";
        QTest::newRow("January belongs to the year that began the April before") << QDate(2028, 1, 15) << "2027/28";
    }

    void countsStartsInTheYearTheyFallIn()
    {
        QFETCH(QDate, start);
        QFETCH(QString, year);
        const YearBreakdown starting
            = startingByYear({dated(1, 4, start, start.addYears(1))}, {FiscalYear(2025), FiscalYear(2030)});
        QCOMPARE(yearsText(starting, 4), year);
    }

    void ordersYearRowsLargestFirstAndMergesTheRestIntoOther()
    {
        const YearRange range{FiscalYear(2026), FiscalYear(2027)};
        const QDate y26(2026, 4, 1);
        const QDate y27(2027, 4, 1);
        const QList<IntentionFacts> intentions{dated(1, 10, y26, {}), dated(2, 20, y26, {}), dated(3, 20, y27, {}),
                                               dated(4, 30, y27, {}), dated(5, 40, y26, {})};
        const QList<Portfolio> portfolios{portfolio(10, 4), portfolio(20, 3), portfolio(30, 2), portfolio(40, 1)};
        const YearBreakdown starting = startingByYear(intentions, range, portfolios);
        QCOMPARE(starting.portfolioIds, (QList<Id>{20, 40, 30, 10})); // 20 has two; the rest tie: plan order
        const YearBreakdown top = starting.topPortfolios(2);
        QCOMPARE(top.portfolioIds, (QList<Id>{20, 40, OtherPortfolios}));
        QCOMPARE(top.cells.at(2).at(0), (QList<Id>{1}));    // portfolio 10 in 2026/27
        QCOMPARE(top.cells.at(2).at(1), (QList<Id>{4}));    // portfolio 30 in 2027/28
        QCOMPARE(top.yearTotal(0), 3);
        QCOMPARE(top.portfolioTotal(0), 2);
        QCOMPARE(starting.topPortfolios(4).portfolioIds, starting.portfolioIds); // nothing to merge
    }

    void keepsTheSamePortfoliosForASharedLegend()
    {
        const YearRange range{FiscalYear(2026), FiscalYear(2027)};
        const QList<IntentionFacts> intentions{dated(1, 10, QDate(2026, 4, 1), {}), dated(2, 20, QDate(2027, 4, 1), {}),
                                               dated(3, 30, QDate(2027, 4, 1), {})};
        const YearBreakdown starting = startingByYear(intentions, range);
        const YearBreakdown kept = starting.onlyPortfolios({30, 40, 10});
        QCOMPARE(kept.portfolioIds, (QList<Id>{30, 40, 10, OtherPortfolios}));
        QCOMPARE(kept.portfolioTotal(1), 0); // 40 has no intentions: an empty row
        QCOMPARE(kept.cells.at(3).at(1), QList<Id>{2});
        QCOMPARE(starting.onlyPortfolios({10, 20, 30}).portfolioIds, (QList<Id>{10, 20, 30})); // no "other"
    }

    void horizonIsTheFiveYearPlanReachingBackToEarlierStarts_data()
    {
        QTest::addColumn<QDate>("earliestStart");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("last");
        QTest::newRow("no earlier starts") << QDate(2027, 4, 1) << 2026 << 2030;
        QTest::newRow("a start the year before") << QDate(2025, 4, 1) << 2025 << 2030;
        QTest::newRow("never more than three years back") << QDate(2015, 4, 1) << 2023 << 2030;
        QTest::newRow("no dates at all") << QDate() << 2026 << 2030;
    }

    void horizonIsTheFiveYearPlanReachingBackToEarlierStarts()
    {
        QFETCH(QDate, earliestStart);
        QFETCH(int, first);
        QFETCH(int, last);
        const YearRange range = horizon({dated(1, 1, earliestStart, {}), dated(2, 1, QDate(2028, 4, 1), {})},
                                        FiscalYear(2026));
        QCOMPARE(range.first.startYear(), first);
        QCOMPARE(range.last.startYear(), last);
        QCOMPARE(range.years().size(), last - first + 1);
    }

    void countsNoticesByKindAndStatus()
    {
        const QList<ContractNotice> notices{notice(1, NoticeKind::Terminate, NoticeStatus::Draft),
                                            notice(2, NoticeKind::Terminate, NoticeStatus::Issued),
                                            notice(3, NoticeKind::Transfer, NoticeStatus::Draft),
                                            notice(4, NoticeKind::Reduce, NoticeStatus::Withdrawn)};
        const NoticeBreakdown breakdown = noticeBreakdown(notices);
        QCOMPARE(breakdown.total(), 4);
        QCOMPARE(breakdown.byKind(NoticeKind::Terminate), (QList<Id>{1, 2}));
        QCOMPARE(breakdown.byKind(NoticeKind::Change), QList<Id>{});
        QCOMPARE(breakdown.byStatus(NoticeStatus::Draft), (QList<Id>{1, 3}));
        QCOMPARE(breakdown.ids(NoticeKind::Reduce, NoticeStatus::Withdrawn), QList<Id>{4});
    }

    void keepsNoticesConcerningTheIntentionsShown()
    {
        const QList<ContractNotice> notices{notice(1, NoticeKind::Change, NoticeStatus::Draft, {}, {10}),
                                            notice(2, NoticeKind::Change, NoticeStatus::Draft, {}, {20, 30}),
                                            notice(3, NoticeKind::Change, NoticeStatus::Draft, {}, {})};
        const QList<ContractNotice> kept
            = noticesConcerning(notices, {dated(30, 1, {}, {}), dated(40, 1, {}, {})});
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).id, 2); // linked to intention 30
        QCOMPARE(kept.at(1).id, 3); // linked to none: always kept
    }

    void findsTheNextNoticeIssueDate_data()
    {
        QTest::addColumn<QDate>("planDate");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("next");
        QTest::newRow("still ahead") << QDate(2025, 9, 30) << QDate(2025, 6, 1) << QDate(2025, 9, 30);
        QTest::newRow("today is the day") << QDate(2025, 9, 30) << QDate(2025, 9, 30) << QDate(2025, 9, 30);
        QTest::newRow("passed this year: next year's") << QDate(2025, 9, 30) << QDate(2026, 11, 22)
                                                       << QDate(2027, 9, 30);
        QTest::newRow("passed last year, still ahead this year") << QDate(2025, 9, 30) << QDate(2026, 3, 1)
                                                                 << QDate(2026, 9, 30);
        QTest::newRow("no plan date") << QDate() << QDate(2026, 3, 1) << QDate();
    }

    void findsTheNextNoticeIssueDate()
    {
        QFETCH(QDate, planDate);
        QFETCH(QDate, today);
        QFETCH(QDate, next);
        QCOMPARE(nextNoticeIssueDate(planDate, today), next);
    }

    void listsIntentionsStartingBeforeTheNoticeDate()
    {
        const QDate date(2027, 9, 30);
        const QList<IntentionFacts> intentions{
            dated(1, 1, QDate(2027, 4, 1), {}),
            dated(2, 1, QDate(2026, 4, 1), {}),                                         // before `from`
            dated(3, 1, QDate(2027, 9, 30), {}),                                        // on the date: not before
            dated(4, 1, QDate(2027, 1, 1), {}),
            dated(5, 1, QDate(2027, 2, 1), {}, false, IntentionStatus::Withdrawn),      // withdrawn
            dated(6, 1, QDate(2027, 2, 1), {}, false, IntentionStatus::Complete),       // complete
            dated(7, 1, {}, {}, true),                                                  // no start
        };
        QCOMPARE(dueBefore(intentions, {}, date, QDate(2026, 11, 22)).intentionIds, (QList<Id>{4, 1}));
        QCOMPARE(dueBefore(intentions, {}, date, QDate(2026, 11, 22)).intentionRows, (QList<int>{3, 0}));
        QCOMPARE(dueBefore(intentions, {}, date).intentionIds, (QList<Id>{2, 4, 1}));
    }

    void listsNoticesNotYetIssuedDueByTheNoticeDate()
    {
        const QDate date(2027, 9, 30);
        const QList<ContractNotice> notices{
            notice(1, NoticeKind::Change, NoticeStatus::Draft, QDate(2027, 9, 30)),
            notice(2, NoticeKind::Change, NoticeStatus::Approved, QDate(2026, 9, 30)), // overdue
            notice(3, NoticeKind::Change, NoticeStatus::Issued, QDate(2026, 9, 30)),   // already issued
            notice(4, NoticeKind::Change, NoticeStatus::Draft, QDate(2028, 9, 30)),    // a later round
            notice(5, NoticeKind::Change, NoticeStatus::Draft),                        // no date: next round
            notice(6, NoticeKind::Change, NoticeStatus::Withdrawn, QDate(2027, 1, 1)),
        };
        QCOMPARE(dueBefore({}, notices, date).noticeIds, (QList<Id>{2, 1, 5}));
    }

    void readsFactsFromAFlatModelThroughAProxy()
    {
        Intention a;
        a.id = 11;
        a.portfolioId = 3;
        a.title = QStringLiteral("Virtual wards");
        a.shiftCommunity = true;
        a.shiftDigital = true;
        a.status = IntentionStatus::Agreed;
        a.timeframe.start = QDate(2026, 4, 1);
        a.timeframe.openEnded = true;
        Intention b;
        b.id = 12;
        b.portfolioId = 4;
        b.timeframe.start = QDate(2027, 4, 1);
        b.timeframe.end = QDate(2028, 3, 31);
        IntentionListModel model;
        model.setIntentions({a, b}, {});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(IntentionListModel::TitleColumn, Qt::DescendingOrder); // "Virtual wards" first
        QCOMPARE(facts(proxy), facts(QList<Intention>{a, b}));
        proxy.setFilterRole(PlanRoles::TitleRole);
        proxy.setFilterFixedString(QStringLiteral("wards"));
        QCOMPARE(facts(proxy), facts(QList<Intention>{a}));
    }

    void readsOnlyIntentionRowsOfATree()
    {
        QStandardItemModel model;
        auto *group = new QStandardItem(QStringLiteral("Planned Care"));
        group->setData(int(PlanRoles::NodeKind::Portfolio), PlanRoles::NodeKindRole);
        group->setData(Id(5), PlanRoles::IdRole);
        auto *area = new QStandardItem(QStringLiteral("Demand management"));
        area->setData(int(PlanRoles::NodeKind::ProgrammeArea), PlanRoles::NodeKindRole);
        area->setData(Id(50), PlanRoles::IdRole);
        auto *leaf = new QStandardItem(QStringLiteral("Referral hub"));
        leaf->setData(int(PlanRoles::NodeKind::Intention), PlanRoles::NodeKindRole);
        leaf->setData(Id(500), PlanRoles::IdRole);
        leaf->setData(Id(5), PlanRoles::PortfolioIdRole);
        leaf->setData(int(PlanRoles::PreventionBit), PlanRoles::ShiftsRole);
        leaf->setData(int(IntentionStatus::InDelivery), PlanRoles::StatusRole);
        area->appendRow(leaf);
        group->appendRow(area);
        model.appendRow(group);
        const QList<IntentionFacts> read = facts(model);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.at(0).id, 500);
        QCOMPARE(read.at(0).portfolioId, 5);
        QVERIFY(read.at(0).hasShift(Shift::TreatmentToPrevention));
        QVERIFY(!read.at(0).hasShift(Shift::HospitalToCommunity));
        QCOMPARE(read.at(0).status, IntentionStatus::InDelivery);
    }
};

QTEST_GUILESS_MAIN(TestPlanStatistics)
#include "tst_planstatistics.moc"
