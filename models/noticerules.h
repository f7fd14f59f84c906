#pragma once

#include "entities.h"
#include "result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

class PlanStoreSet;

// The checks on contract notices (brief §1: a notice must reach the provider at least the
// contract's notice period before the change, normally by 30 September for 1 April).
// Pure rules over values; the register shows the findings as a list and as row markers, and
// `--check-notices` prints them.

enum class NoticeRule {
    ShortNotice,             // effective date earlier than issue date + notice period
    ApprovedWithoutLetter,   // approved, but no letter has carried it
    LetterOutOfDate,         // issued, but its latest letter predates its last change (or no letter)
    TransferWithoutReceiver, // a transfer that names no receiving provider
    ContractEndsFirst,       // the contract ends before the notice takes effect
    NoEffectiveDate,         // a notice with no effective date cannot go in a letter
};

enum class FindingSeverity { Error, Warning };

struct NoticeFinding
{
    Id noticeId = 0;
    NoticeRule rule = NoticeRule::ShortNotice;
    FindingSeverity severity = FindingSeverity::Error;
    QString problem; // what is wrong, in plain words, naming the notice's dates and contract
    QString fix;     // how to put it right
    friend bool operator==(const NoticeFinding &, const NoticeFinding &) = default;
};

// Everything the rules look at. Providers name the notices in messages; letters tell which
// notices have gone out and when.
struct NoticeRuleInput
{
    PlanSettings settings;
    QList<ContractNotice> notices;
    QList<Contract> contracts;
    QList<Provider> providers;
    QList<LetterRecord> letters;
};

namespace NoticeRules {

// Stable keys for scripts ("short_notice", "approved_without_letter", "letter_out_of_date",
// "transfer_without_receiver", "contract_ends_first", "no_effective_date") and short labels.
QString key(NoticeRule rule);
QString label(NoticeRule rule);
QString key(FindingSeverity severity); // "error" / "warning"

// The 1 April on or after issueDate + noticeMonths: the default effective date of a notice.
// 30 Sep 2025 with 6 months gives 1 Apr 2026; 1 Oct 2025 with 6 months gives 1 Apr 2026
// (exactly six months is enough); 2 Oct 2025 gives 1 Apr 2027. Invalid date in, invalid out.
QDate defaultEffectiveDate(QDate issueDate, int noticeMonths);

// The earliest effective date the notice period allows: issueDate + noticeMonths (QDate's
// month arithmetic: 31 Aug + 6 months is 28/29 Feb).
QDate earliestEffectiveDate(QDate issueDate, int noticeMonths);

// The notice period that applies: the contract's own, else the plan's default.
int noticePeriodMonths(const Contract *contract, const PlanSettings &settings);

// The issue date that applies: the notice's own, else the plan's notice issue date.
QDate issueDate(const ContractNotice &notice, const PlanSettings &settings);

// The latest letter (by issuedAt, then id) that carried the notice, or nullptr.
const LetterRecord *latestLetter(Id noticeId, const QList<LetterRecord> &letters);

// True when the notice goes in its provider's next letter: it is approved, or it is issued and
// has changed since the latest letter that carried it (that letter is superseded).
bool belongsInLetter(const ContractNotice &notice, const QList<LetterRecord> &letters);

// Every finding for every notice, in the order of input.notices, rules in enum order.
// Withdrawn notices are not checked.
QList<NoticeFinding> check(const NoticeRuleInput &input);

// Reads everything check() needs from a plan (letters: one query per provider with notices).
Result<NoticeRuleInput> gather(PlanStoreSet &stores);

} // namespace NoticeRules
