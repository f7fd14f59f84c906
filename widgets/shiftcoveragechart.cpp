#include "shiftcoveragechart.h"

#include "plancolours.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QPaintDevice>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>

using namespace PlanStatistics;

namespace {

// The axis label: the name and the intention count, long names on two lines (the labels are
// rich text, and a cut name is no use to a reader).
QString portfolioLabel(const QHash<Id, QString> &names, const PortfolioCoverage &row)
{
    QString name = names.value(row.portfolioId);
    if (name.isEmpty())
        name = ShiftCoverageChart::tr("Portfolio %1").arg(row.portfolioId);
    const bool untagged = row.count(Shift::HospitalToCommunity) + row.count(Shift::TreatmentToPrevention)
                              + row.count(Shift::AnalogueToDigital)
                          == 0;
    // No bars at all could be read as missing data: say it.
    name = untagged ? ShiftCoverageChart::tr("%1 (%2, none tagged)").arg(name).arg(row.total())
                    : ShiftCoverageChart::tr("%1 (%2)").arg(name).arg(row.total());
    constexpr int longName = 26;
    if (name.size() <= longName)
        return name.toHtmlEscaped();
    // Break at the space nearest the middle.
    const qsizetype middle = name.size() / 2;
    qsizetype best = -1;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name.at(i) == u' ' && (best < 0 || qAbs(i - middle) < qAbs(best - middle)))
            best = i;
    }
    if (best < 0)
        return name.toHtmlEscaped();
    return name.left(best).toHtmlEscaped() + QStringLiteral("<br>") + name.mid(best + 1).toHtmlEscaped();
}

} // namespace

ShiftCoverageChart::ShiftCoverageChart(QWidget *parent)
    : DashboardChartView(parent)
    , m_series(new QHorizontalBarSeries)
    , m_categoryAxis(new QBarCategoryAxis)
{
    setObjectName(QStringLiteral("shiftCoverageChart"));
    QChart *chart = this->chart();
    chart->setTitle(tr("Shift coverage by portfolio"));
    chart->legend()->setAlignment(Qt::AlignTop);

    // Built once; refreshes change values and categories in place.
    m_series->setBarWidth(0.84);
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsFormat(QStringLiteral("@value%"));
    // A horizontal group draws its first set at the bottom: add the shifts last to first so
    // community is on top, as in the legend and the grid's columns.
    for (auto shiftIt = shifts().crbegin(); shiftIt != shifts().crend(); ++shiftIt) {
        const Shift shift = *shiftIt;
        auto *set = new QBarSet(Enums::label(shift));
        set->setColor(PlanColours::shift(shift));
        set->setBorderColor(PlanColours::shift(shift));
        set->setLabelColor(PlanColours::chartText());
        set->setLabelFont(chartFont(7.5));
        connect(set, &QBarSet::hovered, this, [this, shift](bool entering, int category) {
            showTooltip(entering, category, shift);
        });
        connect(set, &QBarSet::clicked, this, [this, shift](int category) {
            emit intentionsRequested(idsBehind(shift, category), describe(shift, category));
        });
        m_series->append(set);
    }
    chart->addSeries(m_series);

    styleAxis(m_categoryAxis);
    m_categoryAxis->setGridLineVisible(false);
    chart->addAxis(m_categoryAxis, Qt::AlignLeft);
    m_series->attachAxis(m_categoryAxis);

    auto *shareAxis = new QValueAxis;
    styleAxis(shareAxis);
    // Room past 100% for the labels outside the longest bars; ticks stop at 100%.
    shareAxis->setRange(0, 112);
    shareAxis->setTickType(QValueAxis::TicksDynamic);
    shareAxis->setTickAnchor(0);
    shareAxis->setTickInterval(20);
    shareAxis->setLabelFormat(QStringLiteral("%.0f%%"));
    shareAxis->setTitleText(tr("share of the portfolio's intentions tagged with the shift"));
    chart->addAxis(shareAxis, Qt::AlignBottom);
    m_series->attachAxis(shareAxis);

    // The legend lists markers in set order (digital first); relabel them to read community,
    // prevention, digital — the order of the bars from the top.
    const QList<QLegendMarker *> markers = chart->legend()->markers(m_series);
    for (int i = 0; i < markers.size() && i < ShiftCount; ++i) {
        const Shift shift = shifts()[i];
        markers.at(i)->setLabel(Enums::label(shift));
        markers.at(i)->setBrush(PlanColours::shift(shift));
        markers.at(i)->setPen(QPen(PlanColours::shift(shift)));
    }
    showLegend(true);
    setCoverage({}, {});
}

void ShiftCoverageChart::setCoverage(const ShiftCoverage &coverage, const QList<Portfolio> &portfolios, Id portfolioId)
{
    m_names.clear();
    for (const Portfolio &portfolio : portfolios)
        m_names.insert(portfolio.id, portfolio.name);
    m_rows.clear();
    m_categoryIds.clear();
    // The axis lists categories bottom-up, so the portfolio delivering most goes in last.
    for (auto row = coverage.portfolios.crbegin(); row != coverage.portfolios.crend(); ++row) {
        if (portfolioId != 0 && row->portfolioId != portfolioId)
            continue;
        m_rows.append(*row);
        m_categoryIds.append(row->portfolioId);
    }

    QStringList categories;
    for (const PortfolioCoverage &row : std::as_const(m_rows))
        categories << portfolioLabel(m_names, row);
    // Values first, then categories: the axis then never shows more categories than bars.
    for (Shift shift : shifts()) {
        QList<qreal> values;
        values.reserve(m_rows.size());
        for (const PortfolioCoverage &row : std::as_const(m_rows))
            values.append(row.percent(shift));
        setValues(barSet(shift), values);
    }
    setCategories(m_categoryAxis, categories);
    setPlaceholderText(m_rows.isEmpty() ? tr("No intentions to chart.") : QString());
}

QBarSet *ShiftCoverageChart::barSet(Shift shift) const
{
    return m_series->barSets().value(ShiftCount - 1 - shiftIndex(shift));
}

QList<Id> ShiftCoverageChart::idsBehind(Shift shift, int category) const
{
    if (category < 0 || category >= m_rows.size())
        return {};
    return m_rows.at(category).shiftIds[shiftIndex(shift)];
}

QString ShiftCoverageChart::describe(Shift shift, int category) const
{
    if (category < 0 || category >= m_rows.size())
        return {};
    const PortfolioCoverage &row = m_rows.at(category);
    const QString name = m_names.value(row.portfolioId, tr("Portfolio %1").arg(row.portfolioId));
    return tr("%1 — %2: %3 of %4 (%5%)")
        .arg(name, Enums::label(shift))
        .arg(row.count(shift))
        .arg(countText(row.total(), tr("intention"), tr("intentions")))
        .arg(row.percent(shift));
}

void ShiftCoverageChart::showTooltip(bool entering, int category, Shift shift)
{
    if (!entering) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), describe(shift, category) + QLatin1Char('\n') + tr("Click to see them."), this);
}

void ShiftCoverageChart::render(QPainter *painter, const QRectF &target, const ShiftCoverage &coverage,
                                const QList<Portfolio> &portfolios, Id portfolioId)
{
    // Lay the chart out at screen resolution, then scale it onto the target: text keeps the
    // point size it has on screen whatever the painter's resolution (a PDF is 1200 dpi).
    const qreal dpi = painter->device() ? painter->device()->logicalDpiX() : 96;
    const QSizeF layoutSize = target.size() * (96.0 / (dpi > 0 ? dpi : 96));
    ShiftCoverageChart view;
    view.setCoverage(coverage, portfolios, portfolioId);
    if (portfolioId != 0)
        view.chart()->setTitle(QString()); // the printout's heading names the portfolio
    view.paintChart(painter, target, layoutSize);
}

QImage ShiftCoverageChart::image(const QSize &size, const ShiftCoverage &coverage, const QList<Portfolio> &portfolios,
                                 Id portfolioId, qreal devicePixelRatio)
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    // The image's device pixel ratio scales the painter: draw in device-independent pixels.
    render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), coverage, portfolios, portfolioId);
    painter.end();
    return image;
}
