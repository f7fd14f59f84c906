#pragma once

// Private to the timeframe parser: splits free text into numbers, words and separators.

#include <QList>
#include <QString>

namespace TimeframeTokens {

enum class TokenKind { Number, Word, Dash, Slash, Joiner, Symbol };

struct Token
{
    TokenKind kind = TokenKind::Symbol;
    qsizetype begin = 0; // position in raw
    qsizetype end = 0;
    QString word; // Word: lower case
    int value = -1; // Number: its value when it has at most 4 digits
    int digits = 0; // Number: how many digits
    bool spaceBefore = true; // whitespace or ignorable punctuation before it (or start of text)
};

// Whitespace (including non-breaking and zero-width spaces) and meaningless punctuation
// (brackets, full stops, quotes) separate tokens and are dropped; every dash is a Dash.
QList<Token> tokenize(const QString &raw);

} // namespace TimeframeTokens
