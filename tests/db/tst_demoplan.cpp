#include "csvreader.h"
#include "database.h"
#include "demoplan.h"
#include "entities.h"
#include "noticerules.h"
#include "planstores.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString demoDir = QStringLiteral(CIPLANNER_DEMO_DIR);

CsvTable demoCsv(const char *file)
{
    auto table = CsvReader::readFile(QDir(demoDir).filePath(QLatin1String(file)));
    if (!table)
        qFatal("%s", qPrintable(table.error()));
    return table.value();
}

int scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return query.value(0).toInt();
}

QStringList column(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    QStringList values;
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}

int totalRows(QSqlDatabase db)
{
    return scalar(
        db,
        QStringLiteral(
            "SELECT (SELECT count(*) FROM plan_settings) + (SELECT count(*) FROM portfolio)"
            " + (SELECT count(*) FROM portfolio_benefit) + (SELECT count(*) FROM programme_area)"
            " + (SELECT count(*) FROM intention) + (SELECT count(*) FROM place)"
            " + (SELECT count(*) FROM provider) + (SELECT count(*) FROM outcome_domain)"));
}

// The intentions' portfolios in the order they first appear in the CSV.
QStringList intentionPortfolios()
{
    QStringList names;
    for (const QStringList &row : demoCsv(DemoPlan::intentionsFile).rows) {
        if (!names.contains(row.at(0)))
            names.append(row.at(0));
    }
    return names;
}

QStringList csvColumn(const CsvTable &table, int column)
{
    QStringList values;
    for (const QStringList &row : table.rows)
        values.append(row.at(column));
    return values;
}

} // namespace

class TestDemoPlan : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void holdsTheCountsOfTheBrief();
    void reportsWhatItBuilt();
    void putsTheIntentionsPortfoliosFirstInTheirOrder();
    void describesMappedPortfoliosFromTheirJfpPage_data();
    void describesMappedPortfoliosFromTheirJfpPage();
    void filesPortfoliosWithoutAJfpPageAsCoreObjectives();
    void addsTheOtherJfpPortfoliosWithTheirGroups();
    void usesEveryJfpPageExactlyOnce();
    void givesEveryPortfolioItsOwnColour();
    void splitsBenefitsIntoLabelledParts();
    void attachesEveryIntentionToItsPortfolio();
    void setsUpTheIllustrativeNelPlan();
    void listsThePlacesOfTheCsv();
    void listsTheProvidersWithTypeAndMentions();
    void listsTheOutcomeDomainsOfTheFramework();
    void addressesTheMainProvidersByOdsCodeAndAddress_data();
    void addressesTheMainProvidersByOdsCodeAndAddress();
    void derivesNoticesFromIntentionsThatChangeContracts();
    void keepsEveryNoticeOnItsProvidersContract();
    void givesOneNoticeOnlyFiveMonthsForTheChecksToFind();
    void refusesAPlanThatIsNotEmpty();
    void refusesAFolderWithoutTheCsvs();
    void writesNothingWhenAnIntentionRowIsBad();
    void buildsASingleFilePlanOnDisk();

private:
    void build();
    std::unique_ptr<PlanDatabase> m_plan;
    QSqlDatabase m_db;
};

void TestDemoPlan::init()
{
    auto plan = PlanDatabase::createInMemory();
    QVERIFY2(plan.isOk(), qPrintable(plan.error()));
    m_plan = std::move(plan.value());
    m_db = m_plan->connection();
}

void TestDemoPlan::cleanup()
{
    m_db = QSqlDatabase();
    m_plan.reset();
}

void TestDemoPlan::build()
{
    const auto report = DemoPlan::build(m_db, demoDir);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
}

void TestDemoPlan::holdsTheCountsOfTheBrief()
{
    build();
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM portfolio")), 30); // 12 + (27 - 9)
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM place")), 8);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM provider")), 21);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM intention")), 145);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM outcome_domain")), 8);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM plan_settings")), 1);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM contract")), 8);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM contract_notice")), 12);
}

void TestDemoPlan::reportsWhatItBuilt()
{
    const auto report = DemoPlan::build(m_db, demoDir);
    QVERIFY2(report.isOk(), qPrintable(report.error()));
    const DemoPlanReport &r = report.value();
    QCOMPARE(r.portfolios, 30);
    QCOMPARE(r.portfoliosWithJfpPage, 27);
    QCOMPARE(r.intentions, 145);
    QCOMPARE(r.places, 8);
    QCOMPARE(r.providers, 21);
    QCOMPARE(r.outcomeDomains, 8);
    QCOMPARE(r.contracts, 8);
    QCOMPARE(r.notices, 12);
    QCOMPARE(r.programmeAreas, scalar(m_db, QStringLiteral("SELECT count(*) FROM programme_area")));
    QCOMPARE(r.benefits, scalar(m_db, QStringLiteral("SELECT count(*) FROM portfolio_benefit")));
    QCOMPARE(r.intentionsNeedingReview,
             scalar(m_db,
                    QStringLiteral("SELECT count(*) FROM intention"
                                   " WHERE tf_needs_review = 1")));
    QVERIFY(r.programmeAreas > 0);
    QVERIFY(r.benefits > 0);
}

void TestDemoPlan::putsTheIntentionsPortfoliosFirstInTheirOrder()
{
    build();
    const QStringList names
        = column(m_db, QStringLiteral("SELECT name FROM portfolio ORDER BY sort_order"));
    QCOMPARE(names.mid(0, 12), intentionPortfolios());
    QCOMPARE(intentionPortfolios().size(), 12);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT sort_order) FROM portfolio")), 30);
}

void TestDemoPlan::describesMappedPortfoliosFromTheirJfpPage_data()
{
    QTest::addColumn<QString>("portfolio");
    QTest::addColumn<QString>("jfpName");
    // NOTES.md, "Portfolio names across the two seeds".
    QTest::newRow("maternity") << "Maternity and Neonatal"
                               << "Maternity";
    QTest::newRow("mental health") << "Mental Health, Learning Disabilities and Autism"
                                   << "Mental Health";
    QTest::newRow("planned care") << "Planned Care"
                                  << "Planned Care";
    QTest::newRow("cancer") << "Cancer Screening and Surveillance"
                            << "Cancer";
    QTest::newRow("specialised") << "Specialised Services"
                                 << "Specialist Commissioning";
    QTest::newRow("community") << "Community Services"
                               << "Community Health Services";
    QTest::newRow("long term conditions") << "Long Term Conditions"
                                          << "Long Term Conditions";
    QTest::newRow("primary care") << "Primary Care"
                                  << "Primary Care";
    QTest::newRow("urgent and emergency care") << "Urgent and Emergency Care"
                                               << "Urgent and emergency care";
}

void TestDemoPlan::describesMappedPortfoliosFromTheirJfpPage()
{
    QFETCH(QString, portfolio);
    QFETCH(QString, jfpName);
    QCOMPARE(DemoPlan::jointForwardPlanName(portfolio), jfpName);
    build();

    const CsvTable pages = demoCsv(DemoPlan::portfoliosFile);
    const QStringList *page = nullptr;
    for (const QStringList &row : pages.rows) {
        if (row.at(0) == jfpName)
            page = &row;
    }
    QVERIFY(page);

    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT grp, vision, key_stakeholders, key_programmes, source_name FROM portfolio"
        " WHERE name = ?"));
    query.addBindValue(portfolio);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), Enums::key(*Enums::portfolioGroupFromLabel(page->at(1))));
    QCOMPARE(query.value(1).toString(), page->at(2));
    QVERIFY(!query.value(1).toString().isEmpty());
    QCOMPARE(query.value(2).toString(), page->at(3));
    QCOMPARE(query.value(3).toString(), page->at(4));
    QCOMPARE(query.value(4).toString(), jfpName);
    QVERIFY(!query.next());
    // The JFP page is not listed a second time under its own name (unless the names are equal).
    QCOMPARE(
        scalar(
            m_db,
            QStringLiteral("SELECT count(*) FROM portfolio WHERE source_name = '%1'").arg(jfpName)),
        1);
}

void TestDemoPlan::filesPortfoliosWithoutAJfpPageAsCoreObjectives()
{
    build();
    for (const QString &name : {QStringLiteral("Diagnostics"), QStringLiteral("End of Life Care"),
                                QStringLiteral("Neighbourhoods")}) {
        QVERIFY(DemoPlan::jointForwardPlanName(name).isEmpty());
        QSqlQuery query(m_db);
        query.prepare(
            QStringLiteral("SELECT grp, vision, source_name,"
                           " (SELECT count(*) FROM portfolio_benefit b WHERE b.portfolio_id = p.id)"
                           " FROM portfolio p WHERE name = ?"));
        query.addBindValue(name);
        QVERIFY(query.exec());
        QVERIFY2(query.next(), qPrintable(name));
        QCOMPARE(query.value(0).toString(), QStringLiteral("core_objectives"));
        QVERIFY(query.value(1).toString().isEmpty());
        QVERIFY(query.value(2).toString().isEmpty());
        QCOMPARE(query.value(3).toInt(), 0);
    }
}

void TestDemoPlan::addsTheOtherJfpPortfoliosWithTheirGroups()
{
    build();
    const CsvTable pages = demoCsv(DemoPlan::portfoliosFile);
    QStringList mapped;
    for (const QString &name : intentionPortfolios())
        mapped.append(DemoPlan::jointForwardPlanName(name));

    QStringList expectedNames;
    QStringList expectedGroups;
    QStringList expectedVisions;
    for (const QStringList &row : pages.rows) {
        if (mapped.contains(row.at(0)))
            continue;
        expectedNames.append(row.at(0));
        expectedGroups.append(Enums::key(*Enums::portfolioGroupFromLabel(row.at(1))));
        expectedVisions.append(row.at(2));
    }
    QCOMPARE(expectedNames.size(), 18);
    QSqlQuery query(m_db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT name, grp, vision, source_name FROM portfolio WHERE sort_order >= 12"
                       " ORDER BY sort_order")));
    QStringList names, groups, visions;
    while (query.next()) {
        names.append(query.value(0).toString());
        groups.append(query.value(1).toString());
        visions.append(query.value(2).toString());
        QCOMPARE(query.value(3).toString(), query.value(0).toString());
    }
    QCOMPARE(names, expectedNames);
    QCOMPARE(groups, expectedGroups);
    QCOMPARE(visions, expectedVisions);
    // Every group of the JFP is present.
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT grp) FROM portfolio")), 5);
}

void TestDemoPlan::usesEveryJfpPageExactlyOnce()
{
    build();
    QStringList expected = csvColumn(demoCsv(DemoPlan::portfoliosFile), 0);
    QStringList actual
        = column(m_db, QStringLiteral("SELECT source_name FROM portfolio WHERE source_name <> ''"));
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT name) FROM portfolio")), 30);
}

void TestDemoPlan::givesEveryPortfolioItsOwnColour()
{
    build();
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT upper(colour)) FROM portfolio")),
             30);
}

void TestDemoPlan::splitsBenefitsIntoLabelledParts()
{
    build();
    auto benefits = [this](const QString &portfolio) {
        QSqlQuery query(m_db);
        query.prepare(
            QStringLiteral("SELECT b.label, b.text FROM portfolio_benefit b JOIN portfolio p"
                           " ON p.id = b.portfolio_id WHERE p.name = ? ORDER BY b.sort_order"));
        query.addBindValue(portfolio);
        QList<QStringList> rows;
        if (query.exec()) {
            while (query.next())
                rows.append({query.value(0).toString(), query.value(1).toString()});
        }
        return rows;
    };
    const auto primary = benefits(QStringLiteral("Primary Care"));
    QCOMPARE(primary.size(), 3);
    QCOMPARE(primary.at(0).at(0), QStringLiteral("April 2025"));
    QCOMPARE(primary.at(1).at(0), QStringLiteral("April 2026"));
    QCOMPARE(primary.at(2).at(0), QStringLiteral("April 2028"));
    QVERIFY(primary.at(0).at(1).startsWith(
        QStringLiteral("Same day handling of all calls to practices")));

    const auto cancer = benefits(QStringLiteral("Cancer Screening and Surveillance"));
    QCOMPARE(cancer.size(), 2);
    QCOMPARE(cancer.at(0).at(0), QStringLiteral("2025/26"));
    QCOMPARE(cancer.at(1).at(0), QStringLiteral("2027/28"));

    const auto finance = benefits(QStringLiteral("Finance"));
    QCOMPARE(finance.size(), 1);
    QCOMPARE(finance.at(0).at(0), QStringLiteral("By April 2024 and April 2026"));

    // A colon that does not follow a year is part of the benefit, not a label.
    const auto specialised = benefits(QStringLiteral("Specialised Services"));
    QCOMPARE(specialised.size(), 1);
    QCOMPARE(specialised.at(0).at(0), QString());
    QVERIFY(
        specialised.at(0).at(1).startsWith(QStringLiteral("HIV: community led peer programme")));

    QCOMPARE(benefits(QStringLiteral("Waltham Forest")).size(), 0); // empty in the seed

    // Nothing lost: every part of every benefits cell is stored once.
    int parts = 0;
    for (const QStringList &row : demoCsv(DemoPlan::portfoliosFile).rows) {
        if (!row.at(5).trimmed().isEmpty())
            parts += int(row.at(5).split(QStringLiteral(" | ")).size());
    }
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM portfolio_benefit")), parts);
}

void TestDemoPlan::attachesEveryIntentionToItsPortfolio()
{
    build();
    QHash<QString, int> expected;
    for (const QStringList &row : demoCsv(DemoPlan::intentionsFile).rows)
        ++expected[row.at(0)];
    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral("SELECT p.name, count(*) FROM intention i JOIN portfolio p"
                                      " ON p.id = i.portfolio_id GROUP BY p.id")));
    QHash<QString, int> actual;
    while (query.next())
        actual.insert(query.value(0).toString(), query.value(1).toInt());
    QCOMPARE(actual, expected);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_community) FROM intention")), 93);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_prevention) FROM intention")), 89);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(shift_digital) FROM intention")), 71);
}

void TestDemoPlan::setsUpTheIllustrativeNelPlan()
{
    build();
    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral(
        "SELECT icb_name, address, signatory_title, planning_year, notice_issue_date,"
        " notice_period_months, illustrative FROM plan_settings")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(),
             QStringLiteral("NHS North East London Integrated Care Board"));
    QVERIFY(!query.value(1).toString().isEmpty());
    QVERIFY(!query.value(2).toString().isEmpty());
    QCOMPARE(query.value(3).toInt(), 2026);
    QCOMPARE(query.value(4).toString(), QStringLiteral("2025-09-30"));
    QCOMPARE(query.value(5).toInt(), 6);
    QCOMPARE(query.value(6).toInt(), 1);
}

void TestDemoPlan::listsThePlacesOfTheCsv()
{
    build();
    const CsvTable places = demoCsv(DemoPlan::placesFile);
    QCOMPARE(column(m_db, QStringLiteral("SELECT name FROM place ORDER BY sort_order")),
             csvColumn(places, 0));
    QCOMPARE(column(m_db, QStringLiteral("SELECT notes FROM place ORDER BY sort_order")),
             csvColumn(places, 1));
}

void TestDemoPlan::listsTheProvidersWithTypeAndMentions()
{
    build();
    const CsvTable providers = demoCsv(DemoPlan::providersFile);
    // Letters are addressed to the legal names of the three the seeds name informally.
    const QHash<QString, QString> legalNames{
        {QStringLiteral("Homerton"), QStringLiteral("Homerton Healthcare NHS Foundation Trust")},
        {QStringLiteral("London Ambulance Service"),
         QStringLiteral("London Ambulance Service NHS Trust")},
    };
    QStringList expectedNames;
    for (const QString &name : csvColumn(providers, 0))
        expectedNames << legalNames.value(name, name);
    QCOMPARE(column(m_db, QStringLiteral("SELECT name FROM provider ORDER BY id")), expectedNames);
    QCOMPARE(column(m_db, QStringLiteral("SELECT notes FROM provider ORDER BY id")),
             csvColumn(providers, 2));
    QStringList expectedTypes;
    for (const QString &type : csvColumn(providers, 1))
        expectedTypes.append(Enums::key(Enums::providerTypeFromDescription(type)));
    QCOMPARE(column(m_db, QStringLiteral("SELECT type FROM provider ORDER BY id")), expectedTypes);

    auto typeOf = [this](const QString &name) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT type FROM provider WHERE name = ?"));
        query.addBindValue(name);
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    };
    QCOMPARE(typeOf(QStringLiteral("London Ambulance Service NHS Trust")),
             QStringLiteral("ambulance"));
    QCOMPARE(typeOf(QStringLiteral("Whipps Cross Hospital")), QStringLiteral("acute"));
    QCOMPARE(typeOf(QStringLiteral("Healthbridge")), QStringLiteral("gp_federation"));
    QCOMPARE(typeOf(QStringLiteral("Change Grow Live (CGL)")), QStringLiteral("vcse"));
    QCOMPARE(typeOf(QStringLiteral("Care Provider Voice")),
             QStringLiteral("care_provider_network"));
    QCOMPARE(typeOf(QStringLiteral("VCSE Collaborative")),
             QStringLiteral("provider_collaborative"));
}

void TestDemoPlan::listsTheOutcomeDomainsOfTheFramework()
{
    build();
    QCOMPARE(column(m_db,
                    QStringLiteral("SELECT name FROM outcome_domain WHERE kind = 'life_course'"
                                   " ORDER BY sort_order")),
             (QStringList{"Starting Strong", "Living Well", "Managing Conditions",
                           "Supporting Complex Needs", "Dying Well"}));
    QCOMPARE(column(m_db,
                    QStringLiteral("SELECT name FROM outcome_domain WHERE kind = 'cross_cutting'"
                                   " ORDER BY sort_order")),
             (QStringList{"Quality Care and Access", "Health Inequalities and Communities",
                           "Sustainable Services"}));
}

void TestDemoPlan::addressesTheMainProvidersByOdsCodeAndAddress_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("odsCode");
    QTest::addColumn<QString>("postcode");
    QTest::newRow("Barts Health") << "Barts Health NHS Trust" << "R1H" << "E1 1FR";
    QTest::newRow("BHRUT")
        << "Barking, Havering and Redbridge University Hospitals NHS Trust (BHRUT)" << "RF4"
        << "RM7 0AG";
    QTest::newRow("Homerton") << "Homerton Healthcare NHS Foundation Trust" << "RQX" << "E9 6SR";
    QTest::newRow("ELFT") << "East London NHS Foundation Trust (ELFT)" << "RWK" << "E1 8DE";
    QTest::newRow("NELFT") << "North East London NHS Foundation Trust (NELFT)" << "RAT"
                           << "RM13 8GQ";
    QTest::newRow("LAS") << "London Ambulance Service NHS Trust" << "RRU" << "SE1 8SD";
}

void TestDemoPlan::addressesTheMainProvidersByOdsCodeAndAddress()
{
    QFETCH(QString, name);
    QFETCH(QString, odsCode);
    QFETCH(QString, postcode);
    build();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ods_code, address FROM provider WHERE name = ?"));
    query.addBindValue(name);
    QVERIFY(query.exec());
    QVERIFY2(query.next(), qPrintable(name));
    QCOMPARE(query.value(0).toString(), odsCode);
    QVERIFY2(query.value(1).toString().endsWith(postcode), qPrintable(query.value(1).toString()));
}

void TestDemoPlan::derivesNoticesFromIntentionsThatChangeContracts()
{
    build();
    // Every notice names the intention it comes from.
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM contract_notice n WHERE NOT EXISTS"
                                         " (SELECT 1 FROM notice_intention l"
                                         " WHERE l.notice_id = n.id)")),
             0);
    const QStringList linked = column(
        m_db, QStringLiteral("SELECT DISTINCT i.body FROM intention i JOIN notice_intention l"
                             " ON l.intention_id = i.id"));
    for (const char *intention :
         {"Review of Core Contracts and rationalise smaller contracts",
          "Community Equipment stabilisation, review and recommissioning",
          "111 contract and service",
          "Review of core and non-core contracts, including Place and deconstruct of the UEC Block"})
        QVERIFY2(linked.contains(QString::fromUtf8(intention)), intention);
    // Every kind of notice is shown, and all but one draft are ready for a letter.
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT kind) FROM contract_notice")), 4);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM contract_notice"
                                         " WHERE status = 'approved'")),
             11);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(DISTINCT provider_id) FROM contract_notice"
                                         " WHERE status = 'approved'")),
             7);
}

void TestDemoPlan::keepsEveryNoticeOnItsProvidersContract()
{
    build();
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM contract_notice n JOIN contract c"
                                         " ON c.id = n.contract_id"
                                         " WHERE c.provider_id <> n.provider_id")),
             0);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM contract_notice"
                                         " WHERE contract_id IS NULL")),
             0);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM contract_notice"
                                         " WHERE kind = 'transfer' AND receiving_provider_id IS NULL")),
             0);
}

void TestDemoPlan::givesOneNoticeOnlyFiveMonthsForTheChecksToFind()
{
    build();
    PlanStores stores(m_db, QStringLiteral("test"));
    const auto input = NoticeRules::gather(stores);
    QVERIFY2(input.isOk(), qPrintable(input.error()));
    QVERIFY(input.value().settings.illustrative);
    QList<NoticeFinding> errors;
    for (const NoticeFinding &finding : NoticeRules::check(input.value())) {
        if (finding.severity == FindingSeverity::Error)
            errors << finding;
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.constFirst().rule, NoticeRule::ShortNotice);
    QVERIFY2(errors.constFirst().problem.contains(QStringLiteral("London Ambulance Service")),
             qPrintable(errors.constFirst().problem));
    QVERIFY2(errors.constFirst().problem.contains(QStringLiteral("only 5 months")),
             qPrintable(errors.constFirst().problem));
}

void TestDemoPlan::refusesAPlanThatIsNotEmpty()
{
    build();
    const int before = totalRows(m_db);
    const auto again = DemoPlan::build(m_db, demoDir);
    QVERIFY(!again.isOk());
    QVERIFY2(again.error().contains(QStringLiteral("empty plan")), qPrintable(again.error()));
    QCOMPARE(totalRows(m_db), before);
}

void TestDemoPlan::refusesAFolderWithoutTheCsvs()
{
    QTemporaryDir dir;
    const auto report = DemoPlan::build(m_db, dir.path());
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().contains(QLatin1String(DemoPlan::intentionsFile)),
             qPrintable(report.error()));
    QCOMPARE(totalRows(m_db), 0);
}

void TestDemoPlan::writesNothingWhenAnIntentionRowIsBad()
{
    QTemporaryDir dir;
    for (const char *file : {DemoPlan::intentionsFile, DemoPlan::portfoliosFile,
                             DemoPlan::placesFile, DemoPlan::providersFile}) {
        QVERIFY(QFile::copy(QDir(demoDir).filePath(QLatin1String(file)),
                            dir.filePath(QLatin1String(file))));
    }
    QFile intentions(dir.filePath(QLatin1String(DemoPlan::intentionsFile)));
    QVERIFY(intentions.open(QIODevice::Append));
    intentions.write("Neighbourhoods,Enablers,A row with a bad mark,2026-27,maybe,,,\r\n");
    intentions.close();

    const auto report = DemoPlan::build(m_db, dir.path());
    QVERIFY(!report.isOk());
    QVERIFY2(report.error().contains(QStringLiteral("line 147: shift_community")),
             qPrintable(report.error()));
    QCOMPARE(totalRows(m_db), 0);
}

void TestDemoPlan::buildsASingleFilePlanOnDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
    {
        PlanDatabase::Options options;
        options.journalMode = PlanDatabase::JournalMode::Rollback;
        auto plan = PlanDatabase::create(path, options);
        QVERIFY2(plan.isOk(), qPrintable(plan.error()));
        const auto report = DemoPlan::build(plan.value()->connection(), demoDir);
        QVERIFY2(report.isOk(), qPrintable(report.error()));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("demo.sqlite")});
    auto reopened = PlanDatabase::open(path);
    QVERIFY2(reopened.isOk(), qPrintable(reopened.error()));
    QCOMPARE(
        scalar(reopened.value()->connection(), QStringLiteral("SELECT count(*) FROM intention")),
        145);
}

QTEST_GUILESS_MAIN(TestDemoPlan)
#include "tst_demoplan.moc"
