#pragma once

#include "entities.h"
#include "result.h"

#include <QList>

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
};

class LetterRecordStore
{
public:
    virtual ~LetterRecordStore() = default;
    virtual Result<Id> record(const LetterRecord &letter) = 0;
    virtual Result<QList<LetterRecord>> listForProvider(Id providerId) = 0;
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
