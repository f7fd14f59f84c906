#pragma once

#include "result.h"

#include <QDate>
#include <QImage>
#include <QList>
#include <QPageLayout>
#include <QPageSize>
#include <QPersistentModelIndex>
#include <QSize>
#include <QString>

class QAbstractItemModel;
class QPagedPaintDevice;
class QPainter;
class QPrinter;

// What an export shows and how big.
struct GanttExportOptions
{
    QDate from;          // first day shown; invalid: from the rows' first financial year
    QDate to;            // last day shown; invalid: to the rows' last financial year
    QString title;       // printed above the timeline
    QDate today;         // lines drawn across the rows (invalid: none)
    QDate noticeDate;
    int chartWidth = 1400; // PNG/SVG: width of the timeline part, in pixels
    int labelWidth = 340;  // the row legend column (narrower on small pages)
    int rowHeight = 20;
    bool legend = true;
};

// The timeline on paper and in files: the same bars as the window (GanttPainter), with a row
// legend column naming each row, the two-level header, date lines and a key to the bar styles.
// PNG and SVG are one tall sheet; PDF and print run across pages, the header and key repeated
// on every page. It reads the item model by role, like the view, so the rows are whatever the
// model shows (a filtered group model prints the filtered plan).
class GanttExport
{
public:
    using Options = GanttExportOptions;

    struct Row
    {
        QPersistentModelIndex index;
        int depth = 0;
    };

    // Every row of model under roots (all of them when roots is empty), depth first, expanded.
    explicit GanttExport(const QAbstractItemModel *model, Options options = {},
                         const QList<QModelIndex> &roots = {});

    const QList<Row> &rows() const { return m_rows; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }

    // The single sheet of PNG and SVG, in logical pixels.
    QSize sheetSize() const;
    QImage toImage(qreal devicePixelRatio = 2.0) const;
    Result<void> writePng(const QString &path) const;
    Result<void> writeSvg(const QString &path) const;
    // Pages of pageSize (A4, A3…) in orientation, 10 mm margins.
    Result<void> writePdf(const QString &path, const QPageSize &pageSize = QPageSize(QPageSize::A4),
                          QPageLayout::Orientation orientation = QPageLayout::Landscape) const;
    // Prints on a printer already set up (page size, orientation, range chosen by the user);
    // returns the number of pages.
    int print(QPrinter *printer) const;
    // How many pages a page of this many logical pixels (96 per inch) holds the rows on.
    int pageCount(const QSize &page) const;

    // Writes by the file's suffix: .png, .svg or .pdf.
    Result<void> write(const QString &path) const;

private:
    int rowsPerPage(const QSize &page) const;
    int legendHeight(int width) const;
    int titleHeight() const;
    int headerHeight() const;
    // Paints rows [first, first + count) onto a sheet of size (logical pixels).
    void paintSheet(QPainter &painter, const QSize &size, int first, int count, int page, int pages) const;
    int paginate(QPagedPaintDevice &device, QPainter &painter, qreal scale, const QSize &page) const;

    const QAbstractItemModel *m_model;
    Options m_options;
    QList<Row> m_rows;
    QDate m_from;
    QDate m_to;
    QDate m_planStart; // the rows' dated span: what a bare "ongoing" bar spans
    QDate m_planEnd;
};
