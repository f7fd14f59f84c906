// Contracts, contract notices and the record of letters sent.
#include "repositoryfixture.h"

#include <QTest>

using namespace Fixture;

class TestContractRepositories : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_plan.close(); }

    void contractRoundTrip();
    void rejectsInvalidContract_data();
    void rejectsInvalidContract();
    void removingContractKeepsItsNotices();

    void noticeRoundTrip();
    void rejectsInvalidNotice_data();
    void rejectsInvalidNotice();
    void noticeUpdateRecordsOneHistoryRowPerChangedField();
    void removingIntentionUnlinksItFromNotices();

    void letterRecordRoundTrip();
    void lettersListNewestFirst();
    void rejectsInvalidLetter_data();
    void rejectsInvalidLetter();
    void noticeSentInALetterCannotBeRemoved();
    void providerSentLettersCannotBeRemoved();

private:
    PlanStores &stores() { return *m_plan.stores; }
    Contract fullContract() const;
    ContractNotice fullNotice() const;
    LetterRecord letter(QList<Id> noticeIds) const;

    Plan m_plan;
    Id m_barts = 0;
    Id m_elft = 0;
    Id m_portfolio = 0;
    QList<Id> m_intentions;
};

void TestContractRepositories::init()
{
    m_plan = inMemoryPlan();
    m_barts = idOf(stores().providers().create(provider(QStringLiteral("Barts Health"))));
    m_elft = idOf(stores().providers().create(provider(QStringLiteral("ELFT"))));
    m_portfolio = idOf(stores().portfolios().create(portfolio(QStringLiteral("Urgent care"))));
    m_intentions.clear();
    for (const char *title : {"Same day emergency care", "Virtual wards", "Frailty"})
        m_intentions << idOf(
            stores().intentions().create(intention(m_portfolio, QString::fromLatin1(title))));
    QVERIFY(m_barts > 0 && m_elft > 0 && m_portfolio > 0 && !m_intentions.contains(0));
}

Contract TestContractRepositories::fullContract() const
{
    Contract c;
    c.providerId = m_barts;
    c.reference = QStringLiteral("NEL-ACU-001");
    c.title = QStringLiteral("Acute services");
    c.form = QStringLiteral("NHS Standard Contract");
    c.start = QDate(2024, 4, 1);
    c.end = QDate(2027, 3, 31);
    c.annualValue = 1.5e9;
    c.noticePeriodMonths = 6;
    return c;
}

ContractNotice TestContractRepositories::fullNotice() const
{
    ContractNotice n;
    n.providerId = m_barts;
    n.receivingProviderId = m_elft;
    n.intentionIds = {m_intentions.at(0), m_intentions.at(2)};
    n.kind = NoticeKind::Transfer;
    n.service = QStringLiteral("Community frailty service");
    n.summary = QStringLiteral("Transfer to ELFT");
    n.rationale = QStringLiteral("Care closer to home");
    n.financialEffect = -250000.0;
    n.issueDate = QDate(2025, 9, 30);
    n.effectiveDate = QDate(2026, 4, 1);
    n.status = NoticeStatus::Approved;
    n.letterReference = QStringLiteral("NEL/2026/014");
    return n;
}

LetterRecord TestContractRepositories::letter(QList<Id> noticeIds) const
{
    LetterRecord l;
    l.providerId = m_barts;
    l.noticeIds = std::move(noticeIds);
    l.issuedAt = QDateTime(QDate(2025, 9, 30), QTime(10, 15, 0), Qt::UTC);
    l.recipient = QStringLiteral("Chief Executive, Barts Health");
    l.fileName = QStringLiteral("2026-27 notice - Barts Health.pdf");
    l.sha256 = QString(64, u'a');
    return l;
}

void TestContractRepositories::contractRoundTrip()
{
    Contract c = fullContract();
    c.id = idOf(stores().contracts().create(c));
    QVERIFY(c.id > 0);
    QCOMPARE(stores().contracts().get(c.id).value(), c);

    c.providerId = m_elft;
    c.start = QDate();
    c.annualValue.reset();
    c.noticePeriodMonths.reset();
    c.title = QStringLiteral("Mental health services");
    REQUIRE_OK(stores().contracts().update(c));
    QCOMPARE(stores().contracts().get(c.id).value(), c);
    QCOMPARE(stores().contracts().list().value(), QList<Contract> {c});
    QCOMPARE(stores().contracts().listForProvider(m_elft).value(), QList<Contract> {c});
    QVERIFY(stores().contracts().listForProvider(m_barts).value().isEmpty());

    REQUIRE_OK(stores().contracts().remove(c.id));
    const auto gone = stores().contracts().get(c.id);
    QVERIFY(!gone);
    QCOMPARE(
        gone.error(),
        QStringLiteral("Contract %1 does not exist; someone else may have deleted it.").arg(c.id));
    QCOMPARE(rowCount(m_plan.db(), "contract"), 0);
}

void TestContractRepositories::rejectsInvalidContract_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addColumn<QString>("message");
    const QString prefix = QStringLiteral("Cannot save the contract “Acute services”: ");
    QTest::newRow("end before start")
        << "dates" << prefix + "the end date is before the start date.";
    QTest::newRow("missing provider") << "provider" << prefix + "the provider does not exist.";
    QTest::newRow("empty title") << "title"
                                 << QStringLiteral("Cannot save the contract: the title is empty.");
    QTest::newRow("negative value") << "value" << prefix + "the annual value cannot be negative.";
    QTest::newRow("no notice period")
        << "period" << prefix + "the notice period must be between 1 and 60 months.";
}

void TestContractRepositories::rejectsInvalidContract()
{
    QFETCH(QString, breakage);
    QFETCH(QString, message);
    Contract c = fullContract();
    if (breakage == u"dates")
        c.end = QDate(2024, 3, 31);
    else if (breakage == u"provider")
        c.providerId = 999;
    else if (breakage == u"title")
        c.title.clear();
    else if (breakage == u"value")
        c.annualValue = -1.0;
    else if (breakage == u"period")
        c.noticePeriodMonths = 0;
    const int history = rowCount(m_plan.db(), "change_history");
    const auto created = stores().contracts().create(c);
    QVERIFY(!created);
    QCOMPARE(created.error(), message);
    QCOMPARE(rowCount(m_plan.db(), "contract"), 0);
    QCOMPARE(rowCount(m_plan.db(), "change_history"), history);
}

void TestContractRepositories::removingContractKeepsItsNotices()
{
    const Id contract = idOf(stores().contracts().create(fullContract()));
    ContractNotice n = fullNotice();
    n.contractId = contract;
    const Id notice = idOf(stores().notices().create(n));
    QCOMPARE(stores().notices().get(notice).value().contractId, contract);
    REQUIRE_OK(stores().contracts().remove(contract));
    const auto kept = stores().notices().get(notice);
    REQUIRE_OK(kept);
    QCOMPARE(kept.value().contractId, Id(0));
}

void TestContractRepositories::noticeRoundTrip()
{
    const Id contract = idOf(stores().contracts().create(fullContract()));
    ContractNotice n = fullNotice();
    n.contractId = contract;
    n.id = idOf(stores().notices().create(n));
    QVERIFY(n.id > 0);
    const auto created = stores().notices().get(n.id);
    REQUIRE_OK(created);
    QVERIFY(qAbs(created.value().updatedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    n.updatedAt = created.value().updatedAt;
    QCOMPARE(created.value(), n);

    n.contractId = 0;
    n.receivingProviderId = 0;
    n.intentionIds = {m_intentions.at(1)};
    n.kind = NoticeKind::Terminate;
    n.financialEffect.reset();
    n.issueDate = QDate();
    n.status = NoticeStatus::Issued;
    REQUIRE_OK(stores().notices().update(n));
    const auto updated = stores().notices().get(n.id);
    REQUIRE_OK(updated);
    n.updatedAt = updated.value().updatedAt;
    QCOMPARE(updated.value(), n);
    QCOMPARE(stores().notices().list().value(), QList<ContractNotice> {n});
    QCOMPARE(stores().notices().listForProvider(m_barts).value(), QList<ContractNotice> {n});
    QVERIFY(stores().notices().listForProvider(m_elft).value().isEmpty());

    REQUIRE_OK(stores().notices().remove(n.id));
    const auto gone = stores().notices().get(n.id);
    QVERIFY(!gone);
    QCOMPARE(
        gone.error(),
        QStringLiteral("Notice %1 does not exist; someone else may have deleted it.").arg(n.id));
    QCOMPARE(rowCount(m_plan.db(), "notice_intention"), 0);
    QCOMPARE(rowCount(m_plan.db(), "intention"), 3);
}

void TestContractRepositories::rejectsInvalidNotice_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addColumn<QString>("message");
    const QString prefix = QStringLiteral("Cannot save the notice “Community frailty service”: ");
    QTest::newRow("missing provider") << "provider" << prefix + "the provider does not exist.";
    QTest::newRow("missing receiving provider")
        << "receiving" << prefix + "the receiving provider does not exist.";
    QTest::newRow("receiving is the provider")
        << "same" << prefix + "the receiving provider is the same as the provider.";
    QTest::newRow("contract with another provider")
        << "contract" << prefix + "the contract is with another provider.";
    QTest::newRow("missing contract") << "no contract" << prefix + "the contract does not exist.";
    QTest::newRow("effective before issue")
        << "dates" << prefix + "the effective date is before the issue date.";
    QTest::newRow("missing intention")
        << "intention" << prefix + "the intention with id 999 does not exist.";
}

void TestContractRepositories::rejectsInvalidNotice()
{
    QFETCH(QString, breakage);
    QFETCH(QString, message);
    ContractNotice n = fullNotice();
    if (breakage == u"provider") {
        n.providerId = 999;
    } else if (breakage == u"receiving") {
        n.receivingProviderId = 999;
    } else if (breakage == u"same") {
        n.receivingProviderId = m_barts;
    } else if (breakage == u"contract") {
        Contract c = fullContract();
        c.providerId = m_elft;
        n.contractId = idOf(stores().contracts().create(c));
    } else if (breakage == u"no contract") {
        n.contractId = 999;
    } else if (breakage == u"dates") {
        n.effectiveDate = QDate(2025, 4, 1);
    } else if (breakage == u"intention") {
        n.intentionIds.append(999);
    }
    const int history = rowCount(m_plan.db(), "change_history");
    const auto created = stores().notices().create(n);
    QVERIFY(!created);
    QCOMPARE(created.error(), message);
    QCOMPARE(rowCount(m_plan.db(), "contract_notice"), 0);
    QCOMPARE(rowCount(m_plan.db(), "notice_intention"), 0);
    QCOMPARE(rowCount(m_plan.db(), "change_history"), history);
}

void TestContractRepositories::noticeUpdateRecordsOneHistoryRowPerChangedField()
{
    ContractNotice n = fullNotice();
    n.id = idOf(stores().notices().create(n));
    n.status = NoticeStatus::Issued;
    n.intentionIds = {m_intentions.at(0)};
    n.effectiveDate = QDate(2026, 7, 1);
    REQUIRE_OK(stores().notices().update(n));

    const auto changes = stores().history().listFor(QStringLiteral("notice"), n.id);
    REQUIRE_OK(changes);
    QList<ChangeRecord> updates = changes.value();
    QCOMPARE(updates.takeLast().field, QStringLiteral("created"));
    QStringList fields = fieldsOf(updates);
    fields.sort();
    QCOMPARE(fields, (QStringList {"effective_date", "intentions", "status"}));
    for (const ChangeRecord &change : updates) {
        QCOMPARE(change.user, QStringLiteral("tester"));
        if (change.field == u"status") {
            QCOMPARE(change.oldValue, QStringLiteral("approved"));
            QCOMPARE(change.newValue, QStringLiteral("issued"));
        } else if (change.field == u"effective_date") {
            QCOMPARE(change.oldValue, QStringLiteral("2026-04-01"));
            QCOMPARE(change.newValue, QStringLiteral("2026-07-01"));
        }
    }
}

void TestContractRepositories::removingIntentionUnlinksItFromNotices()
{
    const Id notice = idOf(stores().notices().create(fullNotice()));
    REQUIRE_OK(stores().intentions().remove(m_intentions.at(0)));
    QCOMPARE(stores().notices().get(notice).value().intentionIds, QList<Id> {m_intentions.at(2)});
}

void TestContractRepositories::letterRecordRoundTrip()
{
    const Id first = idOf(stores().notices().create(fullNotice()));
    ContractNotice second = fullNotice();
    second.service = QStringLiteral("Outpatients");
    const Id secondId = idOf(stores().notices().create(second));
    LetterRecord l = letter({first, secondId});
    l.id = idOf(stores().letters().record(l));
    QVERIFY(l.id > 0);
    const auto listed = stores().letters().listForProvider(m_barts);
    REQUIRE_OK(listed);
    QCOMPARE(listed.value(), QList<LetterRecord> {l});
    QVERIFY(stores().letters().listForProvider(m_elft).value().isEmpty());
    QCOMPARE(rowCount(m_plan.db(), "letter_record_notice"), 2);
    const auto changes = stores().history().listFor(QStringLiteral("letter"), l.id);
    REQUIRE_OK(changes);
    QCOMPARE(fieldsOf(changes.value()), QStringList {"created"});
}

void TestContractRepositories::lettersListNewestFirst()
{
    const Id notice = idOf(stores().notices().create(fullNotice()));
    LetterRecord older = letter({notice});
    LetterRecord newer = letter({});
    newer.issuedAt = older.issuedAt.addDays(1);
    newer.fileName = QStringLiteral("correction.pdf");
    older.id = idOf(stores().letters().record(older));
    newer.id = idOf(stores().letters().record(newer));
    QCOMPARE(stores().letters().listForProvider(m_barts).value(),
             (QList<LetterRecord> {newer, older}));
}

void TestContractRepositories::rejectsInvalidLetter_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addColumn<QString>("message");
    const QString prefix = QStringLiteral(
        "Cannot save the record of the letter “2026-27 notice - Barts Health.pdf”: ");
    QTest::newRow("notice for another provider")
        << "notice" << prefix + "notice %1 is for another provider.";
    QTest::newRow("missing notice") << "no notice" << prefix + "notice 999 does not exist.";
    QTest::newRow("missing provider") << "provider" << prefix + "the provider does not exist.";
    QTest::newRow("short hash") << "hash"
                                << prefix
            + "the file hash must be 64 hexadecimal characters (SHA-256).";
    QTest::newRow("no file name")
        << "file"
        << QStringLiteral("Cannot save the record of the letter: the file name is empty.");
}

void TestContractRepositories::rejectsInvalidLetter()
{
    QFETCH(QString, breakage);
    QFETCH(QString, message);
    ContractNotice elftNotice = fullNotice();
    elftNotice.providerId = m_elft;
    elftNotice.receivingProviderId = 0;
    const Id foreign = idOf(stores().notices().create(elftNotice));
    LetterRecord l = letter({});
    if (breakage == u"notice")
        l.noticeIds = {foreign};
    else if (breakage == u"no notice")
        l.noticeIds = {999};
    else if (breakage == u"provider")
        l.providerId = 999;
    else if (breakage == u"hash")
        l.sha256 = QStringLiteral("abc123");
    else if (breakage == u"file")
        l.fileName.clear();
    const auto recorded = stores().letters().record(l);
    QVERIFY(!recorded);
    QCOMPARE(recorded.error(), message.contains(u"%1") ? message.arg(foreign) : message);
    QCOMPARE(rowCount(m_plan.db(), "letter_record"), 0);
    QCOMPARE(rowCount(m_plan.db(), "letter_record_notice"), 0);
}

void TestContractRepositories::noticeSentInALetterCannotBeRemoved()
{
    const Id notice = idOf(stores().notices().create(fullNotice()));
    QVERIFY(idOf(stores().letters().record(letter({notice}))) > 0);
    const auto removed = stores().notices().remove(notice);
    QVERIFY(!removed);
    QCOMPARE(
        removed.error(),
        QStringLiteral("Cannot delete the notice “Community frailty service”: it has been sent "
                       "to the provider in a letter, and the record of what the provider was "
                       "told is kept. Withdraw the notice instead."));
    QCOMPARE(rowCount(m_plan.db(), "contract_notice"), 1);
}

void TestContractRepositories::providerSentLettersCannotBeRemoved()
{
    QVERIFY(idOf(stores().letters().record(letter({}))) > 0);
    const auto removed = stores().providers().remove(m_barts);
    QVERIFY(!removed);
    QCOMPARE(
        removed.error(),
        QStringLiteral("Cannot delete the provider “Barts Health”: letters have been sent to it "
                       "(1 letter record), and they are kept as the record of what the provider "
                       "was told."));
    QCOMPARE(rowCount(m_plan.db(), "provider"), 2);
}

QTEST_GUILESS_MAIN(TestContractRepositories)
#include "tst_contractrepositories.moc"
