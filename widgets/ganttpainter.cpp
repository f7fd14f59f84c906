#include "ganttpainter.h"

#include "entities.h"
#include "plancolours.h"
#include "planformat.h"
#include "timeframe.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <algorithm>
#include <cmath>

using PlanRoles::NodeKind;

namespace {

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

bool isDark(const QColor &colour)
{
    return colour.lightness() < 128;
}

// A line on a pixel boundary is 1 device pixel wide and sharp: draw it through the pixel's middle.
double crisp(double x)
{
    return std::floor(x) + 0.5;
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    if (font.pixelSize() > 0)
        small.setPixelSize(std::max(8, int(std::lround(font.pixelSize() * 0.85))));
    else
        small.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
    return small;
}

// Group rows of a model that does not give their span: the span of every dated row below.
void spanOfChildren(const QModelIndex &parent, QDate &start, QDate &end, int &budget)
{
    const QAbstractItemModel *model = parent.model();
    const int rows = model->rowCount(parent);
    for (int row = 0; row < rows && budget > 0; ++row, --budget) {
        const QModelIndex child = model->index(row, 0, parent);
        const QDate childStart = child.data(PlanRoles::StartDateRole).toDate();
        const QDate childEnd = child.data(PlanRoles::EndDateRole).toDate();
        if (childStart.isValid() && (!start.isValid() || childStart < start))
            start = childStart;
        if (childEnd.isValid() && (!end.isValid() || childEnd > end))
            end = childEnd;
        if (model->hasChildren(child))
            spanOfChildren(child, start, end, budget);
    }
}

} // namespace

GanttBar GanttBar::fromIndex(const QModelIndex &index)
{
    GanttBar bar;
    if (!index.isValid())
        return bar;
    const QModelIndex first = index.siblingAtColumn(0);
    const QVariant node = first.data(PlanRoles::NodeKindRole);
    bar.node = node.isValid() ? NodeKind(node.toInt()) : NodeKind::Intention;
    bar.title = first.data(PlanRoles::TitleRole).toString();
    if (bar.title.isEmpty())
        bar.title = first.data(Qt::DisplayRole).toString();
    const QColor colour = first.data(PlanRoles::ColourRole).value<QColor>();
    bar.colour = colour.isValid() ? colour : PlanColours::nhsBlue();
    bar.start = first.data(PlanRoles::StartDateRole).toDate();
    bar.end = first.data(PlanRoles::EndDateRole).toDate();

    if (bar.node != NodeKind::Intention) {
        if (!bar.start.isValid() && !bar.end.isValid() && first.model()->hasChildren(first)) {
            int budget = 100000; // a bound for a model that is huge and gives no spans itself
            spanOfChildren(first, bar.start, bar.end, budget);
        }
        // A group with a start and no end holds only intentions that run on: it fades out too.
        bar.openEnded = bar.start.isValid() && !bar.end.isValid();
        if (!bar.start.isValid())
            bar.start = bar.end;
        bar.kind = bar.start.isValid() ? Kind::Summary : Kind::None;
        return bar;
    }

    bar.raw = first.data(PlanRoles::RawTimeframeRole).toString();
    bar.shifts = first.data(PlanRoles::ShiftsRole).toInt();
    const int flags = first.data(PlanRoles::TimeframeFlagsRole).toInt();
    bar.subjectToFunding = flags & Timeframe::SubjectToFunding;
    bar.phased = flags & Timeframe::Phased;
    const QVariantList milestones = first.data(PlanRoles::MilestonesRole).toList();
    for (const QVariant &value : milestones) {
        const QVariantMap map = value.toMap();
        const QDate due = map.value(QStringLiteral("due")).toDate();
        if (due.isValid())
            bar.milestones.append({due, map.value(QStringLiteral("title")).toString(),
                                   map.value(QStringLiteral("done")).toBool()});
    }

    const bool openEnded = first.data(PlanRoles::OpenEndedRole).toBool();
    if (first.data(PlanRoles::NeedsReviewRole).toBool())
        bar.kind = Kind::NeedsReview; // dates it may carry are not known to be right: none drawn
    else if (openEnded && !bar.start.isValid() && !bar.end.isValid())
        bar.kind = Kind::Ongoing;
    else if (openEnded && bar.start.isValid())
        bar.kind = Kind::OpenEnded;
    else if (bar.start.isValid() && bar.end.isValid())
        bar.kind = bar.start.day() == 1 && bar.end == bar.start.addMonths(1).addDays(-1) ? Kind::Milestone
                                                                                         : Kind::Dated;
    else if (bar.end.isValid())
        bar.kind = Kind::Deadline;
    else if (bar.start.isValid()) {
        bar.kind = Kind::Dated; // a start alone, not open: that one day
        bar.end = bar.start;
    } else
        bar.kind = Kind::NotSet;
    return bar;
}

QString GanttBar::whyNotDraggable() const
{
    const QString name = QStringLiteral("“%1”").arg(title);
    switch (kind) {
    case Kind::Dated:
    case Kind::Milestone:
        return {};
    case Kind::OpenEnded:
        return QObject::tr("%1 runs on with no end date, so its bar cannot be dragged. Give it an end date in the "
                           "grid first.")
            .arg(name);
    case Kind::Ongoing:
        return QObject::tr("%1 is ongoing with no dates of its own, so its bar cannot be dragged. Give it dates in "
                           "the grid first.")
            .arg(name);
    case Kind::NeedsReview:
        return QObject::tr("The timeframe of %1 (“%2”) needs review, so its bar cannot be dragged. Correct the "
                           "timeframe in the grid first.")
            .arg(name, raw);
    case Kind::Deadline:
        return QObject::tr("%1 has a deadline but no start, so its bar cannot be dragged. Give it a start in the "
                           "grid first.")
            .arg(name);
    case Kind::NotSet:
        return QObject::tr("%1 has no timeframe yet. Type one in the grid first.").arg(name);
    case Kind::Summary:
        return QObject::tr("%1 spans its intentions: drag an intention's bar instead.").arg(name);
    case Kind::None:
        break;
    }
    return QObject::tr("This row has no bar to drag.");
}

GanttStyle GanttStyle::fromPalette(const QPalette &palette, const QFont &font)
{
    GanttStyle style;
    style.base = palette.color(QPalette::Base);
    style.text = palette.color(QPalette::Text);
    style.mutedText = blend(style.base, style.text, 0.55);
    style.yearBand = blend(style.base, style.text, 0.035);
    style.grid = blend(style.base, style.text, 0.12);
    style.gridStrong = blend(style.base, style.text, 0.32);
    style.headerBackground = palette.color(QPalette::Button);
    style.headerText = palette.color(QPalette::ButtonText);
    style.highlight = palette.color(QPalette::Highlight);
    style.rowSeparator = blend(style.base, style.text, 0.07);
    style.font = font;
    style.smoothFades = true;
    return style;
}

GanttStyle GanttStyle::forPrint()
{
    QPalette paper;
    paper.setColor(QPalette::Base, Qt::white);
    paper.setColor(QPalette::Text, Qt::black);
    paper.setColor(QPalette::Button, QColor(0xEE, 0xF0, 0xF3));
    paper.setColor(QPalette::ButtonText, Qt::black);
    paper.setColor(QPalette::Highlight, PlanColours::nhsBlue());
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(11);
    GanttStyle style = fromPalette(paper, font);
    style.smoothFades = false;
    style.labelYearStarts = false; // the header marks the years; labels would cover the last row
    return style;
}

GanttPainter::GanttPainter(const TimelineScale &scale, double xOffset, const GanttStyle &style)
    : m_scale(scale)
    , m_xOffset(xOffset)
    , m_style(style)
{
}

void GanttPainter::setPlanSpan(QDate start, QDate end)
{
    m_planStart = start;
    m_planEnd = end;
}

int GanttPainter::headerHeight(const QFont &font)
{
    const QFontMetrics metrics(font);
    return 2 * (metrics.height() + 6);
}

QRectF GanttPainter::bandFor(const QRect &rowRect, double fraction) const
{
    const double height = std::max(4.0, std::round(rowRect.height() * fraction));
    return QRectF(rowRect.left(), rowRect.top() + std::floor((rowRect.height() - height) / 2), rowRect.width(), height);
}

QRectF GanttPainter::rawTextRect(const GanttBar &bar, const QRect &rowRect, const QRect &chart) const
{
    QFont italic = m_style.font;
    italic.setItalic(true);
    const QFontMetricsF metrics(italic);
    const QString text = bar.kind == GanttBar::Kind::NotSet ? QObject::tr("no timeframe") : bar.raw;
    const double markers = 3 * (2 * 4.5 + 2) + 6;
    const double width = std::min(metrics.horizontalAdvance(text) + 10, std::max(20.0, chart.width() - markers - 4));
    const double planX = m_planStart.isValid() ? xOf(m_planStart) : chart.left();
    // At the plan's start, but always on screen: the text is the only thing the row shows.
    const double x = std::clamp(planX, chart.left() + markers, std::max(chart.left() + markers, chart.right() - width));
    const double height = std::min<double>(rowRect.height() - 2, metrics.height() + 4);
    return QRectF(x, rowRect.top() + (rowRect.height() - height) / 2, width, height);
}

QRectF GanttPainter::unclippedBarRect(const GanttBar &bar, const QRect &rowRect, const QRect &chart) const
{
    using Kind = GanttBar::Kind;
    const QRectF band = bandFor(rowRect, 0.56);
    switch (bar.kind) {
    case Kind::None:
        return {};
    case Kind::NotSet:
    case Kind::NeedsReview:
        return rawTextRect(bar, rowRect, chart);
    case Kind::Dated:
        return QRectF(xOf(bar.start), band.top(), std::max(2.0, xAfter(bar.end) - xOf(bar.start)), band.height());
    case Kind::Milestone: {
        const double centre = (xOf(bar.start) + xAfter(bar.end)) / 2;
        const double radius = band.height() * 0.62;
        return QRectF(centre - radius, rowRect.top() + rowRect.height() / 2.0 - radius, 2 * radius, 2 * radius);
    }
    case Kind::OpenEnded:
        // Fades out at the right edge of what is shown, wherever that is.
        return QRectF(xOf(bar.start), band.top(), std::max(0.0, chart.right() + 1 - xOf(bar.start)), band.height());
    case Kind::Deadline:
        return QRectF(chart.left(), band.top(), std::max(0.0, xAfter(bar.end) - chart.left()), band.height());
    case Kind::Ongoing: {
        const double left = m_planStart.isValid() ? xOf(m_planStart) : chart.left();
        const double right = m_planEnd.isValid() ? xAfter(m_planEnd) : chart.right() + 1;
        return QRectF(left, band.top(), std::max(0.0, right - left), band.height());
    }
    case Kind::Summary: {
        const QRectF thin = bandFor(rowRect, 0.30);
        const double right = bar.openEnded ? chart.right() + 1 : xAfter(bar.end);
        return QRectF(xOf(bar.start), thin.top(), std::max(2.0, right - xOf(bar.start)), thin.height());
    }
    }
    return {};
}

QRectF GanttPainter::barRect(const GanttBar &bar, const QRect &rowRect, const QRect &chart) const
{
    const QRectF rect = unclippedBarRect(bar, rowRect, chart);
    if (rect.isEmpty())
        return {};
    const QRectF visible = rect.intersected(QRectF(chart.left(), rowRect.top(), chart.width(), rowRect.height()));
    return visible.isEmpty() ? QRectF() : visible;
}

void GanttPainter::paintBackground(QPainter &painter, const QRect &chart) const
{
    painter.save();
    painter.setClipRect(chart);
    painter.fillRect(chart, m_style.base);
    const QDate from = m_scale.dateAt(chart.left() + m_xOffset);
    const QDate to = m_scale.dateAt(chart.right() + 1 + m_xOffset);
    // Every other financial year faintly shaded: the eye finds "which year" without reading.
    const auto years = TimelineScale::segments(TimelineScale::Unit::FinancialYear, from, to);
    for (const auto &year : years) {
        if (year.start.year() % 2 == 0)
            continue;
        const double left = std::max<double>(chart.left(), xOf(year.start));
        const double right = std::min<double>(chart.right() + 1, xAfter(year.end));
        painter.fillRect(QRectF(left, chart.top(), right - left, chart.height()), m_style.yearBand);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    const TimelineScale::Unit detail = m_scale.detailUnit();
    painter.setPen(QPen(m_style.grid, 0));
    for (const auto &cell : TimelineScale::segments(detail, from, to)) {
        if (cell.start.month() == 4 && cell.start.day() == 1)
            continue; // drawn stronger below
        const double x = crisp(xOf(cell.start));
        painter.drawLine(QPointF(x, chart.top()), QPointF(x, chart.bottom() + 1));
    }
    painter.setPen(QPen(m_style.gridStrong, 0));
    for (const auto &year : years) {
        const double x = crisp(xOf(year.start));
        painter.drawLine(QPointF(x, chart.top()), QPointF(x, chart.bottom() + 1));
    }
    painter.restore();
}

void GanttPainter::paintRowBackground(QPainter &painter, const GanttRow &row, const GanttBar &bar) const
{
    if (bar.node == NodeKind::Portfolio)
        painter.fillRect(row.rect, withAlpha(bar.colour, 30));
    else if (bar.node == NodeKind::ProgrammeArea)
        painter.fillRect(row.rect, withAlpha(bar.colour, 14));
    if (row.selected)
        painter.fillRect(row.rect, withAlpha(m_style.highlight, 70));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(m_style.rowSeparator, 0));
    const double y = crisp(row.rect.bottom());
    painter.drawLine(QPointF(row.rect.left(), y), QPointF(row.rect.right() + 1, y));
    painter.restore();
}

void GanttPainter::paintHatching(QPainter &painter, const QRectF &rect, const QColor &bar, bool funding,
                                 bool phased) const
{
    if (!funding && !phased)
        return;
    // Lines, not Qt's 8×8 hatch brushes: those keep their device-pixel size, so they shrink on
    // high-DPI screens and in PDFs, and SVG does not have them at all.
    painter.save();
    painter.setClipRect(rect, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor line = isDark(bar) ? QColor(255, 255, 255, 150) : QColor(0, 0, 0, 120);
    painter.setPen(QPen(line, 1.2));
    const double step = 6.0;
    const double h = rect.height();
    const double start = std::floor((rect.left() - h) / step) * step; // lines keep their place when scrolling
    for (double x = start; x <= rect.right() + h; x += step) {
        if (funding) // "/" as Qt::BDiagPattern
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + h, rect.top()));
        if (phased) // "\" as Qt::FDiagPattern
            painter.drawLine(QPointF(x, rect.top()), QPointF(x + h, rect.bottom()));
    }
    painter.restore();
}

void GanttPainter::paintFade(QPainter &painter, const QRectF &rect, const QColor &colour, bool out) const
{
    if (rect.width() <= 0)
        return;
    painter.setPen(Qt::NoPen);
    if (m_style.smoothFades) {
        QLinearGradient fade(rect.left(), 0, rect.right(), 0);
        fade.setColorAt(out ? 0 : 1, colour);
        fade.setColorAt(out ? 1 : 0, withAlpha(colour, 0));
        painter.setBrush(fade);
        painter.drawRect(rect);
        return;
    }
    // Bands of falling opacity: PDF viewers and printers do not all fade a gradient to
    // transparent, but every one draws a translucent fill.
    const int steps = std::clamp(int(rect.width() / 4), 1, 160);
    const double width = rect.width() / steps;
    for (int step = 0; step < steps; ++step) {
        const double t = (step + 0.5) / steps;
        painter.setBrush(withAlpha(colour, int(std::lround(255 * (out ? 1 - t : t)))));
        painter.drawRect(QRectF(rect.left() + step * width, rect.top(), width + 0.05, rect.height()));
    }
}

void GanttPainter::paintDiamond(QPainter &painter, const QPointF &centre, double radius, const QColor &fill,
                                const QColor &outline) const
{
    const QPointF points[4] = {{centre.x(), centre.y() - radius},
                               {centre.x() + radius, centre.y()},
                               {centre.x(), centre.y() + radius},
                               {centre.x() - radius, centre.y()}};
    painter.setPen(QPen(outline, 1));
    painter.setBrush(fill);
    painter.drawPolygon(points, 4);
}

void GanttPainter::paintShiftMarkers(QPainter &painter, int shifts, double anchorX, const QRect &rowRect,
                                     const QRect &chart) const
{
    const double radius = std::clamp(rowRect.height() * 0.14, 2.5, 4.5);
    const double step = 2 * radius + 2;
    double x = anchorX - 3 * step - 2;
    x = std::max<double>(x, chart.left() + 2);
    if (x > chart.right())
        return;
    const double y = rowRect.top() + rowRect.height() / 2.0;
    const struct
    {
        Shift shift;
        int bit;
    } marks[] = {{Shift::HospitalToCommunity, PlanRoles::CommunityBit},
                 {Shift::TreatmentToPrevention, PlanRoles::PreventionBit},
                 {Shift::AnalogueToDigital, PlanRoles::DigitalBit}};
    for (const auto &mark : marks) {
        const QPointF centre(x + radius, y);
        if (shifts & mark.bit) {
            painter.setPen(QPen(m_style.base, 1));
            painter.setBrush(PlanColours::shift(mark.shift));
            painter.drawEllipse(centre, radius, radius);
        } else {
            painter.setPen(QPen(withAlpha(m_style.mutedText, 150), 1));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(centre, radius * 0.7, radius * 0.7);
        }
        x += step;
    }
}

void GanttPainter::paintMilestones(QPainter &painter, const GanttBar &bar, const QRect &rowRect,
                                   const QRect &chart) const
{
    const double radius = std::max(3.0, rowRect.height() * 0.2);
    for (const auto &milestone : bar.milestones) {
        const double x = (xOf(milestone.due) + xAfter(milestone.due)) / 2;
        if (x < chart.left() - radius || x > chart.right() + radius)
            continue;
        paintDiamond(painter, QPointF(x, rowRect.top() + rowRect.height() / 2.0), radius,
                     milestone.done ? m_style.text : m_style.base, m_style.text);
    }
}

void GanttPainter::paintSummary(QPainter &painter, const GanttBar &bar, const QRectF &rect) const
{
    const QColor fill = bar.node == NodeKind::Portfolio ? bar.colour.darker(120) : bar.colour;
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    if (bar.openEnded) {
        const double solid = std::min(rect.right(), std::max(rect.left(), xOf(bar.start) + 24));
        painter.drawRect(QRectF(rect.left(), rect.top(), solid - rect.left(), rect.height()));
        paintFade(painter, QRectF(solid, rect.top(), rect.right() - solid, rect.height()), fill, true);
        painter.setBrush(fill);
    } else {
        painter.drawRect(rect);
    }
    // The classic summary caps: the bar's ends point down at the rows they span.
    const double cap = rect.height() * 1.1;
    const double left = std::floor(xOf(bar.start));
    const double right = bar.end.isValid() ? std::ceil(xAfter(bar.end)) : rect.right();
    if (left >= rect.left() - 0.5) {
        const QPointF points[3] = {{left, rect.top()}, {left + cap, rect.top()}, {left, rect.bottom() + cap}};
        painter.drawPolygon(points, 3);
    }
    if (!bar.openEnded && right <= rect.right() + 0.5) {
        const QPointF points[3] = {{right, rect.top()}, {right - cap, rect.top()}, {right, rect.bottom() + cap}};
        painter.drawPolygon(points, 3);
    }
}

void GanttPainter::paintBar(QPainter &painter, const GanttBar &bar, const QRect &rowRect, const QRect &chart,
                            bool selected) const
{
    using Kind = GanttBar::Kind;
    if (bar.kind == Kind::None)
        return;
    const QRectF rect = barRect(bar, rowRect, chart);
    if (rect.isEmpty())
        return; // wholly off to one side: nothing of it, not even its markers
    painter.save();
    painter.setClipRect(QRect(chart.left(), rowRect.top(), chart.width(), rowRect.height()), Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor outline = bar.colour.darker(140);
    // Shift markers sit just before where the bar starts (or at the edge, over it, when the
    // start is scrolled off).
    double anchor = unclippedBarRect(bar, rowRect, chart).left();

    switch (bar.kind) {
    case Kind::None:
        break;
    case Kind::Summary:
        paintSummary(painter, bar, rect);
        break;
    case Kind::Dated:
        painter.setPen(QPen(outline, 1));
        painter.setBrush(bar.colour);
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
        paintHatching(painter, rect.adjusted(1, 1, -1, -1), bar.colour, bar.subjectToFunding, bar.phased);
        break;
    case Kind::Milestone:
        paintDiamond(painter, rect.center(), rect.width() / 2, bar.colour, outline);
        break;
    case Kind::OpenEnded: {
        // Solid while the dates say so (to the end, if one was given), then fading to the edge:
        // it goes on, but the planner does not know until when.
        const double solidEnd = bar.end.isValid() ? std::max(rect.left(), std::min(rect.right(), xAfter(bar.end)))
                                                  : std::min(rect.right(), rect.left() + 12);
        const QRectF solid(rect.left(), rect.top(), solidEnd - rect.left(), rect.height());
        painter.setPen(Qt::NoPen);
        painter.setBrush(bar.colour);
        painter.drawRect(solid);
        paintFade(painter, QRectF(solidEnd, rect.top(), rect.right() - solidEnd, rect.height()), bar.colour, true);
        if (xOf(bar.start) >= chart.left()) {
            painter.setPen(QPen(outline, 1.5));
            painter.drawLine(QPointF(rect.left() + 0.75, rect.top()), QPointF(rect.left() + 0.75, rect.bottom()));
        }
        paintHatching(painter, rect.adjusted(1, 1, -1, -1), bar.colour, bar.subjectToFunding, bar.phased);
        break;
    }
    case Kind::Deadline: {
        paintFade(painter, rect, bar.colour, false);
        painter.setPen(QPen(outline, 2));
        painter.drawLine(QPointF(rect.right() - 1, rect.top() - 2), QPointF(rect.right() - 1, rect.bottom() + 2));
        anchor = std::max<double>(chart.left(), rect.right() - 40);
        break;
    }
    case Kind::Ongoing: {
        // Light fill, dashed edge: running now, across the whole plan, but with no dates.
        painter.setPen(QPen(outline, 1, Qt::DashLine));
        painter.setBrush(withAlpha(bar.colour, 60));
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        QFont italic = m_style.font;
        italic.setItalic(true);
        const QFontMetricsF metrics(italic);
        const QString label = QObject::tr("ongoing");
        if (rect.width() > metrics.horizontalAdvance(label) + 12 && rect.height() >= metrics.height() - 4) {
            painter.setFont(italic);
            painter.setPen(m_style.text);
            // After the shift markers, which sit over the bar's start.
            const double markers = std::max(0.0, chart.left() + 3 * (2 * 4.5 + 2) + 6 - rect.left());
            painter.drawText(rect.adjusted(6 + markers, 0, -6, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
        break;
    }
    case Kind::NeedsReview:
    case Kind::NotSet: {
        QFont italic = m_style.font;
        italic.setItalic(true);
        painter.setFont(italic);
        const bool review = bar.kind == Kind::NeedsReview;
        if (review) {
            const QColor amber = PlanColours::needsReview();
            painter.setPen(QPen(amber, 1, Qt::DashLine));
            painter.setBrush(withAlpha(amber, 28));
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
            painter.setPen(isDark(m_style.base) ? amber.lighter(120) : amber.darker(125));
        } else {
            painter.setPen(m_style.mutedText);
        }
        const QString text = review ? bar.raw : QObject::tr("no timeframe");
        const QFontMetricsF metrics(italic);
        painter.drawText(rect.adjusted(5, 0, -5, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(text, Qt::ElideRight, rect.width() - 10));
        break;
    }
    }

    if (selected && bar.kind != Kind::NotSet) {
        painter.setPen(QPen(m_style.highlight, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3);
    }
    if (bar.node == NodeKind::Intention) {
        paintMilestones(painter, bar, rowRect, chart);
        if (bar.kind == Kind::Ongoing)
            anchor = std::max<double>(anchor, chart.left());
        paintShiftMarkers(painter, bar.shifts, anchor, rowRect, chart);
    }
    painter.restore();
}

void GanttPainter::paintDateLines(QPainter &painter, const QRect &chart) const
{
    painter.save();
    painter.setClipRect(chart, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QFont font = smallFont(m_style.font);
    const QFontMetricsF metrics(font);
    painter.setFont(font);
    const bool dark = isDark(m_style.base);

    auto label = [&](double x, double y, const QString &text, const QColor &colour) {
        const double width = metrics.horizontalAdvance(text) + 8;
        const QRectF box(std::min(x + 3, chart.right() - width), y, width, metrics.height() + 2);
        painter.setPen(QPen(colour, 0));
        painter.setBrush(withAlpha(m_style.base, 235));
        painter.drawRect(box);
        painter.setPen(dark ? colour.lighter(170) : colour);
        painter.drawText(box, Qt::AlignCenter, text);
        return box;
    };

    const QDate from = m_scale.dateAt(chart.left() + m_xOffset);
    const QDate to = m_scale.dateAt(chart.right() + 1 + m_xOffset);
    // 1 April: the contract year starts (and notices take effect). Labelled at the bottom.
    const QColor april = dark ? PlanColours::contractYearStart().lighter(160) : PlanColours::contractYearStart();
    const double yearWidth = 365 * m_scale.pixelsPerDay();
    for (const auto &year : TimelineScale::segments(TimelineScale::Unit::FinancialYear, from, to)) {
        const double x = crisp(xOf(year.start));
        if (x < chart.left() || x > chart.right())
            continue;
        painter.setPen(QPen(april, 1, Qt::DotLine));
        painter.drawLine(QPointF(x, chart.top()), QPointF(x, chart.bottom() + 1));
        if (m_style.labelYearStarts && yearWidth >= metrics.horizontalAdvance(QStringLiteral("1 Apr 2026")) + 20)
            label(x, chart.bottom() - metrics.height() - 3, PlanFormat::date(year.start), april);
    }

    QList<QRectF> placed;
    auto marker = [&](QDate date, const QColor &colour, Qt::PenStyle style, const QString &text) {
        if (!date.isValid() || date < from || date > to)
            return;
        const double x = crisp(xOf(date));
        painter.setPen(QPen(colour, 2, style));
        painter.drawLine(QPointF(x, chart.top()), QPointF(x, chart.bottom() + 1));
        double y = chart.top() + 2;
        const double width = metrics.horizontalAdvance(text) + 8;
        for (const QRectF &other : std::as_const(placed)) {
            if (other.intersects(QRectF(x + 3, y, width, metrics.height() + 2)))
                y = other.bottom() + 2; // two labels close together: stack them
        }
        placed.append(label(x, y, text, colour));
    };
    marker(m_noticeDate, PlanColours::noticeDate(), Qt::DashLine,
           QObject::tr("Notices %1").arg(PlanFormat::date(m_noticeDate)));
    marker(m_today, PlanColours::today(), Qt::SolidLine, QObject::tr("Today"));
    painter.restore();
}

void GanttPainter::paintHeader(QPainter &painter, const QRect &rect) const
{
    painter.save();
    painter.setClipRect(rect, Qt::IntersectClip);
    painter.fillRect(rect, m_style.headerBackground);
    const int half = rect.height() / 2;
    const QRect yearsRow(rect.left(), rect.top(), rect.width(), half);
    const QRect detailRow(rect.left(), rect.top() + half, rect.width(), rect.height() - half);
    const QDate from = m_scale.dateAt(rect.left() + m_xOffset);
    const QDate to = m_scale.dateAt(rect.right() + 1 + m_xOffset);
    const QColor line = blend(m_style.headerBackground, m_style.headerText, 0.3);

    auto paintRow = [&](const QRect &row, TimelineScale::Unit unit, const QFont &font) {
        painter.setFont(font);
        const QFontMetricsF metrics(font);
        for (const auto &cell : TimelineScale::segments(unit, from, to)) {
            const double left = xOf(cell.start);
            const double right = xAfter(cell.end);
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.setPen(QPen(line, 0));
            painter.drawLine(QPointF(crisp(left), row.top()), QPointF(crisp(left), row.bottom() + 1));
            // Centre the label in the visible part of the cell, so a year half scrolled off
            // still says which year it is.
            const double visibleLeft = std::max<double>(left, row.left());
            const double visibleRight = std::min<double>(right, row.right() + 1);
            for (const QString &text : cell.labels) {
                if (metrics.horizontalAdvance(text) + 4 <= visibleRight - visibleLeft) {
                    painter.setPen(m_style.headerText);
                    painter.drawText(QRectF(visibleLeft, row.top(), visibleRight - visibleLeft, row.height()),
                                     Qt::AlignCenter, text);
                    break;
                }
            }
        }
    };
    QFont bold = m_style.font;
    bold.setBold(true);
    paintRow(yearsRow, TimelineScale::Unit::FinancialYear, bold);
    paintRow(detailRow, m_scale.detailUnit(), m_style.font);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(line, 0));
    painter.drawLine(QPointF(rect.left(), crisp(detailRow.top())), QPointF(rect.right() + 1, crisp(detailRow.top())));
    painter.drawLine(QPointF(rect.left(), crisp(rect.bottom())), QPointF(rect.right() + 1, crisp(rect.bottom())));
    painter.restore();
}

QList<GanttPainter::LegendItem> GanttPainter::legendItems() const
{
    const QColor colour = PlanColours::nhsBlue();
    // Samples are drawn by the painter itself over a made-up four months that fill the sample.
    auto sampleBar = [this, colour](GanttBar::Kind kind, bool funding, bool phased, NodeKind node) {
        return [this, colour, kind, funding, phased, node](QPainter &painter, const QRect &row) {
            GanttBar bar;
            bar.kind = kind;
            bar.colour = colour;
            bar.node = node;
            bar.subjectToFunding = funding;
            bar.phased = phased;
            bar.start = QDate(2026, 4, 1);
            bar.end = kind == GanttBar::Kind::OpenEnded ? QDate() : QDate(2026, 7, 29);
            const TimelineScale scale(bar.start, row.width() / 120.0);
            GanttPainter sample(scale, -row.left(), m_style);
            sample.setPlanSpan(bar.start, QDate(2026, 7, 29));
            sample.paintBar(painter, bar, row, row);
        };
    };
    auto diamond = [this](bool milestone, const QColor &fill) {
        return [this, milestone, fill](QPainter &painter, const QRect &row) {
            const double radius = milestone ? std::max(3.0, row.height() * 0.2) : bandFor(row, 0.56).height() * 0.62;
            painter.setRenderHint(QPainter::Antialiasing, true);
            paintDiamond(painter, QPointF(row.center().x() + 0.5, row.top() + row.height() / 2.0), radius,
                         milestone ? m_style.base : fill, milestone ? m_style.text : fill.darker(140));
        };
    };
    auto line = [](const QColor &lineColour, Qt::PenStyle style, int width) {
        return [lineColour, style, width](QPainter &painter, const QRect &row) {
            painter.setRenderHint(QPainter::Antialiasing, false);
            painter.setPen(QPen(lineColour, width, style));
            const double mid = crisp(row.center().x());
            painter.drawLine(QPointF(mid, row.top() + 2), QPointF(mid, row.bottom() - 2));
        };
    };
    // Plain intention rows (no shift markers): the key shows each style alone.
    const NodeKind plain = NodeKind::ProgrammeArea;
    QList<LegendItem> items{
        {QObject::tr("Dates"), sampleBar(GanttBar::Kind::Dated, false, false, plain)},
        {QObject::tr("Subject to funding"), sampleBar(GanttBar::Kind::Dated, true, false, plain)},
        {QObject::tr("Phased"), sampleBar(GanttBar::Kind::Dated, false, true, plain)},
        {QObject::tr("Open-ended"), sampleBar(GanttBar::Kind::OpenEnded, false, false, plain)},
        {QObject::tr("Ongoing, no dates"),
         [this, colour](QPainter &painter, const QRect &row) {
             painter.setRenderHint(QPainter::Antialiasing, true);
             painter.setPen(QPen(colour.darker(140), 1, Qt::DashLine));
             painter.setBrush(withAlpha(colour, 60));
             painter.drawRoundedRect(bandFor(row, 0.56).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
         }},
        {QObject::tr("Single month"), diamond(false, colour)},
        {QObject::tr("Milestone"), diamond(true, colour)},
        {QObject::tr("Needs review (raw text)"),
         [this](QPainter &painter, const QRect &row) {
             const QColor amber = PlanColours::needsReview();
             painter.setRenderHint(QPainter::Antialiasing, true);
             painter.setPen(QPen(amber, 1, Qt::DashLine));
             painter.setBrush(withAlpha(amber, 28));
             painter.drawRoundedRect(bandFor(row, 0.7).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
         }},
        {QObject::tr("Portfolio / programme area"), sampleBar(GanttBar::Kind::Summary, false, false, plain)},
    };
    for (Shift shift : {Shift::HospitalToCommunity, Shift::TreatmentToPrevention, Shift::AnalogueToDigital}) {
        items.append({Enums::label(shift), [this, shift](QPainter &painter, const QRect &row) {
                          painter.setRenderHint(QPainter::Antialiasing, true);
                          painter.setPen(QPen(m_style.base, 1));
                          painter.setBrush(PlanColours::shift(shift));
                          painter.drawEllipse(QPointF(row.right() - 6, row.top() + row.height() / 2.0), 4, 4);
                      }});
    }
    items.append({QObject::tr("Today"), line(PlanColours::today(), Qt::SolidLine, 2)});
    items.append({QObject::tr("Notice issue date"), line(PlanColours::noticeDate(), Qt::DashLine, 2)});
    items.append({QObject::tr("1 April: contract year starts"), line(PlanColours::contractYearStart(), Qt::DotLine, 1)});
    return items;
}

int GanttPainter::layoutLegend(int width, QList<QRect> *samples, QList<QRect> *labels) const
{
    const QFontMetrics metrics(smallFont(m_style.font));
    const int rowHeight = metrics.height() + 6;
    const int sample = 34;
    int x = 4;
    int y = 2;
    for (const LegendItem &item : legendItems()) {
        const int itemWidth = sample + 6 + metrics.horizontalAdvance(item.text) + 16;
        if (x + itemWidth > width && x > 4) {
            x = 4;
            y += rowHeight;
        }
        if (samples)
            samples->append(QRect(x, y, sample, rowHeight));
        if (labels)
            labels->append(QRect(x + sample + 6, y, itemWidth - sample - 6, rowHeight));
        x += itemWidth;
    }
    return y + rowHeight + 2;
}

int GanttPainter::legendHeight(int width) const
{
    return layoutLegend(width, nullptr, nullptr);
}

void GanttPainter::paintLegend(QPainter &painter, const QRect &rect) const
{
    QList<QRect> samples;
    QList<QRect> labels;
    layoutLegend(rect.width(), &samples, &labels);
    const QList<LegendItem> items = legendItems();
    painter.save();
    painter.setClipRect(rect, Qt::IntersectClip);
    painter.translate(rect.topLeft());
    const QFont font = smallFont(m_style.font);
    for (qsizetype i = 0; i < items.size(); ++i) {
        painter.save();
        items.at(i).paintSample(painter, samples.at(i));
        painter.restore();
        painter.setFont(font);
        painter.setPen(m_style.text);
        painter.drawText(labels.at(i), Qt::AlignLeft | Qt::AlignVCenter, items.at(i).text);
    }
    painter.restore();
}
