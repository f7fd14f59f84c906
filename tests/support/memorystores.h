#pragma once

// An in-memory PlanStoreSet for model tests that link only ciplanner_models (no SQL). It keeps
// the rules the models rely on from the real stores: ids given on create, unique non-empty
// portfolio names, a portfolio with intentions cannot be removed, removing a portfolio removes
// its programme areas, removing an area leaves its intentions without one, an intention's area
// belongs to its portfolio, and inTransaction puts everything back when the work fails.
// Stores the models under test do not use answer with empty lists.

#include "stores.h"

#include <QMap>

#include <algorithm>

#include <functional>

namespace MemoryStores {

template<typename T, typename Base>
class MemoryRepository : public Base
{
public:
    Result<QList<T>> list() override { return m_rows.values(); }
    Result<T> get(Id id) override
    {
        if (!m_rows.contains(id))
            return Error{QStringLiteral("Row %1 does not exist.").arg(id)};
        return m_rows.value(id);
    }
    Result<Id> create(const T &value) override
    {
        if (auto valid = validate(value); !valid)
            return Error{valid.error()};
        T row = value;
        row.id = ++m_lastId;
        m_rows.insert(row.id, row);
        ++writes;
        return row.id;
    }
    Result<void> update(const T &value) override
    {
        if (!m_rows.contains(value.id))
            return Error{QStringLiteral("Row %1 no longer exists.").arg(value.id)};
        if (auto valid = validate(value); !valid)
            return valid;
        m_rows.insert(value.id, value);
        ++writes;
        return {};
    }
    Result<void> remove(Id id) override
    {
        if (!m_rows.contains(id))
            return Error{QStringLiteral("Row %1 does not exist.").arg(id)};
        if (auto allowed = canRemove(id); !allowed)
            return allowed;
        m_rows.remove(id);
        removed(id);
        ++writes;
        return {};
    }

    std::function<Result<void>(const T &)> validator;
    std::function<Result<void>(Id)> removeCheck;
    std::function<void(Id)> onRemoved;
    QMap<Id, T> m_rows;
    Id m_lastId = 0;
    int writes = 0;

protected:
    Result<void> validate(const T &value) { return validator ? validator(value) : Result<void>(); }
    Result<void> canRemove(Id id) { return removeCheck ? removeCheck(id) : Result<void>(); }
    void removed(Id id)
    {
        if (onRemoved)
            onRemoved(id);
    }
};

class Portfolios : public MemoryRepository<Portfolio, PortfolioStore>
{
public:
    // In the plan's order, as the real store lists them.
    Result<QList<Portfolio>> list() override
    {
        QList<Portfolio> rows = m_rows.values();
        std::stable_sort(rows.begin(), rows.end(), [](const Portfolio &a, const Portfolio &b) {
            return a.sortOrder != b.sortOrder ? a.sortOrder < b.sortOrder : a.name < b.name;
        });
        return rows;
    }
};

class Areas : public MemoryRepository<ProgrammeArea, ProgrammeAreaStore>
{
public:
    Result<QList<ProgrammeArea>> listForPortfolio(Id portfolioId) override
    {
        QList<ProgrammeArea> found;
        for (const ProgrammeArea &area : std::as_const(m_rows)) {
            if (area.portfolioId == portfolioId)
                found.append(area);
        }
        return found;
    }
};

class Intentions : public MemoryRepository<Intention, IntentionStore>
{
public:
    Result<QList<Intention>> listForPortfolio(Id portfolioId) override
    {
        QList<Intention> found;
        for (const Intention &intention : std::as_const(m_rows)) {
            if (intention.portfolioId == portfolioId)
                found.append(intention);
        }
        return found;
    }
    Result<QList<Intention>> saveMany(const QList<Intention> &values) override
    {
        const auto before = m_rows;
        QList<Intention> saved;
        for (const Intention &value : values) {
            if (auto valid = validate(value); !valid) {
                m_rows = before;
                return Error{valid.error()};
            }
            Intention row = value;
            if (row.id == 0)
                row.id = ++m_lastId;
            m_lastId = std::max(m_lastId, row.id);
            m_rows.insert(row.id, row);
            saved.append(row);
        }
        ++writes;
        return saved;
    }
};

template<typename T, typename Base>
class Unused : public MemoryRepository<T, Base>
{
};

class Contracts : public MemoryRepository<Contract, ContractStore>
{
public:
    Result<QList<Contract>> listForProvider(Id) override { return QList<Contract>{}; }
};

class Notices : public MemoryRepository<ContractNotice, NoticeStore>
{
public:
    Result<QList<ContractNotice>> listForProvider(Id providerId) override
    {
        QList<ContractNotice> found;
        for (const ContractNotice &notice : std::as_const(m_rows)) {
            if (notice.providerId == providerId)
                found.append(notice);
        }
        return found;
    }
};

class Settings : public PlanSettingsStore
{
public:
    Result<PlanSettings> load() override { return value; }
    Result<void> save(const PlanSettings &settings) override
    {
        value = settings;
        return {};
    }
    PlanSettings value;
};

class Letters : public LetterRecordStore
{
public:
    Result<Id> record(const LetterRecord &) override { return Id(1); }
    Result<QList<LetterRecord>> listForProvider(Id) override { return QList<LetterRecord>{}; }
};

class Templates : public LetterTemplateStore
{
public:
    Result<std::optional<QString>> get(const QString &) override { return std::optional<QString>(); }
    Result<void> save(const QString &, const QString &) override { return {}; }
    Result<void> remove(const QString &) override { return {}; }
};

class History : public ChangeHistoryStore
{
public:
    Result<QList<ChangeRecord>> listFor(const QString &, Id) override { return QList<ChangeRecord>{}; }
};

class Summary : public PlanSummaryStore
{
public:
    Result<PlanCounts> counts() override { return PlanCounts{}; }
};

class PlanStores : public PlanStoreSet
{
public:
    PlanStores()
    {
        m_portfolios.validator = [this](const Portfolio &p) -> Result<void> {
            if (p.name.trimmed().isEmpty())
                return Error{QStringLiteral("Cannot save the portfolio: the name is empty.")};
            for (const Portfolio &other : std::as_const(m_portfolios.m_rows)) {
                if (other.id != p.id && other.name == p.name)
                    return Error{QStringLiteral("Cannot save the portfolio: the name is taken.")};
            }
            return {};
        };
        m_portfolios.removeCheck = [this](Id id) -> Result<void> {
            const auto intentions = m_intentions.listForPortfolio(id);
            if (!intentions.value().isEmpty())
                return Error{QStringLiteral("Cannot delete the portfolio: it still has %1 intentions.")
                                 .arg(intentions.value().size())};
            return {};
        };
        m_portfolios.onRemoved = [this](Id id) {
            const auto areas = m_areas.listForPortfolio(id); // a named result: the loop reads into it
            for (const ProgrammeArea &area : areas.value())
                m_areas.m_rows.remove(area.id);
        };
        m_areas.validator = [this](const ProgrammeArea &a) -> Result<void> {
            if (a.name.trimmed().isEmpty())
                return Error{QStringLiteral("Cannot save the programme area: the name is empty.")};
            if (!m_portfolios.m_rows.contains(a.portfolioId))
                return Error{QStringLiteral("Cannot save the programme area: the portfolio does not exist.")};
            return {};
        };
        m_areas.onRemoved = [this](Id id) {
            for (Intention &intention : m_intentions.m_rows) {
                if (intention.programmeAreaId == id)
                    intention.programmeAreaId = 0;
            }
        };
        m_intentions.validator = [this](const Intention &i) -> Result<void> {
            if (i.title.trimmed().isEmpty())
                return Error{QStringLiteral("Cannot save the intention: the title is empty.")};
            if (!m_portfolios.m_rows.contains(i.portfolioId))
                return Error{QStringLiteral("Cannot save the intention: the portfolio does not exist.")};
            if (i.programmeAreaId != 0
                && m_areas.m_rows.value(i.programmeAreaId).portfolioId != i.portfolioId)
                return Error{QStringLiteral("Cannot save the intention: the programme area is not in its portfolio.")};
            return {};
        };
    }

    PlanSettingsStore &settings() override { return m_settings; }
    PortfolioStore &portfolios() override { return m_portfolios; }
    ProgrammeAreaStore &programmeAreas() override { return m_areas; }
    IntentionStore &intentions() override { return m_intentions; }
    OutcomeDomainStore &outcomeDomains() override { return m_domains; }
    PlaceStore &places() override { return m_places; }
    ProviderStore &providers() override { return m_providers; }
    ContractStore &contracts() override { return m_contracts; }
    NoticeStore &notices() override { return m_notices; }
    LetterRecordStore &letters() override { return m_letters; }
    LetterTemplateStore &templates() override { return m_templates; }
    ChangeHistoryStore &history() override { return m_history; }
    PlanSummaryStore &summary() override { return m_summary; }

    Result<void> inTransaction(const std::function<Result<void>()> &work) override
    {
        ++transactions;
        const auto portfolios = m_portfolios.m_rows;
        const auto areas = m_areas.m_rows;
        const auto intentions = m_intentions.m_rows;
        const auto notices = m_notices.m_rows;
        auto done = work();
        if (!done) { // roll back, as the real stores do
            m_portfolios.m_rows = portfolios;
            m_areas.m_rows = areas;
            m_intentions.m_rows = intentions;
            m_notices.m_rows = notices;
        }
        return done;
    }

    // Test helpers: add rows directly, as a loaded plan would have them.
    Id addPortfolio(const QString &name, int order = 0)
    {
        Portfolio p;
        p.name = name;
        p.sortOrder = order;
        p.colour = QStringLiteral("#005EB8");
        return m_portfolios.create(p).value();
    }
    Id addArea(Id portfolioId, const QString &name, int order = 0)
    {
        return m_areas.create({0, portfolioId, name, order}).value();
    }
    Id addIntention(Id portfolioId, Id areaId, const QString &title)
    {
        Intention i;
        i.portfolioId = portfolioId;
        i.programmeAreaId = areaId;
        i.title = title;
        return m_intentions.create(i).value();
    }

    int transactions = 0;
    Settings m_settings;
    Portfolios m_portfolios;
    Areas m_areas;
    Intentions m_intentions;
    Unused<OutcomeDomain, OutcomeDomainStore> m_domains;
    Unused<Place, PlaceStore> m_places;
    Unused<Provider, ProviderStore> m_providers;
    Contracts m_contracts;
    Notices m_notices;
    Letters m_letters;
    Templates m_templates;
    History m_history;
    Summary m_summary;
};

} // namespace MemoryStores
