#include "summarycharts.h"

#include "plancolours.h"
#include "summarystyle.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>

#include <algorithm>
#include <functional>

namespace SummaryCharts {

namespace {

constexpr qreal TitleHeight = 16;
constexpr qreal AxisHeight = 14;
constexpr qreal RowHeight = 11;
constexpr qreal CoverageRow = 17;
constexpr qreal LegendHeight = 13;

const QColor ink(0x21, 0x2B, 0x32);   // NHS dark grey: text
const QColor muted(0x6B, 0x76, 0x7D); // secondary text, axis
const QColor rule(0xD8, 0xDD, 0xE0);  // grid lines, tracks
const QColor shade(0xF2, 0xF4, 0xF5); // alternate year columns

using PlanColours::tint;

// "1 intention", "7 intentions": the planner ships without translations, so plurals are spelt here.
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// Drawing in points on a device of any resolution: coordinates are multiplied by the scale,
// fonts are given in points (the device converts them).
struct Canvas
{
    QPainter &painter;
    QPointF origin;
    qreal scale;

    qreal pt(qreal points) const { return points * scale; }
    QPointF at(qreal x, qreal y) const { return origin + QPointF(x * scale, y * scale); }
    QRectF rect(qreal x, qreal y, qreal w, qreal h) const { return QRectF(at(x, y), QSizeF(w * scale, h * scale)); }
    QFont font(qreal points, bool bold = false, bool italic = false) const
    {
        QFont f = SummaryStyle::font(points, bold);
        f.setItalic(italic);
        return f;
    }
    void text(qreal x, qreal y, qreal w, qreal h, int flags, const QString &text, const QFont &f,
              const QColor &colour)
    {
        painter.setFont(f);
        painter.setPen(colour);
        // Elide to the box so no label runs past the drawing (or the page).
        const QFontMetricsF metrics(f, painter.device());
        const QString shown = metrics.elidedText(text, Qt::ElideRight, w * scale);
        painter.drawText(rect(x, y, w, h), flags | Qt::TextSingleLine, shown);
    }
    qreal textWidth(const QString &text, const QFont &f) const
    {
        return QFontMetricsF(f, painter.device()).horizontalAdvance(text) / scale;
    }
};

qreal scaleFor(const QPainter &painter)
{
    const QPaintDevice *device = painter.device();
    return device ? device->logicalDpiY() / 72.0 : 1.0;
}

FiscalYear clampYear(FiscalYear year, FiscalYear low, FiscalYear high)
{
    return std::clamp(year, low, high);
}

void legendSwatch(Canvas &c, qreal &x, qreal y, const QString &label, const std::function<void(QRectF)> &draw)
{
    const QFont f = c.font(6.5);
    draw(c.rect(x, y + 3, 14, 5));
    x += 17;
    const qreal w = c.textWidth(label, f) + 1;
    c.text(x, y, w, 11, Qt::AlignLeft | Qt::AlignVCenter, label, f, muted);
    x += w + 9;
}

} // namespace

void fitAxis(Timeline &timeline)
{
    const FiscalYear planning = timeline.planningYear.isValid() ? timeline.planningYear
                                                                : FiscalYear::containing(QDate::currentDate());
    FiscalYear first = planning;
    FiscalYear last = planning.next(4);
    for (const TimelineRow &row : std::as_const(timeline.rows)) {
        if (row.needsReview)
            continue;
        if (row.start.isValid())
            first = std::min(first, FiscalYear::containing(row.start));
        if (row.end.isValid())
            last = std::max(last, FiscalYear::containing(row.end));
    }
    timeline.first = clampYear(first, planning.next(-3), planning);
    timeline.last = clampYear(last, planning.next(4), planning.next(10));
}

qreal timelineRowHeight() { return RowHeight; }
qreal timelineHeaderHeight() { return TitleHeight + AxisHeight + LegendHeight; }

qreal timelineHeight(const Timeline &timeline)
{
    return timelineHeaderHeight() + RowHeight * qreal(timeline.rows.size()) + 4;
}

qreal coverageHeight(const Coverage &)
{
    return TitleHeight + 3 * CoverageRow + LegendHeight + 4;
}

void paintTimeline(QPainter &painter, const QRectF &rect, const Timeline &timeline)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas c{painter, rect.topLeft(), scaleFor(painter)};
    const qreal width = rect.width() / c.scale;
    const qreal labelWidth = std::round(width * 0.44);
    const qreal x0 = labelWidth + 6;
    const qreal x1 = width - 4;
    const QDate axisStart = timeline.first.start();
    const QDate axisEnd = timeline.last.end();
    const qreal days = std::max<qint64>(1, axisStart.daysTo(axisEnd) + 1);
    const auto xOf = [&](QDate date) {
        return x0 + (x1 - x0) * std::clamp(qreal(axisStart.daysTo(date)), qreal(0), days) / days;
    };
    const QColor colour = timeline.colour.isValid() ? timeline.colour : PlanColours::nhsBlue();
    const QColor edge = colour.darker(135);

    // Title, with the legend beneath it.
    c.text(0, 0, width, TitleHeight, Qt::AlignLeft | Qt::AlignVCenter, timeline.title, c.font(9, true), ink);
    qreal lx = 0;
    const qreal ly = TitleHeight;
    legendSwatch(c, lx, ly, QObject::tr("dated"), [&](QRectF r) {
        painter.setPen(QPen(edge, c.pt(0.5)));
        painter.setBrush(colour);
        painter.drawRect(r);
    });
    legendSwatch(c, lx, ly, QObject::tr("open-ended"), [&](QRectF r) {
        QLinearGradient fade(r.topLeft(), r.topRight());
        fade.setColorAt(0, colour);
        fade.setColorAt(1, tint(colour, 0.12));
        painter.setPen(Qt::NoPen);
        painter.setBrush(fade);
        painter.drawRect(r);
    });
    legendSwatch(c, lx, ly, QObject::tr("subject to funding"), [&](QRectF r) {
        painter.setPen(QPen(edge, c.pt(0.8), Qt::DashLine));
        painter.setBrush(tint(colour, 0.4));
        painter.drawRect(r);
    });
    legendSwatch(c, lx, ly, QObject::tr("deadline"), [&](QRectF r) {
        const QPointF m = r.center();
        const qreal d = r.height() * 0.7;
        painter.setPen(Qt::NoPen);
        painter.setBrush(edge);
        painter.drawPolygon(QPolygonF{m + QPointF(0, -d), m + QPointF(d, 0), m + QPointF(0, d), m + QPointF(-d, 0)});
    });
    c.text(lx, ly, std::max<qreal>(0, width - lx), 11, Qt::AlignLeft | Qt::AlignVCenter,
           QObject::tr("No bar: the timeframe needs review or is not set (no dates are guessed)."), c.font(6.5, false, true),
           muted);

    // The axis: whole financial years, alternate ones shaded, the planning year marked.
    const qreal top = TitleHeight + LegendHeight;
    const qreal rowsTop = top + AxisHeight;
    const qreal bottom = rowsTop + RowHeight * qreal(timeline.rows.size());
    int column = 0;
    for (FiscalYear year = timeline.first; year <= timeline.last; year = year.next(), ++column) {
        const qreal a = xOf(year.start());
        const qreal b = xOf(year.end().addDays(1));
        if (column % 2 == 1)
            painter.fillRect(c.rect(a, top, b - a, bottom - top), shade);
        const bool planning = year == timeline.planningYear;
        c.text(a, top, b - a, AxisHeight, Qt::AlignCenter, year.toString(), c.font(6.5, planning), planning ? ink : muted);
    }
    painter.setPen(QPen(rule, c.pt(0.5)));
    painter.drawLine(c.at(x0, rowsTop), c.at(x1, rowsTop));
    if (timeline.planningYear >= timeline.first && timeline.planningYear <= timeline.last) {
        painter.setPen(QPen(ink, c.pt(0.6)));
        const qreal px = xOf(timeline.planningYear.start());
        painter.drawLine(c.at(px, top + 2), c.at(px, bottom));
    }

    // One row per intention.
    const QFont labelFont = c.font(6.8);
    const QFont noteFont = c.font(6.3, false, true);
    for (int i = 0; i < timeline.rows.size(); ++i) {
        const TimelineRow &row = timeline.rows.at(i);
        const qreal y = rowsTop + RowHeight * i;
        const qreal mid = y + RowHeight / 2;
        painter.setPen(QPen(rule, c.pt(0.3)));
        painter.drawLine(c.at(0, y + RowHeight), c.at(x1, y + RowHeight));
        const QString number = QString::number(row.number);
        c.text(0, y, 14, RowHeight, Qt::AlignRight | Qt::AlignVCenter, number, labelFont, muted);
        c.text(18, y, labelWidth - 20, RowHeight, Qt::AlignLeft | Qt::AlignVCenter, row.title, labelFont, ink);

        const qreal barTop = mid - 3;
        const qreal barHeight = 6;
        if (row.needsReview || (!row.start.isValid() && !row.end.isValid() && !row.openEnded)) {
            const QString note = row.raw.trimmed().isEmpty()
                ? QObject::tr("no timeframe set")
                : QObject::tr("needs review: “%1”").arg(row.raw.simplified());
            c.text(x0 + 2, y, x1 - x0 - 2, RowHeight, Qt::AlignLeft | Qt::AlignVCenter, note, noteFont,
                   row.raw.trimmed().isEmpty() ? muted : PlanColours::needsReview().darker(120));
            continue;
        }
        if (!row.start.isValid() && !row.end.isValid()) { // ongoing: already running, open both ends
            painter.setPen(QPen(edge, c.pt(1.2), Qt::DashLine));
            painter.drawLine(c.at(x0, mid), c.at(x1, mid));
            c.text(x0 + 2, y - 0.5, 60, RowHeight / 2, Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("ongoing"),
                   c.font(5.5, false, true), muted);
            continue;
        }
        if (!row.start.isValid()) { // a deadline: "by …"
            const qreal x = xOf(row.end);
            const qreal d = 3.2;
            painter.setPen(Qt::NoPen);
            painter.setBrush(edge);
            painter.drawPolygon(QPolygonF{c.at(x, mid - d), c.at(x + d, mid), c.at(x, mid + d), c.at(x - d, mid)});
            continue;
        }
        const qreal a = xOf(row.start);
        qreal b = row.end.isValid() ? xOf(row.end.addDays(1)) : x1;
        if (!row.end.isValid() && !row.openEnded)
            b = xOf(FiscalYear::containing(row.start).end().addDays(1)); // a start alone: its year
        b = std::max(b, a + 1.5);
        const QRectF bar = c.rect(a, barTop, b - a, barHeight);
        if (row.openEnded && !row.end.isValid()) {
            QLinearGradient fade(bar.topLeft(), bar.topRight());
            fade.setColorAt(0, colour);
            fade.setColorAt(0.5, colour);
            fade.setColorAt(1, tint(colour, 0.12));
            painter.setPen(Qt::NoPen);
            painter.setBrush(fade);
        } else if (row.subjectToFunding) {
            painter.setPen(QPen(edge, c.pt(0.8), Qt::DashLine));
            painter.setBrush(tint(colour, 0.4));
        } else {
            painter.setPen(QPen(edge, c.pt(0.4)));
            painter.setBrush(colour);
        }
        painter.drawRect(bar);
        if (row.openEnded && row.end.isValid()) { // dated, then ongoing: an arrow past the end
            painter.setPen(QPen(edge, c.pt(0.8)));
            painter.drawLine(c.at(b, mid), c.at(std::min(x1, b + 8), mid));
        }
        if (row.start < axisStart) { // began before the axis: a notch on the left edge
            painter.setPen(QPen(Qt::white, c.pt(0.8)));
            painter.drawLine(c.at(x0 + 1.5, barTop + 1), c.at(x0 + 0.5, mid));
            painter.drawLine(c.at(x0 + 0.5, mid), c.at(x0 + 1.5, barTop + barHeight - 1));
        }
    }
    painter.restore();
}

void paintCoverage(QPainter &painter, const QRectF &rect, const Coverage &coverage)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas c{painter, rect.topLeft(), scaleFor(painter)};
    const qreal width = rect.width() / c.scale;
    c.text(0, 0, width, TitleHeight, Qt::AlignLeft | Qt::AlignVCenter, coverage.title, c.font(9, true), ink);

    const qreal labelWidth = std::round(width * 0.27);
    const qreal countWidth = 96;
    const qreal x0 = labelWidth + 6;
    const qreal x1 = width - countWidth - 6;
    const QFont labelFont = c.font(8);
    const QFont countFont = c.font(8, true);
    static const std::array<Shift, 3> shifts{Shift::HospitalToCommunity, Shift::TreatmentToPrevention,
                                             Shift::AnalogueToDigital};
    for (int i = 0; i < 3; ++i) {
        const Shift shift = shifts[i];
        const qreal y = TitleHeight + CoverageRow * i;
        const qreal barTop = y + 3;
        const qreal barHeight = CoverageRow - 6;
        c.text(0, y, labelWidth, CoverageRow, Qt::AlignLeft | Qt::AlignVCenter, Enums::label(shift), labelFont, ink);
        painter.setPen(Qt::NoPen);
        painter.setBrush(rule);
        painter.drawRect(c.rect(x0, barTop, x1 - x0, barHeight));
        const qreal share = coverage.total > 0 ? qreal(coverage.counts[i]) / coverage.total : 0;
        painter.setBrush(PlanColours::shift(shift));
        if (share > 0)
            painter.drawRect(c.rect(x0, barTop, (x1 - x0) * share, barHeight));
        if (coverage.planTotal > 0) { // the whole plan's share, for comparison
            const qreal plan = qreal(coverage.planCounts[i]) / coverage.planTotal;
            const qreal px = x0 + (x1 - x0) * plan;
            painter.setPen(QPen(ink, c.pt(1.2)));
            painter.drawLine(c.at(px, barTop - 2), c.at(px, barTop + barHeight + 2));
        }
        const int percent = coverage.total > 0 ? qRound(100.0 * coverage.counts[i] / coverage.total) : 0;
        c.text(x1 + 6, y, countWidth, CoverageRow, Qt::AlignLeft | Qt::AlignVCenter,
               QObject::tr("%1 of %2 · %3%").arg(coverage.counts[i]).arg(coverage.total).arg(percent), countFont, ink);
    }
    const qreal ly = TitleHeight + 3 * CoverageRow + 1;
    painter.setPen(QPen(ink, c.pt(1.2)));
    painter.drawLine(c.at(x0, ly + 2), c.at(x0, ly + 10));
    c.text(x0 + 4, ly, x1 - x0, 12, Qt::AlignLeft | Qt::AlignVCenter,
           QObject::tr("the share across the whole plan (%1)").arg(counted(coverage.planTotal, "intention", "intentions")), c.font(6.5),
           muted);
    painter.restore();
}

// --- document objects ----------------------------------------------------------------------------

namespace {
constexpr int IndexProperty = QTextFormat::UserProperty + 41;
constexpr int WidthProperty = QTextFormat::UserProperty + 42;

qreal deviceScale(QTextDocument *document)
{
    const QPaintDevice *device = document->documentLayout()->paintDevice();
    return (device ? device->logicalDpiY() : 96) / 72.0;
}
} // namespace

DocumentObjects::DocumentObjects(QTextDocument *document)
    : QObject(document)
    , m_document(document)
{
}

DocumentObjects *DocumentObjects::create(QTextDocument *document)
{
    return new DocumentObjects(document);
}

void DocumentObjects::registerWithLayout()
{
    m_document->documentLayout()->registerHandler(CoverageType, this);
}

QTextCharFormat DocumentObjects::add(const Coverage &coverage, qreal widthPoints)
{
    QTextCharFormat format;
    format.setObjectType(CoverageType);
    format.setProperty(IndexProperty, int(m_coverages.size()));
    format.setProperty(WidthProperty, widthPoints);
    m_coverages.append(coverage);
    return format;
}

QSizeF DocumentObjects::intrinsicSize(QTextDocument *document, int, const QTextFormat &format)
{
    const int index = format.intProperty(IndexProperty);
    const qreal width = format.doubleProperty(WidthProperty);
    qreal height = 0;
    if (format.objectType() == CoverageType && index >= 0 && index < m_coverages.size())
        height = coverageHeight(m_coverages.at(index));
    return QSizeF(width, height) * deviceScale(document);
}

void DocumentObjects::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                                 const QTextFormat &format)
{
    const int index = format.intProperty(IndexProperty);
    if (format.objectType() == CoverageType && index >= 0 && index < m_coverages.size())
        paintCoverage(*painter, rect, m_coverages.at(index));
}

} // namespace SummaryCharts
