// The plan's reference lists: outcome domains, places and providers.
#include "sqlrepositories.h"

#include "transaction.h"

#include <QSqlQuery>

using namespace SqlUtil;

namespace {

constexpr auto allRows = "";
constexpr auto byId = "WHERE id = ?";

constexpr auto selectDomains
    = "SELECT id, name, kind, sort_order FROM outcome_domain %1 ORDER BY sort_order, name, id";
constexpr auto insertDomain
    = "INSERT INTO outcome_domain (name, kind, sort_order) VALUES (?, ?, ?)";
constexpr auto updateDomain
    = "UPDATE outcome_domain SET name = ?, kind = ?, sort_order = ? WHERE id = ?";
constexpr auto deleteDomain = "DELETE FROM outcome_domain WHERE id = ?";

constexpr auto selectPlaces
    = "SELECT id, name, notes, sort_order FROM place %1 ORDER BY sort_order, name, id";
constexpr auto insertPlace = "INSERT INTO place (name, notes, sort_order) VALUES (?, ?, ?)";
constexpr auto updatePlace = "UPDATE place SET name = ?, notes = ?, sort_order = ? WHERE id = ?";
constexpr auto deletePlace = "DELETE FROM place WHERE id = ?";

constexpr auto selectProviders = R"(
SELECT id, name, ods_code, type, address, contact_name, contact_email, notes
FROM provider %1 ORDER BY name, id)";
constexpr auto insertProvider = R"(
INSERT INTO provider (name, ods_code, type, address, contact_name, contact_email, notes)
VALUES (?, ?, ?, ?, ?, ?, ?))";
constexpr auto updateProvider = R"(
UPDATE provider SET name = ?, ods_code = ?, type = ?, address = ?, contact_name = ?,
       contact_email = ?, notes = ?
WHERE id = ?)";
constexpr auto deleteProvider = "DELETE FROM provider WHERE id = ?";
constexpr auto countProviderDependants = R"(
SELECT (SELECT count(*) FROM contract WHERE provider_id = ?),
       (SELECT count(*) FROM contract_notice WHERE provider_id = ?),
       (SELECT count(*) FROM letter_record WHERE provider_id = ?))";

// The steps every simple record shares: validate, one transaction, the row, its history.
// Each entity supplies its statements, its values and its fields.
template<typename T> struct Simple
{
    QString subject; // "the place"
    QString entity; // "place" (change_history.entity)
    QString plural; // "the places"
    QString missing; // "Place %1 does not exist…"
    const char *selectSql;
    const char *insertSql;
    const char *updateSql;
    const char *deleteSql;
    T (*fromRow)(const QSqlQuery &);
    QVariantList (*values)(const T &);
    Fields (*fields)(const T &);
};

template<typename T> Result<QList<T>> loadAll(QSqlDatabase db, const Simple<T> &s, bool one, Id id)
{
    QList<T> rows;
    auto selected = select(db, withFilter(s.selectSql, one ? byId : allRows),
                           one ? QVariantList {id} : QVariantList {},
                           [&](const QSqlQuery &q) { rows.append(s.fromRow(q)); });
    if (!selected)
        return cannot(Action::Read, s.plural, {}, selected.error());
    return rows;
}

template<typename T> Result<T> getOne(QSqlDatabase db, const Simple<T> &s, Id id)
{
    auto found = loadAll(db, s, true, id);
    if (!found)
        return Error {found.error()};
    if (found.value().isEmpty())
        return Error {s.missing.arg(id)};
    return found.value().constFirst();
}

template<typename T>
Result<Id> createOne(const HistoryContext &context, const Simple<T> &s, const T &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, s.subject, value.name, problem);
    };
    if (value.name.trimmed().isEmpty())
        return fail(QStringLiteral("the name is empty"));
    WriteTransaction transaction(context.db);
    if (!transaction.isActive())
        return fail(transaction.error());
    auto inserted = write(context.db, sql(s.insertSql), s.values(value));
    if (!inserted)
        return fail(inserted.error());
    const Id id = inserted.value().lastInsertId;
    if (auto recorded
        = recordEvent(context, s.entity, id, QStringLiteral("created"), {}, value.name);
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return id;
}

template<typename T>
Result<void> updateOne(const HistoryContext &context, const Simple<T> &s, const T &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, s.subject, value.name, problem);
    };
    if (value.name.trimmed().isEmpty())
        return fail(QStringLiteral("the name is empty"));
    WriteTransaction transaction(context.db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = loadAll(context.db, s, true, value.id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return fail(QStringLiteral("it no longer exists (someone else may have deleted it)"));
    QVariantList values = s.values(value);
    values.append(value.id);
    if (auto updated = write(context.db, sql(s.updateSql), values); !updated)
        return fail(updated.error());
    if (auto recorded = recordChanges(context, s.entity, value.id,
                                      s.fields(before.value().constFirst()), s.fields(value));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

// check refuses the delete with a problem, or lets it go with an empty string.
template<typename T, typename Check>
Result<void> removeOne(const HistoryContext &context, const Simple<T> &s, Id id, Check check)
{
    WriteTransaction transaction(context.db);
    const auto before = loadAll(context.db, s, true, id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return cannot(Action::Delete, QStringLiteral("%1 %2").arg(s.subject.mid(4)).arg(id), {},
                      QStringLiteral("it does not exist"));
    const QString name = before.value().constFirst().name;
    auto fail
        = [&](const QString &problem) { return cannot(Action::Delete, s.subject, name, problem); };
    if (!transaction.isActive())
        return fail(transaction.error());
    const Result<QString> refused = check(id);
    if (!refused)
        return fail(refused.error());
    if (!refused.value().isEmpty())
        return fail(refused.value());
    if (auto deleted = write(context.db, sql(s.deleteSql), {id}, Action::Delete); !deleted)
        return fail(deleted.error());
    if (auto recorded = recordEvent(context, s.entity, id, QStringLiteral("deleted"), name, {});
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Delete));
    return {};
}

auto noDependants = [](Id) { return Result<QString>(QString()); };

const Simple<OutcomeDomain> domains {
    QStringLiteral("the outcome domain"),
    QStringLiteral("outcome_domain"),
    QStringLiteral("the outcome domains"),
    QStringLiteral("Outcome domain %1 does not exist; someone else may have deleted it."),
    selectDomains,
    insertDomain,
    updateDomain,
    deleteDomain,
    [](const QSqlQuery &q) {
        return OutcomeDomain {q.value(0).toLongLong(), q.value(1).toString(),
                              Enums::outcomeDomainKindFromKey(q.value(2).toString())
                                  .value_or(OutcomeDomainKind::LifeCourse),
                              q.value(3).toInt()};
    },
    [](const OutcomeDomain &d) {
        return QVariantList {text(d.name), Enums::key(d.kind), d.sortOrder};
    },
    [](const OutcomeDomain &d) {
        return Fields {{QStringLiteral("name"), d.name},
                       {QStringLiteral("kind"), Enums::key(d.kind)},
                       {QStringLiteral("sort_order"), QString::number(d.sortOrder)}};
    },
};

const Simple<Place> places {
    QStringLiteral("the place"),
    QStringLiteral("place"),
    QStringLiteral("the places"),
    QStringLiteral("Place %1 does not exist; someone else may have deleted it."),
    selectPlaces,
    insertPlace,
    updatePlace,
    deletePlace,
    [](const QSqlQuery &q) {
        return Place {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toInt()};
    },
    [](const Place &p) {
        return QVariantList {text(p.name), text(p.notes), p.sortOrder};
    },
    [](const Place &p) {
        return Fields {{QStringLiteral("name"), p.name},
                       {QStringLiteral("notes"), p.notes},
                       {QStringLiteral("sort_order"), QString::number(p.sortOrder)}};
    },
};

const Simple<Provider> providers {
    QStringLiteral("the provider"),
    QStringLiteral("provider"),
    QStringLiteral("the providers"),
    QStringLiteral("Provider %1 does not exist; someone else may have deleted it."),
    selectProviders,
    insertProvider,
    updateProvider,
    deleteProvider,
    [](const QSqlQuery &q) {
        Provider p;
        p.id = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.odsCode = q.value(2).toString();
        p.type = Enums::providerTypeFromKey(q.value(3).toString()).value_or(ProviderType::Other);
        p.address = q.value(4).toString();
        p.contactName = q.value(5).toString();
        p.contactEmail = q.value(6).toString();
        p.notes = q.value(7).toString();
        return p;
    },
    [](const Provider &p) {
        return QVariantList {text(p.name),    text(p.odsCode),     Enums::key(p.type),
                             text(p.address), text(p.contactName), text(p.contactEmail),
                             text(p.notes)};
    },
    [](const Provider &p) {
        return Fields {{QStringLiteral("name"), p.name},
                       {QStringLiteral("ods_code"), p.odsCode},
                       {QStringLiteral("type"), Enums::key(p.type)},
                       {QStringLiteral("address"), p.address},
                       {QStringLiteral("contact_name"), p.contactName},
                       {QStringLiteral("contact_email"), p.contactEmail},
                       {QStringLiteral("notes"), p.notes}};
    },
};

QString countText(int count, const char *one, const char *many)
{
    return count == 1 ? QStringLiteral("1 %1").arg(QLatin1String(one))
                      : QStringLiteral("%1 %2").arg(count).arg(QLatin1String(many));
}

} // namespace

// --- outcome domains -----------------------------------------------------------------------------

SqlOutcomeDomainRepository::SqlOutcomeDomainRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<OutcomeDomain>> SqlOutcomeDomainRepository::list()
{
    return loadAll(m_db, domains, false, 0);
}
Result<OutcomeDomain> SqlOutcomeDomainRepository::get(Id id)
{
    return getOne(m_db, domains, id);
}
Result<Id> SqlOutcomeDomainRepository::create(const OutcomeDomain &value)
{
    return createOne(history(), domains, value);
}
Result<void> SqlOutcomeDomainRepository::update(const OutcomeDomain &value)
{
    return updateOne(history(), domains, value);
}
Result<void> SqlOutcomeDomainRepository::remove(Id id)
{
    return removeOne(history(), domains, id, noDependants);
}

// --- places --------------------------------------------------------------------------------------

SqlPlaceRepository::SqlPlaceRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<Place>> SqlPlaceRepository::list()
{
    return loadAll(m_db, places, false, 0);
}
Result<Place> SqlPlaceRepository::get(Id id)
{
    return getOne(m_db, places, id);
}
Result<Id> SqlPlaceRepository::create(const Place &value)
{
    return createOne(history(), places, value);
}
Result<void> SqlPlaceRepository::update(const Place &value)
{
    return updateOne(history(), places, value);
}
Result<void> SqlPlaceRepository::remove(Id id)
{
    return removeOne(history(), places, id, noDependants);
}

// --- providers -----------------------------------------------------------------------------------

SqlProviderRepository::SqlProviderRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<Provider>> SqlProviderRepository::list()
{
    return loadAll(m_db, providers, false, 0);
}
Result<Provider> SqlProviderRepository::get(Id id)
{
    return getOne(m_db, providers, id);
}
Result<Id> SqlProviderRepository::create(const Provider &value)
{
    return createOne(history(), providers, value);
}
Result<void> SqlProviderRepository::update(const Provider &value)
{
    return updateOne(history(), providers, value);
}

Result<void> SqlProviderRepository::remove(Id id)
{
    // Contracts, notices and letters keep the provider (ON DELETE RESTRICT): say which, so the
    // user knows what to deal with first.
    auto check = [this](Id provider) -> Result<QString> {
        int contracts = 0, notices = 0, letters = 0;
        auto selected = select(m_db, sql(countProviderDependants), {provider, provider, provider},
                               [&](const QSqlQuery &q) {
                                   contracts = q.value(0).toInt();
                                   notices = q.value(1).toInt();
                                   letters = q.value(2).toInt();
                               });
        if (!selected)
            return Error {selected.error()};
        if (letters > 0) {
            return QStringLiteral(
                       "letters have been sent to it (%1), and they are kept as the record of what "
                       "the provider was told")
                .arg(countText(letters, "letter record", "letter records"));
        }
        QStringList still;
        if (contracts > 0)
            still.append(countText(contracts, "contract", "contracts"));
        if (notices > 0)
            still.append(countText(notices, "notice", "notices"));
        if (still.isEmpty())
            return QString();
        return QStringLiteral("it still has %1. Delete them first")
            .arg(still.join(QStringLiteral(" and ")));
    };
    return removeOne(history(), providers, id, check);
}
