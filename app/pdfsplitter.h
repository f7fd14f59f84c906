#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// Cuts a PDF written by QPdfWriter into several complete PDFs, each with a run of its pages.
//
// Why: QPdfWriter spends most of a one-page letter's time embedding its fonts (for every font it
// scans the whole Unicode range to map glyphs back to characters). Painting a batch of letters
// into one PDF embeds each font once; cutting it afterwards gives every letter its own file with
// its own copy of the (shared) embedded fonts, so each file is complete, selectable and printable
// on its own.
//
// It reads only what QPdfWriter writes (a classic cross-reference table, objects "N 0 obj" …
// "endobj" with generation 0, one page tree under the catalog) and refuses anything else.
class PdfSplitter
{
public:
    struct Part
    {
        int pageCount = 0; // pages of the source taken, in order
        QString title;     // the part's document title (Info /Title)
    };

    // Each part gets the next pageCount pages of source; the page counts must add up to the
    // source's page count. Every part holds its pages and every object they use (fonts,
    // graphics states, content streams), renumbered, with its own catalog, page tree, Info
    // (title, creator, creation date) and cross-reference table.
    static Result<QList<QByteArray>> split(const QByteArray &source, const QList<Part> &parts,
                                           const QString &creator, const QDateTime &created);
};
