// Notice letters end to end: built from the template, written as PDF and ODT, read back with
// the tools a reader would use (pdftotext, pdfinfo, pdffonts, unzip), recorded in the plan.
#include "database.h"
#include "letterdocument.h"
#include "letterexport.h"
#include "pdfsplitter.h"
#include "planfixtures.h"
#include "planstores.h"
#include "safefilename.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QUrl>

#include <memory>

namespace {

const QString hostileName = QStringLiteral("<b>A&E</b> \"Trust\" O'Neil");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

Run planner(const QStringList &arguments)
{
    return run(QStringLiteral(CIPLANNER_BINARY), arguments);
}

// The text of a PDF (or of one page), whitespace removed: table cells and paragraphs wrap
// wherever the layout puts the line ends.
QString pdfText(const QString &path, int page = 0)
{
    QStringList arguments;
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
                  << QString::number(page);
    arguments << path << QStringLiteral("-");
    return run(QStringLiteral("pdftotext"), arguments).out;
}

QString squeezed(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space);
}

bool pdfContains(const QString &path, const QString &text, int page = 0)
{
    return squeezed(pdfText(path, page)).contains(squeezed(text));
}

int pdfPages(const QString &path)
{
    const Run info = run(QStringLiteral("pdfinfo"), {path});
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto match = pages.match(info.out);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// A plan on disk with providers, contracts and approved notices made in code.
class TestPlan
{
public:
    explicit TestPlan(const QString &path)
    {
        auto created = PlanDatabase::create(path);
        if (!created)
            qFatal("%s", qPrintable(created.error()));
        m_database = std::move(created.value());
        m_stores = std::make_unique<PlanStores>(m_database->connection(), QStringLiteral("tester"));
        PlanSettings settings = SqlPlanSettingsRepository::defaults();
        settings.icbName = QStringLiteral("NHS Test Integrated Care Board");
        settings.address = QStringLiteral("1 Test Street\nLondon\nE1 1AA");
        settings.signatoryName = QStringLiteral("Sam Signer");
        settings.signatoryTitle = QStringLiteral("Director of Commissioning");
        settings.contactEmail = QStringLiteral("contracts@test.example");
        if (!m_stores->settings().save(settings))
            qFatal("cannot save the settings");
    }
    ~TestPlan()
    {
        m_stores.reset();
        m_database.reset();
    }

    PlanStores &stores() { return *m_stores; }

    // A provider with one contract and notices approved, effective 1 April 2026.
    Id addProvider(const QString &name, const QStringList &services)
    {
        Provider provider;
        provider.name = name;
        provider.address = QStringLiteral("Hospital Road\nLondon");
        const Id id = m_stores->providers().create(provider).value();
        Contract contract;
        contract.providerId = id;
        contract.title = QStringLiteral("Community services");
        contract.reference = QStringLiteral("C-%1").arg(id);
        const Id contractId = m_stores->contracts().create(contract).value();
        for (const QString &service : services) {
            ContractNotice notice;
            notice.providerId = id;
            notice.contractId = contractId;
            notice.kind = NoticeKind::Reduce;
            notice.service = service;
            notice.summary = QStringLiteral("Fewer hours of %1.").arg(service);
            notice.issueDate = QDate(2025, 9, 30);
            notice.effectiveDate = QDate(2026, 4, 1);
            notice.status = NoticeStatus::Approved;
            const auto created = m_stores->notices().create(notice);
            if (!created)
                qFatal("%s", qPrintable(created.error()));
        }
        return id;
    }

private:
    std::unique_ptr<PlanDatabase> m_database;
    std::unique_ptr<PlanStores> m_stores;
};

QStringList filesIn(const QString &dir)
{
    QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
    files.sort();
    return files;
}

QList<QStringList> indexRows(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"),
                                                                      Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        // The test data has no commas inside values, except the quoted provider names.
        QStringList cells;
        QString cell;
        bool quoted = false;
        for (QChar c : line) {
            if (c == u'"')
                quoted = !quoted;
            else if (c == u',' && !quoted) {
                cells << cell;
                cell.clear();
            } else
                cell += c;
        }
        cells << cell;
        rows << cells;
    }
    return rows;
}

} // namespace

class TestLetters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void exportsOneReadableLetterPerProviderOfTheDemo();
    void writesA4PagesWithEmbeddedFontsAndPageNumbers();
    void repeatsTheTableHeaderWhenTheTableBreaksAcrossPages();
    void keepsTheClosingWithTheSignature();
    void recordsEachLetterWithTheHashOfItsFile();
    void listsEveryLetterInTheIndex();
    void printsAHostileProviderNameLiterallyWithASafeFileName();
    void loadsNoResourceTheLetterNames();
    void writesAnEditableOdtDocument();
    void cancelledBatchLeavesOnlyWholeLettersAndACorrectIndex();
    void failedBatchLeavesOnlyWholeLettersAndACorrectIndex();
    void refusesAnInvalidTemplateBeforeWritingAnything();
    void refusesANoticeWithoutAnEffectiveDateBeforeWritingAnything();
    void exportsTheLetterOfOneProvider();
    void resendsAnIssuedNoticeChangedSinceItsLetter();
    void splitsAPdfIntoCompleteParts();
    void commandLineExportsAndPrintsOneLinePerLetter();
    void commandLineChecksNoticesAndFailsOnAProblem();
    void commandLineRefusesAnUnknownFormat();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLetters::initTestCase()
{
    for (const char *tool : {"pdftotext", "pdfinfo", "pdffonts", "unzip"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is needed (packaging/install-deps.sh installs it)")
                                 .arg(QLatin1String(tool))));
    }
}

void TestLetters::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLetters::exportsOneReadableLetterPerProviderOfTheDemo()
{
    const QString planPath = PlanFixtures::copyDemoPlan(QDir(m_dir->path()));
    auto plan = PlanDatabase::open(planPath);
    QVERIFY2(plan.isOk(), qPrintable(plan.error()));
    PlanStores stores(plan.value()->connection(), QStringLiteral("tester"));
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("letters"));
    const auto report = LetterExporter(stores).exportBatch(options);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().letters.size(), 7); // the providers with approved notices
    QCOMPARE(report.value().planned, 7);
    QVERIFY(!report.value().cancelled);

    const auto notices = stores.notices().list().value();
    for (const ExportedLetter &letter : report.value().letters) {
        QVERIFY2(pdfContains(letter.filePath, letter.providerName), qPrintable(letter.providerName));
        QVERIFY(pdfContains(letter.filePath, QStringLiteral("Formal contract notice")));
        for (const ContractNotice &notice : notices) {
            const bool included = letter.noticeIds.contains(notice.id);
            QCOMPARE(included, notice.providerId == letter.providerId
                                   && notice.status == NoticeStatus::Approved);
            if (!included)
                continue;
            QVERIFY2(pdfContains(letter.filePath, notice.service), qPrintable(notice.service));
            QVERIFY2(pdfContains(letter.filePath, LetterTemplate::longDate(notice.effectiveDate)),
                     qPrintable(letter.fileName));
        }
    }
    // The draft notice to Homerton is not sent; the approved one is.
    const ExportedLetter *homerton = nullptr;
    for (const ExportedLetter &letter : report.value().letters) {
        if (letter.providerName.startsWith(QLatin1String("Homerton")))
            homerton = &letter;
    }
    QVERIFY(homerton);
    QVERIFY(!pdfContains(homerton->filePath, QStringLiteral("Community inpatient beds")));
    // The demo is illustrative, and its letters say so.
    QVERIFY(pdfContains(homerton->filePath, QStringLiteral("not a contractual notice")));
}

void TestLetters::writesA4PagesWithEmbeddedFontsAndPageNumbers()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    QStringList services;
    for (int i = 1; i <= 14; ++i)
        services << QStringLiteral("Service number %1").arg(i);
    plan.addProvider(QStringLiteral("Long Letter Trust"), services);
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    const ExportedLetter &letter = report.value().letters.constFirst();
    const int pages = pdfPages(letter.filePath);
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
    QCOMPARE(letter.pages, pages);
    const Run info = run(QStringLiteral("pdfinfo"), {letter.filePath});
    QVERIFY2(info.out.contains(QStringLiteral("595 x 842 pts (A4)")), qPrintable(info.out));
    QVERIFY2(info.err.isEmpty(), qPrintable(info.err));
    for (int page = 1; page <= pages; ++page) {
        QVERIFY2(pdfContains(letter.filePath, QStringLiteral("Page %1 of %2").arg(page).arg(pages),
                             page),
                 qPrintable(QString::number(page)));
    }
    // Every font is embedded, so the letter prints the same anywhere and its text can be copied.
    const Run fonts = run(QStringLiteral("pdffonts"), {letter.filePath});
    const QStringList lines = fonts.out.split(u'\n', Qt::SkipEmptyParts).mid(2);
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines) {
        const QStringList columns = line.split(u' ', Qt::SkipEmptyParts);
        QVERIFY2(columns.size() >= 5 && columns.at(columns.size() - 5) == QLatin1String("yes"),
                 qPrintable(line));
    }
    for (const QString &service : std::as_const(services))
        QVERIFY2(pdfContains(letter.filePath, service), qPrintable(service));
}

void TestLetters::repeatsTheTableHeaderWhenTheTableBreaksAcrossPages()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    QStringList services;
    for (int i = 1; i <= 30; ++i)
        services << QStringLiteral("Service number %1").arg(i);
    plan.addProvider(QStringLiteral("Long Letter Trust"), services);
    const auto letters = LetterExporter(plan.stores()).letters();
    QVERIFY(letters.isOk());
    auto document = LetterDocument::build(LetterTemplate(LetterDocument::defaultTemplateSource()),
                                          letters.value().constFirst());
    QVERIFY2(document.isOk(), qPrintable(document.error()));
    const auto pdf = LetterExporter::pdfBytes(*document.value());
    QVERIFY(pdf.isOk());
    const QString file = path(QStringLiteral("long.pdf"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(pdf.value());
    out.close();
    // Service 30 is far down the table: the page it is on starts with the header again.
    int page = 0;
    for (int p = 2; p <= document.value()->pageCount() && page == 0; ++p) {
        if (pdfContains(file, QStringLiteral("Service number 30"), p))
            page = p;
    }
    QVERIFY2(page >= 2, "the table did not break across pages");
    QVERIFY(pdfContains(file, QStringLiteral("Effective from"), page));
    QVERIFY(pdfContains(file, QStringLiteral("What will change"), page));
}

void TestLetters::keepsTheClosingWithTheSignature()
{
    const QString planPath = PlanFixtures::copyDemoPlan(QDir(m_dir->path()));
    auto plan = PlanDatabase::open(planPath);
    QVERIFY(plan.isOk());
    PlanStores stores(plan.value()->connection(), QStringLiteral("tester"));
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("letters"));
    options.recordLetters = false;
    const auto report = LetterExporter(stores).exportBatch(options);
    QVERIFY(report.isOk());
    for (const ExportedLetter &letter : report.value().letters) {
        // "Yours sincerely" and the signatory are on one page, and no page ends on a heading.
        bool together = false;
        for (int page = 1; page <= letter.pages; ++page) {
            const QString text = squeezed(pdfText(letter.filePath, page));
            if (text.contains(QLatin1String("Yourssincerely")))
                together = text.contains(QLatin1String("DirectorofCommissioning"));
            if (page < letter.pages) {
                const QString body = text.left(text.lastIndexOf(QLatin1String("Ourreference:")));
                QVERIFY2(!body.endsWith(QLatin1String("Whatweneedfromyou"))
                             && !body.endsWith(QLatin1String("Thecommissioningintentionsbehindthisnotice"))
                             && !body.endsWith(QLatin1String("Whywearemakingthesechanges")),
                         qPrintable(letter.fileName));
            }
        }
        QVERIFY2(together, qPrintable(letter.fileName));
    }
}

void TestLetters::recordsEachLetterWithTheHashOfItsFile()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    const Id first = plan.addProvider(QStringLiteral("First Trust"), {QStringLiteral("Wheelchairs")});
    const Id second = plan.addProvider(QStringLiteral("Second Trust"),
                                       {QStringLiteral("Podiatry"), QStringLiteral("Phlebotomy")});
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().letters.size(), 2);
    for (const ExportedLetter &letter : report.value().letters) {
        const auto records = plan.stores().letters().listForProvider(letter.providerId);
        QVERIFY(records.isOk());
        QCOMPARE(records.value().size(), 1);
        const LetterRecord &record = records.value().constFirst();
        QCOMPARE(record.id, letter.recordId);
        QCOMPARE(record.sha256, QString::fromLatin1(PlanFixtures::fileHash(letter.filePath)));
        QCOMPARE(record.sha256, letter.sha256);
        QCOMPARE(record.fileName, letter.filePath);
        QCOMPARE(record.noticeIds, letter.noticeIds);
        QVERIFY(record.issuedAt.isValid());
    }
    QCOMPARE(report.value().letters.at(1).noticeIds.size(), 2);

    // Exporting again writes new files and adds records; the old ones stay.
    const auto again = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY(again.isOk());
    QCOMPARE(plan.stores().letters().listForProvider(first).value().size(), 2);
    QCOMPARE(plan.stores().letters().listForProvider(second).value().size(), 2);
}

void TestLetters::listsEveryLetterInTheIndex()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    plan.addProvider(QStringLiteral("Alpha, Beta and Gamma Trust"), {QStringLiteral("Wheelchairs")});
    plan.addProvider(QStringLiteral("=HYPERLINK(\"x\")"), {QStringLiteral("Podiatry")});
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().indexPath, QDir(options.directory).filePath(QStringLiteral("index.csv")));
    const QList<QStringList> rows = indexRows(report.value().indexPath);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).constFirst(), QStringLiteral("provider"));
    const int fileColumn = int(rows.at(0).indexOf(QStringLiteral("file")));
    const int hashColumn = int(rows.at(0).indexOf(QStringLiteral("sha256")));
    QVERIFY(fileColumn > 0 && hashColumn > 0);
    for (int i = 1; i < rows.size(); ++i) {
        const ExportedLetter &letter = report.value().letters.at(i - 1);
        QCOMPARE(rows.at(i).at(fileColumn), letter.fileName);
        QCOMPARE(rows.at(i).at(hashColumn), letter.sha256);
    }
    QStringList providers{rows.at(1).constFirst(), rows.at(2).constFirst()};
    providers.sort();
    QCOMPARE(providers.at(0), QStringLiteral("'=HYPERLINK(x)")); // a formula a spreadsheet would run stays text
    QCOMPARE(providers.at(1), QStringLiteral("Alpha, Beta and Gamma Trust"));
    QCOMPARE(filesIn(options.directory).size(), 3);
}

void TestLetters::printsAHostileProviderNameLiterallyWithASafeFileName()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    plan.addProvider(hostileName, {QStringLiteral("Minor injuries")});
    plan.addProvider(QStringLiteral("../../etc/passwd"), {QStringLiteral("Podiatry")});
    plan.addProvider(QStringLiteral("CON"), {QStringLiteral("Wheelchairs")});
    plan.addProvider(QStringLiteral("con."), {QStringLiteral("Phlebotomy")});
    const QString outDir = path(QStringLiteral("out"));
    LetterBatchOptions options;
    options.directory = outDir;
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().letters.size(), 4);
    QStringList names;
    for (const ExportedLetter &letter : report.value().letters) {
        names << letter.fileName;
        QCOMPARE(QFileInfo(letter.filePath).absolutePath(), QFileInfo(outDir).absoluteFilePath());
        QVERIFY(QFile::exists(letter.filePath));
        QVERIFY2(!letter.fileName.contains(u'/') && !letter.fileName.contains(u'\\')
                     && !letter.fileName.contains(QLatin1String("..")) && !letter.fileName.contains(u'<')
                     && !letter.fileName.contains(u'"'),
                 qPrintable(letter.fileName));
        QVERIFY2(!SafeFileName::isReservedWindowsName(letter.fileName), qPrintable(letter.fileName));
        QVERIFY2(pdfContains(letter.filePath, letter.providerName), qPrintable(letter.providerName));
    }
    // The letter shows the name exactly as typed, not as markup.
    const ExportedLetter *found = nullptr;
    for (const ExportedLetter &letter : report.value().letters) {
        if (letter.providerName == hostileName)
            found = &letter;
    }
    QVERIFY(found);
    const ExportedLetter &hostile = *found;
    QVERIFY(pdfText(hostile.filePath).contains(hostileName));
    QCOMPARE(hostile.fileName, QStringLiteral("b A&E b Trust O'Neil.pdf"));
    QVERIFY(names.contains(QStringLiteral("etc passwd.pdf")));
    QVERIFY(names.contains(QStringLiteral("CON_.pdf")));
    QVERIFY(names.contains(QStringLiteral("con_ (2).pdf")));
    QCOMPARE(filesIn(outDir).size(), 5); // four letters and the index, nothing outside
}

void TestLetters::loadsNoResourceTheLetterNames()
{
    // A real image the template points at: a plain document would load it.
    const QString imagePath = path(QStringLiteral("secret.png"));
    QImage secret(8, 8, QImage::Format_RGB32);
    secret.fill(Qt::red);
    QVERIFY(secret.save(imagePath));
    QTextDocument plain;
    plain.setHtml(QStringLiteral("<img src=\"%1\">").arg(imagePath));
    QVERIFY2(!plain.resource(QTextDocument::ImageResource, QUrl(imagePath)).isNull(),
             "the control document should load the image");

    const QStringList sources{imagePath, QUrl::fromLocalFile(imagePath).toString(),
                              QStringLiteral("/etc/passwd"), QStringLiteral("file:///etc/passwd"),
                              QStringLiteral("\\\\server\\share\\logo.png"),
                              QStringLiteral("http://localhost:1/x.png")};
    QString images;
    for (const QString &source : sources)
        images += QStringLiteral("<img src=\"%1\">").arg(source);
    const LetterTemplate letterTemplate(
        QStringLiteral("<html><head><link rel=\"stylesheet\" href=\"%1\"></head><body>%2"
                       "<p>{{provider.name}}</p>{{#notices}}<p>{{notice.service}}</p>{{/notices}}"
                       "</body></html>")
            .arg(QUrl::fromLocalFile(path(QStringLiteral("style.css"))).toString(), images));
    QVERIFY(letterTemplate.isValid());

    LetterInput input;
    input.settings = SqlPlanSettingsRepository::defaults();
    input.provider.name = QStringLiteral("<img src=\"%1\">").arg(imagePath);
    ContractNotice notice;
    notice.service = QStringLiteral("<img src=\"file:///etc/passwd\">");
    notice.effectiveDate = QDate(2026, 4, 1);
    input.notices = {notice};
    input.letterDate = QDate(2025, 9, 30);
    auto letter = LetterDocument::build(letterTemplate, input);
    QVERIFY2(letter.isOk(), qPrintable(letter.error()));
    QTextDocument &document = letter.value()->document();
    QCOMPARE(letter.value()->pageCount(), 1); // laid out, so every image was asked for
    for (const QString &source : sources) {
        QVERIFY2(document.resource(QTextDocument::ImageResource, QUrl(source)).isNull(),
                 qPrintable(source));
    }
    auto *locked = qobject_cast<LockedTextDocument *>(&document);
    QVERIFY(locked);
    QVERIFY(locked->refusedLoads() >= sources.size());
    // User text with markup is text: it shows as typed and asks for nothing.
    QVERIFY(document.toPlainText().contains(input.provider.name));
    QVERIFY(document.toPlainText().contains(notice.service));
    // The PDF draws no image either.
    const auto pdf = LetterExporter::pdfBytes(*letter.value());
    QVERIFY(pdf.isOk());
    QVERIFY(!pdf.value().contains("/Subtype /Image"));
    // Nor does the editable copy: Qt's ODT writer would otherwise read the image files itself.
    auto editable = LetterDocument::build(letterTemplate, input, LetterDocument::Use::Edit);
    QVERIFY(editable.isOk());
    const auto odt = LetterExporter::odtBytes(*editable.value());
    QVERIFY(odt.isOk());
    const QString odtPath = path(QStringLiteral("images.odt"));
    QFile odtFile(odtPath);
    QVERIFY(odtFile.open(QIODevice::WriteOnly));
    odtFile.write(odt.value());
    odtFile.close();
    const Run listing = run(QStringLiteral("unzip"), {QStringLiteral("-l"), odtPath});
    QCOMPARE(listing.exitCode, 0);
    QVERIFY2(!listing.out.contains(QLatin1String("Pictures/")), qPrintable(listing.out));
    QVERIFY(!odt.value().contains("PNG"));
}

void TestLetters::writesAnEditableOdtDocument()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    plan.addProvider(hostileName, {QStringLiteral("Minor injuries"), QStringLiteral("Podiatry")});
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    options.format = LetterFormat::Odt;
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    const ExportedLetter &letter = report.value().letters.constFirst();
    QVERIFY(letter.fileName.endsWith(QLatin1String(".odt")));
    QCOMPARE(QString::fromLatin1(PlanFixtures::fileHash(letter.filePath)), letter.sha256);
    const Run mimetype = run(QStringLiteral("unzip"), {QStringLiteral("-p"), letter.filePath,
                                                       QStringLiteral("mimetype")});
    QCOMPARE(mimetype.out, QStringLiteral("application/vnd.oasis.opendocument.text"));
    const Run content = run(QStringLiteral("unzip"), {QStringLiteral("-p"), letter.filePath,
                                                      QStringLiteral("content.xml")});
    QCOMPARE(content.exitCode, 0);
    // XML text: the hostile name escaped once, as XML, and so read back literally.
    QVERIFY2(content.out.contains(QStringLiteral("&lt;b&gt;A&amp;E&lt;/b&gt; &quot;Trust&quot; O'Neil")),
             qPrintable(content.out.left(400)));
    // The template's images are not in the editable copy either (the ODT writer would load them).
    const Run listing = run(QStringLiteral("unzip"), {QStringLiteral("-l"), letter.filePath});
    QVERIFY2(!listing.out.contains(QLatin1String("Pictures/")), qPrintable(listing.out));
    for (const char *expected : {"Minor injuries", "Podiatry", "1 April 2026", "Sam Signer"})
        QVERIFY2(content.out.contains(QLatin1String(expected)), expected);
    QVERIFY(!content.out.contains(QStringLiteral("{{")));
    // Word and LibreOffice do not have the bundled letter font; the editable copy names Arial.
    QVERIFY2(!content.out.contains(QLatin1String(LetterDocument::fontFamily)),
             "the ODT names the bundled font");
}

void TestLetters::cancelledBatchLeavesOnlyWholeLettersAndACorrectIndex()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    for (int i = 0; i < 30; ++i)
        plan.addProvider(QStringLiteral("Provider %1").arg(i, 2, 10, QChar(u'0')),
                         {QStringLiteral("Service A"), QStringLiteral("Service B")});
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    int calls = 0;
    const auto report = LetterExporter(plan.stores()).exportBatch(
        options, [&calls](int written, int planned, const QString &) {
            ++calls;
            return !(written == 5 && planned == 30);
        });
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QVERIFY(report.value().cancelled);
    QCOMPARE(calls, 5);
    QCOMPARE(report.value().letters.size(), 5);
    QStringList expected{QStringLiteral("index.csv")};
    for (int i = 0; i < 5; ++i)
        expected << QStringLiteral("Provider %1.pdf").arg(i, 2, 10, QChar(u'0'));
    expected.sort();
    QCOMPARE(filesIn(options.directory), expected); // no half-written or temporary file
    for (const ExportedLetter &letter : report.value().letters) {
        QCOMPARE(pdfPages(letter.filePath), letter.pages);
        QVERIFY(pdfContains(letter.filePath, letter.providerName));
    }
    const QList<QStringList> rows = indexRows(report.value().indexPath);
    QCOMPARE(rows.size(), 6);
    for (int i = 1; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).constFirst(), QStringLiteral("Provider %1").arg(i - 1, 2, 10, QChar(u'0')));
    int recorded = 0;
    const QList<Provider> providers = plan.stores().providers().list().value();
    for (const Provider &provider : providers)
        recorded += int(plan.stores().letters().listForProvider(provider.id).value().size());
    QCOMPARE(recorded, 5);
}

void TestLetters::failedBatchLeavesOnlyWholeLettersAndACorrectIndex()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    for (int i = 0; i < 6; ++i)
        plan.addProvider(QStringLiteral("Provider %1").arg(i), {QStringLiteral("Service")});
    const QString outDir = path(QStringLiteral("out"));
    // A folder where the fourth letter should go: that file cannot be written.
    QVERIFY(QDir().mkpath(QDir(outDir).filePath(QStringLiteral("Provider 3.pdf"))));
    LetterBatchOptions options;
    options.directory = outDir;
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().contains(QStringLiteral("Provider 3.pdf")), qPrintable(report.error()));
    QVERIFY2(report.error().contains(QStringLiteral("after 3 of 6 letters")), qPrintable(report.error()));
    QCOMPARE(filesIn(outDir), (QStringList{QStringLiteral("Provider 0.pdf"), QStringLiteral("Provider 1.pdf"),
                                           QStringLiteral("Provider 2.pdf"), QStringLiteral("index.csv")}));
    QCOMPARE(indexRows(QDir(outDir).filePath(QStringLiteral("index.csv"))).size(), 4);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(pdfPages(QDir(outDir).filePath(QStringLiteral("Provider %1.pdf").arg(i))), 1);
}

void TestLetters::refusesAnInvalidTemplateBeforeWritingAnything()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    plan.addProvider(QStringLiteral("First Trust"), {QStringLiteral("Wheelchairs")});
    QVERIFY(plan.stores().templates().save(QLatin1String(LetterTemplateStore::noticeLetterName),
                                           QStringLiteral("Dear {{provider.nmae}}")));
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().contains(QStringLiteral("line 1, column 6: unknown merge field")),
             qPrintable(report.error()));
    QVERIFY(!QFileInfo::exists(options.directory) || filesIn(options.directory).isEmpty());

    // The plan's own valid template is used for the letter.
    QVERIFY(plan.stores().templates().save(QLatin1String(LetterTemplateStore::noticeLetterName),
                                           QStringLiteral("<p>Our own letter to {{provider.name}}</p>")));
    const auto written = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY2(written.isOk(), qPrintable(written.error()));
    QVERIFY(pdfContains(written.value().letters.constFirst().filePath,
                        QStringLiteral("Our own letter to First Trust")));
}

void TestLetters::refusesANoticeWithoutAnEffectiveDateBeforeWritingAnything()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    plan.addProvider(QStringLiteral("First Trust"), {QStringLiteral("Wheelchairs")});
    const Id second = plan.addProvider(QStringLiteral("Second Trust"), {QStringLiteral("Podiatry")});
    ContractNotice undated = plan.stores().notices().listForProvider(second).value().constFirst();
    undated.effectiveDate = QDate();
    QVERIFY(plan.stores().notices().update(undated));
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().contains(QStringLiteral("has no effective date")), qPrintable(report.error()));
    QVERIFY2(report.error().contains(QStringLiteral("Second Trust")), qPrintable(report.error()));
    QVERIFY(!QFileInfo::exists(options.directory) || filesIn(options.directory).isEmpty());
    QVERIFY(plan.stores().letters().listForProvider(second).value().isEmpty());
}

void TestLetters::exportsTheLetterOfOneProvider()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    plan.addProvider(QStringLiteral("First Trust"), {QStringLiteral("Wheelchairs")});
    const Id second = plan.addProvider(QStringLiteral("Second Trust"), {QStringLiteral("Podiatry")});
    LetterBatchOptions options;
    options.directory = path(QStringLiteral("out"));
    options.providerId = second;
    const auto report = LetterExporter(plan.stores()).exportBatch(options);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().letters.size(), 1);
    QCOMPARE(report.value().letters.constFirst().providerId, second);
    QCOMPARE(filesIn(options.directory),
             (QStringList{QStringLiteral("Second Trust.pdf"), QStringLiteral("index.csv")}));
}

void TestLetters::resendsAnIssuedNoticeChangedSinceItsLetter()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    const Id told = plan.addProvider(QStringLiteral("Told Trust"), {QStringLiteral("Wheelchairs")});
    const Id changed = plan.addProvider(QStringLiteral("Changed Trust"), {QStringLiteral("Podiatry")});
    for (Id provider : {told, changed}) {
        ContractNotice notice = plan.stores().notices().listForProvider(provider).value().constFirst();
        notice.status = NoticeStatus::Issued;
        QVERIFY(plan.stores().notices().update(notice));
        LetterRecord sent;
        sent.providerId = provider;
        sent.noticeIds = {notice.id};
        sent.fileName = QStringLiteral("earlier.pdf");
        sent.sha256 = QString(64, u'a');
        // One letter went out after the notice's last change, the other before it.
        sent.issuedAt = QDateTime::currentDateTimeUtc().addSecs(provider == told ? 3600 : -3600);
        QVERIFY(plan.stores().letters().record(sent));
    }
    const auto letters = LetterExporter(plan.stores()).letters();
    QVERIFY(letters.isOk());
    QCOMPARE(letters.value().size(), 1);
    QCOMPARE(letters.value().constFirst().provider.id, changed);
    QCOMPARE(letters.value().constFirst().notices.constFirst().service, QStringLiteral("Podiatry"));
}

void TestLetters::splitsAPdfIntoCompleteParts()
{
    TestPlan plan(path(QStringLiteral("plan.sqlite")));
    plan.addProvider(QStringLiteral("First Trust"), {QStringLiteral("Wheelchairs")});
    QStringList many;
    for (int i = 0; i < 30; ++i)
        many << QStringLiteral("Service %1").arg(i);
    plan.addProvider(QStringLiteral("Second Trust"), many);
    plan.addProvider(QStringLiteral("Third Trust"), {QStringLiteral("Podiatry")});
    const auto letters = LetterExporter(plan.stores()).letters().value();
    const LetterTemplate letterTemplate(LetterDocument::defaultTemplateSource());
    std::vector<std::unique_ptr<LetterDocument>> documents;
    QList<const LetterDocument *> pointers;
    for (const LetterInput &input : letters) {
        documents.push_back(std::move(LetterDocument::build(letterTemplate, input).value()));
        pointers << documents.back().get();
    }
    const auto files = LetterExporter::pdfFiles(pointers);
    QVERIFY2(files.isOk(), qPrintable(files.error()));
    QCOMPARE(files.value().size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QString file = path(QStringLiteral("part%1.pdf").arg(i));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(files.value().at(i));
        out.close();
        const Run info = run(QStringLiteral("pdfinfo"), {file});
        QVERIFY2(info.err.isEmpty(), qPrintable(info.err));
        QCOMPARE(pdfPages(file), pointers.at(i)->pageCount());
        QVERIFY(info.out.contains(QStringLiteral("Contract notice to %1").arg(letters.at(i).provider.name)));
        QVERIFY(pdfContains(file, letters.at(i).provider.name));
        // Each part holds only its own letter.
        for (int j = 0; j < 3; ++j) {
            if (j != i)
                QVERIFY(!pdfContains(file, letters.at(j).provider.name));
        }
    }
    QVERIFY(pointers.at(1)->pageCount() >= 2);
    // Page counts that do not add up are refused.
    QVERIFY(!PdfSplitter::split(files.value().constFirst(), {{2, {}}}, {}, QDateTime::currentDateTimeUtc()).isOk());
    QVERIFY(!PdfSplitter::split(QByteArray("not a pdf"), {{1, {}}}, {}, QDateTime::currentDateTimeUtc()).isOk());
}

void TestLetters::commandLineExportsAndPrintsOneLinePerLetter()
{
    const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir->path()));
    const QString outDir = path(QStringLiteral("letters"));
    const Run exported = planner({QStringLiteral("--plan"), plan, QStringLiteral("--export-letters"), outDir});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    const QStringList lines = exported.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 7);
    for (const QString &line : lines) {
        const QStringList fields = line.split(u'\t');
        QCOMPARE(fields.size(), 4);
        QVERIFY(QFileInfo(fields.at(1)).absolutePath() == QFileInfo(outDir).absoluteFilePath());
        QVERIFY(pdfContains(fields.at(1), fields.at(0)));
        QVERIFY(!fields.at(2).isEmpty());
        QCOMPARE(fields.at(3), QString::fromLatin1(PlanFixtures::fileHash(fields.at(1))));
    }
    QVERIFY(lines.constFirst().startsWith(QLatin1String("Barking, Havering and Redbridge")));

    const QString oneDir = path(QStringLiteral("one"));
    const Run one = planner({QStringLiteral("--plan"), plan, QStringLiteral("--export-letters"), oneDir,
                             QStringLiteral("--provider"), QStringLiteral("homerton"),
                             QStringLiteral("--format"), QStringLiteral("odt")});
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    QCOMPARE(filesIn(oneDir), (QStringList{QStringLiteral("Homerton Healthcare NHS Foundation Trust.odt"),
                                           QStringLiteral("index.csv")}));
    const Run ambiguous = planner({QStringLiteral("--plan"), plan, QStringLiteral("--export-letters"), oneDir,
                                   QStringLiteral("--provider"), QStringLiteral("NHS")});
    QCOMPARE(ambiguous.exitCode, 64);
    QVERIFY2(ambiguous.err.contains(QStringLiteral("matches")), qPrintable(ambiguous.err));
}

void TestLetters::commandLineChecksNoticesAndFailsOnAProblem()
{
    const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir->path()));
    const Run checked = planner({QStringLiteral("--plan"), plan, QStringLiteral("--check-notices")});
    QCOMPARE(checked.exitCode, 1);
    QStringList errors;
    for (const QString &line : checked.out.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("error\t")))
            errors << line;
    }
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().startsWith(QStringLiteral("error\tshort_notice\tnotice ")),
             qPrintable(errors.constFirst()));
    QVERIFY(errors.constFirst().contains(QStringLiteral("only 5 months")));
    QVERIFY(errors.constFirst().contains(QStringLiteral("Fix: ")));
    QVERIFY(checked.out.contains(QStringLiteral("approved_without_letter")));

    // After the letters are exported, only the short notice remains.
    QCOMPARE(planner({QStringLiteral("--plan"), plan, QStringLiteral("--export-letters"),
                      path(QStringLiteral("letters"))})
                 .exitCode,
             0);
    const Run after = planner({QStringLiteral("--plan"), plan, QStringLiteral("--check-notices")});
    QCOMPARE(after.exitCode, 1);
    QCOMPARE(after.out.split(u'\n', Qt::SkipEmptyParts).size(), 1);

    // A plan whose notices are all in order passes.
    TestPlan clean(path(QStringLiteral("clean.sqlite")));
    const Run ok = planner({QStringLiteral("--plan"), path(QStringLiteral("clean.sqlite")),
                            QStringLiteral("--check-notices")});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.isEmpty());
}

void TestLetters::commandLineRefusesAnUnknownFormat()
{
    const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir->path()));
    const Run bad = planner({QStringLiteral("--plan"), plan, QStringLiteral("--export-letters"),
                             path(QStringLiteral("x")), QStringLiteral("--format"), QStringLiteral("docx")});
    QCOMPARE(bad.exitCode, 64);
    QVERIFY2(bad.err.contains(QStringLiteral("pdf or odt")), qPrintable(bad.err));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("x"))));
}

QTEST_MAIN(TestLetters)
#include "tst_letters.moc"
