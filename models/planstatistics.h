#pragma once

#include "entities.h"
#include "fiscalyear.h"

#include <QDate>
#include <QList>
#include <QModelIndex>
#include <QString>

#include <array>

class QAbstractItemModel;

// What the dashboard and the printed summaries count: shift coverage, intentions per financial
// year, notices by kind and status, and what falls due before the next notice date. Pure
// computations over plain values (no widgets, no storage). Every count keeps the ids behind
// it, so a chart can click through to the rows it stands for.
namespace PlanStatistics {

// The few facts of an intention the statistics need, read once from a list or a model.
struct IntentionFacts
{
    Id id = 0;
    Id portfolioId = 0;
    int shifts = 0; // PlanRoles::ShiftBit
    QDate start;
    QDate end;
    bool openEnded = false;
    IntentionStatus status = IntentionStatus::Proposed;
    // The row it was read from (column 0), for what only a few rows need (the title of a due
    // intention): valid until the model changes; invalid when read from a list.
    QModelIndex index;

    bool hasShift(Shift shift) const;
    // The facts alone: where they were read from does not count.
    friend bool operator==(const IntentionFacts &a, const IntentionFacts &b)
    {
        return a.id == b.id && a.portfolioId == b.portfolioId && a.shifts == b.shifts && a.start == b.start
               && a.end == b.end && a.openEnded == b.openEnded && a.status == b.status;
    }
};

QList<IntentionFacts> facts(const QList<Intention> &intentions);
// Reads every intention row of model once. The grid's IntentionFilterProxy (over an
// IntentionTableModel) and the table itself are read directly; any other model at column 0
// through PlanRoles (IdRole, PortfolioIdRole, ShiftsRole, StartDateRole, EndDateRole,
// OpenEndedRole, StatusRole). Rows whose NodeKindRole says Portfolio or
// ProgrammeArea are group rows: their children are read instead. A flat model without
// NodeKindRole is all intentions.
QList<IntentionFacts> facts(const QAbstractItemModel &model);

// The three shifts in the order every chart and table shows them.
constexpr int ShiftCount = 3;
const std::array<Shift, ShiftCount> &shifts();
int shiftIndex(Shift shift);
int shiftBit(Shift shift); // PlanRoles::ShiftBit

// Stands for the portfolios merged into "other" when a breakdown keeps only the largest.
constexpr Id OtherPortfolios = -1;

struct PortfolioCoverage
{
    Id portfolioId = 0;                             // 0 in ShiftCoverage::plan
    QList<Id> intentionIds;                         // every intention counted
    std::array<QList<Id>, ShiftCount> shiftIds;     // those carrying each shift

    int total() const { return int(intentionIds.size()); }
    int count(Shift shift) const { return int(shiftIds[shiftIndex(shift)].size()); }
    double share(Shift shift) const;  // 0…1; 0 when there are no intentions
    double meanShare() const;         // the average of the three shares: how much it delivers overall
    int percent(Shift shift) const;   // share rounded to a whole percent
};

struct ShiftCoverage
{
    // Portfolios with at least one intention, most coverage first: meanShare descending, then
    // more intentions first, then the plan's portfolio order (sortOrder), then id.
    QList<PortfolioCoverage> portfolios;
    PortfolioCoverage plan; // all the intentions counted, whatever their portfolio

    const PortfolioCoverage *find(Id portfolioId) const;
};

// portfolios gives the tie-breaking order; portfolios it does not list sort after those it does.
ShiftCoverage shiftCoverage(const QList<IntentionFacts> &intentions, const QList<Portfolio> &portfolios = {});

// The financial years a chart shows, first to last inclusive.
struct YearRange
{
    FiscalYear first;
    FiscalYear last;

    bool isValid() const { return first.isValid() && last.isValid() && first <= last; }
    QList<FiscalYear> years() const;
};

// The planning year and the four after it (the five-year plan), reaching back to the earliest
// start among the intentions but never more than maxYearsBack years before the planning year.
YearRange horizon(const QList<IntentionFacts> &intentions, FiscalYear planningYear, int maxYearsBack = 3);

// Intentions per portfolio and financial year, with the ids in each cell.
struct YearBreakdown
{
    QList<FiscalYear> years;
    QList<Id> portfolioIds;        // largest total first (ties: plan order); OtherPortfolios last if present
    QList<QList<QList<Id>>> cells; // [portfolio row][year column] → intention ids
    QList<Id> undated;             // no dates to place it by (not set, unreadable; for starts also no start)
    QList<Id> outside;             // dated, but wholly before or after the years shown

    int count(int portfolioRow, int yearColumn) const { return int(cells.at(portfolioRow).at(yearColumn).size()); }
    int portfolioTotal(int portfolioRow) const;
    int yearTotal(int yearColumn) const;
    int rowOf(Id portfolioId) const { return int(portfolioIds.indexOf(portfolioId)); }
    // The n largest portfolios, the rest merged into one OtherPortfolios row (when there are any).
    YearBreakdown topPortfolios(int n) const;
    // The portfolios of keep, in that order (those without intentions here too, empty), the
    // rest merged into one OtherPortfolios row (when there are any): two charts that show the
    // same portfolios can share one legend.
    YearBreakdown onlyPortfolios(const QList<Id> &keep) const;
};

// Counts each dated intention in the financial year its start falls in.
YearBreakdown startingByYear(const QList<IntentionFacts> &intentions, const YearRange &range,
                             const QList<Portfolio> &portfolios = {});
// Counts each intention in every financial year it runs in: from its start (or, without one,
// from the first year shown) to its end; open-ended (even with an end date) to the last year
// shown; a bare "ongoing" (open, no dates) in every year; a start with neither end nor open
// end in its start year only.
YearBreakdown runningByYear(const QList<IntentionFacts> &intentions, const YearRange &range,
                            const QList<Portfolio> &portfolios = {});

constexpr int NoticeKindCount = 4;
constexpr int NoticeStatusCount = 5;
const std::array<NoticeKind, NoticeKindCount> &noticeKinds();
const std::array<NoticeStatus, NoticeStatusCount> &noticeStatuses();

struct NoticeBreakdown
{
    // [kind][status] → notice ids, in the orders of noticeKinds() and noticeStatuses().
    std::array<std::array<QList<Id>, NoticeStatusCount>, NoticeKindCount> cells;

    QList<Id> ids(NoticeKind kind, NoticeStatus status) const;
    QList<Id> byKind(NoticeKind kind) const;
    QList<Id> byStatus(NoticeStatus status) const;
    int total() const;
};

NoticeBreakdown noticeBreakdown(const QList<ContractNotice> &notices);

// The notices a filtered set of intentions still concerns: those linked to one of them, and
// those linked to no intention at all (which no intention filter can speak for).
QList<ContractNotice> noticesConcerning(const QList<ContractNotice> &notices, const QList<IntentionFacts> &intentions);

// The first notice issue date on or after today: the plan's date, or its anniversary in a
// later year once it has passed (the notice round comes round every year).
QDate nextNoticeIssueDate(QDate planNoticeIssueDate, QDate today);

struct DueBefore
{
    QDate date;
    QList<Id> intentionIds; // soonest start first
    QList<int> intentionRows; // the same intentions' positions in the list dueBefore was given
    QList<Id> noticeIds;    // soonest issue date first, those without one last
};

// Intentions neither complete nor withdrawn that start before date (and on or after from,
// when from is valid); notices still draft or approved to be issued on or before date
// (overdue ones included: they are the most urgent) or with no issue date yet (they go out in
// the next round).
DueBefore dueBefore(const QList<IntentionFacts> &intentions, const QList<ContractNotice> &notices, QDate date,
                    QDate from = {});

} // namespace PlanStatistics
