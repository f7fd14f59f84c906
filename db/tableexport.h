#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// A table as people see it in a grid — a header and rows of text — ready to be written as a
// spreadsheet file. Whatever view it came from (the filtered grid, a command-line query), the
// file holds exactly these cells.
struct ExportTable
{
    enum class ColumnKind {
        Text,
        Date, // cells are ISO dates "2026-04-01" or empty; XLSX writes real dates
    };

    QStringList header;
    QList<QStringList> rows;  // every row has header.size() cells
    QList<ColumnKind> kinds;  // per column; missing entries are Text
    QString sheetName = QStringLiteral("Intentions");

    ColumnKind kind(int column) const { return column < kinds.size() ? kinds.at(column) : ColumnKind::Text; }
};

// The same, with the rows made one at a time as they are written: 100,000 intentions go out
// without their two million cells ever being held in memory at once.
struct ExportRows
{
    QStringList header;
    QList<ExportTable::ColumnKind> kinds;
    QString sheetName = QStringLiteral("Intentions");
    qsizetype count = 0;
    std::function<QStringList(qsizetype)> row; // row i, 0 <= i < count

    ExportTable::ColumnKind kind(int column) const
    {
        return column < kinds.size() ? kinds.at(column) : ExportTable::ColumnKind::Text;
    }
    static ExportRows of(const ExportTable &table); // refers to table: keep it alive
};

// Writes ExportTable as CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads the
// accents and dashes right) or XLSX (libxlsxwriter). A file is written whole to a temporary
// name beside the target and renamed, so a failed export never leaves half a file.
//
// Spreadsheets run text that starts with = + - @ (or a tab or carriage return) as a formula
// when a CSV is opened ("CSV injection"). CSV cells like that are prefixed with an
// apostrophe, which Excel and LibreOffice show as plain text. XLSX cells are always written as
// strings, which no spreadsheet evaluates, so they keep the text unchanged.
namespace TableExport {

enum class Format { Csv, Xlsx };

// By the file's suffix (.csv, .xlsx, any case); nullopt for anything else.
std::optional<Format> formatForPath(const QString &path);

bool looksLikeFormula(QStringView cell);
// The cell as a CSV must hold it so that no spreadsheet runs it.
QString neutralised(const QString &cell);

QByteArray csvBytes(const ExportTable &table);
Result<void> writeCsv(const QString &path, const ExportRows &rows);
Result<void> writeXlsx(const QString &path, const ExportRows &rows);
// Picks the format from the suffix; refuses any other suffix.
Result<void> write(const QString &path, const ExportRows &rows);

Result<void> writeCsv(const QString &path, const ExportTable &table);
Result<void> writeXlsx(const QString &path, const ExportTable &table);
Result<void> write(const QString &path, const ExportTable &table);

// Excel's limit on the text of one cell; longer text is refused rather than cut.
inline constexpr int maxCellLength = 32767;

} // namespace TableExport
