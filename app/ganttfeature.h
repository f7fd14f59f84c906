#pragma once

#include "result.h"

#include <QString>

class GanttView;
class MainWindow;
class QAbstractItemModel;
class PlanContext;
struct GanttExportOptions;

// The timeline beside the intentions grid (the grid's side pane): the same rows, selection,
// scroll and filters. Zoom, fit, today and "go to date" in View ▸ Timeline and beside the
// timeline's scroll bar; export to PNG/SVG/PDF and print preview in the Plan menu. Without an
// intentions grid in the window it gets a "Timeline" tab of its own over the same models.
void installGanttFeature(MainWindow &window);

namespace GanttFeature {
// The title, notice date and today of the plan's printouts.
GanttExportOptions exportOptions(PlanContext *context);
// Writes the rows of model (as filtered and grouped) to path by its suffix.
Result<void> exportTimeline(QAbstractItemModel *model, PlanContext *context, const QString &path);
} // namespace GanttFeature
