#include "memorystores.h"
#include "plancontext.h"
#include "planroles.h"
#include "portfoliocommands.h"
#include "programmeareamodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// A portfolio's programme areas: add, rename, merge and reorder as undo steps, with the
// intentions following their area.
class TestProgrammeAreaModel : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_stores = std::make_unique<MemoryStores::PlanStores>();
        m_planned = m_stores->addPortfolio(QStringLiteral("Planned Care"));
        m_other = m_stores->addPortfolio(QStringLiteral("Diagnostics"), 1);
        m_demand = m_stores->addArea(m_planned, QStringLiteral("Demand management"), 0);
        m_pathways = m_stores->addArea(m_planned, QStringLiteral("Pathway transformation"), 1);
        m_surgery = m_stores->addArea(m_planned, QStringLiteral("Surgery"), 2);
        m_stores->addArea(m_other, QStringLiteral("Imaging"), 0);
        for (int i = 0; i < 3; ++i)
            m_demandIntentions.append(m_stores->addIntention(m_planned, m_demand, QStringLiteral("Demand %1").arg(i)));
        m_stores->addIntention(m_planned, m_pathways, QStringLiteral("Reduce outpatient appointments"));
        m_stores->addIntention(m_planned, 0, QStringLiteral("Without an area"));
        m_context = std::make_unique<PlanContext>(*m_stores);
        m_model = std::make_unique<ProgrammeAreaModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setContext(m_context.get());
        m_model->setPortfolio(m_planned);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_context.reset();
        m_stores.reset();
    }

    void listsTheAreasOfOnePortfolioInOrderWithCounts()
    {
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Demand management"));
        QCOMPARE(m_model->index(0, ProgrammeAreaModel::CountColumn).data().toInt(), 3);
        QCOMPARE(m_model->index(1, 0).data(PlanRoles::IntentionCountRole).toInt(), 1);
        QCOMPARE(m_model->index(2, 0).data(PlanRoles::IntentionCountRole).toInt(), 0);
        QCOMPARE(m_model->intentionsWithoutArea(), 1);
        m_model->setPortfolio(m_other);
        QCOMPARE(m_model->rowCount(), 1);
    }

    void addsAnAreaAtTheEndAndUndoRemovesIt()
    {
        const auto added = m_model->addArea(QStringLiteral("Outpatients"));
        QVERIFY(added.isOk());
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->index(3, 0).data().toString(), QStringLiteral("Outpatients"));
        QCOMPARE(m_model->index(3, 0).data(PlanRoles::IdRole).toLongLong(), added.value());
        m_context->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 3);
        m_context->undoStack()->redo();
        QCOMPARE(m_model->rowCount(), 4);
    }

    void refusesABadAreaName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("needs a name");
        QTest::newRow("taken, any case") << QStringLiteral("surgery") << QStringLiteral("already has");
    }

    void refusesABadAreaName()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        const int writes = m_stores->m_areas.writes;
        QVERIFY(!m_model->addArea(name).isOk());
        QVERIFY(m_model->lastError().contains(message));
        QSignalSpy rejected(m_model.get(), &ProgrammeAreaModel::editRejected);
        QVERIFY(!m_model->setData(m_model->index(0, 0), name));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(m_stores->m_areas.writes, writes);
        QCOMPARE(m_context->undoStack()->count(), 0);
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Demand management"));
    }

    void renamesInPlaceKeepingItsIntentions()
    {
        QVERIFY(m_model->setData(m_model->index(0, 0), QStringLiteral("Demand and referral management")));
        QCOMPARE(m_stores->programmeAreas().get(m_demand).value().name, QStringLiteral("Demand and referral management"));
        QCOMPARE(m_model->index(0, ProgrammeAreaModel::CountColumn).data().toInt(), 3);
        m_context->undoStack()->undo();
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Demand management"));
    }

    void mergingMovesTheIntentionsAndRemovesTheArea()
    {
        QSignalSpy changed(m_context.get(), &PlanContext::changed);
        QVERIFY(m_model->mergeArea(0, 1).isOk()); // demand management into pathway transformation
        QCOMPARE(m_context->undoStack()->count(), 1);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Pathway transformation"));
        QCOMPARE(m_model->index(0, ProgrammeAreaModel::CountColumn).data().toInt(), 4);
        for (const Id id : std::as_const(m_demandIntentions))
            QCOMPARE(m_stores->intentions().get(id).value().programmeAreaId, m_pathways);
        QVERIFY(!m_stores->m_areas.m_rows.contains(m_demand));
        bool saidIntentions = false;
        for (const auto &signal : std::as_const(changed))
            saidIntentions |= signal.at(0).value<PlanContext::Entity>() == PlanContext::Entity::Intention;
        QVERIFY(saidIntentions);
    }

    void undoingAMergeBringsTheAreaAndItsIntentionsBack()
    {
        QVERIFY(m_model->mergeArea(0, 1).isOk());
        m_context->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Demand management"));
        QCOMPARE(m_model->index(0, ProgrammeAreaModel::CountColumn).data().toInt(), 3);
        const Id restored = m_model->area(0).id;
        for (const Id id : std::as_const(m_demandIntentions))
            QCOMPARE(m_stores->intentions().get(id).value().programmeAreaId, restored);
        QCOMPARE(m_model->index(1, ProgrammeAreaModel::CountColumn).data().toInt(), 1);
        // Redo merges the restored area again, found through the tracker.
        m_context->undoStack()->redo();
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0, ProgrammeAreaModel::CountColumn).data().toInt(), 4);
    }

    void aMergeIsOneTransaction()
    {
        const int transactions = m_stores->transactions;
        QVERIFY(m_model->mergeArea(0, 2).isOk());
        QCOMPARE(m_stores->transactions, transactions + 1);
    }

    void refusesToMergeAnAreaIntoItself()
    {
        QVERIFY(!m_model->mergeArea(1, 1).isOk());
        QCOMPARE(m_context->undoStack()->count(), 0);
    }

    void movingAnAreaRenumbersTheOrder()
    {
        QVERIFY(m_model->moveArea(2, 0).isOk()); // surgery first
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Surgery"));
        QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("Demand management"));
        QCOMPARE(m_stores->programmeAreas().get(m_surgery).value().sortOrder, 0);
        QCOMPARE(m_stores->programmeAreas().get(m_pathways).value().sortOrder, 2);
        QCOMPARE(m_context->undoStack()->count(), 1);
        m_context->undoStack()->undo();
        QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("Demand management"));
        QCOMPARE(m_model->index(2, 0).data().toString(), QStringLiteral("Surgery"));
    }

    void undoingAnAddIsRefusedOnceIntentionsAreInTheArea()
    {
        const auto added = m_model->addArea(QStringLiteral("Outpatients"));
        QVERIFY(added.isOk());
        m_stores->addIntention(m_planned, added.value(), QStringLiteral("Put there since"));
        QSignalSpy failed(&PortfolioTracker::of(*m_context), &PortfolioTracker::failed);
        m_context->undoStack()->undo();
        QCOMPARE(failed.size(), 1);
        QVERIFY(m_stores->m_areas.m_rows.contains(added.value()));
    }

private:
    std::unique_ptr<MemoryStores::PlanStores> m_stores;
    std::unique_ptr<PlanContext> m_context;
    std::unique_ptr<ProgrammeAreaModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    Id m_planned = 0;
    Id m_other = 0;
    Id m_demand = 0;
    Id m_pathways = 0;
    Id m_surgery = 0;
    QList<Id> m_demandIntentions;
};

QTEST_GUILESS_MAIN(TestProgrammeAreaModel)
#include "tst_programmeareamodel.moc"
