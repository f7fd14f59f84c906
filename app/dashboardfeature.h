#pragma once

#include "result.h"

class Dashboard;
class MainWindow;
class PlanStoreSet;

// The "Dashboard" workspace: the three-shifts dashboard over the intentions grid's filtered
// rows (or, while the window has no grid, over all of the plan's intentions). Clicking a bar
// selects its rows in the grid, or lists them in a small window when there is no grid.
void installDashboardFeature(MainWindow &window);

// Gives the dashboard what it shows beside the intentions: portfolios, notices and providers,
// the plan's settings and the heading of its exports. On failure the dashboard keeps what it had.
Result<void> loadDashboardPlanData(Dashboard &dashboard, PlanStoreSet &stores, const QString &titleSuffix = {});
