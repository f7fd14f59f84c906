#include "mainwindow.h"

#include "database.h"
#include "planfeatures.h"
#include "intentionlistmodel.h"
#include "plancontext.h"
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
#include <QTabWidget>
#include <QUndoStack>
#include <QUndoView>
#include <QDockWidget>

namespace {
const auto geometryKey = QStringLiteral("window/geometry");
const auto stateKey = QStringLiteral("window/state");
const auto browserKey = QStringLiteral("window/browser");
const auto planFilter = QStringLiteral("Plans (*.sqlite *.db);;All files (*)");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_workspaces(new QTabWidget(this))
    , m_portfolioTree(new PortfolioTreeModel(this))
    , m_intentions(new IntentionListModel(this))
    , m_browser(new PlanBrowser(this))
    , m_planLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_browser->setModels(m_portfolioTree, m_intentions);
    m_workspaces->setObjectName(QStringLiteral("workspaces"));
    m_workspaces->setDocumentMode(true);
    setCentralWidget(m_workspaces);
    addWorkspace(m_browser, tr("Portfolios"));
    m_planLabel->setObjectName(QStringLiteral("planLabel"));
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    statusBar()->addWidget(m_planLabel, 1);
    statusBar()->addPermanentWidget(m_countsLabel);
    createActions();
    installFeatures(*this);

    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1360, 820);
    restoreState(settings.value(stateKey).toByteArray());
    m_browser->restoreState(settings.value(browserKey).toByteArray());
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Views first, then the plan they show.
    if (m_context) {
        m_context.reset();
        emit planChanged(nullptr);
    }
}

QMenu *MainWindow::menu(Menu which) const
{
    switch (which) {
    case Menu::File:
        return m_fileMenu;
    case Menu::Edit:
        return m_editMenu;
    case Menu::View:
        return m_viewMenu;
    case Menu::Plan:
        return m_planMenu;
    case Menu::Help:
        return m_helpMenu;
    }
    return nullptr;
}

void MainWindow::addWorkspace(QWidget *workspace, const QString &title)
{
    m_workspaces->addTab(workspace, title);
}

void MainWindow::createActions()
{
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
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

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    // One undo stack per plan; the actions follow whichever plan is open.
    auto *undoAction = m_editMenu->addAction(tr("&Undo"));
    undoAction->setObjectName(QStringLiteral("undoAction"));
    undoAction->setShortcuts({QKeySequence::Undo});
    auto *redoAction = m_editMenu->addAction(tr("&Redo"));
    redoAction->setObjectName(QStringLiteral("redoAction"));
    redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    m_editMenu->addSeparator();
    auto *undoView = new QUndoView(this);
    undoView->setObjectName(QStringLiteral("undoHistory"));
    undoView->setEmptyLabel(tr("Opened the plan"));
    auto *undoDock = new QDockWidget(tr("Undo history"), this);
    undoDock->setObjectName(QStringLiteral("undoHistoryDock"));
    undoDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, undoDock);
    undoDock->hide();
    const auto followUndoStack = [undoAction, redoAction, undoView](PlanContext *context) {
        QUndoStack *stack = context ? context->undoStack() : nullptr;
        undoView->setStack(stack);
        undoAction->disconnect();
        redoAction->disconnect();
        undoAction->setEnabled(stack && stack->canUndo());
        redoAction->setEnabled(stack && stack->canRedo());
        if (!stack)
            return;
        connect(undoAction, &QAction::triggered, stack, &QUndoStack::undo);
        connect(redoAction, &QAction::triggered, stack, &QUndoStack::redo);
        connect(stack, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
        connect(stack, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
        connect(stack, &QUndoStack::undoTextChanged, undoAction, [undoAction](const QString &text) {
            undoAction->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
        });
        connect(stack, &QUndoStack::redoTextChanged, redoAction, [redoAction](const QString &text) {
            redoAction->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
        });
    };
    connect(this, &MainWindow::planChanged, this, followUndoStack);
    followUndoStack(nullptr);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(undoDock->toggleViewAction());
    m_planMenu = menuBar()->addMenu(tr("&Plan"));

    QMenu *help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About the planner"), this, &MainWindow::about);
    updateRecentMenu();
}

Result<void> MainWindow::openPlan(const QString &path)
{
    auto session = PlanSession::open(path);
    if (!session)
        return Error{session.error()};
    // The old plan's views let go of its context before its database closes.
    if (m_context) {
        m_context.reset();
        emit planChanged(nullptr);
    }
    m_session = std::move(session.value());
    m_context = std::make_unique<PlanContext>(m_session->stores());
    m_context->setPlanPath(m_session->path());
    connect(m_context.get(), &PlanContext::changed, this, [this](PlanContext::Entity entity) {
        if (entity == PlanContext::Entity::Portfolio || entity == PlanContext::Entity::ProgrammeArea
            || entity == PlanContext::Entity::Intention)
            reload();
    });
    UserPlan::remember(m_session->path());
    reload();
    updateRecentMenu();
    updateTitle();
    emit planChanged(m_context.get());
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
