#pragma once

#include "entities.h"
#include "fiscalyear.h"
#include "intentionfilterproxy.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

// The row of filters above the intentions grid: free text (title, text, lead), portfolio,
// status, each shift tag (tagged / not tagged), place, provider, "active in" financial year and
// "needs review". Filters combine. Every change emits filterChanged at once, keystroke by
// keystroke: the proxy is quick enough on 100,000 rows that no delay is needed.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    using Filter = IntentionFilterProxy::Filter;

    explicit FilterBar(QWidget *parent = nullptr);

    // The plan's lists to choose from. A choice that still exists stays chosen; one that is
    // gone is cleared (and filterChanged says so).
    void setChoices(const QList<Portfolio> &portfolios, const QList<Place> &places,
                    const QList<Provider> &providers, const QList<FiscalYear> &years);

    Filter filter() const;
    void setFilter(const Filter &filter); // shows it; emits filterChanged if it differs
    void clear();

    // "145 of 1,200 intentions" at the end of the bar (the status bar says the same).
    void setCounts(int shown, int total);
    QString countsText() const;

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *portfolioBox() const { return m_portfolio; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *shiftBox(Shift shift) const;
    QComboBox *placeBox() const { return m_place; }
    QComboBox *providerBox() const { return m_provider; }
    QComboBox *yearBox() const { return m_year; }
    QCheckBox *needsReviewBox() const { return m_needsReview; }
    QToolButton *clearButton() const { return m_clear; }

signals:
    void filterChanged(const IntentionFilterProxy::Filter &filter);

private:
    void onChanged();
    void fillIdBox(QComboBox *box, const QString &anyLabel, const QList<std::pair<QString, Id>> &items,
                   const QList<QColor> &colours = {});

    QLineEdit *m_search = nullptr;
    QComboBox *m_portfolio = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_shifts[3] = {nullptr, nullptr, nullptr};
    QComboBox *m_place = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_year = nullptr;
    QCheckBox *m_needsReview = nullptr;
    QToolButton *m_clear = nullptr;
    QLabel *m_counts = nullptr;
    Filter m_last;
    bool m_updating = false;
};
