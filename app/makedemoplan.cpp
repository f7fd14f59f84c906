// ciplanner-make-demo CSV_DIR OUT.sqlite
// Run at build time: turns the bundled CSVs (resources/demo) into the demo plan that the
// application offers on first run.

#include "database.h"
#include "demoplan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv); // the SQL driver plugins need an application object
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        err << "usage: ciplanner-make-demo CSV_DIR OUT.sqlite\n";
        return 2;
    }
    const QString csvDir = args.at(1);
    const QString target = args.at(2);

    Result<DemoPlanReport> report = Error{};
    {
        // A rollback journal, so that the bundled plan is one self-contained file (no -wal).
        PlanDatabase::Options options;
        options.journalMode = PlanDatabase::JournalMode::Rollback;
        auto plan = PlanDatabase::create(target, options);
        if (!plan) {
            err << "ciplanner-make-demo: " << plan.error() << '\n';
            return 1;
        }
        report = DemoPlan::build(plan.value()->connection(), csvDir);
    } // the plan is closed here, before a failed file is removed
    if (!report) {
        QFile::remove(target); // never leave a half-built plan for the build to bundle
        err << "ciplanner-make-demo: " << report.error() << '\n';
        return 1;
    }
    const DemoPlanReport &r = report.value();
    out << "Demo plan written to " << QDir::toNativeSeparators(target) << '\n'
        << "  portfolios:        " << r.portfolios << " (" << r.portfoliosWithJfpPage
        << " described from the Joint Forward Plan, " << r.benefits << " benefits)\n"
        << "  programme areas:   " << r.programmeAreas << '\n'
        << "  intentions:        " << r.intentions << " (" << r.intentionsNeedingReview
        << " with timeframes needing review)\n"
        << "  places:            " << r.places << '\n'
        << "  providers:         " << r.providers << '\n'
        << "  outcome domains:   " << r.outcomeDomains << '\n';
    return 0;
}
