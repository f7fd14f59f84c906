#include "database.h"

#include "migrations.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUuid>
#include <QtEndian>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace {

QString newConnectionName()
{
    return QStringLiteral("plan-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

// What the first 100 bytes of a SQLite file say, read without opening it through SQLite so
// that nothing (not even a -journal or -shm file) can be written beside a file we refuse.
struct HeaderInfo
{
    bool isSQLite = false;
    qint32 userVersion = 0;
    qint32 applicationId = 0;
};

HeaderInfo readHeader(QFile &file)
{
    HeaderInfo info;
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return info;
    info.isSQLite = true;
    info.userVersion = qFromBigEndian<qint32>(header.constData() + 60);
    info.applicationId = qFromBigEndian<qint32>(header.constData() + 68);
    return info;
}

Error fileError(const QString &path, const QString &problem)
{
    return Error{QStringLiteral("Cannot open the plan “%1”: %2").arg(QDir::toNativeSeparators(path), problem)};
}

} // namespace

PlanDatabase::PlanDatabase(QSqlDatabase db, QString connectionName, QString path)
    : m_db(std::move(db))
    , m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{
}

PlanDatabase::~PlanDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

int PlanDatabase::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

int PlanDatabase::schemaVersion() const
{
    return Migrations::currentVersion(m_db).valueOr(-1);
}

bool PlanDatabase::isNetworkFileSystemType(const QByteArray &type)
{
    const QByteArray t = type.toLower();
    static const QByteArrayList network{"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs",
                                        "9p", "afs", "ceph", "glusterfs", "lustre", "gpfs",
                                        "ncpfs", "davfs", "fuse.sshfs", "sshfs", "fuse.smbnetfs",
                                        "fuse.davfs2", "webdav"};
    return network.contains(t) || t.startsWith("nfs") || t.startsWith("smb") || t.startsWith("fuse.sshfs");
}

bool PlanDatabase::isOnNetworkShare(const QString &path)
{
    const QString native = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (native.startsWith(QLatin1String("\\\\")) || path.startsWith(QLatin1String("//")))
        return true; // a UNC path: \\server\share\plan.sqlite
#ifdef Q_OS_WIN
    const std::wstring root = native.left(3).toStdWString();
    if (GetDriveTypeW(root.c_str()) == DRIVE_REMOTE)
        return true;
#endif
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    return storage.isValid() && isNetworkFileSystemType(storage.fileSystemType());
}

Result<std::unique_ptr<PlanDatabase>> PlanDatabase::open(const QString &path, const Options &options)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(path, QStringLiteral("the file does not exist."));
    if (!info.isFile())
        return fileError(path, QStringLiteral("it is a folder, not a plan file."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, QStringLiteral("the file cannot be read (%1).").arg(file.errorString()));
    if (file.size() == 0)
        return fileError(path, QStringLiteral("the file is empty; it is not a plan."));
    const HeaderInfo header = readHeader(file);
    file.close();
    if (!header.isSQLite)
        return fileError(path, QStringLiteral("it is not a plan file (not an SQLite database)."));
    if (header.applicationId != applicationId && !(header.applicationId == 0 && header.userVersion == 0))
        return fileError(path, QStringLiteral("it is an SQLite database of another application, not a plan."));
    if (header.userVersion > latestSchemaVersion()) {
        return fileError(path, QStringLiteral("it was saved by a newer version of the planner (plan version %1; "
                                              "this planner reads up to version %2). Update the planner to open it.")
                                   .arg(header.userVersion)
                                   .arg(latestSchemaVersion()));
    }
    if (!info.isWritable())
        return fileError(path, QStringLiteral("the file is read-only. Ask for write access, or open a copy of it."));
    if (!QFileInfo(info.absolutePath()).isWritable())
        return fileError(path, QStringLiteral("its folder is read-only, so changes could not be saved safely."));

    const QString name = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(info.absoluteFilePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    std::unique_ptr<PlanDatabase> plan(new PlanDatabase(db, name, info.absoluteFilePath()));
    if (!plan->m_db.open())
        return fileError(path, plan->m_db.lastError().text());

    // An SQLite file with tables but without our application id is somebody else's database.
    if (header.userVersion == 0) {
        QSqlQuery query(plan->m_db);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !query.next())
            return fileError(path, sqlError(query));
        if (query.value(0).toInt() > 0)
            return fileError(path, QStringLiteral("it is an SQLite database of another application, not a plan."));
    }
    if (auto configured = plan->configure(options); !configured)
        return fileError(path, configured.error());
    if (auto migrated = plan->migrate(header.userVersion > 0); !migrated)
        return fileError(path, migrated.error());
    return plan;
}

Result<std::unique_ptr<PlanDatabase>> PlanDatabase::create(const QString &path, const Options &options)
{
    const QFileInfo info(path);
    if (info.exists())
        return Error{QStringLiteral("Cannot create the plan “%1”: a file of that name already exists.")
                         .arg(QDir::toNativeSeparators(path))};
    if (!QFileInfo(info.absolutePath()).isDir())
        return Error{QStringLiteral("Cannot create the plan “%1”: the folder does not exist.")
                         .arg(QDir::toNativeSeparators(path))};
    const QString name = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(info.absoluteFilePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    std::unique_ptr<PlanDatabase> plan(new PlanDatabase(db, name, info.absoluteFilePath()));
    if (!plan->m_db.open())
        return Error{QStringLiteral("Cannot create the plan “%1”: %2")
                         .arg(QDir::toNativeSeparators(path), plan->m_db.lastError().text())};
    if (auto configured = plan->configure(options); !configured)
        return Error{configured.error()};
    if (auto migrated = plan->migrate(false); !migrated)
        return Error{migrated.error()};
    return plan;
}

Result<std::unique_ptr<PlanDatabase>> PlanDatabase::createInMemory()
{
    const QString name = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(QStringLiteral(":memory:"));
    std::unique_ptr<PlanDatabase> plan(new PlanDatabase(db, name, QStringLiteral(":memory:")));
    if (!plan->m_db.open())
        return Error{plan->m_db.lastError().text()};
    Options options;
    options.journalMode = JournalMode::Rollback;
    if (auto configured = plan->configure(options); !configured)
        return Error{configured.error()};
    if (auto migrated = plan->migrate(false); !migrated)
        return Error{migrated.error()};
    return plan;
}

Result<void> PlanDatabase::configure(const Options &options)
{
    m_journalMode = options.journalMode.value_or(
        m_path != QLatin1String(":memory:") && isOnNetworkShare(m_path) ? JournalMode::Rollback
                                                                           : JournalMode::Wal);
    QSqlQuery query(m_db);
    const QStringList pragmas{
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA trusted_schema = OFF"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs),
        QStringLiteral("PRAGMA synchronous = FULL"),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return Error{QStringLiteral("%1 failed: %2").arg(pragma, sqlError(query))};
    }
    if (m_path == QLatin1String(":memory:"))
        return {};
    // WAL needs shared memory that network file systems do not provide; use the rollback
    // journal there (SQLite: "WAL does not work over a network filesystem").
    const QString mode = m_journalMode == JournalMode::Wal ? QStringLiteral("wal") : QStringLiteral("delete");
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = %1").arg(mode)) || !query.next())
        return Error{QStringLiteral("setting the journal mode failed: %1").arg(sqlError(query))};
    if (query.value(0).toString().compare(mode, Qt::CaseInsensitive) != 0)
        return Error{QStringLiteral("the journal mode could not be set to %1 (it is %2)")
                         .arg(mode, query.value(0).toString())};
    return {};
}

Result<void> PlanDatabase::migrate(bool backupFirst)
{
    const auto version = Migrations::currentVersion(m_db);
    if (!version)
        return Error{version.error()};
    if (version.value() >= latestSchemaVersion())
        return {};
    if (backupFirst) {
        const QFileInfo info(m_path);
        const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const QString target = info.absoluteDir().filePath(
            QStringLiteral("%1.v%2-backup-%3.sqlite").arg(info.completeBaseName()).arg(version.value()).arg(stamp));
        if (auto copied = saveCopyAs(target); !copied)
            return Error{QStringLiteral("could not write the backup before upgrading the plan: %1").arg(copied.error())};
        m_backupPath = target;
    }
    return Migrations::migrate(m_db);
}

Result<void> PlanDatabase::saveCopyAs(const QString &target)
{
    if (QFileInfo::exists(target))
        return Error{QStringLiteral("“%1” already exists.").arg(QDir::toNativeSeparators(target))};
    if (m_path == QLatin1String(":memory:")) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("VACUUM INTO ?"));
        query.addBindValue(QFileInfo(target).absoluteFilePath());
        if (!query.exec())
            return Error{sqlError(query)};
        return {};
    }
    // Its own connection, through the same SQLite library as the plan's: one copy of SQLite
    // per process, and the copy is a consistent snapshot even while the plan is in use.
    const QString name = newConnectionName();
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result = Error{db.lastError().text()};
        } else {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("VACUUM INTO ?"));
            query.addBindValue(QFileInfo(target).absoluteFilePath());
            if (!query.exec())
                result = Error{sqlError(query)};
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
