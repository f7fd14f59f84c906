#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

WriteTransaction::WriteTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery begin(m_db);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_error = begin.lastError().text();
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Result<void> WriteTransaction::commit()
{
    if (!m_active)
        return Error{QStringLiteral("no transaction to commit: %1").arg(m_error)};
    QSqlQuery commit(m_db);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const QString message = commit.lastError().text();
        rollback();
        return Error{message};
    }
    m_active = false;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery rollback(m_db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}
