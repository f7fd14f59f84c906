#pragma once

#include "entities.h"
#include "plancontext.h"
#include "result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

// Every portfolio of the open plan, one row each in the plan's order, a column per field: what
// the portfolio editor's form (QDataWidgetMapper) and any table of portfolios show.
//
// Edits go the plan's way: setData validates (a name, no duplicate name, a #RRGGBB colour),
// pushes one undo step per change (PortfolioCommands), and the step writes in one transaction.
// A refused value never reaches the store: setData returns false, lastError() says why and
// editRejected() tells the view. The model follows PlanContext::changed, updating the rows in
// place (rows keep their indexes when a field changes; a new order moves rows, not resets).
//
// Roles: Qt::DisplayRole (text for people), Qt::EditRole (the value to edit: QString; group as
// int PortfolioGroup; order as int; benefits as QVariantList of QVariantMap{label, text}),
// Qt::DecorationRole (the colour, on the name and colour columns), PlanRoles::IdRole,
// PlanRoles::ColourRole, PlanRoles::SortRole.
class PortfolioModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        GroupColumn,
        LeadColumn,
        ColourColumn,
        OrderColumn,
        VisionColumn,
        StakeholdersColumn,
        ProgrammesColumn,
        EngagementColumn,
        BenefitsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit PortfolioModel(QObject *parent = nullptr);

    // Shows context's portfolios and follows its changes; nullptr empties the model.
    void setContext(PlanContext *context);
    PlanContext *context() const { return m_context; }
    // Reads the portfolios again (done by itself on PlanContext::changed).
    void reload();

    int rowOf(Id portfolioId) const;
    const Portfolio &portfolio(int row) const { return m_rows.at(row); }
    const QList<Portfolio> &portfolios() const { return m_rows; }

    // Adds a portfolio named name (or "New portfolio", made unique) at the end, as one undo
    // step; returns its id.
    Result<Id> addPortfolio(const QString &name = {});
    // Removes the portfolio in row as one undo step; refused while it has intentions.
    Result<void> removePortfolio(int row);

    QString lastError() const { return m_lastError; }

    static QVariantList benefitsToVariant(const QList<PortfolioBenefit> &benefits);
    static QList<PortfolioBenefit> benefitsFromVariant(const QVariant &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // A value was refused; nothing was stored. message says why, in plain words.
    void editRejected(const QModelIndex &index, const QString &message);
    // Loading the plan's portfolios failed.
    void loadFailed(const QString &message);

private:
    // Builds the changed portfolio, or returns the message refusing the value.
    Result<Portfolio> edited(const Portfolio &before, int column, const QVariant &value) const;
    void sync(QList<Portfolio> fresh);
    bool reject(const QModelIndex &index, const QString &message);

    QPointer<PlanContext> m_context;
    QList<Portfolio> m_rows;
    QString m_lastError;
};
