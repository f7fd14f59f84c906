#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

// One open plan file. Owns its own named Qt SQL connection (never the default one).
//
// Opening inspects before it writes: the file must exist, be readable and writable, carry the
// SQLite header and, once it has a schema, the planner's application id and a schema version
// this build knows. Only then is it opened read-write, configured and migrated (after a
// backup copy is written beside it). A refused file is left byte-identical with no side files.
class PlanDatabase
{
public:
    enum class JournalMode { Wal, Rollback };

    struct Options
    {
        // Force the journal mode instead of detecting a network share (tests use this).
        std::optional<JournalMode> journalMode;
        int busyTimeoutMs = 5000;
    };

    // Opens an existing plan file, migrating it to the latest schema if it is older.
    static Result<std::unique_ptr<PlanDatabase>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<PlanDatabase>> open(const QString &path) { return open(path, Options{}); }
    // Creates a new, empty plan file at the latest schema; refuses a path that already exists.
    static Result<std::unique_ptr<PlanDatabase>> create(const QString &path, const Options &options);
    static Result<std::unique_ptr<PlanDatabase>> create(const QString &path) { return create(path, Options{}); }
    // An in-memory plan at the latest schema, for tests and scratch work.
    static Result<std::unique_ptr<PlanDatabase>> createInMemory();

    ~PlanDatabase();
    PlanDatabase(const PlanDatabase &) = delete;
    PlanDatabase &operator=(const PlanDatabase &) = delete;

    QSqlDatabase connection() const { return m_db; }
    QString path() const { return m_path; }
    JournalMode journalMode() const { return m_journalMode; }
    int schemaVersion() const;
    // The copy written before this open migrated the file; empty when no migration ran.
    QString backupPath() const { return m_backupPath; }

    // Writes a consistent copy of the whole plan to target (VACUUM INTO); refuses an existing target.
    Result<void> saveCopyAs(const QString &target);

    static int latestSchemaVersion();
    static constexpr qint32 applicationId = 1128878128; // 'CIP0'

    // True for file-system type names of network shares (nfs, cifs, smb*, fuse.sshfs, 9p…).
    static bool isNetworkFileSystemType(const QByteArray &type);
    // True when path lives on a network share (UNC path or a network file system).
    static bool isOnNetworkShare(const QString &path);

private:
    PlanDatabase(QSqlDatabase db, QString connectionName, QString path);
    Result<void> configure(const Options &options);
    Result<void> migrate(bool backupFirst);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    JournalMode m_journalMode = JournalMode::Rollback;
    QString m_backupPath;
};
