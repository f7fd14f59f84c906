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
    , m_series(new QStackedBarSeries)
    , m_kindAxis(new QBarCategoryAxis)
    , m_countAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("noticeChart"));
    QChart *chart = this->chart();
    chart->setTitle(tr("Contract notices by kind and status"));
    chart->legend()->setAlignment(Qt::AlignBottom);

    // Built once (a set per status, a category per kind); refreshes change values in place.
    m_series->setBarWidth(0.6);
    for (NoticeStatus status : noticeStatuses()) {
        auto *set = new QBarSet(Enums::label(status));
        set->setColor(PlanColours::noticeStatus(status));
        set->setBorderColor(Qt::white);
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
    addBarsWithAxes(m_series, m_kindAxis, m_countAxis);
    setBreakdown({});
}

void NoticeChart::setBreakdown(const NoticeBreakdown &breakdown)
{
    m_breakdown = breakdown;
    const QList<QBarSet *> sets = m_series->barSets();
    for (int i = 0; i < NoticeStatusCount; ++i) {
        QList<qreal> values;
        for (NoticeKind kind : noticeKinds())
            values.append(breakdown.ids(kind, noticeStatuses()[i]).size());
        setValues(sets.at(i), values);
    }

    QStringList categories;
    int highest = 0;
    for (NoticeKind kind : noticeKinds()) {
        const int total = int(breakdown.byKind(kind).size());
        highest = std::max(highest, total);
        categories << tr("%1<br><b>%2</b>").arg(Enums::label(kind)).arg(total);
    }
    setCategories(m_kindAxis, categories);
    const int top = std::max(highest, 4);
    const int step = top <= 6 ? 1 : top <= 12 ? 2 : top <= 30 ? 5 : top <= 60 ? 10 : int(std::ceil(top / 6.0));
    setCountScale(m_countAxis, std::ceil(double(top) / step) * step, step);

    showLegend(breakdown.total() > 0);
    // Only the statuses there are: the legend fits under the bars.
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_series);
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
