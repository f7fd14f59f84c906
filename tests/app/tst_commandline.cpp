// The command-line jobs, run through the built executable as a user or a script would.
#include "planfixtures.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runPlanner(const QStringList &arguments, const QByteArray &input = {},
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CIPLANNER_BINARY), arguments);
    if (!input.isNull()) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// Counts from `--check` output lines "name: N".
QHash<QString, int> counts(const QString &output)
{
    QHash<QString, int> result;
    static const QRegularExpression line(QStringLiteral("^([a-z ]+): (\\d+)$"), QRegularExpression::MultilineOption);
    auto it = line.globalMatch(output);
    while (it.hasNext()) {
        const auto match = it.next();
        result.insert(match.captured(1), match.captured(2).toInt());
    }
    return result;
}

int csvRows(const QString &name)
{
    QFile file(QStringLiteral(CIPLANNER_DEMO_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // Count records, not lines: quoted fields in these files do not span lines (NOTES.md).
    int rows = 0;
    while (!file.atEnd()) {
        if (!file.readLine().trimmed().isEmpty())
            ++rows;
    }
    return rows - 1;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void helpListsTheHeadlessJobs()
    {
        const Run run = runPlanner({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *job : {"--plan", "--check", "--parse-timeframe", "--import-csv"})
            QVERIFY2(run.out.contains(QLatin1String(job)), job);
    }

    void parseTimeframePrintsOneLineOfJson()
    {
        const Run run = runPlanner({QStringLiteral("--parse-timeframe"), QStringLiteral("26/27 onwards")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QStringLiteral("{\"raw\":\"26/27 onwards\",\"start\":\"2026-04-01\",\"end\":null,\"open_ended\":true,"
                                "\"review\":null,\"flags\":[],\"needs_review\":false,\"reason\":null}\n"));
    }

    void parseTimeframeReadsStandardInputLineByLine()
    {
        const Run run = runPlanner({QStringLiteral("--parse-timeframe"), QStringLiteral("-")},
                                   QByteArrayLiteral("2026-2029\r\ntbc\n2026/27 – 2030/31\n"));
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).contains(QLatin1String("\"start\":\"2026-04-01\",\"end\":\"2029-03-31\"")));
        QVERIFY(lines.at(1).contains(QLatin1String("\"needs_review\":true")));
        QVERIFY(lines.at(2).contains(QString::fromUtf8("\"raw\":\"2026/27 – 2030/31\"")));
        QVERIFY(lines.at(2).contains(QLatin1String("\"end\":\"2031-03-31\"")));
    }

    void checkPrintsTheDemoPlanCountsMatchingTheCsvFiles()
    {
        const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()), QStringLiteral("check.sqlite"));
        QVERIFY(!plan.isEmpty());
        const Run run = runPlanner({QStringLiteral("--plan"), plan, QStringLiteral("--check")});
        QCOMPARE(run.exitCode, 0);
        const auto c = counts(run.out);
        QCOMPARE(c.value(QStringLiteral("intentions")), csvRows(QStringLiteral("nel-2026-27-intentions.csv")));
        QCOMPARE(c.value(QStringLiteral("intentions")), 145);
        QCOMPARE(c.value(QStringLiteral("places")), csvRows(QStringLiteral("nel-places.csv")));
        QCOMPARE(c.value(QStringLiteral("providers")), csvRows(QStringLiteral("nel-providers.csv")));
        // The twelve portfolios of the intentions tables and the Forward Plan's eighteen others.
        QCOMPARE(c.value(QStringLiteral("portfolios")), 30);
        QVERIFY(c.value(QStringLiteral("programme areas")) > 0);
        QVERIFY(c.contains(QStringLiteral("notices")));
        // Every typo is listed for review with its raw text.
        for (const char *raw : {"\"2026-2828\"", "\"2026=2027\"", "\"2020 27\"", "\"tbc\""})
            QVERIFY2(run.out.contains(QLatin1String(raw)), raw);
        QCOMPARE(c.value(QStringLiteral("timeframes needing review")), 4);
    }

    void checkRefusesATextFileAndLeavesItByteIdentical()
    {
        const QString path = QDir(m_dir.path()).filePath(QStringLiteral("notes.sqlite"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("These are meeting notes, not a plan.\n");
        }
        const QByteArray before = PlanFixtures::fileHash(path);
        const Run run = runPlanner({QStringLiteral("--plan"), path, QStringLiteral("--check")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("notes.sqlite")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("not a plan")), qPrintable(run.err));
        QCOMPARE(PlanFixtures::fileHash(path), before);
        QCOMPARE(PlanFixtures::sideFiles(path), QStringList());
    }

    void checkRefusesAMissingFile()
    {
        const QString path = QDir(m_dir.path()).filePath(QStringLiteral("missing.sqlite"));
        const Run run = runPlanner({QStringLiteral("--plan"), path, QStringLiteral("--check")});
        QVERIFY(run.exitCode != 0);
        QVERIFY(run.err.contains(QLatin1String("missing.sqlite")));
        QVERIFY(run.err.contains(QLatin1String("does not exist")));
        QVERIFY(!QFile::exists(path));
    }

    void importCsvAddsEveryRowOrNothing()
    {
        const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()), QStringLiteral("import.sqlite"));
        const QString good = QDir(m_dir.path()).filePath(QStringLiteral("good.csv"));
        {
            QFile file(good);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("portfolio,programme_area,intention,timeframe,shift_community,shift_prevention,shift_digital,"
                       "source_page\r\n"
                       "Planned Care,Outpatients,\"Expand advice and guidance, and \"\"see on symptom\"\"\",2027-2029,Y,,Y,\r\n"
                       "Dental,Access,Recommission urgent dental access,26/27 onwards,Y,Y,,\r\n");
        }
        Run run = runPlanner({QStringLiteral("--plan"), plan, QStringLiteral("--import-csv"), good});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("imported 2 intentions")), qPrintable(run.out));
        run = runPlanner({QStringLiteral("--plan"), plan, QStringLiteral("--check")});
        QCOMPARE(counts(run.out).value(QStringLiteral("intentions")), 147);
        QCOMPARE(counts(run.out).value(QStringLiteral("portfolios")), 31);

        const QString bad = QDir(m_dir.path()).filePath(QStringLiteral("bad.csv"));
        {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("portfolio,programme_area,intention,timeframe,shift_community,shift_prevention,shift_digital,"
                       "source_page\n"
                       "Planned Care,Outpatients,A good row,2027,Y,,,\n"
                       "Planned Care,Outpatients,A row with a bad tick,2027,maybe,,,\n");
        }
        const QByteArray before = PlanFixtures::fileHash(plan);
        run = runPlanner({QStringLiteral("--plan"), plan, QStringLiteral("--import-csv"), bad});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("line 3")), qPrintable(run.err));
        QCOMPARE(PlanFixtures::fileHash(plan), before);
        run = runPlanner({QStringLiteral("--plan"), plan, QStringLiteral("--check")});
        QCOMPARE(counts(run.out).value(QStringLiteral("intentions")), 147);
    }

    void windowWithoutDisplaySaysSoAndListsTheJobs()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        const Run run = runPlanner({}, {}, env);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("no display")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("--check")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
