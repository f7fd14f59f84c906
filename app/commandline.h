#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

class QTextStream;

// The planner's command line: options, and the headless jobs every window action can also be
// reached by (so it can be scripted, tested and benchmarked).
namespace CommandLine {

struct Options
{
    QCommandLineOption plan{QStringLiteral("plan"), QStringLiteral("Use the plan FILE (default: your last plan, "
                                                                   "or the demo plan on first run)."),
                            QStringLiteral("FILE")};
    QCommandLineOption check{QStringLiteral("check"),
                             QStringLiteral("Print the plan's counts and every timeframe that needs review.")};
    QCommandLineOption parseTimeframe{QStringLiteral("parse-timeframe"),
                                      QStringLiteral("Print how TEXT is read as a timeframe, as one line of JSON. "
                                                     "With - reads one timeframe per line from standard input."),
                                      QStringLiteral("TEXT")};
    QCommandLineOption importCsv{QStringLiteral("import-csv"),
                                 QStringLiteral("Import intentions from FILE (the layout of "
                                                "nel-2026-27-intentions.csv) into the plan: all or nothing."),
                                 QStringLiteral("FILE")};
    QCommandLineOption measureStartup{QStringLiteral("measure-startup"),
                                      QStringLiteral("Open the window, print milliseconds from start to first "
                                                     "paint, and quit (benchmarks).")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Open the window, save a picture of it to FILE (PNG) once it is "
                                                 "shown, and quit (documentation)."),
                                  QStringLiteral("FILE")};
};

const Options &options();
void configure(QCommandLineParser &parser);

// True when the raw arguments name a headless job (or --help/--version): no display needed.
bool namesHeadlessJob(const QStringList &arguments);
bool hasJob(const QCommandLineParser &parser);

// Runs the job the parser names; returns the process exit code.
int runJob(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

// Exit codes of the jobs.
enum ExitCode { Ok = 0, Failed = 1, CannotOpenPlan = 2, BadUsage = 64 };

} // namespace CommandLine
