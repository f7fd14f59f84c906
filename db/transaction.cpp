#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

// SQLITE_BUSY (5) and SQLITE_LOCKED (6), also as extended result codes (low byte).
bool isLockError(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == 5 || (code & 0xff) == 6);
}

} // namespace

WriteTransaction::WriteTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery begin(m_db);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (m_active)
        return;
    const QSqlError error = begin.lastError();
    if (isLockError(error)) {
        m_error = QStringLiteral("the plan is being changed by someone else and stayed locked; "
                                 "try again in a moment (%1)")
                      .arg(error.text());
    } else {
        m_error = QStringLiteral("a change to the plan could not be started (%1)").arg(error.text());
    }
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
