#pragma once

#include <QWidget>

class GanttView;

// The timeline's two-level axis above its rows (financial years over quarters or months),
// scrolled and zoomed with the view. Ctrl+wheel zooms, the wheel scrolls through time.
class GanttHeader : public QWidget
{
    Q_OBJECT
public:
    explicit GanttHeader(GanttView *view);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    GanttView *m_view;
};
