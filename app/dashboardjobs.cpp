// --export-dashboard FILE.pdf|FILE.png [--portfolio NAME]…
#include "dashboard.h"
#include "dashboardfeature.h"
#include "intentionfilterproxy.h"
#include "intentiontablemodel.h"
#include "jobs.h"
#include "plancontext.h"
#include "plansession.h"
#include "planstores.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

using CommandLine::JobContext;

namespace Jobs {

int exportDashboard(const JobContext &context)
{
    const QString file = context.parser.value(QStringLiteral("export-dashboard"));
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("png")) {
        context.err << "The dashboard exports as PDF or PNG: give a file ending in .pdf or .png (not \"" << file
                    << "\")." << Qt::endl;
        return CommandLine::BadUsage;
    }
    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;

    PlanContext plan(session->stores());
    IntentionTableModel table(plan);
    if (const auto loaded = table.reload(); !loaded) {
        context.err << "Cannot read the plan " << session->path() << ": " << loaded.error() << Qt::endl;
        return CommandLine::Failed;
    }
    IntentionFilterProxy proxy;
    proxy.setSourceModel(&table);

    // --portfolio narrows the dashboard as the grid's portfolio filter would.
    const QStringList names = context.parser.values(CommandLine::options().portfolio);
    QList<Id> portfolioIds;
    for (const QString &name : names) {
        const auto found = std::find_if(table.portfolios().cbegin(), table.portfolios().cend(),
                                        [&name](const Portfolio &portfolio) {
                                            return portfolio.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0;
                                        });
        if (found == table.portfolios().cend()) {
            context.err << "The plan has no portfolio named \"" << name << "\"." << Qt::endl;
            return CommandLine::BadUsage;
        }
        portfolioIds << found->id;
    }
    proxy.setPortfolioIds(portfolioIds);

    Dashboard dashboard;
    if (const auto loaded = loadDashboardPlanData(dashboard, session->stores(), names.join(QStringLiteral(", ")));
        !loaded) {
        context.err << "Cannot read the plan " << session->path() << ": " << loaded.error() << Qt::endl;
        return CommandLine::Failed;
    }
    dashboard.setModel(&proxy);
    // Laid out as on a large screen, without showing anything.
    dashboard.setAttribute(Qt::WA_DontShowOnScreen);
    dashboard.resize(1500, 940);
    dashboard.show();
    dashboard.refreshNow();
    // Charts lay out in steps (axes, then legend and labels), each a posted event: let them all
    // happen before drawing. There is no event loop running in a job.
    for (int round = 0; round < 5; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
    }
    const auto written = dashboard.exportTo(file);
    if (!written) {
        context.err << written.error() << Qt::endl;
        return CommandLine::Failed;
    }
    context.out << "dashboard: " << QFileInfo(file).absoluteFilePath() << " (" << dashboard.coverage().plan.total()
                << " intentions)" << Qt::endl;
    return CommandLine::Ok;
}

} // namespace Jobs
