#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

// A CSV file read whole: the header line and the data rows, every row with exactly the
// header's column count.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines; // 1-based physical line on which each row starts

    // Index of a header column, compared trimmed and case-insensitively; -1 when absent.
    int column(QStringView name) const;
};

// RFC 4180 reader for the files people export from Excel and similar tools: UTF-8 (a byte
// order mark is skipped), comma separator, fields quoted with " and quotes inside them
// doubled, quoted fields may span lines, CRLF or LF line ends. Fields are returned exactly
// as written (no trimming). Empty lines are skipped, because spreadsheets append them.
//
// Errors name the 1-based physical line and what is wrong: "line 12: …". Nothing is
// guessed: invalid UTF-8, an unterminated or stray quote, or a row whose column count
// differs from the header's makes the whole read fail.
namespace CsvReader {
Result<CsvTable> read(const QByteArray &bytes);
// Reads the device to its end; it must be open for reading.
Result<CsvTable> read(QIODevice *device);
// Errors are prefixed with the file name: "“plan.csv”: line 3: …".
Result<CsvTable> readFile(const QString &path);
} // namespace CsvReader
