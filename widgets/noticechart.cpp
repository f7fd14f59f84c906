#include "noticechart.h"

#include "plancolours.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

using namespace PlanStatistics;

NoticeChart::NoticeChart(QWidget *parent)
    : DashboardChartView(parent)
{
    setObjectName(QStringLiteral("noticeChart"));
    chart()->setTitle(tr("Contract notices by kind and status"));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    setBreakdown({});
}

void NoticeChart::setBreakdown(const NoticeBreakdown &breakdown)
{
    clearChart();
    QChart *chart = this->chart();
    m_breakdown = breakdown;

    m_series = new QStackedBarSeries;
    m_series->setBarWidth(0.6);
    for (NoticeStatus status : noticeStatuses()) {
        auto *set = new QBarSet(Enums::label(status));
        set->setColor(PlanColours::noticeStatus(status));
        set->setBorderColor(Qt::white);
        for (NoticeKind kind : noticeKinds())
            set->append(breakdown.ids(kind, status).size());
        connect(set, &QBarSet::hovered, this, [this, status](bool entering, int category) {
            if (entering && category >= 0 && category < NoticeKindCount)
                QToolTip::showText(QCursor::pos(),
                                   describe(noticeKinds()[category], status) + QLatin1Char('\n')
                                       + tr("Click to see them."),
                                   this);
            else
                QToolTip::hideText();
        });
        connect(set, &QBarSet::clicked, this, [this, status](int category) {
            if (category < 0 || category >= NoticeKindCount)
                return;
            const NoticeKind kind = noticeKinds()[category];
            emit noticesRequested(m_breakdown.ids(kind, status), describe(kind, status));
        });
        m_series->append(set);
    }
    chart->addSeries(m_series);

    QStringList categories;
    int highest = 0;
    for (NoticeKind kind : noticeKinds()) {
        const int total = int(breakdown.byKind(kind).size());
        highest = std::max(highest, total);
        categories << tr("%1<br><b>%2</b>").arg(Enums::label(kind)).arg(total);
    }
    auto *kindAxis = new QBarCategoryAxis;
    kindAxis->append(categories);
    styleAxis(kindAxis);
    kindAxis->setGridLineVisible(false);
    chart->addAxis(kindAxis, Qt::AlignBottom);
    m_series->attachAxis(kindAxis);

    auto *countAxis = new QValueAxis;
    styleAxis(countAxis);
    const int top = std::max(highest, 4);
    const int step = top <= 6 ? 1 : top <= 12 ? 2 : top <= 30 ? 5 : top <= 60 ? 10 : int(std::ceil(top / 6.0));
    countAxis->setRange(0, std::ceil(double(top) / step) * step);
    countAxis->setTickType(QValueAxis::TicksDynamic);
    countAxis->setTickAnchor(0);
    countAxis->setTickInterval(step);
    countAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(countAxis, Qt::AlignLeft);
    m_series->attachAxis(countAxis);

    showLegend(breakdown.total() > 0);
    // Only the statuses there are: the legend fits under the bars.
    const QList<QLegendMarker *> markers = chart->legend()->markers(m_series);
    for (int i = 0; i < markers.size() && i < NoticeStatusCount; ++i)
        markers.at(i)->setVisible(!breakdown.byStatus(noticeStatuses()[i]).isEmpty());
    setPlaceholderText(breakdown.total() == 0 ? tr("No contract notices to chart.") : QString());
}

QString NoticeChart::describe(NoticeKind kind, NoticeStatus status) const
{
    const int count = int(m_breakdown.ids(kind, status).size());
    return tr("%1, %2: %3")
        .arg(Enums::label(kind), Enums::label(status).toLower(), countText(count, tr("notice"), tr("notices")));
}
