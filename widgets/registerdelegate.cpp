#include "registerdelegate.h"

#include "intentiondelegate.h"
#include "registerroles.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace {

using RegisterRoles::EditorKind;

EditorKind kindOf(const QModelIndex &index)
{
    const QVariant kind = index.data(RegisterRoles::EditorKindRole);
    return kind.isValid() ? EditorKind(kind.toInt()) : EditorKind::ReadOnly;
}

// Two values of a cell mean the same (an unset money cell is an invalid QVariant or "").
bool sameValue(const QVariant &a, const QVariant &b)
{
    const auto empty = [](const QVariant &v) {
        return !v.isValid() || v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isEmpty());
    };
    if (empty(a) || empty(b))
        return empty(a) && empty(b);
    if (a.typeId() == QMetaType::QDate || b.typeId() == QMetaType::QDate)
        return a.toDate() == b.toDate();
    return a == b || a.toString() == b.toString();
}

} // namespace

RegisterDelegate::RegisterDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void RegisterDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant decoration = index.data(Qt::DecorationRole);
    if (decoration.typeId() != QMetaType::QColor)
        return;
    const int size = option->decorationSize.height();
    QPixmap marker(size * 2, size * 2); // drawn at twice the size: crisp on high-density screens
    marker.setDevicePixelRatio(2.0);
    marker.fill(Qt::transparent);
    QPainter painter(&marker);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(decoration.value<QColor>());
    painter.drawEllipse(QRectF(size * 0.15, size * 0.15, size * 0.7, size * 0.7));
    painter.end();
    option->icon = QIcon(marker);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

QDate RegisterDelegate::notSetDate()
{
    return QDate(2000, 1, 1);
}

void RegisterDelegate::prepareDateEdit(QDateEdit *edit)
{
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    edit->setMinimumDate(notSetDate());
    edit->setSpecialValueText(tr("Not set"));
}

void RegisterDelegate::fillChoices(QComboBox *combo, const QModelIndex &index)
{
    const QVariant current = index.data(Qt::EditRole);
    combo->clear();
    for (const QVariant &entry : index.data(RegisterRoles::ChoicesRole).toList()) {
        const QVariantMap choice = entry.toMap();
        combo->addItem(choice.value(QStringLiteral("label")).toString(), choice.value(QStringLiteral("value")));
    }
    int at = -1;
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemData(i).toLongLong() == current.toLongLong()) {
            at = i;
            break;
        }
    }
    combo->setCurrentIndex(at);
}

QVariant RegisterDelegate::editorValue(QWidget *editor)
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentIndex() < 0 ? QVariant() : combo->currentData();
    if (auto *date = qobject_cast<QDateEdit *>(editor))
        return date->date() == notSetDate() ? QVariant(QDate()) : QVariant(date->date());
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return spin->value() == spin->minimum() ? QVariant() : QVariant(spin->value());
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(editor))
        return plain->toPlainText();
    if (auto *longText = qobject_cast<LongTextEditor *>(editor))
        return longText->text();
    return {};
}

QWidget *RegisterDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    Q_UNUSED(option)
    switch (kindOf(index)) {
    case EditorKind::ReadOnly:
        return nullptr;
    case EditorKind::Text:
        return new QLineEdit(parent);
    case EditorKind::Money: {
        auto *edit = new QLineEdit(parent);
        edit->setPlaceholderText(tr("£0.00"));
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return edit;
    }
    case EditorKind::LongText: {
        auto *editor = new LongTextEditor(parent);
        auto *self = const_cast<RegisterDelegate *>(this);
        connect(editor, &CellEditorFrame::commitRequested, editor, [self, editor] {
            emit self->commitData(editor);
            emit self->closeEditor(editor, QAbstractItemDelegate::SubmitModelCache);
        });
        connect(editor, &CellEditorFrame::cancelRequested, editor,
                [self, editor] { emit self->closeEditor(editor, QAbstractItemDelegate::RevertModelCache); });
        connect(editor, &CellEditorFrame::moveRequested, editor, [self, editor](bool backwards) {
            emit self->commitData(editor);
            emit self->closeEditor(editor, backwards ? QAbstractItemDelegate::EditPreviousItem
                                                     : QAbstractItemDelegate::EditNextItem);
        });
        return editor;
    }
    case EditorKind::Choice:
        return new QComboBox(parent);
    case EditorKind::Date: {
        auto *edit = new QDateEdit(parent);
        prepareDateEdit(edit);
        return edit;
    }
    case EditorKind::Months: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 60);
        spin->setSpecialValueText(tr("Plan default"));
        spin->setSuffix(tr(" months"));
        return spin;
    }
    }
    return nullptr;
}

void RegisterDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        fillChoices(combo, index);
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        date->setDate(value.toDate().isValid() ? value.toDate() : notSetDate());
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.isValid() ? value.toInt() : spin->minimum());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        // Money shows as written in the grid ("£12,500.00"); the model reads that back.
        line->setText(kindOf(index) == EditorKind::Money ? index.data(Qt::DisplayRole).toString() : value.toString());
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor)) {
        plain->setPlainText(value.toString());
    } else if (auto *longText = qobject_cast<LongTextEditor *>(editor)) {
        longText->setText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void RegisterDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (kindOf(index) == EditorKind::ReadOnly)
        return;
    const QVariant value = editorValue(editor);
    const QVariant current = kindOf(index) == EditorKind::Money ? index.data(Qt::DisplayRole) : index.data(Qt::EditRole);
    if (kindOf(index) == EditorKind::Choice && !value.isValid())
        return; // nothing chosen: keep what is there
    if (sameValue(value, current))
        return;
    model->setData(index, value, Qt::EditRole);
}

void RegisterDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    if (qobject_cast<LongTextEditor *>(editor)) {
        // Room for a few lines below the cell.
        QRect rect = option.rect;
        rect.setHeight(qMax(rect.height() * 4, 96));
        rect.setWidth(qMax(rect.width(), 320));
        editor->setGeometry(rect);
        return;
    }
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}
