#pragma once

#include <QPushButton>
#include <QTextEdit>
#include <QVariantList>
#include <QWidget>

class QTableWidget;
class QToolButton;

// The portfolio editor's own field widgets. Each has a USER property holding the value in the
// form the portfolio model stores, so a QDataWidgetMapper maps it like any standard editor.

// Rich-text-light editing: paragraphs and bullet lists only, read and written in the ListText
// form (see models/listtext.h). Pasted text is taken as plain text in that form; typing "- " or
// "* " at the start of a paragraph begins a bullet list.
class ListTextEdit : public QTextEdit
{
    Q_OBJECT
    Q_PROPERTY(QString listText READ listText WRITE setListText USER true)
public:
    explicit ListTextEdit(QWidget *parent = nullptr);

    QString listText() const;
    // Replaces the content, unless it already says the same (so the cursor stays put when a form
    // repopulates a field that did not change).
    void setListText(const QString &text);

    // Turns the paragraphs under the cursor into list items, or the items back into paragraphs.
    void toggleBullets();
    bool cursorInList() const;

signals:
    void editingFinished();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
};

// A ListTextEdit with its two buttons (bullet list, paragraph) above it.
class ListTextField : public QWidget
{
    Q_OBJECT
public:
    explicit ListTextField(QWidget *parent = nullptr);
    ListTextEdit *edit() const { return m_edit; }

private:
    void updateButtons();

    ListTextEdit *m_edit;
    QToolButton *m_bullets;
};

// Shows a portfolio colour and lets the user pick another (QColorDialog). The value is "#RRGGBB".
class ColourButton : public QPushButton
{
    Q_OBJECT
    Q_PROPERTY(QString colour READ colour WRITE setColour USER true)
public:
    explicit ColourButton(QWidget *parent = nullptr);

    QString colour() const { return m_colour; }
    void setColour(const QString &colour);

signals:
    // The user chose a different colour (not emitted by setColour).
    void colourPicked(const QString &colour);

private:
    void pick();

    QString m_colour;
};

// Benefits by year: a small table of label ("April 2026") and text (bullets written " • "), with
// rows to add and remove. The value is a QVariantList of QVariantMap{label, text}.
class BenefitsEditor : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QVariantList benefits READ benefits WRITE setBenefits USER true)
public:
    explicit BenefitsEditor(QWidget *parent = nullptr);

    QVariantList benefits() const;
    void setBenefits(const QVariantList &benefits);

    QTableWidget *table() const { return m_table; }
    // Adds a row labelled for the year after the last one ("April 2028"), ready to type into.
    void addRow();
    void removeCurrentRow();

signals:
    // The user changed a cell, or added or removed a row.
    void benefitsEdited();

private:
    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
};
