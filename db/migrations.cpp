#include "migrations.h"

#include "transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Migrations {

QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    enum class State { Code, SingleQuote, DoubleQuote, LineComment, BlockComment } state = State::Code;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < sql.size() ? sql.at(i + 1) : QChar();
        switch (state) {
        case State::Code:
            if (c == u'\'') {
                state = State::SingleQuote;
            } else if (c == u'"') {
                state = State::DoubleQuote;
            } else if (c == u'-' && next == u'-') {
                state = State::LineComment;
                ++i;
                continue;
            } else if (c == u'/' && next == u'*') {
                state = State::BlockComment;
                ++i;
                continue;
            } else if (c == u';') {
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
        // Versions must run 1, 2, 3… with no gap, or the plan's version would be ambiguous.
        for (qsizetype i = 0; i < list.size(); ++i)
            Q_ASSERT(list.at(i).version == i + 1);
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
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return Error{query.lastError().text()};
    return query.value(0).toInt();
}

Result<void> migrate(QSqlDatabase db)
{
    for (const Migration &migration : all()) {
        WriteTransaction transaction(db);
        if (!transaction.isActive())
            return Error{QStringLiteral("could not start migration %1: %2").arg(migration.version).arg(transaction.error())};
        // Read the version inside the write lock: another process may have migrated meanwhile.
        const auto version = currentVersion(db);
        if (!version)
            return Error{version.error()};
        if (version.value() >= migration.version)
            continue;
        QSqlQuery query(db);
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                return Error{QStringLiteral("migration %1 (%2) failed: %3")
                                 .arg(migration.version)
                                 .arg(migration.name, query.lastError().text())};
            }
        }
        // PRAGMA takes no bound values; the version is an integer from our own resource list.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
            return Error{query.lastError().text()};
        if (auto committed = transaction.commit(); !committed)
            return committed;
    }
    return {};
}

} // namespace Migrations
