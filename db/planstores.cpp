#include "planstores.h"

PlanStores::PlanStores(QSqlDatabase db, const QString &user)
    : m_user(user)
    , m_settings(db, user)
    , m_portfolios(db, user)
    , m_programmeAreas(db, user)
    , m_intentions(db, user)
    , m_outcomeDomains(db, user)
    , m_places(db, user)
    , m_providers(db, user)
    , m_contracts(db, user)
    , m_notices(db, user)
    , m_letters(db, user)
    , m_history(db)
    , m_summary(db)
{
}
