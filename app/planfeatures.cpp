#include "planfeatures.h"

#include "mainwindow.h"

void installFeatures(MainWindow &window)
{
    // One line per feature, in the order their workspace tabs appear.
    Q_UNUSED(window)
}
