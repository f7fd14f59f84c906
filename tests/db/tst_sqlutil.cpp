// The storage helpers: how values are written, and how SQLite's errors are put to people.
#include "repositoryfixture.h"
#include "sqlutil.h"

#include <QSqlError>
#include <QTest>

using namespace SqlUtil;

class TestSqlUtil : public QObject
{
    Q_OBJECT

private slots:
    void plainProblemExplainsConstraintFailures_data();
    void plainProblemExplainsConstraintFailures();
    void plainProblemReadsRealSqliteMessages_data();
    void plainProblemReadsRealSqliteMessages();
    void cannotNamesTheRecord();
    void unsetValuesAreStoredAsNull();
    void textIsNeverStoredAsNull();
    void datesAndTimestampsRoundTrip();
    void numbersReadBackExactly();
    void linkListsAreSortedSets();
    void selectFinishesItsQuery();
};

void TestSqlUtil::plainProblemExplainsConstraintFailures_data()
{
    QTest::addColumn<QString>("databaseText");
    QTest::addColumn<bool>("deleting");
    QTest::addColumn<QString>("problem");
    QTest::newRow("unique name") << "UNIQUE constraint failed: portfolio.name" << false
                                 << "another portfolio already has this name";
    QTest::newRow("unique area")
        << "UNIQUE constraint failed: programme_area.portfolio_id, programme_area.name" << false
        << "the portfolio already has a programme area with this name";
    QTest::newRow("not null") << "NOT NULL constraint failed: intention.title" << false
                              << "the title is missing";
    QTest::newRow("empty title") << "CHECK constraint failed: length(trim(title)) > 0" << false
                                 << "the title is empty";
    QTest::newRow("dates")
        << "CHECK constraint failed: tf_start IS NULL OR tf_end IS NULL OR tf_start <= tf_end"
        << false << "the timeframe ends before it starts";
    QTest::newRow("negative")
        << "CHECK constraint failed: investment_gbp IS NULL OR investment_gbp >= 0" << false
        << "the investment (£) cannot be negative";
    QTest::newRow("range") << "CHECK constraint failed: notice_period_months BETWEEN 1 AND 60"
                           << false << "the notice period (months) must be between 1 and 60";
    QTest::newRow("enum") << "CHECK constraint failed: status IN ('proposed', 'agreed')" << false
                          << "the status is not one of the allowed values";
    QTest::newRow("foreign key on save")
        << "FOREIGN KEY constraint failed" << false << "a record it refers to does not exist";
    QTest::newRow("foreign key on delete")
        << "FOREIGN KEY constraint failed" << true << "other records still refer to it";
    QTest::newRow("busy") << "database is locked" << false
                          << "someone else is using this plan right now; try again in a moment";
    QTest::newRow("read-only") << "attempt to write a readonly database" << false
                               << "the plan file is read-only";
    QTest::newRow("unknown") << "something odd" << false << "something odd";
}

void TestSqlUtil::plainProblemExplainsConstraintFailures()
{
    QFETCH(QString, databaseText);
    QFETCH(bool, deleting);
    QFETCH(QString, problem);
    QCOMPARE(plainProblem(databaseText, deleting ? Action::Delete : Action::Save), problem);
}

// The statements break the schema's own constraints, so the texts are SQLite's real ones.
void TestSqlUtil::plainProblemReadsRealSqliteMessages_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("problem");
    QTest::newRow("unique") << "INSERT INTO place (name) VALUES ('Newham')"
                            << "another place already has this name";
    QTest::newRow("empty name") << "INSERT INTO place (name) VALUES ('  ')"
                                << "the name is empty";
    QTest::newRow("not null") << "INSERT INTO place (name) VALUES (NULL)"
                              << "the name is missing";
    QTest::newRow("foreign key") << "INSERT INTO intention (portfolio_id, title) VALUES (999, 'x')"
                                 << "a record it refers to does not exist";
    QTest::newRow("contract dates") << "INSERT INTO contract (provider_id, title, start_date, "
                                       "end_date) VALUES (1, 'x', '2026-04-01', '2025-04-01')"
                                    << "the end date is before the start date";
    QTest::newRow("bad date")
        << "INSERT INTO contract (provider_id, title, start_date) VALUES (1, 'x', '2026-13-01')"
        << "the start date is not a valid date";
    QTest::newRow("colour")
        << "INSERT INTO portfolio (name, grp, colour) VALUES ('P', 'core_objectives', 'red')"
        << "the colour must be written #RRGGBB (for example #4472C4)";
    QTest::newRow("group") << "INSERT INTO portfolio (name, grp) VALUES ('P', 'nonsense')"
                           << "the group is not one of the allowed values";
}

void TestSqlUtil::plainProblemReadsRealSqliteMessages()
{
    QFETCH(QString, statement);
    QFETCH(QString, problem);
    Fixture::Plan plan = Fixture::inMemoryPlan();
    QSqlQuery setup(plan.db());
    QVERIFY(setup.exec(QStringLiteral("INSERT INTO place (name) VALUES ('Newham')")));
    QVERIFY(setup.exec(QStringLiteral("INSERT INTO provider (name) VALUES ('Barts')")));
    QSqlQuery query(plan.db());
    QVERIFY(!query.exec(statement));
    QCOMPARE(plainProblem(query.lastError().databaseText(), Action::Save), problem);
    setup.finish();
    query.finish();
    plan.close();
}

void TestSqlUtil::cannotNamesTheRecord()
{
    QCOMPARE(cannot(Action::Save, QStringLiteral("the intention"), QStringLiteral("X"),
                    QStringLiteral("the portfolio does not exist"))
                 .message,
             QStringLiteral("Cannot save the intention “X”: the portfolio does not exist."));
    QCOMPARE(cannot(Action::Delete, QStringLiteral("the place"), QString(),
                    QStringLiteral("it is in use."))
                 .message,
             QStringLiteral("Cannot delete the place: it is in use."));
}

void TestSqlUtil::unsetValuesAreStoredAsNull()
{
    QVERIFY(date(QDate()).isNull());
    QVERIFY(optionalId(0).isNull());
    QCOMPARE(optionalId(5).toLongLong(), 5);
    QVERIFY(optional(std::optional<double>()).isNull());
    QVERIFY(optional(std::optional<int>()).isNull());
    QCOMPARE(toId(QVariant()), Id(0));
    QCOMPARE(toOptionalDouble(QVariant()), std::optional<double>());
    QCOMPARE(toOptionalDouble(QVariant(0.0)), std::optional<double>(0.0));
}

void TestSqlUtil::textIsNeverStoredAsNull()
{
    const QVariant stored = text(QString());
    QVERIFY(!stored.toString().isNull());
    QCOMPARE(stored.toString(), QString(QLatin1String("")));
    QCOMPARE(text(QStringLiteral("x")).toString(), QStringLiteral("x"));
}

void TestSqlUtil::datesAndTimestampsRoundTrip()
{
    QCOMPARE(date(QDate(2026, 4, 1)).toString(), QStringLiteral("2026-04-01"));
    QCOMPARE(toDate(QStringLiteral("2026-04-01")), QDate(2026, 4, 1));
    const QDateTime moment(QDate(2025, 9, 30), QTime(23, 30, 5), Qt::UTC);
    QCOMPARE(timestamp(moment), QStringLiteral("2025-09-30T23:30:05Z"));
    QCOMPARE(toDateTime(timestamp(moment)), moment);
    QCOMPARE(timestamp(QDateTime(QDate(2025, 9, 30), QTime(12, 0), Qt::OffsetFromUTC, 3600)),
             QStringLiteral("2025-09-30T11:00:00Z"));
}

void TestSqlUtil::numbersReadBackExactly()
{
    QCOMPARE(number(1500000.0), QStringLiteral("1500000"));
    QCOMPARE(number(0.1), QStringLiteral("0.1"));
    QCOMPARE(number(1250000.5).toDouble(), 1250000.5);
}

void TestSqlUtil::linkListsAreSortedSets()
{
    QCOMPARE(normalisedIds({5, 1, 5, 3}), (QList<Id> {1, 3, 5}));
    QCOMPARE(idsText({1, 3, 5}), QStringLiteral("1,3,5"));
    QCOMPARE(idsText({}), QString());
}

void TestSqlUtil::selectFinishesItsQuery()
{
    Fixture::Plan plan = Fixture::inMemoryPlan();
    int rows = 0;
    auto selected
        = select(plan.db(), QStringLiteral("SELECT name FROM sqlite_schema WHERE type = ?"),
                 {QStringLiteral("table")}, [&](const QSqlQuery &) { ++rows; });
    REQUIRE_OK(selected);
    QVERIFY(rows > 10);
    const auto failed = select(plan.db(), QStringLiteral("SELECT missing FROM nowhere"), {},
                               [](const QSqlQuery &) {});
    QVERIFY(!failed);
    QVERIFY2(failed.error().contains(u"nowhere"), qPrintable(failed.error()));
    // A write transaction can begin at once: no statement of the select is still running.
    QSqlQuery begin(plan.db());
    QVERIFY(begin.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(begin.exec(QStringLiteral("ROLLBACK")));
    begin.finish();
    plan.close();
}

QTEST_GUILESS_MAIN(TestSqlUtil)
#include "tst_sqlutil.moc"
