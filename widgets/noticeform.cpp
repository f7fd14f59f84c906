#include "noticeform.h"

#include "noticemodel.h"
#include "plancolours.h"
#include "registerdelegate.h"
#include "registerroles.h"

#include <QComboBox>
#include <QDataWidgetMapper>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// The default way to choose intentions: a searchable list of the plan's intentions with
// check boxes.
QList<Id> pickFromList(QWidget *parent, const QList<std::pair<Id, QString>> &titles, const QList<Id> &linked)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(NoticeForm::tr("Link intentions"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *search = new QLineEdit(&dialog);
    search->setPlaceholderText(NoticeForm::tr("Search intentions…"));
    search->setClearButtonEnabled(true);
    auto *list = new QListWidget(&dialog);
    for (const auto &[id, title] : titles) {
        if (linked.contains(id))
            continue;
        auto *item = new QListWidgetItem(title, list);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    QObject::connect(search, &QLineEdit::textChanged, list, [list](const QString &text) {
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setHidden(!list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(NoticeForm::tr("Link"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(search);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.resize(560, 480);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QList<Id> chosen;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            chosen.append(list->item(i)->data(Qt::UserRole).toLongLong());
    }
    return chosen;
}

} // namespace

NoticeForm::NoticeForm(NoticeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_mapper(new QDataWidgetMapper(this))
    , m_delegate(new RegisterDelegate(this))
    , m_heading(new QLabel(this))
    , m_findings(new QLabel(this))
    , m_provider(new QComboBox(this))
    , m_contract(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_receiving(new QComboBox(this))
    , m_service(new QLineEdit(this))
    , m_summary(new QPlainTextEdit(this))
    , m_rationale(new QPlainTextEdit(this))
    , m_financial(new QLineEdit(this))
    , m_issue(new QDateEdit(this))
    , m_effective(new QDateEdit(this))
    , m_status(new QComboBox(this))
    , m_letterReference(new QLineEdit(this))
    , m_intentions(new QListWidget(this))
    , m_goTo(new QPushButton(tr("Go to intention"), this))
    , m_unlink(new QPushButton(tr("Unlink"), this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("noticeForm"));
    m_confirmer = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    m_picker = [this](const QList<Id> &linked) { return pickFromList(this, m_model->intentionTitles(), linked); };

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_findings->setWordWrap(true);
    m_findings->setObjectName(QStringLiteral("noticeFindings"));
    m_findings->setTextFormat(Qt::RichText);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("noticeFormMessage"));

    RegisterDelegate::prepareDateEdit(m_issue);
    RegisterDelegate::prepareDateEdit(m_effective);
    m_financial->setPlaceholderText(tr("£0.00 (negative: a saving)"));
    m_summary->setTabChangesFocus(true);
    m_rationale->setTabChangesFocus(true);
    m_summary->setMinimumHeight(64);
    m_rationale->setMinimumHeight(64);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_rationale->setObjectName(QStringLiteral("rationale"));
    m_provider->setObjectName(QStringLiteral("provider"));
    m_contract->setObjectName(QStringLiteral("contract"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_receiving->setObjectName(QStringLiteral("receivingProvider"));
    m_service->setObjectName(QStringLiteral("service"));
    m_issue->setObjectName(QStringLiteral("issueDate"));
    m_effective->setObjectName(QStringLiteral("effectiveDate"));
    m_status->setObjectName(QStringLiteral("status"));
    m_intentions->setObjectName(QStringLiteral("linkedIntentions"));

    // A row made of a layout gets no buddy from addRow: give its label one, so its shortcut works.
    const auto rowLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Provider"), m_provider);
    form->addRow(tr("&Contract"), m_contract);
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("&Receiving provider"), m_receiving);
    form->addRow(tr("Service &affected"), m_service);
    form->addRow(tr("S&ummary"), m_summary);
    form->addRow(tr("Ra&tionale"), m_rationale);
    form->addRow(tr("&Financial effect"), m_financial);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_issue, 1);
    dates->addWidget(rowLabel(tr("takes &effect"), m_effective));
    dates->addWidget(m_effective, 1);
    form->addRow(rowLabel(tr("&Issued"), m_issue), dates);
    auto *status = new QHBoxLayout;
    status->addWidget(m_status, 1);
    status->addWidget(rowLabel(tr("Letter refere&nce"), m_letterReference));
    status->addWidget(m_letterReference, 1);
    form->addRow(rowLabel(tr("&Status"), m_status), status);

    auto *linked = new QGroupBox(tr("Linked commissioning intentions"), this);
    auto *linkedLayout = new QVBoxLayout(linked);
    m_intentions->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_intentions->setMaximumHeight(120);
    auto *link = new QPushButton(tr("Link…"), this);
    auto *linkButtons = new QHBoxLayout;
    linkButtons->addWidget(link);
    linkButtons->addWidget(m_unlink);
    linkButtons->addStretch();
    linkButtons->addWidget(m_goTo);
    linkedLayout->addWidget(m_intentions);
    linkedLayout->addLayout(linkButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    m_save->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_findings);
    layout->addLayout(form);
    layout->addWidget(linked);
    layout->addLayout(buttons);

    m_mapper->setModel(m_model);
    m_mapper->setItemDelegate(m_delegate);
    m_mapper->setSubmitPolicy(QDataWidgetMapper::ManualSubmit);
    m_mapper->addMapping(m_provider, NoticeModel::ProviderColumn);
    m_mapper->addMapping(m_contract, NoticeModel::ContractColumn);
    m_mapper->addMapping(m_kind, NoticeModel::KindColumn);
    m_mapper->addMapping(m_receiving, NoticeModel::ReceivingProviderColumn);
    m_mapper->addMapping(m_service, NoticeModel::ServiceColumn);
    m_mapper->addMapping(m_summary, NoticeModel::SummaryColumn);
    m_mapper->addMapping(m_rationale, NoticeModel::RationaleColumn);
    m_mapper->addMapping(m_financial, NoticeModel::FinancialEffectColumn);
    m_mapper->addMapping(m_issue, NoticeModel::IssueDateColumn);
    m_mapper->addMapping(m_effective, NoticeModel::EffectiveDateColumn);
    m_mapper->addMapping(m_status, NoticeModel::StatusColumn);
    m_mapper->addMapping(m_letterReference, NoticeModel::LetterReferenceColumn);

    connect(m_provider, &QComboBox::activated, this, &NoticeForm::providerChosen);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NoticeForm::kindChosen);
    connect(m_issue, &QDateEdit::dateChanged, this, &NoticeForm::issueDateChosen);
    connect(link, &QPushButton::clicked, this, &NoticeForm::pickIntentions);
    connect(m_unlink, &QPushButton::clicked, this, &NoticeForm::unlinkSelectedIntentions);
    connect(m_goTo, &QPushButton::clicked, this, [this] {
        const QListWidgetItem *item = m_intentions->currentItem();
        if (item)
            emit intentionRequested(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_intentions, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { emit intentionRequested(item->data(Qt::UserRole).toLongLong()); });
    connect(m_intentions, &QListWidget::itemSelectionChanged, this, [this] {
        const bool any = !m_intentions->selectedItems().isEmpty();
        m_goTo->setEnabled(any);
        m_unlink->setEnabled(any);
    });
    connect(m_save, &QPushButton::clicked, this, &NoticeForm::save);
    connect(m_revert, &QPushButton::clicked, this, &NoticeForm::revert);

    // The stored notice changed (an undo, an edit in the grid): show it, unless the user is
    // in the middle of changing it here.
    const auto follow = [this] {
        if (m_noticeId == 0 || m_populating)
            return;
        const int row = m_model->rowOf(m_noticeId);
        if (row < 0) {
            setEnabled(false);
            say(tr("This notice no longer exists."), true);
            return;
        }
        setEnabled(true);
        if (m_mapper->currentIndex() != row || !isModified())
            populate();
        updateHeading();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, follow);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, follow);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, follow);
    connect(m_model, &QAbstractItemModel::dataChanged, this, follow);
    m_goTo->setEnabled(false);
    m_unlink->setEnabled(false);
}

void NoticeForm::setNotice(Id noticeId)
{
    m_noticeId = noticeId;
    populate();
}

void NoticeForm::populate()
{
    const int row = m_model->rowOf(m_noticeId);
    setEnabled(row >= 0);
    if (row < 0)
        return;
    m_populating = true;
    if (m_mapper->currentIndex() == row)
        m_mapper->revert();
    else
        m_mapper->setCurrentIndex(row);
    m_storedIntentions = m_model->notice(row).intentionIds;
    showIntentions(m_storedIntentions);
    kindChosen();
    m_populating = false;
    updateHeading();
    say(QString(), false);
}

void NoticeForm::updateHeading()
{
    const int row = m_model->rowOf(m_noticeId);
    if (row < 0)
        return;
    const ContractNotice &notice = m_model->notice(row);
    const QString what = notice.service.isEmpty() ? notice.summary.simplified().left(80) : notice.service;
    m_heading->setText(tr("%1 — %2 to %3").arg(Enums::label(notice.kind), what.isEmpty() ? tr("new notice") : what,
                                                 m_model->providerName(notice.providerId)));
    QStringList findings;
    for (const NoticeFinding &finding : m_model->findingsFor(m_noticeId)) {
        const QColor colour = finding.severity == FindingSeverity::Error ? PlanColours::problem() : PlanColours::needsReview();
        findings.append(QStringLiteral("<p style='margin:0 0 4px 0'><span style='color:%1'>●</span> %2 <i>%3</i></p>")
                            .arg(colour.name(), finding.problem.toHtmlEscaped(), finding.fix.toHtmlEscaped()));
    }
    m_findings->setText(findings.join(QString()));
    m_findings->setVisible(!findings.isEmpty());
    setWindowTitle(tr("Notice: %1").arg(what.isEmpty() ? m_model->providerName(notice.providerId) : what));
}

void NoticeForm::showIntentions(const QList<Id> &ids)
{
    m_intentions->clear();
    for (Id id : ids) {
        auto *item = new QListWidgetItem(m_model->intentionTitle(id), m_intentions);
        item->setData(Qt::UserRole, id);
        item->setToolTip(tr("Double-click to go to the intention"));
    }
}

QList<Id> NoticeForm::linkedIntentions() const
{
    QList<Id> ids;
    for (int i = 0; i < m_intentions->count(); ++i)
        ids.append(m_intentions->item(i)->data(Qt::UserRole).toLongLong());
    return ids;
}

void NoticeForm::linkIntentions(const QList<Id> &ids)
{
    QList<Id> linked = linkedIntentions();
    for (Id id : ids) {
        if (!linked.contains(id))
            linked.append(id);
    }
    showIntentions(linked);
}

void NoticeForm::unlinkSelectedIntentions()
{
    const QList<QListWidgetItem *> selected = m_intentions->selectedItems();
    for (QListWidgetItem *item : selected)
        delete item;
}

void NoticeForm::pickIntentions()
{
    linkIntentions(m_picker(linkedIntentions()));
}

void NoticeForm::providerChosen()
{
    // The contracts and receiving providers to choose from follow the provider chosen here,
    // before it is saved.
    const Id provider = m_provider->currentData().toLongLong();
    const Id contract = m_contract->currentData().toLongLong();
    m_contract->clear();
    m_contract->addItem(tr("(no contract)"), Id(0));
    for (const Contract &candidate : m_model->contractsOf(provider)) {
        m_contract->addItem(candidate.reference.isEmpty()
                                ? candidate.title
                                : QStringLiteral("%1 · %2").arg(candidate.reference, candidate.title),
                            candidate.id);
    }
    const int keep = m_contract->findData(contract);
    m_contract->setCurrentIndex(keep >= 0 ? keep : (m_contract->count() == 2 ? 1 : 0));
    const Id receiving = m_receiving->currentData().toLongLong();
    m_receiving->clear();
    m_receiving->addItem(tr("(none)"), Id(0));
    for (const Provider &other : m_model->providers()) {
        if (other.id != provider)
            m_receiving->addItem(other.name, other.id);
    }
    m_receiving->setCurrentIndex(qMax(0, m_receiving->findData(receiving)));
}

void NoticeForm::kindChosen()
{
    const bool transfer = m_kind->currentData().toInt() == int(NoticeKind::Transfer);
    m_receiving->setEnabled(transfer);
    m_receiving->setToolTip(transfer ? QString() : tr("Only a transfer names a receiving provider."));
}

void NoticeForm::issueDateChosen()
{
    if (m_populating || m_issue->date() == RegisterDelegate::notSetDate()
        || m_effective->date() != RegisterDelegate::notSetDate())
        return;
    ContractNotice pending;
    pending.issueDate = m_issue->date();
    pending.contractId = m_contract->currentData().toLongLong();
    const QDate suggested = m_model->defaultEffectiveDate(pending);
    if (suggested.isValid())
        m_effective->setDate(suggested);
}

bool NoticeForm::isModified() const
{
    const int row = m_model->rowOf(m_noticeId);
    if (row < 0)
        return false;
    if (linkedIntentions() != m_storedIntentions)
        return true;
    for (int column = 0; column < NoticeModel::ColumnCount; ++column) {
        QWidget *widget = m_mapper->mappedWidgetAt(column);
        if (!widget)
            continue;
        const QModelIndex index = m_model->index(row, column);
        const bool money = index.data(RegisterRoles::EditorKindRole).toInt() == int(RegisterRoles::EditorKind::Money);
        const QVariant stored = money ? index.data(Qt::DisplayRole) : index.data(Qt::EditRole);
        const QVariant shown = RegisterDelegate::editorValue(widget);
        const bool storedEmpty = !stored.isValid() || stored.toString().isEmpty();
        const bool shownEmpty = !shown.isValid() || shown.toString().isEmpty();
        if (storedEmpty != shownEmpty)
            return true;
        if (!storedEmpty && shown.toString() != stored.toString())
            return true;
    }
    return false;
}

bool NoticeForm::save()
{
    const int row = m_model->rowOf(m_noticeId);
    if (row < 0)
        return false;
    // The model collects every field, then checks and writes the notice as one step.
    m_populating = true;
    m_model->beginBatch(m_noticeId);
    // submit() does not say whether a field was refused; the model does.
    QString refused;
    const auto connection = connect(m_model, &RegisterTableModel::editRejected, this,
                                    [&refused](const QModelIndex &, const QString &message) { refused = message; });
    m_mapper->submit();
    bool collected = refused.isEmpty();
    if (collected && linkedIntentions() != m_storedIntentions) {
        QVariantList ids;
        for (Id id : linkedIntentions())
            ids.append(id);
        collected = m_model->setData(m_model->index(row, NoticeModel::IntentionsColumn), ids);
    }
    disconnect(connection);
    if (!collected) {
        m_model->cancelBatch();
        m_populating = false;
        say(refused.isEmpty() ? m_model->lastError() : refused, true);
        return false;
    }
    NoticeModel::BatchOutcome outcome = m_model->commitBatch(false);
    if (outcome == NoticeModel::BatchOutcome::NeedsConfirmation) {
        if (m_confirmer(tr("Edit an issued notice"), NoticeModel::confirmationMessage())) {
            outcome = m_model->commitBatch(true);
        } else {
            m_model->cancelBatch();
            m_populating = false;
            say(tr("Not saved: the notice is as it was issued."), false);
            return false;
        }
    }
    m_populating = false;
    switch (outcome) {
    case NoticeModel::BatchOutcome::Applied:
        populate();
        say(tr("Saved."), false);
        emit saved(m_noticeId);
        return true;
    case NoticeModel::BatchOutcome::Unchanged:
        say(tr("Nothing to save."), false);
        return true;
    case NoticeModel::BatchOutcome::Rejected:
    case NoticeModel::BatchOutcome::NeedsConfirmation:
        say(m_model->lastError(), true);
        return false;
    }
    return false;
}

void NoticeForm::revert()
{
    populate();
}

QString NoticeForm::message() const
{
    return m_message->text();
}

void NoticeForm::say(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: %1").arg(PlanColours::problem().name()) : QString());
}
