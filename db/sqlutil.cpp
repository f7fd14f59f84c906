#include "sqlutil.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace SqlUtil {

namespace {

constexpr auto insertChange = R"(
INSERT INTO change_history (changed_at, user_name, entity, entity_id, field, old_value, new_value)
VALUES (?, ?, ?, ?, ?, ?, ?))";

const QString isoDate = QStringLiteral("yyyy-MM-dd");

QString errorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// What people call the columns that constraints name.
const QHash<QString, QString> &columnLabels()
{
    static const QHash<QString, QString> labels {
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("title"), QStringLiteral("title")},
        {QStringLiteral("grp"), QStringLiteral("group")},
        {QStringLiteral("colour"), QStringLiteral("colour")},
        {QStringLiteral("planning_year"), QStringLiteral("planning year")},
        {QStringLiteral("notice_issue_date"), QStringLiteral("notice issue date")},
        {QStringLiteral("notice_period_months"), QStringLiteral("notice period (months)")},
        {QStringLiteral("illustrative"), QStringLiteral("illustrative mark")},
        {QStringLiteral("portfolio_id"), QStringLiteral("portfolio")},
        {QStringLiteral("programme_area_id"), QStringLiteral("programme area")},
        {QStringLiteral("tf_start"), QStringLiteral("timeframe start")},
        {QStringLiteral("tf_end"), QStringLiteral("timeframe end")},
        {QStringLiteral("tf_open_ended"), QStringLiteral("open-ended mark")},
        {QStringLiteral("tf_review"), QStringLiteral("timeframe review")},
        {QStringLiteral("tf_flags"), QStringLiteral("timeframe flags")},
        {QStringLiteral("tf_needs_review"), QStringLiteral("needs-review mark")},
        {QStringLiteral("status"), QStringLiteral("status")},
        {QStringLiteral("investment_gbp"), QStringLiteral("investment (£)")},
        {QStringLiteral("staff_wte"), QStringLiteral("staff resource (WTE)")},
        {QStringLiteral("source_page"), QStringLiteral("source page")},
        {QStringLiteral("due_date"), QStringLiteral("milestone due date")},
        {QStringLiteral("done"), QStringLiteral("milestone done mark")},
        {QStringLiteral("kind"), QStringLiteral("kind")},
        {QStringLiteral("type"), QStringLiteral("provider type")},
        {QStringLiteral("provider_id"), QStringLiteral("provider")},
        {QStringLiteral("receiving_provider_id"), QStringLiteral("receiving provider")},
        {QStringLiteral("contract_id"), QStringLiteral("contract")},
        {QStringLiteral("start_date"), QStringLiteral("start date")},
        {QStringLiteral("end_date"), QStringLiteral("end date")},
        {QStringLiteral("annual_value_gbp"), QStringLiteral("annual value (£)")},
        {QStringLiteral("issue_date"), QStringLiteral("issue date")},
        {QStringLiteral("effective_date"), QStringLiteral("effective date")},
        {QStringLiteral("issued_at"), QStringLiteral("issue time")},
        {QStringLiteral("file_name"), QStringLiteral("file name")},
        {QStringLiteral("sha256"), QStringLiteral("file hash")},
        {QStringLiteral("entity"), QStringLiteral("kind of record")},
    };
    return labels;
}

const QHash<QString, QString> &tableNouns()
{
    static const QHash<QString, QString> nouns {
        {QStringLiteral("portfolio"), QStringLiteral("portfolio")},
        {QStringLiteral("portfolio_benefit"), QStringLiteral("benefit")},
        {QStringLiteral("programme_area"), QStringLiteral("programme area")},
        {QStringLiteral("intention"), QStringLiteral("intention")},
        {QStringLiteral("milestone"), QStringLiteral("milestone")},
        {QStringLiteral("place"), QStringLiteral("place")},
        {QStringLiteral("outcome_domain"), QStringLiteral("outcome domain")},
        {QStringLiteral("provider"), QStringLiteral("provider")},
        {QStringLiteral("contract"), QStringLiteral("contract")},
        {QStringLiteral("contract_notice"), QStringLiteral("notice")},
        {QStringLiteral("letter_record"), QStringLiteral("letter record")},
        {QStringLiteral("letter_template"), QStringLiteral("letter template")},
    };
    return nouns;
}

QString labelFor(const QString &column)
{
    return columnLabels().value(column, QString(column).replace(u'_', u' '));
}

// The first known column an SQL expression mentions ("length(trim(title)) > 0" → "title").
QString firstColumnIn(const QString &expression)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z_][A-Za-z_0-9]*"));
    auto it = word.globalMatch(expression);
    while (it.hasNext()) {
        const QString token = it.next().captured();
        if (columnLabels().contains(token))
            return token;
    }
    return {};
}

QString checkProblem(const QString &expression)
{
    if (expression.contains(u"tf_start <= tf_end"))
        return QStringLiteral("the timeframe ends before it starts");
    if (expression.contains(u"start_date <= end_date"))
        return QStringLiteral("the end date is before the start date");
    if (expression.contains(u"issue_date <= effective_date"))
        return QStringLiteral("the effective date is before the issue date");
    if (expression.contains(u"receiving_provider_id <> provider_id"))
        return QStringLiteral("the receiving provider is the same as the provider");
    const QString column = firstColumnIn(expression);
    const QString label = column.isEmpty() ? QStringLiteral("value") : labelFor(column);
    if (column == u"colour")
        return QStringLiteral("the colour must be written #RRGGBB (for example #4472C4)");
    if (column == u"sha256")
        return QStringLiteral("the file hash must be 64 hexadecimal characters");
    if (expression.contains(u"length(trim("))
        return QStringLiteral("the %1 is empty").arg(label);
    if (expression.contains(u">= 0"))
        return QStringLiteral("the %1 cannot be negative").arg(label);
    if (expression.contains(u"> 0"))
        return QStringLiteral("the %1 must be more than 0").arg(label);
    if (expression.contains(u"date("))
        return QStringLiteral("the %1 is not a valid date").arg(label);
    static const QRegularExpression between(QStringLiteral("BETWEEN (\\d+) AND (\\d+)"));
    if (const auto match = between.match(expression); match.hasMatch())
        return QStringLiteral("the %1 must be between %2 and %3")
            .arg(label, match.captured(1), match.captured(2));
    if (expression.contains(u" IN ("))
        return QStringLiteral("the %1 is not one of the allowed values").arg(label);
    return QStringLiteral("the %1 is not valid").arg(label);
}

QString uniqueProblem(const QString &columns)
{
    // "programme_area.portfolio_id, programme_area.name"
    const QStringList parts = columns.split(QStringLiteral(", "));
    const QString last = parts.constLast().trimmed();
    const QString table = last.section(u'.', 0, 0);
    const QString column = last.section(u'.', 1);
    const QString noun = tableNouns().value(table, QString(table).replace(u'_', u' '));
    if (table == u"programme_area")
        return QStringLiteral("the portfolio already has a programme area with this name");
    if (parts.size() > 1)
        return QStringLiteral("it is listed twice");
    return QStringLiteral("another %1 already has this %2").arg(noun, labelFor(column));
}

} // namespace

QVariant text(const QString &value)
{
    return value.isNull() ? QString(QLatin1String("")) : value;
}

QVariant date(QDate value)
{
    return value.isValid() ? QVariant(value.toString(isoDate)) : QVariant();
}

QDate toDate(const QVariant &value)
{
    // Qt::ISODate parses far faster than a format string, which counts on 100,000-row lists.
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QString timestamp(const QDateTime &value)
{
    return value.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QDateTime toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime result = QDateTime::fromString(value.toString(), Qt::ISODate);
    return result.toUTC();
}

QString nowTimestamp()
{
    return timestamp(QDateTime::currentDateTimeUtc());
}

QVariant optionalId(Id id)
{
    return id == 0 ? QVariant() : QVariant(id);
}

Id toId(const QVariant &value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

QVariant optional(std::optional<double> value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant optional(std::optional<int> value)
{
    return value ? QVariant(*value) : QVariant();
}

std::optional<double> toOptionalDouble(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

std::optional<int> toOptionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString currentUserName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

QString quoted(const QString &name)
{
    return QStringLiteral("“%1”").arg(name);
}

Error cannot(Action action, const QString &subject, const QString &name, const QString &problem)
{
    const QString verb = action == Action::Delete ? QStringLiteral("delete")
        : action == Action::Read                  ? QStringLiteral("read")
                                                  : QStringLiteral("save");
    QString message = QStringLiteral("Cannot %1 %2").arg(verb, subject);
    if (!name.trimmed().isEmpty())
        message += u' ' + quoted(name.trimmed());
    message += QStringLiteral(": ") + problem;
    if (!message.endsWith(u'.'))
        message += u'.';
    return Error {message};
}

QString plainProblem(const QString &databaseText, Action action)
{
    const QString text = databaseText.trimmed();
    // CHECK expressions are quoted as written in the schema, line breaks included.
    constexpr auto options = QRegularExpression::DotMatchesEverythingOption;
    static const QRegularExpression unique(QStringLiteral("^UNIQUE constraint failed: (.+)$"),
                                           options);
    static const QRegularExpression notNull(
        QStringLiteral("^NOT NULL constraint failed: \\w+\\.(\\w+)$"));
    static const QRegularExpression check(QStringLiteral("^CHECK constraint failed: (.+)$"),
                                          options);
    if (const auto match = unique.match(text); match.hasMatch())
        return uniqueProblem(match.captured(1));
    if (const auto match = notNull.match(text); match.hasMatch())
        return QStringLiteral("the %1 is missing").arg(labelFor(match.captured(1)));
    if (const auto match = check.match(text); match.hasMatch())
        return checkProblem(match.captured(1));
    if (text.startsWith(u"FOREIGN KEY constraint failed")) {
        return action == Action::Delete ? QStringLiteral("other records still refer to it")
                                        : QStringLiteral("a record it refers to does not exist");
    }
    if (text.contains(u"database is locked") || text.contains(u"database table is locked")
        || text.contains(u"database is busy")) {
        return QStringLiteral("someone else is using this plan right now; try again in a moment");
    }
    if (text.contains(u"readonly database"))
        return QStringLiteral("the plan file is read-only");
    if (text.contains(u"disk is full"))
        return QStringLiteral("the disk is full");
    if (text.contains(u"disk I/O error"))
        return QStringLiteral("the plan file could not be written (a disk or network error)");
    return text.isEmpty() ? QStringLiteral("the database reported an unknown error") : text;
}

QString withFilter(const char *statement, const char *filter)
{
    return QString::fromUtf8(statement).arg(QLatin1String(filter));
}

QString sql(const char *statement)
{
    return QString::fromUtf8(statement);
}

Result<void> select(QSqlDatabase db, const QString &sql, const QVariantList &values,
                    const std::function<void(const QSqlQuery &)> &onRow)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Error {plainProblem(errorText(query.lastError()), Action::Read)};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Error {plainProblem(errorText(query.lastError()), Action::Read)};
    while (query.next())
        onRow(query);
    // next() also stops on an error; finish() in any case so no read stays open.
    const QSqlError error = query.lastError();
    query.finish();
    if (error.isValid())
        return Error {plainProblem(errorText(error), Action::Read)};
    return {};
}

Result<QVariant> selectValue(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QVariant result;
    bool first = true;
    auto selected = select(db, sql, values, [&](const QSqlQuery &query) {
        if (first)
            result = query.value(0);
        first = false;
    });
    if (!selected)
        return Error {selected.error()};
    return result;
}

Result<bool> exists(QSqlDatabase db, const char *statement, const QVariant &value)
{
    auto found = selectValue(db, sql(statement), {value});
    if (!found)
        return Error {found.error()};
    return found.value().isValid();
}

Result<Written> write(QSqlDatabase db, const QString &sql, const QVariantList &values,
                      Action action)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return Error {plainProblem(errorText(query.lastError()), action)};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Error {plainProblem(errorText(query.lastError()), action)};
    Written written {query.lastInsertId().toLongLong(), query.numRowsAffected()};
    query.finish();
    return written;
}

Result<void> writeRows(QSqlDatabase db, const QString &sql, const QList<QVariantList> &rows,
                       Action action)
{
    if (rows.isEmpty())
        return {};
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return Error {plainProblem(errorText(query.lastError()), action)};
    for (const QVariantList &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            query.bindValue(i, row.at(i));
        if (!query.exec())
            return Error {plainProblem(errorText(query.lastError()), action)};
    }
    query.finish();
    return {};
}

Result<void> recordChanges(const HistoryContext &context, const QString &entity, Id id,
                           const Fields &before, const Fields &after)
{
    QList<QVariantList> rows;
    const qsizetype count = std::min(before.size(), after.size());
    for (qsizetype i = 0; i < count; ++i) {
        Q_ASSERT(before.at(i).field == after.at(i).field);
        if (before.at(i).value == after.at(i).value) // a null and an empty text are the same
            continue;
        rows.append({context.when, text(context.user), entity, id, after.at(i).field,
                     text(before.at(i).value), text(after.at(i).value)});
    }
    return writeRows(context.db, sql(insertChange), rows);
}

Result<void> recordEvent(const HistoryContext &context, const QString &entity, Id id,
                         const QString &field, const QString &oldValue, const QString &newValue)
{
    auto nullable
        = [](const QString &value) { return value.isNull() ? QVariant() : QVariant(value); };
    auto written = write(context.db, sql(insertChange),
                         {context.when, text(context.user), entity, id, field, nullable(oldValue),
                          nullable(newValue)});
    if (!written)
        return Error {written.error()};
    return {};
}

QString idText(Id id)
{
    return id == 0 ? QString() : QString::number(id);
}

QString idsText(const QList<Id> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (Id id : ids)
        parts.append(QString::number(id));
    return parts.join(u',');
}

QString flagText(bool value)
{
    return value ? QStringLiteral("1") : QStringLiteral("0");
}

QString optionalText(std::optional<double> value)
{
    return value ? number(*value) : QString();
}

QString optionalText(std::optional<int> value)
{
    return value ? QString::number(*value) : QString();
}

QString dateText(QDate value)
{
    return value.isValid() ? value.toString(isoDate) : QString();
}

QList<Id> normalisedIds(QList<Id> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace SqlUtil
