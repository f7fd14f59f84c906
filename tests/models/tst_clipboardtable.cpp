// Cells between the grid and spreadsheets: Excel's tab-separated text and a simple HTML table.

#include "clipboardtable.h"

#include <QMimeData>
#include <QTest>

#include <memory>

using Cells = QList<QStringList>;

class TestClipboardTable : public QObject
{
    Q_OBJECT

private slots:
    void writesTsvWithExcelQuoting_data()
    {
        QTest::addColumn<Cells>("cells");
        QTest::addColumn<QString>("tsv");
        QTest::newRow("plain") << Cells{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("c"), QString()}}
                               << QStringLiteral("a\tb\r\nc\t\r\n");
        QTest::newRow("tab inside") << Cells{{QStringLiteral("a\tb")}} << QStringLiteral("\"a\tb\"\r\n");
        QTest::newRow("line break inside") << Cells{{QStringLiteral("two\nlines"), QStringLiteral("x")}}
                                           << QStringLiteral("\"two\nlines\"\tx\r\n");
        QTest::newRow("quotes doubled") << Cells{{QStringLiteral("say \"hi\"")}}
                                        << QStringLiteral("\"say \"\"hi\"\"\"\r\n");
        QTest::newRow("formula left alone") << Cells{{QStringLiteral("=SUM(A1)")}} << QStringLiteral("=SUM(A1)\r\n");
        QTest::newRow("nothing") << Cells{} << QString();
    }

    void writesTsvWithExcelQuoting()
    {
        QFETCH(Cells, cells);
        QFETCH(QString, tsv);
        QCOMPARE(ClipboardTable::toTsv(cells), tsv);
    }

    void readsTsvFromSpreadsheets_data()
    {
        QTest::addColumn<QString>("tsv");
        QTest::addColumn<Cells>("cells");
        QTest::newRow("excel, CRLF and a trailing line break")
            << QStringLiteral("a\tb\r\nc\td\r\n") << Cells{{QStringLiteral("a"), QStringLiteral("b")},
                                                         {QStringLiteral("c"), QStringLiteral("d")}};
        QTest::newRow("libreoffice, LF") << QStringLiteral("a\tb\nc\td\n")
                                         << Cells{{QStringLiteral("a"), QStringLiteral("b")},
                                                  {QStringLiteral("c"), QStringLiteral("d")}};
        QTest::newRow("no trailing line break") << QStringLiteral("a\tb") << Cells{{QStringLiteral("a"), QStringLiteral("b")}};
        QTest::newRow("one cell") << QStringLiteral("2026/27\r\n") << Cells{{QStringLiteral("2026/27")}};
        QTest::newRow("empty cells kept") << QStringLiteral("\t\tx\r\n\t\r\n")
                                          << Cells{{QString(), QString(), QStringLiteral("x")}, {QString(), QString()}};
        QTest::newRow("quoted multi-line cell") << QStringLiteral("\"line one\r\nline two\"\tnext\r\n")
                                                << Cells{{QStringLiteral("line one\nline two"), QStringLiteral("next")}};
        QTest::newRow("doubled quotes") << QStringLiteral("\"say \"\"hi\"\"\"\r\n") << Cells{{QStringLiteral("say \"hi\"")}};
        QTest::newRow("quote inside an unquoted field") << QStringLiteral("5\" screen\r\n")
                                                        << Cells{{QStringLiteral("5\" screen")}};
        QTest::newRow("empty line in the middle") << QStringLiteral("a\r\n\r\nb\r\n")
                                                  << Cells{{QStringLiteral("a")}, {QString()}, {QStringLiteral("b")}};
        QTest::newRow("nothing") << QString() << Cells{};
    }

    void readsTsvFromSpreadsheets()
    {
        QFETCH(QString, tsv);
        QFETCH(Cells, cells);
        QCOMPARE(ClipboardTable::fromTsv(tsv), cells);
    }

    void tsvRoundTrips()
    {
        const Cells cells{{QStringLiteral("Primary Care"), QStringLiteral("Tab\there"), QStringLiteral("“Quoted” \"text\"")},
                          {QStringLiteral("multi\nline\ncell"), QString(), QStringLiteral("2026/27 – 2028/29")},
                          {QString(), QString(), QString()}};
        QCOMPARE(ClipboardTable::fromTsv(ClipboardTable::toTsv(cells)), cells);
    }

    void htmlRoundTrips()
    {
        const Cells cells{{QStringLiteral("A & B"), QStringLiteral("<not a tag>")},
                          {QStringLiteral("two\nlines"), QStringLiteral("Café")}};
        const QString html = ClipboardTable::toHtml(cells);
        QVERIFY(html.contains(QStringLiteral("<table>")));
        QVERIFY(html.contains(QStringLiteral("A &amp; B")));
        QCOMPARE(ClipboardTable::fromHtml(html), cells);
    }

    void readsAnExcelHtmlTable()
    {
        const QString html = QStringLiteral(
            "<html><body><table border=0 x:str><col width=64>"
            "<tr height=20><td height=20 class=xl65>Agreed</td><td align=right>2026/27</td></tr>\r\n"
            "<tr><td>Line&nbsp;one<br style='mso-data-placement:same-cell'>two</td><td></td></tr>"
            "</table></body></html>");
        QCOMPARE(ClipboardTable::fromHtml(html),
                 (Cells{{QStringLiteral("Agreed"), QStringLiteral("2026/27")},
                        {QStringLiteral("Line one\ntwo"), QString()}}));
        QVERIFY(ClipboardTable::fromHtml(QStringLiteral("<p>no table</p>")).isEmpty());
    }

    void mimeDataCarriesBothAndPrefersText()
    {
        const Cells cells{{QStringLiteral("a"), QStringLiteral("b")}};
        std::unique_ptr<QMimeData> mime(ClipboardTable::toMimeData(cells));
        QVERIFY(mime->hasText());
        QVERIFY(mime->hasHtml());
        QCOMPARE(ClipboardTable::fromMimeData(mime.get()), cells);

        QMimeData htmlOnly;
        htmlOnly.setHtml(ClipboardTable::toHtml(cells));
        QCOMPARE(ClipboardTable::fromMimeData(&htmlOnly), cells);
        QVERIFY(ClipboardTable::fromMimeData(nullptr).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClipboardTable)
#include "tst_clipboardtable.moc"
