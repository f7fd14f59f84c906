// The filter row above the grid: what the controls say becomes one Filter.
#include "filterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

namespace {

QList<Portfolio> portfolios()
{
    Portfolio maternity;
    maternity.id = 3;
    maternity.name = QStringLiteral("Maternity and Neonatal");
    Portfolio planned;
    planned.id = 8;
    planned.name = QStringLiteral("Planned Care");
    return {maternity, planned};
}

QList<Place> places()
{
    Place newham;
    newham.id = 4;
    newham.name = QStringLiteral("Newham");
    return {newham};
}

} // namespace

class TestFilterBar : public QObject
{
    Q_OBJECT
private slots:
    void startsEmptyAndShowsEverything()
    {
        FilterBar bar;
        bar.setChoices(portfolios(), places(), {}, {FiscalYear(2026), FiscalYear(2027)});
        QVERIFY(bar.filter().isEmpty());
        QVERIFY(!bar.clearButton()->isEnabled());
    }

    void everyControlAddsToTheFilter()
    {
        FilterBar bar;
        bar.setChoices(portfolios(), places(), {}, {FiscalYear(2026), FiscalYear(2027)});
        QSignalSpy changed(&bar, &FilterBar::filterChanged);
        QTest::keyClicks(bar.searchEdit(), QStringLiteral("hub"));
        QCOMPARE(changed.count(), 3); // keystroke by keystroke
        bar.portfolioBox()->setCurrentIndex(bar.portfolioBox()->findText(QStringLiteral("Planned Care")));
        bar.statusBox()->setCurrentIndex(bar.statusBox()->findData(int(IntentionStatus::Agreed)));
        bar.shiftBox(Shift::TreatmentToPrevention)->setCurrentIndex(2); // not tagged
        bar.placeBox()->setCurrentIndex(1);
        bar.yearBox()->setCurrentIndex(2);
        bar.needsReviewBox()->setChecked(true);

        IntentionFilterProxy::Filter expected;
        expected.text = QStringLiteral("hub");
        expected.portfolioIds = {8};
        expected.statuses = {IntentionStatus::Agreed};
        expected.prevention = IntentionFilterProxy::TagFilter::Lacks;
        expected.placeId = 4;
        expected.activeIn = FiscalYear(2027);
        expected.needsReviewOnly = true;
        QCOMPARE(bar.filter(), expected);
        QCOMPARE(changed.last().at(0).value<IntentionFilterProxy::Filter>(), expected);
        QVERIFY(bar.clearButton()->isEnabled());

        QTest::mouseClick(bar.clearButton(), Qt::LeftButton);
        QVERIFY(bar.filter().isEmpty());
    }

    void keepsAChoiceThatStillExistsWhenTheListsChange()
    {
        FilterBar bar;
        bar.setChoices(portfolios(), places(), {}, {});
        bar.portfolioBox()->setCurrentIndex(bar.portfolioBox()->findText(QStringLiteral("Planned Care")));
        bar.setChoices(portfolios(), places(), {}, {});
        QCOMPARE(bar.filter().portfolioIds, QList<Id>{8});
        bar.setChoices(portfolios().mid(0, 1), places(), {}, {}); // Planned Care is gone
        QVERIFY(bar.filter().portfolioIds.isEmpty());
    }

    void showsAFilterItIsGiven()
    {
        FilterBar bar;
        bar.setChoices(portfolios(), places(), {}, {FiscalYear(2026)});
        IntentionFilterProxy::Filter filter;
        filter.text = QStringLiteral("digital");
        filter.portfolioIds = {3};
        filter.community = IntentionFilterProxy::TagFilter::Has;
        filter.activeIn = FiscalYear(2026);
        bar.setFilter(filter);
        QCOMPARE(bar.searchEdit()->text(), QStringLiteral("digital"));
        QCOMPARE(bar.portfolioBox()->currentText(), QStringLiteral("Maternity and Neonatal"));
        QCOMPARE(bar.filter(), filter);
    }

    void countsReadNofM()
    {
        FilterBar bar;
        bar.setCounts(12, 100000);
        QCOMPARE(bar.countsText(), QStringLiteral("12 of 100,000 intentions"));
    }
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
