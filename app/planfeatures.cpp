#include "planfeatures.h"

#include "dashboardfeature.h"
#include "ganttfeature.h"
#include "intentionsfeature.h"
#include "mainwindow.h"
#include "noticesfeature.h"
#include "portfoliosfeature.h"

void installFeatures(MainWindow &window)
{
    // One line per feature, in the order their workspace tabs appear.
    installIntentionsFeature(window);
    installGanttFeature(window); // the grid's side pane: after the grid
    installPortfoliosFeature(window);
    installDashboardFeature(window);
    installNoticesFeature(window);
    Q_UNUSED(window)
}
