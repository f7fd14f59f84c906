// Commissioning intentions with their link tables and milestones.
#include "sqlrepositories.h"

#include "transaction.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <functional>
#include <numeric>

using namespace SqlUtil;

namespace {

// In id order, the order of the table itself: ordering by portfolio here made SQLite sort
// 100,000 whole rows (spilling to temporary files); the plan's order is applied afterwards in
// memory, from the portfolios' order (selectPortfolioOrder).
constexpr auto selectIntentions = R"(
SELECT i.id, i.portfolio_id, i.programme_area_id, i.title, i.body, i.timeframe_raw, i.tf_start,
       i.tf_end, i.tf_open_ended, i.tf_review, i.tf_flags, i.tf_needs_review, i.tf_reason,
       i.shift_community, i.shift_prevention, i.shift_digital, i.status, i.lead, i.investment_gbp,
       i.staff_wte, i.notes, i.source_page, i.sort_order, i.updated_at
FROM intention i %1
ORDER BY i.id)";
constexpr auto countIntentions = "SELECT count(*) FROM intention i %1";
constexpr auto selectPortfolioOrder = "SELECT id FROM portfolio ORDER BY sort_order, name";
constexpr auto intentionsAll = "";
constexpr auto intentionsByPortfolio = "WHERE i.portfolio_id = ?";
constexpr auto intentionById = "WHERE i.id = ?";

// Link rows for the same scopes: one query per link table for the whole list.
constexpr auto selectPlaceLinks
    = "SELECT intention_id, place_id FROM intention_place %1 ORDER BY intention_id, place_id";
constexpr auto selectProviderLinks = "SELECT intention_id, provider_id FROM intention_provider %1 "
                                     "ORDER BY intention_id, provider_id";
constexpr auto selectDomainLinks = R"(
SELECT intention_id, outcome_domain_id FROM intention_outcome_domain %1
ORDER BY intention_id, outcome_domain_id)";
constexpr auto selectMilestones = R"(
SELECT intention_id, title, due_date, done FROM milestone %1 ORDER BY intention_id, sort_order, id)";
constexpr auto linksAll = "";
constexpr auto linksByPortfolio
    = "WHERE intention_id IN (SELECT id FROM intention WHERE portfolio_id = ?)";
constexpr auto linksById = "WHERE intention_id = ?";

constexpr auto insertIntention = R"(
INSERT INTO intention (portfolio_id, programme_area_id, title, body, timeframe_raw, tf_start, tf_end,
                       tf_open_ended, tf_review, tf_flags, tf_needs_review, tf_reason,
                       shift_community, shift_prevention, shift_digital, status, lead,
                       investment_gbp, staff_wte, notes, source_page, sort_order, created_at,
                       updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr auto updateIntention = R"(
UPDATE intention SET portfolio_id = ?, programme_area_id = ?, title = ?, body = ?, timeframe_raw = ?,
       tf_start = ?, tf_end = ?, tf_open_ended = ?, tf_review = ?, tf_flags = ?, tf_needs_review = ?,
       tf_reason = ?, shift_community = ?, shift_prevention = ?, shift_digital = ?, status = ?,
       lead = ?, investment_gbp = ?, staff_wte = ?, notes = ?, source_page = ?, sort_order = ?,
       updated_at = ?
WHERE id = ?)";
constexpr auto deleteIntention = "DELETE FROM intention WHERE id = ?";

constexpr auto deletePlaceLinks = "DELETE FROM intention_place WHERE intention_id = ?";
constexpr auto deleteProviderLinks = "DELETE FROM intention_provider WHERE intention_id = ?";
constexpr auto deleteDomainLinks = "DELETE FROM intention_outcome_domain WHERE intention_id = ?";
constexpr auto deleteMilestones = "DELETE FROM milestone WHERE intention_id = ?";
constexpr auto insertPlaceLink
    = "INSERT INTO intention_place (intention_id, place_id) VALUES (?, ?)";
constexpr auto insertProviderLink
    = "INSERT INTO intention_provider (intention_id, provider_id) VALUES (?, ?)";
constexpr auto insertDomainLink
    = "INSERT INTO intention_outcome_domain (intention_id, outcome_domain_id) VALUES (?, ?)";
constexpr auto insertMilestone = R"(
INSERT INTO milestone (intention_id, title, due_date, done, sort_order) VALUES (?, ?, ?, ?, ?))";

constexpr auto portfolioExists = "SELECT 1 FROM portfolio WHERE id = ?";
constexpr auto areaPortfolio = "SELECT portfolio_id FROM programme_area WHERE id = ?";
constexpr auto placeExists = "SELECT 1 FROM place WHERE id = ?";
constexpr auto providerExists = "SELECT 1 FROM provider WHERE id = ?";
constexpr auto domainExists = "SELECT 1 FROM outcome_domain WHERE id = ?";

const QString theIntention = QStringLiteral("the intention");
const QString entity = QStringLiteral("intention");

QString reviewKey(Timeframe::Review review)
{
    return review == Timeframe::Review::Annual ? QStringLiteral("annual") : QString();
}

QString milestonesText(const QList<Milestone> &milestones)
{
    QStringList parts;
    for (const Milestone &m : milestones)
        parts.append(QStringLiteral("%1 | %2 | %3")
                         .arg(m.title, dateText(m.due), m.done ? u"done" : u"open"));
    return parts.join(QStringLiteral("; "));
}

// Field names are the columns (and link lists) they are stored in.
Fields intentionFields(const Intention &i)
{
    const Timeframe &tf = i.timeframe;
    return {
        {QStringLiteral("portfolio_id"), idText(i.portfolioId)},
        {QStringLiteral("programme_area_id"), idText(i.programmeAreaId)},
        {QStringLiteral("title"), i.title},
        {QStringLiteral("body"), i.text},
        {QStringLiteral("timeframe_raw"), tf.raw},
        {QStringLiteral("tf_start"), dateText(tf.start)},
        {QStringLiteral("tf_end"), dateText(tf.end)},
        {QStringLiteral("tf_open_ended"), flagText(tf.openEnded)},
        {QStringLiteral("tf_review"), reviewKey(tf.review)},
        {QStringLiteral("tf_flags"), QString::number(int(tf.flags))},
        {QStringLiteral("tf_needs_review"), flagText(tf.needsReview)},
        {QStringLiteral("tf_reason"), tf.reason},
        {QStringLiteral("shift_community"), flagText(i.shiftCommunity)},
        {QStringLiteral("shift_prevention"), flagText(i.shiftPrevention)},
        {QStringLiteral("shift_digital"), flagText(i.shiftDigital)},
        {QStringLiteral("status"), Enums::key(i.status)},
        {QStringLiteral("lead"), i.lead},
        {QStringLiteral("places"), idsText(normalisedIds(i.placeIds))},
        {QStringLiteral("providers"), idsText(normalisedIds(i.providerIds))},
        {QStringLiteral("outcome_domains"), idsText(normalisedIds(i.outcomeDomainIds))},
        {QStringLiteral("milestones"), milestonesText(i.milestones)},
        {QStringLiteral("investment_gbp"), optionalText(i.investment)},
        {QStringLiteral("staff_wte"), optionalText(i.staffWte)},
        {QStringLiteral("notes"), i.notes},
        {QStringLiteral("source_page"),
         i.sourcePage > 0 ? QString::number(i.sourcePage) : QString()},
        {QStringLiteral("sort_order"), QString::number(i.sortOrder)},
    };
}

// The columns shared by INSERT and UPDATE, in statement order (portfolio_id … sort_order).
QVariantList intentionValues(const Intention &i)
{
    const Timeframe &tf = i.timeframe;
    const QString review = reviewKey(tf.review);
    return {i.portfolioId,
            optionalId(i.programmeAreaId),
            text(i.title),
            text(i.text),
            text(tf.raw),
            date(tf.start),
            date(tf.end),
            tf.openEnded ? 1 : 0,
            review.isEmpty() ? QVariant() : QVariant(review),
            int(tf.flags),
            tf.needsReview ? 1 : 0,
            text(tf.reason),
            i.shiftCommunity ? 1 : 0,
            i.shiftPrevention ? 1 : 0,
            i.shiftDigital ? 1 : 0,
            Enums::key(i.status),
            text(i.lead),
            optional(i.investment),
            optional(i.staffWte),
            text(i.notes),
            i.sourcePage > 0 ? QVariant(i.sourcePage) : QVariant(),
            i.sortOrder};
}

// Dates as the plan stores them ("2026-04-01", "2026-09-30T14:05:00Z") read without
// QDate/QDateTime::fromString, which were a tenth of reading 100,000 intentions; anything else
// goes to SqlUtil's readers.
int digits(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

QDate storedDate(const QVariant &value)
{
    const QString text = value.toString();
    if (text.size() == 10 && text[4] == u'-' && text[7] == u'-') {
        const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
        if (date.isValid())
            return date;
    }
    return toDate(value);
}

QDateTime storedTimestamp(const QVariant &value)
{
    const QString text = value.toString();
    if (text.size() == 20 && text[4] == u'-' && text[7] == u'-' && text[10] == u'T' && text[13] == u':'
        && text[16] == u':' && text[19] == u'Z') {
        const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
        const QTime time(digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return toDateTime(value);
}

Intention intentionFrom(const QSqlQuery &q)
{
    Intention i;
    i.id = q.value(0).toLongLong();
    i.portfolioId = q.value(1).toLongLong();
    i.programmeAreaId = toId(q.value(2));
    i.title = q.value(3).toString();
    i.text = q.value(4).toString();
    i.timeframe.raw = q.value(5).toString();
    i.timeframe.start = storedDate(q.value(6));
    i.timeframe.end = storedDate(q.value(7));
    i.timeframe.openEnded = q.value(8).toInt() != 0;
    i.timeframe.review
        = q.value(9).toString() == u"annual" ? Timeframe::Review::Annual : Timeframe::Review::None;
    i.timeframe.flags = Timeframe::Flags(QFlag(q.value(10).toInt()));
    i.timeframe.needsReview = q.value(11).toInt() != 0;
    i.timeframe.reason = q.value(12).toString();
    i.shiftCommunity = q.value(13).toInt() != 0;
    i.shiftPrevention = q.value(14).toInt() != 0;
    i.shiftDigital = q.value(15).toInt() != 0;
    i.status
        = Enums::intentionStatusFromKey(q.value(16).toString()).value_or(IntentionStatus::Proposed);
    i.lead = q.value(17).toString();
    i.investment = toOptionalDouble(q.value(18));
    i.staffWte = toOptionalDouble(q.value(19));
    i.notes = q.value(20).toString();
    i.sourcePage = q.value(21).isNull() ? 0 : q.value(21).toInt();
    i.sortOrder = q.value(22).toInt();
    i.updatedAt = storedTimestamp(q.value(23));
    return i;
}

// The intentions a filter selects, with their links and milestones: one query per table, in
// the plan's order (portfolio order and name, then the intention's sort order, then id).
Result<QList<Intention>> loadIntentions(QSqlDatabase db, const QString &filter,
                                        const QString &linkFilter, const QVariantList &values)
{
    QList<Intention> intentions;
    auto selected = select(db, QString::fromLatin1(countIntentions).arg(filter), values,
                           [&](const QSqlQuery &q) { intentions.reserve(q.value(0).toLongLong()); });
    if (selected) {
        selected = select(db, QString::fromLatin1(selectIntentions).arg(filter), values,
                          [&](const QSqlQuery &q) { intentions.append(intentionFrom(q)); });
    }
    // The intentions are in id order and so is every link query: walk both together rather
    // than look each link's intention up.
    auto walk = [&](const char *statement, const std::function<void(Intention &, const QSqlQuery &)> &add) {
        qsizetype cursor = 0;
        return select(db, QString::fromLatin1(statement).arg(linkFilter), values,
                      [&](const QSqlQuery &q) {
                          const Id id = q.value(0).toLongLong();
                          while (cursor < intentions.size() && intentions.at(cursor).id < id)
                              ++cursor;
                          if (cursor < intentions.size() && intentions.at(cursor).id == id)
                              add(intentions[cursor], q);
                      });
    };
    auto ids = [](QList<Id> Intention::*list) {
        return [list](Intention &intention, const QSqlQuery &q) {
            (intention.*list).append(q.value(1).toLongLong());
        };
    };
    if (selected && !intentions.isEmpty())
        selected = walk(selectPlaceLinks, ids(&Intention::placeIds));
    if (selected && !intentions.isEmpty())
        selected = walk(selectProviderLinks, ids(&Intention::providerIds));
    if (selected && !intentions.isEmpty())
        selected = walk(selectDomainLinks, ids(&Intention::outcomeDomainIds));
    if (selected && !intentions.isEmpty()) {
        selected = walk(selectMilestones, [](Intention &intention, const QSqlQuery &q) {
            intention.milestones.append(
                {q.value(1).toString(), toDate(q.value(2)), q.value(3).toInt() != 0});
        });
    }
    QHash<Id, int> portfolioRank;
    if (selected && intentions.size() > 1) {
        selected = select(db, sql(selectPortfolioOrder), {}, [&](const QSqlQuery &q) {
            portfolioRank.insert(q.value(0).toLongLong(), int(portfolioRank.size()));
        });
    }
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the intentions"), {}, selected.error());
    if (intentions.size() > 1) {
        // Stable: within a portfolio and sort order the id order stays. An imported plan is
        // usually in this order already; otherwise positions are sorted, then rows moved once.
        auto before = [&](const Intention &a, const Intention &b) {
            const int ra = portfolioRank.value(a.portfolioId);
            const int rb = portfolioRank.value(b.portfolioId);
            return ra != rb ? ra < rb : a.sortOrder < b.sortOrder;
        };
        if (!std::is_sorted(intentions.cbegin(), intentions.cend(), before)) {
            std::vector<qsizetype> order(static_cast<size_t>(intentions.size()));
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
                return before(intentions.at(a), intentions.at(b));
            });
            QList<Intention> sorted;
            sorted.reserve(intentions.size());
            for (qsizetype from : order)
                sorted.append(std::move(intentions[from]));
            intentions = std::move(sorted);
        }
    }
    return intentions;
}

} // namespace

SqlIntentionRepository::SqlIntentionRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<Intention>> SqlIntentionRepository::load(Scope scope, Id id)
{
    const char *filter = scope == Scope::All ? intentionsAll
        : scope == Scope::Portfolio          ? intentionsByPortfolio
                                             : intentionById;
    const char *linkFilter = scope == Scope::All ? linksAll
        : scope == Scope::Portfolio              ? linksByPortfolio
                                                 : linksById;
    const QVariantList values = scope == Scope::All ? QVariantList {} : QVariantList {id};
    return loadIntentions(m_db, QString::fromLatin1(filter), QString::fromLatin1(linkFilter), values);
}

Result<QList<Intention>> SqlIntentionRepository::list()
{
    return load(Scope::All, 0);
}

Result<QList<Intention>> SqlIntentionRepository::listForPortfolio(Id portfolioId)
{
    return load(Scope::Portfolio, portfolioId);
}

Result<Intention> SqlIntentionRepository::get(Id id)
{
    auto found = load(Scope::One, id);
    if (!found)
        return Error {found.error()};
    if (found.value().isEmpty())
        return Error {
            QStringLiteral("Intention %1 does not exist; someone else may have deleted it.")
                .arg(id)};
    return found.value().constFirst();
}

// Checks that need no database go first; the references are checked inside the transaction so
// they cannot change between the check and the write.
Result<void> SqlIntentionRepository::validate(const Intention &value)
{
    auto fail = [](const QString &problem) { return Result<void>(Error {problem}); };
    const Timeframe &tf = value.timeframe;
    if (tf.start.isValid() && tf.end.isValid() && tf.end < tf.start)
        return fail(QStringLiteral("the timeframe ends before it starts"));
    if (value.investment && *value.investment < 0)
        return fail(QStringLiteral("the investment cannot be negative"));
    if (value.staffWte && *value.staffWte < 0)
        return fail(QStringLiteral("the staff resource (WTE) cannot be negative"));
    if (value.sourcePage < 0)
        return fail(QStringLiteral("the source page cannot be negative"));
    for (qsizetype i = 0; i < value.milestones.size(); ++i) {
        if (value.milestones.at(i).title.trimmed().isEmpty())
            return fail(QStringLiteral("milestone %1 has no title").arg(i + 1));
    }

    auto portfolio = exists(m_db, portfolioExists, value.portfolioId);
    if (!portfolio)
        return fail(portfolio.error());
    if (!portfolio.value())
        return fail(QStringLiteral("the portfolio does not exist"));
    if (value.programmeAreaId != 0) {
        auto area = selectValue(m_db, sql(areaPortfolio), {value.programmeAreaId});
        if (!area)
            return fail(area.error());
        if (!area.value().isValid())
            return fail(QStringLiteral("the programme area does not exist"));
        if (area.value().toLongLong() != value.portfolioId)
            return fail(QStringLiteral("the programme area belongs to another portfolio"));
    }
    struct Links
    {
        const QList<Id> &ids;
        const char *existsSql;
        const char *noun;
    };
    for (const Links &links : {Links {value.placeIds, placeExists, "place"},
                               Links {value.providerIds, providerExists, "provider"},
                               Links {value.outcomeDomainIds, domainExists, "outcome domain"}}) {
        for (Id id : normalisedIds(links.ids)) {
            auto found = exists(m_db, links.existsSql, id);
            if (!found)
                return fail(found.error());
            if (!found.value())
                return fail(QStringLiteral("the %1 with id %2 does not exist")
                                .arg(QLatin1String(links.noun))
                                .arg(id));
        }
    }
    return {};
}

Result<void> SqlIntentionRepository::writeLinks(const Intention &value, Id id, bool replace)
{
    if (replace) {
        for (const char *statement :
             {deletePlaceLinks, deleteProviderLinks, deleteDomainLinks, deleteMilestones}) {
            if (auto deleted = write(m_db, sql(statement), {id}); !deleted)
                return Error {deleted.error()};
        }
    }
    auto pairs = [id](const QList<Id> &ids) {
        QList<QVariantList> rows;
        for (Id linked : normalisedIds(ids))
            rows.append({id, linked});
        return rows;
    };
    Result<void> written = writeRows(m_db, sql(insertPlaceLink), pairs(value.placeIds));
    if (written)
        written = writeRows(m_db, sql(insertProviderLink), pairs(value.providerIds));
    if (written)
        written = writeRows(m_db, sql(insertDomainLink), pairs(value.outcomeDomainIds));
    if (written) {
        QList<QVariantList> rows;
        for (qsizetype i = 0; i < value.milestones.size(); ++i) {
            const Milestone &m = value.milestones.at(i);
            rows.append({id, text(m.title), date(m.due), m.done ? 1 : 0, int(i)});
        }
        written = writeRows(m_db, sql(insertMilestone), rows);
    }
    return written;
}

Result<Id> SqlIntentionRepository::create(const Intention &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theIntention, value.title, problem);
    };
    if (value.title.trimmed().isEmpty())
        return fail(QStringLiteral("the title is empty"));

    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    const HistoryContext context = history();
    QVariantList values = intentionValues(value);
    values << context.when << context.when;
    auto inserted = write(m_db, sql(insertIntention), values);
    if (!inserted)
        return fail(inserted.error());
    const Id id = inserted.value().lastInsertId;
    if (auto links = writeLinks(value, id, false); !links)
        return fail(links.error());
    if (auto recorded
        = recordEvent(context, entity, id, QStringLiteral("created"), {}, value.title);
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return id;
}

Result<void> SqlIntentionRepository::update(const Intention &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theIntention, value.title, problem);
    };
    if (value.title.trimmed().isEmpty())
        return fail(QStringLiteral("the title is empty"));

    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = load(Scope::One, value.id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return fail(QStringLiteral("it no longer exists (someone else may have deleted it)"));
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    const HistoryContext context = history();
    QVariantList values = intentionValues(value);
    values << context.when << value.id;
    if (auto updated = write(m_db, sql(updateIntention), values); !updated)
        return fail(updated.error());
    const Intention &old = before.value().constFirst();
    const bool linksChanged = normalisedIds(old.placeIds) != normalisedIds(value.placeIds)
        || normalisedIds(old.providerIds) != normalisedIds(value.providerIds)
        || normalisedIds(old.outcomeDomainIds) != normalisedIds(value.outcomeDomainIds)
        || old.milestones != value.milestones;
    if (linksChanged) {
        if (auto links = writeLinks(value, value.id, true); !links)
            return fail(links.error());
    }
    if (auto recorded
        = recordChanges(context, entity, value.id, intentionFields(old), intentionFields(value));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

Result<void> SqlIntentionRepository::remove(Id id)
{
    WriteTransaction transaction(m_db);
    const auto before = load(Scope::One, id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return cannot(Action::Delete, QStringLiteral("intention %1").arg(id), {},
                      QStringLiteral("it does not exist"));
    const QString title = before.value().constFirst().title;
    auto fail = [&](const QString &problem) {
        return cannot(Action::Delete, theIntention, title, problem);
    };
    if (!transaction.isActive())
        return fail(transaction.error());
    // Its links, milestones and notice links go with it (ON DELETE CASCADE).
    if (auto deleted = write(m_db, sql(deleteIntention), {id}, Action::Delete); !deleted)
        return fail(deleted.error());
    if (auto recorded = recordEvent(history(), entity, id, QStringLiteral("deleted"), title, {});
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Delete));
    return {};
}

namespace {

constexpr auto insertIntentionWithId = R"(
INSERT INTO intention (id, portfolio_id, programme_area_id, title, body, timeframe_raw, tf_start,
                       tf_end, tf_open_ended, tf_review, tf_flags, tf_needs_review, tf_reason,
                       shift_community, shift_prevention, shift_digital, status, lead,
                       investment_gbp, staff_wte, notes, source_page, sort_order, created_at,
                       updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
// The change-history row of SqlUtil::recordChanges/recordEvent, written here with one prepared
// statement for the whole list (those prepare theirs on every call: a thousand times for a bulk
// edit of a thousand intentions).
constexpr auto insertChangeRow = R"(
INSERT INTO change_history (changed_at, user_name, entity, entity_id, field, old_value, new_value)
VALUES (?, ?, ?, ?, ?, ?, ?))";
constexpr auto selectPortfolioIds = "SELECT id FROM portfolio";
constexpr auto selectAreaPortfolios = "SELECT id, portfolio_id FROM programme_area";
constexpr auto selectPlaceIds = "SELECT id FROM place";
constexpr auto selectProviderIds = "SELECT id FROM provider";
constexpr auto selectDomainIds = "SELECT id FROM outcome_domain";

// Every id an intention may refer to, read once for a whole saveMany (inside its transaction,
// so they cannot change before the writes).
struct References
{
    QSet<Id> portfolios;
    QHash<Id, Id> areaPortfolio;
    QSet<Id> places;
    QSet<Id> providers;
    QSet<Id> domains;
};

Result<References> loadReferences(QSqlDatabase db)
{
    References refs;
    auto ids = [&](const char *statement, QSet<Id> &into) {
        return select(db, sql(statement), {},
                      [&](const QSqlQuery &q) { into.insert(q.value(0).toLongLong()); });
    };
    Result<void> read = ids(selectPortfolioIds, refs.portfolios);
    if (read)
        read = select(db, sql(selectAreaPortfolios), {}, [&](const QSqlQuery &q) {
            refs.areaPortfolio.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        });
    if (read)
        read = ids(selectPlaceIds, refs.places);
    if (read)
        read = ids(selectProviderIds, refs.providers);
    if (read)
        read = ids(selectDomainIds, refs.domains);
    if (!read)
        return Error {read.error()};
    return refs;
}

// The same rules as SqlIntentionRepository::validate, against references already read.
QString problemWith(const Intention &value, const References &refs)
{
    const Timeframe &tf = value.timeframe;
    if (value.title.trimmed().isEmpty())
        return QStringLiteral("the title is empty");
    if (tf.start.isValid() && tf.end.isValid() && tf.end < tf.start)
        return QStringLiteral("the timeframe ends before it starts");
    if (value.investment && *value.investment < 0)
        return QStringLiteral("the investment cannot be negative");
    if (value.staffWte && *value.staffWte < 0)
        return QStringLiteral("the staff resource (WTE) cannot be negative");
    if (value.sourcePage < 0)
        return QStringLiteral("the source page cannot be negative");
    for (qsizetype i = 0; i < value.milestones.size(); ++i) {
        if (value.milestones.at(i).title.trimmed().isEmpty())
            return QStringLiteral("milestone %1 has no title").arg(i + 1);
    }
    if (!refs.portfolios.contains(value.portfolioId))
        return QStringLiteral("the portfolio does not exist");
    if (value.programmeAreaId != 0) {
        const auto area = refs.areaPortfolio.constFind(value.programmeAreaId);
        if (area == refs.areaPortfolio.cend())
            return QStringLiteral("the programme area does not exist");
        if (*area != value.portfolioId)
            return QStringLiteral("the programme area belongs to another portfolio");
    }
    struct Links
    {
        const QList<Id> &ids;
        const QSet<Id> &known;
        const char *noun;
    };
    for (const Links &links : {Links {value.placeIds, refs.places, "place"},
                               Links {value.providerIds, refs.providers, "provider"},
                               Links {value.outcomeDomainIds, refs.domains, "outcome domain"}}) {
        for (Id id : links.ids) {
            if (!links.known.contains(id))
                return QStringLiteral("the %1 with id %2 does not exist")
                    .arg(QLatin1String(links.noun))
                    .arg(id);
        }
    }
    return {};
}

// A statement prepared once and run for many rows (a bulk edit of 1,000 intentions would
// otherwise compile the same UPDATE 1,000 times).
class PreparedWrite
{
public:
    PreparedWrite(QSqlDatabase db, const char *statement)
        : m_query(db)
        , m_statement(statement)
    {
    }
    ~PreparedWrite() { finish(); }
    void finish() { m_query.finish(); } // before the commit: no statement left open

    Result<Written> run(const QVariantList &values)
    {
        if (!m_prepared) {
            if (!m_query.prepare(sql(m_statement)))
                return Error {plainProblem(problemText(), Action::Save)};
            m_prepared = true;
        }
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i, values.at(i));
        if (!m_query.exec())
            return Error {plainProblem(problemText(), Action::Save)};
        return Written {m_query.lastInsertId().toLongLong(), m_query.numRowsAffected()};
    }

private:
    QString problemText() const
    {
        const QSqlError error = m_query.lastError();
        return error.databaseText().isEmpty() ? error.text() : error.databaseText();
    }

    QSqlQuery m_query;
    const char *m_statement;
    bool m_prepared = false;
};

// "WHERE i.id IN (?, ?, …)" for count ids: only placeholders are composed, values are bound.
QString idsFilter(const char *column, qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return QStringLiteral("WHERE %1 IN (%2)").arg(QLatin1String(column), marks.join(u','));
}

} // namespace

Result<QList<Intention>> SqlIntentionRepository::saveMany(const QList<Intention> &values)
{
    auto fail = [&](const Intention &value, const QString &problem) {
        return cannot(Action::Save, theIntention, value.title, problem);
    };
    for (const Intention &value : values) {
        if (value.title.trimmed().isEmpty())
            return fail(value, QStringLiteral("the title is empty"));
    }
    if (values.isEmpty())
        return QList<Intention> {};

    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(values.constFirst(), transaction.error());

    // What is stored now for the ids given, a few hundred ids per query.
    QHash<Id, Intention> before;
    QList<Id> ids;
    for (const Intention &value : values) {
        if (value.id != 0)
            ids.append(value.id);
    }
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const QList<Id> part = ids.mid(from, chunk);
        QVariantList bound;
        bound.reserve(part.size());
        for (Id id : part)
            bound.append(id);
        auto found = loadIntentions(m_db, idsFilter("i.id", part.size()),
                                    idsFilter("intention_id", part.size()), bound);
        if (!found)
            return Error {found.error()};
        for (Intention &intention : found.value())
            before.insert(intention.id, std::move(intention));
    }

    auto refs = loadReferences(m_db);
    if (!refs)
        return fail(values.constFirst(), refs.error());

    const HistoryContext context = history();
    PreparedWrite insertNew(m_db, insertIntention);
    PreparedWrite insertWithId(m_db, insertIntentionWithId);
    PreparedWrite update(m_db, updateIntention);
    PreparedWrite changeRow(m_db, insertChangeRow);
    auto recordChange = [&](Id id, const QString &field, const QVariant &oldValue, const QVariant &newValue) {
        return changeRow.run({context.when, text(context.user), entity, id, field, oldValue, newValue});
    };
    QList<Intention> stored;
    stored.reserve(values.size());
    for (const Intention &given : values) {
        Intention value = given;
        value.placeIds = normalisedIds(value.placeIds);
        value.providerIds = normalisedIds(value.providerIds);
        value.outcomeDomainIds = normalisedIds(value.outcomeDomainIds);
        if (const QString problem = problemWith(value, refs.value()); !problem.isEmpty())
            return fail(value, problem);
        const QString when = value.updatedAt.isValid() ? timestamp(value.updatedAt) : context.when;
        value.updatedAt = toDateTime(when);

        const auto old = value.id == 0 ? before.cend() : before.constFind(value.id);
        if (old == before.cend()) {
            QVariantList row = intentionValues(value);
            row << context.when << when;
            const bool withId = value.id != 0;
            if (withId)
                row.prepend(value.id);
            auto inserted = (withId ? insertWithId : insertNew).run(row);
            if (!inserted)
                return fail(value, inserted.error());
            if (!withId)
                value.id = inserted.value().lastInsertId;
            if (auto links = writeLinks(value, value.id, false); !links)
                return fail(value, links.error());
            if (auto recorded = recordChange(value.id, QStringLiteral("created"), QVariant(), value.title);
                !recorded)
                return fail(value, recorded.error());
        } else {
            QVariantList row = intentionValues(value);
            row << when << value.id;
            if (auto updated = update.run(row); !updated)
                return fail(value, updated.error());
            const bool linksChanged = old->placeIds != value.placeIds
                || old->providerIds != value.providerIds
                || old->outcomeDomainIds != value.outcomeDomainIds
                || old->milestones != value.milestones;
            if (linksChanged) {
                if (auto links = writeLinks(value, value.id, true); !links)
                    return fail(value, links.error());
            }
            // One row per changed field, as recordChanges writes them.
            const Fields oldFields = intentionFields(*old);
            const Fields newFields = intentionFields(value);
            for (qsizetype f = 0; f < oldFields.size(); ++f) {
                if (oldFields.at(f).value == newFields.at(f).value)
                    continue;
                if (auto recorded = recordChange(value.id, newFields.at(f).field, text(oldFields.at(f).value),
                                                 text(newFields.at(f).value));
                    !recorded)
                    return fail(value, recorded.error());
            }
        }
        stored.append(std::move(value));
    }
    insertNew.finish();
    insertWithId.finish();
    update.finish();
    changeRow.finish();
    if (auto committed = transaction.commit(); !committed)
        return fail(values.constFirst(), plainProblem(committed.error(), Action::Save));
    return stored;
}
