#include "registercommands.h"

#include <utility>

namespace {

using Entity = PlanContext::Entity;

template<typename T>
struct Traits;

template<>
struct Traits<Provider>
{
    static constexpr Entity entity = Entity::Provider;
    static constexpr bool keepsIds = false;
    static Repository<Provider> &store(PlanStoreSet &stores) { return stores.providers(); }
};

template<>
struct Traits<Contract>
{
    static constexpr Entity entity = Entity::Contract;
    static constexpr bool keepsIds = false;
    static Repository<Contract> &store(PlanStoreSet &stores) { return stores.contracts(); }
};

// Notices are put back exactly — id and last-changed time — because the notice rules compare
// a notice's last change with its latest letter: an undone edit must not look like a change
// the provider has not been told about.
template<>
struct Traits<ContractNotice>
{
    static constexpr Entity entity = Entity::Notice;
    static constexpr bool keepsIds = true;
    static Repository<ContractNotice> &store(PlanStoreSet &stores) { return stores.notices(); }
};

// Writes a row back as it was. Notices keep their id and last-changed time; providers and
// contracts are stored anew and get a new id. Returns the id the row has now.
template<typename T>
Result<Id> putBack(PlanContext &context, const RegisterTracker &tracker, const T &value)
{
    if constexpr (Traits<T>::keepsIds) {
        const T resolved = tracker.resolved(value);
        if (auto restored = context.stores().notices().restore(resolved); !restored)
            return Error{restored.error()};
        return resolved.id;
    } else {
        return Traits<T>::store(context.stores()).create(tracker.resolved(value));
    }
}

// What every register step shares: the plan, its tracker, and how a failed write ends it.
class RegisterCommand : public QUndoCommand
{
public:
    RegisterCommand(PlanContext &context, const QString &text)
        : QUndoCommand(text)
        , m_context(context)
        , m_tracker(RegisterTracker::of(context))
    {
    }

protected:
    // The stack drops an obsolete command: a step that could not be written is not kept as if
    // it had happened.
    void fail(const QString &message)
    {
        setObsolete(true);
        m_tracker.reportFailure(message);
    }

    PlanContext &m_context;
    RegisterTracker &m_tracker;
};

template<typename T>
class EditCommand : public RegisterCommand
{
public:
    EditCommand(PlanContext &context, T before, T after, const QString &text)
        : RegisterCommand(context, text)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    void redo() override
    {
        // The first redo is the edit itself; later ones put back what it stored.
        if (m_stored)
            write(*m_stored, true);
        else
            write(m_after, false);
    }
    void undo() override { write(m_before, Traits<T>::keepsIds); }

private:
    void write(const T &value, bool exactly)
    {
        T current = m_tracker.resolved(value);
        current.id = m_tracker.current(Traits<T>::entity, value.id);
        const auto written = m_context.stores().inTransaction([&]() -> Result<void> {
            Repository<T> &store = Traits<T>::store(m_context.stores());
            if constexpr (Traits<T>::keepsIds) {
                if (exactly)
                    return m_context.stores().notices().restore(current);
            }
            if (auto updated = store.update(current); !updated)
                return updated;
            if constexpr (Traits<T>::keepsIds) {
                auto stored = store.get(current.id);
                if (!stored)
                    return Error{stored.error()};
                m_stored = stored.value();
            }
            return {};
        });
        if (!written) {
            fail(written.error());
            return;
        }
        m_context.notifyChanged(Traits<T>::entity, {current.id});
    }

    T m_before;
    T m_after;
    std::optional<T> m_stored; // the after state as first stored (notices)
};

// Stores rows again (see putBack); the ids they have now, in order.
template<typename T>
Result<QList<Id>> storeAgain(PlanContext &context, RegisterTracker &tracker, const QList<T> &values)
{
    QList<Id> ids;
    const auto written = context.stores().inTransaction([&]() -> Result<void> {
        for (const T &value : values) {
            const auto stored = putBack(context, tracker, value);
            if (!stored)
                return Error{stored.error()};
            ids.append(stored.value());
        }
        return {};
    });
    if (!written)
        return Error{written.error()};
    return ids;
}

template<typename T>
Result<QList<Id>> deleteRows(PlanContext &context, RegisterTracker &tracker, const QList<Id> &keys)
{
    QList<Id> ids;
    const auto written = context.stores().inTransaction([&]() -> Result<void> {
        for (Id key : keys) {
            const Id id = tracker.current(Traits<T>::entity, key);
            if (auto removed = Traits<T>::store(context.stores()).remove(id); !removed)
                return removed;
            ids.append(id);
        }
        return {};
    });
    if (!written)
        return Error{written.error()};
    return ids;
}

// Remembers the id each new row got first: that id is how the rest of the stack knows the row,
// whatever id a later redo gives it.
template<typename T>
class AddCommand : public RegisterCommand
{
public:
    AddCommand(PlanContext &context, QList<T> values, const QString &text)
        : RegisterCommand(context, text)
        , m_values(std::move(values))
    {
    }

    void redo() override
    {
        if (m_keys.isEmpty()) {
            createFirst();
            return;
        }
        const auto stored = storeAgain(m_context, m_tracker, m_stored);
        if (!stored) {
            fail(stored.error());
            return;
        }
        for (qsizetype i = 0; i < m_keys.size(); ++i)
            m_tracker.moved(Traits<T>::entity, m_keys.at(i), stored.value().at(i));
        m_tracker.reportCreated(stored.value());
        m_context.notifyChanged(Traits<T>::entity, stored.value());
    }

    void undo() override
    {
        const auto removed = deleteRows<T>(m_context, m_tracker, m_keys);
        if (!removed) {
            fail(removed.error());
            return;
        }
        m_context.notifyChanged(Traits<T>::entity, removed.value());
    }

private:
    void createFirst()
    {
        QList<Id> ids;
        QList<T> stored;
        const auto written = m_context.stores().inTransaction([&]() -> Result<void> {
            Repository<T> &store = Traits<T>::store(m_context.stores());
            for (const T &value : std::as_const(m_values)) {
                const auto created = store.create(m_tracker.resolved(value));
                if (!created)
                    return Error{created.error()};
                ids.append(created.value());
                // What a later redo puts back: the row as stored (notices), or the values again.
                T again = value;
                again.id = created.value();
                if constexpr (Traits<T>::keepsIds) {
                    auto read = store.get(created.value());
                    if (!read)
                        return Error{read.error()};
                    again = read.value();
                }
                stored.append(again);
            }
            return {};
        });
        if (!written) {
            fail(written.error());
            return;
        }
        m_keys = ids;
        m_stored = stored;
        m_tracker.reportCreated(ids);
        m_context.notifyChanged(Traits<T>::entity, ids);
    }

    QList<T> m_values;
    QList<T> m_stored;
    QList<Id> m_keys;
};

template<typename T>
class RemoveCommand : public RegisterCommand
{
public:
    RemoveCommand(PlanContext &context, QList<T> values, const QString &text)
        : RegisterCommand(context, text)
        , m_values(std::move(values))
    {
    }

    void redo() override
    {
        QList<Id> keys;
        for (const T &value : m_values)
            keys.append(value.id);
        const auto removed = deleteRows<T>(m_context, m_tracker, keys);
        if (!removed) {
            fail(removed.error());
            return;
        }
        m_context.notifyChanged(Traits<T>::entity, removed.value());
        removedAll();
    }

    void undo() override
    {
        QList<Id> ids;
        const auto written = m_context.stores().inTransaction([&]() -> Result<void> {
            const auto stored = storeAgain(m_context, m_tracker, m_values);
            if (!stored)
                return Error{stored.error()};
            ids = stored.value();
            QHash<Id, Id> newIds;
            for (qsizetype i = 0; i < m_values.size(); ++i)
                newIds.insert(m_values.at(i).id, ids.at(i));
            return restoredAll(newIds);
        });
        if (!written) {
            fail(written.error());
            return;
        }
        for (qsizetype i = 0; i < m_values.size(); ++i)
            m_tracker.moved(Traits<T>::entity, m_values.at(i).id, ids.at(i));
        m_tracker.reportCreated(ids);
        m_context.notifyChanged(Traits<T>::entity, ids);
        restoredAllNotified();
    }

protected:
    // Hooks for what hangs off the deleted rows (the notices on a deleted contract).
    // restoredAll runs inside undo's transaction; newIds maps each row's key to its new id.
    virtual void removedAll() {}
    virtual Result<void> restoredAll(const QHash<Id, Id> &newIds)
    {
        Q_UNUSED(newIds)
        return {};
    }
    virtual void restoredAllNotified() {}

    QList<T> m_values;
};

class RemoveContractsCommand : public RemoveCommand<Contract>
{
public:
    RemoveContractsCommand(PlanContext &context, QList<Contract> values, QList<ContractNotice> notices,
                           const QString &text)
        : RemoveCommand<Contract>(context, std::move(values), text)
        , m_notices(std::move(notices))
    {
    }

protected:
    void removedAll() override
    {
        // The plan detached them (ON DELETE SET NULL); their rows show it.
        if (!m_notices.isEmpty())
            m_context.notifyChanged(Entity::Notice, currentNoticeIds());
    }

    Result<void> restoredAll(const QHash<Id, Id> &newIds) override
    {
        // As they were before the delete (which only cleared their contract), on the
        // contract's new id.
        for (const ContractNotice &before : std::as_const(m_notices)) {
            ContractNotice attached = m_tracker.resolved(before);
            attached.contractId = newIds.value(before.contractId, attached.contractId);
            if (auto restored = m_context.stores().notices().restore(attached); !restored)
                return restored;
        }
        return {};
    }

    void restoredAllNotified() override
    {
        if (!m_notices.isEmpty())
            m_context.notifyChanged(Entity::Notice, currentNoticeIds());
    }

private:
    QList<Id> currentNoticeIds() const
    {
        QList<Id> ids;
        for (const ContractNotice &notice : m_notices)
            ids.append(m_tracker.current(Entity::Notice, notice.id));
        return ids;
    }

    QList<ContractNotice> m_notices;
};

class SaveTemplateCommand : public RegisterCommand
{
public:
    SaveTemplateCommand(PlanContext &context, QString name, std::optional<QString> before, QString after,
                        const QString &text)
        : RegisterCommand(context, text)
        , m_name(std::move(name))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const std::optional<QString> &body)
    {
        LetterTemplateStore &store = m_context.stores().templates();
        const auto written = m_context.stores().inTransaction(
            [&]() -> Result<void> { return body ? store.save(m_name, *body) : store.remove(m_name); });
        if (!written) {
            fail(written.error());
            return;
        }
        m_context.notifyChanged(Entity::Template);
    }

    QString m_name;
    std::optional<QString> m_before;
    std::optional<QString> m_after;
};

} // namespace

RegisterTracker::RegisterTracker(QObject *parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("registerTracker"));
}

RegisterTracker &RegisterTracker::of(PlanContext &context)
{
    if (auto *tracker = context.findChild<RegisterTracker *>(QString(), Qt::FindDirectChildrenOnly))
        return *tracker;
    return *new RegisterTracker(&context);
}

Id RegisterTracker::current(PlanContext::Entity entity, Id id) const
{
    const auto found = m_moved.constFind(int(entity));
    if (found == m_moved.cend())
        return id;
    // Follow the chain (a row can come back more than once); a bounded walk guards against a
    // cycle that reused ids could make.
    Id at = id;
    for (qsizetype step = 0; step <= found->size(); ++step) {
        const auto next = found->constFind(at);
        if (next == found->cend())
            return at;
        at = *next;
    }
    return at;
}

void RegisterTracker::moved(PlanContext::Entity entity, Id from, Id to)
{
    QHash<Id, Id> &moves = m_moved[int(entity)];
    // A live row now has id `to`; a chain that still passed through it would be stale.
    moves.remove(to);
    if (from != to)
        moves.insert(from, to);
}

void RegisterTracker::reportFailure(const QString &message)
{
    m_failure = message;
    emit failed(message);
}

QString RegisterTracker::takeFailure()
{
    return std::exchange(m_failure, QString());
}

Contract RegisterTracker::resolved(Contract contract) const
{
    contract.providerId = current(PlanContext::Entity::Provider, contract.providerId);
    return contract;
}

ContractNotice RegisterTracker::resolved(ContractNotice notice) const
{
    notice.providerId = current(PlanContext::Entity::Provider, notice.providerId);
    if (notice.receivingProviderId != 0)
        notice.receivingProviderId = current(PlanContext::Entity::Provider, notice.receivingProviderId);
    if (notice.contractId != 0)
        notice.contractId = current(PlanContext::Entity::Contract, notice.contractId);
    return notice;
}

namespace RegisterCommands {

QUndoCommand *edit(PlanContext &context, const Provider &before, const Provider &after, const QString &text)
{
    return new EditCommand<Provider>(context, before, after, text);
}
QUndoCommand *edit(PlanContext &context, const Contract &before, const Contract &after, const QString &text)
{
    return new EditCommand<Contract>(context, before, after, text);
}
QUndoCommand *edit(PlanContext &context, const ContractNotice &before, const ContractNotice &after,
                   const QString &text)
{
    return new EditCommand<ContractNotice>(context, before, after, text);
}

QUndoCommand *add(PlanContext &context, const QList<Provider> &values, const QString &text)
{
    return new AddCommand<Provider>(context, values, text);
}
QUndoCommand *add(PlanContext &context, const QList<Contract> &values, const QString &text)
{
    return new AddCommand<Contract>(context, values, text);
}
QUndoCommand *add(PlanContext &context, const QList<ContractNotice> &values, const QString &text)
{
    return new AddCommand<ContractNotice>(context, values, text);
}

QUndoCommand *remove(PlanContext &context, const QList<Provider> &values, const QString &text)
{
    return new RemoveCommand<Provider>(context, values, text);
}
QUndoCommand *remove(PlanContext &context, const QList<Contract> &values, const QList<ContractNotice> &noticesOnThem,
                     const QString &text)
{
    return new RemoveContractsCommand(context, values, noticesOnThem, text);
}
QUndoCommand *remove(PlanContext &context, const QList<ContractNotice> &values, const QString &text)
{
    return new RemoveCommand<ContractNotice>(context, values, text);
}

QUndoCommand *saveTemplate(PlanContext &context, const QString &name, const std::optional<QString> &before,
                           const QString &after, const QString &text)
{
    return new SaveTemplateCommand(context, name, before, after, text);
}

QString push(PlanContext &context, QUndoCommand *command)
{
    RegisterTracker &tracker = RegisterTracker::of(context);
    tracker.takeFailure();
    context.undoStack()->push(command);
    return tracker.takeFailure();
}

} // namespace RegisterCommands
