#include "intentioncsvimporter.h"

#include "entities.h"
#include "timeframe.h"
#include "transaction.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace {

constexpr int maxTitleLength = 100;
constexpr int maxErrorsShown = 10;

enum Column {
    PortfolioColumn,
    ProgrammeAreaColumn,
    IntentionColumn,
    TimeframeColumn,
    ShiftCommunityColumn,
    ShiftPreventionColumn,
    ShiftDigitalColumn,
    SourcePageColumn,
    ColumnCount
};

const std::array<const char *, ColumnCount> columnNames{
    "portfolio",       "programme_area",   "intention",     "timeframe",
    "shift_community", "shift_prevention", "shift_digital", "source_page",
};

const char selectPortfoliosSql[] = "SELECT id, name, sort_order FROM portfolio";
const char selectProgrammeAreasSql[]
    = "SELECT id, portfolio_id, name, sort_order FROM programme_area";
const char selectLastIntentionOrderSql[]
    = "SELECT portfolio_id, max(sort_order) FROM intention GROUP BY portfolio_id";
const char insertPortfolioSql[]
    = "INSERT INTO portfolio (name, grp, colour, sort_order) VALUES (?, 'core_objectives', ?, ?)";
const char insertProgrammeAreaSql[]
    = "INSERT INTO programme_area (portfolio_id, name, sort_order) VALUES (?, ?, ?)";
// Named placeholders: Qt formats a name for every positional bind, which costs more than the
// insert itself when 100,000 rows go in.
const char insertIntentionSql[]
    = "INSERT INTO intention (portfolio_id, programme_area_id, title, body, timeframe_raw,"
      " tf_start, tf_end, tf_open_ended, tf_review, tf_flags, tf_needs_review, tf_reason,"
      " shift_community, shift_prevention, shift_digital, source_page, sort_order, created_at,"
      " updated_at)"
      " VALUES (:portfolio_id, :programme_area_id, :title, :body, :timeframe_raw, :tf_start,"
      " :tf_end, :tf_open_ended, :tf_review, :tf_flags, :tf_needs_review, :tf_reason,"
      " :shift_community, :shift_prevention, :shift_digital, :source_page, :sort_order,"
      " :created_at, :updated_at)";

// One checked row, ready to write.
struct ImportRow
{
    QString portfolio;
    QString programmeArea; // empty: none
    QString text;
    QString timeframeRaw; // the cell exactly as written
    Timeframe timeframe;
    bool shiftCommunity = false;
    bool shiftPrevention = false;
    bool shiftDigital = false;
    int sourcePage = 0; // 0: none
    int line = 0;
};

// Names match whatever their case and spacing: "Planned care" in a workbook is the plan's
// "Planned Care", not a second portfolio.
QString nameKey(const QString &name)
{
    return name.simplified().toCaseFolded();
}

// The SQLite driver binds a null QString as NULL; NOT NULL text columns need an empty string.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant nullString()
{
    return QVariant(QMetaType::fromType<QString>());
}

// QDate::toString goes through printf-style formatting, a visible cost at 100,000 rows.
QString isoOrNull(QDate date)
{
    if (!date.isValid() || date.year() < 1000 || date.year() > 9999)
        return date.isValid() ? date.toString(Qt::ISODate) : QString();
    int y = date.year();
    const int m = date.month(), d = date.day();
    char16_t text[10] = {0,
                         0,
                         0,
                         0,
                         u'-',
                         char16_t(u'0' + m / 10),
                         char16_t(u'0' + m % 10),
                         u'-',
                         char16_t(u'0' + d / 10),
                         char16_t(u'0' + d % 10)};
    for (int i = 3; i >= 0; --i, y /= 10)
        text[i] = char16_t(u'0' + y % 10);
    return QString(reinterpret_cast<const QChar *>(text), 10);
}

Error sqlError(const QString &what, const QSqlQuery &query)
{
    return Error{QStringLiteral("%1: %2").arg(what, query.lastError().text())};
}

QString joinErrors(const QStringList &errors)
{
    QStringList shown = errors.mid(0, maxErrorsShown);
    if (errors.size() > maxErrorsShown)
        shown.append(QStringLiteral("… and %1 more problems").arg(errors.size() - maxErrorsShown));
    return shown.join(QLatin1Char('\n'));
}

QString expectedHeaderText()
{
    return IntentionCsvImporter::expectedColumns().join(QLatin1Char(','));
}

// Column positions by name; the header must name the eight columns, each once, and nothing else.
Result<std::array<int, ColumnCount>> mapHeader(const QStringList &header)
{
    std::array<int, ColumnCount> positions;
    positions.fill(-1);
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        int match = -1;
        for (int c = 0; c < ColumnCount; ++c) {
            if (name.compare(QLatin1String(columnNames[c]), Qt::CaseInsensitive) == 0)
                match = c;
        }
        if (match < 0) {
            return Error{QStringLiteral("line 1: unexpected column “%1”; the header must be %2")
                              .arg(name, expectedHeaderText())};
        }
        if (positions[match] >= 0) {
            return Error{QStringLiteral("line 1: the column “%1” appears twice")
                              .arg(QLatin1String(columnNames[match]))};
        }
        positions[match] = int(i);
    }
    for (int c = 0; c < ColumnCount; ++c) {
        if (positions[c] < 0) {
            return Error{
                QStringLiteral("line 1: the column “%1” is missing; the header must be %2")
                    .arg(QLatin1String(columnNames[c]), expectedHeaderText())};
        }
    }
    return positions;
}

bool isBlankRow(const QStringList &row)
{
    for (const QString &cell : row) {
        if (!cell.trimmed().isEmpty())
            return false;
    }
    return true;
}

struct CheckedRows
{
    QList<ImportRow> rows;
    int blankRowsSkipped = 0;
};

// Checks every row before anything is written, collecting every problem so that a user
// fixing a workbook sees them all at once.
Result<CheckedRows> checkRows(const CsvTable &table)
{
    const auto header = mapHeader(table.header);
    if (!header)
        return Error{header.error()};
    const std::array<int, ColumnCount> &at = header.value();

    CheckedRows checked;
    checked.rows.reserve(table.rows.size());
    QStringList errors;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &cells = table.rows.at(r);
        const int line = r < table.rowLines.size() ? table.rowLines.at(r) : int(r) + 2;
        if (isBlankRow(cells)) {
            ++checked.blankRowsSkipped;
            continue;
        }
        const int errorsBefore = int(errors.size());
        auto problem = [&](const QString &what) {
            errors.append(QStringLiteral("line %1: %2").arg(line).arg(what));
        };

        ImportRow row;
        row.line = line;
        row.portfolio = cells.at(at[PortfolioColumn]).simplified();
        if (row.portfolio.isEmpty())
            problem(QStringLiteral("portfolio is empty; every intention belongs to a portfolio"));
        row.programmeArea = cells.at(at[ProgrammeAreaColumn]).simplified();
        row.text = cells.at(at[IntentionColumn]); // kept verbatim
        if (row.text.trimmed().isEmpty())
            problem(QStringLiteral("intention is empty"));

        const std::array<std::pair<Column, bool *>, 3> shifts{{
            {ShiftCommunityColumn, &row.shiftCommunity},
            {ShiftPreventionColumn, &row.shiftPrevention},
            {ShiftDigitalColumn, &row.shiftDigital},
        }};
        for (const auto &[column, flag] : shifts) {
            const QString &cell = cells.at(at[column]);
            if (const auto value = IntentionCsvImporter::parseShiftCell(cell)) {
                *flag = *value;
            } else {
                problem(QStringLiteral("%1 “%2” is not a shift mark (write Y, Yes, ✓ or 1, "
                                       "or leave it empty)")
                            .arg(QLatin1String(columnNames[column]), cell.trimmed()));
            }
        }

        const QString page = cells.at(at[SourcePageColumn]).trimmed();
        if (!page.isEmpty()) {
            bool ok = false;
            row.sourcePage = page.toInt(&ok);
            if (!ok || row.sourcePage <= 0) {
                problem(QStringLiteral("source_page “%1” is not a page number (a whole number "
                                       "from 1, or empty)")
                            .arg(page));
            }
        }
        if (errors.size() > errorsBefore)
            continue;
        // Parsed here, before the write lock is taken, to keep the transaction short.
        row.timeframeRaw = cells.at(at[TimeframeColumn]);
        row.timeframe = TimeframeParser::parse(row.timeframeRaw);
        checked.rows.append(std::move(row));
    }
    if (!errors.isEmpty())
        return Error{joinErrors(errors)};
    if (checked.rows.isEmpty()) {
        return Error{QStringLiteral("no rows to import: the file has a header but no intentions")};
    }
    return checked;
}

// Whether the mark at i ends a sentence: it is followed by a space or the end, and a full
// stop is not that of an abbreviation ("e.g."), a list number ("1.") or an initial. The
// source documents often start a sentence in lower case, so that is no test.
bool endsSentence(const QString &text, qsizetype i)
{
    if (i + 1 < text.size() && !text.at(i + 1).isSpace())
        return false;
    if (text.at(i) != u'.')
        return true;
    qsizetype wordStart = i;
    while (wordStart > 0 && !text.at(wordStart - 1).isSpace() && text.at(wordStart - 1) != u'(')
        --wordStart;
    const QString word = text.mid(wordStart, i - wordStart).toLower();
    static const QStringList abbreviations{
        QStringLiteral("e.g"),  QStringLiteral("i.e"),    QStringLiteral("eg"),
        QStringLiteral("ie"),   QStringLiteral("etc"),    QStringLiteral("vs"),
        QStringLiteral("incl"), QStringLiteral("approx"), QStringLiteral("no"),
        QStringLiteral("dr"),   QStringLiteral("st"),     QStringLiteral("mr"),
        QStringLiteral("mrs"),  QStringLiteral("ms"),     QStringLiteral("prof"),
    };
    if (word.size() <= 1 || abbreviations.contains(word))
        return false;
    bool digits = true;
    for (const QChar c : word)
        digits = digits && c.isDigit();
    return !digits;
}

Result<IntentionImportReport> writeRows(QSqlDatabase db, const CheckedRows &checked)
{
    IntentionImportReport report;
    report.blankRowsSkipped = checked.blankRowsSkipped;

    // What the plan holds already: new rows continue its orders and reuse its names.
    QHash<QString, Id> portfolioIds;
    int portfolioCount = 0;
    int nextPortfolioOrder = 0;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String(selectPortfoliosSql)))
        return sqlError(QStringLiteral("Reading the portfolios failed"), query);
    while (query.next()) {
        portfolioIds.insert(nameKey(query.value(1).toString()), query.value(0).toLongLong());
        nextPortfolioOrder = std::max(nextPortfolioOrder, query.value(2).toInt() + 1);
        ++portfolioCount;
    }
    QHash<QString, Id> areaIds; // key: portfolio id + '\n' + name key
    QHash<Id, int> nextAreaOrder;
    auto areaKey = [](Id portfolioId, const QString &name) {
        return QString::number(portfolioId) + QLatin1Char('\n') + nameKey(name);
    };
    if (!query.exec(QLatin1String(selectProgrammeAreasSql)))
        return sqlError(QStringLiteral("Reading the programme areas failed"), query);
    while (query.next()) {
        const Id portfolioId = query.value(1).toLongLong();
        areaIds.insert(areaKey(portfolioId, query.value(2).toString()),
                       query.value(0).toLongLong());
        nextAreaOrder[portfolioId]
            = std::max(nextAreaOrder.value(portfolioId), query.value(3).toInt() + 1);
    }
    QHash<Id, int> nextIntentionOrder;
    if (!query.exec(QLatin1String(selectLastIntentionOrderSql)))
        return sqlError(QStringLiteral("Reading the intentions failed"), query);
    while (query.next())
        nextIntentionOrder.insert(query.value(0).toLongLong(), query.value(1).toInt() + 1);
    query.finish();

    QSqlQuery insertPortfolio(db);
    QSqlQuery insertArea(db);
    QSqlQuery insertIntention(db);
    if (!insertPortfolio.prepare(QLatin1String(insertPortfolioSql)))
        return sqlError(QStringLiteral("Preparing the import failed"), insertPortfolio);
    if (!insertArea.prepare(QLatin1String(insertProgrammeAreaSql)))
        return sqlError(QStringLiteral("Preparing the import failed"), insertArea);
    if (!insertIntention.prepare(QLatin1String(insertIntentionSql)))
        return sqlError(QStringLiteral("Preparing the import failed"), insertIntention);

    const QVariant nullText = nullString();
    // One moment for the whole import, bound rather than computed by SQLite for every row.
    const QString now
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    const QVariant nullId(QMetaType::fromType<qlonglong>());
    struct Named
    {
        QString name;
        Id id = 0;
    };
    Named lastPortfolio;
    Named lastArea;
    QVariant areaId;
    for (const ImportRow &row : checked.rows) {
        auto rowError = [&](const QSqlQuery &failed) {
            return Error{QStringLiteral("line %1: the row could not be saved: %2")
                              .arg(row.line)
                              .arg(failed.lastError().text())};
        };

        // Files group their rows, so most rows name the portfolio and area of the row before.
        if (row.portfolio != lastPortfolio.name || lastPortfolio.name.isNull()) {
            const QString key = nameKey(row.portfolio);
            auto portfolio = portfolioIds.constFind(key);
            if (portfolio == portfolioIds.constEnd()) {
                insertPortfolio.bindValue(0, row.portfolio);
                insertPortfolio.bindValue(1, IntentionCsvImporter::portfolioColour(portfolioCount));
                insertPortfolio.bindValue(2, nextPortfolioOrder);
                if (!insertPortfolio.exec())
                    return rowError(insertPortfolio);
                portfolio = portfolioIds.insert(key, insertPortfolio.lastInsertId().toLongLong());
                ++portfolioCount;
                ++nextPortfolioOrder;
                ++report.portfoliosCreated;
            }
            lastPortfolio = {row.portfolio, portfolio.value()};
            lastArea = {};
        }
        const Id portfolioId = lastPortfolio.id;

        if (row.programmeArea.isEmpty()) {
            areaId = nullId;
        } else if (row.programmeArea != lastArea.name || lastArea.name.isNull()) {
            const QString key = areaKey(portfolioId, row.programmeArea);
            auto area = areaIds.constFind(key);
            if (area == areaIds.constEnd()) {
                int &order = nextAreaOrder[portfolioId];
                insertArea.bindValue(0, portfolioId);
                insertArea.bindValue(1, row.programmeArea);
                insertArea.bindValue(2, order);
                if (!insertArea.exec())
                    return rowError(insertArea);
                area = areaIds.insert(key, insertArea.lastInsertId().toLongLong());
                ++order;
                ++report.programmeAreasCreated;
            }
            lastArea = {row.programmeArea, area.value()};
            areaId = area.value();
        } else {
            areaId = lastArea.id;
        }

        const Timeframe &tf = row.timeframe;
        int &order = nextIntentionOrder[portfolioId];
        const QString start = isoOrNull(tf.start);
        const QString end = isoOrNull(tf.end);
        insertIntention.bindValue(QStringLiteral(":portfolio_id"), portfolioId);
        insertIntention.bindValue(QStringLiteral(":programme_area_id"), areaId);
        insertIntention.bindValue(QStringLiteral(":title"),
                                  IntentionCsvImporter::titleFromText(row.text));
        insertIntention.bindValue(QStringLiteral(":body"), notNull(row.text));
        insertIntention.bindValue(QStringLiteral(":timeframe_raw"), notNull(row.timeframeRaw));
        insertIntention.bindValue(QStringLiteral(":tf_start"),
                                  start.isNull() ? nullText : QVariant(start));
        insertIntention.bindValue(QStringLiteral(":tf_end"),
                                  end.isNull() ? nullText : QVariant(end));
        insertIntention.bindValue(QStringLiteral(":tf_open_ended"), tf.openEnded ? 1 : 0);
        insertIntention.bindValue(
            QStringLiteral(":tf_review"),
            tf.review == Timeframe::Review::Annual ? QVariant(QStringLiteral("annual")) : nullText);
        insertIntention.bindValue(QStringLiteral(":tf_flags"), int(tf.flags.toInt()));
        insertIntention.bindValue(QStringLiteral(":tf_needs_review"), tf.needsReview ? 1 : 0);
        insertIntention.bindValue(QStringLiteral(":tf_reason"), notNull(tf.reason));
        insertIntention.bindValue(QStringLiteral(":shift_community"), row.shiftCommunity ? 1 : 0);
        insertIntention.bindValue(QStringLiteral(":shift_prevention"), row.shiftPrevention ? 1 : 0);
        insertIntention.bindValue(QStringLiteral(":shift_digital"), row.shiftDigital ? 1 : 0);
        insertIntention.bindValue(QStringLiteral(":source_page"),
                                  row.sourcePage > 0 ? QVariant(row.sourcePage) : nullId);
        insertIntention.bindValue(QStringLiteral(":sort_order"), order);
        insertIntention.bindValue(QStringLiteral(":created_at"), now);
        insertIntention.bindValue(QStringLiteral(":updated_at"), now);
        if (!insertIntention.exec())
            return rowError(insertIntention);
        ++order;
        ++report.rowsImported;
        if (tf.needsReview)
            ++report.rowsNeedingReview;
    }
    return report;
}

} // namespace

IntentionCsvImporter::IntentionCsvImporter(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QStringList IntentionCsvImporter::expectedColumns()
{
    QStringList names;
    for (const char *name : columnNames)
        names.append(QLatin1String(name));
    return names;
}

QString IntentionCsvImporter::titleFromText(const QString &text)
{
    const QString simple = text.simplified();
    if (simple.size() <= maxTitleLength)
        return simple;
    for (qsizetype i = 0; i < simple.size() && i <= maxTitleLength; ++i) {
        const QChar c = simple.at(i);
        if ((c == u'.' || c == u'!' || c == u'?') && endsSentence(simple, i)) {
            // The full stop is dropped; a question or exclamation keeps its mark.
            const QString sentence = (c == u'.' ? simple.left(i) : simple.left(i + 1)).trimmed();
            if (!sentence.isEmpty() && sentence.size() <= maxTitleLength)
                return sentence;
            break;
        }
    }
    qsizetype cut = simple.lastIndexOf(u' ', maxTitleLength - 1);
    if (cut <= 0)
        cut = maxTitleLength - 1; // one long word: cut inside it
    QString title = simple.left(cut);
    static const QString trailing = QStringLiteral(" ,;:-–—•(/&");
    while (!title.isEmpty() && trailing.contains(title.back()))
        title.chop(1);
    return title + QStringLiteral("…");
}

std::optional<bool> IntentionCsvImporter::parseShiftCell(QStringView cell)
{
    const QStringView value = cell.trimmed();
    if (value.isEmpty())
        return false;
    static const QStringList yes{QStringLiteral("y"), QStringLiteral("yes"), QStringLiteral("1"),
                                  QStringLiteral("✓"), QStringLiteral("✔"),   QStringLiteral("√")};
    // An explicit "no" is as clear as an empty cell; workbooks often have one or the other.
    static const QStringList no{QStringLiteral("n"), QStringLiteral("no"), QStringLiteral("0")};
    for (const QString &mark : yes) {
        if (value.compare(mark, Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const QString &mark : no) {
        if (value.compare(mark, Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

QString IntentionCsvImporter::portfolioColour(int index)
{
    // NHS identity colours, ordered so that neighbours differ in hue.
    static constexpr std::array<quint32, 12> palette{
        0x005EB8, 0xED8B00, 0x009639, 0x7C2855, 0x00A9CE, 0xDA291C,
        0x330072, 0xFFB81C, 0x00A499, 0xAE2573, 0x78BE20, 0x9C755F,
    };
    const int n = int(palette.size());
    const int i = index < 0 ? 0 : index;
    const quint32 rgb = palette[size_t(i % n)];
    const int shade = (i / n) % 3; // 0 as is, 1 darker, 2 lighter
    auto channel = [&](int shift) {
        const int c = int((rgb >> shift) & 0xFF);
        if (shade == 1)
            return c * 7 / 10;
        if (shade == 2)
            return c + (255 - c) * 45 / 100;
        return c;
    };
    return QStringLiteral("#%1%2%3")
        .arg(channel(16), 2, 16, QLatin1Char('0'))
        .arg(channel(8), 2, 16, QLatin1Char('0'))
        .arg(channel(0), 2, 16, QLatin1Char('0'))
        .toUpper();
}

Result<IntentionImportReport> IntentionCsvImporter::importFile(const QString &path)
{
    auto table = CsvReader::readFile(path);
    if (!table)
        return Error{table.error()};
    return importTable(table.value());
}

Result<IntentionImportReport> IntentionCsvImporter::importBytes(const QByteArray &bytes)
{
    auto table = CsvReader::read(bytes);
    if (!table)
        return Error{table.error()};
    return importTable(table.value());
}

Result<IntentionImportReport> IntentionCsvImporter::importTable(const CsvTable &table)
{
    // Check before taking the write lock, so a bad file never blocks other users of the plan.
    const auto checked = checkRows(table);
    if (!checked)
        return Error{checked.error()};
    WriteTransaction transaction(m_db);
    if (!transaction.isActive())
        return Error{
            QStringLiteral("The plan cannot be changed now: %1").arg(transaction.error())};
    auto report = writeRows(m_db, checked.value());
    if (!report)
        return report; // the transaction rolls back
    if (auto committed = transaction.commit(); !committed)
        return Error{QStringLiteral("The import could not be saved: %1").arg(committed.error())};
    return report;
}

Result<IntentionImportReport> IntentionCsvImporter::importTableInTransaction(const CsvTable &table)
{
    const auto checked = checkRows(table);
    if (!checked)
        return Error{checked.error()};
    return writeRows(m_db, checked.value());
}
