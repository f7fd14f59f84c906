#include "plancontext.h"

PlanContext::PlanContext(PlanStoreSet &stores, QObject *parent)
    : QObject(parent)
    , m_stores(stores)
    , m_undoStack(new QUndoStack(this))
{
}

void PlanContext::notifyChanged(Entity entity, const QList<Id> &ids)
{
    emit changed(entity, ids);
}
