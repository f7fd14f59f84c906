#include "ganttheader.h"

#include "ganttpainter.h"
#include "ganttview.h"

#include <QApplication>
#include <QPainter>
#include <QWheelEvent>

GanttHeader::GanttHeader(GanttView *view)
    : QWidget(view)
    , m_view(view)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize GanttHeader::sizeHint() const
{
    return QSize(200, m_view->headerHeight());
}

void GanttHeader::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_view->makePainter().paintHeader(painter, rect());
}

void GanttHeader::wheelEvent(QWheelEvent *event)
{
    // The same as over the rows: Ctrl zooms about the pointer, otherwise time scrolls.
    QApplication::sendEvent(m_view->viewport(), event);
}
