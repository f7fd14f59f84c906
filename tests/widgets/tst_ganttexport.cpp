// The timeline as PNG, SVG and PDF: rows named in a legend column, bars where the dates say,
// pages with the header repeated, and the rows and dates asked for (issue 4).
#include "ganttexport.h"
#include "ganttfixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPrinter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QColor Blue(0x00, 0x5E, 0xB8);
const QColor Pink(0xAE, 0x25, 0x73);

struct Plan
{
    GanttFixtureModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QStandardItem *primary = model.addPortfolio(QStringLiteral("Primary care"), Blue);
    QStandardItem *access = model.addArea(primary, QStringLiteral("Access"));
    QStandardItem *mental = model.addPortfolio(QStringLiteral("Mental health"), Pink);
    QStandardItem *crisis = model.addArea(mental, QStringLiteral("Crisis"));

    Plan()
    {
        model.addIntention(access, QStringLiteral("Same-day access hubs"), QStringLiteral("2026/27"));
        model.addIntention(access, QStringLiteral("Extended hours"), QStringLiteral("26/27 onwards"));
        model.addIntention(crisis, QStringLiteral("Crisis cafés"), QStringLiteral("2027/28 – 2028/29"));
        model.addIntention(crisis, QStringLiteral("Review typo"), QStringLiteral("2026-2828"));
    }
};

int pdfPages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray pdf = file.readAll();
    if (!pdf.startsWith("%PDF"))
        return -1;
    // Page objects, not the page tree ("/Type /Pages").
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    return int(QString::fromLatin1(pdf).count(page));
}
} // namespace

class TestGanttExport : public QObject
{
    Q_OBJECT

private slots:
    void exportsEveryRowDepthFirst();
    void exportsOnlyTheRowsUnderTheRootsGiven();
    void rangeDefaultsToWholeFinancialYears();
    void rangeIsTheOneAskedFor();
    void imageHasBarsWhereTheDatesSay();
    void writesPngFiles();
    void writesSvgWithTheRowTitles();
    void writesPdfPagesWithTheHeaderOnEach();
    void a3HoldsMoreRowsThanA4();
    void printsThePagesTheLayoutNeeds();
    void refusesOtherFileTypes();
};

void TestGanttExport::exportsEveryRowDepthFirst()
{
    Plan plan;
    const GanttExport exporter(&plan.model);
    QStringList titles;
    QList<int> depths;
    for (const auto &row : exporter.rows()) {
        titles << row.index.data().toString();
        depths << row.depth;
    }
    QCOMPARE(titles, QStringList({QStringLiteral("Primary care"), QStringLiteral("Access"),
                                  QStringLiteral("Same-day access hubs"), QStringLiteral("Extended hours"),
                                  QStringLiteral("Mental health"), QStringLiteral("Crisis"),
                                  QStringLiteral("Crisis cafés"), QStringLiteral("Review typo")}));
    QCOMPARE(depths, QList<int>({0, 1, 2, 2, 0, 1, 2, 2}));
}

void TestGanttExport::exportsOnlyTheRowsUnderTheRootsGiven()
{
    Plan plan;
    const GanttExport exporter(&plan.model, {}, {plan.mental->index()});
    QCOMPARE(exporter.rows().size(), 4);
    QCOMPARE(exporter.rows().constFirst().index.data().toString(), QStringLiteral("Mental health"));
    QCOMPARE(exporter.rows().constLast().index.data().toString(), QStringLiteral("Review typo"));
}

void TestGanttExport::rangeDefaultsToWholeFinancialYears()
{
    Plan plan;
    const GanttExport exporter(&plan.model);
    // 2026/27 to 2028/29; the typo's dates (none) and "onwards" (no end) add nothing.
    QCOMPARE(exporter.from(), QDate(2026, 4, 1));
    QCOMPARE(exporter.to(), QDate(2029, 3, 31));
}

void TestGanttExport::rangeIsTheOneAskedFor()
{
    Plan plan;
    GanttExportOptions options;
    options.from = QDate(2025, 4, 1);
    options.to = QDate(2031, 3, 31);
    const GanttExport exporter(&plan.model, options);
    QCOMPARE(exporter.from(), QDate(2025, 4, 1));
    QCOMPARE(exporter.to(), QDate(2031, 3, 31));
}

void TestGanttExport::imageHasBarsWhereTheDatesSay()
{
    Plan plan;
    GanttExportOptions options;
    options.from = QDate(2026, 4, 1);
    options.to = QDate(2029, 3, 31);
    options.chartWidth = 1096; // one pixel a day
    options.labelWidth = 300;
    options.legend = false;
    const GanttExport exporter(&plan.model, options);
    const QImage image = exporter.toImage(1.0);
    QCOMPARE(image.size(), exporter.sheetSize());
    // Row 2 ("Same-day access hubs", 2026/27) and row 6 ("Crisis cafés", 2027/28 – 2028/29).
    const int rowsTop = image.height() - 8 * options.rowHeight;
    auto pixel = [&](int row, QDate date) {
        const int x = options.labelWidth + int(QDate(2026, 4, 1).daysTo(date));
        return image.pixelColor(x, rowsTop + row * options.rowHeight + options.rowHeight / 2);
    };
    QCOMPARE(pixel(2, QDate(2026, 10, 1)), Blue);
    QVERIFY(pixel(2, QDate(2027, 10, 1)) != Blue);
    QCOMPARE(pixel(6, QDate(2028, 1, 1)), Pink);
    QVERIFY(pixel(6, QDate(2026, 10, 1)) != Pink);
}

void TestGanttExport::writesPngFiles()
{
    Plan plan;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeline.png"));
    const auto written = GanttExport(&plan.model).write(path);
    QVERIFY2(written.isOk(), qPrintable(written.error()));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 1000);
}

void TestGanttExport::writesSvgWithTheRowTitles()
{
    Plan plan;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeline.svg"));
    GanttExportOptions options;
    options.title = QStringLiteral("North East London");
    const auto written = GanttExport(&plan.model, options).write(path);
    QVERIFY2(written.isOk(), qPrintable(written.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    QVERIFY(svg.contains(QStringLiteral("<svg")));
    QVERIFY(svg.contains(QStringLiteral("North East London")));
    QVERIFY(svg.contains(QStringLiteral("Crisis cafés")));
    QVERIFY(svg.contains(QStringLiteral("2026-2828"))); // the raw text of the row needing review
    QVERIFY(svg.contains(QStringLiteral("2026/27")));    // the header's financial years
}

void TestGanttExport::writesPdfPagesWithTheHeaderOnEach()
{
    GanttFixtureModel model;
    QStandardItem *portfolio = model.addPortfolio(QStringLiteral("Primary care"), Blue);
    QStandardItem *area = model.addArea(portfolio, QStringLiteral("Access"));
    for (int i = 0; i < 120; ++i)
        model.addIntention(area, QStringLiteral("Intention %1").arg(i), QStringLiteral("2026-2029"));
    const GanttExport exporter(&model);
    const int expected = exporter.pageCount(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                                        QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter)
                                                .paintRectPixels(96)
                                                .size());
    QVERIFY(expected >= 3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeline.pdf"));
    const auto written = exporter.writePdf(path);
    QVERIFY2(written.isOk(), qPrintable(written.error()));
    QCOMPARE(pdfPages(path), expected);
}

void TestGanttExport::a3HoldsMoreRowsThanA4()
{
    GanttFixtureModel model;
    QStandardItem *portfolio = model.addPortfolio(QStringLiteral("Primary care"), Blue);
    QStandardItem *area = model.addArea(portfolio, QStringLiteral("Access"));
    for (int i = 0; i < 200; ++i)
        model.addIntention(area, QStringLiteral("Intention %1").arg(i), QStringLiteral("2026-2029"));
    const GanttExport exporter(&model);
    auto pages = [&](QPageSize::PageSizeId size) {
        return exporter.pageCount(QPageLayout(QPageSize(size), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                                              QPageLayout::Millimeter)
                                      .paintRectPixels(96)
                                      .size());
    };
    QVERIFY(pages(QPageSize::A3) < pages(QPageSize::A4));
}

void TestGanttExport::printsThePagesTheLayoutNeeds()
{
    GanttFixtureModel model;
    QStandardItem *portfolio = model.addPortfolio(QStringLiteral("Primary care"), Blue);
    QStandardItem *area = model.addArea(portfolio, QStringLiteral("Access"));
    for (int i = 0; i < 90; ++i)
        model.addIntention(area, QStringLiteral("Intention %1").arg(i), QStringLiteral("2026-2029"));
    const GanttExport exporter(&model);
    QTemporaryDir dir;
    // A printer at its own resolution lays the pages out as the PDF does (96 logical dpi).
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("printed.pdf")));
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A3), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                                      QPageLayout::Millimeter));
    const int expected = exporter.pageCount(printer.pageLayout().paintRectPixels(96).size());
    QCOMPARE(exporter.print(&printer), expected);
    QCOMPARE(pdfPages(printer.outputFileName()), expected);
}

void TestGanttExport::refusesOtherFileTypes()
{
    Plan plan;
    QTemporaryDir dir;
    const auto written = GanttExport(&plan.model).write(dir.filePath(QStringLiteral("timeline.docx")));
    QVERIFY(!written.isOk());
    QVERIFY(written.error().contains(QStringLiteral(".png, .svg or .pdf")));
}

QTEST_MAIN(TestGanttExport)
#include "tst_ganttexport.moc"
#include "moc_ganttfixture.cpp"
