#include "templateeditor.h"

#include "plancolours.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int previewDelayMs = 400;
constexpr int fieldRole = Qt::UserRole;

// Merge fields stand out from the HTML around them: fields in blue, block markers in bold.
class MergeFieldHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
        static const QRegularExpression field(QStringLiteral("\\{\\{[^}]*\\}\\}"));
        QTextCharFormat markup;
        markup.setForeground(QColor(0x80, 0x80, 0x80));
        for (auto it = tag.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), markup);
        }
        for (auto it = field.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            QTextCharFormat format;
            format.setForeground(PlanColours::nhsBlue());
            const QString inner = match.captured().mid(2).trimmed();
            if (inner.startsWith(u'#') || inner.startsWith(u'/') || inner.startsWith(u'^'))
                format.setFontWeight(QFont::Bold);
            setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
        }
    }
};

QString blockHeading(const QString &block)
{
    if (block.isEmpty())
        return TemplateEditor::tr("Anywhere in the letter");
    return TemplateEditor::tr("Inside {{#%1}} … {{/%1}}").arg(block);
}

} // namespace

TemplateEditor::TemplateEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_fields(new QListWidget(this))
    , m_problemList(new QListWidget(this))
    , m_problemHeading(new QLabel(this))
    , m_provider(new QComboBox(this))
    , m_scroll(new QScrollArea(this))
    , m_pages(new QWidget(this))
    , m_pagesLayout(new QVBoxLayout(m_pages))
    , m_previewMessage(new QLabel(this))
    , m_restore(new QPushButton(tr("Restore default"), this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("templateEditor"));
    m_edit->setObjectName(QStringLiteral("templateText"));
    m_fields->setObjectName(QStringLiteral("mergeFields"));
    m_problemList->setObjectName(QStringLiteral("templateProblems"));
    m_provider->setObjectName(QStringLiteral("previewProvider"));
    m_previewMessage->setObjectName(QStringLiteral("previewMessage"));

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_edit->setFont(mono);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 2);
    new MergeFieldHighlighter(m_edit->document());

    // The fields, grouped by where they may be used.
    QString lastBlock = QStringLiteral("-");
    for (const LetterTemplate::Field &field : LetterTemplate::fields()) {
        if (field.block != lastBlock) {
            if (!field.block.isEmpty()) {
                auto *block = new QListWidgetItem(tr("{{#%1}} … {{/%1}}  (repeats the part between)").arg(field.block),
                                                  m_fields);
                block->setData(fieldRole, QStringLiteral("#") + field.block);
                block->setToolTip(tr("Insert the %1 block: what is between is written once per item.").arg(field.block));
            }
            auto *group = new QListWidgetItem(blockHeading(field.block), m_fields);
            group->setFlags(Qt::NoItemFlags);
            QFont bold = group->font();
            bold.setBold(true);
            group->setFont(bold);
            lastBlock = field.block;
        }
        auto *item = new QListWidgetItem(QStringLiteral("{{%1}}").arg(field.name), m_fields);
        item->setData(fieldRole, field.name);
        item->setToolTip(field.description);
        item->setStatusTip(field.description);
    }
    auto *insert = new QPushButton(tr("Insert"), this);
    connect(insert, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem *item = m_fields->currentItem(); item && item->data(fieldRole).isValid())
            insertField(item->data(fieldRole).toString());
    });
    connect(m_fields, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->data(fieldRole).isValid())
            insertField(item->data(fieldRole).toString());
    });
    auto *fieldDescription = new QLabel(this);
    fieldDescription->setWordWrap(true);
    connect(m_fields, &QListWidget::currentItemChanged, fieldDescription,
            [fieldDescription](QListWidgetItem *item) { fieldDescription->setText(item ? item->toolTip() : QString()); });

    auto *fieldsPane = new QWidget(this);
    auto *fieldsLayout = new QVBoxLayout(fieldsPane);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(new QLabel(tr("<b>Merge fields</b>"), this));
    fieldsLayout->addWidget(m_fields, 1);
    fieldsLayout->addWidget(fieldDescription);
    auto *fieldButtons = new QHBoxLayout;
    fieldButtons->addWidget(insert);
    fieldButtons->addStretch();
    fieldButtons->addWidget(m_restore);
    fieldsLayout->addLayout(fieldButtons);

    m_problemList->setMaximumHeight(110);
    m_problemList->setWordWrap(true);
    connect(m_problemList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        goToProblem(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
    });
    auto *textPane = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPane);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(new QLabel(tr("<b>Letter template</b> (HTML; user text is always escaped)"), this));
    textLayout->addWidget(m_edit, 1);
    textLayout->addWidget(m_problemHeading);
    textLayout->addWidget(m_problemList);

    m_pages->setObjectName(QStringLiteral("previewPages"));
    m_pages->setStyleSheet(QStringLiteral("#previewPages { background: #8c8c8c; }"));
    m_pagesLayout->setSpacing(12);
    m_pagesLayout->setContentsMargins(12, 12, 12, 12);
    m_scroll->setWidget(m_pages);
    m_scroll->setWidgetResizable(true);
    m_previewMessage->setWordWrap(true);
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *previewBar = new QHBoxLayout;
    previewBar->addWidget(new QLabel(tr("<b>Preview</b> for"), this));
    previewBar->addWidget(m_provider, 1);
    previewLayout->addLayout(previewBar);
    previewLayout->addWidget(m_previewMessage);
    previewLayout->addWidget(m_scroll, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(fieldsPane);
    splitter->addWidget(textPane);
    splitter->addWidget(previewPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({240, 560, 560});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(previewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &TemplateEditor::refreshPreview);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        validate();
        m_previewTimer->start();
        const bool modified = isModified();
        if (modified != m_wasModified) {
            m_wasModified = modified;
            emit modifiedChanged(modified);
        }
    });
    connect(m_provider, &QComboBox::currentIndexChanged, this, &TemplateEditor::refreshPreview);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        if (!m_defaultSource.isEmpty())
            m_edit->setPlainText(m_defaultSource);
    });
    validate();
}

void TemplateEditor::setSource(const QString &source)
{
    m_savedSource = source;
    m_edit->setPlainText(source);
    setUnmodified();
}

QString TemplateEditor::source() const
{
    return m_edit->toPlainText();
}

bool TemplateEditor::isModified() const
{
    return source() != m_savedSource;
}

void TemplateEditor::setUnmodified()
{
    m_savedSource = source();
    if (m_wasModified) {
        m_wasModified = false;
        emit modifiedChanged(false);
    }
}

void TemplateEditor::setProviders(const QList<std::pair<Id, QString>> &providers)
{
    const QSignalBlocker blocker(m_provider);
    m_provider->clear();
    for (const auto &[id, name] : providers)
        m_provider->addItem(name, id);
    refreshPreview();
}

void TemplateEditor::setPreviewFunction(PreviewFunction preview)
{
    m_preview = std::move(preview);
    refreshPreview();
}

void TemplateEditor::insertField(const QString &name)
{
    QTextCursor cursor = m_edit->textCursor();
    if (name.startsWith(u'#')) {
        const QString block = name.mid(1);
        cursor.insertText(QStringLiteral("{{#%1}}\n%2\n{{/%1}}").arg(block, cursor.selectedText()));
    } else {
        cursor.insertText(QStringLiteral("{{%1}}").arg(name));
    }
    m_edit->setTextCursor(cursor);
    m_edit->setFocus();
}

void TemplateEditor::validate()
{
    m_problems = LetterTemplate(source()).validate();
    m_problemList->clear();
    for (const TemplateProblem &problem : std::as_const(m_problems)) {
        auto *item = new QListWidgetItem(LetterTemplate::describe(problem), m_problemList);
        item->setForeground(PlanColours::problem());
        item->setData(Qt::UserRole, problem.line);
        item->setData(Qt::UserRole + 1, problem.column);
    }
    m_problemList->setVisible(!m_problems.isEmpty());
    m_problemHeading->setText(m_problems.isEmpty()
                                  ? tr("No problems: every merge field is known and every block is closed.")
                                  : tr("<span style='color:%1'><b>%2 to put right before the template can be saved "
                                       "(double-click to go there)</b></span>")
                                        .arg(PlanColours::problem().name(),
                                             m_problems.size() == 1 ? tr("1 problem")
                                                                    : tr("%1 problems").arg(m_problems.size())));
    if (isValid() != m_wasValid) {
        m_wasValid = isValid();
        emit validityChanged(m_wasValid);
    }
}

void TemplateEditor::goToProblem(int line, int column)
{
    const QTextBlock block = m_edit->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMax(0, column - 1));
    m_edit->setTextCursor(cursor);
    m_edit->centerCursor();
    m_edit->setFocus();
}

void TemplateEditor::refreshPreview()
{
    m_previewTimer->stop();
    if (!m_preview) {
        showPages({});
        m_previewMessage->setText(tr("No preview."));
        return;
    }
    if (m_provider->count() == 0) {
        showPages({});
        m_previewMessage->setText(tr("No provider has notices to send, so there is no letter to preview. Approve a "
                                     "notice to see its letter here."));
        return;
    }
    if (!isValid()) {
        // The last good preview stays; it is not the letter this text would make.
        m_previewMessage->setText(tr("The preview waits until the problems are put right."));
        return;
    }
    const int width = qMax(320, m_scroll->viewport()->width() - 2 * m_pagesLayout->contentsMargins().left());
    const auto pages = m_preview(source(), m_provider->currentData().toLongLong(), width);
    if (!pages) {
        showPages({});
        m_previewMessage->setText(pages.error());
        return;
    }
    showPages(pages.value());
    m_previewMessage->setText(pages.value().size() == 1 ? tr("1 page") : tr("%1 pages").arg(pages.value().size()));
}

QString TemplateEditor::previewMessage() const
{
    return m_previewMessage->text();
}

void TemplateEditor::showPages(const QList<QImage> &pages)
{
    while (QLayoutItem *item = m_pagesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QImage &page : pages) {
        auto *label = new QLabel(m_pages);
        label->setPixmap(QPixmap::fromImage(page));
        label->setAlignment(Qt::AlignHCenter);
        m_pagesLayout->addWidget(label);
    }
    m_pagesLayout->addStretch();
    m_pageCount = int(pages.size());
}
