#include "csvreader.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Rows = QList<QStringList>;

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void readsWellFormedInput_data();
    void readsWellFormedInput();
    void numbersRowsByThePhysicalLineTheyStartOn();
    void refusesBadInputNamingTheLine_data();
    void refusesBadInputNamingTheLine();
    void refusesAnEmptyFile_data();
    void refusesAnEmptyFile();
    void readsTheDemoIntentionsFile();
    void readsAFile();
    void reportsAFileThatCannotBeOpened();
    void prefixesFileErrorsWithTheFileName();
    void readsFromADevice();
    void refusesADeviceThatIsNotOpen();
    void findsColumnsByNameInAnyCase();
};

void TestCsvReader::readsWellFormedInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<Rows>("rows");

    const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("LF line ends") << QByteArray("a,b\n1,2\n3,4\n") << ab
                                  << Rows{{"1", "2"}, {"3", "4"}};
    QTest::newRow("CRLF line ends")
        << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab << Rows{{"1", "2"}, {"3", "4"}};
    QTest::newRow("lone CR line ends") << QByteArray("a,b\r1,2\r") << ab << Rows{{"1", "2"}};
    QTest::newRow("no line end after the last row")
        << QByteArray("a,b\r\n1,2") << ab << Rows{{"1", "2"}};
    QTest::newRow("header only") << QByteArray("a,b\r\n") << ab << Rows{};
    QTest::newRow("quoted comma") << QByteArray("a,b\n\"x, y\",z\n") << ab << Rows{{"x, y", "z"}};
    QTest::newRow("doubled quotes")
        << QByteArray("a,b\n\"say \"\"yes\"\"\",\"\"\"\"\n") << ab << Rows{{"say \"yes\"", "\""}};
    QTest::newRow("empty quoted field") << QByteArray("a,b\n\"\",x\n") << ab << Rows{{"", "x"}};
    QTest::newRow("quoted field spanning lines (LF)")
        << QByteArray("a,b\n\"one\ntwo\",3\n") << ab << Rows{{"one\ntwo", "3"}};
    QTest::newRow("quoted field spanning lines (CRLF kept)")
        << QByteArray("a,b\r\n\"one\r\ntwo\",3\r\n") << ab << Rows{{"one\r\ntwo", "3"}};
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n1,,3\n") << QStringList{"a", "b", "c"}
                                  << Rows{{"", "", ""}, {"1", "", "3"}};
    QTest::newRow("trailing empty field") << QByteArray("a,b\n1,\n") << ab << Rows{{"1", ""}};
    QTest::newRow("spaces kept") << QByteArray("a,b\n 1 , 2\n") << ab << Rows{{" 1 ", " 2"}};
    QTest::newRow("BOM stripped") << QByteArray("\xEF\xBB\xBF"
                                                "a,b\n1,2\n")
                                  << ab << Rows{{"1", "2"}};
    QTest::newRow("blank lines skipped")
        << QByteArray("a,b\n\n1,2\r\n\r\n3,4\n\n") << ab << Rows{{"1", "2"}, {"3", "4"}};
    QTest::newRow("UTF-8 text") << QByteArray("a,b\n2026/27 – 2030/31,✓\n") << ab
                                << Rows{
                                       {QStringLiteral("2026/27 – 2030/31"), QStringLiteral("✓")}};
    QTest::newRow("single column")
        << QByteArray("name\nx\n") << QStringList{"name"} << Rows{{"x"}};
}

void TestCsvReader::readsWellFormedInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(Rows, rows);

    const auto table = CsvReader::read(input);
    QVERIFY2(table.isOk(), qPrintable(table.error()));
    QCOMPARE(table.value().header, header);
    QCOMPARE(table.value().rows, rows);
    QCOMPARE(table.value().rowLines.size(), rows.size());
}

void TestCsvReader::numbersRowsByThePhysicalLineTheyStartOn()
{
    const QByteArray input("h1,h2\r\n" // 1
                           "a,\"multi\r\n" // 2
                           "line\r\n" // 3
                           "field\"\r\n" // 4
                           "\r\n" // 5 (blank)
                           "b,c\r\n" // 6
                           "\"x\ny\",\"p\"\"\nq\"\n" // 7-9
                           "d,e\n"); // 10
    const auto table = CsvReader::read(input);
    QVERIFY2(table.isOk(), qPrintable(table.error()));
    QCOMPARE(table.value().rowLines, (QList<int>{2, 6, 7, 10}));
    QCOMPARE(table.value().rows.at(2), (QStringList{"x\ny", "p\"\nq"}));
}

void TestCsvReader::refusesBadInputNamingTheLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("what");

    QTest::newRow("first line empty") << QByteArray("\na,b\n1,2\n") << 1 << "no header";
    QTest::newRow("header column without a name")
        << QByteArray("a,,c\n1,2,3\n") << 1 << "no header";
    QTest::newRow("unterminated quote at the end")
        << QByteArray("a,b\n1,2\n3,\"open\n") << 3 << "never closed";
    QTest::newRow("unterminated quote reported where it opened")
        << QByteArray("a,b\n\"open,1\n2,3\n4,5\n") << 2 << "unterminated";
    QTest::newRow("stray quote in unquoted field")
        << QByteArray("a,b\n1,2\n3,4 \"inch\"\n") << 3 << "stray quote";
    QTest::newRow("text after the closing quote")
        << QByteArray("a,b\n\"x\"y,2\n") << 2 << "after the closing quote";
    QTest::newRow("space after the closing quote")
        << QByteArray("a,b\n1,2\n\"x\" ,2\n") << 3 << "after the closing quote";
    QTest::newRow("too few fields")
        << QByteArray("a,b,c\n1,2,3\n4,5\n") << 3 << "2 fields, but the header has 3 columns";
    QTest::newRow("too many fields")
        << QByteArray("a,b\n1,2,3\n") << 2 << "3 fields, but the header has 2 columns";
    QTest::newRow("wrong count after a multi-line field")
        << QByteArray("a,b\n\"1\n2\n3\",x\ny\n") << 5 << "1 fields, but the header has 2 columns";
    QTest::newRow("Latin-1 byte") << QByteArray("a,b\n1,2\n3,caf\xE9\n") << 3 << "not valid UTF-8";
    QTest::newRow("invalid byte 0xFF")
        << QByteArray("a,b\n1,2\n3,4\n\xFF,5\n") << 4 << "not valid UTF-8";
    QTest::newRow("overlong encoding") << QByteArray("a,b\n\xC0\x80,1\n") << 2 << "not valid UTF-8";
    QTest::newRow("surrogate") << QByteArray("a,b\n\xED\xA0\x80,1\n") << 2 << "not valid UTF-8";
    QTest::newRow("truncated sequence at the end")
        << QByteArray("a,b\r\n1,\xE2\x80") << 2 << "not valid UTF-8";
    QTest::newRow("invalid UTF-8 in the header")
        << QByteArray("a\xFE,b\n1,2\n") << 1 << "not valid UTF-8";
    QTest::newRow("invalid UTF-8 inside a multi-line field")
        << QByteArray("a,b\r\n\"x\r\ny\xC3\",1\r\n") << 3 << "not valid UTF-8";
    QTest::newRow("NUL byte") << QByteArray("a,b\n1,2\n3,\0\n", 11) << 3 << "NUL";
}

void TestCsvReader::refusesBadInputNamingTheLine()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(QString, what);

    const auto table = CsvReader::read(input);
    QVERIFY(!table.isOk());
    QVERIFY2(table.error().startsWith(QStringLiteral("line %1: ").arg(line)),
             qPrintable(table.error()));
    QVERIFY2(table.error().contains(what), qPrintable(table.error()));
}

void TestCsvReader::refusesAnEmptyFile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("no bytes") << QByteArray();
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("only line ends") << QByteArray("\r\n\r\n");
}

void TestCsvReader::refusesAnEmptyFile()
{
    QFETCH(QByteArray, input);
    const auto table = CsvReader::read(input);
    QVERIFY(!table.isOk());
    QVERIFY2(table.error().contains(QStringLiteral("empty")), qPrintable(table.error()));
}

void TestCsvReader::readsTheDemoIntentionsFile()
{
    const auto table
        = CsvReader::readFile(QStringLiteral(CIPLANNER_DEMO_DIR "/nel-2026-27-intentions.csv"));
    QVERIFY2(table.isOk(), qPrintable(table.error()));
    QCOMPARE(table.value().header.size(), 8);
    QCOMPARE(table.value().rows.size(), 145); // NOTES.md
    for (const QStringList &row : table.value().rows)
        QCOMPARE(row.size(), 8);
    // No quoted field in the demo spans lines, so row n sits on line n + 1.
    QCOMPARE(table.value().rowLines.first(), 2);
    QCOMPARE(table.value().rowLines.last(), 146);
}

void TestCsvReader::readsAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("x.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name,notes\r\nHavering,\"A, B\"\r\n");
    file.close();
    const auto table = CsvReader::readFile(file.fileName());
    QVERIFY2(table.isOk(), qPrintable(table.error()));
    QCOMPARE(table.value().rows, (Rows{{"Havering", "A, B"}}));
}

void TestCsvReader::reportsAFileThatCannotBeOpened()
{
    QTemporaryDir dir;
    const auto missing = CsvReader::readFile(dir.filePath(QStringLiteral("missing.csv")));
    QVERIFY(!missing.isOk());
    QVERIFY2(missing.error().startsWith(QStringLiteral("Cannot open")),
             qPrintable(missing.error()));
    QVERIFY(missing.error().contains(QStringLiteral("missing.csv")));

    const auto folder = CsvReader::readFile(dir.path());
    QVERIFY(!folder.isOk());
    QVERIFY2(folder.error().contains(QStringLiteral("folder")), qPrintable(folder.error()));
}

void TestCsvReader::prefixesFileErrorsWithTheFileName()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("bad.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,2\n3\n");
    file.close();
    const auto table = CsvReader::readFile(file.fileName());
    QVERIFY(!table.isOk());
    QVERIFY2(table.error().contains(QStringLiteral("bad.csv")), qPrintable(table.error()));
    QVERIFY2(table.error().contains(QStringLiteral("line 3: ")), qPrintable(table.error()));
}

void TestCsvReader::readsFromADevice()
{
    QByteArray bytes("a,b\n1,2\n");
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const auto table = CsvReader::read(&buffer);
    QVERIFY2(table.isOk(), qPrintable(table.error()));
    QCOMPARE(table.value().rows, (Rows{{"1", "2"}}));
}

void TestCsvReader::refusesADeviceThatIsNotOpen()
{
    QBuffer buffer;
    QVERIFY(!CsvReader::read(&buffer).isOk());
    QVERIFY(!CsvReader::read(static_cast<QIODevice *>(nullptr)).isOk());
}

void TestCsvReader::findsColumnsByNameInAnyCase()
{
    CsvTable table;
    table.header = QStringList{QStringLiteral("Portfolio"), QStringLiteral(" timeframe ")};
    QCOMPARE(table.column(u"portfolio"), 0);
    QCOMPARE(table.column(u"TIMEFRAME"), 1);
    QCOMPARE(table.column(u"intention"), -1);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
