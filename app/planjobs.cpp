// The foundation's jobs: --check, --parse-timeframe, --import-csv.
#include "database.h"
#include "intentioncsvimporter.h"
#include "jobs.h"
#include "plansession.h"
#include "planstores.h"
#include "timeframe.h"

#include <QFile>
#include <QHash>
#include <QTextStream>

#include <cstdio>

using CommandLine::JobContext;

namespace Jobs {

int check(const JobContext &context)
{
    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;
    PlanStores &stores = session->stores();
    const auto counts = stores.summary().counts();
    const auto intentions = stores.intentions().list();
    const auto portfolios = stores.portfolios().list();
    if (!counts || !intentions || !portfolios) {
        context.err << "Cannot read the plan " << session->path() << ": "
                    << (!counts ? counts.error() : !intentions ? intentions.error() : portfolios.error()) << Qt::endl;
        return CommandLine::Failed;
    }
    QTextStream &out = context.out;
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
    return CommandLine::Ok;
}

int parseTimeframe(const JobContext &context)
{
    const QString text = context.parser.value(QStringLiteral("parse-timeframe"));
    if (text != QLatin1String("-")) {
        context.out << TimeframeParser::parse(text).toJson() << '\n';
        return CommandLine::Ok;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        context.err << "Cannot read standard input." << Qt::endl;
        return CommandLine::Failed;
    }
    // readLine() returns an empty array only at the end: an empty line still has its '\n'.
    for (QByteArray line = input.readLine(); !line.isEmpty(); line = input.readLine()) {
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        context.out << TimeframeParser::parse(QString::fromUtf8(line)).toJson() << '\n';
    }
    return CommandLine::Ok;
}

int importCsv(const JobContext &context)
{
    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;
    const QString file = context.parser.value(QStringLiteral("import-csv"));
    const auto report = IntentionCsvImporter(session->database().connection()).importFile(file);
    if (!report) {
        context.err << "Nothing was imported. " << report.error() << Qt::endl;
        return CommandLine::Failed;
    }
    const auto &r = report.value();
    context.out << "imported " << r.rowsImported << " intentions into " << session->path() << '\n'
                << "new portfolios: " << r.portfoliosCreated << '\n'
                << "new programme areas: " << r.programmeAreasCreated << '\n'
                << "timeframes needing review: " << r.rowsNeedingReview << '\n';
    return CommandLine::Ok;
}

} // namespace Jobs
