#include "planstores.h"

#include "transaction.h"

PlanStores::PlanStores(QSqlDatabase db, const QString &user)
    : m_db(db)
    , m_user(user)
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
    , m_templates(db, user)
    , m_history(db)
    , m_summary(db)
{
}

Result<void> PlanStores::inTransaction(const std::function<Result<void>()> &work)
{
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return Error{transaction.error()};
    if (auto done = work(); !done)
        return done; // the transaction rolls back as it goes out of scope
    return transaction.commit();
}
