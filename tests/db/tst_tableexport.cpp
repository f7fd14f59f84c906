// Writing a grid's table to CSV and XLSX, read back the way a spreadsheet would.
#include "csvreader.h"
#include "tableexport.h"
#include "xlsxreader.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

ExportTable sampleTable()
{
    ExportTable table;
    table.header = {QStringLiteral("Portfolio"), QStringLiteral("Title"), QStringLiteral("Start"),
                    QStringLiteral("Hospital → community")};
    table.kinds = {ExportTable::ColumnKind::Text, ExportTable::ColumnKind::Text, ExportTable::ColumnKind::Date,
                   ExportTable::ColumnKind::Text};
    table.rows = {
        {QStringLiteral("Maternity and Neonatal"), QStringLiteral("Women's health hubs, in every place"),
         QStringLiteral("2026-04-01"), QStringLiteral("Y")},
        {QStringLiteral("Planned Care"), QStringLiteral("The \"virtual\" ward\nsecond line"), QString(), QString()},
        {QStringLiteral("Diagnostics"), QStringLiteral("Café – naïve ✓"), QStringLiteral("2027-03-31"),
         QStringLiteral("Y")},
    };
    return table;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTableExport : public QObject
{
    Q_OBJECT
private slots:
    void csvStartsWithAByteOrderMarkAndEndsLinesWithCrlf()
    {
        const QByteArray bytes = TableExport::csvBytes(sampleTable());
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("Portfolio,Title,Start,Hospital \xE2\x86\x92 community\r\n"));
        QVERIFY(bytes.endsWith("\r\n"));
    }

    void csvReadsBackCellForCell()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("view.csv"));
        const ExportTable table = sampleTable();
        QVERIFY(TableExport::write(path, table).isOk());
        const auto read = CsvReader::readFile(path);
        QVERIFY2(read.isOk(), qPrintable(read.error()));
        QCOMPARE(read.value().header, table.header);
        QCOMPARE(read.value().rows, table.rows);
    }

    void csvNeutralisesFormulaLikeText_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://x\")") << QStringLiteral("'=HYPERLINK(\"http://x\")");
        QTest::newRow("plus") << QStringLiteral("+1+2") << QStringLiteral("'+1+2");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("full-width equals") << QStringLiteral("\uFF1D1+1") << QStringLiteral("'\uFF1D1+1");
        QTest::newRow("timeframe with dash inside") << QStringLiteral("2026-2027") << QStringLiteral("2026-2027");
        QTest::newRow("equals inside") << QStringLiteral("a = b") << QStringLiteral("a = b");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("plain") << QStringLiteral("Ongoing") << QStringLiteral("Ongoing");
    }

    void csvNeutralisesFormulaLikeText()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        ExportTable table;
        table.header = {QStringLiteral("Title")};
        table.rows = {{cell}};
        const auto read = CsvReader::read(TableExport::csvBytes(table));
        QVERIFY2(read.isOk(), qPrintable(read.error()));
        QCOMPARE(read.value().rows.value(0).value(0), written);
    }

    void xlsxHoldsTheSameCells()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("view.xlsx"));
        const ExportTable table = sampleTable();
        const auto written = TableExport::write(path, table);
        QVERIFY2(written.isOk(), qPrintable(written.error()));
        const XlsxReader::Sheet sheet = XlsxReader::read(path);
        QVERIFY2(sheet.error.isEmpty(), qPrintable(sheet.error));
        QCOMPARE(sheet.rows.size(), table.rows.size() + 1);
        for (int column = 0; column < table.header.size(); ++column)
            QCOMPARE(sheet.text(0, column), table.header.at(column));
        for (int row = 0; row < table.rows.size(); ++row) {
            for (int column = 0; column < table.header.size(); ++column) {
                if (column == 2)
                    continue; // dates, below
                QCOMPARE(sheet.text(row + 1, column), table.rows.at(row).at(column));
            }
        }
    }

    void xlsxWritesDateColumnsAsSpreadsheetDates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dates.xlsx"));
        QVERIFY(TableExport::writeXlsx(path, sampleTable()).isOk());
        const XlsxReader::Sheet sheet = XlsxReader::read(path);
        QVERIFY2(sheet.error.isEmpty(), qPrintable(sheet.error));
        // Spreadsheet dates count days from 30 December 1899.
        const QDate epoch(1899, 12, 30);
        QCOMPARE(sheet.rows.at(1).at(2).isString, false);
        QCOMPARE(sheet.text(1, 2).toLongLong(), epoch.daysTo(QDate(2026, 4, 1)));
        QVERIFY(sheet.rows.at(1).at(2).style > 0); // formatted as a date, not a bare number
        QCOMPARE(sheet.text(2, 2), QString());
        QCOMPARE(sheet.text(3, 2).toLongLong(), epoch.daysTo(QDate(2027, 3, 31)));
    }

    void xlsxKeepsFormulaLikeTextAsPlainStrings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("formula.xlsx"));
        ExportTable table;
        table.header = {QStringLiteral("Title"), QStringLiteral("Lead")};
        table.rows = {{QStringLiteral("=1+1"), QStringLiteral("@cmd")}, {QStringLiteral("-3"), QStringLiteral("+44 20")}};
        QVERIFY(TableExport::writeXlsx(path, table).isOk());
        const XlsxReader::Sheet sheet = XlsxReader::read(path);
        QVERIFY2(sheet.error.isEmpty(), qPrintable(sheet.error));
        for (int row = 1; row <= 2; ++row) {
            for (int column = 0; column < 2; ++column) {
                const XlsxReader::Cell &cell = sheet.rows.at(row).at(column);
                QVERIFY(cell.isString);
                QVERIFY(!cell.hasFormula);
                QCOMPARE(cell.text, table.rows.at(row - 1).at(column));
            }
        }
    }

    void refusesASuffixItCannotWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("view.ods"));
        const auto written = TableExport::write(path, sampleTable());
        QVERIFY(!written.isOk());
        QVERIFY(written.error().contains(QLatin1String(".csv or .xlsx")));
        QVERIFY(!QFile::exists(path));
    }

    void refusesACellTooLongForASpreadsheetAndWritesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.xlsx"));
        ExportTable table;
        table.header = {QStringLiteral("Title"), QStringLiteral("Text")};
        table.rows = {{QStringLiteral("short"), QStringLiteral("fine")},
                      {QStringLiteral("long"), QString(TableExport::maxCellLength + 1, u'x')}};
        const auto written = TableExport::writeXlsx(path, table);
        QVERIFY(!written.isOk());
        QVERIFY2(written.error().contains(QLatin1String("row 3, column 2")), qPrintable(written.error()));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    void replacesAnExistingFileWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("view.xlsx"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("an older export");
        }
        QVERIFY(TableExport::write(path, sampleTable()).isOk());
        QVERIFY(readAll(path).startsWith("PK")); // a zip now
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void failsWithTheFileNameWhenTheFolderIsMissing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("csv") << QStringLiteral("view.csv");
        QTest::newRow("xlsx") << QStringLiteral("view.xlsx");
    }

    void failsWithTheFileNameWhenTheFolderIsMissing()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/") + name);
        const auto written = TableExport::write(path, sampleTable());
        QVERIFY(!written.isOk());
        QVERIFY2(written.error().contains(name), qPrintable(written.error()));
    }
};

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
