#include "intentionsfeature.h"

#include "intentionexport.h"
#include "intentiongrid.h"
#include "intentiontablemodel.h"
#include "mainwindow.h"
#include "plancontext.h"
#include "tableexport.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

Result<void> exportIntentionView(const IntentionGrid &grid, const QString &path)
{
    if (!grid.tableModel())
        return Error{QObject::tr("Open a plan first.")};
    return TableExport::write(path, IntentionExport::rows(*grid.tableModel(), grid.shownIds()));
}

namespace {

void exportInteractively(MainWindow &window, IntentionGrid &grid)
{
    const QString xlsx = QObject::tr("Excel workbook (*.xlsx)");
    const QString csv = QObject::tr("CSV, comma-separated (*.csv)");
    QString chosenFilter = xlsx;
    QString path = QFileDialog::getSaveFileName(&window, QObject::tr("Export the intentions shown"),
                                                QObject::tr("intentions.xlsx"), xlsx + QStringLiteral(";;") + csv,
                                                &chosenFilter);
    if (path.isEmpty())
        return;
    if (!TableExport::formatForPath(path))
        path += chosenFilter == csv ? QStringLiteral(".csv") : QStringLiteral(".xlsx");
    const auto written = exportIntentionView(grid, path);
    if (!written) {
        QMessageBox::critical(&window, QObject::tr("Cannot export the intentions"), written.error());
        return;
    }
    window.statusBar()->showMessage(QObject::tr("Exported %1 intentions to %2")
                                        .arg(grid.shownIds().size())
                                        .arg(QDir::toNativeSeparators(path)),
                                    10000);
}

} // namespace

void installIntentionsFeature(MainWindow &window)
{
    auto *grid = new IntentionGrid(&window);
    window.addWorkspace(grid, QObject::tr("Intentions"));
    // The grid is where the day is spent: the first tab, open at start.
    QTabWidget *tabs = window.workspaces();
    tabs->tabBar()->moveTab(tabs->indexOf(grid), 0);
    tabs->setCurrentWidget(grid);

    // An action chosen from a menu while another workspace shows brings the grid forward.
    const auto showGrid = [tabs, grid] { tabs->setCurrentWidget(grid); };
    const auto action = [grid](IntentionGrid::Action which) { return grid->actionFor(which); };

    QMenu *edit = window.menu(MainWindow::Menu::Edit);
    edit->addSeparator();
    edit->addAction(action(IntentionGrid::Action::Copy));
    edit->addAction(action(IntentionGrid::Action::Paste));

    QMenu *plan = window.menu(MainWindow::Menu::Plan);
    for (IntentionGrid::Action which : {IntentionGrid::Action::Add, IntentionGrid::Action::Duplicate,
                                        IntentionGrid::Action::Delete, IntentionGrid::Action::BulkEdit,
                                        IntentionGrid::Action::History}) {
        plan->addAction(action(which));
        QObject::connect(action(which), &QAction::triggered, tabs, showGrid);
    }
    plan->addSeparator();
    auto *exportAction = new QAction(QObject::tr("&Export intentions shown…"), grid);
    exportAction->setObjectName(QStringLiteral("exportIntentionsAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(QObject::tr("Write the intentions the filters show to an Excel workbook or a CSV file"));
    QObject::connect(exportAction, &QAction::triggered, grid,
                     [&window, grid] { exportInteractively(window, *grid); });
    plan->addAction(exportAction);

    QMenu *view = window.menu(MainWindow::Menu::View);
    QMenu *groupBy = view->addMenu(QObject::tr("&Group intentions by"));
    groupBy->setObjectName(QStringLiteral("groupByMenu"));
    auto *groupings = new QActionGroup(groupBy);
    const std::pair<IntentionGroupModel::Grouping, QString> choices[] = {
        {IntentionGroupModel::Grouping::PortfolioAndProgrammeArea, QObject::tr("Portfolio and programme area")},
        {IntentionGroupModel::Grouping::Portfolio, QObject::tr("Portfolio")},
        {IntentionGroupModel::Grouping::None, QObject::tr("Nothing (a flat list)")},
    };
    for (const auto &[grouping, label] : choices) {
        QAction *choice = groupBy->addAction(label);
        choice->setCheckable(true);
        choice->setChecked(grid->grouping() == grouping);
        choice->setObjectName(QStringLiteral("groupBy%1").arg(int(grouping)));
        groupings->addAction(choice);
        QObject::connect(choice, &QAction::triggered, grid, [grid, tabs, grouping] {
            grid->setGrouping(grouping);
            tabs->setCurrentWidget(grid);
        });
    }
    view->addAction(action(IntentionGrid::Action::PlanOrder));

    auto *counts = new QLabel(&window);
    counts->setObjectName(QStringLiteral("intentionCountsLabel"));
    window.statusBar()->addPermanentWidget(counts);
    QObject::connect(grid, &IntentionGrid::countsChanged, counts, [counts, grid] { counts->setText(grid->countsText()); });
    QObject::connect(grid, &IntentionGrid::statusMessage, &window,
                     [&window](const QString &message) { window.statusBar()->showMessage(message, 10000); });

    QObject::connect(&window, &MainWindow::planChanged, grid, [grid, exportAction](PlanContext *context) {
        grid->setContext(context);
        exportAction->setEnabled(context != nullptr);
    });
    grid->setContext(window.context());
    exportAction->setEnabled(window.context() != nullptr);
}
