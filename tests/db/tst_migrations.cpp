#include "migrations.h"
#include "transaction.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Migrations::Migration;

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

QStringList schemaText(QSqlDatabase db)
{
    QSqlQuery query(db);
    QStringList rows;
    if (query.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"))) {
        while (query.next()) {
            rows << QStringList{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                query.value(3).toString()}
                        .join(u'|');
        }
    }
    return rows;
}

int tableCount(QSqlDatabase db)
{
    return queryValue(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")).toInt();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A file-backed SQLite connection for one test; the database is a fresh file in a temporary folder.
class Connection
{
public:
    explicit Connection(const QString &path, int busyTimeoutMs = 5000)
        : m_name(QStringLiteral("migrations-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
        m_open = db.open() && exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    }
    ~Connection()
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

// A parent and a child table that refers to it, with cascading deletes.
const Migration familyTables{1, QStringLiteral("family"),
                             {QStringLiteral("CREATE TABLE parent(id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
                              QStringLiteral("CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                                             "REFERENCES parent(id) ON DELETE CASCADE)")}};

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void builtInMigrationsAreNumberedFromOne();
    void migratesEmptyFileToLatestVersion();
    void rerunningIsNoOp();
    void appliesOnlyMissingMigrations();
    void failingMigrationLeavesPreviousVersion();
    void failingFirstMigrationLeavesEmptyDatabase();
    void refusesDatabaseNewerThanMigrations();
    void refusesMigrationListWithGap_data();
    void refusesMigrationListWithGap();
    void failsWhenAnotherWriterHoldsTheLock();
    void keepsChildRowsWhenParentTableIsRebuilt();
    void refusesMigrationThatBreaksForeignKeys();

    void splitsStatements_data();
    void splitsStatements();
};

void TestMigrations::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

void TestMigrations::builtInMigrationsAreNumberedFromOne()
{
    const QList<Migration> migrations = Migrations::all();
    QVERIFY(!migrations.isEmpty());
    QCOMPARE(Migrations::latestVersion(), migrations.size());
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations.at(i).version, i + 1);
        QVERIFY(!migrations.at(i).statements.isEmpty());
    }
    QCOMPARE(migrations.first().name, QStringLiteral("initial"));
}

void TestMigrations::migratesEmptyFileToLatestVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    QFile empty(path);
    QVERIFY(empty.open(QIODevice::WriteOnly)); // a zero-byte file
    empty.close();
    Connection connection(path);
    QVERIFY(connection.isOpen());
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 0);

    const auto migrated = Migrations::migrate(connection.db());
    QVERIFY2(migrated, qPrintable(migrated.error()));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), Migrations::latestVersion());
    QCOMPARE(queryValue(connection.db(), QStringLiteral("PRAGMA application_id")).toInt(), 1128878128);
    QVERIFY(tableCount(connection.db()) >= 19);
    // foreign_keys is switched off only while migrating.
    QCOMPARE(queryValue(connection.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestMigrations::rerunningIsNoOp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    Connection connection(path);
    QVERIFY(Migrations::migrate(connection.db()));
    const QStringList schemaBefore = schemaText(connection.db());
    const QByteArray bytesBefore = fileBytes(path);
    QVERIFY(!schemaBefore.isEmpty());

    const auto again = Migrations::migrate(connection.db());
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(schemaText(connection.db()), schemaBefore);
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), Migrations::latestVersion());
    QCOMPARE(fileBytes(path), bytesBefore); // not even the change counter moved
}

void TestMigrations::appliesOnlyMissingMigrations()
{
    QTemporaryDir dir;
    Connection connection(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY(Migrations::migrate(connection.db(), {familyTables}));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 1);
    // Running migration 1 again would fail: its tables exist.
    const QList<Migration> three{familyTables,
                                 {2, QStringLiteral("second"), {QStringLiteral("CREATE TABLE second(x)")}},
                                 {3, QStringLiteral("third"), {QStringLiteral("ALTER TABLE second ADD COLUMN y")}}};
    const auto migrated = Migrations::migrate(connection.db(), three);
    QVERIFY2(migrated, qPrintable(migrated.error()));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 3);
    QCOMPARE(queryValue(connection.db(), QStringLiteral("SELECT count(*) FROM pragma_table_info('second')")).toInt(), 2);
}

void TestMigrations::failingMigrationLeavesPreviousVersion()
{
    QTemporaryDir dir;
    Connection connection(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY(Migrations::migrate(connection.db(), {familyTables}));
    QVERIFY(exec(connection.db(), QStringLiteral("INSERT INTO parent(id, name) VALUES (1, 'kept')")));
    const QStringList schemaBefore = schemaText(connection.db());

    const QList<Migration> migrations{familyTables,
                                      {2, QStringLiteral("half_done"),
                                       {QStringLiteral("CREATE TABLE added(x)"),
                                        QStringLiteral("UPDATE parent SET name = 'changed'"),
                                        QStringLiteral("INSERT INTO no_such_table VALUES (1)"),
                                        QStringLiteral("CREATE TABLE never(x)")}}};
    const auto migrated = Migrations::migrate(connection.db(), migrations);
    QVERIFY(!migrated);
    QVERIFY2(migrated.error().contains(QStringLiteral("migration 2 (half_done)")), qPrintable(migrated.error()));
    QVERIFY2(migrated.error().contains(QStringLiteral("no_such_table")), qPrintable(migrated.error()));

    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 1);
    QCOMPARE(schemaText(connection.db()), schemaBefore);
    QCOMPARE(queryValue(connection.db(), QStringLiteral("SELECT name FROM parent")).toString(), QStringLiteral("kept"));
    // Not left inside a transaction either.
    WriteTransaction next(connection.db());
    QVERIFY2(next.isActive(), qPrintable(next.error()));
}

void TestMigrations::failingFirstMigrationLeavesEmptyDatabase()
{
    QTemporaryDir dir;
    Connection connection(dir.filePath(QStringLiteral("plan.sqlite")));
    const QList<Migration> migrations{{1, QStringLiteral("broken"),
                                       {QStringLiteral("CREATE TABLE first(x)"), QStringLiteral("NOT SQL AT ALL")}}};
    QVERIFY(!Migrations::migrate(connection.db(), migrations));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 0);
    QCOMPARE(tableCount(connection.db()), 0);
}

void TestMigrations::refusesDatabaseNewerThanMigrations()
{
    QTemporaryDir dir;
    Connection connection(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY(exec(connection.db(), QStringLiteral("PRAGMA user_version = 5")));
    const auto migrated = Migrations::migrate(connection.db(), {familyTables});
    QVERIFY(!migrated);
    QVERIFY2(migrated.error().contains(QStringLiteral("newer")), qPrintable(migrated.error()));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 5);
    QCOMPARE(tableCount(connection.db()), 0);
}

void TestMigrations::refusesMigrationListWithGap_data()
{
    QTest::addColumn<QList<int>>("versions");
    QTest::newRow("gap") << QList<int>{1, 3};
    QTest::newRow("not from one") << QList<int>{2, 3};
    QTest::newRow("repeated") << QList<int>{1, 1};
    QTest::newRow("out of order") << QList<int>{2, 1};
}

void TestMigrations::refusesMigrationListWithGap()
{
    QFETCH(QList<int>, versions);
    QList<Migration> migrations;
    for (int version : versions)
        migrations.append({version, QStringLiteral("m%1").arg(version), {QStringLiteral("CREATE TABLE t%1(x)").arg(migrations.size())}});
    QTemporaryDir dir;
    Connection connection(dir.filePath(QStringLiteral("plan.sqlite")));
    const auto migrated = Migrations::migrate(connection.db(), migrations);
    QVERIFY(!migrated);
    QVERIFY2(migrated.error().contains(QStringLiteral("out of order")), qPrintable(migrated.error()));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 0);
    QCOMPARE(tableCount(connection.db()), 0);
}

void TestMigrations::failsWhenAnotherWriterHoldsTheLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    Connection other(path);
    QVERIFY(exec(other.db(), QStringLiteral("PRAGMA journal_mode = wal")));
    Connection mine(path, 200);
    WriteTransaction holding(other.db());
    QVERIFY(holding.isActive());

    const auto migrated = Migrations::migrate(mine.db(), {familyTables});
    QVERIFY(!migrated);
    QVERIFY2(migrated.error().contains(QStringLiteral("could not start migration 1")), qPrintable(migrated.error()));
    holding.rollback();
    QCOMPARE(Migrations::currentVersion(mine.db()).valueOr(-1), 0);
    QCOMPARE(tableCount(mine.db()), 0);
}

void TestMigrations::keepsChildRowsWhenParentTableIsRebuilt()
{
    // SQLite's twelve-step table rebuild: with foreign keys on, DROP TABLE parent would
    // cascade-delete every child row.
    QTemporaryDir dir;
    Connection connection(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY(Migrations::migrate(connection.db(), {familyTables}));
    QVERIFY(exec(connection.db(), QStringLiteral("INSERT INTO parent(id, name) VALUES (1, 'Havering')")));
    QVERIFY(exec(connection.db(), QStringLiteral("INSERT INTO child(parent_id) VALUES (1), (1)")));
    QCOMPARE(queryValue(connection.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);

    const QList<Migration> migrations{
        familyTables,
        {2, QStringLiteral("rebuild_parent"),
         {QStringLiteral("CREATE TABLE parent_new(id INTEGER PRIMARY KEY, name TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("INSERT INTO parent_new(id, name) SELECT id, name FROM parent"),
          QStringLiteral("DROP TABLE parent"),
          QStringLiteral("ALTER TABLE parent_new RENAME TO parent")}}};
    const auto migrated = Migrations::migrate(connection.db(), migrations);
    QVERIFY2(migrated, qPrintable(migrated.error()));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 2);
    QCOMPARE(queryValue(connection.db(), QStringLiteral("SELECT count(*) FROM child")).toInt(), 2);
    QCOMPARE(queryValue(connection.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    // The child's foreign key now points at the rebuilt table and is enforced again.
    QVERIFY(!exec(connection.db(), QStringLiteral("INSERT INTO child(parent_id) VALUES (99)")));
}

void TestMigrations::refusesMigrationThatBreaksForeignKeys()
{
    QTemporaryDir dir;
    Connection connection(dir.filePath(QStringLiteral("plan.sqlite")));
    QVERIFY(Migrations::migrate(connection.db(), {familyTables}));
    const QList<Migration> migrations{familyTables,
                                      {2, QStringLiteral("orphan"),
                                       {QStringLiteral("INSERT INTO child(parent_id) VALUES (42)")}}};
    const auto migrated = Migrations::migrate(connection.db(), migrations);
    QVERIFY(!migrated);
    QVERIFY2(migrated.error().contains(QStringLiteral("child")) && migrated.error().contains(QStringLiteral("parent")),
             qPrintable(migrated.error()));
    QCOMPARE(Migrations::currentVersion(connection.db()).valueOr(-1), 1);
    QCOMPARE(queryValue(connection.db(), QStringLiteral("SELECT count(*) FROM child")).toInt(), 0);
    QCOMPARE(queryValue(connection.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestMigrations::splitsStatements_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("two") << "CREATE TABLE a(x);\nCREATE TABLE b(y);"
                         << QStringList{"CREATE TABLE a(x)", "CREATE TABLE b(y)"};
    QTest::newRow("no final semicolon") << "SELECT 1; SELECT 2" << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("semicolon in string") << "INSERT INTO t VALUES ('a;b', 'it''s; fine');"
                                         << QStringList{"INSERT INTO t VALUES ('a;b', 'it''s; fine')"};
    QTest::newRow("semicolon in identifiers") << "CREATE TABLE \"a;b\"([c;d], `e;f`);"
                                              << QStringList{"CREATE TABLE \"a;b\"([c;d], `e;f`)"};
    QTest::newRow("comments") << "-- heading; with semicolon\nSELECT 1; /* block; comment */ SELECT 2;"
                              << QStringList{"SELECT 1", "SELECT 2"};
    QTest::newRow("empty statements") << ";;\n;SELECT 1;;" << QStringList{"SELECT 1"};
    QTest::newRow("trigger body")
        << "CREATE TRIGGER t AFTER UPDATE ON a BEGIN\n  UPDATE b SET y = 1;\n  UPDATE b SET y = CASE WHEN 1 THEN 2 END;\nEND;\nSELECT 1;"
        << QStringList{"CREATE TRIGGER t AFTER UPDATE ON a BEGIN\n  UPDATE b SET y = 1;\n  UPDATE b SET y = CASE WHEN 1 "
                       "THEN 2 END;\nEND",
                       "SELECT 1"};
    QTest::newRow("temporary trigger")
        << "create temp trigger t after insert on a begin delete from b; end; select 1"
        << QStringList{"create temp trigger t after insert on a begin delete from b; end", "select 1"};
}

void TestMigrations::splitsStatements()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, statements);
    QCOMPARE(Migrations::splitStatements(sql), statements);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
