// Outcome domains, places and providers.
#include "repositoryfixture.h"

#include <QTest>

using namespace Fixture;

class TestReferenceRepositories : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_plan = inMemoryPlan(); }
    void cleanup() { m_plan.close(); }

    void outcomeDomainRoundTrip();
    void outcomeDomainRejectsDuplicateName();
    void removingOutcomeDomainUnlinksItFromIntentions();
    void placeRoundTrip();
    void placesListBySortOrderThenName();
    void placeRejectsEmptyName();
    void providerRoundTrip();
    void providerRejectsDuplicateName();
    void providerUpdateRecordsTheChangedFields();
    void providerWithContractsCannotBeRemoved();
    void removeOfMissingPlaceFails();

private:
    PlanStores &stores() { return *m_plan.stores; }
    Plan m_plan;
};

void TestReferenceRepositories::outcomeDomainRoundTrip()
{
    OutcomeDomain domain {0, QStringLiteral("Health Inequalities and Communities"),
                          OutcomeDomainKind::CrossCutting, 7};
    domain.id = idOf(stores().outcomeDomains().create(domain));
    QVERIFY(domain.id > 0);
    QCOMPARE(stores().outcomeDomains().get(domain.id).value(), domain);

    domain.name = QStringLiteral("Starting Strong");
    domain.kind = OutcomeDomainKind::LifeCourse;
    domain.sortOrder = 1;
    REQUIRE_OK(stores().outcomeDomains().update(domain));
    QCOMPARE(stores().outcomeDomains().get(domain.id).value(), domain);
    QCOMPARE(stores().outcomeDomains().list().value(), QList<OutcomeDomain> {domain});

    REQUIRE_OK(stores().outcomeDomains().remove(domain.id));
    const auto gone = stores().outcomeDomains().get(domain.id);
    QVERIFY(!gone);
    QCOMPARE(gone.error(),
             QStringLiteral("Outcome domain %1 does not exist; someone else may have deleted it.")
                 .arg(domain.id));
    QCOMPARE(rowCount(m_plan.db(), "outcome_domain"), 0);
}

void TestReferenceRepositories::outcomeDomainRejectsDuplicateName()
{
    const OutcomeDomain domain {0, QStringLiteral("Living Well"), OutcomeDomainKind::LifeCourse, 0};
    QVERIFY(idOf(stores().outcomeDomains().create(domain)) > 0);
    const auto duplicate = stores().outcomeDomains().create(domain);
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error(),
             QStringLiteral("Cannot save the outcome domain “Living Well”: another outcome domain "
                            "already has this name."));
    QCOMPARE(rowCount(m_plan.db(), "outcome_domain"), 1);
}

void TestReferenceRepositories::removingOutcomeDomainUnlinksItFromIntentions()
{
    const Id domain = idOf(stores().outcomeDomains().create(
        {0, QStringLiteral("Dying Well"), OutcomeDomainKind::LifeCourse, 0}));
    const Id portfolio
        = idOf(stores().portfolios().create(Fixture::portfolio(QStringLiteral("End of life"))));
    Intention i = intention(portfolio, QStringLiteral("Hospice at home"));
    i.outcomeDomainIds = {domain};
    const Id id = idOf(stores().intentions().create(i));
    REQUIRE_OK(stores().outcomeDomains().remove(domain));
    QVERIFY(stores().intentions().get(id).value().outcomeDomainIds.isEmpty());
    QCOMPARE(rowCount(m_plan.db(), "intention_outcome_domain"), 0);
}

void TestReferenceRepositories::placeRoundTrip()
{
    Place place {0, QStringLiteral("City & Hackney"), QStringLiteral("Two boroughs"), 2};
    place.id = idOf(stores().places().create(place));
    QVERIFY(place.id > 0);
    QCOMPARE(stores().places().get(place.id).value(), place);

    place.name = QStringLiteral("Hackney");
    place.notes.clear();
    REQUIRE_OK(stores().places().update(place));
    QCOMPARE(stores().places().get(place.id).value(), place);
    QCOMPARE(stores().places().list().value(), QList<Place> {place});

    REQUIRE_OK(stores().places().remove(place.id));
    QVERIFY(!stores().places().get(place.id));
    QCOMPARE(rowCount(m_plan.db(), "place"), 0);
}

void TestReferenceRepositories::placesListBySortOrderThenName()
{
    for (const auto &[name, order] :
         {std::pair {"Newham", 2}, std::pair {"Havering", 2}, std::pair {"Redbridge", 1}})
        QVERIFY(idOf(stores().places().create({0, QString::fromLatin1(name), {}, order})) > 0);
    const auto listed = stores().places().list();
    REQUIRE_OK(listed);
    QStringList names;
    for (const Place &place : listed.value())
        names << place.name;
    QCOMPARE(names, (QStringList {"Redbridge", "Havering", "Newham"}));
}

void TestReferenceRepositories::placeRejectsEmptyName()
{
    const auto created = stores().places().create({0, QStringLiteral(" "), {}, 0});
    QVERIFY(!created);
    QCOMPARE(created.error(), QStringLiteral("Cannot save the place: the name is empty."));
    QCOMPARE(rowCount(m_plan.db(), "place"), 0);
}

void TestReferenceRepositories::providerRoundTrip()
{
    Provider p;
    p.name = QStringLiteral("Barts Health NHS Trust");
    p.odsCode = QStringLiteral("R1H");
    p.type = ProviderType::Acute;
    p.address = QStringLiteral("The Royal London Hospital\nWhitechapel");
    p.contactName = QStringLiteral("Contracts team");
    p.contactEmail = QStringLiteral("contracts@bartshealth.nhs.uk");
    p.notes = QStringLiteral("Largest trust");
    p.id = idOf(stores().providers().create(p));
    QVERIFY(p.id > 0);
    QCOMPARE(stores().providers().get(p.id).value(), p);

    p.type = ProviderType::ProviderCollaborative;
    p.odsCode.clear();
    p.contactEmail = QStringLiteral("new@nhs.net");
    REQUIRE_OK(stores().providers().update(p));
    QCOMPARE(stores().providers().get(p.id).value(), p);
    QCOMPARE(stores().providers().list().value(), QList<Provider> {p});

    REQUIRE_OK(stores().providers().remove(p.id));
    const auto gone = stores().providers().get(p.id);
    QVERIFY(!gone);
    QVERIFY2(gone.error().contains(u"does not exist"), qPrintable(gone.error()));
}

void TestReferenceRepositories::providerRejectsDuplicateName()
{
    QVERIFY(idOf(stores().providers().create(provider(QStringLiteral("ELFT")))) > 0);
    const Id other = idOf(stores().providers().create(provider(QStringLiteral("NELFT"))));
    Provider renamed = stores().providers().get(other).value();
    renamed.name = QStringLiteral("ELFT");
    const auto updated = stores().providers().update(renamed);
    QVERIFY(!updated);
    QCOMPARE(
        updated.error(),
        QStringLiteral("Cannot save the provider “ELFT”: another provider already has this name."));
    QCOMPARE(stores().providers().get(other).value().name, QStringLiteral("NELFT"));
}

void TestReferenceRepositories::providerUpdateRecordsTheChangedFields()
{
    Provider p = provider(QStringLiteral("Homerton"));
    p.id = idOf(stores().providers().create(p));
    p.type = ProviderType::Hospice;
    p.contactName = QStringLiteral("Jo");
    REQUIRE_OK(stores().providers().update(p));
    const auto changes = stores().history().listFor(QStringLiteral("provider"), p.id);
    REQUIRE_OK(changes);
    QStringList fields = fieldsOf(changes.value());
    QCOMPARE(fields.takeLast(), QStringLiteral("created"));
    fields.sort();
    QCOMPARE(fields, (QStringList {"contact_name", "type"}));
}

void TestReferenceRepositories::providerWithContractsCannotBeRemoved()
{
    const Id id = idOf(stores().providers().create(provider(QStringLiteral("Barts Health"))));
    Contract contract;
    contract.providerId = id;
    contract.title = QStringLiteral("Acute services");
    QVERIFY(idOf(stores().contracts().create(contract)) > 0);
    ContractNotice notice;
    notice.providerId = id;
    QVERIFY(idOf(stores().notices().create(notice)) > 0);

    const auto removed = stores().providers().remove(id);
    QVERIFY(!removed);
    QCOMPARE(removed.error(),
             QStringLiteral("Cannot delete the provider “Barts Health”: it still has 1 contract "
                            "and 1 notice. Delete them first."));
    QCOMPARE(rowCount(m_plan.db(), "provider"), 1);
    QCOMPARE(rowCount(m_plan.db(), "contract"), 1);
}

void TestReferenceRepositories::removeOfMissingPlaceFails()
{
    const auto removed = stores().places().remove(7);
    QVERIFY(!removed);
    QCOMPARE(removed.error(), QStringLiteral("Cannot delete place 7: it does not exist."));
}

QTEST_GUILESS_MAIN(TestReferenceRepositories)
#include "tst_referencerepositories.moc"
