// The grid's and timeline's tree: portfolio → programme area → intention over the filtered,
// sorted proxy, with counts and date spans, edits through the tree, and state kept across sorts.

#include "intentionfilterproxy.h"
#include "intentionfixture.h"
#include "intentiongroupmodel.h"
#include "intentiontablemodel.h"
#include "planroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Column = IntentionTableModel::Column;
using Grouping = IntentionGroupModel::Grouping;
using PlanRoles::NodeKind;

class TestIntentionGroupModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IntentionFixture::Plan> m_plan;
    std::unique_ptr<IntentionTableModel> m_model;
    std::unique_ptr<IntentionFilterProxy> m_proxy;
    std::unique_ptr<IntentionGroupModel> m_tree;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // The tree as text: "Primary Care (3)[Access (1)[Same-day access hubs] …]".
    QString outline(const QModelIndex &parent = {}) const
    {
        QStringList parts;
        for (int row = 0; row < m_tree->rowCount(parent); ++row) {
            const QModelIndex index = m_tree->index(row, 0, parent);
            QString part = m_tree->isGroup(index) ? index.data().toString()
                                                  : index.data(PlanRoles::TitleRole).toString();
            if (m_tree->rowCount(index) > 0)
                part += u'[' + outline(index) + u']';
            parts << part;
        }
        return parts.join(QStringLiteral(", "));
    }
    QModelIndex group(const QString &name, const QModelIndex &parent = {}) const
    {
        for (int row = 0; row < m_tree->rowCount(parent); ++row) {
            const QModelIndex index = m_tree->index(row, 0, parent);
            if (index.data(PlanRoles::TitleRole).toString() == name)
                return index;
        }
        return {};
    }

private slots:
    void init()
    {
        m_plan = IntentionFixture::smallPlan();
        m_model = std::make_unique<IntentionTableModel>(*m_plan->context);
        m_proxy = std::make_unique<IntentionFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_tree = std::make_unique<IntentionGroupModel>();
        m_tree->setSourceModel(m_proxy.get());
        // Attached before anything is loaded.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_tree.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        REQUIRE_OK(m_model->reload());
    }

    void cleanup()
    {
        m_tester.reset();
        m_tree.reset();
        m_proxy.reset();
        m_model.reset();
        m_plan.reset();
    }

    void groupsByPortfolioAndProgrammeAreaWithCounts()
    {
        QCOMPARE(outline(),
                 QStringLiteral("Primary Care (3)[Access (1)[Same-day access hubs], "
                                "Workforce (1)[Café-style recruitment fairs], Estates review], "
                                "Mental Health (2)[Crisis care (2)[Crisis cafés, Talking therapies]], "
                                "Children and Young People (3)[School readiness, Digital front door, Asthma pathway]"));
        QCOMPARE(m_tree->columnCount(), int(IntentionTableModel::ColumnCount));
    }

    void groupRowsAnswerTheirRoles()
    {
        const QModelIndex primary = group(QStringLiteral("Primary Care"));
        QVERIFY(primary.isValid());
        QCOMPARE(primary.data(PlanRoles::NodeKindRole).toInt(), int(NodeKind::Portfolio));
        QCOMPARE(primary.data(PlanRoles::IdRole).toLongLong(), m_plan->primaryCare);
        QCOMPARE(primary.data(PlanRoles::PortfolioIdRole).toLongLong(), m_plan->primaryCare);
        QCOMPARE(primary.data(PlanRoles::IntentionCountRole).toInt(), 3);
        QCOMPARE(primary.data(PlanRoles::ColourRole).value<QColor>(), QColor(QStringLiteral("#005EB8")));
        // The span of the children's dates: Apr 2025 (fairs) to Mar 2028 (hubs).
        QCOMPARE(primary.data(PlanRoles::StartDateRole).toDate(), QDate(2025, 4, 1));
        QCOMPARE(primary.data(PlanRoles::EndDateRole).toDate(), QDate(2028, 3, 31));
        QVERIFY(!(m_tree->flags(primary) & Qt::ItemIsEditable));
        QVERIFY(!m_tree->setData(primary, QStringLiteral("Renamed")));

        const QModelIndex access = group(QStringLiteral("Access"), primary);
        QCOMPARE(access.data(PlanRoles::NodeKindRole).toInt(), int(NodeKind::ProgrammeArea));
        QCOMPARE(access.data(PlanRoles::IdRole).toLongLong(), m_plan->access);
        QCOMPARE(access.data(PlanRoles::ProgrammeAreaIdRole).toLongLong(), m_plan->access);
        QCOMPARE(access.data(PlanRoles::IntentionCountRole).toInt(), 1);
        QCOMPARE(access.data().toString(), QStringLiteral("Access (1)"));
        QCOMPARE(m_tree->intentionIds(primary).size(), 3);
    }

    void intentionRowsForwardEveryRoleAndColumn()
    {
        const QModelIndex hubs = m_tree->indexOfIntention(m_plan->intentions.at(0), Column::StatusColumn);
        QVERIFY(hubs.isValid());
        QCOMPARE(hubs.data().toString(), QStringLiteral("Agreed"));
        QCOMPARE(hubs.data(PlanRoles::NodeKindRole).toInt(), int(NodeKind::Intention));
        QCOMPARE(hubs.siblingAtColumn(Column::CommunityColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(m_tree->intentionId(hubs), m_plan->intentions.at(0));
        QCOMPARE(m_tree->mapToSource(hubs).data().toString(), QStringLiteral("Agreed"));
        QCOMPARE(m_tree->mapFromSource(m_tree->mapToSource(hubs)), hubs);
        QCOMPARE(m_tree->flags(hubs), m_proxy->flags(m_tree->mapToSource(hubs)));
        QCOMPARE(m_tree->headerData(Column::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
    }

    void editsThroughTheTree()
    {
        QSignalSpy changed(m_tree.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_tree.get(), &QAbstractItemModel::modelReset);
        const QModelIndex title = m_tree->indexOfIntention(m_plan->intentions.at(0), Column::TitleColumn);
        QVERIFY(m_tree->setData(title, QStringLiteral("Extended access hubs")));
        QCOMPARE(m_plan->stored(m_plan->intentions.at(0)).title, QStringLiteral("Extended access hubs"));
        QCOMPARE(m_tree->indexOfIntention(m_plan->intentions.at(0), Column::TitleColumn).data().toString(),
                 QStringLiteral("Extended access hubs"));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(reset.count(), 0); // stays in its group: no reset

        // A Gantt drag through the tree updates the group's span.
        const QModelIndex primary = group(QStringLiteral("Primary Care"));
        const QModelIndex hubs = m_tree->indexOfIntention(m_plan->intentions.at(0));
        QVERIFY(m_tree->setData(hubs, QVariantList{QDate(2026, 4, 1), QDate(2030, 3, 31)}, PlanRoles::DateRangeRole));
        QCOMPARE(primary.data(PlanRoles::EndDateRole).toDate(), QDate(2030, 3, 31));
        QCOMPARE(reset.count(), 0);
    }

    void movesARowToItsNewGroup()
    {
        const QModelIndex portfolio = m_tree->indexOfIntention(m_plan->intentions.at(0), Column::PortfolioColumn);
        QVERIFY(m_tree->setData(portfolio, QStringLiteral("Children and Young People")));
        QCOMPARE(group(QStringLiteral("Primary Care")).data(PlanRoles::IntentionCountRole).toInt(), 2);
        QCOMPARE(group(QStringLiteral("Children and Young People")).data(PlanRoles::IntentionCountRole).toInt(), 4);
        QVERIFY(!group(QStringLiteral("Access"), group(QStringLiteral("Primary Care"))).isValid()); // now empty
        m_plan->context->undoStack()->undo();
        QCOMPARE(group(QStringLiteral("Primary Care")).data(PlanRoles::IntentionCountRole).toInt(), 3);
    }

    void countsOnlyTheFilteredRows()
    {
        m_proxy->setText(QStringLiteral("cafe"));
        QCOMPARE(outline(), QStringLiteral("Primary Care (1)[Workforce (1)[Café-style recruitment fairs]], "
                                           "Mental Health (1)[Crisis care (1)[Crisis cafés]]"));
        m_proxy->setText(QStringLiteral("zebra"));
        QCOMPARE(m_tree->rowCount(), 0);
        m_proxy->clearFilter();
        QCOMPARE(m_tree->rowCount(), 3);
    }

    void groupingCanBeSwitched()
    {
        m_tree->setGrouping(Grouping::Portfolio);
        QCOMPARE(outline(),
                 QStringLiteral("Primary Care (3)[Same-day access hubs, Café-style recruitment fairs, Estates review], "
                                "Mental Health (2)[Crisis cafés, Talking therapies], "
                                "Children and Young People (3)[School readiness, Digital front door, Asthma pathway]"));
        m_tree->setGrouping(Grouping::None);
        QCOMPARE(m_tree->rowCount(), 8);
        QVERIFY(!m_tree->isGroup(m_tree->index(0, 0)));
        QCOMPARE(m_tree->index(0, Column::TitleColumn).data().toString(), QStringLiteral("Same-day access hubs"));
        QVERIFY(m_tree->setData(m_tree->index(0, Column::TitleColumn), QStringLiteral("Flat edit")));
        QCOMPARE(m_plan->stored(m_plan->intentions.at(0)).title, QStringLiteral("Flat edit"));
    }

    void groupsFollowTheSortOrder()
    {
        // By start date, latest first: Children (2028/29) leads.
        m_proxy->sort(Column::DatesColumn, Qt::DescendingOrder);
        QCOMPARE(m_tree->index(0, 0).data(PlanRoles::TitleRole).toString(),
                 QStringLiteral("Children and Young People"));
        const QModelIndex children = m_tree->index(0, 0);
        QCOMPARE(m_tree->index(0, 0, children).data(PlanRoles::TitleRole).toString(),
                 QStringLiteral("Digital front door"));
    }

    void sortingKeepsPersistentIndexes()
    {
        const QPersistentModelIndex crisis(m_tree->indexOfIntention(m_plan->intentions.at(3), Column::TitleColumn));
        const QPersistentModelIndex mental(group(QStringLiteral("Mental Health")));
        QSignalSpy layout(m_tree.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(m_tree.get(), &QAbstractItemModel::modelReset);
        m_proxy->sort(Column::TitleColumn, Qt::DescendingOrder);
        QVERIFY(layout.count() >= 1);
        QCOMPARE(reset.count(), 0);
        QVERIFY(crisis.isValid());
        QCOMPARE(crisis.data().toString(), QStringLiteral("Crisis cafés"));
        QCOMPARE(QModelIndex(crisis), m_tree->indexOfIntention(m_plan->intentions.at(3), Column::TitleColumn));
        QVERIFY(mental.isValid());
        QCOMPARE(mental.data(PlanRoles::TitleRole).toString(), QStringLiteral("Mental Health"));
    }

    void followsInsertsAndDeletes()
    {
        auto added = m_model->addIntention(m_plan->mentalHealth, m_plan->crisis);
        REQUIRE_OK(added);
        QCOMPARE(group(QStringLiteral("Crisis care"), group(QStringLiteral("Mental Health")))
                     .data(PlanRoles::IntentionCountRole).toInt(), 3);
        QVERIFY(m_tree->indexOfIntention(added.value()).isValid());
        REQUIRE_OK(m_model->remove({m_plan->intentions.at(3), m_plan->intentions.at(4), added.value()}));
        QVERIFY(!group(QStringLiteral("Mental Health")).isValid());
        m_plan->context->undoStack()->undo();
        QCOMPARE(group(QStringLiteral("Mental Health")).data(PlanRoles::IntentionCountRole).toInt(), 3);
        REQUIRE_OK(m_model->reload());
        QCOMPARE(m_tree->rowCount(), 3);
    }
};

QTEST_MAIN(TestIntentionGroupModel)
#include "tst_intentiongroupmodel.moc"
