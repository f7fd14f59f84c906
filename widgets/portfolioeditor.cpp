#include "portfolioeditor.h"

#include "plancolours.h"
#include "plancontext.h"
#include "planroles.h"
#include "portfolioeditorfields.h"
#include "portfoliomodel.h"
#include "programmeareamodel.h"

#include <QComboBox>
#include <QDataWidgetMapper>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

constexpr int GeneralMessage = -1;

// "1 intention", "7 intentions": the planner ships without translations, so plurals are spelt here.
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, PlanColours::problem());
    label->setPalette(palette);
    label->hide();
    return label;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

PortfolioEditor::PortfolioEditor(QWidget *parent)
    : QWidget(parent)
    , m_mapper(new QDataWidgetMapper(this))
    , m_list(new QListView(this))
{
    setObjectName(QStringLiteral("portfolioEditor"));
    m_mapper->setSubmitPolicy(QDataWidgetMapper::AutoSubmit); // leaving a field stores it

    m_list->setObjectName(QStringLiteral("portfolioList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_addPortfolio = new QPushButton(tr("Add portfolio"), this);
    m_removePortfolio = new QPushButton(tr("Remove…"), this);
    m_removePortfolio->setToolTip(tr("Remove the portfolio; only a portfolio without intentions can be removed"));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(sectionTitle(tr("Portfolios"), left));
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addPortfolio);
    listButtons->addWidget(m_removePortfolio);
    leftLayout->addLayout(listButtons);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildForm());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({290, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_addPortfolio, &QPushButton::clicked, this, &PortfolioEditor::addPortfolioInteractively);
    connect(m_removePortfolio, &QPushButton::clicked, this, &PortfolioEditor::removePortfolioInteractively);
    // Fields that are not left by focus alone commit as soon as the user chooses.
    connect(m_group, &QComboBox::activated, this, &PortfolioEditor::submit);
    connect(m_colour, &ColourButton::colourPicked, this, &PortfolioEditor::submit);
    connect(m_benefits, &BenefitsEditor::benefitsEdited, this, &PortfolioEditor::submit);
    // Editing a field again clears its message: the user is fixing it.
    connect(m_name, &QLineEdit::textEdited, this, [this] { showMessage(PortfolioModel::NameColumn, {}); });
    connect(m_group, &QComboBox::activated, this, [this] { showMessage(PortfolioModel::GroupColumn, {}); });
    connect(m_order, &QSpinBox::valueChanged, this, [this] { showMessage(PortfolioModel::OrderColumn, {}); });
    connect(m_colour, &ColourButton::colourPicked, this, [this] { showMessage(PortfolioModel::ColourColumn, {}); });
    setEnabled(false);
}

QWidget *PortfolioEditor::buildForm()
{
    m_form = new QWidget(this);
    m_title = new QLabel(m_form);
    m_title->setObjectName(QStringLiteral("portfolioTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_group = new QComboBox(m_form);
    m_group->setObjectName(QStringLiteral("groupCombo"));
    for (int g = int(PortfolioGroup::CoreObjectives); g <= int(PortfolioGroup::CrossCuttingTheme); ++g)
        m_group->addItem(Enums::label(PortfolioGroup(g))); // index = PortfolioGroup, as the model edits it
    m_lead = new QLineEdit(m_form);
    m_lead->setObjectName(QStringLiteral("leadEdit"));
    m_lead->setPlaceholderText(tr("Senior responsible officer"));
    m_colour = new ColourButton(m_form);
    m_colour->setObjectName(QStringLiteral("colourButton"));
    m_order = new QSpinBox(m_form);
    m_order->setObjectName(QStringLiteral("orderSpin"));
    m_order->setRange(-9999, 99999);
    m_order->setToolTip(tr("Where the portfolio comes in lists, the timeline and printed summaries"));
    m_benefits = new BenefitsEditor(m_form);
    m_benefits->setObjectName(QStringLiteral("benefitsEditor"));

    // A field with its message underneath, shown only when a value was refused.
    auto withMessage = [this](QWidget *field, int column) {
        auto *box = new QWidget(m_form);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(field);
        QLabel *message = messageLabel(box);
        message->setObjectName(QStringLiteral("message%1").arg(column));
        layout->addWidget(message);
        m_messages.insert(column, message);
        return box;
    };

    auto *basics = new QFormLayout;
    basics->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    basics->addRow(tr("&Name"), withMessage(m_name, PortfolioModel::NameColumn));
    basics->addRow(tr("&Group"), withMessage(m_group, PortfolioModel::GroupColumn));
    basics->addRow(tr("&Lead"), withMessage(m_lead, PortfolioModel::LeadColumn));
    auto *colourRow = new QHBoxLayout;
    colourRow->addWidget(m_colour);
    colourRow->addSpacing(16);
    auto *orderLabel = new QLabel(tr("&Order"), m_form);
    orderLabel->setBuddy(m_order);
    colourRow->addWidget(orderLabel);
    colourRow->addWidget(m_order);
    colourRow->addStretch();
    auto *colourBox = new QWidget(m_form);
    colourBox->setLayout(colourRow);
    colourRow->setContentsMargins(0, 0, 0, 0);
    basics->addRow(tr("&Colour"), withMessage(colourBox, PortfolioModel::ColourColumn));
    m_messages.insert(PortfolioModel::OrderColumn, m_messages.value(PortfolioModel::ColourColumn));

    auto *leftColumn = new QVBoxLayout;
    leftColumn->addLayout(basics);
    leftColumn->addWidget(sectionTitle(tr("Benefits by year"), m_form));
    leftColumn->addWidget(m_benefits, 1);
    leftColumn->addWidget(sectionTitle(tr("Programme areas"), m_form));
    leftColumn->addWidget(buildAreas(), 2);

    auto *rightColumn = new QVBoxLayout;
    const QList<QPair<int, QString>> texts{
        {PortfolioModel::VisionColumn, tr("Vision and key drivers")},
        {PortfolioModel::StakeholdersColumn, tr("Key stakeholders")},
        {PortfolioModel::ProgrammesColumn, tr("Key programmes")},
        {PortfolioModel::EngagementColumn, tr("Engagement")},
    };
    for (const auto &[column, title] : texts) {
        auto *field = new ListTextField(m_form);
        field->edit()->setObjectName(QStringLiteral("text%1").arg(column));
        m_texts.insert(column, field->edit());
        rightColumn->addWidget(sectionTitle(title, m_form));
        rightColumn->addWidget(withMessage(field, column), column == PortfolioModel::VisionColumn ? 2 : 1);
        connect(field->edit(), &QTextEdit::textChanged, this, [this, column] { showMessage(column, {}); });
    }

    auto *grid = new QGridLayout(m_form);
    QLabel *general = messageLabel(m_form);
    general->setObjectName(QStringLiteral("generalMessage"));
    m_messages.insert(GeneralMessage, general);
    grid->addWidget(m_title, 0, 0, 1, 2);
    grid->addWidget(general, 1, 0, 1, 2);
    grid->addLayout(leftColumn, 2, 0);
    grid->addLayout(rightColumn, 2, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    return m_form;
}

QWidget *PortfolioEditor::buildAreas()
{
    auto *box = new QWidget(m_form);
    m_areas = new QTableView(box);
    m_areas->setObjectName(QStringLiteral("areaView"));
    m_areas->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_areas->setSelectionMode(QAbstractItemView::SingleSelection);
    m_areas->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_areas->verticalHeader()->hide();
    m_areas->horizontalHeader()->setStretchLastSection(false);
    m_areas->setMinimumHeight(fontMetrics().lineSpacing() * 7);
    m_addArea = new QPushButton(tr("Add…"), box);
    m_renameArea = new QPushButton(tr("Rename"), box);
    m_mergeArea = new QPushButton(tr("Merge into…"), box);
    m_mergeArea->setToolTip(tr("Move this area's intentions into another area and remove this one"));
    m_areaUp = new QPushButton(tr("Up"), box);
    m_areaDown = new QPushButton(tr("Down"), box);
    m_areaMessage = messageLabel(box);
    m_areaMessage->setObjectName(QStringLiteral("areaMessage"));
    m_withoutArea = new QLabel(box);
    m_withoutArea->setObjectName(QStringLiteral("withoutArea"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_addArea, m_renameArea, m_mergeArea, m_areaUp, m_areaDown})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_areas, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_areaMessage);
    layout->addWidget(m_withoutArea);

    connect(m_addArea, &QPushButton::clicked, this, &PortfolioEditor::addAreaInteractively);
    connect(m_renameArea, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_areas->currentIndex();
        if (current.isValid())
            m_areas->edit(current.siblingAtColumn(ProgrammeAreaModel::NameColumn));
    });
    connect(m_mergeArea, &QPushButton::clicked, this, &PortfolioEditor::mergeAreaInteractively);
    connect(m_areaUp, &QPushButton::clicked, this, [this] { moveCurrentArea(-1); });
    connect(m_areaDown, &QPushButton::clicked, this, [this] { moveCurrentArea(1); });
    return box;
}

void PortfolioEditor::setModels(PortfolioModel *portfolios, ProgrammeAreaModel *areas)
{
    m_model = portfolios;
    m_areaModel = areas;
    m_list->setModel(portfolios);
    m_list->setModelColumn(PortfolioModel::NameColumn);
    m_mapper->setModel(portfolios);
    m_mapper->addMapping(m_name, PortfolioModel::NameColumn);
    m_mapper->addMapping(m_group, PortfolioModel::GroupColumn, "currentIndex");
    m_mapper->addMapping(m_lead, PortfolioModel::LeadColumn);
    m_mapper->addMapping(m_colour, PortfolioModel::ColourColumn, "colour");
    m_mapper->addMapping(m_order, PortfolioModel::OrderColumn, "value");
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        m_mapper->addMapping(it.value(), it.key(), "listText");
    m_mapper->addMapping(m_benefits, PortfolioModel::BenefitsColumn, "benefits");
    m_areas->setModel(areas);
    m_areas->horizontalHeader()->setSectionResizeMode(ProgrammeAreaModel::NameColumn, QHeaderView::Stretch);
    m_areas->horizontalHeader()->setSectionResizeMode(ProgrammeAreaModel::CountColumn,
                                                      QHeaderView::ResizeToContents);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showPortfolioRow(current.row()); });
    connect(portfolios, &PortfolioModel::editRejected, this, [this](const QModelIndex &index, const QString &message) {
        if (index.row() == m_mapper->currentIndex())
            showMessage(index.column(), message);
        emit statusMessage(message);
    });
    connect(portfolios, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() != m_mapper->currentIndex())
            return;
        showMessage(topLeft.column(), {}); // stored: whatever was refused before is past
        m_title->setText(m_model->portfolio(topLeft.row()).name);
    });
    connect(portfolios, &QAbstractItemModel::modelReset, this, [this] { showPortfolioRow(0); });
    connect(portfolios, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first) {
        if (m_mapper->currentIndex() < 0 || !m_list->currentIndex().isValid())
            showPortfolioRow(std::min(first, m_model->rowCount() - 1));
    });
    connect(portfolios, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        if (m_mapper->currentIndex() < 0)
            showPortfolioRow(first);
    });
    connect(portfolios, &QAbstractItemModel::layoutChanged, this, [this] {
        // A new order moved the row: the list's current row and the form follow it.
        if (m_list->currentIndex().isValid())
            m_mapper->setCurrentIndex(m_list->currentIndex().row());
    });
    connect(areas, &ProgrammeAreaModel::editRejected, this, [this](const QModelIndex &, const QString &message) {
        m_areaMessage->setText(message);
        m_areaMessage->show();
    });
    connect(areas, &QAbstractItemModel::modelReset, this, &PortfolioEditor::updateAreaButtons);
    connect(areas, &QAbstractItemModel::layoutChanged, this, &PortfolioEditor::updateAreaButtons);
    connect(areas, &QAbstractItemModel::dataChanged, this, &PortfolioEditor::updateAreaButtons);
    connect(m_areas->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PortfolioEditor::updateAreaButtons);
    showPortfolioRow(0);
}

void PortfolioEditor::showPortfolioRow(int row)
{
    if (!m_model)
        return;
    if (row < 0 || row >= m_model->rowCount()) {
        m_mapper->setCurrentIndex(-1);
        m_areaModel->setPortfolio(0);
        m_title->clear();
        setEnabled(m_model->rowCount() > 0 || m_model->context());
        m_form->setEnabled(false);
        m_removePortfolio->setEnabled(false);
        m_addPortfolio->setEnabled(m_model->context() != nullptr);
        updateAreaButtons();
        return;
    }
    setEnabled(true);
    m_form->setEnabled(true);
    m_removePortfolio->setEnabled(true);
    m_addPortfolio->setEnabled(true);
    clearMessages();
    const QModelIndex index = m_model->index(row, PortfolioModel::NameColumn);
    if (m_list->currentIndex() != index)
        m_list->setCurrentIndex(index);
    m_mapper->setCurrentIndex(row);
    const Portfolio &portfolio = m_model->portfolio(row);
    m_title->setText(portfolio.name);
    m_areaModel->setPortfolio(portfolio.id);
    m_areaMessage->hide();
    updateAreaButtons();
}

void PortfolioEditor::selectPortfolio(Id portfolioId)
{
    if (m_model)
        showPortfolioRow(m_model->rowOf(portfolioId));
}

Id PortfolioEditor::currentPortfolioId() const
{
    const int row = m_mapper->currentIndex();
    return m_model && row >= 0 && row < m_model->rowCount() ? m_model->portfolio(row).id : 0;
}

void PortfolioEditor::submit()
{
    m_mapper->submit();
}

QString PortfolioEditor::messageFor(int column) const
{
    const QLabel *label = m_messages.value(column);
    return label && !label->isHidden() ? label->text() : QString();
}

QString PortfolioEditor::areaMessage() const
{
    return m_areaMessage->isHidden() ? QString() : m_areaMessage->text();
}

void PortfolioEditor::showMessage(int column, const QString &message)
{
    QLabel *label = m_messages.value(column, m_messages.value(GeneralMessage));
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void PortfolioEditor::clearMessages()
{
    for (QLabel *label : std::as_const(m_messages)) {
        label->clear();
        label->hide();
    }
}

void PortfolioEditor::updateAreaButtons()
{
    const bool hasPortfolio = m_areaModel && m_areaModel->portfolioId() != 0;
    const int row = m_areas->currentIndex().isValid() ? m_areas->currentIndex().row() : -1;
    const int rows = m_areaModel ? m_areaModel->rowCount() : 0;
    m_addArea->setEnabled(hasPortfolio);
    m_renameArea->setEnabled(row >= 0);
    m_mergeArea->setEnabled(row >= 0 && rows > 1);
    m_areaUp->setEnabled(row > 0);
    m_areaDown->setEnabled(row >= 0 && row < rows - 1);
    const int without = m_areaModel ? m_areaModel->intentionsWithoutArea() : 0;
    m_withoutArea->setText(without == 0 ? QString()
                                        : tr("%1 of this portfolio %2 in no programme area.")
                                              .arg(counted(without, "intention", "intentions"),
                                                   without == 1 ? QStringLiteral("is") : QStringLiteral("are")));
    m_withoutArea->setVisible(without > 0);
}

bool PortfolioEditor::addArea(const QString &name)
{
    m_areaMessage->hide();
    const auto added = m_areaModel->addArea(name);
    if (!added) {
        m_areaMessage->setText(added.error());
        m_areaMessage->show();
        return false;
    }
    const int row = m_areaModel->rowOf(added.value());
    if (row >= 0)
        m_areas->setCurrentIndex(m_areaModel->index(row, ProgrammeAreaModel::NameColumn));
    emit statusMessage(tr("Added the programme area “%1”.").arg(name.trimmed()));
    return true;
}

bool PortfolioEditor::mergeCurrentAreaInto(int targetRow)
{
    m_areaMessage->hide();
    const int row = m_areas->currentIndex().row();
    const Id target = targetRow >= 0 && targetRow < m_areaModel->rowCount() ? m_areaModel->area(targetRow).id : 0;
    const auto merged = m_areaModel->mergeArea(row, targetRow);
    if (!merged) {
        m_areaMessage->setText(merged.error());
        m_areaMessage->show();
        return false;
    }
    if (const int at = m_areaModel->rowOf(target); at >= 0)
        m_areas->setCurrentIndex(m_areaModel->index(at, ProgrammeAreaModel::NameColumn));
    return true;
}

bool PortfolioEditor::moveCurrentArea(int delta)
{
    m_areaMessage->hide();
    const int row = m_areas->currentIndex().row();
    if (row < 0)
        return false;
    const Id id = m_areaModel->area(row).id;
    const auto moved = m_areaModel->moveArea(row, row + delta);
    if (!moved) {
        m_areaMessage->setText(moved.error());
        m_areaMessage->show();
        return false;
    }
    if (const int at = m_areaModel->rowOf(id); at >= 0)
        m_areas->setCurrentIndex(m_areaModel->index(at, ProgrammeAreaModel::NameColumn));
    return true;
}

void PortfolioEditor::addPortfolioInteractively()
{
    if (!m_model)
        return;
    const auto added = m_model->addPortfolio();
    if (!added) {
        showMessage(GeneralMessage, added.error());
        return;
    }
    selectPortfolio(added.value());
    m_name->setFocus();
    m_name->selectAll();
    emit statusMessage(tr("Added a portfolio: give it a name."));
}

void PortfolioEditor::removePortfolioInteractively()
{
    const int row = m_mapper->currentIndex();
    if (!m_model || row < 0)
        return;
    const QString name = m_model->portfolio(row).name;
    if (QMessageBox::question(this, tr("Remove portfolio"),
                              tr("Remove the portfolio “%1” and its programme areas? You can undo this.").arg(name))
        != QMessageBox::Yes)
        return;
    const auto removed = m_model->removePortfolio(row);
    if (!removed) {
        showMessage(GeneralMessage, removed.error());
        emit statusMessage(removed.error());
        return;
    }
    emit statusMessage(tr("Removed the portfolio “%1”.").arg(name));
}

void PortfolioEditor::addAreaInteractively()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add programme area"), tr("Name of the new programme area:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok)
        addArea(name);
}

void PortfolioEditor::mergeAreaInteractively()
{
    const int row = m_areas->currentIndex().row();
    if (row < 0)
        return;
    QStringList names;
    QList<int> rows;
    for (int other = 0; other < m_areaModel->rowCount(); ++other) {
        if (other == row)
            continue;
        names.append(m_areaModel->area(other).name);
        rows.append(other);
    }
    const ProgrammeArea &from = m_areaModel->area(row);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Merge programme area"),
        tr("Move the %1 of “%2” into:").arg(counted(m_areaModel->intentionCount(row), "intention", "intentions"), from.name) + u'\n'
            + tr("“%1” is then removed. You can undo this.").arg(from.name),
        names, 0, false, &ok);
    if (ok && names.contains(chosen))
        mergeCurrentAreaInto(rows.at(names.indexOf(chosen)));
}
