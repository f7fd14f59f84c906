#pragma once

#include "entities.h"
#include "plancontext.h"
#include "registerroles.h"
#include "result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QVariant>

#include <optional>

class QUndoCommand;

// How register cells read and write money and dates, for grids, the form and paste alike.
namespace RegisterValues {
// "£12,500.00", "-£1,200.00"; empty when unset.
QString money(std::optional<double> value);
// A number, or text like "£12,500", "12500.5", "-£1,200.00"; empty text or an invalid
// QVariant is unset. Fails with a plain message for anything else.
Result<std::optional<double>> parseMoney(const QVariant &value);
// A QDate, or text: "2026-04-01", "1/4/2026", "01/04/2026", "1 Apr 2026", "1 April 2026".
// Empty text or an invalid date is unset.
Result<QDate> parseDate(const QVariant &value);
// A whole number, or text of one; empty text or an invalid QVariant is unset.
Result<std::optional<int>> parseWholeNumber(const QVariant &value);

// What a text cell gives for role: the whole text to edit and in the tooltip, lower case to
// sort by, and for a LongText one line in the grid (its lines joined by a space, or by ", "
// where they are an address's lines).
enum class LineJoin { Space, Comma };
QVariant textCell(const QString &value, int role, RegisterRoles::EditorKind kind = RegisterRoles::EditorKind::Text,
                  LineJoin join = LineJoin::Space);
// What a date cell gives for role: "1 Apr 2026" shown, the QDate to edit, ISO to sort by (unset
// dates last).
QVariant dateCell(QDate value, int role);
} // namespace RegisterValues

// What the three register tables (providers, contracts, notices) share: following the open
// plan, keeping a copy of the rows (loaded with list(), no SQL behind data()), refreshing the
// rows a PlanContext::changed names, and turning a refused edit into a plain message.
//
// Edits go the plan's one way: setData validates, builds a RegisterCommands step and pushes it
// on the plan's undo stack; the step writes in one transaction and says what changed, and the
// model refreshes those rows from the store.
class RegisterTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RegisterTableModel(QObject *parent = nullptr);

    // Shows the plan of context (nullptr: no plan, no rows). Reads every row it shows.
    void setContext(PlanContext *context);
    PlanContext *context() const { return m_context; }
    // Reads everything again; on failure the model is empty and lastError() says why.
    Result<void> reload();

    virtual Id idAt(int row) const = 0;
    int rowOf(Id id) const { return m_rowOfId.value(id, -1); }
    QModelIndex indexOf(Id id, int column = 0) const;

    // The last refusal or failure (empty after a change that was made).
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;

signals:
    // An edit or an operation was refused, or could not be saved; nothing changed. index is
    // the cell for setData, invalid for whole-row operations.
    void editRejected(const QModelIndex &index, const QString &message);

protected:
    // Reads the lookups and rows of the plan (called inside a model reset).
    virtual Result<void> load(PlanStoreSet &stores) = 0;
    virtual void clear() = 0;
    virtual int count() const = 0;
    // The plan says entity changed (ids: those rows; empty: any). Default: a refresh of our
    // own entity's rows, a full reload for the others we show.
    virtual void planChanged(PlanContext::Entity entity, const QList<Id> &ids) = 0;

    // The shown rows of ids, in the order of ids (ids not shown are left out).
    template<typename Row>
    QList<Row> rowsOf(const QList<Row> &rows, const QList<Id> &ids) const
    {
        QList<Row> found;
        for (Id id : ids) {
            if (const int row = rowOf(id); row >= 0)
                found.append(rows.at(row));
        }
        return found;
    }

    bool reject(const QModelIndex &index, const QString &message);
    Error rejectOperation(const QString &message);
    // Pushes command; a write that fails is refused with the store's message.
    bool push(const QModelIndex &index, QUndoCommand *command);
    Result<void> pushOperation(QUndoCommand *command);
    void accepted() { m_lastError.clear(); }

    // Brings rows (a QList<T> of values with an id) up to date with the store for ids: changed
    // rows are replaced, new ones appended, gone ones removed. Any read failure falls back to a
    // full reload (which also tells a deleted row from a failing store).
    template<typename T>
    void refreshRows(QList<T> &rows, const QList<Id> &ids, Repository<T> &store);
    void rebuildRowIndex(const QList<Id> &ids);

    QPointer<PlanContext> m_context;
    QHash<Id, int> m_rowOfId;

private:
    void onChanged(PlanContext::Entity entity, const QList<Id> &ids);

    QString m_lastError;
    QMetaObject::Connection m_connection;
};

template<typename T>
void RegisterTableModel::refreshRows(QList<T> &rows, const QList<Id> &ids, Repository<T> &store)
{
    if (ids.isEmpty()) {
        (void)reload();
        return;
    }
    QList<T> fresh;
    for (Id id : ids) {
        auto found = store.get(id);
        if (!found) {
            // Gone, or the store cannot be read: the whole list tells which.
            (void)reload();
            return;
        }
        fresh.append(found.value());
    }
    for (const T &value : std::as_const(fresh)) {
        const int row = rowOf(value.id);
        if (row >= 0) {
            rows[row] = value;
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        } else {
            const int at = int(rows.size());
            beginInsertRows({}, at, at);
            rows.append(value);
            m_rowOfId.insert(value.id, at);
            endInsertRows();
        }
    }
}
