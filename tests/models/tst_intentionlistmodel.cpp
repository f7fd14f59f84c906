#include "intentionlistmodel.h"
#include "planroles.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

Intention intention(Id id, Id portfolioId, Id areaId, const QString &timeframe)
{
    Intention i;
    i.id = id;
    i.portfolioId = portfolioId;
    i.programmeAreaId = areaId;
    i.title = QStringLiteral("Intention %1").arg(id);
    i.text = QStringLiteral("Full text of intention %1").arg(id);
    i.timeframe = TimeframeParser::parse(timeframe);
    i.shiftCommunity = id % 2 == 1;
    return i;
}

} // namespace

class TestIntentionListModel : public QObject
{
    Q_OBJECT
private slots:
    void shouldShowTimeframeRawTextAndParsedDates()
    {
        IntentionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIntentions({intention(1, 1, 0, QStringLiteral("2026-2029"))}, {});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, IntentionListModel::TimeframeColumn).data().toString(), QStringLiteral("2026-2029"));
        QCOMPARE(model.index(0, IntentionListModel::DatesColumn).data().toString(),
                 QStringLiteral("Apr 2026 – Mar 2029"));
        QCOMPARE(model.index(0, IntentionListModel::TitleColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Full text of intention 1"));
    }

    void shouldShowShiftTagsAsCheckStates()
    {
        IntentionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIntentions({intention(1, 1, 0, QString()), intention(2, 1, 0, QString())}, {});
        QCOMPARE(model.index(0, IntentionListModel::CommunityColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QCOMPARE(model.index(1, IntentionListModel::CommunityColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        QVERIFY(!(model.flags(model.index(0, IntentionListModel::CommunityColumn)) & Qt::ItemIsEditable));
    }

    void shouldMarkTimeframesThatNeedReview()
    {
        IntentionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setIntentions({intention(1, 1, 0, QStringLiteral("2026-2828")), intention(2, 1, 0, QStringLiteral("2026"))},
                            {});
        QVERIFY(model.index(0, 0).data(PlanRoles::NeedsReviewRole).toBool());
        QVERIFY(!model.index(0, IntentionListModel::ReviewColumn).data().toString().isEmpty());
        QVERIFY(!model.index(1, 0).data(PlanRoles::NeedsReviewRole).toBool());
        QVERIFY(model.index(1, IntentionListModel::ReviewColumn).data().toString().isEmpty());
    }

    void scopeProxyShouldNarrowToPortfolioAndArea()
    {
        IntentionListModel model;
        ProgrammeArea a;
        a.id = 7;
        a.portfolioId = 1;
        a.name = QStringLiteral("Imaging");
        model.setIntentions({intention(1, 1, 7, QString()), intention(2, 1, 0, QString()), intention(3, 2, 0, QString())},
                            {a});
        IntentionScopeProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setScope(1, 0);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setScope(1, 7);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, IntentionListModel::ProgrammeAreaColumn).data().toString(), QStringLiteral("Imaging"));
        proxy.setScope(2, 0);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(PlanRoles::IdRole).toLongLong(), 3);
    }

    void shouldSortByParsedStartDate()
    {
        IntentionListModel model;
        model.setIntentions({intention(1, 1, 0, QStringLiteral("2028/29")), intention(2, 1, 0, QStringLiteral("2026")),
                             intention(3, 1, 0, QStringLiteral("2027-2030"))},
                            {});
        IntentionScopeProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(IntentionListModel::DatesColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(PlanRoles::IdRole).toLongLong(), 2);
        QCOMPARE(proxy.index(1, 0).data(PlanRoles::IdRole).toLongLong(), 3);
        QCOMPARE(proxy.index(2, 0).data(PlanRoles::IdRole).toLongLong(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIntentionListModel)
#include "tst_intentionlistmodel.moc"
