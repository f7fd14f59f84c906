#pragma once

#include <QColor>
#include <QFrame>
#include <QHash>
#include <QList>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>
#include <QVariant>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;

// A choice offered by a combo box or a multi-select list: what people read, and the edit value
// written to the model (an id, an enum as int…).
struct EditorOption
{
    QString label;
    QVariant value;
    QColor colour; // a swatch beside the label; invalid: none
};
using EditorOptions = std::function<QList<EditorOption>(const QModelIndex &index)>;

// An editor made of several widgets (a text box and the live parse below it, a search box and a
// list). Enter commits, Escape cancels and Tab moves on from whichever part has the focus, and
// leaving the editor for another widget commits, as a single-widget editor does.
class CellEditorFrame : public QFrame
{
    Q_OBJECT
public:
    explicit CellEditorFrame(QWidget *parent = nullptr);

signals:
    void commitRequested();
    void cancelRequested();
    void moveRequested(bool backwards); // Tab / Shift+Tab

protected:
    // Routes the keys above from a part of the editor to the frame's signals.
    void watch(QWidget *part);
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFocusChanged(QWidget *old, QWidget *now);
    bool m_done = false;
};

// Raw timeframe text, with what the planner reads from it shown live underneath while typing:
// "Apr 2026 – Mar 2029 · subject to funding", or "needs review: <reason>" in amber. Nothing is
// refused: text that needs review is stored with its flag, and the editor says so first.
class TimeframeEditor : public CellEditorFrame
{
    Q_OBJECT
public:
    explicit TimeframeEditor(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }
    QLabel *resultLabel() const { return m_result; }
    bool resultNeedsReview() const { return m_needsReview; }
    // Tall enough for the text box and the whole reading below it (it may wrap).
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

private:
    void updateResult();

    QLineEdit *m_edit = nullptr;
    QLabel *m_result = nullptr;
    bool m_needsReview = false;
};

// Several of a list (places, providers): a search box over a list of check boxes. Space or a
// click ticks the current entry, Enter keeps the ticks, Escape forgets them.
class MultiSelectEditor : public CellEditorFrame
{
    Q_OBJECT
public:
    explicit MultiSelectEditor(QWidget *parent = nullptr);

    void setOptions(const QList<EditorOption> &options);
    void setSelected(const QVariantList &values);
    QVariantList selected() const; // in the order of the options
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *list() const { return m_list; }
    int preferredHeight() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySearch(const QString &text);
    void toggle(QListWidgetItem *item);

    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
};

// The intention text: several lines. Enter keeps the text; Shift+Enter or Alt+Enter starts a
// new line (Alt+Enter as in a spreadsheet cell).
class LongTextEditor : public CellEditorFrame
{
    Q_OBJECT
public:
    explicit LongTextEditor(QWidget *parent = nullptr);
    QString text() const;
    void setText(const QString &text);
    QPlainTextEdit *textEdit() const { return m_edit; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_edit = nullptr;
};

// Paints and edits the intentions grid's cells. It dispatches on the kind of editor a column
// is given (setColumnEditor) — the grid says "this column is a choice of portfolios", the
// delegate never tests a column number — and, for columns it was told nothing about, on the
// item itself: checkable items are check boxes, list values are multi-selects, the rest text.
//
// Check boxes toggle with one click anywhere in the cell, or Space, without opening an editor;
// they are painted centred and filled with the column's colour when ticked. Every editor
// writes Qt::EditRole values through the model's setData, and only when the value changed, so
// opening and leaving an editor adds no step to the undo history.
class IntentionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Editor { Default, Text, LongText, Choice, Check, MultiSelect, Timeframe, ReadOnly };
    Q_ENUM(Editor)

    explicit IntentionDelegate(QObject *parent = nullptr);

    // options: the choices of a Choice or MultiSelect column for the row being edited (the
    // programme areas depend on the row's portfolio). colour: a Check column's fill.
    void setColumnEditor(int column, Editor editor, const EditorOptions &options = {}, const QColor &colour = {});
    Editor editorFor(const QModelIndex &index) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    struct ColumnEditor
    {
        Editor editor = Editor::Default;
        EditorOptions options;
        QColor colour;
    };
    void connectFrame(CellEditorFrame *frame) const;
    void paintCheck(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    QList<EditorOption> optionsFor(const QModelIndex &index) const;

    QHash<int, ColumnEditor> m_columns;
    QPersistentModelIndex m_pressed; // a click toggles only where it also began
};
