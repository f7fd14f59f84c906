#pragma once

#include "migrations.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

// One open plan file. Owns its own uniquely named Qt SQL connection (never the default one),
// removed again when the PlanDatabase is destroyed: copies of connection() and every
// QSqlQuery made on it must be gone by then.
//
// Opening inspects before it writes: the file must exist, be a readable and writable file,
// carry the SQLite header, the planner's application id and a schema version this build
// knows, and be readable by SQLite. All of that is checked from the header bytes and through
// a read-only, lock-free connection, so a refused file is left byte-identical with no side
// files (-wal, -shm, -journal) beside it. Only then is it opened read-write; an older plan is
// copied beside itself before anything writes to it, then configured and migrated.
class PlanDatabase
{
public:
    enum class JournalMode { Wal, Rollback };

    struct Options
    {
        // Force the journal mode instead of detecting a network share (tests use this).
        std::optional<JournalMode> journalMode;
        int busyTimeoutMs = 5000;
        // The schema migrations to apply instead of the built-in ones. Tests use this to
        // simulate an upgrade to a version this build does not have yet.
        std::optional<QList<Migrations::Migration>> migrations;
    };

    // Opens an existing plan file, migrating it to the latest schema if it is older.
    static Result<std::unique_ptr<PlanDatabase>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<PlanDatabase>> open(const QString &path) { return open(path, Options{}); }
    // Creates a new, empty plan file at the latest schema; refuses a path that already exists.
    // A plan that could not be created completely is removed again.
    static Result<std::unique_ptr<PlanDatabase>> create(const QString &path, const Options &options);
    static Result<std::unique_ptr<PlanDatabase>> create(const QString &path) { return create(path, Options{}); }
    // An in-memory plan at the latest schema, for tests and scratch work.
    static Result<std::unique_ptr<PlanDatabase>> createInMemory();

    ~PlanDatabase();
    PlanDatabase(const PlanDatabase &) = delete;
    PlanDatabase &operator=(const PlanDatabase &) = delete;

    QSqlDatabase connection() const { return m_db; }
    QString connectionName() const { return m_connectionName; }
    QString path() const { return m_path; }
    JournalMode journalMode() const { return m_journalMode; }
    int schemaVersion() const;
    // The copy written before this open migrated the file; empty when no migration ran.
    QString backupPath() const { return m_backupPath; }

    // Writes a consistent copy of the committed plan to target (VACUUM INTO, on a connection
    // of its own); refuses an existing target and removes a partly written copy.
    Result<void> saveCopyAs(const QString &target);

    static int latestSchemaVersion();
    static constexpr qint32 applicationId = 1128878128; // 'CIP0'

    // True for file-system type names of network shares (nfs, cifs, smb*, fuse.sshfs, 9p…).
    static bool isNetworkFileSystemType(const QByteArray &type);
    // True when path lives on a network share (UNC path or a network file system).
    static bool isOnNetworkShare(const QString &path);

private:
    PlanDatabase(QSqlDatabase db, QString connectionName, QString path, QList<Migrations::Migration> migrations);
    static std::unique_ptr<PlanDatabase> connect(const QString &path, const Options &options);
    Result<void> configureConnection(int busyTimeoutMs);
    Result<void> setJournalMode(const Options &options);
    Result<void> backUp(int version);
    Result<void> migrate();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QList<Migrations::Migration> m_migrations;
    int m_busyTimeoutMs = 5000;
    JournalMode m_journalMode = JournalMode::Rollback;
    QString m_backupPath;
};
