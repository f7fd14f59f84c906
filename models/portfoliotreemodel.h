#pragma once

#include "entities.h"

#include <QAbstractItemModel>
#include <QList>

// The portfolio navigator's tree: portfolio → programme area, with intention counts.
// It holds a copy of what it shows; setPlan() replaces it whole (a model reset).
class PortfolioTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountColumn, ColumnCount };

    explicit PortfolioTreeModel(QObject *parent = nullptr);

    void setPlan(const QList<Portfolio> &portfolios, const QList<ProgrammeArea> &areas,
                 const QList<Intention> &intentions);
    void clear();

    QModelIndex indexForPortfolio(Id portfolioId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct AreaNode
    {
        ProgrammeArea area;
        int intentions = 0;
    };
    struct PortfolioNode
    {
        Portfolio portfolio;
        int intentions = 0;
        QList<AreaNode> areas;
    };
    // internalId 0 marks a portfolio row; n > 0 marks an area row under portfolio row n - 1.
    QList<PortfolioNode> m_nodes;
};
