#include "noticesfeature.h"

#include "intentiongrid.h"

#include "letterdocument.h"
#include "letterexport.h"
#include "mainwindow.h"
#include "noticemodel.h"
#include "plancontext.h"
#include "planbrowser.h"
#include "planroles.h"
#include "registercommands.h"
#include "registerworkspace.h"
#include "stores.h"
#include "templateeditor.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const char *const registerTitle = QT_TRANSLATE_NOOP("NoticesFeature", "Providers && notices");

QString tr(const char *text)
{
    return QCoreApplication::translate("NoticesFeature", text);
}

void say(MainWindow &window, const QString &message)
{
    window.statusBar()->showMessage(message, 10000);
}

void showWorkspace(MainWindow &window, QWidget *workspace)
{
    const int tab = window.workspaces()->indexOf(workspace);
    if (tab >= 0)
        window.workspaces()->setCurrentIndex(tab);
}

// Rows of an intentions list or grid: they carry a portfolio and are not a group row.
bool isIntentionRow(const QModelIndex &index)
{
    if (!index.data(PlanRoles::PortfolioIdRole).isValid())
        return false;
    const QVariant kind = index.data(PlanRoles::NodeKindRole);
    return !kind.isValid() || kind.toInt() == int(PlanRoles::NodeKind::Intention);
}

// Selects the rows with ids in view; false when none is there.
bool selectIds(QAbstractItemView *view, const QList<Id> &ids)
{
    QAbstractItemModel *model = view->model();
    if (!model || !view->selectionModel() || model->rowCount() == 0)
        return false;
    QItemSelection selection;
    QModelIndex first;
    for (Id id : ids) {
        const QModelIndexList found = model->match(model->index(0, 0), PlanRoles::IdRole, id, 1,
                                                   Qt::MatchExactly | Qt::MatchRecursive);
        if (found.isEmpty() || !isIntentionRow(found.first()))
            continue;
        const QModelIndex row = found.first();
        selection.select(row, row.siblingAtColumn(model->columnCount(row.parent()) - 1));
        if (!first.isValid())
            first = row;
    }
    if (!first.isValid())
        return false;
    view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    view->scrollTo(first);
    view->setFocus();
    return true;
}

QList<std::pair<Id, QString>> providersWithLetters(PlanStoreSet &stores)
{
    QList<std::pair<Id, QString>> providers;
    const auto letters = LetterExporter(stores).letters();
    if (letters) {
        for (const LetterInput &letter : letters.value())
            providers.append({letter.provider.id, letter.provider.name});
    }
    return providers;
}

// Chooses intentions from the plan's list (used when none is selected anywhere).
QList<Id> pickIntentions(MainWindow &window, PlanStoreSet &stores)
{
    const auto intentions = stores.intentions().list();
    if (!intentions) {
        QMessageBox::warning(&window, tr("Create notice"), intentions.error());
        return {};
    }
    QDialog dialog(&window);
    dialog.setWindowTitle(tr("Create notice for intention"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Choose the intentions the notice carries out:"), &dialog));
    auto *search = new QLineEdit(&dialog);
    search->setPlaceholderText(tr("Search intentions…"));
    search->setClearButtonEnabled(true);
    auto *list = new QListWidget(&dialog);
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    for (const Intention &intention : intentions.value()) {
        auto *item = new QListWidgetItem(intention.title, list);
        item->setData(Qt::UserRole, intention.id);
        item->setToolTip(intention.text);
    }
    QObject::connect(search, &QLineEdit::textChanged, list, [list](const QString &text) {
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setHidden(!list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create notice"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
    layout->addWidget(search);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog.resize(640, 520);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QList<Id> ids;
    const QList<QListWidgetItem *> selected = list->selectedItems();
    for (const QListWidgetItem *item : selected)
        ids.append(item->data(Qt::UserRole).toLongLong());
    return ids;
}

// Folder, format and provider of a batch of letters.
class ExportLettersDialog : public QDialog
{
public:
    ExportLettersDialog(QWidget *parent, const QList<std::pair<Id, QString>> &providers)
        : QDialog(parent)
        , m_folder(new QLineEdit(this))
        , m_format(new QComboBox(this))
        , m_provider(new QComboBox(this))
    {
        setWindowTitle(tr("Export letters"));
        setObjectName(QStringLiteral("exportLettersDialog"));
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        m_folder->setText(QDir(documents.isEmpty() ? QDir::homePath() : documents).filePath(tr("Notice letters")));
        auto *browse = new QPushButton(tr("Browse…"), this);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the letters"), m_folder->text());
            if (!folder.isEmpty())
                m_folder->setText(QDir::toNativeSeparators(folder));
        });
        auto *folderRow = new QHBoxLayout;
        folderRow->addWidget(m_folder, 1);
        folderRow->addWidget(browse);
        m_format->addItem(tr("PDF (to send)"), int(LetterFormat::Pdf));
        m_format->addItem(tr("OpenDocument text (to edit in Word or LibreOffice)"), int(LetterFormat::Odt));
        m_provider->addItem(tr("Every provider with notices to send (%1)").arg(providers.size()), Id(0));
        for (const auto &[id, name] : providers)
            m_provider->addItem(name, id);
        auto *form = new QFormLayout;
        form->addRow(tr("&Folder"), folderRow);
        form->addRow(tr("F&ormat"), m_format);
        form->addRow(tr("&Letters"), m_provider);
        auto *note = new QLabel(tr("One letter per provider, covering its approved notices and issued notices changed "
                                   "since their last letter. Each letter is recorded in the plan with a fingerprint "
                                   "(SHA-256) of the file, and index.csv lists what was written."),
                                this);
        note->setWordWrap(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!providers.isEmpty());
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(note);
        if (providers.isEmpty())
            layout->addWidget(new QLabel(tr("No provider has approved notices to send."), this));
        layout->addWidget(buttons);
        resize(620, sizeHint().height());
    }

    LetterBatchOptions options() const
    {
        LetterBatchOptions options;
        options.directory = QDir::fromNativeSeparators(m_folder->text().trimmed());
        options.format = LetterFormat(m_format->currentData().toInt());
        options.providerId = m_provider->currentData().toLongLong();
        return options;
    }

private:
    QLineEdit *m_folder;
    QComboBox *m_format;
    QComboBox *m_provider;
};

void exportLetters(MainWindow &window)
{
    PlanContext *context = window.context();
    if (!context)
        return;
    ExportLettersDialog dialog(&window, providersWithLetters(context->stores()));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const LetterBatchOptions options = dialog.options();
    if (options.directory.isEmpty())
        return;
    const auto report = exportLettersWithProgress(window, options);
    if (!report) {
        QMessageBox::critical(&window, tr("Export letters"), report.error());
        return;
    }
    const LetterBatchReport &done = report.value();
    const QString folder = QDir::toNativeSeparators(options.directory);
    const QString message = done.cancelled
        ? tr("Cancelled: %1 of %2 letters were written to %3, each one whole; index.csv lists them.")
              .arg(done.letters.size())
              .arg(done.planned)
              .arg(folder)
        : tr("Wrote %1 letters to %2 and listed them in index.csv; each is recorded in the plan.")
              .arg(done.letters.size())
              .arg(folder);
    say(window, message);
    QMessageBox::information(&window, tr("Export letters"), message);
}

} // namespace

Result<LetterBatchReport> exportLettersWithProgress(MainWindow &window, const LetterBatchOptions &options)
{
    PlanContext *context = window.context();
    if (!context)
        return Error{tr("No plan is open.")};
    QProgressDialog progress(tr("Writing the letters…"), tr("Cancel"), 0, 0, &window);
    progress.setObjectName(QStringLiteral("letterExportProgress"));
    progress.setWindowTitle(tr("Export letters"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.show();
    auto report = LetterExporter(context->stores())
                      .exportBatch(options, [&progress](int written, int planned, const QString &provider) {
                          progress.setMaximum(planned);
                          progress.setValue(written);
                          progress.setLabelText(
                              tr("Wrote the letter to %1 (%2 of %3)…").arg(provider).arg(written).arg(planned));
                          QCoreApplication::processEvents();
                          return !progress.wasCanceled();
                      });
    progress.close();
    // The letters are recorded in the plan: the checks and the register follow.
    context->notifyChanged(PlanContext::Entity::Letter);
    return report;
}

namespace {

void printLetter(MainWindow &window)
{
    PlanContext *context = window.context();
    if (!context)
        return;
    const auto letters = LetterExporter(context->stores()).letters();
    if (!letters || letters.value().isEmpty()) {
        QMessageBox::information(&window, tr("Print letter"),
                                 letters ? tr("No provider has approved notices to send.") : letters.error());
        return;
    }
    QStringList names;
    for (const LetterInput &letter : letters.value())
        names.append(letter.provider.name);
    QDialog chooser(&window);
    chooser.setWindowTitle(tr("Print letter"));
    auto *layout = new QFormLayout(&chooser);
    auto *provider = new QComboBox(&chooser);
    provider->addItems(names);
    layout->addRow(tr("Letter to"), provider);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &chooser);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Preview…"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &chooser, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &chooser, &QDialog::reject);
    layout->addRow(buttons);
    if (chooser.exec() != QDialog::Accepted)
        return;
    const auto letterTemplate = LetterDocument::planTemplate(context->stores());
    if (!letterTemplate) {
        QMessageBox::warning(&window, tr("Print letter"), letterTemplate.error());
        return;
    }
    auto document = LetterDocument::build(letterTemplate.value(), letters.value().at(provider->currentIndex()));
    if (!document) {
        QMessageBox::warning(&window, tr("Print letter"), document.error());
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(LetterDocument::pageLayout());
    QPrintPreviewDialog preview(&printer, &window);
    preview.setWindowTitle(tr("Letter to %1").arg(names.at(provider->currentIndex())));
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview,
                     [&document](QPrinter *device) { document.value()->print(*device); });
    preview.exec();
}

void checkNotices(MainWindow &window, RegisterWorkspace *workspace)
{
    if (!window.context())
        return;
    showWorkspace(window, workspace);
    (void)workspace->noticeModel()->reload();
    workspace->findingsList()->setFocus();
    if (workspace->findingsList()->count() > 0)
        workspace->findingsList()->setCurrentRow(0);
    say(window, workspace->findingsSummary());
}

} // namespace

RegisterWorkspace *registerWorkspace(MainWindow &window)
{
    return window.findChild<RegisterWorkspace *>(QString(), Qt::FindChildrenRecursively);
}

Id createNoticeForIntentions(MainWindow &window, const QList<Id> &intentionIds)
{
    RegisterWorkspace *workspace = registerWorkspace(window);
    if (!workspace || !window.context())
        return 0;
    if (intentionIds.isEmpty()) {
        say(window, tr("Choose the intentions the notice is for."));
        return 0;
    }
    NoticeModel *notices = workspace->noticeModel();
    const ContractNotice notice = notices->prefilled(0, intentionIds);
    const QString title = notices->intentionTitle(intentionIds.first());
    const QString text = intentionIds.size() == 1 ? tr("Create notice for “%1”").arg(title)
                                                  : tr("Create notice for %1 intentions").arg(intentionIds.size());
    const auto added = notices->addNotice(notice, text);
    if (!added) {
        say(window, added.error());
        return 0;
    }
    showWorkspace(window, workspace);
    workspace->selectNotice(added.value());
    workspace->openNoticeForm(added.value());
    say(window, tr("Added a draft notice to %1 linked to %2; check it and save.")
                    .arg(notices->providerName(notice.providerId),
                         intentionIds.size() == 1 ? QStringLiteral("“%1”").arg(title)
                                                  : tr("%1 intentions").arg(intentionIds.size())));
    return added.value();
}

void showNoticesForIntentions(MainWindow &window, const QList<Id> &intentionIds)
{
    RegisterWorkspace *workspace = registerWorkspace(window);
    if (!workspace)
        return;
    showWorkspace(window, workspace);
    workspace->showNoticesForIntentions(intentionIds);
}

QList<Id> selectedIntentions(MainWindow &window)
{
    QWidget *current = window.workspaces()->currentWidget();
    if (!current || qobject_cast<RegisterWorkspace *>(current))
        return {};
    QList<Id> ids;
    const QList<QAbstractItemView *> views = current->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        if (!view->selectionModel() || !view->isVisible())
            continue;
        const QModelIndexList selected = view->selectionModel()->selectedIndexes();
        for (const QModelIndex &index : selected) {
            if (!isIntentionRow(index))
                continue;
            const Id id = index.data(PlanRoles::IdRole).toLongLong();
            if (id != 0 && !ids.contains(id))
                ids.append(id);
        }
        if (!ids.isEmpty())
            break;
    }
    return ids;
}

bool showIntentions(MainWindow &window, const QList<Id> &intentionIds)
{
    if (intentionIds.isEmpty() || !window.context())
        return false;
    QTabWidget *tabs = window.workspaces();
    // The intentions grid, when the window has one.
    for (int tab = 0; tab < tabs->count(); ++tab) {
        if (tabs->tabText(tab).remove(u'&').compare(QLatin1String("Intentions"), Qt::CaseInsensitive) != 0)
            continue;
        tabs->setCurrentIndex(tab);
        const QList<QAbstractItemView *> views = tabs->widget(tab)->findChildren<QAbstractItemView *>();
        for (QAbstractItemView *view : views) {
            if (selectIds(view, intentionIds))
                return true;
        }
    }
    // Else the Portfolios tab: its list shows one portfolio's intentions at a time.
    PlanBrowser *browser = window.browser();
    const auto first = window.context()->stores().intentions().get(intentionIds.first());
    if (!browser || !first)
        return false;
    showWorkspace(window, browser);
    browser->selectPortfolio(first.value().portfolioId);
    return selectIds(browser->intentionList(), intentionIds);
}

Result<QList<QImage>> letterPreview(PlanStoreSet &stores, const QString &templateSource, Id providerId, int pageWidth)
{
    const LetterTemplate letterTemplate(templateSource);
    if (!letterTemplate.isValid()) {
        QStringList problems;
        for (const TemplateProblem &problem : letterTemplate.validate())
            problems.append(LetterTemplate::describe(problem));
        return Error{problems.join(QLatin1Char('\n'))};
    }
    const auto letters = LetterExporter(stores).letters(providerId);
    if (!letters)
        return Error{letters.error()};
    if (letters.value().isEmpty())
        return Error{tr("This provider has no approved notices to send, so there is no letter to show.")};
    auto document = LetterDocument::build(letterTemplate, letters.value().first());
    if (!document)
        return Error{document.error()};
    const QSizeF page = LetterDocument::pageLayout().fullRectPoints().size() * (LetterDocument::layoutDpi / 72.0);
    const double scale = pageWidth / page.width();
    const QSize size(pageWidth, qRound(page.height() * scale));
    QList<QImage> pages;
    for (int number = 0; number < document.value()->pageCount(); ++number) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(scale, scale);
        document.value()->paintPage(painter, number);
        painter.end();
        pages.append(image);
    }
    return pages;
}

void openLetterTemplateEditor(MainWindow &window)
{
    PlanContext *context = window.context();
    if (!context)
        return;
    if (auto *open = window.findChild<QDialog *>(QStringLiteral("templateEditorDialog"))) {
        open->raise();
        open->activateWindow();
        return;
    }
    const char *name = LetterTemplateStore::noticeLetterName;
    const auto stored = context->stores().templates().get(QString::fromLatin1(name));
    if (!stored) {
        QMessageBox::warning(&window, tr("Letter template"), stored.error());
        return;
    }
    auto *dialog = new QDialog(&window);
    dialog->setObjectName(QStringLiteral("templateEditorDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Letter template"));
    auto *editor = new TemplateEditor(dialog);
    const QString defaultSource = LetterDocument::defaultTemplateSource();
    editor->setDefaultSource(defaultSource);
    editor->setSource(stored.value().value_or(defaultSource));
    auto saved = std::make_shared<std::optional<QString>>(stored.value());
    QPointer<PlanContext> plan(context);
    editor->setPreviewFunction([plan](const QString &source, Id providerId, int width) -> Result<QList<QImage>> {
        if (!plan)
            return Error{tr("The plan is closed.")};
        return letterPreview(plan->stores(), source, providerId, width);
    });
    editor->setProviders(providersWithLetters(context->stores()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, dialog);
    QPushButton *save = buttons->button(QDialogButtonBox::Save);
    save->setEnabled(false);
    const auto updateSave = [editor, save] { save->setEnabled(editor->isValid() && editor->isModified()); };
    QObject::connect(editor, &TemplateEditor::validityChanged, save, updateSave);
    QObject::connect(editor, &TemplateEditor::modifiedChanged, save, updateSave);
    QObject::connect(save, &QPushButton::clicked, dialog, [&window, editor, saved, plan, name] {
        if (!plan || !editor->isValid())
            return;
        const QString failure = RegisterCommands::push(
            *plan, RegisterCommands::saveTemplate(*plan, QString::fromLatin1(name), *saved, editor->source(),
                                                  tr("Edit the letter template")));
        if (!failure.isEmpty()) {
            QMessageBox::warning(editor, tr("Letter template"), failure);
            return;
        }
        *saved = editor->source();
        editor->setUnmodified();
        say(window, tr("Saved the letter template; the next letters use it."));
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    // The plan closes: this editor edits nothing any more.
    QObject::connect(&window, &MainWindow::planChanged, dialog, &QDialog::close);

    auto *hint = new QLabel(tr("The letter every provider receives. Merge fields such as {{provider.name}} are "
                               "filled in from the plan; the part between {{#notices}} and {{/notices}} is repeated "
                               "for each notice. A template with an unknown field cannot be saved."),
                            dialog);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(hint);
    layout->addWidget(editor, 1);
    layout->addWidget(buttons);
    dialog->resize(1360, 860);
    dialog->show();
}

void installNoticesFeature(MainWindow &window)
{
    auto *workspace = new RegisterWorkspace(&window);
    window.addWorkspace(workspace, tr(registerTitle));
    QObject::connect(&window, &MainWindow::planChanged, workspace, &RegisterWorkspace::setContext);
    workspace->setContext(window.context());
    QObject::connect(workspace, &RegisterWorkspace::intentionsRequested, &window, [&window](const QList<Id> &ids) {
        if (!showIntentions(window, ids))
            say(window, tr("The intention could not be shown."));
    });
    QObject::connect(workspace, &RegisterWorkspace::statusMessage, &window,
                     [&window](const QString &message) { say(window, message); });

    QMenu *plan = window.menu(MainWindow::Menu::Plan);
    plan->addSeparator();
    QList<QAction *> actions;
    QAction *newNotice = plan->addAction(tr("New &notice…"), &window, [&window, workspace] {
        showWorkspace(window, workspace);
        (void)workspace->addNotice();
    });
    newNotice->setObjectName(QStringLiteral("newNoticeAction"));
    QAction *forIntention = plan->addAction(tr("Create notice for &intention…"), &window, [&window] {
        QList<Id> ids = selectedIntentions(window);
        if (ids.isEmpty() && window.context())
            ids = pickIntentions(window, window.context()->stores());
        if (!ids.isEmpty())
            createNoticeForIntentions(window, ids);
    });
    forIntention->setObjectName(QStringLiteral("createNoticeForIntentionAction"));
    QAction *editTemplate = plan->addAction(tr("Edit letter &template…"), &window,
                                            [&window] { openLetterTemplateEditor(window); });
    editTemplate->setObjectName(QStringLiteral("editLetterTemplateAction"));
    QAction *exportAction = plan->addAction(tr("&Export letters…"), &window, [&window] { exportLetters(window); });
    exportAction->setObjectName(QStringLiteral("exportLettersAction"));
    QAction *print = plan->addAction(tr("&Print letter…"), &window, [&window] { printLetter(window); });
    print->setObjectName(QStringLiteral("printLetterAction"));
    QAction *check = plan->addAction(tr("&Check notices"), &window, [&window, workspace] { checkNotices(window, workspace); });
    check->setObjectName(QStringLiteral("checkNoticesAction"));
    actions << newNotice << forIntention << editTemplate << exportAction << print << check;

    // On the grid's rows: a notice for the selected intentions, and the notices already made
    // for them, one click away.
    if (auto *grid = window.findChild<IntentionGrid *>(QString(), Qt::FindChildrenRecursively)) {
        const auto rowAction = [&window, grid](const QString &text, const QString &name, const QString &tip,
                                               const QString &noSelection,
                                               void (*act)(MainWindow &, const QList<Id> &)) {
            auto *action = new QAction(text, grid);
            action->setObjectName(name);
            action->setToolTip(tip);
            QObject::connect(action, &QAction::triggered, &window, [&window, grid, noSelection, act] {
                const QList<Id> ids = grid->selectedIds();
                if (ids.isEmpty())
                    say(window, noSelection);
                else
                    act(window, ids);
            });
            return action;
        };
        QAction *createFromRow = rowAction(
            tr("Create &notice…"), QStringLiteral("createNoticeFromRowAction"),
            tr("A draft contract notice linked to the selected intentions"),
            tr("Select the intentions the notice is for."),
            [](MainWindow &w, const QList<Id> &ids) { createNoticeForIntentions(w, ids); });
        QAction *showFromRow = rowAction(tr("Show n&otices"), QStringLiteral("showNoticesFromRowAction"),
                                         tr("The contract notices linked to the selected intentions"),
                                         tr("Select the intentions whose notices to show."), &showNoticesForIntentions);
        grid->addRowActions({createFromRow, showFromRow});
        actions << createFromRow << showFromRow;
    }
    const auto enable = [actions](PlanContext *context) {
        for (QAction *action : actions)
            action->setEnabled(context != nullptr);
    };
    QObject::connect(&window, &MainWindow::planChanged, plan, enable);
    enable(window.context());
}
