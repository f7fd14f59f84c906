#include "csvreader.h"
#include "database.h"
#include "intentioncsvimporter.h"
#include "syntheticplan.h"
#include "timeframe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

namespace {

const QString demoIntentions = QStringLiteral(CIPLANNER_DEMO_DIR "/nel-2026-27-intentions.csv");
const QByteArray header
    = "portfolio,programme_area,intention,timeframe,shift_community,shift_prevention,"
      "shift_digital,source_page\r\n";

QByteArray readDemo()
{
    QFile file(demoIntentions);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the demo CSV");
    return file.readAll();
}

CsvTable demoTable()
{
    auto table = CsvReader::read(readDemo());
    if (!table)
        qFatal("the demo CSV does not read: %s", qPrintable(table.error()));
    return table.value();
}

int scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return query.value(0).toInt();
}

struct Counts
{
    int portfolios = 0;
    int areas = 0;
    int intentions = 0;
    friend bool operator==(const Counts &, const Counts &) = default;
};

Counts counts(QSqlDatabase db)
{
    return {scalar(db, QStringLiteral("SELECT count(*) FROM portfolio")),
            scalar(db, QStringLiteral("SELECT count(*) FROM programme_area")),
            scalar(db, QStringLiteral("SELECT count(*) FROM intention"))};
}

// One CSV row's eight cells, joined as the file would write them.
QByteArray row(const QStringList &cells)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            line += ',';
        line += SyntheticPlan::csvField(cells.at(i));
    }
    return line + "\r\n";
}

QByteArray goodRow(int n)
{
    return row({QStringLiteral("Planned Care"), QStringLiteral("Outpatients"),
                QStringLiteral("Intention number %1.").arg(n), QStringLiteral("2026-27"),
                QStringLiteral("Y"), QString(), QString(), QStringLiteral("71")});
}

} // namespace

class TestIntentionImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void importsEveryRowOfTheDemoCsv();
    void keepsEachPortfoliosRowCountFromTheCsv();
    void countsTheShiftMarksOfTheCsv();
    void keepsEveryTimeframeByteForByte();
    void keepsTheTextAsBodyAndSourcePage();
    void storesWhatTheParserUnderstood();
    void duplicatesNothing();
    void createsProgrammeAreasPerPortfolio();
    void givesNewPortfoliosTheCoreGroupAndDistinctColours();
    void continuesOrdersAfterExistingRows();
    void reusesPortfoliosWhateverTheirCase();
    void acceptsColumnsInAnyOrder();
    void skipsRowsWhoseCellsAreAllEmpty();
    void derivesTitles_data();
    void derivesTitles();
    void keepsEveryTitleWithinAHundredCharacters();
    void readsShiftMarks_data();
    void readsShiftMarks();
    void refusesBadFilesLeavingThePlanUnchanged_data();
    void refusesBadFilesLeavingThePlanUnchanged();
    void listsEveryBadCellAtOnce();
    void rollsBackWhenTheDatabaseRefusesARow();
    void reportsAFileThatCannotBeOpened();
    void importsTenThousandGeneratedRows();

private:
    std::unique_ptr<PlanDatabase> m_plan;
    QSqlDatabase m_db;
};

void TestIntentionImport::init()
{
    auto plan = PlanDatabase::createInMemory();
    QVERIFY2(plan.isOk(), qPrintable(plan.error()));
    m_plan = std::move(plan.value());
    m_db = m_plan->connection();
}

void TestIntentionImport::cleanup()
{
    m_db = QSqlDatabase();
    m_plan.reset();
}

void TestIntentionImport::importsEveryRowOfTheDemoCsv()
{
    IntentionCsvImporter importer(m_db);
    const auto report = importer.importFile(demoIntentions);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().rowsImported, 145);
    QCOMPARE(report.value().portfoliosCreated, 12);
    QCOMPARE(report.value().blankRowsSkipped, 0);
    QCOMPARE(counts(m_db), (Counts{12, report.value().programmeAreasCreated, 145}));
}

void TestIntentionImport::keepsEachPortfoliosRowCountFromTheCsv()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());

    const CsvTable table = demoTable();
    QHash<QString, int> expected;
    QStringList order;
    for (const QStringList &cells : table.rows) {
        if (!expected.contains(cells.at(0)))
            order.append(cells.at(0));
        ++expected[cells.at(0)];
    }
    // The table of NOTES.md, as a check on the computation above.
    QCOMPARE(expected.value(QStringLiteral("Maternity and Neonatal")), 10);
    QCOMPARE(expected.value(QStringLiteral("Specialised Services")), 16);
    QCOMPARE(expected.value(QStringLiteral("Long Term Conditions")), 18);

    QHash<QString, int> actual;
    QStringList actualOrder;
    QSqlQuery query(m_db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT p.name, count(i.id) FROM portfolio p LEFT JOIN intention i"
                       " ON i.portfolio_id = p.id GROUP BY p.id ORDER BY p.sort_order")));
    while (query.next()) {
        actual.insert(query.value(0).toString(), query.value(1).toInt());
        actualOrder.append(query.value(0).toString());
    }
    QCOMPARE(actual, expected);
    QCOMPARE(actualOrder, order); // new portfolios in the order the file names them
}

void TestIntentionImport::countsTheShiftMarksOfTheCsv()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());
    int csvCommunity = 0, csvPrevention = 0, csvDigital = 0;
    for (const QStringList &cells : demoTable().rows) {
        csvCommunity += cells.at(4) == QLatin1String("Y");
        csvPrevention += cells.at(5) == QLatin1String("Y");
        csvDigital += cells.at(6) == QLatin1String("Y");
    }
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_community) FROM intention")),
             csvCommunity);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_prevention) FROM intention")),
             csvPrevention);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_digital) FROM intention")), csvDigital);
    QCOMPARE(csvCommunity, 93); // NOTES.md totals
    QCOMPARE(csvPrevention, 89);
    QCOMPARE(csvDigital, 71);
}

void TestIntentionImport::keepsEveryTimeframeByteForByte()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());
    const QByteArray bytes = readDemo();
    const CsvTable table = demoTable();

    // The demo groups its rows by portfolio, so portfolio order then row order is file order.
    QSqlQuery query(m_db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT i.timeframe_raw FROM intention i JOIN portfolio p ON p.id ="
                       " i.portfolio_id ORDER BY p.sort_order, i.sort_order")));
    int r = 0;
    while (query.next()) {
        QVERIFY(r < table.rows.size());
        const QByteArray stored = query.value(0).toString().toUtf8();
        QCOMPARE(stored, table.rows.at(r).at(3).toUtf8());
        // and that cell is in the file exactly so, between its commas
        if (!stored.isEmpty())
            QVERIFY2(bytes.contains(',' + stored + ','), stored.constData());
        ++r;
    }
    QCOMPARE(r, 145);
    // The dash forms stay apart: en dash ranges are not rewritten as hyphens.
    QCOMPARE(
        scalar(m_db,
               QStringLiteral("SELECT count(*) FROM intention WHERE timeframe_raw = '2026–2027'")),
        int(std::count_if(table.rows.cbegin(), table.rows.cend(), [](const QStringList &c) {
            return c.at(3) == QStringLiteral("2026–2027");
        })));
    QSet<QString> distinct;
    for (const QStringList &cells : table.rows)
        distinct.insert(cells.at(3));
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT timeframe_raw) FROM intention")),
             int(distinct.size()));
}

void TestIntentionImport::keepsTheTextAsBodyAndSourcePage()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());
    const CsvTable table = demoTable();
    QSqlQuery query(m_db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT i.body, i.source_page FROM intention i JOIN portfolio p ON p.id ="
                       " i.portfolio_id ORDER BY p.sort_order, i.sort_order")));
    for (const QStringList &cells : table.rows) {
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), cells.at(2));
        if (cells.at(7).isEmpty())
            QVERIFY(query.value(1).isNull());
        else
            QCOMPARE(query.value(1).toInt(), cells.at(7).toInt());
    }
}

void TestIntentionImport::storesWhatTheParserUnderstood()
{
    const auto report = IntentionCsvImporter(m_db).importFile(demoIntentions);
    QVERIFY(report.isOk());
    QSqlQuery query(m_db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT timeframe_raw, tf_start, tf_end, tf_open_ended, tf_review, tf_flags,"
                       " tf_needs_review, tf_reason FROM intention")));
    int needingReview = 0;
    while (query.next()) {
        const Timeframe tf = TimeframeParser::parse(query.value(0).toString());
        const QString raw = tf.raw;
        QCOMPARE(query.value(1).isNull(), !tf.start.isValid());
        if (tf.start.isValid())
            QCOMPARE(query.value(1).toString(), tf.start.toString(Qt::ISODate));
        QCOMPARE(query.value(2).isNull(), !tf.end.isValid());
        if (tf.end.isValid())
            QCOMPARE(query.value(2).toString(), tf.end.toString(Qt::ISODate));
        QCOMPARE(query.value(3).toBool(), tf.openEnded);
        QCOMPARE(query.value(4).isNull(), tf.review == Timeframe::Review::None);
        if (tf.review == Timeframe::Review::Annual)
            QCOMPARE(query.value(4).toString(), QStringLiteral("annual"));
        QCOMPARE(query.value(5).toInt(), int(tf.flags.toInt()));
        QCOMPARE(query.value(6).toBool(), tf.needsReview);
        QCOMPARE(query.value(7).toString(), tf.reason);
        needingReview += tf.needsReview;
    }
    QCOMPARE(report.value().rowsNeedingReview, needingReview);
    QVERIFY(needingReview > 0); // the demo has typos such as 2026-2828
}

void TestIntentionImport::duplicatesNothing()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());
    QHash<QString, int> expected;
    for (const QStringList &cells : demoTable().rows)
        ++expected[cells.mid(0, 4).join(QLatin1Char('\x1f'))];
    QHash<QString, int> actual;
    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral(
        "SELECT p.name, coalesce(a.name, ''), i.body, i.timeframe_raw FROM intention i"
        " JOIN portfolio p ON p.id = i.portfolio_id"
        " LEFT JOIN programme_area a ON a.id = i.programme_area_id")));
    while (query.next()) {
        ++actual[QStringList{query.value(0).toString(), query.value(1).toString(),
                              query.value(2).toString(), query.value(3).toString()}
                     .join(QLatin1Char('\x1f'))];
    }
    QCOMPARE(actual,
             expected); // the maternity pathway row that the seed repeats stays twice, nothing else
}

void TestIntentionImport::createsProgrammeAreasPerPortfolio()
{
    const auto report = IntentionCsvImporter(m_db).importFile(demoIntentions);
    QVERIFY(report.isOk());
    QSet<QString> expected;
    int withoutArea = 0;
    for (const QStringList &cells : demoTable().rows) {
        if (cells.at(1).isEmpty())
            ++withoutArea;
        else
            expected.insert(cells.at(0) + QLatin1Char('/') + cells.at(1));
    }
    QCOMPARE(report.value().programmeAreasCreated, int(expected.size()));
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM programme_area")),
             int(expected.size()));
    QCOMPARE(
        scalar(m_db,
               QStringLiteral("SELECT count(*) FROM intention WHERE programme_area_id IS NULL")),
        withoutArea);
    QCOMPARE(withoutArea, 14); // Community Services has no programme-area column
    // Every intention's area belongs to the intention's own portfolio.
    QCOMPARE(scalar(m_db,
                    QStringLiteral(
                        "SELECT count(*) FROM intention i JOIN programme_area a ON"
                        " a.id = i.programme_area_id WHERE a.portfolio_id <> i.portfolio_id")),
             0);
}

void TestIntentionImport::givesNewPortfoliosTheCoreGroupAndDistinctColours()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());
    QCOMPARE(scalar(m_db,
                    QStringLiteral("SELECT count(*) FROM portfolio WHERE grp = 'core_objectives'")),
             12);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT colour) FROM portfolio")), 12);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT sort_order) FROM portfolio")), 12);

    QSet<QString> colours;
    for (int i = 0; i < 36; ++i) {
        const QString colour = IntentionCsvImporter::portfolioColour(i);
        QVERIFY2(QRegularExpression(QStringLiteral("^#[0-9A-F]{6}$")).match(colour).hasMatch(),
                 qPrintable(colour));
        colours.insert(colour);
    }
    QCOMPARE(colours.size(), 36);
    QCOMPARE(IntentionCsvImporter::portfolioColour(36), IntentionCsvImporter::portfolioColour(0));
}

void TestIntentionImport::continuesOrdersAfterExistingRows()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());
    const auto again = IntentionCsvImporter(m_db).importFile(demoIntentions);
    QVERIFY2(again.isOk(), qPrintable(again.error()));
    QCOMPARE(again.value().portfoliosCreated, 0);
    QCOMPARE(again.value().programmeAreasCreated, 0);
    QCOMPARE(again.value().rowsImported, 145);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM intention")), 290);
    // Within each portfolio the orders run 0…n-1 without a repeat.
    QCOMPARE(
        scalar(m_db,
               QStringLiteral("SELECT count(*) FROM (SELECT portfolio_id FROM intention GROUP BY"
                              " portfolio_id HAVING count(DISTINCT sort_order) <> count(*)"
                              " OR max(sort_order) <> count(*) - 1 OR min(sort_order) <> 0)")),
        0);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT min(sort_order) FROM intention WHERE id > 145")),
             7);
}

void TestIntentionImport::reusesPortfoliosWhateverTheirCase()
{
    QVERIFY(IntentionCsvImporter(m_db).importBytes(header + goodRow(1)).isOk());
    const QByteArray other = header
        + row({QStringLiteral("  planned   CARE "), QStringLiteral("outpatients"),
               QStringLiteral("Another"), QString(), QString(), QString(), QString(), QString()});
    const auto report = IntentionCsvImporter(m_db).importBytes(other);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().portfoliosCreated, 0);
    QCOMPARE(report.value().programmeAreasCreated, 0);
    QCOMPARE(counts(m_db), (Counts{1, 1, 2}));
}

void TestIntentionImport::acceptsColumnsInAnyOrder()
{
    const QByteArray bytes
        = "Source_Page,shift_digital,intention,PORTFOLIO,timeframe,shift_prevention,"
          "programme_area,shift_community\n"
          "72,✓,Scan more people,Diagnostics,2026-2027,,Community focus,Yes\n";
    const auto report = IntentionCsvImporter(m_db).importBytes(bytes);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QSqlQuery query(m_db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT p.name, a.name, i.body, i.timeframe_raw, i.shift_community,"
                       " i.shift_prevention, i.shift_digital, i.source_page FROM intention i"
                       " JOIN portfolio p ON p.id = i.portfolio_id"
                       " JOIN programme_area a ON a.id = i.programme_area_id")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("Diagnostics"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("Community focus"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("Scan more people"));
    QCOMPARE(query.value(3).toString(), QStringLiteral("2026-2027"));
    QCOMPARE(query.value(4).toInt(), 1);
    QCOMPARE(query.value(5).toInt(), 0);
    QCOMPARE(query.value(6).toInt(), 1);
    QCOMPARE(query.value(7).toInt(), 72);
}

void TestIntentionImport::skipsRowsWhoseCellsAreAllEmpty()
{
    const auto report = IntentionCsvImporter(m_db).importBytes(header + goodRow(1) + ",,,,,,,\r\n"
                                                               + goodRow(2) + ", ,,,,,,\r\n");
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    QCOMPARE(report.value().rowsImported, 2);
    QCOMPARE(report.value().blankRowsSkipped, 2);
    QCOMPARE(counts(m_db).intentions, 2);
}

void TestIntentionImport::derivesTitles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("title");

    const QString hundred = QString(QStringLiteral("abcd ")).repeated(19) + QStringLiteral("abcde");
    QTest::newRow("short text whole") << QStringLiteral("Commission an ISA function.")
                                      << QStringLiteral("Commission an ISA function.");
    QTest::newRow("whitespace collapsed")
        << QStringLiteral("  Two\n lines  ") << QStringLiteral("Two lines");
    QTest::newRow("exactly 100 characters whole") << hundred << hundred;
    QTest::newRow("101 characters cut")
        << hundred + QStringLiteral("f")
        << QString(QStringLiteral("abcd ")).repeated(18) + QStringLiteral("abcd…");
    QTest::newRow("first sentence of a long text") << QStringLiteral("Commission MNVPs at scale. ")
            + QString(QStringLiteral("More words here. ")).repeated(10)
                                                   << QStringLiteral("Commission MNVPs at scale");
    QTest::newRow("question keeps its mark") << QStringLiteral("Is the pathway equitable? ")
            + QString(QStringLiteral("More words here. ")).repeated(10)
                                             << QStringLiteral("Is the pathway equitable?");
    QTest::newRow("abbreviation is not a sentence end")
        << QStringLiteral(
               "Commission MNVPs at scale, ensuring capacity (e.g. staffing) is funded. ")
            + QString(QStringLiteral("More words here. ")).repeated(10)
        << QStringLiteral("Commission MNVPs at scale, ensuring capacity (e.g. staffing) is funded");
    QTest::newRow("list number is not a sentence") << QStringLiteral("1. We will improve access. ")
            + QString(QStringLiteral("More words here. ")).repeated(10)
                                                   << QStringLiteral("1. We will improve access");
    QTest::newRow("long first sentence cut at a word")
        << QString(QStringLiteral("word ")).repeated(30) + QStringLiteral("end.")
        << QString(QStringLiteral("word ")).repeated(19) + QStringLiteral("word…");
    QTest::newRow("no trailing comma before the ellipsis")
        << QString(QStringLiteral("a")).repeated(90) + QStringLiteral(" bbbbbbb, cccccccccccc ddd")
            + QString(40, u'e')
        << QString(QStringLiteral("a")).repeated(90) + QStringLiteral(" bbbbbbb…");
    QTest::newRow("one very long word")
        << QString(150, u'x') << QString(99, u'x') + QStringLiteral("…");
}

void TestIntentionImport::derivesTitles()
{
    QFETCH(QString, text);
    QFETCH(QString, title);
    QCOMPARE(IntentionCsvImporter::titleFromText(text), title);
    QVERIFY(IntentionCsvImporter::titleFromText(text).size() <= 100);
}

void TestIntentionImport::keepsEveryTitleWithinAHundredCharacters()
{
    QVERIFY(IntentionCsvImporter(m_db).importFile(demoIntentions).isOk());
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT max(length(title)) FROM intention")) <= 100, true);
    QCOMPARE(scalar(m_db,
                    QStringLiteral("SELECT count(*) FROM intention WHERE length(trim(title)) = 0")),
             0);
    // Short texts are their own title.
    QCOMPARE(scalar(m_db,
                    QStringLiteral("SELECT count(*) FROM intention WHERE length(body) <= 100"
                                   " AND title <> body")),
             0);
}

void TestIntentionImport::readsShiftMarks_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<int>("expected"); // 1 yes, 0 no, -1 refused
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("spaces") << QStringLiteral("  ") << 0;
    QTest::newRow("Y") << QStringLiteral("Y") << 1;
    QTest::newRow("y") << QStringLiteral("y") << 1;
    QTest::newRow("Yes") << QStringLiteral("Yes") << 1;
    QTest::newRow("YES padded") << QStringLiteral(" YES ") << 1;
    QTest::newRow("tick") << QStringLiteral("✓") << 1;
    QTest::newRow("heavy tick") << QStringLiteral("✔") << 1;
    QTest::newRow("root sign tick") << QStringLiteral("√") << 1;
    QTest::newRow("1") << QStringLiteral("1") << 1;
    QTest::newRow("N") << QStringLiteral("N") << 0;
    QTest::newRow("No") << QStringLiteral("No") << 0;
    QTest::newRow("0") << QStringLiteral("0") << 0;
    QTest::newRow("x") << QStringLiteral("x") << -1;
    QTest::newRow("maybe") << QStringLiteral("maybe") << -1;
    QTest::newRow("2") << QStringLiteral("2") << -1;
    QTest::newRow("Y Y") << QStringLiteral("Y Y") << -1;
}

void TestIntentionImport::readsShiftMarks()
{
    QFETCH(QString, cell);
    QFETCH(int, expected);
    const auto value = IntentionCsvImporter::parseShiftCell(cell);
    QCOMPARE(value.has_value() ? int(*value) : -1, expected);
}

void TestIntentionImport::refusesBadFilesLeavingThePlanUnchanged_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line"); // 0: the error names no line
    QTest::addColumn<QString>("what");

    const QByteArray good = goodRow(1) + goodRow(2);
    auto cells = [](int column, const QString &value) {
        QStringList c{QStringLiteral("Planned Care"),
                       QStringLiteral("Outpatients"),
                       QStringLiteral("Text"),
                       QStringLiteral("2026-27"),
                       QString(),
                       QString(),
                       QString(),
                       QString()};
        c[column] = value;
        return row(c);
    };
    QTest::newRow("not UTF-8") << header + good + "Planned Care,,Caf\xE9,2026,,,,\r\n"
                               << 4 << "not valid UTF-8";
    QTest::newRow("unexpected column")
        << QByteArray("portfolio,programme_area,intention,timeframe,shift_community,"
                      "shift_prevention,shift_digital,source_page,owner\r\n")
        << 1 << "unexpected column “owner”";
    QTest::newRow("missing column")
        << QByteArray("portfolio,programme_area,intention,shift_community,"
                      "shift_prevention,shift_digital,source_page\r\n"
                      "P,A,T,,,,1\r\n")
        << 1 << "“timeframe” is missing";
    QTest::newRow("column twice") << QByteArray(
        "portfolio,programme_area,intention,timeframe,shift_community,"
        "shift_prevention,shift_digital,source_page,Intention\r\n")
                                  << 1 << "appears twice";
    QTest::newRow("data instead of a header")
        << QByteArray("Planned Care,Outpatients,Text,2026-27,Y,Y,Y,71\r\n") << 1
        << "unexpected column “Planned Care”";
    QTest::newRow("unterminated quote") << header + good + "Planned Care,,\"Open text,2026,,,,\r\n"
                                        << 4 << "never closed";
    QTest::newRow("stray quote") << header + good + "Planned Care,,The 6\" rule,2026,,,,\r\n"
                                 << 4 << "stray quote";
    QTest::newRow("wrong column count") << header + good + "Planned Care,,Text,2026,,,\r\n"
                                        << 4 << "7 fields, but the header has 8 columns";
    QTest::newRow("empty file") << QByteArray() << 0 << "empty";
    QTest::newRow("header only") << header << 0 << "no rows to import";
    QTest::newRow("header and blank rows only") << header + ",,,,,,,\r\n"
                                                << 0 << "no rows to import";
    QTest::newRow("bad shift mark") << header + good + cells(5, QStringLiteral("maybe")) << 4
                                    << "shift_prevention “maybe” is not a shift mark";
    QTest::newRow("empty portfolio")
        << header + good + cells(0, QStringLiteral("  ")) << 4 << "portfolio is empty";
    QTest::newRow("empty intention")
        << header + good + cells(2, QString()) << 4 << "intention is empty";
    QTest::newRow("page zero") << header + good + cells(7, QStringLiteral("0")) << 4
                               << "source_page “0”";
    QTest::newRow("negative page")
        << header + good + cells(7, QStringLiteral("-3")) << 4 << "source_page “-3”";
    QTest::newRow("page with text")
        << header + good + cells(7, QStringLiteral("p66")) << 4 << "not a page number";
    QTest::newRow("fractional page")
        << header + good + cells(7, QStringLiteral("12.5")) << 4 << "not a page number";

    QByteArray large = header;
    for (int i = 0; i < 5000; ++i)
        large += goodRow(i);
    large += cells(6, QStringLiteral("x"));
    QTest::newRow("bad cell after 5000 good rows") << large << 5002 << "shift_digital “x”";
}

void TestIntentionImport::refusesBadFilesLeavingThePlanUnchanged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(QString, what);

    // A plan that already holds something, so that "unchanged" is not merely "still empty".
    QVERIFY(IntentionCsvImporter(m_db).importBytes(header + goodRow(100)).isOk());
    const Counts before = counts(m_db);

    const auto report = IntentionCsvImporter(m_db).importBytes(bytes);
    QVERIFY(!report.isOk());
    if (line > 0)
        QVERIFY2(report.error().startsWith(QStringLiteral("line %1: ").arg(line)),
                 qPrintable(report.error()));
    else
        QVERIFY2(!report.error().contains(QRegularExpression(QStringLiteral("line \\d+:"))),
                 qPrintable(report.error()));
    QVERIFY2(report.error().contains(what), qPrintable(report.error()));
    QCOMPARE(counts(m_db), before);
}

void TestIntentionImport::listsEveryBadCellAtOnce()
{
    QByteArray bytes = header;
    bytes += row({QStringLiteral("P"), QString(), QStringLiteral("T"), QString(),
                  QStringLiteral("?"), QString(), QString(), QString()});
    bytes += goodRow(1);
    bytes += row({QString(), QString(), QString(), QString(), QString(), QString(),
                  QStringLiteral("Yes"), QStringLiteral("zero")});
    const auto report = IntentionCsvImporter(m_db).importBytes(bytes);
    QVERIFY(!report.isOk());
    const QStringList lines = report.error().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("line 2: shift_community")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("line 4: portfolio is empty")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("line 4: intention is empty")));
    QVERIFY(lines.at(3).startsWith(QStringLiteral("line 4: source_page")));
    QCOMPARE(counts(m_db), (Counts{0, 0, 0}));
}

void TestIntentionImport::rollsBackWhenTheDatabaseRefusesARow()
{
    QVERIFY(IntentionCsvImporter(m_db).importBytes(header + goodRow(100)).isOk());
    const Counts before = counts(m_db);
    // A refusal the checks cannot foresee (as a full disk or a newer constraint would be).
    QSqlQuery trigger(m_db);
    QVERIFY2(trigger.exec(QStringLiteral(
                 "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.intention"
                 " WHEN NEW.body = 'refuse me' BEGIN SELECT RAISE(ABORT, 'refused'); END")),
             qPrintable(trigger.lastError().text()));
    const QByteArray bytes = header + goodRow(1)
        + row({QStringLiteral("New Portfolio"), QStringLiteral("New Area"), QStringLiteral("x"),
               QString(), QString(), QString(), QString(), QString()})
        + row({QStringLiteral("New Portfolio"), QString(), QStringLiteral("refuse me"), QString(),
               QString(), QString(), QString(), QString()});
    const auto report = IntentionCsvImporter(m_db).importBytes(bytes);
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().startsWith(QStringLiteral("line 4: ")), qPrintable(report.error()));
    QVERIFY2(report.error().contains(QStringLiteral("refused")), qPrintable(report.error()));
    QCOMPARE(counts(m_db), before);
    QCOMPARE(
        scalar(m_db, QStringLiteral("SELECT count(*) FROM portfolio WHERE name = 'New Portfolio'")),
        0);
}

void TestIntentionImport::reportsAFileThatCannotBeOpened()
{
    QTemporaryDir dir;
    const auto report
        = IntentionCsvImporter(m_db).importFile(dir.filePath(QStringLiteral("nothing.csv")));
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().startsWith(QStringLiteral("Cannot open")), qPrintable(report.error()));
    QCOMPARE(counts(m_db), (Counts{0, 0, 0}));
}

void TestIntentionImport::importsTenThousandGeneratedRows()
{
    const SyntheticPlan::SyntheticCsv csv = SyntheticPlan::intentionsCsv(10000, 14);
    QElapsedTimer timer;
    timer.start();
    const auto report = IntentionCsvImporter(m_db).importBytes(csv.bytes);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    qInfo("10,000 rows imported in %lld ms", elapsed);
    QCOMPARE(report.value().rowsImported, 10000);
    QCOMPARE(report.value().portfoliosCreated, 14);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM intention")), 10000);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_community) FROM intention")),
             csv.shiftCommunity);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_prevention) FROM intention")),
             csv.shiftPrevention);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_digital) FROM intention")),
             csv.shiftDigital);

    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral("SELECT p.name, count(*) FROM intention i JOIN portfolio p ON"
                                      " p.id = i.portfolio_id GROUP BY p.id")));
    QHash<QString, int> perPortfolio;
    while (query.next())
        perPortfolio.insert(query.value(0).toString(), query.value(1).toInt());
    QCOMPARE(perPortfolio, csv.rowsPerPortfolio);

    // File order is id order here: the timeframes come back in sequence, verbatim.
    QVERIFY(query.exec(QStringLiteral("SELECT timeframe_raw FROM intention ORDER BY id")));
    QStringList timeframes;
    while (query.next())
        timeframes.append(query.value(0).toString());
    QCOMPARE(timeframes.size(), csv.timeframes.size());
    for (qsizetype i = 0; i < timeframes.size(); ++i)
        QCOMPARE(timeframes.at(i),
                 csv.timeframes.at(i).isNull() ? QStringLiteral("") : csv.timeframes.at(i));
}

QTEST_GUILESS_MAIN(TestIntentionImport)
#include "tst_intentionimport.moc"
