// Notice letters: 1,000 providers with 3 notices each, exported to PDF (one file per provider,
// index, letter records) from a synthetic plan built here. Reports the time per letter and for
// the batch, and the peak memory. Peer, where LibreOffice is installed: one
// `libreoffice --headless --convert-to pdf` over the same letters saved as ODT by the planner.
// For scale on machines without it: the plain path, QTextDocument::print into a new QPdfWriter
// per letter.
#include "benchutil.h"
#include "database.h"
#include "letterdocument.h"
#include "letterexport.h"
#include "planstores.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr int providers = 1000;
constexpr int noticesPerProvider = 3;
constexpr int runs = 3;

bool buildPlan(PlanStores &stores)
{
    const auto done = stores.inTransaction([&]() -> Result<void> {
        PlanSettings settings = SqlPlanSettingsRepository::defaults();
        settings.icbName = QStringLiteral("NHS Synthetic Integrated Care Board");
        settings.address = QStringLiteral("1 Test Street\nLondon\nE1 1AA");
        settings.letterhead = QStringLiteral("synthetic.icb.example");
        settings.signatoryName = QStringLiteral("Alex Example");
        settings.signatoryTitle = QStringLiteral("Director of Commissioning");
        settings.contactEmail = QStringLiteral("contracts@synthetic.example");
        if (auto saved = stores.settings().save(settings); !saved)
            return saved;
        Portfolio portfolio;
        portfolio.name = QStringLiteral("Community Services");
        const auto portfolioId = stores.portfolios().create(portfolio);
        if (!portfolioId)
            return Error{portfolioId.error()};
        QList<Id> intentions;
        for (int i = 0; i < 20; ++i) {
            Intention intention;
            intention.portfolioId = portfolioId.value();
            intention.title = QStringLiteral("Recommission community service %1").arg(i + 1);
            intention.text = intention.title
                + QStringLiteral(" to one specification across all places, with a new activity plan");
            intention.timeframe.raw = QStringLiteral("2026-2028");
            const auto id = stores.intentions().create(intention);
            if (!id)
                return Error{id.error()};
            intentions << id.value();
        }
        const QList<NoticeKind> kinds{NoticeKind::Terminate, NoticeKind::Reduce, NoticeKind::Change};
        for (int p = 0; p < providers; ++p) {
            Provider provider;
            provider.name = QStringLiteral("Synthetic Provider %1 NHS Trust").arg(p + 1, 4, 10, QChar(u'0'));
            provider.odsCode = QStringLiteral("S%1").arg(p + 1, 4, 10, QChar(u'0'));
            provider.address = QStringLiteral("%1 Hospital Road\nLondon\nE%2 1AB").arg(p + 1).arg(p % 20 + 1);
            const auto providerId = stores.providers().create(provider);
            if (!providerId)
                return Error{providerId.error()};
            Contract contract;
            contract.providerId = providerId.value();
            contract.reference = QStringLiteral("SYN-%1").arg(p + 1);
            contract.title = QStringLiteral("Community health services");
            const auto contractId = stores.contracts().create(contract);
            if (!contractId)
                return Error{contractId.error()};
            for (int n = 0; n < noticesPerProvider; ++n) {
                ContractNotice notice;
                notice.providerId = providerId.value();
                notice.contractId = contractId.value();
                notice.kind = kinds.at(n % kinds.size());
                notice.service = QStringLiteral("Community service %1").arg((p + n) % 20 + 1);
                notice.summary = QStringLiteral("The service moves to the new NEL specification, with a "
                                                "new activity plan and reporting.");
                notice.rationale = QStringLiteral("One specification for all places.");
                notice.financialEffect = -10000.0 * (n + 1);
                notice.issueDate = QDate(2025, 9, 30);
                notice.effectiveDate = QDate(2026, 4, 1);
                notice.status = NoticeStatus::Approved;
                notice.intentionIds = {intentions.at((p + n) % intentions.size())};
                if (auto created = stores.notices().create(notice); !created)
                    return Error{created.error()};
            }
        }
        return {};
    });
    if (!done) {
        std::fprintf(stderr, "cannot build the synthetic plan: %s\n", qPrintable(done.error()));
        return false;
    }
    return true;
}

double peakMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return 0;
}

// The plain path for scale: each letter printed by QTextDocument::print into its own
// QPdfWriter, one after the other.
double naivePerLetterMs(const QList<LetterInput> &letters, const QString &dir, int count)
{
    const LetterTemplate letterTemplate(LetterDocument::defaultTemplateSource());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        auto document = LetterDocument::build(letterTemplate, letters.at(i));
        if (!document)
            return -1;
        QPdfWriter writer(QDir(dir).filePath(QStringLiteral("naive-%1.pdf").arg(i)));
        writer.setPageSize(QPageSize(QPageSize::A4));
        document.value()->document().print(&writer);
    }
    return double(timer.nsecsElapsed()) / 1e6 / count;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    auto plan = PlanDatabase::createInMemory();
    if (!plan) {
        std::fprintf(stderr, "%s\n", qPrintable(plan.error()));
        return 1;
    }
    PlanStores stores(plan.value()->connection(), QStringLiteral("bench"));
    if (!buildPlan(stores))
        return 1;
    const auto letters = LetterExporter(stores).letters();
    if (!letters || letters.value().size() != providers) {
        std::fprintf(stderr, "expected %d letters\n", providers);
        return 1;
    }

    QTemporaryDir dir;
    QList<double> totals;
    for (int run = 0; run < runs; ++run) {
        LetterBatchOptions options;
        options.directory = dir.filePath(QStringLiteral("pdf-%1").arg(run));
        QElapsedTimer timer;
        timer.start();
        const auto report = LetterExporter(stores).exportBatch(options);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!report || report.value().letters.size() != providers) {
            std::fprintf(stderr, "export failed: %s\n", report ? "letters missing" : qPrintable(report.error()));
            return 1;
        }
        totals << seconds;
    }
    const double total = Bench::median(totals);
    Bench::report(QStringLiteral("letters_pdf_per_letter_1000x3"), total * 1000.0 / providers,
                  QStringLiteral("ms"), QStringLiteral("<="), 3.0);
    Bench::info(QStringLiteral("letters_pdf_batch_1000x3"), total, QStringLiteral("s"));
    Bench::report(QStringLiteral("letters_pdf_1000x3_peak_memory"), peakMegabytes(), QStringLiteral("MB"),
                  QStringLiteral("<="), 300);

    const double naive = naivePerLetterMs(letters.value(), dir.path(), 100);
    Bench::info(QStringLiteral("letters_plain_print_per_letter_floor_for_scale"), naive, QStringLiteral("ms"));
    Bench::info(QStringLiteral("letters_plain_print_ratio"), naive / (total * 1000.0 / providers),
                QStringLiteral("x"));

    Bench::LibreOffice office(dir.path());
    if (!office.isInstalled()) {
        std::printf("# libreoffice is not installed: no peer measured (./test.sh --bench installs it)\n");
        return 0;
    }
    LetterBatchOptions odt;
    odt.directory = dir.filePath(QStringLiteral("odt"));
    odt.format = LetterFormat::Odt;
    odt.recordLetters = false;
    const auto odtReport = LetterExporter(stores).exportBatch(odt);
    if (!odtReport) {
        std::fprintf(stderr, "%s\n", qPrintable(odtReport.error()));
        return 1;
    }
    QStringList files;
    for (const ExportedLetter &letter : odtReport.value().letters)
        files << letter.filePath;
    // One call over every letter, as the issue has it. LibreOffice 7.4 has been seen to stop
    // part-way through a call of 1,000 files (exit 0, a quarter written): then one call over the
    // first 200, which it finishes, gives its rate per letter.
    int converted = int(files.size());
    double seconds = office.convertToPdf(files, dir.filePath(QStringLiteral("office")));
    if (seconds < 0) {
        converted = 200;
        std::printf("# measuring libreoffice on one call over the first %d letters instead\n", converted);
        seconds = office.convertToPdf(files.mid(0, converted), dir.filePath(QStringLiteral("office-%1").arg(converted)));
    }
    if (seconds < 0) {
        std::printf("# libreoffice did not convert the letters: no peer reported\n");
        return 0;
    }
    const double peer = seconds * 1000.0 / converted;
    Bench::info(QStringLiteral("letters_libreoffice_per_letter_peer"), peer, QStringLiteral("ms"));
    Bench::report(QStringLiteral("letters_speedup_over_libreoffice"), peer / (total * 1000.0 / providers),
                  QStringLiteral("x"), QStringLiteral(">="), 10);
    return 0;
}
