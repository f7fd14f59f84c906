#include "registerworkspace.h"

#include "contractmodel.h"
#include "noticeform.h"
#include "noticemodel.h"
#include "plancolours.h"
#include "plancontext.h"
#include "providermodel.h"
#include "registerdelegate.h"
#include "registerroles.h"

#include <algorithm>

#include <QDialog>
#include <QSet>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace {

QIcon markerIcon(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

} // namespace

// --- RegisterFilterProxy ---------------------------------------------------------------------

RegisterFilterProxy::RegisterFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PlanRoles::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RegisterFilterProxy::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void RegisterFilterProxy::setIntentionIds(const QList<Id> &ids)
{
    m_intentionIds = ids;
    invalidateFilter();
}

bool RegisterFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_intentionIds.isEmpty()) {
        const QVariantList linked = model->index(sourceRow, 0, sourceParent).data(RegisterRoles::IntentionIdsRole).toList();
        const bool any = std::any_of(linked.cbegin(), linked.cend(),
                                     [this](const QVariant &id) { return m_intentionIds.contains(id.toLongLong()); });
        if (!any)
            return false;
    }
    const QString text = m_text.trimmed();
    if (text.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// --- RegisterWorkspace -------------------------------------------------------------------------

RegisterWorkspace::RegisterWorkspace(QWidget *parent)
    : QWidget(parent)
    , m_providers(new ProviderModel(this))
    , m_contracts(new ContractModel(this))
    , m_notices(new NoticeModel(this))
    , m_providerProxy(new RegisterFilterProxy(this))
    , m_contractProxy(new RegisterFilterProxy(this))
    , m_noticeProxy(new RegisterFilterProxy(this))
    , m_providerView(new QTableView(this))
    , m_contractView(new QTableView(this))
    , m_noticeView(new QTableView(this))
    , m_providerFilter(new QLineEdit(this))
    , m_contractFilter(new QLineEdit(this))
    , m_noticeFilter(new QLineEdit(this))
    , m_intentionFilterLabel(new QLabel(this))
    , m_showAllNotices(new QPushButton(tr("Show all notices"), this))
    , m_findings(new QListWidget(this))
    , m_findingsHeading(heading(tr("Checks"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("registerWorkspace"));
    m_confirmer = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    m_providerView->setObjectName(QStringLiteral("providerTable"));
    m_contractView->setObjectName(QStringLiteral("contractTable"));
    m_noticeView->setObjectName(QStringLiteral("noticeTable"));
    m_findings->setObjectName(QStringLiteral("findingsList"));
    m_noticeFilter->setObjectName(QStringLiteral("noticeFilter"));
    m_message->setObjectName(QStringLiteral("registerMessage"));
    m_message->setWordWrap(true);

    attach(m_providerView, m_providerProxy, m_providers);
    attach(m_contractView, m_contractProxy, m_contracts);
    attach(m_noticeView, m_noticeProxy, m_notices);
    m_providerFilter->setPlaceholderText(tr("Filter providers…"));
    m_contractFilter->setPlaceholderText(tr("Filter contracts…"));
    m_noticeFilter->setPlaceholderText(tr("Filter notices…"));
    connect(m_providerFilter, &QLineEdit::textChanged, m_providerProxy, &RegisterFilterProxy::setText);
    connect(m_contractFilter, &QLineEdit::textChanged, m_contractProxy, &RegisterFilterProxy::setText);
    connect(m_noticeFilter, &QLineEdit::textChanged, m_noticeProxy, &RegisterFilterProxy::setText);

    const auto button = [this](const QString &text, const QString &tip, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    QWidget *providers = makeSection(
        tr("Providers"), m_providerView, m_providerProxy, m_providerFilter,
        {button(tr("Add"), tr("Add a provider"), [this] { (void)addProvider(); }),
         button(tr("Duplicate"), tr("Copy the selected providers"), [this] { duplicateSelected(m_providerView); }),
         button(tr("Delete"), tr("Delete the selected providers"), [this] { deleteSelected(m_providerView); })});
    QWidget *contracts = makeSection(
        tr("Contracts"), m_contractView, m_contractProxy, m_contractFilter,
        {button(tr("Add"), tr("Add a contract with the selected provider"), [this] { (void)addContract(); }),
         button(tr("Duplicate"), tr("Copy the selected contracts"), [this] { duplicateSelected(m_contractView); }),
         button(tr("Delete"), tr("Delete the selected contracts"), [this] { deleteSelected(m_contractView); })});
    auto *openForm = button(tr("Open…"), tr("Show the notice as a form"), [this] {
        if (const Id id = currentNoticeId())
            openNoticeForm(id);
    });
    openForm->setObjectName(QStringLiteral("openNoticeForm"));
    auto *intentions = button(tr("Intentions"), tr("Go to the intentions the selected notices are linked to"), [this] {
        QList<Id> ids;
        for (Id notice : selectedNoticeIds()) {
            const int row = m_notices->rowOf(notice);
            for (Id intention : m_notices->notice(row).intentionIds) {
                if (!ids.contains(intention))
                    ids.append(intention);
            }
        }
        if (ids.isEmpty())
            say(tr("The selected notices are not linked to any intention."));
        else
            emit intentionsRequested(ids);
    });
    QWidget *notices = makeSection(
        tr("Contract notices"), m_noticeView, m_noticeProxy, m_noticeFilter,
        {button(tr("Add"), tr("Add a draft notice to the selected provider"), [this] { (void)addNotice(); }), openForm,
         intentions,
         button(tr("Duplicate"), tr("Copy the selected notices as drafts"), [this] { duplicateSelected(m_noticeView); }),
         button(tr("Delete"), tr("Delete the selected notices"), [this] { deleteSelected(m_noticeView); })});
    // Shown while the notices are narrowed to some intentions.
    auto *intentionBar = new QHBoxLayout;
    intentionBar->addWidget(m_intentionFilterLabel, 1);
    intentionBar->addWidget(m_showAllNotices);
    static_cast<QVBoxLayout *>(notices->layout())->insertLayout(1, intentionBar);
    connect(m_showAllNotices, &QPushButton::clicked, this, [this] { showNoticesForIntentions({}); });
    updateIntentionFilterLabel();

    auto *findingsPane = new QWidget(this);
    findingsPane->setMinimumSize(180, 120);
    auto *findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(m_findingsHeading);
    auto *findingsHint = new QLabel(tr("What the notice checks find, and how to put it right. Double-click to go to "
                                       "the notice."),
                                    this);
    findingsHint->setWordWrap(true);
    findingsLayout->addWidget(findingsHint);
    m_findings->setWordWrap(true);
    m_findings->setAlternatingRowColors(true);
    m_findings->setSpacing(2);
    m_findings->setTextElideMode(Qt::ElideNone);
    m_findings->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    findingsLayout->addWidget(m_findings, 1);
    connect(m_findings, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectNotice(item->data(Qt::UserRole).toLongLong()); });

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(providers);
    lower->addWidget(contracts);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    auto *tables = new QSplitter(Qt::Vertical, this);
    tables->addWidget(notices);
    tables->addWidget(lower);
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);
    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setObjectName(QStringLiteral("registerSplitter"));
    main->addWidget(tables);
    main->addWidget(findingsPane);
    main->setStretchFactor(0, 4);
    main->setStretchFactor(1, 1);
    main->setSizes({1000, 320});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(main, 1);
    layout->addWidget(m_message);

    connect(m_notices, &NoticeModel::findingsChanged, this, &RegisterWorkspace::updateFindings);
    connect(m_notices, &NoticeModel::confirmationNeeded, this, &RegisterWorkspace::askToConfirmEdit,
            Qt::QueuedConnection);
    connect(m_noticeView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        // Cells that cannot be edited in place open the form.
        if (!(index.flags() & Qt::ItemIsEditable))
            openNoticeForm(index.data(PlanRoles::IdRole).toLongLong());
    });
    connect(m_noticeView->verticalHeader(), &QHeaderView::sectionDoubleClicked, this, [this](int row) {
        openNoticeForm(m_noticeProxy->index(row, 0).data(PlanRoles::IdRole).toLongLong());
    });
}

RegisterWorkspace::~RegisterWorkspace() = default;

QWidget *RegisterWorkspace::makeSection(const QString &title, QTableView *view, RegisterFilterProxy *proxy,
                                        QLineEdit *filter, const QList<QPushButton *> &buttons)
{
    Q_UNUSED(proxy)
    auto *section = new QWidget(this);
    // An explicit minimum: the splitters would otherwise add up every button's width and make
    // the whole window wider than a laptop screen.
    section->setMinimumSize(200, 120);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(heading(title, section));
    filter->setClearButtonEnabled(true);
    filter->setMaximumWidth(260);
    filter->setMinimumWidth(80);
    bar->addWidget(filter);
    bar->addStretch();
    for (QPushButton *b : buttons)
        bar->addWidget(b);
    layout->addLayout(bar);
    layout->addWidget(view, 1);
    return section;
}

void RegisterWorkspace::attach(QTableView *view, RegisterFilterProxy *proxy, RegisterTableModel *model)
{
    proxy->setSourceModel(model);
    view->setModel(proxy);
    // One delegate per view: a shared one would hand every view the others' editors.
    view->setItemDelegate(new RegisterDelegate(view));
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // the plan's order until a header is clicked
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultSectionSize(140);
    view->horizontalHeader()->setSectionsMovable(true);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this, view](const QModelIndex &current) {
        if (current.isValid())
            m_lastView = view;
    });
    connect(model, &RegisterTableModel::editRejected, this,
            [this, view, proxy](const QModelIndex &index, const QString &message) { showRefusal(view, proxy, index, message); });
    connect(model, &QAbstractItemModel::modelReset, view, [view] { view->resizeColumnsToContents(); });
}

void RegisterWorkspace::setContext(PlanContext *context)
{
    if (m_formWindow) {
        m_formWindow->close();
        m_formWindow->deleteLater();
        m_formWindow = nullptr;
        m_form = nullptr;
    }
    m_context = context;
    m_providers->setContext(context);
    m_contracts->setContext(context);
    m_notices->setContext(context);
    m_noticeProxy->setIntentionIds({});
    updateIntentionFilterLabel();
    for (QTableView *view : {m_providerView, m_contractView, m_noticeView}) {
        view->resizeColumnsToContents();
        for (int column = 0; column < view->model()->columnCount(); ++column)
            view->setColumnWidth(column, qMin(view->columnWidth(column), 230));
    }
    updateFindings();
}

void RegisterWorkspace::setConfirmer(Confirmer confirmer)
{
    m_confirmer = std::move(confirmer);
    if (m_form)
        m_form->setConfirmer(m_confirmer);
}

bool RegisterWorkspace::confirm(const QString &title, const QString &question) const
{
    return m_confirmer(title, question);
}

void RegisterWorkspace::say(const QString &message)
{
    m_lastMessage = message;
    m_message->setText(message);
    emit statusMessage(message);
}

void RegisterWorkspace::showRefusal(QTableView *view, RegisterFilterProxy *proxy, const QModelIndex &sourceIndex,
                                    const QString &message)
{
    say(message);
    m_message->setStyleSheet(QStringLiteral("color: %1").arg(PlanColours::problem().name()));
    QTimer::singleShot(6000, m_message, [this, message] {
        if (m_message->text() == message)
            m_message->setStyleSheet(QString());
    });
    const QModelIndex at = proxy->mapFromSource(sourceIndex);
    if (!at.isValid() || !view->isVisible())
        return;
    const QRect cell = view->visualRect(at);
    QToolTip::showText(view->viewport()->mapToGlobal(cell.bottomLeft()), message, view->viewport(), cell, 6000);
}

void RegisterWorkspace::askToConfirmEdit(const QModelIndex &index, const QVariant &value, const QString &message)
{
    if (!index.isValid())
        return;
    const QPersistentModelIndex cell(index);
    if (!confirm(tr("Edit an issued notice"), message)) {
        say(tr("Not changed: the notice stays as it was issued."));
        return;
    }
    if (cell.isValid() && m_notices->setDataConfirmed(cell, value))
        say(tr("Changed. The letter sent for this notice is superseded: export a new one."));
}

void RegisterWorkspace::updateFindings()
{
    m_findings->clear();
    // Errors first (a letter that would be wrong), then warnings, each in register order.
    QList<NoticeFinding> findings = m_notices->findings();
    std::stable_sort(findings.begin(), findings.end(), [](const NoticeFinding &a, const NoticeFinding &b) {
        return a.severity == FindingSeverity::Error && b.severity != FindingSeverity::Error;
    });
    for (const NoticeFinding &finding : std::as_const(findings)) {
        const bool error = finding.severity == FindingSeverity::Error;
        auto *item = new QListWidgetItem(m_findings);
        item->setIcon(markerIcon(error ? PlanColours::problem() : PlanColours::needsReview()));
        item->setText(QStringLiteral("%1\n%2").arg(finding.problem, tr("To fix: %1").arg(finding.fix)));
        item->setToolTip(NoticeRules::label(finding.rule));
        item->setData(Qt::UserRole, finding.noticeId);
    }
    if (findings.isEmpty() && m_context) {
        auto *item = new QListWidgetItem(tr("Every notice passes the checks."), m_findings);
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_findingsHeading->setText(findings.isEmpty() ? tr("Checks") : tr("Checks (%1)").arg(findings.size()));
}

QString RegisterWorkspace::findingsSummary() const
{
    QSet<Id> notices;
    for (const NoticeFinding &finding : m_notices->findings())
        notices.insert(finding.noticeId);
    if (notices.isEmpty())
        return tr("Every notice passes the checks.");
    return notices.size() == 1 ? tr("1 notice needs attention (%1 findings).").arg(m_notices->findings().size())
                               : tr("%1 notices need attention (%2 findings).")
                                     .arg(notices.size())
                                     .arg(m_notices->findings().size());
}

void RegisterWorkspace::selectSourceRow(QTableView *view, RegisterFilterProxy *proxy, QLineEdit *filter, int sourceRow)
{
    QModelIndex at = proxy->mapFromSource(proxy->sourceModel()->index(sourceRow, 0));
    if (!at.isValid()) {
        filter->clear();
        proxy->setIntentionIds({});
        updateIntentionFilterLabel();
        at = proxy->mapFromSource(proxy->sourceModel()->index(sourceRow, 0));
    }
    if (!at.isValid())
        return;
    view->setCurrentIndex(at);
    view->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(at);
    view->setFocus();
}

void RegisterWorkspace::selectNotice(Id noticeId)
{
    const int row = m_notices->rowOf(noticeId);
    if (row >= 0)
        selectSourceRow(m_noticeView, m_noticeProxy, m_noticeFilter, row);
}

QList<Id> RegisterWorkspace::selectedIds(QTableView *view) const
{
    QList<Id> ids;
    const QModelIndexList selected = view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected) {
        const Id id = index.data(PlanRoles::IdRole).toLongLong();
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty() && view->currentIndex().isValid())
        ids.append(view->currentIndex().data(PlanRoles::IdRole).toLongLong());
    return ids;
}

Id RegisterWorkspace::currentNoticeId() const
{
    const QModelIndex current = m_noticeView->currentIndex();
    if (current.isValid())
        return current.data(PlanRoles::IdRole).toLongLong();
    const QList<Id> selected = selectedIds(m_noticeView);
    return selected.isEmpty() ? 0 : selected.first();
}

QList<Id> RegisterWorkspace::selectedNoticeIds() const
{
    return selectedIds(m_noticeView);
}

Id RegisterWorkspace::currentProviderId() const
{
    // The provider the user is looking at: the current row of the table used last — a
    // provider, or the provider of a contract or notice.
    QList<QTableView *> views{m_providerView, m_contractView, m_noticeView};
    if (m_lastView)
        views.prepend(m_lastView);
    for (QTableView *view : std::as_const(views)) {
        const QModelIndex current = view->currentIndex();
        if (!current.isValid())
            continue;
        return view == m_providerView ? current.data(PlanRoles::IdRole).toLongLong()
                                      : current.data(RegisterRoles::ProviderIdRole).toLongLong();
    }
    return m_providers->rowCount() > 0 ? m_providers->idAt(0) : 0;
}

void RegisterWorkspace::showNoticesForIntentions(const QList<Id> &intentionIds)
{
    m_noticeFilter->clear();
    m_noticeProxy->setIntentionIds(intentionIds);
    updateIntentionFilterLabel();
    if (!intentionIds.isEmpty() && m_noticeProxy->rowCount() > 0) {
        const QModelIndex first = m_noticeProxy->index(0, 0);
        m_noticeView->setCurrentIndex(first);
        m_noticeView->selectionModel()->select(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void RegisterWorkspace::updateIntentionFilterLabel()
{
    const QList<Id> ids = m_noticeProxy->intentionIds();
    const bool narrowed = !ids.isEmpty();
    m_intentionFilterLabel->setVisible(narrowed);
    m_showAllNotices->setVisible(narrowed);
    if (!narrowed)
        return;
    QStringList titles;
    for (Id id : ids)
        titles.append(QStringLiteral("“%1”").arg(m_notices->intentionTitle(id)));
    m_intentionFilterLabel->setText(m_noticeProxy->rowCount() == 0
                                        ? tr("No notice is linked to %1.").arg(titles.join(QStringLiteral(", ")))
                                        : tr("Notices linked to %1").arg(titles.join(QStringLiteral(", "))));
}

NoticeForm *RegisterWorkspace::openNoticeForm(Id noticeId)
{
    if (m_notices->rowOf(noticeId) < 0)
        return nullptr;
    if (!m_formWindow) {
        auto *window = new QDialog(this);
        window->setObjectName(QStringLiteral("noticeFormWindow"));
        window->setModal(false);
        m_form = new NoticeForm(m_notices, window);
        m_form->setConfirmer(m_confirmer);
        auto *layout = new QVBoxLayout(window);
        layout->addWidget(m_form);
        window->resize(640, 720);
        connect(m_form, &NoticeForm::intentionRequested, this, [this](Id id) { emit intentionsRequested({id}); });
        connect(m_form, &NoticeForm::saved, this, [this](Id id) {
            say(tr("Saved the notice."));
            selectNotice(id);
        });
        connect(m_form, &QWidget::windowTitleChanged, window, &QWidget::setWindowTitle);
        m_formWindow = window;
    }
    m_form->setNotice(noticeId);
    m_formWindow->setWindowTitle(m_form->windowTitle());
    m_formWindow->show();
    m_formWindow->raise();
    m_formWindow->activateWindow();
    return m_form;
}

Result<Id> RegisterWorkspace::addProvider()
{
    const auto added = m_providers->addProvider();
    if (added) {
        selectSourceRow(m_providerView, m_providerProxy, m_providerFilter, m_providers->rowOf(added.value()));
        m_providerView->edit(m_providerView->currentIndex());
        say(tr("Added a provider: type its name."));
    }
    return added;
}

Result<Id> RegisterWorkspace::addContract()
{
    const auto added = m_contracts->addContract(currentProviderId());
    if (added) {
        const int row = m_contracts->rowOf(added.value());
        selectSourceRow(m_contractView, m_contractProxy, m_contractFilter, row);
        const QModelIndex title = m_contractProxy->mapFromSource(m_contracts->index(row, ContractModel::TitleColumn));
        m_contractView->setCurrentIndex(title);
        m_contractView->edit(title);
        say(tr("Added a contract with %1.").arg(m_contracts->providerName(m_contracts->contract(row).providerId)));
    }
    return added;
}

Result<Id> RegisterWorkspace::addNotice()
{
    const auto added = m_notices->addNotice(m_notices->prefilled(currentProviderId()));
    if (added) {
        selectNotice(added.value());
        say(tr("Added a draft notice to %1.")
                .arg(m_notices->providerName(m_notices->notice(m_notices->rowOf(added.value())).providerId)));
        openNoticeForm(added.value());
    }
    return added;
}

void RegisterWorkspace::duplicateSelected(QTableView *view)
{
    const QList<Id> ids = selectedIds(view);
    Result<QList<Id>> copies = QList<Id>();
    if (view == m_providerView)
        copies = m_providers->duplicate(ids);
    else if (view == m_contractView)
        copies = m_contracts->duplicate(ids);
    else
        copies = m_notices->duplicate(ids);
    if (copies)
        say(copies.value().size() == 1 ? tr("Made a copy.") : tr("Made %1 copies.").arg(copies.value().size()));
}

void RegisterWorkspace::deleteSelected(QTableView *view)
{
    const QList<Id> ids = selectedIds(view);
    if (ids.isEmpty()) {
        say(tr("Select the rows to delete first."));
        return;
    }
    QStringList names;
    QString what;
    for (Id id : ids) {
        if (view == m_providerView) {
            names.append(m_providers->provider(m_providers->rowOf(id)).name);
        } else if (view == m_contractView) {
            names.append(m_contracts->contract(m_contracts->rowOf(id)).title);
        } else {
            const ContractNotice &notice = m_notices->notice(m_notices->rowOf(id));
            names.append(QStringLiteral("%1 (%2)").arg(notice.service.isEmpty() ? notice.summary.left(60) : notice.service,
                                                       m_notices->providerName(notice.providerId)));
        }
    }
    if (view == m_providerView)
        what = ids.size() == 1 ? tr("the provider") : tr("%1 providers").arg(ids.size());
    else if (view == m_contractView)
        what = ids.size() == 1 ? tr("the contract") : tr("%1 contracts").arg(ids.size());
    else
        what = ids.size() == 1 ? tr("the notice") : tr("%1 notices").arg(ids.size());
    QString question = tr("Delete %1?\n\n%2").arg(what, names.mid(0, 12).join(QLatin1Char('\n')));
    if (names.size() > 12)
        question += tr("\n… and %1 more").arg(names.size() - 12);
    if (view == m_contractView)
        question += tr("\n\nNotices given on a deleted contract stay in the register, without a contract.");
    question += tr("\n\nUndo brings them back.");
    if (!confirm(tr("Delete"), question))
        return;
    Result<void> removed;
    if (view == m_providerView)
        removed = m_providers->remove(ids);
    else if (view == m_contractView)
        removed = m_contracts->remove(ids);
    else
        removed = m_notices->remove(ids);
    if (removed)
        say(tr("Deleted %1.").arg(what));
}
