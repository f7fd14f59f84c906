#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QMimeData;

// A rectangular block of cells as the clipboard carries it between the grid and spreadsheets
// (Excel, LibreOffice Calc): tab-separated text and a simple HTML table. Pure functions.
//
// TSV follows Excel's rules: a field containing a tab, a line break or a double quote is
// quoted, with the quotes inside doubled; rows end with CRLF (Excel writes and reads CRLF),
// and the last row ends with one too. Reading accepts LF or CRLF, quoted multi-line cells,
// and a trailing line break (which does not make an extra empty row).
namespace ClipboardTable {
QString toTsv(const QList<QStringList> &cells);
QString toHtml(const QList<QStringList> &cells);
QList<QStringList> fromTsv(const QString &text);
// Reads the first <table> of HTML (text of <td>/<th>, <br> as line breaks, entities decoded).
// Empty when there is no table.
QList<QStringList> fromHtml(const QString &html);

// text/plain (TSV) and text/html; the caller owns the result.
QMimeData *toMimeData(const QList<QStringList> &cells);
// TSV from text/plain, else the HTML table; empty when neither holds cells.
QList<QStringList> fromMimeData(const QMimeData *mime);
} // namespace ClipboardTable
