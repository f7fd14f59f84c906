// The intentions grid's command-line jobs: --export-intentions and --generate-synthetic.
#include "database.h"
#include "intentionexport.h"
#include "intentionfilterproxy.h"
#include "intentiontablemodel.h"
#include "jobs.h"
#include "plancontext.h"
#include "plansession.h"
#include "planstores.h"
#include "syntheticplanbuilder.h"
#include "tableexport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

using CommandLine::JobContext;

namespace Jobs {

int exportIntentions(const JobContext &context)
{
    const QString path = context.parser.value(QStringLiteral("export-intentions"));
    if (!TableExport::formatForPath(path)) {
        context.err << "Name the file .csv or .xlsx (given: " << path << ")." << Qt::endl;
        return CommandLine::BadUsage;
    }
    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;
    // The same model and filters as the grid, so the file holds what the window would show.
    PlanContext plan(session->stores());
    IntentionTableModel model(plan);
    if (const auto loaded = model.reload(); !loaded) {
        context.err << "Cannot read the plan " << session->path() << ": " << loaded.error() << Qt::endl;
        return CommandLine::Failed;
    }
    IntentionFilterProxy proxy;
    proxy.setSourceModel(&model);
    IntentionFilterProxy::Filter filter;

    const CommandLine::Options &options = CommandLine::options();
    const auto chosen = context.portfolioIds(model.portfolios());
    if (!chosen)
        return CommandLine::BadUsage;
    filter.portfolioIds = *chosen;
    if (context.parser.isSet(options.provider)) {
        const QString name = context.parser.value(options.provider).trimmed();
        for (const Provider &provider : model.providers()) {
            if (provider.name.compare(name, Qt::CaseInsensitive) == 0)
                filter.providerId = provider.id;
        }
        if (!filter.providerId) {
            context.err << "The plan has no provider “" << name << "”." << Qt::endl;
            return CommandLine::BadUsage;
        }
    }
    proxy.setFilter(filter);

    QList<Id> ids;
    ids.reserve(proxy.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(model.intention(proxy.mapToSource(proxy.index(row, 0)).row()).id);
    if (const auto written = TableExport::write(path, IntentionExport::rows(model, ids)); !written) {
        context.err << written.error() << Qt::endl;
        return CommandLine::Failed;
    }
    context.out << "exported " << ids.size() << " of " << model.rowCount() << " intentions to "
                << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()) << '\n';
    return CommandLine::Ok;
}

int generateSynthetic(const JobContext &context)
{
    bool isNumber = false;
    const QString countText = context.parser.value(QStringLiteral("generate-synthetic"));
    const int count = countText.toInt(&isNumber);
    if (!isNumber || count < 1 || count > 2000000) {
        context.err << "Give the number of intentions, from 1 to 2,000,000 (given: " << countText << ")." << Qt::endl;
        return CommandLine::BadUsage;
    }
    // The new plan's file: the argument after N, or --plan.
    QString path = context.parser.positionalArguments().value(0);
    if (path.isEmpty())
        path = context.parser.value(CommandLine::options().plan);
    if (path.isEmpty()) {
        context.err << "Name the new plan file: --generate-synthetic N FILE." << Qt::endl;
        return CommandLine::BadUsage;
    }
    auto plan = PlanDatabase::create(path);
    if (!plan) {
        context.err << plan.error() << Qt::endl;
        return CommandLine::Failed;
    }
    const auto report = SyntheticPlanBuilder::build(plan.value()->connection(), count);
    if (!report) {
        plan.value().reset();
        QFile::remove(path); // a plan that could not be filled is not left behind
        context.err << "The synthetic plan could not be built: " << report.error() << Qt::endl;
        return CommandLine::Failed;
    }
    const SyntheticPlanReport &r = report.value();
    context.out << "created " << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()) << " with "
                << r.intentions << " intentions across " << r.portfolios << " portfolios and " << r.programmeAreas
                << " programme areas; " << r.places << " places, " << r.providers << " providers; "
                << r.needingReview << " timeframes need review\n";
    return CommandLine::Ok;
}

} // namespace Jobs
