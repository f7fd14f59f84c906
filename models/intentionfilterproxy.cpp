#include "intentionfilterproxy.h"

#include "intentiontablemodel.h"
#include "planroles.h"

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
    m_words.clear();
    for (const QString &word : IntentionTableModel::foldForSearch(filter.text).split(u' ', Qt::SkipEmptyParts))
        m_words.append(word.toUtf8());
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
    return m_words.isEmpty() || m_table->matchesSearch(sourceRow, m_words);
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
