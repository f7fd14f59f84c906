#include "letterexport.h"

#include "letterdocument.h"
#include "noticerules.h"
#include "pdfsplitter.h"
#include "safefilename.h"
#include "stores.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFuture>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QTextDocumentWriter>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <deque>

namespace {

// One letter made on a worker thread: its bytes and what the index and record need.
struct RenderedLetter
{
    QByteArray bytes;
    QString sha256;
    int pages = 0;
    QString error;
};

// Where QPdfWriter writes: it makes many small writes, and QBuffer spends more on each than
// appending to a byte array costs.
class AppendDevice : public QIODevice
{
public:
    explicit AppendDevice(QByteArray &bytes)
        : m_bytes(bytes)
    {
        m_bytes.reserve(256 * 1024);
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_bytes.append(data, size);
        return size;
    }

private:
    QByteArray &m_bytes;
};

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A run of consecutive letters, made whole on one worker thread: laid out, painted (PDF: into
// one file, then cut apart), hashed. A failure fails the run's letters from that one on.
QList<RenderedLetter> renderRun(const LetterTemplate &letterTemplate,
                                const QList<const LetterInput *> &inputs, LetterFormat format)
{
    QList<RenderedLetter> out(inputs.size());
    std::vector<std::unique_ptr<LetterDocument>> documents;
    QList<const LetterDocument *> built;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        auto document = LetterDocument::build(letterTemplate, *inputs.at(i),
                                              format == LetterFormat::Odt ? LetterDocument::Use::Edit
                                                                          : LetterDocument::Use::Print);
        if (!document) {
            out[i].error = document.error();
            out.resize(i + 1);
            break;
        }
        built.append(document.value().get());
        documents.push_back(std::move(document.value()));
    }
    if (format == LetterFormat::Pdf) {
        auto files = LetterExporter::pdfFiles(built);
        for (qsizetype i = 0; i < built.size(); ++i) {
            if (!files) {
                out[i].error = files.error();
                continue;
            }
            out[i].bytes = std::move(files.value()[i]);
            out[i].pages = built.at(i)->pageCount();
        }
    } else {
        for (qsizetype i = 0; i < built.size(); ++i) {
            auto bytes = LetterExporter::odtBytes(*built.at(i));
            if (!bytes)
                out[i].error = bytes.error();
            else
                out[i].bytes = std::move(bytes.value());
        }
    }
    for (RenderedLetter &letter : out) {
        if (letter.error.isEmpty())
            letter.sha256 = sha256(letter.bytes);
    }
    return out;
}

// A spreadsheet runs a cell that starts with = + - @ as a formula: a provider named
// "=HYPERLINK(…)" must stay text when the index is opened in Excel.
QString csvCell(const QString &value)
{
    QString text = value;
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.at(0)))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(u'"', QLatin1String("\"\""));
        text = u'"' + text + u'"';
    }
    return text;
}

QString idList(const QList<Id> &ids)
{
    QStringList parts;
    for (Id id : ids)
        parts << QString::number(id);
    return parts.join(u' ');
}

Result<void> writeWhole(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("Cannot write “%1”: %2").arg(path, file.errorString())};
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return Error{QStringLiteral("Cannot write “%1”: %2").arg(path, file.errorString())};
    }
    if (!file.commit())
        return Error{QStringLiteral("Cannot write “%1”: %2").arg(path, file.errorString())};
    return {};
}

Result<QString> writeIndex(const QDir &dir, const QList<ExportedLetter> &letters,
                           const QList<LetterInput> &inputs)
{
    QHash<Id, const LetterInput *> byProvider;
    for (const LetterInput &input : inputs)
        byProvider.insert(input.provider.id, &input);
    QString csv = QStringLiteral(
        "provider,ods_code,file,notices,notice_ids,first_effective_date,letter_date,reference,"
        "pages,sha256\r\n");
    for (const ExportedLetter &letter : letters) {
        const LetterInput *input = byProvider.value(letter.providerId);
        QDate first;
        if (input) {
            for (const ContractNotice &n : input->notices) {
                if (!first.isValid() || n.effectiveDate < first)
                    first = n.effectiveDate;
            }
        }
        const QStringList row{
            csvCell(letter.providerName),
            csvCell(input ? input->provider.odsCode : QString()),
            csvCell(letter.fileName),
            QString::number(letter.noticeIds.size()),
            idList(letter.noticeIds),
            first.toString(Qt::ISODate),
            input ? input->letterDate.toString(Qt::ISODate) : QString(),
            csvCell(input ? input->reference : QString()),
            QString::number(letter.pages),
            letter.sha256,
        };
        csv += row.join(u',') + QStringLiteral("\r\n");
    }
    const QString path = dir.filePath(QLatin1String(LetterExporter::indexFileName));
    if (auto written = writeWhole(path, csv.toUtf8()); !written)
        return Error{written.error()};
    return path;
}

} // namespace

namespace LetterFormats {

QString extension(LetterFormat format)
{
    return format == LetterFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("odt");
}

std::optional<LetterFormat> fromName(QStringView name)
{
    if (name.compare(u"pdf", Qt::CaseInsensitive) == 0)
        return LetterFormat::Pdf;
    if (name.compare(u"odt", Qt::CaseInsensitive) == 0)
        return LetterFormat::Odt;
    return std::nullopt;
}

} // namespace LetterFormats

LetterExporter::LetterExporter(PlanStoreSet &stores)
    : m_stores(stores)
{
}

QString LetterExporter::letterReference(const PlanSettings &settings, const Provider &provider,
                                        const QList<ContractNotice> &notices)
{
    QSet<QString> own;
    for (const ContractNotice &notice : notices)
        own.insert(notice.letterReference.trimmed());
    if (own.size() == 1 && !own.begin()->isEmpty())
        return *own.begin();
    const QString year = settings.planningYear.isValid()
        ? settings.planningYear.toString().replace(u'/', u'-')
        : QString();
    const QString who = provider.odsCode.trimmed().isEmpty()
        ? QStringLiteral("P%1").arg(provider.id)
        : provider.odsCode.trimmed().toUpper();
    return year.isEmpty() ? QStringLiteral("CN/%1").arg(who)
                          : QStringLiteral("CN/%1/%2").arg(year, who);
}

Result<QList<LetterInput>> LetterExporter::letters(Id providerId, QDate letterDate)
{
    auto settings = m_stores.settings().load();
    if (!settings)
        return Error{settings.error()};
    auto providers = m_stores.providers().list();
    if (!providers)
        return Error{providers.error()};
    auto notices = m_stores.notices().list();
    if (!notices)
        return Error{notices.error()};
    auto contracts = m_stores.contracts().list();
    if (!contracts)
        return Error{contracts.error()};
    auto intentions = m_stores.intentions().list();
    if (!intentions)
        return Error{intentions.error()};
    auto portfolios = m_stores.portfolios().list();
    if (!portfolios)
        return Error{portfolios.error()};

    QHash<Id, const Provider *> providerById;
    for (const Provider &provider : providers.value())
        providerById.insert(provider.id, &provider);
    QHash<Id, const Contract *> contractById;
    for (const Contract &contract : contracts.value())
        contractById.insert(contract.id, &contract);
    QHash<Id, const Intention *> intentionById;
    for (const Intention &intention : intentions.value())
        intentionById.insert(intention.id, &intention);
    QHash<Id, QString> portfolioNames;
    for (const Portfolio &portfolio : portfolios.value())
        portfolioNames.insert(portfolio.id, portfolio.name);

    // Letters matter only for issued notices (changed since their letter?): read them only for
    // providers that have one.
    QHash<Id, QList<const ContractNotice *>> candidates;
    QSet<Id> withIssued;
    for (const ContractNotice &notice : notices.value()) {
        if (providerId != 0 && notice.providerId != providerId)
            continue;
        if (notice.status == NoticeStatus::Approved || notice.status == NoticeStatus::Issued)
            candidates[notice.providerId].append(&notice);
        if (notice.status == NoticeStatus::Issued)
            withIssued.insert(notice.providerId);
    }

    QList<LetterInput> result;
    for (const Provider &provider : providers.value()) {
        const auto found = candidates.constFind(provider.id);
        if (found == candidates.cend())
            continue;
        QList<LetterRecord> sent;
        if (withIssued.contains(provider.id)) {
            auto records = m_stores.letters().listForProvider(provider.id);
            if (!records)
                return Error{records.error()};
            sent = records.value();
        }
        LetterInput input;
        for (const ContractNotice *notice : *found) {
            if (NoticeRules::belongsInLetter(*notice, sent))
                input.notices.append(*notice);
        }
        if (input.notices.isEmpty())
            continue;
        std::stable_sort(input.notices.begin(), input.notices.end(),
                         [](const ContractNotice &a, const ContractNotice &b) {
                             if (a.effectiveDate != b.effectiveDate)
                                 return a.effectiveDate < b.effectiveDate;
                             return a.id < b.id;
                         });
        input.settings = settings.value();
        input.provider = provider;
        QDate latestIssue;
        QSet<Id> seenIntentions;
        for (const ContractNotice &notice : std::as_const(input.notices)) {
            if (notice.issueDate.isValid() && (!latestIssue.isValid() || notice.issueDate > latestIssue))
                latestIssue = notice.issueDate;
            if (const Contract *contract = contractById.value(notice.contractId))
                input.contracts.insert(contract->id, *contract);
            if (const Provider *other = providerById.value(notice.receivingProviderId))
                input.otherProviders.insert(other->id, *other);
            for (Id intentionId : notice.intentionIds) {
                const Intention *intention = intentionById.value(intentionId);
                if (!intention || seenIntentions.contains(intentionId))
                    continue;
                seenIntentions.insert(intentionId);
                input.intentions.append(*intention);
                input.portfolioNames.insert(intention->portfolioId,
                                            portfolioNames.value(intention->portfolioId));
            }
        }
        input.letterDate = letterDate.isValid() ? letterDate
            : latestIssue.isValid()              ? latestIssue
                                                 : input.settings.noticeIssueDate;
        input.reference = letterReference(input.settings, provider, input.notices);
        result.append(std::move(input));
    }
    return result;
}

Result<LetterBatchReport> LetterExporter::exportBatch(const LetterBatchOptions &options,
                                                      const LetterProgress &progress)
{
    auto letterTemplate = LetterDocument::planTemplate(m_stores);
    if (!letterTemplate)
        return Error{letterTemplate.error()};
    auto inputs = letters(options.providerId, options.letterDate);
    if (!inputs)
        return Error{inputs.error()};
    return writeBatch(letterTemplate.value(), inputs.value(), options,
                      options.recordLetters ? &m_stores.letters() : nullptr, progress);
}

Result<QByteArray> LetterExporter::pdfBytes(const LetterDocument &document)
{
    auto files = pdfFiles({&document});
    if (!files)
        return Error{files.error()};
    return files.value().constFirst();
}

Result<QList<QByteArray>> LetterExporter::pdfFiles(const QList<const LetterDocument *> &documents)
{
    if (documents.isEmpty())
        return QList<QByteArray>();
    QByteArray bytes;
    AppendDevice buffer(bytes);
    QList<PdfSplitter::Part> parts;
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(LetterDocument::layoutDpi);
        writer.setPageLayout(LetterDocument::pageLayout());
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{QStringLiteral("Cannot start the PDF of the letter to %1.")
                             .arg(documents.constFirst()->input().provider.name)};
        bool first = true;
        for (const LetterDocument *document : documents) {
            const int pages = document->pageCount();
            for (int page = 0; page < pages; ++page) {
                if (!first)
                    writer.newPage();
                first = false;
                document->paintPage(painter, page);
            }
            parts.append({pages, QStringLiteral("Contract notice to %1")
                                     .arg(document->input().provider.name)});
        }
        if (!painter.end())
            return Error{QStringLiteral("Cannot finish the PDF of the letters.")};
    }
    return PdfSplitter::split(bytes, parts, QStringLiteral("Commissioning Intentions Planner"),
                              QDateTime::currentDateTimeUtc());
}

Result<QByteArray> LetterExporter::odtBytes(const LetterDocument &document)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, "ODF");
    if (!writer.write(&document.document()))
        return Error{QStringLiteral("Cannot write the ODT of the letter to %1.")
                         .arg(document.input().provider.name)};
    return bytes;
}

Result<LetterBatchReport> LetterExporter::writeBatch(const LetterTemplate &letterTemplate,
                                                     const QList<LetterInput> &letters,
                                                     const LetterBatchOptions &options,
                                                     LetterRecordStore *records,
                                                     const LetterProgress &progress)
{
    // Everything that would stop the batch half way is checked before the first file.
    if (!letterTemplate.isValid()) {
        QStringList problems;
        for (const TemplateProblem &problem : letterTemplate.validate())
            problems << LetterTemplate::describe(problem);
        return Error{QStringLiteral("No letters were written: the letter template has problems:\n%1")
                         .arg(problems.join(u'\n'))};
    }
    for (const LetterInput &input : letters) {
        for (const ContractNotice &notice : input.notices) {
            if (!notice.effectiveDate.isValid()) {
                return Error{QStringLiteral("No letters were written: the notice %1 to %2 has no "
                                            "effective date.")
                                 .arg(notice.id)
                                 .arg(input.provider.name)};
            }
        }
    }
    // The letter font is registered here, on the calling thread, before any worker lays out.
    LetterDocument::registerFonts();
    QDir dir(options.directory);
    if (options.directory.isEmpty() || !dir.mkpath(QStringLiteral(".")))
        return Error{QStringLiteral("Cannot create the folder “%1”.").arg(options.directory)};

    // Names are decided up front, in provider order, so they do not depend on thread timing.
    SafeFileNamer namer(LetterFormats::extension(options.format));
    namer.reserve(QLatin1String(indexFileName));
    QStringList fileNames;
    for (const LetterInput &input : letters)
        fileNames << namer.take(input.provider.name);

    LetterBatchReport report;
    report.planned = int(letters.size());

    // Letters are made on every core, in runs of consecutive letters (a run shares one PDF's
    // fonts); files are written here, in order. A few runs are in flight at a time, so memory
    // stays flat however long the batch. Small batches are shared out so every core has work.
    QThreadPool pool;
    const int threads = qMax(1, options.threads > 0 ? options.threads : QThread::idealThreadCount());
    pool.setMaxThreadCount(threads);
    const qsizetype runLength = std::clamp<qsizetype>((letters.size() + threads - 1) / threads, 1,
                                                      lettersPerPdfRun);
    const qsizetype window = threads + 1;
    std::deque<QFuture<QList<RenderedLetter>>> inFlight;
    qsizetype nextToStart = 0;
    auto fill = [&] {
        while (nextToStart < letters.size() && qsizetype(inFlight.size()) < window) {
            QList<const LetterInput *> run;
            for (; nextToStart < letters.size() && run.size() < runLength; ++nextToStart)
                run.append(&letters.at(nextToStart));
            inFlight.push_back(QtConcurrent::run(&pool, [&letterTemplate, run, &options] {
                return renderRun(letterTemplate, run, options.format);
            }));
        }
    };

    QString failure;
    QList<RenderedLetter> ready;
    qsizetype readyAt = 0;
    for (qsizetype i = 0; i < letters.size(); ++i) {
        if (readyAt >= ready.size()) {
            fill();
            ready = inFlight.front().result();
            inFlight.pop_front();
            readyAt = 0;
        }
        const RenderedLetter rendered = std::move(ready[readyAt++]);
        const LetterInput &input = letters.at(i);
        if (!rendered.error.isEmpty()) {
            failure = rendered.error;
            break;
        }
        ExportedLetter letter;
        letter.providerId = input.provider.id;
        letter.providerName = input.provider.name;
        for (const ContractNotice &notice : input.notices)
            letter.noticeIds.append(notice.id);
        letter.fileName = fileNames.at(i);
        letter.filePath = QFileInfo(dir.filePath(letter.fileName)).absoluteFilePath();
        letter.sha256 = rendered.sha256;
        letter.pages = rendered.pages;
        if (auto written = writeWhole(letter.filePath, rendered.bytes); !written) {
            failure = written.error();
            break;
        }
        if (records) {
            LetterRecord record;
            record.providerId = letter.providerId;
            record.noticeIds = letter.noticeIds;
            record.issuedAt = QDateTime::currentDateTimeUtc();
            record.recipient = input.provider.contactName.isEmpty() ? input.provider.name
                                                                    : input.provider.contactName;
            record.fileName = letter.filePath;
            record.sha256 = letter.sha256;
            auto recorded = records->record(record);
            if (!recorded) {
                failure = recorded.error();
                report.letters.append(letter); // the file is whole: list it in the index
                break;
            }
            letter.recordId = recorded.value();
        }
        report.letters.append(letter);
        if (progress && !progress(int(report.letters.size()), report.planned, letter.providerName)) {
            report.cancelled = true;
            break;
        }
    }
    // Letters still being made are finished and dropped: no file is started for them.
    for (QFuture<QList<RenderedLetter>> &future : inFlight)
        future.waitForFinished();
    pool.waitForDone();

    auto index = writeIndex(dir, report.letters, letters);
    if (!failure.isEmpty()) {
        return Error{QStringLiteral("%1\nThe batch stopped after %2 of %3 letters; %4")
                         .arg(failure)
                         .arg(report.letters.size())
                         .arg(report.planned)
                         .arg(index ? QStringLiteral("the index lists the letters written.")
                                    : index.error())};
    }
    if (!index)
        return Error{index.error()};
    report.indexPath = index.value();
    return report;
}
