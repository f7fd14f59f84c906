#include "intentiongroupmodel.h"

#include "intentiontablemodel.h"
#include "plancolours.h"
#include "planroles.h"

#include <QAbstractProxyModel>
#include <QFont>
#include <QHash>

#include <unordered_map>

using PlanRoles::NodeKind;

struct IntentionGroupModel::Node
{
    NodeKind kind = NodeKind::Intention;
    Node *parent = nullptr;
    int row = 0;          // within the parent (or the top level)
    Id id = 0;            // portfolio or programme area id; the intention's id for a leaf
    Id portfolioId = 0;
    Id programmeAreaId = 0;
    int proxyRow = -1;    // leaves: the proxy row shown
    std::vector<std::unique_ptr<Node>> children;
    // Groups: what the summary row shows.
    QString name;
    int count = 0;
    QDate start;
    QDate end;
};

namespace {
// Key of a group across rebuilds (persistent indexes of group rows follow it).
quint64 groupKey(NodeKind kind, Id portfolioId, Id areaId)
{
    return (quint64(kind) << 62) ^ (quint64(portfolioId) << 31) ^ quint64(areaId);
}
} // namespace

IntentionGroupModel::IntentionGroupModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

IntentionGroupModel::~IntentionGroupModel() = default;

IntentionTableModel *IntentionGroupModel::tableModel() const
{
    QAbstractItemModel *model = m_source;
    while (auto *proxy = qobject_cast<QAbstractProxyModel *>(model))
        model = proxy->sourceModel();
    return qobject_cast<IntentionTableModel *>(model);
}

void IntentionGroupModel::setSourceModel(QAbstractItemModel *proxy)
{
    if (proxy == m_source)
        return;
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_source = proxy;
    if (m_source) {
        auto beginReset = [this] {
            if (!m_resetting) {
                m_resetting = true;
                beginResetModel();
            }
        };
        auto endReset = [this] {
            rebuildNodes();
            if (m_resetting) {
                m_resetting = false;
                endResetModel();
            }
        };
        m_connections << connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, beginReset)
                      << connect(m_source, &QAbstractItemModel::modelReset, this, endReset)
                      << connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this, beginReset)
                      << connect(m_source, &QAbstractItemModel::rowsInserted, this, endReset)
                      << connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this, beginReset)
                      << connect(m_source, &QAbstractItemModel::rowsRemoved, this, endReset)
                      << connect(m_source, &QAbstractItemModel::rowsAboutToBeMoved, this, beginReset)
                      << connect(m_source, &QAbstractItemModel::rowsMoved, this, endReset)
                      << connect(m_source, &QAbstractItemModel::columnsAboutToBeInserted, this, beginReset)
                      << connect(m_source, &QAbstractItemModel::columnsInserted, this, endReset)
                      << connect(m_source, &QAbstractItemModel::columnsAboutToBeRemoved, this, beginReset)
                      << connect(m_source, &QAbstractItemModel::columnsRemoved, this, endReset)
                      << connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                                 &IntentionGroupModel::onLayoutAboutToBeChanged)
                      << connect(m_source, &QAbstractItemModel::layoutChanged, this,
                                 &IntentionGroupModel::onLayoutChanged)
                      << connect(m_source, &QAbstractItemModel::dataChanged, this,
                                 &IntentionGroupModel::onSourceDataChanged)
                      << connect(m_source, &QAbstractItemModel::headerDataChanged, this,
                                 &QAbstractItemModel::headerDataChanged);
    }
    rebuildNodes();
    endResetModel();
}

void IntentionGroupModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuildNodes();
    endResetModel();
}

// --- building ------------------------------------------------------------------------------

void IntentionGroupModel::buildTree(std::vector<std::unique_ptr<Node>> &roots,
                                    std::vector<Node *> &leafOfRow) const
{
    roots.clear();
    leafOfRow.clear();
    if (!m_source)
        return;
    const int rows = m_source->rowCount();
    leafOfRow.assign(size_t(rows), nullptr);
    const IntentionTableModel *table = tableModel();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_source);

    QHash<quint64, Node *> groups;
    // Intentions without a programme area sit directly under their portfolio, after its areas.
    std::unordered_map<Id, std::vector<std::unique_ptr<Node>>> looseLeaves;

    auto group = [&](NodeKind kind, Node *parent, Id portfolioId, Id areaId) -> Node * {
        const quint64 key = groupKey(kind, portfolioId, areaId);
        if (Node *found = groups.value(key))
            return found;
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->parent = parent;
        node->portfolioId = portfolioId;
        node->programmeAreaId = areaId;
        node->id = kind == NodeKind::Portfolio ? portfolioId : areaId;
        if (table) {
            if (kind == NodeKind::Portfolio) {
                const Portfolio *p = table->portfolio(portfolioId);
                node->name = p ? p->name : tr("Portfolio %1").arg(portfolioId);
            } else {
                const ProgrammeArea *a = table->programmeArea(areaId);
                node->name = a ? a->name : tr("Programme area %1").arg(areaId);
            }
        }
        Node *raw = node.get();
        auto &siblings = parent ? parent->children : roots;
        raw->row = int(siblings.size());
        siblings.push_back(std::move(node));
        groups.insert(key, raw);
        return raw;
    };

    for (int row = 0; row < rows; ++row) {
        Id id = 0;
        Id portfolioId = 0;
        Id areaId = 0;
        const Intention *intention = nullptr;
        if (table && proxy) {
            // Read the row directly: 100,000 data() calls would each build QVariants.
            const QModelIndex source = proxy->mapToSource(proxy->index(row, 0));
            if (source.isValid() && source.model() == table)
                intention = &table->intention(source.row());
        }
        if (intention) {
            id = intention->id;
            portfolioId = intention->portfolioId;
            areaId = intention->programmeAreaId;
        } else {
            const QModelIndex index = m_source->index(row, 0);
            id = index.data(PlanRoles::IdRole).toLongLong();
            portfolioId = index.data(PlanRoles::PortfolioIdRole).toLongLong();
            areaId = index.data(PlanRoles::ProgrammeAreaIdRole).toLongLong();
        }

        auto leaf = std::make_unique<Node>();
        leaf->kind = NodeKind::Intention;
        leaf->id = id;
        leaf->portfolioId = portfolioId;
        leaf->programmeAreaId = areaId;
        leaf->proxyRow = row;
        leafOfRow[size_t(row)] = leaf.get();

        Node *parent = nullptr;
        if (m_grouping != Grouping::None) {
            Node *portfolio = group(NodeKind::Portfolio, nullptr, portfolioId, 0);
            parent = portfolio;
            if (m_grouping == Grouping::PortfolioAndProgrammeArea) {
                if (areaId != 0) {
                    parent = group(NodeKind::ProgrammeArea, portfolio, portfolioId, areaId);
                } else {
                    leaf->parent = portfolio;
                    looseLeaves[portfolioId].push_back(std::move(leaf));
                    continue;
                }
            }
        }
        leaf->parent = parent;
        auto &siblings = parent ? parent->children : roots;
        leaf->row = int(siblings.size());
        siblings.push_back(std::move(leaf));
    }

    for (auto &[portfolioId, leaves] : looseLeaves) {
        Node *portfolio = groups.value(groupKey(NodeKind::Portfolio, portfolioId, 0));
        for (auto &leaf : leaves) {
            leaf->row = int(portfolio->children.size());
            portfolio->children.push_back(std::move(leaf));
        }
    }

    for (auto &root : roots) {
        if (root->kind != NodeKind::Intention)
            summarise(root.get());
    }
}

void IntentionGroupModel::leafDates(const Node *leaf, QDate &start, QDate &end) const
{
    const IntentionTableModel *table = tableModel();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_source);
    if (table && proxy) {
        const QModelIndex source = proxy->mapToSource(proxy->index(leaf->proxyRow, 0));
        if (source.isValid() && source.model() == table) {
            start = table->intention(source.row()).timeframe.start;
            end = table->intention(source.row()).timeframe.end;
            return;
        }
    }
    const QModelIndex index = m_source->index(leaf->proxyRow, 0);
    start = index.data(PlanRoles::StartDateRole).toDate();
    end = index.data(PlanRoles::EndDateRole).toDate();
}

// Counts and date spans, bottom up.
void IntentionGroupModel::summarise(Node *group) const
{
    group->count = 0;
    group->start = {};
    group->end = {};
    for (auto &child : group->children) {
        QDate start;
        QDate end;
        if (child->kind == NodeKind::Intention) {
            ++group->count;
            leafDates(child.get(), start, end);
        } else {
            summarise(child.get());
            group->count += child->count;
            start = child->start;
            end = child->end;
        }
        if (start.isValid() && (!group->start.isValid() || start < group->start))
            group->start = start;
        if (end.isValid() && (!group->end.isValid() || end > group->end))
            group->end = end;
    }
}

void IntentionGroupModel::rebuildNodes()
{
    buildTree(m_roots, m_leafOfRow);
}

void IntentionGroupModel::onLayoutAboutToBeChanged()
{
    if (m_resetting)
        return;
    emit layoutAboutToBeChanged();
    // Remember what every persistent index points at: a proxy row (kept by the proxy's own
    // persistent index) or a group (by its key).
    m_layoutPersistent = persistentIndexList();
    m_layoutSource.clear();
    m_layoutGroups.clear();
    for (const QModelIndex &index : std::as_const(m_layoutPersistent)) {
        const Node *node = nodeOf(index);
        if (node && node->kind == NodeKind::Intention) {
            m_layoutSource.append(QPersistentModelIndex(m_source->index(node->proxyRow, index.column())));
            m_layoutGroups.append(0);
        } else {
            m_layoutSource.append(QPersistentModelIndex());
            m_layoutGroups.append(node ? groupKey(node->kind, node->portfolioId, node->programmeAreaId) : 0);
        }
    }
}

void IntentionGroupModel::onLayoutChanged()
{
    if (m_resetting)
        return;
    // Build the new tree while the old nodes (behind the persistent indexes) still exist.
    std::vector<std::unique_ptr<Node>> roots;
    std::vector<Node *> leafOfRow;
    buildTree(roots, leafOfRow);
    std::swap(roots, m_roots);
    std::swap(leafOfRow, m_leafOfRow);

    QHash<quint64, const Node *> groups;
    auto collect = [&](auto &self, const std::vector<std::unique_ptr<Node>> &nodes) -> void {
        for (const auto &node : nodes) {
            if (node->kind != NodeKind::Intention) {
                groups.insert(groupKey(node->kind, node->portfolioId, node->programmeAreaId), node.get());
                self(self, node->children);
            }
        }
    };
    collect(collect, m_roots);

    QModelIndexList to;
    to.reserve(m_layoutPersistent.size());
    for (qsizetype i = 0; i < m_layoutPersistent.size(); ++i) {
        const int column = m_layoutPersistent.at(i).column();
        if (m_layoutSource.at(i).isValid()) {
            to.append(mapFromSource(m_layoutSource.at(i)));
        } else if (const Node *group = groups.value(m_layoutGroups.at(i))) {
            to.append(indexOfNode(group, column));
        } else {
            to.append(QModelIndex());
        }
    }
    changePersistentIndexList(m_layoutPersistent, to);
    m_layoutPersistent.clear();
    m_layoutSource.clear();
    m_layoutGroups.clear();
    roots.clear(); // the old tree, now that nothing points into it
    emit layoutChanged();
}

void IntentionGroupModel::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                              const QList<int> &roles)
{
    if (m_resetting || !topLeft.isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    if (last >= int(m_leafOfRow.size()))
        return;
    const IntentionTableModel *table = tableModel();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_source);

    // A row now in another portfolio or area moves group: rebuild the tree.
    bool regroup = false;
    if (m_grouping != Grouping::None) {
        for (int row = first; row <= last && !regroup; ++row) {
            const Node *leaf = m_leafOfRow.at(size_t(row));
            Id portfolioId = 0;
            Id areaId = 0;
            if (table && proxy) {
                const QModelIndex source = proxy->mapToSource(proxy->index(row, 0));
                const Intention &intention = table->intention(source.row());
                portfolioId = intention.portfolioId;
                areaId = intention.programmeAreaId;
            } else {
                const QModelIndex index = m_source->index(row, 0);
                portfolioId = index.data(PlanRoles::PortfolioIdRole).toLongLong();
                areaId = index.data(PlanRoles::ProgrammeAreaIdRole).toLongLong();
            }
            regroup = portfolioId != leaf->portfolioId
                || (m_grouping == Grouping::PortfolioAndProgrammeArea && areaId != leaf->programmeAreaId);
        }
    }
    if (regroup) {
        beginResetModel();
        rebuildNodes();
        endResetModel();
        return;
    }

    // Same rows in the same places: say which leaves changed, then the groups above them
    // (their date spans may have moved).
    QList<const Node *> parents;
    for (int row = first; row <= last; ++row) {
        const Node *leaf = m_leafOfRow.at(size_t(row));
        const QModelIndex index = indexOfNode(leaf, topLeft.column());
        emit dataChanged(index, index.siblingAtColumn(bottomRight.column()), roles);
        for (const Node *parent = leaf->parent; parent; parent = parent->parent) {
            if (!parents.contains(parent))
                parents.append(parent);
        }
    }
    if (parents.isEmpty())
        return;
    // Their date spans may have moved (counts cannot change without rows moving). Parents
    // were collected bottom up, so an area is summarised before its portfolio.
    for (const Node *parent : std::as_const(parents)) {
        Node *group = const_cast<Node *>(parent);
        const QDate start = group->start;
        const QDate end = group->end;
        summarise(group);
        if (group->start != start || group->end != end) {
            const QModelIndex index = indexOfNode(group, 0);
            emit dataChanged(index, index.siblingAtColumn(columnCount() - 1),
                             {PlanRoles::StartDateRole, PlanRoles::EndDateRole});
        }
    }
}

// --- mapping -------------------------------------------------------------------------------

IntentionGroupModel::Node *IntentionGroupModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex IntentionGroupModel::indexOfNode(const Node *node, int column) const
{
    if (!node)
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex IntentionGroupModel::mapFromSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != m_source)
        return {};
    const int row = proxyIndex.row();
    if (row < 0 || row >= int(m_leafOfRow.size()))
        return {};
    return indexOfNode(m_leafOfRow.at(size_t(row)), proxyIndex.column());
}

QModelIndex IntentionGroupModel::mapToSource(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node || node->kind != NodeKind::Intention || !m_source)
        return {};
    return m_source->index(node->proxyRow, index.column());
}

QModelIndex IntentionGroupModel::indexOfIntention(Id id, int column) const
{
    for (const Node *leaf : m_leafOfRow) {
        if (leaf->id == id)
            return indexOfNode(leaf, column);
    }
    return {};
}

bool IntentionGroupModel::isGroup(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->kind != NodeKind::Intention;
}

Id IntentionGroupModel::intentionId(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->kind == NodeKind::Intention ? node->id : 0;
}

QList<Id> IntentionGroupModel::intentionIds(const QModelIndex &index) const
{
    QList<Id> ids;
    auto collect = [&](auto &self, const Node *node) -> void {
        if (node->kind == NodeKind::Intention) {
            ids.append(node->id);
            return;
        }
        for (const auto &child : node->children)
            self(self, child.get());
    };
    if (const Node *node = nodeOf(index))
        collect(collect, node);
    return ids;
}

// --- QAbstractItemModel --------------------------------------------------------------------

QModelIndex IntentionGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount())
        return {};
    const Node *parentNode = nodeOf(parent);
    if (parent.isValid() && (!parentNode || parent.column() != 0))
        return {};
    const auto &siblings = parentNode ? parentNode->children : m_roots;
    if (row >= int(siblings.size()))
        return {};
    return createIndex(row, column, siblings.at(size_t(row)).get());
}

QModelIndex IntentionGroupModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || !node->parent)
        return {};
    return indexOfNode(node->parent, 0);
}

int IntentionGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int IntentionGroupModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return m_source ? m_source->columnCount() : IntentionTableModel::ColumnCount;
}

bool IntentionGroupModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant IntentionGroupModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    if (node->kind == NodeKind::Intention)
        return m_source->index(node->proxyRow, index.column()).data(role);

    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return QStringLiteral("%1 (%2)").arg(node->name).arg(node->count);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == 0)
            return tr("%1: %2 shown")
                .arg(node->name, node->count == 1 ? tr("1 intention") : tr("%1 intentions").arg(node->count));
        return {};
    case Qt::DecorationRole:
        if (index.column() == 0 && node->kind == NodeKind::Portfolio)
            return data(index, PlanRoles::ColourRole);
        return {};
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case PlanRoles::NodeKindRole:
        return int(node->kind);
    case PlanRoles::IdRole:
        return node->id;
    case PlanRoles::PortfolioIdRole:
        return node->portfolioId;
    case PlanRoles::ProgrammeAreaIdRole:
        return node->programmeAreaId;
    case PlanRoles::TitleRole:
        return node->name;
    case PlanRoles::IntentionCountRole:
        return node->count;
    case PlanRoles::StartDateRole:
        return node->start;
    case PlanRoles::EndDateRole:
        return node->end;
    case PlanRoles::ColourRole: {
        const IntentionTableModel *table = tableModel();
        const Portfolio *p = table ? table->portfolio(node->portfolioId) : nullptr;
        return PlanColours::portfolio(p ? p->colour : QString());
    }
    case PlanRoles::SortRole:
        return node->name;
    default:
        return {};
    }
}

bool IntentionGroupModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Node *node = nodeOf(index);
    if (!node || node->kind != NodeKind::Intention)
        return false;
    return m_source->setData(m_source->index(node->proxyRow, index.column()), value, role);
}

Qt::ItemFlags IntentionGroupModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    if (node->kind == NodeKind::Intention)
        return m_source->index(node->proxyRow, index.column()).flags();
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant IntentionGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (m_source)
        return m_source->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}
