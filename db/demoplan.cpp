#include "demoplan.h"

#include "csvreader.h"
#include "entities.h"
#include "intentioncsvimporter.h"
#include "transaction.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <utility>

namespace {

// NOTES.md, "Portfolio names across the two seeds": the intentions (2025) and the Joint
// Forward Plan (2023/24) name the same portfolios differently.
const std::array<std::pair<const char *, const char *>, 9> jfpNames{{
    {"Maternity and Neonatal", "Maternity"},
    {"Mental Health, Learning Disabilities and Autism", "Mental Health"},
    {"Planned Care", "Planned Care"},
    {"Cancer Screening and Surveillance", "Cancer"},
    {"Specialised Services", "Specialist Commissioning"},
    {"Community Services", "Community Health Services"},
    {"Long Term Conditions", "Long Term Conditions"},
    {"Primary Care", "Primary Care"},
    {"Urgent and Emergency Care", "Urgent and emergency care"},
}};

struct OutcomeDomainSeed
{
    const char *name;
    OutcomeDomainKind kind;
};

// The NEL Outcomes and Equity Framework (brief §2): five life-course domains, three cross-cutting.
const std::array<OutcomeDomainSeed, 8> outcomeDomains{{
    {"Starting Strong", OutcomeDomainKind::LifeCourse},
    {"Living Well", OutcomeDomainKind::LifeCourse},
    {"Managing Conditions", OutcomeDomainKind::LifeCourse},
    {"Supporting Complex Needs", OutcomeDomainKind::LifeCourse},
    {"Dying Well", OutcomeDomainKind::LifeCourse},
    {"Quality Care and Access", OutcomeDomainKind::CrossCutting},
    {"Health Inequalities and Communities", OutcomeDomainKind::CrossCutting},
    {"Sustainable Services", OutcomeDomainKind::CrossCutting},
}};

const char countDataSql[]
    = "SELECT (SELECT count(*) FROM plan_settings) + (SELECT count(*) FROM portfolio)"
      " + (SELECT count(*) FROM intention) + (SELECT count(*) FROM place)"
      " + (SELECT count(*) FROM provider) + (SELECT count(*) FROM outcome_domain)";
const char insertSettingsSql[]
    = "INSERT INTO plan_settings (id, icb_name, address, letterhead, signatory_name,"
      " signatory_title, contact_email, planning_year, notice_issue_date, notice_period_months,"
      " illustrative) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
const char insertPortfolioSql[]
    = "INSERT INTO portfolio (name, grp, colour, sort_order, vision, key_stakeholders,"
      " key_programmes, source_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const char insertBenefitSql[]
    = "INSERT INTO portfolio_benefit (portfolio_id, label, text, sort_order) VALUES (?, ?, ?, ?)";
const char insertPlaceSql[] = "INSERT INTO place (name, notes, sort_order) VALUES (?, ?, ?)";
const char insertProviderSql[] = "INSERT INTO provider (name, type, notes) VALUES (?, ?, ?)";
const char insertOutcomeDomainSql[]
    = "INSERT INTO outcome_domain (name, kind, sort_order) VALUES (?, ?, ?)";

// A JFP portfolio page as condensed in nel-portfolios.csv.
struct JfpPage
{
    QString name;
    PortfolioGroup group = PortfolioGroup::CoreObjectives;
    QString vision;
    QString keyStakeholders;
    QString keyProgrammes;
    QString benefits;
    int line = 0;
};

QString nameKey(const QString &name)
{
    return name.simplified().toCaseFolded();
}

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return Error{QStringLiteral("%1: %2").arg(what, query.lastError().text())};
}

// Reads one of the demo CSVs and finds its columns by name.
Result<std::pair<CsvTable, QList<int>>> readDemoCsv(const QString &dir, const char *file,
                                                    const QStringList &columns)
{
    auto table = CsvReader::readFile(QDir(dir).filePath(QLatin1String(file)));
    if (!table)
        return Error{table.error()};
    QList<int> positions;
    for (const QString &column : columns) {
        const int at = table.value().column(column);
        if (at < 0) {
            return Error{QStringLiteral("“%1”: line 1: the column “%2” is missing")
                              .arg(QLatin1String(file), column)};
        }
        positions.append(at);
    }
    return std::pair{std::move(table.value()), positions};
}

// "April 2025: …", "2025/26: …" and "By April 2024 and April 2026: …" name the year the
// benefits are due; other text before a colon ("HIV: …") is part of the benefit itself.
PortfolioBenefit benefitFromText(const QString &part)
{
    static const QRegularExpression label(
        QStringLiteral("^([^:]{0,40}\\b20\\d\\d(/\\d\\d)?):\\s+(.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = label.match(part);
    if (match.hasMatch())
        return {match.captured(1).trimmed(), match.captured(3).trimmed()};
    return {QString(), part.trimmed()};
}

QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

int count(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}

class Builder
{
public:
    explicit Builder(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }

    Result<void> insertSettings();
    Result<void> insertPortfolio(const QString &name, PortfolioGroup group, const JfpPage *page);
    Result<void> insertPlaces(const CsvTable &table, const QList<int> &at);
    Result<void> insertProviders(const CsvTable &table, const QList<int> &at);
    Result<void> insertOutcomeDomains();

private:
    QSqlDatabase m_db;
    int m_portfolioIndex = 0;
};

Result<void> Builder::insertSettings()
{
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(insertSettingsSql));
    query.addBindValue(QStringLiteral("NHS North East London Integrated Care Board"));
    // The ICB's published headquarters; the seed documents print no postal address.
    query.addBindValue(QStringLiteral("4th Floor, Unex Tower\n5 Station Street\nLondon\nE15 1DA"));
    query.addBindValue(QStringLiteral("northeastlondon.icb.nhs.uk"));
    // Placeholders: the demo plan is illustrative and names no real signatory or mailbox.
    query.addBindValue(QStringLiteral("[Signatory name]"));
    query.addBindValue(QStringLiteral("Director of Commissioning"));
    query.addBindValue(QStringLiteral("[contracting team email]"));
    const FiscalYear planningYear(2026);
    query.addBindValue(planningYear.startYear());
    query.addBindValue(PlanSettings::defaultNoticeIssueDate(planningYear).toString(Qt::ISODate));
    query.addBindValue(6);
    if (!query.exec())
        return sqlError(QStringLiteral("Writing the plan settings failed"), query);
    return {};
}

Result<void> Builder::insertPortfolio(const QString &name, PortfolioGroup group,
                                      const JfpPage *page)
{
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(insertPortfolioSql));
    query.addBindValue(name);
    query.addBindValue(Enums::key(group));
    query.addBindValue(IntentionCsvImporter::portfolioColour(m_portfolioIndex));
    query.addBindValue(m_portfolioIndex);
    query.addBindValue(page ? notNull(page->vision) : QStringLiteral(""));
    query.addBindValue(page ? notNull(page->keyStakeholders) : QStringLiteral(""));
    query.addBindValue(page ? notNull(page->keyProgrammes) : QStringLiteral(""));
    query.addBindValue(page ? notNull(page->name) : QStringLiteral(""));
    if (!query.exec())
        return sqlError(QStringLiteral("Writing the portfolio “%1” failed").arg(name), query);
    ++m_portfolioIndex;
    if (!page)
        return {};

    const Id portfolioId = query.lastInsertId().toLongLong();
    QSqlQuery benefit(m_db);
    benefit.prepare(QLatin1String(insertBenefitSql));
    int order = 0;
    for (const QString &part : page->benefits.split(QStringLiteral(" | "), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        const PortfolioBenefit parsed = benefitFromText(part);
        benefit.bindValue(0, portfolioId);
        benefit.bindValue(1, notNull(parsed.label));
        benefit.bindValue(2, notNull(parsed.text));
        benefit.bindValue(3, order++);
        if (!benefit.exec())
            return sqlError(QStringLiteral("Writing the benefits of “%1” failed").arg(name),
                            benefit);
    }
    return {};
}

Result<void> Builder::insertPlaces(const CsvTable &table, const QList<int> &at)
{
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(insertPlaceSql));
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        query.bindValue(0, row.at(at[0]).simplified());
        query.bindValue(1, notNull(row.at(at[1]).trimmed()));
        query.bindValue(2, int(r));
        if (!query.exec()) {
            return sqlError(QStringLiteral("“%1”: line %2: the place could not be saved")
                                .arg(QLatin1String(DemoPlan::placesFile))
                                .arg(table.rowLines.at(r)),
                            query);
        }
    }
    return {};
}

Result<void> Builder::insertProviders(const CsvTable &table, const QList<int> &at)
{
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(insertProviderSql));
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        query.bindValue(0, row.at(at[0]).simplified());
        query.bindValue(1, Enums::key(Enums::providerTypeFromDescription(row.at(at[1]))));
        // How the seeds name the provider: the evidence for listing it, kept for the user.
        query.bindValue(2, notNull(row.at(at[2]).trimmed()));
        if (!query.exec()) {
            return sqlError(QStringLiteral("“%1”: line %2: the provider could not be saved")
                                .arg(QLatin1String(DemoPlan::providersFile))
                                .arg(table.rowLines.at(r)),
                            query);
        }
    }
    return {};
}

Result<void> Builder::insertOutcomeDomains()
{
    QSqlQuery query(m_db);
    query.prepare(QLatin1String(insertOutcomeDomainSql));
    for (size_t i = 0; i < outcomeDomains.size(); ++i) {
        query.bindValue(0, QString::fromUtf8(outcomeDomains[i].name));
        query.bindValue(1, Enums::key(outcomeDomains[i].kind));
        query.bindValue(2, int(i));
        if (!query.exec())
            return sqlError(QStringLiteral("Writing the outcome domains failed"), query);
    }
    return {};
}

} // namespace

namespace DemoPlan {

QString jointForwardPlanName(const QString &intentionsPortfolio)
{
    const QString key = nameKey(intentionsPortfolio);
    for (const auto &[ours, theirs] : jfpNames) {
        if (nameKey(QString::fromUtf8(ours)) == key)
            return QString::fromUtf8(theirs);
    }
    return {};
}

Result<DemoPlanReport> build(QSqlDatabase db, const QString &csvDir)
{
    // Everything is read and checked before the plan is touched.
    const auto intentions
        = CsvReader::readFile(QDir(csvDir).filePath(QLatin1String(intentionsFile)));
    if (!intentions)
        return Error{intentions.error()};
    const int portfolioColumn = intentions.value().column(u"portfolio");
    if (portfolioColumn < 0)
        return Error{QStringLiteral("“%1”: line 1: the column “portfolio” is missing")
                          .arg(QLatin1String(intentionsFile))};
    const auto portfolios
        = readDemoCsv(csvDir, portfoliosFile,
                      {QStringLiteral("name"), QStringLiteral("group"), QStringLiteral("vision"),
                       QStringLiteral("key_stakeholders"), QStringLiteral("key_programmes"),
                       QStringLiteral("benefits_by_2025_2027")});
    if (!portfolios)
        return Error{portfolios.error()};
    const auto places
        = readDemoCsv(csvDir, placesFile, {QStringLiteral("name"), QStringLiteral("notes")});
    if (!places)
        return Error{places.error()};
    const auto providers = readDemoCsv(
        csvDir, providersFile,
        {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("mentioned_as")});
    if (!providers)
        return Error{providers.error()};

    QList<JfpPage> pages;
    {
        const auto &[table, at] = portfolios.value();
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            const QStringList &row = table.rows.at(r);
            JfpPage page;
            page.line = table.rowLines.at(r);
            page.name = row.at(at[0]).simplified();
            const auto group = Enums::portfolioGroupFromLabel(row.at(at[1]));
            if (!group) {
                return Error{QStringLiteral("“%1”: line %2: unknown portfolio group “%3”")
                                  .arg(QLatin1String(portfoliosFile))
                                  .arg(page.line)
                                  .arg(row.at(at[1]))};
            }
            page.group = *group;
            page.vision = row.at(at[2]).trimmed();
            page.keyStakeholders = row.at(at[3]).trimmed();
            page.keyProgrammes = row.at(at[4]).trimmed();
            page.benefits = row.at(at[5]).trimmed();
            pages.append(page);
        }
    }
    auto findPage = [&pages](const QString &name) -> const JfpPage * {
        for (const JfpPage &page : pages) {
            if (nameKey(page.name) == nameKey(name))
                return &page;
        }
        return nullptr;
    };

    // The intentions' portfolios, in the order they first appear.
    QStringList intentionPortfolios;
    {
        QSet<QString> seen;
        for (const QStringList &row : intentions.value().rows) {
            const QString name = row.at(portfolioColumn).simplified();
            if (!name.isEmpty() && !seen.contains(nameKey(name))) {
                seen.insert(nameKey(name));
                intentionPortfolios.append(name);
            }
        }
    }

    if (count(db, QLatin1String(countDataSql)) != 0)
        return Error{QStringLiteral("The demo plan can only be built into an empty plan.")};
    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return Error{
            QStringLiteral("The plan cannot be changed now: %1").arg(transaction.error())};

    Builder builder(db);
    if (auto settings = builder.insertSettings(); !settings)
        return Error{settings.error()};

    DemoPlanReport report;
    QSet<const JfpPage *> used;
    for (const QString &name : intentionPortfolios) {
        const QString jfpName = jointForwardPlanName(name);
        const JfpPage *page = nullptr;
        if (!jfpName.isEmpty()) {
            page = findPage(jfpName);
            if (!page) {
                return Error{QStringLiteral("“%1” has no row “%2” for the portfolio “%3”")
                                  .arg(QLatin1String(portfoliosFile), jfpName, name)};
            }
            used.insert(page);
            ++report.portfoliosWithJfpPage;
        }
        // Diagnostics, End of Life Care and Neighbourhoods have no JFP page. They are delivery
        // portfolios like those around them in the 2026/27 intentions, and the JFP files their
        // parents (diagnostics under Planned Care, integrated neighbourhood teams under
        // Primary Care) under the core objectives, so that is their group too.
        const PortfolioGroup group = page ? page->group : PortfolioGroup::CoreObjectives;
        if (auto inserted = builder.insertPortfolio(name, group, page); !inserted)
            return Error{inserted.error()};
    }
    for (const JfpPage &page : pages) {
        if (used.contains(&page))
            continue;
        if (intentionPortfolios.contains(page.name, Qt::CaseInsensitive)) {
            return Error{
                QStringLiteral(
                    "“%1”: line %2: the portfolio “%3” is named by the intentions but not "
                    "in the list of corresponding names")
                    .arg(QLatin1String(portfoliosFile))
                    .arg(page.line)
                    .arg(page.name)};
        }
        if (auto inserted = builder.insertPortfolio(page.name, page.group, &page); !inserted)
            return Error{inserted.error()};
        ++report.portfoliosWithJfpPage;
    }

    // The same import a user runs; it finds the portfolios just written by name.
    IntentionCsvImporter importer(db);
    const auto imported = importer.importTableInTransaction(intentions.value());
    if (!imported)
        return Error{
            QStringLiteral("“%1”: %2").arg(QLatin1String(intentionsFile), imported.error())};
    report.intentionsNeedingReview = imported.value().rowsNeedingReview;

    if (auto inserted = builder.insertPlaces(places.value().first, places.value().second);
        !inserted)
        return Error{inserted.error()};
    if (auto inserted = builder.insertProviders(providers.value().first, providers.value().second);
        !inserted)
        return Error{inserted.error()};
    if (auto inserted = builder.insertOutcomeDomains(); !inserted)
        return Error{inserted.error()};
    if (auto added = addContractRegister(db); !added)
        return Error{added.error()};

    report.portfolios = count(db, QStringLiteral("SELECT count(*) FROM portfolio"));
    report.benefits = count(db, QStringLiteral("SELECT count(*) FROM portfolio_benefit"));
    report.programmeAreas = count(db, QStringLiteral("SELECT count(*) FROM programme_area"));
    report.intentions = count(db, QStringLiteral("SELECT count(*) FROM intention"));
    report.places = count(db, QStringLiteral("SELECT count(*) FROM place"));
    report.providers = count(db, QStringLiteral("SELECT count(*) FROM provider"));
    report.outcomeDomains = count(db, QStringLiteral("SELECT count(*) FROM outcome_domain"));
    report.contracts = count(db, QStringLiteral("SELECT count(*) FROM contract"));
    report.notices = count(db, QStringLiteral("SELECT count(*) FROM contract_notice"));

    if (auto committed = transaction.commit(); !committed)
        return Error{
            QStringLiteral("The demo plan could not be saved: %1").arg(committed.error())};
    return report;
}

} // namespace DemoPlan
