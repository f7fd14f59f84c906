#pragma once

#include "entities.h"
#include "stores.h"

#include <QList>
#include <QObject>
#include <QUndoStack>

// What one open plan gives the models, views and commands: its stores, its undo stack, and
// a signal that says what changed so every view of that data refreshes (the grid, the
// timeline, the dashboard and the register all show the same rows).
//
// The edit path, everywhere: a model's setData (or a view action) validates, builds a
// QUndoCommand and pushes it on undoStack(); the command writes through the stores in one
// transaction (stores().inTransaction), updates the model, and calls notifyChanged().
class PlanContext : public QObject
{
    Q_OBJECT
public:
    enum class Entity {
        Settings,
        Portfolio,
        ProgrammeArea,
        Intention,
        OutcomeDomain,
        Place,
        Provider,
        Contract,
        Notice,
        Letter,
        Template,
    };
    Q_ENUM(Entity)

    explicit PlanContext(PlanStoreSet &stores, QObject *parent = nullptr);

    PlanStoreSet &stores() const { return m_stores; }
    QUndoStack *undoStack() const { return m_undoStack; }
    // The plan's file, for titles and messages (empty for an in-memory plan).
    QString planPath() const { return m_planPath; }
    void setPlanPath(const QString &path) { m_planPath = path; }

    // Says that rows of entity changed (ids empty: any number of rows, reload all).
    void notifyChanged(Entity entity, const QList<Id> &ids = {});

signals:
    void changed(PlanContext::Entity entity, const QList<Id> &ids);

private:
    PlanStoreSet &m_stores;
    QUndoStack *m_undoStack;
    QString m_planPath;
};
