// --summary FILE.pdf [--portfolio NAME]… [--format portrait|landscape]
#include "jobs.h"
#include "plansession.h"
#include "planstores.h"
#include "summaryexport.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

using CommandLine::JobContext;

namespace Jobs {

int summary(const JobContext &context)
{
    const QString file = context.parser.value(QStringLiteral("summary"));
    if (QFileInfo(file).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0) {
        context.err << "The summary is written as PDF: give a file ending in .pdf (not \"" << file << "\")."
                    << Qt::endl;
        return CommandLine::BadUsage;
    }
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    if (context.parser.isSet(CommandLine::options().format)) {
        const QString format = context.parser.value(CommandLine::options().format).toLower();
        if (format == QLatin1String("landscape")) {
            orientation = QPageLayout::Landscape;
        } else if (format != QLatin1String("portrait")) {
            context.err << "The summary's --format is portrait or landscape (not \"" << format << "\")." << Qt::endl;
            return CommandLine::BadUsage;
        }
    }
    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;

    QList<Id> portfolioIds;
    const QStringList names = context.parser.values(CommandLine::options().portfolio);
    if (!names.isEmpty()) {
        const auto ids = SummaryData::portfolioIds(session->stores(), names);
        if (!ids) {
            context.err << ids.error() << Qt::endl;
            return CommandLine::BadUsage;
        }
        portfolioIds = ids.value();
    }
    const auto data = SummaryData::load(session->stores(), portfolioIds);
    if (!data) {
        context.err << "Cannot read the plan " << session->path() << ": " << data.error() << Qt::endl;
        return CommandLine::Failed;
    }
    const auto pages = SummaryExport::writePdf(data.value(), file, orientation);
    if (!pages) {
        context.err << "No summary was written. " << pages.error() << Qt::endl;
        return CommandLine::Failed;
    }
    context.out << "wrote " << QDir::toNativeSeparators(file) << ": " << data.value().portfolios.size()
                << (data.value().portfolios.size() == 1 ? " portfolio, " : " portfolios, ")
                << data.value().intentionCount() << " intentions, " << pages.value()
                << (pages.value() == 1 ? " page" : " pages") << '\n';
    return CommandLine::Ok;
}

} // namespace Jobs
