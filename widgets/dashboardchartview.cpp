#include "dashboardchartview.h"

#include "plancolours.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QContextMenuEvent>
#include <QValueAxis>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QLegend>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

DashboardChartView::DashboardChartView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 180);
    auto *chart = new QChart;
    styleChart(chart);
    setChart(chart);
}

QFont DashboardChartView::chartFont(qreal pointSize, bool bold)
{
    QFont font;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

void DashboardChartView::styleChart(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation); // refreshes must be instant and exports exact
    chart->setDropShadowEnabled(false);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitleFont(chartFont(10.5, true));
    chart->setTitleBrush(PlanColours::chartText());
    chart->legend()->setFont(chartFont(8.5));
    chart->legend()->setLabelColor(PlanColours::chartText());
}

void DashboardChartView::styleAxis(QAbstractAxis *axis)
{
    axis->setLabelsFont(chartFont(8.5));
    axis->setLabelsColor(PlanColours::chartText());
    axis->setGridLineColor(PlanColours::chartGrid());
    axis->setLinePenColor(PlanColours::chartGrid().darker(130));
    axis->setTitleFont(chartFont(8.5));
    axis->setTitleBrush(PlanColours::chartText());
}

void DashboardChartView::setValues(QBarSet *set, const QList<qreal> &values)
{
    if (set->count() == values.size()) {
        for (int i = 0; i < values.size(); ++i) {
            if (set->at(i) != values.at(i))
                set->replace(i, values.at(i));
        }
        return;
    }
    set->remove(0, set->count());
    set->append(values);
}

void DashboardChartView::addBarsWithAxes(QAbstractBarSeries *series, QBarCategoryAxis *categories, QValueAxis *counts)
{
    chart()->addSeries(series);
    styleAxis(categories);
    categories->setGridLineVisible(false);
    chart()->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    styleAxis(counts);
    counts->setRange(0, 4);
    counts->setTickInterval(1);
    counts->setTickType(QValueAxis::TicksDynamic);
    counts->setTickAnchor(0);
    counts->setLabelFormat(QStringLiteral("%.0f"));
    chart()->addAxis(counts, Qt::AlignLeft);
    series->attachAxis(counts);
}

void DashboardChartView::setCountScale(QValueAxis *axis, double top, double step)
{
    if (axis->max() == top && axis->tickInterval() == step)
        return;
    if (step >= axis->tickInterval()) {
        axis->setTickInterval(step);
        axis->setRange(0, top);
    } else {
        axis->setRange(0, top);
        axis->setTickInterval(step);
    }
}

void DashboardChartView::setCategories(QBarCategoryAxis *axis, const QStringList &categories)
{
    if (axis->categories() != categories)
        axis->setCategories(categories);
}

void DashboardChartView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

QSize DashboardChartView::sizeHint() const
{
    return minimumSize();
}

QString DashboardChartView::countText(qsizetype count, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
}

void DashboardChartView::showLegend(bool hasEntries)
{
    chart()->legend()->setVisible(hasEntries && !m_legendInExportsOnly);
}

void DashboardChartView::setLegendInExportsOnly(bool on)
{
    m_legendInExportsOnly = on;
    chart()->legend()->setVisible(!on);
}

void DashboardChartView::paintPlaceholder(QPainter *painter) const
{
    if (m_placeholder.isEmpty())
        return;
    painter->save();
    painter->setPen(PlanColours::chartText().lighter(180));
    painter->setFont(chartFont(10));
    painter->drawText(chart()->plotArea().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    painter->restore();
}

void DashboardChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    paintPlaceholder(painter); // in scene coordinates, like the chart
}

QSize DashboardChartView::exportSize() const
{
    // Big enough for the legend and labels even when the dashboard shows the chart small.
    return size().expandedTo(m_legendInExportsOnly ? QSize(820, 480) : QSize(560, 400));
}

void DashboardChartView::paintChart(QPainter *painter, const QRectF &target, const QSizeF &layoutSize,
                                    Legend legend)
{
    QChart *chart = this->chart();
    const QSizeF shownSize = chart->size();
    const bool legendShown = chart->legend()->isVisible();
    const bool hasMarkers = !chart->legend()->markers().isEmpty();
    if (legend == Legend::Own && m_legendInExportsOnly && hasMarkers)
        chart->legend()->setVisible(true);
    chart->resize(layoutSize);
    if (chart->layout())
        chart->layout()->activate(); // lay out now, not at the next event-loop turn
    const QRectF source(QPointF(0, 0), layoutSize);
    scene()->setSceneRect(source);
    scene()->render(painter, target, source, Qt::IgnoreAspectRatio);
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(target.width() / layoutSize.width(), target.height() / layoutSize.height());
    paintPlaceholder(painter);
    painter->restore();
    // Back as the view shows it.
    chart->legend()->setVisible(legendShown);
    chart->resize(shownSize);
    if (chart->layout())
        chart->layout()->activate();
    scene()->setSceneRect(QRectF(QPointF(0, 0), shownSize));
}

Result<void> DashboardChartView::exportTo(const QString &fileName)
{
    // Axes replaced since the last turn of the event loop are deleted later: not into the file.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const QSize size = exportSize();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(fileName);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(chart()->title());
        QPainter painter;
        if (!painter.begin(&generator))
            return Error{tr("Cannot write %1.").arg(fileName)};
        painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        paintChart(&painter, QRectF(QPointF(0, 0), size), size);
        painter.end();
        if (QFileInfo(fileName).size() <= 0)
            return Error{tr("Cannot write %1.").arg(fileName)};
        return {};
    }
    if (suffix == QLatin1String("png")) {
        constexpr qreal scale = 2; // sharp enough to print or paste into a board paper
        QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paintChart(&painter, QRectF(QPointF(0, 0), size), size);
        painter.end();
        if (!image.save(fileName, "PNG"))
            return Error{tr("Cannot write %1.").arg(fileName)};
        return {};
    }
    return Error{tr("Charts export as PNG or SVG: %1 is neither.").arg(QFileInfo(fileName).fileName())};
}

void DashboardChartView::exportInteractively(const QString &format)
{
    const QString suffix = format.toLower();
    const QString title = chart()->title().isEmpty() ? tr("chart") : chart()->title();
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export “%1”").arg(title), title + QLatin1Char('.') + suffix,
        suffix == QLatin1String("svg") ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    const auto written = exportTo(file);
    if (!written) {
        emit exportFailed(written.error());
        QMessageBox::warning(this, tr("Cannot export the chart"), written.error());
    }
}

QPoint DashboardChartView::viewportPoint(const QPointF &value, QAbstractSeries *series) const
{
    const QPointF inChart = chart()->mapToPosition(value, series);
    return mapFromScene(chart()->mapToScene(inChart));
}

void DashboardChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Export chart as PNG…"), this, [this] { exportInteractively(QStringLiteral("png")); });
    menu.addAction(tr("Export chart as SVG…"), this, [this] { exportInteractively(QStringLiteral("svg")); });
    menu.exec(event->globalPos());
}
