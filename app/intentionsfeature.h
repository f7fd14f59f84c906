#pragma once

#include "result.h"

#include <QString>

class IntentionGrid;
class MainWindow;

// The Intentions workspace: the editable grid, first among the window's tabs, with its actions
// in the Edit, Plan and View menus, export of the view to CSV/XLSX, and "N of M intentions" in
// the status bar.
void installIntentionsFeature(MainWindow &window);

// Writes the intentions the grid shows (filters applied, in its order) to path (.csv or .xlsx).
Result<void> exportIntentionView(const IntentionGrid &grid, const QString &path);
