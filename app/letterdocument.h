#pragma once

#include "lettertemplate.h"
#include "result.h"

#include <QPageLayout>
#include <QString>
#include <QTextDocument>

#include <memory>

class PlanStoreSet;
class QPagedPaintDevice;
class QPainter;

// A text document that never loads a resource. Letters are built from the plan's template
// and from user text: an <img src="/etc/passwd">, a file:// or \\server\share URL, a
// stylesheet link — none of them may read a file or reach the network. Every lookup that is
// not already in the document's own resource cache returns nothing.
class LockedTextDocument : public QTextDocument
{
    Q_OBJECT
public:
    using QTextDocument::QTextDocument;

    // How many lookups were refused (for tests).
    int refusedLoads() const { return m_refused; }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    int m_refused = 0;
};

// One provider's notice letter as a paginated document: the plan's template merged with the
// provider, its notices and their intentions, laid out once on A4 pages. The same document is
// painted into PDFs, shown in print preview and written as ODT.
//
// Pages carry a footer the template does not control: the letter's reference, "Page N of M",
// and for an illustrative plan (the demo) a line saying the letter is an illustration.
// A table that breaks across pages repeats its header row (<thead> in the template).
//
// Layout uses a fixed 1200 dpi device, not the screen, so pages break the same way on every
// machine and at every display scale. A LetterDocument may be built and painted on any one
// thread; it is not shared between threads.
class LetterDocument
{
public:
    // The letters' font, bundled (resources/letters/fonts): Liberation Sans with the metrics of
    // Arial, so letters look and break the same on every machine. Registered on first use;
    // false when a face could not be loaded (the letters then fall back to Arial).
    static constexpr char fontFamily[] = "Letter Sans";
    static bool registerFonts();

    // A4 portrait; the footer sits in the bottom margin.
    static QPageLayout pageLayout();
    // The bundled default template (:/letters/default-letter.html).
    static QString defaultTemplateSource();
    // The plan's own notice-letter template, or the default when it has none.
    static Result<LetterTemplate> planTemplate(PlanStoreSet &stores);

    // Print: the bundled font, for PDF, preview and printing. Edit: for the editable copy (ODT)
    // that Word or LibreOffice opens, where the bundled font is missing: Arial instead.
    enum class Use { Print, Edit };

    // Fails with the template's problems (line and column), or when a notice has no
    // effective date: a letter never carries an empty date.
    static Result<std::unique_ptr<LetterDocument>> build(const LetterTemplate &letterTemplate,
                                                         const LetterInput &input,
                                                         Use use = Use::Print);

    LetterDocument(const LetterDocument &) = delete;
    LetterDocument &operator=(const LetterDocument &) = delete;
    ~LetterDocument();

    QTextDocument &document() { return *m_document; }
    const QTextDocument &document() const { return *m_document; }
    const LetterInput &input() const { return m_input; }
    QString html() const { return m_html; }
    int pageCount() const;
    QString footerText(int page) const; // 0-based page: "Page 1 of 2"

    // Paints page (0-based) with the painter's origin at the page's top-left corner and
    // 1/1200 inch per unit (the layout's resolution): content, clip and footer.
    void paintPage(QPainter &painter, int page) const;
    // Prints every page on device (a QPrinter from QPrintPreviewDialog, a QPdfWriter),
    // scaling from the layout resolution to the device's.
    bool print(QPagedPaintDevice &device) const;

    static constexpr int layoutDpi = 1200;

private:
    LetterDocument() = default;
    LetterInput m_input;
    QString m_html;
    std::unique_ptr<LockedTextDocument> m_document;
};
