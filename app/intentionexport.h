#pragma once

#include "entities.h"
#include "tableexport.h"

class IntentionTableModel;

// The intentions as a spreadsheet: what "Export view" in the window and
// `--export-intentions` on the command line write. One row per intention, in the order given;
// the timeframe as written and its parsed start and end as dates of their own; shift tags as
// Y or blank; places and providers by name.
namespace IntentionExport {

QStringList header();
// ids: in the order to write (those not in the model are skipped).
ExportTable table(const IntentionTableModel &model, const QList<Id> &ids);
// The same made row by row as it is written (model must outlive the result).
ExportRows rows(const IntentionTableModel &model, const QList<Id> &ids);

} // namespace IntentionExport
