#pragma once

#include "entities.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QSplitter;
class QTableView;
class QTreeView;
class IntentionScopeProxy;

// The window's central area: a portfolio navigator (portfolio → programme area) beside a
// read-only list of the selected portfolio's intentions. Views only: it is given the models.
class PlanBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit PlanBrowser(QWidget *parent = nullptr);

    // portfolioTree: PortfolioTreeModel-like (PlanRoles ids); intentions: IntentionListModel-like.
    void setModels(QAbstractItemModel *portfolioTree, QAbstractItemModel *intentions);
    void selectPortfolio(Id portfolioId);

    QTreeView *navigator() const { return m_navigator; }
    QTableView *intentionList() const { return m_intentions; }
    QSplitter *splitter() const { return m_splitter; }
    int visibleIntentionCount() const;

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    void scopeChanged(Id portfolioId, Id programmeAreaId);

private:
    void onCurrentChanged(const QModelIndex &current);

    QSplitter *m_splitter = nullptr;
    QTreeView *m_navigator = nullptr;
    QLabel *m_heading = nullptr;
    QTableView *m_intentions = nullptr;
    IntentionScopeProxy *m_scope = nullptr;
};
