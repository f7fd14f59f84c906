#include "database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUuid>
#include <QtEndian>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace {

const QString inMemoryPath = QStringLiteral(":memory:");

QString newConnectionName()
{
    return QStringLiteral("plan-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// What the first 100 bytes of an SQLite file say, read without opening it through SQLite so
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
    return Error{QStringLiteral("Cannot open the plan “%1”: %2").arg(native(path), problem)};
}

QString newerVersionProblem(int version, int latestVersion)
{
    return QStringLiteral("it was saved by a newer version of the planner (plan version %1; this planner reads "
                          "up to version %2). Update the planner to open it.")
        .arg(version)
        .arg(latestVersion);
}

// access() says yes to an administrator for any file, so also honour a file or folder that
// nobody has write permission on: the user marked it read-only and means it.
bool isReadOnly(const QFileInfo &info)
{
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return !info.isWritable() || !(info.permissions() & anyWrite);
}

// An SQLite URI that opens the file read-only and "immutable": no locks, no journal, no WAL
// index, so no side file can appear. Only ?, # and % are special in the path of such a URI.
QString immutableUri(const QString &absolutePath)
{
    QString path = QDir::fromNativeSeparators(absolutePath);
    path.replace(u'%', QLatin1String("%25")).replace(u'?', QLatin1String("%3F")).replace(u'#', QLatin1String("%23"));
    if (!path.startsWith(u'/'))
        path.prepend(u'/'); // a Windows drive path: file:///C:/…
    return QStringLiteral("file://%1?mode=ro&immutable=1").arg(path);
}

// Counts the schema objects through an immutable connection: it proves SQLite can read the
// file and tells an empty SQLite file from another application's database.
Result<int> countSchemaObjects(const QString &absolutePath)
{
    const QString name = newConnectionName();
    Result<int> result = Error{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(immutableUri(absolutePath));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (!db.open()) {
            result = Error{db.lastError().text()};
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) && query.next())
                result = query.value(0).toInt();
            else
                result = Error{sqlError(query)};
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// Everything that can be known about a file without writing to it. Returns the plan's schema
// version (0 for an SQLite file without any schema yet), or why it is not a plan we can open.
Result<int> inspect(const QString &path, int latestVersion)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(path, QStringLiteral("the file does not exist."));
    if (info.isDir())
        return fileError(path, QStringLiteral("it is a folder, not a plan file."));
    if (!info.isFile())
        return fileError(path, QStringLiteral("it is not an ordinary file, so it cannot be a plan."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, QStringLiteral("the file cannot be read (%1).").arg(file.errorString()));
    if (file.size() == 0)
        return fileError(path, QStringLiteral("the file is empty, so it is not a plan."));
    const HeaderInfo header = readHeader(file);
    file.close();
    if (!header.isSQLite)
        return fileError(path, QStringLiteral("it is not a plan file (it is not an SQLite database)."));
    const QString otherApplication = QStringLiteral("it is an SQLite database of another application, not a plan.");
    // A plan gets its application id in the same transaction as its first schema version.
    const bool noSchemaYet = header.applicationId == 0 && header.userVersion == 0;
    if (header.applicationId != PlanDatabase::applicationId && !noSchemaYet)
        return fileError(path, otherApplication);
    if (header.userVersion > latestVersion) {
        return fileError(path, newerVersionProblem(header.userVersion, latestVersion));
    }
    if (isReadOnly(info))
        return fileError(path, QStringLiteral("the file is read-only. Ask for write access, or open a copy of it."));
    if (isReadOnly(QFileInfo(info.absolutePath())))
        return fileError(path, QStringLiteral("its folder is read-only, so changes could not be saved safely."));

    const auto objects = countSchemaObjects(info.absoluteFilePath());
    if (!objects)
        return fileError(path, QStringLiteral("the file is damaged (%1).").arg(objects.error()));
    if (noSchemaYet && objects.value() > 0)
        return fileError(path, otherApplication);
    return int(header.userVersion);
}

// A backup name that is free: plan.v1-backup-20260401-093000.sqlite, then …-2.sqlite, …
QString freeBackupPath(const QString &planPath, int version)
{
    const QFileInfo info(planPath);
    const QString stem = QStringLiteral("%1.v%2-backup-%3")
                             .arg(info.completeBaseName())
                             .arg(version)
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QDir dir = info.absoluteDir();
    QString candidate = dir.filePath(stem + QStringLiteral(".sqlite"));
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = dir.filePath(QStringLiteral("%1-%2.sqlite").arg(stem).arg(n));
    return candidate;
}

// VACUUM INTO does not sync the file it writes; a backup or copy must be on disk before the
// caller relies on it (the migration that follows a backup may overwrite the original).
bool syncToDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    if (::fsync(file.handle()) != 0)
        return false;
    // The new directory entry too, so the file itself survives a power cut.
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY);
    if (fd < 0)
        return true; // some file systems cannot open folders; the data is synced
    ::fsync(fd);
    ::close(fd);
    return true;
#endif
}

void removeFileAndSideFiles(const QString &path)
{
    QFile::remove(path);
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

PlanDatabase::PlanDatabase(QSqlDatabase db, QString connectionName, QString path,
                           QList<Migrations::Migration> migrations)
    : m_db(std::move(db))
    , m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_migrations(std::move(migrations))
{
}

PlanDatabase::~PlanDatabase()
{
    // Closing the last connection checkpoints a WAL plan and deletes its -wal and -shm files.
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
    const QByteArray t = type.trimmed().toLower();
    static const QByteArrayList network{"9p", "afs", "ceph", "cifs", "coda", "davfs", "fuse.davfs2",
                                        "fuse.sshfs", "fuse.smbnetfs", "fuse.rclone", "gfs", "gfs2",
                                        "glusterfs", "fuse.glusterfs", "gpfs", "lustre", "ncpfs", "ncp",
                                        "ocfs2", "sshfs", "webdav", "afpfs", "fuse.afpfs"};
    return network.contains(t) || t.startsWith("nfs") || t.startsWith("smb");
}

bool PlanDatabase::isOnNetworkShare(const QString &path)
{
    // A UNC path (\\server\share\plan.sqlite or //server/share/plan.sqlite) is a share
    // wherever it is written, even before the share is mounted.
    if (path.startsWith(QLatin1String("\\\\")) || path.startsWith(QLatin1String("//")))
        return true;
    const QFileInfo info(path);
    if (QDir::toNativeSeparators(info.absoluteFilePath()).startsWith(QLatin1String("\\\\")))
        return true;
#ifdef Q_OS_WIN
    const std::wstring root = QDir::toNativeSeparators(info.absoluteFilePath()).left(3).toStdWString();
    if (GetDriveTypeW(root.c_str()) == DRIVE_REMOTE)
        return true;
#endif
    const QStorageInfo storage(info.absolutePath());
    return storage.isValid() && isNetworkFileSystemType(storage.fileSystemType());
}

std::unique_ptr<PlanDatabase> PlanDatabase::connect(const QString &path, const Options &options)
{
    const QString name = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // No shared cache: every plan has a private page cache and ordinary file locks, so a
    // second writer waits for the busy timeout instead of failing at once with SQLITE_LOCKED.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    std::unique_ptr<PlanDatabase> plan(
        new PlanDatabase(db, name, path, options.migrations.value_or(Migrations::all())));
    plan->m_busyTimeoutMs = options.busyTimeoutMs;
    return plan;
}

Result<std::unique_ptr<PlanDatabase>> PlanDatabase::open(const QString &path, const Options &options)
{
    const int latest = int(options.migrations.value_or(Migrations::all()).size());
    // Inspect first: nothing below runs for a file that is not recognised as a plan.
    if (const auto inspected = inspect(path, latest); !inspected)
        return Error{inspected.error()};

    std::unique_ptr<PlanDatabase> plan = connect(QFileInfo(path).absoluteFilePath(), options);
    if (!plan->m_db.open())
        return fileError(path, plan->m_db.lastError().text());
    if (auto configured = plan->configureConnection(options.busyTimeoutMs); !configured)
        return fileError(path, configured.error());
    // Read the version again through SQLite: a write-ahead log left beside the file may hold
    // a newer one than the header. Reading also makes this connection, not the backup's, the
    // one that owns and finally removes a WAL plan's -wal and -shm files.
    const auto current = Migrations::currentVersion(plan->m_db);
    if (!current)
        return fileError(path, QStringLiteral("the file is damaged (%1).").arg(current.error()));
    const int version = current.value();
    if (version > latest) {
        return fileError(path, newerVersionProblem(version, latest));
    }
    // The backup comes before the first write, the journal mode included, so it is the plan
    // exactly as the older planner left it.
    if (version > 0 && version < latest) {
        if (auto backedUp = plan->backUp(version); !backedUp) {
            return fileError(path, QStringLiteral("a backup could not be written before upgrading it, so it was "
                                                  "left unchanged (%1)")
                                       .arg(backedUp.error()));
        }
    }
    if (auto journal = plan->setJournalMode(options); !journal)
        return fileError(path, journal.error());
    if (auto migrated = plan->migrate(); !migrated) {
        QString problem = QStringLiteral("upgrading it failed, and it was left at plan version %1 (%2)")
                              .arg(Migrations::currentVersion(plan->m_db).valueOr(version))
                              .arg(migrated.error());
        if (!plan->m_backupPath.isEmpty())
            problem += QStringLiteral(". A copy from before the upgrade is in “%1”").arg(native(plan->m_backupPath));
        return fileError(path, problem + u'.');
    }
    return plan;
}

Result<std::unique_ptr<PlanDatabase>> PlanDatabase::create(const QString &path, const Options &options)
{
    const QFileInfo info(path);
    const auto refuse = [&](const QString &problem) {
        return Error{QStringLiteral("Cannot create the plan “%1”: %2").arg(native(path), problem)};
    };
    if (info.exists() || info.isSymLink())
        return refuse(QStringLiteral("a file of that name already exists."));
    if (!QFileInfo(info.absolutePath()).isDir())
        return refuse(QStringLiteral("the folder does not exist."));
    // SQLite would replay a leftover write-ahead log or journal of a deleted file of the same
    // name into the new plan.
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        const QString side = info.absoluteFilePath() + QLatin1String(suffix);
        if (QFileInfo::exists(side))
            return refuse(QStringLiteral("a leftover file “%1” is in the way; remove it first.").arg(native(side)));
    }

    std::unique_ptr<PlanDatabase> plan = connect(info.absoluteFilePath(), options);
    const auto failed = [&](const QString &problem) {
        plan.reset(); // close before removing what was created
        removeFileAndSideFiles(info.absoluteFilePath());
        return refuse(problem);
    };
    if (!plan->m_db.open())
        return failed(plan->m_db.lastError().text());
    if (auto configured = plan->configureConnection(options.busyTimeoutMs); !configured)
        return failed(configured.error());
    if (auto journal = plan->setJournalMode(options); !journal)
        return failed(journal.error());
    if (auto migrated = plan->migrate(); !migrated)
        return failed(migrated.error());
    return plan;
}

Result<std::unique_ptr<PlanDatabase>> PlanDatabase::createInMemory()
{
    Options options;
    options.journalMode = JournalMode::Rollback;
    std::unique_ptr<PlanDatabase> plan = connect(inMemoryPath, options);
    if (!plan->m_db.open())
        return Error{plan->m_db.lastError().text()};
    if (auto configured = plan->configureConnection(options.busyTimeoutMs); !configured)
        return Error{configured.error()};
    if (auto journal = plan->setJournalMode(options); !journal)
        return Error{journal.error()};
    if (auto migrated = plan->migrate(); !migrated)
        return Error{migrated.error()};
    return plan;
}

// Settings of this connection only; none of them writes to the file.
Result<void> PlanDatabase::configureConnection(int busyTimeoutMs)
{
    QSqlQuery query(m_db);
    const QStringList pragmas{
        QStringLiteral("PRAGMA foreign_keys = ON"),
        // Schema-defined functions and views run only with the planner's own privileges.
        QStringLiteral("PRAGMA trusted_schema = OFF"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs),
        // FULL in WAL mode too: a committed change survives a power cut.
        QStringLiteral("PRAGMA synchronous = FULL"),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return Error{QStringLiteral("%1 failed: %2").arg(pragma, sqlError(query))};
    }
    // foreign_keys is silently ignored by an SQLite built without them; the schema relies on them.
    if (!query.exec(QStringLiteral("PRAGMA foreign_keys")) || !query.next() || query.value(0).toInt() != 1)
        return Error{QStringLiteral("this SQLite library cannot enforce foreign keys")};
    return {};
}

Result<void> PlanDatabase::setJournalMode(const Options &options)
{
    if (m_path == inMemoryPath) {
        m_journalMode = JournalMode::Rollback;
        return {};
    }
    m_journalMode = options.journalMode.value_or(isOnNetworkShare(m_path) ? JournalMode::Rollback
                                                                           : JournalMode::Wal);
    // WAL needs shared memory that network file systems do not provide; use the rollback
    // journal there (SQLite: "WAL does not work over a network filesystem").
    const QString mode = m_journalMode == JournalMode::Wal ? QStringLiteral("wal") : QStringLiteral("delete");
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = %1").arg(mode)) || !query.next())
        return Error{QStringLiteral("setting the journal mode failed: %1").arg(sqlError(query))};
    if (query.value(0).toString().compare(mode, Qt::CaseInsensitive) != 0)
        return Error{QStringLiteral("the journal mode could not be set to %1 (it is %2)")
                         .arg(mode, query.value(0).toString())};
    return {};
}

Result<void> PlanDatabase::backUp(int version)
{
    const QString target = freeBackupPath(m_path, version);
    if (auto copied = saveCopyAs(target); !copied)
        return copied;
    m_backupPath = target;
    return {};
}

Result<void> PlanDatabase::migrate()
{
    return Migrations::migrate(m_db, m_migrations);
}

Result<void> PlanDatabase::saveCopyAs(const QString &target)
{
    const QFileInfo info(target);
    const QString absoluteTarget = info.absoluteFilePath();
    const auto refuse = [&](const QString &problem) {
        return Error{QStringLiteral("Cannot save a copy of the plan as “%1”: %2").arg(native(target), problem)};
    };
    if (info.exists() || info.isSymLink())
        return refuse(QStringLiteral("a file of that name already exists."));
    if (!QFileInfo(info.absolutePath()).isDir())
        return refuse(QStringLiteral("the folder does not exist."));

    QString failure;
    if (m_path == inMemoryPath) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("VACUUM INTO ?"));
        query.addBindValue(absoluteTarget);
        if (!query.exec())
            failure = sqlError(query);
    } else {
        // Its own read-only connection, through the same SQLite library as the plan's: the copy
        // is a consistent snapshot of what is committed, even while the plan is in use.
        const QString name = newConnectionName();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
            if (!db.open()) {
                failure = db.lastError().text();
            } else {
                QSqlQuery query(db);
                query.prepare(QStringLiteral("VACUUM INTO ?"));
                query.addBindValue(absoluteTarget);
                if (!query.exec())
                    failure = sqlError(query);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (failure.isEmpty() && !syncToDisk(absoluteTarget))
        failure = QStringLiteral("the copy could not be written to disk");
    if (!failure.isEmpty()) {
        QFile::remove(absoluteTarget); // it did not exist before: a partial copy is worthless
        return refuse(failure);
    }
    return {};
}
