#pragma once

#include "result.h"

#include <QSqlDatabase>

// A write transaction that starts with BEGIN IMMEDIATE, so the write lock is taken up front
// and a busy plan fails at the start (after the connection's busy timeout), not at COMMIT
// (Qt's transaction() issues a deferred BEGIN). Rolls back in the destructor unless commit()
// succeeded. Every QSqlQuery used inside should be finished or destroyed before commit().
//
// Transactions nest: one started while another is active on the same connection becomes a
// SAVEPOINT, so a user action made of several store calls (a paste, a bulk edit, an import)
// is still one transaction, and each store call inside it can roll back on its own.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; } // why BEGIN failed, in words for the user
    bool isNested() const { return m_depth > 0; }
    Result<void> commit();
    void rollback();

    // How many write transactions are open on the connection (0: none).
    static int depth(const QSqlDatabase &db);

private:
    QSqlDatabase m_db;
    int m_depth = 0; // 0: the outermost BEGIN IMMEDIATE; n > 0: SAVEPOINT nest_n
    bool m_active = false;
    QString m_error;
};
