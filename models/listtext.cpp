#include "listtext.h"

#include <QRegularExpression>
#include <QStringList>

namespace ListText {

namespace {

const QChar bulletMark(0x2022);

// " • " with any run of spaces either side (the demo data has single and double spaces).
const QRegularExpression &separator()
{
    static const QRegularExpression re(QStringLiteral("\\s+\\x{2022}\\s+"));
    return re;
}

void appendParts(QList<Block> &blocks, const QStringList &parts, bool bullet)
{
    for (const QString &part : parts) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            blocks.append({bullet, item});
    }
}

} // namespace

QList<Block> parse(const QString &text)
{
    QList<Block> blocks;
    const QStringList lines = text.split(u'\n');
    for (const QString &rawLine : lines) {
        QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(bulletMark)) {
            line = line.mid(1).trimmed();
            appendParts(blocks, line.split(separator()), true);
            continue;
        }
        QStringList parts = line.split(separator());
        if (parts.size() == 1) {
            blocks.append({false, line});
            continue;
        }
        if (parts.constFirst().trimmed().endsWith(u':'))
            appendParts(blocks, {parts.takeFirst()}, false);
        appendParts(blocks, parts, true);
    }
    return blocks;
}

QString format(const QList<Block> &blocks)
{
    QStringList lines;
    const QString joiner = QStringLiteral(" %1 ").arg(bulletMark);
    for (qsizetype i = 0; i < blocks.size();) {
        const Block &block = blocks.at(i);
        if (!block.bullet) {
            QString line = block.text.trimmed();
            ++i;
            // A lead-in ("…:") keeps its list on its own line, as the source documents write it.
            if (line.endsWith(u':') && i < blocks.size() && blocks.at(i).bullet) {
                while (i < blocks.size() && blocks.at(i).bullet)
                    line += joiner + blocks.at(i++).text.trimmed();
            }
            lines.append(line);
            continue;
        }
        QStringList items;
        while (i < blocks.size() && blocks.at(i).bullet)
            items.append(blocks.at(i++).text.trimmed());
        // One item, or a first item that would read as a lead-in, needs the leading mark.
        const bool marked = items.size() == 1 || items.constFirst().endsWith(u':');
        lines.append((marked ? QString(bulletMark) + u' ' : QString()) + items.join(joiner));
    }
    return lines.join(u'\n');
}

QString normalised(const QString &text)
{
    return format(parse(text));
}

QString oneLine(const QString &text)
{
    QStringList parts;
    for (const Block &block : parse(text))
        parts.append(block.text);
    return parts.join(QStringLiteral(" %1 ").arg(bulletMark));
}

} // namespace ListText
