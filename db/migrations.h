#pragma once

#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// Numbered schema migrations, stored as db/migrations/NNNN_name.sql resources. Migration N
// takes a plan from user_version N-1 to N, in one BEGIN IMMEDIATE transaction that also sets
// PRAGMA user_version, so a plan is always at exactly one known version and a migration that
// fails leaves nothing of itself behind.
//
// Foreign keys are switched off while migrations run and checked (PRAGMA foreign_key_check)
// before each one commits: that is SQLite's procedure for rebuilding a table, which would
// otherwise cascade-delete the rows that refer to the table being rebuilt.
namespace Migrations {

struct Migration
{
    int version = 0;
    QString name;
    QStringList statements;
};

// The built-in migrations, in order.
QList<Migration> all();
int latestVersion();

// Splits SQL text into statements at semicolons outside quotes, comments and trigger bodies.
QStringList splitStatements(const QString &sql);

Result<int> currentVersion(QSqlDatabase db);
// Applies every built-in migration above the current version; a no-op at the latest version.
Result<void> migrate(QSqlDatabase db);
// The same with a list of one's own; versions must run 1, 2, 3… with no gap. Refuses a
// database whose version is above the last migration of the list.
Result<void> migrate(QSqlDatabase db, const QList<Migration> &migrations);

} // namespace Migrations
