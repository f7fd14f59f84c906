#pragma once

class MainWindow;

// Installs every feature's workspace, menu actions and plan-following into the window.
// Each feature lives in its own app/<feature>feature.cpp and adds one line to installFeatures()
// (app/planfeatures.cpp). Not named features.h: that name belongs to the C library.
void installFeatures(MainWindow &window);
