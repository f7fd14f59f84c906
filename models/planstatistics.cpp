#include "planstatistics.h"

#include "intentionfilterproxy.h"
#include "intentiontablemodel.h"
#include "planroles.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

namespace PlanStatistics {

namespace {

// Where a portfolio sorts when counts tie: its place in the plan, then its id.
class PortfolioOrder
{
public:
    explicit PortfolioOrder(const QList<Portfolio> &portfolios)
    {
        m_order.reserve(portfolios.size());
        for (const Portfolio &portfolio : portfolios)
            m_order.insert(portfolio.id, portfolio.sortOrder);
    }

    bool before(Id a, Id b) const
    {
        // Unknown portfolios (and "other") after the known ones.
        const int orderA = m_order.value(a, std::numeric_limits<int>::max());
        const int orderB = m_order.value(b, std::numeric_limits<int>::max());
        if (orderA != orderB)
            return orderA < orderB;
        if ((a == OtherPortfolios) != (b == OtherPortfolios))
            return b == OtherPortfolios;
        return a < b;
    }

private:
    QHash<Id, int> m_order;
};

void readRows(const QAbstractItemModel &model, const QModelIndex &parent, QList<IntentionFacts> &out)
{
    enum { Kind, IdData, PortfolioData, Shifts, Start, End, Open, Status, RoleCount };
    std::array<QModelRoleData, RoleCount> roles{
        QModelRoleData(PlanRoles::NodeKindRole),  QModelRoleData(PlanRoles::IdRole),
        QModelRoleData(PlanRoles::PortfolioIdRole), QModelRoleData(PlanRoles::ShiftsRole),
        QModelRoleData(PlanRoles::StartDateRole), QModelRoleData(PlanRoles::EndDateRole),
        QModelRoleData(PlanRoles::OpenEndedRole), QModelRoleData(PlanRoles::StatusRole),
    };
    const int rows = model.rowCount(parent);
    out.reserve(out.size() + rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        // One call per row: models that implement multiData answer every role at once.
        model.multiData(index, roles);
        const QVariant &kind = roles[Kind].data();
        if (kind.isValid() && kind.toInt() != int(PlanRoles::NodeKind::Intention)) {
            readRows(model, index, out);
            continue;
        }
        IntentionFacts facts;
        facts.id = roles[IdData].data().toLongLong();
        facts.portfolioId = roles[PortfolioData].data().toLongLong();
        facts.shifts = roles[Shifts].data().toInt();
        facts.start = roles[Start].data().toDate();
        facts.end = roles[End].data().toDate();
        facts.openEnded = roles[Open].data().toBool();
        const int status = roles[Status].data().toInt();
        if (status >= int(IntentionStatus::Proposed) && status <= int(IntentionStatus::Withdrawn))
            facts.status = IntentionStatus(status);
        facts.index = index;
        out.append(std::move(facts));
    }
}

// The column of a date among consecutive financial years, by day number (no calendar
// arithmetic per intention): -1 before the first, years.size() after the last.
class YearColumns
{
public:
    explicit YearColumns(const YearRange &range)
    {
        if (!range.isValid())
            return;
        for (FiscalYear year = range.first; year <= range.last.next(); year = year.next())
            m_starts.append(year.start().toJulianDay());
    }

    int columnOf(QDate date) const
    {
        const qint64 day = date.toJulianDay();
        if (m_starts.isEmpty() || day < m_starts.constFirst())
            return -1;
        const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), day);
        return int(after - m_starts.cbegin()) - 1; // == years when past the last year's end
    }
    int count() const { return std::max<int>(0, int(m_starts.size()) - 1); }

private:
    QList<qint64> m_starts; // 1 April of each year, and of the year after the last
};

// Builds a breakdown's rows and cells as intentions are placed, then sorts the rows.
class BreakdownBuilder
{
public:
    BreakdownBuilder(const YearRange &range)
    {
        if (range.isValid())
            m_result.years = range.years();
    }

    QList<QList<Id>> &rowFor(Id portfolioId)
    {
        auto found = m_rows.constFind(portfolioId);
        if (found == m_rows.constEnd()) {
            found = m_rows.insert(portfolioId, int(m_result.portfolioIds.size()));
            m_result.portfolioIds.append(portfolioId);
            m_result.cells.append(QList<QList<Id>>(m_result.years.size()));
        }
        return m_result.cells[found.value()];
    }

    YearBreakdown &result() { return m_result; }

    YearBreakdown finish(const QList<Portfolio> &portfolios)
    {
        const PortfolioOrder order(portfolios);
        QList<int> rows(m_result.portfolioIds.size());
        for (int row = 0; row < rows.size(); ++row)
            rows[row] = row;
        QList<int> totals(rows.size());
        for (int row = 0; row < rows.size(); ++row)
            totals[row] = m_result.portfolioTotal(row);
        std::sort(rows.begin(), rows.end(), [&](int a, int b) {
            if (totals.at(a) != totals.at(b))
                return totals.at(a) > totals.at(b);
            return order.before(m_result.portfolioIds.at(a), m_result.portfolioIds.at(b));
        });
        YearBreakdown sorted;
        sorted.years = m_result.years;
        sorted.undated = std::move(m_result.undated);
        sorted.outside = std::move(m_result.outside);
        for (int row : std::as_const(rows)) {
            sorted.portfolioIds.append(m_result.portfolioIds.at(row));
            sorted.cells.append(std::move(m_result.cells[row]));
        }
        return sorted;
    }

private:
    YearBreakdown m_result;
    QHash<Id, int> m_rows;
};

IntentionFacts factsOf(const Intention &intention)
{
    IntentionFacts facts;
    facts.id = intention.id;
    facts.portfolioId = intention.portfolioId;
    facts.shifts = PlanRoles::shiftBits(intention.shiftCommunity, intention.shiftPrevention, intention.shiftDigital);
    facts.start = intention.timeframe.start;
    facts.end = intention.timeframe.end;
    facts.openEnded = intention.timeframe.openEnded;
    facts.status = intention.status;
    return facts;
}

} // namespace

bool IntentionFacts::hasShift(Shift shift) const
{
    return shifts & shiftBit(shift);
}

QList<IntentionFacts> facts(const QList<Intention> &intentions)
{
    QList<IntentionFacts> out;
    out.reserve(intentions.size());
    for (const Intention &intention : intentions)
        out.append(factsOf(intention));
    return out;
}

QList<IntentionFacts> facts(const QAbstractItemModel &model)
{
    QList<IntentionFacts> out;
    // The grid's own models hold Intention values: read them directly, with no QVariant per
    // role (a refresh over 100,000 rows must stay well under 100 ms).
    if (const auto *proxy = qobject_cast<const IntentionFilterProxy *>(&model); proxy && proxy->tableModel()) {
        const IntentionTableModel &table = *proxy->tableModel();
        const int rows = proxy->rowCount();
        out.reserve(rows);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = proxy->index(row, 0);
            out.append(factsOf(table.intention(proxy->mapToSource(index).row())));
            out.last().index = index;
        }
        return out;
    }
    if (const auto *table = qobject_cast<const IntentionTableModel *>(&model)) {
        out.reserve(table->rowCount());
        for (int row = 0; row < table->rowCount(); ++row) {
            out.append(factsOf(table->intention(row)));
            out.last().index = table->index(row, 0);
        }
        return out;
    }
    readRows(model, QModelIndex(), out);
    return out;
}

const std::array<Shift, ShiftCount> &shifts()
{
    static const std::array<Shift, ShiftCount> all{Shift::HospitalToCommunity, Shift::TreatmentToPrevention,
                                                   Shift::AnalogueToDigital};
    return all;
}

int shiftIndex(Shift shift)
{
    switch (shift) {
    case Shift::HospitalToCommunity:
        return 0;
    case Shift::TreatmentToPrevention:
        return 1;
    case Shift::AnalogueToDigital:
        return 2;
    }
    return 0;
}

int shiftBit(Shift shift)
{
    switch (shift) {
    case Shift::HospitalToCommunity:
        return PlanRoles::CommunityBit;
    case Shift::TreatmentToPrevention:
        return PlanRoles::PreventionBit;
    case Shift::AnalogueToDigital:
        return PlanRoles::DigitalBit;
    }
    return 0;
}

double PortfolioCoverage::share(Shift shift) const
{
    return intentionIds.isEmpty() ? 0.0 : double(count(shift)) / double(total());
}

double PortfolioCoverage::meanShare() const
{
    double sum = 0;
    for (Shift shift : shifts())
        sum += share(shift);
    return sum / ShiftCount;
}

int PortfolioCoverage::percent(Shift shift) const
{
    return intentionIds.isEmpty() ? 0 : int((100 * count(shift) * 2 + total()) / (2 * total()));
}

const PortfolioCoverage *ShiftCoverage::find(Id portfolioId) const
{
    for (const PortfolioCoverage &coverage : portfolios) {
        if (coverage.portfolioId == portfolioId)
            return &coverage;
    }
    return nullptr;
}

ShiftCoverage shiftCoverage(const QList<IntentionFacts> &intentions, const QList<Portfolio> &portfolios)
{
    ShiftCoverage result;
    QHash<Id, int> rows;
    result.plan.intentionIds.reserve(intentions.size());
    for (const IntentionFacts &intention : intentions) {
        auto found = rows.constFind(intention.portfolioId);
        if (found == rows.constEnd()) {
            found = rows.insert(intention.portfolioId, int(result.portfolios.size()));
            PortfolioCoverage coverage;
            coverage.portfolioId = intention.portfolioId;
            result.portfolios.append(coverage);
        }
        PortfolioCoverage &coverage = result.portfolios[found.value()];
        coverage.intentionIds.append(intention.id);
        result.plan.intentionIds.append(intention.id);
        for (int i = 0; i < ShiftCount; ++i) {
            if (intention.shifts & shiftBit(shifts()[i])) {
                coverage.shiftIds[i].append(intention.id);
                result.plan.shiftIds[i].append(intention.id);
            }
        }
    }
    const PortfolioOrder order(portfolios);
    std::sort(result.portfolios.begin(), result.portfolios.end(),
              [&order](const PortfolioCoverage &a, const PortfolioCoverage &b) {
                  // Compare the exact fractions' numerators (sum of counts × other total) so
                  // equal shares tie exactly rather than by floating-point noise.
                  const qint64 sumA = a.count(Shift::HospitalToCommunity) + a.count(Shift::TreatmentToPrevention)
                                      + a.count(Shift::AnalogueToDigital);
                  const qint64 sumB = b.count(Shift::HospitalToCommunity) + b.count(Shift::TreatmentToPrevention)
                                      + b.count(Shift::AnalogueToDigital);
                  const qint64 left = sumA * b.total();
                  const qint64 right = sumB * a.total();
                  if (left != right)
                      return left > right;
                  if (a.total() != b.total())
                      return a.total() > b.total();
                  return order.before(a.portfolioId, b.portfolioId);
              });
    return result;
}

QList<FiscalYear> YearRange::years() const
{
    QList<FiscalYear> years;
    if (!isValid())
        return years;
    for (FiscalYear year = first; year <= last; year = year.next())
        years.append(year);
    return years;
}

YearRange horizon(const QList<IntentionFacts> &intentions, FiscalYear planningYear, int maxYearsBack)
{
    if (!planningYear.isValid())
        planningYear = FiscalYear::containing(QDate::currentDate());
    QDate earliestStart;
    for (const IntentionFacts &intention : intentions) {
        if (intention.start.isValid() && (!earliestStart.isValid() || intention.start < earliestStart))
            earliestStart = intention.start;
    }
    FiscalYear first = planningYear;
    if (earliestStart.isValid() && FiscalYear::containing(earliestStart) < first)
        first = std::max(FiscalYear::containing(earliestStart), planningYear.next(-std::max(0, maxYearsBack)));
    return {first, planningYear.next(4)};
}

int YearBreakdown::portfolioTotal(int portfolioRow) const
{
    int total = 0;
    for (const QList<Id> &cell : cells.at(portfolioRow))
        total += int(cell.size());
    return total;
}

int YearBreakdown::yearTotal(int yearColumn) const
{
    int total = 0;
    for (const QList<QList<Id>> &row : cells)
        total += int(row.at(yearColumn).size());
    return total;
}

YearBreakdown YearBreakdown::topPortfolios(int n) const
{
    if (portfolioIds.size() <= n)
        return *this;
    return onlyPortfolios(portfolioIds.mid(0, std::max(0, n)));
}

YearBreakdown YearBreakdown::onlyPortfolios(const QList<Id> &keep) const
{
    YearBreakdown result;
    result.years = years;
    result.undated = undated;
    result.outside = outside;
    for (Id id : keep) {
        const int row = rowOf(id);
        result.portfolioIds.append(id);
        result.cells.append(row >= 0 ? cells.at(row) : QList<QList<Id>>(years.size()));
    }
    QList<QList<Id>> other(years.size());
    bool anyOther = false;
    for (int row = 0; row < portfolioIds.size(); ++row) {
        if (keep.contains(portfolioIds.at(row)))
            continue;
        anyOther = true;
        for (int column = 0; column < years.size(); ++column)
            other[column].append(cells.at(row).at(column));
    }
    if (anyOther) {
        result.portfolioIds.append(OtherPortfolios);
        result.cells.append(other);
    }
    return result;
}

YearBreakdown startingByYear(const QList<IntentionFacts> &intentions, const YearRange &range,
                             const QList<Portfolio> &portfolios)
{
    BreakdownBuilder builder(range);
    YearBreakdown &result = builder.result();
    const YearColumns columns(range);
    for (const IntentionFacts &intention : intentions) {
        if (!intention.start.isValid()) {
            result.undated.append(intention.id);
            continue;
        }
        const int column = columns.columnOf(intention.start);
        if (column < 0 || column >= columns.count()) {
            result.outside.append(intention.id);
            continue;
        }
        builder.rowFor(intention.portfolioId)[column].append(intention.id);
    }
    return builder.finish(portfolios);
}

YearBreakdown runningByYear(const QList<IntentionFacts> &intentions, const YearRange &range,
                            const QList<Portfolio> &portfolios)
{
    BreakdownBuilder builder(range);
    YearBreakdown &result = builder.result();
    const YearColumns columns(range);
    const int last = columns.count() - 1;
    for (const IntentionFacts &intention : intentions) {
        // Columns may run past the years shown (-1 before, count() after) and are clipped below.
        int from = 0;
        int to = 0;
        if (!intention.start.isValid() && !intention.end.isValid()) {
            if (!intention.openEnded) {
                result.undated.append(intention.id);
                continue;
            }
            from = 0; // a bare "ongoing": already running, and not stopping
            to = last;
        } else {
            from = intention.start.isValid() ? columns.columnOf(intention.start) : 0;
            if (intention.openEnded) // an open end wins over any end date: it carries on
                to = std::max(last, from);
            else if (intention.end.isValid())
                to = columns.columnOf(intention.end);
            else
                to = from;
        }
        from = std::max(from, 0);
        to = std::min(to, last);
        if (from > to) {
            result.outside.append(intention.id);
            continue;
        }
        QList<QList<Id>> &row = builder.rowFor(intention.portfolioId);
        for (int column = from; column <= to; ++column)
            row[column].append(intention.id);
    }
    return builder.finish(portfolios);
}

const std::array<NoticeKind, NoticeKindCount> &noticeKinds()
{
    static const std::array<NoticeKind, NoticeKindCount> all{NoticeKind::Terminate, NoticeKind::Reduce,
                                                             NoticeKind::Change, NoticeKind::Transfer};
    return all;
}

const std::array<NoticeStatus, NoticeStatusCount> &noticeStatuses()
{
    static const std::array<NoticeStatus, NoticeStatusCount> all{NoticeStatus::Draft, NoticeStatus::Approved,
                                                                 NoticeStatus::Issued, NoticeStatus::Acknowledged,
                                                                 NoticeStatus::Withdrawn};
    return all;
}

QList<Id> NoticeBreakdown::ids(NoticeKind kind, NoticeStatus status) const
{
    // The enums' values are their positions in noticeKinds() / noticeStatuses().
    return cells[int(kind)][int(status)];
}

QList<Id> NoticeBreakdown::byKind(NoticeKind kind) const
{
    QList<Id> ids;
    for (const QList<Id> &cell : cells[int(kind)])
        ids.append(cell);
    return ids;
}

QList<Id> NoticeBreakdown::byStatus(NoticeStatus status) const
{
    QList<Id> ids;
    for (const auto &kindRow : cells)
        ids.append(kindRow[int(status)]);
    return ids;
}

int NoticeBreakdown::total() const
{
    int total = 0;
    for (const auto &kindRow : cells) {
        for (const QList<Id> &cell : kindRow)
            total += int(cell.size());
    }
    return total;
}

NoticeBreakdown noticeBreakdown(const QList<ContractNotice> &notices)
{
    static_assert(int(NoticeKind::Transfer) == NoticeKindCount - 1);
    static_assert(int(NoticeStatus::Withdrawn) == NoticeStatusCount - 1);
    NoticeBreakdown result;
    for (const ContractNotice &notice : notices)
        result.cells[int(notice.kind)][int(notice.status)].append(notice.id);
    return result;
}

QList<ContractNotice> noticesConcerning(const QList<ContractNotice> &notices, const QList<IntentionFacts> &intentions)
{
    // Only the few intentions notices link to matter: look those up, not every intention.
    QSet<Id> linked;
    for (const ContractNotice &notice : notices) {
        for (Id id : notice.intentionIds)
            linked.insert(id);
    }
    QSet<Id> visible;
    if (!linked.isEmpty()) {
        for (const IntentionFacts &intention : intentions) {
            if (linked.contains(intention.id))
                visible.insert(intention.id);
        }
    }
    QList<ContractNotice> result;
    for (const ContractNotice &notice : notices) {
        const bool concerns = notice.intentionIds.isEmpty()
                              || std::any_of(notice.intentionIds.cbegin(), notice.intentionIds.cend(),
                                             [&visible](Id id) { return visible.contains(id); });
        if (concerns)
            result.append(notice);
    }
    return result;
}

QDate nextNoticeIssueDate(QDate planNoticeIssueDate, QDate today)
{
    if (!planNoticeIssueDate.isValid() || !today.isValid() || planNoticeIssueDate >= today)
        return planNoticeIssueDate;
    QDate next = planNoticeIssueDate.addYears(today.year() - planNoticeIssueDate.year());
    if (next < today)
        next = next.addYears(1);
    return next;
}

DueBefore dueBefore(const QList<IntentionFacts> &intentions, const QList<ContractNotice> &notices, QDate date,
                    QDate from)
{
    DueBefore result;
    result.date = date;
    if (!date.isValid())
        return result;
    QList<const IntentionFacts *> starting;
    for (const IntentionFacts &intention : intentions) {
        if (intention.status == IntentionStatus::Complete || intention.status == IntentionStatus::Withdrawn)
            continue;
        if (!intention.start.isValid() || intention.start >= date || (from.isValid() && intention.start < from))
            continue;
        starting.append(&intention);
    }
    std::sort(starting.begin(), starting.end(), [](const IntentionFacts *a, const IntentionFacts *b) {
        return a->start != b->start ? a->start < b->start : a->id < b->id;
    });
    result.intentionIds.reserve(starting.size());
    result.intentionRows.reserve(starting.size());
    for (const IntentionFacts *intention : std::as_const(starting)) {
        result.intentionIds.append(intention->id);
        result.intentionRows.append(int(intention - intentions.constData()));
    }

    QList<const ContractNotice *> toIssue;
    for (const ContractNotice &notice : notices) {
        if (notice.status != NoticeStatus::Draft && notice.status != NoticeStatus::Approved)
            continue;
        // Without an issue date a notice goes out in the next round.
        if (!notice.issueDate.isValid() || notice.issueDate <= date)
            toIssue.append(&notice);
    }
    std::sort(toIssue.begin(), toIssue.end(), [](const ContractNotice *a, const ContractNotice *b) {
        const QDate dateA = a->issueDate.isValid() ? a->issueDate : QDate(9999, 12, 31);
        const QDate dateB = b->issueDate.isValid() ? b->issueDate : QDate(9999, 12, 31);
        return dateA != dateB ? dateA < dateB : a->id < b->id;
    });
    for (const ContractNotice *notice : std::as_const(toIssue))
        result.noticeIds.append(notice->id);
    return result;
}

} // namespace PlanStatistics
