#include "clipboardtable.h"

#include <QMimeData>
#include <QRegularExpression>
#include <QTextDocumentFragment>

namespace ClipboardTable {

namespace {

QString tsvField(const QString &cell)
{
    const bool needsQuotes = cell.contains(u'\t') || cell.contains(u'\n') || cell.contains(u'\r')
        || cell.contains(u'"');
    if (!needsQuotes)
        return cell;
    QString quoted = cell;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

QString toTsv(const QList<QStringList> &cells)
{
    QString text;
    for (const QStringList &row : cells) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                text += u'\t';
            text += tsvField(row.at(c));
        }
        text += QStringLiteral("\r\n");
    }
    return text;
}

QString toHtml(const QList<QStringList> &cells)
{
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"></head><body><table>\n");
    for (const QStringList &row : cells) {
        html += QStringLiteral("<tr>");
        for (const QString &cell : row) {
            QString escaped = cell.toHtmlEscaped();
            escaped.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            // A line break inside a cell; Excel and Calc keep it in the one cell.
            escaped.replace(u'\n', QStringLiteral("<br style=\"mso-data-placement:same-cell;\">"));
            html += QStringLiteral("<td>") + escaped + QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table></body></html>\n");
    return html;
}

QList<QStringList> fromTsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool inQuotes = false;
    bool cellStarted = false; // anything (even "") read into the current cell or row
    const qsizetype n = text.size();
    auto endCell = [&] {
        row.append(cell);
        cell.clear();
    };
    auto endRow = [&] {
        endCell();
        rows.append(row);
        row.clear();
        cellStarted = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
                cell += u'\n'; // a line break inside a cell reads as \n
                ++i;
            } else {
                cell += c;
            }
            continue;
        }
        if (c == u'"' && cell.isEmpty()) {
            // Only a quote at the start of a field opens a quoted field (Excel's rule).
            inQuotes = true;
            cellStarted = true;
        } else if (c == u'\t') {
            endCell();
            cellStarted = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRow();
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    // The last line without a line break; a trailing line break adds no empty row.
    if (cellStarted || !cell.isEmpty() || !row.isEmpty())
        endRow();
    return rows;
}

QList<QStringList> fromHtml(const QString &html)
{
    static const QRegularExpression table(QStringLiteral("<table[^>]*>(.*?)</table>"),
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression rowPattern(QStringLiteral("<tr[^>]*>(.*?)</tr>"),
                                               QRegularExpression::CaseInsensitiveOption
                                                   | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression cellPattern(QStringLiteral("<t([dh])([^>]*)>(.*?)</t\\1>"),
                                                QRegularExpression::CaseInsensitiveOption
                                                    | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression lineBreak(QStringLiteral("<br[^>]*>"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression whitespace(QStringLiteral("[ \\t\\r\\n]+"));

    QList<QStringList> rows;
    const QRegularExpressionMatch found = table.match(html);
    if (!found.hasMatch())
        return rows;
    const QString body = found.captured(1);
    auto rowMatches = rowPattern.globalMatch(body);
    while (rowMatches.hasNext()) {
        const QString rowHtml = rowMatches.next().captured(1);
        QStringList row;
        auto cellMatches = cellPattern.globalMatch(rowHtml);
        while (cellMatches.hasNext()) {
            QString cellHtml = cellMatches.next().captured(3);
            // HTML whitespace collapses; <br> is the line break inside a cell.
            // (A private-use character stands for the break: the HTML reader would collapse \n.)
            const QChar breakMark(0xE000);
            cellHtml.replace(whitespace, QStringLiteral(" "));
            cellHtml.replace(lineBreak, QString(breakMark));
            QString text = QTextDocumentFragment::fromHtml(cellHtml).toPlainText();
            text.replace(breakMark, u'\n');
            text.replace(QChar::LineSeparator, u'\n');
            text.replace(QChar::ParagraphSeparator, u'\n');
            text.replace(QChar::Nbsp, u' ');
            row.append(text.trimmed());
        }
        rows.append(row);
    }
    return rows;
}

QMimeData *toMimeData(const QList<QStringList> &cells)
{
    auto *mime = new QMimeData;
    mime->setText(toTsv(cells));
    mime->setHtml(toHtml(cells));
    return mime;
}

QList<QStringList> fromMimeData(const QMimeData *mime)
{
    if (!mime)
        return {};
    if (mime->hasText()) {
        const QList<QStringList> cells = fromTsv(mime->text());
        if (!cells.isEmpty())
            return cells;
    }
    if (mime->hasHtml())
        return fromHtml(mime->html());
    return {};
}

} // namespace ClipboardTable
