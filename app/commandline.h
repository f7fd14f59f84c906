#pragma once

#include "entities.h"
#include "result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

class QTextStream;
class PlanSession;

// The planner's command line: options, and the headless jobs every window action can also be
// reached by (so it can be scripted, tested and benchmarked).
//
// To add a job: write `int runMyJob(const CommandLine::JobContext &)` in the feature's own
// file, declare it in jobs.h, and add one entry to the table in commandline.cpp. Options that
// refine jobs (--portfolio, --provider, --format…) are shared and listed in Options.
namespace CommandLine {

struct Options
{
    QCommandLineOption plan{QStringLiteral("plan"),
                            QStringLiteral("Use the plan FILE (default: your last plan, or the demo plan on first run)."),
                            QStringLiteral("FILE")};
    // Refinements shared by several jobs.
    QCommandLineOption portfolio{QStringLiteral("portfolio"),
                                 QStringLiteral("Limit the job to the portfolio NAME (may be given more than once)."),
                                 QStringLiteral("NAME")};
    QCommandLineOption provider{QStringLiteral("provider"), QStringLiteral("Limit the job to the provider NAME."),
                                QStringLiteral("NAME")};
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("Output format, where the job offers several."),
                              QStringLiteral("FORMAT")};
    QCommandLineOption from{QStringLiteral("from"), QStringLiteral("First financial year, e.g. 2026/27."),
                            QStringLiteral("YYYY/YY")};
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("Last financial year, e.g. 2030/31."),
                          QStringLiteral("YYYY/YY")};
    // Window-only, for benchmarks and documentation.
    QCommandLineOption measureStartup{QStringLiteral("measure-startup"),
                                      QStringLiteral("Open the window, print milliseconds from start to first "
                                                     "paint, and quit (benchmarks).")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Open the window, save a picture of it to FILE (PNG) once it is "
                                                 "shown, and quit (documentation)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption tab{QStringLiteral("tab"), QStringLiteral("Open the window on the workspace tab TITLE."),
                           QStringLiteral("TITLE")};
};

const Options &options();

struct JobContext
{
    const QCommandLineParser &parser;
    QTextStream &out;
    QTextStream &err;

    // Opens the plan the job works on (--plan, or the user's plan); on failure the message is
    // already written to err and the job should return CannotOpenPlan.
    std::unique_ptr<PlanSession> openPlan() const;
    // The ids of the --portfolio NAMEs (any case) among portfolios; for an unknown name the
    // message naming the plan's portfolios is written to err and the job should return BadUsage.
    std::optional<QList<Id>> portfolioIds(const QList<Portfolio> &portfolios) const;
};

using JobFunction = int (*)(const JobContext &);

struct Job
{
    QCommandLineOption option; // naming the job, e.g. --check
    JobFunction run;
};

// Every job, in the order --help lists them.
const QList<Job> &jobs();

void configure(QCommandLineParser &parser);

// True when the raw arguments name a headless job (or --help/--version): no display needed.
bool namesHeadlessJob(const QStringList &arguments);
bool hasJob(const QCommandLineParser &parser);

// Runs the job the parser names; returns the process exit code.
int runJob(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

// Exit codes of the jobs.
enum ExitCode { Ok = 0, Failed = 1, CannotOpenPlan = 2, BadUsage = 64 };

} // namespace CommandLine
