// Intentions: every field and link list through a round trip, rejected writes, change history,
// bulk listing, and no read left open.
#include "repositoryfixture.h"
#include "transaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Fixture;

class TestIntentionRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_plan.close(); }

    void roundTripKeepsEveryFieldAndLink();
    void updatedAtIsSetOnCreateAndUpdate();
    void listLoadsTheLinksOfEveryIntention();
    void listOrdersByPortfolioThenSortOrderThenId();
    void listForPortfolioReturnsOnlyItsIntentions();
    void linkListsComeBackSortedWithoutDuplicates();
    void rejectsInvalidIntention_data();
    void rejectsInvalidIntention();
    void rejectedUpdateLeavesTheIntentionAsItWas();
    void failureAfterTheRowIsWrittenRollsBackTheWholeCreate();
    void failureAfterTheRowIsWrittenRollsBackTheWholeUpdate();
    void updateRecordsOneHistoryRowPerChangedField();
    void updateWithoutChangesRecordsNothing();
    void createAndRemoveAreRecorded();
    void updateOfDeletedIntentionFails();
    void removeOfMissingIntentionFails();
    void removingPlaceUnlinksItFromIntentions();
    void listLeavesNoReadOpenOnASharedPlan();
    void saveWhileAnotherUserIsSavingFailsClearly();

private:
    PlanStores &stores() { return *m_plan.stores; }
    Intention fullIntention() const;

    Plan m_plan;
    Id m_cancer = 0;
    Id m_digital = 0;
    Id m_screening = 0;
    QList<Id> m_places;
    QList<Id> m_providers;
    QList<Id> m_domains;
};

void TestIntentionRepository::init()
{
    m_plan = inMemoryPlan();
    m_cancer = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"), 1)));
    m_digital = idOf(stores().portfolios().create(portfolio(QStringLiteral("Digital"), 2)));
    m_screening
        = idOf(stores().programmeAreas().create({0, m_cancer, QStringLiteral("Screening"), 0}));
    m_places.clear();
    m_providers.clear();
    m_domains.clear();
    for (const char *name : {"Barking & Dagenham", "Newham", "Tower Hamlets"})
        m_places << idOf(stores().places().create({0, QString::fromUtf8(name), {}, 0}));
    for (const char *name : {"Barts Health", "ELFT"})
        m_providers << idOf(stores().providers().create(provider(QString::fromUtf8(name))));
    for (const char *name : {"Starting Strong", "Living Well"})
        m_domains << idOf(stores().outcomeDomains().create(
            {0, QString::fromUtf8(name), OutcomeDomainKind::LifeCourse, 0}));
    QVERIFY(m_cancer > 0 && m_digital > 0 && m_screening > 0);
    QVERIFY(!m_places.contains(0) && !m_providers.contains(0) && !m_domains.contains(0));
}

Intention TestIntentionRepository::fullIntention() const
{
    Intention i;
    i.portfolioId = m_cancer;
    i.programmeAreaId = m_screening;
    i.title = QStringLiteral("Expand lung health checks");
    i.text = QStringLiteral("Targeted lung health checks for people aged 55–74, “with care”.");
    i.timeframe.raw = QStringLiteral("2026-2027 phased and subject to funding");
    i.timeframe.start = QDate(2026, 4, 1);
    i.timeframe.end = QDate(2027, 3, 31);
    i.timeframe.openEnded = true;
    i.timeframe.review = Timeframe::Review::Annual;
    i.timeframe.flags = Timeframe::Flags(Timeframe::SubjectToFunding | Timeframe::Phased);
    i.timeframe.needsReview = true;
    i.timeframe.reason = QStringLiteral("phased");
    i.shiftCommunity = true;
    i.shiftPrevention = true;
    i.shiftDigital = false;
    i.status = IntentionStatus::InDelivery;
    i.lead = QStringLiteral("Cancer Alliance");
    i.placeIds = {m_places.at(0), m_places.at(2)};
    i.providerIds = {m_providers.at(1)};
    i.outcomeDomainIds = {m_domains.at(0), m_domains.at(1)};
    i.milestones = {{QStringLiteral("Pilot in Newham"), QDate(2026, 10, 1), true},
                    {QStringLiteral("Roll out"), QDate(), false}};
    i.investment = 1250000.5;
    i.staffWte = 3.2;
    i.notes = QStringLiteral("From the JFP");
    i.sourcePage = 41;
    i.sortOrder = 7;
    return i;
}

void TestIntentionRepository::roundTripKeepsEveryFieldAndLink()
{
    Intention written = fullIntention();
    written.id = idOf(stores().intentions().create(written));
    QVERIFY(written.id > 0);
    const auto created = stores().intentions().get(written.id);
    REQUIRE_OK(created);
    written.updatedAt = created.value().updatedAt; // set by the store; checked on its own below
    QCOMPARE(created.value(), written);

    Intention changed = written;
    changed.portfolioId = m_digital;
    changed.programmeAreaId = 0;
    changed.title = QStringLiteral("Lung checks everywhere");
    changed.text.clear();
    changed.timeframe = Timeframe {};
    changed.timeframe.raw = QStringLiteral("tbc");
    changed.timeframe.flags = Timeframe::ToBeConfirmed;
    changed.shiftCommunity = false;
    changed.shiftDigital = true;
    changed.status = IntentionStatus::Withdrawn;
    changed.placeIds = {m_places.at(1)};
    changed.providerIds = {};
    changed.outcomeDomainIds = {m_domains.at(1)};
    changed.milestones = {{QStringLiteral("Review"), QDate(2027, 1, 15), false}};
    changed.investment.reset();
    changed.staffWte = 0.0;
    changed.sourcePage = 0;
    changed.sortOrder = 1;
    REQUIRE_OK(stores().intentions().update(changed));
    const auto updated = stores().intentions().get(written.id);
    REQUIRE_OK(updated);
    changed.updatedAt = updated.value().updatedAt;
    QCOMPARE(updated.value(), changed);

    const auto listed = stores().intentions().list();
    REQUIRE_OK(listed);
    QCOMPARE(listed.value(), QList<Intention> {changed});

    REQUIRE_OK(stores().intentions().remove(written.id));
    const auto gone = stores().intentions().get(written.id);
    QVERIFY(!gone);
    QCOMPARE(gone.error(),
             QStringLiteral("Intention %1 does not exist; someone else may have deleted it.")
                 .arg(written.id));
    for (const char *table : {"intention", "intention_place", "intention_provider",
                              "intention_outcome_domain", "milestone"})
        QCOMPARE(rowCount(m_plan.db(), table), 0);
}

void TestIntentionRepository::updatedAtIsSetOnCreateAndUpdate()
{
    const Id id
        = idOf(stores().intentions().create(intention(m_cancer, QStringLiteral("Screen more"))));
    const auto created = stores().intentions().get(id);
    REQUIRE_OK(created);
    QVERIFY(created.value().updatedAt.isValid());
    QVERIFY(qAbs(created.value().updatedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // An old stamp shows whether update writes a new one.
    QSqlQuery age(m_plan.db());
    QVERIFY(age.exec(QStringLiteral("UPDATE intention SET updated_at = '2000-01-01T00:00:00Z'")));
    QCOMPARE(stores().intentions().get(id).value().updatedAt,
             QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC));
    Intention i = created.value();
    i.lead = QStringLiteral("Someone");
    REQUIRE_OK(stores().intentions().update(i));
    QVERIFY(qAbs(stores().intentions().get(id).value().updatedAt.secsTo(
                QDateTime::currentDateTimeUtc()))
            < 60);
}

void TestIntentionRepository::listLoadsTheLinksOfEveryIntention()
{
    QList<Id> ids;
    for (int n = 0; n < 5; ++n) {
        Intention i
            = intention(n % 2 ? m_digital : m_cancer, QStringLiteral("Intention %1").arg(n), n);
        i.placeIds = n % 3 == 0 ? QList<Id> {} : QList<Id> {m_places.at(n % 3)};
        i.providerIds = n % 2 ? QList<Id> {m_providers} : QList<Id> {};
        i.outcomeDomainIds = {m_domains.at(n % 2)};
        for (int m = 0; m < n; ++m)
            i.milestones.append({QStringLiteral("Milestone %1.%2").arg(n).arg(m),
                                 QDate(2026, 4 + m, 1), m % 2 == 0});
        ids << idOf(stores().intentions().create(i));
    }
    const auto listed = stores().intentions().list();
    REQUIRE_OK(listed);
    QCOMPARE(listed.value().size(), 5);
    for (const Intention &i : listed.value()) {
        const auto single = stores().intentions().get(i.id);
        REQUIRE_OK(single);
        QCOMPARE(i, single.value());
    }
}

void TestIntentionRepository::listOrdersByPortfolioThenSortOrderThenId()
{
    const Id a = idOf(stores().intentions().create(intention(m_digital, QStringLiteral("D1"), 0)));
    const Id b = idOf(stores().intentions().create(intention(m_cancer, QStringLiteral("C2"), 5)));
    const Id c = idOf(stores().intentions().create(intention(m_cancer, QStringLiteral("C1"), 1)));
    const Id d
        = idOf(stores().intentions().create(intention(m_cancer, QStringLiteral("C1 again"), 1)));
    const auto listed = stores().intentions().list();
    REQUIRE_OK(listed);
    QList<Id> order;
    for (const Intention &i : listed.value())
        order << i.id;
    QCOMPARE(order, (QList<Id> {c, d, b, a}));
}

void TestIntentionRepository::listForPortfolioReturnsOnlyItsIntentions()
{
    Intention mine = intention(m_digital, QStringLiteral("Shared care record"));
    mine.placeIds = {m_places.at(1)};
    mine.milestones = {{QStringLiteral("Go live"), QDate(2027, 4, 1), false}};
    mine.id = idOf(stores().intentions().create(mine));
    Intention other = fullIntention();
    QVERIFY(idOf(stores().intentions().create(other)) > 0);

    const auto listed = stores().intentions().listForPortfolio(m_digital);
    REQUIRE_OK(listed);
    QCOMPARE(listed.value().size(), 1);
    mine.updatedAt = listed.value().constFirst().updatedAt;
    QCOMPARE(listed.value().constFirst(), mine);
    QVERIFY(stores().intentions().listForPortfolio(m_digital + 100).value().isEmpty());
}

void TestIntentionRepository::linkListsComeBackSortedWithoutDuplicates()
{
    Intention i = intention(m_cancer, QStringLiteral("Screen more"));
    i.placeIds = {m_places.at(2), m_places.at(0), m_places.at(2)};
    const Id id = idOf(stores().intentions().create(i));
    QVERIFY(id > 0);
    QCOMPARE(stores().intentions().get(id).value().placeIds,
             (QList<Id> {m_places.at(0), m_places.at(2)}));
    QCOMPARE(rowCount(m_plan.db(), "intention_place"), 2);
}

void TestIntentionRepository::rejectsInvalidIntention_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addColumn<QString>("message");
    const QString prefix
        = QStringLiteral("Cannot save the intention “Expand lung health checks”: ");
    QTest::newRow("empty title") << "title"
                                 << QStringLiteral(
                                        "Cannot save the intention: the title is empty.");
    QTest::newRow("missing portfolio") << "portfolio" << prefix + "the portfolio does not exist.";
    QTest::newRow("missing programme area")
        << "area" << prefix + "the programme area does not exist.";
    QTest::newRow("area of another portfolio")
        << "foreign area" << prefix + "the programme area belongs to another portfolio.";
    QTest::newRow("end before start") << "dates" << prefix + "the timeframe ends before it starts.";
    QTest::newRow("negative investment")
        << "investment" << prefix + "the investment cannot be negative.";
    QTest::newRow("negative staff")
        << "staff" << prefix + "the staff resource (WTE) cannot be negative.";
    QTest::newRow("missing place") << "place" << prefix + "the place with id 999 does not exist.";
    QTest::newRow("missing provider")
        << "provider" << prefix + "the provider with id 999 does not exist.";
    QTest::newRow("missing outcome domain")
        << "domain" << prefix + "the outcome domain with id 999 does not exist.";
    QTest::newRow("untitled milestone") << "milestone" << prefix + "milestone 2 has no title.";
}

void TestIntentionRepository::rejectsInvalidIntention()
{
    QFETCH(QString, breakage);
    QFETCH(QString, message);
    Intention i = fullIntention();
    if (breakage == u"title")
        i.title = QStringLiteral("  ");
    else if (breakage == u"portfolio")
        i.portfolioId = 999;
    else if (breakage == u"area")
        i.programmeAreaId = 999;
    else if (breakage == u"foreign area")
        i.portfolioId = m_digital;
    else if (breakage == u"dates")
        i.timeframe.end = QDate(2025, 3, 31);
    else if (breakage == u"investment")
        i.investment = -1.0;
    else if (breakage == u"staff")
        i.staffWte = -0.5;
    else if (breakage == u"place")
        i.placeIds.append(999);
    else if (breakage == u"provider")
        i.providerIds.append(999);
    else if (breakage == u"domain")
        i.outcomeDomainIds.append(999);
    else if (breakage == u"milestone")
        i.milestones[1].title.clear();

    const QList<const char *> tables {"intention",          "intention_place",
                                      "intention_provider", "intention_outcome_domain",
                                      "milestone",          "change_history"};
    QList<int> before;
    for (const char *table : tables)
        before << rowCount(m_plan.db(), table);
    const auto created = stores().intentions().create(i);
    QVERIFY(!created);
    QCOMPARE(created.error(), message);
    for (qsizetype t = 0; t < tables.size(); ++t)
        QCOMPARE(rowCount(m_plan.db(), tables.at(t)), before.at(t));
}

void TestIntentionRepository::rejectedUpdateLeavesTheIntentionAsItWas()
{
    const Id id = idOf(stores().intentions().create(fullIntention()));
    const auto original = stores().intentions().get(id);
    REQUIRE_OK(original);
    const int history = rowCount(m_plan.db(), "change_history");

    Intention broken = original.value();
    broken.title = QStringLiteral("Renamed");
    broken.placeIds = {m_places.at(1)};
    broken.milestones.clear();
    broken.providerIds = {999}; // fails after the title would have changed
    const auto updated = stores().intentions().update(broken);
    QVERIFY(!updated);
    QVERIFY2(updated.error().contains(u"“Renamed”"), qPrintable(updated.error()));
    QCOMPARE(stores().intentions().get(id).value(), original.value());
    QCOMPARE(rowCount(m_plan.db(), "change_history"), history);
}

// A trigger makes the milestone rows fail after the intention row itself has been written.
void TestIntentionRepository::failureAfterTheRowIsWrittenRollsBackTheWholeCreate()
{
    QSqlQuery trigger(m_plan.db());
    QVERIFY(trigger.exec(
        QStringLiteral("CREATE TEMP TRIGGER refuse_milestones BEFORE INSERT ON milestone "
                       "BEGIN SELECT RAISE(ABORT, 'milestones refused'); END")));
    const QList<const char *> tables {"intention",          "intention_place",
                                      "intention_provider", "intention_outcome_domain",
                                      "milestone",          "change_history"};
    QList<int> before;
    for (const char *table : tables)
        before << rowCount(m_plan.db(), table);
    const auto created = stores().intentions().create(fullIntention());
    QVERIFY(!created);
    QCOMPARE(created.error(),
             QStringLiteral(
                 "Cannot save the intention “Expand lung health checks”: milestones refused."));
    for (qsizetype t = 0; t < tables.size(); ++t)
        QCOMPARE(rowCount(m_plan.db(), tables.at(t)), before.at(t));
}

void TestIntentionRepository::failureAfterTheRowIsWrittenRollsBackTheWholeUpdate()
{
    const Id id = idOf(stores().intentions().create(fullIntention()));
    const auto original = stores().intentions().get(id);
    REQUIRE_OK(original);
    QSqlQuery trigger(m_plan.db());
    QVERIFY(trigger.exec(
        QStringLiteral("CREATE TEMP TRIGGER refuse_milestones BEFORE INSERT ON milestone "
                       "BEGIN SELECT RAISE(ABORT, 'milestones refused'); END")));
    const int history = rowCount(m_plan.db(), "change_history");
    Intention changed = original.value();
    changed.title = QStringLiteral("Renamed");
    changed.placeIds = {m_places.at(1)};
    changed.milestones = {{QStringLiteral("New"), QDate(), false}};
    QVERIFY(!stores().intentions().update(changed));
    QCOMPARE(stores().intentions().get(id).value(), original.value());
    QCOMPARE(rowCount(m_plan.db(), "change_history"), history);
}

void TestIntentionRepository::updateRecordsOneHistoryRowPerChangedField()
{
    Intention i = fullIntention();
    i.id = idOf(stores().intentions().create(i));
    Intention changed = stores().intentions().get(i.id).value();
    changed.title = QStringLiteral("Lung checks for all");
    changed.status = IntentionStatus::Complete;
    changed.placeIds = {m_places.at(1)};
    changed.investment.reset();
    REQUIRE_OK(stores().intentions().update(changed));

    const auto changes = stores().history().listFor(QStringLiteral("intention"), i.id);
    REQUIRE_OK(changes);
    QList<ChangeRecord> updates = changes.value();
    QCOMPARE(updates.takeLast().field, QStringLiteral("created"));
    QStringList fields = fieldsOf(updates);
    fields.sort();
    QCOMPARE(fields, (QStringList {"investment_gbp", "places", "status", "title"}));
    for (const ChangeRecord &change : updates) {
        QCOMPARE(change.user, QStringLiteral("tester"));
        QCOMPARE(change.entity, QStringLiteral("intention"));
        QCOMPARE(change.entityId, i.id);
        QVERIFY(change.changedAt.isValid());
        if (change.field == u"title") {
            QCOMPARE(change.oldValue, QStringLiteral("Expand lung health checks"));
            QCOMPARE(change.newValue, QStringLiteral("Lung checks for all"));
        } else if (change.field == u"status") {
            QCOMPARE(change.oldValue, QStringLiteral("in_delivery"));
            QCOMPARE(change.newValue, QStringLiteral("complete"));
        } else if (change.field == u"places") {
            QCOMPARE(change.oldValue,
                     QStringLiteral("%1,%2").arg(m_places.at(0)).arg(m_places.at(2)));
            QCOMPARE(change.newValue, QString::number(m_places.at(1)));
        } else {
            QCOMPARE(change.oldValue, QStringLiteral("1250000.5"));
            QCOMPARE(change.newValue, QString());
        }
    }
}

void TestIntentionRepository::updateWithoutChangesRecordsNothing()
{
    const Id id = idOf(stores().intentions().create(fullIntention()));
    const int history = rowCount(m_plan.db(), "change_history");
    REQUIRE_OK(stores().intentions().update(stores().intentions().get(id).value()));
    QCOMPARE(rowCount(m_plan.db(), "change_history"), history);
}

void TestIntentionRepository::createAndRemoveAreRecorded()
{
    const Id id
        = idOf(stores().intentions().create(intention(m_cancer, QStringLiteral("Screen more"))));
    REQUIRE_OK(stores().intentions().remove(id));
    const auto changes = stores().history().listFor(QStringLiteral("intention"), id);
    REQUIRE_OK(changes);
    QCOMPARE(fieldsOf(changes.value()), (QStringList {"deleted", "created"}));
    QCOMPARE(changes.value().at(0).oldValue, QStringLiteral("Screen more"));
    QVERIFY(changes.value().at(0).newValue.isNull());
    QCOMPARE(changes.value().at(1).newValue, QStringLiteral("Screen more"));
}

void TestIntentionRepository::updateOfDeletedIntentionFails()
{
    Intention i = intention(m_cancer, QStringLiteral("Screen more"));
    i.id = idOf(stores().intentions().create(i));
    REQUIRE_OK(stores().intentions().remove(i.id));
    const auto updated = stores().intentions().update(i);
    QVERIFY(!updated);
    QCOMPARE(updated.error(),
             QStringLiteral("Cannot save the intention “Screen more”: it no longer exists "
                            "(someone else may have deleted it)."));
    QCOMPARE(rowCount(m_plan.db(), "intention"), 0);
}

void TestIntentionRepository::removeOfMissingIntentionFails()
{
    const auto removed = stores().intentions().remove(12345);
    QVERIFY(!removed);
    QCOMPARE(removed.error(), QStringLiteral("Cannot delete intention 12345: it does not exist."));
}

void TestIntentionRepository::removingPlaceUnlinksItFromIntentions()
{
    const Id id = idOf(stores().intentions().create(fullIntention()));
    REQUIRE_OK(stores().places().remove(m_places.at(0)));
    QCOMPARE(stores().intentions().get(id).value().placeIds, QList<Id> {m_places.at(2)});
}

// On a shared drive the rollback journal is used, where an unfinished read keeps a SHARED lock
// that stops every other user's COMMIT. After list() another connection must be able to save.
void TestIntentionRepository::listLeavesNoReadOpenOnASharedPlan()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    PlanDatabase::Options options;
    options.journalMode = PlanDatabase::JournalMode::Rollback;
    options.busyTimeoutMs = 200;
    auto mine = PlanDatabase::create(path, options);
    REQUIRE_OK(mine);
    auto theirs = PlanDatabase::open(path, options);
    REQUIRE_OK(theirs);
    {
        PlanStores myStores(mine.value()->connection(), QStringLiteral("me"));
        PlanStores theirStores(theirs.value()->connection(), QStringLiteral("them"));
        const Id portfolioId
            = idOf(myStores.portfolios().create(portfolio(QStringLiteral("Cancer"))));
        for (int n = 0; n < 50; ++n)
            QVERIFY(idOf(myStores.intentions().create(
                        intention(portfolioId, QStringLiteral("I%1").arg(n))))
                    > 0);

        REQUIRE_OK(myStores.intentions().list());
        REQUIRE_OK(myStores.intentions().get(1));
        REQUIRE_OK(myStores.portfolios().list());
        REQUIRE_OK(myStores.summary().counts());
        const auto saved = theirStores.places().create({0, QStringLiteral("Newham"), {}, 0});
        REQUIRE_OK(saved);
        REQUIRE_OK(theirStores.intentions().remove(2));
    }
}

void TestIntentionRepository::saveWhileAnotherUserIsSavingFailsClearly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("plan.sqlite"));
    PlanDatabase::Options options;
    options.journalMode = PlanDatabase::JournalMode::Rollback;
    options.busyTimeoutMs = 100;
    auto mine = PlanDatabase::create(path, options);
    REQUIRE_OK(mine);
    auto theirs = PlanDatabase::open(path, options);
    REQUIRE_OK(theirs);
    {
        PlanStores myStores(mine.value()->connection(), QStringLiteral("me"));
        const Id portfolioId
            = idOf(myStores.portfolios().create(portfolio(QStringLiteral("Cancer"))));
        QVERIFY(portfolioId > 0);
        WriteTransaction theirSave(theirs.value()->connection());
        QVERIFY(theirSave.isActive());

        const auto created
            = myStores.intentions().create(intention(portfolioId, QStringLiteral("Screen more")));
        QVERIFY(!created);
        QVERIFY2(created.error().startsWith(u"Cannot save the intention “Screen more”: "),
                 qPrintable(created.error()));
        QVERIFY2(created.error().contains(u"someone else"), qPrintable(created.error()));
        theirSave.rollback();
        QCOMPARE(rowCount(mine.value()->connection(), "intention"), 0);
    }
}

QTEST_GUILESS_MAIN(TestIntentionRepository)
#include "tst_intentionrepository.moc"
