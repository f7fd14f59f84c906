// The plan's letter templates (table letter_template), by name.
#include "sqlrepositories.h"

#include "transaction.h"

#include <QSqlQuery>

using namespace SqlUtil;

namespace {

constexpr auto selectTemplate = "SELECT body FROM letter_template WHERE name = ?";
constexpr auto upsertTemplate = R"(
INSERT INTO letter_template (name, body, updated_at) VALUES (?, ?, ?)
ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at)";
constexpr auto deleteTemplate = "DELETE FROM letter_template WHERE name = ?";

const QString theTemplate = QStringLiteral("the letter template");

// change_history has no entity for templates: a template is part of the plan, so its changes
// are recorded against the plan (id 1) with the template named in the field.
QString historyField(const QString &name)
{
    return QStringLiteral("letter_template:%1").arg(name);
}

} // namespace

SqlLetterTemplateRepository::SqlLetterTemplateRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<std::optional<QString>> SqlLetterTemplateRepository::get(const QString &name)
{
    auto found = selectValue(m_db, sql(selectTemplate), {name});
    if (!found)
        return cannot(Action::Read, theTemplate, name, found.error());
    if (!found.value().isValid())
        return std::optional<QString>();
    return std::optional<QString>(found.value().toString());
}

Result<void> SqlLetterTemplateRepository::save(const QString &name, const QString &body)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theTemplate, name, problem);
    };
    if (name.trimmed().isEmpty())
        return fail(QStringLiteral("the template has no name"));
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    auto before = selectValue(m_db, sql(selectTemplate), {name});
    if (!before)
        return fail(before.error());
    const QString oldBody = before.value().isValid() ? before.value().toString() : QString();
    if (before.value().isValid() && oldBody == body)
        return {}; // nothing changed: no history row
    const HistoryContext context = history();
    if (auto written = write(m_db, sql(upsertTemplate), {name, text(body), context.when});
        !written)
        return fail(written.error());
    if (auto recorded = recordChanges(context, QStringLiteral("plan"), 1,
                                      {{historyField(name), oldBody}},
                                      {{historyField(name), text(body).toString()}});
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

Result<void> SqlLetterTemplateRepository::remove(const QString &name)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Delete, theTemplate, name, problem);
    };
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    auto before = selectValue(m_db, sql(selectTemplate), {name});
    if (!before)
        return fail(before.error());
    if (!before.value().isValid())
        return {};
    if (auto deleted = write(m_db, sql(deleteTemplate), {name}, Action::Delete); !deleted)
        return fail(deleted.error());
    if (auto recorded = recordEvent(history(), QStringLiteral("plan"), 1, historyField(name),
                                    before.value().toString(), QString());
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Delete));
    return {};
}
