// Import of 100,000 intentions from CSV into a new plan file, against the floor: the sqlite3
// command's own `.import` of the same rows into a plain table (no parsing, no checks).
#include "benchutil.h"
#include "database.h"
#include "intentioncsvimporter.h"
#include "syntheticplan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    constexpr int rows = 100000;
    constexpr int runs = 5;
    QTemporaryDir dir;
    const SyntheticPlan::SyntheticCsv csv = SyntheticPlan::intentionsCsv(rows, 50);
    const QString csvPath = dir.filePath(QStringLiteral("intentions.csv"));
    {
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv.bytes) != csv.bytes.size())
            return 1;
    }

    QList<double> planner;
    for (int run = 0; run < runs; ++run) {
        const QString planPath = dir.filePath(QStringLiteral("plan-%1.sqlite").arg(run));
        auto plan = PlanDatabase::create(planPath);
        if (!plan) {
            std::fprintf(stderr, "%s\n", qPrintable(plan.error()));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        const auto report = IntentionCsvImporter(plan.value()->connection()).importFile(csvPath);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!report || report.value().rowsImported != rows) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(report.error()));
            return 1;
        }
        planner << seconds;
    }
    const double median = Bench::median(planner);
    Bench::report(QStringLiteral("import_csv_100k_intentions"), median, QStringLiteral("s"), QStringLiteral("<="), 2.0);

    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty()) {
        std::printf("# sqlite3 is not installed: no floor reported\n");
        return 0;
    }
    QList<double> floor;
    for (int run = 0; run < runs; ++run) {
        const QString dbPath = dir.filePath(QStringLiteral("floor-%1.sqlite").arg(run));
        QProcess process;
        QElapsedTimer timer; // includes starting the sqlite3 process, a few milliseconds
        timer.start();
        process.start(sqlite3, {dbPath});
        process.write("PRAGMA journal_mode=WAL;\n"
                      "CREATE TABLE intention(portfolio TEXT, programme_area TEXT, intention TEXT, timeframe TEXT,"
                      " shift_community TEXT, shift_prevention TEXT, shift_digital TEXT, source_page TEXT);\n");
        process.write(QStringLiteral(".import --csv --skip 1 '%1' intention\n").arg(csvPath).toUtf8());
        process.closeWriteChannel();
        process.waitForFinished(120000);
        floor << double(timer.nsecsElapsed()) / 1e9;
    }
    const double floorMedian = Bench::median(floor);
    Bench::info(QStringLiteral("import_csv_100k_sqlite3_dot_import_floor"), floorMedian, QStringLiteral("s"));
    Bench::info(QStringLiteral("import_csv_100k_ratio_to_sqlite3_floor"), median / floorMedian, QStringLiteral("x"));
    return 0;
}
