#include "migrations.h"

#include "transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Migrations {

namespace {

// Inside CREATE TRIGGER … BEGIN … END the body's own semicolons do not end the statement;
// like sqlite3_complete(), only "; END ;" does.
bool isUnfinishedTrigger(const QString &statement)
{
    static const QRegularExpression trigger(QStringLiteral("^CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression end(QStringLiteral(";\\s*END\\s*$"), QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = statement.trimmed();
    return trigger.match(trimmed).hasMatch() && !end.match(trimmed).hasMatch();
}

Result<void> validate(const QList<Migration> &migrations)
{
    // Versions must run 1, 2, 3… with no gap, or the plan's version would be ambiguous.
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations.at(i).version != i + 1) {
            return Error{QStringLiteral("the schema migrations are out of order: migration %1 is numbered %2")
                             .arg(i + 1)
                             .arg(migrations.at(i).version)};
        }
    }
    return {};
}

Result<int> pragmaValue(QSqlDatabase db, const QString &pragma)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA %1").arg(pragma)) || !query.next())
        return Error{query.lastError().text()};
    return query.value(0).toInt();
}

Result<void> exec(QSqlDatabase db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return Error{query.lastError().text()};
    return {};
}

Result<void> apply(QSqlDatabase db, const Migration &migration)
{
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return Error{QStringLiteral("could not start migration %1: %2").arg(migration.version).arg(transaction.error())};
    // Read the version inside the write lock: another process may have migrated meanwhile.
    const auto version = currentVersion(db);
    if (!version)
        return Error{version.error()};
    if (version.value() >= migration.version)
        return {};
    const auto failed = [&](const QString &problem) {
        return Error{QStringLiteral("migration %1 (%2) failed: %3").arg(migration.version).arg(migration.name, problem)};
    };
    {
        QSqlQuery query(db);
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement))
                return failed(query.lastError().text());
        }
        if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
            return failed(query.lastError().text());
        if (query.next()) {
            return failed(QStringLiteral("it left a row in %1 that refers to a missing row of %2")
                              .arg(query.value(0).toString(), query.value(2).toString()));
        }
        // PRAGMA takes no bound values; the version is an integer from the migration list.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
            return failed(query.lastError().text());
    }
    if (auto committed = transaction.commit(); !committed)
        return failed(committed.error());
    return {};
}

} // namespace

QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    enum class State { Code, SingleQuote, DoubleQuote, Bracket, Backtick, LineComment, BlockComment };
    State state = State::Code;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < sql.size() ? sql.at(i + 1) : QChar();
        switch (state) {
        case State::Code:
            if (c == u'\'') {
                state = State::SingleQuote;
            } else if (c == u'"') {
                state = State::DoubleQuote;
            } else if (c == u'[') {
                state = State::Bracket;
            } else if (c == u'`') {
                state = State::Backtick;
            } else if (c == u'-' && next == u'-') {
                state = State::LineComment;
                ++i;
                continue;
            } else if (c == u'/' && next == u'*') {
                state = State::BlockComment;
                ++i;
                current.append(u' '); // a comment separates tokens
                continue;
            } else if (c == u';') {
                if (isUnfinishedTrigger(current))
                    break; // keep the semicolon: it belongs to the trigger body
                if (!current.trimmed().isEmpty())
                    statements.append(current.trimmed());
                current.clear();
                continue;
            }
            break;
        case State::SingleQuote:
            if (c == u'\'')
                state = State::Code;
            break;
        case State::DoubleQuote:
            if (c == u'"')
                state = State::Code;
            break;
        case State::Bracket:
            if (c == u']')
                state = State::Code;
            break;
        case State::Backtick:
            if (c == u'`')
                state = State::Code;
            break;
        case State::LineComment:
            if (c == u'\n') {
                state = State::Code;
                current.append(u'\n');
            }
            continue;
        case State::BlockComment:
            if (c == u'*' && next == u'/') {
                state = State::Code;
                ++i;
            }
            continue;
        }
        current.append(c);
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

QList<Migration> all()
{
    static const QList<Migration> migrations = [] {
        QList<Migration> list;
        static const QRegularExpression name(QStringLiteral("^(\\d{4})_(.+)\\.sql$"));
        const QDir dir(QStringLiteral(":/db/migrations"));
        for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
            const auto match = name.match(file);
            if (!match.hasMatch())
                continue;
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            list.append({match.captured(1).toInt(), match.captured(2),
                         splitStatements(QString::fromUtf8(f.readAll()))});
        }
        Q_ASSERT(validate(list).isOk());
        return list;
    }();
    return migrations;
}

int latestVersion()
{
    return int(all().size());
}

Result<int> currentVersion(QSqlDatabase db)
{
    return pragmaValue(db, QStringLiteral("user_version"));
}

Result<void> migrate(QSqlDatabase db)
{
    return migrate(db, all());
}

Result<void> migrate(QSqlDatabase db, const QList<Migration> &migrations)
{
    if (auto valid = validate(migrations); !valid)
        return valid;
    const int latest = int(migrations.size());
    // Read without taking the write lock: opening an up-to-date plan must not wait for,
    // or block, somebody else who is changing it.
    const auto version = currentVersion(db);
    if (!version)
        return Error{version.error()};
    if (version.value() > latest) {
        return Error{QStringLiteral("the plan is at version %1, newer than this planner's %2")
                         .arg(version.value())
                         .arg(latest)};
    }
    if (version.value() == latest)
        return {};

    // foreign_keys cannot change inside a transaction, so it is switched off around them all.
    const auto foreignKeys = pragmaValue(db, QStringLiteral("foreign_keys"));
    if (!foreignKeys)
        return Error{foreignKeys.error()};
    if (auto off = exec(db, QStringLiteral("PRAGMA foreign_keys = OFF")); !off)
        return off;
    Result<void> result;
    for (const Migration &migration : migrations) {
        if (migration.version <= version.value())
            continue;
        result = apply(db, migration);
        if (!result)
            break;
    }
    if (auto restored = exec(db, QStringLiteral("PRAGMA foreign_keys = %1").arg(foreignKeys.value())); !restored && result)
        result = restored;
    return result;
}

} // namespace Migrations
