#include "portfoliochoicedialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <functional>

namespace {
constexpr int IdRole = Qt::UserRole + 1;

// "1 intention", "7 intentions": the planner ships without translations, so plurals are spelt here.
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}
}

PortfolioChoiceDialog::PortfolioChoiceDialog(const QList<Choice> &choices, bool askOrientation, QWidget *parent)
    : QDialog(parent)
    , m_choices(choices)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Portfolios in the summary"));
    m_list->setObjectName(QStringLiteral("portfolioChoices"));
    for (const Choice &choice : choices) {
        auto *item = new QListWidgetItem(QStringLiteral("%1  (%2)").arg(choice.name, counted(choice.intentions, "intention", "intentions")), m_list);
        item->setData(IdRole, choice.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(choice.checked ? Qt::Checked : Qt::Unchecked);
    }
    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    auto *withIntentions = new QPushButton(tr("Those with intentions"), this);
    auto *quick = new QHBoxLayout;
    quick->addWidget(all);
    quick->addWidget(none);
    quick->addWidget(withIntentions);
    quick->addStretch();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("A pack of more than one portfolio starts with a cover page listing them."), this));
    layout->addWidget(m_list, 1);
    layout->addLayout(quick);
    if (askOrientation) {
        m_portrait = new QRadioButton(tr("A4 &portrait"), this);
        m_landscape = new QRadioButton(tr("A4 &landscape"), this);
        m_portrait->setChecked(true);
        auto *pages = new QHBoxLayout;
        pages->addWidget(new QLabel(tr("Pages:"), this));
        pages->addWidget(m_portrait);
        pages->addWidget(m_landscape);
        pages->addStretch();
        layout->addLayout(pages);
    }
    layout->addWidget(buttons);
    resize(460, 520);

    const auto checkWhere = [this](const std::function<bool(const Choice &)> &wanted) {
        for (int row = 0; row < m_list->count(); ++row)
            m_list->item(row)->setCheckState(wanted(m_choices.at(row)) ? Qt::Checked : Qt::Unchecked);
    };
    connect(all, &QPushButton::clicked, this, [checkWhere] { checkWhere([](const Choice &) { return true; }); });
    connect(none, &QPushButton::clicked, this, [checkWhere] { checkWhere([](const Choice &) { return false; }); });
    connect(withIntentions, &QPushButton::clicked, this,
            [checkWhere] { checkWhere([](const Choice &c) { return c.intentions > 0; }); });
    connect(m_list, &QListWidget::itemChanged, this, &PortfolioChoiceDialog::updateOk);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

QList<Id> PortfolioChoiceDialog::checkedIds() const
{
    QList<Id> ids;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            ids.append(m_list->item(row)->data(IdRole).toLongLong());
    }
    return ids;
}

void PortfolioChoiceDialog::setChecked(const QList<Id> &ids)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setCheckState(ids.contains(item->data(IdRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
}

QPageLayout::Orientation PortfolioChoiceDialog::orientation() const
{
    return m_landscape && m_landscape->isChecked() ? QPageLayout::Landscape : QPageLayout::Portrait;
}

void PortfolioChoiceDialog::updateOk()
{
    m_ok->setEnabled(!checkedIds().isEmpty()); // an empty summary is not a summary
}
