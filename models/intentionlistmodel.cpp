#include "intentionlistmodel.h"

#include "intentiontablemodel.h"
#include "planformat.h"
#include "planroles.h"

IntentionListModel::IntentionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IntentionListModel::setIntentions(const QList<Intention> &intentions, const QList<ProgrammeArea> &areas)
{
    beginResetModel();
    m_rows = intentions;
    m_areaNames.clear();
    for (const ProgrammeArea &area : areas)
        m_areaNames.insert(area.id, area.name);
    endResetModel();
}

int IntentionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IntentionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IntentionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Intention &row = m_rows.at(index.row());
    const auto shiftColumn = [&](bool tagged) -> QVariant {
        if (role == Qt::CheckStateRole)
            return tagged ? Qt::Checked : Qt::Unchecked;
        if (role == PlanRoles::SortRole)
            return tagged ? 1 : 0;
        if (role == Qt::ToolTipRole)
            return tagged ? tr("Tagged") : tr("Not tagged");
        return {};
    };

    // The roles every intention row answers, as the grid's table does.
    if (role > Qt::UserRole) {
        if (QVariant value = IntentionTableModel::intentionRoleData(row, role); value.isValid())
            return value;
    }

    switch (index.column()) {
    case ProgrammeAreaColumn:
        if (role == Qt::DisplayRole || role == PlanRoles::SortRole)
            return m_areaNames.value(row.programmeAreaId);
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole || role == PlanRoles::SortRole)
            return row.title;
        if (role == Qt::ToolTipRole)
            return row.text;
        break;
    case TimeframeColumn:
        if (role == Qt::DisplayRole || role == PlanRoles::SortRole)
            return row.timeframe.raw;
        if (role == Qt::ToolTipRole)
            return PlanFormat::timeframeSummary(row.timeframe);
        break;
    case DatesColumn:
        if (role == Qt::DisplayRole)
            return PlanFormat::timeframeDates(row.timeframe);
        if (role == PlanRoles::SortRole)
            return row.timeframe.start.isValid() ? row.timeframe.start.toString(Qt::ISODate) : QString();
        if (role == Qt::ToolTipRole)
            return PlanFormat::timeframeSummary(row.timeframe);
        break;
    case CommunityColumn:
        return shiftColumn(row.shiftCommunity);
    case PreventionColumn:
        return shiftColumn(row.shiftPrevention);
    case DigitalColumn:
        return shiftColumn(row.shiftDigital);
    case StatusColumn:
        if (role == Qt::DisplayRole || role == PlanRoles::SortRole)
            return Enums::label(row.status);
        break;
    case ReviewColumn:
        if (role == Qt::DisplayRole)
            return row.timeframe.needsReview ? tr("Needs review") : QString();
        if (role == Qt::ToolTipRole)
            return row.timeframe.needsReview ? row.timeframe.reason : QString();
        if (role == PlanRoles::SortRole)
            return row.timeframe.needsReview ? 1 : 0;
        break;
    default:
        break;
    }
    return {};
}

QVariant IntentionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CommunityColumn:
            return Enums::label(Shift::HospitalToCommunity);
        case PreventionColumn:
            return Enums::label(Shift::TreatmentToPrevention);
        case DigitalColumn:
            return Enums::label(Shift::AnalogueToDigital);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProgrammeAreaColumn:
        return tr("Programme area");
    case TitleColumn:
        return tr("Intention");
    case TimeframeColumn:
        return tr("Timeframe");
    case DatesColumn:
        return tr("Dates");
    case CommunityColumn:
        return tr("Community");
    case PreventionColumn:
        return tr("Prevention");
    case DigitalColumn:
        return tr("Digital");
    case StatusColumn:
        return tr("Status");
    case ReviewColumn:
        return tr("Review");
    default:
        return {};
    }
}

IntentionScopeProxy::IntentionScopeProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PlanRoles::SortRole);
}

void IntentionScopeProxy::setScope(Id portfolioId, Id programmeAreaId)
{
    if (portfolioId == m_portfolioId && programmeAreaId == m_programmeAreaId)
        return;
    m_portfolioId = portfolioId;
    m_programmeAreaId = programmeAreaId;
    invalidateFilter();
}

bool IntentionScopeProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_portfolioId != 0 && index.data(PlanRoles::PortfolioIdRole).toLongLong() != m_portfolioId)
        return false;
    if (m_programmeAreaId != 0 && index.data(PlanRoles::ProgrammeAreaIdRole).toLongLong() != m_programmeAreaId)
        return false;
    return true;
}
