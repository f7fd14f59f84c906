// The intentions grid on 100,000 intentions across 50 portfolios (issue 3's targets): opening
// the plan to a populated grid, one text-filter keystroke, sorting by timeframe start, a bulk
// edit of 1,000 rows, and the peak memory of the whole run. Every figure is measured through
// the full model chain the grid and the timeline show: IntentionTableModel → IntentionFilterProxy
// → IntentionGroupModel (grouped by portfolio and programme area).
#include "benchutil.h"
#include "database.h"
#include "intentioncsvimporter.h"
#include "intentionfilterproxy.h"
#include "intentiongroupmodel.h"
#include "intentiontablemodel.h"
#include "plancontext.h"
#include "planstores.h"
#include "syntheticplan.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <ctime>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <memory>

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// CPU time of this thread, in ms: on a shared machine the wall time also counts the waits for
// a core, so both are reported.
double cpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Wall and CPU time of one run of work, in ms.
struct Timing
{
    QList<double> wall;
    QList<double> cpu;

    template<typename Work>
    void measure(Work work)
    {
        const double cpuStart = cpuMs();
        QElapsedTimer timer;
        timer.start();
        work();
        wall << msSince(timer);
        cpu << cpuMs() - cpuStart;
    }
};

// Peak resident memory of this process so far (VmHWM), in MB.
double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// One open plan with the grid's models, as the window builds them.
struct Grid
{
    std::unique_ptr<PlanDatabase> database;
    std::unique_ptr<PlanStores> stores;
    std::unique_ptr<PlanContext> context;
    std::unique_ptr<IntentionTableModel> table;
    std::unique_ptr<IntentionFilterProxy> proxy;
    std::unique_ptr<IntentionGroupModel> tree;

    ~Grid()
    {
        tree.reset();
        proxy.reset();
        table.reset();
        context.reset();
        stores.reset();
        database.reset();
    }
};

std::unique_ptr<Grid> openGrid(const QString &path)
{
    auto grid = std::make_unique<Grid>();
    auto database = PlanDatabase::open(path);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error()));
        return {};
    }
    grid->database = std::move(database.value());
    grid->stores = std::make_unique<PlanStores>(grid->database->connection());
    grid->context = std::make_unique<PlanContext>(*grid->stores);
    grid->table = std::make_unique<IntentionTableModel>(*grid->context);
    grid->proxy = std::make_unique<IntentionFilterProxy>();
    grid->proxy->setSourceModel(grid->table.get());
    grid->tree = std::make_unique<IntentionGroupModel>();
    grid->tree->setSourceModel(grid->proxy.get());
    if (auto loaded = grid->table->reload(); !loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error()));
        return {};
    }
    return grid;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // the group model's fonts need a GUI application
    constexpr int rows = 100000;
    constexpr int runs = 5;

    QTemporaryDir dir;
    const QString planPath = dir.filePath(QStringLiteral("grid.sqlite"));
    {
        const SyntheticPlan::SyntheticCsv csv = SyntheticPlan::intentionsCsv(rows, 50);
        const QString csvPath = dir.filePath(QStringLiteral("intentions.csv"));
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv.bytes) != csv.bytes.size())
            return 1;
        file.close();
        auto plan = PlanDatabase::create(planPath);
        if (!plan)
            return 1;
        const auto report = IntentionCsvImporter(plan.value()->connection()).importFile(csvPath);
        if (!report || report.value().rowsImported != rows) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(report.error()));
            return 1;
        }
    }

    // The peak from here on is the grid's, not the generator's or the importer's: reset it
    // (Linux: writing 5 to clear_refs resets VmHWM to the current RSS).
    {
#ifdef __GLIBC__
        malloc_trim(0); // hand back what the generator and the importer freed
#endif
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        if (clear.open(QIODevice::WriteOnly))
            clear.write("5");
    }

    // Opening: the file opened, every row read into the table, filtered and grouped.
    Timing open;
    std::unique_ptr<Grid> grid;
    for (int run = 0; run < runs; ++run) {
        grid.reset();
        open.measure([&] { grid = openGrid(planPath); });
        if (!grid || grid->tree->rowCount() == 0)
            return 1;
    }
    Bench::report(QStringLiteral("grid_open_100k"), Bench::median(open.wall) / 1000.0, QStringLiteral("s"),
                  QStringLiteral("<="), 1.0);
    Bench::info(QStringLiteral("grid_open_100k_cpu"), Bench::median(open.cpu) / 1000.0, QStringLiteral("s"));

    // A word typed into the filter, one keystroke at a time; each grows the text, the last
    // clears it (the most rows come back).
    Timing keystrokes;
    for (int run = 0; run < runs; ++run) {
        for (const QString &text : {QStringLiteral("h"), QStringLiteral("he"), QStringLiteral("hea"),
                                    QStringLiteral("heal"), QString()}) {
            // The tree is rebuilt inside setText (the proxy's reset).
            keystrokes.measure([&] { grid->proxy->setText(text); });
        }
    }
    Bench::report(QStringLiteral("grid_filter_keystroke_100k"), Bench::median(keystrokes.wall), QStringLiteral("ms"),
                  QStringLiteral("<="), 50.0);
    Bench::info(QStringLiteral("grid_filter_keystroke_100k_cpu"), Bench::median(keystrokes.cpu), QStringLiteral("ms"));
    Bench::info(QStringLiteral("grid_filter_keystroke_100k_worst"),
                *std::max_element(keystrokes.wall.cbegin(), keystrokes.wall.cend()), QStringLiteral("ms"));

    // The same keystrokes while sorted by start: the table keeps its rows sorted, so a
    // keystroke costs no sort.
    grid->proxy->sort(IntentionTableModel::DatesColumn, Qt::AscendingOrder);
    Timing sortedKeystrokes;
    for (int run = 0; run < runs; ++run) {
        for (const QString &text : {QStringLiteral("h"), QStringLiteral("he"), QStringLiteral("hea"),
                                    QStringLiteral("heal"), QString()})
            sortedKeystrokes.measure([&] { grid->proxy->setText(text); });
    }
    Bench::info(QStringLiteral("grid_filter_keystroke_100k_sorted"), Bench::median(sortedKeystrokes.wall),
                QStringLiteral("ms"));
    Bench::info(QStringLiteral("grid_filter_keystroke_100k_sorted_cpu"), Bench::median(sortedKeystrokes.cpu),
                QStringLiteral("ms"));
    grid->proxy->sort(-1);

    // Sorting every row by timeframe start, alternately up and down.
    Timing sorts;
    for (int run = 0; run < runs; ++run) {
        const Qt::SortOrder order = run % 2 ? Qt::DescendingOrder : Qt::AscendingOrder;
        sorts.measure([&] { grid->proxy->sort(IntentionTableModel::DatesColumn, order); });
    }
    Bench::info(QStringLiteral("grid_sort_by_start_100k"), Bench::median(sorts.wall), QStringLiteral("ms"));
    Bench::info(QStringLiteral("grid_sort_by_start_100k_cpu"), Bench::median(sorts.cpu), QStringLiteral("ms"));
    grid->proxy->sort(-1);

    // Bulk edit of 1,000 intentions (status), one undo step, one transaction, shown in the grid.
    QList<Id> ids;
    for (int row = 0; row < rows; row += rows / 1000)
        ids << grid->table->intention(row).id;
    Timing bulk;
    Timing undo;
    for (int run = 0; run < runs; ++run) {
        const int status = int(run % 2 ? IntentionStatus::Complete : IntentionStatus::Agreed);
        Result<void> edited;
        bulk.measure([&] { edited = grid->table->bulkEdit(ids, IntentionTableModel::StatusColumn, status); });
        if (!edited) {
            std::fprintf(stderr, "bulk edit failed: %s\n", qPrintable(edited.error()));
            return 1;
        }
        undo.measure([&] { grid->context->undoStack()->undo(); });
        grid->context->undoStack()->redo();
    }
    Bench::report(QStringLiteral("grid_bulk_edit_1000_rows"), Bench::median(bulk.wall), QStringLiteral("ms"),
                  QStringLiteral("<="), 200.0);
    Bench::info(QStringLiteral("grid_bulk_edit_1000_rows_cpu"), Bench::median(bulk.cpu), QStringLiteral("ms"));
    Bench::info(QStringLiteral("grid_undo_bulk_edit_1000_rows"), Bench::median(undo.wall), QStringLiteral("ms"));

    Bench::report(QStringLiteral("grid_peak_memory_100k"), peakRssMb(), QStringLiteral("MB"), QStringLiteral("<="),
                  300.0);
    return 0;
}
