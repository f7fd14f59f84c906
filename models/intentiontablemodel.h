#pragma once

#include "entities.h"
#include "result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

class PlanContext;
struct IntentionChange;

// Every intention of the open plan as one editable table: the model behind the intentions grid
// and the Gantt timeline (through IntentionFilterProxy and IntentionGroupModel).
//
// It holds a copy of all rows (reload() reads them with list() and releases the database), so
// data(), sorting and filtering never touch SQL and are correct over every row. It follows
// PlanContext::changed for the entities it shows: ids refresh those rows, no ids reloads.
//
// Every change is validated here, then becomes ONE EditIntentionCommand on the plan's undo
// stack, written in ONE transaction (stores().inTransaction). Undo and redo put rows back exactly
// as they were — ids and updatedAt included (IntentionStore::saveMany). A refused value never
// reaches the store: setData returns false, operations return the Error, and editRejected()
// carries the message (index invalid for whole-row operations).
//
// Edit values (Qt::EditRole) by column — what setData, bulkEdit and the delegates use:
//   PortfolioColumn      Id (qint64), or text: the portfolio's name. A programme area of another
//                        portfolio is cleared.
//   ProgrammeAreaColumn  Id (0: none), or text: the area's name within the row's portfolio.
//   TitleColumn          QString, not empty.       TextColumn, LeadColumn  QString.
//   TimeframeColumn      QString raw text: anything is accepted; text the parser cannot read
//                        with confidence is stored with needsReview and its reason.
//   Community/Prevention/DigitalColumn  bool (EditRole) or Qt::CheckState (CheckStateRole).
//   StatusColumn         int(IntentionStatus), or text: label ("In delivery") or key.
//   PlacesColumn, ProvidersColumn  QVariantList of Id, or text: names separated by ";" or ",".
//   DatesColumn, NeedsReviewColumn, LastChangedColumn  read-only (worked out, or set by the
//                        store). Dates change through StartDateRole/EndDateRole/DateRangeRole.
//
// Roles (models/planroles.h), on every column of a row: IdRole, PortfolioIdRole,
// ProgrammeAreaIdRole, NeedsReviewRole, StartDateRole, EndDateRole, ColourRole, TimeframeRole,
// OpenEndedRole, TimeframeFlagsRole, RawTimeframeRole, ShiftsRole, TitleRole, StatusRole,
// MilestonesRole, SearchTextRole; SortRole per column (dates ISO; unset, "needs review" and
// empty values sort last in ascending order). Settable: StartDateRole, EndDateRole,
// DateRangeRole (QVariantList{start, end}) — a Gantt move/resize. It writes the dates and the
// normalised text (TimeframeParser::normalisedText) as the new raw text; the flags "subject to
// funding"/"phased"/"to be confirmed" and yearly review are dropped, because the normalised text
// does not say them and raw text is the truth. Refused for open-ended timeframes and for
// timeframes that need review (their dates are not known to be right).
class IntentionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PortfolioColumn,
        ProgrammeAreaColumn,
        TitleColumn,
        TextColumn,
        TimeframeColumn,   // raw text; tooltip: the parsed summary
        DatesColumn,       // parsed "Apr 2026 – Mar 2029"
        CommunityColumn,   // shift: hospital → community (checkable)
        PreventionColumn,  // shift: treatment → prevention (checkable)
        DigitalColumn,     // shift: analogue → digital (checkable)
        StatusColumn,
        LeadColumn,
        PlacesColumn,      // names joined by ", "
        ProvidersColumn,   // names joined by ", "
        NeedsReviewColumn, // marker; tooltip: the reason
        LastChangedColumn, // updatedAt
        ColumnCount
    };
    Q_ENUM(Column)

    explicit IntentionTableModel(PlanContext &context, QObject *parent = nullptr);
    ~IntentionTableModel() override;

    PlanContext &context() const { return m_context; }

    // Reads the lookups and all intentions, then resets. On failure the model is left empty and
    // the error says why.
    Result<void> reload();

    // --- rows, read directly (no QVariant) -------------------------------------------------
    const Intention &intention(int row) const { return m_rows.at(row); }
    const QList<Intention> &intentions() const { return m_rows; }
    int rowOf(Id id) const; // -1: not shown
    // Title, text and lead, case- and accent-folded (see foldForSearch), as UTF-8: half the
    // memory of UTF-16 and searched with memmem, so a keystroke over 100,000 rows stays fast.
    const QByteArray &searchText(int row) const { return m_searchText.at(row); }
    // Whether the row's search text contains every one of words (folded UTF-8).
    bool matchesSearch(int row, const QList<QByteArray> &words) const;
    // <0, 0, >0 as row a sorts before, with or after row b by column (SortRole order). Blank
    // values (no date, empty text) come last in the view for either order: pass the view's order.
    int compareRows(int rowA, int rowB, int column, Qt::SortOrder order = Qt::AscendingOrder) const;
    // The text of a cell as copied to the clipboard; paste reads the same text back.
    QString cellText(int row, int column) const;

    // Lower case, accents removed ("Café" → "cafe"): how search text and filter text compare.
    static QString foldForSearch(const QString &text);

    // --- sorting ------------------------------------------------------------------------------
    // The rows themselves are kept in order (a layoutChanged, persistent indexes moved), so the
    // filter proxy never sorts: a filter keystroke costs no sort, and sorting 100,000 rows
    // compares the rows directly. Column -1 is the plan's order (portfolio order, then each
    // intention's sort order). Blank values come last in either order; ties keep their order.
    // Rows stay sorted as they are edited, added and reloaded.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // --- lookups for delegates and filters (sorted as the plan sorts them) ---------------------
    const QList<Portfolio> &portfolios() const { return m_portfolios; }
    QList<ProgrammeArea> programmeAreas(Id portfolioId = 0) const; // 0: every area
    const QList<Place> &places() const { return m_places; }
    const QList<Provider> &providers() const { return m_providers; }
    const Portfolio *portfolio(Id id) const;
    const ProgrammeArea *programmeArea(Id id) const;
    QString placeName(Id id) const;
    QString providerName(Id id) const;

    // Turns text (typed, or pasted from a spreadsheet) into the edit value of column, or says
    // what is wrong with it. row gives the context (the programme area depends on the portfolio).
    Result<QVariant> valueFromText(int row, int column, const QString &text) const;

    // --- undoable operations: each is ONE undo step and ONE transaction ---------------------
    // A new intention titled "New intention" in the portfolio (and area, 0: none).
    Result<Id> addIntention(Id portfolioId, Id programmeAreaId = 0);
    // Copies of the intentions (title + " (copy)"), placed after the last of them; the new ids.
    Result<QList<Id>> duplicate(const QList<Id> &ids);
    // Deletes the intentions (the caller has confirmed).
    Result<void> remove(const QList<Id> &ids);
    // The same edit value (see above) in column for every intention: StatusColumn,
    // PortfolioColumn, ProgrammeAreaColumn, the shift columns, LeadColumn.
    Result<void> bulkEdit(const QList<Id> &ids, int column, const QVariant &value);
    // Several columns at once (applied in order to each intention): still one undo step and
    // one transaction, and one bad value changes nothing.
    struct ColumnEdit
    {
        int column = 0;
        QVariant value;
    };
    Result<void> bulkEdit(const QList<Id> &ids, const QList<ColumnEdit> &edits);
    // A block of cells (rows of text, as from ClipboardTable::fromTsv) onto the intentions
    // targetIds (in the order the view shows them: first block row onto targetIds[0]) from
    // firstColumn rightwards. Every cell is checked first; one bad cell refuses the whole paste
    // with "Row R, column C (Name): reason." and changes nothing. Read-only columns are skipped
    // (a block copied from the grid pastes back). The block may not have more rows than
    // targetIds or reach past the last column.
    Result<void> paste(const QList<Id> &targetIds, int firstColumn, const QList<QStringList> &cells);
    // The same onto source rows topLeft.row() downwards, in this model's row order.
    Result<void> paste(const QModelIndex &topLeft, const QList<QStringList> &cells);

    // The intention's change history (who, when, field, old, new), oldest first.
    Result<QList<ChangeRecord>> history(Id id) const;

    // The last refusal or failure message (empty after a successful change).
    QString lastError() const { return m_lastError; }

    // --- QAbstractItemModel ----------------------------------------------------------------
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The flags of every cell in column: they depend on the column alone.
    // What an intention row gives for the roles every view of intentions reads: IdRole,
    // PortfolioIdRole, ProgrammeAreaIdRole, NeedsReviewRole, Start/EndDateRole, OpenEndedRole,
    // ShiftsRole, StatusRole, TitleRole; an invalid QVariant for any other role.
    static QVariant intentionRoleData(const Intention &row, int role);
    static Qt::ItemFlags columnFlags(int column);
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // --- used by EditIntentionCommand ------------------------------------------------------
    // Writes one side of the changes (forward: after, else before; an absent state deletes) in
    // one transaction, with the notices' links to put back (undo of a delete), then shows the
    // rows and notifies the plan. Returns the present states as stored, in order.
    Result<QList<Intention>> applyStates(const QList<IntentionChange> &changes, bool forward,
                                         const QList<ContractNotice> &noticesToRestore = {});

signals:
    // A value or operation was refused (or could not be saved): message says what is wrong.
    // index is the cell for setData and paste, invalid for whole-row operations.
    void editRejected(const QModelIndex &index, const QString &message);

private:
    Result<void> reject(const QModelIndex &index, const QString &message);
    Result<QList<Intention>> pushChanges(const QString &text, QList<IntentionChange> changes,
                                         const QList<ContractNotice> &notices = {});
    Result<Intention> edited(const Intention &row, int column, const QVariant &value) const;
    Result<QVariant> parseText(const Intention &row, int column, const QString &text) const;
    Result<Intention> withDates(const Intention &row, QDate start, QDate end) const;
    void onPlanChanged(int entity, const QList<Id> &ids);
    void refreshRows(const QList<Id> &ids);
    void replaceRow(int row, const Intention &value);
    void insertIntentions(QList<std::pair<int, Intention>> rows);
    void removeRowsById(const QList<Id> &ids);
    void rebuildIndex();
    void softReload();
    void resort(bool quiet = false);
    int comparePlanOrder(const Intention &a, const Intention &b) const;
    static QByteArray searchTextOf(const Intention &row);
    void rebuildLookups();
    QString joinedNames(const QList<Id> &ids, bool places) const;
    QVariant sortKey(const Intention &row, int column) const;

    PlanContext &m_context;
    QList<Intention> m_rows;
    QList<QByteArray> m_searchText;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QHash<Id, int> m_rowOfId;
    QList<Portfolio> m_portfolios;
    QList<ProgrammeArea> m_areas;
    QList<Place> m_places;
    QList<Provider> m_providers;
    QHash<Id, int> m_portfolioIndex;
    QHash<Id, int> m_areaIndex;
    QHash<Id, int> m_placeIndex;
    QHash<Id, int> m_providerIndex;
    QString m_lastError;
    bool m_applying = false; // our own notifyChanged: the rows are already up to date
};
