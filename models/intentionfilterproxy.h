#pragma once

#include "entities.h"
#include "fiscalyear.h"

#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>

#include <vector>

class IntentionTableModel;

// The grid's filters and sorting over an IntentionTableModel (which holds every row, so both are
// correct over the whole plan). Filters combine (AND); an empty filter shows everything.
//
// For 100,000 rows a keystroke must stay well under 50 ms: filterAcceptsRow reads the table
// model's rows directly (no data() calls, no QVariants), the free text is matched against the
// folded UTF-8 search text the model keeps per row (IntentionTableModel::matchesSearch), and a
// filter change is one reset rather than thousands of row-range signals.
//
// Sorting is done by the table model (IntentionTableModel::sort keeps its rows in order, blanks
// last); this proxy's sort() asks it to, and the proxy itself never sorts, so a keystroke costs
// no sort. sortColumn()/sortOrder() here report the table's (QSortFilterProxyModel's own,
// called through a base pointer, say -1).
class IntentionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class TagFilter { Any, Has, Lacks };
    Q_ENUM(TagFilter)

    struct Filter
    {
        QString text;                 // across title, text and lead; case and accents ignored
        QList<Id> portfolioIds;       // empty: every portfolio
        QList<IntentionStatus> statuses; // empty: every status
        TagFilter community = TagFilter::Any;
        TagFilter prevention = TagFilter::Any;
        TagFilter digital = TagFilter::Any;
        Id placeId = 0;               // 0: any
        Id providerId = 0;            // 0: any
        // Running at some time in that year (isActiveIn): the parsed dates overlap it.
        FiscalYear activeIn;          // invalid: any
        bool needsReviewOnly = false;

        bool isEmpty() const;
        friend bool operator==(const Filter &, const Filter &) = default;
    };

    explicit IntentionFilterProxy(QObject *parent = nullptr);

    // Must be an IntentionTableModel (or nullptr).
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    IntentionTableModel *tableModel() const { return m_table; }

    Filter filter() const { return m_filter; }
    void setFilter(const Filter &filter);
    void setText(const QString &text);
    void setPortfolioIds(const QList<Id> &ids);
    void setStatuses(const QList<IntentionStatus> &statuses);
    void setShiftFilter(Shift shift, TagFilter filter);
    void setPlaceId(Id id);
    void setProviderId(Id id);
    void setActiveIn(FiscalYear year);
    void setNeedsReviewOnly(bool on);
    void clearFilter();

    int shownCount() const { return rowCount(); }
    // The text search uses a thread per this many rows (at least two threads' worth before it
    // uses any): 20,000 by default, where starting a thread pays for itself.
    void setRowsPerSearchThread(int rows) { m_rowsPerSearchThread = rows; }
    int totalCount() const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const;      // hides QSortFilterProxyModel::sortColumn: the table's
    Qt::SortOrder sortOrder() const;

    // Whether a timeframe runs at some time during year (the "active in" rule): its dates
    // overlap the year; open-ended runs on after its start; a bare "ongoing" runs always; a
    // deadline alone ("by March 2027") runs until the deadline; no dates (not set, unreadable)
    // is never active. An invalid year accepts everything.
    static bool isActiveIn(const Timeframe &timeframe, FiscalYear year);

signals:
    // After every filter change, reset, insert or delete: "shown of total intentions".
    void countsChanged(int shown, int total);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void applyFilter(const Filter &filter);
    void emitCounts();
    void forgetSearches();
    enum class Searched : quint8 { Unknown, Matched, Missed };
    Searched search(int sourceRow) const; // the text search, skipping what the shorter text missed
    bool searchMatches(int sourceRow) const;
    void searchAllRows();

    IntentionTableModel *m_table = nullptr;
    Filter m_filter;
    QList<QByteArray> m_words; // the folded text, word by word, as UTF-8
    QString m_foldedText;      // the folded text whole
    // The text search's answer per source row while the text only grows (typing on): a row
    // the shorter text did not match cannot match the longer one, so it is not searched again.
    mutable std::vector<Searched> m_searched;     // for m_words, as rows are filtered
    std::vector<Searched> m_searchedBefore;       // for the text before; empty: not a narrowing
    int m_rowsPerSearchThread = 20000;
    QSet<Id> m_portfolioSet;
    unsigned m_statusMask = 0; // bit per IntentionStatus; 0: any
    int m_lastShown = -1;
    int m_lastTotal = -1;
};
