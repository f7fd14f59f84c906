#include "portfoliosfeature.h"

#include "mainwindow.h"
#include "planbrowser.h"
#include "plancontext.h"
#include "portfoliochoicedialog.h"
#include "portfoliocommands.h"
#include "portfolioeditor.h"
#include "portfoliomodel.h"
#include "programmeareamodel.h"
#include "summaryexport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

namespace PortfolioSummaryActions {

PortfolioChoiceDialog *choiceDialog(PlanStoreSet &stores, bool askOrientation, const QList<Id> &preselect,
                                    QWidget *parent)
{
    const auto portfolios = stores.portfolios().list();
    const auto intentions = stores.intentions().list();
    if (!portfolios || !intentions)
        return nullptr;
    QHash<Id, int> counts;
    for (const Intention &intention : intentions.value())
        ++counts[intention.portfolioId];
    QList<PortfolioChoiceDialog::Choice> choices;
    for (const Portfolio &portfolio : portfolios.value()) {
        const int count = counts.value(portfolio.id);
        choices.append({portfolio.id, portfolio.name, count,
                        preselect.isEmpty() ? count > 0 : preselect.contains(portfolio.id)});
    }
    return new PortfolioChoiceDialog(choices, askOrientation, parent);
}

Result<int> exportPdf(PlanStoreSet &stores, const QList<Id> &portfolioIds, const QString &path,
                      QPageLayout::Orientation orientation)
{
    const auto data = SummaryData::load(stores, portfolioIds);
    if (!data)
        return Error{data.error()};
    return SummaryExport::writePdf(data.value(), path, orientation);
}

} // namespace PortfolioSummaryActions

namespace {

// Keeps the editor's models on the open plan and runs the summary actions.
class PortfoliosFeature : public QObject
{
public:
    PortfoliosFeature(MainWindow &window, PortfolioEditor *editor)
        : QObject(editor)
        , m_window(window)
        , m_editor(editor)
        , m_portfolios(new PortfolioModel(this))
        , m_areas(new ProgrammeAreaModel(this))
    {
        editor->setModels(m_portfolios, m_areas);
        connect(&window, &MainWindow::planChanged, this, &PortfoliosFeature::bind);
        connect(editor, &PortfolioEditor::statusMessage, this,
                [this](const QString &message) { m_window.statusBar()->showMessage(message, 8000); });
        // Choosing a portfolio in the browser opens it in the editor too. Only the user's choice:
        // the window reselects the browser's first row whenever the plan changes, edits included.
        connect(window.browser(), &PlanBrowser::scopeChanged, editor, [this, editor](Id portfolioId) {
            if (portfolioId != 0 && m_window.workspaces()->currentWidget() == m_window.browser())
                editor->selectPortfolio(portfolioId);
        });
        connect(m_portfolios, &PortfolioModel::loadFailed, this, &PortfoliosFeature::showLoadFailure);
        connect(m_areas, &ProgrammeAreaModel::loadFailed, this, &PortfoliosFeature::showLoadFailure);
        createActions();
        bind(window.context());
    }

private:
    void bind(PlanContext *context)
    {
        m_areas->setContext(context);
        m_portfolios->setContext(context);
        m_print->setEnabled(context != nullptr);
        m_export->setEnabled(context != nullptr);
        if (context) {
            connect(&PortfolioTracker::of(*context), &PortfolioTracker::failed, this, [this](const QString &message) {
                m_window.statusBar()->showMessage(message, 15000);
            });
        }
    }

    void showLoadFailure(const QString &message)
    {
        m_window.statusBar()->showMessage(tr("Cannot read the portfolios: %1").arg(message), 15000);
    }

    void createActions()
    {
        QMenu *file = m_window.menu(MainWindow::Menu::File);
        m_print = new QAction(tr("&Print portfolio summary…"), this);
        m_print->setObjectName(QStringLiteral("printSummaryAction"));
        m_print->setShortcut(QKeySequence::Print);
        m_export = new QAction(tr("&Export summary PDF…"), this);
        m_export->setObjectName(QStringLiteral("exportSummaryAction"));
        // Before Quit, with the other ways out of the plan onto paper.
        QAction *quit = nullptr;
        for (QAction *action : file->actions()) {
            if (action->menuRole() == QAction::QuitRole)
                quit = action;
        }
        QAction *before = quit;
        if (quit) {
            const QList<QAction *> actions = file->actions();
            const qsizetype at = actions.indexOf(quit);
            if (at > 0 && actions.at(at - 1)->isSeparator())
                before = actions.at(at - 1);
        }
        file->insertSeparator(before);
        file->insertActions(before, {m_print, m_export});
        connect(m_print, &QAction::triggered, this, &PortfoliosFeature::printSummary);
        connect(m_export, &QAction::triggered, this, &PortfoliosFeature::exportSummary);
    }

    QList<Id> preselection() const
    {
        // From the editor's tab, the portfolio in the form; anywhere else, the usual pack.
        const bool onEditor = m_window.workspaces()->currentWidget() == m_editor;
        return onEditor && m_editor->currentPortfolioId() != 0 ? QList<Id>{m_editor->currentPortfolioId()}
                                                               : QList<Id>{};
    }

    void printSummary()
    {
        PlanContext *context = m_window.context();
        if (!context)
            return;
        std::unique_ptr<PortfolioChoiceDialog> choice(
            PortfolioSummaryActions::choiceDialog(context->stores(), false, preselection(), &m_window));
        if (!choice || choice->exec() != QDialog::Accepted)
            return;
        const auto data = SummaryData::load(context->stores(), choice->checkedIds());
        if (!data) {
            QMessageBox::critical(&m_window, tr("Cannot print the summary"), data.error());
            return;
        }
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                          SummaryExport::defaultMarginsMillimetres(), QPageLayout::Millimeter));
        printer.setDocName(tr("Portfolio summary"));
        QPrintPreviewDialog preview(&printer, &m_window);
        preview.setWindowTitle(tr("Portfolio summary – print preview"));
        QString failure;
        connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&](QPrinter *target) {
            const auto printed = SummaryExport::print(data.value(), *target);
            if (!printed)
                failure = printed.error();
        });
        preview.resize(m_window.size() * 0.9);
        preview.exec();
        if (!failure.isEmpty())
            QMessageBox::critical(&m_window, tr("Cannot print the summary"), failure);
    }

    void exportSummary()
    {
        PlanContext *context = m_window.context();
        if (!context)
            return;
        std::unique_ptr<PortfolioChoiceDialog> choice(
            PortfolioSummaryActions::choiceDialog(context->stores(), true, preselection(), &m_window));
        if (!choice || choice->exec() != QDialog::Accepted)
            return;
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString suggested = QDir(folder).filePath(
            tr("Portfolio summary %1.pdf").arg(QDate::currentDate().toString(Qt::ISODate)));
        QString path = QFileDialog::getSaveFileName(&m_window, tr("Export summary PDF"), suggested,
                                                    tr("PDF documents (*.pdf)"));
        if (path.isEmpty())
            return;
        if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            path += QStringLiteral(".pdf");
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto pages = PortfolioSummaryActions::exportPdf(context->stores(), choice->checkedIds(), path,
                                                              choice->orientation());
        QApplication::restoreOverrideCursor();
        if (!pages) {
            QMessageBox::critical(&m_window, tr("Cannot export the summary"), pages.error());
            return;
        }
        m_window.statusBar()->showMessage(
            tr("Wrote the summary to %1 (%2 %3).").arg(QDir::toNativeSeparators(path)).arg(pages.value()).arg(pages.value() == 1 ? tr("page") : tr("pages")),
            10000);
    }

    MainWindow &m_window;
    PortfolioEditor *m_editor;
    PortfolioModel *m_portfolios;
    ProgrammeAreaModel *m_areas;
    QAction *m_print = nullptr;
    QAction *m_export = nullptr;
};

} // namespace

void installPortfoliosFeature(MainWindow &window)
{
    auto *editor = new PortfolioEditor(&window);
    window.addWorkspace(editor, QObject::tr("Portfolio editor"));
    new PortfoliosFeature(window, editor);
}
