// Plan settings, portfolios (with benefits) and programme areas.
#include "sqlrepositories.h"

#include "transaction.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace SqlUtil;

namespace {

constexpr auto selectSettings = R"(
SELECT icb_name, address, letterhead, signatory_name, signatory_title, contact_email,
       planning_year, notice_issue_date, notice_period_months, illustrative
FROM plan_settings WHERE id = 1)";

constexpr auto upsertSettings = R"(
INSERT INTO plan_settings (id, icb_name, address, letterhead, signatory_name, signatory_title,
                           contact_email, planning_year, notice_issue_date, notice_period_months,
                           illustrative)
VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    icb_name = excluded.icb_name, address = excluded.address, letterhead = excluded.letterhead,
    signatory_name = excluded.signatory_name, signatory_title = excluded.signatory_title,
    contact_email = excluded.contact_email, planning_year = excluded.planning_year,
    notice_issue_date = excluded.notice_issue_date,
    notice_period_months = excluded.notice_period_months, illustrative = excluded.illustrative)";

constexpr auto selectPortfolios = R"(
SELECT id, name, grp, lead, colour, sort_order, vision, key_stakeholders, key_programmes,
       engagement, source_name
FROM portfolio %1
ORDER BY sort_order, name, id)";
constexpr auto selectBenefits = R"(
SELECT portfolio_id, label, text FROM portfolio_benefit %1
ORDER BY portfolio_id, sort_order, id)";
constexpr auto allRows = "";
constexpr auto portfolioById = "WHERE id = ?";
constexpr auto benefitsByPortfolio = "WHERE portfolio_id = ?";

constexpr auto insertPortfolio = R"(
INSERT INTO portfolio (id, name, grp, lead, colour, sort_order, vision, key_stakeholders,
                       key_programmes, engagement, source_name)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr auto updatePortfolio = R"(
UPDATE portfolio SET name = ?, grp = ?, lead = ?, colour = ?, sort_order = ?, vision = ?,
       key_stakeholders = ?, key_programmes = ?, engagement = ?, source_name = ?
WHERE id = ?)";
constexpr auto deletePortfolio = "DELETE FROM portfolio WHERE id = ?";
constexpr auto deleteBenefits = "DELETE FROM portfolio_benefit WHERE portfolio_id = ?";
constexpr auto insertBenefit = R"(
INSERT INTO portfolio_benefit (portfolio_id, label, text, sort_order) VALUES (?, ?, ?, ?))";
constexpr auto countPortfolioIntentions = "SELECT count(*) FROM intention WHERE portfolio_id = ?";
constexpr auto portfolioExists = "SELECT 1 FROM portfolio WHERE id = ?";

constexpr auto selectAreas = R"(
SELECT a.id, a.portfolio_id, a.name, a.sort_order
FROM programme_area a JOIN portfolio p ON p.id = a.portfolio_id %1
ORDER BY p.sort_order, p.name, a.sort_order, a.name, a.id)";
constexpr auto areasByPortfolio = "WHERE a.portfolio_id = ?";
constexpr auto areaById = "WHERE a.id = ?";
constexpr auto insertArea
    = "INSERT INTO programme_area (id, portfolio_id, name, sort_order) VALUES (?, ?, ?, ?)";
constexpr auto portfolioIdTaken = "SELECT 1 FROM portfolio WHERE id = ?";
constexpr auto areaIdTaken = "SELECT 1 FROM programme_area WHERE id = ?";
constexpr auto updateArea
    = "UPDATE programme_area SET portfolio_id = ?, name = ?, sort_order = ? WHERE id = ?";
constexpr auto deleteArea = "DELETE FROM programme_area WHERE id = ?";

const QString thePlan = QStringLiteral("the plan settings");
const QString thePortfolio = QStringLiteral("the portfolio");
const QString theArea = QStringLiteral("the programme area");

Fields settingsFields(const PlanSettings &s)
{
    return {
        {QStringLiteral("icb_name"), s.icbName},
        {QStringLiteral("address"), s.address},
        {QStringLiteral("letterhead"), s.letterhead},
        {QStringLiteral("signatory_name"), s.signatoryName},
        {QStringLiteral("signatory_title"), s.signatoryTitle},
        {QStringLiteral("contact_email"), s.contactEmail},
        {QStringLiteral("planning_year"), QString::number(s.planningYear.startYear())},
        {QStringLiteral("notice_issue_date"), dateText(s.noticeIssueDate)},
        {QStringLiteral("notice_period_months"), QString::number(s.noticePeriodMonths)},
        {QStringLiteral("illustrative"), flagText(s.illustrative)},
    };
}

QString benefitsText(const QList<PortfolioBenefit> &benefits)
{
    QStringList lines;
    for (const PortfolioBenefit &benefit : benefits)
        lines.append(benefit.label + QStringLiteral(": ") + benefit.text);
    return lines.join(u'\n');
}

QString storedColour(const QString &colour)
{
    return colour.isEmpty() ? QString::fromLatin1(SqlPortfolioRepository::defaultColour) : colour;
}

Fields portfolioFields(const Portfolio &p)
{
    return {
        {QStringLiteral("name"), p.name},
        {QStringLiteral("grp"), Enums::key(p.group)},
        {QStringLiteral("lead"), p.lead},
        {QStringLiteral("colour"), storedColour(p.colour)},
        {QStringLiteral("sort_order"), QString::number(p.sortOrder)},
        {QStringLiteral("vision"), p.vision},
        {QStringLiteral("key_stakeholders"), p.keyStakeholders},
        {QStringLiteral("key_programmes"), p.keyProgrammes},
        {QStringLiteral("engagement"), p.engagement},
        {QStringLiteral("source_name"), p.sourceName},
        {QStringLiteral("benefits"), benefitsText(p.benefits)},
    };
}

QVariantList portfolioValues(const Portfolio &p)
{
    return {text(p.name),
            Enums::key(p.group),
            text(p.lead),
            storedColour(p.colour),
            p.sortOrder,
            text(p.vision),
            text(p.keyStakeholders),
            text(p.keyProgrammes),
            text(p.engagement),
            text(p.sourceName)};
}

Result<void> validatePortfolio(const Portfolio &p)
{
    if (p.name.trimmed().isEmpty())
        return Error {QStringLiteral("the name is empty")};
    static const QRegularExpression colour(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!p.colour.isEmpty() && !colour.match(p.colour).hasMatch())
        return Error {QStringLiteral("the colour must be written #RRGGBB (for example #4472C4)")};
    return {};
}

Fields areaFields(const ProgrammeArea &a)
{
    return {
        {QStringLiteral("portfolio_id"), idText(a.portfolioId)},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("sort_order"), QString::number(a.sortOrder)},
    };
}

QString noLongerExists()
{
    return QStringLiteral("it no longer exists (someone else may have deleted it)");
}

} // namespace

SqlRepositoryBase::SqlRepositoryBase(QSqlDatabase db, QString user)
    : m_db(std::move(db))
    , m_user(std::move(user))
{
}

HistoryContext SqlRepositoryBase::history() const
{
    return {m_db, m_user, nowTimestamp()};
}

// --- plan settings -------------------------------------------------------------------------------

SqlPlanSettingsRepository::SqlPlanSettingsRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

PlanSettings SqlPlanSettingsRepository::defaults()
{
    PlanSettings settings;
    settings.planningYear = FiscalYear(2026);
    settings.noticeIssueDate = PlanSettings::defaultNoticeIssueDate(settings.planningYear);
    settings.noticePeriodMonths = 6;
    return settings;
}

Result<PlanSettings> SqlPlanSettingsRepository::load()
{
    PlanSettings settings = defaults();
    auto selected = select(m_db, sql(selectSettings), {}, [&](const QSqlQuery &q) {
        settings.icbName = q.value(0).toString();
        settings.address = q.value(1).toString();
        settings.letterhead = q.value(2).toString();
        settings.signatoryName = q.value(3).toString();
        settings.signatoryTitle = q.value(4).toString();
        settings.contactEmail = q.value(5).toString();
        settings.planningYear = FiscalYear(q.value(6).toInt());
        settings.noticeIssueDate = toDate(q.value(7));
        settings.noticePeriodMonths = q.value(8).toInt();
        settings.illustrative = q.value(9).toInt() != 0;
    });
    if (!selected)
        return cannot(Action::Read, thePlan, {}, selected.error());
    return settings;
}

Result<void> SqlPlanSettingsRepository::save(const PlanSettings &s)
{
    auto fail = [&](const QString &problem) { return cannot(Action::Save, thePlan, {}, problem); };
    if (!s.planningYear.isValid())
        return fail(QStringLiteral("the planning year is not set"));
    if (!s.noticeIssueDate.isValid())
        return fail(QStringLiteral("the notice issue date is not set"));
    if (s.noticePeriodMonths < 1 || s.noticePeriodMonths > 60)
        return fail(QStringLiteral("the notice period must be between 1 and 60 months"));

    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = load();
    if (!before)
        return Error {before.error()};
    auto written
        = write(m_db, sql(upsertSettings),
                {text(s.icbName), text(s.address), text(s.letterhead), text(s.signatoryName),
                 text(s.signatoryTitle), text(s.contactEmail), s.planningYear.startYear(),
                 date(s.noticeIssueDate), s.noticePeriodMonths, s.illustrative ? 1 : 0});
    if (!written)
        return fail(written.error());
    if (auto recorded = recordChanges(history(), QStringLiteral("plan"), 1,
                                      settingsFields(before.value()), settingsFields(s));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

// --- portfolios ----------------------------------------------------------------------------------

SqlPortfolioRepository::SqlPortfolioRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<Portfolio>> SqlPortfolioRepository::load(bool one, Id id)
{
    const QVariantList values = one ? QVariantList {id} : QVariantList {};
    QList<Portfolio> portfolios;
    QHash<Id, qsizetype> rowOf;
    auto selected = select(m_db, withFilter(selectPortfolios, one ? portfolioById : allRows),
                           values, [&](const QSqlQuery &q) {
                               Portfolio p;
                               p.id = q.value(0).toLongLong();
                               p.name = q.value(1).toString();
                               p.group = Enums::portfolioGroupFromKey(q.value(2).toString())
                                             .value_or(PortfolioGroup::CoreObjectives);
                               p.lead = q.value(3).toString();
                               p.colour = q.value(4).toString();
                               p.sortOrder = q.value(5).toInt();
                               p.vision = q.value(6).toString();
                               p.keyStakeholders = q.value(7).toString();
                               p.keyProgrammes = q.value(8).toString();
                               p.engagement = q.value(9).toString();
                               p.sourceName = q.value(10).toString();
                               rowOf.insert(p.id, portfolios.size());
                               portfolios.append(std::move(p));
                           });
    if (selected) {
        selected = select(m_db, withFilter(selectBenefits, one ? benefitsByPortfolio : allRows),
                          values, [&](const QSqlQuery &q) {
                              const auto row = rowOf.constFind(q.value(0).toLongLong());
                              if (row != rowOf.cend())
                                  portfolios[*row].benefits.append(
                                      {q.value(1).toString(), q.value(2).toString()});
                          });
    }
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the portfolios"), {}, selected.error());
    return portfolios;
}

Result<QList<Portfolio>> SqlPortfolioRepository::list()
{
    return load(false, 0);
}

Result<Portfolio> SqlPortfolioRepository::get(Id id)
{
    auto found = load(true, id);
    if (!found)
        return Error {found.error()};
    if (found.value().isEmpty())
        return Error {
            QStringLiteral("Portfolio %1 does not exist; someone else may have deleted it.")
                .arg(id)};
    return found.value().constFirst();
}

namespace {

// The id a new row is inserted with: value.id when it is set and free (undo bringing a removed
// row back, so what else remembers the id still finds it), otherwise NULL for a new one.
Result<QVariant> idToKeep(QSqlDatabase db, const char *takenQuery, Id id)
{
    if (id <= 0)
        return QVariant(QMetaType::fromType<qlonglong>());
    auto taken = exists(db, takenQuery, id);
    if (!taken)
        return Error{taken.error()};
    return taken.value() ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(id);
}

Result<void> writeBenefits(QSqlDatabase db, Id id, const QList<PortfolioBenefit> &benefits,
                           bool replace)
{
    if (replace) {
        if (auto deleted = write(db, sql(deleteBenefits), {id}); !deleted)
            return Error {deleted.error()};
    }
    QList<QVariantList> rows;
    for (qsizetype i = 0; i < benefits.size(); ++i)
        rows.append({id, text(benefits.at(i).label), text(benefits.at(i).text), int(i)});
    return writeRows(db, sql(insertBenefit), rows);
}

} // namespace

Result<Id> SqlPortfolioRepository::create(const Portfolio &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, thePortfolio, value.name, problem);
    };
    if (auto valid = validatePortfolio(value); !valid)
        return fail(valid.error());

    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    auto keptId = idToKeep(m_db, portfolioIdTaken, value.id);
    if (!keptId)
        return fail(keptId.error());
    auto inserted = write(m_db, sql(insertPortfolio), QVariantList{keptId.value()} + portfolioValues(value));
    if (!inserted)
        return fail(inserted.error());
    const Id id = inserted.value().lastInsertId;
    if (auto benefits = writeBenefits(m_db, id, value.benefits, false); !benefits)
        return fail(benefits.error());
    if (auto recorded = recordEvent(history(), QStringLiteral("portfolio"), id,
                                    QStringLiteral("created"), {}, value.name);
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return id;
}

Result<void> SqlPortfolioRepository::update(const Portfolio &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, thePortfolio, value.name, problem);
    };
    if (auto valid = validatePortfolio(value); !valid)
        return fail(valid.error());

    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = load(true, value.id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return fail(noLongerExists());
    QVariantList values = portfolioValues(value);
    values.append(value.id);
    if (auto updated = write(m_db, sql(updatePortfolio), values); !updated)
        return fail(updated.error());
    if (before.value().constFirst().benefits != value.benefits) {
        if (auto benefits = writeBenefits(m_db, value.id, value.benefits, true); !benefits)
            return fail(benefits.error());
    }
    if (auto recorded
        = recordChanges(history(), QStringLiteral("portfolio"), value.id,
                        portfolioFields(before.value().constFirst()), portfolioFields(value));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

Result<void> SqlPortfolioRepository::remove(Id id)
{
    WriteTransaction transaction(m_db);
    const auto before = load(true, id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return cannot(Action::Delete, QStringLiteral("portfolio %1").arg(id), {},
                      QStringLiteral("it does not exist"));
    const QString name = before.value().constFirst().name;
    auto fail = [&](const QString &problem) {
        return cannot(Action::Delete, thePortfolio, name, problem);
    };
    if (!transaction.isActive())
        return fail(transaction.error());

    const auto intentions = selectValue(m_db, sql(countPortfolioIntentions), {id});
    if (!intentions)
        return fail(intentions.error());
    if (const int count = intentions.value().toInt(); count > 0) {
        return fail(
            QStringLiteral("it still has %1. Move them to another portfolio or delete them first")
                .arg(count == 1 ? QStringLiteral("1 intention")
                                : QStringLiteral("%1 intentions").arg(count)));
    }
    if (auto deleted = write(m_db, sql(deletePortfolio), {id}, Action::Delete); !deleted)
        return fail(deleted.error());
    if (auto recorded = recordEvent(history(), QStringLiteral("portfolio"), id,
                                    QStringLiteral("deleted"), name, {});
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Delete));
    return {};
}

// --- programme areas -----------------------------------------------------------------------------

namespace {

Result<QList<ProgrammeArea>> loadAreas(QSqlDatabase db, const char *filter,
                                       const QVariantList &values)
{
    QList<ProgrammeArea> areas;
    auto selected = select(db, withFilter(selectAreas, filter), values, [&](const QSqlQuery &q) {
        areas.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                      q.value(3).toInt()});
    });
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the programme areas"), {}, selected.error());
    return areas;
}

} // namespace

SqlProgrammeAreaRepository::SqlProgrammeAreaRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<ProgrammeArea>> SqlProgrammeAreaRepository::list()
{
    return loadAreas(m_db, allRows, {});
}

Result<QList<ProgrammeArea>> SqlProgrammeAreaRepository::listForPortfolio(Id portfolioId)
{
    return loadAreas(m_db, areasByPortfolio, {portfolioId});
}

Result<ProgrammeArea> SqlProgrammeAreaRepository::get(Id id)
{
    auto found = loadAreas(m_db, areaById, {id});
    if (!found)
        return Error {found.error()};
    if (found.value().isEmpty())
        return Error {
            QStringLiteral("Programme area %1 does not exist; someone else may have deleted it.")
                .arg(id)};
    return found.value().constFirst();
}

Result<void> SqlProgrammeAreaRepository::validate(const ProgrammeArea &value)
{
    if (value.name.trimmed().isEmpty())
        return Error {QStringLiteral("the name is empty")};
    auto portfolio = exists(m_db, portfolioExists, value.portfolioId);
    if (!portfolio)
        return Error {portfolio.error()};
    if (!portfolio.value())
        return Error {QStringLiteral("the portfolio does not exist")};
    return {};
}

Result<Id> SqlProgrammeAreaRepository::create(const ProgrammeArea &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theArea, value.name, problem);
    };
    if (value.name.trimmed().isEmpty())
        return fail(QStringLiteral("the name is empty"));
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    auto keptId = idToKeep(m_db, areaIdTaken, value.id);
    if (!keptId)
        return fail(keptId.error());
    auto inserted = write(m_db, sql(insertArea),
                          {keptId.value(), value.portfolioId, text(value.name), value.sortOrder});
    if (!inserted)
        return fail(inserted.error());
    const Id id = inserted.value().lastInsertId;
    if (auto recorded = recordEvent(history(), QStringLiteral("programme_area"), id,
                                    QStringLiteral("created"), {}, value.name);
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return id;
}

Result<void> SqlProgrammeAreaRepository::update(const ProgrammeArea &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theArea, value.name, problem);
    };
    if (value.name.trimmed().isEmpty())
        return fail(QStringLiteral("the name is empty"));
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = loadAreas(m_db, areaById, {value.id});
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return fail(noLongerExists());
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    if (auto updated = write(m_db, sql(updateArea),
                             {value.portfolioId, text(value.name), value.sortOrder, value.id});
        !updated)
        return fail(updated.error());
    if (auto recorded = recordChanges(history(), QStringLiteral("programme_area"), value.id,
                                      areaFields(before.value().constFirst()), areaFields(value));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

Result<void> SqlProgrammeAreaRepository::remove(Id id)
{
    WriteTransaction transaction(m_db);
    const auto before = loadAreas(m_db, areaById, {id});
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return cannot(Action::Delete, QStringLiteral("programme area %1").arg(id), {},
                      QStringLiteral("it does not exist"));
    const QString name = before.value().constFirst().name;
    auto fail
        = [&](const QString &problem) { return cannot(Action::Delete, theArea, name, problem); };
    if (!transaction.isActive())
        return fail(transaction.error());
    if (auto deleted = write(m_db, sql(deleteArea), {id}, Action::Delete); !deleted)
        return fail(deleted.error());
    if (auto recorded = recordEvent(history(), QStringLiteral("programme_area"), id,
                                    QStringLiteral("deleted"), name, {});
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Delete));
    return {};
}
