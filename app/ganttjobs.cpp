// The timeline's command-line job: --export-gantt FILE.png|FILE.svg|FILE.pdf.
#include "fiscalyear.h"
#include "ganttexport.h"
#include "intentionfilterproxy.h"
#include "intentiongroupmodel.h"
#include "intentiontablemodel.h"
#include "jobs.h"
#include "plancontext.h"
#include "plansession.h"
#include "planstores.h"

#include <QFileInfo>
#include <QPageSize>
#include <QTextStream>

using CommandLine::JobContext;

namespace Jobs {

int exportGantt(const JobContext &context)
{
    const QString path = context.parser.value(QStringLiteral("export-gantt"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf")) {
        context.err << "Name the file .png, .svg or .pdf (given: " << path << ")." << Qt::endl;
        return CommandLine::BadUsage;
    }
    const CommandLine::Options &options = CommandLine::options();
    GanttExportOptions exportOptions;
    for (const auto &[option, isStart] : {std::pair{&options.from, true}, std::pair{&options.to, false}}) {
        if (!context.parser.isSet(*option))
            continue;
        const auto year = FiscalYear::parse(context.parser.value(*option).trimmed());
        if (!year) {
            context.err << "--" << option->names().constFirst() << " takes a financial year such as 2026/27 (given: "
                        << context.parser.value(*option) << ")." << Qt::endl;
            return CommandLine::BadUsage;
        }
        (isStart ? exportOptions.from : exportOptions.to) = isStart ? year->start() : year->end();
    }
    if (exportOptions.from.isValid() && exportOptions.to.isValid() && exportOptions.to < exportOptions.from) {
        context.err << "--to comes before --from." << Qt::endl;
        return CommandLine::BadUsage;
    }
    QPageSize pageSize(QPageSize::A4);
    if (context.parser.isSet(options.format)) {
        const QString format = context.parser.value(options.format).trimmed().toLower();
        if (format == QLatin1String("a3"))
            pageSize = QPageSize(QPageSize::A3);
        else if (format != QLatin1String("a4")) {
            context.err << "--format for the timeline is a4 or a3 (PDF page size; given: " << format << ")."
                        << Qt::endl;
            return CommandLine::BadUsage;
        }
    }

    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;
    // The window's models, headless: every intention, the grid's filter, grouped as in the grid.
    PlanContext plan(session->stores());
    IntentionTableModel table(plan);
    if (const auto loaded = table.reload(); !loaded) {
        context.err << "Cannot read the plan " << session->path() << ": " << loaded.error() << Qt::endl;
        return CommandLine::Failed;
    }
    IntentionFilterProxy proxy;
    proxy.setSourceModel(&table);
    const auto chosen = context.portfolioIds(table.portfolios());
    if (!chosen)
        return CommandLine::BadUsage;
    proxy.setPortfolioIds(*chosen);
    IntentionGroupModel groups;
    groups.setSourceModel(&proxy);

    const auto settings = session->stores().settings().load();
    if (settings) {
        exportOptions.noticeDate = settings.value().noticeIssueDate;
        exportOptions.title = QStringLiteral("%1 — commissioning intentions %2")
                                  .arg(settings.value().icbName, settings.value().planningYear.toString());
    }
    exportOptions.today = QDate::currentDate();
    const GanttExport exporter(&groups, exportOptions);
    const auto written = suffix == QLatin1String("pdf") ? exporter.writePdf(path, pageSize) : exporter.write(path);
    if (!written) {
        context.err << written.error() << Qt::endl;
        return CommandLine::Failed;
    }
    context.out << "timeline of " << proxy.rowCount() << " intentions (" << exporter.rows().size() << " rows, "
                << exporter.from().toString(Qt::ISODate) << " to " << exporter.to().toString(Qt::ISODate)
                << ") written to " << path << Qt::endl;
    return CommandLine::Ok;
}

} // namespace Jobs
