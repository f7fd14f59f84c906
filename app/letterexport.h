#pragma once

#include "entities.h"
#include "lettertemplate.h"
#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class LetterDocument;
class LetterRecordStore;
class PlanStoreSet;

enum class LetterFormat { Pdf, Odt };

namespace LetterFormats {
QString extension(LetterFormat format);                   // "pdf", "odt"
std::optional<LetterFormat> fromName(QStringView name);  // "pdf"/"odt", any case
} // namespace LetterFormats

struct LetterBatchOptions
{
    QString directory;                  // created when missing
    LetterFormat format = LetterFormat::Pdf;
    Id providerId = 0;                  // 0: every provider with notices to send
    QDate letterDate;                   // invalid: see LetterExporter::letters()
    bool recordLetters = true;          // a LetterRecord per file written
    int threads = 0;                    // 0: one per core
};

// One file written by a batch.
struct ExportedLetter
{
    Id providerId = 0;
    QString providerName;
    QList<Id> noticeIds;
    QString fileName; // in the batch folder: "Homerton.pdf"
    QString filePath;
    QString sha256;   // hex of the exact bytes written
    int pages = 0;    // PDF only; 0 for ODT
    Id recordId = 0;  // the LetterRecord, 0 when not recorded
};

struct LetterBatchReport
{
    QList<ExportedLetter> letters; // in the order written
    QString indexPath;             // the CSV listing them
    int planned = 0;               // letters the batch set out to write
    bool cancelled = false;
};

// Called on the calling thread after each file is written (written of planned); return false
// to stop: no letter is started after that, and files already written stay, listed in the
// index. A window shows it in a QProgressDialog; the command line ignores it.
using LetterProgress = std::function<bool(int written, int planned, const QString &provider)>;

// Writes the notice letters: one file per provider, named after the provider (a safe name,
// unique in the batch), each written whole or not at all (QSaveFile), an index.csv of what was
// written (also after a cancel or a failure), and a LetterRecord per file with the SHA-256 of
// its bytes, so the plan keeps what each provider was sent. Exporting again writes new files
// over old ones of the same name and adds new records; old records keep the old hashes.
//
// Letters are laid out and painted on every core, in runs of consecutive letters that share
// one PDF's embedded fonts before it is cut into one file per letter (pdfFiles); files, records
// and the index are written in order on the calling thread.
class LetterExporter
{
public:
    explicit LetterExporter(PlanStoreSet &stores);

    // The letters a batch would write, read from the plan: one per provider (by name) that has
    // notices to send — every approved notice, and every issued notice changed since its latest
    // letter — with those notices by effective date. providerId 0: all providers.
    // The letter date is letterDate when valid, else the latest issue date of its notices, else
    // the plan's notice issue date: the letter is dated the day the notice period runs from.
    Result<QList<LetterInput>> letters(Id providerId = 0, QDate letterDate = {});

    // Reads the plan's template and letters and writes the batch.
    Result<LetterBatchReport> exportBatch(const LetterBatchOptions &options,
                                          const LetterProgress &progress = {});

    // The batch over given letters, without reading the plan (benchmarks, previews of many).
    // records may be null: nothing is recorded.
    static Result<LetterBatchReport> writeBatch(const LetterTemplate &letterTemplate,
                                                const QList<LetterInput> &letters,
                                                const LetterBatchOptions &options,
                                                LetterRecordStore *records,
                                                const LetterProgress &progress = {});

    // One letter's file contents.
    static Result<QByteArray> pdfBytes(const LetterDocument &document);
    static Result<QByteArray> odtBytes(const LetterDocument &document);
    // Several letters' PDFs, each complete on its own. They are painted into one PDF and cut
    // apart (PdfSplitter), so their fonts are embedded once for all of them: most of the time a
    // PDF of a one-page letter takes is embedding its fonts.
    static Result<QList<QByteArray>> pdfFiles(const QList<const LetterDocument *> &documents);

    // Letters painted into one PDF before it is cut apart: enough to share the fonts' cost,
    // few enough that a cancel stops soon and memory stays small.
    static constexpr int lettersPerPdfRun = 48;

    // The letter's reference: the notices' own letter reference when they all share one, else
    // "CN/2026-27/<ODS code>" (or P<id> for a provider without an ODS code).
    static QString letterReference(const PlanSettings &settings, const Provider &provider,
                                   const QList<ContractNotice> &notices);

    static constexpr char indexFileName[] = "index.csv";

private:
    PlanStoreSet &m_stores;
};
