#include "summaryexport.h"

#include "summarystyle.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QTextDocument>

namespace SummaryExport {

namespace {

using SummaryStyle::muted;
using SummaryStyle::rule;

qreal millimetresToDevice(qreal mm, qreal dpi)
{
    return mm / 25.4 * dpi;
}

// The running head (the portfolio) above the text and the footer below it, both inside the
// paper's margins and within the text's width.
void paintPageFurniture(QPainter &painter, const QSizeF &paper, const QMarginsF &margins, qreal dpi,
                        const QString &heading, const QString &footer, int page, int pages)
{
    const qreal scale = dpi / 72.0;
    const qreal left = margins.left();
    const qreal right = paper.width() - margins.right();
    painter.save();
    painter.setFont(SummaryStyle::font(7.5));
    painter.setPen(muted);
    const QFontMetricsF metrics(painter.font(), painter.device());
    const qreal lineHeight = metrics.height();

    if (!heading.isEmpty()) {
        const qreal baseline = margins.top() - 10 * scale;
        const QRectF box(left, baseline - lineHeight, right - left, lineHeight);
        painter.drawText(box, Qt::AlignRight | Qt::AlignBottom | Qt::TextSingleLine,
                         metrics.elidedText(heading, Qt::ElideRight, box.width()));
    }

    const qreal top = paper.height() - margins.bottom() + 12 * scale;
    painter.setPen(QPen(rule, 0.5 * scale));
    painter.drawLine(QPointF(left, top), QPointF(right, top));
    painter.setPen(muted);
    const QString pageText = QObject::tr("Page %1 of %2").arg(page + 1).arg(pages);
    const qreal pageWidth = metrics.horizontalAdvance(pageText) + 2 * scale;
    const QRectF box(left, top + 3 * scale, right - left, lineHeight);
    painter.drawText(box, Qt::AlignRight | Qt::AlignTop | Qt::TextSingleLine, pageText);
    const QRectF footerBox(left, box.top(), box.width() - pageWidth - 12 * scale, lineHeight);
    painter.drawText(footerBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                     metrics.elidedText(footer, Qt::ElideRight, footerBox.width()));
    painter.restore();
}

} // namespace

QMarginsF defaultMarginsMillimetres()
{
    return QMarginsF(18, 20, 18, 22);
}

Result<int> paint(const SummaryData &data, QPagedPaintDevice &device, const QMarginsF &margins,
                  const SummaryOptions &options)
{
    const SummaryDocument summary(data, options);
    const SummaryDocument::Built built = summary.build(device, margins);
    const QSizeF paper = device.pageLayout().fullRectPixels(device.logicalDpiX()).size();
    const qreal dpi = device.logicalDpiY();
    const int pages = built.pageCount;

    QPainter painter;
    if (!painter.begin(&device))
        return Error{QObject::tr("Cannot start drawing the summary (the file or printer is not available).")};
    painter.setRenderHint(QPainter::Antialiasing);
    const QString footer = summary.footerText();
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !device.newPage()) {
            painter.end();
            return Error{QObject::tr("Cannot start page %1 of the summary.").arg(page + 1)};
        }
        for (const SummaryDocument::Built::Piece &piece : built.pages.at(page)) {
            painter.save();
            if (piece.document) {
                // The document's own page: its slice of the one long layout, clipped.
                const QRectF slice(0, piece.documentPage * paper.height(), paper.width(), paper.height());
                painter.translate(0, -slice.top());
                painter.setClipRect(slice);
                QAbstractTextDocumentLayout::PaintContext context;
                context.clip = slice;
                context.palette.setColor(QPalette::Text, Qt::black);
                piece.document->documentLayout()->draw(&painter, context);
            } else {
                piece.draw(painter);
            }
            painter.restore();
        }
        paintPageFurniture(painter, paper, margins, dpi, SummaryDocument::pageHeading(data, built, page), footer,
                           page, pages);
    }
    if (!painter.end())
        return Error{QObject::tr("Cannot finish the summary.")};
    return pages;
}

Result<int> writePdf(const SummaryData &data, const QString &path, QPageLayout::Orientation orientation,
                     const SummaryOptions &options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QObject::tr("Cannot write “%1”: %2").arg(path, file.errorString())};
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setTitle(QObject::tr("%1 – Commissioning intentions %2 – portfolio summary")
                            .arg(data.settings.icbName, data.settings.planningYear.toString()));
        writer.setCreator(QStringLiteral("Commissioning Intentions Planner"));
        writer.setResolution(600);
        // The writer paints the whole sheet; the summary keeps its own margins.
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(0, 0, 0, 0)));
        const qreal dpi = writer.resolution();
        const QMarginsF mm = defaultMarginsMillimetres();
        const QMarginsF margins(millimetresToDevice(mm.left(), dpi), millimetresToDevice(mm.top(), dpi),
                                millimetresToDevice(mm.right(), dpi), millimetresToDevice(mm.bottom(), dpi));
        const auto painted = paint(data, writer, margins, options);
        if (!painted) {
            file.cancelWriting();
            return painted;
        }
        pages = painted.value();
    }
    if (!file.commit())
        return Error{QObject::tr("Cannot write “%1”: %2").arg(path, file.errorString())};
    return pages;
}

Result<int> print(const SummaryData &data, QPrinter &printer, const SummaryOptions &options)
{
    // The page setup's margins, but never less than the defaults: the head and foot need room.
    const QMarginsF chosen = printer.pageLayout().margins(QPageLayout::Millimeter);
    const QMarginsF minimum = defaultMarginsMillimetres();
    const QMarginsF mm(std::max(chosen.left(), minimum.left()), std::max(chosen.top(), minimum.top()),
                       std::max(chosen.right(), minimum.right()), std::max(chosen.bottom(), minimum.bottom()));
    printer.setFullPage(true);
    const qreal dpi = printer.resolution();
    const QMarginsF margins(millimetresToDevice(mm.left(), dpi), millimetresToDevice(mm.top(), dpi),
                            millimetresToDevice(mm.right(), dpi), millimetresToDevice(mm.bottom(), dpi));
    return paint(data, printer, margins, options);
}

} // namespace SummaryExport
