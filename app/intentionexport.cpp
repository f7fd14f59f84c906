#include "intentionexport.h"

#include "intentiontablemodel.h"
#include "timeframe.h"

#include <QObject>

namespace IntentionExport {

namespace {

QString yes(bool value)
{
    return value ? QStringLiteral("Y") : QString();
}

QString names(const IntentionTableModel &model, const QList<Id> &ids, bool places)
{
    QStringList names;
    for (const Id id : ids)
        names << (places ? model.placeName(id) : model.providerName(id));
    return names.join(QStringLiteral("; "));
}

QString flags(const Timeframe &timeframe)
{
    QStringList words;
    if (timeframe.flags.testFlag(Timeframe::SubjectToFunding))
        words << QObject::tr("subject to funding");
    if (timeframe.flags.testFlag(Timeframe::Phased))
        words << QObject::tr("phased");
    if (timeframe.flags.testFlag(Timeframe::ToBeConfirmed))
        words << QObject::tr("to be confirmed");
    if (timeframe.review == Timeframe::Review::Annual)
        words << QObject::tr("reviewed annually");
    return words.join(QStringLiteral("; "));
}

} // namespace

QStringList header()
{
    return {QObject::tr("Portfolio"),
            QObject::tr("Programme area"),
            QObject::tr("Title"),
            QObject::tr("Intention"),
            QObject::tr("Timeframe"),
            QObject::tr("Start"),
            QObject::tr("End"),
            QObject::tr("Open-ended"),
            QObject::tr("Timeframe notes"),
            QObject::tr("Needs review"),
            QObject::tr("Review reason"),
            Enums::label(Shift::HospitalToCommunity),
            Enums::label(Shift::TreatmentToPrevention),
            Enums::label(Shift::AnalogueToDigital),
            QObject::tr("Status"),
            QObject::tr("Lead"),
            QObject::tr("Places"),
            QObject::tr("Providers"),
            QObject::tr("Last changed")};
}

namespace {

QList<ExportTable::ColumnKind> kinds()
{
    QList<ExportTable::ColumnKind> kinds(header().size(), ExportTable::ColumnKind::Text);
    kinds[5] = ExportTable::ColumnKind::Date; // Start
    kinds[6] = ExportTable::ColumnKind::Date; // End
    return kinds;
}

QStringList cells(const IntentionTableModel &model, const Intention &i)
{
    const Timeframe &tf = i.timeframe;
    const Portfolio *portfolio = model.portfolio(i.portfolioId);
    const ProgrammeArea *area = model.programmeArea(i.programmeAreaId);
    return {portfolio ? portfolio->name : QString(),
            area ? area->name : QString(),
            i.title,
            i.text,
            tf.raw,
            tf.start.isValid() ? tf.start.toString(Qt::ISODate) : QString(),
            tf.end.isValid() ? tf.end.toString(Qt::ISODate) : QString(),
            yes(tf.openEnded),
            flags(tf),
            yes(tf.needsReview),
            tf.reason,
            yes(i.shiftCommunity),
            yes(i.shiftPrevention),
            yes(i.shiftDigital),
            Enums::label(i.status),
            i.lead,
            names(model, i.placeIds, true),
            names(model, i.providerIds, false),
            i.updatedAt.isValid() ? i.updatedAt.toUTC().toString(Qt::ISODate) : QString()};
}

QList<int> modelRows(const IntentionTableModel &model, const QList<Id> &ids)
{
    QList<int> rows;
    rows.reserve(ids.size());
    for (const Id id : ids) {
        if (const int row = model.rowOf(id); row >= 0)
            rows.append(row);
    }
    return rows;
}

} // namespace

ExportTable table(const IntentionTableModel &model, const QList<Id> &ids)
{
    ExportTable table;
    table.header = header();
    table.kinds = kinds();
    const QList<int> rows = modelRows(model, ids);
    table.rows.reserve(rows.size());
    for (const int row : rows)
        table.rows.append(cells(model, model.intention(row)));
    return table;
}

ExportRows rows(const IntentionTableModel &model, const QList<Id> &ids)
{
    ExportRows rows;
    rows.header = header();
    rows.kinds = kinds();
    const QList<int> modelRowList = modelRows(model, ids);
    rows.count = modelRowList.size();
    rows.row = [&model, modelRowList](qsizetype row) { return cells(model, model.intention(modelRowList.at(row))); };
    return rows;
}

} // namespace IntentionExport
