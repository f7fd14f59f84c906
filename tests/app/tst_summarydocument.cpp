// The printed portfolio summary: the document's structure, and the PDF read back as a reader
// (or a screen reader, or a search) would: pdftotext, pdfinfo and pdffonts from poppler-utils.
#include "planfixtures.h"
#include "plansession.h"
#include "planstores.h"
#include "summarydocument.h"
#include "summaryexport.h"

#include <QBuffer>
#include <QPdfWriter>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextTable>

namespace {

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
    if (!process.waitForFinished(180000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

bool hasPoppler()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty();
}

QString normalised(const QString &text)
{
    return text.simplified();
}

// What an intention's row starts with: its title, or the words its title was cut from.
QString titleWords(const Intention &intention)
{
    QString title = intention.title.trimmed();
    if (title.endsWith(QChar(0x2026)))
        title.chop(1);
    // In-cell bullets are printed as a list: its marks are drawn, not text.
    return normalised(title.remove(QChar(0x2022)));
}

// Whether the words of wanted appear in order in words, each within reach of the one before:
// a table row that runs over a page break has the other columns' words and the page's head,
// foot and repeated table headings between its own, in the order a PDF reader extracts them.
bool containsInOrder(const QStringList &words, const QStringList &wanted, int reach = 80)
{
    if (wanted.isEmpty())
        return true;
    for (qsizetype start = words.indexOf(wanted.first()); start >= 0; start = words.indexOf(wanted.first(), start + 1)) {
        qsizetype at = start;
        bool found = true;
        for (qsizetype i = 1; i < wanted.size() && found; ++i) {
            const qsizetype next = words.indexOf(wanted.at(i), at + 1);
            found = next >= 0 && next - at <= reach;
            at = next;
        }
        if (found)
            return true;
    }
    return false;
}

int shiftTags(const QList<Intention> &intentions)
{
    int tags = 0;
    for (const Intention &i : intentions)
        tags += int(i.shiftCommunity) + int(i.shiftPrevention) + int(i.shiftDigital);
    return tags;
}

struct Word
{
    QRectF box;
    QString text;
};

struct Page
{
    QSizeF size;
    QList<Word> words;
};

// pdftotext -bbox writes XHTML: <page width= height=> with <word xMin= yMin= xMax= yMax=>text</word>.
QList<Page> wordBoxes(const QString &pdf)
{
    const Run result = run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    QList<Page> pages;
    static const QRegularExpression pageTag(QStringLiteral("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">"));
    static const QRegularExpression wordTag(QStringLiteral(
        "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    const QStringList lines = result.out.split(u'\n');
    for (const QString &line : lines) {
        if (const auto page = pageTag.match(line); page.hasMatch()) {
            pages.append({QSizeF(page.captured(1).toDouble(), page.captured(2).toDouble()), {}});
        } else if (const auto word = wordTag.match(line); word.hasMatch() && !pages.isEmpty()) {
            const double x0 = word.captured(1).toDouble();
            const double y0 = word.captured(2).toDouble();
            pages.last().words.append(
                {QRectF(QPointF(x0, y0), QPointF(word.captured(3).toDouble(), word.captured(4).toDouble())),
                 word.captured(5)});
        }
    }
    return pages;
}

constexpr double pointsPerMillimetre = 72.0 / 25.4;

} // namespace

class TestSummaryDocument : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        QVERIFY(!m_plan.isEmpty());
        auto session = PlanSession::open(m_plan);
        QVERIFY2(session.isOk(), qPrintable(session.error()));
        m_session = std::move(session.value());
    }

    void cleanupTestCase() { m_session.reset(); }

    void thePlanPackHoldsEveryPortfolioWithIntentions()
    {
        const auto data = SummaryData::load(m_session->stores());
        QVERIFY2(data.isOk(), qPrintable(data.error()));
        // The twelve portfolios of the intentions tables; the Forward Plan's others have none.
        QCOMPARE(data.value().portfolios.size(), 12);
        QCOMPARE(data.value().intentionCount(), 145);
        QCOMPARE(data.value().leftOut.size(), 18);
        for (const Portfolio &portfolio : data.value().portfolios)
            QVERIFY(!data.value().intentions.value(portfolio.id).isEmpty());
    }

    void choosesPortfoliosByNameInAnyCaseInThePlansOrder()
    {
        const auto ids = SummaryData::portfolioIds(m_session->stores(), {QStringLiteral("primary care"),
                                                                         QStringLiteral("Maternity and Neonatal")});
        QVERIFY2(ids.isOk(), qPrintable(ids.error()));
        const auto data = SummaryData::load(m_session->stores(), ids.value());
        QVERIFY(data.isOk());
        QCOMPARE(data.value().portfolios.size(), 2);
        QCOMPARE(data.value().portfolios.at(0).name, QStringLiteral("Maternity and Neonatal"));
        QCOMPARE(data.value().portfolios.at(1).name, QStringLiteral("Primary Care"));
    }

    void refusesAnUnknownPortfolioNamingTheOthers()
    {
        const auto ids = SummaryData::portfolioIds(m_session->stores(), {QStringLiteral("Dentistry")});
        QVERIFY(!ids.isOk());
        QVERIFY(ids.error().contains(QLatin1String("Dentistry")));
        QVERIFY(ids.error().contains(QLatin1String("Planned Care")));
    }

    void theDocumentHasACoverThenEachPortfolioOnItsOwnPages()
    {
        const auto data = SummaryData::load(m_session->stores());
        QVERIFY(data.isOk());
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
        const qreal margin = writer.resolution() * 20 / 25.4;
        const SummaryDocument summary(data.value());
        const SummaryDocument::Built built = summary.build(writer, QMarginsF(margin, margin, margin, margin));
        QCOMPARE(built.portfolioPages.size(), 12);
        QVERIFY(built.portfolioPages.first() >= 1); // the cover comes first
        for (int i = 1; i < built.portfolioPages.size(); ++i)
            QVERIFY(built.portfolioPages.at(i) > built.portfolioPages.at(i - 1));
        QCOMPARE(built.pageCount, int(built.pages.size()));
        for (const auto &page : built.pages)
            QVERIFY(!page.isEmpty()); // no blank paper

        const QString text = normalised(built.documentText().remove(QChar(0x2022)));
        QVERIFY(text.contains(QLatin1String("Commissioning intentions 2026/27")));
        for (const Portfolio &portfolio : data.value().portfolios)
            QVERIFY(text.contains(portfolio.name));

        // One intentions table per portfolio, a row per intention, its parts in order and each
        // within the text area of its page, after the portfolio's opening.
        const qreal textHeight = writer.pageLayout().fullRectPixels(writer.resolution()).height() - 2 * margin;
        QCOMPARE(built.tables.size(), 12);
        for (int t = 0; t < built.tables.size(); ++t) {
            const SummaryTable &table = *built.tables.at(t);
            const Portfolio &portfolio = data.value().portfolios.at(t);
            QCOMPARE(table.rowCount(), int(data.value().intentions.value(portfolio.id).size()));
            QList<SummaryDocument::Built::TablePart> parts;
            for (const auto &placed : built.tableParts) {
                if (placed.table == t)
                    parts.append(placed);
            }
            QVERIFY(!parts.isEmpty());
            QCOMPARE(parts.first().part.firstRow, 0);
            QCOMPARE(parts.first().part.from, 0.0);
            QVERIFY(!parts.first().part.continued());
            QVERIFY(parts.first().page >= built.portfolioPages.at(t));
            for (int p = 0; p < parts.size(); ++p) {
                const SummaryTable::Part &part = parts.at(p).part;
                QVERIFY(table.height(part) <= textHeight + 0.5);
                if (p == 0)
                    continue;
                const SummaryTable::Part &before = parts.at(p - 1).part;
                QVERIFY(part.continued() && part.newPage);
                QCOMPARE(parts.at(p).page, parts.at(p - 1).page + 1);
                if (before.to >= table.rowHeight(before.lastRow) - 0.01) {
                    QCOMPARE(part.firstRow, before.lastRow + 1);
                    QCOMPARE(part.from, 0.0);
                } else { // a row cut between lines goes on where it stopped
                    QCOMPARE(part.firstRow, before.lastRow);
                    QCOMPARE(part.from, before.to);
                }
            }
            QCOMPARE(parts.last().part.lastRow, table.rowCount() - 1);
            QCOMPARE(parts.last().part.to, table.rowHeight(table.rowCount() - 1));
        }
    }

    void aSinglePortfolioHasNoCover()
    {
        const auto ids = SummaryData::portfolioIds(m_session->stores(), {QStringLiteral("Diagnostics")});
        QVERIFY(ids.isOk());
        const auto data = SummaryData::load(m_session->stores(), ids.value());
        QVERIFY(data.isOk());
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter writer(&buffer);
        const SummaryDocument::Built built = SummaryDocument(data.value()).build(writer, QMarginsF(100, 100, 100, 100));
        QCOMPARE(built.portfolioPages, QList<int>{0});
        QVERIFY(!built.documentText().contains(QLatin1String("Portfolio summaries")));
    }

    void thePdfReadsBackWithEveryPortfolioIntentionAndTick()
    {
        if (!hasPoppler())
            QSKIP("pdftotext is not installed (packaging/install-deps.sh installs poppler-utils)");
        const auto data = SummaryData::load(m_session->stores());
        QVERIFY(data.isOk());
        const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("plan.pdf"));
        SummaryOptions options;
        options.printedOn = QDate(2026, 11, 22);
        const auto pages = SummaryExport::writePdf(data.value(), pdf, QPageLayout::Portrait, options);
        QVERIFY2(pages.isOk(), qPrintable(pages.error()));

        const Run text = run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                                           QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
        QCOMPARE(text.exitCode, 0);
        QString all = text.out;
        for (const Portfolio &portfolio : data.value().portfolios)
            QVERIFY2(all.contains(portfolio.name), qPrintable(portfolio.name));
        all = normalised(all.remove(QChar(0x2022)));
        // Words without their punctuation: a title cut at "pathways…" reads "pathways," in the
        // text, and "multi-morbidity" may wrap after its hyphen.
        const auto wordsOf = [](QString text) {
            static const QRegularExpression punctuation(QStringLiteral("[^\\w]"));
            QStringList words = text.replace(u'-', u' ').simplified().split(u' ');
            for (QString &word : words)
                word.remove(punctuation);
            words.removeAll(QString());
            return words;
        };
        const QStringList words = wordsOf(all);
        int tags = 0;
        for (const Portfolio &portfolio : data.value().portfolios) {
            for (const Intention &intention : data.value().intentions.value(portfolio.id))
                QVERIFY2(containsInOrder(words, wordsOf(titleWords(intention))), qPrintable(intention.title));
            tags += shiftTags(data.value().intentions.value(portfolio.id));
        }
        // The ticks of the tables, and the one the cover's note shows as an example.
        QCOMPARE(int(all.count(SummaryTable::tick())), tags + 1);
        // The timeline draws no bar for a timeframe it cannot read, and says so.
        QVERIFY(all.contains(QString::fromUtf8("needs review: “2026=2027”")));

        const Run info = run(QStringLiteral("pdfinfo"), {pdf});
        static const QRegularExpression pagesLine(QStringLiteral("Pages:\\s+(\\d+)"));
        const int reported = pagesLine.match(info.out).captured(1).toInt();
        QCOMPARE(reported, pages.value());
        // A cover and at least a page per portfolio; not pages of blank paper.
        QVERIFY2(reported >= 13 && reported <= 13 * 4, qPrintable(QString::number(reported)));
    }

    void noTextRunsIntoThePageMargins_data()
    {
        QTest::addColumn<QPageLayout::Orientation>("orientation");
        QTest::newRow("A4 portrait") << QPageLayout::Portrait;
        QTest::newRow("A4 landscape") << QPageLayout::Landscape;
    }

    void noTextRunsIntoThePageMargins()
    {
        QFETCH(QPageLayout::Orientation, orientation);
        if (!hasPoppler())
            QSKIP("pdftotext is not installed (packaging/install-deps.sh installs poppler-utils)");
        const auto data = SummaryData::load(m_session->stores());
        QVERIFY(data.isOk());
        const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("margins.pdf"));
        const auto pages = SummaryExport::writePdf(data.value(), pdf, orientation);
        QVERIFY(pages.isOk());
        const QList<Page> read = wordBoxes(pdf);
        QCOMPARE(read.size(), pages.value());
        const QMarginsF mm = SummaryExport::defaultMarginsMillimetres();
        const double left = mm.left() * pointsPerMillimetre;
        const double right = mm.right() * pointsPerMillimetre;
        const double textBottom = mm.bottom() * pointsPerMillimetre;
        const double edge = 10 * pointsPerMillimetre; // the head and foot stay 10 mm clear of the edge
        const double tolerance = 1.0;
        int words = 0;
        for (int p = 0; p < read.size(); ++p) {
            const Page &page = read.at(p);
            const QSizeF size = page.size;
            QCOMPARE(size.width() > size.height(), orientation == QPageLayout::Landscape);
            for (const Word &word : page.words) {
                ++words;
                const QString where = QStringLiteral("page %1, “%2” at %3,%4–%5,%6")
                                          .arg(p + 1)
                                          .arg(word.text)
                                          .arg(word.box.left())
                                          .arg(word.box.top())
                                          .arg(word.box.right())
                                          .arg(word.box.bottom());
                QVERIFY2(word.box.left() >= left - tolerance, qPrintable(where));
                QVERIFY2(word.box.right() <= size.width() - right + tolerance, qPrintable(where));
                QVERIFY2(word.box.top() >= edge, qPrintable(where));
                QVERIFY2(word.box.bottom() <= size.height() - edge, qPrintable(where));
                // Nothing of the text straddles the bottom of the text area into the footer.
                const double bottom = size.height() - textBottom;
                QVERIFY2(word.box.bottom() <= bottom + tolerance || word.box.top() >= bottom + 6, qPrintable(where));
            }
        }
        QVERIFY(words > 1000);
    }

    void everyPageOfAnIntentionsTableRepeatsItsTitleAndHeadings()
    {
        if (!hasPoppler())
            QSKIP("pdftotext is not installed (packaging/install-deps.sh installs poppler-utils)");
        // Diagnostics with sixty intentions, each with a word of its own.
        const SummaryData data = diagnosticsWith(60, 40);
        const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("long-table.pdf"));
        const auto pages = SummaryExport::writePdf(data, pdf);
        QVERIFY2(pages.isOk(), qPrintable(pages.error()));
        const QList<Page> read = wordBoxes(pdf);
        QCOMPARE(read.size(), pages.value());
        QHash<QString, int> seen;
        int tablePages = 0;
        for (int p = 0; p < read.size(); ++p) {
            QStringList words;
            for (const Word &word : read.at(p).words)
                words.append(word.text);
            bool rows = false;
            for (const QString &word : std::as_const(words)) {
                if (word.startsWith(QLatin1String("Marker"))) {
                    ++seen[word];
                    rows = true;
                }
            }
            if (!rows)
                continue;
            ++tablePages;
            const QString where = QStringLiteral("page %1").arg(p + 1);
            QVERIFY2(containsInOrder(words, {QStringLiteral("Diagnostics"), QStringLiteral("–"), QStringLiteral("Delivering"),
                                             QStringLiteral("the"), QStringLiteral("three"), QStringLiteral("strategic"),
                                             QStringLiteral("shifts")}, 8),
                     qPrintable(where));
            QVERIFY2(words.contains(QLatin1String("Timeframe")), qPrintable(where));
            QVERIFY2(containsInOrder(words, {QStringLiteral("Commissioning"), QStringLiteral("intention")}, 1),
                     qPrintable(where));
            QVERIFY2(containsInOrder(words, {QStringLiteral("Hospital"), QStringLiteral("to"), QStringLiteral("community")}, 8),
                     qPrintable(where));
        }
        QVERIFY2(tablePages >= 3, qPrintable(QString::number(tablePages)));
        // Every row printed once: none lost at a page break, none repeated.
        QCOMPARE(seen.size(), 60);
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }

    void aRowTallerThanAPageIsCutBetweenLinesAndLosesNothing()
    {
        if (!hasPoppler())
            QSKIP("pdftotext is not installed (packaging/install-deps.sh installs poppler-utils)");
        // Three intentions, the second with 1,500 words: more than two pages of its column.
        const SummaryData data = diagnosticsWith(3, 1, 2);
        const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("tall-row.pdf"));
        const auto pages = SummaryExport::writePdf(data, pdf);
        QVERIFY2(pages.isOk(), qPrintable(pages.error()));
        const QList<Page> read = wordBoxes(pdf);
        const QMarginsF mm = SummaryExport::defaultMarginsMillimetres();
        QStringList markers;
        QSet<int> pagesOfTheRow;
        for (int p = 0; p < read.size(); ++p) {
            const Page &page = read.at(p);
            for (const Word &word : page.words) {
                if (!word.text.startsWith(QLatin1String("Marker")))
                    continue;
                markers.append(word.text);
                if (word.text.startsWith(QLatin1String("Marker2x")))
                    pagesOfTheRow.insert(p);
                // Inside the text area: no line cut at the page's edge or drawn into the margins.
                const QString where = QStringLiteral("page %1, %2 at %3–%4").arg(p + 1).arg(word.text).arg(word.box.top()).arg(word.box.bottom());
                QVERIFY2(word.box.top() >= mm.top() * pointsPerMillimetre - 1, qPrintable(where));
                QVERIFY2(word.box.bottom() <= page.size.height() - mm.bottom() * pointsPerMillimetre + 1, qPrintable(where));
            }
        }
        QVERIFY2(pagesOfTheRow.size() >= 3, qPrintable(QString::number(pagesOfTheRow.size())));
        // Every word of every row once, in order.
        QStringList expected;
        for (int i = 1; i <= 3; ++i) {
            const int words = i == 2 ? 1500 : 1;
            for (int w = 1; w <= words; ++w)
                expected.append(marker(i, w));
        }
        QCOMPARE(markers, expected);
    }

    void printsWithThePageSetupOfThePrinter()
    {
        // What the print preview paints: the printer's paper, orientation and wider margins.
        const auto ids = SummaryData::portfolioIds(m_session->stores(), {QStringLiteral("Urgent and Emergency Care")});
        QVERIFY(ids.isOk());
        const auto data = SummaryData::load(m_session->stores(), ids.value());
        QVERIFY(data.isOk());
        const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(30, 25, 30, 25),
                                          QPageLayout::Millimeter));
        const auto pages = SummaryExport::print(data.value(), printer);
        QVERIFY2(pages.isOk(), qPrintable(pages.error()));
        QVERIFY(pages.value() >= 2);
        if (!hasPoppler())
            return;
        const QList<Page> read = wordBoxes(pdf);
        QCOMPARE(read.size(), pages.value());
        for (const Page &page : read) {
            QVERIFY(page.size.width() > page.size.height());
            for (const Word &word : page.words) {
                QVERIFY2(word.box.left() >= 30 * pointsPerMillimetre - 1, qPrintable(word.text));
                QVERIFY2(word.box.right() <= page.size.width() - 30 * pointsPerMillimetre + 1, qPrintable(word.text));
            }
        }
    }

    void fontsAreEmbedded()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdffonts")).isEmpty())
            QSKIP("pdffonts is not installed (packaging/install-deps.sh installs poppler-utils)");
        const auto ids = SummaryData::portfolioIds(m_session->stores(), {QStringLiteral("Planned Care")});
        QVERIFY(ids.isOk());
        const auto data = SummaryData::load(m_session->stores(), ids.value());
        QVERIFY(data.isOk());
        const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("fonts.pdf"));
        QVERIFY(SummaryExport::writePdf(data.value(), pdf).isOk());
        const Run fonts = run(QStringLiteral("pdffonts"), {pdf});
        QCOMPARE(fonts.exitCode, 0);
        const QStringList lines = fonts.out.split(u'\n', Qt::SkipEmptyParts).mid(2); // after the two header lines
        QVERIFY(!lines.isEmpty());
        for (const QString &line : lines) {
            // name, type (two words), encoding, then emb sub uni: "yes"/"no" each.
            const QStringList columns = line.simplified().split(u' ');
            QVERIFY2(columns.size() >= 7 && columns.at(columns.size() - 5) == QLatin1String("yes"), qPrintable(line));
        }
    }

    void theClosingPageListsTheNoticesLinkedToThePortfolio()
    {
        // A notice on an intention of Planned Care, and none on Diagnostics.
        PlanStores &stores = m_session->stores();
        const auto planned = SummaryData::portfolioIds(stores, {QStringLiteral("Planned Care")});
        QVERIFY(planned.isOk());
        const auto intentions = stores.intentions().listForPortfolio(planned.value().constFirst());
        QVERIFY(intentions.isOk() && !intentions.value().isEmpty());
        Provider provider;
        provider.name = QStringLiteral("Summary Test Community Trust");
        const auto providerId = stores.providers().create(provider);
        QVERIFY2(providerId.isOk(), qPrintable(providerId.error()));
        ContractNotice notice;
        notice.providerId = providerId.value();
        notice.kind = NoticeKind::Reduce;
        notice.service = QStringLiteral("Hand therapy clinics for the summary test");
        notice.summary = QStringLiteral("Fewer hospital sessions as community clinics open.");
        notice.issueDate = QDate(2025, 9, 30);
        notice.effectiveDate = QDate(2026, 4, 1);
        notice.intentionIds = {intentions.value().constFirst().id};
        const auto noticeId = stores.notices().create(notice);
        QVERIFY2(noticeId.isOk(), qPrintable(noticeId.error()));

        const auto ids = SummaryData::portfolioIds(stores, {QStringLiteral("Planned Care"), QStringLiteral("Diagnostics")});
        QVERIFY(ids.isOk());
        const auto data = SummaryData::load(stores, ids.value());
        QVERIFY(data.isOk());
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QPdfWriter writer(&buffer);
        const SummaryDocument::Built built = SummaryDocument(data.value()).build(writer, QMarginsF(100, 100, 100, 100));
        const QString text = normalised(built.documentText());
        QVERIFY(text.contains(QStringLiteral("Planned Care – Contract notices affecting the portfolio")));
        QVERIFY(text.contains(QLatin1String("Hand therapy clinics for the summary test")));
        QVERIFY(text.contains(QLatin1String("Summary Test Community Trust")));
        QVERIFY(!text.contains(QStringLiteral("Diagnostics – Contract notices affecting the portfolio")));
        QVERIFY(stores.notices().remove(noticeId.value()).isOk());
        QVERIFY(stores.providers().remove(providerId.value()).isOk());
    }

    void theSummaryJobWritesThePdfOfTheChosenPortfolios()
    {
        const QString pdf = QDir(m_dir.path()).filePath(QStringLiteral("job.pdf"));
        const Run result = run(QStringLiteral(CIPLANNER_BINARY),
                               {QStringLiteral("--plan"), m_plan, QStringLiteral("--summary"), pdf,
                                QStringLiteral("--portfolio"), QStringLiteral("Diagnostics"), QStringLiteral("--portfolio"),
                                QStringLiteral("end of life care"), QStringLiteral("--format"), QStringLiteral("landscape")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QLatin1String("2 portfolios, 27 intentions")), qPrintable(result.out));
        QVERIFY(QFile(pdf).size() > 10000);
        if (hasPoppler()) {
            const Run text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            QVERIFY(text.out.contains(QLatin1String("Diagnostics")));
            QVERIFY(text.out.contains(QLatin1String("End of Life Care")));
            QVERIFY(!text.out.contains(QStringLiteral("Primary Care –")));
            const Run info = run(QStringLiteral("pdfinfo"), {pdf});
            QVERIFY(info.out.contains(QLatin1String("842 x 595"))); // A4 landscape, in points
        }
    }

    void theSummaryJobRefusesWhatItCannotDo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown portfolio") << QStringList{QStringLiteral("--summary"), QStringLiteral("x.pdf"),
                                                          QStringLiteral("--portfolio"), QStringLiteral("Dentistry")}
                                           << QStringLiteral("no portfolio called “Dentistry”");
        QTest::newRow("not a pdf") << QStringList{QStringLiteral("--summary"), QStringLiteral("x.docx")}
                                   << QStringLiteral("ending in .pdf");
        QTest::newRow("unknown format") << QStringList{QStringLiteral("--summary"), QStringLiteral("x.pdf"),
                                                       QStringLiteral("--format"), QStringLiteral("A3")}
                                        << QStringLiteral("portrait or landscape");
    }

    void theSummaryJobRefusesWhatItCannotDo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        for (QString &argument : arguments) {
            if (argument.startsWith(QLatin1String("x.")))
                argument = QDir(m_dir.path()).filePath(argument);
        }
        const Run result = run(QStringLiteral(CIPLANNER_BINARY), QStringList{QStringLiteral("--plan"), m_plan} + arguments);
        QCOMPARE(result.exitCode, 64);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(!QFile::exists(QDir(m_dir.path()).filePath(QStringLiteral("x.pdf"))));
    }

private:
    static QString marker(int intention, int word)
    {
        return QStringLiteral("Marker%1x%2").arg(intention).arg(word, 4, 10, QLatin1Char('0'));
    }

    // The Diagnostics portfolio of the demo plan with `count` made-up intentions, tagged with
    // shifts in turn. Without `tall`: intention i is "Marker<i>" and words-1 more words. With it
    // (1-based): each is one marked word, and intention `tall` 1,500 marked words.
    SummaryData diagnosticsWith(int count, int words, int tall = 0)
    {
        const auto ids = SummaryData::portfolioIds(m_session->stores(), {QStringLiteral("Diagnostics")});
        if (!ids)
            return {};
        auto loaded = SummaryData::load(m_session->stores(), ids.value());
        if (!loaded)
            return {};
        SummaryData data = loaded.value();
        const Id portfolio = data.portfolios.first().id;
        const QList<Intention> demo = data.intentions.value(portfolio);
        QList<Intention> made;
        for (int i = 1; i <= count; ++i) {
            Intention intention = demo.at((i - 1) % demo.size());
            intention.title = QStringLiteral("Intention %1").arg(i);
            QStringList text;
            if (tall > 0) {
                for (int w = 1; w <= (i == tall ? 1500 : 1); ++w)
                    text.append(marker(i, w));
            } else {
                text.append(QStringLiteral("Marker%1").arg(i));
                for (int w = 1; w < words; ++w)
                    text.append(QStringLiteral("word"));
            }
            intention.text = text.join(u' ');
            intention.shiftCommunity = i % 2;
            intention.shiftPrevention = i % 3 == 0;
            intention.shiftDigital = i % 5 == 0;
            made.append(intention);
        }
        data.intentions.insert(portfolio, made);
        return data;
    }

    QTemporaryDir m_dir;
    QString m_plan;
    std::unique_ptr<PlanSession> m_session;
};

QTEST_MAIN(TestSummaryDocument)
#include "tst_summarydocument.moc"
