// The intentions grid's table model over a real in-memory plan: loading, roles, every kind of
// edit, refusals, and undo/redo putting the stored rows back byte for byte.

#include "intentionfixture.h"
#include "intentiontablemodel.h"
#include "planroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using Column = IntentionTableModel::Column;

class TestIntentionTableModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IntentionFixture::Plan> m_plan;
    std::unique_ptr<IntentionTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QUndoStack *undo() const { return m_plan->context->undoStack(); }
    int rowOf(int intention) const { return m_model->rowOf(m_plan->intentions.at(intention)); }
    QModelIndex cell(int intention, int column) const
    {
        return m_model->index(rowOf(intention), column);
    }
    // The model shows exactly what is stored.
    void verifyModelMatchesStore()
    {
        const QList<Intention> stored = m_plan->storedIntentions();
        QCOMPARE(m_model->rowCount(), stored.size());
        for (const Intention &intention : stored) {
            const int row = m_model->rowOf(intention.id);
            QVERIFY2(row >= 0, qPrintable(intention.title));
            QCOMPARE(m_model->intention(row), intention);
        }
    }

private slots:
    void init()
    {
        m_plan = IntentionFixture::smallPlan();
        m_model = std::make_unique<IntentionTableModel>(*m_plan->context);
        // Attached before anything is loaded, so every change is checked.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        REQUIRE_OK(m_model->reload());
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_plan.reset();
    }

    void loadsEveryIntentionAndLookup()
    {
        QCOMPARE(m_model->rowCount(), 8);
        QCOMPARE(m_model->columnCount(), int(IntentionTableModel::ColumnCount));
        QCOMPARE(m_model->portfolios().size(), 3);
        QCOMPARE(m_model->programmeAreas().size(), 3);
        QCOMPARE(m_model->programmeAreas(m_plan->primaryCare).size(), 2);
        QCOMPARE(m_model->places().size(), 2);
        QCOMPARE(m_model->providers().size(), 2);
        verifyModelMatchesStore();
    }

    void showsEachColumnOfARow()
    {
        QCOMPARE(cell(0, Column::PortfolioColumn).data().toString(), QStringLiteral("Primary Care"));
        QCOMPARE(cell(0, Column::ProgrammeAreaColumn).data().toString(), QStringLiteral("Access"));
        QCOMPARE(cell(0, Column::TitleColumn).data().toString(), QStringLiteral("Same-day access hubs"));
        QCOMPARE(cell(0, Column::TimeframeColumn).data().toString(), QStringLiteral("2026/27 – 2027/28"));
        QCOMPARE(cell(0, Column::DatesColumn).data().toString(), QStringLiteral("Apr 2026 – Mar 2028"));
        QVERIFY(!cell(0, Column::TimeframeColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(cell(0, Column::CommunityColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(cell(0, Column::DigitalColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(cell(0, Column::StatusColumn).data().toString(), QStringLiteral("Agreed"));
        QCOMPARE(cell(0, Column::LeadColumn).data().toString(), QStringLiteral("Lead for Same-day access hubs"));
        QCOMPARE(cell(0, Column::PlacesColumn).data().toString(), QStringLiteral("City and Hackney"));
        QCOMPARE(cell(3, Column::PlacesColumn).data().toString(), QStringLiteral("City and Hackney, Newham"));
        QCOMPARE(cell(0, Column::ProvidersColumn).data().toString(), QStringLiteral("Barts Health NHS Trust"));
        QCOMPARE(cell(3, Column::PlacesColumn).data(Qt::EditRole).toList(),
                 (QVariantList{m_plan->hackney, m_plan->newham}));
        QVERIFY(cell(0, Column::NeedsReviewColumn).data().toString().isEmpty());
        QCOMPARE(cell(4, Column::NeedsReviewColumn).data().toString(), QStringLiteral("Needs review"));
        QVERIFY(!cell(4, Column::NeedsReviewColumn).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!cell(0, Column::LastChangedColumn).data().toString().isEmpty());
    }

    void answersThePlanRoles()
    {
        const QModelIndex index = cell(3, Column::TitleColumn);
        const Intention &row = m_model->intention(index.row());
        QCOMPARE(index.data(PlanRoles::IdRole).toLongLong(), m_plan->intentions.at(3));
        QCOMPARE(index.data(PlanRoles::PortfolioIdRole).toLongLong(), m_plan->mentalHealth);
        QCOMPARE(index.data(PlanRoles::ProgrammeAreaIdRole).toLongLong(), m_plan->crisis);
        QCOMPARE(index.data(PlanRoles::NeedsReviewRole).toBool(), false);
        QCOMPARE(index.data(PlanRoles::StartDateRole).toDate(), QDate(2026, 4, 1));
        QCOMPARE(index.data(PlanRoles::EndDateRole).toDate(), QDate(2027, 3, 31));
        QCOMPARE(index.data(PlanRoles::ColourRole).value<QColor>(), QColor(QStringLiteral("#AE2573")));
        QCOMPARE(index.data(PlanRoles::TimeframeRole).value<Timeframe>(), row.timeframe);
        QCOMPARE(index.data(PlanRoles::OpenEndedRole).toBool(), false);
        QCOMPARE(index.data(PlanRoles::TimeframeFlagsRole).toInt(),
                 int(Timeframe::SubjectToFunding | Timeframe::Phased));
        QCOMPARE(index.data(PlanRoles::RawTimeframeRole).toString(),
                 QStringLiteral("2026-2027 phased and subject to funding"));
        QCOMPARE(index.data(PlanRoles::ShiftsRole).toInt(), int(PlanRoles::CommunityBit | PlanRoles::PreventionBit));
        QCOMPARE(index.data(PlanRoles::TitleRole).toString(), QStringLiteral("Crisis cafés"));
        QCOMPARE(index.data(PlanRoles::StatusRole).toInt(), int(IntentionStatus::Proposed));
        QCOMPARE(index.data(PlanRoles::SearchTextRole).toString(),
                 QStringLiteral("crisis cafes\ncrisis cafes — what we will commission\nlead for crisis cafes"));
        QCOMPARE(cell(2, 0).data(PlanRoles::OpenEndedRole).toBool(), true);
        const QVariantList milestones = cell(0, 0).data(PlanRoles::MilestonesRole).toList();
        QCOMPARE(milestones.size(), 1);
        QCOMPARE(milestones.first().toMap().value(QStringLiteral("due")).toDate(), QDate(2026, 10, 1));
    }

    void sortKeysPutUnsetDatesLast()
    {
        const QString dated = cell(0, Column::DatesColumn).data(PlanRoles::SortRole).toString();
        const QString unset = cell(7, Column::DatesColumn).data(PlanRoles::SortRole).toString();
        QVERIFY(dated.startsWith(QStringLiteral("2026-04-01")));
        QVERIFY(dated < unset);
        QVERIFY(m_model->compareRows(rowOf(0), rowOf(7), Column::DatesColumn) < 0);
        QVERIFY(m_model->compareRows(rowOf(1), rowOf(0), Column::DatesColumn) < 0); // 2025 before 2026
        QVERIFY(m_model->compareRows(rowOf(7), rowOf(0), Column::TimeframeColumn) > 0);
        QVERIFY(m_model->compareRows(rowOf(0), rowOf(1), Column::TitleColumn) > 0); // S after C
    }

    void editsEachColumnAsOneUndoStep_data()
    {
        QTest::addColumn<int>("intention");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("role");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("shown"); // the cell's display text afterwards

        QTest::newRow("title") << 0 << int(Column::TitleColumn) << int(Qt::EditRole)
                               << QVariant(QStringLiteral("Same-day hubs")) << QStringLiteral("Same-day hubs");
        QTest::newRow("text") << 0 << int(Column::TextColumn) << int(Qt::EditRole)
                              << QVariant(QStringLiteral("New text\nover two lines"))
                              << QStringLiteral("New text\nover two lines");
        QTest::newRow("lead") << 0 << int(Column::LeadColumn) << int(Qt::EditRole)
                              << QVariant(QStringLiteral("Dr Ade")) << QStringLiteral("Dr Ade");
        QTest::newRow("timeframe") << 0 << int(Column::TimeframeColumn) << int(Qt::EditRole)
                                   << QVariant(QStringLiteral("2027/28")) << QStringLiteral("2027/28");
        QTest::newRow("status by label") << 0 << int(Column::StatusColumn) << int(Qt::EditRole)
                                         << QVariant(QStringLiteral("In delivery")) << QStringLiteral("In delivery");
        QTest::newRow("status by value") << 0 << int(Column::StatusColumn) << int(Qt::EditRole)
                                         << QVariant(int(IntentionStatus::Complete)) << QStringLiteral("Complete");
        QTest::newRow("community unticked") << 0 << int(Column::CommunityColumn) << int(Qt::CheckStateRole)
                                            << QVariant(int(Qt::Unchecked)) << QString();
        QTest::newRow("prevention ticked") << 0 << int(Column::PreventionColumn) << int(Qt::CheckStateRole)
                                           << QVariant(int(Qt::Checked)) << QString();
        QTest::newRow("digital by edit role") << 0 << int(Column::DigitalColumn) << int(Qt::EditRole)
                                              << QVariant(true) << QString();
        QTest::newRow("programme area") << 0 << int(Column::ProgrammeAreaColumn) << int(Qt::EditRole)
                                        << QVariant(QStringLiteral("Workforce")) << QStringLiteral("Workforce");
        QTest::newRow("no programme area") << 0 << int(Column::ProgrammeAreaColumn) << int(Qt::EditRole)
                                           << QVariant(Id(0)) << QString();
        QTest::newRow("portfolio") << 5 << int(Column::PortfolioColumn) << int(Qt::EditRole)
                                   << QVariant(QStringLiteral("Mental Health")) << QStringLiteral("Mental Health");
        QTest::newRow("places by name") << 0 << int(Column::PlacesColumn) << int(Qt::EditRole)
                                        << QVariant(QStringLiteral("Newham; City and Hackney"))
                                        << QStringLiteral("City and Hackney, Newham");
        QTest::newRow("providers by ods code") << 0 << int(Column::ProvidersColumn) << int(Qt::EditRole)
                                               << QVariant(QStringLiteral("RWK"))
                                               << QStringLiteral("East London NHS Foundation Trust");
        QTest::newRow("no providers") << 0 << int(Column::ProvidersColumn) << int(Qt::EditRole)
                                      << QVariant(QVariantList{}) << QString();
    }

    void editsEachColumnAsOneUndoStep()
    {
        QFETCH(int, intention);
        QFETCH(int, column);
        QFETCH(int, role);
        QFETCH(QVariant, value);
        QFETCH(QString, shown);

        const QList<Intention> before = m_plan->storedIntentions();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy rejected(m_model.get(), &IntentionTableModel::editRejected);

        QVERIFY2(m_model->setData(cell(intention, column), value, role), qPrintable(m_model->lastError()));
        QCOMPARE(rejected.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(undo()->count(), 1);
        if (column == Column::CommunityColumn || column == Column::PreventionColumn
            || column == Column::DigitalColumn) {
            const bool ticked = role == Qt::CheckStateRole ? value.toInt() == Qt::Checked : value.toBool();
            QCOMPARE(cell(intention, column).data(Qt::CheckStateRole).toInt(),
                     int(ticked ? Qt::Checked : Qt::Unchecked));
        } else {
            QCOMPARE(cell(intention, column).data().toString(), shown);
        }
        const QList<Intention> after = m_plan->storedIntentions();
        QVERIFY(after != before);
        verifyModelMatchesStore();

        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before); // byte for byte, updatedAt included
        verifyModelMatchesStore();
        undo()->redo();
        QCOMPARE(m_plan->storedIntentions(), after);
        verifyModelMatchesStore();
    }

    void refusesBadValuesAndKeepsTheStoredValue_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("says");

        QTest::newRow("empty title") << int(Column::TitleColumn) << QVariant(QStringLiteral("   "))
                                     << QStringLiteral("title cannot be empty");
        QTest::newRow("unknown portfolio id") << int(Column::PortfolioColumn) << QVariant(Id(999))
                                              << QStringLiteral("no portfolio");
        QTest::newRow("unknown portfolio name") << int(Column::PortfolioColumn)
                                                << QVariant(QStringLiteral("Dentistry"))
                                                << QStringLiteral("no portfolio called “Dentistry”");
        QTest::newRow("area of another portfolio") << int(Column::ProgrammeAreaColumn) << QVariant()
                                                   << QStringLiteral("belongs to “Mental Health”");
        QTest::newRow("unknown status") << int(Column::StatusColumn) << QVariant(QStringLiteral("Maybe"))
                                        << QStringLiteral("not a status");
        QTest::newRow("status out of range") << int(Column::StatusColumn) << QVariant(17)
                                             << QStringLiteral("not a status");
        QTest::newRow("unknown place") << int(Column::PlacesColumn) << QVariant(QStringLiteral("Atlantis"))
                                       << QStringLiteral("no place called “Atlantis”");
        QTest::newRow("unknown provider id") << int(Column::ProvidersColumn) << QVariant(QVariantList{Id(4242)})
                                             << QStringLiteral("no provider with id 4242");
        QTest::newRow("shift not yes or no") << int(Column::CommunityColumn) << QVariant(QStringLiteral("perhaps"))
                                             << QStringLiteral("not Y or blank");
        QTest::newRow("timeframe ending before it starts") << int(Column::TimeframeColumn)
                                                           << QVariant(QStringLiteral("April 2028 – March 2027"))
                                                           << QStringLiteral("ends (31 March 2027) before it starts");
        QTest::newRow("financial years reversed") << int(Column::TimeframeColumn)
                                                  << QVariant(QStringLiteral("2028-2026"))
                                                  << QStringLiteral("end year 2026 is not after start year 2028");
        QTest::newRow("worked-out dates") << int(Column::DatesColumn) << QVariant(QStringLiteral("2026"))
                                          << QStringLiteral("cannot be edited");
        QTest::newRow("last changed") << int(Column::LastChangedColumn) << QVariant(QStringLiteral("today"))
                                      << QStringLiteral("cannot be edited");
    }

    void refusesBadValuesAndKeepsTheStoredValue()
    {
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QString, says);
        if (!value.isValid())
            value = m_plan->crisis; // a Mental Health area for a Primary Care intention

        const QList<Intention> before = m_plan->storedIntentions();
        QSignalSpy rejected(m_model.get(), &IntentionTableModel::editRejected);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        const QModelIndex index = cell(0, column);

        QVERIFY(!m_model->setData(index, value, Qt::EditRole));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(rejected.first().at(0).value<QModelIndex>(), index);
        const QString message = rejected.first().at(1).toString();
        QVERIFY2(message.contains(says), qPrintable(message));
        QCOMPARE(m_model->lastError(), message);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(undo()->count(), 0);
        QCOMPARE(m_plan->storedIntentions(), before);
        verifyModelMatchesStore();
    }

    void keepsTimeframeTextThatNeedsReviewWithItsFlag()
    {
        QVERIFY(m_model->setData(cell(0, Column::TimeframeColumn), QStringLiteral("when the money comes")));
        const Intention stored = m_plan->stored(m_plan->intentions.at(0));
        QCOMPARE(stored.timeframe.raw, QStringLiteral("when the money comes"));
        QVERIFY(stored.timeframe.needsReview);
        QVERIFY(!stored.timeframe.reason.isEmpty());
        QCOMPARE(cell(0, Column::NeedsReviewColumn).data().toString(), QStringLiteral("Needs review"));
        QCOMPARE(cell(0, Column::NeedsReviewColumn).data(Qt::ToolTipRole).toString(), stored.timeframe.reason);
    }

    void changingPortfolioLeavesAForeignProgrammeArea()
    {
        QVERIFY(m_model->setData(cell(0, Column::PortfolioColumn), m_plan->mentalHealth));
        const Intention stored = m_plan->stored(m_plan->intentions.at(0));
        QCOMPARE(stored.portfolioId, m_plan->mentalHealth);
        QCOMPARE(stored.programmeAreaId, Id(0));
        undo()->undo();
        QCOMPARE(m_plan->stored(m_plan->intentions.at(0)).programmeAreaId, m_plan->access);
    }

    void unchangedValueMakesNoUndoStep()
    {
        QVERIFY(m_model->setData(cell(0, Column::TitleColumn), QStringLiteral("Same-day access hubs")));
        QCOMPARE(undo()->count(), 0);
    }

    void movingDatesWritesTheNormalisedText()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        const QModelIndex index = cell(3, Column::DatesColumn);
        QVERIFY2(m_model->setData(index, QVariantList{QDate(2027, 4, 1), QDate(2029, 3, 31)},
                                  PlanRoles::DateRangeRole),
                 qPrintable(m_model->lastError()));
        Intention stored = m_plan->stored(m_plan->intentions.at(3));
        QCOMPARE(stored.timeframe.raw, QStringLiteral("2027/28 – 2028/29"));
        QCOMPARE(stored.timeframe.start, QDate(2027, 4, 1));
        QCOMPARE(stored.timeframe.end, QDate(2029, 3, 31));
        QCOMPARE(int(stored.timeframe.flags), 0); // the normalised text does not say them
        QCOMPARE(undo()->count(), 1);

        QVERIFY(m_model->setData(index, QDate(2029, 6, 30), PlanRoles::EndDateRole));
        stored = m_plan->stored(m_plan->intentions.at(3));
        QCOMPARE(stored.timeframe.raw, QStringLiteral("April 2027 – June 2029"));
        QVERIFY(m_model->setData(index, QDate(2027, 5, 15), PlanRoles::StartDateRole));
        stored = m_plan->stored(m_plan->intentions.at(3));
        QCOMPARE(stored.timeframe.start, QDate(2027, 5, 15));
        QCOMPARE(undo()->count(), 3);

        undo()->undo();
        undo()->undo();
        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before);
        QCOMPARE(m_plan->stored(m_plan->intentions.at(3)).timeframe.raw,
                 QStringLiteral("2026-2027 phased and subject to funding"));
    }

    void refusesToMoveOpenEndedOrUnreadableTimeframes_data()
    {
        QTest::addColumn<int>("intention");
        QTest::addColumn<QVariant>("range");
        QTest::addColumn<QString>("says");
        const QVariant range = QVariantList{QDate(2027, 4, 1), QDate(2028, 3, 31)};
        QTest::newRow("ongoing") << 2 << range << QStringLiteral("open-ended");
        QTest::newRow("needs review") << 4 << range << QStringLiteral("needs review");
        QTest::newRow("end before start") << 0 << QVariant(QVariantList{QDate(2028, 4, 1), QDate(2027, 3, 31)})
                                          << QStringLiteral("before it starts");
        QTest::newRow("not a range") << 0 << QVariant(QVariantList{QDate(2028, 4, 1)})
                                     << QStringLiteral("start and an end");
    }

    void refusesToMoveOpenEndedOrUnreadableTimeframes()
    {
        QFETCH(int, intention);
        QFETCH(QVariant, range);
        QFETCH(QString, says);
        const QList<Intention> before = m_plan->storedIntentions();
        QSignalSpy rejected(m_model.get(), &IntentionTableModel::editRejected);
        QVERIFY(!m_model->setData(cell(intention, Column::DatesColumn), range, PlanRoles::DateRangeRole));
        QCOMPARE(rejected.count(), 1);
        QVERIFY2(rejected.first().at(1).toString().contains(says), qPrintable(rejected.first().at(1).toString()));
        QCOMPARE(m_plan->storedIntentions(), before);
        QCOMPARE(undo()->count(), 0);
    }

    void addsAnIntentionAndUndoRedoKeepsItsId()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        auto added = m_model->addIntention(m_plan->mentalHealth, m_plan->crisis);
        REQUIRE_OK(added);
        QCOMPARE(inserted.count(), 1);
        const Id id = added.value();
        const Intention created = m_plan->stored(id);
        QCOMPARE(created.title, QStringLiteral("New intention"));
        QCOMPARE(created.programmeAreaId, m_plan->crisis);
        QCOMPARE(m_model->rowCount(), 9);
        // After the last intention of its area.
        QCOMPARE(m_model->rowOf(id), rowOf(4) + 1);
        const QList<Intention> after = m_plan->storedIntentions();

        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before);
        QCOMPARE(m_model->rowOf(id), -1);
        verifyModelMatchesStore();
        undo()->redo();
        QCOMPARE(m_plan->storedIntentions(), after);
        QCOMPARE(m_plan->stored(id), created);
        verifyModelMatchesStore();
    }

    void refusesToAddToAnUnknownPortfolio()
    {
        QSignalSpy rejected(m_model.get(), &IntentionTableModel::editRejected);
        QVERIFY(!m_model->addIntention(4242));
        QVERIFY(!m_model->addIntention(m_plan->children, m_plan->crisis));
        QCOMPARE(rejected.count(), 2);
        QCOMPARE(m_model->rowCount(), 8);
        QCOMPARE(undo()->count(), 0);
    }

    void duplicatesAfterTheOriginalsAsOneStep()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        auto copies = m_model->duplicate({m_plan->intentions.at(0), m_plan->intentions.at(3)});
        REQUIRE_OK(copies);
        QCOMPARE(copies.value().size(), 2);
        QCOMPARE(undo()->count(), 1);
        QCOMPARE(m_model->rowCount(), 10);
        const Intention copy = m_plan->stored(copies.value().at(1));
        Intention original = m_plan->stored(m_plan->intentions.at(3));
        QCOMPARE(copy.title, QStringLiteral("Crisis cafés (copy)"));
        QCOMPARE(copy.placeIds, original.placeIds);
        QCOMPARE(copy.timeframe, original.timeframe);
        QCOMPARE(m_model->rowOf(copies.value().at(0)), rowOf(3) + 1);
        const QList<Intention> after = m_plan->storedIntentions();

        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before);
        verifyModelMatchesStore();
        undo()->redo();
        QCOMPARE(m_plan->storedIntentions(), after);
        verifyModelMatchesStore();
    }

    void deletesAndUndoBringsBackTheSameRows()
    {
        // A notice naming intention 3: deleting drops the link, undo must put it back.
        ContractNotice notice;
        notice.providerId = m_plan->elft;
        notice.kind = NoticeKind::Change;
        notice.service = QStringLiteral("Crisis line");
        notice.intentionIds = {m_plan->intentions.at(3)};
        const Id noticeId = IntentionFixture::created(m_plan->store().notices().create(notice));
        QVERIFY(noticeId != 0);

        const QList<Intention> before = m_plan->storedIntentions();
        const int rowBefore = rowOf(3);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        REQUIRE_OK(m_model->remove({m_plan->intentions.at(3), m_plan->intentions.at(0), m_plan->intentions.at(1)}));
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(removed.count(), 2); // rows 0–1 and row 3: two blocks
        QCOMPARE(m_plan->storedIntentions().size(), 5);
        QVERIFY(m_plan->store().notices().get(noticeId).value().intentionIds.isEmpty());
        QCOMPARE(undo()->count(), 1);

        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before);
        QCOMPARE(rowOf(3), rowBefore);
        QCOMPARE(m_plan->store().notices().get(noticeId).value().intentionIds,
                 QList<Id>{m_plan->intentions.at(3)});
        verifyModelMatchesStore();
        undo()->redo();
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_plan->storedIntentions().size(), 5);
        verifyModelMatchesStore();
    }

    void bulkEditsManyRowsAsOneStep_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("status") << int(Column::StatusColumn) << QVariant(int(IntentionStatus::Agreed));
        QTest::newRow("status by label") << int(Column::StatusColumn) << QVariant(QStringLiteral("Withdrawn"));
        QTest::newRow("portfolio") << int(Column::PortfolioColumn) << QVariant(QStringLiteral("Children and Young People"));
        QTest::newRow("community") << int(Column::CommunityColumn) << QVariant(true);
        QTest::newRow("prevention off") << int(Column::PreventionColumn) << QVariant(false);
        QTest::newRow("digital") << int(Column::DigitalColumn) << QVariant(int(Qt::Checked));
    }

    void bulkEditsManyRowsAsOneStep()
    {
        QFETCH(int, column);
        QFETCH(QVariant, value);
        const QList<Intention> before = m_plan->storedIntentions();
        const QList<Id> ids = m_plan->intentions.mid(0, 6);
        REQUIRE_OK(m_model->bulkEdit(ids, column, value));
        QCOMPARE(undo()->count(), 1);
        const QList<Intention> after = m_plan->storedIntentions();
        QVERIFY(after != before);
        for (Id id : ids) {
            const QModelIndex index = m_model->index(m_model->rowOf(id), column);
            auto expected = m_model->valueFromText(index.row(), column, value.toString());
            if (value.typeId() == QMetaType::QString)
                QCOMPARE(index.data(Qt::EditRole), expected.value());
        }
        verifyModelMatchesStore();
        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before);
        verifyModelMatchesStore();
        undo()->redo();
        QCOMPARE(m_plan->storedIntentions(), after);
        verifyModelMatchesStore();
    }

    void refusesABulkEditWithABadValueAndChangesNothing()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        QSignalSpy rejected(m_model.get(), &IntentionTableModel::editRejected);
        QVERIFY(!m_model->bulkEdit(m_plan->intentions, Column::StatusColumn, QStringLiteral("Paused")));
        QVERIFY(!m_model->bulkEdit(m_plan->intentions, Column::TitleColumn, QStringLiteral("Same")));
        QVERIFY(!m_model->bulkEdit({m_plan->intentions.at(0)}, Column::ProgrammeAreaColumn, m_plan->crisis));
        QCOMPARE(rejected.count(), 3);
        QCOMPARE(m_plan->storedIntentions(), before);
        QCOMPARE(undo()->count(), 0);
    }

    void bulkEditsSeveralColumnsAsOneStep()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        const QList<Id> ids = m_plan->intentions.mid(0, 4);
        REQUIRE_OK(m_model->bulkEdit(ids, {{Column::StatusColumn, QStringLiteral("Agreed")},
                                           {Column::DigitalColumn, true},
                                           {Column::LeadColumn, QStringLiteral("Jo Bloggs")}}));
        QCOMPARE(undo()->count(), 1);
        for (Id id : ids) {
            const Intention stored = m_plan->store().intentions().get(id).value();
            QCOMPARE(stored.status, IntentionStatus::Agreed);
            QVERIFY(stored.shiftDigital);
            QCOMPARE(stored.lead, QStringLiteral("Jo Bloggs"));
        }
        verifyModelMatchesStore();
        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before);
        verifyModelMatchesStore();
    }

    void refusesASeveralColumnBulkEditWhenOneValueIsBadAndChangesNothing()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        // The first value is good; the second is not: nothing of the first is written either.
        QVERIFY(!m_model->bulkEdit(m_plan->intentions, {{Column::StatusColumn, QStringLiteral("Agreed")},
                                                        {Column::PortfolioColumn, QStringLiteral("No such portfolio")}}));
        QCOMPARE(m_plan->storedIntentions(), before);
        QCOMPARE(undo()->count(), 0);
        verifyModelMatchesStore();
    }

    void pastesABlockAsOneStep()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        // Title, text, timeframe, dates (worked out: skipped), community — onto rows 1 and 2.
        const QList<QStringList> cells{
            {QStringLiteral("Pasted one"), QStringLiteral("Body one"), QStringLiteral("2027/28"),
             QStringLiteral("anything"), QStringLiteral("Y")},
            {QStringLiteral("Pasted two"), QStringLiteral("Body\ntwo"), QStringLiteral("who knows"),
             QString(), QString()},
        };
        const QList<Id> targets{m_plan->intentions.at(1), m_plan->intentions.at(2)};
        REQUIRE_OK(m_model->paste(targets, Column::TitleColumn, cells));
        QCOMPARE(undo()->count(), 1);
        const Intention one = m_plan->stored(targets.at(0));
        const Intention two = m_plan->stored(targets.at(1));
        QCOMPARE(one.title, QStringLiteral("Pasted one"));
        QCOMPARE(one.timeframe.start, QDate(2027, 4, 1));
        QVERIFY(one.shiftCommunity);
        QCOMPARE(two.text, QStringLiteral("Body\ntwo"));
        QVERIFY(two.timeframe.needsReview); // kept, with its flag
        QVERIFY(!two.shiftCommunity);
        const QList<Intention> after = m_plan->storedIntentions();
        undo()->undo();
        QCOMPARE(m_plan->storedIntentions(), before);
        undo()->redo();
        QCOMPARE(m_plan->storedIntentions(), after);
        verifyModelMatchesStore();
    }

    void pastesWhatItCopies()
    {
        // A whole row copied from the grid pastes back onto another row and makes it the same
        // (apart from what the store keeps itself).
        QList<QStringList> cells{{}};
        for (int column = 0; column < m_model->columnCount(); ++column)
            cells[0].append(m_model->cellText(rowOf(3), column));
        REQUIRE_OK(m_model->paste({m_plan->intentions.at(0)}, 0, cells));
        Intention pasted = m_plan->stored(m_plan->intentions.at(0));
        Intention source = m_plan->stored(m_plan->intentions.at(3));
        QCOMPARE(pasted.portfolioId, source.portfolioId);
        QCOMPARE(pasted.programmeAreaId, source.programmeAreaId);
        QCOMPARE(pasted.title, source.title);
        QCOMPARE(pasted.text, source.text);
        QCOMPARE(pasted.timeframe, source.timeframe);
        QCOMPARE(pasted.status, source.status);
        QCOMPARE(pasted.placeIds, source.placeIds);
        QCOMPARE(pasted.providerIds, source.providerIds);
        QCOMPARE(pasted.shiftCommunity, source.shiftCommunity);
        QCOMPARE(pasted.shiftPrevention, source.shiftPrevention);
        QCOMPARE(pasted.shiftDigital, source.shiftDigital);
    }

    void refusesABadPasteNamingRowAndColumn_data()
    {
        QTest::addColumn<int>("firstColumn");
        QTest::addColumn<QList<QStringList>>("cells");
        QTest::addColumn<QString>("says");
        QTest::newRow("good block (control)") << int(Column::TitleColumn)
            << QList<QStringList>{{QStringLiteral("Fine")}, {QStringLiteral("Also fine")}}
            << QString();
        QTest::newRow("status") << int(Column::StatusColumn)
            << QList<QStringList>{{QStringLiteral("Agreed")}, {QStringLiteral("Paused")}}
            << QStringLiteral("Pasted row 2, column 1 (Status): “Paused” is not a status");
        QTest::newRow("empty title") << int(Column::ProgrammeAreaColumn)
            << QList<QStringList>{{QStringLiteral("Access"), QStringLiteral("Title")},
                                  {QString(), QStringLiteral(" ")}}
            << QStringLiteral("Pasted row 2, column 2 (Title): the title cannot be empty");
        QTest::newRow("area of another portfolio") << int(Column::ProgrammeAreaColumn)
            << QList<QStringList>{{QStringLiteral("Crisis care")}}
            << QStringLiteral("Pasted row 1, column 1 (Programme area)");
        QTest::newRow("too many rows") << int(Column::TitleColumn)
            << QList<QStringList>{{QStringLiteral("a")}, {QStringLiteral("b")}, {QStringLiteral("c")}}
            << QStringLiteral("3 rows but only 2 intentions");
        QTest::newRow("too many columns") << int(Column::LastChangedColumn)
            << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")}}
            << QStringLiteral("2 columns but only 1 column");
    }

    void refusesABadPasteNamingRowAndColumn()
    {
        QFETCH(int, firstColumn);
        QFETCH(QList<QStringList>, cells);
        QFETCH(QString, says);
        const QList<Intention> before = m_plan->storedIntentions();
        QSignalSpy rejected(m_model.get(), &IntentionTableModel::editRejected);
        const auto pasted = m_model->paste({m_plan->intentions.at(0), m_plan->intentions.at(1)}, firstColumn, cells);
        if (says.isEmpty()) { // the control row: a good block is taken
            QVERIFY(bool(pasted));
            QCOMPARE(undo()->count(), 1);
            return;
        }
        QVERIFY(!pasted);
        QVERIFY2(pasted.error().contains(says), qPrintable(pasted.error()));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(m_plan->storedIntentions(), before);
        QCOMPARE(undo()->count(), 0);
        verifyModelMatchesStore();
    }

    void everyChangeIsInTheHistory()
    {
        const Id id = m_plan->intentions.at(0);
        QVERIFY(m_model->setData(cell(0, Column::TitleColumn), QStringLiteral("Renamed")));
        QVERIFY(m_model->setData(cell(0, Column::StatusColumn), int(IntentionStatus::Complete)));
        undo()->undo();
        auto history = m_model->history(id);
        REQUIRE_OK(history);
        QStringList fields;
        for (const ChangeRecord &record : history.value())
            fields << record.field + u'=' + record.newValue;
        QVERIFY2(fields.contains(QStringLiteral("title=Renamed")), qPrintable(fields.join(u' ')));
        QVERIFY2(fields.contains(QStringLiteral("status=complete")), qPrintable(fields.join(u' ')));
        QVERIFY2(fields.contains(QStringLiteral("status=agreed")), qPrintable(fields.join(u' '))); // the undo
        QCOMPARE(history.value().last().user, QStringLiteral("tester"));
    }

    void followsChangesMadeElsewhere()
    {
        // Another view saves a row and says which: only that row changes here.
        Intention changed = m_plan->stored(m_plan->intentions.at(2));
        changed.title = QStringLiteral("Changed elsewhere");
        REQUIRE_OK(m_plan->store().intentions().update(changed));
        QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_plan->context->notifyChanged(PlanContext::Entity::Intention, {changed.id});
        QCOMPARE(cell(2, Column::TitleColumn).data().toString(), QStringLiteral("Changed elsewhere"));
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(reset.count(), 0);

        // A new one and a deleted one, named by id.
        Intention added = IntentionFixture::intention(m_plan->children, 0, QStringLiteral("Added elsewhere"), {});
        const Id addedId = IntentionFixture::created(m_plan->store().intentions().create(added));
        REQUIRE_OK(m_plan->store().intentions().remove(m_plan->intentions.at(7)));
        m_plan->context->notifyChanged(PlanContext::Entity::Intention, {addedId, m_plan->intentions.at(7)});
        QVERIFY(m_model->rowOf(addedId) >= 0);
        QCOMPARE(m_model->rowOf(m_plan->intentions.at(7)), -1);
        verifyModelMatchesStore();

        // A portfolio renamed: the rows stay, their portfolio name changes.
        Portfolio portfolio = m_plan->store().portfolios().get(m_plan->children).value();
        portfolio.name = QStringLiteral("Babies, Children and Young People");
        REQUIRE_OK(m_plan->store().portfolios().update(portfolio));
        m_plan->context->notifyChanged(PlanContext::Entity::Portfolio, {portfolio.id});
        QCOMPARE(cell(5, Column::PortfolioColumn).data().toString(), portfolio.name);
        QCOMPARE(reset.count(), 0);
    }

    void reloadResetsToWhatIsStored()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        REQUIRE_OK(m_plan->store().intentions().remove(m_plan->intentions.at(0)));
        REQUIRE_OK(m_model->reload());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 7);
        verifyModelMatchesStore();
    }

    void foldsTextForSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("ascii") << QStringLiteral("Primary CARE") << QStringLiteral("primary care");
        QTest::newRow("accents") << QStringLiteral("Café Naïve Ångström") << QStringLiteral("cafe naive angstrom");
        QTest::newRow("empty") << QString() << QString();
    }

    void foldsTextForSearch()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(IntentionTableModel::foldForSearch(text), folded);
    }

    void keepsItsRowsSortedThroughEditsAndAdds()
    {
        auto titles = [this] {
            QStringList shown;
            for (int row = 0; row < m_model->rowCount(); ++row)
                shown << m_model->index(row, Column::TitleColumn).data().toString();
            return shown;
        };
        const QPersistentModelIndex crisis = cell(3, Column::TitleColumn);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
        m_model->sort(Column::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(layout.count(), 1);
        QCOMPARE(m_model->sortColumn(), int(Column::TitleColumn));
        QStringList sorted = titles();
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(titles(), sorted);
        QCOMPARE(crisis.data().toString(), QStringLiteral("Crisis cafés")); // followed its row
        QCOMPARE(crisis.row(), rowOf(3));

        // An edit moves the row to its place; so does a new row.
        QVERIFY(m_model->setData(cell(6, Column::TitleColumn), QStringLiteral("Aardvark")));
        QCOMPARE(m_model->index(0, Column::TitleColumn).data().toString(), QStringLiteral("Aardvark"));
        auto added = m_model->addIntention(m_plan->children);
        REQUIRE_OK(added);
        QCOMPARE(m_model->index(m_model->rowOf(added.value()) - 1, Column::TitleColumn).data().toString(),
                 QStringLiteral("Estates review")); // "New intention" after it
        QCOMPARE(m_model->index(m_model->rowOf(added.value()) + 1, Column::TitleColumn).data().toString(),
                 QStringLiteral("Same-day access hubs"));

        // Descending, and reloaded: still sorted.
        m_model->sort(Column::TitleColumn, Qt::DescendingOrder);
        QCOMPARE(m_model->index(m_model->rowCount() - 1, Column::TitleColumn).data().toString(),
                 QStringLiteral("Aardvark"));
        REQUIRE_OK(m_model->reload());
        QCOMPARE(m_model->index(0, Column::TitleColumn).data().toString(), QStringLiteral("Talking therapies"));

        // Column -1: the plan's order, the store's own.
        m_model->sort(-1);
        const QList<Intention> stored = m_plan->storedIntentions();
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->intention(row).id, stored.at(row).id);
    }

    void undoThatCannotBeWrittenIsReportedAndDropped()
    {
        QVERIFY(m_model->setData(cell(0, Column::TitleColumn), QStringLiteral("Renamed")));
        // Someone else deletes the portfolio's areas and the intention's portfolio meanwhile?
        // Simpler: the intention's programme area goes, so the old state cannot be written.
        REQUIRE_OK(m_plan->store().programmeAreas().remove(m_plan->access));
        QSignalSpy rejected(m_model.get(), &IntentionTableModel::editRejected);
        undo()->undo();
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.first().at(1).toString().contains(QStringLiteral("Could not undo")));
        QCOMPARE(undo()->count(), 0); // dropped: the stack matches what is stored
        QCOMPARE(m_plan->stored(m_plan->intentions.at(0)).title, QStringLiteral("Renamed"));
    }
};

QTEST_MAIN(TestIntentionTableModel)
#include "tst_intentiontablemodel.moc"
