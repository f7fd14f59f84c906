#include "noticerules.h"

#include "planformat.h"
#include "stores.h"

#include <QSet>

namespace {

QString monthsText(int months)
{
    return months == 1 ? QStringLiteral("1 month") : QStringLiteral("%1 months").arg(months);
}

// Whole months from a to b (b later), counting a month only when its day has been reached:
// 30 Sep → 1 Mar is 5 months.
int wholeMonthsBetween(QDate a, QDate b)
{
    int months = (b.year() - a.year()) * 12 + (b.month() - a.month());
    while (months > 0 && a.addMonths(months) > b)
        --months;
    return qMax(0, months);
}

class Checker
{
public:
    explicit Checker(const NoticeRuleInput &input)
        : m_input(input)
    {
        for (const Contract &contract : input.contracts)
            m_contracts.insert(contract.id, &contract);
        for (const Provider &provider : input.providers)
            m_providerNames.insert(provider.id, provider.name);
        // The latest letter per notice, found once rather than per notice and rule.
        for (const LetterRecord &letter : input.letters) {
            for (Id noticeId : letter.noticeIds) {
                const LetterRecord *&latest = m_latestLetter[noticeId];
                if (!latest || letter.issuedAt > latest->issuedAt
                    || (letter.issuedAt == latest->issuedAt && letter.id > latest->id))
                    latest = &letter;
            }
        }
    }

    void check(const ContractNotice &notice, QList<NoticeFinding> &out) const;

private:
    QString name(const ContractNotice &notice) const;
    void add(QList<NoticeFinding> &out, const ContractNotice &notice, NoticeRule rule,
             FindingSeverity severity, const QString &problem, const QString &fix) const
    {
        out.append({notice.id, rule, severity, problem, fix});
    }

    const NoticeRuleInput &m_input;
    QHash<Id, const Contract *> m_contracts;
    QHash<Id, QString> m_providerNames;
    QHash<Id, const LetterRecord *> m_latestLetter;
};

// "the notice to Homerton on “Community equipment”" — how the messages name a notice.
QString Checker::name(const ContractNotice &notice) const
{
    const QString provider = m_providerNames.value(notice.providerId);
    const QString what = !notice.service.trimmed().isEmpty() ? notice.service.simplified()
                                                              : notice.summary.simplified();
    QString text = QStringLiteral("notice %1").arg(notice.id);
    if (!provider.isEmpty())
        text += QStringLiteral(" to %1").arg(provider);
    if (!what.isEmpty())
        text += QStringLiteral(" on “%1”").arg(what);
    return text;
}

void Checker::check(const ContractNotice &notice, QList<NoticeFinding> &out) const
{
    if (notice.status == NoticeStatus::Withdrawn)
        return;
    const PlanSettings &settings = m_input.settings;
    const Contract *contract = m_contracts.value(notice.contractId, nullptr);
    const int months = NoticeRules::noticePeriodMonths(contract, settings);
    const QDate issued = NoticeRules::issueDate(notice, settings);
    const QString period = contract && contract->noticePeriodMonths
        ? QStringLiteral("the contract “%1” requires %2' notice")
              .arg(contract->title.simplified(), monthsText(months))
        : QStringLiteral("the plan's notice period is %1").arg(monthsText(months));

    if (notice.effectiveDate.isValid() && issued.isValid()) {
        const QDate earliest = NoticeRules::earliestEffectiveDate(issued, months);
        if (notice.effectiveDate < earliest) {
            const int given = wholeMonthsBetween(issued, notice.effectiveDate);
            const QDate suggested = NoticeRules::defaultEffectiveDate(issued, months);
            add(out, notice, NoticeRule::ShortNotice, FindingSeverity::Error,
                QStringLiteral("The %1 takes effect on %2, only %3 after it is issued on %4, but "
                               "%5: the earliest effective date is %6.")
                    .arg(name(notice), PlanFormat::date(notice.effectiveDate),
                         monthsText(given), PlanFormat::date(issued), period,
                         PlanFormat::date(earliest)),
                QStringLiteral("Move the effective date to %1 (the next 1 April the notice period "
                               "allows), or issue the notice by %2.")
                    .arg(PlanFormat::date(suggested),
                         PlanFormat::date(notice.effectiveDate.addMonths(-months))));
        }
    }

    const LetterRecord *letter = m_latestLetter.value(notice.id, nullptr);
    if (notice.status == NoticeStatus::Approved && !letter) {
        add(out, notice, NoticeRule::ApprovedWithoutLetter, FindingSeverity::Warning,
            QStringLiteral("The %1 is approved, but no letter has carried it to the provider yet.")
                .arg(name(notice)),
            QStringLiteral("Export the letter to %1 (Letters › Export), then mark the notice as "
                           "issued once it is sent.")
                .arg(m_providerNames.value(notice.providerId, QStringLiteral("the provider"))));
    }

    if (notice.status == NoticeStatus::Issued) {
        if (!letter) {
            add(out, notice, NoticeRule::LetterOutOfDate, FindingSeverity::Warning,
                QStringLiteral("The %1 is marked as issued, but the plan has no record of a letter "
                               "that carried it.")
                    .arg(name(notice)),
                QStringLiteral("Export the letter to the provider so the plan keeps a copy of what "
                               "it was told, or set the notice back to approved if it has not been "
                               "sent."));
        } else if (notice.updatedAt.isValid() && letter->issuedAt.isValid()
                   && letter->issuedAt < notice.updatedAt) {
            add(out, notice, NoticeRule::LetterOutOfDate, FindingSeverity::Error,
                QStringLiteral("The %1 was changed on %2, after its latest letter (%3, exported %4): "
                               "the provider has not been told about the change.")
                    .arg(name(notice), PlanFormat::date(notice.updatedAt.toLocalTime().date()),
                         letter->fileName, PlanFormat::date(letter->issuedAt.toLocalTime().date())),
                QStringLiteral("Export a new letter to the provider (it supersedes the earlier one), "
                               "or undo the change."));
        }
    }

    if (notice.kind == NoticeKind::Transfer && notice.receivingProviderId == 0) {
        add(out, notice, NoticeRule::TransferWithoutReceiver, FindingSeverity::Error,
            QStringLiteral("The %1 transfers the service but does not say to which provider.")
                .arg(name(notice)),
            QStringLiteral("Choose the receiving provider, or change the kind of notice if the "
                           "service is not moving to another provider."));
    }

    if (contract && contract->end.isValid() && notice.effectiveDate.isValid()
        && contract->end < notice.effectiveDate) {
        add(out, notice, NoticeRule::ContractEndsFirst, FindingSeverity::Warning,
            QStringLiteral("The %1 takes effect on %2, but its contract “%3” ends earlier, on %4: "
                           "there will be no contract left to change.")
                .arg(name(notice), PlanFormat::date(notice.effectiveDate),
                     contract->title.simplified(), PlanFormat::date(contract->end)),
            QStringLiteral("Check the contract's end date (has it been extended?), move the "
                           "notice to the contract that follows it, or withdraw the notice."));
    }

    if (!notice.effectiveDate.isValid()) {
        const bool going = notice.status != NoticeStatus::Draft;
        const QDate suggested = NoticeRules::defaultEffectiveDate(issued, months);
        add(out, notice, NoticeRule::NoEffectiveDate,
            going ? FindingSeverity::Error : FindingSeverity::Warning,
            QStringLiteral("The %1 has no effective date, so no letter can be written for it.")
                .arg(name(notice)),
            suggested.isValid()
                ? QStringLiteral("Set the effective date: with the notice issued on %1 and %2' "
                                 "notice, the default is %3.")
                      .arg(PlanFormat::date(issued), monthsText(months), PlanFormat::date(suggested))
                : QStringLiteral("Set the issue date and the effective date."));
    }
}

} // namespace

namespace NoticeRules {

QString key(NoticeRule rule)
{
    switch (rule) {
    case NoticeRule::ShortNotice: return QStringLiteral("short_notice");
    case NoticeRule::ApprovedWithoutLetter: return QStringLiteral("approved_without_letter");
    case NoticeRule::LetterOutOfDate: return QStringLiteral("letter_out_of_date");
    case NoticeRule::TransferWithoutReceiver: return QStringLiteral("transfer_without_receiver");
    case NoticeRule::ContractEndsFirst: return QStringLiteral("contract_ends_first");
    case NoticeRule::NoEffectiveDate: return QStringLiteral("no_effective_date");
    }
    return {};
}

QString label(NoticeRule rule)
{
    switch (rule) {
    case NoticeRule::ShortNotice: return QStringLiteral("Less than the notice period");
    case NoticeRule::ApprovedWithoutLetter: return QStringLiteral("Approved, no letter");
    case NoticeRule::LetterOutOfDate: return QStringLiteral("Letter out of date");
    case NoticeRule::TransferWithoutReceiver: return QStringLiteral("Transfer to nobody");
    case NoticeRule::ContractEndsFirst: return QStringLiteral("Contract ends first");
    case NoticeRule::NoEffectiveDate: return QStringLiteral("No effective date");
    }
    return {};
}

QString key(FindingSeverity severity)
{
    return severity == FindingSeverity::Error ? QStringLiteral("error")
                                              : QStringLiteral("warning");
}

QDate earliestEffectiveDate(QDate issueDate, int noticeMonths)
{
    if (!issueDate.isValid())
        return {};
    return issueDate.addMonths(qMax(0, noticeMonths));
}

QDate defaultEffectiveDate(QDate issueDate, int noticeMonths)
{
    const QDate earliest = earliestEffectiveDate(issueDate, noticeMonths);
    if (!earliest.isValid())
        return {};
    const QDate april(earliest.year(), 4, 1);
    return earliest <= april ? april : april.addYears(1);
}

int noticePeriodMonths(const Contract *contract, const PlanSettings &settings)
{
    if (contract && contract->noticePeriodMonths && *contract->noticePeriodMonths > 0)
        return *contract->noticePeriodMonths;
    return settings.noticePeriodMonths > 0 ? settings.noticePeriodMonths : 6;
}

QDate issueDate(const ContractNotice &notice, const PlanSettings &settings)
{
    return notice.issueDate.isValid() ? notice.issueDate : settings.noticeIssueDate;
}

const LetterRecord *latestLetter(Id noticeId, const QList<LetterRecord> &letters)
{
    const LetterRecord *latest = nullptr;
    for (const LetterRecord &letter : letters) {
        if (!letter.noticeIds.contains(noticeId))
            continue;
        if (!latest || letter.issuedAt > latest->issuedAt
            || (letter.issuedAt == latest->issuedAt && letter.id > latest->id))
            latest = &letter;
    }
    return latest;
}

bool belongsInLetter(const ContractNotice &notice, const QList<LetterRecord> &letters)
{
    if (notice.status == NoticeStatus::Approved)
        return true;
    if (notice.status != NoticeStatus::Issued)
        return false;
    const LetterRecord *letter = latestLetter(notice.id, letters);
    return letter && notice.updatedAt.isValid() && letter->issuedAt.isValid()
        && letter->issuedAt < notice.updatedAt;
}

QList<NoticeFinding> check(const NoticeRuleInput &input)
{
    const Checker checker(input);
    QList<NoticeFinding> findings;
    for (const ContractNotice &notice : input.notices)
        checker.check(notice, findings);
    return findings;
}

Result<NoticeRuleInput> gather(PlanStoreSet &stores)
{
    NoticeRuleInput input;
    auto settings = stores.settings().load();
    if (!settings)
        return Error{settings.error()};
    input.settings = settings.value();
    auto notices = stores.notices().list();
    if (!notices)
        return Error{notices.error()};
    input.notices = notices.value();
    auto contracts = stores.contracts().list();
    if (!contracts)
        return Error{contracts.error()};
    input.contracts = contracts.value();
    auto providers = stores.providers().list();
    if (!providers)
        return Error{providers.error()};
    input.providers = providers.value();
    QSet<Id> withNotices;
    for (const ContractNotice &notice : std::as_const(input.notices))
        withNotices.insert(notice.providerId);
    for (const Provider &provider : std::as_const(input.providers)) {
        if (!withNotices.contains(provider.id))
            continue;
        auto letters = stores.letters().listForProvider(provider.id);
        if (!letters)
            return Error{letters.error()};
        input.letters.append(letters.value());
    }
    return input;
}

} // namespace NoticeRules
