#pragma once

#include "timeframe.h"

#include <QString>

// How the planner writes dates and parsed timeframes for people, in one place.
namespace PlanFormat {
// "1 Apr 2026"
QString date(const QDate &date);
// The parsed dates of a timeframe: "Apr 2026 – Mar 2029", "from Apr 2026", "by Mar 2027",
// "ongoing", "not set", "needs review".
QString timeframeDates(const Timeframe &timeframe);
// The same with the flags and yearly review: "Apr 2026 – Mar 2027 · subject to funding".
QString timeframeSummary(const Timeframe &timeframe);
} // namespace PlanFormat
