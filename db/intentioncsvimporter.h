#pragma once

#include "csvreader.h"
#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

struct IntentionImportReport
{
    int rowsImported = 0;
    int portfoliosCreated = 0;
    int programmeAreasCreated = 0;
    int rowsNeedingReview = 0; // timeframes the parser could not read with confidence
    int blankRowsSkipped = 0; // rows whose every cell is empty (spreadsheets export them)
};

// Imports commissioning intentions in the layout of data/nel-2026-27-intentions.csv
// (portfolio, programme_area, intention, timeframe, three shift columns, source_page) into
// an open plan. All or nothing: every row is checked before anything is written, and the
// writing happens in one transaction, so a refused file leaves the plan unchanged.
//
// Columns are matched by name (trimmed, any case, any order). Portfolios and programme areas
// are matched by name (any case, any spacing) and created when missing. Uses its own
// prepared statements rather than the repositories: an import of 100,000 rows must take
// about a second, not a minute.
class IntentionCsvImporter
{
public:
    explicit IntentionCsvImporter(QSqlDatabase db);

    Result<IntentionImportReport> importFile(const QString &path);
    Result<IntentionImportReport> importBytes(const QByteArray &bytes);
    Result<IntentionImportReport> importTable(const CsvTable &table);
    // The same import for a caller that already holds a WriteTransaction on the plan (the
    // demo plan builds everything in one). Starts no transaction; after an error the caller
    // must roll back, as rows may have been written before a database error.
    Result<IntentionImportReport> importTableInTransaction(const CsvTable &table);

    static QStringList expectedColumns();
    // Title from an intention's text: the whole text if it has at most 100 characters, else
    // its first sentence if that fits, else the text cut at a word boundary plus "…".
    static QString titleFromText(const QString &text);
    // A shift cell: true for Y, Yes, ✓, ✔, √, 1; false for empty, N, No, 0; nullopt otherwise.
    static std::optional<bool> parseShiftCell(QStringView cell);
    // Colours given to new portfolios, a fixed palette cycled by the portfolio's index
    // (later cycles are shaded so that the first 36 are all distinct).
    static QString portfolioColour(int index);

private:
    QSqlDatabase m_db;
};
