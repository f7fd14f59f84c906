#pragma once

#include "sqlutil.h"
#include "stores.h"

#include <QSqlDatabase>
#include <QString>

// The store interfaces of models/stores.h over the plan's SQLite schema.
//
// Every create/update/remove is one BEGIN IMMEDIATE transaction holding the record, its link
// rows and its change-history rows; a failure rolls everything back and returns an Error that
// names the record and says what was wrong. Reads finish every query before returning, and
// load link tables with one query per table for the whole list.
//
// Link lists (places, providers, outcome domains, notice intentions, letter notices) are sets:
// they are stored without duplicates and read back in ascending id order.

// What every repository shares: the connection and the user named in change history.
class SqlRepositoryBase
{
protected:
    SqlRepositoryBase(QSqlDatabase db, QString user);
    // The history context for a transaction starting now.
    SqlUtil::HistoryContext history() const;

    QSqlDatabase m_db;
    QString m_user;
};

// The single plan_settings row (id 1). A plan without it reads as the defaults: planning year
// 2026/27, notices issued 30 September 2025, six months' notice.
class SqlPlanSettingsRepository : public PlanSettingsStore, private SqlRepositoryBase
{
public:
    explicit SqlPlanSettingsRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<PlanSettings> load() override;
    Result<void> save(const PlanSettings &settings) override;

    static PlanSettings defaults();
};

// Portfolios with their benefits. An empty colour is stored as the default #4472C4.
class SqlPortfolioRepository : public PortfolioStore, private SqlRepositoryBase
{
public:
    explicit SqlPortfolioRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<QList<Portfolio>> list() override; // by sort order, then name
    Result<Portfolio> get(Id id) override;
    Result<Id> create(const Portfolio &value) override;
    Result<void> update(const Portfolio &value) override;
    // Refused while the portfolio still has intentions; its programme areas go with it.
    Result<void> remove(Id id) override;

    static constexpr auto defaultColour = "#4472C4";

private:
    Result<QList<Portfolio>> load(bool one, Id id);
};

class SqlProgrammeAreaRepository : public ProgrammeAreaStore, private SqlRepositoryBase
{
public:
    explicit SqlProgrammeAreaRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<QList<ProgrammeArea>> list() override; // by portfolio order, then sort order, name
    Result<QList<ProgrammeArea>> listForPortfolio(Id portfolioId) override;
    Result<ProgrammeArea> get(Id id) override;
    Result<Id> create(const ProgrammeArea &value) override;
    Result<void> update(const ProgrammeArea &value) override;
    // Its intentions stay in the portfolio, without a programme area.
    Result<void> remove(Id id) override;

private:
    Result<void> validate(const ProgrammeArea &value);
};

// Intentions with places, providers, outcome domains and milestones. updated_at is set on
// every create and update.
class SqlIntentionRepository : public IntentionStore, private SqlRepositoryBase
{
public:
    explicit SqlIntentionRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    // By portfolio (sort order, name), then the intention's sort order, then id.
    Result<QList<Intention>> list() override;
    Result<QList<Intention>> listForPortfolio(Id portfolioId) override;
    Result<Intention> get(Id id) override;
    Result<Id> create(const Intention &value) override;
    Result<void> update(const Intention &value) override;
    Result<void> remove(Id id) override;
    Result<QList<Intention>> saveMany(const QList<Intention> &values) override;

private:
    enum class Scope { All, Portfolio, One };
    Result<QList<Intention>> load(Scope scope, Id id);
    Result<void> validate(const Intention &value);
    Result<void> writeLinks(const Intention &value, Id id, bool replace);
};

class SqlOutcomeDomainRepository : public OutcomeDomainStore, private SqlRepositoryBase
{
public:
    explicit SqlOutcomeDomainRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<QList<OutcomeDomain>> list() override; // by sort order, then name
    Result<OutcomeDomain> get(Id id) override;
    Result<Id> create(const OutcomeDomain &value) override;
    Result<void> update(const OutcomeDomain &value) override;
    Result<void> remove(Id id) override; // unlinks it from intentions
};

class SqlPlaceRepository : public PlaceStore, private SqlRepositoryBase
{
public:
    explicit SqlPlaceRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<QList<Place>> list() override; // by sort order, then name
    Result<Place> get(Id id) override;
    Result<Id> create(const Place &value) override;
    Result<void> update(const Place &value) override;
    Result<void> remove(Id id) override; // unlinks it from intentions
};

class SqlProviderRepository : public ProviderStore, private SqlRepositoryBase
{
public:
    explicit SqlProviderRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<QList<Provider>> list() override; // by name
    Result<Provider> get(Id id) override;
    Result<Id> create(const Provider &value) override;
    Result<void> update(const Provider &value) override;
    // Refused while it has contracts, notices or letter records.
    Result<void> remove(Id id) override;
};

class SqlContractRepository : public ContractStore, private SqlRepositoryBase
{
public:
    explicit SqlContractRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<QList<Contract>> list() override; // by provider name, start date, title
    Result<QList<Contract>> listForProvider(Id providerId) override;
    Result<Contract> get(Id id) override;
    Result<Id> create(const Contract &value) override;
    Result<void> update(const Contract &value) override;
    Result<void> remove(Id id) override; // its notices stay, without a contract

private:
    Result<QList<Contract>> load(int scope, Id id);
    Result<void> validate(const Contract &value);
};

// Contract notices with their linked intentions. updated_at is set on every create and update.
class SqlNoticeRepository : public NoticeStore, private SqlRepositoryBase
{
public:
    explicit SqlNoticeRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<QList<ContractNotice>> list() override; // by provider name, effective date, id
    Result<QList<ContractNotice>> listForProvider(Id providerId) override;
    Result<ContractNotice> get(Id id) override;
    Result<Id> create(const ContractNotice &value) override;
    Result<void> update(const ContractNotice &value) override;
    Result<void> restore(const ContractNotice &value) override;
    // Refused once the notice has gone out in a letter: the letter record is the audit trail.
    Result<void> remove(Id id) override;

private:
    Result<QList<ContractNotice>> load(int scope, Id id);
    Result<void> validate(const ContractNotice &value);
};

// Letters sent: which notices went to which provider, when, to whom, and the file's hash.
// An invalid issuedAt is recorded as now.
class SqlLetterRecordRepository : public LetterRecordStore, private SqlRepositoryBase
{
public:
    explicit SqlLetterRecordRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<Id> record(const LetterRecord &letter) override;
    Result<QList<LetterRecord>> listForProvider(Id providerId) override; // newest first
};

// The plan's letter templates by name. Saving records the old and new body in the change
// history (as a change to the plan: the history names the template in its field).
class SqlLetterTemplateRepository : public LetterTemplateStore, private SqlRepositoryBase
{
public:
    explicit SqlLetterTemplateRepository(QSqlDatabase db, QString user = SqlUtil::currentUserName());
    Result<std::optional<QString>> get(const QString &name) override;
    Result<void> save(const QString &name, const QString &body) override;
    Result<void> remove(const QString &name) override;
};

class SqlChangeHistoryRepository : public ChangeHistoryStore, private SqlRepositoryBase
{
public:
    explicit SqlChangeHistoryRepository(QSqlDatabase db);
    Result<QList<ChangeRecord>> listFor(const QString &entity,
                                        Id entityId) override; // newest first
};

class SqlPlanSummaryRepository : public PlanSummaryStore, private SqlRepositoryBase
{
public:
    explicit SqlPlanSummaryRepository(QSqlDatabase db);
    Result<PlanCounts> counts() override;
};
