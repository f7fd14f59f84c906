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
    , m_series(new QStackedBarSeries)
    , m_yearAxis(new QBarCategoryAxis)
    , m_countAxis(new QValueAxis)
{
    setObjectName(measure == Measure::Starting ? QStringLiteral("startingChart") : QStringLiteral("runningChart"));
    QChart *chart = this->chart();
    chart->setTitle(measure == Measure::Starting ? tr("Intentions starting per financial year")
                                                 : tr("Intentions running per financial year"));
    chart->legend()->setAlignment(Qt::AlignRight);

    // Built once; refreshes change values, names and colours in place.
    m_series->setBarWidth(0.7);
    addBarsWithAxes(m_series, m_yearAxis, m_countAxis);
    setBreakdown({}, {});
}

void FiscalYearChart::setBreakdown(const YearBreakdown &breakdown, const QList<Portfolio> &portfolios)
{
    m_names.clear();
    QHash<Id, QColor> colours;
    for (const Portfolio &portfolio : portfolios) {
        m_names.insert(portfolio.id, portfolio.name);
        colours.insert(portfolio.id, PlanColours::portfolio(portfolio.colour));
    }
    m_shown = breakdown;

    // One set per portfolio row: set i always stands for row i, so its signals need no rewiring.
    const int rows = int(m_shown.portfolioIds.size());
    while (m_series->count() > rows)
        m_series->remove(m_series->barSets().constLast());
    while (m_series->count() < rows) {
        const int row = int(m_series->count());
        auto *set = new QBarSet(QString());
        set->setBorderColor(Qt::white); // a hairline between stacked portfolios
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
    const QList<QBarSet *> sets = m_series->barSets();
    for (int row = 0; row < rows; ++row) {
        const Id portfolioId = m_shown.portfolioIds.at(row);
        QBarSet *set = sets.at(row);
        const QString name = portfolioName(portfolioId);
        if (set->label() != name)
            set->setLabel(name);
        const QColor colour = portfolioId == OtherPortfolios ? PlanColours::otherPortfolios()
                                                             : colours.value(portfolioId, PlanColours::nhsBlue());
        if (set->color() != colour)
            set->setColor(colour);
        QList<qreal> values;
        values.reserve(m_shown.years.size());
        for (int column = 0; column < m_shown.years.size(); ++column)
            values.append(m_shown.count(row, column));
        setValues(set, values);
    }

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
    setCategories(m_yearAxis, categories);
    const int notShown = int(m_shown.undated.size() + m_shown.outside.size());
    m_yearAxis->setTitleText(notShown == 0 ? QString()
                             : m_measure == Measure::Starting
                                 ? tr("not shown: %1 without a start date or outside these years").arg(notShown)
                                 : tr("not shown: %1 without dates or outside these years").arg(notShown));

    // Whole numbers on a round scale: 1, 2, 5, 10, 20… per step, about six steps.
    const int target = std::max(highest, 1);
    int step = 1;
    for (int candidate : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000}) {
        step = candidate;
        if (target / candidate <= 6)
            break;
    }
    setCountScale(m_countAxis, std::ceil(double(target) / step) * step, step);

    showLegend(rows > 0);
    setPlaceholderText(rows == 0 ? tr("No dated intentions to chart.") : QString());
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
