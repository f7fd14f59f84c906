#include "intentioncommands.h"

#include "intentiontablemodel.h"

EditIntentionCommand::EditIntentionCommand(IntentionTableModel &model, const QString &text,
                                           QList<IntentionChange> changes,
                                           QList<ContractNotice> notices, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_model(model)
    , m_changes(std::move(changes))
    , m_notices(std::move(notices))
{
}

void EditIntentionCommand::redo()
{
    if (m_applied)
        return; // pushed after the model wrote it
    apply(true);
}

void EditIntentionCommand::undo()
{
    apply(false);
}

void EditIntentionCommand::apply(bool forward)
{
    auto stored = m_model.applyStates(m_changes, forward, forward ? QList<ContractNotice>{} : m_notices);
    if (!stored) {
        // Nothing was written (one transaction) — someone else may have changed the plan. The
        // step is dropped from the stack (obsolete), which then matches what is stored, and the
        // user is told why.
        setObsolete(true);
        emit m_model.editRejected({}, IntentionTableModel::tr("Could not %1 “%2”: %3")
                                          .arg(forward ? IntentionTableModel::tr("redo")
                                                       : IntentionTableModel::tr("undo"),
                                               text(), stored.error()));
        return;
    }
    m_applied = forward;
    // The store stamps nothing on undo/redo (the states carry their updatedAt), but keep the
    // states exactly as stored so the next undo/redo writes what is there.
    qsizetype next = 0;
    for (IntentionChange &change : m_changes) {
        std::optional<Intention> &state = forward ? change.after : change.before;
        if (state)
            state = stored.value().at(next++);
    }
}
