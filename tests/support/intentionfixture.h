#pragma once

// A small plan in memory for the intentions grid's model tests: the real SQLite stores (so undo
// and redo are checked against what is really stored), a PlanContext with its undo stack, and
// known portfolios, programme areas, places, providers and intentions to edit.

#include "database.h"
#include "plancontext.h"
#include "planstores.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

#include "requireok.h"

namespace IntentionFixture {

struct Plan
{
    std::unique_ptr<PlanDatabase> database;
    std::unique_ptr<PlanStores> stores;
    std::unique_ptr<PlanContext> context;

    // Known records.
    Id primaryCare = 0;  // portfolio, areas: access, workforce
    Id mentalHealth = 0; // portfolio, area: crisis
    Id children = 0;     // portfolio without areas
    Id access = 0;
    Id workforce = 0;
    Id crisis = 0;
    Id hackney = 0; // places
    Id newham = 0;
    Id barts = 0; // providers
    Id elft = 0;
    QList<Id> intentions; // in the order created

    QSqlDatabase db() const { return database->connection(); }
    PlanStoreSet &store() const { return *stores; }

    // Everything stored, in the store's order: what undo must give back byte for byte.
    QList<Intention> storedIntentions() const
    {
        auto listed = stores->intentions().list();
        if (!listed)
            qWarning() << listed.error();
        return listed ? listed.value() : QList<Intention>{};
    }
    Intention stored(Id id) const
    {
        auto found = stores->intentions().get(id);
        return found ? found.value() : Intention{};
    }
    // Test-only SQL, to check against the tables themselves.
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
};

inline Id created(const Result<Id> &result)
{
    if (!result)
        qWarning() << result.error();
    return result ? result.value() : 0;
}

inline Intention intention(Id portfolioId, Id areaId, const QString &title, const QString &timeframe)
{
    Intention i;
    i.portfolioId = portfolioId;
    i.programmeAreaId = areaId;
    i.title = title;
    i.text = title + QStringLiteral(" — what we will commission");
    i.timeframe = TimeframeParser::parse(timeframe);
    i.lead = QStringLiteral("Lead for ") + title;
    return i;
}

// Three portfolios (two with programme areas), two places, two providers and eight intentions
// with a spread of timeframes, shifts, statuses, places and providers.
inline std::unique_ptr<Plan> smallPlan()
{
    auto plan = std::make_unique<Plan>();
    auto database = PlanDatabase::createInMemory();
    if (!database)
        qFatal("cannot create an in-memory plan: %s", qPrintable(database.error()));
    plan->database = std::move(database.value());
    plan->stores = std::make_unique<PlanStores>(plan->database->connection(), QStringLiteral("tester"));
    plan->context = std::make_unique<PlanContext>(*plan->stores);

    auto portfolio = [&](const QString &name, const QString &colour, int order) {
        Portfolio p;
        p.name = name;
        p.colour = colour;
        p.sortOrder = order;
        return created(plan->stores->portfolios().create(p));
    };
    plan->primaryCare = portfolio(QStringLiteral("Primary Care"), QStringLiteral("#005EB8"), 1);
    plan->mentalHealth = portfolio(QStringLiteral("Mental Health"), QStringLiteral("#AE2573"), 2);
    plan->children = portfolio(QStringLiteral("Children and Young People"), QStringLiteral("#00A499"), 3);

    auto area = [&](Id portfolioId, const QString &name, int order) {
        ProgrammeArea a;
        a.portfolioId = portfolioId;
        a.name = name;
        a.sortOrder = order;
        return created(plan->stores->programmeAreas().create(a));
    };
    plan->access = area(plan->primaryCare, QStringLiteral("Access"), 1);
    plan->workforce = area(plan->primaryCare, QStringLiteral("Workforce"), 2);
    plan->crisis = area(plan->mentalHealth, QStringLiteral("Crisis care"), 1);

    auto place = [&](const QString &name, int order) {
        Place p;
        p.name = name;
        p.sortOrder = order;
        return created(plan->stores->places().create(p));
    };
    plan->hackney = place(QStringLiteral("City and Hackney"), 1);
    plan->newham = place(QStringLiteral("Newham"), 2);

    auto provider = [&](const QString &name, const QString &ods) {
        Provider p;
        p.name = name;
        p.odsCode = ods;
        p.type = ProviderType::Acute;
        return created(plan->stores->providers().create(p));
    };
    plan->barts = provider(QStringLiteral("Barts Health NHS Trust"), QStringLiteral("R1H"));
    plan->elft = provider(QStringLiteral("East London NHS Foundation Trust"), QStringLiteral("RWK"));

    QList<Intention> rows;
    Intention a = intention(plan->primaryCare, plan->access, QStringLiteral("Same-day access hubs"),
                            QStringLiteral("2026/27 – 2027/28"));
    a.shiftCommunity = true;
    a.status = IntentionStatus::Agreed;
    a.placeIds = {plan->hackney};
    a.providerIds = {plan->barts};
    a.milestones = {{QStringLiteral("Hubs open"), QDate(2026, 10, 1), false}};
    rows << a;
    Intention b = intention(plan->primaryCare, plan->workforce, QStringLiteral("Café-style recruitment fairs"),
                            QStringLiteral("2025-27"));
    b.shiftDigital = true;
    b.placeIds = {plan->newham};
    rows << b;
    Intention c = intention(plan->primaryCare, 0, QStringLiteral("Estates review"), QStringLiteral("Ongoing"));
    c.status = IntentionStatus::InDelivery;
    rows << c;
    Intention d = intention(plan->mentalHealth, plan->crisis, QStringLiteral("Crisis cafés"),
                            QStringLiteral("2026-2027 phased and subject to funding"));
    d.shiftCommunity = true;
    d.shiftPrevention = true;
    d.providerIds = {plan->elft};
    d.placeIds = {plan->hackney, plan->newham};
    rows << d;
    Intention e = intention(plan->mentalHealth, plan->crisis, QStringLiteral("Talking therapies"),
                            QStringLiteral("2026=2027"));
    e.status = IntentionStatus::Complete;
    rows << e;
    Intention f = intention(plan->children, 0, QStringLiteral("School readiness"),
                            QStringLiteral("from 2027/28"));
    f.shiftPrevention = true;
    f.investment = 125000.5;
    rows << f;
    Intention g = intention(plan->children, 0, QStringLiteral("Digital front door"),
                            QStringLiteral("2028/29"));
    g.shiftDigital = true;
    g.status = IntentionStatus::Withdrawn;
    g.providerIds = {plan->barts, plan->elft};
    rows << g;
    Intention h = intention(plan->children, 0, QStringLiteral("Asthma pathway"), QString());
    rows << h;

    for (const Intention &row : std::as_const(rows))
        plan->intentions << created(plan->stores->intentions().create(row));
    return plan;
}

} // namespace IntentionFixture
