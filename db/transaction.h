#pragma once

#include "result.h"

#include <QSqlDatabase>

// A write transaction that starts with BEGIN IMMEDIATE, so the write lock is taken up front
// and a busy plan fails at the start, not at COMMIT (Qt's transaction() issues a deferred
// BEGIN). Rolls back in the destructor unless commit() succeeded.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; } // why BEGIN failed
    Result<void> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};
