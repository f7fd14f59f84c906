#pragma once

#include "entities.h"
#include "result.h"

#include <QList>
#include <QPageLayout>

class MainWindow;
class PlanStoreSet;
class PortfolioChoiceDialog;
class QWidget;

// The "Portfolio editor" workspace (a form over every portfolio with its programme areas,
// beside the foundation's read-only "Portfolios" browser) and the printed summaries:
// File ▸ Print portfolio summary… (print preview with page setup) and File ▸ Export summary
// PDF… (a checkable list of portfolios and the page orientation).
void installPortfoliosFeature(MainWindow &window);

namespace PortfolioSummaryActions {
// The portfolio choice both actions start with: every portfolio, those with intentions checked
// (or only preselect, when given).
PortfolioChoiceDialog *choiceDialog(PlanStoreSet &stores, bool askOrientation, const QList<Id> &preselect,
                                    QWidget *parent);
// Writes the chosen portfolios' summary to path; returns the number of pages.
Result<int> exportPdf(PlanStoreSet &stores, const QList<Id> &portfolioIds, const QString &path,
                      QPageLayout::Orientation orientation);
} // namespace PortfolioSummaryActions
