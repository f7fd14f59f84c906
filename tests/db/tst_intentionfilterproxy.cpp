// The intentions grid's filters and sorting, over a real in-memory plan: each filter alone and
// in combination, the "N of M" counts, and sorting that is right over every row.

#include "intentionfilterproxy.h"
#include "intentionfixture.h"
#include "intentiontablemodel.h"
#include "planroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <random>

using Column = IntentionTableModel::Column;
using TagFilter = IntentionFilterProxy::TagFilter;

class TestIntentionFilterProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IntentionFixture::Plan> m_plan;
    std::unique_ptr<IntentionTableModel> m_model;
    std::unique_ptr<IntentionFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QStringList shownTitles() const
    {
        QStringList titles;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            titles << m_proxy->index(row, Column::TitleColumn).data().toString();
        titles.sort();
        return titles;
    }
    Id portfolioNamed(const QString &name) const
    {
        for (const Portfolio &p : m_model->portfolios()) {
            if (p.name == name)
                return p.id;
        }
        return -1;
    }

private slots:
    void init()
    {
        m_plan = IntentionFixture::smallPlan();
        m_model = std::make_unique<IntentionTableModel>(*m_plan->context);
        m_proxy = std::make_unique<IntentionFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        // Attached before anything is loaded.
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        REQUIRE_OK(m_model->reload());
    }

    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
        m_plan.reset();
    }

    void showsEverythingWithoutAFilter()
    {
        QVERIFY(m_proxy->filter().isEmpty());
        QCOMPARE(m_proxy->rowCount(), 8);
        QCOMPARE(m_proxy->shownCount(), 8);
        QCOMPARE(m_proxy->totalCount(), 8);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("portfolios");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<int>("community");
        QTest::addColumn<int>("prevention");
        QTest::addColumn<int>("digital");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("activeIn");
        QTest::addColumn<bool>("needsReview");
        QTest::addColumn<QStringList>("shown");

        const int any = int(TagFilter::Any);
        const int has = int(TagFilter::Has);
        const int lacks = int(TagFilter::Lacks);
        const QString hubs = QStringLiteral("Same-day access hubs");
        const QString fairs = QStringLiteral("Café-style recruitment fairs");
        const QString estates = QStringLiteral("Estates review");
        const QString crisis = QStringLiteral("Crisis cafés");
        const QString therapies = QStringLiteral("Talking therapies");
        const QString school = QStringLiteral("School readiness");
        const QString front = QStringLiteral("Digital front door");
        const QString asthma = QStringLiteral("Asthma pathway");
        auto row = [&](const char *name) { return &QTest::newRow(name); };
        auto sorted = [](QStringList list) {
            list.sort();
            return list;
        };

        *row("text, accents ignored") << QStringLiteral("CAFE") << QStringList{} << QList<int>{} << any << any << any
            << QString() << QString() << QString() << false << sorted({fairs, crisis});
        *row("text with an accent") << QStringLiteral("café") << QStringList{} << QList<int>{} << any << any << any
            << QString() << QString() << QString() << false << sorted({fairs, crisis});
        *row("text in the body") << QStringLiteral("commission") << QStringList{} << QList<int>{} << any << any << any
            << QString() << QString() << QString() << false
            << sorted({hubs, fairs, estates, crisis, therapies, school, front, asthma});
        *row("text in the lead, every word") << QStringLiteral("lead for school") << QStringList{} << QList<int>{}
            << any << any << any << QString() << QString() << QString() << false << QStringList{school};
        *row("text matching nothing") << QStringLiteral("zebra") << QStringList{} << QList<int>{} << any << any << any
            << QString() << QString() << QString() << false << QStringList{};
        *row("one portfolio") << QString() << QStringList{QStringLiteral("Mental Health")} << QList<int>{}
            << any << any << any << QString() << QString() << QString() << false << sorted({crisis, therapies});
        *row("two portfolios") << QString()
            << QStringList{QStringLiteral("Primary Care"), QStringLiteral("Children and Young People")}
            << QList<int>{} << any << any << any << QString() << QString() << QString() << false
            << sorted({hubs, fairs, estates, school, front, asthma});
        *row("one status") << QString() << QStringList{} << QList<int>{int(IntentionStatus::Proposed)}
            << any << any << any << QString() << QString() << QString() << false
            << sorted({fairs, crisis, school, asthma});
        *row("two statuses") << QString() << QStringList{}
            << QList<int>{int(IntentionStatus::Agreed), int(IntentionStatus::Complete)}
            << any << any << any << QString() << QString() << QString() << false << sorted({hubs, therapies});
        *row("has community") << QString() << QStringList{} << QList<int>{} << has << any << any
            << QString() << QString() << QString() << false << sorted({hubs, crisis});
        *row("has prevention") << QString() << QStringList{} << QList<int>{} << any << has << any
            << QString() << QString() << QString() << false << sorted({crisis, school});
        *row("lacks digital") << QString() << QStringList{} << QList<int>{} << any << any << lacks
            << QString() << QString() << QString() << false
            << sorted({hubs, estates, crisis, therapies, school, asthma});
        *row("lacks community, has digital") << QString() << QStringList{} << QList<int>{} << lacks << any << has
            << QString() << QString() << QString() << false << sorted({fairs, front});
        *row("place") << QString() << QStringList{} << QList<int>{} << any << any << any
            << QStringLiteral("Newham") << QString() << QString() << false << sorted({fairs, crisis});
        *row("provider") << QString() << QStringList{} << QList<int>{} << any << any << any
            << QString() << QStringLiteral("Barts Health NHS Trust") << QString() << false << sorted({hubs, front});
        *row("active in 2025/26: dates overlap, ongoing runs") << QString() << QStringList{} << QList<int>{}
            << any << any << any << QString() << QString() << QStringLiteral("2025/26") << false
            << sorted({fairs, estates});
        *row("active in 2028/29: open-ended runs on") << QString() << QStringList{} << QList<int>{}
            << any << any << any << QString() << QString() << QStringLiteral("2028/29") << false
            << sorted({estates, school, front});
        *row("needs review") << QString() << QStringList{} << QList<int>{} << any << any << any
            << QString() << QString() << QString() << true << QStringList{therapies};
        *row("text and shift") << QStringLiteral("cafe") << QStringList{} << QList<int>{} << has << any << any
            << QString() << QString() << QString() << false << QStringList{crisis};
        *row("portfolio and status") << QString() << QStringList{QStringLiteral("Primary Care")}
            << QList<int>{int(IntentionStatus::Proposed)} << any << any << any
            << QString() << QString() << QString() << false << QStringList{fairs};
        *row("year and shift and provider") << QString() << QStringList{} << QList<int>{} << any << has << any
            << QString() << QStringLiteral("East London NHS Foundation Trust") << QStringLiteral("2026/27") << false
            << QStringList{crisis};
        *row("everything, nothing left") << QStringLiteral("cafe") << QStringList{QStringLiteral("Mental Health")}
            << QList<int>{int(IntentionStatus::Proposed)} << has << has << lacks
            << QStringLiteral("City and Hackney") << QStringLiteral("East London NHS Foundation Trust")
            << QStringLiteral("2026/27") << true << QStringList{};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, portfolios);
        QFETCH(QList<int>, statuses);
        QFETCH(int, community);
        QFETCH(int, prevention);
        QFETCH(int, digital);
        QFETCH(QString, place);
        QFETCH(QString, provider);
        QFETCH(QString, activeIn);
        QFETCH(bool, needsReview);
        QFETCH(QStringList, shown);

        IntentionFilterProxy::Filter filter;
        filter.text = text;
        for (const QString &name : portfolios)
            filter.portfolioIds << portfolioNamed(name);
        for (int status : statuses)
            filter.statuses << IntentionStatus(status);
        filter.community = TagFilter(community);
        filter.prevention = TagFilter(prevention);
        filter.digital = TagFilter(digital);
        for (const Place &p : m_model->places()) {
            if (p.name == place)
                filter.placeId = p.id;
        }
        for (const Provider &p : m_model->providers()) {
            if (p.name == provider)
                filter.providerId = p.id;
        }
        if (!activeIn.isEmpty())
            filter.activeIn = FiscalYear::parse(activeIn).value();
        filter.needsReviewOnly = needsReview;

        QSignalSpy counts(m_proxy.get(), &IntentionFilterProxy::countsChanged);
        m_proxy->setFilter(filter);
        QCOMPARE(shownTitles(), shown);
        QCOMPARE(m_proxy->shownCount(), shown.size());
        QCOMPARE(counts.count(), shown.size() == 8 ? 0 : 1);
        if (!counts.isEmpty()) {
            QCOMPARE(counts.last().at(0).toInt(), int(shown.size()));
            QCOMPARE(counts.last().at(1).toInt(), 8);
        }

        m_proxy->clearFilter();
        QCOMPARE(m_proxy->rowCount(), 8);
    }

    void settersCombineWithTheFilter()
    {
        m_proxy->setText(QStringLiteral("cafe"));
        QCOMPARE(m_proxy->rowCount(), 2);
        m_proxy->setShiftFilter(Shift::HospitalToCommunity, TagFilter::Has);
        QCOMPARE(shownTitles(), QStringList{QStringLiteral("Crisis cafés")});
        m_proxy->setText(QString());
        QCOMPARE(m_proxy->rowCount(), 2); // community only
        m_proxy->setPortfolioIds({m_plan->primaryCare});
        QCOMPARE(shownTitles(), QStringList{QStringLiteral("Same-day access hubs")});
        m_proxy->setStatuses({IntentionStatus::Withdrawn});
        QCOMPARE(m_proxy->rowCount(), 0);
        m_proxy->clearFilter();
        m_proxy->setPlaceId(m_plan->hackney);
        m_proxy->setProviderId(m_plan->elft);
        QCOMPARE(shownTitles(), QStringList{QStringLiteral("Crisis cafés")});
        m_proxy->clearFilter();
        m_proxy->setActiveIn(FiscalYear(2028));
        m_proxy->setNeedsReviewOnly(true);
        QCOMPARE(m_proxy->rowCount(), 0);
    }

    void typingOnNarrowsAndEditsStillCount_data()
    {
        QTest::addColumn<int>("rowsPerThread");
        QTest::newRow("one thread") << 20000;
        QTest::newRow("a thread per row") << 1;
    }

    void typingOnNarrowsAndEditsStillCount()
    {
        QFETCH(int, rowsPerThread);
        m_proxy->setRowsPerSearchThread(rowsPerThread);
        // Letter by letter, as typed: each step shows exactly the rows a fresh filter would.
        const QString typed = QStringLiteral("same day");
        for (int length = 1; length <= typed.size(); ++length) {
            m_proxy->setText(typed.left(length));
            const QStringList narrowed = shownTitles();
            IntentionFilterProxy fresh;
            fresh.setSourceModel(m_model.get());
            fresh.setText(typed.left(length));
            QStringList expected;
            for (int row = 0; row < fresh.rowCount(); ++row)
                expected << fresh.index(row, Column::TitleColumn).data().toString();
            expected.sort();
            QCOMPARE(narrowed, expected);
        }
        QCOMPARE(shownTitles(), QStringList{QStringLiteral("Same-day access hubs")});

        // A row the shorter text missed is edited to match: typing on still finds it.
        m_proxy->setText(QStringLiteral("caf"));
        const QStringList cafes = shownTitles();
        const int row = m_model->rowOf(m_plan->intentions.at(0));
        const QString title = m_model->index(row, Column::TitleColumn).data().toString();
        QVERIFY(!cafes.contains(title));
        QVERIFY(m_model->setData(m_model->index(row, Column::TitleColumn), title + QStringLiteral(" café")));
        m_proxy->setText(QStringLiteral("cafe"));
        QVERIFY2(shownTitles().contains(title + QStringLiteral(" café")), qPrintable(shownTitles().join(u'|')));
        // Deleting text widens again.
        m_proxy->setText(QStringLiteral("ca"));
        QVERIFY(m_proxy->rowCount() >= cafes.size() + 1);
    }

    void countsFollowEditsAddsAndDeletes()
    {
        m_proxy->setStatuses({IntentionStatus::Proposed});
        QCOMPARE(m_proxy->rowCount(), 4);
        QSignalSpy counts(m_proxy.get(), &IntentionFilterProxy::countsChanged);

        // An edit that takes a row out of the filter.
        const QModelIndex status = m_proxy->index(0, Column::StatusColumn);
        QVERIFY(m_proxy->setData(status, int(IntentionStatus::Agreed)));
        QCOMPARE(m_proxy->rowCount(), 3);
        QCOMPARE(counts.last(), (QVariantList{3, 8}));
        // A new row (Proposed) comes in; deleting it goes out again.
        auto added = m_model->addIntention(m_plan->children);
        REQUIRE_OK(added);
        QCOMPARE(counts.last(), (QVariantList{4, 9}));
        REQUIRE_OK(m_model->remove({added.value()}));
        QCOMPARE(counts.last(), (QVariantList{3, 8}));
        // A reload says so too.
        m_plan->context->undoStack()->clear();
        REQUIRE_OK(m_plan->store().intentions().remove(m_plan->intentions.at(7)));
        REQUIRE_OK(m_model->reload());
        QCOMPARE(counts.last(), (QVariantList{2, 7}));
    }

    void activeInRule_data()
    {
        QTest::addColumn<QString>("timeframe");
        QTest::addColumn<bool>("in2026");
        QTest::newRow("whole year") << QStringLiteral("2026/27") << true;
        QTest::newRow("range over it") << QStringLiteral("2025/26 – 2028/29") << true;
        QTest::newRow("ends the day before") << QStringLiteral("2025/26") << false;
        QTest::newRow("starts the day after") << QStringLiteral("2027/28") << false;
        QTest::newRow("one month inside") << QStringLiteral("October 2026") << true;
        QTest::newRow("open-ended from before") << QStringLiteral("from 2024/25") << true;
        QTest::newRow("open-ended from after") << QStringLiteral("from 2027/28") << false;
        QTest::newRow("bare ongoing") << QStringLiteral("Ongoing") << true;
        QTest::newRow("deadline inside") << QStringLiteral("by December 2026") << true;
        QTest::newRow("deadline before") << QStringLiteral("by December 2025") << false;
        QTest::newRow("deadline after") << QStringLiteral("by December 2027") << true;
        QTest::newRow("not set") << QString() << false;
        QTest::newRow("unreadable") << QStringLiteral("when funded") << false;
    }

    void activeInRule()
    {
        QFETCH(QString, timeframe);
        QFETCH(bool, in2026);
        QCOMPARE(IntentionFilterProxy::isActiveIn(TimeframeParser::parse(timeframe), FiscalYear(2026)), in2026);
        QVERIFY(IntentionFilterProxy::isActiveIn(TimeframeParser::parse(timeframe), FiscalYear()));
    }

    void sortsEveryRowByStart()
    {
        // Far more rows than a lazily fetched SQL model would have read (256).
        QList<Intention> many;
        std::mt19937 random(7);
        for (int i = 0; i < 1500; ++i) {
            const QDate start = QDate(2024, 4, 1).addMonths(int(random() % 120));
            const QDate end = start.addMonths(1 + int(random() % 36)).addDays(-1);
            Intention intention = IntentionFixture::intention(
                i % 2 ? m_plan->primaryCare : m_plan->children, 0, QStringLiteral("Generated %1").arg(i),
                TimeframeParser::normalisedText(start, end));
            many << intention;
        }
        REQUIRE_OK(m_plan->store().intentions().saveMany(many));
        REQUIRE_OK(m_model->reload());
        QCOMPARE(m_proxy->rowCount(), 1508);

        const QDate minimum = QDate::fromString(
            m_plan->scalar(QStringLiteral("SELECT MIN(tf_start) FROM intention")).toString(), Qt::ISODate);
        const QDate maximum = QDate::fromString(
            m_plan->scalar(QStringLiteral("SELECT MAX(tf_start) FROM intention")).toString(), Qt::ISODate);
        QVERIFY(minimum.isValid() && maximum.isValid());

        m_proxy->sort(Column::DatesColumn, Qt::AscendingOrder);
        QCOMPARE(m_proxy->index(0, 0).data(PlanRoles::StartDateRole).toDate(), minimum);
        QDate previous;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QDate start = m_proxy->index(row, 0).data(PlanRoles::StartDateRole).toDate();
            if (!start.isValid()) { // blanks last
                for (int rest = row; rest < m_proxy->rowCount(); ++rest)
                    QVERIFY(!m_proxy->index(rest, 0).data(PlanRoles::StartDateRole).toDate().isValid());
                break;
            }
            QVERIFY(!previous.isValid() || previous <= start);
            previous = start;
        }

        m_proxy->sort(Column::DatesColumn, Qt::DescendingOrder);
        QCOMPARE(m_proxy->index(0, 0).data(PlanRoles::StartDateRole).toDate(), maximum);
        // Blanks stay last when the order is reversed.
        QVERIFY(!m_proxy->index(m_proxy->rowCount() - 1, 0).data(PlanRoles::StartDateRole).toDate().isValid());

        // Filtering keeps the order.
        m_proxy->setPortfolioIds({m_plan->children});
        QVERIFY(m_proxy->index(0, 0).data(PlanRoles::StartDateRole).toDate()
                >= m_proxy->index(1, 0).data(PlanRoles::StartDateRole).toDate());
    }

    void sortsByEachColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("title") << int(Column::TitleColumn) << QStringLiteral("Asthma pathway")
                               << QStringLiteral("Talking therapies");
        QTest::newRow("portfolio") << int(Column::PortfolioColumn) << QStringLiteral("School readiness")
                                   << QStringLiteral("Estates review");
        QTest::newRow("status") << int(Column::StatusColumn) << QStringLiteral("Café-style recruitment fairs")
                                << QStringLiteral("Digital front door");
        QTest::newRow("providers (blanks last)") << int(Column::ProvidersColumn)
                                                 << QStringLiteral("Same-day access hubs")
                                                 << QStringLiteral("Asthma pathway");
        QTest::newRow("needs review last") << int(Column::NeedsReviewColumn)
                                           << QStringLiteral("Same-day access hubs")
                                           << QStringLiteral("Talking therapies");
    }

    void sortsByEachColumn()
    {
        QFETCH(int, column);
        QFETCH(QString, first);
        QFETCH(QString, last);
        // Ties keep the plan's order (a stable sort).
        m_proxy->sort(column, Qt::AscendingOrder);
        QCOMPARE(m_proxy->index(0, Column::TitleColumn).data().toString(), first);
        QCOMPARE(m_proxy->index(m_proxy->rowCount() - 1, Column::TitleColumn).data().toString(), last);
    }

    void editsThroughTheProxyResort()
    {
        m_proxy->sort(Column::TitleColumn, Qt::AscendingOrder);
        QVERIFY(m_proxy->setData(m_proxy->index(0, Column::TitleColumn), QStringLiteral("Zzz last")));
        QCOMPARE(m_proxy->index(m_proxy->rowCount() - 1, Column::TitleColumn).data().toString(),
                 QStringLiteral("Zzz last"));
    }
};

QTEST_MAIN(TestIntentionFilterProxy)
#include "tst_intentionfilterproxy.moc"
