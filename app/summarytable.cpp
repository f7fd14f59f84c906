#include "summarytable.h"

#include "listtext.h"
#include "plancolours.h"
#include "planformat.h"
#include "summarystyle.h"

#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <array>
#include <vector>

using namespace SummaryStyle;

namespace {

// One paragraph of a cell, broken into lines at the cell's width.
struct Paragraph
{
    std::unique_ptr<QTextLayout> layout;
    QColor colour;
    qreal top = 0;    // from the top of the cell's content
    qreal indent = 0; // from the left of the cell's content
    bool bullet = false;
};

struct Cell
{
    std::vector<Paragraph> paragraphs;
    qreal height = 0;  // of the content, without the padding
    qreal pending = 0; // the last paragraph's space below, given only if another follows
};

// The body of an intention without its title when the title is only the body's beginning
// (the demo's titles are the first words of the text, cut with "…").
bool titleIsBodyStart(const Intention &intention)
{
    QString title = intention.title.trimmed();
    if (title.endsWith(QChar(0x2026)))
        title.chop(1);
    return !intention.text.trimmed().isEmpty() && intention.text.simplified().startsWith(title.simplified());
}

constexpr std::array<Shift, 3> shifts{Shift::HospitalToCommunity, Shift::TreatmentToPrevention,
                                      Shift::AnalogueToDigital};

} // namespace

struct SummaryTable::Private
{
    struct Row
    {
        std::vector<Cell> cells; // by column; the area column's is empty (see areaNames)
        std::unique_ptr<QTextLayout> number;
        int run = -1; // the programme-area run the row belongs to
        qreal height = 0;
    };

    QPaintDevice *device = nullptr;
    qreal scale = 1; // device units per point
    qreal width = 0;
    QColor colour;
    bool byArea = false;
    int first = 0;        // the column of the intention's text
    QList<qreal> columnX; // the left edge of each column, then the table's right edge
    qreal padding = 0;
    qreal gutter = 0;     // the intention's number hangs in it
    qreal bulletIndent = 0;
    Cell title;
    Cell continuedTitle;
    std::vector<Cell> headings;
    qreal headingsHeight = 0;
    std::vector<Row> rows;
    std::vector<Cell> areaNames; // one per run of rows in the same programme area
    std::vector<int> runStart;   // the first row of each run

    qreal pt(qreal points) const { return points * scale; }
    qreal columnWidth(int column) const { return columnX.at(column + 1) - columnX.at(column); }
    qreal contentWidth(int column) const { return columnWidth(column) - 2 * padding; }

    void add(Cell &cell, const QString &text, const QFont &font, const QColor &colour, qreal width,
             Qt::Alignment align = Qt::AlignLeft, qreal before = 0, qreal after = 0, qreal indent = 0,
             bool bullet = false) const
    {
        Paragraph paragraph;
        paragraph.layout = std::make_unique<QTextLayout>(text, font, device);
        QTextOption option(align);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a long word wraps, never overflows
        paragraph.layout->setTextOption(option);
        paragraph.layout->setCacheEnabled(true);
        paragraph.layout->beginLayout();
        qreal y = 0;
        const qreal lineWidth = std::max<qreal>(pt(4), width - indent);
        for (QTextLine line = paragraph.layout->createLine(); line.isValid(); line = paragraph.layout->createLine()) {
            line.setLineWidth(lineWidth);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        paragraph.layout->endLayout();
        paragraph.colour = colour;
        paragraph.indent = indent;
        paragraph.bullet = bullet;
        paragraph.top = cell.paragraphs.empty() ? before : cell.height + std::max(cell.pending, before);
        cell.height = paragraph.top + y;
        cell.pending = after;
        cell.paragraphs.push_back(std::move(paragraph));
    }

    qreal cellHeight(const Cell &cell) const { return cell.height + 2 * padding; }

    // The lines of cell whose tops lie in [from, to) of the row, drawn with the row's `from` at
    // origin's y; origin's x is the cell's left edge.
    void paintCell(QPainter &painter, const Cell &cell, const QPointF &origin, qreal from, qreal to) const
    {
        for (const Paragraph &paragraph : cell.paragraphs) {
            bool penSet = false;
            const QPointF at(origin.x() + padding + paragraph.indent, origin.y() - from + padding + paragraph.top);
            for (int i = 0; i < paragraph.layout->lineCount(); ++i) {
                const QTextLine line = paragraph.layout->lineAt(i);
                const qreal top = padding + paragraph.top + line.y();
                if (top < from - 0.01)
                    continue;
                if (top >= to - 0.01)
                    return;
                if (!penSet) {
                    painter.setPen(paragraph.colour);
                    penSet = true;
                }
                line.draw(&painter, at);
                if (paragraph.bullet && i == 0) {
                    const qreal radius = pt(1.4);
                    const QPointF centre(at.x() - bulletIndent * 0.55, at.y() + line.y() + line.ascent() * 0.68);
                    painter.setPen(Qt::NoPen);
                    painter.setBrush(paragraph.colour);
                    painter.drawEllipse(centre, radius, radius);
                    painter.setBrush(Qt::NoBrush);
                    penSet = false;
                }
            }
        }
    }

    // The lowest place in (from, limit] of row where no line of any cell is cut, or from.
    qreal cutAt(int row, qreal from, qreal limit) const
    {
        std::vector<std::pair<qreal, qreal>> lines;
        for (const Cell &cell : rows.at(row).cells) {
            for (const Paragraph &paragraph : cell.paragraphs) {
                for (int i = 0; i < paragraph.layout->lineCount(); ++i) {
                    const QTextLine line = paragraph.layout->lineAt(i);
                    const qreal top = padding + paragraph.top + line.y();
                    lines.emplace_back(top, top + line.height());
                }
            }
        }
        const auto clear = [&](qreal y) {
            return std::none_of(lines.cbegin(), lines.cend(),
                                [y](const auto &l) { return l.first < y - 0.01 && l.second > y + 0.01; });
        };
        if (clear(limit))
            return limit;
        qreal best = from;
        for (const auto &line : lines) {
            if (line.first > from + 0.01 && line.first <= limit && line.first > best && clear(line.first))
                best = line.first;
        }
        return best;
    }

    qreal visible(const Part &part, int row) const
    {
        const qreal from = row == part.firstRow ? part.from : 0;
        const qreal to = row == part.lastRow ? part.to : rows.at(row).height;
        return to - from;
    }
};

SummaryTable::SummaryTable(const Portfolio &portfolio, const QList<Intention> &intentions,
                           const QHash<Id, QString> &areaNames, QPaintDevice *device, qreal width)
    : d(std::make_unique<Private>())
{
    d->device = device;
    d->scale = (device ? device->logicalDpiY() : 72) / 72.0;
    d->width = width;
    d->padding = d->pt(3);
    d->bulletIndent = d->pt(11);
    d->colour = PlanColours::portfolio(portfolio.colour);
    d->byArea = std::any_of(intentions.cbegin(), intentions.cend(),
                            [](const Intention &i) { return i.programmeAreaId != 0; });
    d->first = d->byArea ? 1 : 0;
    const QList<qreal> percent = d->byArea ? QList<qreal>{15, 42, 13, 10, 10, 10} : QList<qreal>{55, 15, 10, 10, 10};
    qreal x = 0;
    for (const qreal p : percent) {
        d->columnX.append(x);
        x += width * p / 100;
    }
    d->columnX.append(width);

    // The title and the column headings, repeated at the top of every part.
    const QColor onColour = PlanColours::textOn(d->colour);
    d->add(d->title, title(portfolio.name), font(11, true), onColour, width - 2 * d->padding);
    d->add(d->continuedTitle, QObject::tr("%1 (continued)").arg(title(portfolio.name)), font(11, true), onColour,
           width - 2 * d->padding);
    QStringList headings{QObject::tr("Commissioning intention"), QObject::tr("Timeframe"),
                         QObject::tr("Hospital to community"), QObject::tr("Treatment to prevention"),
                         QObject::tr("Analogue to digital")};
    if (d->byArea)
        headings.prepend(QObject::tr("Programme area"));
    d->headings.resize(headings.size());
    for (int column = 0; column < headings.size(); ++column) {
        d->add(d->headings[column], headings.at(column), font(7, true), ink, d->contentWidth(column),
               column >= d->first + 2 ? Qt::AlignHCenter : Qt::AlignLeft);
        d->headingsHeight = std::max(d->headingsHeight, d->cellHeight(d->headings[column]));
    }

    // The intentions, numbered as the timeline and the notices refer to them.
    const QFont numberFont = font(8, true);
    d->gutter = QFontMetricsF(numberFont, device).horizontalAdvance(QString::number(intentions.size())) + d->pt(5);
    const QFont body = font(9);
    const QFont bold = font(9, true);
    const QFont small = font(7.5);
    const QFont timeframeFont = font(8.5);
    const QFont readingFont = font(7);
    const QFont tickFont = font(11, true);
    const QFont areaFont = font(8.5, true);
    const QFont noAreaFont = font(8.5);
    const qreal textWidth = d->contentWidth(d->first);
    d->rows.resize(intentions.size());
    for (int index = 0; index < intentions.size(); ++index) {
        const Intention &intention = intentions.at(index);
        Private::Row &row = d->rows[index];
        row.cells.resize(headings.size());
        if (d->byArea) {
            if (index == 0 || intentions.at(index - 1).programmeAreaId != intention.programmeAreaId) {
                Cell name;
                if (intention.programmeAreaId == 0)
                    d->add(name, QObject::tr("No programme area"), noAreaFont, muted, d->contentWidth(0));
                else
                    d->add(name, areaNames.value(intention.programmeAreaId), areaFont, ink, d->contentWidth(0));
                d->areaNames.push_back(std::move(name));
                d->runStart.push_back(index);
            }
            row.run = int(d->areaNames.size()) - 1;
        }

        row.number = std::make_unique<QTextLayout>(QString::number(index + 1), numberFont, device);
        row.number->beginLayout();
        row.number->createLine();
        row.number->endLayout();
        Cell &text = row.cells[d->first];
        const bool withTitle = !titleIsBodyStart(intention) && !intention.title.trimmed().isEmpty();
        if (withTitle)
            d->add(text, intention.title.trimmed(), bold, ink, textWidth, Qt::AlignLeft, 0, 2, d->gutter);
        for (const ListText::Block &block : ListText::parse(intention.text)) {
            d->add(text, block.text, body, ink, textWidth, Qt::AlignLeft, 0, block.bullet ? 1 : 3,
                   d->gutter + (block.bullet ? d->bulletIndent : 0), block.bullet);
        }
        QStringList details;
        if (!intention.lead.trimmed().isEmpty())
            details.append(QObject::tr("Lead: %1").arg(intention.lead.trimmed()));
        if (intention.status != IntentionStatus::Proposed)
            details.append(Enums::label(intention.status));
        if (!details.isEmpty())
            d->add(text, details.join(QStringLiteral(" · ")), small, muted, textWidth, Qt::AlignLeft, 1, 0, d->gutter);
        if (text.paragraphs.empty()) // nothing written: the number still needs its line
            d->add(text, QStringLiteral(" "), body, ink, textWidth, Qt::AlignLeft, 0, 0, d->gutter);

        const Timeframe &timeframe = intention.timeframe;
        Cell &when = row.cells[d->first + 1];
        const qreal whenWidth = d->contentWidth(d->first + 1);
        if (timeframe.isNotSet()) {
            d->add(when, QObject::tr("not set"), timeframeFont, muted, whenWidth);
        } else {
            d->add(when, timeframe.raw.simplified(), timeframeFont, ink, whenWidth, Qt::AlignLeft, 0, 1);
            QString reading = PlanFormat::timeframeSummary(timeframe);
            if (timeframe.needsReview) {
                reading = timeframe.reason.isEmpty() ? QObject::tr("needs review")
                                                     : QObject::tr("needs review: %1").arg(timeframe.reason);
            }
            if (reading.compare(timeframe.raw.simplified(), Qt::CaseInsensitive) != 0) {
                d->add(when, reading, readingFont, timeframe.needsReview ? PlanColours::needsReview().darker(140) : muted,
                       whenWidth);
            }
        }
        for (int s = 0; s < 3; ++s) {
            if (intention.hasShift(shifts[s])) {
                d->add(row.cells[d->first + 2 + s], tick(), tickFont, PlanColours::shift(shifts[s]),
                       d->contentWidth(d->first + 2 + s), Qt::AlignHCenter);
            }
        }
        for (const Cell &cell : row.cells)
            row.height = std::max(row.height, d->cellHeight(cell));
        if (d->byArea && d->runStart.back() == index) // the area's name fits beside its first intention
            row.height = std::max(row.height, d->cellHeight(d->areaNames.back()));
    }
}

SummaryTable::~SummaryTable() = default;

QString SummaryTable::title(const QString &portfolioName)
{
    return QObject::tr("%1 – Delivering the three strategic shifts").arg(portfolioName);
}

QString SummaryTable::tick()
{
    return QString(QChar(0x2713)); // ✓
}

int SummaryTable::rowCount() const
{
    return int(d->rows.size());
}

qreal SummaryTable::width() const
{
    return d->width;
}

qreal SummaryTable::headerHeight(bool continued) const
{
    return d->cellHeight(continued ? d->continuedTitle : d->title) + d->headingsHeight;
}

qreal SummaryTable::rowHeight(int row) const
{
    return d->rows.at(row).height;
}

QList<SummaryTable::Part> SummaryTable::split(qreal spaceLeft, qreal pageHeight) const
{
    QList<Part> parts;
    const int rows = rowCount();
    int row = 0;
    qreal from = 0;
    qreal space = spaceLeft;
    bool newPage = false;
    while (row < rows) {
        Part part;
        part.firstRow = row;
        part.from = from;
        part.newPage = newPage;
        qreal room = space - headerHeight(part.continued());
        bool any = false;
        while (row < rows) {
            const qreal rest = rowHeight(row) - from;
            if (rest <= room + 0.01) {
                room -= rest;
                part.lastRow = row;
                part.to = rowHeight(row);
                any = true;
                ++row;
                from = 0;
                continue;
            }
            // The whole row goes on the next page when it fits there.
            const bool fitsAPage = rest <= pageHeight - headerHeight(true) + 0.01;
            if (fitsAPage && (any || !newPage))
                break;
            // Too tall for a page: as much of it as fits here, cut between lines.
            if (!any && !newPage && room < d->pt(48))
                break;
            qreal cut = d->cutAt(row, from, from + room);
            if (cut <= from + 0.01) {
                if (any || !newPage)
                    break;
                cut = from + std::max(room, d->pt(12)); // a single line taller than a page
            }
            part.lastRow = row;
            part.to = cut;
            from = cut;
            any = true;
            break;
        }
        if (any)
            parts.append(part);
        space = pageHeight;
        newPage = true;
    }
    return parts;
}

qreal SummaryTable::height(const Part &part) const
{
    qreal height = headerHeight(part.continued());
    for (int row = part.firstRow; row <= part.lastRow; ++row)
        height += d->visible(part, row);
    return height;
}

void SummaryTable::paint(QPainter &painter, const QPointF &topLeft, const Part &part) const
{
    painter.save();
    const qreal left = topLeft.x();
    const qreal right = left + d->width;
    qreal y = topLeft.y();
    const QPen rulePen(rule, d->pt(0.5));

    // The title on the portfolio's colour, then the column headings.
    const Cell &title = part.continued() ? d->continuedTitle : d->title;
    const qreal titleHeight = d->cellHeight(title);
    painter.fillRect(QRectF(left, y, d->width, titleHeight), d->colour);
    d->paintCell(painter, title, QPointF(left, y), 0, titleHeight);
    y += titleHeight;
    const qreal headingsTop = y;
    painter.fillRect(QRectF(left, y, d->width, d->headingsHeight), headerFill);
    for (int column = 0; column < int(d->headings.size()); ++column)
        d->paintCell(painter, d->headings[column], QPointF(left + d->columnX.at(column), y), 0, d->headingsHeight);
    y += d->headingsHeight;
    const qreal rowsTop = y;

    // Row tops on this page.
    QList<qreal> tops;
    for (int row = part.firstRow; row <= part.lastRow; ++row) {
        tops.append(y);
        y += d->visible(part, row);
    }
    const qreal bottom = y;

    // The programme areas down the side: one tinted cell per run of rows, named at its top.
    struct Run
    {
        int run;
        qreal top;
        qreal bottom;
    };
    QList<Run> runs;
    if (d->byArea) {
        for (int row = part.firstRow; row <= part.lastRow; ++row) {
            const int run = d->rows.at(row).run;
            const qreal top = tops.at(row - part.firstRow);
            const qreal end = top + d->visible(part, row);
            if (runs.isEmpty() || runs.last().run != run)
                runs.append({run, top, end});
            else
                runs.last().bottom = end;
        }
        const QColor fill = PlanColours::tint(d->colour, 0.14);
        for (const Run &run : std::as_const(runs)) {
            const qreal areaWidth = d->columnWidth(0);
            painter.fillRect(QRectF(left, run.top, areaWidth, run.bottom - run.top), fill);
            // The name where it fits whole: on every page the run is on.
            const Cell &name = d->areaNames.at(run.run);
            if (d->cellHeight(name) <= run.bottom - run.top + 0.01)
                d->paintCell(painter, name, QPointF(left, run.top), 0, run.bottom - run.top + 0.01);
        }
    }

    // The intentions: the number hanging beside the first line, then each cell's lines.
    for (int row = part.firstRow; row <= part.lastRow; ++row) {
        const Private::Row &r = d->rows.at(row);
        const qreal from = row == part.firstRow ? part.from : 0;
        const qreal to = row == part.lastRow ? part.to : r.height;
        const qreal top = tops.at(row - part.firstRow);
        for (int column = d->first; column < int(r.cells.size()); ++column)
            d->paintCell(painter, r.cells.at(column), QPointF(left + d->columnX.at(column), top), from, to);
        const Cell &text = r.cells.at(d->first);
        if (from <= 0.01 && !text.paragraphs.empty()) {
            const Paragraph &firstParagraph = text.paragraphs.front();
            const QTextLine firstLine = firstParagraph.layout->lineAt(0);
            const QTextLine numberLine = r.number->lineAt(0);
            const qreal baseline = top + d->padding + firstParagraph.top + firstLine.y() + firstLine.ascent();
            painter.setPen(muted);
            numberLine.draw(&painter, QPointF(left + d->columnX.at(d->first) + d->padding, baseline - numberLine.ascent()));
        }
    }

    // The rules: round the title, under the headings and each row, between the columns.
    painter.setPen(rulePen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(left, topLeft.y(), d->width, bottom - topLeft.y()));
    painter.drawLine(QPointF(left, headingsTop), QPointF(right, headingsTop));
    painter.drawLine(QPointF(left, rowsTop), QPointF(right, rowsTop));
    for (int column = 1; column < int(d->headings.size()); ++column) {
        const qreal x = left + d->columnX.at(column);
        painter.drawLine(QPointF(x, headingsTop), QPointF(x, bottom));
    }
    const qreal rowsLeft = left + d->columnX.at(d->first);
    for (int row = part.firstRow; row < part.lastRow; ++row) {
        const qreal rowBottom = tops.at(row - part.firstRow) + d->visible(part, row);
        painter.drawLine(QPointF(rowsLeft, rowBottom), QPointF(right, rowBottom));
    }
    for (int i = 0; i + 1 < runs.size(); ++i)
        painter.drawLine(QPointF(left, runs.at(i).bottom), QPointF(rowsLeft, runs.at(i).bottom));
    painter.restore();
}
