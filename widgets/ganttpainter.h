#pragma once

#include "planroles.h"
#include "timelinescale.h"

#include <QColor>
#include <QDate>
#include <QFont>
#include <QList>
#include <QModelIndex>
#include <QRect>
#include <QString>

#include <functional>

class QPainter;
class QPalette;

// What a row of the timeline draws, read from the item model's roles (models/planroles.h).
// The view, the printout and the tests all decide a row's bar here, so they agree.
struct GanttBar
{
    enum class Kind {
        None,        // nothing to draw (a row the model says nothing about)
        NotSet,      // empty timeframe: a grey "no timeframe" note, no bar
        Dated,       // start – end: a clear bar
        Milestone,   // a single month: a diamond
        OpenEnded,   // from start (to end, if any) and on: fades out to the right edge
        Deadline,    // "by X": an end with no start, fading in from the left
        Ongoing,     // bare "Ongoing": no dates of its own, drawn across the plan's span
        NeedsReview, // the raw text in amber italic, no dates invented
        Summary,     // a portfolio or programme area: spans its intentions
    };

    struct MilestoneMark
    {
        QDate due;
        QString title;
        bool done = false;
    };

    Kind kind = Kind::None;
    PlanRoles::NodeKind node = PlanRoles::NodeKind::Intention;
    QDate start;
    QDate end;
    bool openEnded = false; // a summary whose intentions run on with no end
    bool subjectToFunding = false;
    bool phased = false;
    QColor colour;
    int shifts = 0; // PlanRoles::ShiftBit
    QString title;
    QString raw;
    QList<MilestoneMark> milestones;

    static GanttBar fromIndex(const QModelIndex &index);
    // Only dated bars and milestones can be moved or resized; the others have no dates of
    // their own to move. Returns the reason for people, or an empty string when it can.
    QString whyNotDraggable() const;
    bool isDraggable() const { return whyNotDraggable().isEmpty(); }
};

// Colours and font of the timeline, from a palette (the window, light or dark) or for paper.
struct GanttStyle
{
    QColor base;
    QColor text;
    QColor mutedText;
    QColor yearBand;    // every other financial year, faintly
    QColor grid;        // month/quarter lines
    QColor gridStrong;  // financial-year lines
    QColor headerBackground;
    QColor headerText;
    QColor highlight;   // selected rows
    QColor rowSeparator;
    QFont font;
    bool smoothFades = true;     // gradients; false: translucent bands (PDF, print)
    bool labelYearStarts = true; // "1 Apr 2027" tags at the foot of the 1 April lines

    static GanttStyle fromPalette(const QPalette &palette, const QFont &font);
    static GanttStyle forPrint(); // black on white, pixel-sized fonts (the export scales)
};

// One row as laid out on the surface being painted (a viewport, an image, a page).
struct GanttRow
{
    QModelIndex index;
    QRect rect;      // the row's band, full width of the chart
    int depth = 0;   // 0: top level
    bool selected = false;
};

// Paints the timeline's parts with one scale: x on the surface = scale.x(date) - xOffset.
// Everything is drawn with QPainter in logical coordinates, so it is crisp at any device pixel
// ratio and the same code serves the window, PNG, SVG and PDF.
class GanttPainter
{
public:
    GanttPainter(const TimelineScale &scale, double xOffset, const GanttStyle &style);

    const TimelineScale &scale() const { return m_scale; }
    double xOffset() const { return m_xOffset; }
    const GanttStyle &style() const { return m_style; }
    double xOf(QDate date) const { return m_scale.x(date) - m_xOffset; }
    double xAfter(QDate date) const { return m_scale.xAfter(date) - m_xOffset; }

    // The span a bare "ongoing" intention is drawn across.
    void setPlanSpan(QDate start, QDate end);
    // Lines drawn across the rows (invalid: none).
    void setToday(QDate today) { m_today = today; }
    void setNoticeDate(QDate date) { m_noticeDate = date; }

    // Where a row's bar is within rowRect, clipped to chart (the visible chart area): the part
    // that can be hit by the mouse. Empty for NotSet/None and for bars wholly outside chart.
    QRectF barRect(const GanttBar &bar, const QRect &rowRect, const QRect &chart) const;

    void paintBackground(QPainter &painter, const QRect &chart) const;
    void paintRowBackground(QPainter &painter, const GanttRow &row, const GanttBar &bar) const;
    // selected: the row is selected, and the bar gets a highlight frame.
    void paintBar(QPainter &painter, const GanttBar &bar, const QRect &rowRect, const QRect &chart,
                  bool selected = false) const;
    // Today, the notice date and every 1 April, with labels at the top (and bottom) of chart.
    void paintDateLines(QPainter &painter, const QRect &chart) const;
    // Two rows: financial years over quarters or months (as the zoom allows).
    void paintHeader(QPainter &painter, const QRect &rect) const;
    // A key to the bar styles, laid out left to right in rect (wrapping at its width).
    void paintLegend(QPainter &painter, const QRect &rect) const;
    int legendHeight(int width) const;

    // The header's height for a font: two lines of text with padding.
    static int headerHeight(const QFont &font);

private:
    struct LegendItem
    {
        QString text;
        std::function<void(QPainter &, const QRect &)> paintSample;
    };
    QList<LegendItem> legendItems() const;
    int layoutLegend(int width, QList<QRect> *samples, QList<QRect> *labels) const;
    void paintSummary(QPainter &painter, const GanttBar &bar, const QRectF &rect) const;
    void paintHatching(QPainter &painter, const QRectF &rect, const QColor &bar, bool funding, bool phased) const;
    void paintFade(QPainter &painter, const QRectF &rect, const QColor &colour, bool out) const;
    void paintDiamond(QPainter &painter, const QPointF &centre, double radius, const QColor &fill,
                      const QColor &outline) const;
    void paintShiftMarkers(QPainter &painter, int shifts, double anchorX, const QRect &rowRect,
                           const QRect &chart) const;
    void paintMilestones(QPainter &painter, const GanttBar &bar, const QRect &rowRect, const QRect &chart) const;
    QRectF unclippedBarRect(const GanttBar &bar, const QRect &rowRect, const QRect &chart) const;
    QRectF rawTextRect(const GanttBar &bar, const QRect &rowRect, const QRect &chart) const;
    QRectF bandFor(const QRect &rowRect, double fraction) const;

    TimelineScale m_scale;
    double m_xOffset = 0;
    GanttStyle m_style;
    QDate m_planStart;
    QDate m_planEnd;
    QDate m_today;
    QDate m_noticeDate;
};
