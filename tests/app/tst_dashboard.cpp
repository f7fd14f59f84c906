// The three-shifts dashboard on the demo plan: its numbers against a direct count in the plan
// file, following the grid's filter, clicking through a bar, and its exports.
#include "dashboard.h"
#include "dashboardfeature.h"
#include "fiscalyearchart.h"
#include "intentionfilterproxy.h"
#include "intentiontablemodel.h"
#include "mainwindow.h"
#include "noticechart.h"
#include "plancontext.h"
#include "plancolours.h"
#include "planfixtures.h"
#include "planroles.h"
#include "plansession.h"
#include "planstores.h"
#include "shiftcoveragechart.h"

#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QIdentityProxyModel>
#include <QImage>
#include <QLegend>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QTabWidget>
#include <QDialog>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

namespace {

// The demo plan opened as the window opens it, with the grid's models over it.
struct OpenPlan
{
    explicit OpenPlan(const QString &path)
    {
        auto opened = PlanSession::open(path);
        if (!opened)
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(opened.error()));
        session = std::move(opened.value());
        context = std::make_unique<PlanContext>(session->stores());
        table = std::make_unique<IntentionTableModel>(*context);
        proxy = std::make_unique<IntentionFilterProxy>();
        proxy->setSourceModel(table.get());
        if (!table->reload())
            qFatal("cannot read the intentions");
    }

    Id portfolioId(const QString &name) const
    {
        for (const Portfolio &portfolio : table->portfolios()) {
            if (portfolio.name == name)
                return portfolio.id;
        }
        return 0;
    }

    std::unique_ptr<PlanSession> session;
    std::unique_ptr<PlanContext> context;
    std::unique_ptr<IntentionTableModel> table;
    std::unique_ptr<IntentionFilterProxy> proxy;
};

// A second, read-only connection to the plan file: the numbers the dashboard must match.
class DirectCount
{
public:
    explicit DirectCount(const QString &path)
        : m_name(QStringLiteral("direct-count-%1").arg(quintptr(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
    }
    ~DirectCount() { QSqlDatabase::removeDatabase(m_name); }

    QList<qint64> column(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.prepare(sql))
            qFatal("bad test SQL %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            qFatal("cannot run %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        QList<qint64> out;
        while (query.next())
            out << query.value(0).toLongLong();
        return out;
    }

    int count(const QString &sql, const QVariantList &values = {}) const { return int(column(sql, values).value(0)); }

private:
    QString m_name;
};

QString shiftColumn(Shift shift)
{
    switch (shift) {
    case Shift::HospitalToCommunity:
        return QStringLiteral("shift_community");
    case Shift::TreatmentToPrevention:
        return QStringLiteral("shift_prevention");
    case Shift::AnalogueToDigital:
        return QStringLiteral("shift_digital");
    }
    return {};
}

QSet<Id> toSet(const QList<Id> &ids)
{
    return QSet<Id>(ids.cbegin(), ids.cend());
}

int pdfPages(const QString &file)
{
    QProcess pdfinfo;
    pdfinfo.start(QStringLiteral("pdfinfo"), {file});
    if (!pdfinfo.waitForFinished(30000) || pdfinfo.exitCode() != 0)
        return -1;
    const QStringList lines = QString::fromUtf8(pdfinfo.readAllStandardOutput()).split(u'\n');
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

QString pdfText(const QString &file)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
    pdftotext.waitForFinished(30000);
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ciplanner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboard"));
        QSettings().clear();
    }

    void init()
    {
        m_plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()), QStringLiteral("%1.sqlite").arg(++m_planCount));
        QVERIFY(!m_plan.isEmpty());
    }

    void coverageEqualsADirectCountForEachPortfolioAndShift_data()
    {
        QTest::addColumn<Shift>("shift");
        QTest::newRow("hospital to community") << Shift::HospitalToCommunity;
        QTest::newRow("treatment to prevention") << Shift::TreatmentToPrevention;
        QTest::newRow("analogue to digital") << Shift::AnalogueToDigital;
    }

    void coverageEqualsADirectCountForEachPortfolioAndShift()
    {
        QFETCH(Shift, shift);
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.refreshNow();

        const DirectCount direct(m_plan);
        const QList<qint64> portfolios = direct.column(QStringLiteral("SELECT id FROM portfolio ORDER BY id"));
        QCOMPARE(int(portfolios.size()), 30);
        int withIntentions = 0;
        for (qint64 id : portfolios) {
            const int total = direct.count(QStringLiteral("SELECT count(*) FROM intention WHERE portfolio_id = ?"),
                                              {id});
            const int tagged = direct.count(QStringLiteral("SELECT count(*) FROM intention WHERE portfolio_id = ? "
                                                              "AND %1 = 1")
                                                   .arg(shiftColumn(shift)),
                                               {id});
            const PlanStatistics::PortfolioCoverage *row = dashboard.coverage().find(id);
            if (total == 0) {
                QVERIFY2(!row, qPrintable(QStringLiteral("portfolio %1 has no intentions").arg(id)));
                continue;
            }
            ++withIntentions;
            QVERIFY(row);
            QCOMPARE(row->total(), total);
            QCOMPARE(row->count(shift), tagged);
            // What the chart draws and what clicking it gives.
            const int category = int(dashboard.coverageChart()->categoryPortfolioIds().indexOf(id));
            QVERIFY(category >= 0);
            QCOMPARE(dashboard.coverageChart()->barSet(shift)->at(category), double(row->percent(shift)));
            QCOMPARE(int(dashboard.coverageChart()->idsBehind(shift, category).size()), tagged);
        }
        QCOMPARE(withIntentions, 12);
        QCOMPARE(dashboard.coverage().plan.count(shift),
                 direct.count(QStringLiteral("SELECT count(*) FROM intention WHERE %1 = 1").arg(shiftColumn(shift))));
    }

    void sortsPortfoliosByCoverageMostAtTheTop()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.refreshNow();
        const auto &rows = dashboard.coverage().portfolios;
        QCOMPARE(int(rows.size()), 12);
        for (int i = 1; i < rows.size(); ++i)
            QVERIFY(rows.at(i - 1).meanShare() >= rows.at(i).meanShare());
        // The axis lists categories bottom-up: the most delivering portfolio is the last, on top.
        QCOMPARE(dashboard.coverageChart()->categoryPortfolioIds().constLast(), rows.constFirst().portfolioId);
        QCOMPARE(rows.constFirst().portfolioId, plan.portfolioId(QStringLiteral("Mental Health, Learning "
                                                                                "Disabilities and Autism")));
    }

    void startsPerYearEqualADirectCount()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.refreshNow();
        const PlanStatistics::YearBreakdown &starting = dashboard.starting();
        QVERIFY(!starting.years.isEmpty());
        const DirectCount direct(m_plan);
        const QString perYear = QStringLiteral(
            "SELECT count(*) FROM intention WHERE portfolio_id = ? AND tf_start >= ? AND tf_start <= ?");
        int counted = 0;
        for (int row = 0; row < starting.portfolioIds.size(); ++row) {
            for (int column = 0; column < starting.years.size(); ++column) {
                const FiscalYear year = starting.years.at(column);
                const int expected = direct.count(perYear, {starting.portfolioIds.at(row),
                                                               year.start().toString(Qt::ISODate),
                                                               year.end().toString(Qt::ISODate)});
                QCOMPARE(starting.count(row, column), expected);
                counted += starting.count(row, column);
            }
        }
        QCOMPARE(counted + int(starting.undated.size() + starting.outside.size()), 145);
        QCOMPARE(int(starting.undated.size()),
                 direct.count(QStringLiteral("SELECT count(*) FROM intention WHERE tf_start IS NULL")));
    }

    void followsTheGridFilterWithOneRefreshPerChange()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.refreshNow();
        QSignalSpy refreshed(&dashboard, &Dashboard::refreshed);
        const Id primaryCare = plan.portfolioId(QStringLiteral("Primary Care"));
        // Several changes in one turn of the event loop: one refresh.
        plan.proxy->setPortfolioIds({primaryCare, plan.portfolioId(QStringLiteral("Diagnostics"))});
        plan.proxy->setShiftFilter(Shift::AnalogueToDigital, IntentionFilterProxy::TagFilter::Has);
        plan.proxy->setPortfolioIds({primaryCare});
        QVERIFY(dashboard.isRefreshPending());
        QVERIFY(refreshed.wait());
        QTest::qWait(20);
        QCOMPARE(refreshed.count(), 1);

        const DirectCount direct(m_plan);
        const int expected = direct.count(
            QStringLiteral("SELECT count(*) FROM intention WHERE portfolio_id = ? AND shift_digital = 1"), {primaryCare});
        QCOMPARE(int(dashboard.coverage().portfolios.size()), 1);
        QCOMPARE(dashboard.coverage().plan.total(), expected);
        QCOMPARE(dashboard.coverage().plan.count(Shift::AnalogueToDigital), expected);
        QVERIFY(dashboard.summaryText().contains(QStringLiteral("%1 intentions in 1 portfolio").arg(expected)));

        plan.proxy->clearFilter();
        QVERIFY(refreshed.wait());
        QCOMPARE(dashboard.coverage().plan.total(), 145);
    }

    void readsTheGridModelsDirectlyAsTheirRolesSay()
    {
        OpenPlan plan(m_plan);
        plan.proxy->setShiftFilter(Shift::HospitalToCommunity, IntentionFilterProxy::TagFilter::Has);
        plan.proxy->sort(IntentionTableModel::TitleColumn, Qt::DescendingOrder);
        // An identity proxy hides the grid's models: the facts come through the roles instead.
        QIdentityProxyModel throughRoles;
        throughRoles.setSourceModel(plan.proxy.get());
        const auto direct = PlanStatistics::facts(*plan.proxy);
        QCOMPARE(int(direct.size()), plan.proxy->rowCount());
        QVERIFY(direct.size() < 145);
        QCOMPARE(direct, PlanStatistics::facts(throughRoles));
        QCOMPARE(int(PlanStatistics::facts(*plan.table).size()), 145);
    }

    void followsEditsToTheIntentions()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.refreshNow();
        const Id maternity = plan.portfolioId(QStringLiteral("Maternity and Neonatal"));
        QCOMPARE(dashboard.coverage().find(maternity)->count(Shift::TreatmentToPrevention), 0);
        // Tick prevention on the first maternity intention, as the grid would.
        int row = 0;
        while (plan.table->intention(row).portfolioId != maternity)
            ++row;
        QSignalSpy refreshed(&dashboard, &Dashboard::refreshed);
        QVERIFY(plan.table->setData(plan.table->index(row, IntentionTableModel::PreventionColumn), true, Qt::EditRole));
        QVERIFY(refreshed.wait());
        QCOMPARE(dashboard.coverage().find(maternity)->count(Shift::TreatmentToPrevention), 1);
        QCOMPARE(dashboard.coverage().find(maternity)->shiftIds[PlanStatistics::shiftIndex(Shift::TreatmentToPrevention)],
                 QList<Id>{plan.table->intention(row).id});
    }

    void noticesFollowTheFilterThroughTheirIntentions()
    {
        OpenPlan plan(m_plan);
        PlanStoreSet &stores = plan.session->stores();
        const auto providers = stores.providers().list();
        QVERIFY(providers.isOk() && !providers.value().isEmpty());
        const Id primaryCare = plan.portfolioId(QStringLiteral("Primary Care"));
        const Id diagnostics = plan.portfolioId(QStringLiteral("Diagnostics"));
        Id primaryCareIntention = 0;
        Id diagnosticsIntention = 0;
        for (const Intention &intention : plan.table->intentions()) {
            if (!primaryCareIntention && intention.portfolioId == primaryCare)
                primaryCareIntention = intention.id;
            if (!diagnosticsIntention && intention.portfolioId == diagnostics)
                diagnosticsIntention = intention.id;
        }
        ContractNotice notice;
        notice.providerId = providers.value().first().id;
        notice.service = QStringLiteral("Phlebotomy");
        notice.kind = NoticeKind::Terminate;
        notice.status = NoticeStatus::Draft;
        notice.issueDate = QDate(2027, 9, 30);
        notice.effectiveDate = QDate(2028, 4, 1);
        notice.intentionIds = {primaryCareIntention};
        QVERIFY(stores.notices().create(notice).isOk());
        notice.kind = NoticeKind::Reduce;
        notice.status = NoticeStatus::Issued;
        notice.intentionIds = {diagnosticsIntention};
        QVERIFY(stores.notices().create(notice).isOk());
        notice.kind = NoticeKind::Change;
        notice.status = NoticeStatus::Approved;
        notice.intentionIds = {};
        QVERIFY(stores.notices().create(notice).isOk());

        Dashboard dashboard;
        dashboard.setToday(QDate(2026, 11, 22));
        QVERIFY(loadDashboardPlanData(dashboard, stores).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.refreshNow();
        // The demo plan's own notices and the three above.
        const DirectCount direct(m_plan);
        QCOMPARE(dashboard.noticeBreakdown().total(), direct.count(QStringLiteral("SELECT count(*) FROM contract_notice")));
        for (NoticeKind kind : PlanStatistics::noticeKinds()) {
            QCOMPARE(int(dashboard.noticeBreakdown().byKind(kind).size()),
                     direct.count(QStringLiteral("SELECT count(*) FROM contract_notice WHERE kind = ?"),
                                  {Enums::key(kind)}));
        }
        // Due by 30 September 2027: drafts and approved ones issued by then (or undated), not the
        // issued one.
        QCOMPARE(dashboard.due().date, QDate(2027, 9, 30));
        const QString due = QStringLiteral("SELECT count(*) FROM contract_notice WHERE status IN ('draft', 'approved') "
                                           "AND (issue_date IS NULL OR issue_date <= '2027-09-30')");
        QCOMPARE(int(dashboard.due().noticeIds.size()), direct.count(due));

        plan.proxy->setPortfolioIds({primaryCare});
        dashboard.refreshNow();
        // Primary care's notices, and those linked to no intention.
        const QString concerning = QStringLiteral(
            "SELECT count(*) FROM contract_notice n WHERE NOT EXISTS (SELECT 1 FROM notice_intention l WHERE "
            "l.notice_id = n.id) OR EXISTS (SELECT 1 FROM notice_intention l JOIN intention i ON i.id = "
            "l.intention_id WHERE l.notice_id = n.id AND i.portfolio_id = ?)");
        QCOMPARE(dashboard.noticeBreakdown().total(), direct.count(concerning, {primaryCare}));
        QVERIFY(dashboard.noticeBreakdown().total() < direct.count(QStringLiteral("SELECT count(*) FROM contract_notice")));
        QVERIFY(!dashboard.noticeBreakdown().byKind(NoticeKind::Terminate).isEmpty()); // the draft above
        const PlanStatistics::NoticeBreakdown &shown = dashboard.noticeBreakdown();
        QCOMPARE(dashboard.noticeChart()->series()->barSets().at(int(NoticeStatus::Draft))->at(int(NoticeKind::Terminate)),
                 double(shown.ids(NoticeKind::Terminate, NoticeStatus::Draft).size()));
    }

    void listsIntentionsDueBeforeTheNextNoticeDate()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        dashboard.setToday(QDate(2026, 11, 22));
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.refreshNow();
        // The demo plan's notice date is 30 September 2025: the next one is 30 September 2027.
        QCOMPARE(dashboard.due().date, QDate(2027, 9, 30));
        const DirectCount direct(m_plan);
        const int expected = direct.count(QStringLiteral(
            "SELECT count(*) FROM intention WHERE tf_start >= '2026-11-22' AND tf_start < '2027-09-30' "
            "AND status NOT IN ('complete', 'withdrawn')"));
        QVERIFY(expected > 0);
        QCOMPARE(int(dashboard.due().intentionIds.size()), expected);
        QTreeWidgetItem *starting = dashboard.dueList()->topLevelItem(0);
        QVERIFY(starting);
        QCOMPARE(starting->childCount(), expected);
        QVERIFY(starting->text(0).contains(QString::number(expected)));
    }

    void clickingACoverageBarEmitsTheIntentionsBehindIt()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.resize(1400, 900);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        dashboard.refreshNow();
        QTest::qWait(50); // the chart lays out its bars

        const Id ltc = plan.portfolioId(QStringLiteral("Long Term Conditions"));
        const Shift shift = Shift::HospitalToCommunity;
        ShiftCoverageChart *chart = dashboard.coverageChart();
        QHorizontalBarSeries *series = chart->series();
        const int category = int(chart->categoryPortfolioIds().indexOf(ltc));
        QVERIFY(category >= 0);
        QBarSet *set = chart->barSet(shift);
        const int setIndex = int(series->barSets().indexOf(set));
        const int setCount = int(series->count());
        // The bar's centre: half its length along, and its slot within the category's group.
        const qreal width = series->barWidth();
        const qreal y = category - width / 2 + (setIndex + 0.5) * width / setCount;
        const QPoint point = chart->viewportPoint(QPointF(set->at(category) / 2, y), series);

        QSignalSpy requested(&dashboard, &Dashboard::intentionsRequested);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(requested.count(), 1);
        const DirectCount direct(m_plan);
        const QList<qint64> expected = direct.column(
            QStringLiteral("SELECT id FROM intention WHERE portfolio_id = ? AND shift_community = 1"), {ltc});
        QVERIFY(!expected.isEmpty());
        QCOMPARE(toSet(requested.first().at(0).value<QList<Id>>()), toSet(expected));
        QVERIFY(requested.first().at(1).toString().contains(QLatin1String("Long Term Conditions")));
    }

    void clickingABarInTheWindowSelectsItsRowsInTheGrid()
    {
        MainWindow window;
        QVERIFY(window.openPlan(m_plan).isOk());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dashboard = window.findChild<Dashboard *>();
        QVERIFY(dashboard);
        window.workspaces()->setCurrentWidget(dashboard);
        // The dashboard charts the grid's own filtered rows.
        auto *gridProxy = window.findChild<IntentionFilterProxy *>();
        QVERIFY(gridProxy);
        QTRY_COMPARE(dashboard->model(), static_cast<QAbstractItemModel *>(gridProxy));
        dashboard->refreshNow();
        QTest::qWait(50);

        const DirectCount direct(m_plan);
        const Id primaryCare = direct.count(QStringLiteral("SELECT id FROM portfolio WHERE name = 'Primary Care'"));
        const Shift shift = Shift::TreatmentToPrevention;
        ShiftCoverageChart *chart = dashboard->coverageChart();
        const int category = int(chart->categoryPortfolioIds().indexOf(primaryCare));
        QVERIFY(category >= 0);
        QBarSet *set = chart->barSet(shift);
        const int setIndex = int(chart->series()->barSets().indexOf(set));
        const qreal width = chart->series()->barWidth();
        const qreal y = category - width / 2 + (setIndex + 0.5) * width / chart->series()->count();
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {},
                          chart->viewportPoint(QPointF(set->at(category) / 2, y), chart->series()));

        auto *grid = window.findChild<QTreeView *>(QStringLiteral("intentionsTree"));
        QVERIFY(grid);
        QTRY_VERIFY(window.workspaces()->currentWidget()->isAncestorOf(grid));
        QList<Id> selected;
        const QModelIndexList rows = grid->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows) {
            if (index.data(PlanRoles::NodeKindRole).toInt() == int(PlanRoles::NodeKind::Intention))
                selected << index.data(PlanRoles::IdRole).toLongLong();
        }
        const QList<qint64> expected = direct.column(
            QStringLiteral("SELECT id FROM intention WHERE portfolio_id = ? AND shift_prevention = 1"), {primaryCare});
        QVERIFY(!expected.isEmpty());
        QCOMPARE(toSet(selected), toSet(expected));
    }

    void aNoticeSegmentListsItsNoticesInTheWindow()
    {
        MainWindow window;
        QVERIFY(window.openPlan(m_plan).isOk());
        auto *dashboard = window.findChild<Dashboard *>();
        QVERIFY(dashboard);
        const DirectCount direct(m_plan);
        const QList<qint64> approved
            = direct.column(QStringLiteral("SELECT id FROM contract_notice WHERE status = 'approved'"), {});
        QVERIFY(!approved.isEmpty());
        QList<Id> ids(approved.cbegin(), approved.cend());
        emit dashboard->noticesRequested(ids, QStringLiteral("Approved notices"));

        auto *dialog = window.findChild<QDialog *>(QStringLiteral("dashboardNoticesDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Approved notices"));
        auto *rows = dialog->findChild<QTreeWidget *>(QStringLiteral("rows"));
        QVERIFY(rows);
        QList<Id> listed;
        for (int i = 0; i < rows->topLevelItemCount(); ++i)
            listed << rows->topLevelItem(i)->data(0, Qt::UserRole).toLongLong();
        QCOMPARE(toSet(listed), toSet(approved));
    }

    void clickingAYearSegmentEmitsItsIntentions()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.resize(1400, 900);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        dashboard.refreshNow();
        QTest::qWait(50);

        FiscalYearChart *chart = dashboard.startingChart();
        const PlanStatistics::YearBreakdown &shown = chart->shown();
        const int column = int(shown.years.indexOf(FiscalYear(2026)));
        QVERIFY(column >= 0);
        // The bottom segment of 2026/27 is the first portfolio row.
        QVERIFY(shown.count(0, column) > 0);
        const QPoint point
            = chart->viewportPoint(QPointF(column, shown.count(0, column) / 2.0), chart->series());
        QSignalSpy requested(&dashboard, &Dashboard::intentionsRequested);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).value<QList<Id>>(), shown.cells.at(0).at(column));
    }

    void exportsAPngAndAOnePagePdf()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.resize(1400, 900);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        dashboard.refreshNow();

        const QString png = m_dir.filePath(QStringLiteral("dashboard.png"));
        QVERIFY(dashboard.exportTo(png).isOk());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 2000); // twice the on-screen size, for print

        const QString pdf = m_dir.filePath(QStringLiteral("dashboard.pdf"));
        QVERIFY(dashboard.exportTo(pdf).isOk());
        QCOMPARE(pdfPages(pdf), 1);
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QLatin1String("Shift coverage by portfolio")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QLatin1String("Long Term Conditions")));

        QVERIFY(!dashboard.exportTo(m_dir.filePath(QStringLiteral("dashboard.docx"))).isOk());
    }

    void exportsEachChartAsPngAndSvg()
    {
        OpenPlan plan(m_plan);
        Dashboard dashboard;
        QVERIFY(loadDashboardPlanData(dashboard, plan.session->stores()).isOk());
        dashboard.setModel(plan.proxy.get());
        dashboard.resize(1400, 900);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        dashboard.refreshNow();
        const QList<DashboardChartView *> charts{dashboard.coverageChart(), dashboard.startingChart(),
                                                 dashboard.runningChart(), dashboard.noticeChart()};
        for (DashboardChartView *chart : charts) {
            const QString png = m_dir.filePath(chart->objectName() + QStringLiteral(".png"));
            const QString svg = m_dir.filePath(chart->objectName() + QStringLiteral(".svg"));
            QVERIFY(chart->exportTo(png).isOk());
            QVERIFY(chart->exportTo(svg).isOk());
            QVERIFY(!QImage(png).isNull());
            QFile file(svg);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(bytes.contains("<svg"));
            QVERIFY(bytes.contains(chart->chart()->title().toUtf8()));
        }
        // Exporting leaves the chart as it was on screen.
        QVERIFY(!dashboard.startingChart()->chart()->legend()->isVisible());
        QCOMPARE(dashboard.coverageChart()->chart()->size(), QSizeF(dashboard.coverageChart()->viewport()->size()));
    }

    void rendersTheCoverageOfOnePortfolioForPrintouts()
    {
        OpenPlan plan(m_plan);
        const auto intentions = plan.session->stores().intentions().list();
        QVERIFY(intentions.isOk());
        const auto coverage = PlanStatistics::shiftCoverage(PlanStatistics::facts(intentions.value()),
                                                            plan.table->portfolios());
        const QImage image = ShiftCoverageChart::image(QSize(320, 160), coverage, plan.table->portfolios(),
                                                       plan.portfolioId(QStringLiteral("Primary Care")));
        QCOMPARE(image.size(), QSize(640, 320));
        // Something in each shift colour was drawn.
        for (Shift shift : PlanStatistics::shifts()) {
            bool found = false;
            for (int y = 0; y < image.height() && !found; y += 2) {
                for (int x = 0; x < image.width() && !found; x += 2)
                    found = image.pixelColor(x, y) == PlanColours::shift(shift);
            }
            QVERIFY2(found, qPrintable(Enums::label(shift)));
        }
    }

    void exportDashboardJobWritesOnePdfPage()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("job.pdf"));
        QProcess process;
        process.start(QStringLiteral(CIPLANNER_BINARY),
                      {QStringLiteral("--plan"), m_plan, QStringLiteral("--export-dashboard"), pdf});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("(145 intentions)")));
        QCOMPARE(pdfPages(pdf), 1);
    }

    void exportDashboardJobHonoursPortfolio()
    {
        const QString png = m_dir.filePath(QStringLiteral("job.png"));
        QProcess process;
        process.start(QStringLiteral(CIPLANNER_BINARY),
                      {QStringLiteral("--plan"), m_plan, QStringLiteral("--export-dashboard"), png,
                       QStringLiteral("--portfolio"), QStringLiteral("Primary Care"), QStringLiteral("--portfolio"),
                       QStringLiteral("diagnostics")});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("(29 intentions)")));
        QVERIFY(!QImage(png).isNull());
    }

    void exportDashboardJobRefusesWhatItCannotDo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("portfolio");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown portfolio") << "x.pdf" << "Astrology" << "no portfolio named \"Astrology\"";
        QTest::newRow("not a PDF or PNG") << "x.docx" << "" << "PDF or PNG";
    }

    void exportDashboardJobRefusesWhatItCannotDo()
    {
        QFETCH(QString, file);
        QFETCH(QString, portfolio);
        QFETCH(QString, message);
        QStringList arguments{QStringLiteral("--plan"), m_plan, QStringLiteral("--export-dashboard"),
                              m_dir.filePath(file)};
        if (!portfolio.isEmpty())
            arguments << QStringLiteral("--portfolio") << portfolio;
        QProcess process;
        process.start(QStringLiteral(CIPLANNER_BINARY), arguments);
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 64);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(message));
        QVERIFY(!QFile::exists(m_dir.filePath(file)));
    }

private:
    QTemporaryDir m_dir;
    QString m_plan;
    int m_planCount = 0;
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
