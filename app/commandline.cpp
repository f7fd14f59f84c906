#include "commandline.h"

#include "jobs.h"
#include "plansession.h"

#include <QTextStream>

#include <algorithm>

namespace CommandLine {

const Options &options()
{
    static const Options instance = [] {
        Options o;
        o.measureStartup.setFlags(QCommandLineOption::HiddenFromHelp);
        o.screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
        o.tab.setFlags(QCommandLineOption::HiddenFromHelp);
        return o;
    }();
    return instance;
}

const QList<Job> &jobs()
{
    static const QList<Job> table{
        {QCommandLineOption(QStringLiteral("check"),
                            QStringLiteral("Print the plan's counts and every timeframe that needs review.")),
         &Jobs::check},
        {QCommandLineOption(QStringLiteral("parse-timeframe"),
                            QStringLiteral("Print how TEXT is read as a timeframe, as one line of JSON. "
                                           "With - reads one timeframe per line from standard input."),
                            QStringLiteral("TEXT")),
         &Jobs::parseTimeframe},
        {QCommandLineOption(QStringLiteral("import-csv"),
                            QStringLiteral("Import intentions from FILE (the layout of nel-2026-27-intentions.csv) "
                                           "into the plan: all or nothing."),
                            QStringLiteral("FILE")),
         &Jobs::importCsv},
        {QCommandLineOption(QStringLiteral("export-dashboard"),
                            QStringLiteral("Export the three-shifts dashboard to FILE (.pdf: one A4 page; .png), "
                                           "limited to the --portfolio NAMEs if given."),
                            QStringLiteral("FILE")),
         &Jobs::exportDashboard},
        {QCommandLineOption(QStringLiteral("export-intentions"),
                            QStringLiteral("Write the plan's intentions to FILE (.csv or .xlsx), as the grid's "
                                           "\"Export intentions shown\" does; --portfolio NAME (repeatable) and "
                                           "--provider NAME narrow them."),
                            QStringLiteral("FILE")),
         &Jobs::exportIntentions},
        {QCommandLineOption(QStringLiteral("generate-synthetic"),
                            QStringLiteral("Create a new plan FILE (given after N) holding a synthetic plan of N "
                                           "intentions across 50 portfolios, for trying the planner at scale."),
                            QStringLiteral("N")),
         &Jobs::generateSynthetic},
        {QCommandLineOption(QStringLiteral("summary"),
                            QStringLiteral("Write the portfolio summary (cover, each portfolio's vision, intentions with "
                                           "their shift ticks, timeline and coverage, and contract notices) to FILE as "
                                           "an A4 PDF. --portfolio NAME (repeatable) chooses the portfolios, "
                                           "--format landscape turns the pages."),
                            QStringLiteral("FILE")),
         &Jobs::summary},
        {QCommandLineOption(QStringLiteral("export-gantt"),
                            QStringLiteral("Draw the timeline of the plan's intentions, grouped by portfolio and "
                                           "programme area, to FILE (.png, .svg, or .pdf across A4 landscape pages; "
                                           "--format a3 for A3). --portfolio NAME (repeatable) limits the rows, "
                                           "--from/--to YYYY/YY the years shown."),
                            QStringLiteral("FILE")),
         &Jobs::exportGantt},
        {QCommandLineOption(QStringLiteral("export-letters"),
                            QStringLiteral("Write one notice letter per provider with approved notices into DIR "
                                           "(--format pdf or odt, default pdf; --provider NAME for one provider), "
                                           "an index.csv, and a record of each letter in the plan. Prints one line "
                                           "per letter: provider, file, notice ids, SHA-256."),
                            QStringLiteral("DIR")),
         &Jobs::exportLetters},
        {QCommandLineOption(QStringLiteral("check-notices"),
                            QStringLiteral("Check every contract notice (notice period, letters, transfers, contract "
                                           "dates) and print each problem with how to fix it; exits 1 when there is "
                                           "one.")),
         &Jobs::checkNotices},
        // New jobs: one entry each, here.
    };
    return table;
}

void configure(QCommandLineParser &parser)
{
    const Options &o = options();
    parser.setApplicationDescription(
        QStringLiteral("Commissioning Intentions Planner: portfolios, commissioning intentions, three-shift tags, "
                       "timeframes and provider contract notices in one plan file.\n"
                       "Without a job it opens the window. Jobs run headless and need no display."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(o.plan);
    for (const Job &job : jobs())
        parser.addOption(job.option);
    parser.addOptions({o.portfolio, o.provider, o.format, o.from, o.to, o.measureStartup, o.screenshot, o.tab});
}

bool namesHeadlessJob(const QStringList &arguments)
{
    QStringList names{QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("--help-all"),
                      QStringLiteral("--version"), QStringLiteral("-v")};
    for (const Job &job : jobs()) {
        for (const QString &name : job.option.names())
            names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    }
    for (const QString &argument : arguments.mid(1)) {
        if (names.contains(argument.section(u'=', 0, 0)))
            return true;
    }
    return false;
}

bool hasJob(const QCommandLineParser &parser)
{
    for (const Job &job : jobs()) {
        if (parser.isSet(job.option))
            return true;
    }
    return false;
}

int runJob(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const Job *chosen = nullptr;
    for (const Job &job : jobs()) {
        if (!parser.isSet(job.option))
            continue;
        if (chosen) {
            err << "Give one job at a time (--" << chosen->option.names().constFirst() << " and --"
                << job.option.names().constFirst() << " were both given)." << Qt::endl;
            return BadUsage;
        }
        chosen = &job;
    }
    if (!chosen)
        return BadUsage;
    const JobContext context{parser, out, err};
    const int code = chosen->run(context);
    out.flush();
    err.flush();
    return code;
}

std::unique_ptr<PlanSession> JobContext::openPlan() const
{
    const auto path = UserPlan::resolve(parser.value(options().plan));
    if (!path) {
        err << path.error() << Qt::endl;
        return nullptr;
    }
    auto session = PlanSession::open(path.value());
    if (!session) {
        err << session.error() << Qt::endl;
        return nullptr;
    }
    return std::move(session.value());
}

std::optional<QList<Id>> JobContext::portfolioIds(const QList<Portfolio> &portfolios) const
{
    QList<Id> ids;
    for (const QString &name : parser.values(options().portfolio)) {
        const auto found = std::find_if(portfolios.cbegin(), portfolios.cend(), [&name](const Portfolio &portfolio) {
            return portfolio.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0;
        });
        if (found == portfolios.cend()) {
            QStringList known;
            for (const Portfolio &portfolio : portfolios)
                known << portfolio.name;
            err << "The plan has no portfolio “" << name << "”. Its portfolios are: " << known.join(QStringLiteral("; "))
                << Qt::endl;
            return std::nullopt;
        }
        ids.append(found->id);
    }
    return ids;
}

} // namespace CommandLine
