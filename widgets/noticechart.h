#pragma once

#include "dashboardchartview.h"
#include "planstatistics.h"

class QStackedBarSeries;
class QValueAxis;

// Contract notices by kind (terminate, reduce, change, transfer), each bar stacked by status in
// the status colours. Clicking a segment asks for the notices in it.
class NoticeChart : public DashboardChartView
{
    Q_OBJECT
public:
    explicit NoticeChart(QWidget *parent = nullptr);

    void setBreakdown(const PlanStatistics::NoticeBreakdown &breakdown);
    const PlanStatistics::NoticeBreakdown &breakdown() const { return m_breakdown; }
    // One bar set per status (noticeStatuses() order), one category per kind (noticeKinds()).
    QStackedBarSeries *series() const { return m_series; }
    QString describe(NoticeKind kind, NoticeStatus status) const;

signals:
    void noticesRequested(const QList<Id> &ids, const QString &description);

private:
    QStackedBarSeries *m_series;
    QBarCategoryAxis *m_kindAxis;
    QValueAxis *m_countAxis;
    PlanStatistics::NoticeBreakdown m_breakdown;
};
