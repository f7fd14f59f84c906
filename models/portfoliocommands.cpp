#include "portfoliocommands.h"

#include <QColor>
#include <QRegularExpression>
#include <QSet>

#include <utility>

using Entity = PlanContext::Entity;

// --- tracker -------------------------------------------------------------------------------------

PortfolioTracker::PortfolioTracker(QObject *parent)
    : QObject(parent)
{
}

PortfolioTracker &PortfolioTracker::of(PlanContext &context)
{
    // One per plan, found by type among the context's children: it dies with the undo stack.
    if (auto *tracker = context.findChild<PortfolioTracker *>(QString(), Qt::FindDirectChildrenOnly))
        return *tracker;
    return *new PortfolioTracker(&context);
}

Id PortfolioTracker::current(PlanContext::Entity entity, Id id) const
{
    const auto table = m_moved.constFind(int(entity));
    if (table == m_moved.cend())
        return id;
    // Follow the chain of moves; a row can be removed and brought back many times.
    for (int guard = 0; guard < 10000; ++guard) {
        const auto next = table->constFind(id);
        if (next == table->cend())
            break;
        id = *next;
    }
    return id;
}

void PortfolioTracker::moved(PlanContext::Entity entity, Id from, Id to)
{
    if (from == to || from == 0)
        return;
    m_moved[int(entity)].insert(from, to);
}

void PortfolioTracker::reportFailure(const QString &message)
{
    emit failed(message);
}

// --- the step base -------------------------------------------------------------------------------

PortfolioStep::PortfolioStep(PlanContext &context, const QString &text)
    : QUndoCommand(text)
    , m_context(context)
    , m_tracker(PortfolioTracker::of(context))
{
}

Result<void> PortfolioStep::apply(bool forward)
{
    const auto written = m_context.stores().inTransaction([&] { return write(forward); });
    if (!written)
        return written;
    notify(forward);
    return {};
}

void PortfolioStep::run(bool forward)
{
    const auto done = apply(forward);
    if (done)
        return;
    // A step that could not be written is not kept as if it had happened: the stack drops an
    // obsolete command. The views reload, since what they cached may be what changed.
    setObsolete(true);
    m_tracker.reportFailure(done.error());
    m_context.notifyChanged(Entity::Portfolio);
    m_context.notifyChanged(Entity::ProgrammeArea);
}

void PortfolioStep::redo()
{
    if (m_applied) { // written by push() already
        m_applied = false;
        return;
    }
    run(true);
}

void PortfolioStep::undo()
{
    run(false);
}

// --- rules ---------------------------------------------------------------------------------------

namespace PortfolioRules {

QString normalisedColour(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^#?([0-9A-Fa-f]{6})$"));
    const QString trimmed = text.trimmed();
    if (const auto match = hex.match(trimmed); match.hasMatch())
        return u'#' + match.captured(1).toUpper();
    // Colour names ("navy") are accepted too; hex is what is stored.
    if (!trimmed.isEmpty() && !trimmed.startsWith(u'#') && QColor::isValidColorName(trimmed))
        return QColor::fromString(trimmed).name(QColor::HexRgb).toUpper();
    return {};
}

QString problem(const Portfolio &portfolio, const QList<Portfolio> &others)
{
    const QString name = portfolio.name.trimmed();
    if (name.isEmpty())
        return QObject::tr("A portfolio needs a name.");
    for (const Portfolio &other : others) {
        if (other.id != portfolio.id && other.name.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return QObject::tr("Another portfolio is already called “%1”. Choose a different name.").arg(other.name);
    }
    if (!portfolio.colour.isEmpty() && normalisedColour(portfolio.colour).isEmpty())
        return QObject::tr("“%1” is not a colour. Write it as #RRGGBB, for example #005EB8.").arg(portfolio.colour);
    return {};
}

QString areaNameProblem(const QString &name, Id areaId, const QList<ProgrammeArea> &areas)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QObject::tr("A programme area needs a name.");
    for (const ProgrammeArea &area : areas) {
        if (area.id != areaId && area.name.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            return QObject::tr("This portfolio already has a programme area called “%1”.").arg(area.name);
    }
    return {};
}

} // namespace PortfolioRules

// --- the steps -----------------------------------------------------------------------------------

namespace {

class EditPortfolio : public PortfolioStep
{
public:
    EditPortfolio(PlanContext &context, Portfolio before, Portfolio after, const QString &text)
        : PortfolioStep(context, text)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    Result<void> write(bool forward) override
    {
        Portfolio value = forward ? m_after : m_before;
        value.id = m_tracker.current(Entity::Portfolio, m_before.id);
        return m_context.stores().portfolios().update(value);
    }
    void notify(bool) override
    {
        m_context.notifyChanged(Entity::Portfolio, {m_tracker.current(Entity::Portfolio, m_before.id)});
    }

private:
    Portfolio m_before;
    Portfolio m_after;
};

// Stores a portfolio and the programme areas given with it (undo of a remove, redo of an add).
Result<void> storePortfolio(PlanContext &context, PortfolioTracker &tracker, const Portfolio &portfolio,
                            const QList<ProgrammeArea> &areas)
{
    const auto created = context.stores().portfolios().create(portfolio);
    if (!created)
        return Error{created.error()};
    const Id was = tracker.current(Entity::Portfolio, portfolio.id);
    tracker.moved(Entity::Portfolio, was, created.value());
    for (ProgrammeArea area : areas) {
        const Id areaWas = tracker.current(Entity::ProgrammeArea, area.id);
        area.portfolioId = created.value();
        const auto areaId = context.stores().programmeAreas().create(area);
        if (!areaId)
            return Error{areaId.error()};
        tracker.moved(Entity::ProgrammeArea, areaWas, areaId.value());
    }
    tracker.reportCreated({created.value()});
    return {};
}

class AddOrRemovePortfolio : public PortfolioStep
{
public:
    AddOrRemovePortfolio(PlanContext &context, Portfolio value, QList<ProgrammeArea> areas, bool adding)
        : PortfolioStep(context, adding ? QObject::tr("Add portfolio “%1”").arg(value.name)
                                        : QObject::tr("Remove portfolio “%1”").arg(value.name))
        , m_value(std::move(value))
        , m_areas(std::move(areas))
        , m_adding(adding)
    {
    }

protected:
    Result<void> write(bool forward) override
    {
        if (forward == m_adding) {
            if (m_value.id == 0) { // the first add: the store gives the id that later steps follow
                const auto created = m_context.stores().portfolios().create(m_value);
                if (!created)
                    return Error{created.error()};
                m_value.id = created.value();
                m_tracker.reportCreated({created.value()});
                return {};
            }
            return storePortfolio(m_context, m_tracker, m_value, m_areas);
        }
        // The portfolio may have gained or lost areas since; those it has go and come back with it.
        const Id id = m_tracker.current(Entity::Portfolio, m_value.id);
        const auto areas = m_context.stores().programmeAreas().listForPortfolio(id);
        if (!areas)
            return Error{areas.error()};
        m_areas = areas.value();
        return m_context.stores().portfolios().remove(id);
    }
    void notify(bool) override
    {
        m_context.notifyChanged(Entity::Portfolio);
        m_context.notifyChanged(Entity::ProgrammeArea);
    }

private:
    Portfolio m_value;
    QList<ProgrammeArea> m_areas;
    bool m_adding;
};

class AddArea : public PortfolioStep
{
public:
    AddArea(PlanContext &context, ProgrammeArea value)
        : PortfolioStep(context, QObject::tr("Add programme area “%1”").arg(value.name))
        , m_value(std::move(value))
    {
    }

protected:
    Result<void> write(bool forward) override
    {
        if (forward) {
            ProgrammeArea area = m_value;
            area.portfolioId = m_tracker.current(Entity::Portfolio, m_value.portfolioId);
            const auto created = m_context.stores().programmeAreas().create(area);
            if (!created)
                return Error{created.error()};
            if (m_value.id == 0)
                m_value.id = created.value();
            else
                m_tracker.moved(Entity::ProgrammeArea, m_tracker.current(Entity::ProgrammeArea, m_value.id),
                                created.value());
            m_tracker.reportCreated({created.value()});
            return {};
        }
        // Deleting an area leaves its intentions without one; undoing the add must not do that.
        const Id id = m_tracker.current(Entity::ProgrammeArea, m_value.id);
        const Id portfolioId = m_tracker.current(Entity::Portfolio, m_value.portfolioId);
        const auto intentions = m_context.stores().intentions().listForPortfolio(portfolioId);
        if (!intentions)
            return Error{intentions.error()};
        for (const Intention &intention : intentions.value()) {
            if (intention.programmeAreaId == id)
                return Error{QObject::tr("Cannot undo adding the programme area “%1”: intentions have been put in it "
                                         "since. Move them or merge the area instead.")
                                 .arg(m_value.name)};
        }
        return m_context.stores().programmeAreas().remove(id);
    }
    void notify(bool) override { m_context.notifyChanged(Entity::ProgrammeArea); }

private:
    ProgrammeArea m_value;
};

class RenameArea : public PortfolioStep
{
public:
    RenameArea(PlanContext &context, ProgrammeArea before, QString name)
        : PortfolioStep(context, QObject::tr("Rename programme area “%1” to “%2”").arg(before.name, name))
        , m_before(std::move(before))
        , m_name(std::move(name))
    {
    }

protected:
    Result<void> write(bool forward) override
    {
        const Id id = m_tracker.current(Entity::ProgrammeArea, m_before.id);
        auto current = m_context.stores().programmeAreas().get(id);
        if (!current)
            return Error{current.error()};
        ProgrammeArea area = current.value();
        area.name = forward ? m_name : m_before.name;
        return m_context.stores().programmeAreas().update(area);
    }
    void notify(bool) override
    {
        m_context.notifyChanged(Entity::ProgrammeArea, {m_tracker.current(Entity::ProgrammeArea, m_before.id)});
    }

private:
    ProgrammeArea m_before;
    QString m_name;
};

class MergeAreas : public PortfolioStep
{
public:
    MergeAreas(PlanContext &context, ProgrammeArea from, ProgrammeArea into)
        : PortfolioStep(context, QObject::tr("Merge programme area “%1” into “%2”").arg(from.name, into.name))
        , m_from(std::move(from))
        , m_into(std::move(into))
    {
    }

protected:
    Result<void> write(bool forward) override
    {
        IntentionStore &intentions = m_context.stores().intentions();
        const Id into = m_tracker.current(Entity::ProgrammeArea, m_into.id);
        const Id portfolioId = m_tracker.current(Entity::Portfolio, m_from.portfolioId);
        if (forward) {
            const Id from = m_tracker.current(Entity::ProgrammeArea, m_from.id);
            const auto all = intentions.listForPortfolio(portfolioId);
            if (!all)
                return Error{all.error()};
            m_moved.clear();
            QList<Intention> moving;
            for (Intention intention : all.value()) {
                if (intention.programmeAreaId != from)
                    continue;
                intention.programmeAreaId = into;
                intention.updatedAt = {}; // stamped now: the merge is a change to each
                moving.append(intention);
                m_moved.append(intention.id);
            }
            if (!moving.isEmpty()) {
                if (auto saved = intentions.saveMany(moving); !saved)
                    return Error{saved.error()};
            }
            return m_context.stores().programmeAreas().remove(from);
        }
        // Bring the merged area back (under a new id) and move back the intentions that came from it.
        ProgrammeArea area = m_from;
        area.portfolioId = portfolioId;
        const auto created = m_context.stores().programmeAreas().create(area);
        if (!created)
            return Error{created.error()};
        m_tracker.moved(Entity::ProgrammeArea, m_tracker.current(Entity::ProgrammeArea, m_from.id), created.value());
        const auto all = intentions.listForPortfolio(portfolioId);
        if (!all)
            return Error{all.error()};
        const QSet<Id> moved(m_moved.cbegin(), m_moved.cend());
        QList<Intention> returning;
        for (Intention intention : all.value()) {
            // One moved on since by another step stays where the user put it.
            if (!moved.contains(intention.id) || intention.programmeAreaId != into)
                continue;
            intention.programmeAreaId = created.value();
            intention.updatedAt = {};
            returning.append(intention);
        }
        if (!returning.isEmpty()) {
            if (auto saved = intentions.saveMany(returning); !saved)
                return Error{saved.error()};
        }
        return {};
    }
    void notify(bool) override
    {
        m_context.notifyChanged(Entity::ProgrammeArea);
        m_context.notifyChanged(Entity::Intention, m_moved);
    }

private:
    ProgrammeArea m_from;
    ProgrammeArea m_into;
    QList<Id> m_moved; // the intentions the last redo moved
};

class ReorderAreas : public PortfolioStep
{
public:
    ReorderAreas(PlanContext &context, QList<ProgrammeArea> before, QList<ProgrammeArea> after)
        : PortfolioStep(context, QObject::tr("Reorder programme areas"))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    Result<void> write(bool forward) override
    {
        for (const ProgrammeArea &wanted : forward ? m_after : m_before) {
            auto current = m_context.stores().programmeAreas().get(
                m_tracker.current(Entity::ProgrammeArea, wanted.id));
            if (!current)
                return Error{current.error()};
            if (current.value().sortOrder == wanted.sortOrder)
                continue;
            ProgrammeArea area = current.value();
            area.sortOrder = wanted.sortOrder;
            if (auto updated = m_context.stores().programmeAreas().update(area); !updated)
                return updated;
        }
        return {};
    }
    void notify(bool) override { m_context.notifyChanged(Entity::ProgrammeArea); }

private:
    QList<ProgrammeArea> m_before;
    QList<ProgrammeArea> m_after;
};

} // namespace

namespace PortfolioCommands {

PortfolioStep *edit(PlanContext &context, const Portfolio &before, const Portfolio &after, const QString &text)
{
    return new EditPortfolio(context, before, after, text);
}

PortfolioStep *add(PlanContext &context, const Portfolio &value)
{
    Portfolio fresh = value;
    fresh.id = 0;
    return new AddOrRemovePortfolio(context, fresh, {}, true);
}

PortfolioStep *remove(PlanContext &context, const Portfolio &value, const QList<ProgrammeArea> &areas)
{
    return new AddOrRemovePortfolio(context, value, areas, false);
}

PortfolioStep *addArea(PlanContext &context, const ProgrammeArea &value)
{
    ProgrammeArea fresh = value;
    fresh.id = 0;
    return new AddArea(context, fresh);
}

PortfolioStep *renameArea(PlanContext &context, const ProgrammeArea &before, const QString &name)
{
    return new RenameArea(context, before, name.trimmed());
}

PortfolioStep *mergeAreas(PlanContext &context, const ProgrammeArea &from, const ProgrammeArea &into)
{
    return new MergeAreas(context, from, into);
}

PortfolioStep *reorderAreas(PlanContext &context, const QList<ProgrammeArea> &before,
                            const QList<ProgrammeArea> &after)
{
    return new ReorderAreas(context, before, after);
}

QString push(PlanContext &context, PortfolioStep *step)
{
    const auto written = step->apply(true);
    if (!written) {
        delete step;
        return written.error();
    }
    step->markApplied();
    context.undoStack()->push(step);
    return {};
}

} // namespace PortfolioCommands
