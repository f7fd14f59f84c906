#pragma once

#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// Numbered schema migrations, stored as db/migrations/NNNN_name.sql resources. Migration N
// takes a plan from user_version N-1 to N, in one BEGIN IMMEDIATE transaction that also sets
// PRAGMA user_version, so a plan is always at exactly one known version.
namespace Migrations {

struct Migration
{
    int version = 0;
    QString name;
    QStringList statements;
};

QList<Migration> all();
int latestVersion();

// Splits SQL text into statements at semicolons outside quotes and comments.
QStringList splitStatements(const QString &sql);

Result<int> currentVersion(QSqlDatabase db);
// Applies every migration above the current version; a no-op when already at the latest.
Result<void> migrate(QSqlDatabase db);

} // namespace Migrations
