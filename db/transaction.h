#pragma once

#include "result.h"

#include <QSqlDatabase>

// A write transaction that starts with BEGIN IMMEDIATE, so the write lock is taken up front
// and a busy plan fails at the start (after the connection's busy timeout), not at COMMIT
// (Qt's transaction() issues a deferred BEGIN). Rolls back in the destructor unless commit()
// succeeded. Every QSqlQuery used inside should be finished or destroyed before commit().
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; } // why BEGIN failed, in words for the user
    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};
