#include "safefilename.h"

#include <QRegularExpression>

namespace {

bool isForbidden(char32_t c)
{
    switch (c) {
    case U'/': case U'\\': case U':': case U'*': case U'?':
    case U'"': case U'<': case U'>': case U'|':
        return true;
    default:
        return false;
    }
}

// Characters that show nothing or change how the rest is shown: control characters (C0, DEL,
// C1), format characters (bidi overrides, zero-width joiners, BOM), unpaired surrogates and
// non-characters.
bool isInvisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return QChar::isNonCharacter(c);
    }
}

bool isSpaceLike(char32_t c)
{
    return QChar::isSpace(c) || QChar::category(c) == QChar::Separator_Line
        || QChar::category(c) == QChar::Separator_Paragraph;
}

// Besides dots and spaces, a name never starts with - (read as an option by command-line
// tools) or = + @ (read as a formula when a spreadsheet opens the batch's index).
QString trimDotsAndSpaces(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    static const QString leading = QStringLiteral(". -=+@");
    while (begin < end && leading.contains(text.at(begin)))
        ++begin;
    while (end > begin && (text.at(end - 1) == u'.' || text.at(end - 1) == u' '))
        --end;
    return text.mid(begin, end - begin);
}

// The first maxLength code points that also fit in maxBytes of UTF-8.
QString truncated(const QString &text, int maxLength, int maxBytes)
{
    QString out;
    int characters = 0;
    int bytes = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype width = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString piece = text.mid(i, width);
        const int pieceBytes = int(piece.toUtf8().size());
        if (characters + 1 > maxLength || bytes + pieceBytes > maxBytes)
            break;
        out += piece;
        ++characters;
        bytes += pieceBytes;
        i += width;
    }
    return out;
}

} // namespace

namespace SafeFileName {

bool isReservedWindowsName(const QString &name)
{
    // Windows ignores everything from the first dot, and trailing spaces, when it decides
    // whether a name is a device: "CON.pdf" and "con .txt" are both the console.
    const QString stem = name.section(u'.', 0, 0).trimmed().toUpper();
    static const QRegularExpression reserved(
        QStringLiteral("^(CON|PRN|AUX|NUL|COM[1-9\u00B9\u00B2\u00B3]|LPT[1-9\u00B9\u00B2\u00B3])$"));
    return reserved.match(stem).hasMatch();
}

QString baseName(const QString &text, int maxLength)
{
    maxLength = qMax(1, maxLength);
    QString cleaned;
    cleaned.reserve(text.size());
    bool lastWasSpace = true; // drops leading spaces
    bool lastWasDot = false;
    const QList<uint> codePoints = text.normalized(QString::NormalizationForm_C).toUcs4();
    for (uint raw : codePoints) {
        const auto c = char32_t(raw);
        if (isForbidden(c) || isSpaceLike(c)) {
            if (!lastWasSpace)
                cleaned += u' ';
            lastWasSpace = true;
            lastWasDot = false;
            continue;
        }
        if (isInvisible(c))
            continue;
        if (c == U'.') {
            if (lastWasDot)
                continue;
            lastWasDot = true;
        } else {
            lastWasDot = false;
        }
        lastWasSpace = false;
        cleaned += QString::fromUcs4(&c, 1);
    }
    // Truncating can leave a dot or space at the end again, so trim after it too.
    QString name = trimDotsAndSpaces(cleaned);
    name = truncated(name, maxLength, maxUtf8Bytes);
    name = trimDotsAndSpaces(name);
    if (name.isEmpty())
        name = QLatin1String(fallbackName);
    if (isReservedWindowsName(name)) {
        const qsizetype dot = name.indexOf(u'.');
        if (dot < 0)
            name += u'_';
        else
            name.insert(dot, u'_');
    }
    return name;
}

} // namespace SafeFileName

SafeFileNamer::SafeFileNamer(QString extension)
    : m_extension(std::move(extension))
{
}

QString SafeFileNamer::key(const QString &fileName)
{
    return fileName.normalized(QString::NormalizationForm_C).toCaseFolded();
}

QString SafeFileNamer::take(const QString &text)
{
    const QString suffix = m_extension.isEmpty() ? QString() : u'.' + m_extension;
    // Leave room for " (999)" within the length limit.
    const QString base = SafeFileName::baseName(text, SafeFileName::defaultMaxLength - 6);
    QString candidate = base + suffix;
    for (int n = 2; isTaken(candidate); ++n)
        candidate = QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(suffix);
    m_taken.insert(key(candidate));
    return candidate;
}

void SafeFileNamer::reserve(const QString &fileName)
{
    m_taken.insert(key(fileName));
}

bool SafeFileNamer::isTaken(const QString &fileName) const
{
    return m_taken.contains(key(fileName));
}
