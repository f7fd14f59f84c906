#pragma once

#include "entities.h"
#include "letterexport.h"
#include "result.h"

#include <QImage>
#include <QList>

class MainWindow;
class PlanStoreSet;
class RegisterWorkspace;

// The "Providers & notices" workspace and its Plan menu actions: New notice…, Create notice
// for intention…, Edit letter template…, Export letters…, Print letter… and Check notices.
void installNoticesFeature(MainWindow &window);

// The window's register workspace; null before installNoticesFeature.
RegisterWorkspace *registerWorkspace(MainWindow &window);

// Adds a draft notice linked to the intentions, pre-filled from them (their provider when they
// name exactly one, the intention's title as the service…), shows it in the register and
// opens its form. One undo step. Returns the new notice's id, or 0 (no plan, no provider, no
// intention given) after telling the user why in the status bar.
Id createNoticeForIntentions(MainWindow &window, const QList<Id> &intentionIds);

// Switches to the register showing only the notices linked to the intentions.
void showNoticesForIntentions(MainWindow &window, const QList<Id> &intentionIds);

// Switches to where intentions are listed — the Intentions tab when the window has one, else
// the Portfolios tab's list — and selects them. False when none of them could be shown.
bool showIntentions(MainWindow &window, const QList<Id> &intentionIds);

// The intentions selected in the current workspace (a grid or list of intentions), if any.
QList<Id> selectedIntentions(MainWindow &window);

// Opens the letter template editor on the open plan (a window of its own, found as the
// window's TemplateEditor child while open).
void openLetterTemplateEditor(MainWindow &window);

// Writes a batch of letters with a progress dialog that can cancel it (letters already written
// stay whole and are listed in the index), records them in the plan and tells the register.
Result<LetterBatchReport> exportLettersWithProgress(MainWindow &window, const LetterBatchOptions &options);

// The letter of providerId from templateSource, drawn page by page pageWidth pixels wide:
// what the template editor previews.
Result<QList<QImage>> letterPreview(PlanStoreSet &stores, const QString &templateSource, Id providerId,
                                    int pageWidth);
