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

#include <memory>

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

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
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        if (clear.open(QIODevice::WriteOnly))
            clear.write("5");
    }

    // Opening: the file opened, every row read into the table, filtered and grouped.
    QList<double> open;
    std::unique_ptr<Grid> grid;
    for (int run = 0; run < runs; ++run) {
        grid.reset();
        QElapsedTimer timer;
        timer.start();
        grid = openGrid(planPath);
        if (!grid || grid->tree->rowCount() == 0)
            return 1;
        open << msSince(timer);
    }
    Bench::report(QStringLiteral("grid_open_100k"), Bench::median(open) / 1000.0, QStringLiteral("s"),
                  QStringLiteral("<="), 1.0);

    // A word typed into the filter, one keystroke at a time; each grows the text, the last
    // clears it (the most rows come back).
    QList<double> keystrokes;
    for (int run = 0; run < runs; ++run) {
        for (const QString &text : {QStringLiteral("c"), QStringLiteral("ca"), QStringLiteral("car"),
                                    QStringLiteral("care"), QString()}) {
            QElapsedTimer timer;
            timer.start();
            grid->proxy->setText(text);
            grid->tree->rowCount(); // the tree is rebuilt inside setText; make sure
            keystrokes << msSince(timer);
        }
    }
    Bench::report(QStringLiteral("grid_filter_keystroke_100k"), Bench::median(keystrokes), QStringLiteral("ms"),
                  QStringLiteral("<="), 50.0);
    Bench::info(QStringLiteral("grid_filter_keystroke_100k_worst"),
                *std::max_element(keystrokes.cbegin(), keystrokes.cend()), QStringLiteral("ms"));

    // Sorting every row by timeframe start, alternately up and down.
    QList<double> sorts;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        grid->proxy->sort(IntentionTableModel::DatesColumn, run % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        sorts << msSince(timer);
    }
    Bench::info(QStringLiteral("grid_sort_by_start_100k"), Bench::median(sorts), QStringLiteral("ms"));
    grid->proxy->sort(-1);

    // Bulk edit of 1,000 intentions (status), one undo step, one transaction, shown in the grid.
    QList<Id> ids;
    for (int row = 0; row < rows; row += rows / 1000)
        ids << grid->table->intention(row).id;
    QList<double> bulk;
    QList<double> undo;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto edited = grid->table->bulkEdit(ids, IntentionTableModel::StatusColumn,
                                                  int(run % 2 ? IntentionStatus::Complete : IntentionStatus::Agreed));
        bulk << msSince(timer);
        if (!edited) {
            std::fprintf(stderr, "bulk edit failed: %s\n", qPrintable(edited.error()));
            return 1;
        }
        timer.restart();
        grid->context->undoStack()->undo();
        undo << msSince(timer);
        grid->context->undoStack()->redo();
    }
    Bench::report(QStringLiteral("grid_bulk_edit_1000_rows"), Bench::median(bulk), QStringLiteral("ms"),
                  QStringLiteral("<="), 200.0);
    Bench::info(QStringLiteral("grid_undo_bulk_edit_1000_rows"), Bench::median(undo), QStringLiteral("ms"));

    Bench::report(QStringLiteral("grid_peak_memory_100k"), peakRssMb(), QStringLiteral("MB"), QStringLiteral("<="),
                  300.0);
    return 0;
}
