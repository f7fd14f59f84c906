#include "ganttexport.h"

#include "fiscalyear.h"
#include "ganttpainter.h"
#include "planformat.h"
#include "planroles.h"

#include <QAbstractItemModel>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

using PlanRoles::NodeKind;

namespace {
// Layout is in logical pixels at 96 per inch; a printer's painter is scaled to match.
constexpr int LogicalDpi = 96;
constexpr int Padding = 6;
// Tall sheets at device pixel ratio 2 would pass what image files and viewers take.
constexpr int MaximumImageSide = 30000;

void collect(const QAbstractItemModel *model, const QModelIndex &parent, int depth, QList<GanttExport::Row> &rows)
{
    const int count = model->rowCount(parent);
    for (int row = 0; row < count; ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        rows.append({QPersistentModelIndex(index), depth});
        if (model->hasChildren(index))
            collect(model, index, depth + 1, rows);
    }
}
} // namespace

GanttExport::GanttExport(const QAbstractItemModel *model, Options options, const QList<QModelIndex> &roots)
    : m_model(model)
    , m_options(std::move(options))
{
    if (m_model) {
        if (roots.isEmpty()) {
            collect(m_model, {}, 0, m_rows);
        } else {
            for (const QModelIndex &root : roots) {
                m_rows.append({QPersistentModelIndex(root.siblingAtColumn(0)), 0});
                collect(m_model, root.siblingAtColumn(0), 1, m_rows);
            }
        }
    }
    // The range: as asked, or the rows' dated span in whole financial years.
    QDate first;
    QDate last;
    for (const Row &row : std::as_const(m_rows)) {
        const GanttBar bar = GanttBar::fromIndex(row.index);
        if (bar.kind == GanttBar::Kind::NeedsReview)
            continue;
        for (const QDate &date : {bar.start, bar.end}) {
            if (!date.isValid())
                continue;
            first = first.isValid() ? std::min(first, date) : date;
            last = last.isValid() ? std::max(last, date) : date;
        }
    }
    if (!first.isValid()) {
        first = FiscalYear::containing(QDate::currentDate()).start();
        last = FiscalYear::containing(first).next(4).end();
    }
    m_planStart = first;
    m_planEnd = last;
    m_from = m_options.from.isValid() ? m_options.from : FiscalYear::containing(first).start();
    m_to = m_options.to.isValid() ? m_options.to : FiscalYear::containing(last).end();
    if (m_to < m_from)
        std::swap(m_from, m_to);
}

int GanttExport::titleHeight() const
{
    return QFontMetrics(GanttStyle::forPrint().font).height() * 2 + Padding;
}

int GanttExport::headerHeight() const
{
    return GanttPainter::headerHeight(GanttStyle::forPrint().font);
}

int GanttExport::legendHeight(int width) const
{
    if (!m_options.legend)
        return 0;
    const GanttPainter painter(TimelineScale(), 0, GanttStyle::forPrint());
    return painter.legendHeight(width) + Padding;
}

QSize GanttExport::sheetSize() const
{
    const int width = m_options.labelWidth + m_options.chartWidth;
    return QSize(width, titleHeight() + headerHeight() + int(m_rows.size()) * m_options.rowHeight + legendHeight(width));
}

void GanttExport::paintSheet(QPainter &painter, const QSize &size, int first, int count, int page, int pages) const
{
    const GanttStyle style = GanttStyle::forPrint();
    const int labelWidth = std::min(m_options.labelWidth, size.width() / 3);
    const int chartLeft = labelWidth;
    const int chartWidth = size.width() - labelWidth;
    const int rowHeight = m_options.rowHeight;
    const TimelineScale scale(m_from, double(chartWidth) / double(m_from.daysTo(m_to) + 1));
    GanttPainter gantt(scale, -chartLeft, style);
    gantt.setToday(m_options.today);
    gantt.setNoticeDate(m_options.noticeDate);
    gantt.setPlanSpan(m_planStart, m_planEnd);

    painter.save();
    painter.fillRect(QRect(QPoint(0, 0), size), style.base);

    // Title, and where this sheet sits in the whole.
    QFont titleFont = style.font;
    titleFont.setBold(true);
    titleFont.setPixelSize(std::max(12, style.font.pixelSize() + 3));
    const int titleHeight = this->titleHeight();
    painter.setFont(titleFont);
    painter.setPen(style.text);
    const QRect titleRect(0, 0, size.width(), titleHeight - Padding);
    const QString range = QStringLiteral("%1 – %2").arg(PlanFormat::date(m_from), PlanFormat::date(m_to));
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     m_options.title.isEmpty() ? QObject::tr("Commissioning intentions timeline") : m_options.title);
    painter.setFont(style.font);
    painter.drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter,
                     pages > 1 ? QObject::tr("%1 · page %2 of %3").arg(range).arg(page).arg(pages) : range);

    // The header over both columns.
    const int headerTop = titleHeight;
    const int headerHeight = this->headerHeight();
    const QRect labelHeader(0, headerTop, labelWidth, headerHeight);
    painter.fillRect(labelHeader, style.headerBackground);
    QFont bold = style.font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(style.headerText);
    painter.drawText(labelHeader.adjusted(Padding, 0, -Padding, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     QObject::tr("Portfolio · programme area · intention"));
    gantt.paintHeader(painter, QRect(chartLeft, headerTop, chartWidth, headerHeight));

    // Rows: names on the left, bars on the right.
    const int rowsTop = headerTop + headerHeight;
    const QRect chart(chartLeft, rowsTop, chartWidth, count * rowHeight);
    gantt.paintBackground(painter, chart);
    for (int i = 0; i < count; ++i) {
        const Row &row = m_rows.at(first + i);
        if (!row.index.isValid())
            continue;
        const GanttBar bar = GanttBar::fromIndex(row.index);
        const QRect band(0, rowsTop + i * rowHeight, size.width(), rowHeight);
        GanttRow ganttRow;
        ganttRow.index = row.index;
        ganttRow.rect = band;
        ganttRow.depth = row.depth;
        gantt.paintRowBackground(painter, ganttRow, bar);
        gantt.paintBar(painter, bar, QRect(chartLeft, band.top(), chartWidth, rowHeight), chart);

        const int indent = Padding + row.depth * 14;
        QFont font = style.font;
        font.setBold(bar.node != NodeKind::Intention);
        painter.setFont(font);
        painter.setPen(style.text);
        const QRect label(indent, band.top(), labelWidth - indent - Padding, rowHeight);
        painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(font).elidedText(bar.title, Qt::ElideRight, label.width()));
    }
    gantt.paintDateLines(painter, chart);
    painter.setPen(QPen(style.gridStrong, 0));
    painter.drawLine(QPointF(chartLeft - 0.5, headerTop), QPointF(chartLeft - 0.5, chart.bottom() + 1));
    painter.drawRect(QRectF(0.5, headerTop + 0.5, size.width() - 1, headerHeight + count * rowHeight - 1));

    if (m_options.legend) {
        const int legendTop = rowsTop + count * rowHeight + Padding;
        gantt.paintLegend(painter, QRect(0, legendTop, size.width(), size.height() - legendTop));
    }
    painter.restore();
}

QImage GanttExport::toImage(qreal devicePixelRatio) const
{
    const QSize size = sheetSize();
    const qreal ratio = std::max<qreal>(1.0, std::min(devicePixelRatio, qreal(MaximumImageSide) / size.height()));
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintSheet(painter, size, 0, int(m_rows.size()), 1, 1);
    return image;
}

Result<void> GanttExport::writePng(const QString &path) const
{
    const QImage image = toImage();
    if (image.isNull())
        return Error{QObject::tr("The timeline is too large for an image.")};
    if (!image.save(path, "PNG"))
        return Error{QObject::tr("Cannot write the image %1.").arg(path)};
    return {};
}

Result<void> GanttExport::writeSvg(const QString &path) const
{
    const QSize size = sheetSize();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(LogicalDpi);
    generator.setTitle(m_options.title.isEmpty() ? QObject::tr("Commissioning intentions timeline") : m_options.title);
    QPainter painter;
    if (!painter.begin(&generator))
        return Error{QObject::tr("Cannot write the drawing %1.").arg(path)};
    paintSheet(painter, size, 0, int(m_rows.size()), 1, 1);
    painter.end();
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
        return Error{QObject::tr("Cannot write the drawing %1.").arg(path)};
    return {};
}

int GanttExport::rowsPerPage(const QSize &page) const
{
    const int room = page.height() - titleHeight() - headerHeight() - legendHeight(page.width()) - Padding;
    return std::max(1, room / m_options.rowHeight);
}

int GanttExport::pageCount(const QSize &page) const
{
    const int perPage = rowsPerPage(page);
    return std::max(1, int((m_rows.size() + perPage - 1) / perPage));
}

int GanttExport::paginate(QPagedPaintDevice &device, QPainter &painter, qreal scale, const QSize &page) const
{
    const int perPage = rowsPerPage(page);
    const int pages = pageCount(page);
    painter.scale(scale, scale);
    for (int number = 1; number <= pages; ++number) {
        if (number > 1)
            device.newPage();
        const int first = (number - 1) * perPage;
        const int count = std::min(perPage, int(m_rows.size()) - first);
        paintSheet(painter, page, first, std::max(0, count), number, pages);
    }
    return pages;
}

Result<void> GanttExport::writePdf(const QString &path, const QPageSize &pageSize,
                                   QPageLayout::Orientation orientation) const
{
    QPdfWriter writer(path);
    writer.setResolution(LogicalDpi);
    writer.setPageLayout(QPageLayout(pageSize, orientation, QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter));
    writer.setTitle(m_options.title.isEmpty() ? QObject::tr("Commissioning intentions timeline") : m_options.title);
    writer.setCreator(QStringLiteral("Commissioning Intentions Planner"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{QObject::tr("Cannot write the PDF %1.").arg(path)};
    paginate(writer, painter, 1.0, writer.pageLayout().paintRectPixels(LogicalDpi).size());
    if (!painter.end())
        return Error{QObject::tr("Cannot write the PDF %1.").arg(path)};
    return {};
}

int GanttExport::print(QPrinter *printer) const
{
    QPainter painter;
    if (!printer || !painter.begin(printer))
        return 0;
    // Lay out at 96 per inch whatever the printer's resolution, so pages match the PDF.
    const qreal scale = qreal(printer->resolution()) / LogicalDpi;
    const QSize page = printer->pageLayout().paintRectPixels(printer->resolution()).size() / scale;
    const int pages = paginate(*printer, painter, scale, page);
    painter.end();
    return pages;
}

Result<void> GanttExport::write(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return writePng(path);
    if (suffix == QLatin1String("svg"))
        return writeSvg(path);
    if (suffix == QLatin1String("pdf"))
        return writePdf(path);
    return Error{QObject::tr("%1: the timeline is written as .png, .svg or .pdf.").arg(path)};
}
