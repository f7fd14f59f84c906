// Change history and whole-plan counts.
#include "sqlrepositories.h"

#include <QSqlQuery>

using namespace SqlUtil;

namespace {

constexpr auto selectChanges = R"(
SELECT id, changed_at, user_name, entity, entity_id, field, old_value, new_value
FROM change_history WHERE entity = ? AND entity_id = ?
ORDER BY changed_at DESC, id DESC)";

constexpr auto selectCounts = R"(
SELECT (SELECT count(*) FROM portfolio), (SELECT count(*) FROM programme_area),
       (SELECT count(*) FROM intention), (SELECT count(*) FROM place),
       (SELECT count(*) FROM provider), (SELECT count(*) FROM contract),
       (SELECT count(*) FROM contract_notice))";

} // namespace

SqlChangeHistoryRepository::SqlChangeHistoryRepository(QSqlDatabase db)
    : SqlRepositoryBase(std::move(db), QString())
{
}

Result<QList<ChangeRecord>> SqlChangeHistoryRepository::listFor(const QString &entity, Id entityId)
{
    QList<ChangeRecord> changes;
    auto selected = select(m_db, sql(selectChanges), {entity, entityId}, [&](const QSqlQuery &q) {
        changes.append({q.value(0).toLongLong(), toDateTime(q.value(1)), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString(),
                        q.value(6).toString(), q.value(7).toString()});
    });
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the change history"), {}, selected.error());
    return changes;
}

SqlPlanSummaryRepository::SqlPlanSummaryRepository(QSqlDatabase db)
    : SqlRepositoryBase(std::move(db), QString())
{
}

Result<PlanCounts> SqlPlanSummaryRepository::counts()
{
    PlanCounts counts;
    auto selected = select(m_db, sql(selectCounts), {}, [&](const QSqlQuery &q) {
        counts.portfolios = q.value(0).toInt();
        counts.programmeAreas = q.value(1).toInt();
        counts.intentions = q.value(2).toInt();
        counts.places = q.value(3).toInt();
        counts.providers = q.value(4).toInt();
        counts.contracts = q.value(5).toInt();
        counts.notices = q.value(6).toInt();
    });
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the plan's totals"), {}, selected.error());
    return counts;
}
