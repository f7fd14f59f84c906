#pragma once

#include "result.h"
#include "summarydocument.h"

#include <QMarginsF>
#include <QPageLayout>
#include <QString>

class QPagedPaintDevice;
class QPrinter;

// Puts a portfolio summary on paper: lays the SummaryDocument out for the device and paints it
// page by page, with the portfolio's name at the head of its pages and the plan, the date and
// "Page n of m" at the foot. PDFs are A4, text stays text (selectable, searchable) and Qt
// embeds the fonts.
namespace SummaryExport {

// Margins around the text, in millimetres; the footer sits in the bottom one.
QMarginsF defaultMarginsMillimetres();

// Paints every page on device, whose painter must start at the paper's top-left corner (a
// QPdfWriter with zero page margins, or a QPrinter set to full page). margins: device units.
// Returns the number of pages.
Result<int> paint(const SummaryData &data, QPagedPaintDevice &device, const QMarginsF &margins,
                  const SummaryOptions &options = {});

// Writes the summary as an A4 PDF at path (written whole to a temporary file beside it, then
// renamed, so a failed export leaves no half file). Returns the number of pages.
Result<int> writePdf(const SummaryData &data, const QString &path,
                     QPageLayout::Orientation orientation = QPageLayout::Portrait, const SummaryOptions &options = {});

// Prints on printer (the print preview's, or a real one) with the margins of its page setup,
// never smaller than the defaults' footer needs.
Result<int> print(const SummaryData &data, QPrinter &printer, const SummaryOptions &options = {});

} // namespace SummaryExport
