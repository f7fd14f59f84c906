#pragma once

#include "entities.h"
#include "plancontext.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUndoCommand>

// Undo steps for portfolios and their programme areas. Each step writes through the plan's
// stores in ONE stores().inTransaction call per redo/undo and then says what changed
// (PlanContext::notifyChanged); the models follow that signal.
//
// The stores give ids rather than take them, so a portfolio or programme area that an undo
// brings back is stored under a new id. PortfolioTracker remembers where each id went, so the
// steps further along the stack still reach the same row.

class PortfolioTracker : public QObject
{
    Q_OBJECT
public:
    // The tracker of one open plan: a child of its context, living as long as its undo stack.
    static PortfolioTracker &of(PlanContext &context);

    // Where the row that had id now lives (id itself when it never moved).
    Id current(PlanContext::Entity entity, Id id) const;
    void moved(PlanContext::Entity entity, Id from, Id to);

    // The ids the last step stored anew (an add, or an undone remove), so a view can select them.
    QList<Id> lastCreated() const { return m_created; }
    void reportCreated(const QList<Id> &ids) { m_created = ids; }

    // An undo or redo from the Edit menu could not be written (the step is dropped from the stack).
    void reportFailure(const QString &message);

signals:
    void failed(const QString &message);

private:
    explicit PortfolioTracker(QObject *parent);

    QHash<int, QHash<Id, Id>> m_moved;
    QList<Id> m_created;
};

// The base of every step here: redo and undo write through apply(); the first redo happened
// before the push (PortfolioCommands::push), so a refusal reaches the user and nothing is pushed.
class PortfolioStep : public QUndoCommand
{
public:
    PortfolioStep(PlanContext &context, const QString &text);

    void redo() override;
    void undo() override;

    // Writes the step forwards (redo) or backwards (undo) in one transaction, then notifies.
    Result<void> apply(bool forward);
    void markApplied() { m_applied = true; }

protected:
    virtual Result<void> write(bool forward) = 0;
    virtual void notify(bool forward) = 0;

    PlanContext &m_context;
    PortfolioTracker &m_tracker;

private:
    void run(bool forward);
    bool m_applied = false;
};

// Plain-language checks shared by the models and the steps. Each returns the message to show,
// or an empty string when the value may be stored.
namespace PortfolioRules {
// others: the plan's portfolios (the one edited may be among them; it is matched by id).
QString problem(const Portfolio &portfolio, const QList<Portfolio> &others);
// areas: the portfolio's programme areas (the one renamed may be among them; matched by id).
QString areaNameProblem(const QString &name, Id areaId, const QList<ProgrammeArea> &areas);
// "#4472c4", "4472C4" or a QColor name → "#4472C4"; empty when it is not a colour.
QString normalisedColour(const QString &text);
} // namespace PortfolioRules

namespace PortfolioCommands {
// Replaces one portfolio's values (fields and benefits) before → after.
PortfolioStep *edit(PlanContext &context, const Portfolio &before, const Portfolio &after, const QString &text);
// Stores a new portfolio (its id is ignored); undo deletes it again.
PortfolioStep *add(PlanContext &context, const Portfolio &value);
// Deletes a portfolio that has no intentions, with its programme areas; undo stores them again.
// The store refuses while intentions remain, and says how many.
PortfolioStep *remove(PlanContext &context, const Portfolio &value, const QList<ProgrammeArea> &areas);

PortfolioStep *addArea(PlanContext &context, const ProgrammeArea &value);
PortfolioStep *renameArea(PlanContext &context, const ProgrammeArea &before, const QString &name);
// Moves every intention of `from` to `into` (same portfolio) and deletes `from`, as one step.
PortfolioStep *mergeAreas(PlanContext &context, const ProgrammeArea &from, const ProgrammeArea &into);
// Gives areas new sort orders: before and after hold the same areas with their old and new order.
PortfolioStep *reorderAreas(PlanContext &context, const QList<ProgrammeArea> &before,
                            const QList<ProgrammeArea> &after);

// Writes step, then pushes it on the plan's undo stack. Returns the store's message when the
// write was refused (nothing was written then, and nothing is pushed), or an empty string.
QString push(PlanContext &context, PortfolioStep *step);
} // namespace PortfolioCommands
