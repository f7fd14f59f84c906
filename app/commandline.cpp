#include "commandline.h"

#include "database.h"
#include "intentioncsvimporter.h"
#include "plansession.h"
#include "planstores.h"
#include "timeframe.h"

#include <QFile>
#include <QHash>
#include <QTextStream>

#include <cstdio>

namespace CommandLine {

const Options &options()
{
    static const Options instance = [] {
        Options o;
        o.measureStartup.setFlags(QCommandLineOption::HiddenFromHelp);
        o.screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
        return o;
    }();
    return instance;
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
    parser.addOptions({o.plan, o.check, o.parseTimeframe, o.importCsv, o.measureStartup, o.screenshot});
}

bool namesHeadlessJob(const QStringList &arguments)
{
    static const QStringList jobs{QStringLiteral("--check"), QStringLiteral("--parse-timeframe"),
                                  QStringLiteral("--import-csv"), QStringLiteral("--help"), QStringLiteral("-h"),
                                  QStringLiteral("--help-all"), QStringLiteral("--version"), QStringLiteral("-v")};
    for (const QString &argument : arguments.mid(1)) {
        const QString name = argument.section(u'=', 0, 0);
        if (jobs.contains(name))
            return true;
    }
    return false;
}

bool hasJob(const QCommandLineParser &parser)
{
    const Options &o = options();
    return parser.isSet(o.check) || parser.isSet(o.parseTimeframe) || parser.isSet(o.importCsv);
}

namespace {

Result<std::unique_ptr<PlanSession>> openPlan(const QCommandLineParser &parser)
{
    const auto path = UserPlan::resolve(parser.value(options().plan));
    if (!path)
        return Error{path.error()};
    return PlanSession::open(path.value());
}

int check(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    auto session = openPlan(parser);
    if (!session) {
        err << session.error() << Qt::endl;
        return CannotOpenPlan;
    }
    PlanStores &stores = session.value()->stores();
    const auto counts = stores.summary().counts();
    const auto intentions = stores.intentions().list();
    const auto portfolios = stores.portfolios().list();
    if (!counts || !intentions || !portfolios) {
        err << "Cannot read the plan " << session.value()->path() << ": "
            << (!counts ? counts.error() : !intentions ? intentions.error() : portfolios.error()) << Qt::endl;
        return Failed;
    }
    const PlanCounts &c = counts.value();
    out << "portfolios: " << c.portfolios << '\n'
        << "programme areas: " << c.programmeAreas << '\n'
        << "intentions: " << c.intentions << '\n'
        << "places: " << c.places << '\n'
        << "providers: " << c.providers << '\n'
        << "contracts: " << c.contracts << '\n'
        << "notices: " << c.notices << '\n';

    QHash<Id, QString> portfolioNames;
    for (const Portfolio &portfolio : portfolios.value())
        portfolioNames.insert(portfolio.id, portfolio.name);
    QList<const Intention *> review;
    for (const Intention &intention : intentions.value()) {
        if (intention.timeframe.needsReview)
            review.append(&intention);
    }
    out << "timeframes needing review: " << review.size() << '\n';
    for (const Intention *intention : std::as_const(review)) {
        out << "review: \"" << intention->timeframe.raw << "\" — " << intention->timeframe.reason << " — "
            << portfolioNames.value(intention->portfolioId) << ": " << intention->title << " (intention "
            << intention->id << ")\n";
    }
    out.flush();
    return Ok;
}

int parseTimeframe(const QCommandLineParser &parser, QTextStream &out)
{
    const QString text = parser.value(options().parseTimeframe);
    if (text != QLatin1String("-")) {
        out << TimeframeParser::parse(text).toJson() << '\n';
        out.flush();
        return Ok;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return Failed;
    // readLine() returns an empty array only at the end: an empty line still has its '\n'.
    for (QByteArray line = input.readLine(); !line.isEmpty(); line = input.readLine()) {
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        out << TimeframeParser::parse(QString::fromUtf8(line)).toJson() << '\n';
    }
    out.flush();
    return Ok;
}

int importCsv(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    auto session = openPlan(parser);
    if (!session) {
        err << session.error() << Qt::endl;
        return CannotOpenPlan;
    }
    const QString file = parser.value(options().importCsv);
    const auto report = IntentionCsvImporter(session.value()->database().connection()).importFile(file);
    if (!report) {
        err << "Nothing was imported. " << report.error() << Qt::endl;
        return Failed;
    }
    const auto &r = report.value();
    out << "imported " << r.rowsImported << " intentions into " << session.value()->path() << '\n'
        << "new portfolios: " << r.portfoliosCreated << '\n'
        << "new programme areas: " << r.programmeAreasCreated << '\n'
        << "timeframes needing review: " << r.rowsNeedingReview << '\n';
    out.flush();
    return Ok;
}

} // namespace

int runJob(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const Options &o = options();
    const int jobs = int(parser.isSet(o.check)) + int(parser.isSet(o.parseTimeframe)) + int(parser.isSet(o.importCsv));
    if (jobs > 1) {
        err << "Give one job at a time (--check, --parse-timeframe or --import-csv)." << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(o.parseTimeframe))
        return parseTimeframe(parser, out);
    if (parser.isSet(o.check))
        return check(parser, out, err);
    if (parser.isSet(o.importCsv))
        return importCsv(parser, out, err);
    return BadUsage;
}

} // namespace CommandLine
