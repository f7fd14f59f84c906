#pragma once

#include "entities.h"

#include <QList>
#include <QUndoCommand>

#include <optional>

class IntentionTableModel;

// One intention before and after an undoable step. An absent state means the intention does not
// exist on that side: before absent = the step creates it, after absent = the step deletes it.
struct IntentionChange
{
    Id id = 0;
    std::optional<Intention> before;
    std::optional<Intention> after;
    int rowHint = -1; // where the row goes back in the table when it is re-created
};

// Every change to intentions — a cell edit, a bulk edit, a paste, add, duplicate, delete, a Gantt
// drag — is one of these: one entry in the undo history, one transaction each way.
//
// The model writes the change itself before pushing (so a failure is reported and nothing is
// pushed) and gives the command the states as stored; the first redo() is then a no-op. Undo
// writes the before states and redo the after states exactly — ids and updatedAt included — so
// after undo the rows read back byte for byte as they were, and the change history records
// each step. If a write fails (someone else changed the plan meanwhile), the command does
// nothing, the stack is left as it was and the model reports the error through editRejected.
class EditIntentionCommand : public QUndoCommand
{
public:
    // notices: the contract notices linked to intentions this step deletes, as they were, so
    // undo puts their links back (deleting an intention drops its notice links).
    EditIntentionCommand(IntentionTableModel &model, const QString &text,
                         QList<IntentionChange> changes, QList<ContractNotice> notices = {},
                         QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;
    int id() const override { return -1; } // never merged: each edit is its own step

    const QList<IntentionChange> &changes() const { return m_changes; }

private:
    void apply(bool forward);

    IntentionTableModel &m_model;
    QList<IntentionChange> m_changes;
    QList<ContractNotice> m_notices;
    bool m_applied = true; // the model wrote the after states before pushing
};
