#include "intentiongrid.h"

#include "bulkeditdialog.h"
#include "clipboardtable.h"
#include "filterbar.h"
#include "historydialog.h"
#include "intentiondelegate.h"
#include "intentionfilterproxy.h"
#include "intentiontablemodel.h"
#include "pastelayout.h"
#include "plancolours.h"
#include "plancontext.h"
#include "planroles.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace {

const auto headerKey = QStringLiteral("intentions/header");
const auto groupingKey = QStringLiteral("intentions/grouping");
const auto splitterKey = QStringLiteral("intentions/splitter");

using Column = IntentionTableModel::Column;

bool isShiftColumn(int column)
{
    return column == IntentionTableModel::CommunityColumn || column == IntentionTableModel::PreventionColumn
        || column == IntentionTableModel::DigitalColumn;
}

// Widths a first-time user sees; afterwards the header remembers theirs.
int defaultWidth(int column)
{
    switch (column) {
    case IntentionTableModel::PortfolioColumn:
        return 200; // grouped, the group rows above already name it in full
    case IntentionTableModel::ProgrammeAreaColumn:
        return 150;
    case IntentionTableModel::TitleColumn:
        return 320;
    case IntentionTableModel::TextColumn:
        return 260;
    case IntentionTableModel::TimeframeColumn:
    case IntentionTableModel::DatesColumn:
        return 140;
    case IntentionTableModel::CommunityColumn:
    case IntentionTableModel::PreventionColumn:
    case IntentionTableModel::DigitalColumn:
        return 78;
    case IntentionTableModel::StatusColumn:
        return 90;
    case IntentionTableModel::NeedsReviewColumn:
        return 90;
    default:
        return 140;
    }
}

QStringList orderedSet(const QString &text)
{
    return text.split(u',', Qt::SkipEmptyParts);
}

} // namespace

IntentionGrid::IntentionGrid(QWidget *parent)
    : QWidget(parent)
    , m_filterBar(new FilterBar(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tree(new QTreeView(m_splitter))
    , m_delegate(new IntentionDelegate(this))
    , m_saveHeader(new QTimer(this))
{
    setObjectName(QStringLiteral("intentionGrid"));
    m_splitter->setObjectName(QStringLiteral("intentionsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_tree->setObjectName(QStringLiteral("intentionsTree"));
    m_tree->setItemDelegate(m_delegate);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->setWordWrap(false);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->installEventFilter(this);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &IntentionGrid::showRowMenu);
    QHeaderView *header = m_tree->header();
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setStretchLastSection(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &IntentionGrid::showHeaderMenu);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &IntentionGrid::applySort);
    m_saveHeader->setSingleShot(true);
    m_saveHeader->setInterval(400);
    connect(m_saveHeader, &QTimer::timeout, this, &IntentionGrid::saveHeader);
    for (auto signal : {&QHeaderView::sectionResized, &QHeaderView::sectionMoved})
        connect(header, signal, this, [this] {
            if (!m_restoring)
                m_saveHeader->start();
        });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (!m_restoring)
            m_collapsed.insert(groupKey(index));
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_restoring)
            m_collapsed.remove(groupKey(index));
    });

    m_splitter->addWidget(m_tree);
    m_splitter->setStretchFactor(0, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);

    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const IntentionFilterProxy::Filter &filter) {
        if (m_proxy)
            m_proxy->setFilter(filter);
    });

    const int grouping = QSettings().value(groupingKey, int(m_grouping)).toInt();
    if (grouping >= int(IntentionGroupModel::Grouping::None)
        && grouping <= int(IntentionGroupModel::Grouping::PortfolioAndProgrammeArea))
        m_grouping = IntentionGroupModel::Grouping(grouping);
    createActions();
    configureDelegate();
    updateActions();
}

IntentionGrid::~IntentionGrid()
{
    if (m_table)
        saveHeader();
    QSettings().setValue(splitterKey, m_splitter->saveState());
}

void IntentionGrid::createActions()
{
    const auto make = [this](Action which, const QString &text, const QString &name,
                             const QList<QKeySequence> &shortcuts, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcuts(shortcuts);
        // Only while the grid (or its filter bar) has the focus: other workspaces keep their keys.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(which, action);
        return action;
    };
    make(Action::Add, tr("&Add intention"), QStringLiteral("addIntentionAction"),
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QKeySequence(Qt::Key_Insert)}, [this] {
             if (const auto added = addIntention(); !added)
                 say(added.error());
         });
    make(Action::Duplicate, tr("D&uplicate"), QStringLiteral("duplicateIntentionAction"),
         {QKeySequence(Qt::CTRL | Qt::Key_D)}, [this] {
             if (const auto copied = duplicateSelected(); !copied)
                 say(copied.error());
         });
    make(Action::Delete, tr("&Delete…"), QStringLiteral("deleteIntentionAction"), {QKeySequence::Delete}, [this] {
        if (const auto removed = deleteSelected(); !removed)
            say(removed.error());
    });
    make(Action::BulkEdit, tr("&Bulk edit…"), QStringLiteral("bulkEditAction"), {QKeySequence(Qt::CTRL | Qt::Key_B)},
         [this] { bulkEditSelected(); });
    make(Action::History, tr("Show &history…"), QStringLiteral("historyAction"), {QKeySequence(Qt::CTRL | Qt::Key_H)},
         [this] { showHistory(); });
    make(Action::Copy, tr("&Copy"), QStringLiteral("copyCellsAction"), {QKeySequence::Copy},
         [this] { copySelection(); });
    make(Action::Paste, tr("&Paste"), QStringLiteral("pasteCellsAction"), {QKeySequence::Paste}, [this] {
        if (const auto pasted = paste(); !pasted)
            say(pasted.error());
    });
    make(Action::PlanOrder, tr("&Plan order"), QStringLiteral("planOrderAction"), {},
         [this] { m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder); });
    m_actions.value(Action::Delete)->setToolTip(tr("Delete the selected intentions (asks first)"));
    m_actions.value(Action::PlanOrder)->setToolTip(tr("Show the intentions in the plan's own order"));
}

void IntentionGrid::configureDelegate()
{
    using Editor = IntentionDelegate::Editor;
    // The grid says what each column is; the delegate never tests column numbers itself.
    m_delegate->setColumnEditor(IntentionTableModel::PortfolioColumn, Editor::Choice, [this](const QModelIndex &) {
        QList<EditorOption> options;
        if (m_table) {
            for (const Portfolio &portfolio : m_table->portfolios())
                options.append({portfolio.name, portfolio.id, PlanColours::portfolio(portfolio.colour)});
        }
        return options;
    });
    m_delegate->setColumnEditor(IntentionTableModel::ProgrammeAreaColumn, Editor::Choice,
                                [this](const QModelIndex &index) {
                                    QList<EditorOption> options{{tr("(none)"), qint64(0), {}}};
                                    if (m_table) {
                                        const Id portfolio = index.data(PlanRoles::PortfolioIdRole).toLongLong();
                                        for (const ProgrammeArea &area : m_table->programmeAreas(portfolio))
                                            options.append({area.name, area.id, {}});
                                    }
                                    return options;
                                });
    m_delegate->setColumnEditor(IntentionTableModel::StatusColumn, Editor::Choice, [](const QModelIndex &) {
        QList<EditorOption> options;
        for (IntentionStatus status : {IntentionStatus::Proposed, IntentionStatus::Agreed, IntentionStatus::InDelivery,
                                       IntentionStatus::Complete, IntentionStatus::Withdrawn})
            options.append({Enums::label(status), int(status), PlanColours::status(status)});
        return options;
    });
    m_delegate->setColumnEditor(IntentionTableModel::PlacesColumn, Editor::MultiSelect, [this](const QModelIndex &) {
        QList<EditorOption> options;
        if (m_table) {
            for (const Place &place : m_table->places())
                options.append({place.name, place.id, {}});
        }
        return options;
    });
    m_delegate->setColumnEditor(IntentionTableModel::ProvidersColumn, Editor::MultiSelect,
                                [this](const QModelIndex &) {
                                    QList<EditorOption> options;
                                    if (m_table) {
                                        for (const Provider &provider : m_table->providers())
                                            options.append({provider.name, provider.id, {}});
                                    }
                                    return options;
                                });
    m_delegate->setColumnEditor(IntentionTableModel::TimeframeColumn, Editor::Timeframe);
    m_delegate->setColumnEditor(IntentionTableModel::TextColumn, Editor::LongText);
    m_delegate->setColumnEditor(IntentionTableModel::TitleColumn, Editor::Text);
    m_delegate->setColumnEditor(IntentionTableModel::LeadColumn, Editor::Text);
    m_delegate->setColumnEditor(IntentionTableModel::CommunityColumn, Editor::Check, {},
                                PlanColours::shift(Shift::HospitalToCommunity));
    m_delegate->setColumnEditor(IntentionTableModel::PreventionColumn, Editor::Check, {},
                                PlanColours::shift(Shift::TreatmentToPrevention));
    m_delegate->setColumnEditor(IntentionTableModel::DigitalColumn, Editor::Check, {},
                                PlanColours::shift(Shift::AnalogueToDigital));
}

void IntentionGrid::setSidePane(QWidget *pane)
{
    if (pane == m_sidePane)
        return;
    delete m_sidePane;
    m_sidePane = pane;
    if (!pane)
        return;
    m_splitter->addWidget(pane);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->restoreState(QSettings().value(splitterKey).toByteArray());
}

void IntentionGrid::setContext(PlanContext *context)
{
    if (m_table)
        saveHeader();
    // The view lets go of the old models (and its selection model) before they go.
    QItemSelectionModel *oldSelection = m_tree->selectionModel();
    m_tree->setModel(nullptr);
    delete oldSelection;
    delete m_groups;
    delete m_proxy;
    delete m_table;
    m_groups = nullptr;
    m_proxy = nullptr;
    m_table = nullptr;
    m_context = context;
    m_collapsed.clear();
    m_keepCurrentId = 0;

    if (context) {
        m_table = new IntentionTableModel(*context, this);
        if (const auto loaded = m_table->reload(); !loaded)
            say(loaded.error());
        m_proxy = new IntentionFilterProxy(this);
        m_proxy->setSourceModel(m_table);
        m_groups = new IntentionGroupModel(this);
        m_groups->setGrouping(m_grouping);
        m_groups->setSourceModel(m_proxy);

        connect(m_table, &IntentionTableModel::editRejected, this, &IntentionGrid::showMessageAt);
        connect(m_proxy, &IntentionFilterProxy::countsChanged, this, [this](int shown, int total) {
            m_filterBar->setCounts(shown, total);
            emit countsChanged(shown, total);
        });
        const auto refreshChoices = [this] {
            if (!m_table)
                return;
            // "Active in" offers the financial years the plan's dates touch (within reason).
            const FiscalYear now = FiscalYear::containing(QDate::currentDate());
            int first = 0;
            int last = 0;
            for (const Intention &intention : m_table->intentions()) {
                for (const QDate &date : {intention.timeframe.start, intention.timeframe.end}) {
                    if (!date.isValid())
                        continue;
                    const int year = FiscalYear::containing(date).startYear();
                    first = first ? std::min(first, year) : year;
                    last = std::max(last, year);
                }
            }
            QList<FiscalYear> years;
            if (first) {
                for (int year = std::max(first, now.startYear() - 5); year <= std::min(last, now.startYear() + 10); ++year)
                    years.append(FiscalYear(year));
            }
            m_filterBar->setChoices(m_table->portfolios(), m_table->places(), m_table->providers(), years);
        };
        connect(m_table, &QAbstractItemModel::modelReset, this, refreshChoices);
        connect(context, &PlanContext::changed, this, [refreshChoices](PlanContext::Entity entity) {
            if (entity == PlanContext::Entity::Portfolio || entity == PlanContext::Entity::Place
                || entity == PlanContext::Entity::Provider)
                refreshChoices();
        });

        m_tree->setModel(m_groups);
        // After the view's own connections: the view forgets its expanded groups on a reset, and
        // these put them back.
        connect(m_groups, &QAbstractItemModel::modelAboutToBeReset, this, &IntentionGrid::rememberViewState);
        connect(m_groups, &QAbstractItemModel::modelReset, this, &IntentionGrid::restoreViewState);
        connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
            updateActions();
            emit selectionChanged();
        });
        connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &IntentionGrid::updateActions);
        restoreHeader();
        refreshChoices();
        m_filterBar->setFilter({}); // a new plan starts unfiltered
        restoreViewState();
        m_filterBar->setCounts(m_proxy->shownCount(), m_proxy->totalCount());
        emit countsChanged(m_proxy->shownCount(), m_proxy->totalCount());
    } else {
        m_filterBar->setChoices({}, {}, {}, {});
        m_filterBar->setCounts(0, 0);
        emit countsChanged(0, 0);
    }
    updateActions();
    emit modelsChanged();
}

IntentionGroupModel::Grouping IntentionGrid::grouping() const
{
    return m_grouping;
}

void IntentionGrid::setGrouping(IntentionGroupModel::Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    QSettings().setValue(groupingKey, int(grouping));
    if (m_groups)
        m_groups->setGrouping(grouping);
}

QString IntentionGrid::countsText() const
{
    return m_filterBar->countsText();
}

// --- view state across resets -----------------------------------------------------------

QString IntentionGrid::groupKey(const QModelIndex &index) const
{
    return QStringLiteral("%1:%2:%3")
        .arg(index.data(PlanRoles::NodeKindRole).toInt())
        .arg(index.data(PlanRoles::IdRole).toLongLong())
        .arg(index.data(PlanRoles::PortfolioIdRole).toLongLong());
}

void IntentionGrid::rememberViewState()
{
    const QModelIndex current = m_tree->currentIndex();
    m_keepCurrentId = m_groups ? m_groups->intentionId(current) : 0;
    m_keepCurrentColumn = current.isValid() ? current.column() : IntentionTableModel::TitleColumn;
}

void IntentionGrid::restoreViewState()
{
    if (!m_groups)
        return;
    // Filtering, a regrouping edit or an undo rebuilds the tree: groups the user folded stay
    // folded, every other group open, and the cell they were on stays current.
    m_restoring = true;
    if (m_grouping != IntentionGroupModel::Grouping::None) {
        // Only group rows are expanded, and before anything lays the tree out: the reset has
        // left a layout pending, so each expand() just marks its group and the one layout that
        // follows places every row (expandAll() would ask each of 100,000 intentions for
        // children, and collapsing afterwards would move rows once per group).
        QList<QPair<int, QModelIndex>> areaRows;
        for (int row = 0; row < m_groups->rowCount(); ++row) {
            const QModelIndex group = m_groups->index(row, 0);
            if (!m_collapsed.contains(groupKey(group)))
                m_tree->expand(group);
            for (int child = 0; child < m_groups->rowCount(group); ++child) {
                const QModelIndex area = m_groups->index(child, 0, group);
                if (!m_groups->isGroup(area))
                    break; // the rest are intentions
                areaRows.append({child, group});
                if (!m_collapsed.contains(groupKey(area)))
                    m_tree->expand(area);
            }
        }
        // A group's name and count read across the whole row.
        for (int row = 0; row < m_groups->rowCount(); ++row)
            m_tree->setFirstColumnSpanned(row, {}, true);
        for (const auto &[row, parent] : std::as_const(areaRows))
            m_tree->setFirstColumnSpanned(row, parent, true);
    }
    m_restoring = false;
    if (m_keepCurrentId) {
        const QModelIndex index = viewIndexOf(m_keepCurrentId, m_keepCurrentColumn);
        if (index.isValid()) {
            m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
            m_tree->scrollTo(index);
        }
    }
    updateActions();
}

// --- header -------------------------------------------------------------------------------

void IntentionGrid::restoreHeader()
{
    QHeaderView *header = m_tree->header();
    m_restoring = true;
    for (int column = 0; column < IntentionTableModel::ColumnCount; ++column) {
        header->resizeSection(column, defaultWidth(column));
        header->setSectionHidden(column, false);
    }
    const QByteArray state = QSettings().value(headerKey).toByteArray();
    if (state.isEmpty() || !header->restoreState(state)) {
        // The long text and the time stamp are there for those who want them.
        header->setSectionHidden(IntentionTableModel::TextColumn, true);
        header->setSectionHidden(IntentionTableModel::LastChangedColumn, true);
        header->setSortIndicator(-1, Qt::AscendingOrder);
    }
    m_restoring = false;
    applySort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void IntentionGrid::saveHeader()
{
    if (m_tree->model())
        QSettings().setValue(headerKey, m_tree->header()->saveState());
}

void IntentionGrid::applySort(int column, Qt::SortOrder order)
{
    if (!m_restoring)
        m_saveHeader->start();
    if (!m_proxy)
        return;
    const int sortColumn = column >= 0 && column < IntentionTableModel::ColumnCount ? column : -1;
    // Already in plan order: re-sorting 100,000 rows into the same order would cost a second.
    if (sortColumn < 0 && m_proxy->sortColumn() < 0) {
        updateActions();
        return;
    }
    m_proxy->sort(sortColumn, order);
    updateActions();
}

void IntentionGrid::addRowActions(const QList<QAction *> &actions)
{
    m_rowActions += actions;
}

QList<QAction *> IntentionGrid::rowMenuActions() const
{
    QList<QAction *> actions{m_actions.value(Action::Add),      m_actions.value(Action::Duplicate),
                             m_actions.value(Action::Delete),   nullptr,
                             m_actions.value(Action::BulkEdit), m_actions.value(Action::History),
                             nullptr,                           m_actions.value(Action::Copy),
                             m_actions.value(Action::Paste)};
    if (!m_rowActions.isEmpty())
        actions << nullptr << m_rowActions;
    return actions;
}

void IntentionGrid::showRowMenu(const QPoint &position)
{
    if (!m_groups)
        return;
    // A right click on a row not yet selected selects it, as in a spreadsheet.
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid() && !m_tree->selectionModel()->isSelected(index))
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    updateActions();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("intentionRowMenu"));
    for (QAction *action : rowMenuActions()) {
        if (action)
            menu.addAction(action);
        else
            menu.addSeparator();
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void IntentionGrid::showHeaderMenu(const QPoint &position)
{
    if (!m_groups)
        return;
    QHeaderView *header = m_tree->header();
    QMenu menu(this);
    for (int column = 0; column < IntentionTableModel::ColumnCount; ++column) {
        QAction *action = menu.addAction(m_groups->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The first column holds the groups; it cannot be hidden.
        action->setEnabled(column != IntentionTableModel::PortfolioColumn);
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            if (shown && header->sectionSize(column) < 20)
                header->resizeSection(column, defaultWidth(column));
            saveHeader();
        });
    }
    menu.addSeparator();
    menu.addAction(m_actions.value(Action::PlanOrder));
    menu.addAction(tr("Reset columns"), this, [this] {
        QSettings().remove(headerKey);
        restoreHeader();
    });
    menu.exec(header->viewport()->mapToGlobal(position));
}

// --- selection ------------------------------------------------------------------------------

QModelIndex IntentionGrid::viewIndexOf(Id id, int column) const
{
    return m_groups ? m_groups->indexOfIntention(id, column) : QModelIndex();
}

Id IntentionGrid::currentId() const
{
    return m_groups ? m_groups->intentionId(m_tree->currentIndex()) : 0;
}

QList<QModelIndex> IntentionGrid::selectedLeafIndexes() const
{
    QList<QModelIndex> leaves;
    if (!m_groups || !m_tree->selectionModel())
        return leaves;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedIndexes()) {
        if (!m_groups->isGroup(index))
            leaves.append(index);
    }
    return leaves;
}

QList<Id> IntentionGrid::selectedIds() const
{
    if (!m_groups || !m_tree->selectionModel())
        return {};
    QSet<Id> chosen;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedIndexes()) {
        for (const Id id : m_groups->intentionIds(index))
            chosen.insert(id);
    }
    if (chosen.isEmpty())
        return {};
    return idsInViewOrder(&chosen);
}

QList<Id> IntentionGrid::shownIds() const
{
    return idsInViewOrder(nullptr);
}

// Walks the tree once, in the order it shows; only: the ids wanted (nullptr: all).
QList<Id> IntentionGrid::idsInViewOrder(const QSet<Id> *only) const
{
    QList<Id> ordered;
    if (!m_groups)
        return ordered;
    const qsizetype wanted = only ? only->size() : m_proxy->rowCount();
    ordered.reserve(wanted);
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        const int rows = m_groups->rowCount(parent);
        for (int row = 0; row < rows && ordered.size() < wanted; ++row) {
            const QModelIndex index = m_groups->index(row, 0, parent);
            if (m_groups->isGroup(index))
                walk(index);
            else if (const Id id = m_groups->intentionId(index); !only || only->contains(id))
                ordered.append(id);
        }
    };
    walk({});
    return ordered;
}

void IntentionGrid::selectIntentions(const QList<Id> &ids, int column)
{
    if (!m_groups)
        return;
    QItemSelection selection;
    QModelIndex first;
    for (const Id id : ids) {
        const QModelIndex index = viewIndexOf(id, column);
        if (!index.isValid())
            continue;
        selection.select(index, index);
        if (!first.isValid())
            first = index;
    }
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_tree->scrollTo(first);
    }
}

void IntentionGrid::updateActions()
{
    const bool open = m_table != nullptr;
    const bool selected = open && m_tree->selectionModel() && m_tree->selectionModel()->hasSelection();
    m_actions.value(Action::Add)->setEnabled(open && !m_table->portfolios().isEmpty());
    m_actions.value(Action::Duplicate)->setEnabled(selected);
    m_actions.value(Action::Delete)->setEnabled(selected);
    m_actions.value(Action::BulkEdit)->setEnabled(selected);
    m_actions.value(Action::History)->setEnabled(open && (currentId() != 0 || selected));
    m_actions.value(Action::Copy)->setEnabled(selected);
    m_actions.value(Action::Paste)->setEnabled(open);
    m_actions.value(Action::PlanOrder)->setEnabled(open && m_tree->header()->sortIndicatorSection() >= 0);
}

// --- messages -----------------------------------------------------------------------------

void IntentionGrid::say(const QString &message)
{
    m_lastMessage = message;
    emit statusMessage(message);
}

void IntentionGrid::showMessageAt(const QModelIndex &tableIndex, const QString &message)
{
    QModelIndex view;
    if (tableIndex.isValid() && m_proxy && m_groups)
        view = m_groups->mapFromSource(m_proxy->mapFromSource(tableIndex));
    if (!view.isValid())
        view = m_tree->currentIndex();
    const QRect rect = view.isValid() ? m_tree->visualRect(view) : QRect();
    const QPoint at = rect.isValid() ? rect.bottomLeft() : m_tree->viewport()->rect().center();
    // At the cell, where the eyes are; the status bar keeps it after the tooltip fades.
    QToolTip::showText(m_tree->viewport()->mapToGlobal(at), message, m_tree->viewport(), rect, 10000);
    say(message);
}

// --- actions ------------------------------------------------------------------------------

Result<Id> IntentionGrid::addIntention()
{
    if (!m_table)
        return Error{tr("Open a plan first.")};
    const QModelIndex current = m_tree->currentIndex();
    Id portfolioId = current.isValid() ? current.data(PlanRoles::PortfolioIdRole).toLongLong() : 0;
    Id areaId = current.isValid() ? current.data(PlanRoles::ProgrammeAreaIdRole).toLongLong() : 0;
    if (!portfolioId) {
        if (m_table->portfolios().isEmpty())
            return Error{tr("Add a portfolio first: every intention belongs to one.")};
        portfolioId = m_table->portfolios().constFirst().id;
        areaId = 0;
    }
    const auto added = m_table->addIntention(portfolioId, areaId);
    if (!added)
        return Error{added.error()};
    QModelIndex index = viewIndexOf(added.value(), IntentionTableModel::TitleColumn);
    if (!index.isValid()) {
        // The filters hide a new, untitled intention: show everything rather than lose it.
        m_filterBar->clear();
        index = viewIndexOf(added.value(), IntentionTableModel::TitleColumn);
    }
    if (index.isValid()) {
        m_tree->setFocus();
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_tree->scrollTo(index);
        m_tree->edit(index);
    }
    say(tr("Added a new intention: type its title."));
    return added.value();
}

Result<QList<Id>> IntentionGrid::duplicateSelected()
{
    const QList<Id> ids = selectedIds();
    if (!m_table || ids.isEmpty())
        return Error{tr("Select the intentions to duplicate.")};
    const auto copies = m_table->duplicate(ids);
    if (!copies)
        return Error{copies.error()};
    selectIntentions(copies.value(), IntentionTableModel::TitleColumn);
    say(copies.value().size() == 1 ? tr("Duplicated 1 intention.")
                                   : tr("Duplicated %1 intentions.").arg(copies.value().size()));
    return copies.value();
}

Result<void> IntentionGrid::deleteSelected(bool confirm)
{
    const QList<Id> ids = selectedIds();
    if (!m_table || ids.isEmpty())
        return Error{tr("Select the intentions to delete.")};
    if (confirm) {
        constexpr int named = 12;
        QStringList lines;
        for (qsizetype i = 0; i < ids.size() && i < named; ++i) {
            const int row = m_table->rowOf(ids.at(i));
            lines << QStringLiteral("• ") + (row >= 0 ? m_table->intention(row).title : QString());
        }
        if (ids.size() > named)
            lines << tr("… and %1 more").arg(ids.size() - named);
        QMessageBox box(QMessageBox::Warning, tr("Delete intentions"),
                        ids.size() == 1 ? tr("Delete this intention?") : tr("Delete these %1 intentions?").arg(ids.size()),
                        QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("deleteConfirmation"));
        box.setInformativeText(lines.join(u'\n') + QStringLiteral("\n\n")
                               + tr("Edit → Undo brings them back while the plan is open."));
        QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != remove)
            return {};
    }
    if (const auto removed = m_table->remove(ids); !removed)
        return removed;
    say(ids.size() == 1 ? tr("Deleted 1 intention.") : tr("Deleted %1 intentions.").arg(ids.size()));
    return {};
}

void IntentionGrid::bulkEditSelected()
{
    const QList<Id> ids = selectedIds();
    if (!m_table || ids.isEmpty()) {
        say(tr("Select the intentions to edit."));
        return;
    }
    BulkEditDialog dialog(int(ids.size()), m_table->portfolios(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<BulkEditDialog::Edit> edits = dialog.edits();
    if (edits.isEmpty())
        return;
    // Several fields at once are still one step in the undo history and one transaction.
    QList<IntentionTableModel::ColumnEdit> columnEdits;
    for (const BulkEditDialog::Edit &edit : edits)
        columnEdits.append({edit.column, edit.value});
    QString failure;
    if (const auto done = m_table->bulkEdit(ids, columnEdits); !done)
        failure = done.error();
    if (!failure.isEmpty())
        showMessageAt({}, failure);
    else
        say(tr("Edited %1 intentions.").arg(ids.size()));
}

QString IntentionGrid::namesFor(const QString &field, const QString &value) const
{
    if (!m_table)
        return {};
    if (field == QLatin1String("portfolio_id")) {
        const Portfolio *portfolio = m_table->portfolio(value.toLongLong());
        return portfolio ? portfolio->name : QString();
    }
    if (field == QLatin1String("programme_area_id")) {
        const ProgrammeArea *area = m_table->programmeArea(value.toLongLong());
        return area ? area->name : QString();
    }
    if (field == QLatin1String("places") || field == QLatin1String("providers")) {
        QStringList names;
        for (const QString &id : orderedSet(value)) {
            const QString name = field == QLatin1String("places") ? m_table->placeName(id.toLongLong())
                                                                   : m_table->providerName(id.toLongLong());
            names << (name.isEmpty() ? id : name);
        }
        return names.join(QStringLiteral(", "));
    }
    return {};
}

void IntentionGrid::showHistory()
{
    Id id = currentId();
    if (!id) {
        const QList<Id> ids = selectedIds();
        id = ids.isEmpty() ? 0 : ids.constFirst();
    }
    if (!m_table || !id) {
        say(tr("Select an intention to see its history."));
        return;
    }
    const auto records = m_table->history(id);
    if (!records) {
        say(records.error());
        return;
    }
    const int row = m_table->rowOf(id);
    auto *dialog = new HistoryDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHistory(row >= 0 ? m_table->intention(row).title : QString(), records.value(),
                       [this](const QString &field, const QString &value) { return namesFor(field, value); });
    dialog->open();
}

QList<QStringList> IntentionGrid::selectedCells() const
{
    const QList<QModelIndex> leaves = selectedLeafIndexes();
    if (!m_table || leaves.isEmpty())
        return {};
    QSet<int> columnSet;
    QSet<Id> idSet;
    for (const QModelIndex &index : leaves) {
        if (!m_tree->header()->isSectionHidden(index.column()))
            columnSet.insert(index.column());
        idSet.insert(m_groups->intentionId(index));
    }
    QList<int> columns(columnSet.cbegin(), columnSet.cend());
    std::sort(columns.begin(), columns.end(), [this](int a, int b) {
        return m_tree->header()->visualIndex(a) < m_tree->header()->visualIndex(b);
    });
    QList<QStringList> cells;
    for (const Id id : selectedIds()) {
        if (!idSet.contains(id))
            continue;
        const int row = m_table->rowOf(id);
        QStringList line;
        for (const int column : std::as_const(columns))
            line << m_table->cellText(row, column);
        cells.append(line);
    }
    return cells;
}

void IntentionGrid::copySelection()
{
    const QList<QStringList> cells = selectedCells();
    if (cells.isEmpty()) {
        say(tr("Select the cells to copy."));
        return;
    }
    QGuiApplication::clipboard()->setMimeData(ClipboardTable::toMimeData(cells));
    say(tr("Copied %1 × %2 cells.").arg(cells.size()).arg(cells.constFirst().size()));
}

Result<void> IntentionGrid::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    return pasteCells(mime ? ClipboardTable::fromMimeData(mime) : QList<QStringList>());
}

Result<void> IntentionGrid::pasteCells(const QList<QStringList> &cells)
{
    if (!m_table)
        return Error{tr("Open a plan first.")};
    if (cells.isEmpty() || cells.constFirst().isEmpty())
        return Error{tr("Nothing was pasted: the clipboard holds no cells.")};
    const QModelIndex current = m_tree->currentIndex();
    const Id startId = m_groups->intentionId(current);
    if (!startId)
        return Error{tr("Nothing was pasted: choose the cell of an intention to paste into.")};

    // The rows: one value copied onto several selected rows fills them all (as a spreadsheet
    // does); otherwise the rows shown from the current one down.
    QList<QStringList> block = cells;
    QList<Id> targets;
    const QList<Id> selected = selectedIds();
    if (cells.size() == 1 && selected.size() > 1 && selected.contains(startId)) {
        targets = selected;
        block = QList<QStringList>(selected.size(), cells.constFirst());
    } else {
        for (QModelIndex index = current; index.isValid() && targets.size() < cells.size();
             index = m_tree->indexBelow(index)) {
            if (!m_groups->isGroup(index))
                targets.append(m_groups->intentionId(index));
        }
    }

    // The columns as the user sees them from the current one rightwards (they may have moved
    // or hidden some).
    const QHeaderView *header = m_tree->header();
    QList<int> shown;
    for (int visual = header->visualIndex(current.column()); visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            shown.append(logical);
    }
    const auto placed = PasteLayout::place(block, shown, targets.size(), [this, &targets](qsizetype row, int column) {
        return m_table->cellText(m_table->rowOf(targets.at(row)), column);
    });
    if (!placed)
        return Error{placed.error()};
    if (const auto pasted = m_table->paste(targets, placed.value().firstColumn, placed.value().cells); !pasted)
        return pasted;
    say(tr("Pasted %1 × %2 cells.").arg(block.size()).arg(placed.value().width));
    return {};
}

// Space on several selected cells of a shift column ticks (or unticks) them all at once.
bool IntentionGrid::toggleSelectedShifts()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!m_table || !isShiftColumn(current.column()) || m_groups->isGroup(current))
        return false;
    QList<Id> ids;
    for (const QModelIndex &index : selectedLeafIndexes()) {
        if (index.column() == current.column())
            ids.append(m_groups->intentionId(index));
    }
    if (ids.size() < 2)
        return false;
    const bool tick = current.data(Qt::CheckStateRole).toInt() != Qt::Checked;
    if (const auto done = m_table->bulkEdit(ids, current.column(), tick); !done)
        showMessageAt({}, done.error());
    return true;
}

bool IntentionGrid::eventFilter(QObject *watched, QEvent *event)
{
    // Keys reach the tree itself only when no cell editor has the focus.
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier && toggleSelectedShifts())
            return true;
    }
    return QWidget::eventFilter(watched, event);
}
