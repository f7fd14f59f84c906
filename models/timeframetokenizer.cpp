#include "timeframetokenizer.h"

#include <algorithm>

namespace TimeframeTokens {

namespace {

bool isDash(char16_t c)
{
    switch (c) {
    case u'-':
    case u'\u2010': // hyphen
    case u'\u2011': // non-breaking hyphen
    case u'\u2012': // figure dash
    case u'\u2013': // en dash
    case u'\u2014': // em dash
    case u'\u2015': // horizontal bar
    case u'\u2212': // minus sign
    case u'\uFE63': // small hyphen-minus
    case u'\uFF0D': // fullwidth hyphen-minus
        return true;
    default:
        return false;
    }
}

bool isSlash(char16_t c)
{
    return c == u'/' || c == u'\u2044' || c == u'\uFF0F';
}

// Punctuation that carries no meaning in a timeframe: brackets around notes, a trailing full
// stop, quotes and apostrophes ("12 months' notice").
bool isIgnorable(char16_t c)
{
    switch (c) {
    case u'(':
    case u')':
    case u'[':
    case u']':
    case u'{':
    case u'}':
    case u'.':
    case u':':
    case u';':
    case u'\'':
    case u'"':
    case u'\u2018':
    case u'\u2019':
    case u'\u201C':
    case u'\u201D':
        return true;
    default:
        return false;
    }
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == u'\u2019';
}

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// Zero-width spaces and byte order marks (Excel pastes) count as space.
bool isSpaceLike(QChar c)
{
    return c.isSpace() || c.category() == QChar::Other_Format;
}

// Length of the code point at i (2 for a valid surrogate pair) and whether it is part of a word.
qsizetype codePointAt(const QString &text, qsizetype i, bool *isWordChar)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        const char32_t ucs4 = QChar::surrogateToUcs4(c, text.at(i + 1));
        *isWordChar = QChar::isLetter(ucs4) || QChar::isMark(ucs4);
        return 2;
    }
    *isWordChar = c.isLetter() || c.isMark();
    return 1;
}

} // namespace

QList<Token> tokenize(const QString &raw)
{
    QList<Token> tokens;
    const qsizetype n = raw.size();
    bool gap = true;
    qsizetype i = 0;
    while (i < n) {
        const QChar c = raw.at(i);
        const char16_t u = c.unicode();
        if (isSpaceLike(c) || isIgnorable(u)) {
            gap = true;
            ++i;
            continue;
        }
        Token token;
        token.begin = i;
        token.spaceBefore = gap;
        gap = false;
        bool isWordChar = false;
        const qsizetype length = codePointAt(raw, i, &isWordChar);
        if (isAsciiDigit(u)) {
            qsizetype j = i;
            while (j < n && isAsciiDigit(raw.at(j).unicode()))
                ++j;
            token.kind = TokenKind::Number;
            token.digits = int(std::min<qsizetype>(j - i, 100));
            if (token.digits <= 4)
                token.value = QStringView(raw).mid(i, j - i).toInt();
            i = j;
        } else if (isDash(u)) {
            token.kind = TokenKind::Dash;
            ++i;
        } else if (isSlash(u)) {
            token.kind = TokenKind::Slash;
            ++i;
        } else if (u == u',' || u == u'&') {
            token.kind = TokenKind::Joiner;
            ++i;
        } else if (isWordChar) {
            qsizetype j = i + length;
            while (j < n) {
                bool wordChar = false;
                const qsizetype next = codePointAt(raw, j, &wordChar);
                if (!wordChar)
                    break;
                j += next;
            }
            token.kind = TokenKind::Word;
            token.word = QStringView(raw).mid(i, j - i).toString().toLower();
            i = j;
            // A possessive ("month's notice") belongs to its word.
            if (i + 1 < n && isApostrophe(raw.at(i).unicode()) && raw.at(i + 1).toLower() == u's'
                && (i + 2 == n || !raw.at(i + 2).isLetter())) {
                i += 2;
            }
        } else {
            token.kind = TokenKind::Symbol;
            i += length;
        }
        token.end = i;
        tokens.append(token);
    }
    return tokens;
}

} // namespace TimeframeTokens
