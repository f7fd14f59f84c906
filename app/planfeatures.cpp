#include "planfeatures.h"

#include "intentionsfeature.h"
#include "mainwindow.h"
#include "portfoliosfeature.h"

void installFeatures(MainWindow &window)
{
    // One line per feature, in the order their workspace tabs appear.
    installIntentionsFeature(window);
    installPortfoliosFeature(window);
    Q_UNUSED(window)
}
