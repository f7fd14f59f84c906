#include "memorystores.h"
#include "plancontext.h"
#include "planroles.h"
#include "portfoliocommands.h"
#include "portfoliomodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

// GIVEN a plan in memory, WHEN the portfolio model edits it, THEN the stores, the undo stack
// and the rows agree.
class TestPortfolioModel : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_stores = std::make_unique<MemoryStores::PlanStores>();
        m_maternity = m_stores->addPortfolio(QStringLiteral("Maternity and Neonatal"), 0);
        m_planned = m_stores->addPortfolio(QStringLiteral("Planned Care"), 1);
        m_digital = m_stores->addPortfolio(QStringLiteral("Digital"), 2);
        m_stores->addIntention(m_planned, 0, QStringLiteral("Single points of access"));
        m_context = std::make_unique<PlanContext>(*m_stores);
        m_model = std::make_unique<PortfolioModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setContext(m_context.get());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_context.reset();
        m_stores.reset();
    }

    void listsThePortfoliosInThePlansOrder()
    {
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->columnCount(), int(PortfolioModel::ColumnCount));
        QCOMPARE(m_model->index(0, PortfolioModel::NameColumn).data().toString(), QStringLiteral("Maternity and Neonatal"));
        QCOMPARE(m_model->index(2, PortfolioModel::NameColumn).data(PlanRoles::IdRole).toLongLong(), m_digital);
        QCOMPARE(m_model->index(0, PortfolioModel::GroupColumn).data().toString(), QStringLiteral("Core objectives"));
        QCOMPARE(m_model->index(0, PortfolioModel::GroupColumn).data(Qt::EditRole).toInt(),
                 int(PortfolioGroup::CoreObjectives));
    }

    void editingAFieldIsOneUndoStepInOneTransaction()
    {
        const int transactions = m_stores->transactions;
        QSignalSpy changed(m_context.get(), &PlanContext::changed);
        QVERIFY(m_model->setData(m_model->index(1, PortfolioModel::LeadColumn), QStringLiteral("Dr A Lead")));
        QCOMPARE(m_stores->portfolios().get(m_planned).value().lead, QStringLiteral("Dr A Lead"));
        QCOMPARE(m_stores->transactions, transactions + 1);
        QCOMPARE(m_context->undoStack()->count(), 1);
        QCOMPARE(m_model->index(1, PortfolioModel::LeadColumn).data().toString(), QStringLiteral("Dr A Lead"));
        QVERIFY(!changed.isEmpty());

        m_context->undoStack()->undo();
        QCOMPARE(m_stores->portfolios().get(m_planned).value().lead, QString());
        QCOMPARE(m_model->index(1, PortfolioModel::LeadColumn).data().toString(), QString());
        m_context->undoStack()->redo();
        QCOMPARE(m_model->index(1, PortfolioModel::LeadColumn).data().toString(), QStringLiteral("Dr A Lead"));
    }

    void editingOneFieldSignalsOnlyThatCell()
    {
        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_model->setData(m_model->index(0, PortfolioModel::VisionColumn), QStringLiteral("Safer births")));
        QCOMPARE(dataChanged.size(), 1);
        QCOMPARE(dataChanged.at(0).at(0).value<QModelIndex>(), m_model->index(0, PortfolioModel::VisionColumn));
        QCOMPARE(dataChanged.at(0).at(1).value<QModelIndex>(), m_model->index(0, PortfolioModel::VisionColumn));
    }

    void refusesAnInvalidValueAndStoresNothing_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty name") << int(PortfolioModel::NameColumn) << QVariant(QStringLiteral("  "))
                                    << QStringLiteral("needs a name");
        QTest::newRow("duplicate name") << int(PortfolioModel::NameColumn) << QVariant(QStringLiteral("digital"))
                                        << QStringLiteral("already called “Digital”");
        QTest::newRow("not a colour") << int(PortfolioModel::ColourColumn) << QVariant(QStringLiteral("#12345"))
                                      << QStringLiteral("not a colour");
        QTest::newRow("colour word that is no colour")
            << int(PortfolioModel::ColourColumn) << QVariant(QStringLiteral("bluish")) << QStringLiteral("not a colour");
        QTest::newRow("order not a number") << int(PortfolioModel::OrderColumn) << QVariant(QStringLiteral("first"))
                                            << QStringLiteral("whole number");
        QTest::newRow("unknown group") << int(PortfolioModel::GroupColumn) << QVariant(QStringLiteral("misc"))
                                       << QStringLiteral("not a portfolio group");
        QTest::newRow("group out of range") << int(PortfolioModel::GroupColumn) << QVariant(9)
                                            << QStringLiteral("not a portfolio group");
    }

    void refusesAnInvalidValueAndStoresNothing()
    {
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QString, message);
        const auto before = m_stores->m_portfolios.m_rows;
        const int writes = m_stores->m_portfolios.writes;
        QSignalSpy rejected(m_model.get(), &PortfolioModel::editRejected);
        const QModelIndex cell = m_model->index(0, column);
        const QVariant shown = cell.data(Qt::EditRole);
        QVERIFY(!m_model->setData(cell, value));
        QVERIFY2(m_model->lastError().contains(message), qPrintable(m_model->lastError()));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).at(0).value<QModelIndex>(), cell);
        QCOMPARE(m_stores->m_portfolios.writes, writes);
        QCOMPARE(m_stores->m_portfolios.m_rows, before);
        QCOMPARE(m_context->undoStack()->count(), 0);
        QCOMPARE(cell.data(Qt::EditRole), shown);
    }

    void storesAColourAsUpperCaseHex_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("lower-case hex") << QVariant(QStringLiteral("#ed8b00"));
        QTest::newRow("without hash") << QVariant(QStringLiteral("ED8B00"));
        QTest::newRow("QColor") << QVariant(QColor(0xED, 0x8B, 0x00));
    }

    void storesAColourAsUpperCaseHex()
    {
        QFETCH(QVariant, value);
        QVERIFY(m_model->setData(m_model->index(0, PortfolioModel::ColourColumn), value));
        QCOMPARE(m_stores->portfolios().get(m_maternity).value().colour, QStringLiteral("#ED8B00"));
        QCOMPARE(m_model->index(0, PortfolioModel::NameColumn).data(PlanRoles::ColourRole).value<QColor>(),
                 QColor(0xED, 0x8B, 0x00));
    }

    void anEditThatChangesNothingIsNoUndoStep()
    {
        QVERIFY(m_model->setData(m_model->index(0, PortfolioModel::NameColumn), QStringLiteral("Maternity and Neonatal ")));
        QCOMPARE(m_context->undoStack()->count(), 0);
    }

    void keepsTheStoredSpellingOfAListWhoseItemsAreUnchanged()
    {
        Portfolio p = m_stores->portfolios().get(m_maternity).value();
        p.keyStakeholders = QStringLiteral("Place  •  PCNs • practices"); // as imported, double spaces
        QVERIFY(m_stores->portfolios().update(p).isOk());
        m_model->reload();
        QVERIFY(m_model->setData(m_model->index(0, PortfolioModel::StakeholdersColumn),
                                 QStringLiteral("Place • PCNs • practices")));
        QCOMPARE(m_context->undoStack()->count(), 0);
        QCOMPARE(m_stores->portfolios().get(m_maternity).value().keyStakeholders, p.keyStakeholders);
    }

    void editsTheBenefitsByYearAsOneStep()
    {
        const QVariantList benefits{
            QVariantMap{{QStringLiteral("label"), QStringLiteral("April 2026")},
                        {QStringLiteral("text"), QStringLiteral("Fewer stillbirths • Baby-friendly accreditation")}},
            QVariantMap{{QStringLiteral("label"), QString()}, {QStringLiteral("text"), QString()}}, // blank: dropped
            QVariantMap{{QStringLiteral("label"), QStringLiteral("April 2027")},
                        {QStringLiteral("text"), QStringLiteral("Continuity of carer")}},
        };
        QVERIFY(m_model->setData(m_model->index(0, PortfolioModel::BenefitsColumn), benefits));
        const QList<PortfolioBenefit> stored = m_stores->portfolios().get(m_maternity).value().benefits;
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).label, QStringLiteral("April 2026"));
        QCOMPARE(stored.at(1).text, QStringLiteral("Continuity of carer"));
        QCOMPARE(m_context->undoStack()->count(), 1);
        QVERIFY(m_model->index(0, PortfolioModel::BenefitsColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("April 2026: Fewer stillbirths • Baby-friendly")));
        m_context->undoStack()->undo();
        QVERIFY(m_stores->portfolios().get(m_maternity).value().benefits.isEmpty());
    }

    void changingTheOrderMovesTheRowAndItsPersistentIndex()
    {
        const QPersistentModelIndex maternity = m_model->index(0, PortfolioModel::LeadColumn);
        QVERIFY(m_model->setData(m_model->index(0, PortfolioModel::OrderColumn), 5));
        QCOMPARE(m_model->index(2, PortfolioModel::NameColumn).data().toString(), QStringLiteral("Maternity and Neonatal"));
        QCOMPARE(maternity.row(), 2);
        QCOMPARE(maternity.data(PlanRoles::IdRole).toLongLong(), m_maternity);
        m_context->undoStack()->undo();
        QCOMPARE(maternity.row(), 0);
    }

    void followsChangesMadeElsewhereInThePlan()
    {
        Portfolio p = m_stores->portfolios().get(m_digital).value();
        p.lead = QStringLiteral("Chief Digital Officer");
        QVERIFY(m_stores->portfolios().update(p).isOk());
        m_context->notifyChanged(PlanContext::Entity::Portfolio, {m_digital});
        QCOMPARE(m_model->index(2, PortfolioModel::LeadColumn).data().toString(), QStringLiteral("Chief Digital Officer"));
    }

    void addsAPortfolioWithAUniqueNameAndUndoRemovesIt()
    {
        const auto first = m_model->addPortfolio();
        QVERIFY(first.isOk());
        const auto second = m_model->addPortfolio();
        QVERIFY(second.isOk());
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_stores->portfolios().get(first.value()).value().name, QStringLiteral("New portfolio"));
        QCOMPARE(m_stores->portfolios().get(second.value()).value().name, QStringLiteral("New portfolio 2"));
        QCOMPARE(m_model->rowOf(second.value()), 4);
        m_context->undoStack()->undo();
        m_context->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_stores->m_portfolios.m_rows.size(), 3);
    }

    void anEditAfterAnUndoneAddReachesTheRestoredPortfolio()
    {
        const auto added = m_model->addPortfolio(QStringLiteral("Cancer"));
        QVERIFY(added.isOk());
        QVERIFY(m_model->setData(m_model->index(m_model->rowOf(added.value()), PortfolioModel::LeadColumn),
                                 QStringLiteral("Cancer Alliance")));
        m_context->undoStack()->undo(); // the lead
        m_context->undoStack()->undo(); // the add
        QCOMPARE(m_model->rowCount(), 3);
        m_context->undoStack()->redo(); // stored again, under a new id
        m_context->undoStack()->redo(); // the lead follows it there
        const int row = m_model->rowCount() - 1;
        QCOMPARE(m_model->index(row, PortfolioModel::NameColumn).data().toString(), QStringLiteral("Cancer"));
        QCOMPARE(m_model->index(row, PortfolioModel::LeadColumn).data().toString(), QStringLiteral("Cancer Alliance"));
        QCOMPARE(m_context->undoStack()->count(), 2);
    }

    void refusesToRemoveAPortfolioThatHasIntentions()
    {
        const auto removed = m_model->removePortfolio(m_model->rowOf(m_planned));
        QVERIFY(!removed.isOk());
        QVERIFY2(removed.error().contains(QLatin1String("intentions")), qPrintable(removed.error()));
        QCOMPARE(m_model->lastError(), removed.error());
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_context->undoStack()->count(), 0);
    }

    void removingAPortfolioTakesItsAreasAndUndoBringsThemBack()
    {
        m_stores->addArea(m_digital, QStringLiteral("Shared care record"), 0);
        m_stores->addArea(m_digital, QStringLiteral("NHS App"), 1);
        QVERIFY(m_model->removePortfolio(m_model->rowOf(m_digital)).isOk());
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_stores->m_areas.m_rows.size(), 0);
        m_context->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 3);
        const Id restored = m_model->portfolio(2).id;
        QCOMPARE(m_model->portfolio(2).name, QStringLiteral("Digital"));
        const auto areas = m_stores->programmeAreas().listForPortfolio(restored).value();
        QCOMPARE(areas.size(), 2);
    }

    void aStepThatCanNoLongerBeUndoneIsDroppedWithAMessage()
    {
        QVERIFY(m_model->setData(m_model->index(2, PortfolioModel::LeadColumn), QStringLiteral("CDO")));
        m_stores->m_portfolios.m_rows.remove(m_digital); // someone else deleted it
        QSignalSpy failed(&PortfolioTracker::of(*m_context), &PortfolioTracker::failed);
        m_context->undoStack()->undo();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_context->undoStack()->count(), 0);
        QCOMPARE(m_model->rowCount(), 2);
    }

private:
    std::unique_ptr<MemoryStores::PlanStores> m_stores;
    std::unique_ptr<PlanContext> m_context;
    std::unique_ptr<PortfolioModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    Id m_maternity = 0;
    Id m_planned = 0;
    Id m_digital = 0;
};

QTEST_GUILESS_MAIN(TestPortfolioModel)
#include "tst_portfoliomodel.moc"
