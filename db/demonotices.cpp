// The demo plan's contract register: ODS codes and addresses of the main NEL providers, their
// contracts, and contract notices derived from the 2026/27 intentions that imply a contractual
// change. The contracts and notices are illustrative (the plan is marked so, and its letters
// say so); the ODS codes and addresses are the organisations' public ones.
#include "demoplan.h"

#include "entities.h"

#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace {

struct ProviderDetail
{
    const char *csvName; // as in nel-providers.csv
    const char *name;    // the legal name a letter is addressed to
    const char *odsCode;
    const char *address;
};

const std::array<ProviderDetail, 7> providerDetails{{
    {"Barts Health NHS Trust", "Barts Health NHS Trust", "R1H",
     "The Royal London Hospital\nWhitechapel Road\nLondon\nE1 1FR"},
    {"Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)",
     "Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)", "RF4",
     "Queen's Hospital\nRom Valley Way\nRomford\nRM7 0AG"},
    {"Homerton", "Homerton Healthcare NHS Foundation Trust", "RQX",
     "Homerton University Hospital\nHomerton Row\nLondon\nE9 6SR"},
    {"East London NHS Foundation Trust (ELFT)", "East London NHS Foundation Trust (ELFT)", "RWK",
     "Robert Dolan House\n9 Alie Street\nLondon\nE1 8DE"},
    {"North East London NHS Foundation Trust (NELFT)",
     "North East London NHS Foundation Trust (NELFT)", "RAT",
     "CEME Centre – West Wing\nMarsh Way\nRainham\nRM13 8GQ"},
    {"London Ambulance Service", "London Ambulance Service NHS Trust", "RRU",
     "220 Waterloo Road\nLondon\nSE1 8SD"},
    // The seeds name PELC by acronym only; its address is left for the user to fill in.
    {"PELC", "PELC", "", "[Address to be confirmed]"},
}};

struct ContractSeed
{
    const char *key;
    const char *provider; // csvName
    const char *reference;
    const char *title;
    const char *start;
    const char *end;
    int noticeMonths; // 0: the plan's default
};

const std::array<ContractSeed, 8> contractSeeds{{
    {"barts", "Barts Health NHS Trust", "NEL-ACU-R1H", "Acute services", "2025-04-01",
     "2028-03-31", 0},
    {"bhrut", "Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)",
     "NEL-ACU-RF4", "Acute services", "2025-04-01", "2028-03-31", 0},
    {"homerton-acute", "Homerton", "NEL-ACU-RQX", "Acute services", "2025-04-01", "2028-03-31",
     0},
    {"homerton-community", "Homerton", "NEL-CHS-RQX", "Community health services (City & Hackney)",
     "2024-04-01", "2029-03-31", 0},
    {"elft", "East London NHS Foundation Trust (ELFT)", "NEL-MHC-RWK",
     "Mental health and community health services", "2024-04-01", "2029-03-31", 0},
    {"nelft", "North East London NHS Foundation Trust (NELFT)", "NEL-MHC-RAT",
     "Mental health and community health services", "2024-04-01", "2029-03-31", 0},
    {"las", "London Ambulance Service", "LDN-AMB-RRU", "Emergency ambulance services (999)",
     "2023-04-01", "2028-03-31", 0},
    {"pelc", "PELC", "NEL-IUC-001", "Integrated urgent care (NHS 111 and clinical assessment)",
     "2025-04-01", "2030-03-31", 3},
}};

struct NoticeSeed
{
    const char *provider; // csvName
    const char *contract; // ContractSeed::key
    NoticeKind kind;
    const char *receiving; // csvName, for transfers
    const char *service;
    const char *summary;
    const char *rationale;
    double financialEffect; // 0: not stated
    const char *issue;
    const char *effective;
    NoticeStatus status;
    std::array<const char *, 2> intentions; // the start of each linked intention's text
};

constexpr auto approved = NoticeStatus::Approved;

const std::array<NoticeSeed, 12> noticeSeeds{{
    {"Barts Health NHS Trust", "barts", NoticeKind::Reduce, nullptr,
     "Consultant-led rheumatology follow-up",
     "Follow-up outpatient appointments in rheumatology reduce by about a fifth as patients move "
     "to patient-initiated follow-up and neighbourhood clinics in the pilot area.",
     "The first step of the five-year shift of outpatient activity into neighbourhoods, starting "
     "with a rheumatology pilot in year one.",
     -420000, "2025-09-30", "2026-04-01", approved,
     {"Explore principle of reducing OPA", "Work with providers to include Patient Initiated"}},
    {"Barts Health NHS Trust", "barts", NoticeKind::Change, nullptr, "Adult audiology",
     "The service is delivered to the new NEL audiology specification, with the same access "
     "criteria and waiting-time standards at every site.",
     "Revised specifications end unwarranted variation in access and quality between places.", 0,
     "2025-09-30", "2026-04-01", approved, {"Commission services to revised specifications", nullptr}},
    {"Barts Health NHS Trust", "barts", NoticeKind::Change, nullptr,
     "Urgent treatment centres (Royal London, Newham, Whipps Cross)",
     "Front-door streaming follows the NEL urgent treatment centre specification: every walk-in "
     "patient is streamed to the UTC, same day emergency care or primary care before the "
     "emergency department.",
     "One front door model across NEL, and fewer avoidable emergency department attendances.", 0,
     "2025-09-30", "2026-04-01", approved, {"Urgent Treatment Centres including Front Door", nullptr}},
    {"Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)", "bhrut",
     NoticeKind::Change, nullptr, "Urgent treatment centres (Queen's, King George)",
     "Front-door streaming follows the NEL urgent treatment centre specification, with direct "
     "booking from NHS 111.",
     "One front door model across NEL, and fewer avoidable emergency department attendances.", 0,
     "2025-09-30", "2026-04-01", approved, {"Urgent Treatment Centres including Front Door", nullptr}},
    {"Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)", "bhrut",
     NoticeKind::Change, nullptr, "Urgent and emergency care block payment",
     "The fixed urgent and emergency care block is split into its service lines, each with its "
     "own activity plan and price.",
     "Deconstructing the UEC block, as the national process requires, shows what each element "
     "of the fixed payment buys.",
     0, "2025-09-30", "2026-04-01", approved, {"Review of core and non-core contracts", nullptr}},
    {"Homerton", "homerton-community", NoticeKind::Change, nullptr,
     "Smaller community services contracts",
     "The separate smaller community contracts (continence, tissue viability, community "
     "phlebotomy) become schedules of the core community health services contract.",
     "Fewer contracts, one specification per service and less duplicated monitoring.", 0,
     "2025-09-30", "2026-04-01", approved, {"Review of Core Contracts and rationalise", nullptr}},
    {"Homerton", "homerton-community", NoticeKind::Reduce, nullptr, "Community inpatient beds",
     "Bedded intermediate care reduces as step-up care moves to virtual wards.",
     "Care closer to home: virtual wards replace some bedded step-up care.", -300000,
     "2025-09-30", "2026-04-01", NoticeStatus::Draft, {"Community Beds", "Virtual Wards (all age)"}},
    {"East London NHS Foundation Trust (ELFT)", "elft", NoticeKind::Terminate, nullptr,
     "Community equipment service (City & Hackney, Newham, Tower Hamlets)",
     "The community equipment service ends under this contract; it will be recommissioned as one "
     "NEL-wide community equipment service.",
     "Community equipment is being stabilised, reviewed and recommissioned across NEL.", 0,
     "2025-09-30", "2026-04-01", approved, {"Community Equipment stabilisation", nullptr}},
    {"North East London NHS Foundation Trust (NELFT)", "nelft", NoticeKind::Terminate, nullptr,
     "Community equipment service (Barking & Dagenham, Havering, Redbridge, Waltham Forest)",
     "The community equipment service ends under this contract; it will be recommissioned as one "
     "NEL-wide community equipment service.",
     "Community equipment is being stabilised, reviewed and recommissioned across NEL.", 0,
     "2025-09-30", "2026-04-01", approved, {"Community Equipment stabilisation", nullptr}},
    {"North East London NHS Foundation Trust (NELFT)", "nelft", NoticeKind::Transfer,
     "East London NHS Foundation Trust (ELFT)", "Single point of access and care navigation",
     "The community single point of access moves to the NEL-wide care navigation service hosted "
     "by the receiving provider.",
     "One single point of access and care navigation offer for all NEL places.", 0, "2025-09-30",
     "2026-10-01", approved, {"Single Point of Access (SPOA) / Care Navigation", nullptr}},
    // Added after 30 September: five months' notice, which --check-notices reports.
    {"London Ambulance Service", "las", NoticeKind::Change, nullptr,
     "Emergency ambulance conveyance pathways",
     "Crews refer suitable patients to urgent community response and the single point of access "
     "instead of conveying them to an emergency department.",
     "Care closer to home and fewer avoidable conveyances.", 0, "2025-10-31", "2026-04-01",
     approved, {"999 contract and service", "Urgent Community Response (UCR)"}},
    {"PELC", "pelc", NoticeKind::Change, nullptr, "NHS 111 integrated urgent care",
     "The service follows the new NEL integrated urgent care specification, with direct booking "
     "into urgent treatment centres, same day access hubs and same day emergency care.",
     "The 111 contract and service are being redeveloped with the same day access model.", 0,
     "2025-09-30", "2026-04-01", approved, {"111 contract and service", "Same Day Access"}},
}};

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return Error{QStringLiteral("%1: %2").arg(what, query.lastError().text())};
}

Result<Id> idOf(QSqlDatabase db, const QString &sql, const QString &value, const QString &what)
{
    QSqlQuery query(db);
    query.prepare(sql);
    query.addBindValue(value);
    if (!query.exec())
        return sqlError(what, query);
    QList<Id> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    if (ids.size() != 1)
        return Error{QStringLiteral("%1: %2 matches for “%3”").arg(what).arg(ids.size()).arg(value)};
    return ids.constFirst();
}

QString optionalText(const char *text)
{
    return text ? QString::fromUtf8(text) : QStringLiteral("");
}

} // namespace

namespace DemoPlan {

Result<void> addContractRegister(QSqlDatabase db)
{
    QSqlQuery provider(db);
    provider.prepare(QStringLiteral(
        "UPDATE provider SET name = ?, ods_code = ?, address = ? WHERE name = ?"));
    for (const ProviderDetail &d : providerDetails) {
        provider.addBindValue(QString::fromUtf8(d.name));
        provider.addBindValue(QString::fromUtf8(d.odsCode));
        provider.addBindValue(QString::fromUtf8(d.address));
        provider.addBindValue(QString::fromUtf8(d.csvName));
        if (!provider.exec() || provider.numRowsAffected() != 1)
            return sqlError(QStringLiteral("The provider “%1” is not in the demo providers")
                                .arg(QString::fromUtf8(d.csvName)),
                            provider);
    }
    auto providerId = [&](const char *csvName) -> Result<Id> {
        QString name = QString::fromUtf8(csvName);
        for (const ProviderDetail &d : providerDetails) {
            if (qstrcmp(d.csvName, csvName) == 0)
                name = QString::fromUtf8(d.name);
        }
        return idOf(db, QStringLiteral("SELECT id FROM provider WHERE name = ?"), name,
                    QStringLiteral("Finding the provider"));
    };

    QHash<QString, Id> contracts;
    QSqlQuery contract(db);
    contract.prepare(QStringLiteral(
        "INSERT INTO contract (provider_id, reference, title, start_date, end_date,"
        " notice_period_months) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const ContractSeed &c : contractSeeds) {
        const auto owner = providerId(c.provider);
        if (!owner)
            return Error{owner.error()};
        contract.addBindValue(owner.value());
        contract.addBindValue(QString::fromUtf8(c.reference));
        contract.addBindValue(QString::fromUtf8(c.title));
        contract.addBindValue(QString::fromUtf8(c.start));
        contract.addBindValue(QString::fromUtf8(c.end));
        contract.addBindValue(c.noticeMonths > 0 ? QVariant(c.noticeMonths) : QVariant());
        if (!contract.exec())
            return sqlError(QStringLiteral("Writing the demo contracts failed"), contract);
        contracts.insert(QString::fromUtf8(c.key), contract.lastInsertId().toLongLong());
    }

    QSqlQuery notice(db);
    notice.prepare(QStringLiteral(
        "INSERT INTO contract_notice (provider_id, contract_id, receiving_provider_id, kind,"
        " service, summary, rationale, financial_effect_gbp, issue_date, effective_date, status)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery link(db);
    link.prepare(
        QStringLiteral("INSERT INTO notice_intention (notice_id, intention_id) VALUES (?, ?)"));
    for (const NoticeSeed &n : noticeSeeds) {
        const auto owner = providerId(n.provider);
        if (!owner)
            return Error{owner.error()};
        QVariant receiving;
        if (n.receiving) {
            const auto to = providerId(n.receiving);
            if (!to)
                return Error{to.error()};
            receiving = to.value();
        }
        notice.addBindValue(owner.value());
        notice.addBindValue(contracts.value(QString::fromUtf8(n.contract)));
        notice.addBindValue(receiving);
        notice.addBindValue(Enums::key(n.kind));
        notice.addBindValue(QString::fromUtf8(n.service));
        notice.addBindValue(QString::fromUtf8(n.summary));
        notice.addBindValue(optionalText(n.rationale));
        notice.addBindValue(n.financialEffect != 0 ? QVariant(n.financialEffect) : QVariant());
        notice.addBindValue(QString::fromUtf8(n.issue));
        notice.addBindValue(QString::fromUtf8(n.effective));
        notice.addBindValue(Enums::key(n.status));
        if (!notice.exec())
            return sqlError(QStringLiteral("Writing the demo notice “%1” failed")
                                .arg(QString::fromUtf8(n.service)),
                            notice);
        const Id noticeId = notice.lastInsertId().toLongLong();
        for (const char *start : n.intentions) {
            if (!start)
                continue;
            // Intentions are found by the start of their text, exactly one each: a change to
            // the CSV that breaks a link fails the build instead of losing the link.
            const auto intention = idOf(
                db, QStringLiteral("SELECT id FROM intention WHERE instr(body, ?) = 1"),
                QString::fromUtf8(start), QStringLiteral("Finding the intention"));
            if (!intention)
                return Error{intention.error()};
            link.addBindValue(noticeId);
            link.addBindValue(intention.value());
            if (!link.exec())
                return sqlError(QStringLiteral("Linking the demo notices failed"), link);
        }
    }
    return {};
}

} // namespace DemoPlan
