// The notice letter jobs: --export-letters DIR and --check-notices.
#include "jobs.h"
#include "letterexport.h"
#include "noticerules.h"
#include "plansession.h"
#include "planstores.h"

#include <QTextStream>

using CommandLine::JobContext;

namespace {

// The provider --provider names: its exact name (ignoring case), else the one provider whose
// name contains the text. Writes the problem to err and returns 0 when there is none or several.
Id findProvider(PlanStores &stores, const QString &wanted, QTextStream &err)
{
    const auto providers = stores.providers().list();
    if (!providers) {
        err << providers.error() << Qt::endl;
        return 0;
    }
    QList<const Provider *> partial;
    for (const Provider &provider : providers.value()) {
        if (provider.name.compare(wanted.trimmed(), Qt::CaseInsensitive) == 0)
            return provider.id;
        if (provider.name.contains(wanted.trimmed(), Qt::CaseInsensitive))
            partial.append(&provider);
    }
    if (partial.size() == 1)
        return partial.constFirst()->id;
    if (partial.isEmpty()) {
        err << "No provider is called \"" << wanted << "\"." << Qt::endl;
    } else {
        err << "\"" << wanted << "\" matches " << partial.size() << " providers; give one of:\n";
        for (const Provider *provider : std::as_const(partial))
            err << "  " << provider->name << '\n';
        err.flush();
    }
    return 0;
}

// One line per letter for scripts: tabs separate the fields, so none may hold one.
QString field(const QString &text)
{
    QString cleaned = text;
    cleaned.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    return cleaned;
}

} // namespace

namespace Jobs {

int exportLetters(const JobContext &context)
{
    const CommandLine::Options &options = CommandLine::options();
    LetterBatchOptions batch;
    batch.directory = context.parser.value(QStringLiteral("export-letters"));
    if (context.parser.isSet(options.format)) {
        const auto format = LetterFormats::fromName(context.parser.value(options.format));
        if (!format) {
            context.err << "--format must be pdf or odt for letters, not \""
                        << context.parser.value(options.format) << "\"." << Qt::endl;
            return CommandLine::BadUsage;
        }
        batch.format = *format;
    }
    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;
    PlanStores &stores = session->stores();
    if (context.parser.isSet(options.provider)) {
        batch.providerId = findProvider(stores, context.parser.value(options.provider), context.err);
        if (batch.providerId == 0)
            return CommandLine::BadUsage;
    }

    const auto report = LetterExporter(stores).exportBatch(batch);
    if (!report) {
        context.err << report.error() << Qt::endl;
        return CommandLine::Failed;
    }
    for (const ExportedLetter &letter : report.value().letters) {
        QStringList ids;
        for (Id id : letter.noticeIds)
            ids << QString::number(id);
        context.out << field(letter.providerName) << '\t' << letter.filePath << '\t'
                    << ids.join(u',') << '\t' << letter.sha256 << '\n';
    }
    if (report.value().letters.isEmpty()) {
        context.err << "No letters to write: no provider has approved notices, or notices changed "
                       "since their letter."
                    << Qt::endl;
    } else {
        context.err << "Wrote " << report.value().letters.size() << " letter"
                    << (report.value().letters.size() == 1 ? "" : "s") << " and the index "
                    << report.value().indexPath << Qt::endl;
    }
    return CommandLine::Ok;
}

int checkNotices(const JobContext &context)
{
    const auto session = context.openPlan();
    if (!session)
        return CommandLine::CannotOpenPlan;
    const auto input = NoticeRules::gather(session->stores());
    if (!input) {
        context.err << input.error() << Qt::endl;
        return CommandLine::Failed;
    }
    const QList<NoticeFinding> findings = NoticeRules::check(input.value());
    int errors = 0;
    for (const NoticeFinding &finding : findings) {
        if (finding.severity == FindingSeverity::Error)
            ++errors;
        context.out << NoticeRules::key(finding.severity) << '\t' << NoticeRules::key(finding.rule)
                    << "\tnotice " << finding.noticeId << '\t' << field(finding.problem)
                    << " Fix: " << field(finding.fix) << '\n';
    }
    context.err << input.value().notices.size() << " notices checked: " << errors << " error"
                << (errors == 1 ? "" : "s") << ", " << findings.size() - errors << " warning"
                << (findings.size() - errors == 1 ? "" : "s") << "." << Qt::endl;
    return findings.isEmpty() ? CommandLine::Ok : CommandLine::Failed;
}

} // namespace Jobs
