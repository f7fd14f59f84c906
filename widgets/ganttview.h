#pragma once

#include "ganttpainter.h"
#include "timelinescale.h"

#include <QAbstractScrollArea>
#include <QDate>
#include <QList>
#include <QPersistentModelIndex>
#include <QItemSelectionModel>
#include <QPointer>
#include <QTreeView>

class QAbstractItemModel;
class GanttHeader;

// The timeline beside a tree view: one row per row the tree shows, at the same height and in
// the same order (it asks the tree where each row is, so expanding, collapsing, sorting and
// filtering follow by themselves), one selection (the tree's selection model) and one vertical
// scroll (the tree's scroll bar). It reads the tree's model through the roles of
// models/planroles.h, keeps no copy of the data, and lays out and paints only the rows in view.
//
// Editing: drag a bar to move it, drag an end to resize it, snapped to months (quarters when
// zoomed out). While dragging only the preview changes; on release the view makes ONE
// setData(DateRangeRole, {start, end}) on the model — one undo step. Escape cancels. Bars that
// have no dates of their own (open-ended, ongoing, needing review) are refused with a message.
// Keyboard: Alt+Left/Right moves the current row's bar, Alt+Shift+Left/Right moves its end, by
// one month (one quarter when zoomed out to quarters); + and − zoom.
class GanttView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit GanttView(QWidget *parent = nullptr);
    ~GanttView() override;

    // The tree whose rows, model, selection and vertical scroll the timeline shares. Set it
    // after the tree has its model; setting another model on the tree later is followed too.
    void setTreeView(QTreeView *tree);
    QTreeView *treeView() const { return m_tree; }
    QAbstractItemModel *model() const { return m_model; }

    // --- the axis --------------------------------------------------------------------------
    const TimelineScale &scale() const { return m_scale; }
    double pixelsPerDay() const { return m_scale.pixelsPerDay(); }
    // Zooms keeping the date under anchorX (viewport x; -1: the middle) where it is.
    void setPixelsPerDay(double pixelsPerDay, int anchorX = -1);
    QDate firstVisibleDate() const;
    QDate lastVisibleDate() const;
    // Shows from..to (inclusive) across the viewport, zooming to fit.
    void showRange(QDate from, QDate to);
    // Scrolls so that date is a little right of the left edge (same zoom).
    void scrollToDate(QDate date);
    // Viewport x of the left edge of date.
    int xForDate(QDate date) const;
    QDate dateAtX(int x) const;

    // The dated span of every row of the model (not only those shown): where "fit plan" goes
    // and what a bare "ongoing" bar spans. Worked out again when the model changes.
    QDate planStart() const;
    QDate planEnd() const;

    QDate noticeDate() const { return m_noticeDate; }
    void setNoticeDate(QDate date);
    QDate today() const { return m_today; }
    void setToday(QDate date); // default: the system's date

    // --- rows and bars, in viewport coordinates ------------------------------------------
    // The row's band (empty when the row is not in view).
    QRect rowRect(const QModelIndex &index) const;
    // The part of the row's bar that is in view (empty when none): what the mouse can grab.
    QRect barRect(const QModelIndex &index) const;
    GanttBar::Kind barKind(const QModelIndex &index) const;
    QModelIndex indexAt(const QPoint &viewportPos) const;
    // The rows in view, top to bottom, as painted.
    QList<GanttRow> visibleRows() const;
    int headerHeight() const;
    // What the row's tooltip says: title, raw timeframe, parsed dates, flags, milestones.
    QString toolTipText(const QModelIndex &index) const;

    // Whether a drag is in progress (preview shown, nothing written yet).
    bool isDragging() const { return m_drag.active; }

public slots:
    void zoomIn();
    void zoomOut();
    void fitPlan();
    void scrollToToday();
    // Shows message at the row's bar (or the current row) and repeats it as message().
    void showEditMessage(const QString &text, const QModelIndex &index = {});
    // Connect the editing model's refusals here (IntentionTableModel::editRejected): a refusal
    // of the view's own edit is shown at the bar. The view's own model, if it has such a signal,
    // is connected by itself.
    void noteRejectedEdit(const QModelIndex &index, const QString &message);

signals:
    // For the status bar: why an edit was refused, and similar.
    void message(const QString &text);
    void zoomChanged(double pixelsPerDay);
    // A drag or key edit was written to the model (one undo step).
    void datesEdited(const QModelIndex &index, QDate start, QDate end);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;


private:
    friend class GanttHeader;
    enum class Handle { None, Body, Start, End };
    struct Drag
    {
        QPersistentModelIndex index;
        Handle handle = Handle::None;
        QPoint pressPos;
        TimelineScale::Range original;
        TimelineScale::Range preview;
        bool pressed = false;
        bool active = false; // moved past the drag distance
        QString refusal;     // the bar cannot be dragged: said once when a drag starts
    };

    void followModel();
    void invalidatePlanSpan();
    void ensurePlanSpan() const;
    void updateWorld();
    void updateScrollBars();
    void updateHeaderGeometry();
    void syncHeaderHeight();
    GanttPainter makePainter() const;
    QRect chartRect() const;
    GanttBar barFor(const QModelIndex &index) const; // with the drag's preview dates
    Handle handleAt(const QModelIndex &index, const QPoint &pos) const;
    void updateCursor(const QPoint &pos);
    void selectFromClick(const QModelIndex &index, Qt::KeyboardModifiers modifiers);
    void cancelDrag();
    bool commitDates(const QModelIndex &index, TimelineScale::Range range);
    bool handleEditKey(QKeyEvent *event);
    bool handleZoomKey(QKeyEvent *event);

    QPointer<QTreeView> m_tree;
    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selection;
    QList<QMetaObject::Connection> m_modelConnections;
    QList<QMetaObject::Connection> m_treeConnections;
    GanttHeader *m_header = nullptr;
    TimelineScale m_scale;
    QDate m_worldEnd;
    QDate m_extraStart; // dates asked for by showRange/scrollToDate: kept in the world
    QDate m_extraEnd;
    bool m_worldUpdatePending = false;
    QDate m_noticeDate;
    QDate m_today;
    mutable bool m_planSpanValid = false;
    mutable QDate m_planStart;
    mutable QDate m_planEnd;
    Drag m_drag;
    bool m_committing = false;     // inside our own setData: a refusal is ours to show
    QString m_rejection;           // what the model said while we were committing
    bool m_initialFitDone = false;
    bool m_keepFitted = false; // after "fit plan", until the user zooms or scrolls: refit on resize
    int m_headerHeight = 0;
};
