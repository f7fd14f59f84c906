#include "dashboard.h"

#include "fiscalyearchart.h"
#include "noticechart.h"
#include "plancolours.h"
#include "planformat.h"
#include "planroles.h"
#include "shiftcoveragechart.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QScrollArea>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace PlanStatistics;

namespace {

// How many due items the list shows per group; the group's heading still clicks through to all.
constexpr int dueListLimit = 200;
constexpr int idsRole = Qt::UserRole + 1;       // QList<Id> behind a due-list item
constexpr int isNoticeRole = Qt::UserRole + 2;  // bool: the ids are notices
// The year charts name this many portfolios (the largest); the rest are "other portfolios".
constexpr int namedPortfolios = 7;

QString swatch(const QColor &colour)
{
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>").arg(colour.name());
}

} // namespace

Dashboard::Dashboard(QWidget *parent)
    : QWidget(parent)
    , m_refreshTimer(new QTimer(this))
    , m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("dashboard"));
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &Dashboard::refreshNow);

    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("dashboardContent"));
    m_content->setAutoFillBackground(true);
    QPalette palette = m_content->palette();
    palette.setColor(QPalette::Window, Qt::white);
    m_content->setPalette(palette);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);

    m_coverageChart = new ShiftCoverageChart;
    m_startingChart = new FiscalYearChart(FiscalYearChart::Measure::Starting);
    m_runningChart = new FiscalYearChart(FiscalYearChart::Measure::Running);
    m_noticeChart = new NoticeChart;
    m_coverageChart->setMinimumSize(440, 500);
    for (DashboardChartView *chart : {static_cast<DashboardChartView *>(m_startingChart),
                                      static_cast<DashboardChartView *>(m_runningChart),
                                      static_cast<DashboardChartView *>(m_noticeChart)})
        chart->setMinimumSize(320, 230);
    // One legend for both year charts: they show the same portfolios in the same colours.
    m_startingChart->setLegendInExportsOnly(true);
    m_runningChart->setLegendInExportsOnly(true);
    m_portfolioLegend = new QLabel;
    m_portfolioLegend->setObjectName(QStringLiteral("portfolioLegend"));
    m_portfolioLegend->setTextFormat(Qt::RichText);
    m_portfolioLegend->setWordWrap(true);
    m_portfolioLegend->setAlignment(Qt::AlignCenter);

    auto *duePanel = new QWidget;
    auto *dueLayout = new QVBoxLayout(duePanel);
    dueLayout->setContentsMargins(6, 6, 6, 6);
    m_dueTitle = new QLabel;
    m_dueTitle->setObjectName(QStringLiteral("dueTitle"));
    m_dueTitle->setWordWrap(true);
    m_dueTitle->setTextFormat(Qt::RichText);
    m_dueList = new QTreeWidget;
    m_dueList->setObjectName(QStringLiteral("dueList"));
    m_dueList->setColumnCount(3);
    m_dueList->setHeaderLabels({tr("Date"), tr("What"), tr("Portfolio or provider")});
    m_dueList->setRootIsDecorated(true);
    m_dueList->setUniformRowHeights(true);
    m_dueList->setAlternatingRowColors(true);
    m_dueList->header()->setStretchLastSection(false);
    m_dueList->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_dueList->setTextElideMode(Qt::ElideRight);
    m_dueList->setToolTip(tr("Double-click an item, or a heading for all of them, to see it in the grid."));
    dueLayout->addWidget(m_dueTitle);
    dueLayout->addWidget(m_dueList, 1);
    duePanel->setMinimumSize(320, 230);
    connect(m_dueList, &QTreeWidget::itemActivated, this, &Dashboard::onDueItemActivated);

    auto *grid = new QGridLayout(m_content);
    grid->setContentsMargins(8, 4, 8, 8);
    grid->setSpacing(6);
    grid->addWidget(m_summary, 0, 0, 1, 3);
    grid->addWidget(m_coverageChart, 1, 0, 3, 1);
    grid->addWidget(m_startingChart, 1, 1);
    grid->addWidget(m_runningChart, 1, 2);
    grid->addWidget(m_portfolioLegend, 2, 1, 1, 2);
    grid->addWidget(m_noticeChart, 3, 1);
    grid->addWidget(duePanel, 3, 2);
    grid->setColumnStretch(0, 11);
    grid->setColumnStretch(1, 9);
    grid->setColumnStretch(2, 9);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(3, 1);

    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    m_exportButton = new QToolButton;
    m_exportButton->setObjectName(QStringLiteral("dashboardExport"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Dashboard as PDF…"), this, [this] { exportInteractively(QStringLiteral("pdf")); });
    exportMenu->addAction(tr("Dashboard as PNG…"), this, [this] { exportInteractively(QStringLiteral("png")); });
    exportMenu->addSeparator();
    for (DashboardChartView *chart :
         {static_cast<DashboardChartView *>(m_coverageChart), static_cast<DashboardChartView *>(m_startingChart),
          static_cast<DashboardChartView *>(m_runningChart), static_cast<DashboardChartView *>(m_noticeChart)}) {
        QMenu *chartMenu = exportMenu->addMenu(chart->chart()->title());
        chartMenu->addAction(tr("PNG…"), chart, [chart] { chart->exportInteractively(QStringLiteral("png")); });
        chartMenu->addAction(tr("SVG…"), chart, [chart] { chart->exportInteractively(QStringLiteral("svg")); });
    }
    m_exportButton->setMenu(exportMenu);
    auto *hint = new QLabel(tr("Charts follow the intentions grid's filter. Click a bar to see the rows behind it."));
    hint->setObjectName(QStringLiteral("dashboardHint"));
    hint->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 0);
    bar->addWidget(hint, 1);
    bar->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    connect(m_coverageChart, &ShiftCoverageChart::intentionsRequested, this, &Dashboard::intentionsRequested);
    connect(m_startingChart, &FiscalYearChart::intentionsRequested, this, &Dashboard::intentionsRequested);
    connect(m_runningChart, &FiscalYearChart::intentionsRequested, this, &Dashboard::intentionsRequested);
    connect(m_noticeChart, &NoticeChart::noticesRequested, this, &Dashboard::noticesRequested);

    refreshNow();
}

Dashboard::~Dashboard() = default;

void Dashboard::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    if (model) {
        const auto schedule = [this] { scheduleRefresh(); };
        m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, schedule)
                           << connect(model, &QAbstractItemModel::layoutChanged, this, schedule)
                           << connect(model, &QAbstractItemModel::rowsInserted, this, schedule)
                           << connect(model, &QAbstractItemModel::rowsRemoved, this, schedule)
                           << connect(model, &QAbstractItemModel::rowsMoved, this, schedule)
                           << connect(model, &QAbstractItemModel::dataChanged, this, schedule)
                           << connect(model, &QObject::destroyed, this, schedule);
    }
    scheduleRefresh();
}

void Dashboard::setPortfolios(const QList<Portfolio> &portfolios)
{
    m_portfolios = portfolios;
    std::stable_sort(m_portfolios.begin(), m_portfolios.end(),
                     [](const Portfolio &a, const Portfolio &b) { return a.sortOrder < b.sortOrder; });
    m_portfolioNames.clear();
    for (const Portfolio &portfolio : std::as_const(m_portfolios))
        m_portfolioNames.insert(portfolio.id, portfolio.name);
    scheduleRefresh();
}

void Dashboard::setNotices(const QList<ContractNotice> &notices, const QList<Provider> &providers)
{
    m_notices = notices;
    m_providerNames.clear();
    for (const Provider &provider : providers)
        m_providerNames.insert(provider.id, provider.name);
    scheduleRefresh();
}

void Dashboard::setPlanSettings(const PlanSettings &settings)
{
    m_settings = settings;
    scheduleRefresh();
}

void Dashboard::setToday(QDate today)
{
    m_today = today;
    scheduleRefresh();
}

void Dashboard::setTitle(const QString &title)
{
    m_title = title;
}

bool Dashboard::isRefreshPending() const
{
    return m_refreshTimer->isActive();
}

void Dashboard::scheduleRefresh()
{
    m_refreshTimer->start();
}

void Dashboard::refreshNow()
{
    m_refreshTimer->stop();
    m_facts = m_model ? facts(*m_model) : QList<IntentionFacts>();
    m_coverage = shiftCoverage(m_facts, m_portfolios);
    const YearRange range = horizon(m_facts, m_settings.planningYear);
    m_starting = startingByYear(m_facts, range, m_portfolios);
    m_running = runningByYear(m_facts, range, m_portfolios);
    m_shownNotices = noticesConcerning(m_notices, m_facts);
    m_noticeBreakdown = PlanStatistics::noticeBreakdown(m_shownNotices);
    const QDate noticeDate = nextNoticeIssueDate(m_settings.noticeIssueDate, m_today);
    m_due = dueBefore(m_facts, m_shownNotices, noticeDate, m_today);

    m_coverageChart->setCoverage(m_coverage, m_portfolios);
    updateYearCharts();
    m_noticeChart->setBreakdown(m_noticeBreakdown);
    updateSummary();
    updateDueList();
    emit refreshed();
}

void Dashboard::updateYearCharts()
{
    // The largest by intentions running, so both charts name the same portfolios.
    QList<Id> named = m_running.topPortfolios(namedPortfolios).portfolioIds;
    named.removeAll(OtherPortfolios);
    const YearBreakdown starting = m_starting.onlyPortfolios(named);
    const YearBreakdown running = m_running.onlyPortfolios(named);
    m_startingChart->setBreakdown(starting, m_portfolios);
    m_runningChart->setBreakdown(running, m_portfolios);

    QHash<Id, QColor> colours;
    for (const Portfolio &portfolio : std::as_const(m_portfolios))
        colours.insert(portfolio.id, PlanColours::portfolio(portfolio.colour));
    QStringList entries;
    for (Id id : running.portfolioIds) {
        const QColor colour = id == OtherPortfolios ? PlanColours::otherPortfolios()
                                                    : colours.value(id, PlanColours::nhsBlue());
        const QString name = id == OtherPortfolios ? tr("Other portfolios")
                                                   : m_portfolioNames.value(id, tr("Portfolio %1").arg(id));
        entries << QStringLiteral("<span style=\"white-space:nowrap\">%1&nbsp;%2</span>")
                       .arg(swatch(colour), name.toHtmlEscaped());
    }
    m_portfolioLegend->setText(entries.join(QStringLiteral(" &nbsp; ")));
    m_portfolioLegend->setVisible(!entries.isEmpty());
}

QString Dashboard::summaryText() const
{
    QTextDocument document;
    document.setHtml(m_summary->text());
    return document.toPlainText();
}

void Dashboard::updateSummary()
{
    const PortfolioCoverage &plan = m_coverage.plan;
    if (plan.total() == 0) {
        m_summary->setText(m_model ? tr("<b>No intentions</b> match the grid's filter.") : tr("<b>No plan open.</b>"));
        return;
    }
    QStringList shares;
    for (Shift shift : shifts()) {
        shares << tr("%1 %2 <b>%3%</b> (%4)")
                      .arg(swatch(PlanColours::shift(shift)), Enums::label(shift).toHtmlEscaped())
                      .arg(plan.percent(shift))
                      .arg(plan.count(shift));
    }
    m_summary->setText(
        tr("<span style=\"font-size:large\"><b>%1</b> in %2 — share delivering each shift: %3</span>")
            .arg(DashboardChartView::countText(plan.total(), tr("intention"), tr("intentions")),
                 DashboardChartView::countText(m_coverage.portfolios.size(), tr("portfolio"), tr("portfolios")),
                 shares.join(QStringLiteral(" &nbsp;·&nbsp; "))));
}

void Dashboard::updateDueList()
{
    m_dueList->clear();
    const QDate date = m_due.date;
    if (!date.isValid()) {
        m_dueTitle->setText(tr("<b>Due before the next notice issue date</b><br>The plan has no notice issue date."));
        return;
    }
    bool overdue = false;
    for (const ContractNotice &notice : std::as_const(m_shownNotices)) {
        if (m_due.noticeIds.contains(notice.id) && notice.issueDate.isValid() && notice.issueDate < m_today)
            overdue = true;
    }
    m_dueTitle->setText(tr("<b>Due before the next notice issue date, %1</b><br>"
                           "Intentions starting from today; notices still to issue%2.")
                            .arg(PlanFormat::date(date).toHtmlEscaped(),
                                 overdue ? tr(" (<span style=\"color:%1\">overdue</span> in red)")
                                               .arg(PlanColours::problem().name())
                                         : QString()));

    QHash<Id, const ContractNotice *> notices;
    for (const ContractNotice &notice : std::as_const(m_shownNotices))
        notices.insert(notice.id, &notice);

    const auto addGroup = [this](const QString &title, const QList<Id> &ids, bool isNotice) {
        auto *group = new QTreeWidgetItem(m_dueList, {title.arg(ids.size())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        group->setData(0, idsRole, QVariant::fromValue(ids));
        group->setData(0, isNoticeRole, isNotice);
        return group;
    };
    QTreeWidgetItem *starting = addGroup(tr("Intentions starting (%1)"), m_due.intentionIds, false);
    for (qsizetype i = 0; i < m_due.intentionRows.size() && i < dueListLimit; ++i) {
        const int row = m_due.intentionRows.at(i);
        if (row < 0 || row >= m_facts.size())
            continue;
        const IntentionFacts *facts = &m_facts.at(row);
        // Titles are read for the few rows listed only, not for every intention.
        const QString title = facts->index.data(PlanRoles::TitleRole).toString();
        auto *item = new QTreeWidgetItem(starting, {PlanFormat::date(facts->start), title,
                                                    m_portfolioNames.value(facts->portfolioId)});
        item->setData(0, idsRole, QVariant::fromValue(QList<Id>{facts->id}));
        item->setData(0, isNoticeRole, false);
        item->setToolTip(1, title);
    }
    if (m_due.intentionIds.size() > dueListLimit)
        new QTreeWidgetItem(starting, {QString(), tr("… and %1 more").arg(m_due.intentionIds.size() - dueListLimit)});

    QTreeWidgetItem *toIssue = addGroup(tr("Notices to issue (%1)"), m_due.noticeIds, true);
    for (qsizetype i = 0; i < m_due.noticeIds.size() && i < dueListLimit; ++i) {
        const ContractNotice *notice = notices.value(m_due.noticeIds.at(i));
        if (!notice)
            continue;
        const QString what = tr("%1: %2 (%3)")
                                 .arg(Enums::label(notice->kind),
                                      notice->service.isEmpty() ? notice->summary : notice->service,
                                      Enums::label(notice->status).toLower());
        auto *item = new QTreeWidgetItem(toIssue, {notice->issueDate.isValid() ? PlanFormat::date(notice->issueDate)
                                                                               : tr("no date"),
                                                   what, m_providerNames.value(notice->providerId)});
        if (notice->issueDate.isValid() && notice->issueDate < m_today)
            item->setForeground(0, PlanColours::problem()); // overdue
        item->setData(0, idsRole, QVariant::fromValue(QList<Id>{notice->id}));
        item->setData(0, isNoticeRole, true);
        item->setToolTip(1, what);
    }
    if (m_due.noticeIds.size() > dueListLimit)
        new QTreeWidgetItem(toIssue, {QString(), tr("… and %1 more").arg(m_due.noticeIds.size() - dueListLimit)});
    starting->setExpanded(true);
    toIssue->setExpanded(true);
    m_dueList->setColumnWidth(0, m_dueList->fontMetrics().horizontalAdvance(QStringLiteral("00 Sept 0000"))
                                     + 2 * m_dueList->indentation() + 16);
    m_dueList->setColumnWidth(2, m_dueList->fontMetrics().horizontalAdvance(QStringLiteral("Specialised Services")) + 8);
}

void Dashboard::onDueItemActivated(QTreeWidgetItem *item)
{
    const QList<Id> ids = item->data(0, idsRole).value<QList<Id>>();
    if (ids.isEmpty())
        return;
    const QString description = item->text(1);
    if (item->data(0, isNoticeRole).toBool())
        emit noticesRequested(ids, description);
    else
        emit intentionsRequested(ids, description);
}

void Dashboard::paintPage(QPainter *painter, const QRectF &page)
{
    painter->save();
    const QString heading = m_title.isEmpty() ? tr("Commissioning intentions dashboard") : m_title;
    QFont headingFont = font();
    headingFont.setPointSizeF(13);
    headingFont.setBold(true);
    painter->setFont(headingFont);
    painter->setPen(PlanColours::chartText());
    const QFontMetricsF headingMetrics(headingFont, painter->device());
    const QRectF headingRect(page.topLeft(), QSizeF(page.width(), headingMetrics.height()));
    painter->drawText(headingRect, Qt::AlignLeft | Qt::AlignVCenter,
                      headingMetrics.elidedText(heading, Qt::ElideRight, headingRect.width()));
    QFont dateFont = font();
    dateFont.setPointSizeF(8.5);
    painter->setFont(dateFont);
    const QFontMetricsF dateMetrics(dateFont, painter->device());
    const QRectF dateRect(headingRect.bottomLeft(), QSizeF(page.width(), dateMetrics.height()));
    painter->drawText(dateRect, Qt::AlignLeft | Qt::AlignVCenter,
                      tr("As of %1. The charts show the intentions the grid's filter shows.")
                          .arg(PlanFormat::date(m_today)));

    // The dashboard as it is on screen, scaled to what is left of the page.
    const QRectF area = page.adjusted(0, headingRect.height() + dateRect.height() * 1.6, 0, 0);
    const QSizeF contentSize = m_content->size();
    const qreal scale = std::min(area.width() / contentSize.width(), area.height() / contentSize.height());
    painter->translate(area.left() + (area.width() - contentSize.width() * scale) / 2, area.top());
    painter->scale(scale, scale);
    m_content->render(painter, QPoint(), QRegion(), QWidget::DrawChildren);
    // A chart view drawn through QWidget::render into a PDF loses the text items far from its
    // left edge; drawn from its scene it is whole. Draw each chart again over itself.
    for (DashboardChartView *chart :
         {static_cast<DashboardChartView *>(m_coverageChart), static_cast<DashboardChartView *>(m_startingChart),
          static_cast<DashboardChartView *>(m_runningChart), static_cast<DashboardChartView *>(m_noticeChart)}) {
        const QRectF target(chart->viewport()->mapTo(m_content, QPoint(0, 0)), QSizeF(chart->viewport()->size()));
        painter->fillRect(target, Qt::white);
        chart->paintChart(painter, target, target.size(), DashboardChartView::Legend::AsShown);
    }
    painter->restore();
}

Result<void> Dashboard::exportTo(const QString &fileName)
{
    if (m_refreshTimer->isActive())
        refreshNow();
    // Charts rebuilt since the last turn of the event loop still hold their old axes, to be
    // deleted later; they must not be drawn into the file.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(fileName);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
        writer.setTitle(m_title.isEmpty() ? tr("Commissioning intentions dashboard") : m_title);
        writer.setCreator(QStringLiteral("Commissioning Intentions Planner"));
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{tr("Cannot write %1.").arg(fileName)};
        paintPage(&painter, QRectF(0, 0, writer.width(), writer.height()));
        painter.end();
        return {};
    }
    if (suffix == QLatin1String("png")) {
        constexpr qreal scale = 2; // sharp enough for a slide or a board paper
        const QFontMetricsF metrics(font());
        const QSizeF size(m_content->width(), m_content->height() + metrics.height() * 4);
        QImage image((size * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paintPage(&painter, QRectF(QPointF(8, 6), size - QSizeF(16, 6)));
        painter.end();
        if (!image.save(fileName, "PNG"))
            return Error{tr("Cannot write %1.").arg(fileName)};
        return {};
    }
    return Error{tr("The dashboard exports as PDF or PNG: %1 is neither.").arg(QFileInfo(fileName).fileName())};
}

void Dashboard::exportInteractively(const QString &format)
{
    const bool pdf = format == QLatin1String("pdf");
    const QString file = QFileDialog::getSaveFileName(this, pdf ? tr("Export the dashboard as PDF")
                                                                : tr("Export the dashboard as PNG"),
                                                      tr("dashboard.%1").arg(format),
                                                      pdf ? tr("PDF documents (*.pdf)") : tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    const auto written = exportTo(file);
    if (!written)
        QMessageBox::warning(this, tr("Cannot export the dashboard"), written.error());
}
