#include "intentionfilterproxy.h"

#include "intentiontablemodel.h"
#include "planroles.h"

#include <algorithm>
#include <thread>

bool IntentionFilterProxy::Filter::isEmpty() const
{
    return *this == Filter{};
}

IntentionFilterProxy::IntentionFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PlanRoles::SortRole);
    // Every change of which rows show updates the status bar's "N of M intentions".
    connect(this, &QAbstractItemModel::rowsInserted, this, &IntentionFilterProxy::emitCounts);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &IntentionFilterProxy::emitCounts);
    connect(this, &QAbstractItemModel::modelReset, this, &IntentionFilterProxy::emitCounts);
    connect(this, &QAbstractItemModel::layoutChanged, this, &IntentionFilterProxy::emitCounts);
}

void IntentionFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_table)
        disconnect(m_table, nullptr, this, nullptr);
    m_table = qobject_cast<IntentionTableModel *>(sourceModel);
    Q_ASSERT_X(!sourceModel || m_table, "IntentionFilterProxy::setSourceModel",
               "the source must be an IntentionTableModel");
    forgetSearches();
    if (m_table) {
        // Connected before the base class is: remembered searches are forgotten before it
        // filters a changed or moved row again.
        connect(m_table, &QAbstractItemModel::dataChanged, this, &IntentionFilterProxy::forgetSearches);
        connect(m_table, &QAbstractItemModel::rowsAboutToBeInserted, this, &IntentionFilterProxy::forgetSearches);
        connect(m_table, &QAbstractItemModel::rowsAboutToBeRemoved, this, &IntentionFilterProxy::forgetSearches);
        connect(m_table, &QAbstractItemModel::rowsAboutToBeMoved, this, &IntentionFilterProxy::forgetSearches);
        connect(m_table, &QAbstractItemModel::layoutAboutToBeChanged, this, &IntentionFilterProxy::forgetSearches);
        connect(m_table, &QAbstractItemModel::modelAboutToBeReset, this, &IntentionFilterProxy::forgetSearches);
    }
    QSortFilterProxyModel::setSourceModel(m_table);
    if (m_table) {
        // The proxy removes its rows while the source is only about to remove them, when the
        // total is not yet right: count again once the source has finished.
        connect(m_table, &QAbstractItemModel::rowsInserted, this, &IntentionFilterProxy::emitCounts);
        connect(m_table, &QAbstractItemModel::rowsRemoved, this, &IntentionFilterProxy::emitCounts);
        connect(m_table, &QAbstractItemModel::modelReset, this, &IntentionFilterProxy::emitCounts);
    }
    emitCounts();
}

int IntentionFilterProxy::totalCount() const
{
    return m_table ? m_table->rowCount() : 0;
}

void IntentionFilterProxy::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    applyFilter(filter);
}

void IntentionFilterProxy::setText(const QString &text)
{
    Filter f = m_filter;
    f.text = text;
    setFilter(f);
}

void IntentionFilterProxy::setPortfolioIds(const QList<Id> &ids)
{
    Filter f = m_filter;
    f.portfolioIds = ids;
    setFilter(f);
}

void IntentionFilterProxy::setStatuses(const QList<IntentionStatus> &statuses)
{
    Filter f = m_filter;
    f.statuses = statuses;
    setFilter(f);
}

void IntentionFilterProxy::setShiftFilter(Shift shift, TagFilter filter)
{
    Filter f = m_filter;
    switch (shift) {
    case Shift::HospitalToCommunity:
        f.community = filter;
        break;
    case Shift::TreatmentToPrevention:
        f.prevention = filter;
        break;
    case Shift::AnalogueToDigital:
        f.digital = filter;
        break;
    }
    setFilter(f);
}

void IntentionFilterProxy::setPlaceId(Id id)
{
    Filter f = m_filter;
    f.placeId = id;
    setFilter(f);
}

void IntentionFilterProxy::setProviderId(Id id)
{
    Filter f = m_filter;
    f.providerId = id;
    setFilter(f);
}

void IntentionFilterProxy::setActiveIn(FiscalYear year)
{
    Filter f = m_filter;
    f.activeIn = year;
    setFilter(f);
}

void IntentionFilterProxy::setNeedsReviewOnly(bool on)
{
    Filter f = m_filter;
    f.needsReviewOnly = on;
    setFilter(f);
}

void IntentionFilterProxy::clearFilter()
{
    setFilter(Filter{});
}

void IntentionFilterProxy::applyFilter(const Filter &filter)
{
    m_filter = filter;
    // Folded once per change, not per row; each word must appear (in any order).
    const QString folded = IntentionTableModel::foldForSearch(filter.text);
    m_words.clear();
    for (const QString &word : folded.split(u' ', Qt::SkipEmptyParts))
        m_words.append(word.toUtf8());
    // The same text (another filter changed): the answers kept still hold.
    const size_t rows = m_table ? size_t(m_table->rowCount()) : 0;
    if (folded != m_foldedText || m_searched.size() != rows) {
        // Typing on only narrows: every word of the shorter text is within a word of the longer.
        const bool narrows = !m_foldedText.trimmed().isEmpty() && folded.startsWith(m_foldedText);
        m_searchedBefore = narrows ? std::move(m_searched) : std::vector<Searched>{};
        m_searched.assign(rows, Searched::Unknown);
        m_foldedText = folded;
        searchAllRows();
    }
    m_portfolioSet = QSet<Id>(filter.portfolioIds.cbegin(), filter.portfolioIds.cend());
    m_statusMask = 0;
    for (IntentionStatus status : filter.statuses)
        m_statusMask |= 1u << int(status);
    // One reset rather than invalidateFilter(): on 100,000 rows a keystroke can hide rows in
    // thousands of separate ranges, each its own rowsRemoved signal for every view and the
    // grouping model. (QSortFilterProxyModel clears its mapping on its own modelReset.)
    beginResetModel();
    endResetModel();
}

void IntentionFilterProxy::emitCounts()
{
    const int shown = rowCount();
    const int total = totalCount();
    if (shown == m_lastShown && total == m_lastTotal)
        return;
    m_lastShown = shown;
    m_lastTotal = total;
    emit countsChanged(shown, total);
}

bool IntentionFilterProxy::isActiveIn(const Timeframe &tf, FiscalYear year)
{
    if (!year.isValid())
        return true;
    if (tf.isOngoingWithoutStart())
        return true; // already running, no end
    if (!tf.hasDates())
        return false;
    // A deadline alone ("by March 2027") is worked on until it; a start alone that is not
    // open-ended is one day.
    const QDate start = tf.start.isValid() ? tf.start : QDate();
    QDate end = tf.end;
    if (!end.isValid() && !tf.openEnded)
        end = start;
    if (start.isValid() && start > year.end())
        return false;
    if (end.isValid() && end < year.start())
        return false;
    return true;
}

namespace {
bool tagMatches(IntentionFilterProxy::TagFilter filter, bool tagged)
{
    switch (filter) {
    case IntentionFilterProxy::TagFilter::Any:
        return true;
    case IntentionFilterProxy::TagFilter::Has:
        return tagged;
    case IntentionFilterProxy::TagFilter::Lacks:
        return !tagged;
    }
    return true;
}
} // namespace

bool IntentionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_table || sourceParent.isValid())
        return false;
    // Cheap tests first; the text search last.
    const Intention &r = m_table->intention(sourceRow);
    if (!m_portfolioSet.isEmpty() && !m_portfolioSet.contains(r.portfolioId))
        return false;
    if (m_statusMask && !(m_statusMask & (1u << int(r.status))))
        return false;
    if (!tagMatches(m_filter.community, r.shiftCommunity)
        || !tagMatches(m_filter.prevention, r.shiftPrevention)
        || !tagMatches(m_filter.digital, r.shiftDigital))
        return false;
    if (m_filter.needsReviewOnly && !r.timeframe.needsReview)
        return false;
    if (m_filter.placeId != 0 && !r.placeIds.contains(m_filter.placeId))
        return false;
    if (m_filter.providerId != 0 && !r.providerIds.contains(m_filter.providerId))
        return false;
    if (m_filter.activeIn.isValid() && !isActiveIn(r.timeframe, m_filter.activeIn))
        return false;
    return searchMatches(sourceRow);
}

IntentionFilterProxy::Searched IntentionFilterProxy::search(int sourceRow) const
{
    const size_t row = size_t(sourceRow);
    const bool missedBefore = row < m_searchedBefore.size() && m_searchedBefore[row] == Searched::Missed;
    return !missedBefore && m_table->matchesSearch(sourceRow, m_words) ? Searched::Matched : Searched::Missed;
}

bool IntentionFilterProxy::searchMatches(int sourceRow) const
{
    if (m_words.isEmpty())
        return true;
    const size_t row = size_t(sourceRow);
    if (row >= m_searched.size())
        return search(sourceRow) == Searched::Matched;
    if (m_searched[row] == Searched::Unknown)
        m_searched[row] = search(sourceRow);
    return m_searched[row] == Searched::Matched;
}

void IntentionFilterProxy::searchAllRows()
{
    // On a large plan the search is most of a keystroke: it runs on every core, before the
    // base class filters (which then reads the answers). Each thread writes its own rows.
    const int rowsPerThread = std::max(1, m_rowsPerSearchThread);
    const int rows = int(m_searched.size());
    if (m_words.isEmpty() || rows < 2 * rowsPerThread)
        return;
    const int threads = std::clamp(int(std::thread::hardware_concurrency()), 1, std::min(8, rows / rowsPerThread));
    const auto searchRows = [this](int from, int to) {
        for (int row = from; row < to; ++row)
            m_searched[size_t(row)] = search(row);
    };
    std::vector<std::thread> helpers;
    const int chunk = (rows + threads - 1) / threads;
    for (int t = 1; t < threads; ++t)
        helpers.emplace_back(searchRows, t * chunk, std::min(rows, (t + 1) * chunk));
    searchRows(0, std::min(rows, chunk));
    for (std::thread &helper : helpers)
        helper.join();
}

void IntentionFilterProxy::forgetSearches()
{
    // Rows change or move: answers kept by row number would be wrong.
    m_searched.clear();
    m_searchedBefore.clear();
    m_foldedText.clear();
}

void IntentionFilterProxy::sort(int column, Qt::SortOrder order)
{
    // The table keeps its rows in order; this proxy only filters, in the table's order.
    if (m_table)
        m_table->sort(column, order);
}

int IntentionFilterProxy::sortColumn() const
{
    return m_table ? m_table->sortColumn() : -1;
}

Qt::SortOrder IntentionFilterProxy::sortOrder() const
{
    return m_table ? m_table->sortOrder() : Qt::AscendingOrder;
}
