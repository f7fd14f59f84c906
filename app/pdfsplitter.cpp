#include "pdfsplitter.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {

struct PdfObject
{
    qsizetype begin = 0; // "N 0 obj"
    qsizetype end = 0;   // the next object, or the cross-reference table
    qsizetype headEnd = 0; // where its stream data starts (end when it has none)
    QList<int> references;
};

const QRegularExpression &referencePattern()
{
    // "12 0 R", not preceded by part of a number or a name. One per thread: letters are cut
    // apart on several threads at once.
    thread_local const QRegularExpression pattern(
        QStringLiteral("(?<![\\d.\\-/A-Za-z])(\\d+)\\s+0\\s+R(?![A-Za-z0-9])"));
    return pattern;
}

Error malformed(const QString &what)
{
    return Error{QStringLiteral("The PDF could not be divided into letters: %1.").arg(what)};
}

// A PDF text string as UTF-16BE hex with a byte order mark: any title, no escaping.
QByteArray pdfText(const QString &text)
{
    QByteArray hex = "<FEFF";
    for (QChar c : text)
        hex += QByteArray::number(c.unicode() | 0x10000, 16).right(4).toUpper();
    return hex + '>';
}

class SourcePdf
{
public:
    explicit SourcePdf(const QByteArray &bytes)
        : m_bytes(bytes)
    {
    }

    Result<void> parse();
    const QList<int> &pages() const { return m_pages; }
    const PdfObject *object(int number) const
    {
        const auto found = m_objects.constFind(number);
        return found == m_objects.cend() ? nullptr : &*found;
    }
    QByteArrayView head(const PdfObject &o) const
    {
        return QByteArrayView(m_bytes).sliced(o.begin, o.headEnd - o.begin);
    }
    QByteArrayView tail(const PdfObject &o) const
    {
        return QByteArrayView(m_bytes).sliced(o.headEnd, o.end - o.headEnd);
    }
    QByteArrayView header() const { return QByteArrayView(m_bytes).first(m_firstObject); }
    int root() const { return m_root; }
    int pagesRoot() const { return m_pagesRoot; }
    int info() const { return m_info; }

private:
    Result<void> collectPages(int number, int depth);
    static int number(QByteArrayView text, const char *key);

    const QByteArray &m_bytes;
    QHash<int, PdfObject> m_objects;
    QList<int> m_pages;
    qsizetype m_firstObject = 0;
    int m_root = 0;
    int m_pagesRoot = 0;
    int m_info = 0;
};

// The number after key in text ("/Root 2 0 R" → 2), or 0.
int SourcePdf::number(QByteArrayView text, const char *key)
{
    const qsizetype at = text.indexOf(QByteArrayView(key));
    if (at < 0)
        return 0;
    qsizetype i = at + qstrlen(key);
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\n' || text.at(i) == '\r'))
        ++i;
    int value = 0;
    while (i < text.size() && text.at(i) >= '0' && text.at(i) <= '9')
        value = value * 10 + (text.at(i++) - '0');
    return value;
}

Result<void> SourcePdf::parse()
{
    const QByteArrayView all(m_bytes);
    const qsizetype startxref = all.lastIndexOf(QByteArrayView("startxref"));
    if (startxref < 0)
        return malformed(QStringLiteral("it has no cross-reference table"));
    const qsizetype xref = number(all.sliced(startxref), "startxref");
    if (xref <= 0 || xref >= all.size() || !all.sliced(xref).startsWith(QByteArrayView("xref")))
        return malformed(QStringLiteral("its cross-reference table is not where it says"));
    const qsizetype trailer = all.indexOf(QByteArrayView("trailer"), xref);
    if (trailer < 0)
        return malformed(QStringLiteral("it has no trailer"));
    m_root = number(all.sliced(trailer), "/Root");
    m_info = number(all.sliced(trailer), "/Info");

    // The table: "xref", then sections "first count" with count lines "offset gen n|f".
    const QList<QByteArray> tokens = m_bytes.mid(xref + 4, trailer - xref - 4).simplified().split(' ');
    QList<std::pair<qsizetype, int>> offsets;
    for (qsizetype t = 0; t + 1 < tokens.size();) {
        const int first = tokens.at(t).toInt();
        const int count = tokens.at(t + 1).toInt();
        t += 2;
        for (int i = 0; i < count && t + 2 < tokens.size() + 1; ++i, t += 3) {
            if (tokens.value(t + 2) == "n")
                offsets.append({tokens.at(t).toLongLong(), first + i});
        }
    }
    if (offsets.isEmpty())
        return malformed(QStringLiteral("its cross-reference table is empty"));
    std::sort(offsets.begin(), offsets.end());
    m_firstObject = offsets.constFirst().first;
    for (qsizetype i = 0; i < offsets.size(); ++i) {
        PdfObject o;
        o.begin = offsets.at(i).first;
        o.end = i + 1 < offsets.size() ? offsets.at(i + 1).first : xref;
        const int n = offsets.at(i).second;
        const QByteArray expected = QByteArray::number(n) + " 0 obj";
        if (o.begin < 0 || o.end > all.size() || o.begin >= o.end
            || !all.sliced(o.begin).startsWith(expected))
            return malformed(QStringLiteral("object %1 is not where the table says").arg(n));
        const QByteArrayView body = all.sliced(o.begin, o.end - o.begin);
        qsizetype stream = body.indexOf(QByteArrayView(">>\nstream"));
        if (stream < 0)
            stream = body.indexOf(QByteArrayView(">>stream"));
        o.headEnd = stream < 0 ? o.end : o.begin + stream + 2;
        const QString head = QString::fromLatin1(all.sliced(o.begin, o.headEnd - o.begin));
        auto matches = referencePattern().globalMatch(head, expected.size());
        while (matches.hasNext())
            o.references.append(matches.next().captured(1).toInt());
        m_objects.insert(n, o);
    }
    const PdfObject *catalog = object(m_root);
    if (!catalog)
        return malformed(QStringLiteral("it has no catalog"));
    m_pagesRoot = number(head(*catalog), "/Pages");
    return collectPages(m_pagesRoot, 0);
}

Result<void> SourcePdf::collectPages(int number, int depth)
{
    const PdfObject *node = object(number);
    if (!node || depth > 32)
        return malformed(QStringLiteral("its page tree is broken"));
    const QByteArrayView text = head(*node);
    if (!text.contains(QByteArrayView("/Type /Pages"))) {
        m_pages.append(number);
        return {};
    }
    const qsizetype kids = text.indexOf(QByteArrayView("/Kids"));
    const qsizetype close = text.indexOf(']', kids);
    if (kids < 0 || close < 0)
        return malformed(QStringLiteral("a page list has no pages"));
    const QString list = QString::fromLatin1(text.sliced(kids, close - kids));
    auto matches = referencePattern().globalMatch(list);
    while (matches.hasNext()) {
        if (auto done = collectPages(matches.next().captured(1).toInt(), depth + 1); !done)
            return done;
    }
    return {};
}

} // namespace

Result<QList<QByteArray>> PdfSplitter::split(const QByteArray &source, const QList<Part> &parts,
                                             const QString &creator, const QDateTime &created)
{
    SourcePdf pdf(source);
    if (auto parsed = pdf.parse(); !parsed)
        return Error{parsed.error()};
    qsizetype total = 0;
    for (const Part &part : parts)
        total += part.pageCount;
    if (total != pdf.pages().size()) {
        return malformed(QStringLiteral("it has %1 pages, not the %2 of the letters")
                             .arg(pdf.pages().size())
                             .arg(total));
    }
    const QByteArray date = "(D:" + created.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1()
        + "Z)";

    QList<QByteArray> out;
    out.reserve(parts.size());
    qsizetype nextPage = 0;
    for (const Part &part : parts) {
        const QList<int> pages = pdf.pages().mid(nextPage, part.pageCount);
        nextPage += part.pageCount;

        // Everything the pages use, except the page tree, catalog and Info they came from.
        const QSet<int> excluded{pdf.root(), pdf.pagesRoot(), pdf.info()};
        QSet<int> used;
        QList<int> queue = pages;
        while (!queue.isEmpty()) {
            const int n = queue.takeLast();
            if (used.contains(n) || excluded.contains(n))
                continue;
            const PdfObject *o = pdf.object(n);
            if (!o)
                return malformed(QStringLiteral("object %1 is missing").arg(n));
            used.insert(n);
            queue.append(o->references);
        }
        QList<int> order = used.values();
        std::sort(order.begin(), order.end());

        // New numbers: 1 Info, 2 catalog, 3 page tree, then the objects in their old order.
        QHash<int, int> renumber;
        renumber.insert(pdf.info(), 1);
        renumber.insert(pdf.root(), 2);
        renumber.insert(pdf.pagesRoot(), 3);
        int next = 4;
        for (int n : std::as_const(order))
            renumber.insert(n, next++);

        QByteArray file;
        file.reserve(source.size() / qMax<qsizetype>(1, parts.size()) + 4096);
        file += pdf.header();
        QList<qsizetype> offsets(next, 0);
        auto addObject = [&](int number, const QByteArray &body) {
            offsets[number] = file.size();
            file += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
        };
        addObject(1, "<<\n/Title " + pdfText(part.title) + "\n/Creator " + pdfText(creator)
                         + "\n/Producer " + pdfText(creator) + "\n/CreationDate " + date + "\n>>");
        addObject(2, "<<\n/Type /Catalog\n/Pages 3 0 R\n>>");
        QByteArray kids;
        for (int page : pages)
            kids += QByteArray::number(renumber.value(page)) + " 0 R ";
        addObject(3, "<<\n/Type /Pages\n/Kids [" + kids.trimmed() + "]\n/Count "
                         + QByteArray::number(pages.size()) + "\n>>");
        for (int n : std::as_const(order)) {
            const PdfObject &o = *pdf.object(n);
            const int to = renumber.value(n);
            offsets[to] = file.size();
            const QString head = QString::fromLatin1(pdf.head(o));
            const qsizetype bodyStart = head.indexOf(QLatin1String(" 0 obj")) + 6;
            file += QByteArray::number(to) + " 0 obj";
            // References are renumbered in the dictionary only: stream data is copied as is.
            qsizetype copied = bodyStart;
            auto matches = referencePattern().globalMatch(head, bodyStart);
            while (matches.hasNext()) {
                const auto match = matches.next();
                file += head.mid(copied, match.capturedStart() - copied).toLatin1();
                file += QByteArray::number(renumber.value(match.captured(1).toInt(), 0)) + " 0 R";
                copied = match.capturedEnd();
            }
            file += head.mid(copied).toLatin1();
            file += pdf.tail(o);
        }
        const qsizetype xref = file.size();
        file += "xref\n0 " + QByteArray::number(next) + "\n0000000000 65535 f \n";
        for (int n = 1; n < next; ++n)
            file += QByteArray::number(offsets.at(n)).rightJustified(10, '0') + " 00000 n \n";
        file += "trailer\n<<\n/Size " + QByteArray::number(next)
            + "\n/Info 1 0 R\n/Root 2 0 R\n>>\nstartxref\n" + QByteArray::number(xref)
            + "\n%%EOF\n";
        out.append(std::move(file));
    }
    return out;
}
