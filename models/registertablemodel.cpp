#include "registertablemodel.h"

#include "planformat.h"
#include "planroles.h"
#include "registercommands.h"

#include <QLocale>

#include <cmath>

RegisterTableModel::RegisterTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RegisterTableModel::setContext(PlanContext *context)
{
    disconnect(m_connection);
    m_context = context;
    if (context)
        m_connection = connect(context, &PlanContext::changed, this, &RegisterTableModel::onChanged);
    (void)reload();
}

Result<void> RegisterTableModel::reload()
{
    beginResetModel();
    clear();
    m_rowOfId.clear();
    Result<void> loaded;
    if (m_context) {
        loaded = load(m_context->stores());
        if (!loaded) {
            clear();
            m_rowOfId.clear();
            m_lastError = loaded.error();
        }
    }
    endResetModel();
    return loaded;
}

QModelIndex RegisterTableModel::indexOf(Id id, int column) const
{
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : index(row, column);
}

int RegisterTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

bool RegisterTableModel::reject(const QModelIndex &index, const QString &message)
{
    m_lastError = message;
    emit editRejected(index, message);
    return false;
}

Error RegisterTableModel::rejectOperation(const QString &message)
{
    reject({}, message);
    return Error{message};
}

bool RegisterTableModel::push(const QModelIndex &index, QUndoCommand *command)
{
    if (!m_context) {
        delete command;
        return reject(index, tr("No plan is open."));
    }
    // The command's notifyChanged refreshes our rows, so index may be stale afterwards; keep
    // the cell as a persistent index for the message.
    const QPersistentModelIndex cell(index);
    const QString failure = RegisterCommands::push(*m_context, command);
    if (!failure.isEmpty())
        return reject(cell, failure);
    accepted();
    return true;
}

Result<void> RegisterTableModel::pushOperation(QUndoCommand *command)
{
    if (!push({}, command))
        return Error{lastError()};
    return {};
}

void RegisterTableModel::rebuildRowIndex(const QList<Id> &ids)
{
    m_rowOfId.clear();
    m_rowOfId.reserve(ids.size());
    for (int row = 0; row < ids.size(); ++row)
        m_rowOfId.insert(ids.at(row), row);
}

void RegisterTableModel::onChanged(PlanContext::Entity entity, const QList<Id> &ids)
{
    planChanged(entity, ids);
}

namespace RegisterValues {

namespace {
const QLocale &ukLocale()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}
} // namespace

QVariant textCell(const QString &value, int role, RegisterRoles::EditorKind kind, LineJoin join)
{
    switch (role) {
    case Qt::DisplayRole:
        if (kind != RegisterRoles::EditorKind::LongText)
            return value;
        return join == LineJoin::Space ? value.simplified() : QString(value).replace(u'\n', QStringLiteral(", "));
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return value;
    case PlanRoles::SortRole:
        return value.toLower();
    case RegisterRoles::EditorKindRole:
        return int(kind);
    default:
        return {};
    }
}

QVariant dateCell(QDate value, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return value.isValid() ? PlanFormat::date(value) : QString();
    case Qt::EditRole:
        return value;
    case PlanRoles::SortRole:
        return value.isValid() ? value.toString(Qt::ISODate) : QStringLiteral("9999");
    case RegisterRoles::EditorKindRole:
        return int(RegisterRoles::EditorKind::Date);
    default:
        return {};
    }
}

QString money(std::optional<double> value)
{
    if (!value)
        return {};
    const QString amount = ukLocale().toString(std::abs(*value), 'f', 2);
    return *value < 0 ? QStringLiteral("-£") + amount : QStringLiteral("£") + amount;
}

Result<std::optional<double>> parseMoney(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return std::optional<double>();
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int
        || value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Float) {
        const double number = value.toDouble();
        if (!std::isfinite(number))
            return Error{QObject::tr("That is not an amount of money.")};
        return std::optional<double>(number);
    }
    QString text = value.toString().trimmed();
    if (text.isEmpty())
        return std::optional<double>();
    bool negative = false;
    if (text.startsWith(u'-') || text.startsWith(u'\u2212')) {
        negative = true;
        text = text.mid(1).trimmed();
    }
    if (text.startsWith(u'£'))
        text = text.mid(1).trimmed();
    if (!negative && (text.startsWith(u'-') || text.startsWith(u'\u2212'))) {
        negative = true;
        text = text.mid(1).trimmed();
    }
    text.remove(u',');
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || !std::isfinite(number) || text.contains(u'e', Qt::CaseInsensitive)) {
        return Error{QObject::tr("“%1” is not an amount of money; write it like £12,500.00.")
                         .arg(value.toString().trimmed())};
    }
    return std::optional<double>(negative ? -number : number);
}

Result<QDate> parseDate(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QDate();
    if (value.typeId() == QMetaType::QDate)
        return value.toDate();
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().date();
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return QDate();
    for (const QString &format : {QStringLiteral("yyyy-MM-dd"), QStringLiteral("d/M/yyyy"),
                                  QStringLiteral("d MMM yyyy"), QStringLiteral("d MMMM yyyy")}) {
        const QDate date = ukLocale().toDate(text, format);
        if (date.isValid())
            return date;
    }
    return Error{QObject::tr("“%1” is not a date; write it like 1 Apr 2026 or 01/04/2026.").arg(text)};
}

Result<std::optional<int>> parseWholeNumber(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return std::optional<int>();
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return std::optional<int>();
    bool ok = false;
    const int number = text.toInt(&ok);
    if (!ok)
        return Error{QObject::tr("“%1” is not a whole number.").arg(text)};
    return std::optional<int>(number);
}

} // namespace RegisterValues
