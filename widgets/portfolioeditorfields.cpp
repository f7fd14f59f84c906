#include "portfolioeditorfields.h"

#include "listtext.h"

#include <QColorDialog>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextList>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Inserts blocks at cursor: the first into the cursor's (empty) block, the rest as new blocks.
void insertBlocks(QTextCursor &cursor, const QList<ListText::Block> &blocks)
{
    QTextList *list = cursor.currentList();
    bool first = cursor.block().text().isEmpty();
    for (const ListText::Block &block : blocks) {
        if (!first)
            cursor.insertBlock(QTextBlockFormat(), cursor.charFormat());
        first = false;
        if (block.bullet) {
            if (list)
                list->add(cursor.block());
            else
                list = cursor.createList(QTextListFormat::ListDisc);
        } else {
            list = nullptr;
        }
        cursor.insertText(block.text);
    }
}

void removeFromList(const QTextBlock &block)
{
    if (QTextList *list = block.textList()) {
        list->remove(block);
        QTextBlockFormat format = block.blockFormat();
        format.setIndent(0);
        QTextCursor(block).setBlockFormat(format);
    }
}

} // namespace

// --- ListTextEdit ------------------------------------------------------------------------------------

ListTextEdit::ListTextEdit(QWidget *parent)
    : QTextEdit(parent)
{
    setAcceptRichText(false); // paragraphs and lists only: what the plan stores and prints
    setTabChangesFocus(true);
    setMinimumHeight(fontMetrics().lineSpacing() * 5);
}

QString ListTextEdit::listText() const
{
    QList<ListText::Block> blocks;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        // Shift+Enter makes a line break inside a paragraph; the plan keeps one line per block.
        const QString text = block.text().replace(QChar::LineSeparator, u' ').trimmed();
        if (!text.isEmpty())
            blocks.append({block.textList() != nullptr, text});
    }
    return ListText::format(blocks);
}

void ListTextEdit::setListText(const QString &text)
{
    if (ListText::normalised(text) == listText() && !document()->isEmpty())
        return;
    document()->clear();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    insertBlocks(cursor, ListText::parse(text));
    cursor.endEditBlock();
    moveCursor(QTextCursor::Start); // shown from its beginning
    document()->clearUndoRedoStacks(); // the plan's undo stack is the one that counts
    document()->setModified(false);
}

bool ListTextEdit::cursorInList() const
{
    return textCursor().currentList() != nullptr;
}

void ListTextEdit::toggleBullets()
{
    QTextCursor cursor = textCursor();
    QTextBlock block = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    cursor.beginEditBlock();
    if (cursor.currentList()) {
        for (; block.isValid(); block = block.next()) {
            removeFromList(block);
            if (block == last)
                break;
        }
    } else {
        QTextList *list = nullptr;
        for (; block.isValid(); block = block.next()) {
            if (list) {
                list->add(block);
            } else {
                QTextCursor at(block);
                list = at.createList(QTextListFormat::ListDisc);
            }
            if (block == last)
                break;
        }
    }
    cursor.endEditBlock();
    emit cursorPositionChanged(); // the list button follows
}

void ListTextEdit::keyPressEvent(QKeyEvent *event)
{
    // "- " or "* " typed at the start of a paragraph begins a bullet list, as in word processors.
    QTextCursor cursor = textCursor();
    if (event->text() == QLatin1String(" ") && !cursor.hasSelection() && !cursor.currentList()
        && cursor.positionInBlock() == 1) {
        const QString typed = cursor.block().text();
        if (typed == QLatin1String("-") || typed == QLatin1String("*") || typed == QString(QChar(0x2022))) {
            cursor.beginEditBlock();
            cursor.deletePreviousChar();
            cursor.createList(QTextListFormat::ListDisc);
            cursor.endEditBlock();
            event->accept();
            return;
        }
    }
    QTextEdit::keyPressEvent(event);
}

void ListTextEdit::focusOutEvent(QFocusEvent *event)
{
    QTextEdit::focusOutEvent(event);
    emit editingFinished();
}

bool ListTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasText();
}

void ListTextEdit::insertFromMimeData(const QMimeData *source)
{
    // Pasted text keeps its paragraphs and " • " lists; any other formatting is dropped.
    const QList<ListText::Block> blocks = ListText::parse(source->text());
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    if (blocks.size() == 1 && !blocks.constFirst().bullet)
        cursor.insertText(blocks.constFirst().text);
    else
        insertBlocks(cursor, blocks);
    cursor.endEditBlock();
    setTextCursor(cursor);
}

// --- ListTextField -----------------------------------------------------------------------------------

ListTextField::ListTextField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new ListTextEdit(this))
    , m_bullets(new QToolButton(this))
{
    m_bullets->setText(tr("• List"));
    m_bullets->setToolTip(tr("Bulleted list: turn the paragraphs under the cursor into list items, or back "
                             "(or start a paragraph with “- ”)"));
    m_bullets->setCheckable(true);
    m_bullets->setAutoRaise(true);
    m_bullets->setFocusPolicy(Qt::NoFocus); // keep the text's focus, so no half-edit is committed
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_bullets);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(buttons);
    layout->addWidget(m_edit, 1);
    setFocusProxy(m_edit);
    connect(m_bullets, &QToolButton::clicked, m_edit, [this] {
        m_edit->toggleBullets();
        m_edit->setFocus();
    });
    connect(m_edit, &QTextEdit::cursorPositionChanged, this, &ListTextField::updateButtons);
    updateButtons();
}

void ListTextField::updateButtons()
{
    m_bullets->setChecked(m_edit->cursorInList());
}

// --- ColourButton ------------------------------------------------------------------------------------

ColourButton::ColourButton(QWidget *parent)
    : QPushButton(parent)
{
    setToolTip(tr("The portfolio's colour in the timeline, charts and printed summaries"));
    connect(this, &QPushButton::clicked, this, &ColourButton::pick);
    setColour(QStringLiteral("#005EB8"));
}

void ColourButton::setColour(const QString &colour)
{
    m_colour = colour;
    QPixmap swatch(16, 16);
    swatch.fill(QColor(colour).isValid() ? QColor(colour) : QColor(Qt::transparent));
    QPainter painter(&swatch);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    painter.end();
    setIcon(QIcon(swatch));
    setText(colour);
}

void ColourButton::pick()
{
    const QColor chosen = QColorDialog::getColor(QColor(m_colour), this, tr("Portfolio colour"));
    if (!chosen.isValid())
        return;
    const QString name = chosen.name(QColor::HexRgb).toUpper();
    if (name == m_colour)
        return;
    setColour(name);
    emit colourPicked(name);
}

// --- BenefitsEditor ----------------------------------------------------------------------------------

namespace {
constexpr int StoredTextRole = Qt::UserRole + 1; // the text as stored, kept while the cell shows it
}

BenefitsEditor::BenefitsEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    m_table->setObjectName(QStringLiteral("benefitsTable"));
    m_table->setHorizontalHeaderLabels({tr("By"), tr("Benefits (separate items with •)")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    m_add->setText(tr("Add year"));
    m_add->setToolTip(tr("Add the benefits expected by another year"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected year's benefits"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(m_add, &QToolButton::clicked, this, &BenefitsEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &BenefitsEditor::removeCurrentRow);
    connect(m_table, &QTableWidget::itemChanged, this, [this] { emit benefitsEdited(); });
}

QVariantList BenefitsEditor::benefits() const
{
    QVariantList list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *label = m_table->item(row, 0);
        const QTableWidgetItem *text = m_table->item(row, 1);
        QString body = text ? text->text() : QString();
        // A cell shows a text's paragraphs and items on one line; unless the user changed it,
        // the stored text (with its line breaks) is what it stands for.
        if (text && body == ListText::oneLine(text->data(StoredTextRole).toString()))
            body = text->data(StoredTextRole).toString();
        list.append(QVariantMap{{QStringLiteral("label"), label ? label->text() : QString()},
                                {QStringLiteral("text"), body}});
    }
    return list;
}

void BenefitsEditor::setBenefits(const QVariantList &benefits)
{
    if (benefits == this->benefits())
        return;
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const QVariant &entry : benefits) {
        const QVariantMap map = entry.toMap();
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *label = new QTableWidgetItem(map.value(QStringLiteral("label")).toString());
        label->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_table->setItem(row, 0, label);
        const QString stored = map.value(QStringLiteral("text")).toString();
        auto *text = new QTableWidgetItem(ListText::oneLine(stored));
        text->setTextAlignment(Qt::AlignLeft | Qt::AlignTop); // a long text starts where the eye does
        text->setData(StoredTextRole, stored);
        text->setToolTip(ListText::oneLine(stored));
        m_table->setItem(row, 1, text);
    }
    m_table->resizeRowsToContents();
}

void BenefitsEditor::addRow()
{
    int year = QDate::currentDate().year();
    static const QRegularExpression yearPattern(QStringLiteral("(\\d{4})"));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *label = m_table->item(row, 0);
        if (const auto match = yearPattern.match(label ? label->text() : QString()); match.hasMatch())
            year = std::max(year, match.captured(1).toInt() + 1);
    }
    const int row = m_table->rowCount();
    {
        // The row counts once it has text: an empty row stored on its own would be dropped.
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(tr("April %1").arg(year)));
        m_table->setItem(row, 1, new QTableWidgetItem());
    }
    m_table->setCurrentCell(row, 1);
    m_table->editItem(m_table->item(row, 1));
}

void BenefitsEditor::removeCurrentRow()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    emit benefitsEdited();
}
