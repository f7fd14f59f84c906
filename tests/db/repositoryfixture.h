#pragma once

// Shared by the repository tests: a fresh in-memory plan with its stores, direct row counts,
// and small records to build on.

#include "database.h"
#include "planstores.h"

#include <QDebug>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

#include <memory>

#include "requireok.h"

namespace Fixture {

// The stores hold the connection, so they go before the database that closes it.
struct Plan
{
    std::unique_ptr<PlanDatabase> database;
    std::unique_ptr<PlanStores> stores;

    QSqlDatabase db() const { return database->connection(); }
    void close()
    {
        stores.reset();
        database.reset();
    }
};

inline Plan inMemoryPlan(const QString &user = QStringLiteral("tester"))
{
    Plan plan;
    auto created = PlanDatabase::createInMemory();
    if (!created)
        qFatal("cannot create an in-memory plan: %s", qPrintable(created.error()));
    plan.database = std::move(created.value());
    plan.stores = std::make_unique<PlanStores>(plan.database->connection(), user);
    return plan;
}

// Test-only SQL: the tests check the stores against what is really in the tables.
inline int scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        qWarning() << "query failed:" << sql;
        return -1;
    }
    return query.value(0).toInt();
}

inline int rowCount(QSqlDatabase db, const char *table)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
}

template<typename T> Id idOf(const Result<T> &result)
{
    if (!result)
        qWarning() << result.error();
    return result ? Id(result.value()) : 0;
}

inline Portfolio portfolio(const QString &name, int sortOrder = 0)
{
    Portfolio p;
    p.name = name;
    p.group = PortfolioGroup::StrategicPriority;
    p.colour = QStringLiteral("#112233");
    p.sortOrder = sortOrder;
    return p;
}

inline Provider provider(const QString &name)
{
    Provider p;
    p.name = name;
    p.type = ProviderType::Acute;
    return p;
}

inline Intention intention(Id portfolioId, const QString &title, int sortOrder = 0)
{
    Intention i;
    i.portfolioId = portfolioId;
    i.title = title;
    i.sortOrder = sortOrder;
    return i;
}

// The field names of change records, in the order given.
inline QStringList fieldsOf(const QList<ChangeRecord> &changes)
{
    QStringList fields;
    for (const ChangeRecord &change : changes)
        fields.append(change.field);
    return fields;
}

} // namespace Fixture

// Readable QCOMPARE failures for the larger records.
inline char *toString(const Intention &i)
{
    QString s;
    QDebug(&s) << "Intention{id" << i.id << "portfolio" << i.portfolioId << "area"
               << i.programmeAreaId << i.title << i.text << "tf" << i.timeframe.raw
               << i.timeframe.start << i.timeframe.end << i.timeframe.openEnded
               << int(i.timeframe.review) << int(i.timeframe.flags) << i.timeframe.needsReview
               << i.timeframe.reason << "shifts" << i.shiftCommunity << i.shiftPrevention
               << i.shiftDigital << "status" << Enums::key(i.status) << i.lead << "places"
               << i.placeIds << "providers" << i.providerIds << "domains" << i.outcomeDomainIds
               << "milestones" << i.milestones.size() << "investment" << i.investment.value_or(-1)
               << "wte" << i.staffWte.value_or(-1) << i.notes << "page" << i.sourcePage << "sort"
               << i.sortOrder << "updated" << i.updatedAt << "}";
    return qstrdup(qPrintable(s));
}

inline char *toString(const ContractNotice &n)
{
    QString s;
    QDebug(&s) << "Notice{id" << n.id << "provider" << n.providerId << "contract" << n.contractId
               << "receiving" << n.receivingProviderId << "intentions" << n.intentionIds
               << Enums::key(n.kind) << n.service << n.summary << n.rationale
               << n.financialEffect.value_or(-1) << n.issueDate << n.effectiveDate
               << Enums::key(n.status) << n.letterReference << n.updatedAt << "}";
    return qstrdup(qPrintable(s));
}
