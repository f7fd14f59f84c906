#pragma once

#include "entities.h"
#include "planstatistics.h"
#include "result.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QScrollArea;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class FiscalYearChart;
class NoticeChart;
class ShiftCoverageChart;

// The three-shifts dashboard: shift coverage by portfolio, intentions starting and running per
// financial year, contract notices by kind and status, and what falls due before the next
// notice issue date.
//
// It charts the rows of an intentions model (the grid's filter proxy: every chart follows the
// grid's filter), read through PlanRoles. Model changes are coalesced: any number of resets,
// row and data changes in one turn of the event loop cause one refresh. Portfolios, notices and
// plan settings are given to it by whoever owns the plan. Notices follow the filter too: those
// linked only to intentions filtered out are not counted.
class Dashboard : public QWidget
{
    Q_OBJECT
public:
    explicit Dashboard(QWidget *parent = nullptr);
    ~Dashboard() override;

    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const { return m_model; }
    void setPortfolios(const QList<Portfolio> &portfolios);
    void setNotices(const QList<ContractNotice> &notices, const QList<Provider> &providers);
    void setPlanSettings(const PlanSettings &settings);
    // The day "next notice issue date" and "due" count from (default: the real today).
    void setToday(QDate today);
    // The heading of exports, e.g. the ICB and planning year.
    void setTitle(const QString &title);
    QString title() const { return m_title; }

    // Recomputes and redraws now (changes otherwise schedule it for the next event-loop turn).
    void refreshNow();
    bool isRefreshPending() const;

    // Exports the whole dashboard as one PDF page (A4 landscape) or a PNG image, by suffix.
    Result<void> exportTo(const QString &fileName);

    // What is shown, for tests and the window.
    const QList<PlanStatistics::IntentionFacts> &intentions() const { return m_facts; }
    const PlanStatistics::ShiftCoverage &coverage() const { return m_coverage; }
    const PlanStatistics::YearBreakdown &starting() const { return m_starting; }
    const PlanStatistics::YearBreakdown &running() const { return m_running; }
    const PlanStatistics::NoticeBreakdown &noticeBreakdown() const { return m_noticeBreakdown; }
    const PlanStatistics::DueBefore &due() const { return m_due; }
    ShiftCoverageChart *coverageChart() const { return m_coverageChart; }
    FiscalYearChart *startingChart() const { return m_startingChart; }
    FiscalYearChart *runningChart() const { return m_runningChart; }
    NoticeChart *noticeChart() const { return m_noticeChart; }
    QTreeWidget *dueList() const { return m_dueList; }
    QString summaryText() const;

signals:
    // The user clicked through to the intentions (or notices) behind a bar or a due item.
    void intentionsRequested(const QList<Id> &ids, const QString &description);
    void noticesRequested(const QList<Id> &ids, const QString &description);
    void refreshed();

private:
    void scheduleRefresh();
    void updateSummary();
    void updateYearCharts();
    void updateDueList();
    void exportInteractively(const QString &format);
    void paintPage(QPainter *painter, const QRectF &page);
    void onDueItemActivated(QTreeWidgetItem *item);

    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_modelConnections;
    QTimer *m_refreshTimer = nullptr;
    QList<Portfolio> m_portfolios;
    QHash<Id, QString> m_portfolioNames;
    QList<ContractNotice> m_notices;
    QHash<Id, QString> m_providerNames;
    PlanSettings m_settings;
    QDate m_today;
    QString m_title;

    QList<PlanStatistics::IntentionFacts> m_facts;
    PlanStatistics::ShiftCoverage m_coverage;
    PlanStatistics::YearBreakdown m_starting;
    PlanStatistics::YearBreakdown m_running;
    QList<ContractNotice> m_shownNotices;
    PlanStatistics::NoticeBreakdown m_noticeBreakdown;
    PlanStatistics::DueBefore m_due;

    QWidget *m_content = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_exportButton = nullptr;
    ShiftCoverageChart *m_coverageChart = nullptr;
    FiscalYearChart *m_startingChart = nullptr;
    FiscalYearChart *m_runningChart = nullptr;
    NoticeChart *m_noticeChart = nullptr;
    QLabel *m_portfolioLegend = nullptr;
    QLabel *m_dueTitle = nullptr;
    QTreeWidget *m_dueList = nullptr;
};
