// Export of 100,000 intentions (the synthetic plan: 50 portfolios) to XLSX and CSV, the way
// "Export intentions shown" and --export-intentions do it: rows from the grid's table model
// turned into cells, then written by libxlsxwriter (constant-memory mode) or as CSV.
#include "benchutil.h"
#include "database.h"
#include "intentionexport.h"
#include "intentiontablemodel.h"
#include "plancontext.h"
#include "planstores.h"
#include "syntheticplanbuilder.h"
#include "tableexport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

namespace {

double secondsSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    constexpr int rows = 100000;
    constexpr int runs = 5;
    QTemporaryDir dir;
    const QString planPath = dir.filePath(QStringLiteral("synthetic.sqlite"));
    {
        auto plan = PlanDatabase::create(planPath);
        if (!plan) {
            std::fprintf(stderr, "%s\n", qPrintable(plan.error()));
            return 1;
        }
        if (const auto built = SyntheticPlanBuilder::build(plan.value()->connection(), rows); !built) {
            std::fprintf(stderr, "%s\n", qPrintable(built.error()));
            return 1;
        }
    }

    auto database = PlanDatabase::open(planPath);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error()));
        return 1;
    }
    PlanStores stores(database.value()->connection());
    PlanContext context(stores);
    IntentionTableModel model(context);
    if (const auto loaded = model.reload(); !loaded || model.rowCount() != rows) {
        std::fprintf(stderr, "cannot load the synthetic plan\n");
        return 1;
    }
    QList<Id> ids;
    ids.reserve(rows);
    for (const Intention &intention : model.intentions())
        ids.append(intention.id);

    QList<double> xlsx;
    QList<double> csv;
    QList<double> cells;
    qint64 xlsxBytes = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const ExportTable table = IntentionExport::table(model, ids);
        cells << secondsSince(timer);
        const QString xlsxPath = dir.filePath(QStringLiteral("view-%1.xlsx").arg(run));
        if (const auto written = TableExport::writeXlsx(xlsxPath, table); !written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error()));
            return 1;
        }
        xlsx << secondsSince(timer);
        xlsxBytes = QFileInfo(xlsxPath).size();

        timer.restart();
        const ExportTable again = IntentionExport::table(model, ids);
        if (const auto written = TableExport::writeCsv(dir.filePath(QStringLiteral("view-%1.csv").arg(run)), again);
            !written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error()));
            return 1;
        }
        csv << secondsSince(timer);
    }
    Bench::report(QStringLiteral("export_xlsx_100k_intentions"), Bench::median(xlsx), QStringLiteral("s"),
                  QStringLiteral("<="), 5.0);
    Bench::info(QStringLiteral("export_xlsx_100k_rows_to_cells_part"), Bench::median(cells), QStringLiteral("s"));
    Bench::info(QStringLiteral("export_xlsx_100k_file_size"), double(xlsxBytes) / 1e6, QStringLiteral("MB"));
    Bench::report(QStringLiteral("export_csv_100k_intentions"), Bench::median(csv), QStringLiteral("s"),
                  QStringLiteral("<="), 2.0);
    return 0;
}
