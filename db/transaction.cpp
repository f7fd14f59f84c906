#include "transaction.h"

#include <QHash>
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

// Open write transactions per connection. Connections are used from one thread each.
thread_local QHash<QString, int> openTransactions;

QString savepointName(int depth)
{
    return QStringLiteral("nest_%1").arg(depth);
}

} // namespace

int WriteTransaction::depth(const QSqlDatabase &db)
{
    return openTransactions.value(db.connectionName());
}

WriteTransaction::WriteTransaction(QSqlDatabase db)
    : m_db(std::move(db))
    , m_depth(depth(m_db))
{
    QSqlQuery begin(m_db);
    m_active = begin.exec(m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                       : QStringLiteral("SAVEPOINT ") + savepointName(m_depth));
    if (m_active) {
        openTransactions[m_db.connectionName()] = m_depth + 1;
        return;
    }
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
    if (!commit.exec(m_depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + savepointName(m_depth))) {
        const QString message = commit.lastError().text();
        rollback();
        return Error{message};
    }
    m_active = false;
    openTransactions[m_db.connectionName()] = m_depth;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery rollback(m_db);
    if (m_depth == 0) {
        rollback.exec(QStringLiteral("ROLLBACK"));
    } else {
        // ROLLBACK TO keeps the savepoint open; RELEASE closes it, leaving the outer one intact.
        rollback.exec(QStringLiteral("ROLLBACK TO ") + savepointName(m_depth));
        rollback.exec(QStringLiteral("RELEASE ") + savepointName(m_depth));
    }
    m_active = false;
    openTransactions[m_db.connectionName()] = m_depth;
}
