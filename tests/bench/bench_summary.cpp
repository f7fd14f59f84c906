// The printed portfolio summary as PDF: the whole demo plan (12 portfolios, 145 intentions) and
// a synthetic plan of 5,000 intentions in 12 portfolios, median seconds and pages. The peer,
// where LibreOffice is installed: the same intentions exported by the planner to XLSX and
// turned into PDF by `libreoffice --headless --convert-to pdf` (a plain table, where the
// planner's summary has the cover, descriptions, grouped tables, timelines and charts).
#include "benchutil.h"
#include "database.h"
#include "intentioncsvimporter.h"
#include "intentionexport.h"
#include "intentiontablemodel.h"
#include "plancontext.h"
#include "planfixtures.h"
#include "plansession.h"
#include "planstores.h"
#include "summaryexport.h"
#include "syntheticplan.h"
#include "tableexport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

namespace {

double secondsSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// CPU time of the process in seconds: on a shared machine wall time also counts other work.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

struct Measured
{
    double median = 0;
    double cpu = 0; // median CPU seconds
    int pages = 0;
    int intentions = 0;
};

// Reads the plan and writes its summary runs times; the time covers both, as --summary does.
bool measureSummary(PlanStoreSet &stores, const QString &pdf, int runs, Measured &measured)
{
    QList<double> seconds;
    QList<double> cpu;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = cpuSeconds();
        const auto data = SummaryData::load(stores);
        if (!data) {
            std::fprintf(stderr, "%s\n", qPrintable(data.error()));
            return false;
        }
        const auto pages = SummaryExport::writePdf(data.value(), pdf);
        if (!pages) {
            std::fprintf(stderr, "%s\n", qPrintable(pages.error()));
            return false;
        }
        seconds << secondsSince(timer);
        cpu << cpuSeconds() - cpuStart;
        measured.pages = pages.value();
        measured.intentions = data.value().intentionCount();
    }
    measured.median = Bench::median(seconds);
    measured.cpu = Bench::median(cpu);
    return true;
}

// The peer: the planner's XLSX of the same intentions, converted to PDF by LibreOffice.
bool measurePeer(PlanStores &stores, Bench::LibreOffice &office, const QTemporaryDir &dir, const QString &name,
                 int runs, double &median)
{
    PlanContext context(stores);
    IntentionTableModel model(context);
    if (const auto loaded = model.reload(); !loaded)
        return false;
    QList<Id> ids;
    for (const Intention &intention : model.intentions())
        ids.append(intention.id);
    const QString xlsx = dir.filePath(QStringLiteral("peer-%1.xlsx").arg(name));
    if (const auto written = TableExport::writeXlsx(xlsx, IntentionExport::table(model, ids)); !written) {
        std::fprintf(stderr, "%s\n", qPrintable(written.error()));
        return false;
    }
    QList<double> seconds;
    for (int run = 0; run < runs; ++run) {
        const double taken = office.convertToPdf({xlsx}, dir.filePath(QStringLiteral("peer-%1-%2").arg(name).arg(run)));
        if (taken < 0)
            return false;
        seconds << taken;
    }
    median = Bench::median(seconds);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;

    // The demo plan, as bundled in the application.
    const QString demoPath = PlanFixtures::copyDemoPlan(QDir(dir.path()), QStringLiteral("demo.sqlite"));
    auto demo = PlanSession::open(demoPath);
    if (!demo) {
        std::fprintf(stderr, "%s\n", qPrintable(demo.error()));
        return 1;
    }
    Measured demoSummary;
    if (!measureSummary(demo.value()->stores(), dir.filePath(QStringLiteral("demo.pdf")), 5, demoSummary))
        return 1;
    Bench::report(QStringLiteral("summary_pdf_demo_plan"), demoSummary.median, QStringLiteral("s"),
                  QStringLiteral("<="), 5.0);
    Bench::info(QStringLiteral("summary_pdf_demo_plan_cpu_time"), demoSummary.cpu, QStringLiteral("s"));
    Bench::info(QStringLiteral("summary_pdf_demo_plan_pages"), demoSummary.pages, QStringLiteral("pages"));

    // 5,000 synthetic intentions in the twelve portfolios of the demo's tables.
    constexpr int rows = 5000;
    const SyntheticPlan::SyntheticCsv csv = SyntheticPlan::intentionsCsv(rows, 12);
    const QString csvPath = dir.filePath(QStringLiteral("synthetic.csv"));
    {
        QFile file(csvPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv.bytes) != csv.bytes.size())
            return 1;
    }
    const QString syntheticPath = dir.filePath(QStringLiteral("synthetic.sqlite"));
    {
        auto created = PlanSession::create(syntheticPath);
        if (!created) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error()));
            return 1;
        }
        const auto imported = IntentionCsvImporter(created.value()->database().connection()).importFile(csvPath);
        if (!imported || imported.value().rowsImported != rows) {
            std::fprintf(stderr, "cannot build the synthetic plan: %s\n", qPrintable(imported.error()));
            return 1;
        }
    }
    auto synthetic = PlanSession::open(syntheticPath);
    if (!synthetic) {
        std::fprintf(stderr, "%s\n", qPrintable(synthetic.error()));
        return 1;
    }
    Measured large;
    if (!measureSummary(synthetic.value()->stores(), dir.filePath(QStringLiteral("synthetic.pdf")), 3, large))
        return 1;
    if (large.intentions != rows) {
        std::fprintf(stderr, "the synthetic summary holds %d intentions, not %d\n", large.intentions, rows);
        return 1;
    }
    Bench::report(QStringLiteral("summary_pdf_5k_intentions"), large.median, QStringLiteral("s"), QStringLiteral("<="),
                  60.0);
    Bench::info(QStringLiteral("summary_pdf_5k_intentions_cpu_time"), large.cpu, QStringLiteral("s"));
    Bench::info(QStringLiteral("summary_pdf_5k_intentions_pages"), large.pages, QStringLiteral("pages"));

    Bench::LibreOffice office(dir.path());
    if (!office.isInstalled()) {
        std::printf("# libreoffice is not installed: the XLSX-to-PDF peer is skipped (./test.sh --bench installs it)\n");
        return 0;
    }
    double demoPeer = 0;
    double peer = 0;
    if (!measurePeer(demo.value()->stores(), office, dir, QStringLiteral("demo"), 3, demoPeer)
        || !measurePeer(synthetic.value()->stores(), office, dir, QStringLiteral("5k"), 3, peer)) {
        std::printf("# libreoffice could not convert the XLSX: no peer figure\n");
        return 0;
    }
    Bench::info(QStringLiteral("summary_pdf_demo_peer_libreoffice_xlsx_to_pdf"), demoPeer, QStringLiteral("s"));
    Bench::info(QStringLiteral("summary_pdf_demo_ratio_peer_to_planner"), demoPeer / demoSummary.median,
                QStringLiteral("x"));
    Bench::info(QStringLiteral("summary_pdf_5k_peer_libreoffice_xlsx_to_pdf"), peer, QStringLiteral("s"));
    Bench::info(QStringLiteral("summary_pdf_5k_ratio_peer_to_planner"), peer / large.median, QStringLiteral("x"));
    return 0;
}
