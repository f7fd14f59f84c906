#include "csvreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <cstring>

namespace {

Error lineError(int line, const QString &what)
{
    return Error{QStringLiteral("line %1: %2").arg(line).arg(what)};
}

// Offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms,
// no surrogates, nothing above U+10FFFF), or -1 when the whole buffer is valid.
qsizetype firstInvalidUtf8(const unsigned char *p, qsizetype size)
{
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned char min = 0x80, max = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0)
                min = 0xA0; // overlong
            else if (c == 0xED)
                max = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0)
                min = 0x90; // overlong
            else if (c == 0xF4)
                max = 0x8F; // above U+10FFFF
        } else {
            return i;
        }
        if (i + extra >= size)
            return i;
        if (p[i + 1] < min || p[i + 1] > max)
            return i;
        for (int k = 2; k <= extra; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        }
        i += extra + 1;
    }
    return -1;
}

// Physical line of an offset: LF, CRLF and a lone CR each end a line.
int lineAt(const char *p, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= offset || p[i + 1] != '\n')))
            ++line;
    }
    return line;
}

QString describeByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F)
        return QStringLiteral("“%1”").arg(QChar::fromLatin1(c));
    return QStringLiteral("byte 0x%1").arg(u, 2, 16, QLatin1Char('0'));
}

class Parser
{
public:
    Parser(const char *data, qsizetype size)
        : m_p(data)
        , m_end(data + size)
    {
    }

    Result<CsvTable> parse();

private:
    bool atLineEnd() const { return m_p < m_end && (*m_p == '\n' || *m_p == '\r'); }
    void consumeLineEnd()
    {
        if (*m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n')
            ++m_p;
        ++m_p;
        ++m_line;
    }
    // Reads one record starting at m_p (not at a line end); leaves m_p after its line end.
    std::optional<Error> readRecord(QStringList &fields);

    const char *m_p;
    const char *m_end;
    int m_line = 1;
    QByteArray m_buffer; // reused for quoted fields with doubled quotes
};

std::optional<Error> Parser::readRecord(QStringList &fields)
{
    fields.clear();
    for (;;) {
        const int fieldNumber = int(fields.size()) + 1;
        if (m_p < m_end && *m_p == '"') {
            const int openedOn = m_line;
            ++m_p;
            m_buffer.clear();
            for (;;) {
                const char *quote
                    = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
                if (!quote) {
                    return lineError(openedOn,
                                     QStringLiteral("field %1 opens a quote that is never closed "
                                                    "(unterminated quoted field)")
                                         .arg(fieldNumber));
                }
                m_line += lineAt(m_p, quote - m_p) - 1; // line ends inside the quotes
                m_buffer.append(m_p, quote - m_p);
                m_p = quote + 1;
                if (m_p < m_end && *m_p == '"') { // a doubled quote is one quote character
                    m_buffer.append('"');
                    ++m_p;
                    continue;
                }
                break;
            }
            fields.append(QString::fromUtf8(m_buffer));
            if (m_p < m_end && *m_p != ',' && !atLineEnd()) {
                return lineError(m_line,
                                 QStringLiteral("field %1: %2 after the closing quote; a quoted "
                                                "field must end at a comma or the end of the line "
                                                "(write a quote inside a quoted field as \"\")")
                                     .arg(fieldNumber)
                                     .arg(describeByte(*m_p)));
            }
        } else {
            const char *start = m_p;
            while (m_p < m_end && *m_p != ',' && *m_p != '\n' && *m_p != '\r') {
                if (*m_p == '"') {
                    return lineError(m_line,
                                     QStringLiteral("field %1: stray quote in an unquoted field; "
                                                    "quote the whole field and double the quote "
                                                    "inside it (\"…\"\"…\")")
                                         .arg(fieldNumber));
                }
                ++m_p;
            }
            fields.append(QString::fromUtf8(start, m_p - start));
        }
        if (m_p >= m_end)
            return std::nullopt;
        if (*m_p == ',') {
            ++m_p;
            continue; // a comma at the end of a line or file leaves one more (empty) field
        }
        consumeLineEnd();
        return std::nullopt;
    }
}

Result<CsvTable> Parser::parse()
{
    CsvTable table;
    bool blank = true;
    for (const char *q = m_p; q < m_end; ++q) {
        if (*q != ' ' && *q != '\t' && *q != '\r' && *q != '\n') {
            blank = false;
            break;
        }
    }
    if (blank)
        return Error{QStringLiteral("the file is empty; expected a header line and rows")};
    if (atLineEnd())
        return lineError(1, QStringLiteral("no header: the first line is empty"));

    QStringList fields;
    if (auto error = readRecord(fields))
        return *error;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields.at(i).trimmed().isEmpty()) {
            return lineError(
                1, QStringLiteral("no header: column %1 of the first line has no name").arg(i + 1));
        }
    }
    table.header = fields;

    while (m_p < m_end) {
        if (atLineEnd()) { // a blank line
            consumeLineEnd();
            continue;
        }
        const int line = m_line;
        if (auto error = readRecord(fields))
            return *error;
        if (fields.size() != table.header.size()) {
            return lineError(line,
                             QStringLiteral("%1 fields, but the header has %2 columns")
                                 .arg(fields.size())
                                 .arg(table.header.size()));
        }
        table.rows.append(fields);
        table.rowLines.append(line);
    }
    return table;
}

} // namespace

int CsvTable::column(QStringView name) const
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (QStringView(header.at(i)).trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

namespace CsvReader {

Result<CsvTable> read(const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype size = bytes.size();
    if (size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    const qsizetype invalid = firstInvalidUtf8(reinterpret_cast<const unsigned char *>(data), size);
    if (invalid >= 0) {
        return lineError(lineAt(data, invalid),
                         QStringLiteral("the text is not valid UTF-8 (%1). Save the file as "
                                        "“CSV UTF-8” and try again")
                             .arg(describeByte(data[invalid])));
    }
    if (const void *nul = std::memchr(data, '\0', size_t(size))) {
        return lineError(lineAt(data, static_cast<const char *>(nul) - data),
                         QStringLiteral("the file contains a NUL byte; it is not a text file"));
    }
    return Parser(data, size).parse();
}

Result<CsvTable> read(QIODevice *device)
{
    if (!device || !device->isReadable())
        return Error{
            QStringLiteral("the data cannot be read (the device is not open for reading)")};
    return read(device->readAll());
}

Result<CsvTable> readFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (QFileInfo(path).isDir())
        return Error{
            QStringLiteral("Cannot open “%1”: it is a folder, not a CSV file").arg(shown)};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Cannot open “%1”: %2").arg(shown, file.errorString())};
    auto table = read(file.readAll());
    if (file.error() != QFileDevice::NoError)
        return Error{QStringLiteral("Cannot read “%1”: %2").arg(shown, file.errorString())};
    if (!table)
        return Error{QStringLiteral("“%1”: %2").arg(shown, table.error())};
    return table;
}

} // namespace CsvReader
