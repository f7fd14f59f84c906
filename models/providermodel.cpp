#include "providermodel.h"

#include "registercommands.h"

#include <QRegularExpression>

namespace {

using RegisterRoles::EditorKind;

QVariantList typeChoices()
{
    QVariantList choices;
    for (int value = int(ProviderType::Acute); value <= int(ProviderType::Other); ++value)
        choices.append(RegisterRoles::choice(Enums::label(ProviderType(value)), value));
    return choices;
}

std::optional<ProviderType> typeFrom(const QVariant &value)
{
    bool isNumber = false;
    const int number = value.toInt(&isNumber);
    if (isNumber && value.typeId() != QMetaType::QString)
        return number >= int(ProviderType::Acute) && number <= int(ProviderType::Other)
            ? std::optional<ProviderType>(ProviderType(number))
            : std::nullopt;
    const QString text = value.toString().trimmed();
    if (const auto key = Enums::providerTypeFromKey(text))
        return key;
    for (int candidate = int(ProviderType::Acute); candidate <= int(ProviderType::Other); ++candidate) {
        if (Enums::label(ProviderType(candidate)).compare(text, Qt::CaseInsensitive) == 0)
            return ProviderType(candidate);
    }
    return std::nullopt;
}

} // namespace

ProviderModel::ProviderModel(QObject *parent)
    : RegisterTableModel(parent)
{
}

Result<void> ProviderModel::load(PlanStoreSet &stores)
{
    auto providers = stores.providers().list();
    if (!providers)
        return Error{providers.error()};
    m_rows = providers.value();
    QList<Id> ids;
    for (const Provider &provider : std::as_const(m_rows))
        ids.append(provider.id);
    rebuildRowIndex(ids);
    return {};
}

void ProviderModel::planChanged(PlanContext::Entity entity, const QList<Id> &ids)
{
    if (entity == PlanContext::Entity::Provider && m_context)
        refreshRows(m_rows, ids, m_context->stores().providers());
}

int ProviderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProviderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Provider &row = m_rows.at(index.row());
    if (role == PlanRoles::IdRole)
        return row.id;

    // One line in the grid (an address's lines joined by commas); the whole text to edit.
    const auto text = [&](const QString &value, EditorKind kind) {
        return RegisterValues::textCell(value, role, kind, RegisterValues::LineJoin::Comma);
    };

    switch (index.column()) {
    case NameColumn:
        return text(row.name, EditorKind::Text);
    case OdsCodeColumn:
        return text(row.odsCode, EditorKind::Text);
    case TypeColumn:
        switch (role) {
        case Qt::DisplayRole:
        case PlanRoles::SortRole:
            return Enums::label(row.type);
        case Qt::EditRole:
            return int(row.type);
        case RegisterRoles::EditorKindRole:
            return int(EditorKind::Choice);
        case RegisterRoles::ChoicesRole:
            return typeChoices();
        default:
            return {};
        }
    case AddressColumn:
        return text(row.address, EditorKind::LongText);
    case ContactNameColumn:
        return text(row.contactName, EditorKind::Text);
    case ContactEmailColumn:
        return text(row.contactEmail, EditorKind::Text);
    case NotesColumn:
        return text(row.notes, EditorKind::LongText);
    default:
        return {};
    }
}

bool ProviderModel::nameTaken(const QString &name, Id except) const
{
    for (const Provider &other : m_rows) {
        if (other.id != except && other.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Result<Provider> ProviderModel::edited(const Provider &row, int column, const QVariant &value) const
{
    Provider after = row;
    const QString text = value.toString();
    switch (column) {
    case NameColumn:
        after.name = text.trimmed();
        if (after.name.isEmpty())
            return Error{tr("A provider needs a name.")};
        if (nameTaken(after.name, row.id))
            return Error{tr("There is already a provider called “%1”; each provider has its own name.").arg(after.name)};
        break;
    case OdsCodeColumn: {
        static const QRegularExpression ods(QStringLiteral("^[A-Za-z0-9]{1,12}$"));
        after.odsCode = text.trimmed().toUpper();
        if (!after.odsCode.isEmpty() && !ods.match(after.odsCode).hasMatch())
            return Error{tr("“%1” is not an ODS code; ODS codes are letters and digits, like RQX or R1H.")
                             .arg(text.trimmed())};
        break;
    }
    case TypeColumn: {
        const auto type = typeFrom(value);
        if (!type)
            return Error{tr("“%1” is not a provider type.").arg(text)};
        after.type = *type;
        break;
    }
    case AddressColumn:
        after.address = text.trimmed();
        break;
    case ContactNameColumn:
        after.contactName = text.trimmed();
        break;
    case ContactEmailColumn: {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        after.contactEmail = text.trimmed();
        if (!after.contactEmail.isEmpty() && !email.match(after.contactEmail).hasMatch())
            return Error{tr("“%1” is not an email address.").arg(after.contactEmail)};
        break;
    }
    case NotesColumn:
        after.notes = text;
        break;
    default:
        return Error{tr("This column cannot be edited.")};
    }
    return after;
}

bool ProviderModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Provider before = m_rows.at(index.row());
    const auto after = edited(before, index.column(), value);
    if (!after)
        return reject(index, after.error());
    if (after.value() == before) {
        accepted();
        return true;
    }
    const QString field = headerData(index.column(), Qt::Horizontal).toString().toLower();
    return push(index, RegisterCommands::edit(*m_context, before, after.value(),
                                              tr("Change %1 of “%2”").arg(field, before.name)));
}

Qt::ItemFlags ProviderModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant ProviderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RegisterTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case OdsCodeColumn:
        return tr("ODS code");
    case TypeColumn:
        return tr("Type");
    case AddressColumn:
        return tr("Address");
    case ContactNameColumn:
        return tr("Contact");
    case ContactEmailColumn:
        return tr("Contact email");
    case NotesColumn:
        return tr("Notes");
    default:
        return {};
    }
}

QString ProviderModel::uniqueName(const QString &wanted) const
{
    if (!nameTaken(wanted, 0))
        return wanted;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(wanted).arg(n);
        if (!nameTaken(candidate, 0))
            return candidate;
    }
}

Result<Id> ProviderModel::addProvider()
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    Provider provider;
    provider.name = uniqueName(tr("New provider"));
    if (auto pushed = pushOperation(RegisterCommands::add(*m_context, {provider}, tr("Add provider"))); !pushed)
        return Error{pushed.error()};
    return RegisterTracker::of(*m_context).lastCreated().value(0);
}

Result<QList<Id>> ProviderModel::duplicate(const QList<Id> &ids)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    const QList<Provider> originals = rowsOf(m_rows, ids);
    QList<Provider> copies;
    QStringList names;
    for (Provider copy : originals) {
        copy.id = 0;
        QString name = uniqueName(tr("%1 (copy)").arg(copy.name));
        // Two copies in one go must not take the same name either.
        for (int n = 2; names.contains(name, Qt::CaseInsensitive); ++n)
            name = uniqueName(tr("%1 (copy %2)").arg(copy.name).arg(n));
        copy.name = name;
        names.append(name);
        copies.append(copy);
    }
    if (copies.isEmpty())
        return rejectOperation(tr("Choose the providers to duplicate."));
    const QString text = copies.size() == 1 ? tr("Duplicate provider “%1”").arg(originals.first().name)
                                            : tr("Duplicate %n providers", nullptr, int(copies.size()));
    if (auto pushed = pushOperation(RegisterCommands::add(*m_context, copies, text)); !pushed)
        return Error{pushed.error()};
    return RegisterTracker::of(*m_context).lastCreated();
}

Result<void> ProviderModel::remove(const QList<Id> &ids)
{
    if (!m_context)
        return rejectOperation(tr("No plan is open."));
    const QList<Provider> gone = rowsOf(m_rows, ids);
    if (gone.isEmpty())
        return rejectOperation(tr("Choose the providers to delete."));
    const QString text = gone.size() == 1 ? tr("Delete provider “%1”").arg(gone.first().name)
                                          : tr("Delete %n providers", nullptr, int(gone.size()));
    return pushOperation(RegisterCommands::remove(*m_context, gone, text));
}
