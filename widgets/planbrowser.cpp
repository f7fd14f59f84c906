#include "planbrowser.h"

#include "intentionlistmodel.h"
#include "planroles.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

PlanBrowser::PlanBrowser(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_navigator(new QTreeView(m_splitter))
    , m_heading(new QLabel(this))
    , m_intentions(new QTableView(this))
    , m_scope(new IntentionScopeProxy(this))
{
    m_navigator->setObjectName(QStringLiteral("portfolioNavigator"));
    m_navigator->setUniformRowHeights(true);
    m_navigator->setAlternatingRowColors(true);
    m_navigator->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigator->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_heading->setObjectName(QStringLiteral("scopeHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_intentions->setObjectName(QStringLiteral("intentionList"));
    m_intentions->setModel(m_scope);
    m_intentions->setSortingEnabled(true);
    m_intentions->setAlternatingRowColors(true);
    m_intentions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_intentions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_intentions->setWordWrap(false);
    m_intentions->verticalHeader()->setDefaultSectionSize(m_intentions->fontMetrics().height() + 8);
    m_intentions->verticalHeader()->hide();
    m_intentions->horizontalHeader()->setHighlightSections(false);

    auto *right = new QWidget(m_splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_intentions, 1);
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({340, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

void PlanBrowser::setModels(QAbstractItemModel *portfolioTree, QAbstractItemModel *intentions)
{
    m_navigator->setModel(portfolioTree);
    m_scope->setSourceModel(intentions);
    m_navigator->header()->setStretchLastSection(false);
    m_navigator->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_navigator->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_navigator->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });

    auto *header = m_intentions->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->resizeSection(IntentionListModel::ProgrammeAreaColumn, 150);
    header->setSectionResizeMode(IntentionListModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(IntentionListModel::TimeframeColumn, 120);
    header->resizeSection(IntentionListModel::DatesColumn, 140);
    for (int column : {IntentionListModel::CommunityColumn, IntentionListModel::PreventionColumn,
                       IntentionListModel::DigitalColumn})
        header->resizeSection(column, 78);
    header->resizeSection(IntentionListModel::StatusColumn, 76);
    header->resizeSection(IntentionListModel::ReviewColumn, 92);
    m_intentions->sortByColumn(-1, Qt::AscendingOrder);
}

void PlanBrowser::selectPortfolio(Id portfolioId)
{
    QAbstractItemModel *tree = m_navigator->model();
    if (!tree)
        return;
    for (int row = 0; row < tree->rowCount(); ++row) {
        const QModelIndex index = tree->index(row, 0);
        if (index.data(PlanRoles::IdRole).toLongLong() == portfolioId || (portfolioId == 0 && row == 0)) {
            m_navigator->setCurrentIndex(index);
            return;
        }
    }
}

int PlanBrowser::visibleIntentionCount() const
{
    return m_scope->rowCount();
}

void PlanBrowser::onCurrentChanged(const QModelIndex &current)
{
    const Id portfolioId = current.data(PlanRoles::PortfolioIdRole).toLongLong();
    const Id areaId = current.data(PlanRoles::ProgrammeAreaIdRole).toLongLong();
    m_scope->setScope(portfolioId, areaId);
    const QModelIndex nameIndex = current.siblingAtColumn(0);
    QString heading = nameIndex.data().toString();
    if (nameIndex.parent().isValid())
        heading = nameIndex.parent().data().toString() + QStringLiteral(" — ") + heading;
    const int count = m_scope->rowCount();
    m_heading->setText(count == 1 ? tr("%1 · 1 intention").arg(heading) : tr("%1 · %2 intentions").arg(heading).arg(count));
    emit scopeChanged(portfolioId, areaId);
}

QByteArray PlanBrowser::saveState() const
{
    return m_splitter->saveState();
}

void PlanBrowser::restoreState(const QByteArray &state)
{
    m_splitter->restoreState(state);
}
