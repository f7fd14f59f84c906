#include "filterbar.h"

#include "plancolours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QToolButton>

namespace {

constexpr Shift allShifts[3] = {Shift::HospitalToCommunity, Shift::TreatmentToPrevention, Shift::AnalogueToDigital};

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    if (colour.isValid()) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(colour.darker(130));
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2, 2);
    }
    return QIcon(pixmap);
}

// The short word people use for each shift in conversation.
QString shiftWord(Shift shift)
{
    switch (shift) {
    case Shift::HospitalToCommunity:
        return QObject::tr("Community");
    case Shift::TreatmentToPrevention:
        return QObject::tr("Prevention");
    case Shift::AnalogueToDigital:
        return QObject::tr("Digital");
    }
    return {};
}

QComboBox *compactCombo(QWidget *parent, const QString &name, const QString &toolTip)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setToolTip(toolTip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(9);
    box->setMaxVisibleItems(25);
    return box;
}

Id currentId(const QComboBox *box)
{
    return box->currentIndex() > 0 ? box->currentData().toLongLong() : 0;
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_needsReview(new QCheckBox(tr("Needs review"), this))
    , m_clear(new QToolButton(this))
    , m_counts(new QLabel(this))
{
    setObjectName(QStringLiteral("filterBar"));
    m_search->setObjectName(QStringLiteral("filterText"));
    m_search->setPlaceholderText(tr("Search titles, text and leads"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);

    m_portfolio = compactCombo(this, QStringLiteral("filterPortfolio"), tr("Show one portfolio"));
    m_status = compactCombo(this, QStringLiteral("filterStatus"), tr("Show one status"));
    m_status->addItem(tr("Any status"), -1);
    for (IntentionStatus status : {IntentionStatus::Proposed, IntentionStatus::Agreed, IntentionStatus::InDelivery,
                                   IntentionStatus::Complete, IntentionStatus::Withdrawn})
        m_status->addItem(swatch(PlanColours::status(status)), Enums::label(status), int(status));
    for (int i = 0; i < 3; ++i) {
        const Shift shift = allShifts[i];
        QComboBox *box = m_shifts[i] = compactCombo(this, QStringLiteral("filterShift%1").arg(i),
                                                    tr("The %1 shift").arg(Enums::label(shift)));
        box->setMinimumContentsLength(16); // "Prevention: not tagged" nearly whole
        const QIcon icon = swatch(PlanColours::shift(shift));
        box->addItem(icon, tr("%1: any").arg(shiftWord(shift)), int(IntentionFilterProxy::TagFilter::Any));
        box->addItem(icon, tr("%1: tagged").arg(shiftWord(shift)), int(IntentionFilterProxy::TagFilter::Has));
        box->addItem(icon, tr("%1: not tagged").arg(shiftWord(shift)), int(IntentionFilterProxy::TagFilter::Lacks));
    }
    m_place = compactCombo(this, QStringLiteral("filterPlace"), tr("Show intentions affecting one place"));
    m_provider = compactCombo(this, QStringLiteral("filterProvider"), tr("Show intentions affecting one provider"));
    m_year = compactCombo(this, QStringLiteral("filterYear"), tr("Show intentions running at some time in a financial year"));
    m_year->setMinimumContentsLength(7);
    setChoices({}, {}, {}, {});

    m_needsReview->setObjectName(QStringLiteral("filterNeedsReview"));
    m_needsReview->setToolTip(tr("Only timeframes the planner could not read with confidence"));
    m_clear->setObjectName(QStringLiteral("filterClear"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every intention"));
    m_clear->setEnabled(false);
    m_counts->setObjectName(QStringLiteral("filterCounts"));

    // Two rows, so every filter's words show in full beside the timeline on an office screen:
    // the search and the count above, the lists below.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(m_search, 1);
    top->addWidget(m_needsReview);
    top->addWidget(m_clear);
    top->addSpacing(12);
    top->addWidget(m_counts);
    auto *lists = new QHBoxLayout;
    lists->setSpacing(6);
    lists->addWidget(m_portfolio, 3);
    lists->addWidget(m_status, 2);
    for (QComboBox *box : m_shifts)
        lists->addWidget(box, 2);
    lists->addWidget(m_place, 2);
    lists->addWidget(m_provider, 3);
    lists->addWidget(m_year, 2);
    layout->addLayout(top);
    layout->addLayout(lists);

    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::onChanged);
    for (QComboBox *box : {m_portfolio, m_status, m_shifts[0], m_shifts[1], m_shifts[2], m_place, m_provider, m_year})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::onChanged);
    connect(m_needsReview, &QCheckBox::toggled, this, &FilterBar::onChanged);
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clear);
}

QComboBox *FilterBar::shiftBox(Shift shift) const
{
    for (int i = 0; i < 3; ++i) {
        if (allShifts[i] == shift)
            return m_shifts[i];
    }
    return nullptr;
}

void FilterBar::fillIdBox(QComboBox *box, const QString &anyLabel, const QList<std::pair<QString, Id>> &items,
                          const QList<QColor> &colours)
{
    const Id chosen = currentId(box);
    box->clear();
    box->addItem(anyLabel, qint64(0));
    int keep = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i < colours.size())
            box->addItem(swatch(colours.at(i)), items.at(i).first, items.at(i).second);
        else
            box->addItem(items.at(i).first, items.at(i).second);
        if (items.at(i).second == chosen)
            keep = box->count() - 1;
    }
    box->setCurrentIndex(keep);
}

void FilterBar::setChoices(const QList<Portfolio> &portfolios, const QList<Place> &places,
                           const QList<Provider> &providers, const QList<FiscalYear> &years)
{
    m_updating = true;
    QList<std::pair<QString, Id>> items;
    QList<QColor> colours;
    for (const Portfolio &portfolio : portfolios) {
        items.append({portfolio.name, portfolio.id});
        colours.append(PlanColours::portfolio(portfolio.colour));
    }
    fillIdBox(m_portfolio, tr("All portfolios"), items, colours);
    items.clear();
    for (const Place &place : places)
        items.append({place.name, place.id});
    fillIdBox(m_place, tr("All places"), items);
    items.clear();
    for (const Provider &provider : providers)
        items.append({provider.name, provider.id});
    fillIdBox(m_provider, tr("All providers"), items);

    const int chosenYear = m_year->currentIndex() > 0 ? m_year->currentData().toInt() : 0;
    m_year->clear();
    m_year->addItem(tr("Any year"), 0);
    for (const FiscalYear &year : years) {
        m_year->addItem(tr("Active in %1").arg(year.toString()), year.startYear());
        if (year.startYear() == chosenYear)
            m_year->setCurrentIndex(m_year->count() - 1);
    }
    m_updating = false;
    onChanged();
}

IntentionFilterProxy::Filter FilterBar::filter() const
{
    Filter f;
    f.text = m_search->text();
    if (const Id portfolio = currentId(m_portfolio))
        f.portfolioIds = {portfolio};
    if (m_status->currentIndex() > 0)
        f.statuses = {IntentionStatus(m_status->currentData().toInt())};
    f.community = IntentionFilterProxy::TagFilter(m_shifts[0]->currentData().toInt());
    f.prevention = IntentionFilterProxy::TagFilter(m_shifts[1]->currentData().toInt());
    f.digital = IntentionFilterProxy::TagFilter(m_shifts[2]->currentData().toInt());
    f.placeId = currentId(m_place);
    f.providerId = currentId(m_provider);
    if (m_year->currentIndex() > 0)
        f.activeIn = FiscalYear(m_year->currentData().toInt());
    f.needsReviewOnly = m_needsReview->isChecked();
    return f;
}

void FilterBar::setFilter(const Filter &filter)
{
    m_updating = true;
    m_search->setText(filter.text);
    const auto selectData = [](QComboBox *box, const QVariant &value) {
        const int found = box->findData(value);
        box->setCurrentIndex(found >= 0 ? found : 0);
    };
    selectData(m_portfolio, filter.portfolioIds.isEmpty() ? qint64(0) : filter.portfolioIds.constFirst());
    selectData(m_status, filter.statuses.isEmpty() ? -1 : int(filter.statuses.constFirst()));
    selectData(m_shifts[0], int(filter.community));
    selectData(m_shifts[1], int(filter.prevention));
    selectData(m_shifts[2], int(filter.digital));
    selectData(m_place, qint64(filter.placeId));
    selectData(m_provider, qint64(filter.providerId));
    selectData(m_year, filter.activeIn.isValid() ? filter.activeIn.startYear() : 0);
    m_needsReview->setChecked(filter.needsReviewOnly);
    m_updating = false;
    onChanged();
}

void FilterBar::clear()
{
    setFilter(Filter{});
    m_search->setFocus();
}

void FilterBar::onChanged()
{
    if (m_updating)
        return;
    const Filter current = filter();
    m_clear->setEnabled(!current.isEmpty());
    if (current == m_last)
        return;
    m_last = current;
    emit filterChanged(current);
}

void FilterBar::setCounts(int shown, int total)
{
    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    m_counts->setText(tr("%1 of %2 intentions").arg(locale.toString(shown), locale.toString(total)));
}

QString FilterBar::countsText() const
{
    return m_counts->text();
}
