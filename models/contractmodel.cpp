#include "contractmodel.h"

#include "planformat.h"
#include "registercommands.h"

namespace {
using RegisterRoles::EditorKind;
constexpr int minNoticeMonths = 1;
constexpr int maxNoticeMonths = 60;

QString monthsText(int months)
{
    return months == 1 ? ContractModel::tr("1 month") : ContractModel::tr("%1 months").arg(months);
}
} // namespace

ContractModel::ContractModel(QObject *parent)
    : RegisterTableModel(parent)
{
}

void ContractModel::clear()
{
    m_rows.clear();
    m_providers.clear();
    m_providerNames.clear();
    m_noticeCount.clear();
}

Result<void> ContractModel::loadLookups(PlanStoreSet &stores)
{
    auto providers = stores.providers().list();
    if (!providers)
        return Error{providers.error()};
    auto notices = stores.notices().list();
    if (!notices)
        return Error{notices.error()};
    auto settings = stores.settings().load();
    if (!settings)
        return Error{settings.error()};
    m_providers = providers.value();
    m_providerNames.clear();
    for (const Provider &provider : std::as_const(m_providers))
        m_providerNames.insert(provider.id, provider.name);
    m_noticeCount.clear();
    for (const ContractNotice &notice : notices.value()) {
        if (notice.contractId != 0)
            ++m_noticeCount[notice.contractId];
    }
    m_defaultNoticePeriod = settings.value().noticePeriodMonths;
    return {};
}

Result<void> ContractModel::load(PlanStoreSet &stores)
{
    if (auto lookups = loadLookups(stores); !lookups)
        return lookups;
    auto contracts = stores.contracts().list();
    if (!contracts)
        return Error{contracts.error()};
    m_rows = contracts.value();
    QList<Id> ids;
    for (const Contract &contract : std::as_const(m_rows))
        ids.append(contract.id);
    rebuildRowIndex(ids);
    return {};
}

void ContractModel::lookupsChanged()
{
    if (!m_context)
        return;
    if (!loadLookups(m_context->stores())) {
        (void)reload();
        return;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void ContractModel::planChanged(PlanContext::Entity entity, const QList<Id> &ids)
{
    if (!m_context)
        return;
    switch (entity) {
    case PlanContext::Entity::Contract:
        refreshRows(m_rows, ids, m_context->stores().contracts());
        break;
    case PlanContext::Entity::Provider:
    case PlanContext::Entity::Notice:
    case PlanContext::Entity::Settings:
        lookupsChanged();
        break;
    default:
        break;
    }
}

int ContractModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContractModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Contract &row = m_rows.at(index.row());
    if (role == PlanRoles::IdRole)
        return row.id;
    if (role == RegisterRoles::ProviderIdRole)
        return row.providerId;

    const auto text = [&](const QString &value) { return RegisterValues::textCell(value, role); };
    const auto date = [&](const QDate &value) { return RegisterValues::dateCell(value, role); };

    switch (index.column()) {
    case ProviderColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return m_providerNames.value(row.providerId);
        case PlanRoles::SortRole:
            return m_providerNames.value(row.providerId).toLower();
        case Qt::EditRole:
            return row.providerId;
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Choice);
        case RegisterRoles::ChoicesRole: {
            QVariantList choices;
            for (const Provider &provider : m_providers)
                choices.append(RegisterRoles::choice(provider.name, provider.id));
            return choices;
        }
        default:
            return {};
        }
    case ReferenceColumn:
        return text(row.reference);
    case TitleColumn:
        return text(row.title);
    case FormColumn:
        return text(row.form);
    case StartColumn:
        return date(row.start);
    case EndColumn:
        return date(row.end);
    case AnnualValueColumn:
        switch (role) {
        case Qt::DisplayRole:
            return RegisterValues::money(row.annualValue);
        case Qt::EditRole:
            return row.annualValue ? QVariant(*row.annualValue) : QVariant();
        case PlanRoles::SortRole:
            return row.annualValue ? *row.annualValue : -1.0;
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Money);
        default:
            return {};
        }
    case NoticePeriodColumn:
        switch (role) {
        case Qt::DisplayRole:
            return row.noticePeriodMonths ? monthsText(*row.noticePeriodMonths)
                                          : tr("%1 (plan default)").arg(monthsText(m_defaultNoticePeriod));
        case Qt::EditRole:
            return row.noticePeriodMonths ? QVariant(*row.noticePeriodMonths) : QVariant();
        case PlanRoles::SortRole:
            return row.noticePeriodMonths.value_or(m_defaultNoticePeriod);
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Months);
        default:
            return {};
        }
    default:
        return {};
    }
}

std::optional<Id> ContractModel::providerFrom(const QVariant &value) const
{
    if (value.typeId() != QMetaType::QString) {
        const Id id = value.toLongLong();
        return m_providerNames.contains(id) ? std::optional<Id>(id) : std::nullopt;
    }
    const QString name = value.toString().trimmed();
    for (const Provider &provider : m_providers) {
        if (provider.name.compare(name, Qt::CaseInsensitive) == 0)
            return provider.id;
    }
    return std::nullopt;
}

Result<Contract> ContractModel::edited(const Contract &row, int column, const QVariant &value) const
{
    Contract after = row;
    switch (column) {
    case ProviderColumn: {
        const auto provider = providerFrom(value);
        if (!provider)
            return Error{tr("There is no provider “%1” in this plan.").arg(value.toString())};
        if (*provider != row.providerId && m_noticeCount.value(row.id) > 0) {
            return Error{tr("Notices are given on this contract to %1; a contract with notices keeps its provider. "
                            "Add a new contract for the other provider instead.")
                             .arg(m_providerNames.value(row.providerId))};
        }
        after.providerId = *provider;
        break;
    }
    case ReferenceColumn:
        after.reference = value.toString().trimmed();
        break;
    case TitleColumn:
        after.title = value.toString().trimmed();
        if (after.title.isEmpty())
            return Error{tr("A contract needs a title.")};
        break;
    case FormColumn:
        after.form = value.toString().trimmed();
        break;
    case StartColumn:
    case EndColumn: {
        const auto date = RegisterValues::parseDate(value);
        if (!date)
            return Error{date.error()};
        (column == StartColumn ? after.start : after.end) = date.value();
        if (after.start.isValid() && after.end.isValid() && after.end < after.start)
            return Error{tr("The contract would end (%1) before it starts (%2).")
                             .arg(PlanFormat::date(after.end), PlanFormat::date(after.start))};
        break;
    }
    case AnnualValueColumn: {
        const auto amount = RegisterValues::parseMoney(value);
        if (!amount)
            return Error{amount.error()};
        if (amount.value() && *amount.value() < 0)
            return Error{tr("The annual value cannot be negative.")};
        after.annualValue = amount.value();
        break;
    }
    case NoticePeriodColumn: {
        const auto months = RegisterValues::parseWholeNumber(value);
        if (!months)
            return Error{months.error()};
        if (months.value() && (*months.value() < minNoticeMonths || *months.value() > maxNoticeMonths))
            return Error{tr("The notice period is between %1 and %2 months; leave it empty for the plan's %3.")
                             .arg(minNoticeMonths)
                             .arg(maxNoticeMonths)
                             .arg(m_defaultNoticePeriod)};
        after.noticePeriodMonths = months.value();
        break;
    }
    default:
        return Error{tr("This column cannot be edited.")};
    }
    return after;
}

bool ContractModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Contract before = m_rows.at(index.row());
    const auto after = edited(before, index.column(), value);
    if (!after)
        return reject(index, after.error());
    if (after.value() == before) {
        accepted();
        return true;
    }
    const QString field = headerData(index.column(), Qt::Horizontal).toString().toLower();
    return push(index, RegisterCommands::edit(*m_context, before, after.value(),
                                              tr("Change %1 of contract “%2”").arg(field, before.title)));
}

Qt::ItemFlags ContractModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant ContractModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RegisterTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProviderColumn:
        return tr("Provider");
    case ReferenceColumn:
        return tr("Reference");
    case TitleColumn:
        return tr("Title");
    case FormColumn:
        return tr("Form");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case AnnualValueColumn:
        return tr("Annual value");
    case NoticePeriodColumn:
        return tr("Notice period");
    default:
        return {};
    }
}

Result<Id> ContractModel::addContract(Id providerId)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    if (!m_providerNames.contains(providerId))
        return rejectOperation(m_providers.isEmpty() ? tr("Add a provider first: every contract is with a provider.")
                                                     : tr("Choose the provider the contract is with."));
    Contract contract;
    contract.providerId = providerId;
    contract.title = tr("New contract");
    if (auto pushed = pushOperation(RegisterCommands::add(
            *m_context, {contract}, tr("Add contract with %1").arg(m_providerNames.value(providerId))));
        !pushed)
        return Error{pushed.error()};
    return RegisterTracker::of(*m_context).lastCreated().value(0);
}

Result<QList<Id>> ContractModel::duplicate(const QList<Id> &ids)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    const QList<Contract> originals = rowsOf(m_rows, ids);
    QList<Contract> copies;
    for (Contract copy : originals) {
        copy.id = 0;
        copy.title = tr("%1 (copy)").arg(copy.title);
        copies.append(copy);
    }
    if (copies.isEmpty())
        return rejectOperation(tr("Choose the contracts to duplicate."));
    const QString text = copies.size() == 1 ? tr("Duplicate contract “%1”").arg(originals.first().title)
                                            : tr("Duplicate %n contracts", nullptr, int(copies.size()));
    if (auto pushed = pushOperation(RegisterCommands::add(*m_context, copies, text)); !pushed)
        return Error{pushed.error()};
    return RegisterTracker::of(*m_context).lastCreated();
}

Result<void> ContractModel::remove(const QList<Id> &ids)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    const QList<Contract> gone = rowsOf(m_rows, ids);
    if (gone.isEmpty())
        return rejectOperation(tr("Choose the contracts to delete."));
    // The notices given on them, so undo can put them back on their contract.
    QList<ContractNotice> onThem;
    auto notices = m_context->stores().notices().list();
    if (!notices)
        return rejectOperation(notices.error());
    for (const ContractNotice &notice : notices.value()) {
        for (const Contract &contract : std::as_const(gone)) {
            if (notice.contractId == contract.id)
                onThem.append(notice);
        }
    }
    const QString text = gone.size() == 1 ? tr("Delete contract “%1”").arg(gone.first().title)
                                          : tr("Delete %n contracts", nullptr, int(gone.size()));
    return pushOperation(RegisterCommands::remove(*m_context, gone, onThem, text));
}
