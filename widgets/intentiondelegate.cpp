#include "intentiondelegate.h"

#include "plancolours.h"
#include "planformat.h"
#include "timeframe.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QIcon swatch(const QColor &colour)
{
    if (!colour.isValid())
        return {};
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2, 2);
    return QIcon(pixmap);
}

// List values compare as sets: the order of ids in a stored list says nothing.
bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::QVariantList || b.typeId() == QMetaType::QVariantList) {
        QList<qint64> left;
        QList<qint64> right;
        for (const QVariant &v : a.toList())
            left.append(v.toLongLong());
        for (const QVariant &v : b.toList())
            right.append(v.toLongLong());
        std::sort(left.begin(), left.end());
        std::sort(right.begin(), right.end());
        return left == right;
    }
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString)
        return a.toString() == b.toString();
    return a == b;
}

// Keeps an editor that is bigger than its cell inside the view.
QRect fitted(QRect rect, const QWidget *parent)
{
    if (!parent)
        return rect;
    const QRect area = parent->rect();
    if (rect.right() > area.right())
        rect.moveRight(area.right());
    if (rect.bottom() > area.bottom())
        rect.moveBottom(area.bottom());
    if (rect.left() < area.left())
        rect.moveLeft(area.left());
    if (rect.top() < area.top())
        rect.moveTop(area.top());
    return rect;
}

} // namespace

// --- CellEditorFrame -------------------------------------------------------------------------

CellEditorFrame::CellEditorFrame(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    connect(qApp, &QApplication::focusChanged, this, &CellEditorFrame::onFocusChanged);
}

void CellEditorFrame::watch(QWidget *part)
{
    part->installEventFilter(this);
}

bool CellEditorFrame::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && !m_done) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            m_done = true;
            emit commitRequested();
            return true;
        case Qt::Key_Escape:
            m_done = true;
            emit cancelRequested();
            return true;
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            m_done = true;
            emit moveRequested(key->key() == Qt::Key_Backtab);
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CellEditorFrame::onFocusChanged(QWidget *old, QWidget *now)
{
    // Focus moving between the editor's own parts, or to no widget at all (a message box
    // elsewhere, the window losing focus), keeps the editor open.
    if (m_done || !now || now == this || isAncestorOf(now))
        return;
    if (old == this || (old && isAncestorOf(old))) {
        m_done = true;
        emit commitRequested();
    }
}

// --- TimeframeEditor -------------------------------------------------------------------------

TimeframeEditor::TimeframeEditor(QWidget *parent)
    : CellEditorFrame(parent)
    , m_edit(new QLineEdit(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("timeframeEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(3, 2, 3, 3);
    layout->setSpacing(1);
    m_edit->setObjectName(QStringLiteral("timeframeText"));
    m_edit->setFrame(false);
    m_edit->setPlaceholderText(tr("e.g. 2026/27 – 2028/29, from April 2026, by March 2027"));
    m_result->setObjectName(QStringLiteral("timeframeResult"));
    m_result->setWordWrap(true);
    // Inside a view a child inherits the viewport's Text role; the reading's colour is ours.
    m_result->setForegroundRole(QPalette::WindowText);
    layout->addWidget(m_edit);
    layout->addWidget(m_result);
    setFocusProxy(m_edit);
    watch(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &TimeframeEditor::updateResult);
    updateResult();
}

QString TimeframeEditor::text() const
{
    return m_edit->text();
}

void TimeframeEditor::setText(const QString &text)
{
    m_edit->setText(text);
    updateResult();
}

void TimeframeEditor::updateResult()
{
    const Timeframe timeframe = TimeframeParser::parse(m_edit->text());
    m_needsReview = timeframe.needsReview;
    QString text = PlanFormat::timeframeSummary(timeframe);
    if (timeframe.isNotSet())
        text = tr("not set: listed among the intentions that need dates");
    else if (m_needsReview && !timeframe.hasDates())
        text = tr("needs review: %1").arg(timeframe.reason); // no dates to show, only why
    m_result->setText(QStringLiteral("→ ") + text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText, m_needsReview ? PlanColours::needsReview()
                                                         : palette.color(QPalette::Active, QPalette::PlaceholderText));
    m_result->setPalette(palette);
    m_result->setToolTip(m_needsReview ? tr("Stored as written and flagged for review") : QString());
    // A longer reading wraps: grow downwards so none of it is cut off.
    if (width() > 0 && height() != heightForWidth(width()))
        resize(width(), heightForWidth(width()));
}

int TimeframeEditor::heightForWidth(int width) const
{
    const QMargins margins = layout()->contentsMargins();
    const int inner = width - margins.left() - margins.right();
    return margins.top() + m_edit->sizeHint().height() + layout()->spacing() + m_result->heightForWidth(inner)
        + margins.bottom() + 2 * frameWidth();
}

// --- MultiSelectEditor -----------------------------------------------------------------------

MultiSelectEditor::MultiSelectEditor(QWidget *parent)
    : CellEditorFrame(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("multiSelectEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    m_search->setObjectName(QStringLiteral("multiSelectSearch"));
    m_search->setPlaceholderText(tr("Find…  (Space ticks, Enter keeps)"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("multiSelectList"));
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    setFocusProxy(m_search);
    watch(m_search);
    watch(m_list);
    m_list->viewport()->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &MultiSelectEditor::applySearch);
}

void MultiSelectEditor::setOptions(const QList<EditorOption> &options)
{
    m_list->clear();
    for (const EditorOption &option : options) {
        auto *item = new QListWidgetItem(swatch(option.colour), option.label, m_list);
        item->setData(Qt::UserRole, option.value);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void MultiSelectEditor::setSelected(const QVariantList &values)
{
    QList<qint64> wanted;
    for (const QVariant &value : values)
        wanted.append(value.toLongLong());
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        item->setCheckState(wanted.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
}

QVariantList MultiSelectEditor::selected() const
{
    QVariantList values;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            values.append(m_list->item(i)->data(Qt::UserRole));
    }
    return values;
}

int MultiSelectEditor::preferredHeight() const
{
    const int rowHeight = std::max(m_list->sizeHintForRow(0), fontMetrics().height() + 4);
    const int rows = std::clamp(m_list->count(), 3, 10);
    return m_search->sizeHint().height() + rows * rowHeight + 12;
}

void MultiSelectEditor::applySearch(const QString &text)
{
    QListWidgetItem *firstShown = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool shown = text.isEmpty() || item->text().contains(text, Qt::CaseInsensitive);
        item->setHidden(!shown);
        if (shown && !firstShown)
            firstShown = item;
    }
    if (firstShown && (!m_list->currentItem() || m_list->currentItem()->isHidden()))
        m_list->setCurrentItem(firstShown);
}

void MultiSelectEditor::toggle(QListWidgetItem *item)
{
    if (item)
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
}

bool MultiSelectEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::MouseButtonRelease) {
        // One click anywhere on an entry ticks it, not only on its little box.
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            toggle(m_list->itemAt(mouse->position().toPoint()));
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress && (watched == m_search || watched == m_list)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && (watched == m_list || m_search->text().isEmpty())) {
            toggle(m_list->currentItem());
            return true;
        }
        if (watched == m_search
            && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down || key->key() == Qt::Key_PageUp
                || key->key() == Qt::Key_PageDown)) {
            // Arrows move through the list while the search box keeps the typing.
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_list, &copy);
            return true;
        }
    }
    return CellEditorFrame::eventFilter(watched, event);
}

// --- LongTextEditor --------------------------------------------------------------------------

LongTextEditor::LongTextEditor(QWidget *parent)
    : CellEditorFrame(parent)
    , m_edit(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("longTextEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    m_edit->setObjectName(QStringLiteral("longText"));
    m_edit->setFrameShape(QFrame::NoFrame);
    m_edit->setTabChangesFocus(true);
    layout->addWidget(m_edit);
    setFocusProxy(m_edit);
    watch(m_edit);
}

QString LongTextEditor::text() const
{
    return m_edit->toPlainText();
}

void LongTextEditor::setText(const QString &text)
{
    m_edit->setPlainText(text);
    m_edit->selectAll();
}

bool LongTextEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & (Qt::ShiftModifier | Qt::AltModifier))) {
            m_edit->insertPlainText(QStringLiteral("\n"));
            return true;
        }
    }
    return CellEditorFrame::eventFilter(watched, event);
}

// --- IntentionDelegate -----------------------------------------------------------------------

IntentionDelegate::IntentionDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void IntentionDelegate::setColumnEditor(int column, Editor editor, const EditorOptions &options, const QColor &colour)
{
    m_columns.insert(column, ColumnEditor{editor, options, colour});
}

IntentionDelegate::Editor IntentionDelegate::editorFor(const QModelIndex &index) const
{
    const Qt::ItemFlags flags = index.flags();
    const bool checkable = flags.testFlag(Qt::ItemIsUserCheckable);
    const bool editable = flags.testFlag(Qt::ItemIsEditable);
    const Editor configured = m_columns.value(index.column()).editor;
    if (configured == Editor::Check)
        return checkable ? Editor::Check : Editor::ReadOnly;
    if (configured != Editor::Default)
        return editable ? configured : Editor::ReadOnly;
    // Nothing said about the column: go by the item.
    if (checkable && !editable)
        return Editor::Check;
    if (!editable)
        return Editor::ReadOnly;
    if (index.data(Qt::EditRole).typeId() == QMetaType::QVariantList)
        return Editor::MultiSelect;
    return Editor::Default;
}

QList<EditorOption> IntentionDelegate::optionsFor(const QModelIndex &index) const
{
    const ColumnEditor column = m_columns.value(index.column());
    return column.options ? column.options(index) : QList<EditorOption>();
}

void IntentionDelegate::connectFrame(CellEditorFrame *frame) const
{
    auto *self = const_cast<IntentionDelegate *>(this);
    connect(frame, &CellEditorFrame::commitRequested, frame, [self, frame] {
        emit self->commitData(frame);
        emit self->closeEditor(frame, QAbstractItemDelegate::SubmitModelCache);
    });
    connect(frame, &CellEditorFrame::cancelRequested, frame, [self, frame] {
        emit self->closeEditor(frame, QAbstractItemDelegate::RevertModelCache);
    });
    connect(frame, &CellEditorFrame::moveRequested, frame, [self, frame](bool backwards) {
        emit self->commitData(frame);
        emit self->closeEditor(frame, backwards ? QAbstractItemDelegate::EditPreviousItem
                                                : QAbstractItemDelegate::EditNextItem);
    });
}

QWidget *IntentionDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    switch (editorFor(index)) {
    case Editor::ReadOnly:
    case Editor::Check:
        return nullptr;
    case Editor::Choice: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("choiceEditor"));
        combo->setFrame(false);
        combo->setMaxVisibleItems(20);
        for (const EditorOption &choice : optionsFor(index))
            combo->addItem(swatch(choice.colour), choice.label, choice.value);
        return combo;
    }
    case Editor::MultiSelect: {
        auto *editor = new MultiSelectEditor(parent);
        editor->setOptions(optionsFor(index));
        connectFrame(editor);
        return editor;
    }
    case Editor::Timeframe: {
        auto *editor = new TimeframeEditor(parent);
        connectFrame(editor);
        return editor;
    }
    case Editor::LongText: {
        auto *editor = new LongTextEditor(parent);
        connectFrame(editor);
        return editor;
    }
    case Editor::Text: {
        auto *edit = new QLineEdit(parent);
        edit->setObjectName(QStringLiteral("textEditor"));
        edit->setFrame(false);
        return edit;
    }
    case Editor::Default:
        break;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void IntentionDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        int found = -1;
        for (int i = 0; i < combo->count() && found < 0; ++i) {
            if (sameValue(combo->itemData(i), value))
                found = i;
        }
        combo->setCurrentIndex(found);
    } else if (auto *multi = qobject_cast<MultiSelectEditor *>(editor)) {
        multi->setSelected(value.toList());
    } else if (auto *timeframe = qobject_cast<TimeframeEditor *>(editor)) {
        timeframe->setText(value.toString());
    } else if (auto *longText = qobject_cast<LongTextEditor *>(editor)) {
        longText->setText(value.toString());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void IntentionDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    QVariant value;
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->currentIndex() < 0)
            return;
        value = combo->currentData();
    } else if (auto *multi = qobject_cast<MultiSelectEditor *>(editor)) {
        value = multi->selected();
    } else if (auto *timeframe = qobject_cast<TimeframeEditor *>(editor)) {
        value = timeframe->text();
    } else if (auto *longText = qobject_cast<LongTextEditor *>(editor)) {
        value = longText->text();
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        value = line->text();
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    // An editor opened and left without a change is not an edit (and no undo step).
    if (sameValue(value, index.data(Qt::EditRole)))
        return;
    model->setData(index, value, Qt::EditRole);
}

void IntentionDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    QRect rect = option.rect;
    const int lineHeight = option.fontMetrics.height();
    if (qobject_cast<QComboBox *>(editor)) {
        rect.setWidth(std::max(rect.width(), 180));
    } else if (auto *multi = qobject_cast<MultiSelectEditor *>(editor)) {
        rect.setWidth(std::max(rect.width(), 280));
        rect.setHeight(multi->preferredHeight());
    } else if (auto *timeframe = qobject_cast<TimeframeEditor *>(editor)) {
        rect.setWidth(std::max(rect.width(), 380));
        rect.setHeight(std::max(timeframe->heightForWidth(rect.width()), rect.height() + lineHeight));
    } else if (qobject_cast<LongTextEditor *>(editor)) {
        rect.setWidth(std::max(rect.width(), 440));
        rect.setHeight(std::max(rect.height(), lineHeight * 6 + 10));
    } else {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        return;
    }
    editor->setGeometry(fitted(rect, editor->parentWidget()));
}

void IntentionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (editorFor(index) == Editor::Check) {
        paintCheck(painter, option, index);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void IntentionDelegate::paintCheck(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    // The cell's background and selection as usual, then one centred box.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    background.text.clear();
    background.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    const int side = std::min({14, option.rect.width() - 2, option.rect.height() - 2});
    const QRectF box(option.rect.center().x() - side / 2.0 + 0.5, option.rect.center().y() - side / 2.0 + 0.5, side,
                     side);
    QColor colour = m_columns.value(index.column()).colour;
    if (!colour.isValid())
        colour = option.palette.color(QPalette::Highlight);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (checked) {
        painter->setPen(colour.darker(120));
        painter->setBrush(colour);
        painter->drawRoundedRect(box, 3, 3);
        QPainterPath tick;
        tick.moveTo(box.left() + side * 0.22, box.top() + side * 0.52);
        tick.lineTo(box.left() + side * 0.42, box.top() + side * 0.72);
        tick.lineTo(box.left() + side * 0.78, box.top() + side * 0.30);
        painter->setPen(QPen(Qt::white, std::max(1.6, side / 7.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(tick);
    } else {
        painter->setPen(QPen(option.palette.color(QPalette::Mid), 1.2));
        painter->setBrush(option.palette.color(QPalette::Base));
        painter->drawRoundedRect(box, 3, 3);
    }
    painter->restore();
}

QSize IntentionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (editorFor(index) == Editor::Check)
        size.setWidth(std::max(size.width(), 28));
    return size;
}

bool IntentionDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (editorFor(index) != Editor::Check)
        return QStyledItemDelegate::editorEvent(event, model, option, index);

    const auto toggle = [model, &index] {
        const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    };
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        m_pressed = mouse->button() == Qt::LeftButton ? QPersistentModelIndex(index) : QPersistentModelIndex();
        return false; // the view still selects the cell
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const bool clicked = mouse->button() == Qt::LeftButton && m_pressed == index
            && option.rect.contains(mouse->position().toPoint());
        m_pressed = QPersistentModelIndex();
        if (!clicked || mouse->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier))
            return false; // extending a selection is not a toggle
        toggle();
        return true;
    }
    case QEvent::MouseButtonDblClick:
        return true; // no editor to open; the two clicks have toggled
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() != Qt::Key_Space && key->key() != Qt::Key_Select)
            return false;
        toggle();
        return true;
    }
    default:
        return false;
    }
}
