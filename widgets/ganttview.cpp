#include "ganttview.h"

#include "fiscalyear.h"
#include "ganttheader.h"
#include "planformat.h"
#include "timeframe.h"

#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMetaMethod>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QTreeView>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>

using PlanRoles::NodeKind;
using Range = TimelineScale::Range;

namespace {
// How close to a bar's end the pointer must be to resize rather than move it.
constexpr int HandleWidth = 5;

int depthOf(QModelIndex index)
{
    int depth = 0;
    while ((index = index.parent()).isValid())
        ++depth;
    return depth;
}

// The first column the tree shows: rows are measured there (column 0 may be hidden).
int visibleColumn(const QTreeView *tree)
{
    const QHeaderView *header = tree->header();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            return logical;
    }
    return 0;
}

QString datesText(Range range)
{
    Timeframe timeframe;
    timeframe.raw = QStringLiteral("dates");
    timeframe.start = range.start;
    timeframe.end = range.end;
    return PlanFormat::timeframeDates(timeframe);
}
} // namespace

GanttView::GanttView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_header(new GanttHeader(this))
    , m_scale(QDate(2020, 4, 1), 0.6)
    , m_today(QDate::currentDate())
{
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the tree's scroll bar scrolls both
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(20);
    // Scrolling by hand ends "fitted": a later resize keeps the user's place instead.
    connect(horizontalScrollBar(), &QScrollBar::actionTriggered, this, [this] { m_keepFitted = false; });
    syncHeaderHeight();
    updateWorld();
}

GanttView::~GanttView() = default;

void GanttView::setTreeView(QTreeView *tree)
{
    for (const auto &connection : std::as_const(m_treeConnections))
        disconnect(connection);
    m_treeConnections.clear();
    if (m_tree) {
        m_tree->removeEventFilter(this);
        m_tree->header()->removeEventFilter(this);
    }
    m_tree = tree;
    m_initialFitDone = false;
    if (m_tree) {
        // Both viewports must be equally tall, or the last row of one would hide under the
        // other's scroll bar.
        m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
        m_tree->installEventFilter(this); // Alt+arrows edit the timeline from the grid too
        m_tree->header()->installEventFilter(this);
        auto update = [this] { viewport()->update(); };
        QScrollBar *rows = m_tree->verticalScrollBar();
        m_treeConnections << connect(rows, &QScrollBar::valueChanged, this, update)
                          << connect(rows, &QScrollBar::rangeChanged, this, update)
                          << connect(m_tree, &QTreeView::expanded, this, update)
                          << connect(m_tree, &QTreeView::collapsed, this, update)
                          << connect(m_tree->header(), &QHeaderView::geometriesChanged, this,
                                     [this] { syncHeaderHeight(); });
    }
    followModel();
    syncHeaderHeight();
    if (viewport()->width() > 0 && m_model) {
        fitPlan();
        m_initialFitDone = true;
    }
    viewport()->update();
}

void GanttView::followModel()
{
    QAbstractItemModel *model = m_tree ? m_tree->model() : nullptr;
    QItemSelectionModel *selection = m_tree ? m_tree->selectionModel() : nullptr;
    if (model == m_model && selection == m_selection)
        return;
    for (const auto &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    cancelDrag();
    m_model = model;
    m_selection = selection;
    invalidatePlanSpan();
    if (m_model) {
        auto changed = [this] {
            invalidatePlanSpan();
            viewport()->update();
        };
        m_modelConnections << connect(m_model, &QAbstractItemModel::dataChanged, this, changed)
                           << connect(m_model, &QAbstractItemModel::rowsInserted, this, changed)
                           << connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed)
                           << connect(m_model, &QAbstractItemModel::rowsMoved, this, changed)
                           << connect(m_model, &QAbstractItemModel::layoutChanged, this, changed)
                           << connect(m_model, &QAbstractItemModel::modelReset, this, changed);
        // A model that explains its refusals (IntentionTableModel::editRejected and models like
        // it) is heard directly; views over other models connect showEditMessage themselves.
        const int signal = m_model->metaObject()->indexOfSignal("editRejected(QModelIndex,QString)");
        const int slot = staticMetaObject.indexOfSlot("noteRejectedEdit(QModelIndex,QString)");
        if (signal >= 0 && slot >= 0)
            m_modelConnections << connect(m_model, m_model->metaObject()->method(signal), this,
                                          staticMetaObject.method(slot));
    }
    if (m_selection) {
        auto update = [this] { viewport()->update(); };
        m_modelConnections << connect(m_selection, &QItemSelectionModel::selectionChanged, this, update)
                           << connect(m_selection, &QItemSelectionModel::currentChanged, this, update);
    }
}

// --- the axis ---------------------------------------------------------------------------------

void GanttView::invalidatePlanSpan()
{
    m_planSpanValid = false;
    if (m_worldUpdatePending)
        return;
    // The world (how far one can scroll) follows the plan's span, once per burst of changes.
    m_worldUpdatePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_worldUpdatePending = false;
            updateWorld();
        },
        Qt::QueuedConnection);
}

void GanttView::ensurePlanSpan() const
{
    if (m_planSpanValid)
        return;
    m_planSpanValid = true;
    m_planStart = {};
    m_planEnd = {};
    if (m_model) {
        // Group rows that give their span (IntentionGroupModel does) stand for their children,
        // so a grouped plan of 100,000 intentions costs a few dozen reads.
        std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
            const int rows = m_model->rowCount(parent);
            for (int row = 0; row < rows; ++row) {
                const QModelIndex index = m_model->index(row, 0, parent);
                const QVariant kind = index.data(PlanRoles::NodeKindRole);
                const bool group = kind.isValid() && NodeKind(kind.toInt()) != NodeKind::Intention;
                const QDate start = index.data(PlanRoles::StartDateRole).toDate();
                const QDate end = index.data(PlanRoles::EndDateRole).toDate();
                if (group && !start.isValid() && !end.isValid()) {
                    visit(index);
                    continue;
                }
                if (!group && index.data(PlanRoles::NeedsReviewRole).toBool())
                    continue; // its dates are not known to be right
                for (const QDate &date : {start, end}) {
                    if (!date.isValid())
                        continue;
                    if (!m_planStart.isValid() || date < m_planStart)
                        m_planStart = date;
                    if (!m_planEnd.isValid() || date > m_planEnd)
                        m_planEnd = date;
                }
            }
        };
        visit(QModelIndex());
    }
    if (!m_planStart.isValid()) {
        // Nothing dated: the five years a plan covers, from this one.
        m_planStart = FiscalYear::containing(m_today).start();
        m_planEnd = FiscalYear::containing(m_today).next(4).end();
    }
}

QDate GanttView::planStart() const
{
    ensurePlanSpan();
    return m_planStart;
}

QDate GanttView::planEnd() const
{
    ensurePlanSpan();
    return m_planEnd;
}

void GanttView::updateWorld()
{
    ensurePlanSpan();
    const double oldValue = horizontalScrollBar()->value();
    const QDate keep = m_scale.dateAt(oldValue);
    const double into = oldValue - m_scale.x(keep);

    QDate low = std::min(m_planStart, m_today);
    QDate high = std::max(m_planEnd, m_today);
    for (const QDate &date : {m_noticeDate, m_extraStart, m_extraEnd}) {
        if (date.isValid()) {
            low = std::min(low, date);
            high = std::max(high, date);
        }
    }
    // Room either side to scroll into: two years before, three after.
    m_scale.setOrigin(FiscalYear::containing(low).start().addYears(-2));
    m_worldEnd = FiscalYear::containing(high).end().addYears(3);
    updateScrollBars();
    horizontalScrollBar()->setValue(int(std::lround(m_scale.x(keep) + into)));
    viewport()->update();
    m_header->update();
}

void GanttView::updateScrollBars()
{
    QScrollBar *bar = horizontalScrollBar();
    const int width = viewport()->width();
    const int content = int(std::ceil(m_scale.xAfter(m_worldEnd)));
    bar->setRange(0, std::max(0, content - width));
    bar->setPageStep(std::max(1, width));
}

void GanttView::setPixelsPerDay(double pixelsPerDay, int anchorX)
{
    m_keepFitted = false;
    if (anchorX < 0)
        anchorX = viewport()->width() / 2;
    const double days = (horizontalScrollBar()->value() + anchorX) / m_scale.pixelsPerDay();
    const double before = m_scale.pixelsPerDay();
    m_scale.setPixelsPerDay(pixelsPerDay);
    updateScrollBars();
    horizontalScrollBar()->setValue(int(std::lround(days * m_scale.pixelsPerDay() - anchorX)));
    viewport()->update();
    m_header->update();
    if (m_scale.pixelsPerDay() != before)
        emit zoomChanged(m_scale.pixelsPerDay());
}

void GanttView::zoomIn()
{
    setPixelsPerDay(m_scale.zoomedIn());
}

void GanttView::zoomOut()
{
    setPixelsPerDay(m_scale.zoomedOut());
}

QDate GanttView::firstVisibleDate() const
{
    return m_scale.dateAt(horizontalScrollBar()->value());
}

QDate GanttView::lastVisibleDate() const
{
    return m_scale.dateAt(horizontalScrollBar()->value() + viewport()->width() - 1);
}

int GanttView::xForDate(QDate date) const
{
    return int(std::lround(m_scale.x(date) - horizontalScrollBar()->value()));
}

QDate GanttView::dateAtX(int x) const
{
    return m_scale.dateAt(x + horizontalScrollBar()->value());
}

void GanttView::showRange(QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || to < from)
        return;
    if (from < m_scale.origin() || to > m_worldEnd) {
        m_extraStart = from;
        m_extraEnd = to;
        updateWorld();
    }
    // Room on the left for the shift markers before the first bar, a little on the right.
    const int left = 44;
    const int right = 16;
    setPixelsPerDay(TimelineScale::pixelsPerDayToFit(from, to, std::max(50, viewport()->width() - left - right)));
    horizontalScrollBar()->setValue(int(std::lround(m_scale.x(from))) - left);
}

void GanttView::scrollToDate(QDate date)
{
    if (!date.isValid())
        return;
    if (date < m_scale.origin() || date > m_worldEnd) {
        m_extraStart = date;
        m_extraEnd = date;
        updateWorld();
    }
    horizontalScrollBar()->setValue(int(std::lround(m_scale.x(date))) - 24);
    m_keepFitted = false;
}

void GanttView::fitPlan()
{
    showRange(planStart(), planEnd());
    m_keepFitted = true;
}

void GanttView::scrollToToday()
{
    // Today a third of the way in: what is coming matters more than what is past.
    horizontalScrollBar()->setValue(int(std::lround(m_scale.x(m_today))) - viewport()->width() / 3);
    m_keepFitted = false;
}

void GanttView::setNoticeDate(QDate date)
{
    m_noticeDate = date;
    invalidatePlanSpan();
    viewport()->update();
}

void GanttView::setToday(QDate date)
{
    m_today = date.isValid() ? date : QDate::currentDate();
    invalidatePlanSpan();
    viewport()->update();
}

// --- layout -----------------------------------------------------------------------------------

int GanttView::headerHeight() const
{
    return m_headerHeight;
}

void GanttView::syncHeaderHeight()
{
    int height = GanttPainter::headerHeight(font());
    const bool treeHeader = m_tree && !m_tree->isHeaderHidden();
    if (treeHeader)
        height = std::max(height, m_tree->header()->sizeHint().height());
    if (m_tree && m_tree->isHeaderHidden())
        height = 0; // rows start at the top of the tree: they must here too
    if (treeHeader && m_tree->header()->minimumHeight() != height) {
        // The grid's header grows to the timeline's two rows, so row 1 starts at the same y in
        // both views. QTreeView lays its header out at its minimum height when that is larger.
        m_tree->header()->setMinimumHeight(height);
        QMetaObject::invokeMethod(m_tree, "updateGeometries");
    }
    if (height != m_headerHeight) {
        m_headerHeight = height;
        updateHeaderGeometry();
    }
}

void GanttView::updateHeaderGeometry()
{
    setViewportMargins(0, m_headerHeight, 0, 0);
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - m_headerHeight, area.width(), m_headerHeight);
    m_header->setVisible(m_headerHeight > 0);
}

QRect GanttView::chartRect() const
{
    return viewport()->rect();
}

GanttPainter GanttView::makePainter() const
{
    GanttPainter painter(m_scale, horizontalScrollBar()->value(), GanttStyle::fromPalette(palette(), font()));
    painter.setPlanSpan(planStart(), planEnd());
    painter.setToday(m_today);
    painter.setNoticeDate(m_noticeDate);
    return painter;
}

QList<GanttRow> GanttView::visibleRows() const
{
    QList<GanttRow> rows;
    if (!m_tree || !m_model || m_tree->model() != m_model)
        return rows;
    const int column = visibleColumn(m_tree);
    const int height = viewport()->height();
    const int width = viewport()->width();
    QModelIndex index = m_tree->indexAt(QPoint(0, 0));
    if (!index.isValid())
        return rows;
    index = index.siblingAtColumn(column);
    // Ask the tree where each row is: the same y and height as the grid, whatever the row
    // heights, indentation or expansion.
    for (; index.isValid(); index = m_tree->indexBelow(index)) {
        const QRect rect = m_tree->visualRect(index);
        if (rect.isEmpty())
            continue;
        if (rect.top() >= height)
            break;
        GanttRow row;
        row.index = index.siblingAtColumn(0);
        row.rect = QRect(0, rect.top(), width, rect.height());
        row.depth = depthOf(index);
        row.selected = m_selection && (m_selection->isSelected(index) || m_selection->isSelected(row.index));
        rows.append(row);
    }
    return rows;
}

QRect GanttView::rowRect(const QModelIndex &index) const
{
    if (!m_tree || !index.isValid() || index.model() != m_model)
        return {};
    const QRect rect = m_tree->visualRect(index.siblingAtColumn(visibleColumn(m_tree)));
    const QRect row(0, rect.top(), viewport()->width(), rect.height());
    return rect.isEmpty() || !row.intersects(viewport()->rect()) ? QRect() : row;
}

GanttBar GanttView::barFor(const QModelIndex &index) const
{
    GanttBar bar = GanttBar::fromIndex(index);
    if (m_drag.active && m_drag.index.isValid() && index.siblingAtColumn(0) == m_drag.index) {
        bar.start = m_drag.preview.start;
        bar.end = m_drag.preview.end;
        bar.kind = bar.start.day() == 1 && bar.end == bar.start.addMonths(1).addDays(-1) ? GanttBar::Kind::Milestone
                                                                                           : GanttBar::Kind::Dated;
    }
    return bar;
}

QRect GanttView::barRect(const QModelIndex &index) const
{
    const QRect row = rowRect(index);
    if (row.isEmpty())
        return {};
    return makePainter().barRect(barFor(index), row, chartRect()).toAlignedRect();
}

GanttBar::Kind GanttView::barKind(const QModelIndex &index) const
{
    return barFor(index).kind;
}

QModelIndex GanttView::indexAt(const QPoint &viewportPos) const
{
    if (!m_tree || !m_model || !viewport()->rect().contains(viewportPos))
        return {};
    const QModelIndex index = m_tree->indexAt(QPoint(0, viewportPos.y()));
    return index.isValid() ? index.siblingAtColumn(0) : QModelIndex();
}

GanttView::Handle GanttView::handleAt(const QModelIndex &index, const QPoint &pos) const
{
    if (!index.isValid())
        return Handle::None;
    const GanttBar bar = barFor(index);
    const QRect rect = barRect(index).adjusted(-HandleWidth / 2, 0, HandleWidth / 2, 0);
    if (rect.isEmpty() || !rect.contains(pos))
        return Handle::None;
    if (bar.kind != GanttBar::Kind::Dated)
        return Handle::Body; // a diamond, a note or a fade: one thing to grab
    // The ends measured where the dates are, not where the bar is clipped at the edge.
    const int left = xForDate(bar.start);
    const int right = int(std::lround(m_scale.xAfter(bar.end) - horizontalScrollBar()->value()));
    if (right - left >= 3 * HandleWidth) {
        if (std::abs(pos.x() - left) <= HandleWidth)
            return Handle::Start;
        if (std::abs(pos.x() - right) <= HandleWidth)
            return Handle::End;
    }
    return Handle::Body;
}

// --- painting ---------------------------------------------------------------------------------

void GanttView::paintEvent(QPaintEvent *event)
{
    followModel();
    QPainter painter(viewport());
    const GanttPainter gantt = makePainter();
    const QRect chart = chartRect();
    painter.setClipRect(event->rect());
    gantt.paintBackground(painter, chart);
    for (const GanttRow &row : visibleRows()) {
        if (!row.rect.intersects(event->rect()))
            continue;
        const GanttBar bar = barFor(row.index);
        gantt.paintRowBackground(painter, row, bar);
        gantt.paintBar(painter, bar, row.rect, chart, row.selected);
    }
    gantt.paintDateLines(painter, chart);
}

void GanttView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateHeaderGeometry();
    updateScrollBars();
    if ((!m_initialFitDone || m_keepFitted) && m_model && viewport()->width() > 50) {
        m_initialFitDone = true;
        fitPlan();
    }
}

void GanttView::scrollContentsBy(int, int)
{
    viewport()->update();
    m_header->update();
}

void GanttView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        syncHeaderHeight();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        viewport()->update();
        m_header->update();
    }
}

// --- mouse and keys ---------------------------------------------------------------------------

void GanttView::selectFromClick(const QModelIndex &index, Qt::KeyboardModifiers modifiers)
{
    if (!m_selection || !index.isValid())
        return;
    const auto rows = QItemSelectionModel::Rows;
    if (modifiers & Qt::ControlModifier) {
        m_selection->setCurrentIndex(index, QItemSelectionModel::Toggle | rows);
    } else if ((modifiers & Qt::ShiftModifier) && m_selection->currentIndex().isValid() && m_tree) {
        // Every row the tree shows between the current one and this one.
        QModelIndex from = m_selection->currentIndex().siblingAtColumn(0);
        QModelIndex to = index;
        if (m_tree->visualRect(from).top() > m_tree->visualRect(to).top())
            std::swap(from, to);
        QItemSelection range;
        for (QModelIndex row = from; row.isValid(); row = m_tree->indexBelow(row)) {
            range.select(row, row);
            if (row == to)
                break;
        }
        m_selection->select(range, QItemSelectionModel::ClearAndSelect | rows);
        m_selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    } else {
        m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | rows);
    }
}

void GanttView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    selectFromClick(index, event->modifiers());
    m_drag = Drag();
    const Handle handle = handleAt(index, pos);
    if (handle == Handle::None || (event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)))
        return;
    const GanttBar bar = barFor(index);
    m_drag.index = index;
    m_drag.handle = handle;
    m_drag.pressPos = pos;
    m_drag.original = {bar.start, bar.end};
    m_drag.preview = m_drag.original;
    m_drag.pressed = true;
    m_drag.refusal = bar.whyNotDraggable();
}

void GanttView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_drag.pressed) {
        updateCursor(pos);
        return;
    }
    if (!m_drag.active) {
        if ((pos - m_drag.pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        if (!m_drag.refusal.isEmpty()) {
            const Drag refused = m_drag;
            m_drag = Drag();
            showEditMessage(refused.refusal, refused.index);
            return;
        }
        m_drag.active = true;
    }
    const TimelineScale::Unit unit = m_scale.detailUnit();
    const double x = pos.x() + horizontalScrollBar()->value();
    switch (m_drag.handle) {
    case Handle::Body:
        m_drag.preview = TimelineScale::moved(m_drag.original, m_scale.monthsForDistance(pos.x() - m_drag.pressPos.x(), unit));
        break;
    case Handle::Start:
        m_drag.preview = TimelineScale::withStartAt(m_drag.original, m_scale.boundaryNear(x, unit), unit);
        break;
    case Handle::End:
        m_drag.preview = TimelineScale::withEndBefore(m_drag.original, m_scale.boundaryNear(x, unit), unit);
        break;
    case Handle::None:
        break;
    }
    viewport()->setCursor(m_drag.handle == Handle::Body ? Qt::ClosedHandCursor : Qt::SizeHorCursor);
    QToolTip::showText(event->globalPosition().toPoint(), datesText(m_drag.preview), viewport());
    viewport()->update();
}

void GanttView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_drag.pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = m_drag;
    m_drag = Drag();
    viewport()->update();
    updateCursor(event->position().toPoint());
    if (drag.active && drag.preview != drag.original && drag.index.isValid())
        commitDates(drag.index, drag.preview);
}

void GanttView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Brings the row's bar into view when it is off to one side.
    const QModelIndex index = indexAt(event->position().toPoint());
    const GanttBar bar = barFor(index);
    if (index.isValid() && barRect(index).isEmpty() && (bar.start.isValid() || bar.end.isValid()))
        scrollToDate(bar.start.isValid() ? bar.start : bar.end);
}

void GanttView::cancelDrag()
{
    if (!m_drag.pressed)
        return;
    m_drag = Drag();
    viewport()->unsetCursor();
    QToolTip::hideText();
    viewport()->update();
}

void GanttView::updateCursor(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    const Handle handle = handleAt(index, pos);
    if (handle == Handle::None || !barFor(index).isDraggable())
        viewport()->unsetCursor();
    else if (handle == Handle::Body)
        viewport()->setCursor(Qt::OpenHandCursor);
    else
        viewport()->setCursor(Qt::SizeHorCursor);
}

bool GanttView::commitDates(const QModelIndex &index, Range range)
{
    if (!m_model)
        return false;
    const QModelIndex target = index.siblingAtColumn(0);
    const QString title = GanttBar::fromIndex(target).title;
    m_committing = true;
    m_rejection.clear();
    // One setData with both dates: one undo step, whichever ends moved.
    const bool done = m_model->setData(target, QVariantList{range.start, range.end}, PlanRoles::DateRangeRole);
    m_committing = false;
    if (!done) {
        showEditMessage(m_rejection.isEmpty() ? tr("The dates of “%1” could not be changed.").arg(title)
                                              : m_rejection,
                        target);
        return false;
    }
    emit datesEdited(target, range.start, range.end);
    return true;
}

void GanttView::noteRejectedEdit(const QModelIndex &, const QString &message)
{
    // Only refusals of our own edits: the grid shows its own at its cells.
    if (m_committing)
        m_rejection = message;
}

void GanttView::showEditMessage(const QString &text, const QModelIndex &index)
{
    QModelIndex at = index;
    if (!at.isValid() && m_selection)
        at = m_selection->currentIndex();
    QRect place = barRect(at);
    if (place.isEmpty())
        place = rowRect(at);
    const QPoint point = place.isEmpty() ? viewport()->rect().center() : place.bottomLeft();
    QToolTip::showText(viewport()->mapToGlobal(point), text, viewport());
    emit message(text);
}

bool GanttView::handleEditKey(QKeyEvent *event)
{
    const int key = event->key();
    if (!(event->modifiers() & Qt::AltModifier) || (key != Qt::Key_Left && key != Qt::Key_Right))
        return false;
    if (!m_selection || !m_model)
        return true;
    QModelIndex index = m_selection->currentIndex();
    if (!index.isValid() && m_selection->hasSelection())
        index = m_selection->selectedIndexes().constFirst();
    if (!index.isValid())
        return true;
    index = index.siblingAtColumn(0);
    const GanttBar bar = barFor(index);
    if (!bar.isDraggable()) {
        showEditMessage(bar.whyNotDraggable(), index);
        return true;
    }
    // One unit of what the axis shows: a month, or a quarter when zoomed out to quarters.
    const TimelineScale::Unit unit = m_scale.detailUnit();
    const int months = TimelineScale::monthsIn(unit) * (key == Qt::Key_Right ? 1 : -1);
    const Range original{bar.start, bar.end};
    Range range;
    if (event->modifiers() & Qt::ShiftModifier) {
        const QDate boundary = TimelineScale::nearestBoundary(bar.end.addDays(1), unit).addMonths(months);
        range = TimelineScale::withEndBefore(original, boundary, unit);
    } else {
        range = TimelineScale::moved(original, months);
    }
    if (range == original) {
        showEditMessage(tr("“%1” cannot be shorter than one %2.")
                            .arg(bar.title, unit == TimelineScale::Unit::Month ? tr("month") : tr("quarter")),
                        index);
        return true;
    }
    commitDates(index, range);
    return true;
}

bool GanttView::handleZoomKey(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return true;
    case Qt::Key_Minus:
        zoomOut();
        return true;
    default:
        return false;
    }
}

void GanttView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_drag.pressed) {
        cancelDrag();
        return;
    }
    if (handleEditKey(event) || handleZoomKey(event))
        return;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(event->key() == Qt::Key_Left ? QAbstractSlider::SliderSingleStepSub
                                                                           : QAbstractSlider::SliderSingleStepAdd);
        return;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
        // Moving between rows is the tree's job: the current row and the scroll are shared.
        if (m_tree) {
            QApplication::sendEvent(m_tree, event);
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void GanttView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0)
            setPixelsPerDay(delta.y() > 0 ? m_scale.zoomedIn() : m_scale.zoomedOut(), int(event->position().x()));
        event->accept();
        return;
    }
    if ((event->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y())) {
        const int step = delta.x() != 0 ? delta.x() : delta.y();
        QScrollBar *bar = horizontalScrollBar();
        bar->setValue(bar->value() - step * bar->singleStep() * 3 / 120);
        m_keepFitted = false;
        event->accept();
        return;
    }
    if (m_tree) {
        QApplication::sendEvent(m_tree->verticalScrollBar(), event);
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool GanttView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        const QString text = index.isValid() ? toolTipText(index) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport(), rowRect(index));
        return true;
    }
    if (event->type() == QEvent::Leave && !m_drag.pressed)
        viewport()->unsetCursor();
    return QAbstractScrollArea::viewportEvent(event);
}

bool GanttView::eventFilter(QObject *watched, QEvent *event)
{
    if (m_tree && watched == m_tree && event->type() == QEvent::KeyPress) {
        if (handleEditKey(static_cast<QKeyEvent *>(event)))
            return true;
    }
    if (m_tree && watched == m_tree->header() && (event->type() == QEvent::Resize || event->type() == QEvent::Show
                                                  || event->type() == QEvent::Hide))
        syncHeaderHeight();
    return QAbstractScrollArea::eventFilter(watched, event);
}

QString GanttView::toolTipText(const QModelIndex &index) const
{
    const GanttBar bar = barFor(index);
    auto escaped = [](const QString &text) { return text.toHtmlEscaped(); };
    QStringList lines{QStringLiteral("<b>%1</b>").arg(escaped(bar.title))};
    if (bar.node != NodeKind::Intention) {
        const int count = index.data(PlanRoles::IntentionCountRole).toInt();
        if (count > 0)
            lines << tr("%n intention(s)", nullptr, count);
        if (bar.kind == GanttBar::Kind::Summary)
            lines << tr("Spans %1").arg(escaped(datesText({bar.start, bar.end})));
        return lines.join(QStringLiteral("<br/>"));
    }
    Timeframe timeframe = index.data(PlanRoles::TimeframeRole).value<Timeframe>();
    if (timeframe.raw.isEmpty() && !timeframe.hasDates()) {
        // A model without TimeframeRole: what the other roles say.
        timeframe.raw = bar.raw;
        timeframe.start = index.data(PlanRoles::StartDateRole).toDate();
        timeframe.end = index.data(PlanRoles::EndDateRole).toDate();
        timeframe.openEnded = index.data(PlanRoles::OpenEndedRole).toBool();
        timeframe.needsReview = index.data(PlanRoles::NeedsReviewRole).toBool();
        timeframe.flags = Timeframe::Flags(index.data(PlanRoles::TimeframeFlagsRole).toInt());
    }
    lines << tr("Timeframe: %1").arg(timeframe.isNotSet() ? tr("not set")
                                                         : QStringLiteral("“%1”").arg(escaped(timeframe.raw)));
    lines << tr("Dates: %1").arg(escaped(m_drag.active && index.siblingAtColumn(0) == m_drag.index
                                             ? datesText(m_drag.preview)
                                             : PlanFormat::timeframeDates(timeframe)));
    QStringList flags;
    if (timeframe.flags.testFlag(Timeframe::SubjectToFunding))
        flags << tr("subject to funding");
    if (timeframe.flags.testFlag(Timeframe::Phased))
        flags << tr("phased");
    if (timeframe.flags.testFlag(Timeframe::ToBeConfirmed))
        flags << tr("to be confirmed");
    if (timeframe.review == Timeframe::Review::Annual)
        flags << tr("reviewed annually");
    if (timeframe.openEnded)
        flags << tr("open-ended");
    if (!flags.isEmpty())
        lines << tr("Flags: %1").arg(flags.join(QStringLiteral(", ")));
    if (timeframe.needsReview)
        lines << QStringLiteral("<span style=\"color:#B35C00\">%1</span>")
                     .arg(escaped(tr("Needs review: %1").arg(timeframe.reason.isEmpty() ? tr("the text could not be read")
                                                                                          : timeframe.reason)));
    for (const auto &milestone : bar.milestones)
        lines << tr("Milestone: %1 (%2)%3")
                     .arg(escaped(milestone.title), PlanFormat::date(milestone.due),
                          milestone.done ? tr(", done") : QString());
    if (bar.isDraggable())
        lines << QStringLiteral("<i>%1</i>").arg(tr("Drag to move, drag an end to resize."));
    return lines.join(QStringLiteral("<br/>"));
}
