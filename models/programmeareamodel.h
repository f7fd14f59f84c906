#pragma once

#include "entities.h"
#include "plancontext.h"
#include "result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

// The programme areas of one portfolio, in their order, with how many intentions each holds:
// what the portfolio editor lists and edits. Renaming (setData on the name), adding, merging
// and reordering are undo steps (PortfolioCommands) with the intentions following their area.
// Refusals work as in PortfolioModel: false / an error, lastError() and editRejected().
//
// Roles: Qt::DisplayRole / Qt::EditRole (name; count), PlanRoles::IdRole,
// PlanRoles::PortfolioIdRole, PlanRoles::IntentionCountRole.
class ProgrammeAreaModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountColumn, ColumnCount };

    explicit ProgrammeAreaModel(QObject *parent = nullptr);

    void setContext(PlanContext *context);
    // The portfolio whose areas are listed (0: none).
    void setPortfolio(Id portfolioId);
    Id portfolioId() const { return m_portfolioId; }
    void reload();

    const ProgrammeArea &area(int row) const { return m_rows.at(row).area; }
    int intentionCount(int row) const { return m_rows.at(row).intentions; }
    int rowOf(Id areaId) const;
    // The portfolio's intentions that are in no programme area.
    int intentionsWithoutArea() const { return m_withoutArea; }

    Result<Id> addArea(const QString &name);
    Result<void> renameArea(int row, const QString &name);
    // Moves the intentions of row `from` into row `into` and removes `from`: one undo step.
    Result<void> mergeArea(int from, int into);
    // Moves the area in row to row `to` (the others shift), renumbering the order: one undo step.
    Result<void> moveArea(int row, int to);

    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void editRejected(const QModelIndex &index, const QString &message);
    void loadFailed(const QString &message);

private:
    struct Row
    {
        ProgrammeArea area;
        int intentions = 0;
        friend bool operator==(const Row &, const Row &) = default;
    };
    QList<ProgrammeArea> areas() const;
    Result<void> fail(const QString &message);

    QPointer<PlanContext> m_context;
    Id m_portfolioId = 0;
    QList<Row> m_rows;
    int m_withoutArea = 0;
    QString m_lastError;
};
