#pragma once

#include "entities.h"
#include "plancontext.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUndoCommand>

#include <optional>

// Undo steps for the register: providers, contracts and contract notices. Each redo/undo
// writes through the plan's stores in ONE stores().inTransaction call and then says what
// changed (PlanContext::notifyChanged); the models follow that signal to refresh their rows.
//
// A deleted row that an undo brings back is stored again and gets a new id (the stores give
// ids, they do not take them). RegisterTracker remembers where each id went, so the commands
// further along the stack — and the ids inside the values they hold (a contract's provider, a
// notice's contract) — still reach the same row.

class RegisterTracker : public QObject
{
    Q_OBJECT
public:
    // The tracker of one open plan; created on first use as a child of the context, so it
    // lives and dies with the plan's undo stack.
    static RegisterTracker &of(PlanContext &context);

    // Where the row that had id now lives (id itself when it never moved).
    Id current(PlanContext::Entity entity, Id id) const;
    void moved(PlanContext::Entity entity, Id from, Id to);

    // A store write inside a command failed (a redo when pushed, or an undo/redo from the Edit
    // menu). The command is dropped from the stack and the message is kept for the caller.
    void reportFailure(const QString &message);
    // The last failure since the previous call, or empty.
    QString takeFailure();
    // The ids the last add (or undone delete) stored, so a view can select the new rows.
    void reportCreated(const QList<Id> &ids) { m_created = ids; }
    QList<Id> lastCreated() const { return m_created; }

    Provider resolved(Provider provider) const { return provider; }
    Contract resolved(Contract contract) const;
    ContractNotice resolved(ContractNotice notice) const;

signals:
    void failed(const QString &message);

private:
    explicit RegisterTracker(QObject *parent);

    QHash<int, QHash<Id, Id>> m_moved;
    QString m_failure;
    QList<Id> m_created;
};

namespace RegisterCommands {
// Replaces one row's values (before → after) as one undo step.
QUndoCommand *edit(PlanContext &context, const Provider &before, const Provider &after, const QString &text);
QUndoCommand *edit(PlanContext &context, const Contract &before, const Contract &after, const QString &text);
QUndoCommand *edit(PlanContext &context, const ContractNotice &before, const ContractNotice &after,
                   const QString &text);

// Stores new rows (their ids are ignored); undo deletes them again.
QUndoCommand *add(PlanContext &context, const QList<Provider> &values, const QString &text);
QUndoCommand *add(PlanContext &context, const QList<Contract> &values, const QString &text);
QUndoCommand *add(PlanContext &context, const QList<ContractNotice> &values, const QString &text);

// Deletes rows; undo stores them again. Deleting a contract detaches the notices given on it
// (the plan keeps the notice, without a contract); noticesOnThem are those notices, so undo
// attaches them again.
QUndoCommand *remove(PlanContext &context, const QList<Provider> &values, const QString &text);
QUndoCommand *remove(PlanContext &context, const QList<Contract> &values, const QList<ContractNotice> &noticesOnThem,
                     const QString &text);
QUndoCommand *remove(PlanContext &context, const QList<ContractNotice> &values, const QString &text);

// Replaces the plan's letter template `name` with after; before is the plan's own body, or
// nullopt when the plan used the bundled default (undo then forgets the plan's copy again).
QUndoCommand *saveTemplate(PlanContext &context, const QString &name, const std::optional<QString> &before,
                           const QString &after, const QString &text);

// Pushes command on the plan's undo stack. Returns the store's message when its first redo
// failed (nothing was written then, and nothing is left on the stack), or an empty string.
QString push(PlanContext &context, QUndoCommand *command);
} // namespace RegisterCommands
