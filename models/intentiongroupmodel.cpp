#include "intentiongroupmodel.h"

#include "intentiontablemodel.h"
#include "plancolours.h"
#include "planroles.h"

#include <QAbstractProxyModel>
#include <QFont>
#include <QHash>


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
    QDate start;          // leaves: the intention's dates; groups: the span of their children
    QDate end;
    std::vector<Node *> children;
    QString name;         // groups
    int count = 0;        // groups: intentions under them
};

// The nodes of one build. Leaves sit in one block indexed by proxy row (100,000 rows are one
// allocation, not 100,000); groups are few.
struct IntentionGroupModel::Tree
{
    std::vector<Node> leaves;
    std::vector<std::unique_ptr<Node>> groups;
    std::vector<Node *> roots; // top level: groups, or the flat list's leaves
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

void IntentionGroupModel::readLeaf(Node &leaf, int proxyRow) const
{
    leaf.kind = NodeKind::Intention;
    leaf.proxyRow = proxyRow;
    const IntentionTableModel *table = tableModel();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_source);
    if (table && proxy) {
        // Read the row directly: 100,000 data() calls would each build QVariants.
        const QModelIndex source = proxy->mapToSource(proxy->index(proxyRow, 0));
        if (source.isValid() && source.model() == table) {
            const Intention &intention = table->intention(source.row());
            leaf.id = intention.id;
            leaf.portfolioId = intention.portfolioId;
            leaf.programmeAreaId = intention.programmeAreaId;
            leaf.start = intention.timeframe.start;
            leaf.end = intention.timeframe.end;
            return;
        }
    }
    const QModelIndex index = m_source->index(proxyRow, 0);
    leaf.id = index.data(PlanRoles::IdRole).toLongLong();
    leaf.portfolioId = index.data(PlanRoles::PortfolioIdRole).toLongLong();
    leaf.programmeAreaId = index.data(PlanRoles::ProgrammeAreaIdRole).toLongLong();
    leaf.start = index.data(PlanRoles::StartDateRole).toDate();
    leaf.end = index.data(PlanRoles::EndDateRole).toDate();
}

std::unique_ptr<IntentionGroupModel::Tree> IntentionGroupModel::buildTree() const
{
    auto tree = std::make_unique<Tree>();
    if (!m_source)
        return tree;
    const int rows = m_source->rowCount();
    tree->leaves.resize(size_t(rows)); // never grows again: the pointers below stay valid
    const IntentionTableModel *table = tableModel();

    QHash<quint64, Node *> groups;
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
        if (kind == NodeKind::Portfolio) {
            const Portfolio *p = table ? table->portfolio(portfolioId) : nullptr;
            node->name = p ? p->name : tr("Portfolio %1").arg(portfolioId);
        } else {
            const ProgrammeArea *a = table ? table->programmeArea(areaId) : nullptr;
            node->name = a ? a->name : tr("Programme area %1").arg(areaId);
        }
        Node *raw = node.get();
        auto &siblings = parent ? parent->children : tree->roots;
        raw->row = int(siblings.size());
        siblings.push_back(raw);
        tree->groups.push_back(std::move(node));
        groups.insert(key, raw);
        return raw;
    };

    // Intentions without a programme area sit directly under their portfolio, after its areas.
    std::vector<Node *> loose;
    for (int row = 0; row < rows; ++row) {
        Node &leaf = tree->leaves[size_t(row)];
        readLeaf(leaf, row);
        Node *parent = nullptr;
        if (m_grouping != Grouping::None) {
            Node *portfolio = group(NodeKind::Portfolio, nullptr, leaf.portfolioId, 0);
            parent = portfolio;
            if (m_grouping == Grouping::PortfolioAndProgrammeArea) {
                if (leaf.programmeAreaId == 0) {
                    leaf.parent = portfolio;
                    loose.push_back(&leaf);
                    continue;
                }
                parent = group(NodeKind::ProgrammeArea, portfolio, leaf.portfolioId, leaf.programmeAreaId);
            }
        }
        leaf.parent = parent;
        auto &siblings = parent ? parent->children : tree->roots;
        leaf.row = int(siblings.size());
        siblings.push_back(&leaf);
    }
    for (Node *leaf : loose) {
        leaf->row = int(leaf->parent->children.size());
        leaf->parent->children.push_back(leaf);
    }
    for (Node *root : tree->roots) {
        if (root->kind != NodeKind::Intention)
            summarise(root);
    }
    return tree;
}

// Counts and date spans, bottom up, from the children's stored dates.
void IntentionGroupModel::summarise(Node *group) const
{
    group->count = 0;
    group->start = {};
    group->end = {};
    for (Node *child : group->children) {
        if (child->kind == NodeKind::Intention) {
            ++group->count;
        } else {
            summarise(child);
            group->count += child->count;
        }
        if (child->start.isValid() && (!group->start.isValid() || child->start < group->start))
            group->start = child->start;
        if (child->end.isValid() && (!group->end.isValid() || child->end > group->end))
            group->end = child->end;
    }
}

void IntentionGroupModel::rebuildNodes()
{
    m_tree = buildTree();
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
    std::unique_ptr<Tree> old = std::move(m_tree);
    m_tree = buildTree();

    QHash<quint64, const Node *> groups;
    for (const auto &node : m_tree->groups)
        groups.insert(groupKey(node->kind, node->portfolioId, node->programmeAreaId), node.get());

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
    old.reset(); // nothing points into the old tree any more
    emit layoutChanged();
}

void IntentionGroupModel::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                              const QList<int> &roles)
{
    if (m_resetting || !topLeft.isValid() || !m_tree)
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    if (last >= int(m_tree->leaves.size()))
        return;

    // Read the rows again; a row now in another portfolio or area moves group: rebuild.
    bool regroup = false;
    QList<Node *> parents;
    for (int row = first; row <= last; ++row) {
        Node &leaf = m_tree->leaves[size_t(row)];
        Node fresh;
        readLeaf(fresh, row);
        if (m_grouping != Grouping::None
            && (fresh.portfolioId != leaf.portfolioId
                || (m_grouping == Grouping::PortfolioAndProgrammeArea
                    && fresh.programmeAreaId != leaf.programmeAreaId))) {
            regroup = true;
            break;
        }
        leaf.id = fresh.id;
        if (fresh.start != leaf.start || fresh.end != leaf.end) {
            leaf.start = fresh.start;
            leaf.end = fresh.end;
            // Bottom up: an area before its portfolio.
            for (Node *parent = leaf.parent; parent; parent = parent->parent) {
                if (!parents.contains(parent))
                    parents.append(parent);
            }
        }
    }
    if (regroup) {
        beginResetModel();
        rebuildNodes();
        endResetModel();
        return;
    }

    // Same rows in the same places: one signal per run of siblings.
    int row = first;
    while (row <= last) {
        const Node *start = &m_tree->leaves[size_t(row)];
        int end = row;
        while (end + 1 <= last) {
            const Node *next = &m_tree->leaves[size_t(end + 1)];
            const Node *previous = &m_tree->leaves[size_t(end)];
            if (next->parent != start->parent || next->row != previous->row + 1)
                break;
            ++end;
        }
        const Node *endNode = &m_tree->leaves[size_t(end)];
        emit dataChanged(indexOfNode(start, topLeft.column()), indexOfNode(endNode, bottomRight.column()), roles);
        row = end + 1;
    }

    // Their groups' date spans may have moved (counts cannot change without rows moving).
    std::sort(parents.begin(), parents.end(), [](const Node *a, const Node *b) {
        return (a->kind == NodeKind::ProgrammeArea) > (b->kind == NodeKind::ProgrammeArea);
    });
    for (Node *group : std::as_const(parents)) {
        const QDate start = group->start;
        const QDate end = group->end;
        // Areas are summarised before portfolios; a portfolio's summary re-reads its areas'.
        group->count = 0;
        group->start = {};
        group->end = {};
        for (Node *child : group->children) {
            group->count += child->kind == NodeKind::Intention ? 1 : child->count;
            if (child->start.isValid() && (!group->start.isValid() || child->start < group->start))
                group->start = child->start;
            if (child->end.isValid() && (!group->end.isValid() || child->end > group->end))
                group->end = child->end;
        }
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
    if (!m_tree || row < 0 || row >= int(m_tree->leaves.size()))
        return {};
    return indexOfNode(&m_tree->leaves[size_t(row)], proxyIndex.column());
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
    if (!m_tree)
        return {};
    for (const Node &leaf : m_tree->leaves) {
        if (leaf.id == id)
            return indexOfNode(&leaf, column);
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
        for (const Node *child : node->children)
            self(self, child);
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
    if (!m_tree)
        return {};
    const auto &siblings = parentNode ? parentNode->children : m_tree->roots;
    if (row >= int(siblings.size()))
        return {};
    return createIndex(row, column, siblings.at(size_t(row)));
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
        return m_tree ? int(m_tree->roots.size()) : 0;
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
    if (!node || !m_tree)
        return Qt::NoItemFlags;
    // The view asks this of every row it lays out. A leaf is told by where its node lives (the
    // leaves' block), not by reading the node: 100,000 nodes read in the view's order, which is
    // not the block's, would each be a cache miss. Leaves flag as the table's cells.
    const Node *leaves = m_tree->leaves.data();
    if (node >= leaves && node < leaves + m_tree->leaves.size())
        return IntentionTableModel::columnFlags(index.column());
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void IntentionGroupModel::sort(int column, Qt::SortOrder order)
{
    if (m_source)
        m_source->sort(column, order);
}

QVariant IntentionGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (m_source)
        return m_source->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}
