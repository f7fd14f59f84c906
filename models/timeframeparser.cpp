// The timeframe parser (brief §3). Free text is split into tokens by hand (no regular
// expressions: it runs over every row of an import), the tokens are read into dated periods
// and keywords, ranges are joined, and the result is checked. Anything it cannot read with
// confidence becomes needsReview with a reason; raw is never touched.

#include "timeframe.h"
#include "timeframetokenizer.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace {

using TimeframeTokens::Token;
using TimeframeTokens::tokenize;
using TimeframeTokens::TokenKind;

constexpr int minPlausibleYear = 2000;
constexpr int maxPlausibleYear = 2100;

// ---------------------------------------------------------------------------------------------
// Vocabulary

int monthNumber(const QString &word)
{
    static const std::array<QLatin1String, 12> full
        = {QLatin1String("january"), QLatin1String("february"), QLatin1String("march"),
           QLatin1String("april"),   QLatin1String("may"),      QLatin1String("june"),
           QLatin1String("july"),    QLatin1String("august"),   QLatin1String("september"),
           QLatin1String("october"), QLatin1String("november"), QLatin1String("december")};
    for (int m = 0; m < 12; ++m) {
        if (word == full[m] || (word.size() == 3 && full[m].startsWith(word)))
            return m + 1;
    }
    if (word == QLatin1String("sept"))
        return 9;
    return 0;
}

bool isOrdinalSuffix(const QString &word)
{
    return word == QLatin1String("st") || word == QLatin1String("nd") || word == QLatin1String("rd")
        || word == QLatin1String("th");
}

bool isDurationUnit(const QString &word)
{
    static const QStringList units
        = {QStringLiteral("day"),   QStringLiteral("days"),  QStringLiteral("week"),
           QStringLiteral("weeks"), QStringLiteral("month"), QStringLiteral("months"),
           QStringLiteral("year"),  QStringLiteral("years"), QStringLiteral("yr"),
           QStringLiteral("yrs")};
    return units.contains(word);
}

enum class Action {
    SubjectToFunding,
    Phased,
    ToBeConfirmed,
    Annual,
    From,
    By,
    OpenAfter, // "onwards", "and beyond": must follow a date
    Ongoing, // "ongoing", "continual": anywhere
    Joiner,
    Filler,
    Duration,
};

struct Phrase
{
    QStringList words;
    Action action;
};

const QList<Phrase> &phrases()
{
    static const QList<Phrase> list = [] {
        QList<Phrase> p;
        auto add = [&p](std::initializer_list<const char *> words, Action action) {
            QStringList list;
            for (const char *word : words)
                list << QString::fromLatin1(word);
            p.append({list, action});
        };
        add({"subject", "to", "funding"}, Action::SubjectToFunding);
        add({"phased"}, Action::Phased);
        for (const char *word : {"tbc", "tbd", "tba"})
            add({word}, Action::ToBeConfirmed);
        for (const char *word : {"confirmed", "determined", "agreed", "decided"})
            add({"to", "be", word}, Action::ToBeConfirmed);
        add({"reviewed", "annually"}, Action::Annual);
        add({"review", "annually"}, Action::Annual);
        add({"reviewed", "yearly"}, Action::Annual);
        add({"annual", "review"}, Action::Annual);
        add({"annually", "reviewed"}, Action::Annual);
        for (const char *word : {"annually", "annual", "yearly"})
            add({word}, Action::Annual);
        for (const char *word : {"from", "starting", "commencing", "beginning"}) {
            add({word}, Action::From);
            add({word, "from"}, Action::From);
        }
        add({"by"}, Action::By);
        add({"no", "later", "than"}, Action::By);
        add({"not", "later", "than"}, Action::By);
        for (const char *word : {"onwards", "onward", "beyond"}) {
            add({word}, Action::OpenAfter);
            add({"and", word}, Action::OpenAfter);
        }
        for (const char *word : {"ongoing", "continual", "continuing", "continuous"}) {
            add({word}, Action::Ongoing);
            add({"and", word}, Action::Ongoing);
        }
        add({"on", "going"}, Action::Ongoing);
        add({"and", "on", "going"}, Action::Ongoing);
        add({"and"}, Action::Joiner);
        for (const char *word :
             {"timeframe", "timeframes", "timescale", "timescales", "time", "frame", "is",
              "are",       "the",        "fy",        "financial",  "year", "in",    "during",
              "of",        "for",        "over",      "work",       "will", "be"})
            add({word}, Action::Filler);
        for (const char *word :
             {"notice", "extension", "within", "days", "weeks", "months", "years"})
            add({word}, Action::Duration);
        // Longest first, so "and beyond" wins over "and".
        std::stable_sort(p.begin(), p.end(), [](const Phrase &a, const Phrase &b) {
            return a.words.size() > b.words.size();
        });
        return p;
    }();
    return list;
}

// ---------------------------------------------------------------------------------------------
// Items: what the tokens were read as

enum class PeriodKind {
    LoneYear, // "2026": financial year 2026/27
    YearPair, // "2026-29", "2026/27": 1 April A to 31 March B
    Month, // "October 2026"
    MonthNoYear, // "April" in "April – June 2026"; needs the year of the other end
    Day, // "1 April 2027"
    Quarter, // "Q3 2026/27"
    Range, // two periods joined by a dash or "to"
};

enum class ItemKind { Period, RangeSep, Joiner, From, By, OpenAfter, Ongoing, Leftover, Duration };

struct Item
{
    ItemKind kind = ItemKind::Leftover;
    qsizetype begin = 0; // span in raw, for messages
    qsizetype end = 0;
    PeriodKind periodKind = PeriodKind::LoneYear;
    QDate firstDay; // the period's dates
    QDate lastDay;
    int month = 0; // MonthNoYear
    int year = 0; // LoneYear: the year as written
    // More than one financial year, or written with "to": "from" before it keeps its end.
    bool explicitRange = false;
};

QString dateText(QDate date)
{
    return date.toString(QStringLiteral("d MMMM yyyy"));
}

class Parser
{
public:
    explicit Parser(const QString &raw)
        : m_raw(raw)
        , m_tokens(tokenize(raw))
    {
    }

    Timeframe run();

private:
    // A piece of raw for a message, cut short so that a reason stays one short sentence.
    QString text(qsizetype begin, qsizetype end) const
    {
        constexpr qsizetype maxLength = 40;
        QString piece = m_raw.mid(begin, std::min(end - begin, maxLength + 1)).simplified();
        if (end - begin > maxLength || piece.size() > maxLength)
            piece = piece.left(maxLength - 1) + QChar(0x2026);
        return piece;
    }
    QString tokenText(qsizetype i) const { return text(m_tokens.at(i).begin, m_tokens.at(i).end); }
    const Token *tokenAt(qsizetype i) const
    {
        return i < m_tokens.size() ? &m_tokens.at(i) : nullptr;
    }
    bool isWord(qsizetype i, QLatin1String word) const
    {
        const Token *t = tokenAt(i);
        return t && t->kind == TokenKind::Word && t->word == word;
    }
    bool isNumber(qsizetype i, int digits = 0) const
    {
        const Token *t = tokenAt(i);
        return t && t->kind == TokenKind::Number && (digits == 0 || t->digits == digits);
    }

    void fail(const QString &reason)
    {
        if (m_error.isEmpty())
            m_error = reason;
    }
    void warn(const QString &reason)
    {
        if (!m_warnings.contains(reason))
            m_warnings << reason;
    }
    void addItem(ItemKind kind, qsizetype firstToken, qsizetype lastToken)
    {
        Item item;
        item.kind = kind;
        item.begin = m_tokens.at(firstToken).begin;
        item.end = m_tokens.at(lastToken).end;
        m_items.append(item);
    }
    void addPeriod(PeriodKind kind, QDate start, QDate end, qsizetype firstToken,
                   qsizetype lastToken)
    {
        Item item;
        item.kind = ItemKind::Period;
        item.periodKind = kind;
        item.firstDay = start;
        item.lastDay = end;
        item.begin = m_tokens.at(firstToken).begin;
        item.end = m_tokens.at(lastToken).end;
        m_items.append(item);
    }

    qsizetype readNumber(qsizetype i);
    qsizetype readDay(qsizetype i);
    qsizetype readNumericDate(qsizetype i);
    qsizetype readYears(qsizetype i);
    qsizetype readWord(qsizetype i);
    qsizetype readMonth(qsizetype i, int month);
    qsizetype readQuarter(qsizetype i);
    bool yearValue(qsizetype i, const char *role, int *year);
    void joinRanges();
    void assemble(Timeframe &result);
    QString leftoverText() const;

    const QString &m_raw;
    QList<Token> m_tokens;
    QList<Item> m_items;
    QString m_error; // the first thing that makes the dates unreadable
    QStringList m_warnings; // dates kept, but someone should look
    Timeframe::Flags m_flags;
    bool m_annual = false;
};

// A 2- or 4-digit year at token i, two-digit years being 20xx. role: "start ", "end " or "".
bool Parser::yearValue(qsizetype i, const char *role, int *year)
{
    const Token &t = m_tokens.at(i);
    if (t.digits == 2) {
        *year = 2000 + t.value;
        return true;
    }
    if (t.digits != 4) {
        fail(QStringLiteral("'%1' is not a year").arg(tokenText(i)));
        return false;
    }
    if (t.value < minPlausibleYear || t.value > maxPlausibleYear) {
        fail(QStringLiteral("%1year %2 is not plausible").arg(QLatin1String(role)).arg(t.value));
        return false;
    }
    *year = t.value;
    return true;
}

qsizetype Parser::readNumber(qsizetype i)
{
    // Two numbers with nothing but space between them ("2020 27"): a separator is missing, and
    // which one is anyone's guess.
    if (i > 0 && m_tokens.at(i - 1).kind == TokenKind::Number && !m_items.isEmpty()
        && m_items.last().end == m_tokens.at(i - 1).end) {
        fail(QStringLiteral("%1 and %2 have no dash, slash or 'to' between them")
                 .arg(text(m_items.last().begin, m_items.last().end), tokenText(i)));
    }
    const Token &t = m_tokens.at(i);
    if (t.digits <= 2) {
        if (const qsizetype next = readDay(i); next != i)
            return next;
    }
    if (const qsizetype next = readNumericDate(i); next != i)
        return next;
    if (t.digits <= 3) {
        // "12 months' notice", "6-month extension": a length of time, not a date.
        qsizetype j = i + 1;
        if (const Token *dash = tokenAt(j);
            dash && dash->kind == TokenKind::Dash && !dash->spaceBefore)
            ++j;
        if (const Token *unit = tokenAt(j);
            unit && unit->kind == TokenKind::Word && isDurationUnit(unit->word)) {
            addItem(ItemKind::Duration, i, j);
            return j + 1;
        }
    }
    return readYears(i);
}

// "1 April 2027", "31st March 2027", "1st of April 2027".
qsizetype Parser::readDay(qsizetype i)
{
    qsizetype j = i + 1;
    bool ordinal = false;
    if (const Token *t = tokenAt(j);
        t && t->kind == TokenKind::Word && !t->spaceBefore && isOrdinalSuffix(t->word)) {
        ordinal = true;
        ++j;
    }
    if (isWord(j, QLatin1String("of")))
        ++j;
    const Token *monthToken = tokenAt(j);
    const int month
        = monthToken && monthToken->kind == TokenKind::Word ? monthNumber(monthToken->word) : 0;
    if (month == 0) {
        if (ordinal) {
            fail(QStringLiteral("'%1' is not followed by a month")
                     .arg(text(m_tokens.at(i).begin, m_tokens.at(i + 1).end)));
            return i + 2;
        }
        return i;
    }
    if (!isNumber(j + 1, 4)) {
        fail(QStringLiteral("'%1' has no year").arg(text(m_tokens.at(i).begin, monthToken->end)));
        return j + 1;
    }
    int year = 0;
    if (!yearValue(j + 1, "", &year))
        return j + 2;
    const QDate date(year, month, m_tokens.at(i).value);
    if (!date.isValid()) {
        fail(QStringLiteral("'%1' is not a date")
                 .arg(text(m_tokens.at(i).begin, m_tokens.at(j + 1).end)));
        return j + 2;
    }
    addPeriod(PeriodKind::Day, date, date, i, j + 1);
    return j + 2;
}

// "2027-03-31" and "31/03/2027", written without spaces.
qsizetype Parser::readNumericDate(qsizetype i)
{
    if (i + 4 >= m_tokens.size())
        return i;
    const Token &a = m_tokens.at(i);
    const Token &sep1 = m_tokens.at(i + 1);
    const Token &b = m_tokens.at(i + 2);
    const Token &sep2 = m_tokens.at(i + 3);
    const Token &c = m_tokens.at(i + 4);
    const bool adjacent
        = !sep1.spaceBefore && !b.spaceBefore && !sep2.spaceBefore && !c.spaceBefore;
    const bool numbers = b.kind == TokenKind::Number && c.kind == TokenKind::Number;
    const bool sameSeparator
        = sep1.kind == sep2.kind && (sep1.kind == TokenKind::Dash || sep1.kind == TokenKind::Slash);
    if (!adjacent || !numbers || !sameSeparator)
        return i;
    QDate date;
    if (a.digits == 4 && sep1.kind == TokenKind::Dash && b.digits <= 2 && c.digits <= 2) {
        date = QDate(a.value, b.value, c.value);
    } else if (a.digits <= 2 && b.digits <= 2 && c.digits == 4) {
        date = QDate(c.value, b.value, a.value); // day first, as written in the UK
    } else {
        return i;
    }
    if (!date.isValid()) {
        fail(QStringLiteral("'%1' is not a date").arg(text(a.begin, c.end)));
        return i + 5;
    }
    if (date.year() < minPlausibleYear || date.year() > maxPlausibleYear) {
        fail(QStringLiteral("year %1 is not plausible").arg(date.year()));
        return i + 5;
    }
    addPeriod(PeriodKind::Day, date, date, i, i + 4);
    return i + 5;
}

// "2026", "2026-29", "2026/27", "26/27", "2026 to 2029".
qsizetype Parser::readYears(qsizetype i)
{
    const Token &first = m_tokens.at(i);
    const Token *sep = tokenAt(i + 1);
    const bool hasSeparator = sep
        && (sep->kind == TokenKind::Dash || sep->kind == TokenKind::Slash
            || (sep->kind == TokenKind::Word && sep->word == QLatin1String("to")));
    // In "2026 – 2027/28" the second number starts a financial year of its own.
    const bool secondStartsYear = sep && sep->kind != TokenKind::Slash && isNumber(i + 2)
        && tokenAt(i + 3) && m_tokens.at(i + 3).kind == TokenKind::Slash
        && !m_tokens.at(i + 3).spaceBefore && isNumber(i + 4) && !m_tokens.at(i + 4).spaceBefore;
    if (hasSeparator && isNumber(i + 2) && !secondStartsYear) {
        int startYear = 0;
        int endYear = 0;
        if (!yearValue(i, "start ", &startYear) || !yearValue(i + 2, "end ", &endYear))
            return i + 3;
        if (endYear <= startYear) {
            fail(QStringLiteral("end year %1 is not after start year %2")
                     .arg(endYear)
                     .arg(startYear));
            return i + 3;
        }
        addPeriod(PeriodKind::YearPair, QDate(startYear, 4, 1), QDate(endYear, 3, 31), i, i + 2);
        m_items.last().explicitRange = endYear != startYear + 1 || sep->kind == TokenKind::Word;
        return i + 3;
    }
    if (sep && sep->kind == TokenKind::Symbol && isNumber(i + 2)) {
        // "2026=2027": a typo for a dash, or something else; not ours to decide.
        fail(QStringLiteral("'%1' between %2 and %3 is not a separator")
                 .arg(tokenText(i + 1), tokenText(i), tokenText(i + 2)));
        return i + 3;
    }
    if (first.digits == 2) {
        fail(QStringLiteral("'%1' on its own is not a year").arg(tokenText(i)));
        return i + 1;
    }
    int year = 0;
    if (!yearValue(i, "", &year))
        return i + 1;
    addPeriod(PeriodKind::LoneYear, QDate(year, 4, 1), QDate(year + 1, 3, 31), i, i);
    m_items.last().year = year;
    return i + 1;
}

// "October 2026", "Oct-2026", "April 1st 2027", or a month waiting for the year of a range's
// other end ("April – June 2026").
qsizetype Parser::readMonth(qsizetype i, int month)
{
    qsizetype j = i + 1;
    if (const Token *t = tokenAt(j);
        t && t->kind == TokenKind::Dash && !t->spaceBefore && isNumber(j + 1, 4))
        ++j;
    if (isNumber(j, 4)) {
        int year = 0;
        if (!yearValue(j, "", &year))
            return j + 1;
        const QDate start(year, month, 1);
        addPeriod(PeriodKind::Month, start, QDate(year, month, start.daysInMonth()), i, j);
        return j + 1;
    }
    if (isNumber(j) && m_tokens.at(j).digits <= 2) {
        qsizetype k = j + 1;
        if (const Token *t = tokenAt(k);
            t && t->kind == TokenKind::Word && !t->spaceBefore && isOrdinalSuffix(t->word))
            ++k;
        if (const Token *t = tokenAt(k);
            t && t->kind == TokenKind::Joiner && m_raw.at(t->begin) == u',')
            ++k;
        if (!isNumber(k, 4)) {
            // "April 26": the 26th, or 2026?
            fail(QStringLiteral("'%1' is ambiguous: write the year in full")
                     .arg(text(m_tokens.at(i).begin, m_tokens.at(j).end)));
            return j + 1;
        }
        int year = 0;
        if (!yearValue(k, "", &year))
            return k + 1;
        const QDate date(year, month, m_tokens.at(j).value);
        if (!date.isValid()) {
            fail(QStringLiteral("'%1' is not a date")
                     .arg(text(m_tokens.at(i).begin, m_tokens.at(k).end)));
            return k + 1;
        }
        addPeriod(PeriodKind::Day, date, date, i, k);
        return k + 1;
    }
    addPeriod(PeriodKind::MonthNoYear, {}, {}, i, i);
    m_items.last().month = month;
    return i + 1;
}

// "Q3 2026/27": NHS quarters run from April.
qsizetype Parser::readQuarter(qsizetype i)
{
    const int quarter = m_tokens.at(i + 1).value;
    qsizetype j = i + 2;
    if (isWord(j, QLatin1String("fy")))
        ++j;
    const qsizetype itemsBefore = m_items.size();
    const QString errorBefore = m_error;
    const qsizetype next = isNumber(j) ? readYears(j) : j;
    const bool gotFinancialYear = m_items.size() == itemsBefore + 1 && m_error == errorBefore
        && m_items.last().periodKind == PeriodKind::YearPair && !m_items.last().explicitRange;
    if (!gotFinancialYear) {
        if (m_items.size() > itemsBefore)
            m_items.resize(itemsBefore);
        fail(QStringLiteral("'%1' needs a financial year such as 2026/27")
                 .arg(text(m_tokens.at(i).begin, m_tokens.at(i + 1).end)));
        return std::max(next, i + 2);
    }
    Item &item = m_items.last();
    const QDate start = item.firstDay.addMonths(3 * (quarter - 1));
    item.periodKind = PeriodKind::Quarter;
    item.firstDay = start;
    item.lastDay = start.addMonths(3).addDays(-1);
    item.begin = m_tokens.at(i).begin;
    return next;
}

qsizetype Parser::readWord(qsizetype i)
{
    const Token &t = m_tokens.at(i);
    if (const int month = monthNumber(t.word))
        return readMonth(i, month);
    if (t.word == QLatin1String("q") && isNumber(i + 1, 1) && !m_tokens.at(i + 1).spaceBefore
        && m_tokens.at(i + 1).value >= 1 && m_tokens.at(i + 1).value <= 4) {
        return readQuarter(i);
    }

    for (const Phrase &phrase : phrases()) {
        qsizetype j = i;
        bool matched = true;
        for (const QString &word : phrase.words) {
            // "on-going": a hyphen inside a phrase, with no space around it.
            if (j != i && tokenAt(j) && m_tokens.at(j).kind == TokenKind::Dash
                && !m_tokens.at(j).spaceBefore && tokenAt(j + 1)
                && !m_tokens.at(j + 1).spaceBefore) {
                ++j;
            }
            const Token *w = tokenAt(j);
            if (!w || w->kind != TokenKind::Word || w->word != word) {
                matched = false;
                break;
            }
            ++j;
        }
        if (!matched)
            continue;
        switch (phrase.action) {
        case Action::SubjectToFunding:
            m_flags |= Timeframe::SubjectToFunding;
            break;
        case Action::Phased:
            m_flags |= Timeframe::Phased;
            break;
        case Action::ToBeConfirmed:
            m_flags |= Timeframe::ToBeConfirmed;
            break;
        case Action::Annual:
            m_annual = true;
            break;
        case Action::From:
            addItem(ItemKind::From, i, j - 1);
            break;
        case Action::By:
            addItem(ItemKind::By, i, j - 1);
            break;
        case Action::OpenAfter:
            addItem(ItemKind::OpenAfter, i, j - 1);
            break;
        case Action::Ongoing:
            addItem(ItemKind::Ongoing, i, j - 1);
            break;
        case Action::Joiner:
            addItem(ItemKind::Joiner, i, j - 1);
            break;
        case Action::Duration:
            addItem(ItemKind::Duration, i, j - 1);
            break;
        case Action::Filler:
            break;
        }
        return j;
    }

    const bool afterPeriod = !m_items.isEmpty() && m_items.last().kind == ItemKind::Period;
    if (t.word == QLatin1String("to") && afterPeriod) {
        addItem(ItemKind::RangeSep, i, i);
    } else if (t.word == QLatin1String("until") || t.word == QLatin1String("till")) {
        // "April 2026 until March 2027" is a range; "until March 2027" a deadline.
        addItem(afterPeriod ? ItemKind::RangeSep : ItemKind::By, i, i);
    } else {
        addItem(ItemKind::Leftover, i, i);
    }
    return i + 1;
}

// Joins "period separator period" into one range.
void Parser::joinRanges()
{
    QList<Item> out;
    out.reserve(m_items.size());
    for (const Item &item : std::as_const(m_items)) {
        const bool joins = item.kind == ItemKind::Period && out.size() >= 2
            && out.last().kind == ItemKind::RangeSep
            && out.at(out.size() - 2).kind == ItemKind::Period;
        if (!joins) {
            out.append(item);
            continue;
        }
        out.removeLast(); // the separator
        Item &left = out.last();
        const Item &right = item;
        const QString whole = text(left.begin, right.end);
        if (left.periodKind == PeriodKind::Range || left.explicitRange || right.explicitRange) {
            fail(QStringLiteral("'%1' joins more than two dates").arg(whole));
            continue;
        }
        if (right.periodKind == PeriodKind::MonthNoYear) {
            fail(QStringLiteral("'%1' has no year").arg(text(right.begin, right.end)));
            continue;
        }
        QDate start = left.firstDay;
        if (left.periodKind == PeriodKind::MonthNoYear) {
            if (right.periodKind != PeriodKind::Month && right.periodKind != PeriodKind::Day) {
                fail(QStringLiteral("'%1' has no year").arg(text(left.begin, left.end)));
                continue;
            }
            start = QDate(right.lastDay.year(), left.month, 1);
        }
        QDate end = right.lastDay;
        if (right.periodKind == PeriodKind::LoneYear) {
            // "A-B" runs to 31 March B; after anything but a year, a bare year could also mean
            // the whole financial year B/B+1.
            end = QDate(right.year, 3, 31);
            if (left.periodKind != PeriodKind::LoneYear)
                warn(QStringLiteral(
                         "'%1' at the end of '%2' could mean 31 March %1 or the whole year %1/%3")
                         .arg(right.year)
                         .arg(whole)
                         .arg((right.year + 1) % 100, 2, 10, QLatin1Char('0')));
        }
        if (end < start) {
            fail(QStringLiteral("'%1' ends (%2) before it starts (%3)")
                     .arg(whole, dateText(end), dateText(start)));
            continue;
        }
        left.periodKind = PeriodKind::Range;
        left.firstDay = start;
        left.lastDay = end;
        left.end = right.end;
        left.explicitRange = true;
    }
    // A month name left without a year: next to other dates it is more likely a word ("may
    // slip") than a date, so the dates stay and the word is reported; alone it is an error.
    const bool hasDates = std::any_of(out.cbegin(), out.cend(), [](const Item &item) {
        return item.kind == ItemKind::Period && item.periodKind != PeriodKind::MonthNoYear;
    });
    for (Item &item : out) {
        if (item.kind != ItemKind::Period || item.periodKind != PeriodKind::MonthNoYear)
            continue;
        if (hasDates)
            item.kind = ItemKind::Leftover;
        else
            fail(QStringLiteral("'%1' has no year").arg(text(item.begin, item.end)));
    }
    m_items = out;
}

QString Parser::leftoverText() const
{
    // Neighbouring leftovers read as one phrase; a long list is cut short.
    constexpr int maxGroups = 3;
    QStringList groups;
    qsizetype groupBegin = -1;
    qsizetype groupEnd = -1;
    bool more = false;
    auto flush = [&] {
        if (groupBegin < 0)
            return;
        if (groups.size() == maxGroups) {
            more = true;
        } else {
            groups << QStringLiteral("'%1'").arg(text(groupBegin, groupEnd));
        }
        groupBegin = -1;
    };
    for (const Item &item : m_items) {
        const bool leftover = item.kind == ItemKind::Leftover || item.kind == ItemKind::Duration
            || item.kind == ItemKind::RangeSep;
        if (leftover) {
            if (groupBegin < 0)
                groupBegin = item.begin;
            groupEnd = item.end;
        } else {
            flush();
        }
    }
    flush();
    if (more)
        groups << QStringLiteral("…");
    return groups.join(QStringLiteral(", "));
}

void Parser::assemble(Timeframe &result)
{
    QList<const Item *> periods;
    const Item *pending = nullptr; // "from"/"by" waiting for its date
    bool previousWasPeriod = false;
    bool open = false;
    bool ongoing = false;
    bool deadline = false;
    bool hasDuration = false;
    bool hasLeftover = false;

    for (const Item &item : std::as_const(m_items)) {
        switch (item.kind) {
        case ItemKind::Period:
            if (previousWasPeriod) {
                fail(QStringLiteral("'%1' and '%2' are not joined by 'and' or a dash")
                         .arg(text(periods.last()->begin, periods.last()->end),
                              text(item.begin, item.end)));
            }
            if (pending && pending->kind == ItemKind::From && !item.explicitRange)
                open = true; // "from 2026/27"; "from April 2026 to March 2027" keeps its end
            if (pending && pending->kind == ItemKind::By)
                deadline = true;
            pending = nullptr;
            periods.append(&item);
            break;
        case ItemKind::From:
        case ItemKind::By:
            if (pending)
                fail(QStringLiteral("'%1' is not followed by a date")
                         .arg(text(pending->begin, pending->end)));
            pending = &item;
            break;
        case ItemKind::OpenAfter:
            if (periods.isEmpty())
                fail(QStringLiteral("'%1' does not follow a date").arg(text(item.begin, item.end)));
            open = true;
            break;
        case ItemKind::Ongoing:
            ongoing = true;
            break;
        case ItemKind::Joiner:
            break;
        case ItemKind::Duration:
            hasDuration = true;
            hasLeftover = true;
            break;
        case ItemKind::RangeSep:
        case ItemKind::Leftover:
            hasLeftover = true;
            break;
        }
        previousWasPeriod = item.kind == ItemKind::Period;
    }
    if (pending)
        fail(QStringLiteral("'%1' is not followed by a date")
                 .arg(text(pending->begin, pending->end)));
    if (deadline && (open || ongoing))
        fail(QStringLiteral("a deadline ('by') cannot also be open-ended"));

    result.flags = m_flags;
    result.review = m_annual ? Timeframe::Review::Annual : Timeframe::Review::None;
    const bool toBeConfirmed = m_flags.testFlag(Timeframe::ToBeConfirmed);
    const QString toBeConfirmedReason = QStringLiteral("the timeframe is to be confirmed");

    if (!m_error.isEmpty()) {
        result.needsReview = true;
        result.reason = m_error;
        return;
    }

    if (!periods.isEmpty()) {
        // Pieces joined by "and" cover all of them: first start to last end.
        QDate start = periods.first()->firstDay;
        QDate end = periods.first()->lastDay;
        for (const Item *period : std::as_const(periods)) {
            start = std::min(start, period->firstDay);
            end = std::max(end, period->lastDay);
        }
        result.start = deadline ? QDate() : start;
        result.end = (open || ongoing) ? QDate() : end;
        result.openEnded = open || ongoing;
    } else if (ongoing) {
        result.openEnded = true; // bare "Ongoing": already running, open at both ends
    } else {
        result.needsReview = true;
        if (hasDuration)
            result.reason = QStringLiteral("names a duration or notice, not a timeframe");
        else if (toBeConfirmed)
            result.reason = toBeConfirmedReason;
        else if (hasLeftover)
            result.reason = QStringLiteral("%1 is not a timeframe").arg(leftoverText());
        else
            result.reason = QStringLiteral("gives no dates");
        return;
    }

    QStringList reasons;
    if (toBeConfirmed)
        reasons << toBeConfirmedReason;
    reasons << m_warnings;
    if (hasLeftover)
        reasons << QStringLiteral("did not understand %1").arg(leftoverText());
    result.needsReview = !reasons.isEmpty();
    result.reason = reasons.join(QStringLiteral("; "));
}

Timeframe Parser::run()
{
    Timeframe result;
    result.raw = m_raw;
    if (m_raw.trimmed().isEmpty())
        return result; // not set: not an error

    qsizetype i = 0;
    while (i < m_tokens.size()) {
        switch (m_tokens.at(i).kind) {
        case TokenKind::Number:
            i = readNumber(i);
            break;
        case TokenKind::Word:
            i = readWord(i);
            break;
        case TokenKind::Dash:
        case TokenKind::Slash:
            addItem(ItemKind::RangeSep, i, i);
            ++i;
            break;
        case TokenKind::Joiner:
            addItem(ItemKind::Joiner, i, i);
            ++i;
            break;
        case TokenKind::Symbol:
            addItem(ItemKind::Leftover, i, i);
            ++i;
            break;
        }
    }
    joinRanges();
    assemble(result);
    return result;
}

} // namespace

namespace TimeframeParser {

Timeframe parse(const QString &raw)
{
    return Parser(raw).run();
}

} // namespace TimeframeParser
