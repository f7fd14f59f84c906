#pragma once

#include "entities.h"
#include "result.h"

#include <QList>

#include <functional>
#include <optional>

// The storage the domain needs, declared here and implemented in db/ (brief §5).
// Each call that changes data is one transaction: it happens whole or not at all.

template<typename T>
class Repository
{
public:
    virtual ~Repository() = default;
    virtual Result<QList<T>> list() = 0;
    virtual Result<T> get(Id id) = 0;
    virtual Result<Id> create(const T &value) = 0; // value.id is ignored
    virtual Result<void> update(const T &value) = 0;
    virtual Result<void> remove(Id id) = 0;
};

class PlanSettingsStore
{
public:
    virtual ~PlanSettingsStore() = default;
    virtual Result<PlanSettings> load() = 0;
    virtual Result<void> save(const PlanSettings &settings) = 0;
};

// Portfolios and programme areas are removed and brought back by undo (merging areas, removing
// a portfolio): create() keeps value.id when it is set and no row has it, so intentions and
// undo steps that remember the id still find the row; otherwise a new id is given.
class PortfolioStore : public Repository<Portfolio>
{
};

class ProgrammeAreaStore : public Repository<ProgrammeArea>
{
public:
    virtual Result<QList<ProgrammeArea>> listForPortfolio(Id portfolioId) = 0;
};

class IntentionStore : public Repository<Intention>
{
public:
    virtual Result<QList<Intention>> listForPortfolio(Id portfolioId) = 0;
    // Writes several intentions in one transaction and returns them as stored: how the grid's
    // undoable steps (edits, bulk edits, pastes, add, duplicate, undo and redo) reach storage.
    // A value with id 0 is created with a new id; a value whose id does not exist (any more) is
    // created WITH that id, so undoing a delete brings back the same intention; any other is
    // updated. updatedAt is written as given — undo puts back exactly what was there — or
    // stamped now when null. Change history records "created" and each changed field, as
    // create() and update() do. Any refusal fails the whole list and names the intention.
    virtual Result<QList<Intention>> saveMany(const QList<Intention> &values) = 0;
};

class OutcomeDomainStore : public Repository<OutcomeDomain>
{
};

class PlaceStore : public Repository<Place>
{
};

class ProviderStore : public Repository<Provider>
{
};

class ContractStore : public Repository<Contract>
{
public:
    virtual Result<QList<Contract>> listForProvider(Id providerId) = 0;
};

class NoticeStore : public Repository<ContractNotice>
{
public:
    virtual Result<QList<ContractNotice>> listForProvider(Id providerId) = 0;
    // Puts a notice back exactly as given — how undo and redo reach storage: a notice whose id
    // does not exist (any more) is created WITH that id, any other is updated; updatedAt is
    // written as given (stamped now when null), so the notice rules see the same "last changed"
    // as before the step. Change history records it as create() and update() do. A store that
    // cannot keep ids may fall back on update().
    virtual Result<void> restore(const ContractNotice &value) { return update(value); }
};

class LetterRecordStore
{
public:
    virtual ~LetterRecordStore() = default;
    virtual Result<Id> record(const LetterRecord &letter) = 0;
    virtual Result<QList<LetterRecord>> listForProvider(Id providerId) = 0;
};

// The plan's own letter templates (table letter_template), kept by name. The notice letter
// uses the template named LetterTemplateStore::noticeLetterName; a plan without one uses the
// default bundled in the application (LetterDocument::defaultTemplateSource()).
class LetterTemplateStore
{
public:
    static constexpr char noticeLetterName[] = "notice-letter";

    virtual ~LetterTemplateStore() = default;
    // The template's body, or std::nullopt when the plan has no template of that name.
    virtual Result<std::optional<QString>> get(const QString &name) = 0;
    // Creates the template or replaces its body; the change is kept in the change history.
    virtual Result<void> save(const QString &name, const QString &body) = 0;
    // Forgets the plan's own template, so the default is used again. Removing a template the
    // plan does not have is not an error.
    virtual Result<void> remove(const QString &name) = 0;
};

class ChangeHistoryStore
{
public:
    virtual ~ChangeHistoryStore() = default;
    virtual Result<QList<ChangeRecord>> listFor(const QString &entity, Id entityId) = 0;
};

// Whole-plan questions the window and `--check` ask.
class PlanSummaryStore
{
public:
    virtual ~PlanSummaryStore() = default;
    virtual Result<PlanCounts> counts() = 0;
};

// Every store of one open plan. Views and commands take this, never the storage classes.
class PlanStoreSet
{
public:
    virtual ~PlanStoreSet() = default;
    virtual PlanSettingsStore &settings() = 0;
    virtual PortfolioStore &portfolios() = 0;
    virtual ProgrammeAreaStore &programmeAreas() = 0;
    virtual IntentionStore &intentions() = 0;
    virtual OutcomeDomainStore &outcomeDomains() = 0;
    virtual PlaceStore &places() = 0;
    virtual ProviderStore &providers() = 0;
    virtual ContractStore &contracts() = 0;
    virtual NoticeStore &notices() = 0;
    virtual LetterRecordStore &letters() = 0;
    virtual LetterTemplateStore &templates() = 0;
    virtual ChangeHistoryStore &history() = 0;
    virtual PlanSummaryStore &summary() = 0;
    // Runs work as one transaction: every store call inside it happens, or none does (work
    // returning an error, or any call failing, rolls all of it back). One user action — a
    // paste, a bulk edit, an undo step — is one call.
    virtual Result<void> inTransaction(const std::function<Result<void>()> &work) = 0;
};
