#pragma once

#include "entities.h"

#include <QAbstractItemModel>
#include <QList>
#include <QPersistentModelIndex>

#include <memory>

class IntentionTableModel;

// The intentions as a tree — portfolio → programme area → intention — over the FILTERED and
// SORTED proxy (IntentionFilterProxy). The grid's QTreeView and the Gantt timeline both show
// this one model (same rows, same order, one selection model).
//
// Columns mirror IntentionTableModel::Column. Intention rows forward every role of every column
// to the proxy, setData included (the grid edits through the tree). Group rows show
// "Primary Care (17)" (the count of visible intentions) in the first column and answer
// NodeKindRole, IdRole (portfolio or programme area id; 0 for "No programme area"),
// PortfolioIdRole, ProgrammeAreaIdRole, TitleRole (the name alone), ColourRole,
// IntentionCountRole and StartDateRole/EndDateRole (the span of the children's dates, for a
// summary bar); group rows are not editable. Intention rows answer NodeKindRole too.
//
// Groups appear in the order of their first visible intention, so an unsorted view follows the
// plan's portfolio order and a view sorted by start date puts the earliest group first.
// With programme areas, intentions without one sit directly under their portfolio, after its
// area groups. Portfolios and areas with no visible intention are not shown.
//
// Keeping views' state: a re-sort is a layoutChanged (selection and expansion survive); an edit
// that keeps the row in its group is a dataChanged (and the group rows' spans); a change of
// which rows show (filter, insert, delete, a row moving group) resets the tree. Views keep
// expansion across resets by group key (NodeKindRole + PortfolioIdRole + ProgrammeAreaIdRole).
class IntentionGroupModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Grouping { None, Portfolio, PortfolioAndProgrammeArea };
    Q_ENUM(Grouping)

    explicit IntentionGroupModel(QObject *parent = nullptr);
    ~IntentionGroupModel() override;

    // The proxy (rows answering the table's roles); its source must be an IntentionTableModel
    // for group names and colours.
    void setSourceModel(QAbstractItemModel *proxy);
    QAbstractItemModel *sourceModel() const { return m_source; }

    Grouping grouping() const { return m_grouping; }
    void setGrouping(Grouping grouping);

    QModelIndex mapFromSource(const QModelIndex &proxyIndex) const;
    QModelIndex mapToSource(const QModelIndex &index) const; // invalid for group rows
    QModelIndex indexOfIntention(Id id, int column = 0) const;
    bool isGroup(const QModelIndex &index) const;
    Id intentionId(const QModelIndex &index) const; // 0 for group rows
    // The intentions under index (itself for an intention row), in view order.
    QList<Id> intentionIds(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Sorts the intentions (the proxy's sort: the table keeps its rows in order); groups then
    // follow their first intention.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Node;
    struct Tree;
    std::unique_ptr<Tree> buildTree() const;
    void rebuildNodes();
    void readLeaf(Node &leaf, int proxyRow) const; // id, group and dates of a proxy row
    void summarise(Node *group) const;              // count and date span from the children
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                             const QList<int> &roles);
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column) const;
    IntentionTableModel *tableModel() const;

    QAbstractItemModel *m_source = nullptr;
    Grouping m_grouping = Grouping::PortfolioAndProgrammeArea;
    std::unique_ptr<Tree> m_tree;
    QList<QMetaObject::Connection> m_connections;
    bool m_resetting = false; // between the proxy's "about to" signal and its end
    // Across a proxy layout change: what each persistent index pointed at.
    QModelIndexList m_layoutPersistent;
    QList<QPersistentModelIndex> m_layoutSource; // leaves: the proxy cell
    QList<quint64> m_layoutGroups;               // groups: their key
};
