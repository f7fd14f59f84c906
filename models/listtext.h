#pragma once

#include <QList>
#include <QString>

// The light rich text of a portfolio's descriptions (vision, stakeholders, programmes,
// engagement, benefits): paragraphs and bullet lists, kept as plain text in the format the
// source documents and the demo data already use, so nothing needs converting:
//
//   - each line is a paragraph, unless it holds " • ": then its parts are bullet items;
//   - a first part ending in ':' is the list's lead-in paragraph ("Identify: • A • B");
//   - a line starting with "•" is bullets only (how a one-item list is written: "• A").
//
// The editor and the printed summary both read and write through here, so what the user
// edits is exactly what is printed.
namespace ListText {

struct Block
{
    bool bullet = false;
    QString text;
    friend bool operator==(const Block &, const Block &) = default;
};

// Blocks in order; consecutive bullet blocks form one list. Empty lines and items are dropped
// and texts are trimmed.
QList<Block> parse(const QString &text);

// The stored form of blocks (the inverse of parse for trimmed, single-line texts without " • ").
QString format(const QList<Block> &blocks);

// format(parse(text)): the canonical form, e.g. for comparing an edit with what is stored.
QString normalised(const QString &text);

// The text on one line with bullets as "•" separators, for tooltips and table cells.
QString oneLine(const QString &text);

} // namespace ListText
