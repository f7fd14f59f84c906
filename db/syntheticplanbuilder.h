#pragma once

#include "result.h"

#include <QByteArray>
#include <QSqlDatabase>

// A synthetic plan for trying the planner at scale (`ciplanner --generate-synthetic N FILE`)
// and for its benchmarks: N intentions across 50 portfolios, with programme areas, the demo's
// real timeframe texts (typos and review cases included), shift tags, every status, leads, the
// seven NEL places and a set of providers. Deterministic: the same arguments give the same plan.
//
// The intentions go in through IntentionCsvImporter, the path a user's import takes, so the
// plan is one a user could have made.
struct SyntheticPlanReport
{
    int intentions = 0;
    int portfolios = 0;
    int programmeAreas = 0;
    int places = 0;
    int providers = 0;
    int needingReview = 0;
};

namespace SyntheticPlanBuilder {

inline constexpr int defaultPortfolios = 50;
inline constexpr quint32 defaultSeed = 20260401;

// The intentions as CSV in the layout of nel-2026-27-intentions.csv.
QByteArray intentionsCsv(int rows, int portfolios = defaultPortfolios, quint32 seed = defaultSeed);

// Fills an empty, migrated plan in one transaction; refuses a plan that already holds data.
Result<SyntheticPlanReport> build(QSqlDatabase db, int intentions, int portfolios = defaultPortfolios,
                                  quint32 seed = defaultSeed);

} // namespace SyntheticPlanBuilder
