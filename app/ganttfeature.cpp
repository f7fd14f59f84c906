#include "ganttfeature.h"

#include "entities.h"
#include "ganttexport.h"
#include "ganttview.h"
#include "intentionfilterproxy.h"
#include "intentiongrid.h"
#include "intentiongroupmodel.h"
#include "intentiontablemodel.h"
#include "mainwindow.h"
#include "plancontext.h"
#include "timeframe.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>

namespace GanttFeature {

GanttExportOptions exportOptions(PlanContext *context)
{
    GanttExportOptions options;
    options.today = QDate::currentDate();
    if (!context)
        return options;
    if (const auto settings = context->stores().settings().load()) {
        options.noticeDate = settings.value().noticeIssueDate;
        options.title = QObject::tr("%1 — commissioning intentions %2")
                            .arg(settings.value().icbName, settings.value().planningYear.toString());
    }
    return options;
}

Result<void> exportTimeline(QAbstractItemModel *model, PlanContext *context, const QString &path)
{
    if (!model || !context)
        return Error{QObject::tr("Open a plan first.")};
    return GanttExport(model, exportOptions(context)).write(path);
}

} // namespace GanttFeature

namespace {

// Without the intentions grid, a tab of its own: a tree over the same models beside the view.
class TimelineWorkspace : public QSplitter
{
public:
    explicit TimelineWorkspace(GanttView *gantt)
        : QSplitter(Qt::Horizontal)
        , m_tree(new QTreeView(this))
    {
        setObjectName(QStringLiteral("timelineWorkspace"));
        m_tree->setUniformRowHeights(true);
        m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
        addWidget(m_tree);
        addWidget(gantt);
        setStretchFactor(1, 2);
        m_gantt = gantt;
    }

    void setContext(PlanContext *context)
    {
        QItemSelectionModel *old = m_tree->selectionModel();
        m_tree->setModel(nullptr);
        delete old;
        m_groups.reset();
        m_proxy.reset();
        m_table.reset();
        if (!context)
            return;
        m_table = std::make_unique<IntentionTableModel>(*context);
        if (const auto loaded = m_table->reload(); !loaded)
            return;
        m_proxy = std::make_unique<IntentionFilterProxy>();
        m_proxy->setSourceModel(m_table.get());
        m_groups = std::make_unique<IntentionGroupModel>();
        m_groups->setSourceModel(m_proxy.get());
        m_tree->setModel(m_groups.get());
        for (int column = IntentionTableModel::TextColumn; column < IntentionTableModel::ColumnCount; ++column)
            m_tree->setColumnHidden(column, column != IntentionTableModel::TimeframeColumn);
        m_tree->expandAll();
        QObject::connect(m_table.get(), &IntentionTableModel::editRejected, m_gantt, &GanttView::noteRejectedEdit);
        m_gantt->setTreeView(m_tree);
    }

    QTreeView *tree() const { return m_tree; }

private:
    QTreeView *m_tree;
    GanttView *m_gantt = nullptr;
    std::unique_ptr<IntentionTableModel> m_table;
    std::unique_ptr<IntentionFilterProxy> m_proxy;
    std::unique_ptr<IntentionGroupModel> m_groups;
};

void addScrollBarButton(GanttView *gantt, const QString &text, QAction *action)
{
    // Beside the timeline's scroll bar, as tall as it: a toolbar above the rows would push
    // them down out of line with the grid's.
    auto *button = new QToolButton(gantt);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setText(text);
    button->setToolTip(action->toolTip());
    button->setAutoRaise(true);
    button->setFixedHeight(gantt->horizontalScrollBar()->sizeHint().height());
    QObject::connect(button, &QToolButton::clicked, action, &QAction::trigger);
    gantt->addScrollBarWidget(button, Qt::AlignLeft);
}

} // namespace

void installGanttFeature(MainWindow &window)
{
    auto *gantt = new GanttView;
    gantt->setObjectName(QStringLiteral("ganttView"));
    auto *grid = window.findChild<IntentionGrid *>();
    TimelineWorkspace *workspace = nullptr;
    if (grid) {
        grid->setSidePane(gantt);
        gantt->setTreeView(grid->treeView());
        auto follow = [grid, gantt] {
            // New models for a new plan: the view follows the tree, refusals come from the table.
            gantt->setTreeView(grid->treeView());
            if (grid->tableModel())
                QObject::connect(grid->tableModel(), &IntentionTableModel::editRejected, gantt,
                                 &GanttView::noteRejectedEdit, Qt::UniqueConnection);
        };
        QObject::connect(grid, &IntentionGrid::modelsChanged, gantt, follow);
        follow();
    } else {
        workspace = new TimelineWorkspace(gantt);
        window.addWorkspace(workspace, QObject::tr("Timeline"));
    }
    auto rows = [grid, workspace]() -> QAbstractItemModel * {
        if (grid)
            return grid->groupModel();
        return workspace && workspace->tree() ? workspace->tree()->model() : nullptr;
    };

    // --- view actions -------------------------------------------------------------------
    auto action = [gantt](const QString &text, const QString &name, const QString &tip) {
        auto *created = new QAction(text, gantt);
        created->setObjectName(name);
        created->setToolTip(tip);
        return created;
    };
    QAction *zoomOut = action(QObject::tr("Zoom &out"), QStringLiteral("ganttZoomOutAction"),
                              QObject::tr("Zoom the timeline out (−, Ctrl+wheel)"));
    QAction *zoomIn = action(QObject::tr("Zoom &in"), QStringLiteral("ganttZoomInAction"),
                             QObject::tr("Zoom the timeline in (+, Ctrl+wheel)"));
    QAction *fit = action(QObject::tr("Fit plan"), QStringLiteral("ganttFitAction"),
                          QObject::tr("Show every dated intention"));
    QAction *today = action(QObject::tr("Today"), QStringLiteral("ganttTodayAction"),
                            QObject::tr("Scroll the timeline to today"));
    QAction *goTo = action(QObject::tr("Go to date…"), QStringLiteral("ganttGoToAction"),
                           QObject::tr("Scroll the timeline to a date, month or financial year"));
    QObject::connect(zoomOut, &QAction::triggered, gantt, &GanttView::zoomOut);
    QObject::connect(zoomIn, &QAction::triggered, gantt, &GanttView::zoomIn);
    QObject::connect(fit, &QAction::triggered, gantt, &GanttView::fitPlan);
    QObject::connect(today, &QAction::triggered, gantt, &GanttView::scrollToToday);
    QObject::connect(goTo, &QAction::triggered, gantt, [&window, gantt] {
        bool ok = false;
        const QString text = QInputDialog::getText(&window, QObject::tr("Go to date"),
                                                   QObject::tr("Date, month or financial year (e.g. 2027/28, "
                                                               "October 2026, 1 April 2027):"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (!ok || text.trimmed().isEmpty())
            return;
        // The planner's own reading of dates, so "2027/28" means 1 April 2027 as everywhere else.
        const Timeframe read = TimeframeParser::parse(text);
        const QDate date = read.start.isValid() ? read.start : read.end;
        if (!date.isValid() || read.needsReview) {
            QMessageBox::information(&window, QObject::tr("Go to date"),
                                     QObject::tr("“%1” is not a date the planner can read.").arg(text));
            return;
        }
        gantt->scrollToDate(date);
    });
    // Each one added goes in front of the last: this reads "− + Fit Today".
    addScrollBarButton(gantt, QObject::tr("Today"), today);
    addScrollBarButton(gantt, QObject::tr("Fit"), fit);
    addScrollBarButton(gantt, QObject::tr("+"), zoomIn);
    addScrollBarButton(gantt, QObject::tr("−"), zoomOut);

    QMenu *timeline = window.menu(MainWindow::Menu::View)->addMenu(QObject::tr("&Timeline"));
    timeline->setObjectName(QStringLiteral("timelineMenu"));
    timeline->addActions({zoomIn, zoomOut, fit, today, goTo});

    // --- output -----------------------------------------------------------------------------
    QMenu *plan = window.menu(MainWindow::Menu::Plan);
    plan->addSeparator();
    QAction *exportAction = plan->addAction(QObject::tr("Export &timeline…"));
    exportAction->setObjectName(QStringLiteral("ganttExportAction"));
    exportAction->setToolTip(QObject::tr("Write the timeline of the intentions shown to PNG, SVG or PDF"));
    QAction *printAction = plan->addAction(QObject::tr("&Print timeline…"));
    printAction->setObjectName(QStringLiteral("ganttPrintAction"));
    QObject::connect(exportAction, &QAction::triggered, gantt, [&window, rows] {
        const QString png = QObject::tr("PNG image (*.png)");
        const QString svg = QObject::tr("SVG drawing (*.svg)");
        const QString pdf = QObject::tr("PDF, A4 landscape pages (*.pdf)");
        QString chosen = pdf;
        QString path = QFileDialog::getSaveFileName(&window, QObject::tr("Export the timeline"),
                                                    QObject::tr("timeline.pdf"),
                                                    QStringList{pdf, png, svg}.join(QStringLiteral(";;")), &chosen);
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += chosen == png ? QStringLiteral(".png") : chosen == svg ? QStringLiteral(".svg") : QStringLiteral(".pdf");
        const auto written = GanttFeature::exportTimeline(rows(), window.context(), path);
        if (!written) {
            QMessageBox::critical(&window, QObject::tr("Cannot export the timeline"), written.error());
            return;
        }
        window.statusBar()->showMessage(QObject::tr("Timeline written to %1").arg(QDir::toNativeSeparators(path)),
                                        10000);
    });
    QObject::connect(printAction, &QAction::triggered, gantt, [&window, rows] {
        if (!rows() || !window.context())
            return;
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                          QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
        const GanttExport exporter(rows(), GanttFeature::exportOptions(window.context()));
        QPrintPreviewDialog preview(&printer, &window);
        preview.setWindowTitle(QObject::tr("Print the timeline"));
        QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview,
                         [&exporter](QPrinter *target) { exporter.print(target); });
        preview.exec();
    });

    // --- the plan ---------------------------------------------------------------------------
    auto follow = [gantt, workspace, exportAction, printAction](PlanContext *context) {
        if (workspace)
            workspace->setContext(context);
        exportAction->setEnabled(context != nullptr);
        printAction->setEnabled(context != nullptr);
        gantt->setNoticeDate(GanttFeature::exportOptions(context).noticeDate);
        if (context) {
            // The notice date is a plan setting: follow its edits.
            QObject::connect(context, &PlanContext::changed, gantt,
                             [gantt, context](PlanContext::Entity entity) {
                                 if (entity == PlanContext::Entity::Settings)
                                     gantt->setNoticeDate(GanttFeature::exportOptions(context).noticeDate);
                             });
        }
        gantt->fitPlan();
    };
    QObject::connect(&window, &MainWindow::planChanged, gantt, follow);
    QObject::connect(gantt, &GanttView::message, &window,
                     [&window](const QString &text) { window.statusBar()->showMessage(text, 10000); });
    follow(window.context());
}
