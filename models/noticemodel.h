#pragma once

#include "noticerules.h"
#include "registertablemodel.h"

#include <QDateTime>

// Every contract notice of the open plan as one editable table, with what the notice rules
// (NoticeRules) find wrong with each row.
//
// Edit values (Qt::EditRole) by column:
//   ProviderColumn           Id of a provider, or its name. A contract with another provider
//                            is cleared in the same step.
//   ContractColumn           Id of one of the provider's contracts (0: none), or its title or
//                            reference.
//   KindColumn               int(NoticeKind), or its label/key. A transfer must name the
//                            receiving provider first; leaving transfer clears it.
//   ReceivingProviderColumn  Id of another provider (0: none), or its name.
//   ServiceColumn, SummaryColumn, RationaleColumn, LetterReferenceColumn  QString.
//   FinancialEffectColumn    pounds, double or text ("-£250,000"); empty: not set.
//   IssueDateColumn          QDate or date text. Setting it when the effective date is empty
//                            also sets the effective date to NoticeRules::defaultEffectiveDate.
//   EffectiveDateColumn      QDate or date text; not before the issue date.
//   StatusColumn             int(NoticeStatus), or label/key. Draft → approved → issued →
//                            acknowledged, or withdrawn; a step back is allowed only where it
//                            undoes a mistake (issued → approved: not sent after all).
//   IntentionsColumn         QVariantList of intention ids (not editable in a grid cell).
//   FindingsColumn, LastChangedColumn  read-only.
//
// Issued notices: the provider has been told. An edit of an issued or acknowledged notice's
// content (anything but its status and letter reference) is not applied by setData: it emits
// confirmationNeeded and returns false. The view asks the user and calls setDataConfirmed,
// which applies the edit and marks the letter superseded: the notice's letter reference is
// cleared in the same step, so the change history keeps "letter_reference: <old> → (empty)"
// as the record of which letter no longer says what the notice says, and the notice rules
// report the letter as out of date until a new one is exported.
//
// Roles on every column: PlanRoles::IdRole, SortRole (per column); RegisterRoles::
// ProviderIdRole, ContractIdRole, NoticeStatusRole, NoticeKindRole, IntentionIdsRole,
// FindingsRole, EditorKindRole, ChoicesRole, NeedsConfirmationRole. The provider column carries
// the rule marker (Qt::DecorationRole: a colour) and every cell the findings as tooltip.
class NoticeModel : public RegisterTableModel
{
    Q_OBJECT
public:
    // What a commissioning manager scans first comes first: who, what, when, and the checks.
    enum Column {
        ProviderColumn,
        ServiceColumn,
        KindColumn,
        StatusColumn,
        IssueDateColumn,
        EffectiveDateColumn,
        FindingsColumn,
        ContractColumn,
        ReceivingProviderColumn,
        SummaryColumn,
        RationaleColumn,
        FinancialEffectColumn,
        LetterReferenceColumn,
        IntentionsColumn,
        LastChangedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Outcome of a batch edit (the notice form's Save).
    enum class BatchOutcome { Applied, Unchanged, Rejected, NeedsConfirmation };
    Q_ENUM(BatchOutcome)

    explicit NoticeModel(QObject *parent = nullptr);

    const ContractNotice &notice(int row) const { return m_rows.at(row); }
    const QList<ContractNotice> &notices() const { return m_rows; }
    Id idAt(int row) const override { return m_rows.at(row).id; }

    // --- lookups -------------------------------------------------------------------------
    const QList<Provider> &providers() const { return m_providers; }
    QString providerName(Id id) const;
    QList<Contract> contractsOf(Id providerId) const;
    const Contract *contract(Id id) const;
    QString intentionTitle(Id id) const { return m_intentions.value(id).title; }
    // Every intention of the plan as {id, title}, in the plan's order (for pickers).
    QList<std::pair<Id, QString>> intentionTitles() const;
    const PlanSettings &settings() const { return m_settings; }
    // Every finding of the rules over the whole register, in row order.
    const QList<NoticeFinding> &findings() const { return m_allFindings; }
    QList<NoticeFinding> findingsFor(Id noticeId) const { return m_findings.value(noticeId); }
    // The notice's effective date by default: the 1 April after its issue date (the plan's
    // when it has none) plus the contract's notice period.
    QDate defaultEffectiveDate(const ContractNotice &notice) const;

    // --- editing -------------------------------------------------------------------------
    // The row after setting column to value (with what goes with it: a cleared contract, a
    // default effective date), or what is wrong with value.
    Result<ContractNotice> edited(const ContractNotice &row, int column, const QVariant &value) const;
    // What is wrong with the notice as a whole, or nothing.
    Result<void> validate(const ContractNotice &notice) const;
    // True when changing column of the row must be confirmed (issued content).
    bool needsConfirmation(int row, int column) const;
    static QString confirmationMessage();

    // Applies an edit that confirmationNeeded asked about (see the class comment).
    bool setDataConfirmed(const QModelIndex &index, const QVariant &value);

    // Batch edit of one row as ONE undo step: between beginBatch and commitBatch, setData on
    // that row only collects the values (checking each on its own); commitBatch checks the
    // notice as a whole and pushes it. NeedsConfirmation keeps the batch for a second
    // commitBatch(true); every other outcome ends it.
    void beginBatch(Id noticeId);
    BatchOutcome commitBatch(bool confirmed = false);
    void cancelBatch();
    bool inBatch() const { return m_batchId != 0; }

    // --- undoable operations ---------------------------------------------------------------
    // A new draft notice: the provider's (or the first provider's), kind change, issued on the
    // plan's notice issue date, effective on the default date, linked to intentionIds. The
    // provider is the one the intentions name when they name exactly one and providerId is 0;
    // the service and summary come from a single intention.
    ContractNotice prefilled(Id providerId, const QList<Id> &intentionIds = {}) const;
    // Stores notice (checked as a whole first) as one undo step; its new id.
    Result<Id> addNotice(const ContractNotice &notice, const QString &undoText = {});
    Result<QList<Id>> duplicate(const QList<Id> &ids);
    // Deletes the notices (the caller has confirmed). A notice that went out in a letter is
    // refused: withdraw it instead.
    Result<void> remove(const QList<Id> &ids);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // setData was asked to change an issued notice: ask, then call setDataConfirmed(index, value).
    void confirmationNeeded(const QModelIndex &index, const QVariant &value, const QString &message);
    // The rule findings were worked out again.
    void findingsChanged();

protected:
    Result<void> load(PlanStoreSet &stores) override;
    void clear() override;
    int count() const override { return int(m_rows.size()); }
    void planChanged(PlanContext::Entity entity, const QList<Id> &ids) override;

private:
    struct IntentionInfo
    {
        QString title;
        QString text;
        QList<Id> providerIds;
    };

    Result<void> loadLookups(PlanStoreSet &stores);
    Result<void> loadLetters(PlanStoreSet &stores);
    void lookupsChanged(bool letters);
    bool refreshIntentions(const QList<Id> &ids);
    void recheck();
    bool apply(const QModelIndex &index, const ContractNotice &before, ContractNotice after, bool superseding);
    QVariant cell(const ContractNotice &row, int column, int role) const;
    QString intentionsText(const QList<Id> &ids) const;
    QString findingsText(Id noticeId) const;
    std::optional<Id> providerFrom(const QVariant &value, bool allowNone) const;
    std::optional<Id> contractFrom(const QVariant &value, Id providerId) const;
    static Result<void> checkTransition(NoticeStatus from, NoticeStatus to);
    static QString noticeName(const ContractNotice &notice);

    QList<ContractNotice> m_rows;
    QList<Provider> m_providers;
    QHash<Id, QString> m_providerNames;
    QList<Contract> m_contracts;
    QHash<Id, int> m_contractIndex;
    QList<Id> m_intentionOrder;
    QHash<Id, IntentionInfo> m_intentions;
    QList<LetterRecord> m_letters;
    PlanSettings m_settings;
    QHash<Id, QList<NoticeFinding>> m_findings;
    QList<NoticeFinding> m_allFindings;

    Id m_batchId = 0;
    ContractNotice m_batchBefore;
    ContractNotice m_batchAfter;
};
