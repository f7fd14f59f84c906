#include "tableexport.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>

namespace TableExport {

namespace {

QString displayName(const QString &path) { return QStringLiteral("“%1”").arg(QDir::toNativeSeparators(path)); }

Error cannotWrite(const QString &path, const QString &problem)
{
    return Error{QStringLiteral("Cannot write %1: %2").arg(displayName(path), problem)};
}

QByteArray csvField(const QString &cell)
{
    QByteArray bytes = neutralised(cell).toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n') && !bytes.contains('\r'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

// A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\ .
QByteArray sheetName(const QString &name)
{
    QString cleaned;
    for (const QChar c : name) {
        if (!QStringLiteral("[]:*?/\\").contains(c))
            cleaned += c;
    }
    cleaned = cleaned.trimmed().left(31);
    return (cleaned.isEmpty() ? QStringLiteral("Sheet1") : cleaned).toUtf8();
}

// Wide enough for the header and the first rows, within reason (Excel's width unit is about
// one character).
double columnWidth(const ExportRows &rows, const QList<QStringList> &sample, int column)
{
    qsizetype widest = rows.header.value(column).size() + 2;
    for (const QStringList &cells : sample)
        widest = std::max(widest, cells.value(column).size() + 1);
    if (rows.kind(column) == ExportTable::ColumnKind::Date)
        widest = std::max<qsizetype>(widest, 12);
    return double(std::clamp<qsizetype>(widest, 8, 60));
}

void appendCsvRow(QByteArray &bytes, const QStringList &cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            bytes += ',';
        bytes += csvField(cells.at(i));
    }
    bytes += "\r\n";
}

QString cellProblem(qsizetype row, int column, const QString &problem)
{
    // Row 1 of the sheet is the header, so data row 0 is sheet row 2.
    return QStringLiteral("row %1, column %2: %3").arg(row + 2).arg(column + 1).arg(problem);
}

} // namespace

std::optional<Format> formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("xlsx"))
        return Format::Xlsx;
    return std::nullopt;
}

bool looksLikeFormula(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    // The full-width forms too: some spreadsheet versions read them as the ASCII operators.
    static const QString triggers = QStringLiteral("=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20");
    return triggers.contains(cell.front());
}

QString neutralised(const QString &cell)
{
    return looksLikeFormula(cell) ? QLatin1Char('\'') + cell : cell;
}

QByteArray csvBytes(const ExportTable &table)
{
    QByteArray bytes("\xEF\xBB\xBF");
    appendCsvRow(bytes, table.header);
    for (const QStringList &row : table.rows)
        appendCsvRow(bytes, row);
    return bytes;
}

Result<void> writeCsv(const QString &path, const ExportRows &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(path, file.errorString());
    QByteArray chunk("\xEF\xBB\xBF");
    appendCsvRow(chunk, rows.header);
    constexpr qsizetype chunkSize = 1 << 20;
    for (qsizetype row = 0; row <= rows.count; ++row) {
        if (row < rows.count)
            appendCsvRow(chunk, rows.row(row));
        if (chunk.size() >= chunkSize || row == rows.count) {
            if (file.write(chunk) != chunk.size())
                return cannotWrite(path, file.errorString());
            chunk.clear();
        }
    }
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

Result<void> writeXlsx(const QString &path, const ExportRows &rows)
{
    const QFileInfo target(path);
    QTemporaryFile part(target.absoluteDir().filePath(QStringLiteral(".%1-XXXXXX.xlsx").arg(target.completeBaseName())));
    if (!part.open())
        return cannotWrite(path, part.errorString());
    part.close(); // libxlsxwriter opens the name itself; the object removes it unless renamed
    const QByteArray partName = QFile::encodeName(part.fileName());
    const QByteArray tempDir = QFile::encodeName(QDir::tempPath());

    // Constant-memory mode streams rows to disk: 100,000 rows need megabytes, not hundreds.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = const_cast<char *>(tempDir.constData());
    lxw_workbook *workbook = workbook_new_opt(partName.constData(), &options);
    if (!workbook)
        return cannotWrite(path, QStringLiteral("the spreadsheet could not be started"));
    const QByteArray name = sheetName(rows.sheetName);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.constData());
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format *dateFormat = workbook_add_format(workbook);
    format_set_num_format(dateFormat, "d mmm yyyy");

    const int columns = int(rows.header.size());
    QList<QStringList> sample;
    for (qsizetype row = 0; row < std::min<qsizetype>(rows.count, 200); ++row)
        sample.append(rows.row(row));
    for (int column = 0; column < columns; ++column)
        worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), columnWidth(rows, sample, column), nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0)
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.count), lxw_col_t(columns - 1));

    lxw_error failed = LXW_NO_ERROR;
    QString refused; // a cell no spreadsheet can hold: nothing is written
    for (int column = 0; column < columns && !failed; ++column)
        failed = worksheet_write_string(sheet, 0, lxw_col_t(column), rows.header.at(column).toUtf8().constData(), bold);
    for (qsizetype row = 0; row < rows.count && !failed && refused.isEmpty(); ++row) {
        const QStringList cells = row < sample.size() ? sample.at(row) : rows.row(row);
        const auto sheetRow = lxw_row_t(row + 1);
        for (int column = 0; column < cells.size() && !failed; ++column) {
            const QString &cell = cells.at(column);
            if (cell.isEmpty())
                continue;
            if (cell.size() > maxCellLength) {
                refused = cellProblem(row, column,
                                      QStringLiteral("the text is longer than the %1 characters a spreadsheet cell "
                                                     "can hold")
                                          .arg(maxCellLength));
                break;
            }
            if (rows.kind(column) == ExportTable::ColumnKind::Date) {
                const QDate date = QDate::fromString(cell, Qt::ISODate);
                if (date.isValid()) {
                    lxw_datetime when{date.year(), date.month(), date.day(), 0, 0, 0.0};
                    failed = worksheet_write_datetime(sheet, sheetRow, lxw_col_t(column), &when, dateFormat);
                    continue;
                }
            }
            // A string cell is never evaluated, so formula-like text is kept as it is.
            failed = worksheet_write_string(sheet, sheetRow, lxw_col_t(column), cell.toUtf8().constData(), nullptr);
        }
    }
    const lxw_error closed = workbook_close(workbook); // frees the workbook whatever happens
    if (!refused.isEmpty())
        return cannotWrite(path, refused);
    if (failed)
        return cannotWrite(path, QString::fromUtf8(lxw_strerror(failed)));
    if (closed)
        return cannotWrite(path, QString::fromUtf8(lxw_strerror(closed)));

    if (QFile::exists(path) && !QFile::remove(path))
        return cannotWrite(path, QStringLiteral("the existing file cannot be replaced"));
    if (!part.rename(path))
        return cannotWrite(path, part.errorString());
    part.setAutoRemove(false);
    return {};
}

Result<void> write(const QString &path, const ExportRows &rows)
{
    const auto format = formatForPath(path);
    if (!format)
        return cannotWrite(path, QStringLiteral("name the file .csv or .xlsx; other formats are not offered"));
    return *format == Format::Csv ? writeCsv(path, rows) : writeXlsx(path, rows);
}

Result<void> writeCsv(const QString &path, const ExportTable &table)
{
    return writeCsv(path, ExportRows::of(table));
}

Result<void> writeXlsx(const QString &path, const ExportTable &table)
{
    return writeXlsx(path, ExportRows::of(table));
}

Result<void> write(const QString &path, const ExportTable &table)
{
    return write(path, ExportRows::of(table));
}

} // namespace TableExport

ExportRows ExportRows::of(const ExportTable &table)
{
    ExportRows rows;
    rows.header = table.header;
    rows.kinds = table.kinds;
    rows.sheetName = table.sheetName;
    rows.count = table.rows.size();
    rows.row = [&table](qsizetype row) { return table.rows.at(row); };
    return rows;
}
