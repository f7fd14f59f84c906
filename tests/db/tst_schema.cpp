#include "database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

// The constraints of schema v1 (db/migrations/0001_initial.sql), exercised through SQL as any
// repository would meet them.
class TestSchema : public QObject
{
    Q_OBJECT

private:
    QSqlDatabase db() const { return m_plan->connection(); }
    QString execError(const QString &sql, const QVariant &value = {});
    QVariant queryValue(const QString &sql);

    std::unique_ptr<PlanDatabase> m_plan;

private slots:
    void init();
    void cleanup();

    void planHasApplicationIdAndLatestVersion();
    void everyDomainTableExists_data();
    void everyDomainTableExists();
    void expectedIndexesExist_data();
    void expectedIndexesExist();
    void foreignKeysAreEnforced();
    void checkConstraintsRejectBadValues_data();
    void checkConstraintsRejectBadValues();
    void portfolioWithIntentionsCannotBeDeleted();
    void deletingIntentionRemovesItsMilestonesAndLinks();
    void deletingProgrammeAreaKeepsItsIntentions();
};

void TestSchema::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    auto plan = PlanDatabase::createInMemory();
    QVERIFY2(plan, qPrintable(plan.error()));
    m_plan = std::move(plan.value());
    // Rows the constraint tests refer to.
    QCOMPARE(execError(QStringLiteral("INSERT INTO portfolio(id, name, grp) VALUES (1, 'Urgent care', 'core_objectives')")), QString());
    QCOMPARE(execError(QStringLiteral("INSERT INTO provider(id, name, type) VALUES (1, 'Barts Health', 'acute'), "
                                      "(2, 'NELFT', 'community_mental_health')")), QString());
    QCOMPARE(execError(QStringLiteral("INSERT INTO intention(id, portfolio_id, title) VALUES (100, 1, 'Existing')")), QString());
}

void TestSchema::cleanup()
{
    m_plan.reset();
}

// Empty when the statement succeeded, else the database's message.
QString TestSchema::execError(const QString &sql, const QVariant &value)
{
    QSqlQuery query(db());
    if (!query.prepare(sql))
        return query.lastError().text();
    if (value.isValid())
        query.addBindValue(value);
    return query.exec() ? QString() : query.lastError().databaseText();
}

QVariant TestSchema::queryValue(const QString &sql)
{
    QSqlQuery query(db());
    if (!query.exec(sql) || !query.next())
        return QVariant(QStringLiteral("error: %1").arg(query.lastError().text()));
    return query.value(0);
}

void TestSchema::planHasApplicationIdAndLatestVersion()
{
    QCOMPARE(queryValue(QStringLiteral("PRAGMA application_id")).toInt(), PlanDatabase::applicationId);
    QCOMPARE(queryValue(QStringLiteral("PRAGMA user_version")).toInt(), PlanDatabase::latestSchemaVersion());
}

void TestSchema::everyDomainTableExists_data()
{
    QTest::addColumn<QString>("table");
    for (const char *table : {"plan_settings", "portfolio", "portfolio_benefit", "programme_area", "intention", "milestone",
                              "place", "outcome_domain", "provider", "intention_place", "intention_provider",
                              "intention_outcome_domain", "contract", "contract_notice", "notice_intention",
                              "letter_record", "letter_record_notice", "letter_template", "change_history"})
        QTest::newRow(table) << QString::fromLatin1(table);
}

void TestSchema::everyDomainTableExists()
{
    QFETCH(QString, table);
    QSqlQuery query(db());
    QVERIFY(query.prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?")));
    query.addBindValue(table);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestSchema::expectedIndexesExist_data()
{
    QTest::addColumn<QString>("index");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("firstColumn");
    const QList<std::array<const char *, 3>> indexes{
        {"portfolio_benefit_by_portfolio", "portfolio_benefit", "portfolio_id"},
        {"intention_by_portfolio", "intention", "portfolio_id"},
        {"intention_by_programme_area", "intention", "programme_area_id"},
        {"intention_by_status", "intention", "status"},
        {"intention_by_start", "intention", "tf_start"},
        {"intention_needing_review", "intention", "tf_needs_review"},
        {"milestone_by_intention", "milestone", "intention_id"},
        {"intention_place_by_place", "intention_place", "place_id"},
        {"intention_provider_by_provider", "intention_provider", "provider_id"},
        {"intention_outcome_domain_by_domain", "intention_outcome_domain", "outcome_domain_id"},
        {"contract_by_provider", "contract", "provider_id"},
        {"contract_notice_by_provider", "contract_notice", "provider_id"},
        {"contract_notice_by_contract", "contract_notice", "contract_id"},
        {"contract_notice_by_receiving_provider", "contract_notice", "receiving_provider_id"},
        {"contract_notice_by_status", "contract_notice", "status"},
        {"notice_intention_by_intention", "notice_intention", "intention_id"},
        {"letter_record_by_provider", "letter_record", "provider_id"},
        {"letter_record_notice_by_notice", "letter_record_notice", "notice_id"},
        {"change_history_by_entity", "change_history", "entity"},
    };
    for (const auto &[index, table, column] : indexes)
        QTest::newRow(index) << QString::fromLatin1(index) << QString::fromLatin1(table) << QString::fromLatin1(column);
}

void TestSchema::expectedIndexesExist()
{
    QFETCH(QString, index);
    QFETCH(QString, table);
    QFETCH(QString, firstColumn);
    QSqlQuery query(db());
    QVERIFY(query.prepare(QStringLiteral("SELECT tbl_name FROM sqlite_schema WHERE type = 'index' AND name = ?")));
    query.addBindValue(index);
    QVERIFY(query.exec());
    QVERIFY2(query.next(), qPrintable(index + QStringLiteral(" is missing")));
    QCOMPARE(query.value(0).toString(), table);
    QVERIFY(query.prepare(QStringLiteral("SELECT name FROM pragma_index_info(?) WHERE seqno = 0")));
    query.addBindValue(index);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toString(), firstColumn);
}

void TestSchema::foreignKeysAreEnforced()
{
    const QString insert = QStringLiteral("INSERT INTO intention(portfolio_id, title) VALUES (?, 'Same day access hubs')");
    const QString missing = execError(insert, 999);
    QVERIFY2(missing.contains(QStringLiteral("FOREIGN KEY constraint failed")), qPrintable(missing));
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM intention WHERE title = 'Same day access hubs'")).toInt(), 0);
    QCOMPARE(execError(insert, 1), QString());

    const QString link = execError(QStringLiteral("INSERT INTO intention_place(intention_id, place_id) VALUES (1, ?)"), 77);
    QVERIFY2(link.contains(QStringLiteral("FOREIGN KEY constraint failed")), qPrintable(link));
}

void TestSchema::checkConstraintsRejectBadValues_data()
{
    QTest::addColumn<QString>("sql"); // one placeholder for the value under test
    QTest::addColumn<QVariant>("good");
    QTest::addColumn<QVariant>("bad");

    const QString intentionStatus = QStringLiteral("INSERT INTO intention(portfolio_id, title, status) VALUES (1, 'T', ?)");
    QTest::newRow("intention status") << intentionStatus << QVariant("in_delivery") << QVariant("In delivery");
    QTest::newRow("intention status unknown") << intentionStatus << QVariant("agreed") << QVariant("maybe");
    const QString shift = QStringLiteral("INSERT INTO intention(portfolio_id, title, shift_community) VALUES (1, 'T', ?)");
    QTest::newRow("shift above one") << shift << QVariant(1) << QVariant(2);
    QTest::newRow("shift negative") << QStringLiteral("INSERT INTO intention(portfolio_id, title, shift_digital) VALUES (1, 'T', ?)")
                                    << QVariant(0) << QVariant(-1);
    QTest::newRow("shift as text") << QStringLiteral("INSERT INTO intention(portfolio_id, title, shift_prevention) VALUES (1, 'T', ?)")
                                   << QVariant(1) << QVariant("yes");
    const QString ends = QStringLiteral("INSERT INTO intention(portfolio_id, title, tf_start, tf_end) VALUES (1, 'T', '2026-04-01', ?)");
    QTest::newRow("intention ends before it starts") << ends << QVariant("2027-03-31") << QVariant("2026-03-31");
    QTest::newRow("intention start not a date")
        << QStringLiteral("INSERT INTO intention(portfolio_id, title, tf_start) VALUES (1, 'T', ?)") << QVariant("2026-04-01")
        << QVariant("01/04/2026");
    QTest::newRow("intention impossible date")
        << QStringLiteral("INSERT INTO intention(portfolio_id, title, tf_end) VALUES (1, 'T', ?)") << QVariant("2027-02-28")
        << QVariant("2027-02-30");
    QTest::newRow("intention date with time")
        << QStringLiteral("INSERT INTO intention(portfolio_id, title, tf_start) VALUES (1, 'T', ?)") << QVariant("2026-04-01")
        << QVariant("2026-04-01T00:00:00");
    QTest::newRow("milestone due not a date")
        << QStringLiteral("INSERT INTO milestone(intention_id, title, due_date) VALUES (100, 'M', ?)")
        << QVariant("2026-09-30") << QVariant("September");
    QTest::newRow("notice issue date impossible")
        << QStringLiteral("INSERT INTO contract_notice(provider_id, kind, issue_date) VALUES (1, 'change', ?)")
        << QVariant("2025-09-30") << QVariant("2025-09-31");
    QTest::newRow("settings issue date not a date")
        << QStringLiteral("INSERT INTO plan_settings(planning_year, notice_issue_date) VALUES (2026, ?)")
        << QVariant("2025-09-30") << QVariant("30/09/2025");
    QTest::newRow("intention blank title") << QStringLiteral("INSERT INTO intention(portfolio_id, title) VALUES (1, ?)")
                                           << QVariant("Title") << QVariant("   ");
    QTest::newRow("intention negative investment")
        << QStringLiteral("INSERT INTO intention(portfolio_id, title, investment_gbp) VALUES (1, 'T', ?)") << QVariant(0.0)
        << QVariant(-1.0);

    const QString colour = QStringLiteral("INSERT INTO portfolio(name, grp, colour) VALUES ('Cancer', 'core_objectives', ?)");
    QTest::newRow("colour name") << colour << QVariant("#1a2B3c") << QVariant("red");
    QTest::newRow("colour not hex") << colour << QVariant("#ABCDEF") << QVariant("#12345G");
    QTest::newRow("colour too long") << colour << QVariant("#123456") << QVariant("#1234567");
    QTest::newRow("colour short form") << colour << QVariant("#000000") << QVariant("#FFF");
    QTest::newRow("portfolio group") << QStringLiteral("INSERT INTO portfolio(name, grp) VALUES ('Cancer', ?)")
                                     << QVariant("cross_cutting_theme") << QVariant("Cross-cutting theme");

    QTest::newRow("contract ends before it starts")
        << QStringLiteral("INSERT INTO contract(provider_id, title, start_date, end_date) VALUES (1, 'Acute', '2026-04-01', ?)")
        << QVariant("2026-04-01") << QVariant("2025-03-31");
    QTest::newRow("contract notice period")
        << QStringLiteral("INSERT INTO contract(provider_id, title, notice_period_months) VALUES (1, 'Acute', ?)") << QVariant(12)
        << QVariant(0);
    QTest::newRow("provider type") << QStringLiteral("INSERT INTO provider(name, type) VALUES ('Homerton', ?)")
                                   << QVariant("acute") << QVariant("hospital");

    QTest::newRow("notice status") << QStringLiteral("INSERT INTO contract_notice(provider_id, kind, status) VALUES (1, 'change', ?)")
                                   << QVariant("issued") << QVariant("sent");
    QTest::newRow("notice kind") << QStringLiteral("INSERT INTO contract_notice(provider_id, kind) VALUES (1, ?)")
                                 << QVariant("transfer") << QVariant("cancel");
    QTest::newRow("notice effective before issue")
        << QStringLiteral("INSERT INTO contract_notice(provider_id, kind, issue_date, effective_date) "
                          "VALUES (1, 'reduce', '2025-09-30', ?)")
        << QVariant("2026-04-01") << QVariant("2025-09-01");
    QTest::newRow("transfer to the same provider")
        << QStringLiteral("INSERT INTO contract_notice(provider_id, kind, receiving_provider_id) VALUES (1, 'transfer', ?)")
        << QVariant(2) << QVariant(1);

    QTest::newRow("one settings row") << QStringLiteral("INSERT INTO plan_settings(id, planning_year, notice_issue_date) "
                                                        "VALUES (?, 2026, '2025-09-30')")
                                      << QVariant(1) << QVariant(2);
    QTest::newRow("settings notice period")
        << QStringLiteral("INSERT INTO plan_settings(planning_year, notice_issue_date, notice_period_months) VALUES (2026, '2025-09-30', ?)")
        << QVariant(6) << QVariant(61);
    QTest::newRow("outcome domain kind") << QStringLiteral("INSERT INTO outcome_domain(name, kind) VALUES ('Start well', ?)")
                                         << QVariant("life_course") << QVariant("lifecourse");
    QTest::newRow("letter checksum") << QStringLiteral("INSERT INTO letter_record(provider_id, issued_at, file_name, sha256) "
                                                       "VALUES (1, '2025-09-30T09:00:00Z', 'a.pdf', ?)")
                                     << QVariant(QString(64, u'a')) << QVariant("abc");
    QTest::newRow("history entity") << QStringLiteral("INSERT INTO change_history(entity, entity_id, field) VALUES (?, 1, 'title')")
                                    << QVariant("intention") << QVariant("widget");
}

void TestSchema::checkConstraintsRejectBadValues()
{
    QFETCH(QString, sql);
    QFETCH(QVariant, good);
    QFETCH(QVariant, bad);
    // The good value goes in (and is rolled back), so the bad one fails for its value alone.
    QVERIFY(db().transaction());
    const QString goodError = execError(sql, good);
    QVERIFY(db().rollback());
    QVERIFY2(goodError.isEmpty(), qPrintable(goodError));

    const QString badError = execError(sql, bad);
    QVERIFY2(badError.contains(QStringLiteral("CHECK constraint failed")), qPrintable(badError));
}

void TestSchema::portfolioWithIntentionsCannotBeDeleted()
{
    QCOMPARE(execError(QStringLiteral("INSERT INTO intention(portfolio_id, title) VALUES (1, 'Virtual wards')")), QString());
    const QString error = execError(QStringLiteral("DELETE FROM portfolio WHERE id = 1"));
    QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY constraint failed")), qPrintable(error));
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM portfolio")).toInt(), 1);
}

void TestSchema::deletingIntentionRemovesItsMilestonesAndLinks()
{
    QCOMPARE(execError(QStringLiteral("INSERT INTO intention(id, portfolio_id, title) VALUES (10, 1, 'Virtual wards')")), QString());
    QCOMPARE(execError(QStringLiteral("INSERT INTO place(id, name) VALUES (1, 'Newham')")), QString());
    QCOMPARE(execError(QStringLiteral("INSERT INTO milestone(intention_id, title) VALUES (10, 'Business case')")), QString());
    QCOMPARE(execError(QStringLiteral("INSERT INTO intention_place(intention_id, place_id) VALUES (10, 1)")), QString());
    QCOMPARE(execError(QStringLiteral("INSERT INTO intention_provider(intention_id, provider_id) VALUES (10, 1)")), QString());
    QCOMPARE(execError(QStringLiteral("DELETE FROM intention WHERE id = 10")), QString());
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM milestone")).toInt(), 0);
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM intention_place")).toInt(), 0);
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM intention_provider")).toInt(), 0);
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM place")).toInt(), 1);
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM provider")).toInt(), 2);
}

void TestSchema::deletingProgrammeAreaKeepsItsIntentions()
{
    QCOMPARE(execError(QStringLiteral("INSERT INTO programme_area(id, portfolio_id, name) VALUES (5, 1, 'Same day')")), QString());
    QCOMPARE(execError(QStringLiteral("INSERT INTO intention(portfolio_id, programme_area_id, title) VALUES (1, 5, 'Hubs')")), QString());
    QCOMPARE(execError(QStringLiteral("DELETE FROM programme_area WHERE id = 5")), QString());
    QCOMPARE(queryValue(QStringLiteral("SELECT count(*) FROM intention WHERE programme_area_id IS NULL AND title = 'Hubs'")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
