#pragma once

#include <QDate>
#include <QStyledItemDelegate>

class QComboBox;
class QDateEdit;

// Edits every cell of the register tables (providers, contracts, notices) and the notice
// form's fields. It dispatches on what the cell holds (RegisterRoles::EditorKindRole), never on
// a column number:
//   Text      a line edit            LongText  several lines (Enter keeps, Shift+Enter: new line)
//   Choice    a combo box of RegisterRoles::ChoicesRole (providers, contracts, kinds, statuses)
//   Date      a date box with a calendar popup; its first date reads "Not set"
//   Money     a line edit showing "£12,500.00"; the model reads what is typed
//   Months    a spin box whose 0 reads "Plan default"
//   ReadOnly  no editor
// The same setEditorData/setModelData serve a QDataWidgetMapper, so the notice form's widgets
// (QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox) read and write exactly as the
// grid's editors do. A value is written only when it changed, so opening and leaving an editor
// adds no step to the undo history.
class RegisterDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RegisterDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

protected:
    // A colour as decoration (a notice's rule marker) is drawn as a round marker.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

public:
    // The date a date box shows for "not set" (its minimum).
    static QDate notSetDate();
    // Makes a date box able to say "Not set", with a calendar popup.
    static void prepareDateEdit(QDateEdit *edit);
    // Fills combo with index's choices and selects the current value.
    static void fillChoices(QComboBox *combo, const QModelIndex &index);
    // The value a form or cell editor holds now, as the model's setData takes it.
    static QVariant editorValue(QWidget *editor);
};
