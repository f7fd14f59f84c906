#include "syntheticplanbuilder.h"

#include "csvreader.h"
#include "entities.h"
#include "fiscalyear.h"
#include "intentioncsvimporter.h"
#include "transaction.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <array>

namespace {

const char countDataSql[] = "SELECT (SELECT count(*) FROM plan_settings) + (SELECT count(*) FROM portfolio)"
                            " + (SELECT count(*) FROM intention) + (SELECT count(*) FROM place)"
                            " + (SELECT count(*) FROM provider)";
const char insertSettingsSql[]
    = "INSERT INTO plan_settings (id, icb_name, address, planning_year, notice_issue_date, notice_period_months,"
      " illustrative) VALUES (1, :icb_name, :address, :planning_year, :notice_issue_date, 6, 1)";
const char insertPlaceSql[] = "INSERT INTO place (name, sort_order) VALUES (:name, :sort_order)";
const char insertProviderSql[] = "INSERT INTO provider (name, type) VALUES (:name, :type)";
const char selectIntentionIdsSql[] = "SELECT id FROM intention ORDER BY id";
const char updateIntentionSql[] = "UPDATE intention SET status = :status, lead = :lead WHERE id = :id";
const char insertIntentionPlaceSql[]
    = "INSERT INTO intention_place (intention_id, place_id) VALUES (:intention_id, :place_id)";
const char insertIntentionProviderSql[]
    = "INSERT INTO intention_provider (intention_id, provider_id) VALUES (:intention_id, :provider_id)";
const char selectCountsSql[]
    = "SELECT (SELECT count(*) FROM portfolio), (SELECT count(*) FROM programme_area),"
      " (SELECT count(*) FROM place), (SELECT count(*) FROM provider),"
      " (SELECT count(*) FROM intention WHERE tf_needs_review = 1)";

// A share of the demo's timeframe texts (NOTES.md): year ranges in every dash, financial
// years, open ends, flags, and the typos and "tbc" that must be flagged for review.
const std::array<const char *, 34> timeframes{
    "2026-2027", "2026-2029", "2026/27", "2026/27 – 2030/31", "2026–2028", "2026 - 2030", "2027/28",
    "2027-2030", "26/27", "26/27 onwards", "2025/26 – 2028/29", "2025-27", "2026-27", "2028/29",
    "October 2026", "Ongoing", "On going", "Continual (reviewed annually)", "2026-2027 and ongoing",
    "2026–2027 and annually", "2026-2027 Timeframe is subject to funding",
    "2026-2027 phased and subject to funding", "2026/2031", "2027 - 2031", "2026 – 2029", "2025 - 2027",
    "2026", "tbc", "2026-2828", "2026=2027", "2020 27", "", "2027/28 – 2030/31", "2025–2030",
};

const std::array<const char *, 12> demoPortfolios{
    "Maternity and Neonatal", "Mental Health, Learning Disabilities and Autism", "Planned Care", "Diagnostics",
    "Cancer Screening and Surveillance", "Specialised Services", "Community Services", "End of Life Care",
    "Long Term Conditions", "Primary Care", "Urgent and Emergency Care", "Neighbourhoods",
};

const std::array<const char *, 8> areaNames{
    "Demand management", "Access and flow", "Workforce", "Digital enablers",
    "Prevention and early help", "Quality and safety", "Personalised care", "Estates",
};

const std::array<const char *, 7> places{
    "Barking & Dagenham", "City & Hackney", "Havering", "Newham", "Redbridge", "Tower Hamlets", "Waltham Forest",
};

const std::array<const char *, 30> words{
    "commission",    "integrated", "pathway",   "community", "prevention", "digital", "neighbourhood",
    "teams",         "access",     "equitable", "across",    "NEL",        "residents", "services,",
    "with",          "the",        "acute",     "providers", "women's",    "health",    "hubs",
    "\"virtual\"",   "wards",      "and",       "specification", "outcomes", "(e.g.",  "Core20PLUS5)",
    "by",            "2028/29",
};

const std::array<const char *, 6> leadNames{
    "Director of Commissioning", "Head of Planned Care", "Place Director", "Clinical Lead",
    "Programme Manager", "Associate Director",
};

const std::array<IntentionStatus, 10> statusMix{
    IntentionStatus::Proposed,   IntentionStatus::Proposed,   IntentionStatus::Proposed, IntentionStatus::Agreed,
    IntentionStatus::Agreed,     IntentionStatus::Agreed,     IntentionStatus::InDelivery,
    IntentionStatus::InDelivery, IntentionStatus::Complete,   IntentionStatus::Withdrawn,
};

constexpr int providerCount = 24;
const std::array<ProviderType, 6> providerTypes{
    ProviderType::Acute, ProviderType::CommunityMentalHealth, ProviderType::GpFederation,
    ProviderType::Vcse,  ProviderType::Hospice,               ProviderType::IndependentSector,
};

// xorshift32: small, fast and the same everywhere.
class Random
{
public:
    explicit Random(quint32 seed)
        : m_state(seed ? seed : 1)
    {
    }
    quint32 next(quint32 bound)
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return bound ? m_state % bound : 0;
    }

private:
    quint32 m_state;
};

QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n') && !bytes.contains('\r'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

QString portfolioName(int index)
{
    return index < int(demoPortfolios.size()) ? QString::fromUtf8(demoPortfolios.at(index))
                                              : QStringLiteral("Portfolio %1").arg(index + 1);
}

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return Error{QStringLiteral("%1: %2").arg(what, query.lastError().text())};
}

// Runs one prepared statement for each row of named values.
Result<void> writeRows(QSqlDatabase db, const char *sql, const QStringList &names, const QList<QVariantList> &rows)
{
    QSqlQuery query(db);
    if (!query.prepare(QLatin1String(sql)))
        return sqlError(QStringLiteral("Preparing the synthetic plan failed"), query);
    for (const QVariantList &row : rows) {
        for (qsizetype i = 0; i < names.size(); ++i)
            query.bindValue(names.at(i), row.at(i));
        if (!query.exec())
            return sqlError(QStringLiteral("Writing the synthetic plan failed"), query);
    }
    query.finish();
    return {};
}

} // namespace

namespace SyntheticPlanBuilder {

QByteArray intentionsCsv(int rows, int portfolios, quint32 seed)
{
    Random random(seed);
    portfolios = std::max(portfolios, 1);
    QByteArray bytes;
    bytes.reserve(qsizetype(rows) * 220);
    bytes += "portfolio,programme_area,intention,timeframe,shift_community,shift_prevention,shift_digital,"
             "source_page\r\n";
    constexpr int perRun = 25; // real files list a portfolio's intentions together
    for (int r = 0; r < rows; ++r) {
        const int p = (r / perRun) % portfolios;
        const int areaIndex = int(random.next(7));
        const QString area = areaIndex == 6 ? QString() : QString::fromUtf8(areaNames.at((p + areaIndex) % 8));
        QString text = QStringLiteral("Intention %1:").arg(r + 1);
        const int sentences = 1 + int(random.next(4));
        for (int s = 0; s < sentences; ++s) {
            const int length = 3 + int(random.next(25));
            for (int w = 0; w < length; ++w) {
                QString word = QString::fromUtf8(words.at(random.next(words.size())));
                if (w == 0)
                    word[0] = word.at(0).toUpper();
                text += QLatin1Char(' ') + word;
            }
            text += QLatin1Char('.');
        }
        const QString timeframe = QString::fromUtf8(timeframes.at(random.next(timeframes.size())));
        QByteArray marks[3];
        for (int s = 0; s < 3; ++s)
            marks[s] = random.next(100) < quint32(60 - 10 * s) ? "Y" : "";
        const QByteArray page = random.next(3) == 0 ? QByteArray() : QByteArray::number(50 + random.next(50));
        bytes += csvField(portfolioName(p)) + ',' + csvField(area) + ',' + csvField(text) + ',' + csvField(timeframe)
            + ',' + marks[0] + ',' + marks[1] + ',' + marks[2] + ',' + page + "\r\n";
    }
    return bytes;
}

Result<SyntheticPlanReport> build(QSqlDatabase db, int intentions, int portfolios, quint32 seed)
{
    if (intentions < 1)
        return Error{QStringLiteral("A synthetic plan needs at least one intention.")};
    {
        QSqlQuery query(db);
        if (!query.exec(QLatin1String(countDataSql)) || !query.next())
            return sqlError(QStringLiteral("Reading the plan failed"), query);
        if (query.value(0).toInt() != 0)
            return Error{QStringLiteral("A synthetic plan can only be built into an empty plan.")};
    }
    const auto table = CsvReader::read(intentionsCsv(intentions, portfolios, seed));
    if (!table)
        return Error{table.error()};

    WriteTransaction transaction(db);
    if (!transaction.isActive())
        return Error{QStringLiteral("The plan cannot be changed now: %1").arg(transaction.error())};

    const FiscalYear planningYear(2026);
    if (auto written = writeRows(db, insertSettingsSql,
                                 {QStringLiteral(":icb_name"), QStringLiteral(":address"),
                                  QStringLiteral(":planning_year"), QStringLiteral(":notice_issue_date")},
                                 {{QStringLiteral("Synthetic Integrated Care Board"),
                                   QStringLiteral("1 Example Street\nLondon"), planningYear.startYear(),
                                   PlanSettings::defaultNoticeIssueDate(planningYear).toString(Qt::ISODate)}});
        !written)
        return Error{written.error()};

    QList<QVariantList> placeRows;
    for (int i = 0; i < int(places.size()); ++i)
        placeRows.append({QString::fromUtf8(places.at(i)), i});
    if (auto written = writeRows(db, insertPlaceSql, {QStringLiteral(":name"), QStringLiteral(":sort_order")}, placeRows);
        !written)
        return Error{written.error()};
    QList<QVariantList> providerRows;
    for (int i = 0; i < providerCount; ++i) {
        const ProviderType type = providerTypes.at(i % providerTypes.size());
        providerRows.append({QStringLiteral("%1 provider %2").arg(Enums::label(type)).arg(i + 1), Enums::key(type)});
    }
    if (auto written = writeRows(db, insertProviderSql, {QStringLiteral(":name"), QStringLiteral(":type")}, providerRows);
        !written)
        return Error{written.error()};

    const auto imported = IntentionCsvImporter(db).importTableInTransaction(table.value());
    if (!imported)
        return Error{imported.error()};

    // What the CSV layout does not carry: status, lead, places and providers. The plan was empty,
    // so the places and providers just written have the ids 1, 2, 3…
    QList<Id> ids;
    {
        QSqlQuery query(db);
        if (!query.exec(QLatin1String(selectIntentionIdsSql)))
            return sqlError(QStringLiteral("Reading the intentions failed"), query);
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    Random random(seed ^ 0x5eed5eedu);
    QList<QVariantList> updates;
    QList<QVariantList> placeLinks;
    QList<QVariantList> providerLinks;
    updates.reserve(ids.size());
    for (const Id id : std::as_const(ids)) {
        const IntentionStatus status = statusMix.at(random.next(statusMix.size()));
        // An empty text, not a null one: Qt binds a null QString as NULL and lead is NOT NULL.
        const QString lead = random.next(4) == 0 ? QStringLiteral("")
                                                 : QString::fromUtf8(leadNames.at(random.next(leadNames.size())));
        updates.append({Enums::key(status), lead, id});
        const int placeCount = int(random.next(4)); // 0–3 places
        const int firstPlace = int(random.next(places.size()));
        for (int i = 0; i < placeCount; ++i)
            placeLinks.append({id, Id((firstPlace + i) % int(places.size()) + 1)});
        const int providerLinksHere = int(random.next(3)); // 0–2 providers
        const int firstProvider = int(random.next(providerCount));
        for (int i = 0; i < providerLinksHere; ++i)
            providerLinks.append({id, Id((firstProvider + 7 * i) % providerCount + 1)});
    }
    if (auto written = writeRows(db, updateIntentionSql,
                                 {QStringLiteral(":status"), QStringLiteral(":lead"), QStringLiteral(":id")}, updates);
        !written)
        return Error{written.error()};
    if (auto written = writeRows(db, insertIntentionPlaceSql,
                                 {QStringLiteral(":intention_id"), QStringLiteral(":place_id")}, placeLinks);
        !written)
        return Error{written.error()};
    if (auto written = writeRows(db, insertIntentionProviderSql,
                                 {QStringLiteral(":intention_id"), QStringLiteral(":provider_id")}, providerLinks);
        !written)
        return Error{written.error()};

    SyntheticPlanReport report;
    report.intentions = imported.value().rowsImported;
    {
        QSqlQuery query(db);
        if (!query.exec(QLatin1String(selectCountsSql)) || !query.next())
            return sqlError(QStringLiteral("Counting the synthetic plan failed"), query);
        report.portfolios = query.value(0).toInt();
        report.programmeAreas = query.value(1).toInt();
        report.places = query.value(2).toInt();
        report.providers = query.value(3).toInt();
        report.needingReview = query.value(4).toInt();
    }
    if (auto committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return report;
}

} // namespace SyntheticPlanBuilder
