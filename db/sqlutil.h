#pragma once

#include "entities.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

class QSqlQuery;

// Small helpers shared by the repositories: how values are written to and read from the plan's
// columns, running statements so that no read is left open, plain-language error messages,
// and the change-history rows.
namespace SqlUtil {

// --- values as stored ------------------------------------------------------------------------

// Text columns are NOT NULL: a null QString must be written as '' (Qt binds it as NULL).
QVariant text(const QString &value);
// ISO yyyy-MM-dd, NULL when the date is not set.
QVariant date(QDate value);
QDate toDate(const QVariant &value);
// ISO-8601 UTC to the second, the form the schema's own defaults use: 2026-09-30T14:05:00Z.
QString timestamp(const QDateTime &value);
QDateTime toDateTime(const QVariant &value);
QString nowTimestamp();
// Optional foreign keys: an id of 0 is NULL.
QVariant optionalId(Id id);
Id toId(const QVariant &value);
QVariant optional(std::optional<double> value);
QVariant optional(std::optional<int> value);
std::optional<double> toOptionalDouble(const QVariant &value);
std::optional<int> toOptionalInt(const QVariant &value);
// The shortest text that reads back as the same double.
QString number(double value);

// The user named in change history when the caller names nobody: USER, else USERNAME.
QString currentUserName();

// --- messages --------------------------------------------------------------------------------

enum class Action { Read, Save, Delete };

// “name”, the quotation the messages use.
QString quoted(const QString &name);
// "Cannot save the intention “Title”: the portfolio does not exist."
// subject is "the intention" or "intention 12"; name may be empty.
Error cannot(Action action, const QString &subject, const QString &name, const QString &problem);
// Turns an SQLite error text ("UNIQUE constraint failed: portfolio.name", "CHECK constraint
// failed: length(trim(title)) > 0", "database is locked"…) into a problem a person can act on.
QString plainProblem(const QString &databaseText, Action action);

// --- statements ------------------------------------------------------------------------------

// A statement constant with its %1 replaced by one of the file's filter constants ("WHERE id = ?").
// Only constant SQL is composed this way; values are always bound.
QString withFilter(const char *statement, const char *filter);
QString sql(const char *statement); // a statement constant as QString

// Runs a SELECT with bound values, calls onRow for every row, then finishes the query, so the
// read lock is released before this returns (an open read on a shared plan blocks others' saves).
// The error is already a plain problem.
Result<void> select(QSqlDatabase db, const QString &sql, const QVariantList &values,
                    const std::function<void(const QSqlQuery &)> &onRow);
// The first column of the first row, or an invalid QVariant when there is no row.
Result<QVariant> selectValue(QSqlDatabase db, const QString &sql, const QVariantList &values);

struct Written
{
    Id lastInsertId = 0;
    int rowsAffected = 0;
};
// True when the query (one bound value) returns a row.
Result<bool> exists(QSqlDatabase db, const char *sql, const QVariant &value);

// Runs one INSERT/UPDATE/DELETE with bound values. The error is already a plain problem.
Result<Written> write(QSqlDatabase db, const QString &sql, const QVariantList &values,
                      Action action = Action::Save);
// Runs the same statement once for each row of values, prepared once.
Result<void> writeRows(QSqlDatabase db, const QString &sql, const QList<QVariantList> &rows,
                       Action action = Action::Save);

// --- change history --------------------------------------------------------------------------

struct FieldValue
{
    QString field; // the column (or link list) name: "title", "status", "places"…
    QString value; // as stored; a null QString is written as NULL
};
using Fields = QList<FieldValue>;

struct HistoryContext
{
    QSqlDatabase db;
    QString user;
    QString when; // one timestamp for the whole transaction
};

// One row per field whose value differs between before and after (same fields, same order).
Result<void> recordChanges(const HistoryContext &context, const QString &entity, Id id,
                           const Fields &before, const Fields &after);
// One row for an event on the whole record: field "created" or "deleted".
Result<void> recordEvent(const HistoryContext &context, const QString &entity, Id id,
                         const QString &field, const QString &oldValue, const QString &newValue);

// Helpers for building Fields.
QString idText(Id id); // "" for 0
QString idsText(const QList<Id> &ids); // "3,7,12"
QString flagText(bool value); // "1" / "0"
QString optionalText(std::optional<double> value);
QString optionalText(std::optional<int> value);
QString dateText(QDate value); // "" when not set

// Sorted without duplicates: link lists are stored as sets and read back in ascending id order.
QList<Id> normalisedIds(QList<Id> ids);

} // namespace SqlUtil
