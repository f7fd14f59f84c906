// The synthetic plan behind `--generate-synthetic` and the grid benchmarks.
#include "database.h"
#include "planstores.h"
#include "syntheticplanbuilder.h"

#include <QSet>
#include <QTest>

class TestSyntheticPlanBuilder : public QObject
{
    Q_OBJECT
private slots:
    void buildsTheIntentionsAcrossFiftyPortfolios()
    {
        auto plan = PlanDatabase::createInMemory();
        QVERIFY(plan.isOk());
        const auto report = SyntheticPlanBuilder::build(plan.value()->connection(), 2000);
        QVERIFY2(report.isOk(), qPrintable(report.error()));
        QCOMPARE(report.value().intentions, 2000);
        QCOMPARE(report.value().portfolios, 50);
        QCOMPARE(report.value().places, 7);
        QCOMPARE(report.value().providers, 24);
        QVERIFY(report.value().programmeAreas > 50);
        QVERIFY(report.value().needingReview > 0);

        PlanStores stores(plan.value()->connection());
        const auto intentions = stores.intentions().list();
        QVERIFY(intentions.isOk());
        QCOMPARE(intentions.value().size(), 2000);
        QSet<IntentionStatus> statuses;
        int withPlaces = 0;
        int withProviders = 0;
        int withLead = 0;
        for (const Intention &intention : intentions.value()) {
            statuses.insert(intention.status);
            withPlaces += intention.placeIds.isEmpty() ? 0 : 1;
            withProviders += intention.providerIds.isEmpty() ? 0 : 1;
            withLead += intention.lead.isEmpty() ? 0 : 1;
        }
        QCOMPARE(statuses.size(), 5); // every status appears
        QVERIFY(withPlaces > 1000 && withPlaces < 2000);
        QVERIFY(withProviders > 1000 && withProviders < 2000);
        QVERIFY(withLead > 1000 && withLead < 2000);
    }

    void givesTheSameRowsForTheSameSeed()
    {
        QCOMPARE(SyntheticPlanBuilder::intentionsCsv(300), SyntheticPlanBuilder::intentionsCsv(300));
        QVERIFY(SyntheticPlanBuilder::intentionsCsv(300, 50, 1) != SyntheticPlanBuilder::intentionsCsv(300, 50, 2));
    }

    void refusesAPlanThatHoldsData()
    {
        auto plan = PlanDatabase::createInMemory();
        QVERIFY(plan.isOk());
        QVERIFY(SyntheticPlanBuilder::build(plan.value()->connection(), 10).isOk());
        const auto again = SyntheticPlanBuilder::build(plan.value()->connection(), 10);
        QVERIFY(!again.isOk());
        QVERIFY(again.error().contains(QLatin1String("empty plan")));
        PlanStores stores(plan.value()->connection());
        QCOMPARE(stores.intentions().list().value().size(), 10);
    }

    void refusesZeroIntentions()
    {
        auto plan = PlanDatabase::createInMemory();
        QVERIFY(plan.isOk());
        QVERIFY(!SyntheticPlanBuilder::build(plan.value()->connection(), 0).isOk());
    }
};

QTEST_GUILESS_MAIN(TestSyntheticPlanBuilder)
#include "tst_syntheticplanbuilder.moc"
