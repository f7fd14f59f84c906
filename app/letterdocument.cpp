#include "letterdocument.h"

#include "stores.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFrame>
#include <QTextObjectInterface>
#include <QImage>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QUrl>

namespace {

constexpr double mmToLayout = LetterDocument::layoutDpi / 25.4;
constexpr double pointToLayout = LetterDocument::layoutDpi / 72.0;

// Page margins in millimetres; the footer sits in the bottom margin.
constexpr double marginLeft = 20;
constexpr double marginRight = 20;
constexpr double marginTop = 14;
constexpr double marginBottom = 24;

// The device the letters are laid out for: 1200 dpi, the resolution QPdfWriter paints at, so
// layout and PDF agree and nothing depends on the screen. One per thread: a QImage is not
// shared between threads that lay out at the same time.
QPaintDevice *layoutDevice()
{
    thread_local QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        const int dotsPerMetre = qRound(LetterDocument::layoutDpi / 0.0254);
        image.setDotsPerMeterX(dotsPerMetre);
        image.setDotsPerMeterY(dotsPerMetre);
        return image;
    }();
    return &device;
}

QFont letterFont(double points)
{
    QFont font;
    font.setFamilies({QString::fromLatin1(LetterDocument::fontFamily), QStringLiteral("Arial")});
    font.setStyleHint(QFont::SansSerif);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setPointSizeF(points);
    return font;
}

QRectF contentRect()
{
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    return {marginLeft * mmToLayout, marginTop * mmToLayout,
            (a4.width() - marginLeft - marginRight) * mmToLayout,
            (a4.height() - marginTop - marginBottom) * mmToLayout};
}

// Overriding loadResource is not enough: Qt's own image handler, finding no resource, opens
// the image's name as a file itself (and the ODT writer does the same). This handler takes its
// place before the HTML is read, so an <img> is never looked up, and takes no room.
class NoImages : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    using QObject::QObject;
    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &) override { return {0, 0}; }
    void drawObject(QPainter *, const QRectF &, QTextDocument *, int, const QTextFormat &) override {}
};

// Images are then removed from the letter altogether, so nothing that writes it (the ODT writer
// in particular) finds one to load.
void removeImages(QTextDocument &doc)
{
    QList<std::pair<int, int>> images;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat())
                images.append({fragment.position(), fragment.length()});
        }
    }
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        QTextCursor cursor(&doc);
        cursor.setPosition(it->first);
        cursor.setPosition(it->first + it->second, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
}

// Qt's layout has no "keep with next": a heading, a salutation or "Yours sincerely" can end a
// page with what it introduces on the next. A one-line paragraph of the letter's body whose
// next block starts on a later page moves to that page. Each move changes the layout below it,
// so this repeats until nothing moves (a few passes at most: each fixes one page).
void keepShortParagraphsWithNext(QTextDocument &doc, double pageHeight)
{
    QAbstractTextDocumentLayout *layout = doc.documentLayout();
    for (int pass = 0; pass < 16; ++pass) {
        bool moved = false;
        for (QTextBlock block = doc.begin(); block.isValid() && !moved; block = block.next()) {
            const QTextBlock next = block.next();
            if (!next.isValid())
                break;
            if (QTextCursor(block).currentFrame() != doc.rootFrame()
                || block.text().trimmed().isEmpty())
                continue;
            // Layout is lazy: asking for the rectangle lays the block out, lines and all.
            const double top = layout->blockBoundingRect(block).top();
            if (!block.layout() || block.layout()->lineCount() != 1)
                continue;
            const int page = int(top / pageHeight);
            // A block pushed to the next page keeps its own top on this page; its first line
            // is what moves.
            double nextTop = layout->blockBoundingRect(next).top();
            if (next.layout() && next.layout()->lineCount() > 0)
                nextTop += next.layout()->lineAt(0).y();
            // The pushed line lands exactly on the boundary: allow for rounding.
            const int nextPage = int((nextTop + 1) / pageHeight);
            if (nextPage > page && top - page * pageHeight > 1) {
                QTextBlockFormat format = block.blockFormat();
                format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
                QTextCursor(block).setBlockFormat(format);
                moved = true;
            }
        }
        if (!moved)
            return;
    }
}

} // namespace

QVariant LockedTextDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    Q_UNUSED(name)
    // Never QTextDocument::loadResource: it reads local files and asks the parent object.
    ++m_refused;
    return {};
}

bool LetterDocument::registerFonts()
{
    // Once per process; QFontDatabase::addApplicationFont is thread-safe, and a function-local
    // static is initialised once even when two threads ask at the same time.
    static const bool registered = [] {
        bool all = true;
        for (const char *style : {"Regular", "Bold", "Italic", "BoldItalic"}) {
            all = QFontDatabase::addApplicationFont(
                      QStringLiteral(":/letters/fonts/LetterSans-%1.ttf").arg(QLatin1String(style)))
                    >= 0
                && all;
        }
        return all;
    }();
    return registered;
}

QPageLayout LetterDocument::pageLayout()
{
    // The painter draws the margins itself, so the device's page has none.
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                       QPageLayout::Millimeter);
}

QString LetterDocument::defaultTemplateSource()
{
    QFile file(QStringLiteral(":/letters/default-letter.html"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

Result<LetterTemplate> LetterDocument::planTemplate(PlanStoreSet &stores)
{
    auto own = stores.templates().get(QLatin1String(LetterTemplateStore::noticeLetterName));
    if (!own)
        return Error{own.error()};
    return LetterTemplate(own.value().value_or(defaultTemplateSource()));
}

Result<std::unique_ptr<LetterDocument>> LetterDocument::build(const LetterTemplate &letterTemplate,
                                                              const LetterInput &input, Use use)
{
    for (const ContractNotice &notice : input.notices) {
        if (!notice.effectiveDate.isValid()) {
            return Error{QStringLiteral("The letter to %1 cannot be written: the notice on “%2” "
                                        "has no effective date.")
                             .arg(input.provider.name,
                                  notice.service.isEmpty() ? notice.summary : notice.service)};
        }
    }
    auto html = letterTemplate.render(LetterTemplate::mergeData(input));
    if (!html)
        return Error{html.error()};

    registerFonts();
    std::unique_ptr<LetterDocument> letter(new LetterDocument);
    letter->m_input = input;
    letter->m_html = std::move(html.value());
    letter->m_document = std::make_unique<LockedTextDocument>();
    QTextDocument &doc = *letter->m_document;
    doc.setUndoRedoEnabled(false);
    doc.documentLayout()->setPaintDevice(layoutDevice());
    doc.setDocumentMargin(0);
    doc.setDefaultFont(letterFont(10.5));
    // The page size first: set afterwards, it would lay the whole letter out a second time.
    doc.setPageSize(contentRect().size());
    doc.documentLayout()->registerHandler(QTextFormat::ImageObject, new NoImages(&doc));
    doc.setHtml(letter->m_html);
    removeImages(doc);
    if (use == Use::Edit) {
        // Every run of text names its font; the editable copy names one its readers have.
        const QStringList arial{QStringLiteral("Arial"), QStringLiteral("Liberation Sans")};
        QFont font = doc.defaultFont();
        font.setFamilies(arial);
        doc.setDefaultFont(font);
        QTextCursor all(&doc);
        all.select(QTextCursor::Document);
        QTextCharFormat format;
        format.setFontFamilies(arial);
        // Qt 6.4's ODT writer names the font only when the Qt 5 property is set (else "Sans").
        format.setProperty(QTextFormat::OldFontFamily, arial.constFirst());
        all.mergeCharFormat(format);
    }
    keepShortParagraphsWithNext(doc, contentRect().height());
    return letter;
}

LetterDocument::~LetterDocument() = default;

int LetterDocument::pageCount() const
{
    return m_document->pageCount();
}

QString LetterDocument::footerText(int page) const
{
    return QStringLiteral("Page %1 of %2").arg(page + 1).arg(pageCount());
}

void LetterDocument::paintPage(QPainter &painter, int page) const
{
    const QRectF content = contentRect();
    painter.save();
    painter.translate(content.left(), content.top() - page * content.height());
    // drawContents clips to the page, and the layout skips blocks outside it: each page draws
    // only its own part of the one layout.
    m_document->drawContents(&painter, QRectF(0, page * content.height(), content.width(),
                                             content.height()));
    painter.restore();

    // The footer, in the bottom margin: reference on the left, page number on the right.
    painter.save();
    QFont font = letterFont(8);
    font.setPixelSize(qRound(8 * pointToLayout));
    painter.setFont(font);
    painter.setPen(QColor(0x42, 0x55, 0x63));
    const double top = content.bottom() + 6 * mmToLayout;
    const QRectF line(content.left(), top, content.width(), 5 * mmToLayout);
    const QString reference = m_input.reference.isEmpty()
        ? QString()
        : QStringLiteral("Our reference: %1").arg(m_input.reference);
    painter.drawText(line, Qt::AlignLeft | Qt::AlignTop, reference);
    painter.drawText(line, Qt::AlignRight | Qt::AlignTop, footerText(page));
    if (m_input.settings.illustrative) {
        painter.setPen(QColor(0xD5, 0x28, 0x1B));
        painter.drawText(line.translated(0, 5 * mmToLayout), Qt::AlignHCenter | Qt::AlignTop,
                         QStringLiteral("Illustrative letter from a demonstration plan: it is "
                                        "not a contractual notice."));
    }
    painter.restore();
}

bool LetterDocument::print(QPagedPaintDevice &device) const
{
    device.setPageLayout(pageLayout());
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    const double scale = double(device.logicalDpiX()) / layoutDpi;
    // The painter starts at the device's printable area; draw relative to the page's corner.
    const QRect paintRect = device.pageLayout().paintRectPixels(device.logicalDpiX());
    const int pages = pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !device.newPage())
            return false;
        painter.save();
        painter.translate(-paintRect.topLeft());
        painter.scale(scale, scale);
        paintPage(painter, page);
        painter.restore();
    }
    return painter.end();
}

#include "letterdocument.moc"
