// The window on the demo plan, driven offscreen.
#include "mainwindow.h"
#include "planbrowser.h"
#include "planfixtures.h"
#include "planroles.h"
#include "plansession.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ciplanner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensTheDemoPlanAndListsItsPortfolios()
    {
        const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        MainWindow window;
        QAbstractItemModelTester tester(window.browser()->navigator()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(window.openPlan(plan).isOk());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.browser()->navigator()->model()->rowCount(), 30);
        QVERIFY(window.statusText().contains(QLatin1String("145 intentions")));
        QVERIFY(window.statusText().contains(QLatin1String("plan.sqlite")));
        QVERIFY(window.windowTitle().contains(QLatin1String("plan.sqlite")));
    }

    void selectingAPortfolioListsItsIntentions_data()
    {
        QTest::addColumn<QString>("portfolio");
        QTest::addColumn<int>("rows");
        // Row counts per portfolio of nel-2026-27-intentions.csv (NOTES.md).
        QTest::newRow("LTC") << QStringLiteral("Long Term Conditions") << 18;
        QTest::newRow("maternity") << QStringLiteral("Maternity and Neonatal") << 10;
        QTest::newRow("cancer") << QStringLiteral("Cancer Screening and Surveillance") << 8;
        QTest::newRow("JFP-only portfolio") << QStringLiteral("Digital") << 0;
    }

    void selectingAPortfolioListsItsIntentions()
    {
        QFETCH(QString, portfolio);
        QFETCH(int, rows);
        const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        MainWindow window;
        QVERIFY(window.openPlan(plan).isOk());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.workspaces()->setCurrentWidget(window.browser()); // the Portfolios tab
        QTreeView *navigator = window.browser()->navigator();
        const auto matches = navigator->model()->match(navigator->model()->index(0, 0), Qt::DisplayRole, portfolio,
                                                       1, Qt::MatchExactly);
        QCOMPARE(matches.size(), 1);
        // Click the portfolio as a user would.
        navigator->scrollTo(matches.first());
        QTest::mouseClick(navigator->viewport(), Qt::LeftButton, {}, navigator->visualRect(matches.first()).center());
        QCOMPARE(window.browser()->visibleIntentionCount(), rows);
        QCOMPARE(window.browser()->intentionList()->model()->rowCount(), rows);
        for (int row = 0; row < rows; ++row) {
            QCOMPARE(window.browser()->intentionList()->model()->index(row, 0).data(PlanRoles::PortfolioIdRole),
                     matches.first().data(PlanRoles::IdRole));
        }
    }

    void refusesABadFileAndKeepsTheOpenPlan()
    {
        const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        const QString bad = QDir(m_dir.path()).filePath(QStringLiteral("letter.sqlite"));
        {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("Dear provider,\n");
        }
        MainWindow window;
        QVERIFY(window.openPlan(plan).isOk());
        const auto refused = window.openPlan(bad);
        QVERIFY(!refused.isOk());
        QVERIFY(refused.error().contains(QLatin1String("letter.sqlite")));
        QCOMPARE(window.session()->path(), QFileInfo(plan).absoluteFilePath());
        QVERIFY(window.statusText().contains(QLatin1String("145 intentions")));
    }

    void remembersRecentPlansAndGeometry()
    {
        const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()), QStringLiteral("recent.sqlite"));
        {
            MainWindow window;
            QVERIFY(window.openPlan(plan).isOk());
            window.resize(1600, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QCOMPARE(UserPlan::recentPlans().value(0), QFileInfo(plan).absoluteFilePath());
        QCOMPARE(UserPlan::resolve(QString()).value(), QFileInfo(plan).absoluteFilePath());
        MainWindow again;
        QCOMPARE(again.size(), QSize(1600, 900));
    }

    void firstRunCopiesTheDemoPlanAndNeverWritesTheBundledOne()
    {
        QSettings().clear();
        QFile::remove(UserPlan::demoCopyPath());
        const auto path = UserPlan::resolve(QString());
        QVERIFY(path.isOk());
        QCOMPARE(path.value(), UserPlan::demoCopyPath());
        QVERIFY(QFileInfo(path.value()).isWritable());
        QCOMPARE(PlanFixtures::fileHash(path.value()), PlanFixtures::fileHash(UserPlan::bundledDemoPlan()));
        auto session = PlanSession::open(path.value());
        QVERIFY2(session.isOk(), qPrintable(session.error()));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
