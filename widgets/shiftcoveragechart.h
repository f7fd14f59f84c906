#pragma once

#include "dashboardchartview.h"
#include "planstatistics.h"

#include <QHash>
#include <QImage>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;

// "How much of each portfolio delivers each shift": for every portfolio, the share of its
// intentions tagged with each of the three shifts, as horizontal bars in the shift colours,
// the portfolio that delivers most at the top. Hovering a bar tells the counts; clicking it asks
// for the intentions behind it.
class ShiftCoverageChart : public DashboardChartView
{
    Q_OBJECT
public:
    explicit ShiftCoverageChart(QWidget *parent = nullptr);

    // Every portfolio of coverage (portfolioId 0), or just the one. portfolios give names.
    void setCoverage(const PlanStatistics::ShiftCoverage &coverage, const QList<Portfolio> &portfolios,
                     Id portfolioId = 0);

    // The portfolios as the axis lists them: category 0 is the bottom group (delivering least).
    const QList<Id> &categoryPortfolioIds() const { return m_categoryIds; }
    QHorizontalBarSeries *series() const { return m_series; }
    QBarSet *barSet(Shift shift) const;
    // The intentions behind the bar of shift in category.
    QList<Id> idsBehind(Shift shift, int category) const;
    // The text of the bar's tooltip: portfolio, shift, "7 of 10 intentions (70%)".
    QString describe(Shift shift, int category) const;

    // Draws the same chart into target, for printouts: one portfolio (its three bars) or all.
    // Sizes are worked out for the painter's resolution, so the text prints at the size the
    // dashboard shows it.
    static void render(QPainter *painter, const QRectF &target, const PlanStatistics::ShiftCoverage &coverage,
                       const QList<Portfolio> &portfolios, Id portfolioId = 0);
    // The same as an image of size (device-independent pixels) at devicePixelRatio.
    static QImage image(const QSize &size, const PlanStatistics::ShiftCoverage &coverage,
                        const QList<Portfolio> &portfolios, Id portfolioId = 0, qreal devicePixelRatio = 2.0);

signals:
    void intentionsRequested(const QList<Id> &ids, const QString &description);

private:
    void showTooltip(bool entering, int category, Shift shift);

    QHorizontalBarSeries *m_series;
    QBarCategoryAxis *m_categoryAxis;
    QList<PlanStatistics::PortfolioCoverage> m_rows; // by category
    QList<Id> m_categoryIds;
    QHash<Id, QString> m_names;
};
