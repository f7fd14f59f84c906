// Contracts, contract notices (with their linked intentions) and the record of letters sent.
#include "sqlrepositories.h"

#include "transaction.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>

#include <array>

using namespace SqlUtil;

namespace {

enum Scope { All, ForProvider, One };

constexpr auto selectContracts = R"(
SELECT c.id, c.provider_id, c.reference, c.title, c.form, c.start_date, c.end_date,
       c.annual_value_gbp, c.notice_period_months
FROM contract c JOIN provider p ON p.id = c.provider_id %1
ORDER BY p.name, c.start_date, c.title, c.id)";
constexpr auto contractFilters = std::array {"", "WHERE c.provider_id = ?", "WHERE c.id = ?"};
constexpr auto insertContract = R"(
INSERT INTO contract (provider_id, reference, title, form, start_date, end_date, annual_value_gbp,
                      notice_period_months)
VALUES (?, ?, ?, ?, ?, ?, ?, ?))";
constexpr auto updateContract = R"(
UPDATE contract SET provider_id = ?, reference = ?, title = ?, form = ?, start_date = ?,
       end_date = ?, annual_value_gbp = ?, notice_period_months = ?
WHERE id = ?)";
constexpr auto deleteContract = "DELETE FROM contract WHERE id = ?";

constexpr auto selectNotices = R"(
SELECT n.id, n.provider_id, n.contract_id, n.receiving_provider_id, n.kind, n.service, n.summary,
       n.rationale, n.financial_effect_gbp, n.issue_date, n.effective_date, n.status,
       n.letter_reference, n.updated_at
FROM contract_notice n JOIN provider p ON p.id = n.provider_id %1
ORDER BY p.name, n.effective_date, n.id)";
constexpr auto noticeFilters = std::array {"", "WHERE n.provider_id = ?", "WHERE n.id = ?"};
constexpr auto selectNoticeLinks
    = "SELECT notice_id, intention_id FROM notice_intention %1 ORDER BY notice_id, intention_id";
constexpr auto noticeLinkFilters
    = std::array {"", "WHERE notice_id IN (SELECT id FROM contract_notice WHERE provider_id = ?)",
                  "WHERE notice_id = ?"};
constexpr auto insertNotice = R"(
INSERT INTO contract_notice (provider_id, contract_id, receiving_provider_id, kind, service, summary,
                             rationale, financial_effect_gbp, issue_date, effective_date, status,
                             letter_reference, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr auto updateNotice = R"(
UPDATE contract_notice SET provider_id = ?, contract_id = ?, receiving_provider_id = ?, kind = ?,
       service = ?, summary = ?, rationale = ?, financial_effect_gbp = ?, issue_date = ?,
       effective_date = ?, status = ?, letter_reference = ?, updated_at = ?
WHERE id = ?)";
constexpr auto insertNoticeWithId = R"(
INSERT INTO contract_notice (id, provider_id, contract_id, receiving_provider_id, kind, service, summary,
                             rationale, financial_effect_gbp, issue_date, effective_date, status,
                             letter_reference, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr auto deleteNotice = "DELETE FROM contract_notice WHERE id = ?";
constexpr auto deleteNoticeLinks = "DELETE FROM notice_intention WHERE notice_id = ?";
constexpr auto insertNoticeLink
    = "INSERT INTO notice_intention (notice_id, intention_id) VALUES (?, ?)";
constexpr auto countNoticeLetters = "SELECT count(*) FROM letter_record_notice WHERE notice_id = ?";

constexpr auto insertLetter = R"(
INSERT INTO letter_record (provider_id, issued_at, recipient, file_name, sha256) VALUES (?, ?, ?, ?, ?))";
constexpr auto insertLetterNotice
    = "INSERT INTO letter_record_notice (letter_id, notice_id) VALUES (?, ?)";
constexpr auto selectLetters = R"(
SELECT id, provider_id, issued_at, recipient, file_name, sha256 FROM letter_record
WHERE provider_id = ? ORDER BY issued_at DESC, id DESC)";
constexpr auto selectLetterNotices = R"(
SELECT ln.letter_id, ln.notice_id
FROM letter_record_notice ln JOIN letter_record l ON l.id = ln.letter_id
WHERE l.provider_id = ? ORDER BY ln.letter_id, ln.notice_id)";

constexpr auto providerExists = "SELECT 1 FROM provider WHERE id = ?";
constexpr auto contractProvider = "SELECT provider_id FROM contract WHERE id = ?";
constexpr auto intentionExists = "SELECT 1 FROM intention WHERE id = ?";
constexpr auto noticeProvider = "SELECT provider_id FROM contract_notice WHERE id = ?";

const QString theContract = QStringLiteral("the contract");
const QString theNotice = QStringLiteral("the notice");
const QString noLongerExists
    = QStringLiteral("it no longer exists (someone else may have deleted it)");

Result<void> requireProvider(QSqlDatabase db, Id id, const QString &what)
{
    auto found = exists(db, providerExists, id);
    if (!found)
        return Error {found.error()};
    if (!found.value())
        return Error {QStringLiteral("the %1 does not exist").arg(what)};
    return {};
}

// --- contracts -----------------------------------------------------------------------------------

QVariantList contractValues(const Contract &c)
{
    return {
        c.providerId,  text(c.reference), text(c.title),           text(c.form),
        date(c.start), date(c.end),       optional(c.annualValue), optional(c.noticePeriodMonths)};
}

Fields contractFields(const Contract &c)
{
    return {
        {QStringLiteral("provider_id"), idText(c.providerId)},
        {QStringLiteral("reference"), c.reference},
        {QStringLiteral("title"), c.title},
        {QStringLiteral("form"), c.form},
        {QStringLiteral("start_date"), dateText(c.start)},
        {QStringLiteral("end_date"), dateText(c.end)},
        {QStringLiteral("annual_value_gbp"), optionalText(c.annualValue)},
        {QStringLiteral("notice_period_months"), optionalText(c.noticePeriodMonths)},
    };
}

// --- notices -------------------------------------------------------------------------------------

QString noticeName(const ContractNotice &n)
{
    return n.service.trimmed().isEmpty() ? n.summary : n.service;
}

QVariantList noticeValues(const ContractNotice &n)
{
    return {n.providerId,
            optionalId(n.contractId),
            optionalId(n.receivingProviderId),
            Enums::key(n.kind),
            text(n.service),
            text(n.summary),
            text(n.rationale),
            optional(n.financialEffect),
            date(n.issueDate),
            date(n.effectiveDate),
            Enums::key(n.status),
            text(n.letterReference)};
}

Fields noticeFields(const ContractNotice &n)
{
    return {
        {QStringLiteral("provider_id"), idText(n.providerId)},
        {QStringLiteral("contract_id"), idText(n.contractId)},
        {QStringLiteral("receiving_provider_id"), idText(n.receivingProviderId)},
        {QStringLiteral("intentions"), idsText(normalisedIds(n.intentionIds))},
        {QStringLiteral("kind"), Enums::key(n.kind)},
        {QStringLiteral("service"), n.service},
        {QStringLiteral("summary"), n.summary},
        {QStringLiteral("rationale"), n.rationale},
        {QStringLiteral("financial_effect_gbp"), optionalText(n.financialEffect)},
        {QStringLiteral("issue_date"), dateText(n.issueDate)},
        {QStringLiteral("effective_date"), dateText(n.effectiveDate)},
        {QStringLiteral("status"), Enums::key(n.status)},
        {QStringLiteral("letter_reference"), n.letterReference},
    };
}

Result<void> writeNoticeLinks(QSqlDatabase db, Id id, const QList<Id> &intentionIds, bool replace)
{
    if (replace) {
        if (auto deleted = write(db, sql(deleteNoticeLinks), {id}); !deleted)
            return Error {deleted.error()};
    }
    QList<QVariantList> rows;
    for (Id intention : normalisedIds(intentionIds))
        rows.append({id, intention});
    return writeRows(db, sql(insertNoticeLink), rows);
}

} // namespace

// --- contracts -----------------------------------------------------------------------------------

SqlContractRepository::SqlContractRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<Contract>> SqlContractRepository::load(int scope, Id id)
{
    QList<Contract> contracts;
    auto selected
        = select(m_db, withFilter(selectContracts, contractFilters.at(scope)),
                 scope == All ? QVariantList {} : QVariantList {id}, [&](const QSqlQuery &q) {
                     Contract c;
                     c.id = q.value(0).toLongLong();
                     c.providerId = q.value(1).toLongLong();
                     c.reference = q.value(2).toString();
                     c.title = q.value(3).toString();
                     c.form = q.value(4).toString();
                     c.start = toDate(q.value(5));
                     c.end = toDate(q.value(6));
                     c.annualValue = toOptionalDouble(q.value(7));
                     c.noticePeriodMonths = toOptionalInt(q.value(8));
                     contracts.append(std::move(c));
                 });
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the contracts"), {}, selected.error());
    return contracts;
}

Result<QList<Contract>> SqlContractRepository::list()
{
    return load(All, 0);
}
Result<QList<Contract>> SqlContractRepository::listForProvider(Id providerId)
{
    return load(ForProvider, providerId);
}

Result<Contract> SqlContractRepository::get(Id id)
{
    auto found = load(One, id);
    if (!found)
        return Error {found.error()};
    if (found.value().isEmpty())
        return Error {
            QStringLiteral("Contract %1 does not exist; someone else may have deleted it.")
                .arg(id)};
    return found.value().constFirst();
}

Result<void> SqlContractRepository::validate(const Contract &c)
{
    if (c.start.isValid() && c.end.isValid() && c.end < c.start)
        return Error {QStringLiteral("the end date is before the start date")};
    if (c.annualValue && *c.annualValue < 0)
        return Error {QStringLiteral("the annual value cannot be negative")};
    if (c.noticePeriodMonths && (*c.noticePeriodMonths < 1 || *c.noticePeriodMonths > 60))
        return Error {QStringLiteral("the notice period must be between 1 and 60 months")};
    return requireProvider(m_db, c.providerId, QStringLiteral("provider"));
}

Result<Id> SqlContractRepository::create(const Contract &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theContract, value.title, problem);
    };
    if (value.title.trimmed().isEmpty())
        return fail(QStringLiteral("the title is empty"));
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    auto inserted = write(m_db, sql(insertContract), contractValues(value));
    if (!inserted)
        return fail(inserted.error());
    const Id id = inserted.value().lastInsertId;
    if (auto recorded = recordEvent(history(), QStringLiteral("contract"), id,
                                    QStringLiteral("created"), {}, value.title);
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return id;
}

Result<void> SqlContractRepository::update(const Contract &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theContract, value.title, problem);
    };
    if (value.title.trimmed().isEmpty())
        return fail(QStringLiteral("the title is empty"));
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = load(One, value.id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return fail(noLongerExists);
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    QVariantList values = contractValues(value);
    values.append(value.id);
    if (auto updated = write(m_db, sql(updateContract), values); !updated)
        return fail(updated.error());
    if (auto recorded
        = recordChanges(history(), QStringLiteral("contract"), value.id,
                        contractFields(before.value().constFirst()), contractFields(value));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

Result<void> SqlContractRepository::remove(Id id)
{
    WriteTransaction transaction(m_db);
    const auto before = load(One, id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return cannot(Action::Delete, QStringLiteral("contract %1").arg(id), {},
                      QStringLiteral("it does not exist"));
    const QString title = before.value().constFirst().title;
    auto fail = [&](const QString &problem) {
        return cannot(Action::Delete, theContract, title, problem);
    };
    if (!transaction.isActive())
        return fail(transaction.error());
    if (auto deleted = write(m_db, sql(deleteContract), {id}, Action::Delete); !deleted)
        return fail(deleted.error());
    if (auto recorded = recordEvent(history(), QStringLiteral("contract"), id,
                                    QStringLiteral("deleted"), title, {});
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Delete));
    return {};
}

// --- notices -------------------------------------------------------------------------------------

SqlNoticeRepository::SqlNoticeRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<QList<ContractNotice>> SqlNoticeRepository::load(int scope, Id id)
{
    const QVariantList values = scope == All ? QVariantList {} : QVariantList {id};
    QList<ContractNotice> notices;
    QHash<Id, qsizetype> rowOf;
    auto selected = select(
        m_db, withFilter(selectNotices, noticeFilters.at(scope)), values, [&](const QSqlQuery &q) {
            ContractNotice n;
            n.id = q.value(0).toLongLong();
            n.providerId = q.value(1).toLongLong();
            n.contractId = toId(q.value(2));
            n.receivingProviderId = toId(q.value(3));
            n.kind = Enums::noticeKindFromKey(q.value(4).toString()).value_or(NoticeKind::Change);
            n.service = q.value(5).toString();
            n.summary = q.value(6).toString();
            n.rationale = q.value(7).toString();
            n.financialEffect = toOptionalDouble(q.value(8));
            n.issueDate = toDate(q.value(9));
            n.effectiveDate = toDate(q.value(10));
            n.status
                = Enums::noticeStatusFromKey(q.value(11).toString()).value_or(NoticeStatus::Draft);
            n.letterReference = q.value(12).toString();
            n.updatedAt = toDateTime(q.value(13));
            rowOf.insert(n.id, notices.size());
            notices.append(std::move(n));
        });
    if (selected && !notices.isEmpty()) {
        selected = select(m_db, withFilter(selectNoticeLinks, noticeLinkFilters.at(scope)), values,
                          [&](const QSqlQuery &q) {
                              const auto row = rowOf.constFind(q.value(0).toLongLong());
                              if (row != rowOf.cend())
                                  notices[*row].intentionIds.append(q.value(1).toLongLong());
                          });
    }
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the notices"), {}, selected.error());
    return notices;
}

Result<QList<ContractNotice>> SqlNoticeRepository::list()
{
    return load(All, 0);
}
Result<QList<ContractNotice>> SqlNoticeRepository::listForProvider(Id providerId)
{
    return load(ForProvider, providerId);
}

Result<ContractNotice> SqlNoticeRepository::get(Id id)
{
    auto found = load(One, id);
    if (!found)
        return Error {found.error()};
    if (found.value().isEmpty())
        return Error {
            QStringLiteral("Notice %1 does not exist; someone else may have deleted it.").arg(id)};
    return found.value().constFirst();
}

Result<void> SqlNoticeRepository::validate(const ContractNotice &n)
{
    if (n.issueDate.isValid() && n.effectiveDate.isValid() && n.effectiveDate < n.issueDate)
        return Error {QStringLiteral("the effective date is before the issue date")};
    if (n.receivingProviderId != 0 && n.receivingProviderId == n.providerId)
        return Error {QStringLiteral("the receiving provider is the same as the provider")};
    if (auto provider = requireProvider(m_db, n.providerId, QStringLiteral("provider")); !provider)
        return provider;
    if (n.receivingProviderId != 0) {
        if (auto receiving
            = requireProvider(m_db, n.receivingProviderId, QStringLiteral("receiving provider"));
            !receiving)
            return receiving;
    }
    if (n.contractId != 0) {
        auto contract = selectValue(m_db, sql(contractProvider), {n.contractId});
        if (!contract)
            return Error {contract.error()};
        if (!contract.value().isValid())
            return Error {QStringLiteral("the contract does not exist")};
        if (contract.value().toLongLong() != n.providerId)
            return Error {QStringLiteral("the contract is with another provider")};
    }
    for (Id intention : normalisedIds(n.intentionIds)) {
        auto found = exists(m_db, intentionExists, intention);
        if (!found)
            return Error {found.error()};
        if (!found.value())
            return Error {QStringLiteral("the intention with id %1 does not exist").arg(intention)};
    }
    return {};
}

Result<Id> SqlNoticeRepository::create(const ContractNotice &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theNotice, noticeName(value), problem);
    };
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    const HistoryContext context = history();
    QVariantList values = noticeValues(value);
    values.append(context.when);
    auto inserted = write(m_db, sql(insertNotice), values);
    if (!inserted)
        return fail(inserted.error());
    const Id id = inserted.value().lastInsertId;
    if (auto links = writeNoticeLinks(m_db, id, value.intentionIds, false); !links)
        return fail(links.error());
    if (auto recorded = recordEvent(context, QStringLiteral("notice"), id,
                                    QStringLiteral("created"), {}, noticeName(value));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return id;
}

Result<void> SqlNoticeRepository::update(const ContractNotice &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theNotice, noticeName(value), problem);
    };
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = load(One, value.id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return fail(noLongerExists);
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    const HistoryContext context = history();
    QVariantList values = noticeValues(value);
    values << context.when << value.id;
    if (auto updated = write(m_db, sql(updateNotice), values); !updated)
        return fail(updated.error());
    const ContractNotice &old = before.value().constFirst();
    if (normalisedIds(old.intentionIds) != normalisedIds(value.intentionIds)) {
        if (auto links = writeNoticeLinks(m_db, value.id, value.intentionIds, true); !links)
            return fail(links.error());
    }
    if (auto recorded = recordChanges(context, QStringLiteral("notice"), value.id,
                                      noticeFields(old), noticeFields(value));
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

Result<void> SqlNoticeRepository::restore(const ContractNotice &value)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, theNotice, noticeName(value), problem);
    };
    if (value.id <= 0)
        return fail(QStringLiteral("it has no id to put back"));
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto before = load(One, value.id);
    if (!before)
        return Error {before.error()};
    if (auto valid = validate(value); !valid)
        return fail(valid.error());
    const HistoryContext context = history();
    const QString when = value.updatedAt.isValid() ? timestamp(value.updatedAt) : context.when;
    QVariantList values = noticeValues(value);
    values << when;
    if (before.value().isEmpty()) {
        values.prepend(value.id);
        if (auto inserted = write(m_db, sql(insertNoticeWithId), values); !inserted)
            return fail(inserted.error());
        if (auto links = writeNoticeLinks(m_db, value.id, value.intentionIds, false); !links)
            return fail(links.error());
        if (auto recorded = recordEvent(context, QStringLiteral("notice"), value.id,
                                        QStringLiteral("created"), {}, noticeName(value));
            !recorded)
            return fail(recorded.error());
    } else {
        values << value.id;
        if (auto updated = write(m_db, sql(updateNotice), values); !updated)
            return fail(updated.error());
        const ContractNotice &old = before.value().constFirst();
        if (normalisedIds(old.intentionIds) != normalisedIds(value.intentionIds)) {
            if (auto links = writeNoticeLinks(m_db, value.id, value.intentionIds, true); !links)
                return fail(links.error());
        }
        if (auto recorded = recordChanges(context, QStringLiteral("notice"), value.id,
                                          noticeFields(old), noticeFields(value));
            !recorded)
            return fail(recorded.error());
    }
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return {};
}

Result<void> SqlNoticeRepository::remove(Id id)
{
    WriteTransaction transaction(m_db);
    const auto before = load(One, id);
    if (!before)
        return Error {before.error()};
    if (before.value().isEmpty())
        return cannot(Action::Delete, QStringLiteral("notice %1").arg(id), {},
                      QStringLiteral("it does not exist"));
    const QString name = noticeName(before.value().constFirst());
    auto fail
        = [&](const QString &problem) { return cannot(Action::Delete, theNotice, name, problem); };
    if (!transaction.isActive())
        return fail(transaction.error());
    const auto letters = selectValue(m_db, sql(countNoticeLetters), {id});
    if (!letters)
        return fail(letters.error());
    if (letters.value().toInt() > 0) {
        return fail(QStringLiteral(
            "it has been sent to the provider in a letter, and the record of what the provider "
            "was told is kept. Withdraw the notice instead"));
    }
    if (auto deleted = write(m_db, sql(deleteNotice), {id}, Action::Delete); !deleted)
        return fail(deleted.error());
    if (auto recorded
        = recordEvent(history(), QStringLiteral("notice"), id, QStringLiteral("deleted"), name, {});
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Delete));
    return {};
}

// --- letters -------------------------------------------------------------------------------------

SqlLetterRecordRepository::SqlLetterRecordRepository(QSqlDatabase db, QString user)
    : SqlRepositoryBase(std::move(db), std::move(user))
{
}

Result<Id> SqlLetterRecordRepository::record(const LetterRecord &letter)
{
    auto fail = [&](const QString &problem) {
        return cannot(Action::Save, QStringLiteral("the record of the letter"), letter.fileName,
                      problem);
    };
    if (letter.fileName.trimmed().isEmpty())
        return fail(QStringLiteral("the file name is empty"));
    static const QRegularExpression sha256(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!sha256.match(letter.sha256).hasMatch())
        return fail(QStringLiteral("the file hash must be 64 hexadecimal characters (SHA-256)"));

    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return fail(transaction.error());
    if (auto provider = requireProvider(m_db, letter.providerId, QStringLiteral("provider"));
        !provider)
        return fail(provider.error());
    // A letter only carries notices to the provider it is addressed to.
    for (Id notice : normalisedIds(letter.noticeIds)) {
        auto owner = selectValue(m_db, sql(noticeProvider), {notice});
        if (!owner)
            return fail(owner.error());
        if (!owner.value().isValid())
            return fail(QStringLiteral("notice %1 does not exist").arg(notice));
        if (owner.value().toLongLong() != letter.providerId)
            return fail(QStringLiteral("notice %1 is for another provider").arg(notice));
    }
    const HistoryContext context = history();
    const QString issuedAt = letter.issuedAt.isValid() ? timestamp(letter.issuedAt) : context.when;
    auto inserted = write(m_db, sql(insertLetter),
                          {letter.providerId, issuedAt, text(letter.recipient),
                           text(letter.fileName), letter.sha256});
    if (!inserted)
        return fail(inserted.error());
    const Id id = inserted.value().lastInsertId;
    QList<QVariantList> rows;
    for (Id notice : normalisedIds(letter.noticeIds))
        rows.append({id, notice});
    if (auto links = writeRows(m_db, sql(insertLetterNotice), rows); !links)
        return fail(links.error());
    if (auto recorded = recordEvent(context, QStringLiteral("letter"), id,
                                    QStringLiteral("created"), {}, letter.fileName);
        !recorded)
        return fail(recorded.error());
    if (auto committed = transaction.commit(); !committed)
        return fail(plainProblem(committed.error(), Action::Save));
    return id;
}

Result<QList<LetterRecord>> SqlLetterRecordRepository::listForProvider(Id providerId)
{
    QList<LetterRecord> letters;
    QHash<Id, qsizetype> rowOf;
    auto selected = select(m_db, sql(selectLetters), {providerId}, [&](const QSqlQuery &q) {
        LetterRecord letter;
        letter.id = q.value(0).toLongLong();
        letter.providerId = q.value(1).toLongLong();
        letter.issuedAt = toDateTime(q.value(2));
        letter.recipient = q.value(3).toString();
        letter.fileName = q.value(4).toString();
        letter.sha256 = q.value(5).toString();
        rowOf.insert(letter.id, letters.size());
        letters.append(std::move(letter));
    });
    if (selected && !letters.isEmpty()) {
        selected = select(m_db, sql(selectLetterNotices), {providerId}, [&](const QSqlQuery &q) {
            const auto row = rowOf.constFind(q.value(0).toLongLong());
            if (row != rowOf.cend())
                letters[*row].noticeIds.append(q.value(1).toLongLong());
        });
    }
    if (!selected)
        return cannot(Action::Read, QStringLiteral("the letters sent"), {}, selected.error());
    return letters;
}
