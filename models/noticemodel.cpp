#include "noticemodel.h"

#include "plancolours.h"
#include "planformat.h"
#include "registercommands.h"

#include <QSet>

#include <algorithm>

namespace {

using RegisterRoles::EditorKind;

bool isIssued(NoticeStatus status)
{
    return status == NoticeStatus::Issued || status == NoticeStatus::Acknowledged;
}

// An enum cell takes its int value, or text: the label ("Terminate") or the key ("terminate").
template<typename E>
std::optional<E> enumFrom(const QVariant &value, E first, E last, std::optional<E> (*fromKey)(QStringView))
{
    if (value.typeId() != QMetaType::QString) {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (ok && number >= int(first) && number <= int(last))
            return E(number);
        return std::nullopt;
    }
    const QString text = value.toString().trimmed();
    if (const auto key = fromKey(text))
        return key;
    for (int candidate = int(first); candidate <= int(last); ++candidate) {
        if (Enums::label(E(candidate)).compare(text, Qt::CaseInsensitive) == 0)
            return E(candidate);
    }
    return std::nullopt;
}

std::optional<NoticeKind> kindFrom(const QVariant &value)
{
    return enumFrom<NoticeKind>(value, NoticeKind::Terminate, NoticeKind::Transfer, &Enums::noticeKindFromKey);
}

std::optional<NoticeStatus> statusFrom(const QVariant &value)
{
    return enumFrom<NoticeStatus>(value, NoticeStatus::Draft, NoticeStatus::Withdrawn, &Enums::noticeStatusFromKey);
}

bool worstIsError(const QList<NoticeFinding> &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const NoticeFinding &f) { return f.severity == FindingSeverity::Error; });
}

QString firstSentence(const QString &text)
{
    const QString simple = text.simplified();
    const qsizetype stop = simple.indexOf(QLatin1String(". "));
    const QString sentence = stop > 0 ? simple.left(stop + 1) : simple;
    return sentence.size() > 300 ? sentence.left(299) + QChar(0x2026) : sentence;
}

} // namespace

NoticeModel::NoticeModel(QObject *parent)
    : RegisterTableModel(parent)
{
}

void NoticeModel::clear()
{
    m_rows.clear();
    m_providers.clear();
    m_providerNames.clear();
    m_contracts.clear();
    m_contractIndex.clear();
    m_intentionOrder.clear();
    m_intentions.clear();
    m_letters.clear();
    m_findings.clear();
    m_allFindings.clear();
    m_settings = PlanSettings();
    cancelBatch();
}

Result<void> NoticeModel::loadLookups(PlanStoreSet &stores)
{
    auto providers = stores.providers().list();
    if (!providers)
        return Error{providers.error()};
    auto contracts = stores.contracts().list();
    if (!contracts)
        return Error{contracts.error()};
    auto intentions = stores.intentions().list();
    if (!intentions)
        return Error{intentions.error()};
    auto settings = stores.settings().load();
    if (!settings)
        return Error{settings.error()};

    m_providers = providers.value();
    m_providerNames.clear();
    for (const Provider &provider : std::as_const(m_providers))
        m_providerNames.insert(provider.id, provider.name);
    m_contracts = contracts.value();
    m_contractIndex.clear();
    for (int i = 0; i < m_contracts.size(); ++i)
        m_contractIndex.insert(m_contracts.at(i).id, i);
    m_intentionOrder.clear();
    m_intentions.clear();
    for (const Intention &intention : intentions.value()) {
        m_intentionOrder.append(intention.id);
        m_intentions.insert(intention.id, {intention.title, intention.text, intention.providerIds});
    }
    m_settings = settings.value();
    return {};
}

Result<void> NoticeModel::loadLetters(PlanStoreSet &stores)
{
    // The letters tell the rules which notices went out, and when.
    QSet<Id> providers;
    for (const ContractNotice &notice : std::as_const(m_rows))
        providers.insert(notice.providerId);
    QList<LetterRecord> letters;
    for (const Provider &provider : std::as_const(m_providers)) {
        if (!providers.contains(provider.id))
            continue;
        auto sent = stores.letters().listForProvider(provider.id);
        if (!sent)
            return Error{sent.error()};
        letters.append(sent.value());
    }
    m_letters = letters;
    return {};
}

Result<void> NoticeModel::load(PlanStoreSet &stores)
{
    if (auto lookups = loadLookups(stores); !lookups)
        return lookups;
    auto notices = stores.notices().list();
    if (!notices)
        return Error{notices.error()};
    m_rows = notices.value();
    if (auto letters = loadLetters(stores); !letters)
        return letters;
    QList<Id> ids;
    for (const ContractNotice &notice : std::as_const(m_rows))
        ids.append(notice.id);
    rebuildRowIndex(ids);
    // Inside the reset: nothing to announce row by row.
    m_findings.clear();
    m_allFindings = NoticeRules::check({m_settings, m_rows, m_contracts, m_providers, m_letters});
    for (const NoticeFinding &finding : std::as_const(m_allFindings))
        m_findings[finding.noticeId].append(finding);
    emit findingsChanged();
    return {};
}

void NoticeModel::recheck()
{
    const QHash<Id, QList<NoticeFinding>> before = m_findings;
    m_allFindings = NoticeRules::check({m_settings, m_rows, m_contracts, m_providers, m_letters});
    m_findings.clear();
    for (const NoticeFinding &finding : std::as_const(m_allFindings))
        m_findings[finding.noticeId].append(finding);
    for (int row = 0; row < m_rows.size(); ++row) {
        const Id id = m_rows.at(row).id;
        if (before.value(id) != m_findings.value(id))
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit findingsChanged();
}

void NoticeModel::lookupsChanged(bool letters)
{
    if (!m_context)
        return;
    if (!loadLookups(m_context->stores()) || (letters && !loadLetters(m_context->stores()))) {
        (void)reload();
        return;
    }
    // An intention deleted elsewhere takes its links with it: the notices changed under us.
    for (const ContractNotice &notice : std::as_const(m_rows)) {
        for (Id intention : notice.intentionIds) {
            if (!m_intentions.contains(intention)) {
                (void)reload();
                return;
            }
        }
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    recheck();
}

void NoticeModel::planChanged(PlanContext::Entity entity, const QList<Id> &ids)
{
    if (!m_context)
        return;
    switch (entity) {
    case PlanContext::Entity::Notice: {
        const int rowsBefore = int(m_rows.size());
        refreshRows(m_rows, ids, m_context->stores().notices());
        // A notice to a provider new to the register may have letters already.
        if (m_rows.size() != rowsBefore && !loadLetters(m_context->stores())) {
            (void)reload();
            return;
        }
        recheck();
        break;
    }
    case PlanContext::Entity::Letter:
        lookupsChanged(true);
        break;
    case PlanContext::Entity::Intention:
        // The intentions grid says this on every edit: read only the intentions named.
        if (ids.isEmpty() || !refreshIntentions(ids))
            lookupsChanged(false);
        break;
    case PlanContext::Entity::Provider:
    case PlanContext::Entity::Contract:
    case PlanContext::Entity::Settings:
        lookupsChanged(false);
        break;
    default:
        break;
    }
}

bool NoticeModel::refreshIntentions(const QList<Id> &ids)
{
    for (Id id : ids) {
        const auto intention = m_context->stores().intentions().get(id);
        if (!intention)
            return false; // deleted (its links went with it), or unreadable: read everything
        if (!m_intentions.contains(id))
            m_intentionOrder.append(id);
        m_intentions.insert(id, {intention.value().title, intention.value().text, intention.value().providerIds});
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        const QList<Id> &linked = m_rows.at(row).intentionIds;
        if (std::any_of(ids.cbegin(), ids.cend(), [&linked](Id id) { return linked.contains(id); }))
            emit dataChanged(index(row, IntentionsColumn), index(row, IntentionsColumn));
    }
    return true;
}

QString NoticeModel::providerName(Id id) const
{
    return m_providerNames.value(id);
}

QList<Contract> NoticeModel::contractsOf(Id providerId) const
{
    QList<Contract> found;
    for (const Contract &contract : m_contracts) {
        if (contract.providerId == providerId)
            found.append(contract);
    }
    return found;
}

const Contract *NoticeModel::contract(Id id) const
{
    const auto at = m_contractIndex.constFind(id);
    return at == m_contractIndex.cend() ? nullptr : &m_contracts.at(*at);
}

QList<std::pair<Id, QString>> NoticeModel::intentionTitles() const
{
    QList<std::pair<Id, QString>> titles;
    titles.reserve(m_intentionOrder.size());
    for (Id id : m_intentionOrder)
        titles.append({id, m_intentions.value(id).title});
    return titles;
}

QDate NoticeModel::defaultEffectiveDate(const ContractNotice &notice) const
{
    const int months = NoticeRules::noticePeriodMonths(contract(notice.contractId), m_settings);
    return NoticeRules::defaultEffectiveDate(NoticeRules::issueDate(notice, m_settings), months);
}

QString NoticeModel::noticeName(const ContractNotice &notice)
{
    const QString name = !notice.service.trimmed().isEmpty() ? notice.service : notice.summary;
    return name.simplified().left(60);
}

QString NoticeModel::intentionsText(const QList<Id> &ids) const
{
    QStringList titles;
    for (Id id : ids)
        titles.append(m_intentions.value(id).title);
    return titles.join(QStringLiteral("; "));
}

QString NoticeModel::findingsText(Id noticeId) const
{
    QStringList lines;
    for (const NoticeFinding &finding : m_findings.value(noticeId))
        lines.append(finding.problem + QLatin1Char(' ') + finding.fix);
    return lines.join(QStringLiteral("\n\n"));
}

int NoticeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NoticeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContractNotice &row = m_rows.at(index.row());
    switch (role) {
    case PlanRoles::IdRole:
        return row.id;
    case RegisterRoles::ProviderIdRole:
        return row.providerId;
    case RegisterRoles::ContractIdRole:
        return row.contractId;
    case RegisterRoles::NoticeStatusRole:
        return int(row.status);
    case RegisterRoles::NoticeKindRole:
        return int(row.kind);
    case RegisterRoles::IntentionIdsRole: {
        QVariantList ids;
        for (Id id : row.intentionIds)
            ids.append(id);
        return ids;
    }
    case RegisterRoles::FindingsRole: {
        QStringList findings;
        for (const NoticeFinding &finding : m_findings.value(row.id))
            findings.append(finding.problem + QLatin1Char(' ') + finding.fix);
        return findings;
    }
    case RegisterRoles::NeedsConfirmationRole:
        return needsConfirmation(index.row(), index.column());
    case Qt::ForegroundRole:
        if (index.column() == FindingsColumn && m_findings.contains(row.id))
            return worstIsError(m_findings.value(row.id)) ? PlanColours::problem() : PlanColours::needsReview();
        if (row.status == NoticeStatus::Withdrawn)
            return PlanColours::status(IntentionStatus::Proposed); // the planner's grey
        return {};
    default:
        return cell(row, index.column(), role);
    }
}

QVariant NoticeModel::cell(const ContractNotice &row, int column, int role) const
{
    const auto text = [&](const QString &value, EditorKind kind) { return RegisterValues::textCell(value, role, kind); };
    const auto date = [&](const QDate &value) { return RegisterValues::dateCell(value, role); };
    const auto providerCell = [&](Id id, bool optional) -> QVariant {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return m_providerNames.value(id);
        case PlanRoles::SortRole:
            return m_providerNames.value(id).toLower();
        case Qt::EditRole:
            return id;
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Choice);
        case RegisterRoles::ChoicesRole: {
            QVariantList choices;
            if (optional)
                choices.append(RegisterRoles::choice(tr("(none)"), Id(0)));
            for (const Provider &provider : m_providers) {
                if (!optional || provider.id != row.providerId)
                    choices.append(RegisterRoles::choice(provider.name, provider.id));
            }
            return choices;
        }
        default:
            return {};
        }
    };

    switch (column) {
    case ProviderColumn:
        if (role == Qt::DecorationRole && m_findings.contains(row.id))
            return worstIsError(m_findings.value(row.id)) ? PlanColours::problem() : PlanColours::needsReview();
        if (role == Qt::ToolTipRole && m_findings.contains(row.id))
            return findingsText(row.id);
        return providerCell(row.providerId, false);
    case ContractColumn: {
        const Contract *c = contract(row.contractId);
        const QString name = !c ? QString()
            : c->reference.isEmpty() ? c->title
                                     : QStringLiteral("%1 · %2").arg(c->reference, c->title);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return name;
        case PlanRoles::SortRole:
            return name.toLower();
        case Qt::EditRole:
            return row.contractId;
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Choice);
        case RegisterRoles::ChoicesRole: {
            QVariantList choices{RegisterRoles::choice(tr("(no contract)"), Id(0))};
            for (const Contract &candidate : contractsOf(row.providerId)) {
                choices.append(RegisterRoles::choice(candidate.reference.isEmpty()
                                                         ? candidate.title
                                                         : QStringLiteral("%1 · %2").arg(candidate.reference, candidate.title),
                                                     candidate.id));
            }
            return choices;
        }
        default:
            return {};
        }
    }
    case KindColumn:
        switch (role) {
        case Qt::DisplayRole:
        case PlanRoles::SortRole:
            return Enums::label(row.kind);
        case Qt::EditRole:
            return int(row.kind);
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Choice);
        case RegisterRoles::ChoicesRole: {
            QVariantList choices;
            for (int kind = int(NoticeKind::Terminate); kind <= int(NoticeKind::Transfer); ++kind)
                choices.append(RegisterRoles::choice(Enums::label(NoticeKind(kind)), kind));
            return choices;
        }
        default:
            return {};
        }
    case ReceivingProviderColumn:
        return providerCell(row.receivingProviderId, true);
    case ServiceColumn:
        return text(row.service, EditorKind::Text);
    case SummaryColumn:
        return text(row.summary, EditorKind::LongText);
    case RationaleColumn:
        return text(row.rationale, EditorKind::LongText);
    case FinancialEffectColumn:
        switch (role) {
        case Qt::DisplayRole:
            return RegisterValues::money(row.financialEffect);
        case Qt::EditRole:
            return row.financialEffect ? QVariant(*row.financialEffect) : QVariant();
        case PlanRoles::SortRole:
            return row.financialEffect.value_or(0.0);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Money);
        default:
            return {};
        }
    case IssueDateColumn:
        if (role == Qt::ToolTipRole && !row.issueDate.isValid() && m_settings.noticeIssueDate.isValid())
            return tr("Not set: the plan's notice issue date (%1) applies.").arg(PlanFormat::date(m_settings.noticeIssueDate));
        return date(row.issueDate);
    case EffectiveDateColumn:
        return date(row.effectiveDate);
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole:
            return Enums::label(row.status);
        case PlanRoles::SortRole:
            return int(row.status);
        case Qt::EditRole:
            return int(row.status);
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Choice);
        case RegisterRoles::ChoicesRole: {
            QVariantList choices;
            for (int status = int(NoticeStatus::Draft); status <= int(NoticeStatus::Withdrawn); ++status)
                choices.append(RegisterRoles::choice(Enums::label(NoticeStatus(status)), status));
            return choices;
        }
        default:
            return {};
        }
    case LetterReferenceColumn:
        return text(row.letterReference, EditorKind::Text);
    case IntentionsColumn:
        switch (role) {
        case Qt::DisplayRole:
        case PlanRoles::SortRole:
        case Qt::ToolTipRole:
            return intentionsText(row.intentionIds);
        case Qt::EditRole: {
            QVariantList ids;
            for (Id id : row.intentionIds)
                ids.append(id);
            return ids;
        }
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::ReadOnly);
        default:
            return {};
        }
    case FindingsColumn:
        switch (role) {
        case Qt::DisplayRole:
        case PlanRoles::SortRole: {
            QStringList labels;
            for (const NoticeFinding &finding : m_findings.value(row.id))
                labels.append(NoticeRules::label(finding.rule));
            return labels.join(QStringLiteral("; "));
        }
        case Qt::ToolTipRole:
            return findingsText(row.id);
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::ReadOnly);
        default:
            return {};
        }
    case LastChangedColumn:
        switch (role) {
        case Qt::DisplayRole:
            return row.updatedAt.isValid() ? row.updatedAt.toLocalTime().toString(QStringLiteral("d MMM yyyy HH:mm"))
                                           : QString();
        case PlanRoles::SortRole:
            return row.updatedAt.isValid() ? row.updatedAt.toString(Qt::ISODate) : QString();
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::ReadOnly);
        default:
            return {};
        }
    default:
        return {};
    }
}

std::optional<Id> NoticeModel::providerFrom(const QVariant &value, bool allowNone) const
{
    if (value.typeId() != QMetaType::QString) {
        const Id id = value.toLongLong();
        if (id == 0 && allowNone)
            return Id(0);
        return m_providerNames.contains(id) ? std::optional<Id>(id) : std::nullopt;
    }
    const QString name = value.toString().trimmed();
    if (name.isEmpty() && allowNone)
        return Id(0);
    for (const Provider &provider : m_providers) {
        if (provider.name.compare(name, Qt::CaseInsensitive) == 0)
            return provider.id;
    }
    return std::nullopt;
}

std::optional<Id> NoticeModel::contractFrom(const QVariant &value, Id providerId) const
{
    if (value.typeId() != QMetaType::QString) {
        const Id id = value.toLongLong();
        if (id == 0)
            return Id(0);
        return contract(id) ? std::optional<Id>(id) : std::nullopt;
    }
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return Id(0);
    // A title or reference may repeat across providers: prefer the notice's provider's.
    std::optional<Id> elsewhere;
    for (const Contract &candidate : m_contracts) {
        const QString both = QStringLiteral("%1 · %2").arg(candidate.reference, candidate.title);
        if (candidate.title.compare(name, Qt::CaseInsensitive) == 0
            || (!candidate.reference.isEmpty() && candidate.reference.compare(name, Qt::CaseInsensitive) == 0)
            || both.compare(name, Qt::CaseInsensitive) == 0) {
            if (candidate.providerId == providerId)
                return candidate.id;
            if (!elsewhere)
                elsewhere = candidate.id;
        }
    }
    return elsewhere;
}

Result<void> NoticeModel::checkTransition(NoticeStatus from, NoticeStatus to)
{
    if (from == to || to == NoticeStatus::Withdrawn)
        return {};
    switch (from) {
    case NoticeStatus::Draft:
        if (to == NoticeStatus::Approved)
            return {};
        return Error{tr("A draft notice is approved before it is %1.").arg(Enums::label(to).toLower())};
    case NoticeStatus::Approved:
        if (to == NoticeStatus::Draft || to == NoticeStatus::Issued)
            return {};
        return Error{tr("A notice is acknowledged after it has been issued; mark it as issued first.")};
    case NoticeStatus::Issued:
        // Back to approved: it was not sent after all.
        if (to == NoticeStatus::Approved || to == NoticeStatus::Acknowledged)
            return {};
        return Error{tr("This notice has been issued to the provider, so it cannot go back to draft. "
                        "Withdraw it instead, and give a new notice if one is needed.")};
    case NoticeStatus::Acknowledged:
        if (to == NoticeStatus::Issued)
            return {};
        return Error{tr("The provider has acknowledged this notice, so it cannot go back to %1. "
                        "Withdraw it instead, and give a new notice if one is needed.")
                         .arg(Enums::label(to).toLower())};
    case NoticeStatus::Withdrawn:
        if (to == NoticeStatus::Draft)
            return {};
        return Error{tr("A withdrawn notice starts again as a draft.")};
    }
    return {};
}

Result<ContractNotice> NoticeModel::edited(const ContractNotice &row, int column, const QVariant &value) const
{
    ContractNotice after = row;
    switch (column) {
    case ProviderColumn: {
        const auto provider = providerFrom(value, false);
        if (!provider)
            return Error{tr("There is no provider “%1” in this plan.").arg(value.toString())};
        after.providerId = *provider;
        // The old contract is with the old provider: the notice is now on none.
        if (const Contract *c = contract(after.contractId); c && c->providerId != after.providerId)
            after.contractId = 0;
        break;
    }
    case ContractColumn: {
        const auto found = contractFrom(value, row.providerId);
        if (!found)
            return Error{tr("There is no contract “%1” in this plan.").arg(value.toString())};
        after.contractId = *found;
        break;
    }
    case KindColumn: {
        const auto kind = kindFrom(value);
        if (!kind)
            return Error{tr("“%1” is not a kind of notice: terminate, reduce, change or transfer.").arg(value.toString())};
        after.kind = *kind;
        if (after.kind == NoticeKind::Transfer && after.receivingProviderId == 0)
            return Error{tr("A transfer names the provider that takes the service on: choose the receiving "
                            "provider first, then set the kind to Transfer.")};
        if (row.kind == NoticeKind::Transfer && after.kind != NoticeKind::Transfer)
            after.receivingProviderId = 0;
        break;
    }
    case ReceivingProviderColumn: {
        const auto provider = providerFrom(value, true);
        if (!provider)
            return Error{tr("There is no provider “%1” in this plan.").arg(value.toString())};
        after.receivingProviderId = *provider;
        break;
    }
    case ServiceColumn:
        after.service = value.toString().trimmed();
        break;
    case SummaryColumn:
        after.summary = value.toString().trimmed();
        break;
    case RationaleColumn:
        after.rationale = value.toString().trimmed();
        break;
    case FinancialEffectColumn: {
        const auto amount = RegisterValues::parseMoney(value);
        if (!amount)
            return Error{amount.error()};
        after.financialEffect = amount.value();
        break;
    }
    case IssueDateColumn:
    case EffectiveDateColumn: {
        const auto date = RegisterValues::parseDate(value);
        if (!date)
            return Error{date.error()};
        (column == IssueDateColumn ? after.issueDate : after.effectiveDate) = date.value();
        if (column == IssueDateColumn && after.issueDate.isValid() && !after.effectiveDate.isValid())
            after.effectiveDate = defaultEffectiveDate(after);
        break;
    }
    case StatusColumn: {
        const auto status = statusFrom(value);
        if (!status)
            return Error{tr("“%1” is not a notice status.").arg(value.toString())};
        if (auto allowed = checkTransition(row.status, *status); !allowed)
            return Error{allowed.error()};
        after.status = *status;
        break;
    }
    case LetterReferenceColumn:
        after.letterReference = value.toString().trimmed();
        break;
    case IntentionsColumn: {
        QList<Id> ids;
        for (const QVariant &id : value.toList()) {
            const Id intention = id.toLongLong();
            if (!m_intentions.contains(intention))
                return Error{tr("The intention with id %1 is not in this plan.").arg(intention)};
            if (!ids.contains(intention))
                ids.append(intention);
        }
        after.intentionIds = ids;
        break;
    }
    default:
        return Error{tr("This column cannot be edited.")};
    }
    return after;
}

Result<void> NoticeModel::validate(const ContractNotice &n) const
{
    if (!m_providerNames.contains(n.providerId))
        return Error{tr("Choose the provider the notice is given to.")};
    if (n.contractId != 0) {
        const Contract *c = contract(n.contractId);
        if (!c)
            return Error{tr("The notice's contract is not in this plan.")};
        if (c->providerId != n.providerId)
            return Error{tr("The contract “%1” is with %2, not %3: choose one of %3's contracts.")
                             .arg(c->title, m_providerNames.value(c->providerId), m_providerNames.value(n.providerId))};
    }
    if (n.receivingProviderId != 0) {
        if (!m_providerNames.contains(n.receivingProviderId))
            return Error{tr("The receiving provider is not in this plan.")};
        if (n.receivingProviderId == n.providerId)
            return Error{tr("A service cannot be transferred to the provider that already runs it; choose another "
                            "receiving provider.")};
    }
    if (n.kind == NoticeKind::Transfer && n.receivingProviderId == 0)
        return Error{tr("A transfer names the provider that takes the service on: choose the receiving provider.")};
    if (n.issueDate.isValid() && n.effectiveDate.isValid() && n.effectiveDate < n.issueDate)
        return Error{tr("The notice would take effect (%1) before it is issued (%2).")
                         .arg(PlanFormat::date(n.effectiveDate), PlanFormat::date(n.issueDate))};
    for (Id intention : n.intentionIds) {
        if (!m_intentions.contains(intention))
            return Error{tr("The intention with id %1 is not in this plan.").arg(intention)};
    }
    return {};
}

bool NoticeModel::needsConfirmation(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || !isIssued(m_rows.at(row).status))
        return false;
    // Moving an issued notice on (acknowledged, withdrawn) or noting its letter's reference
    // does not change what the provider was told.
    return column != StatusColumn && column != LetterReferenceColumn && column != FindingsColumn
        && column != LastChangedColumn;
}

QString NoticeModel::confirmationMessage()
{
    return tr("This notice has been issued to the provider, and the letter they hold says what it says now. "
              "Editing it marks its letter as superseded: a new letter must be exported and sent.\n\n"
              "Edit the notice?");
}

bool NoticeModel::apply(const QModelIndex &index, const ContractNotice &before, ContractNotice after, bool superseding)
{
    if (superseding)
        after.letterReference.clear();
    if (after == before) {
        accepted();
        return true;
    }
    QString text;
    if (index.isValid()) {
        const QString field = headerData(index.column(), Qt::Horizontal).toString().toLower();
        text = after.status != before.status
            ? tr("Mark notice “%1” as %2").arg(noticeName(before), Enums::label(after.status).toLower())
            : tr("Change %1 of notice “%2”").arg(field, noticeName(before));
    } else {
        text = tr("Edit notice “%1”").arg(noticeName(before));
    }
    if (superseding)
        text += tr(" (letter superseded)");
    return push(index, RegisterCommands::edit(*m_context, before, after, text));
}

bool NoticeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const ContractNotice &row = m_rows.at(index.row());

    if (m_batchId != 0 && row.id == m_batchId) {
        // Collect only: the notice is checked as a whole when the batch is committed.
        ContractNotice collected = m_batchAfter;
        if (index.column() == KindColumn) {
            const auto kind = kindFrom(value);
            if (!kind)
                return reject(index, tr("“%1” is not a kind of notice.").arg(value.toString()));
            collected.kind = *kind;
        } else if (index.column() == StatusColumn) {
            const auto status = statusFrom(value);
            if (!status)
                return reject(index, tr("“%1” is not a notice status.").arg(value.toString()));
            collected.status = *status;
        } else {
            auto after = edited(collected, index.column(), value);
            if (!after)
                return reject(index, after.error());
            // Keep only the field itself: the rest is settled at commit.
            const ContractNotice one = after.value();
            switch (index.column()) {
            case ProviderColumn: collected.providerId = one.providerId; break;
            case ContractColumn: collected.contractId = one.contractId; break;
            case ReceivingProviderColumn: collected.receivingProviderId = one.receivingProviderId; break;
            case IssueDateColumn: collected.issueDate = one.issueDate; break;
            default: collected = one; break;
            }
        }
        m_batchAfter = collected;
        return true;
    }

    const auto after = edited(row, index.column(), value);
    if (!after)
        return reject(index, after.error());
    if (auto valid = validate(after.value()); !valid)
        return reject(index, valid.error());
    if (after.value() == row) {
        accepted();
        return true;
    }
    if (needsConfirmation(index.row(), index.column())) {
        emit confirmationNeeded(index, value, confirmationMessage());
        return false;
    }
    return apply(index, row, after.value(), false);
}

bool NoticeModel::setDataConfirmed(const QModelIndex &index, const QVariant &value)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const ContractNotice row = m_rows.at(index.row());
    const auto after = edited(row, index.column(), value);
    if (!after)
        return reject(index, after.error());
    if (auto valid = validate(after.value()); !valid)
        return reject(index, valid.error());
    return apply(index, row, after.value(), needsConfirmation(index.row(), index.column()));
}

void NoticeModel::beginBatch(Id noticeId)
{
    const int row = rowOf(noticeId);
    if (row < 0) {
        cancelBatch();
        return;
    }
    m_batchId = noticeId;
    m_batchBefore = m_rows.at(row);
    m_batchAfter = m_batchBefore;
}

void NoticeModel::cancelBatch()
{
    m_batchId = 0;
}

NoticeModel::BatchOutcome NoticeModel::commitBatch(bool confirmed)
{
    if (m_batchId == 0)
        return BatchOutcome::Unchanged;
    const int row = rowOf(m_batchId);
    if (row < 0 || !(m_rows.at(row) == m_batchBefore)) {
        cancelBatch();
        reject({}, tr("The notice was changed or deleted meanwhile; open it again."));
        return BatchOutcome::Rejected;
    }
    ContractNotice after = m_batchAfter;
    // What goes with the values collected, as a single edit would do it.
    if (const Contract *c = contract(after.contractId); c && c->providerId != after.providerId
                                                        && after.providerId != m_batchBefore.providerId)
        after.contractId = 0;
    if (after.kind != NoticeKind::Transfer)
        after.receivingProviderId = 0;
    if (after.issueDate.isValid() && !after.effectiveDate.isValid() && after.issueDate != m_batchBefore.issueDate)
        after.effectiveDate = defaultEffectiveDate(after);
    if (auto allowed = checkTransition(m_batchBefore.status, after.status); !allowed) {
        cancelBatch();
        reject(index(row, StatusColumn), allowed.error());
        return BatchOutcome::Rejected;
    }
    if (auto valid = validate(after); !valid) {
        cancelBatch();
        reject({}, valid.error());
        return BatchOutcome::Rejected;
    }
    if (after == m_batchBefore) {
        cancelBatch();
        accepted();
        return BatchOutcome::Unchanged;
    }
    ContractNotice contentBefore = m_batchBefore;
    ContractNotice contentAfter = after;
    contentAfter.status = contentBefore.status;
    contentAfter.letterReference = contentBefore.letterReference;
    const bool superseding = isIssued(m_batchBefore.status) && !(contentAfter == contentBefore);
    if (superseding && !confirmed)
        return BatchOutcome::NeedsConfirmation;
    const ContractNotice before = m_batchBefore;
    cancelBatch();
    return apply({}, before, after, superseding) ? BatchOutcome::Applied : BatchOutcome::Rejected;
}

ContractNotice NoticeModel::prefilled(Id providerId, const QList<Id> &intentionIds) const
{
    ContractNotice notice;
    notice.kind = NoticeKind::Change;
    notice.status = NoticeStatus::Draft;
    for (Id id : intentionIds) {
        if (m_intentions.contains(id) && !notice.intentionIds.contains(id))
            notice.intentionIds.append(id);
    }
    Id provider = m_providerNames.contains(providerId) ? providerId : 0;
    if (provider == 0) {
        QSet<Id> named;
        for (Id id : std::as_const(notice.intentionIds)) {
            for (Id p : m_intentions.value(id).providerIds)
                named.insert(p);
        }
        if (named.size() == 1 && m_providerNames.contains(*named.cbegin()))
            provider = *named.cbegin();
    }
    if (provider == 0 && !m_providers.isEmpty())
        provider = m_providers.first().id;
    notice.providerId = provider;
    const QList<Contract> contracts = contractsOf(provider);
    if (contracts.size() == 1)
        notice.contractId = contracts.first().id;

    if (notice.intentionIds.size() == 1) {
        const IntentionInfo &intention = m_intentions[notice.intentionIds.first()];
        notice.service = intention.title.simplified();
        notice.summary = firstSentence(intention.text);
    } else if (!notice.intentionIds.isEmpty()) {
        QStringList titles;
        for (Id id : std::as_const(notice.intentionIds))
            titles.append(m_intentions.value(id).title.simplified());
        notice.summary = tr("Changes arising from the commissioning intentions: %1.").arg(titles.join(QStringLiteral("; ")));
    }
    notice.issueDate = m_settings.noticeIssueDate;
    notice.effectiveDate = defaultEffectiveDate(notice);
    return notice;
}

Result<Id> NoticeModel::addNotice(const ContractNotice &notice, const QString &undoText)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    if (m_providers.isEmpty())
        return rejectOperation(tr("Add a provider first: every notice is given to a provider."));
    if (auto valid = validate(notice); !valid)
        return rejectOperation(valid.error());
    ContractNotice value = notice;
    value.id = 0;
    const QString text = !undoText.isEmpty() ? undoText
                                             : tr("Add notice to %1").arg(m_providerNames.value(notice.providerId));
    if (auto pushed = pushOperation(RegisterCommands::add(*m_context, {value}, text)); !pushed)
        return Error{pushed.error()};
    return RegisterTracker::of(*m_context).lastCreated().value(0);
}

Result<QList<Id>> NoticeModel::duplicate(const QList<Id> &ids)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    const QList<ContractNotice> originals = rowsOf(m_rows, ids);
    QList<ContractNotice> copies;
    for (ContractNotice copy : originals) {
        // A copy is a new notice: it starts as a draft with no letter.
        copy.id = 0;
        copy.status = NoticeStatus::Draft;
        copy.letterReference.clear();
        copy.service = copy.service.isEmpty() ? copy.service : tr("%1 (copy)").arg(copy.service);
        copies.append(copy);
    }
    if (copies.isEmpty())
        return rejectOperation(tr("Choose the notices to duplicate."));
    const QString text = copies.size() == 1 ? tr("Duplicate notice “%1”").arg(noticeName(originals.first()))
                                            : tr("Duplicate %1 notices").arg(copies.size());
    if (auto pushed = pushOperation(RegisterCommands::add(*m_context, copies, text)); !pushed)
        return Error{pushed.error()};
    return RegisterTracker::of(*m_context).lastCreated();
}

Result<void> NoticeModel::remove(const QList<Id> &ids)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    const QList<ContractNotice> gone = rowsOf(m_rows, ids);
    if (gone.isEmpty())
        return rejectOperation(tr("Choose the notices to delete."));
    const QString text = gone.size() == 1 ? tr("Delete notice “%1”").arg(noticeName(gone.first()))
                                          : tr("Delete %1 notices").arg(gone.size());
    return pushOperation(RegisterCommands::remove(*m_context, gone, text));
}

Qt::ItemFlags NoticeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    switch (index.column()) {
    case IntentionsColumn: // linked in the notice form
    case FindingsColumn:
    case LastChangedColumn:
        return flags;
    default:
        return flags | Qt::ItemIsEditable;
    }
}

QVariant NoticeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RegisterTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProviderColumn:
        return tr("Provider");
    case ContractColumn:
        return tr("Contract");
    case KindColumn:
        return tr("Kind");
    case ReceivingProviderColumn:
        return tr("Receiving provider");
    case ServiceColumn:
        return tr("Service affected");
    case SummaryColumn:
        return tr("Summary");
    case RationaleColumn:
        return tr("Rationale");
    case FinancialEffectColumn:
        return tr("Financial effect");
    case IssueDateColumn:
        return tr("Issue date");
    case EffectiveDateColumn:
        return tr("Effective date");
    case StatusColumn:
        return tr("Status");
    case LetterReferenceColumn:
        return tr("Letter reference");
    case IntentionsColumn:
        return tr("Intentions");
    case FindingsColumn:
        return tr("Checks");
    case LastChangedColumn:
        return tr("Last changed");
    default:
        return {};
    }
}
