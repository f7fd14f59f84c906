#include "timeframe.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

namespace {

// What the planner must make of one timeframe text (brief §3).
struct Expected
{
    QString raw;
    QDate start;
    QDate end;
    bool openEnded = false;
    Timeframe::Review review = Timeframe::Review::None;
    Timeframe::Flags flags;
    bool needsReview = false;
};

QDate fyStart(int year)
{
    return QDate(year, 4, 1);
}

QDate fyEnd(int year)
{
    return QDate(year, 3, 31);
}

Expected dates(const QString &raw, QDate start, QDate end, bool openEnded = false)
{
    Expected e;
    e.raw = raw;
    e.start = start;
    e.end = end;
    e.openEnded = openEnded;
    return e;
}

// "A-B": 1 April A to 31 March B.
Expected years(const char *raw, int from, int to)
{
    return dates(QString::fromUtf8(raw), fyStart(from), fyEnd(to));
}

Expected unreadable(const char *raw)
{
    Expected e = dates(QString::fromUtf8(raw), {}, {});
    e.needsReview = true;
    return e;
}

Expected ongoing(const char *raw)
{
    return dates(QString::fromUtf8(raw), {}, {}, true);
}

// Every distinct timeframe of resources/demo/nel-2026-27-intentions.csv. A string added to the
// CSV must be added here too (coversEveryTimeframeOfTheDemoCsv fails until it is).
QList<Expected> demoExpectations()
{
    QList<Expected> list;
    list << Expected {}; // the cancer table has no timeframe column
    list << unreadable("2020 27"); // OCR garble: no separator between the numbers
    list << years("2025 - 2026", 2025, 2026);
    list << years("2025 - 2027", 2025, 2027);
    list << years("2025 - 2030", 2025, 2030);
    list << years("2025 - 2033", 2025, 2033);
    list << years("2025-27", 2025, 2027);
    list << years("2025-28", 2025, 2028);
    list << years("2025-29", 2025, 2029);
    list << years("2025-30", 2025, 2030);
    list << years("2025/26 – 2026/27", 2025, 2027);
    list << years("2025/26 – 2028/29", 2025, 2029);
    list << years("2025/26 – 2030/31", 2025, 2031);
    list << years("2025–2027", 2025, 2027);
    list << years("2025–2030", 2025, 2030);
    list << years("2026", 2026, 2027);
    list << years("2026 - 2027", 2026, 2027);
    list << years("2026 - 2028", 2026, 2028);
    list << years("2026 - 2029", 2026, 2029);
    list << years("2026 - 2030", 2026, 2030);
    list << years("2026 – 2028", 2026, 2028);
    list << years("2026 – 2029", 2026, 2029);
    list << years("2026-2027", 2026, 2027);
    {
        Expected e = years("2026-2027 Timeframe is subject to funding", 2026, 2027);
        e.flags = Timeframe::SubjectToFunding;
        list << e;
    }
    {
        Expected e = years("2026-2027 and annual", 2026, 2027);
        e.review = Timeframe::Review::Annual;
        list << e;
    }
    list << dates(QStringLiteral("2026-2027 and ongoing"), fyStart(2026), {}, true);
    {
        Expected e = years("2026-2027 phased and subject to funding", 2026, 2027);
        e.flags = Timeframe::Phased | Timeframe::SubjectToFunding;
        list << e;
    }
    list << years("2026-2028", 2026, 2028);
    list << years("2026-2029", 2026, 2029);
    list << years("2026-2030", 2026, 2030);
    list << years("2026-27", 2026, 2027);
    list << years("2026-28", 2026, 2028);
    list << unreadable("2026-2828");
    list << years("2026-29", 2026, 2029);
    list << years("2026-30", 2026, 2030);
    list << years("2026/2031", 2026, 2031);
    list << years("2026/27", 2026, 2027);
    list << years("2026/27 – 2027/28", 2026, 2028);
    list << years("2026/27 – 2030/31", 2026, 2031);
    list << unreadable("2026=2027");
    list << years("2026–2027", 2026, 2027);
    {
        Expected e = years("2026–2027 and annually", 2026, 2027);
        e.review = Timeframe::Review::Annual;
        list << e;
    }
    list << years("2026–2028", 2026, 2028);
    list << years("2026–2029", 2026, 2029);
    list << years("2027 - 2031", 2027, 2031);
    list << years("2027-2030", 2027, 2030);
    list << years("2027-28", 2027, 2028);
    list << years("2027/28", 2027, 2028);
    list << years("2027/28 – 2030/31", 2027, 2031);
    list << years("2028/29", 2028, 2029);
    list << years("26/27", 2026, 2027);
    list << dates(QStringLiteral("26/27 onward"), fyStart(2026), {}, true);
    list << dates(QStringLiteral("26/27 onwards"), fyStart(2026), {}, true);
    list << years("27/28", 2027, 2028);
    {
        Expected e = ongoing("Continual (reviewed annually)");
        e.review = Timeframe::Review::Annual;
        list << e;
    }
    list << dates(QStringLiteral("October 2026"), QDate(2026, 10, 1), QDate(2026, 10, 31));
    list << ongoing("On going");
    list << ongoing("Ongoing");
    {
        Expected e = unreadable("tbc");
        e.flags = Timeframe::ToBeConfirmed;
        list << e;
    }
    return list;
}

// The brief's other examples and the forms around them.
QList<Expected> otherExpectations()
{
    const QDate none;
    QList<Expected> list;
    list << years("2026/2027", 2026, 2027);
    list << years("2026 to 2028", 2026, 2028);
    list << years("2026 — 2027", 2026, 2027);
    list << years("2026—2029", 2026, 2029);
    list << years("2026 / 2028", 2026, 2028);
    list << years("2026 – 2027/28", 2026, 2028);
    list << years("FY26/27", 2026, 2027);
    list << years("Financial year 2026/27", 2026, 2027);
    list << years("  2026/27  ", 2026, 2027);
    list << years("2026/27.", 2026, 2027);
    list << years("2026\u00A0–\u00A02028", 2026, 2028);
    list << years("\u200B2026-27\uFEFF", 2026, 2027);
    list << years("2024/25 and 2025/26", 2024, 2026);
    list << years("2024/25 & 2026/27", 2024, 2027);
    list << dates(QStringLiteral("1 April 2027"), QDate(2027, 4, 1), QDate(2027, 4, 1));
    list << dates(QStringLiteral("31st March 2027"), QDate(2027, 3, 31), QDate(2027, 3, 31));
    list << dates(QStringLiteral("1ST APRIL 2027"), QDate(2027, 4, 1), QDate(2027, 4, 1));
    list << dates(QStringLiteral("2nd May 2027"), QDate(2027, 5, 2), QDate(2027, 5, 2));
    list << dates(QStringLiteral("3rd Jun 2027"), QDate(2027, 6, 3), QDate(2027, 6, 3));
    list << dates(QStringLiteral("4th of July 2027"), QDate(2027, 7, 4), QDate(2027, 7, 4));
    list << dates(QStringLiteral("April 1st, 2027"), QDate(2027, 4, 1), QDate(2027, 4, 1));
    list << dates(QStringLiteral("2027-04-01"), QDate(2027, 4, 1), QDate(2027, 4, 1));
    list << dates(QStringLiteral("01/04/2027"), QDate(2027, 4, 1), QDate(2027, 4, 1));
    list << dates(QStringLiteral("OCTOBER 2026"), QDate(2026, 10, 1), QDate(2026, 10, 31));
    list << dates(QStringLiteral("oct 2026"), QDate(2026, 10, 1), QDate(2026, 10, 31));
    list << dates(QStringLiteral("Sept 2026"), QDate(2026, 9, 1), QDate(2026, 9, 30));
    list << dates(QStringLiteral("Feb 2028"), QDate(2028, 2, 1), QDate(2028, 2, 29));
    list << dates(QStringLiteral("April 2021 to March 2026"), QDate(2021, 4, 1),
                  QDate(2026, 3, 31));
    list << dates(QStringLiteral("April – June 2026"), QDate(2026, 4, 1), QDate(2026, 6, 30));
    list << dates(QStringLiteral("1 April 2026 – 15 June 2027"), QDate(2026, 4, 1),
                  QDate(2027, 6, 15));
    list << dates(QStringLiteral("from April 2026 to March 2027"), fyStart(2026), fyEnd(2027));
    list << dates(QStringLiteral("April 2026 until March 2027"), fyStart(2026), fyEnd(2027));
    list << dates(QStringLiteral("Q3 2026/27"), QDate(2026, 10, 1), QDate(2026, 12, 31));
    list << dates(QStringLiteral("Q4 26/27"), QDate(2027, 1, 1), QDate(2027, 3, 31));

    list << dates(QStringLiteral("from 2026/27"), fyStart(2026), none, true);
    list << dates(QStringLiteral("From October 2026"), QDate(2026, 10, 1), none, true);
    list << dates(QStringLiteral("from 1 October 2026"), QDate(2026, 10, 1), none, true);
    list << dates(QStringLiteral("2026 onwards"), fyStart(2026), none, true);
    list << dates(QStringLiteral("2026/27 onward"), fyStart(2026), none, true);
    list << dates(QStringLiteral("2026 and beyond"), fyStart(2026), none, true);
    list << dates(QStringLiteral("2026/27 and ongoing"), fyStart(2026), none, true);
    list << dates(QStringLiteral("2026-2029 and ongoing"), fyStart(2026), none, true);
    list << ongoing("continual");
    list << ongoing("Continual");
    list << ongoing("ONGOING");
    list << ongoing("on-going");

    list << dates(QStringLiteral("by 2030/31"), none, fyEnd(2031));
    list << dates(QStringLiteral("by October 2026"), none, QDate(2026, 10, 31));
    list << dates(QStringLiteral("no later than 31 March 2027"), none, fyEnd(2027));
    list << dates(QStringLiteral("until March 2027"), none, fyEnd(2027));

    {
        Expected e = years("2026/27 reviewed annually", 2026, 2027);
        e.review = Timeframe::Review::Annual;
        list << e;
    }
    {
        Expected e = years("2026/27, annual", 2026, 2027);
        e.review = Timeframe::Review::Annual;
        list << e;
    }
    {
        Expected e = years("2026/27 subject to funding", 2026, 2027);
        e.flags = Timeframe::SubjectToFunding;
        list << e;
    }
    {
        Expected e = years("2026/27 (phased)", 2026, 2027);
        e.flags = Timeframe::Phased;
        list << e;
    }
    {
        Expected e = years("2026/27 TBC", 2026, 2027);
        e.flags = Timeframe::ToBeConfirmed;
        e.needsReview = true;
        list << e;
    }
    {
        Expected e = unreadable("TBC");
        e.flags = Timeframe::ToBeConfirmed;
        list << e;
    }
    {
        Expected e = unreadable("To be confirmed");
        e.flags = Timeframe::ToBeConfirmed;
        list << e;
    }

    list << unreadable("12 months' notice");
    list << unreadable("6-month extension");
    list << unreadable("within 28 days");
    list << unreadable("one month’s notice");

    list << unreadable("2028-2026");
    list << unreadable("2026-2026");
    list << unreadable("1999-2001");
    list << unreadable("2026 2027");
    list << unreadable("31 April 2027");
    list << unreadable("April");
    list << unreadable("April 26");
    list << unreadable("sometime soon");
    {
        Expected e = years("2026/27 hopefully", 2026, 2027);
        e.needsReview = true; // dates kept, the leftover word named
        list << e;
    }
    return list;
}

void addExpectationColumns()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");
    QTest::addColumn<bool>("openEnded");
    QTest::addColumn<bool>("annual");
    QTest::addColumn<int>("flags");
    QTest::addColumn<bool>("needsReview");
}

void addExpectationRows(const QList<Expected> &list)
{
    for (const Expected &e : list) {
        const QByteArray name = e.raw.isEmpty() ? QByteArrayLiteral("(empty)") : e.raw.toUtf8();
        QTest::newRow(name.constData())
            << e.raw << e.start << e.end << e.openEnded << (e.review == Timeframe::Review::Annual)
            << int(e.flags.toInt()) << e.needsReview;
    }
}

void checkParse()
{
    QFETCH(QString, raw);
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    QFETCH(bool, openEnded);
    QFETCH(bool, annual);
    QFETCH(int, flags);
    QFETCH(bool, needsReview);

    const Timeframe timeframe = TimeframeParser::parse(raw);
    QCOMPARE(timeframe.raw, raw);
    QCOMPARE(timeframe.start, start);
    QCOMPARE(timeframe.end, end);
    QCOMPARE(timeframe.openEnded, openEnded);
    QCOMPARE(timeframe.review == Timeframe::Review::Annual, annual);
    QCOMPARE(int(timeframe.flags.toInt()), flags);
    QCOMPARE(timeframe.needsReview, needsReview);
    // A reason is given exactly when review is needed.
    QCOMPARE(!timeframe.reason.isEmpty(), needsReview);
}

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> readCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

} // namespace

class TestTimeframe : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryDemoTimeframe_data();
    void parsesEveryDemoTimeframe();
    void parsesTheOtherBriefExamples_data();
    void parsesTheOtherBriefExamples();
    void coversEveryTimeframeOfTheDemoCsv();
    void explainsWhyItNeedsReview_data();
    void explainsWhyItNeedsReview();
    void treatsBlankAsNotSet_data();
    void treatsBlankAsNotSet();
    void survivesHostileInput_data();
    void survivesHostileInput();
    void writesJsonInFixedKeyOrder_data();
    void writesJsonInFixedKeyOrder();
    void escapesJsonStrings();
    void writesJsonThatReadsBack();
    void listsFlagKeysInFixedOrder();
    void recognisesSingleMonths_data();
    void recognisesSingleMonths();
    void writesNormalisedText_data();
    void writesNormalisedText();
    void normalisedTextParsesBackToTheSameDates();
    void normalisedTextOfStartOnlyIsOpenEnded();
    void normalisedTextPrefersEndOverOpenEnded();
};

void TestTimeframe::parsesEveryDemoTimeframe_data()
{
    addExpectationColumns();
    addExpectationRows(demoExpectations());
}

void TestTimeframe::parsesEveryDemoTimeframe()
{
    checkParse();
}

void TestTimeframe::parsesTheOtherBriefExamples_data()
{
    addExpectationColumns();
    addExpectationRows(otherExpectations());
}

void TestTimeframe::parsesTheOtherBriefExamples()
{
    checkParse();
}

void TestTimeframe::coversEveryTimeframeOfTheDemoCsv()
{
    QFile file(QStringLiteral(CIPLANNER_DEMO_DIR "/nel-2026-27-intentions.csv"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QList<QStringList> rows = readCsv(QString::fromUtf8(file.readAll()));
    QVERIFY(rows.size() > 1);
    const qsizetype column = rows.first().indexOf(QStringLiteral("timeframe"));
    QVERIFY(column >= 0);

    QSet<QString> expected;
    for (const Expected &e : demoExpectations())
        expected.insert(e.raw);

    QSet<QString> needingReview;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        QCOMPARE(row.size(), rows.first().size());
        const QString raw = row.at(column);
        QVERIFY2(
            expected.contains(raw),
            qPrintable(
                QStringLiteral("timeframe '%1' (line %2) has no expectation").arg(raw).arg(r + 1)));
        const Timeframe timeframe = TimeframeParser::parse(raw);
        QCOMPARE(timeframe.raw, raw);
        if (timeframe.needsReview)
            needingReview.insert(raw);
    }
    const QSet<QString> exactly {QStringLiteral("2026-2828"), QStringLiteral("2026=2027"),
                                 QStringLiteral("2020 27"), QStringLiteral("tbc")};
    QCOMPARE(needingReview, exactly);
}

void TestTimeframe::explainsWhyItNeedsReview_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<bool>("keepsDates");
    QTest::addColumn<QString>("reason");

    auto row = [](const char *raw, bool keepsDates, const char *reason) {
        QTest::newRow(raw) << QString::fromUtf8(raw) << keepsDates << QString::fromUtf8(reason);
    };
    row("2026-2828", false, "end year 2828 is not plausible");
    row("1999-2001", false, "start year 1999 is not plausible");
    row("1999", false, "year 1999 is not plausible");
    row("2026=2027", false, "'=' between 2026 and 2027 is not a separator");
    row("2020 27", false, "2020 and 27 have no dash, slash or 'to' between them");
    row("2028-2026", false, "end year 2026 is not after start year 2028");
    row("123", false, "'123' is not a year");
    row("27", false, "'27' on its own is not a year");
    row("31 April 2027", false, "'31 April 2027' is not a date");
    row("1 April", false, "'1 April' has no year");
    row("April", false, "'April' has no year");
    row("April 26", false, "'April 26' is ambiguous: write the year in full");
    row("31st", false, "'31st' is not followed by a month");
    row("October – March 2027", false,
        "'October – March 2027' ends (31 March 2027) before it starts (1 October 2027)");
    row("Q3 2026", false, "'Q3' needs a financial year such as 2026/27");
    row("from", false, "'from' is not followed by a date");
    row("onwards", false, "'onwards' does not follow a date");
    row("by 2026 onwards", false, "a deadline ('by') cannot also be open-ended");
    row("tbc", false, "the timeframe is to be confirmed");
    row("12 months' notice", false, "names a duration or notice, not a timeframe");
    row("6-month extension", false, "names a duration or notice, not a timeframe");
    row("within 28 days", false, "names a duration or notice, not a timeframe");
    row("sometime soon", false, "'sometime soon' is not a timeframe");
    row("subject to funding", false, "gives no dates");
    row("2026/27 hopefully", true, "did not understand 'hopefully'");
    row("2026/27 tbc", true, "the timeframe is to be confirmed");
    row("2026/27 – 2030", true,
        "'2030' at the end of '2026/27 – 2030' could mean 31 March 2030 or the whole year 2030/31");
    row("2026 -", true, "did not understand '-'");
    row("2026/27 but may slip", true, "did not understand 'but may slip'");
}

void TestTimeframe::explainsWhyItNeedsReview()
{
    QFETCH(QString, raw);
    QFETCH(bool, keepsDates);
    QFETCH(QString, reason);

    const Timeframe timeframe = TimeframeParser::parse(raw);
    QVERIFY(timeframe.needsReview);
    QCOMPARE(timeframe.reason, reason);
    QCOMPARE(timeframe.hasDates(), keepsDates);
    QCOMPARE(timeframe.raw, raw);
}

void TestTimeframe::treatsBlankAsNotSet_data()
{
    QTest::addColumn<QString>("raw");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("tabs and line breaks") << QStringLiteral("\t\r\n");
    QTest::newRow("non-breaking space") << QStringLiteral("\u00A0");
}

void TestTimeframe::treatsBlankAsNotSet()
{
    QFETCH(QString, raw);
    const Timeframe timeframe = TimeframeParser::parse(raw);
    QVERIFY(timeframe.isNotSet());
    QCOMPARE(timeframe.raw, raw);
    QVERIFY(!timeframe.hasDates());
    QVERIFY(!timeframe.openEnded);
    QVERIFY(!timeframe.needsReview);
    QVERIFY(timeframe.reason.isEmpty());
}

void TestTimeframe::survivesHostileInput_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<bool>("hasDates");

    // Each of these needs review; hasDates says whether dates were still read.
    QTest::newRow("100,000 copies of a range")
        << QStringLiteral("2026-2027 ").repeated(10000) << false;
    QTest::newRow("one very long word") << QString(100000, u'x') << false;
    QTest::newRow("many unknown words") << QStringLiteral("soon ").repeated(20000) << false;
    QTest::newRow("many dashes") << QString(50000, u'-') << false;
    QTest::newRow("huge number") << QStringLiteral("9").repeated(5000) << false;
    QTest::newRow("only punctuation") << QStringLiteral("!?*#@") << false;
    QTest::newRow("only brackets and stops") << QStringLiteral("(...)") << false;
    QTest::newRow("only a slash") << QStringLiteral("/") << false;
    QTest::newRow("only an en dash") << QStringLiteral("–") << false;
    QTest::newRow("equals") << QStringLiteral("=") << false;
    QTest::newRow("commas") << QStringLiteral(",,,") << false;
    QTest::newRow("emoji") << QStringLiteral("🙂🙂") << false;
    QTest::newRow("emoji after a year") << QStringLiteral("2026/27 🙂") << true;
    QTest::newRow("Arabic-Indic digits") << QStringLiteral("٢٠٢٦") << false;
    QTest::newRow("fullwidth digits") << QStringLiteral("２０２６－２７") << false;
    QTest::newRow("Cyrillic") << QStringLiteral("Текущий год") << false;
    QTest::newRow("Cyrillic look-alike of TBC") << QStringLiteral("ТВС") << false;
    QTest::newRow("combining accent") << QStringLiteral("2026/27 e\u0301") << true;
    QTest::newRow("lone surrogate") << (QString(QChar(0xD800)) + QStringLiteral("2026")) << true;
    QTest::newRow("NUL inside") << (QStringLiteral("2026") + QChar(0) + QStringLiteral("-27"))
                                << false;
    QTest::newRow("control character") << QStringLiteral("\x01") << false;
    QTest::newRow("quotes and backslashes") << QStringLiteral("\"2026\\27\"") << false;
    QTest::newRow("html") << QStringLiteral("<b>2026/27</b>") << true;
}

void TestTimeframe::survivesHostileInput()
{
    QFETCH(QString, raw);
    QFETCH(bool, hasDates);

    const Timeframe timeframe = TimeframeParser::parse(raw);
    QCOMPARE(timeframe.raw, raw);
    QVERIFY(timeframe.needsReview);
    QVERIFY(!timeframe.reason.isEmpty());
    QVERIFY2(timeframe.reason.size() < 200, qPrintable(timeframe.reason)); // short enough to show
    QCOMPARE(timeframe.hasDates(), hasDates);
    QVERIFY(!timeframe.toJson().contains('\n'));
}

void TestTimeframe::writesJsonInFixedKeyOrder_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("financial year")
        << QStringLiteral("2026/27")
        << QByteArray(
               R"json({"raw":"2026/27","start":"2026-04-01","end":"2027-03-31","open_ended":false,)json"
               R"json("review":null,"flags":[],"needs_review":false,"reason":null})json");
    QTest::newRow("open-ended")
        << QStringLiteral("26/27 onwards")
        << QByteArray(
               R"json({"raw":"26/27 onwards","start":"2026-04-01","end":null,"open_ended":true,)json"
               R"json("review":null,"flags":[],"needs_review":false,"reason":null})json");
    QTest::newRow("reviewed annually")
        << QStringLiteral("Continual (reviewed annually)")
        << QByteArray(
               R"json({"raw":"Continual (reviewed annually)","start":null,"end":null,"open_ended":true,)json"
               R"json("review":"annual","flags":[],"needs_review":false,"reason":null})json");
    QTest::newRow("two flags in fixed order")
        << QStringLiteral("2026-2027 phased and subject to funding")
        << QByteArray(
               R"json({"raw":"2026-2027 phased and subject to funding","start":"2026-04-01",)json"
               R"json("end":"2027-03-31","open_ended":false,"review":null,)json"
               R"json("flags":["subject_to_funding","phased"],"needs_review":false,"reason":null})json");
    QTest::newRow("to be confirmed")
        << QStringLiteral("tbc")
        << QByteArray(
               R"json({"raw":"tbc","start":null,"end":null,"open_ended":false,"review":null,)json"
               R"json("flags":["to_be_confirmed"],"needs_review":true,)json"
               R"json("reason":"the timeframe is to be confirmed"})json");
    QTest::newRow("deadline")
        << QStringLiteral("by 2030/31")
        << QByteArray(
               R"json({"raw":"by 2030/31","start":null,"end":"2031-03-31","open_ended":false,)json"
               R"json("review":null,"flags":[],"needs_review":false,"reason":null})json");
    QTest::newRow("unreadable, en dash kept as UTF-8")
        << QStringLiteral("2026 – 2828")
        << QByteArray("{\"raw\":\"2026 \xE2\x80\x93 2828\",\"start\":null,\"end\":null,"
                      "\"open_ended\":false,\"review\":null,\"flags\":[],\"needs_review\":true,"
                      "\"reason\":\"end year 2828 is not plausible\"}");
    QTest::newRow("not set")
        << QString()
        << QByteArray(
               R"json({"raw":"","start":null,"end":null,"open_ended":false,"review":null,)json"
               R"json("flags":[],"needs_review":false,"reason":null})json");
}

void TestTimeframe::writesJsonInFixedKeyOrder()
{
    QFETCH(QString, raw);
    QFETCH(QByteArray, json);
    QCOMPARE(TimeframeParser::parse(raw).toJson(), json);
}

void TestTimeframe::escapesJsonStrings()
{
    Timeframe timeframe;
    timeframe.raw
        = QStringLiteral("say \"when\" \\ then\nnext\t") + QChar(1) + QStringLiteral(" é");
    timeframe.start = QDate(2026, 4, 1);
    timeframe.end = QDate(2027, 3, 31);
    timeframe.review = Timeframe::Review::Annual;
    timeframe.flags = Timeframe::SubjectToFunding | Timeframe::Phased | Timeframe::ToBeConfirmed;
    timeframe.needsReview = true;
    timeframe.reason = QStringLiteral("did not understand 'say \"when\"'");

    const QByteArray expected
        = "{\"raw\":\"say \\\"when\\\" \\\\ then\\nnext\\t\\u0001 \xC3\xA9\","
          "\"start\":\"2026-04-01\",\"end\":\"2027-03-31\",\"open_ended\":false,"
          "\"review\":\"annual\",\"flags\":[\"subject_to_funding\",\"phased\","
          "\"to_be_confirmed\"],\"needs_review\":true,"
          "\"reason\":\"did not understand 'say \\\"when\\\"'\"}";
    QCOMPARE(timeframe.toJson(), expected);
}

void TestTimeframe::writesJsonThatReadsBack()
{
    const Timeframe timeframe
        = TimeframeParser::parse(QStringLiteral("2026/27 \"quoted\" \\ – tbc"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(timeframe.toJson(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject object = document.object();
    QCOMPARE(object.value(QStringLiteral("raw")).toString(), timeframe.raw);
    QCOMPARE(object.value(QStringLiteral("start")).toString(), QStringLiteral("2026-04-01"));
    QCOMPARE(object.value(QStringLiteral("end")).toString(), QStringLiteral("2027-03-31"));
    QCOMPARE(object.value(QStringLiteral("needs_review")).toBool(), true);
    QCOMPARE(object.value(QStringLiteral("reason")).toString(), timeframe.reason);
}

void TestTimeframe::listsFlagKeysInFixedOrder()
{
    QCOMPARE(Timeframe::flagKeys(Timeframe::ToBeConfirmed | Timeframe::Phased
                                 | Timeframe::SubjectToFunding),
             (QStringList {QStringLiteral("subject_to_funding"), QStringLiteral("phased"),
                           QStringLiteral("to_be_confirmed")}));
    QCOMPARE(Timeframe::flagKeys(Timeframe::Phased), QStringList {QStringLiteral("phased")});
    QVERIFY(Timeframe::flagKeys(Timeframe::NoFlags).isEmpty());
    QVERIFY(Timeframe::flagKey(Timeframe::NoFlags).isEmpty());
}

void TestTimeframe::recognisesSingleMonths_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<bool>("singleMonth");

    QTest::newRow("October 2026") << QStringLiteral("October 2026") << true;
    QTest::newRow("February 2028") << QStringLiteral("February 2028") << true;
    QTest::newRow("financial year") << QStringLiteral("2026/27") << false;
    QTest::newRow("one day") << QStringLiteral("1 October 2026") << false;
    QTest::newRow("two months") << QStringLiteral("October – November 2026") << false;
    QTest::newRow("open-ended month") << QStringLiteral("from October 2026") << false;
    QTest::newRow("deadline month") << QStringLiteral("by October 2026") << false;
    QTest::newRow("same month a year apart")
        << QStringLiteral("October 2026 – October 2027") << false;
}

void TestTimeframe::recognisesSingleMonths()
{
    QFETCH(QString, raw);
    QFETCH(bool, singleMonth);
    const Timeframe timeframe = TimeframeParser::parse(raw);
    QVERIFY(!timeframe.needsReview);
    QCOMPARE(timeframe.isSingleMonth(), singleMonth);
}

void TestTimeframe::writesNormalisedText_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");
    QTest::addColumn<bool>("openEnded");
    QTest::addColumn<QString>("text");

    const QDate none;
    QTest::newRow("one financial year")
        << fyStart(2026) << fyEnd(2027) << false << QStringLiteral("2026/27");
    QTest::newRow("financial years")
        << fyStart(2026) << fyEnd(2029) << false << QStringLiteral("2026/27 – 2028/29");
    QTest::newRow("one month") << QDate(2026, 10, 1) << QDate(2026, 10, 31) << false
                               << QStringLiteral("October 2026");
    QTest::newRow("leap February")
        << QDate(2028, 2, 1) << QDate(2028, 2, 29) << false << QStringLiteral("February 2028");
    QTest::newRow("months in one year") << QDate(2026, 4, 1) << QDate(2026, 6, 30) << false
                                        << QStringLiteral("April 2026 – June 2026");
    QTest::newRow("months across years") << QDate(2026, 4, 1) << QDate(2027, 6, 30) << false
                                         << QStringLiteral("April 2026 – June 2027");
    QTest::newRow("one day") << QDate(2026, 4, 1) << QDate(2026, 4, 1) << false
                             << QStringLiteral("1 April 2026");
    QTest::newRow("29 February") << QDate(2028, 2, 29) << QDate(2028, 2, 29) << false
                                 << QStringLiteral("29 February 2028");
    QTest::newRow("days") << QDate(2026, 4, 1) << QDate(2027, 6, 15) << false
                          << QStringLiteral("1 April 2026 – 15 June 2027");
    QTest::newRow("mid-month start to a year end")
        << QDate(2026, 4, 15) << fyEnd(2027) << false
        << QStringLiteral("15 April 2026 – 31 March 2027");
    QTest::newRow("from a financial year")
        << fyStart(2026) << none << true << QStringLiteral("from 2026/27");
    QTest::newRow("from a month") << QDate(2026, 10, 1) << none << true
                                  << QStringLiteral("from October 2026");
    QTest::newRow("from a day") << QDate(2026, 10, 15) << none << true
                                << QStringLiteral("from 15 October 2026");
    QTest::newRow("by a month end")
        << none << fyEnd(2027) << false << QStringLiteral("by March 2027");
    QTest::newRow("by a day") << none << QDate(2027, 3, 15) << false
                              << QStringLiteral("by 15 March 2027");
    QTest::newRow("ongoing") << none << none << true << QStringLiteral("Ongoing");
    QTest::newRow("not set") << none << none << false << QString();
}

void TestTimeframe::writesNormalisedText()
{
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    QFETCH(bool, openEnded);
    QFETCH(QString, text);

    QCOMPARE(TimeframeParser::normalisedText(start, end, openEnded), text);
    const Timeframe parsed = TimeframeParser::parse(text);
    QCOMPARE(parsed.start, start);
    QCOMPARE(parsed.end, end);
    QCOMPARE(parsed.openEnded, openEnded);
    QVERIFY2(!parsed.needsReview, qPrintable(parsed.reason));
}

void TestTimeframe::normalisedTextParsesBackToTheSameDates()
{
    // What a Gantt drag can produce: any start, any later end, over a few years.
    const QList<int> lengths {0, 1, 27, 29, 30, 60, 182, 364, 365, 366, 700, 1095};
    for (QDate start(2026, 1, 1); start <= QDate(2029, 12, 31); start = start.addDays(3)) {
        for (int length : lengths) {
            const QDate end = start.addDays(length);
            const QString text = TimeframeParser::normalisedText(start, end);
            const Timeframe parsed = TimeframeParser::parse(text);
            QVERIFY2(
                parsed.start == start && parsed.end == end && !parsed.needsReview,
                qPrintable(QStringLiteral("%1 – %2 written as '%3'")
                               .arg(start.toString(Qt::ISODate), end.toString(Qt::ISODate), text)));
        }
        const Timeframe open
            = TimeframeParser::parse(TimeframeParser::normalisedText(start, {}, true));
        QCOMPARE(open.start, start);
        QVERIFY(open.openEnded && !open.end.isValid());
        const Timeframe deadline
            = TimeframeParser::parse(TimeframeParser::normalisedText({}, start));
        QCOMPARE(deadline.end, start);
        QVERIFY(!deadline.start.isValid() && !deadline.openEnded);
    }
}

void TestTimeframe::normalisedTextOfStartOnlyIsOpenEnded()
{
    // A start with no end can only be written "from …".
    QCOMPARE(TimeframeParser::normalisedText(fyStart(2026), {}, false),
             QStringLiteral("from 2026/27"));
}

void TestTimeframe::normalisedTextPrefersEndOverOpenEnded()
{
    // The dates are what was edited; an end date closes the range.
    QCOMPARE(TimeframeParser::normalisedText(fyStart(2026), fyEnd(2027), true),
             QStringLiteral("2026/27"));
}

QTEST_GUILESS_MAIN(TestTimeframe)
#include "tst_timeframe.moc"
