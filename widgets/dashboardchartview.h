#pragma once

#include "entities.h"
#include "result.h"

#include <QChartView>

class QAbstractBarSeries;
class QAbstractSeries;
class QBarSet;
class QBarCategoryAxis;
class QValueAxis;

// What every dashboard chart shares: the dashboard's look (fonts, colours, no animation, no
// drop shadow), export as PNG or SVG, and the context menu offering it.
class DashboardChartView : public QChartView
{
    Q_OBJECT
public:
    explicit DashboardChartView(QWidget *parent = nullptr);

    // Writes the chart as PNG (at twice the size, for print) or SVG, chosen by the file's suffix:
    // laid out at exportSize(), with its legend even where the dashboard shows a shared one.
    Result<void> exportTo(const QString &fileName);
    QSize exportSize() const;
    // Draws the chart laid out at layoutSize (device-independent pixels) scaled into target, with
    // its own legend (as exported alone) or as the dashboard shows it.
    enum class Legend { Own, AsShown };
    void paintChart(QPainter *painter, const QRectF &target, const QSizeF &layoutSize, Legend legend = Legend::Own);

    // The dashboard shows one legend for several charts; each chart exported alone has its own.
    void setLegendInExportsOnly(bool on);
    // Asks where, then exports; tells the user if it fails.
    void exportInteractively(const QString &format);

    // Where a value of series lands in the view's viewport (tests click bars with it).
    QPoint viewportPoint(const QPointF &value, QAbstractSeries *series) const;

    // The text shown when there is nothing to chart (empty: none).
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // The minimum size: the dashboard's grid shares out the rest (QGraphicsView would ask for
    // most of the screen, and a scroll area would honour it).
    QSize sizeHint() const override;

    // The style every dashboard chart uses, for charts built elsewhere (printouts).
    static void styleChart(QChart *chart);
    static void styleAxis(QAbstractAxis *axis);
    static QFont chartFont(qreal pointSize, bool bold = false);
    // "1 intention", "3 intentions".
    static QString countText(qsizetype count, const QString &singular, const QString &plural);

signals:
    void exportFailed(const QString &message);

protected:
    // Gives set these values, in place when the count is the same: a refresh then moves bars
    // instead of rebuilding the chart's items.
    static void setValues(QBarSet *set, const QList<qreal> &values);
    // Adds series to the chart with its categories along the bottom and whole-number counts up
    // the left (scaled later by setCountScale), both in the dashboard's style.
    void addBarsWithAxes(QAbstractBarSeries *series, QBarCategoryAxis *categories, QValueAxis *counts);
    // A count axis from 0 to top with a tick every step. The step and range change in the order
    // that never asks for more ticks than either scale has: a range of 50,000 with the old step
    // of 1 would lay out 50,000 tick labels.
    static void setCountScale(QValueAxis *axis, double top, double step);
    // Sets the axis's categories unless they are already these.
    static void setCategories(QBarCategoryAxis *axis, const QStringList &categories);
    // Shows the legend when it has entries (and is not kept for exports only).
    void showLegend(bool hasEntries);
    void contextMenuEvent(QContextMenuEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void paintPlaceholder(QPainter *painter) const;

    QString m_placeholder;
    bool m_legendInExportsOnly = false;
};
