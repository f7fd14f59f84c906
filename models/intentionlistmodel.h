#pragma once

#include "entities.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>

// A read-only table of intentions: what the window lists for the selected portfolio.
// It holds a copy of the rows it shows (no SQL behind data()).
class IntentionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ProgrammeAreaColumn,
        TitleColumn,
        TimeframeColumn,
        DatesColumn,
        CommunityColumn,
        PreventionColumn,
        DigitalColumn,
        StatusColumn,
        ReviewColumn,
        ColumnCount
    };

    explicit IntentionListModel(QObject *parent = nullptr);

    void setIntentions(const QList<Intention> &intentions, const QList<ProgrammeArea> &areas);
    const Intention &intention(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Intention> m_rows;
    QHash<Id, QString> m_areaNames;
};

// Narrows a model with PortfolioIdRole / ProgrammeAreaIdRole to one portfolio (and optionally
// one of its programme areas). Id 0 means "all".
class IntentionScopeProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit IntentionScopeProxy(QObject *parent = nullptr);
    void setScope(Id portfolioId, Id programmeAreaId);
    Id portfolioId() const { return m_portfolioId; }
    Id programmeAreaId() const { return m_programmeAreaId; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Id m_portfolioId = 0;
    Id m_programmeAreaId = 0;
};
