#include "fiscalyearchart.h"

#include "plancolours.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

using namespace PlanStatistics;

FiscalYearChart::FiscalYearChart(Measure measure, QWidget *parent)
    : DashboardChartView(parent)
    , m_measure(measure)
{
    setObjectName(measure == Measure::Starting ? QStringLiteral("startingChart") : QStringLiteral("runningChart"));
    chart()->setTitle(measure == Measure::Starting ? tr("Intentions starting per financial year")
                                                   : tr("Intentions running per financial year"));
    chart()->legend()->setAlignment(Qt::AlignRight);
    setBreakdown({}, {});
}

void FiscalYearChart::setBreakdown(const YearBreakdown &breakdown, const QList<Portfolio> &portfolios)
{
    clearChart();
    QChart *chart = this->chart();
    m_names.clear();
    QHash<Id, QColor> colours;
    for (const Portfolio &portfolio : portfolios) {
        m_names.insert(portfolio.id, portfolio.name);
        colours.insert(portfolio.id, PlanColours::portfolio(portfolio.colour));
    }
    m_shown = breakdown;

    m_series = new QStackedBarSeries;
    m_series->setBarWidth(0.7);
    for (int row = 0; row < m_shown.portfolioIds.size(); ++row) {
        const Id portfolioId = m_shown.portfolioIds.at(row);
        auto *set = new QBarSet(portfolioName(portfolioId));
        const QColor colour = portfolioId == OtherPortfolios ? PlanColours::otherPortfolios()
                                                             : colours.value(portfolioId, PlanColours::nhsBlue());
        set->setColor(colour);
        set->setBorderColor(Qt::white); // a hairline between stacked portfolios
        for (int column = 0; column < m_shown.years.size(); ++column)
            set->append(m_shown.count(row, column));
        connect(set, &QBarSet::hovered, this, [this, row](bool entering, int column) {
            if (entering)
                QToolTip::showText(QCursor::pos(), describe(row, column) + QLatin1Char('\n') + tr("Click to see them."),
                                   this);
            else
                QToolTip::hideText();
        });
        connect(set, &QBarSet::clicked, this,
                [this, row](int column) { emit intentionsRequested(idsBehind(row, column), describe(row, column)); });
        m_series->append(set);
    }
    chart->addSeries(m_series);

    QStringList categories;
    int highest = 0;
    for (int column = 0; column < m_shown.years.size(); ++column) {
        const int total = m_shown.yearTotal(column);
        highest = std::max(highest, total);
        // "26/27": the full "2026/27" does not fit under a bar of a small chart.
        const int start = m_shown.years.at(column).startYear();
        categories << tr("%1/%2<br><b>%3</b>")
                          .arg(start % 100, 2, 10, QLatin1Char('0'))
                          .arg((start + 1) % 100, 2, 10, QLatin1Char('0'))
                          .arg(total);
    }
    auto *yearAxis = new QBarCategoryAxis;
    yearAxis->append(categories);
    styleAxis(yearAxis);
    yearAxis->setGridLineVisible(false);
    const int notShown = int(m_shown.undated.size() + m_shown.outside.size());
    if (notShown > 0) {
        yearAxis->setTitleText(m_measure == Measure::Starting
                                   ? tr("not shown: %1 without a start date or outside these years").arg(notShown)
                                   : tr("not shown: %1 without dates or outside these years").arg(notShown));
    }
    chart->addAxis(yearAxis, Qt::AlignBottom);
    m_series->attachAxis(yearAxis);

    auto *countAxis = new QValueAxis;
    styleAxis(countAxis);
    // Whole numbers on a round scale: 5, 10, 20, 50… per step.
    const int target = std::max(highest, 1);
    int step = 1;
    for (int candidate : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000}) {
        step = candidate;
        if (target / candidate <= 6)
            break;
    }
    countAxis->setRange(0, std::ceil(double(target) / step) * step);
    countAxis->setTickType(QValueAxis::TicksDynamic);
    countAxis->setTickAnchor(0);
    countAxis->setTickInterval(step);
    countAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(countAxis, Qt::AlignLeft);
    m_series->attachAxis(countAxis);

    showLegend(!m_shown.portfolioIds.isEmpty());
    setPlaceholderText(m_shown.portfolioIds.isEmpty() ? tr("No dated intentions to chart.") : QString());
}

QList<Id> FiscalYearChart::idsBehind(int portfolioRow, int yearColumn) const
{
    if (portfolioRow < 0 || portfolioRow >= m_shown.cells.size() || yearColumn < 0
        || yearColumn >= m_shown.years.size())
        return {};
    return m_shown.cells.at(portfolioRow).at(yearColumn);
}

QString FiscalYearChart::describe(int portfolioRow, int yearColumn) const
{
    if (portfolioRow < 0 || portfolioRow >= m_shown.cells.size() || yearColumn < 0
        || yearColumn >= m_shown.years.size())
        return {};
    const int count = m_shown.count(portfolioRow, yearColumn);
    const QString name = portfolioName(m_shown.portfolioIds.at(portfolioRow));
    const QString year = m_shown.years.at(yearColumn).toString();
    const QString intentions = countText(count, tr("intention"), tr("intentions"));
    return m_measure == Measure::Starting ? tr("%1, %2: %3 starting").arg(name, year, intentions)
                                          : tr("%1, %2: %3 running").arg(name, year, intentions);
}

QString FiscalYearChart::portfolioName(Id portfolioId) const
{
    if (portfolioId == OtherPortfolios)
        return tr("Other portfolios");
    return m_names.value(portfolioId, tr("Portfolio %1").arg(portfolioId));
}
