#include "programmeareamodel.h"

#include "plancontext.h"
#include "planroles.h"
#include "portfoliocommands.h"

#include <QHash>

#include <algorithm>

namespace {
// "1 intention", "7 intentions": the planner ships without translations, so plurals are spelt here.
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}
} // namespace

ProgrammeAreaModel::ProgrammeAreaModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProgrammeAreaModel::setContext(PlanContext *context)
{
    if (m_context)
        disconnect(m_context, nullptr, this, nullptr);
    m_context = context;
    m_portfolioId = 0;
    if (context) {
        connect(context, &PlanContext::changed, this, [this](PlanContext::Entity entity) {
            // Counts follow the intentions; a portfolio removed takes its areas with it.
            if (entity == PlanContext::Entity::ProgrammeArea || entity == PlanContext::Entity::Intention
                || entity == PlanContext::Entity::Portfolio)
                reload();
        });
    }
    reload();
}

void ProgrammeAreaModel::setPortfolio(Id portfolioId)
{
    if (portfolioId == m_portfolioId)
        return;
    m_portfolioId = portfolioId;
    reload();
}

void ProgrammeAreaModel::reload()
{
    QList<Row> fresh;
    int withoutArea = 0;
    if (m_context && m_portfolioId != 0) {
        const Id portfolioId = PortfolioTracker::of(*m_context).current(PlanContext::Entity::Portfolio, m_portfolioId);
        m_portfolioId = portfolioId;
        PlanStoreSet &stores = m_context->stores();
        const auto areas = stores.programmeAreas().listForPortfolio(portfolioId);
        const auto intentions = stores.intentions().listForPortfolio(portfolioId);
        if (!areas || !intentions) {
            emit loadFailed(!areas ? areas.error() : intentions.error());
            return;
        }
        QHash<Id, int> rowOf;
        for (const ProgrammeArea &area : areas.value())
            fresh.append({area, 0});
        std::stable_sort(fresh.begin(), fresh.end(), [](const Row &a, const Row &b) {
            return a.area.sortOrder < b.area.sortOrder;
        });
        for (int row = 0; row < fresh.size(); ++row)
            rowOf.insert(fresh.at(row).area.id, row);
        for (const Intention &intention : intentions.value()) {
            const auto row = rowOf.constFind(intention.programmeAreaId);
            if (row != rowOf.cend())
                ++fresh[*row].intentions;
            else
                ++withoutArea;
        }
    }
    m_withoutArea = withoutArea;
    if (fresh == m_rows)
        return;
    // The same areas in the same order: update in place so the view keeps its current row.
    bool sameRows = fresh.size() == m_rows.size();
    for (int row = 0; sameRows && row < fresh.size(); ++row)
        sameRows = fresh.at(row).area.id == m_rows.at(row).area.id;
    if (sameRows) {
        m_rows = fresh;
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = fresh;
    endResetModel();
}

int ProgrammeAreaModel::rowOf(Id areaId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).area.id == areaId)
            return row;
    }
    return -1;
}

QList<ProgrammeArea> ProgrammeAreaModel::areas() const
{
    QList<ProgrammeArea> list;
    for (const Row &row : m_rows)
        list.append(row.area);
    return list;
}

Result<void> ProgrammeAreaModel::fail(const QString &message)
{
    m_lastError = message;
    return Error{message};
}

Result<Id> ProgrammeAreaModel::addArea(const QString &name)
{
    m_lastError.clear();
    if (!m_context || m_portfolioId == 0)
        return Error{m_lastError = tr("Choose a portfolio first.")};
    if (const QString problem = PortfolioRules::areaNameProblem(name, 0, areas()); !problem.isEmpty())
        return Error{m_lastError = problem};
    ProgrammeArea area;
    area.portfolioId = m_portfolioId;
    area.name = name.trimmed();
    int last = -1;
    for (const Row &row : std::as_const(m_rows))
        last = std::max(last, row.area.sortOrder);
    area.sortOrder = last + 1;
    const QString refused = PortfolioCommands::push(*m_context, PortfolioCommands::addArea(*m_context, area));
    if (!refused.isEmpty())
        return Error{m_lastError = refused};
    const QList<Id> created = PortfolioTracker::of(*m_context).lastCreated();
    return created.isEmpty() ? Id(0) : created.constFirst();
}

Result<void> ProgrammeAreaModel::renameArea(int row, const QString &name)
{
    m_lastError.clear();
    if (!m_context || row < 0 || row >= m_rows.size())
        return fail(tr("Choose a programme area to rename."));
    const ProgrammeArea &area = m_rows.at(row).area;
    if (const QString problem = PortfolioRules::areaNameProblem(name, area.id, areas()); !problem.isEmpty())
        return fail(problem);
    if (name.trimmed() == area.name)
        return {};
    const QString refused
        = PortfolioCommands::push(*m_context, PortfolioCommands::renameArea(*m_context, area, name));
    if (!refused.isEmpty())
        return fail(refused);
    return {};
}

Result<void> ProgrammeAreaModel::mergeArea(int from, int into)
{
    m_lastError.clear();
    if (!m_context || from < 0 || from >= m_rows.size() || into < 0 || into >= m_rows.size())
        return fail(tr("Choose the programme area to merge and the one to merge it into."));
    if (from == into)
        return fail(tr("A programme area cannot be merged into itself."));
    const QString refused = PortfolioCommands::push(
        *m_context, PortfolioCommands::mergeAreas(*m_context, m_rows.at(from).area, m_rows.at(into).area));
    if (!refused.isEmpty())
        return fail(refused);
    return {};
}

Result<void> ProgrammeAreaModel::moveArea(int row, int to)
{
    m_lastError.clear();
    if (!m_context || row < 0 || row >= m_rows.size())
        return fail(tr("Choose a programme area to move."));
    to = std::clamp(to, 0, int(m_rows.size()) - 1);
    if (to == row)
        return {};
    QList<ProgrammeArea> before = areas();
    QList<ProgrammeArea> after = before;
    after.move(row, to);
    // Renumber 0…n-1 so the order is unambiguous (imported areas may share a sort order).
    for (int i = 0; i < after.size(); ++i)
        after[i].sortOrder = i;
    const QString refused
        = PortfolioCommands::push(*m_context, PortfolioCommands::reorderAreas(*m_context, before, after));
    if (!refused.isEmpty())
        return fail(refused);
    return {};
}

int ProgrammeAreaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProgrammeAreaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProgrammeAreaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == NameColumn ? QVariant(row.area.name) : QVariant(row.intentions);
    case Qt::ToolTipRole:
        return QStringLiteral("%1: %2").arg(row.area.name, counted(row.intentions, "intention", "intentions"));
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case PlanRoles::IdRole:
        return row.area.id;
    case PlanRoles::PortfolioIdRole:
        return row.area.portfolioId;
    case PlanRoles::IntentionCountRole:
        return row.intentions;
    }
    return {};
}

QVariant ProgrammeAreaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        if (section == NameColumn)
            return tr("Programme area");
        if (section == CountColumn)
            return tr("Intentions");
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags ProgrammeAreaModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ProgrammeAreaModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const auto renamed = renameArea(index.row(), value.toString());
    if (!renamed) {
        emit editRejected(index, renamed.error());
        return false;
    }
    return true;
}
