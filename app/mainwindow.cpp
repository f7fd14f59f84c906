#include "mainwindow.h"

#include "database.h"
#include "intentionlistmodel.h"
#include "planbrowser.h"
#include "plansession.h"
#include "planstores.h"
#include "portfoliotreemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace {
const auto geometryKey = QStringLiteral("window/geometry");
const auto stateKey = QStringLiteral("window/state");
const auto browserKey = QStringLiteral("window/browser");
const auto planFilter = QStringLiteral("Plans (*.sqlite *.db);;All files (*)");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_portfolioTree(new PortfolioTreeModel(this))
    , m_intentions(new IntentionListModel(this))
    , m_browser(new PlanBrowser(this))
    , m_planLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_browser->setModels(m_portfolioTree, m_intentions);
    setCentralWidget(m_browser);
    m_planLabel->setObjectName(QStringLiteral("planLabel"));
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    statusBar()->addWidget(m_planLabel, 1);
    statusBar()->addPermanentWidget(m_countsLabel);
    createActions();

    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1360, 820);
    restoreState(settings.value(stateKey).toByteArray());
    m_browser->restoreState(settings.value(browserKey).toByteArray());
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New plan…"), this, &MainWindow::newPlan);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open…"), this, &MainWindow::openPlanDialog);
    openAction->setShortcut(QKeySequence::Open);
    m_saveCopyAction = file->addAction(tr("Save a &copy as…"), this, &MainWindow::saveCopyAs);
    m_saveCopyAction->setShortcut(QKeySequence::SaveAs);
    m_recentMenu = file->addMenu(tr("&Recent plans"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About the planner"), this, &MainWindow::about);
    updateRecentMenu();
}

Result<void> MainWindow::openPlan(const QString &path)
{
    auto session = PlanSession::open(path);
    if (!session)
        return Error{session.error()};
    m_session = std::move(session.value());
    UserPlan::remember(m_session->path());
    reload();
    updateRecentMenu();
    updateTitle();
    if (!m_session->database().backupPath().isEmpty()) {
        statusBar()->showMessage(tr("The plan was upgraded; a backup of the previous version is at %1")
                                     .arg(QDir::toNativeSeparators(m_session->database().backupPath())),
                                 15000);
    }
    return {};
}

bool MainWindow::openPlanInteractively(const QString &path)
{
    const auto opened = openPlan(path);
    if (!opened) {
        QMessageBox::critical(this, tr("Cannot open the plan"), opened.error());
        return false;
    }
    return true;
}

void MainWindow::reload()
{
    if (!m_session)
        return;
    PlanStores &stores = m_session->stores();
    const auto portfolios = stores.portfolios().list();
    const auto areas = stores.programmeAreas().list();
    const auto intentions = stores.intentions().list();
    if (!portfolios || !areas || !intentions) {
        const QString message = !portfolios ? portfolios.error() : !areas ? areas.error() : intentions.error();
        QMessageBox::critical(this, tr("Cannot read the plan"), message);
        return;
    }
    m_portfolioTree->setPlan(portfolios.value(), areas.value(), intentions.value());
    m_intentions->setIntentions(intentions.value(), areas.value());
    m_browser->selectPortfolio(0);

    int needsReview = 0;
    for (const Intention &intention : intentions.value())
        needsReview += intention.timeframe.needsReview ? 1 : 0;
    m_planLabel->setText(QDir::toNativeSeparators(m_session->path()));
    m_countsLabel->setText(tr("%1 portfolios · %2 programme areas · %3 intentions · %4 timeframes need review")
                               .arg(portfolios.value().size())
                               .arg(areas.value().size())
                               .arg(intentions.value().size())
                               .arg(needsReview));
}

QString MainWindow::statusText() const
{
    return m_planLabel->text() + QStringLiteral(" | ") + m_countsLabel->text();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = UserPlan::recentPlans();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                QMessageBox::warning(this, tr("Cannot open the plan"),
                                     tr("“%1” no longer exists; it is removed from the recent plans.")
                                         .arg(QDir::toNativeSeparators(path)));
                UserPlan::forget(path);
                updateRecentMenu();
                return;
            }
            openPlanInteractively(path);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString name = m_session ? QFileInfo(m_session->path()).fileName() : tr("no plan");
    setWindowTitle(tr("%1 — Commissioning Intentions Planner").arg(name));
    m_saveCopyAction->setEnabled(m_session != nullptr);
}

void MainWindow::newPlan()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New plan"), QString(), planFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    // The dialog has already asked before replacing; a new plan never overwrites a file.
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("Cannot create the plan"),
                             tr("“%1” already exists. Choose a new file name; an existing file is never replaced "
                                "by a new plan.")
                                 .arg(QDir::toNativeSeparators(path)));
        return;
    }
    auto created = PlanSession::create(path);
    if (!created) {
        QMessageBox::critical(this, tr("Cannot create the plan"), created.error());
        return;
    }
    created.value().reset(); // close, then open through the normal path
    openPlanInteractively(path);
}

void MainWindow::openPlanDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open plan"), QString(), planFilter);
    if (!path.isEmpty())
        openPlanInteractively(path);
}

void MainWindow::saveCopyAs()
{
    if (!m_session)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save a copy of the plan"), QString(), planFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        QMessageBox::critical(this, tr("Cannot save a copy"),
                              tr("“%1” exists and cannot be replaced.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    const auto saved = m_session->database().saveCopyAs(path);
    if (!saved) {
        QMessageBox::critical(this, tr("Cannot save a copy"), saved.error());
        return;
    }
    statusBar()->showMessage(tr("Saved a copy as %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About the planner"),
                       tr("<p><b>Commissioning Intentions Planner</b> %1</p>"
                          "<p>Portfolios, commissioning intentions, three-shift tags, timeframes and provider "
                          "contract notices for an Integrated Care Board, in one plan file.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(browserKey, m_browser->saveState());
    event->accept();
}
