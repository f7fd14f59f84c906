#include "portfoliotreemodel.h"

#include "planroles.h"

#include <QColor>
#include <QHash>

#include <algorithm>

PortfolioTreeModel::PortfolioTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void PortfolioTreeModel::setPlan(const QList<Portfolio> &portfolios, const QList<ProgrammeArea> &areas,
                                 const QList<Intention> &intentions)
{
    beginResetModel();
    m_nodes.clear();
    QHash<Id, int> portfolioRow;
    for (const Portfolio &portfolio : portfolios) {
        portfolioRow.insert(portfolio.id, int(m_nodes.size()));
        m_nodes.append({portfolio, 0, {}});
    }
    QList<ProgrammeArea> sortedAreas = areas;
    std::stable_sort(sortedAreas.begin(), sortedAreas.end(), [](const auto &a, const auto &b) {
        return a.sortOrder < b.sortOrder;
    });
    QHash<Id, QPair<int, int>> areaPosition;
    for (const ProgrammeArea &area : std::as_const(sortedAreas)) {
        const auto row = portfolioRow.constFind(area.portfolioId);
        if (row == portfolioRow.cend())
            continue;
        auto &node = m_nodes[*row];
        areaPosition.insert(area.id, {*row, int(node.areas.size())});
        node.areas.append({area, 0});
    }
    for (const Intention &intention : intentions) {
        const auto row = portfolioRow.constFind(intention.portfolioId);
        if (row == portfolioRow.cend())
            continue;
        ++m_nodes[*row].intentions;
        const auto area = areaPosition.constFind(intention.programmeAreaId);
        if (area != areaPosition.cend())
            ++m_nodes[area->first].areas[area->second].intentions;
    }
    endResetModel();
}

void PortfolioTreeModel::clear()
{
    beginResetModel();
    m_nodes.clear();
    endResetModel();
}

QModelIndex PortfolioTreeModel::indexForPortfolio(Id portfolioId) const
{
    for (int row = 0; row < m_nodes.size(); ++row) {
        if (m_nodes.at(row).portfolio.id == portfolioId)
            return index(row, 0);
    }
    return {};
}

QModelIndex PortfolioTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PortfolioTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int PortfolioTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_nodes.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_nodes.at(parent.row()).areas.size());
}

int PortfolioTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PortfolioTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isArea = index.internalId() != 0;
    const PortfolioNode &node = m_nodes.at(isArea ? int(index.internalId() - 1) : index.row());
    const AreaNode *area = isArea ? &node.areas.at(index.row()) : nullptr;
    const int count = area ? area->intentions : node.intentions;

    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CountColumn)
            return count;
        return area ? area->area.name : node.portfolio.name;
    case Qt::ToolTipRole:
        if (area)
            return tr("%1 — %2: %3 intentions").arg(node.portfolio.name, area->area.name).arg(count);
        return tr("%1 (%2): %3 intentions").arg(node.portfolio.name, Enums::label(node.portfolio.group)).arg(count);
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !area)
            return QColor(node.portfolio.colour);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PlanRoles::IdRole:
        return area ? area->area.id : node.portfolio.id;
    case PlanRoles::NodeKindRole:
        return int(area ? PlanRoles::NodeKind::ProgrammeArea : PlanRoles::NodeKind::Portfolio);
    case PlanRoles::PortfolioIdRole:
        return node.portfolio.id;
    case PlanRoles::ProgrammeAreaIdRole:
        return area ? area->area.id : Id(0);
    case PlanRoles::IntentionCountRole:
        return count;
    case PlanRoles::ColourRole:
        return QColor(node.portfolio.colour);
    default:
        return {};
    }
}

QVariant PortfolioTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Portfolio / programme area") : tr("Intentions");
}
