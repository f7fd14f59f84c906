// The intentions grid's command-line jobs, run as a user would run them.
#include "csvreader.h"
#include "planfixtures.h"
#include "xlsxreader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run ciplanner(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CIPLANNER_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestIntentionJobs : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        QVERIFY(!m_plan.isEmpty());
    }

    void exportsEveryIntentionToCsv()
    {
        const QString file = m_dir.filePath(QStringLiteral("all.csv"));
        const Run run = ciplanner({QStringLiteral("--plan"), m_plan, QStringLiteral("--export-intentions"), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("exported 145 of 145 intentions")));
        const auto csv = CsvReader::readFile(file);
        QVERIFY2(csv.isOk(), qPrintable(csv.error()));
        QCOMPARE(csv.value().rows.size(), 145);
        QCOMPARE(csv.value().header.value(4), QStringLiteral("Timeframe"));
        QCOMPARE(csv.value().header.value(5), QStringLiteral("Start"));
        QCOMPARE(csv.value().header.value(6), QStringLiteral("End"));
    }

    void exportsOnlyTheNamedPortfolios()
    {
        const QString file = m_dir.filePath(QStringLiteral("two.csv"));
        const Run run = ciplanner({QStringLiteral("--plan"), m_plan, QStringLiteral("--export-intentions"), file,
                                   QStringLiteral("--portfolio"), QStringLiteral("Maternity and Neonatal"),
                                   QStringLiteral("--portfolio"), QStringLiteral("planned care")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto csv = CsvReader::readFile(file);
        QVERIFY(csv.isOk());
        QCOMPARE(csv.value().rows.size(), 17); // 10 + 7 (NOTES.md)
        for (const QStringList &row : csv.value().rows) {
            QVERIFY(row.constFirst() == QLatin1String("Maternity and Neonatal")
                    || row.constFirst() == QLatin1String("Planned Care"));
        }
    }

    void exportsAWorkbookThatReadsBack()
    {
        const QString file = m_dir.filePath(QStringLiteral("all.xlsx"));
        const Run run = ciplanner({QStringLiteral("--plan"), m_plan, QStringLiteral("--export-intentions"), file,
                                   QStringLiteral("--portfolio"), QStringLiteral("Maternity and Neonatal")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const XlsxReader::Sheet sheet = XlsxReader::read(file);
        QVERIFY2(sheet.error.isEmpty(), qPrintable(sheet.error));
        QCOMPARE(sheet.rows.size(), 11);
        QCOMPARE(sheet.text(0, 0), QStringLiteral("Portfolio"));
        QCOMPARE(sheet.text(0, 11), QStringLiteral("Hospital → community"));
        for (int row = 1; row <= 10; ++row) {
            QCOMPARE(sheet.text(row, 0), QStringLiteral("Maternity and Neonatal"));
            const QString tag = sheet.text(row, 11);
            QVERIFY(tag.isEmpty() || tag == QLatin1String("Y"));
        }
        // The first maternity intention runs 2026-2029: its start is a date cell, not text.
        QCOMPARE(sheet.text(1, 4), QStringLiteral("2026-2029"));
        QCOMPARE(sheet.text(1, 5).toLongLong(), QDate(1899, 12, 30).daysTo(QDate(2026, 4, 1)));
    }

    void refusesAPortfolioThePlanDoesNotHave()
    {
        const QString file = m_dir.filePath(QStringLiteral("none.csv"));
        const Run run = ciplanner({QStringLiteral("--plan"), m_plan, QStringLiteral("--export-intentions"), file,
                                   QStringLiteral("--portfolio"), QStringLiteral("Astronomy")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains(QStringLiteral("no portfolio “Astronomy”")));
        QVERIFY(run.err.contains(QLatin1String("Maternity and Neonatal"))); // says which there are
        QVERIFY(!QFile::exists(file));
    }

    void refusesAFileThatIsNotCsvOrXlsx()
    {
        const Run run = ciplanner({QStringLiteral("--plan"), m_plan, QStringLiteral("--export-intentions"),
                                   m_dir.filePath(QStringLiteral("out.ods"))});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains(QLatin1String(".csv or .xlsx")));
    }

    void generatesASyntheticPlanThatOpens()
    {
        const QString file = m_dir.filePath(QStringLiteral("synthetic.sqlite"));
        const Run made = ciplanner({QStringLiteral("--generate-synthetic"), QStringLiteral("3000"), file});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY(made.out.contains(QLatin1String("3000 intentions across 50 portfolios")));
        const Run check = ciplanner({QStringLiteral("--plan"), file, QStringLiteral("--check")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QVERIFY(check.out.contains(QLatin1String("intentions: 3000")));
        QVERIFY(check.out.contains(QLatin1String("portfolios: 50")));
    }

    void neverOverwritesAnExistingFileWithASyntheticPlan()
    {
        const QByteArray before = PlanFixtures::fileHash(m_plan);
        const Run run = ciplanner({QStringLiteral("--generate-synthetic"), QStringLiteral("10"), m_plan});
        QVERIFY(run.exitCode != 0);
        QCOMPARE(PlanFixtures::fileHash(m_plan), before);
    }

    void refusesACountThatIsNotANumber()
    {
        const Run run = ciplanner({QStringLiteral("--generate-synthetic"), QStringLiteral("many"),
                                   m_dir.filePath(QStringLiteral("x.sqlite"))});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.sqlite"))));
    }

private:
    QTemporaryDir m_dir;
    QString m_plan;
};

QTEST_GUILESS_MAIN(TestIntentionJobs)
#include "tst_intentionjobs.moc"
