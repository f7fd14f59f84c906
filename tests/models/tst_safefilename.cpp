#include "safefilename.h"

#include <QTest>

namespace {

// What a safe name must never contain or be, whatever the input.
QString unsafeBecause(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("empty");
    for (QChar c : name) {
        if (QStringLiteral("/\\:*?\"<>|").contains(c))
            return QStringLiteral("contains %1").arg(c);
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || (c.unicode() >= 0x80 && c.unicode() < 0xA0))
            return QStringLiteral("contains a control character");
        if (c.category() == QChar::Other_Format)
            return QStringLiteral("contains a format character");
    }
    if (name.contains(QLatin1String("..")))
        return QStringLiteral("contains ..");
    if (name.startsWith(u'.') || name.startsWith(u' ') || name.endsWith(u'.') || name.endsWith(u' '))
        return QStringLiteral("starts or ends with a dot or space");
    if (QStringLiteral("-=+@").contains(name.at(0)))
        return QStringLiteral("starts like an option or a formula");
    if (SafeFileName::isReservedWindowsName(name))
        return QStringLiteral("is a reserved Windows name");
    if (name.toUtf8().size() > SafeFileName::maxUtf8Bytes)
        return QStringLiteral("is too long");
    return {};
}

} // namespace

class TestSafeFileName : public QObject
{
    Q_OBJECT

private slots:
    void makesHostileNamesSafe_data();
    void makesHostileNamesSafe();
    void keepsOrdinaryNamesReadable_data();
    void keepsOrdinaryNamesReadable();
    void recognisesReservedWindowsNames_data();
    void recognisesReservedWindowsNames();
    void limitsLengthWithoutSplittingCharacters();
    void limitsUtf8BytesForLongNonLatinNames();
    void neverReturnsAnEmptyName();
    void numbersDuplicatesWithinABatch();
    void treatsNamesDifferingOnlyInCaseAsTheSame();
    void keepsReservedNamesFree();
};

void TestSafeFileName::makesHostileNamesSafe_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("path traversal") << "../../etc/passwd";
    QTest::newRow("windows traversal") << "..\\..\\Windows\\System32";
    QTest::newRow("absolute") << "/etc/shadow";
    QTest::newRow("unc") << "\\\\server\\share\\x";
    QTest::newRow("drive") << "C:\\Users\\Public";
    QTest::newRow("html") << "<b>A&E</b> \"Trust\" O'Neil";
    QTest::newRow("wildcards") << "what? * | everything";
    QTest::newRow("only dots") << "....";
    QTest::newRow("dot dot") << "..";
    QTest::newRow("leading dot") << ".hidden";
    QTest::newRow("trailing dot and space") << "Trust. ";
    QTest::newRow("control characters") << QStringLiteral("Tab\there\nnew\rline\x01\x7F");
    QTest::newRow("c1 control") << QStringLiteral("A\u0085B\u009FC");
    QTest::newRow("right-to-left override") << QStringLiteral("Trust\u202Efdp.exe");
    QTest::newRow("zero width") << QStringLiteral("Tr\u200Bust\uFEFF");
    QTest::newRow("CON") << "CON";
    QTest::newRow("con with extension") << "con.txt";
    QTest::newRow("COM1") << "COM1";
    QTest::newRow("lpt9 mixed case") << "lPt9";
    QTest::newRow("nul with space") << "NUL ";
    QTest::newRow("aux dotted") << "AUX.tar.gz";
    QTest::newRow("empty") << "";
    QTest::newRow("spaces") << "   ";
    QTest::newRow("only forbidden") << "/\\:*?\"<>|";
    QTest::newRow("very long") << QString(500, u'x');
    QTest::newRow("dots inside") << "A...B....C";
    QTest::newRow("spaced dots") << "A . . B";
    QTest::newRow("option") << "--help";
    QTest::newRow("formula") << "=cmd|' /C calc'!A0";
}

void TestSafeFileName::makesHostileNamesSafe()
{
    QFETCH(QString, text);
    const QString name = SafeFileName::baseName(text);
    QVERIFY2(unsafeBecause(name).isEmpty(),
             qPrintable(QStringLiteral("“%1” %2").arg(name, unsafeBecause(name))));
    SafeFileNamer namer(QStringLiteral("pdf"));
    const QString file = namer.take(text);
    QVERIFY(file.endsWith(QLatin1String(".pdf")));
    QVERIFY2(unsafeBecause(file).isEmpty(),
             qPrintable(QStringLiteral("“%1” %2").arg(file, unsafeBecause(file))));
}

void TestSafeFileName::keepsOrdinaryNamesReadable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Homerton" << "Homerton";
    QTest::newRow("brackets and comma")
        << "Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)"
        << "Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)";
    QTest::newRow("ampersand kept") << "Barking & Dagenham" << "Barking & Dagenham";
    QTest::newRow("slash becomes space") << "ELFT/NELFT" << "ELFT NELFT";
    QTest::newRow("html") << "<b>A&E</b> \"Trust\" O'Neil" << "b A&E b Trust O'Neil";
    QTest::newRow("traversal") << "../../etc/passwd" << "etc passwd";
    QTest::newRow("spaces collapse") << "  Barts   Health  " << "Barts Health";
    QTest::newRow("accents kept") << QStringLiteral("Santé Hôpital") << QStringLiteral("Santé Hôpital");
    QTest::newRow("decomposed to NFC") << QStringLiteral("Sante\u0301") << QStringLiteral("Santé");
    QTest::newRow("CON") << "CON" << "CON_";
    QTest::newRow("con.txt") << "con.txt" << "con_.txt";
    QTest::newRow("CONSORTIUM is fine") << "CONSORTIUM" << "CONSORTIUM";
    QTest::newRow("COM10 is fine") << "COM10" << "COM10";
    QTest::newRow("dots collapse") << "A...B" << "A.B";
    QTest::newRow("empty gives fallback") << "" << "letter";
    QTest::newRow("rtl override dropped") << QStringLiteral("Trust\u202Efdp.exe") << "Trustfdp.exe";
    QTest::newRow("option-like") << "-rf Trust" << "rf Trust";
    QTest::newRow("formula-like") << "=HYPERLINK(\"x\")" << "HYPERLINK( x )";
    QTest::newRow("at and plus") << "@+Trust" << "Trust";
    QTest::newRow("hyphen inside kept") << "Barking-Havering" << "Barking-Havering";
}

void TestSafeFileName::keepsOrdinaryNamesReadable()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SafeFileName::baseName(text), expected);
}

void TestSafeFileName::recognisesReservedWindowsNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("reserved");
    for (const char *name : {"CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "LPT9", "con",
                             "Nul.pdf", "com3.tar.gz", "LPT2 .txt"})
        QTest::newRow(name) << QString::fromLatin1(name) << true;
    for (const char *name : {"CONS", "COM0", "COM10", "LPT", "NULL", "A CON", "_CON", "CON_"})
        QTest::newRow(name) << QString::fromLatin1(name) << false;
}

void TestSafeFileName::recognisesReservedWindowsNames()
{
    QFETCH(QString, name);
    QFETCH(bool, reserved);
    QCOMPARE(SafeFileName::isReservedWindowsName(name), reserved);
}

void TestSafeFileName::limitsLengthWithoutSplittingCharacters()
{
    // U+1F3E5 (hospital) is two UTF-16 units; cutting between them would leave half a character.
    QString text;
    for (int i = 0; i < 100; ++i)
        text += QStringLiteral("a\U0001F3E5");
    const QString name = SafeFileName::baseName(text, 11);
    QCOMPARE(name.toUcs4().size(), 11);
    QCOMPARE(name.size(), 6 + 5 * 2); // a, 🏥, a, 🏥, … : six letters and five whole pairs
    QVERIFY(!name.back().isHighSurrogate());
    QCOMPARE(SafeFileName::baseName(QString(300, u'x')).size(), SafeFileName::defaultMaxLength);
}

void TestSafeFileName::limitsUtf8BytesForLongNonLatinNames()
{
    const QString text(200, QChar(0x4E2D)); // 3 bytes each in UTF-8
    const QString name = SafeFileName::baseName(text);
    QVERIFY(name.toUtf8().size() <= SafeFileName::maxUtf8Bytes);
    QCOMPARE(name.size(), SafeFileName::maxUtf8Bytes / 3);
}

void TestSafeFileName::neverReturnsAnEmptyName()
{
    for (const QString &text : {QString(), QStringLiteral(" "), QStringLiteral("..."),
                                QStringLiteral("\x01\x02"), QStringLiteral("|||"),
                                QStringLiteral("\u202E\u200B")})
        QCOMPARE(SafeFileName::baseName(text), QStringLiteral("letter"));
}

void TestSafeFileName::numbersDuplicatesWithinABatch()
{
    SafeFileNamer namer(QStringLiteral("pdf"));
    QCOMPARE(namer.take(QStringLiteral("Homerton")), QStringLiteral("Homerton.pdf"));
    QCOMPARE(namer.take(QStringLiteral("Homerton")), QStringLiteral("Homerton (2).pdf"));
    QCOMPARE(namer.take(QStringLiteral("Homerton/")), QStringLiteral("Homerton (3).pdf"));
    QCOMPARE(namer.take(QStringLiteral("")), QStringLiteral("letter.pdf"));
    QCOMPARE(namer.take(QStringLiteral("...")), QStringLiteral("letter (2).pdf"));
}

void TestSafeFileName::treatsNamesDifferingOnlyInCaseAsTheSame()
{
    SafeFileNamer namer(QStringLiteral("odt"));
    QCOMPARE(namer.take(QStringLiteral("Barts Health")), QStringLiteral("Barts Health.odt"));
    QCOMPARE(namer.take(QStringLiteral("BARTS HEALTH")), QStringLiteral("BARTS HEALTH (2).odt"));
    QVERIFY(namer.isTaken(QStringLiteral("barts health.ODT")));
}

void TestSafeFileName::keepsReservedNamesFree()
{
    SafeFileNamer namer(QStringLiteral("csv"));
    namer.reserve(QStringLiteral("index.csv"));
    QCOMPARE(namer.take(QStringLiteral("index")), QStringLiteral("index (2).csv"));
}

QTEST_GUILESS_MAIN(TestSafeFileName)
#include "tst_safefilename.moc"
