#pragma once

#include "registertablemodel.h"

// Every provider of the open plan as one editable table (the register's first grid).
//
// Edit values (Qt::EditRole) by column:
//   NameColumn          QString: not empty, not the name of another provider.
//   OdsCodeColumn       QString: letters and digits (stored upper case), or empty.
//   TypeColumn          int(ProviderType), or text: its label ("Acute") or key ("acute").
//   AddressColumn, ContactNameColumn, NotesColumn  QString.
//   ContactEmailColumn  QString: an email address, or empty.
// Roles: PlanRoles::IdRole, SortRole; RegisterRoles::EditorKindRole, ChoicesRole (type).
class ProviderModel : public RegisterTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        OdsCodeColumn,
        TypeColumn,
        AddressColumn,
        ContactNameColumn,
        ContactEmailColumn,
        NotesColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ProviderModel(QObject *parent = nullptr);

    const Provider &provider(int row) const { return m_rows.at(row); }
    const QList<Provider> &providers() const { return m_rows; }
    Id idAt(int row) const override { return m_rows.at(row).id; }

    // The row's value after setting column to value, or what is wrong with value.
    Result<Provider> edited(const Provider &row, int column, const QVariant &value) const;

    // --- undoable operations: each is one undo step and one transaction ---------------------
    // A provider named "New provider" (numbered when that name is taken).
    Result<Id> addProvider();
    // Copies named "… (copy)"; the new ids.
    Result<QList<Id>> duplicate(const QList<Id> &ids);
    // Deletes the providers (the caller has confirmed). A provider with contracts, notices or
    // letters is refused, saying which.
    Result<void> remove(const QList<Id> &ids);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Result<void> load(PlanStoreSet &stores) override;
    void clear() override { m_rows.clear(); }
    int count() const override { return int(m_rows.size()); }
    void planChanged(PlanContext::Entity entity, const QList<Id> &ids) override;

private:
    QString uniqueName(const QString &wanted) const;
    bool nameTaken(const QString &name, Id except) const;

    QList<Provider> m_rows;
};
