#pragma once

#include "entities.h"
#include "intentiongroupmodel.h"
#include "result.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QWidget>

class QAction;
class QSplitter;
class QTimer;
class QTreeView;
class FilterBar;
class IntentionDelegate;
class IntentionFilterProxy;
class IntentionTableModel;
class PlanContext;

// The Intentions workspace: the filter bar over a grid of every intention of the open plan,
// grouped by portfolio (and programme area), with a free pane beside it for the timeline.
//
// The grid is a QTreeView over IntentionGroupModel ← IntentionFilterProxy ← IntentionTableModel;
// it edits in place through IntentionDelegate, and every change — a cell, a paste, a bulk edit,
// add, duplicate, delete — goes through the table model, so it is one undo step and one
// transaction. The actions (actionFor) work on the cells and rows the user has selected; the
// window puts them in its menus. Column order, widths, hidden columns and the sort are kept per
// user (QSettings "intentions/header"), and the grouping too ("intentions/grouping").
class IntentionGrid : public QWidget
{
    Q_OBJECT
public:
    enum class Action { Add, Duplicate, Delete, BulkEdit, History, Copy, Paste, PlanOrder };
    Q_ENUM(Action)

    explicit IntentionGrid(QWidget *parent = nullptr);
    ~IntentionGrid() override;

    // Shows the plan of context (nullptr: none). The models are made anew for each plan;
    // modelsChanged() says when, so a timeline beside the grid can follow.
    void setContext(PlanContext *context);
    PlanContext *context() const { return m_context; }

    IntentionTableModel *tableModel() const { return m_table; }
    IntentionFilterProxy *filterProxy() const { return m_proxy; }
    IntentionGroupModel *groupModel() const { return m_groups; }
    QTreeView *treeView() const { return m_tree; }
    FilterBar *filterBar() const { return m_filterBar; }
    IntentionDelegate *delegate() const { return m_delegate; }
    // The grid is the first pane; the second is free for the timeline (setSidePane).
    QSplitter *splitter() const { return m_splitter; }
    void setSidePane(QWidget *pane);
    QWidget *sidePane() const { return m_sidePane; }

    QAction *actionFor(Action which) const { return m_actions.value(which); }
    // Actions of other parts of the planner offered on the rows' context menu after the grid's
    // own (e.g. "Create notice…"); they read the selection themselves.
    void addRowActions(const QList<QAction *> &actions);
    // What the rows' context menu shows, in order (nullptr: a separator).
    QList<QAction *> rowMenuActions() const;

    IntentionGroupModel::Grouping grouping() const;
    void setGrouping(IntentionGroupModel::Grouping grouping);

    // "145 of 1,200 intentions".
    QString countsText() const;

    // Intentions with a selected cell (or under a selected group row), in the order shown.
    QList<Id> selectedIds() const;
    // Every intention the filters let through, in the order shown (folded groups included).
    QList<Id> shownIds() const;
    Id currentId() const;
    // Selects the intentions' cells in column and makes the first current.
    void selectIntentions(const QList<Id> &ids, int column);

    // --- what the actions do (also callable directly) --------------------------------------
    // A new intention in the current row's portfolio and programme area, selected with its
    // title open for typing. Filters that would hide it are cleared.
    Result<Id> addIntention();
    Result<QList<Id>> duplicateSelected();
    // Asks first (naming the titles) unless confirm is false.
    Result<void> deleteSelected(bool confirm = true);
    void bulkEditSelected();
    void showHistory();
    // The selected cells as tab-separated text and an HTML table (what spreadsheets read).
    void copySelection();
    QList<QStringList> selectedCells() const;
    // The clipboard's cells onto the grid from the current cell: one undo step, or refused
    // whole with the row, column and reason.
    Result<void> paste();
    Result<void> pasteCells(const QList<QStringList> &cells);

    // The last message shown at a cell or in the status bar (tests and the status bar read it).
    QString lastMessage() const { return m_lastMessage; }

signals:
    void countsChanged(int shown, int total);
    // Something the user should read in the status bar (a refusal, what an action did).
    void statusMessage(const QString &message);
    void modelsChanged();
    void selectionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void configureDelegate();
    void showMessageAt(const QModelIndex &tableIndex, const QString &message);
    void say(const QString &message);
    void updateActions();
    void applySort(int column, Qt::SortOrder order);
    void rememberViewState();
    void restoreViewState();
    void restoreHeader();
    void saveHeader();
    void showHeaderMenu(const QPoint &position);
    void showRowMenu(const QPoint &position);
    QList<QModelIndex> selectedLeafIndexes() const;
    QModelIndex viewIndexOf(Id id, int column) const;
    bool toggleSelectedShifts();
    QString groupKey(const QModelIndex &index) const;
    QList<Id> idsInViewOrder(const QSet<Id> *only) const;
    QString namesFor(const QString &field, const QString &value) const;

    PlanContext *m_context = nullptr;
    IntentionTableModel *m_table = nullptr;
    IntentionFilterProxy *m_proxy = nullptr;
    IntentionGroupModel *m_groups = nullptr;
    FilterBar *m_filterBar = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    QWidget *m_sidePane = nullptr;
    IntentionDelegate *m_delegate = nullptr;
    QTimer *m_saveHeader = nullptr;
    QHash<Action, QAction *> m_actions;
    QList<QAction *> m_rowActions;
    IntentionGroupModel::Grouping m_grouping = IntentionGroupModel::Grouping::PortfolioAndProgrammeArea;
    QSet<QString> m_collapsed; // group keys the user folded; kept across filter changes
    Id m_keepCurrentId = 0;    // the current intention across model resets
    int m_keepCurrentColumn = 0;
    bool m_restoring = false;
    QString m_lastMessage;
};
