#include "bulkeditdialog.h"

#include "intentiontablemodel.h"
#include "plancolours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr Shift allShifts[3] = {Shift::HospitalToCommunity, Shift::TreatmentToPrevention, Shift::AnalogueToDigital};
constexpr int shiftColumns[3] = {IntentionTableModel::CommunityColumn, IntentionTableModel::PreventionColumn,
                                 IntentionTableModel::DigitalColumn};

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2, 2);
    return QIcon(pixmap);
}

} // namespace

BulkEditDialog::BulkEditDialog(int intentionCount, const QList<Portfolio> &portfolios, QWidget *parent)
    : QDialog(parent)
    , m_statusCheck(new QCheckBox(tr("Status"), this))
    , m_status(new QComboBox(this))
    , m_portfolioCheck(new QCheckBox(tr("Portfolio"), this))
    , m_portfolio(new QComboBox(this))
    , m_leadCheck(new QCheckBox(tr("Lead"), this))
    , m_lead(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("bulkEditDialog"));
    setWindowTitle(tr("Edit %1 intentions").arg(intentionCount));
    auto *intro = new QLabel(tr("Set the ticked fields on all %1 selected intentions. Everything else stays as "
                                "it is. This is one step in the undo history.")
                                 .arg(intentionCount),
                             this);
    intro->setWordWrap(true);

    m_statusCheck->setObjectName(QStringLiteral("bulkStatusCheck"));
    m_status->setObjectName(QStringLiteral("bulkStatus"));
    for (IntentionStatus status : {IntentionStatus::Proposed, IntentionStatus::Agreed, IntentionStatus::InDelivery,
                                   IntentionStatus::Complete, IntentionStatus::Withdrawn})
        m_status->addItem(swatch(PlanColours::status(status)), Enums::label(status), int(status));
    m_portfolioCheck->setObjectName(QStringLiteral("bulkPortfolioCheck"));
    m_portfolio->setObjectName(QStringLiteral("bulkPortfolio"));
    m_portfolio->setToolTip(tr("A programme area of the old portfolio is cleared"));
    for (const Portfolio &portfolio : portfolios)
        m_portfolio->addItem(swatch(PlanColours::portfolio(portfolio.colour)), portfolio.name, portfolio.id);
    m_portfolioCheck->setEnabled(!portfolios.isEmpty());
    m_leadCheck->setObjectName(QStringLiteral("bulkLeadCheck"));
    m_lead->setObjectName(QStringLiteral("bulkLead"));

    auto *form = new QFormLayout;
    form->addRow(m_statusCheck, m_status);
    form->addRow(m_portfolioCheck, m_portfolio);
    form->addRow(m_leadCheck, m_lead);
    for (int i = 0; i < 3; ++i) {
        QComboBox *box = m_shifts[i] = new QComboBox(this);
        box->setObjectName(QStringLiteral("bulkShift%1").arg(i));
        const QIcon icon = swatch(PlanColours::shift(allShifts[i]));
        box->addItem(tr("Leave as it is"), LeaveShift);
        box->addItem(icon, tr("Tag"), TagShift);
        box->addItem(tr("Untag"), UntagShift);
        form->addRow(Enums::label(allShifts[i]), box);
        connect(box, &QComboBox::currentIndexChanged, this, &BulkEditDialog::updateButtons);
    }

    // Choosing a value ticks its field: what the user touched is what they meant to change.
    connect(m_status, &QComboBox::activated, m_statusCheck, [this] { m_statusCheck->setChecked(true); });
    connect(m_portfolio, &QComboBox::activated, m_portfolioCheck, [this] { m_portfolioCheck->setChecked(true); });
    connect(m_lead, &QLineEdit::textEdited, m_leadCheck, [this] { m_leadCheck->setChecked(true); });
    for (QCheckBox *check : {m_statusCheck, m_portfolioCheck, m_leadCheck})
        connect(check, &QCheckBox::toggled, this, &BulkEditDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    updateButtons();
}

QComboBox *BulkEditDialog::shiftBox(Shift shift) const
{
    for (int i = 0; i < 3; ++i) {
        if (allShifts[i] == shift)
            return m_shifts[i];
    }
    return nullptr;
}

QList<BulkEditDialog::Edit> BulkEditDialog::edits() const
{
    QList<Edit> edits;
    if (m_statusCheck->isChecked())
        edits.append({IntentionTableModel::StatusColumn, m_status->currentData()});
    if (m_portfolioCheck->isChecked() && m_portfolio->currentIndex() >= 0)
        edits.append({IntentionTableModel::PortfolioColumn, m_portfolio->currentData()});
    if (m_leadCheck->isChecked())
        edits.append({IntentionTableModel::LeadColumn, m_lead->text()});
    for (int i = 0; i < 3; ++i) {
        const int choice = m_shifts[i]->currentData().toInt();
        if (choice != LeaveShift)
            edits.append({shiftColumns[i], choice == TagShift});
    }
    return edits;
}

void BulkEditDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!edits().isEmpty());
}
