#pragma once

#include "dashboardchartview.h"
#include "planstatistics.h"

#include <QHash>

class QStackedBarSeries;
class QValueAxis;

// Intentions per financial year, stacked by portfolio in the portfolios' own colours: those
// starting in each year, or those running in it. The largest portfolios keep their colour;
// the rest are one grey "other portfolios". Clicking a segment asks for the intentions in it.
class FiscalYearChart : public DashboardChartView
{
    Q_OBJECT
public:
    enum class Measure { Starting, Running };

    explicit FiscalYearChart(Measure measure, QWidget *parent = nullptr);

    Measure measure() const { return m_measure; }
    // Shows breakdown as it is, one stacked segment per portfolio row (cut it down first with
    // YearBreakdown::topPortfolios or onlyPortfolios); portfolios give names and colours.
    void setBreakdown(const PlanStatistics::YearBreakdown &breakdown, const QList<Portfolio> &portfolios);

    // What is drawn: one bar set per row of shown() (row 0 at the bottom of each stack).
    const PlanStatistics::YearBreakdown &shown() const { return m_shown; }
    QStackedBarSeries *series() const { return m_series; }
    QList<Id> idsBehind(int portfolioRow, int yearColumn) const;
    QString describe(int portfolioRow, int yearColumn) const;

signals:
    void intentionsRequested(const QList<Id> &ids, const QString &description);

private:
    QString portfolioName(Id portfolioId) const;

    Measure m_measure;
    QStackedBarSeries *m_series;
    QBarCategoryAxis *m_yearAxis;
    QValueAxis *m_countAxis;
    PlanStatistics::YearBreakdown m_shown;
    QHash<Id, QString> m_names;
};
