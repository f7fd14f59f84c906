#pragma once

#include "commandline.h"

// The command-line jobs, each implemented beside the feature it belongs to.
namespace Jobs {
int check(const CommandLine::JobContext &context);          // planjobs.cpp
int parseTimeframe(const CommandLine::JobContext &context); // planjobs.cpp
int importCsv(const CommandLine::JobContext &context);      // planjobs.cpp
int exportDashboard(const CommandLine::JobContext &context); // dashboardjobs.cpp
int exportIntentions(const CommandLine::JobContext &context);  // intentionjobs.cpp
int generateSynthetic(const CommandLine::JobContext &context); // intentionjobs.cpp
int summary(const CommandLine::JobContext &context);         // summaryjobs.cpp
int exportGantt(const CommandLine::JobContext &context);       // ganttjobs.cpp
int exportLetters(const CommandLine::JobContext &context);   // letterjobs.cpp
int checkNotices(const CommandLine::JobContext &context);    // letterjobs.cpp
} // namespace Jobs
