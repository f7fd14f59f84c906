#include "planroles.h"
#include "portfoliotreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

Portfolio portfolio(Id id, const QString &name, int order)
{
    Portfolio p;
    p.id = id;
    p.name = name;
    p.sortOrder = order;
    p.colour = QStringLiteral("#336699");
    return p;
}

ProgrammeArea area(Id id, Id portfolioId, const QString &name, int order = 0)
{
    ProgrammeArea a;
    a.id = id;
    a.portfolioId = portfolioId;
    a.name = name;
    a.sortOrder = order;
    return a;
}

Intention intention(Id id, Id portfolioId, Id areaId)
{
    Intention i;
    i.id = id;
    i.portfolioId = portfolioId;
    i.programmeAreaId = areaId;
    i.title = QStringLiteral("Intention %1").arg(id);
    return i;
}

} // namespace

class TestPortfolioTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void shouldListPortfoliosWithTheirProgrammeAreas()
    {
        PortfolioTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan({portfolio(1, QStringLiteral("Maternity"), 0), portfolio(2, QStringLiteral("Diagnostics"), 1)},
                      {area(10, 1, QStringLiteral("Prevention"), 1), area(11, 1, QStringLiteral("Safety"), 0),
                       area(20, 2, QStringLiteral("Imaging"))},
                      {});
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex maternity = model.index(0, 0);
        QCOMPARE(maternity.data().toString(), QStringLiteral("Maternity"));
        QCOMPARE(model.rowCount(maternity), 2);
        // Programme areas follow their order, not the order they were given in.
        QCOMPARE(model.index(0, 0, maternity).data().toString(), QStringLiteral("Safety"));
        QCOMPARE(model.index(1, 0, maternity).data().toString(), QStringLiteral("Prevention"));
        QCOMPARE(model.index(0, 0, maternity).parent(), maternity);
        QCOMPARE(model.rowCount(model.index(0, 0, maternity)), 0);
    }

    void shouldCountIntentionsPerPortfolioAndArea()
    {
        PortfolioTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan({portfolio(1, QStringLiteral("Maternity"), 0)}, {area(10, 1, QStringLiteral("Prevention"))},
                      {intention(1, 1, 10), intention(2, 1, 10), intention(3, 1, 0)});
        const QModelIndex maternity = model.index(0, PortfolioTreeModel::CountColumn);
        QCOMPARE(maternity.data().toInt(), 3);
        const QModelIndex prevention = model.index(0, PortfolioTreeModel::CountColumn, model.index(0, 0));
        QCOMPARE(prevention.data().toInt(), 2);
        QCOMPARE(prevention.data(PlanRoles::ProgrammeAreaIdRole).toLongLong(), 10);
        QCOMPARE(prevention.data(PlanRoles::PortfolioIdRole).toLongLong(), 1);
        QCOMPARE(prevention.data(PlanRoles::NodeKindRole).toInt(), int(PlanRoles::NodeKind::ProgrammeArea));
    }

    void shouldResetWhenThePlanIsReplaced()
    {
        PortfolioTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setPlan({portfolio(1, QStringLiteral("A"), 0)}, {}, {});
        model.setPlan({portfolio(2, QStringLiteral("B"), 0), portfolio(3, QStringLiteral("C"), 1)}, {}, {});
        QCOMPARE(resets.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.indexForPortfolio(3).row(), 1);
        QVERIFY(!model.indexForPortfolio(1).isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void shouldIgnoreAreasAndIntentionsOfUnknownPortfolios()
    {
        PortfolioTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan({portfolio(1, QStringLiteral("A"), 0)}, {area(10, 99, QStringLiteral("Orphan"))},
                      {intention(1, 99, 10)});
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.index(0, PortfolioTreeModel::CountColumn).data().toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPortfolioTreeModel)
#include "tst_portfoliotreemodel.moc"
