#include "noticerules.h"

#include <QTest>

namespace {

enum class Letter { None, BeforeChange, AfterChange };

constexpr Id homerton = 1;
constexpr Id elft = 2;
constexpr Id plainContract = 10;     // plan's notice period, ends 2028
constexpr Id threeMonthContract = 11;
constexpr Id endingContract = 12;    // ends 31 March 2026
constexpr Id yearContract = 13;      // twelve months' notice
constexpr Id endsOnTheDayContract = 14;

const QDateTime changedAt(QDate(2025, 9, 1), QTime(10, 0), Qt::UTC);

NoticeRuleInput baseInput()
{
    NoticeRuleInput input;
    input.settings.icbName = QStringLiteral("NHS Test ICB");
    input.settings.planningYear = FiscalYear(2026);
    input.settings.noticeIssueDate = QDate(2025, 9, 30);
    input.settings.noticePeriodMonths = 6;
    Provider first;
    first.id = homerton;
    first.name = QStringLiteral("Homerton");
    Provider second;
    second.id = elft;
    second.name = QStringLiteral("ELFT");
    input.providers = {first, second};
    auto contract = [](Id id, QDate end, std::optional<int> months) {
        Contract c;
        c.id = id;
        c.providerId = homerton;
        c.title = QStringLiteral("Contract %1").arg(id);
        c.start = QDate(2023, 4, 1);
        c.end = end;
        c.noticePeriodMonths = months;
        return c;
    };
    input.contracts = {contract(plainContract, QDate(2028, 3, 31), std::nullopt),
                       contract(threeMonthContract, QDate(2028, 3, 31), 3),
                       contract(endingContract, QDate(2026, 3, 31), std::nullopt),
                       contract(yearContract, QDate(2028, 3, 31), 12),
                       contract(endsOnTheDayContract, QDate(2026, 4, 1), std::nullopt)};
    return input;
}

ContractNotice baseNotice()
{
    ContractNotice n;
    n.id = 7;
    n.providerId = homerton;
    n.contractId = plainContract;
    n.kind = NoticeKind::Change;
    n.service = QStringLiteral("Community equipment");
    n.issueDate = QDate(2025, 9, 30);
    n.effectiveDate = QDate(2026, 4, 1);
    n.status = NoticeStatus::Draft;
    n.updatedAt = changedAt;
    return n;
}

QStringList ruleKeys(const QList<NoticeFinding> &findings)
{
    QStringList keys;
    for (const NoticeFinding &f : findings)
        keys << NoticeRules::key(f.rule);
    return keys;
}

} // namespace

Q_DECLARE_METATYPE(NoticeKind)
Q_DECLARE_METATYPE(NoticeStatus)
Q_DECLARE_METATYPE(Letter)

class TestNoticeRules : public QObject
{
    Q_OBJECT

private slots:
    void findsEachRuleFiringAndNotFiring_data();
    void findsEachRuleFiringAndNotFiring();
    void defaultEffectiveDateIsTheNextFirstOfApril_data();
    void defaultEffectiveDateIsTheNextFirstOfApril();
    void usesTheContractsNoticePeriodElseThePlans();
    void saysWhatIsWrongAndHowToFixIt();
    void gradesMissedDeadlinesAsErrorsAndLooseEndsAsWarnings();
    void putsApprovedAndChangedIssuedNoticesInTheNextLetter();
    void picksTheLatestLetterCarryingTheNotice();
    void reportsFindingsInNoticeOrder();
};

void TestNoticeRules::findsEachRuleFiringAndNotFiring_data()
{
    QTest::addColumn<NoticeKind>("kind");
    QTest::addColumn<NoticeStatus>("status");
    QTest::addColumn<QDate>("issueDate");
    QTest::addColumn<QDate>("effectiveDate");
    QTest::addColumn<Id>("contractId");
    QTest::addColumn<Id>("receivingProviderId");
    QTest::addColumn<Letter>("letter");
    QTest::addColumn<QStringList>("expected");

    const auto change = NoticeKind::Change;
    const auto draft = NoticeStatus::Draft;
    const QDate sept30(2025, 9, 30);
    const QDate april1(2026, 4, 1);
    const QStringList none;

    QTest::newRow("six months to 1 April: nothing")
        << change << draft << sept30 << april1 << plainContract << Id(0) << Letter::None << none;
    QTest::newRow("five months' notice")
        << change << draft << QDate(2025, 10, 31) << april1 << plainContract << Id(0)
        << Letter::None << QStringList{"short_notice"};
    QTest::newRow("exactly six months is enough")
        << change << draft << QDate(2025, 10, 1) << april1 << plainContract << Id(0)
        << Letter::None << none;
    QTest::newRow("one day short")
        << change << draft << QDate(2025, 10, 2) << april1 << plainContract << Id(0)
        << Letter::None << QStringList{"short_notice"};
    QTest::newRow("contract's three months, given three")
        << change << draft << QDate(2026, 1, 1) << april1 << threeMonthContract << Id(0)
        << Letter::None << none;
    QTest::newRow("contract's twelve months, given six")
        << change << draft << sept30 << april1 << yearContract << Id(0) << Letter::None
        << QStringList{"short_notice"};
    QTest::newRow("no issue date: the plan's 30 September")
        << change << draft << QDate() << QDate(2026, 3, 1) << plainContract << Id(0)
        << Letter::None << QStringList{"short_notice"};
    QTest::newRow("no contract: the plan's period")
        << change << draft << QDate(2025, 11, 1) << april1 << Id(0) << Id(0) << Letter::None
        << QStringList{"short_notice"};
    QTest::newRow("approved without letter")
        << change << NoticeStatus::Approved << sept30 << april1 << plainContract << Id(0)
        << Letter::None << QStringList{"approved_without_letter"};
    QTest::newRow("approved with letter")
        << change << NoticeStatus::Approved << sept30 << april1 << plainContract << Id(0)
        << Letter::AfterChange << none;
    QTest::newRow("issued, letter after the last change")
        << change << NoticeStatus::Issued << sept30 << april1 << plainContract << Id(0)
        << Letter::AfterChange << none;
    QTest::newRow("issued, changed after its letter")
        << change << NoticeStatus::Issued << sept30 << april1 << plainContract << Id(0)
        << Letter::BeforeChange << QStringList{"letter_out_of_date"};
    QTest::newRow("issued, no letter on record")
        << change << NoticeStatus::Issued << sept30 << april1 << plainContract << Id(0)
        << Letter::None << QStringList{"letter_out_of_date"};
    QTest::newRow("acknowledged: letters no longer checked")
        << change << NoticeStatus::Acknowledged << sept30 << april1 << plainContract << Id(0)
        << Letter::BeforeChange << none;
    QTest::newRow("transfer without receiving provider")
        << NoticeKind::Transfer << draft << sept30 << april1 << plainContract << Id(0)
        << Letter::None << QStringList{"transfer_without_receiver"};
    QTest::newRow("transfer to ELFT")
        << NoticeKind::Transfer << draft << sept30 << april1 << plainContract << elft
        << Letter::None << none;
    QTest::newRow("terminate needs no receiver")
        << NoticeKind::Terminate << draft << sept30 << april1 << plainContract << Id(0)
        << Letter::None << none;
    QTest::newRow("contract ends the day before")
        << change << draft << sept30 << april1 << endingContract << Id(0) << Letter::None
        << QStringList{"contract_ends_first"};
    QTest::newRow("contract ends on the effective date")
        << change << draft << sept30 << april1 << endsOnTheDayContract << Id(0) << Letter::None
        << none;
    QTest::newRow("no effective date")
        << change << draft << sept30 << QDate() << plainContract << Id(0) << Letter::None
        << QStringList{"no_effective_date"};
    QTest::newRow("several at once, in rule order")
        << NoticeKind::Transfer << NoticeStatus::Approved << QDate(2025, 10, 31) << april1
        << endingContract << Id(0) << Letter::None
        << QStringList{"short_notice", "approved_without_letter", "transfer_without_receiver",
                       "contract_ends_first"};
    QTest::newRow("withdrawn: nothing is checked")
        << NoticeKind::Transfer << NoticeStatus::Withdrawn << QDate(2025, 10, 31) << april1
        << endingContract << Id(0) << Letter::None << none;
}

void TestNoticeRules::findsEachRuleFiringAndNotFiring()
{
    QFETCH(NoticeKind, kind);
    QFETCH(NoticeStatus, status);
    QFETCH(QDate, issueDate);
    QFETCH(QDate, effectiveDate);
    QFETCH(Id, contractId);
    QFETCH(Id, receivingProviderId);
    QFETCH(Letter, letter);
    QFETCH(QStringList, expected);

    NoticeRuleInput input = baseInput();
    ContractNotice notice = baseNotice();
    notice.kind = kind;
    notice.status = status;
    notice.issueDate = issueDate;
    notice.effectiveDate = effectiveDate;
    notice.contractId = contractId;
    notice.receivingProviderId = receivingProviderId;
    input.notices = {notice};
    if (letter != Letter::None) {
        LetterRecord record;
        record.id = 3;
        record.providerId = homerton;
        record.noticeIds = {notice.id};
        record.fileName = QStringLiteral("Homerton.pdf");
        record.issuedAt = letter == Letter::BeforeChange ? changedAt.addDays(-1)
                                                         : changedAt.addSecs(60);
        input.letters = {record};
    }

    const QList<NoticeFinding> findings = NoticeRules::check(input);
    QCOMPARE(ruleKeys(findings), expected);
    for (const NoticeFinding &finding : findings)
        QCOMPARE(finding.noticeId, notice.id);
}

void TestNoticeRules::defaultEffectiveDateIsTheNextFirstOfApril_data()
{
    QTest::addColumn<QDate>("issue");
    QTest::addColumn<int>("months");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("30 September, 6 months") << QDate(2025, 9, 30) << 6 << QDate(2026, 4, 1);
    QTest::newRow("1 October, 6 months: exactly") << QDate(2025, 10, 1) << 6 << QDate(2026, 4, 1);
    QTest::newRow("2 October, 6 months: a year later") << QDate(2025, 10, 2) << 6 << QDate(2027, 4, 1);
    QTest::newRow("1 January, 3 months") << QDate(2026, 1, 1) << 3 << QDate(2026, 4, 1);
    QTest::newRow("30 September, 12 months") << QDate(2025, 9, 30) << 12 << QDate(2027, 4, 1);
    QTest::newRow("1 April, 0 months") << QDate(2026, 4, 1) << 0 << QDate(2026, 4, 1);
    QTest::newRow("31 August, 6 months: end of February") << QDate(2025, 8, 31) << 6 << QDate(2026, 4, 1);
    QTest::newRow("no issue date") << QDate() << 6 << QDate();
}

void TestNoticeRules::defaultEffectiveDateIsTheNextFirstOfApril()
{
    QFETCH(QDate, issue);
    QFETCH(int, months);
    QFETCH(QDate, expected);
    QCOMPARE(NoticeRules::defaultEffectiveDate(issue, months), expected);
}

void TestNoticeRules::usesTheContractsNoticePeriodElseThePlans()
{
    PlanSettings settings;
    settings.noticePeriodMonths = 6;
    Contract own;
    own.noticePeriodMonths = 3;
    Contract inherits;
    QCOMPARE(NoticeRules::noticePeriodMonths(&own, settings), 3);
    QCOMPARE(NoticeRules::noticePeriodMonths(&inherits, settings), 6);
    QCOMPARE(NoticeRules::noticePeriodMonths(nullptr, settings), 6);
    settings.noticePeriodMonths = 9;
    QCOMPARE(NoticeRules::noticePeriodMonths(nullptr, settings), 9);
    QCOMPARE(NoticeRules::earliestEffectiveDate(QDate(2025, 8, 31), 6), QDate(2026, 2, 28));
}

void TestNoticeRules::saysWhatIsWrongAndHowToFixIt()
{
    NoticeRuleInput input = baseInput();
    ContractNotice notice = baseNotice();
    notice.issueDate = QDate(2025, 10, 31);
    input.notices = {notice};
    const auto findings = NoticeRules::check(input);
    QCOMPARE(findings.size(), 1);
    const NoticeFinding &f = findings.constFirst();
    QVERIFY2(f.problem.contains(QStringLiteral("notice 7 to Homerton on “Community equipment”")),
             qPrintable(f.problem));
    QVERIFY2(f.problem.contains(QStringLiteral("1 Apr 2026")), qPrintable(f.problem));
    QVERIFY2(f.problem.contains(QStringLiteral("only 5 months")), qPrintable(f.problem));
    QVERIFY2(f.problem.contains(QStringLiteral("31 Oct 2025")), qPrintable(f.problem));
    QVERIFY2(f.problem.contains(QStringLiteral("6 months")), qPrintable(f.problem));
    QVERIFY2(f.problem.contains(QStringLiteral("30 Apr 2026")), qPrintable(f.problem)); // earliest
    QVERIFY2(f.fix.contains(QStringLiteral("1 Apr 2027")), qPrintable(f.fix));
    QVERIFY2(f.fix.contains(QStringLiteral("1 Oct 2025")), qPrintable(f.fix)); // issue by

    // Every rule explains itself and says what to do.
    notice.kind = NoticeKind::Transfer;
    notice.status = NoticeStatus::Approved;
    notice.contractId = endingContract;
    input.notices = {notice};
    for (const NoticeFinding &finding : NoticeRules::check(input)) {
        QVERIFY(!finding.problem.isEmpty());
        QVERIFY(!finding.fix.isEmpty());
        QVERIFY(!NoticeRules::label(finding.rule).isEmpty());
    }
}

void TestNoticeRules::gradesMissedDeadlinesAsErrorsAndLooseEndsAsWarnings()
{
    NoticeRuleInput input = baseInput();
    ContractNotice shortNotice = baseNotice();
    shortNotice.issueDate = QDate(2025, 12, 1);
    ContractNotice approved = baseNotice();
    approved.id = 8;
    approved.status = NoticeStatus::Approved;
    input.notices = {shortNotice, approved};
    const auto findings = NoticeRules::check(input);
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.at(0).severity, FindingSeverity::Error);
    QCOMPARE(findings.at(1).severity, FindingSeverity::Warning);
    QCOMPARE(NoticeRules::key(findings.at(0).severity), QStringLiteral("error"));
}

void TestNoticeRules::putsApprovedAndChangedIssuedNoticesInTheNextLetter()
{
    ContractNotice notice = baseNotice();
    LetterRecord before;
    before.noticeIds = {notice.id};
    before.issuedAt = changedAt.addDays(-2);
    LetterRecord after = before;
    after.issuedAt = changedAt.addDays(1);

    notice.status = NoticeStatus::Draft;
    QVERIFY(!NoticeRules::belongsInLetter(notice, {}));
    notice.status = NoticeStatus::Approved;
    QVERIFY(NoticeRules::belongsInLetter(notice, {}));
    QVERIFY(NoticeRules::belongsInLetter(notice, {after}));
    notice.status = NoticeStatus::Issued;
    QVERIFY(!NoticeRules::belongsInLetter(notice, {after}));
    QVERIFY(NoticeRules::belongsInLetter(notice, {before}));
    QVERIFY(!NoticeRules::belongsInLetter(notice, {})); // issued by hand: not resent unasked
    notice.status = NoticeStatus::Withdrawn;
    QVERIFY(!NoticeRules::belongsInLetter(notice, {before}));
}

void TestNoticeRules::picksTheLatestLetterCarryingTheNotice()
{
    LetterRecord older;
    older.id = 1;
    older.noticeIds = {7, 8};
    older.issuedAt = changedAt;
    LetterRecord newer = older;
    newer.id = 2;
    newer.issuedAt = changedAt.addDays(3);
    LetterRecord other = older;
    other.id = 3;
    other.noticeIds = {9};
    other.issuedAt = changedAt.addDays(9);
    const QList<LetterRecord> letters{newer, older, other};
    QCOMPARE(NoticeRules::latestLetter(7, letters)->id, Id(2));
    QCOMPARE(NoticeRules::latestLetter(9, letters)->id, Id(3));
    QVERIFY(!NoticeRules::latestLetter(10, letters));
}

void TestNoticeRules::reportsFindingsInNoticeOrder()
{
    NoticeRuleInput input = baseInput();
    ContractNotice a = baseNotice();
    a.id = 30;
    a.kind = NoticeKind::Transfer;
    ContractNotice b = baseNotice();
    b.id = 20;
    b.effectiveDate = QDate();
    input.notices = {a, b};
    const auto findings = NoticeRules::check(input);
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.at(0).noticeId, Id(30));
    QCOMPARE(findings.at(1).noticeId, Id(20));
}

QTEST_GUILESS_MAIN(TestNoticeRules)
#include "tst_noticerules.moc"
