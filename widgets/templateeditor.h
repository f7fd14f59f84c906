#pragma once

#include "entities.h"
#include "lettertemplate.h"
#include "result.h"

#include <QImage>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTimer;
class QVBoxLayout;

// Edits the plan's notice-letter template: the template text (HTML with {{merge fields}}), the
// list of merge fields to insert (double-click, or Insert), the problems LetterTemplate finds
// (unknown fields, misplaced fields, unbalanced blocks — each with its line and column;
// double-click goes there) and a live preview of the letter for a chosen provider, drawn page
// by page as it will be printed.
//
// The widget knows nothing of documents or files: the window gives it a preview function that
// turns (template text, provider) into page images. Saving is the window's too; it should only
// be offered while isValid() — a template with problems is never saved.
class TemplateEditor : public QWidget
{
    Q_OBJECT
public:
    // Page images of the letter to providerId from source, each pageWidth pixels wide, or
    // what stops the letter being made.
    using PreviewFunction = std::function<Result<QList<QImage>>(const QString &source, Id providerId, int pageWidth)>;

    explicit TemplateEditor(QWidget *parent = nullptr);

    void setSource(const QString &source);
    QString source() const;
    // What "Restore default" puts back.
    void setDefaultSource(const QString &source) { m_defaultSource = source; }
    // The providers a preview can be shown for (those with notices to send).
    void setProviders(const QList<std::pair<Id, QString>> &providers);
    void setPreviewFunction(PreviewFunction preview);

    QList<TemplateProblem> problems() const { return m_problems; }
    bool isValid() const { return m_problems.isEmpty(); }
    bool isModified() const;
    void setUnmodified();

    // Inserts {{name}} (or a whole block for "#notices"/"#intentions") at the cursor.
    void insertField(const QString &name);
    // Draws the preview now (it is otherwise drawn shortly after typing stops).
    void refreshPreview();
    int previewPageCount() const { return m_pageCount; }
    QString previewMessage() const;

    QPlainTextEdit *textEdit() const { return m_edit; }
    QListWidget *fieldList() const { return m_fields; }
    QListWidget *problemList() const { return m_problemList; }
    QComboBox *providerBox() const { return m_provider; }

signals:
    void validityChanged(bool valid);
    void modifiedChanged(bool modified);

private:
    void validate();
    void goToProblem(int line, int column);
    void showPages(const QList<QImage> &pages);

    QPlainTextEdit *m_edit = nullptr;
    QListWidget *m_fields = nullptr;
    QListWidget *m_problemList = nullptr;
    QLabel *m_problemHeading = nullptr;
    QComboBox *m_provider = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_pages = nullptr;
    QVBoxLayout *m_pagesLayout = nullptr;
    QLabel *m_previewMessage = nullptr;
    QPushButton *m_restore = nullptr;
    QTimer *m_previewTimer = nullptr;
    PreviewFunction m_preview;
    QList<TemplateProblem> m_problems;
    QString m_defaultSource;
    QString m_savedSource;
    int m_pageCount = 0;
    bool m_wasValid = true;
    bool m_wasModified = false;
};
