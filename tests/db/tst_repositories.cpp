// Plan settings, portfolios, programme areas, plan counts and change history.
#include "repositoryfixture.h"

#include <QTest>

using namespace Fixture;

class TestRepositories : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_plan = inMemoryPlan(); }
    void cleanup() { m_plan.close(); }

    void settingsReadAsDefaultsWhenThePlanHasNone();
    void settingsRoundTrip();
    void settingsRejectAnInvalidNoticePeriod();
    void settingsSaveRecordsTheChangedFields();

    void portfolioRoundTrip();
    void portfolioWithoutColourGetsTheDefault();
    void portfoliosListBySortOrderThenName();
    void rejectsInvalidPortfolio_data();
    void rejectsInvalidPortfolio();
    void rejectsDuplicatePortfolioName();
    void portfolioWithIntentionsCannotBeRemoved();
    void removingPortfolioRemovesItsProgrammeAreas();
    void portfolioUpdateRecordsOnlyTheChangedFields();
    void portfolioCreateAndRemoveAreRecorded();
    void updateOfMissingPortfolioFails();
    void removeOfMissingPortfolioFails();

    void programmeAreaRoundTrip();
    void programmeAreaRejectsDuplicateNameInItsPortfolio();
    void programmeAreaRejectsMissingPortfolio();
    void removingProgrammeAreaKeepsItsIntentions();
    void removedPortfolioAndAreaComeBackWithTheirIds();

    void countsEqualTheRowsInTheTables();
    void historyListsNewestFirst();
    void historyNamesTheUserGivenToTheStores();

private:
    PlanStores &stores() { return *m_plan.stores; }
    Plan m_plan;
};

void TestRepositories::settingsReadAsDefaultsWhenThePlanHasNone()
{
    const auto settings = stores().settings().load();
    REQUIRE_OK(settings);
    QCOMPARE(settings.value().planningYear, FiscalYear(2026));
    QCOMPARE(settings.value().noticeIssueDate, QDate(2025, 9, 30));
    QCOMPARE(settings.value().noticePeriodMonths, 6);
    QVERIFY(settings.value().icbName.isEmpty());
    QCOMPARE(rowCount(m_plan.db(), "plan_settings"), 0); // reading writes nothing
}

void TestRepositories::settingsRoundTrip()
{
    PlanSettings settings;
    settings.icbName = QStringLiteral("NHS North East London");
    settings.address = QStringLiteral("4th Floor, Unex Tower\n5 Station Street\nLondon E15 1DA");
    settings.letterhead = QStringLiteral("www.northeastlondon.icb.nhs.uk");
    settings.signatoryName = QStringLiteral("A. Person");
    settings.signatoryTitle = QStringLiteral("Chief Finance Officer");
    settings.contactEmail = QStringLiteral("nelondon.contracts@nhs.net");
    settings.planningYear = FiscalYear(2027);
    settings.noticeIssueDate = QDate(2026, 9, 30);
    settings.noticePeriodMonths = 9;
    settings.illustrative = true;
    REQUIRE_OK(stores().settings().save(settings));
    const auto loaded = stores().settings().load();
    REQUIRE_OK(loaded);
    QVERIFY(loaded.value() == settings);

    settings.icbName = QStringLiteral("NHS Another ICB");
    settings.illustrative = false;
    REQUIRE_OK(stores().settings().save(settings));
    const auto reloaded = stores().settings().load();
    REQUIRE_OK(reloaded);
    QVERIFY(reloaded.value() == settings);
    QCOMPARE(rowCount(m_plan.db(), "plan_settings"), 1);
}

void TestRepositories::settingsRejectAnInvalidNoticePeriod()
{
    PlanSettings settings = SqlPlanSettingsRepository::defaults();
    settings.noticePeriodMonths = 0;
    const auto saved = stores().settings().save(settings);
    QVERIFY(!saved);
    QVERIFY2(saved.error().contains(u"notice period"), qPrintable(saved.error()));
    QCOMPARE(rowCount(m_plan.db(), "plan_settings"), 0);
}

void TestRepositories::settingsSaveRecordsTheChangedFields()
{
    PlanSettings settings = SqlPlanSettingsRepository::defaults();
    settings.icbName = QStringLiteral("NHS North East London");
    REQUIRE_OK(stores().settings().save(settings));
    settings.noticePeriodMonths = 3;
    REQUIRE_OK(stores().settings().save(settings));
    const auto changes = stores().history().listFor(QStringLiteral("plan"), 1);
    REQUIRE_OK(changes);
    QCOMPARE(fieldsOf(changes.value()), (QStringList {"notice_period_months", "icb_name"}));
    QCOMPARE(changes.value().constFirst().oldValue, QStringLiteral("6"));
    QCOMPARE(changes.value().constFirst().newValue, QStringLiteral("3"));
}

void TestRepositories::portfolioRoundTrip()
{
    Portfolio p = portfolio(QStringLiteral("Cancer"), 3);
    p.group = PortfolioGroup::CoreObjectives;
    p.lead = QStringLiteral("Cancer Alliance");
    p.vision = QStringLiteral("Earlier diagnosis");
    p.keyStakeholders = QStringLiteral("Trusts, primary care");
    p.keyProgrammes = QStringLiteral("Screening");
    p.engagement = QStringLiteral("Patient panels");
    p.sourceName = QStringLiteral("JFP p. 40");
    p.benefits = {{QStringLiteral("April 2025"), QStringLiteral("More screening")},
                  {QStringLiteral("April 2026"), QStringLiteral("Faster diagnosis")}};
    const Id id = idOf(stores().portfolios().create(p));
    QVERIFY(id > 0);
    p.id = id;
    const auto created = stores().portfolios().get(id);
    REQUIRE_OK(created);
    QCOMPARE(created.value(), p);

    p.name = QStringLiteral("Cancer and diagnostics");
    p.group = PortfolioGroup::CrossCuttingTheme;
    p.colour = QStringLiteral("#ABCDEF");
    p.benefits = {{QStringLiteral("April 2027"), QStringLiteral("Survival up")}};
    REQUIRE_OK(stores().portfolios().update(p));
    const auto updated = stores().portfolios().get(id);
    REQUIRE_OK(updated);
    QCOMPARE(updated.value(), p);
    QCOMPARE(rowCount(m_plan.db(), "portfolio_benefit"), 1);

    const auto listed = stores().portfolios().list();
    REQUIRE_OK(listed);
    QCOMPARE(listed.value(), QList<Portfolio> {p});

    REQUIRE_OK(stores().portfolios().remove(id));
    const auto gone = stores().portfolios().get(id);
    QVERIFY(!gone);
    QVERIFY2(gone.error().contains(u"does not exist"), qPrintable(gone.error()));
    QCOMPARE(rowCount(m_plan.db(), "portfolio_benefit"), 0);
}

void TestRepositories::portfolioWithoutColourGetsTheDefault()
{
    Portfolio p = portfolio(QStringLiteral("Digital"));
    p.colour.clear();
    const Id id = idOf(stores().portfolios().create(p));
    QVERIFY(id > 0);
    QCOMPARE(stores().portfolios().get(id).value().colour, QStringLiteral("#4472C4"));
}

void TestRepositories::portfoliosListBySortOrderThenName()
{
    QVERIFY(idOf(stores().portfolios().create(portfolio(QStringLiteral("Zeta"), 1))) > 0);
    QVERIFY(idOf(stores().portfolios().create(portfolio(QStringLiteral("Beta"), 2))) > 0);
    QVERIFY(idOf(stores().portfolios().create(portfolio(QStringLiteral("Alpha"), 2))) > 0);
    const auto listed = stores().portfolios().list();
    REQUIRE_OK(listed);
    QStringList names;
    for (const Portfolio &p : listed.value())
        names << p.name;
    QCOMPARE(names, (QStringList {"Zeta", "Alpha", "Beta"}));
}

void TestRepositories::rejectsInvalidPortfolio_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("colour");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty name") << QString() << QStringLiteral("#112233")
                                << QStringLiteral("the name is empty");
    QTest::newRow("blank name") << QStringLiteral("   ") << QStringLiteral("#112233")
                                << QStringLiteral("the name is empty");
    QTest::newRow("colour without #") << QStringLiteral("Cancer") << QStringLiteral("112233")
                                      << QStringLiteral("the colour must be written #RRGGBB");
    QTest::newRow("colour name") << QStringLiteral("Cancer") << QStringLiteral("blue")
                                 << QStringLiteral("the colour must be written #RRGGBB");
}

void TestRepositories::rejectsInvalidPortfolio()
{
    QFETCH(QString, name);
    QFETCH(QString, colour);
    QFETCH(QString, problem);
    Portfolio p = portfolio(name);
    p.colour = colour;
    const auto created = stores().portfolios().create(p);
    QVERIFY(!created);
    QVERIFY2(created.error().startsWith(u"Cannot save the portfolio"), qPrintable(created.error()));
    QVERIFY2(created.error().contains(problem), qPrintable(created.error()));
    QCOMPARE(rowCount(m_plan.db(), "portfolio"), 0);
    QCOMPARE(rowCount(m_plan.db(), "change_history"), 0);
}

void TestRepositories::rejectsDuplicatePortfolioName()
{
    Portfolio first = portfolio(QStringLiteral("Cancer"));
    first.benefits = {{QStringLiteral("April 2025"), QStringLiteral("x")}};
    QVERIFY(idOf(stores().portfolios().create(first)) > 0);
    const int portfolios = rowCount(m_plan.db(), "portfolio");
    const int benefits = rowCount(m_plan.db(), "portfolio_benefit");
    const int history = rowCount(m_plan.db(), "change_history");

    const auto duplicate = stores().portfolios().create(first);
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error(),
             QStringLiteral(
                 "Cannot save the portfolio “Cancer”: another portfolio already has this name."));
    QCOMPARE(rowCount(m_plan.db(), "portfolio"), portfolios);
    QCOMPARE(rowCount(m_plan.db(), "portfolio_benefit"), benefits);
    QCOMPARE(rowCount(m_plan.db(), "change_history"), history);
}

void TestRepositories::portfolioWithIntentionsCannotBeRemoved()
{
    const Id id = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"))));
    QVERIFY(idOf(stores().intentions().create(intention(id, QStringLiteral("Screen more")))) > 0);
    QVERIFY(idOf(stores().intentions().create(intention(id, QStringLiteral("Diagnose sooner"))))
            > 0);

    const auto removed = stores().portfolios().remove(id);
    QVERIFY(!removed);
    QCOMPARE(removed.error(),
             QStringLiteral("Cannot delete the portfolio “Cancer”: it still has 2 intentions. "
                            "Move them to another portfolio or delete them first."));
    QCOMPARE(rowCount(m_plan.db(), "portfolio"), 1);
    QCOMPARE(rowCount(m_plan.db(), "intention"), 2);
}

void TestRepositories::removingPortfolioRemovesItsProgrammeAreas()
{
    const Id id = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"))));
    QVERIFY(idOf(stores().programmeAreas().create({0, id, QStringLiteral("Screening"), 0})) > 0);
    REQUIRE_OK(stores().portfolios().remove(id));
    QCOMPARE(rowCount(m_plan.db(), "programme_area"), 0);
}

void TestRepositories::portfolioUpdateRecordsOnlyTheChangedFields()
{
    Portfolio p = portfolio(QStringLiteral("Cancer"));
    p.id = idOf(stores().portfolios().create(p));
    QVERIFY(p.id > 0);
    const Portfolio before = p;
    p.lead = QStringLiteral("Dr Lead");
    p.benefits = {{QStringLiteral("April 2026"), QStringLiteral("Faster diagnosis")}};
    REQUIRE_OK(stores().portfolios().update(p));

    const auto changes = stores().history().listFor(QStringLiteral("portfolio"), p.id);
    REQUIRE_OK(changes);
    QStringList fields = fieldsOf(changes.value());
    QCOMPARE(fields.takeLast(), QStringLiteral("created"));
    fields.sort();
    QCOMPARE(fields, (QStringList {"benefits", "lead"}));
    for (const ChangeRecord &change : changes.value()) {
        QCOMPARE(change.entity, QStringLiteral("portfolio"));
        QCOMPARE(change.entityId, p.id);
        QCOMPARE(change.user, QStringLiteral("tester"));
        if (change.field == u"lead") {
            QCOMPARE(change.oldValue, QString());
            QCOMPARE(change.newValue, QStringLiteral("Dr Lead"));
        }
        if (change.field == u"benefits")
            QCOMPARE(change.newValue, QStringLiteral("April 2026: Faster diagnosis"));
    }
}

void TestRepositories::portfolioCreateAndRemoveAreRecorded()
{
    const Id id = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"))));
    REQUIRE_OK(stores().portfolios().remove(id));
    const auto changes = stores().history().listFor(QStringLiteral("portfolio"), id);
    REQUIRE_OK(changes);
    QCOMPARE(changes.value().size(), 2);
    QCOMPARE(changes.value().at(0).field, QStringLiteral("deleted"));
    QCOMPARE(changes.value().at(0).oldValue, QStringLiteral("Cancer"));
    QCOMPARE(changes.value().at(1).field, QStringLiteral("created"));
    QCOMPARE(changes.value().at(1).newValue, QStringLiteral("Cancer"));
}

void TestRepositories::updateOfMissingPortfolioFails()
{
    Portfolio p = portfolio(QStringLiteral("Ghost"));
    p.id = 42;
    const auto updated = stores().portfolios().update(p);
    QVERIFY(!updated);
    QCOMPARE(updated.error(),
             QStringLiteral("Cannot save the portfolio “Ghost”: it no longer exists (someone else "
                            "may have deleted it)."));
    QCOMPARE(rowCount(m_plan.db(), "portfolio"), 0);
}

void TestRepositories::removeOfMissingPortfolioFails()
{
    const auto removed = stores().portfolios().remove(42);
    QVERIFY(!removed);
    QCOMPARE(removed.error(), QStringLiteral("Cannot delete portfolio 42: it does not exist."));
}

void TestRepositories::programmeAreaRoundTrip()
{
    const Id cancer = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"), 1)));
    const Id digital = idOf(stores().portfolios().create(portfolio(QStringLiteral("Digital"), 2)));
    ProgrammeArea area {0, cancer, QStringLiteral("Screening"), 2};
    area.id = idOf(stores().programmeAreas().create(area));
    QVERIFY(area.id > 0);
    QCOMPARE(stores().programmeAreas().get(area.id).value(), area);
    const ProgrammeArea other {
        idOf(stores().programmeAreas().create({0, digital, QStringLiteral("Records"), 0})), digital,
        QStringLiteral("Records"), 0};

    area.name = QStringLiteral("Screening and early diagnosis");
    area.sortOrder = 1;
    REQUIRE_OK(stores().programmeAreas().update(area));
    QCOMPARE(stores().programmeAreas().get(area.id).value(), area);
    QCOMPARE(stores().programmeAreas().list().value(), (QList<ProgrammeArea> {area, other}));
    QCOMPARE(stores().programmeAreas().listForPortfolio(digital).value(),
             QList<ProgrammeArea> {other});

    REQUIRE_OK(stores().programmeAreas().remove(area.id));
    const auto gone = stores().programmeAreas().get(area.id);
    QVERIFY(!gone);
    QVERIFY2(gone.error().contains(u"does not exist"), qPrintable(gone.error()));
    QCOMPARE(rowCount(m_plan.db(), "programme_area"), 1);
}

void TestRepositories::programmeAreaRejectsDuplicateNameInItsPortfolio()
{
    const Id id = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"))));
    QVERIFY(idOf(stores().programmeAreas().create({0, id, QStringLiteral("Screening"), 0})) > 0);
    const auto duplicate
        = stores().programmeAreas().create({0, id, QStringLiteral("Screening"), 1});
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error(),
             QStringLiteral("Cannot save the programme area “Screening”: the portfolio "
                            "already has a programme area with this name."));
    QCOMPARE(rowCount(m_plan.db(), "programme_area"), 1);
}

void TestRepositories::programmeAreaRejectsMissingPortfolio()
{
    const auto created = stores().programmeAreas().create({0, 99, QStringLiteral("Screening"), 0});
    QVERIFY(!created);
    QCOMPARE(created.error(),
             QStringLiteral(
                 "Cannot save the programme area “Screening”: the portfolio does not exist."));
    QCOMPARE(rowCount(m_plan.db(), "programme_area"), 0);
}

void TestRepositories::removingProgrammeAreaKeepsItsIntentions()
{
    const Id portfolioId = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"))));
    const Id areaId
        = idOf(stores().programmeAreas().create({0, portfolioId, QStringLiteral("Screening"), 0}));
    Intention i = intention(portfolioId, QStringLiteral("Screen more"));
    i.programmeAreaId = areaId;
    const Id intentionId = idOf(stores().intentions().create(i));
    QVERIFY(intentionId > 0);
    REQUIRE_OK(stores().programmeAreas().remove(areaId));
    const auto kept = stores().intentions().get(intentionId);
    REQUIRE_OK(kept);
    QCOMPARE(kept.value().programmeAreaId, Id(0));
}

void TestRepositories::removedPortfolioAndAreaComeBackWithTheirIds()
{
    const Id cancer = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"))));
    const Id digital = idOf(stores().portfolios().create(portfolio(QStringLiteral("Digital"))));
    const Id screening = idOf(stores().programmeAreas().create({0, cancer, QStringLiteral("Screening"), 0}));
    QVERIFY(cancer > 0 && digital > 0 && screening > 0);

    // Removed, then created again from the removed values (as undo does): the ids are kept.
    Portfolio removed = stores().portfolios().get(digital).value();
    const ProgrammeArea area = stores().programmeAreas().get(screening).value();
    REQUIRE_OK(stores().programmeAreas().remove(screening));
    REQUIRE_OK(stores().portfolios().remove(digital));
    QCOMPARE(idOf(stores().portfolios().create(removed)), digital);
    QCOMPARE(idOf(stores().programmeAreas().create(area)), screening);
    QCOMPARE(stores().programmeAreas().get(screening).value().name, QStringLiteral("Screening"));

    // An id that is taken is not: a new one is given and the old row is left alone.
    removed.name = QStringLiteral("Digital again");
    const Id another = idOf(stores().portfolios().create(removed));
    QVERIFY(another > 0 && another != digital);
    QCOMPARE(stores().portfolios().get(digital).value().name, QStringLiteral("Digital"));
}

void TestRepositories::countsEqualTheRowsInTheTables()
{
    const Id cancer = idOf(stores().portfolios().create(portfolio(QStringLiteral("Cancer"))));
    QVERIFY(idOf(stores().portfolios().create(portfolio(QStringLiteral("Digital")))) > 0);
    QVERIFY(idOf(stores().programmeAreas().create({0, cancer, QStringLiteral("Screening"), 0}))
            > 0);
    for (int n = 0; n < 3; ++n)
        QVERIFY(idOf(stores().intentions().create(intention(cancer, QStringLiteral("I%1").arg(n))))
                > 0);
    QVERIFY(idOf(stores().places().create({0, QStringLiteral("Newham"), {}, 0})) > 0);
    const Id barts = idOf(stores().providers().create(provider(QStringLiteral("Barts Health"))));
    QVERIFY(idOf(stores().providers().create(provider(QStringLiteral("ELFT")))) > 0);
    Contract contract;
    contract.providerId = barts;
    contract.title = QStringLiteral("Acute services");
    QVERIFY(idOf(stores().contracts().create(contract)) > 0);
    ContractNotice notice;
    notice.providerId = barts;
    QVERIFY(idOf(stores().notices().create(notice)) > 0);

    const auto counts = stores().summary().counts();
    REQUIRE_OK(counts);
    const QSqlDatabase db = m_plan.db();
    QCOMPARE(counts.value().portfolios, rowCount(db, "portfolio"));
    QCOMPARE(counts.value().programmeAreas, rowCount(db, "programme_area"));
    QCOMPARE(counts.value().intentions, rowCount(db, "intention"));
    QCOMPARE(counts.value().places, rowCount(db, "place"));
    QCOMPARE(counts.value().providers, rowCount(db, "provider"));
    QCOMPARE(counts.value().contracts, rowCount(db, "contract"));
    QCOMPARE(counts.value().notices, rowCount(db, "contract_notice"));
    QCOMPARE(counts.value().intentions, 3);
    QCOMPARE(counts.value().providers, 2);
}

void TestRepositories::historyListsNewestFirst()
{
    Portfolio p = portfolio(QStringLiteral("Cancer"));
    p.id = idOf(stores().portfolios().create(p));
    for (const char *lead : {"First", "Second", "Third"}) {
        p.lead = QString::fromLatin1(lead);
        REQUIRE_OK(stores().portfolios().update(p));
    }
    const auto changes = stores().history().listFor(QStringLiteral("portfolio"), p.id);
    REQUIRE_OK(changes);
    QCOMPARE(changes.value().size(), 4);
    QCOMPARE(changes.value().at(0).newValue, QStringLiteral("Third"));
    QCOMPARE(changes.value().at(1).newValue, QStringLiteral("Second"));
    QCOMPARE(changes.value().at(2).newValue, QStringLiteral("First"));
    QCOMPARE(changes.value().at(3).field, QStringLiteral("created"));
    for (qsizetype i = 1; i < changes.value().size(); ++i)
        QVERIFY(changes.value().at(i - 1).changedAt >= changes.value().at(i).changedAt);
    QVERIFY(qAbs(changes.value().constFirst().changedAt.secsTo(QDateTime::currentDateTimeUtc()))
            < 60);
    // Another record's history is not mixed in.
    QVERIFY(stores().history().listFor(QStringLiteral("portfolio"), p.id + 1).value().isEmpty());
}

void TestRepositories::historyNamesTheUserGivenToTheStores()
{
    PlanStores other(m_plan.db(), QStringLiteral("j.bloggs"));
    const Id id = idOf(other.places().create({0, QStringLiteral("Havering"), {}, 0}));
    const auto changes = stores().history().listFor(QStringLiteral("place"), id);
    REQUIRE_OK(changes);
    QCOMPARE(changes.value().size(), 1);
    QCOMPARE(changes.value().constFirst().user, QStringLiteral("j.bloggs"));
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
