#include "database.h"
#include "migrations.h"
#include "transaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

namespace {

using JournalMode = PlanDatabase::JournalMode;

PlanDatabase::Options optionsWith(JournalMode mode, int busyTimeoutMs = 5000)
{
    PlanDatabase::Options options;
    options.journalMode = mode;
    options.busyTimeoutMs = busyTimeoutMs;
    return options;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QStringList listing(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                  QDir::Name);
}

QVariant queryValue(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return QVariant(QStringLiteral("error: %1").arg(query.lastError().text()));
    return query.value(0);
}

bool exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        qInfo("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

// A plain SQLite connection that is not a plan: stands for another program or another user.
class RawConnection
{
public:
    explicit RawConnection(const QString &path, const QString &options = {})
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_open = false;
};

// A plan file closed again, with one portfolio row in it.
void makePlanFile(const QString &path, JournalMode mode = JournalMode::Wal, const QString &portfolio = QStringLiteral("Older Adults"))
{
    auto plan = PlanDatabase::create(path, optionsWith(mode));
    QVERIFY2(plan, qPrintable(plan.error()));
    QSqlQuery insert(plan.value()->connection());
    insert.prepare(QStringLiteral("INSERT INTO portfolio(name, grp) VALUES (?, 'core_objectives')"));
    insert.addBindValue(portfolio);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
}

QList<Migrations::Migration> builtInPlus(const QStringList &statements)
{
    QList<Migrations::Migration> migrations = Migrations::all();
    migrations.append({int(migrations.size()) + 1, QStringLiteral("test_upgrade"), statements});
    return migrations;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    // Opening must be refused with a message naming the file and the problem, leaving the
    // file byte-identical, nothing new beside it and no connection behind.
    void expectRefusedUnchanged(const QString &path, const QString &problem,
                                const PlanDatabase::Options &options = PlanDatabase::Options{});

private slots:
    void init();

    void createsPlanAtLatestVersion();
    void createRefusesExistingFile();
    void createRefusesLeftoverWriteAheadLog();
    void configuresConnectionPragmas_data();
    void configuresConnectionPragmas();
    void usesRequestedJournalMode_data();
    void usesRequestedJournalMode();
    void switchesWalPlanToRollbackJournal();
    void usesWalOnLocalDisk();
    void detectsNetworkFileSystemTypes_data();
    void detectsNetworkFileSystemTypes();
    void treatsUncPathAsNetworkShare_data();
    void treatsUncPathAsNetworkShare();

    void rejectsMissingFile();
    void rejectsEmptyFile();
    void rejectsFolder();
    void rejectsFileThatIsNotSQLite_data();
    void rejectsFileThatIsNotSQLite();
    void rejectsDatabaseOfAnotherApplication_data();
    void rejectsDatabaseOfAnotherApplication();
    void rejectsPlanFromNewerVersion_data();
    void rejectsPlanFromNewerVersion();
    void rejectsReadOnlyFile();
    void rejectsPlanInReadOnlyFolder();
    void rejectsDamagedPlan();

    void reopeningUpToDatePlanChangesNothing();
    void backsUpOlderPlanBeforeUpgrading();
    void writesNothingWhenBackupFails_data();
    void writesNothingWhenBackupFails();
    void failedUpgradeLeavesPlanAtOldVersion();
    void opensPlanWithoutSchemaYet();

    void saveCopyAsRefusesExistingTarget();
    void saveCopyAsWritesPlanWithSameRows_data();
    void saveCopyAsWritesPlanWithSameRows();

    void writeTransactionWaitsForOtherWriterThenFails_data();
    void writeTransactionWaitsForOtherWriterThenFails();
    void writeTransactionRollsBackOnDestruction();
    void writeTransactionCommitIsVisibleToOthers();

    void eachPlanHasItsOwnConnection();
    void closingWalPlanLeavesNoSideFiles();
};

void TestDatabase::init()
{
    // Any Qt warning fails the test: "connection is still in use", "Error closing database"…
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

void TestDatabase::expectRefusedUnchanged(const QString &path, const QString &problem,
                                          const PlanDatabase::Options &options)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QStringList filesBefore = listing(folder);
    const QByteArray bytesBefore = fileBytes(path);
    const QStringList connectionsBefore = QSqlDatabase::connectionNames();

    const auto plan = PlanDatabase::open(path, options);
    QVERIFY2(!plan, "the file was opened as a plan");
    QVERIFY2(plan.error().contains(QDir::toNativeSeparators(path)), qPrintable(plan.error()));
    QVERIFY2(plan.error().contains(problem, Qt::CaseInsensitive), qPrintable(plan.error()));

    QCOMPARE(fileBytes(path), bytesBefore);
    QCOMPARE(listing(folder), filesBefore);
    QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);
}

void TestDatabase::createsPlanAtLatestVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    auto plan = PlanDatabase::create(path);
    QVERIFY2(plan, qPrintable(plan.error()));
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(plan.value()->path(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(plan.value()->schemaVersion(), PlanDatabase::latestSchemaVersion());
    QVERIFY(PlanDatabase::latestSchemaVersion() >= 1);
    QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("PRAGMA application_id")).toInt(),
             PlanDatabase::applicationId);
    QVERIFY(plan.value()->backupPath().isEmpty());
}

void TestDatabase::createRefusesExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    writeFile(path, "keep me");
    const auto plan = PlanDatabase::create(path);
    QVERIFY(!plan);
    QVERIFY2(plan.error().contains(QDir::toNativeSeparators(path)), qPrintable(plan.error()));
    QVERIFY2(plan.error().contains(QStringLiteral("already exists")), qPrintable(plan.error()));
    QCOMPARE(fileBytes(path), QByteArray("keep me"));
    QCOMPARE(listing(dir.path()), QStringList{QStringLiteral("notes.sqlite")});
}

void TestDatabase::createRefusesLeftoverWriteAheadLog()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    writeFile(path + QStringLiteral("-wal"), "stale log of a deleted plan");
    const auto plan = PlanDatabase::create(path);
    QVERIFY(!plan);
    QVERIFY2(plan.error().contains(QStringLiteral("leftover")), qPrintable(plan.error()));
    QCOMPARE(listing(dir.path()), QStringList{QStringLiteral("plan.sqlite-wal")});
}

void TestDatabase::configuresConnectionPragmas_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("busyTimeoutMs");
    QTest::newRow("new WAL plan") << "create-wal" << 1234;
    QTest::newRow("new rollback plan") << "create-rollback" << 2345;
    QTest::newRow("reopened plan") << "open" << 3456;
    QTest::newRow("in memory") << "memory" << 5000;
}

void TestDatabase::configuresConnectionPragmas()
{
    QFETCH(QString, kind);
    QFETCH(int, busyTimeoutMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    std::unique_ptr<PlanDatabase> plan;
    if (kind == QLatin1String("memory")) {
        auto created = PlanDatabase::createInMemory();
        QVERIFY2(created, qPrintable(created.error()));
        plan = std::move(created.value());
    } else if (kind == QLatin1String("open")) {
        makePlanFile(path);
        auto opened = PlanDatabase::open(path, optionsWith(JournalMode::Wal, busyTimeoutMs));
        QVERIFY2(opened, qPrintable(opened.error()));
        plan = std::move(opened.value());
    } else {
        const JournalMode mode = kind.endsWith(QLatin1String("wal")) ? JournalMode::Wal : JournalMode::Rollback;
        auto created = PlanDatabase::create(path, optionsWith(mode, busyTimeoutMs));
        QVERIFY2(created, qPrintable(created.error()));
        plan = std::move(created.value());
    }
    const QSqlDatabase db = plan->connection();
    QCOMPARE(queryValue(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(queryValue(db, QStringLiteral("PRAGMA trusted_schema")).toInt(), 0);
    QCOMPARE(queryValue(db, QStringLiteral("PRAGMA busy_timeout")).toInt(), busyTimeoutMs);
    QCOMPARE(queryValue(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
}

void TestDatabase::usesRequestedJournalMode_data()
{
    QTest::addColumn<JournalMode>("mode");
    QTest::addColumn<QString>("pragma");
    QTest::newRow("WAL") << JournalMode::Wal << "wal";
    QTest::newRow("rollback journal") << JournalMode::Rollback << "delete";
}

void TestDatabase::usesRequestedJournalMode()
{
    QFETCH(JournalMode, mode);
    QFETCH(QString, pragma);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    {
        auto plan = PlanDatabase::create(path, optionsWith(mode));
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan.value()->journalMode(), mode);
        QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("PRAGMA journal_mode")).toString(), pragma);
        QVERIFY(exec(plan.value()->connection(),
                     QStringLiteral("INSERT INTO place(name) VALUES ('Havering'), ('Newham')")));
    }
    auto plan = PlanDatabase::open(path, optionsWith(mode));
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("PRAGMA journal_mode")).toString(), pragma);
    QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("SELECT group_concat(name, ',') FROM place")).toString(),
             QStringLiteral("Havering,Newham"));
    QVERIFY(exec(plan.value()->connection(), QStringLiteral("UPDATE place SET notes = 'edited'")));
    QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("SELECT count(*) FROM place WHERE notes = 'edited'")).toInt(), 2);
}

void TestDatabase::switchesWalPlanToRollbackJournal()
{
    // A plan made on a local disk and later moved to a network share.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    makePlanFile(path, JournalMode::Wal);
    {
        auto plan = PlanDatabase::open(path, optionsWith(JournalMode::Rollback));
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("delete"));
        QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("SELECT name FROM portfolio")).toString(),
                 QStringLiteral("Older Adults"));
        QVERIFY(exec(plan.value()->connection(), QStringLiteral("INSERT INTO place(name) VALUES ('Redbridge')")));
        QCOMPARE(listing(dir.path()), QStringList{QStringLiteral("plan.sqlite")});
    }
    QCOMPARE(listing(dir.path()), QStringList{QStringLiteral("plan.sqlite")});
}

void TestDatabase::usesWalOnLocalDisk()
{
    QTemporaryDir dir;
    if (PlanDatabase::isOnNetworkShare(dir.path()))
        QSKIP("the temporary folder is on a network file system here");
    auto plan = PlanDatabase::create(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(plan.value()->journalMode(), JournalMode::Wal);
    QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestDatabase::detectsNetworkFileSystemTypes_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("network");
    for (const char *type : {"nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p", "NFS4", "smbfs"})
        QTest::newRow(type) << QByteArray(type) << true;
    for (const char *type : {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "ntfs", "apfs", "vfat", "fuseblk", ""})
        QTest::newRow(*type ? type : "empty") << QByteArray(type) << false;
}

void TestDatabase::detectsNetworkFileSystemTypes()
{
    QFETCH(QByteArray, type);
    QFETCH(bool, network);
    QCOMPARE(PlanDatabase::isNetworkFileSystemType(type), network);
}

void TestDatabase::treatsUncPathAsNetworkShare_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("forward slashes") << "//server/share/plan.sqlite";
    QTest::newRow("backslashes") << "\\\\server\\share\\plan.sqlite";
}

void TestDatabase::treatsUncPathAsNetworkShare()
{
    QFETCH(QString, path);
    QVERIFY(PlanDatabase::isOnNetworkShare(path));
}

void TestDatabase::rejectsMissingFile()
{
    QTemporaryDir dir;
    expectRefusedUnchanged(dir.filePath(QStringLiteral("missing.sqlite")), QStringLiteral("does not exist"));
    QVERIFY(listing(dir.path()).isEmpty());
}

void TestDatabase::rejectsEmptyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    writeFile(path, {});
    expectRefusedUnchanged(path, QStringLiteral("empty"));
    QCOMPARE(QFileInfo(path).size(), 0);
}

void TestDatabase::rejectsFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("plan.sqlite")));
    expectRefusedUnchanged(path, QStringLiteral("folder"));
    QVERIFY(listing(path).isEmpty());
}

void TestDatabase::rejectsFileThatIsNotSQLite_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("CSV renamed") << fileBytes(QStringLiteral(CIPLANNER_DEMO_DIR "/nel-places.csv"));
    QTest::newRow("short text") << QByteArray("plan\n");
    QTest::newRow("header only") << QByteArray("SQLite format 3");
    QTest::newRow("binary") << QByteArray(4096, '\xff');
}

void TestDatabase::rejectsFileThatIsNotSQLite()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!bytes.isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("places.sqlite"));
    writeFile(path, bytes);
    expectRefusedUnchanged(path, QStringLiteral("not an SQLite database"));
}

void TestDatabase::rejectsDatabaseOfAnotherApplication_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("tables, no ids") << QStringList{QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)"),
                                                   QStringLiteral("INSERT INTO notes(text) VALUES ('hello')")};
    QTest::newRow("tables in WAL mode") << QStringList{QStringLiteral("PRAGMA journal_mode = wal"),
                                                       QStringLiteral("CREATE TABLE notes(text TEXT)"),
                                                       QStringLiteral("INSERT INTO notes VALUES ('hello')")};
    QTest::newRow("other application id") << QStringList{QStringLiteral("PRAGMA application_id = 1179407430"),
                                                         QStringLiteral("CREATE TABLE t(x)")};
    QTest::newRow("other application id, no tables") << QStringList{QStringLiteral("PRAGMA application_id = 42")};
    QTest::newRow("user_version without application id")
        << QStringList{QStringLiteral("PRAGMA user_version = 1"), QStringLiteral("CREATE TABLE portfolio(x)")};
}

void TestDatabase::rejectsDatabaseOfAnotherApplication()
{
    QFETCH(QStringList, statements);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        RawConnection other(path);
        QVERIFY(other.isOpen());
        for (const QString &statement : statements)
            QVERIFY(exec(other.db(), statement));
    }
    QCOMPARE(listing(dir.path()), QStringList{QStringLiteral("other.sqlite")});
    expectRefusedUnchanged(path, QStringLiteral("another application"));
}

void TestDatabase::rejectsPlanFromNewerVersion_data()
{
    QTest::addColumn<bool>("throughSQLite");
    QTest::newRow("set by another connection") << true;
    QTest::newRow("header bytes") << false;
}

void TestDatabase::rejectsPlanFromNewerVersion()
{
    QFETCH(bool, throughSQLite);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    makePlanFile(path);
    const int newer = PlanDatabase::latestSchemaVersion() + 7;
    if (throughSQLite) {
        RawConnection other(path);
        QVERIFY(exec(other.db(), QStringLiteral("PRAGMA user_version = %1").arg(newer)));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(60));
        char bytes[4];
        qToBigEndian<qint32>(newer, bytes);
        QCOMPARE(file.write(bytes, 4), 4);
    }
    QCOMPARE(listing(dir.path()), QStringList{QStringLiteral("future.sqlite")});
    expectRefusedUnchanged(path, QStringLiteral("newer version"));
    const auto plan = PlanDatabase::open(path);
    QVERIFY(plan.error().contains(QString::number(newer)));
}

void TestDatabase::rejectsReadOnlyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.sqlite"));
    makePlanFile(path);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup | QFile::ReadOther));
    expectRefusedUnchanged(path, QStringLiteral("read-only"));
}

void TestDatabase::rejectsPlanInReadOnlyFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("shared")));
    const QString path = folder + QStringLiteral("/plan.sqlite");
    makePlanFile(path);
    const auto writable = QFile::permissions(folder);
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser
                                              | QFile::ReadGroup | QFile::ExeGroup));
    expectRefusedUnchanged(path, QStringLiteral("folder is read-only"));
    QVERIFY(QFile::setPermissions(folder, writable)); // so the temporary folder can be removed
}

void TestDatabase::rejectsDamagedPlan()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    makePlanFile(path, JournalMode::Rollback);
    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.size() > 4096);
    // Keep the 100-byte header (a plan at a known version) and wreck the rest of page 1,
    // where the schema starts.
    for (qsizetype i = 100; i < 4096; ++i)
        bytes[i] = char(0xA5);
    writeFile(path, bytes);
    expectRefusedUnchanged(path, QStringLiteral("damaged"));
}

void TestDatabase::reopeningUpToDatePlanChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    makePlanFile(path);
    const auto schema = [&] {
        RawConnection raw(path); // read-only, it could not clean up the WAL files when it closes
        QSqlQuery query(raw.db());
        QStringList rows;
        if (query.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY name"))) {
            while (query.next())
                rows << query.value(0).toString() + u'|' + query.value(1).toString() + u'|' + query.value(2).toString();
        }
        return rows;
    };
    const QStringList schemaBefore = schema();
    QVERIFY(!schemaBefore.isEmpty());
    const QStringList filesBefore = listing(dir.path());
    {
        auto plan = PlanDatabase::open(path);
        QVERIFY2(plan, qPrintable(plan.error()));
        QVERIFY(plan.value()->backupPath().isEmpty());
        QCOMPARE(plan.value()->schemaVersion(), PlanDatabase::latestSchemaVersion());
    }
    QCOMPARE(listing(dir.path()), filesBefore); // no backup, no side files
    QCOMPARE(schema(), schemaBefore);
}

void TestDatabase::backsUpOlderPlanBeforeUpgrading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nel plan.sqlite"));
    makePlanFile(path, JournalMode::Wal, QStringLiteral("Babies, children and young people"));
    const int oldVersion = PlanDatabase::latestSchemaVersion();

    PlanDatabase::Options options = optionsWith(JournalMode::Wal);
    options.migrations = builtInPlus({QStringLiteral("CREATE TABLE upgrade_marker(x)"),
                                      QStringLiteral("DELETE FROM portfolio")});
    QString backup;
    {
        auto plan = PlanDatabase::open(path, options);
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan.value()->schemaVersion(), oldVersion + 1);
        backup = plan.value()->backupPath();
        QVERIFY(!backup.isEmpty());
        QCOMPARE(QFileInfo(backup).absolutePath(), QFileInfo(path).absolutePath());
        QVERIFY2(QFileInfo(backup).fileName().startsWith(QStringLiteral("nel plan.v%1-backup-").arg(oldVersion)),
                 qPrintable(backup));
        QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("SELECT count(*) FROM portfolio")).toInt(), 0);
    }
    QCOMPARE(listing(dir.path()), QStringList({QStringLiteral("nel plan.sqlite"), QFileInfo(backup).fileName()}));

    RawConnection copy(backup, QStringLiteral("QSQLITE_OPEN_READONLY"));
    QVERIFY(copy.isOpen());
    QCOMPARE(queryValue(copy.db(), QStringLiteral("PRAGMA user_version")).toInt(), oldVersion);
    QCOMPARE(queryValue(copy.db(), QStringLiteral("PRAGMA application_id")).toInt(), PlanDatabase::applicationId);
    QCOMPARE(queryValue(copy.db(), QStringLiteral("SELECT name FROM portfolio")).toString(),
             QStringLiteral("Babies, children and young people"));
    QCOMPARE(queryValue(copy.db(), QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'upgrade_marker'")).toInt(), 0);
}

void TestDatabase::writesNothingWhenBackupFails_data()
{
    QTest::addColumn<JournalMode>("savedWith");
    QTest::addColumn<JournalMode>("openedWith");
    QTest::addColumn<QByteArray>("headerBytes");
    QTest::newRow("rollback plan opened for WAL") << JournalMode::Rollback << JournalMode::Wal << QByteArray("\x01\x01");
    QTest::newRow("WAL plan opened for rollback") << JournalMode::Wal << JournalMode::Rollback << QByteArray("\x02\x02");
}

void TestDatabase::writesNothingWhenBackupFails()
{
    // A name so long that the backup's longer name cannot exist on the file system: the
    // backup fails, and because it comes first, the plan is untouched — even though this
    // open asks for another journal mode, which would otherwise rewrite the header.
    QFETCH(JournalMode, savedWith);
    QFETCH(JournalMode, openedWith);
    QFETCH(QByteArray, headerBytes);
    QTemporaryDir dir;
    const QString path = dir.filePath(QString(236, u'p') + QStringLiteral(".sqlite"));
    makePlanFile(path, savedWith);
    QCOMPARE(fileBytes(path).mid(18, 2), headerBytes); // the journal mode, in the header

    PlanDatabase::Options options = optionsWith(openedWith);
    options.migrations = builtInPlus({QStringLiteral("CREATE TABLE upgrade_marker(x)")});
    expectRefusedUnchanged(path, QStringLiteral("backup"), options);
    const auto plan = PlanDatabase::open(path, options);
    QVERIFY2(plan.error().contains(QStringLiteral("left unchanged")), qPrintable(plan.error()));
}

void TestDatabase::failedUpgradeLeavesPlanAtOldVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    makePlanFile(path);
    const int oldVersion = PlanDatabase::latestSchemaVersion();
    PlanDatabase::Options options = optionsWith(JournalMode::Wal);
    options.migrations = builtInPlus({QStringLiteral("CREATE TABLE upgrade_marker(x)"),
                                      QStringLiteral("DELETE FROM portfolio"),
                                      QStringLiteral("INSERT INTO no_such_table VALUES (1)")});
    const auto failed = PlanDatabase::open(path, options);
    QVERIFY(!failed);
    QVERIFY2(failed.error().contains(QStringLiteral("left at plan version %1").arg(oldVersion)), qPrintable(failed.error()));
    QVERIFY2(failed.error().contains(QStringLiteral("backup-")), qPrintable(failed.error()));

    auto plan = PlanDatabase::open(path);
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(plan.value()->schemaVersion(), oldVersion);
    QCOMPARE(queryValue(plan.value()->connection(), QStringLiteral("SELECT count(*) FROM portfolio")).toInt(), 1);
    QCOMPARE(queryValue(plan.value()->connection(),
                        QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'upgrade_marker'")).toInt(), 0);
}

void TestDatabase::opensPlanWithoutSchemaYet()
{
    // An SQLite file with nothing in it (a create that was cut short) becomes a plan.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("blank.sqlite"));
    {
        RawConnection raw(path);
        QVERIFY(exec(raw.db(), QStringLiteral("PRAGMA journal_mode = wal"))); // writes page 1
    }
    QVERIFY(fileBytes(path).startsWith("SQLite format 3"));
    auto plan = PlanDatabase::open(path, optionsWith(JournalMode::Wal));
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(plan.value()->schemaVersion(), PlanDatabase::latestSchemaVersion());
    QVERIFY(plan.value()->backupPath().isEmpty());
}

void TestDatabase::saveCopyAsRefusesExistingTarget()
{
    QTemporaryDir dir;
    auto plan = PlanDatabase::create(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY2(plan, qPrintable(plan.error()));
    const QString target = dir.filePath(QStringLiteral("copy.sqlite"));
    writeFile(target, "somebody's work");
    const auto saved = plan.value()->saveCopyAs(target);
    QVERIFY(!saved);
    QVERIFY2(saved.error().contains(QDir::toNativeSeparators(target)), qPrintable(saved.error()));
    QVERIFY2(saved.error().contains(QStringLiteral("already exists")), qPrintable(saved.error()));
    QCOMPARE(fileBytes(target), QByteArray("somebody's work"));
}

void TestDatabase::saveCopyAsWritesPlanWithSameRows_data()
{
    QTest::addColumn<bool>("inMemory");
    QTest::newRow("plan file") << false;
    QTest::newRow("in-memory plan") << true;
}

void TestDatabase::saveCopyAsWritesPlanWithSameRows()
{
    QFETCH(bool, inMemory);
    QTemporaryDir dir;
    auto plan = inMemory ? PlanDatabase::createInMemory() : PlanDatabase::create(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY2(plan, qPrintable(plan.error()));
    const QSqlDatabase db = plan.value()->connection();
    QVERIFY(exec(db, QStringLiteral("INSERT INTO portfolio(id, name, grp) VALUES (1, 'Mental health', 'core_objectives')")));
    QVERIFY(exec(db, QStringLiteral("INSERT INTO intention(portfolio_id, title, timeframe_raw) VALUES (1, 'Crisis line', '2026/27')")));
    QVERIFY(exec(db, QStringLiteral("INSERT INTO place(name) VALUES ('Tower Hamlets')")));
    const QString target = dir.filePath(QStringLiteral("copy.sqlite"));
    const auto saved = plan.value()->saveCopyAs(target);
    QVERIFY2(saved, qPrintable(saved.error()));
    // A change after the copy is not in it.
    QVERIFY(exec(db, QStringLiteral("INSERT INTO place(name) VALUES ('Waltham Forest')")));

    auto copy = PlanDatabase::open(target);
    QVERIFY2(copy, qPrintable(copy.error()));
    QCOMPARE(copy.value()->schemaVersion(), PlanDatabase::latestSchemaVersion());
    QVERIFY(copy.value()->backupPath().isEmpty());
    const QSqlDatabase copied = copy.value()->connection();
    QCOMPARE(queryValue(copied, QStringLiteral("SELECT title FROM intention")).toString(), QStringLiteral("Crisis line"));
    QCOMPARE(queryValue(copied, QStringLiteral("SELECT group_concat(name) FROM place")).toString(), QStringLiteral("Tower Hamlets"));
    QCOMPARE(queryValue(copied, QStringLiteral("SELECT name FROM portfolio WHERE id = 1")).toString(), QStringLiteral("Mental health"));
}

void TestDatabase::writeTransactionWaitsForOtherWriterThenFails_data()
{
    QTest::addColumn<JournalMode>("mode");
    QTest::newRow("WAL") << JournalMode::Wal;
    QTest::newRow("rollback journal") << JournalMode::Rollback;
}

void TestDatabase::writeTransactionWaitsForOtherWriterThenFails()
{
    QFETCH(JournalMode, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    makePlanFile(path, mode);
    constexpr int timeoutMs = 300;
    auto mine = PlanDatabase::open(path, optionsWith(mode, timeoutMs));
    QVERIFY2(mine, qPrintable(mine.error()));
    auto theirs = PlanDatabase::open(path, optionsWith(mode, timeoutMs));
    QVERIFY2(theirs, qPrintable(theirs.error()));

    {
        WriteTransaction holding(theirs.value()->connection());
        QVERIFY2(holding.isActive(), qPrintable(holding.error()));
        QVERIFY(exec(theirs.value()->connection(), QStringLiteral("INSERT INTO place(name) VALUES ('City & Hackney')")));

        QElapsedTimer timer;
        timer.start();
        WriteTransaction waiting(mine.value()->connection());
        const qint64 waited = timer.elapsed();
        QVERIFY(!waiting.isActive());
        QVERIFY2(waiting.error().contains(QStringLiteral("being changed by someone else")), qPrintable(waiting.error()));
        QVERIFY2(waited >= timeoutMs * 8 / 10, qPrintable(QString::number(waited))); // waited, not failed at once
        QVERIFY(!waiting.commit());
        QVERIFY(holding.commit());
    }
    WriteTransaction later(mine.value()->connection());
    QVERIFY2(later.isActive(), qPrintable(later.error()));
    QVERIFY(later.commit());
    QCOMPARE(queryValue(mine.value()->connection(), QStringLiteral("SELECT count(*) FROM place")).toInt(), 1);
}

void TestDatabase::writeTransactionRollsBackOnDestruction()
{
    auto plan = PlanDatabase::createInMemory();
    QVERIFY2(plan, qPrintable(plan.error()));
    const QSqlDatabase db = plan.value()->connection();
    {
        WriteTransaction transaction(db);
        QVERIFY(transaction.isActive());
        QVERIFY(exec(db, QStringLiteral("INSERT INTO place(name) VALUES ('Barking & Dagenham')")));
        QCOMPARE(queryValue(db, QStringLiteral("SELECT count(*) FROM place")).toInt(), 1);
    }
    QCOMPARE(queryValue(db, QStringLiteral("SELECT count(*) FROM place")).toInt(), 0);
    WriteTransaction next(db); // the connection is out of the transaction again
    QVERIFY2(next.isActive(), qPrintable(next.error()));
}

void TestDatabase::writeTransactionCommitIsVisibleToOthers()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    makePlanFile(path);
    auto mine = PlanDatabase::open(path);
    auto theirs = PlanDatabase::open(path);
    QVERIFY(mine && theirs);
    {
        WriteTransaction transaction(mine.value()->connection());
        QVERIFY(transaction.isActive());
        QVERIFY(exec(mine.value()->connection(), QStringLiteral("INSERT INTO place(name) VALUES ('Redbridge')")));
        QCOMPARE(queryValue(theirs.value()->connection(), QStringLiteral("SELECT count(*) FROM place")).toInt(), 0);
        QVERIFY(transaction.commit());
    }
    QCOMPARE(queryValue(theirs.value()->connection(), QStringLiteral("SELECT count(*) FROM place")).toInt(), 1);
}

void TestDatabase::eachPlanHasItsOwnConnection()
{
    const QStringList before = QSqlDatabase::connectionNames();
    QString firstName;
    QString secondName;
    {
        auto first = PlanDatabase::createInMemory();
        auto second = PlanDatabase::createInMemory();
        QVERIFY(first && second);
        firstName = first.value()->connectionName();
        secondName = second.value()->connectionName();
        QVERIFY(firstName != secondName);
        QVERIFY(!firstName.isEmpty() && firstName != QLatin1String(QSqlDatabase::defaultConnection));
        QVERIFY(QSqlDatabase::connectionNames().contains(firstName));
        QVERIFY(QSqlDatabase::connectionNames().contains(secondName));
        QVERIFY(exec(first.value()->connection(), QStringLiteral("INSERT INTO place(name) VALUES ('Newham')")));
        QCOMPARE(queryValue(second.value()->connection(), QStringLiteral("SELECT count(*) FROM place")).toInt(), 0);
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void TestDatabase::closingWalPlanLeavesNoSideFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    {
        auto plan = PlanDatabase::create(path, optionsWith(JournalMode::Wal));
        QVERIFY2(plan, qPrintable(plan.error()));
        QVERIFY(exec(plan.value()->connection(), QStringLiteral("INSERT INTO place(name) VALUES ('Havering')")));
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal"))); // WAL really in use
        QVERIFY(plan.value()->saveCopyAs(dir.filePath(QStringLiteral("copy.sqlite"))));
        auto second = PlanDatabase::open(path, optionsWith(JournalMode::Wal));
        QVERIFY2(second, qPrintable(second.error()));
    }
    QCOMPARE(listing(dir.path()), QStringList({QStringLiteral("copy.sqlite"), QStringLiteral("plan.sqlite")}));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
