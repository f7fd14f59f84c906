#pragma once

#include "registertablemodel.h"

// Every contract of the open plan as one editable table.
//
// Edit values (Qt::EditRole) by column:
//   ProviderColumn       Id of a provider, or text: its name. A contract that notices are given
//                        on keeps its provider (the notices would be on another's contract).
//   ReferenceColumn, FormColumn  QString.        TitleColumn  QString, not empty.
//   StartColumn, EndColumn  QDate or date text (RegisterValues::parseDate); invalid: not set.
//                        The end may not be before the start.
//   AnnualValueColumn    pounds: double or text ("£1,250,000"); not negative; empty: not set.
//   NoticePeriodColumn   months, 1–60; empty or invalid: the plan's default (shown as such).
// Roles: PlanRoles::IdRole, SortRole; RegisterRoles::EditorKindRole, ChoicesRole (provider),
// ProviderIdRole.
class ContractModel : public RegisterTableModel
{
    Q_OBJECT
public:
    enum Column {
        ProviderColumn,
        ReferenceColumn,
        TitleColumn,
        FormColumn,
        StartColumn,
        EndColumn,
        AnnualValueColumn,
        NoticePeriodColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ContractModel(QObject *parent = nullptr);

    const Contract &contract(int row) const { return m_rows.at(row); }
    const QList<Contract> &contracts() const { return m_rows; }
    Id idAt(int row) const override { return m_rows.at(row).id; }
    QString providerName(Id id) const { return m_providerNames.value(id); }
    // The plan's default notice period (PlanSettings::noticePeriodMonths).
    int defaultNoticePeriod() const { return m_defaultNoticePeriod; }

    Result<Contract> edited(const Contract &row, int column, const QVariant &value) const;

    // --- undoable operations: each is one undo step and one transaction ---------------------
    // A contract titled "New contract" with the provider.
    Result<Id> addContract(Id providerId);
    Result<QList<Id>> duplicate(const QList<Id> &ids);
    // Deletes the contracts (the caller has confirmed); notices given on them stay, without a
    // contract, and undo puts them back on it.
    Result<void> remove(const QList<Id> &ids);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Result<void> load(PlanStoreSet &stores) override;
    void clear() override;
    int count() const override { return int(m_rows.size()); }
    void planChanged(PlanContext::Entity entity, const QList<Id> &ids) override;

private:
    Result<void> loadLookups(PlanStoreSet &stores);
    void lookupsChanged();
    std::optional<Id> providerFrom(const QVariant &value) const;

    QList<Contract> m_rows;
    QList<Provider> m_providers; // for the provider choices, in the plan's order
    QHash<Id, QString> m_providerNames;
    QHash<Id, int> m_noticeCount; // notices given on each contract
    int m_defaultNoticePeriod = 6;
};
