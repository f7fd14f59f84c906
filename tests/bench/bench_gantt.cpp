// The timeline on 100,000 intentions across 50 portfolios (issue 4's targets), through the same
// models as the window (IntentionTableModel → IntentionFilterProxy → IntentionGroupModel) and a
// QTreeView beside it: a full 1920×1080 viewport paint, a scroll step, a zoom change, with all
// rows expanded and with a filter leaving about 10,000; the first paint after opening; and the
// export of a 1,000-intention timeline to PDF.
#include "benchutil.h"
#include "database.h"
#include "ganttexport.h"
#include "ganttview.h"
#include "intentioncsvimporter.h"
#include "intentionfilterproxy.h"
#include "intentiongroupmodel.h"
#include "intentiontablemodel.h"
#include "plancontext.h"
#include "planstores.h"
#include "syntheticplan.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTreeView>

#include <memory>

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

bool makePlan(const QString &path, const QString &csvPath, int rows, int portfolios)
{
    const SyntheticPlan::SyntheticCsv csv = SyntheticPlan::intentionsCsv(rows, portfolios);
    QFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.bytes) != csv.bytes.size())
        return false;
    file.close();
    auto plan = PlanDatabase::create(path);
    if (!plan)
        return false;
    const auto report = IntentionCsvImporter(plan.value()->connection()).importFile(csvPath);
    return report && report.value().rowsImported == rows;
}

// One open plan with the window's models.
struct Plan
{
    std::unique_ptr<PlanDatabase> database;
    std::unique_ptr<PlanStores> stores;
    std::unique_ptr<PlanContext> context;
    std::unique_ptr<IntentionTableModel> table;
    std::unique_ptr<IntentionFilterProxy> proxy;
    std::unique_ptr<IntentionGroupModel> groups;

    ~Plan()
    {
        groups.reset();
        proxy.reset();
        table.reset();
        context.reset();
        stores.reset();
        database.reset();
    }
};

std::unique_ptr<Plan> openPlan(const QString &path)
{
    auto plan = std::make_unique<Plan>();
    auto database = PlanDatabase::open(path);
    if (!database)
        return {};
    plan->database = std::move(database.value());
    plan->stores = std::make_unique<PlanStores>(plan->database->connection());
    plan->context = std::make_unique<PlanContext>(*plan->stores);
    plan->table = std::make_unique<IntentionTableModel>(*plan->context);
    plan->proxy = std::make_unique<IntentionFilterProxy>();
    plan->proxy->setSourceModel(plan->table.get());
    plan->groups = std::make_unique<IntentionGroupModel>();
    plan->groups->setSourceModel(plan->proxy.get());
    if (!plan->table->reload())
        return {};
    return plan;
}

// Paints the timeline's viewport now (not when the event loop gets to it), timed.
double paintOnce(GanttView &gantt)
{
    QElapsedTimer timer;
    timer.start();
    gantt.viewport()->repaint();
    return msSince(timer);
}

struct Figures
{
    double paint = 0;
    double scroll = 0;
    double zoom = 0;
};

Figures measure(QTreeView &tree, GanttView &gantt, int runs)
{
    Figures figures;
    QList<double> paints;
    for (int run = 0; run < runs; ++run)
        paints << paintOnce(gantt);
    figures.paint = Bench::median(paints);

    // A scroll step as the wheel makes it (three rows), painted.
    QList<double> scrolls;
    QScrollBar *rows = tree.verticalScrollBar();
    for (int run = 0; run < runs * 4; ++run) {
        QElapsedTimer timer;
        timer.start();
        rows->setValue(rows->value() + 3 * std::max(1, rows->singleStep()));
        gantt.viewport()->repaint();
        scrolls << msSince(timer);
    }
    figures.scroll = Bench::median(scrolls);

    // A zoom step in or out, as Ctrl+wheel makes it, painted with its header.
    QList<double> zooms;
    for (int run = 0; run < runs * 2; ++run) {
        QElapsedTimer timer;
        timer.start();
        gantt.setPixelsPerDay(run % 2 ? gantt.scale().zoomedOut() : gantt.scale().zoomedIn());
        gantt.viewport()->repaint();
        zooms << msSince(timer);
    }
    figures.zoom = Bench::median(zooms);
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    constexpr int rows = 100000;
    constexpr int runs = 9;

    QTemporaryDir dir;
    const QString bigPlan = dir.filePath(QStringLiteral("big.sqlite"));
    const QString smallPlan = dir.filePath(QStringLiteral("small.sqlite"));
    if (!makePlan(bigPlan, dir.filePath(QStringLiteral("big.csv")), rows, 50)
        || !makePlan(smallPlan, dir.filePath(QStringLiteral("small.csv")), 1000, 10)) {
        std::fprintf(stderr, "cannot build the synthetic plans\n");
        return 1;
    }

    // Opening to a painted timeline: models read and grouped, tree expanded, first paint.
    QElapsedTimer opening;
    opening.start();
    auto plan = openPlan(bigPlan);
    if (!plan)
        return 1;
    QSplitter window;
    auto *tree = new QTreeView;
    auto *gantt = new GanttView;
    window.addWidget(tree);
    window.addWidget(gantt);
    tree->setUniformRowHeights(true);
    tree->setModel(plan->groups.get());
    tree->expandAll();
    gantt->setTreeView(tree);
    window.resize(480 + 1920, 1080 + 60); // the timeline's viewport 1920 × about 1080
    window.setSizes({480, 1920});
    window.show();
    QCoreApplication::processEvents();
    gantt->fitPlan();
    gantt->viewport()->repaint();
    Bench::info(QStringLiteral("gantt_first_paint_after_open_100k"), msSince(opening), QStringLiteral("ms"));
    Bench::info(QStringLiteral("gantt_viewport_width"), gantt->viewport()->width(), QStringLiteral("px"));
    Bench::info(QStringLiteral("gantt_viewport_height"), gantt->viewport()->height(), QStringLiteral("px"));
    Bench::info(QStringLiteral("gantt_rows_painted"), gantt->visibleRows().size(), QStringLiteral("rows"));

    // Every row shown: the middle of the plan, at year zoom.
    tree->verticalScrollBar()->setValue(tree->verticalScrollBar()->maximum() / 2);
    const Figures all = measure(*tree, *gantt, runs);
    Bench::report(QStringLiteral("gantt_viewport_paint_100k"), all.paint, QStringLiteral("ms"), QStringLiteral("<="),
                  16.0);
    Bench::report(QStringLiteral("gantt_scroll_step_100k"), all.scroll, QStringLiteral("ms"), QStringLiteral("<="),
                  16.0);
    Bench::report(QStringLiteral("gantt_zoom_change_100k"), all.zoom, QStringLiteral("ms"), QStringLiteral("<="),
                  50.0);

    // A filter leaving five portfolios of fifty: about 10,000 intentions.
    QList<Id> five;
    for (const Portfolio &portfolio : plan->table->portfolios()) {
        if (five.size() < 5)
            five << portfolio.id;
    }
    QElapsedTimer filtering;
    filtering.start();
    plan->proxy->setPortfolioIds(five);
    tree->expandAll();
    gantt->viewport()->repaint();
    Bench::info(QStringLiteral("gantt_filter_to_10k_and_paint"), msSince(filtering), QStringLiteral("ms"));
    Bench::info(QStringLiteral("gantt_filtered_intentions"), plan->proxy->rowCount(), QStringLiteral("rows"));
    const Figures filtered = measure(*tree, *gantt, runs);
    Bench::report(QStringLiteral("gantt_viewport_paint_10k"), filtered.paint, QStringLiteral("ms"),
                  QStringLiteral("<="), 16.0);
    Bench::report(QStringLiteral("gantt_scroll_step_10k"), filtered.scroll, QStringLiteral("ms"), QStringLiteral("<="),
                  16.0);
    Bench::report(QStringLiteral("gantt_zoom_change_10k"), filtered.zoom, QStringLiteral("ms"), QStringLiteral("<="),
                  50.0);

    // A 1,000-intention timeline to PDF (A4 landscape pages, header and key on each).
    auto small = openPlan(smallPlan);
    if (!small)
        return 1;
    QList<double> exports;
    int pages = 0;
    for (int run = 0; run < 3; ++run) {
        const QString pdf = dir.filePath(QStringLiteral("timeline-%1.pdf").arg(run));
        QElapsedTimer timer;
        timer.start();
        const GanttExport exporter(small->groups.get());
        if (!exporter.writePdf(pdf))
            return 1;
        exports << msSince(timer);
        pages = exporter.pageCount(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                               QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter)
                                       .paintRectPixels(96)
                                       .size());
    }
    Bench::report(QStringLiteral("gantt_export_pdf_1000"), Bench::median(exports) / 1000.0, QStringLiteral("s"),
                  QStringLiteral("<="), 2.0);
    Bench::info(QStringLiteral("gantt_export_pdf_1000_pages"), pages, QStringLiteral("pages"));
    return 0;
}
