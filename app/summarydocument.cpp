#include "summarydocument.h"

#include "listtext.h"
#include "plancolours.h"
#include "planformat.h"
#include "stores.h"
#include "summarycharts.h"
#include "summarystyle.h"
#include "summarytable.h"

#include <QAbstractTextDocumentLayout>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QSet>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

// --- data ----------------------------------------------------------------------------------------

std::array<int, 3> SummaryData::shiftCounts(const QList<Intention> &intentions)
{
    std::array<int, 3> counts{};
    for (const Intention &intention : intentions) {
        counts[0] += intention.shiftCommunity ? 1 : 0;
        counts[1] += intention.shiftPrevention ? 1 : 0;
        counts[2] += intention.shiftDigital ? 1 : 0;
    }
    return counts;
}

int SummaryData::intentionCount() const
{
    int count = 0;
    for (const Portfolio &portfolio : portfolios)
        count += int(intentions.value(portfolio.id).size());
    return count;
}

Result<QList<Id>> SummaryData::portfolioIds(PlanStoreSet &stores, const QStringList &names)
{
    const auto portfolios = stores.portfolios().list();
    if (!portfolios)
        return Error{portfolios.error()};
    QList<Id> ids;
    for (const QString &name : names) {
        const auto found = std::find_if(portfolios.value().cbegin(), portfolios.value().cend(), [&](const Portfolio &p) {
            return p.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0;
        });
        if (found == portfolios.value().cend()) {
            QStringList known;
            for (const Portfolio &p : portfolios.value())
                known.append(p.name);
            return Error{QObject::tr("The plan has no portfolio called “%1”. Its portfolios are: %2.")
                             .arg(name, known.join(QStringLiteral("; ")))};
        }
        if (!ids.contains(found->id))
            ids.append(found->id);
    }
    return ids;
}

Result<SummaryData> SummaryData::load(PlanStoreSet &stores, const QList<Id> &portfolioIds)
{
    auto settings = stores.settings().load();
    auto portfolios = stores.portfolios().list();
    auto areas = stores.programmeAreas().list();
    auto intentions = stores.intentions().list();
    auto notices = stores.notices().list();
    auto providers = stores.providers().list();
    for (const QString &problem : {settings ? QString() : settings.error(), portfolios ? QString() : portfolios.error(),
                                   areas ? QString() : areas.error(), intentions ? QString() : intentions.error(),
                                   notices ? QString() : notices.error(), providers ? QString() : providers.error()}) {
        if (!problem.isEmpty())
            return Error{problem};
    }

    SummaryData data;
    data.settings = settings.value();
    QHash<Id, int> perPortfolio;
    for (const Intention &intention : intentions.value())
        ++perPortfolio[intention.portfolioId];
    data.planIntentions = int(intentions.value().size());
    data.planShiftCounts = shiftCounts(intentions.value());
    const bool anyHasIntentions = !perPortfolio.isEmpty();
    for (const Portfolio &portfolio : portfolios.value()) {
        const bool wanted = portfolioIds.isEmpty() ? (!anyHasIntentions || perPortfolio.contains(portfolio.id))
                                                   : portfolioIds.contains(portfolio.id);
        if (wanted)
            data.portfolios.append(portfolio);
        else
            data.leftOut.append(portfolio.name);
    }
    for (const Id id : portfolioIds) {
        if (std::none_of(data.portfolios.cbegin(), data.portfolios.cend(), [id](const Portfolio &p) { return p.id == id; }))
            return Error{QObject::tr("Portfolio %1 does not exist; someone else may have deleted it.").arg(id)};
    }

    QSet<Id> printed;
    for (const Portfolio &portfolio : std::as_const(data.portfolios))
        printed.insert(portfolio.id);
    QHash<Id, int> areaOrder; // position of each area in its portfolio
    for (const ProgrammeArea &area : areas.value()) {
        if (printed.contains(area.portfolioId))
            data.areas[area.portfolioId].append(area);
    }
    for (auto it = data.areas.begin(); it != data.areas.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [](const auto &a, const auto &b) { return a.sortOrder < b.sortOrder; });
        for (int i = 0; i < it->size(); ++i)
            areaOrder.insert(it->at(i).id, i);
    }
    QSet<Id> printedIntentions;
    for (const Intention &intention : intentions.value()) {
        if (printed.contains(intention.portfolioId)) {
            data.intentions[intention.portfolioId].append(intention);
            printedIntentions.insert(intention.id);
        }
    }
    // Grouped by programme area as the tables are; intentions in no area come last.
    for (auto it = data.intentions.begin(); it != data.intentions.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [&](const Intention &a, const Intention &b) {
            return areaOrder.value(a.programmeAreaId, INT_MAX) < areaOrder.value(b.programmeAreaId, INT_MAX);
        });
    }
    for (const ContractNotice &notice : notices.value()) {
        if (std::any_of(notice.intentionIds.cbegin(), notice.intentionIds.cend(),
                        [&](Id id) { return printedIntentions.contains(id); }))
            data.notices.append(notice);
    }
    for (const Provider &provider : providers.value())
        data.providerNames.insert(provider.id, provider.name);
    return data;
}

// --- building the document -------------------------------------------------------------------------

namespace {

using namespace SummaryStyle;
using PlanColours::textOn;
using PlanColours::tint;

// "1 intention", "7 intentions": the planner ships without translations, so plurals are spelt here.
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QString longDate(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy"));
}

class Builder
{
public:
    Builder(QTextDocument *document, const SummaryData &data, const SummaryOptions &options, qreal scale,
            qreal textWidth)
        : m_data(data)
        , m_options(options)
        , m_scale(scale)
        , m_textWidth(textWidth)
        , m_cursor(document)
        , m_objects(SummaryCharts::DocumentObjects::create(document))
    {
    }

    SummaryCharts::DocumentObjects *objects() const { return m_objects; }
    QList<QTextBlock> contentsPageBlocks;

    void cover();
    // A portfolio's opening: its header band, descriptions, and the note when it has no intentions.
    void front(const Portfolio &portfolio);
    // The closing page's table of the contract notices linked to the intentions; false when none are.
    bool notices(const Portfolio &portfolio, const QList<Intention> &intentions);

private:
    // Points to the 96-dpi pixels text formats are measured in.
    qreal pt(qreal points) const { return points * m_scale; }

    QTextCharFormat text(qreal size = 9.5, bool bold = false, const QColor &colour = ink) const
    {
        QTextCharFormat format;
        format.setFontFamilies(families());
        format.setFontPointSize(size);
        format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        format.setForeground(colour);
        return format;
    }
    QTextBlockFormat paragraph(qreal above = 0, qreal below = 4, Qt::Alignment align = Qt::AlignLeft) const
    {
        QTextBlockFormat format;
        format.setTopMargin(pt(above));
        format.setBottomMargin(pt(below));
        format.setAlignment(align);
        return format;
    }
    // A new paragraph after whatever is there (the document starts with one empty block).
    void newParagraph(const QTextBlockFormat &format, const QTextCharFormat &chars)
    {
        if (m_firstBlock) {
            m_cursor.setBlockFormat(format);
            m_cursor.setBlockCharFormat(chars);
            m_firstBlock = false;
        } else {
            m_cursor.insertBlock(format, chars);
        }
    }
    void heading(const QString &title, const QColor &colour = PlanColours::nhsBlue())
    {
        newParagraph(paragraph(10, 3), text(11.5, true, colour));
        m_cursor.insertText(title, text(11.5, true, colour));
    }
    // Paragraphs and bullet lists of a ListText value, at cursor (inside a cell or the body).
    // firstInCell: the first block goes into the cursor's (empty) block; continueFirst: the first
    // paragraph goes on in the cursor's block after what is there (e.g. an intention's number).
    void insertListText(QTextCursor &cursor, const QString &value, const QTextCharFormat &chars, bool firstInCell,
                        bool continueFirst = false)
    {
        const QList<ListText::Block> blocks = ListText::parse(value);
        QTextList *list = nullptr;
        bool first = firstInCell;
        for (const ListText::Block &block : blocks) {
            QTextBlockFormat format = paragraph(0, block.bullet ? 1 : 3);
            if (continueFirst && !block.bullet) {
                // the paragraph goes on after what the block already holds
            } else if (first) {
                cursor.setBlockFormat(format);
            } else {
                cursor.insertBlock(format, chars);
            }
            first = false;
            continueFirst = false;
            if (block.bullet) {
                if (list) {
                    list->add(cursor.block());
                } else {
                    QTextListFormat listFormat;
                    listFormat.setStyle(QTextListFormat::ListDisc);
                    listFormat.setIndent(1);
                    list = cursor.createList(listFormat);
                }
            } else {
                list = nullptr;
            }
            cursor.insertText(block.text, chars);
        }
    }
    void bodyText(const QString &value)
    {
        if (m_firstBlock)
            m_firstBlock = false;
        else
            m_cursor.insertBlock(paragraph(), text());
        insertListText(m_cursor, value, text(), true);
    }
    QTextTableFormat tableFormat(bool borders) const
    {
        QTextTableFormat format;
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setCellSpacing(0);
        format.setCellPadding(pt(3));
        format.setBorderCollapse(true);
        format.setBorder(borders ? pt(0.5) : 0);
        format.setBorderBrush(rule);
        format.setBorderStyle(borders ? QTextFrameFormat::BorderStyle_Solid : QTextFrameFormat::BorderStyle_None);
        format.setTopMargin(pt(6));
        format.setBottomMargin(pt(4));
        return format;
    }
    void fillCell(QTextTable *table, int row, int column, const QColor &background)
    {
        QTextTableCellFormat format = table->cellAt(row, column).format().toTableCellFormat();
        format.setBackground(background);
        table->cellAt(row, column).setFormat(format);
    }
    void cellText(QTextTable *table, int row, int column, const QString &value, const QTextCharFormat &chars,
                  Qt::Alignment align = Qt::AlignLeft)
    {
        QTextCursor cell = table->cellAt(row, column).firstCursorPosition();
        cell.setBlockFormat(paragraph(0, 0, align));
        cell.insertText(value, chars);
    }
    void afterTable() { m_cursor.movePosition(QTextCursor::End); }

    // A table at the very start: the document's first block stays above it, as thin as it goes.
    void tableFirst()
    {
        if (!m_firstBlock)
            return;
        QTextBlockFormat thin = paragraph(0, 0);
        thin.setLineHeight(1, QTextBlockFormat::FixedHeight);
        m_cursor.setBlockFormat(thin);
        m_cursor.setBlockCharFormat(text(1));
        m_firstBlock = false;
    }
    void headerBand(const Portfolio &portfolio);
    void descriptions(const Portfolio &portfolio);

    const SummaryData &m_data;
    const SummaryOptions &m_options;
    qreal m_scale;
    qreal m_textWidth; // points
    QTextCursor m_cursor;
    SummaryCharts::DocumentObjects *m_objects;
    bool m_firstBlock = true;
};

void Builder::cover()
{
    const PlanSettings &s = m_data.settings;
    newParagraph(paragraph(60, 6), text(15, true, PlanColours::nhsBlue()));
    m_cursor.insertText(s.icbName.isEmpty() ? QObject::tr("Integrated Care Board") : s.icbName,
                        text(15, true, PlanColours::nhsBlue()));
    m_cursor.insertBlock(paragraph(0, 4), text(26, true));
    m_cursor.insertText(QObject::tr("Commissioning intentions %1").arg(s.planningYear.toString()), text(26, true));
    m_cursor.insertBlock(paragraph(0, 4), text(13));
    m_cursor.insertText(QObject::tr("Portfolio summaries: vision, intentions and the three strategic shifts"), text(13));
    m_cursor.insertBlock(paragraph(0, 24), text(11, false, muted));
    m_cursor.insertText(longDate(m_options.printedOn), text(11, false, muted));

    // Contents: each portfolio with its share of each shift and the page it starts on.
    const int rows = int(m_data.portfolios.size()) + 2;
    QTextTableFormat format = tableFormat(true);
    format.setHeaderRowCount(1);
    format.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 34),
                                      QTextLength(QTextLength::PercentageLength, 17),
                                      QTextLength(QTextLength::PercentageLength, 10),
                                      QTextLength(QTextLength::PercentageLength, 11),
                                      QTextLength(QTextLength::PercentageLength, 11),
                                      QTextLength(QTextLength::PercentageLength, 11),
                                      QTextLength(QTextLength::PercentageLength, 6)});
    QTextTable *table = m_cursor.insertTable(rows, 7, format);
    const QStringList headers{QObject::tr("Portfolio"), QObject::tr("Group"), QObject::tr("Intentions"),
                              QObject::tr("Hospital to community"), QObject::tr("Treatment to prevention"),
                              QObject::tr("Analogue to digital"), QObject::tr("Page")};
    for (int column = 0; column < headers.size(); ++column) {
        fillCell(table, 0, column, headerFill);
        cellText(table, 0, column, headers.at(column), text(7, true), column >= 2 ? Qt::AlignRight : Qt::AlignLeft);
    }
    std::array<int, 3> totals{};
    int all = 0;
    const auto percent = [](int count, int total) {
        return total > 0 ? QStringLiteral("%1%").arg(qRound(100.0 * count / total)) : QStringLiteral("–");
    };
    for (int i = 0; i < m_data.portfolios.size(); ++i) {
        const Portfolio &p = m_data.portfolios.at(i);
        const QList<Intention> intentions = m_data.intentions.value(p.id);
        const std::array<int, 3> counts = SummaryData::shiftCounts(intentions);
        const int row = i + 1;
        QTextCursor name = table->cellAt(row, 0).firstCursorPosition();
        name.insertText(QStringLiteral("■ "), text(9, true, PlanColours::portfolio(p.colour)));
        name.insertText(p.name, text(9, true));
        cellText(table, row, 1, Enums::label(p.group), text(8, false, muted));
        cellText(table, row, 2, QString::number(intentions.size()), text(9), Qt::AlignRight);
        for (int s = 0; s < 3; ++s) {
            cellText(table, row, 3 + s, percent(counts[s], int(intentions.size())), text(9), Qt::AlignRight);
            totals[s] += counts[s];
        }
        all += int(intentions.size());
        QTextCursor page = table->cellAt(row, 6).firstCursorPosition();
        page.setBlockFormat(paragraph(0, 0, Qt::AlignRight));
        // Its number is known only once every page after the cover is composed, so it is
        // painted in the cell then (build()).
        contentsPageBlocks.append(page.block());
    }
    const int last = rows - 1;
    for (int column = 0; column < 7; ++column)
        fillCell(table, last, column, headerFill);
    cellText(table, last, 0, QObject::tr("This pack"), text(9, true));
    cellText(table, last, 2, QString::number(all), text(9, true), Qt::AlignRight);
    for (int s = 0; s < 3; ++s)
        cellText(table, last, 3 + s, percent(totals[s], all), text(9, true), Qt::AlignRight);
    afterTable();

    // The board's question, answered before the first portfolio: how much of it delivers each shift.
    SummaryCharts::Coverage pack;
    pack.title = QObject::tr("Shift coverage: how many of the %1 in this pack deliver each shift")
                     .arg(counted(all, "intention", "intentions"));
    pack.total = all;
    pack.counts = totals;
    pack.planTotal = m_data.planIntentions;
    pack.planCounts = m_data.planShiftCounts;
    m_cursor.insertBlock(paragraph(6, 8), text());
    m_cursor.insertText(QString(QChar::ObjectReplacementCharacter), m_objects->add(pack, m_textWidth));

    const QStringList notes{
        QObject::tr("The percentages are the share of each portfolio's intentions tagged with each of the NHS "
                    "10 Year Plan's three shifts. In the tables, %1 marks an intention that delivers the shift.")
            .arg(SummaryTable::tick()),
        QObject::tr("Timeframes are printed as written; beneath each is how the planner reads it. A timeframe "
                    "that needs review has no bar on the timelines: no dates are guessed."),
    };
    for (const QString &note : notes) {
        m_cursor.insertBlock(paragraph(0, 4), text(8.5, false, muted));
        m_cursor.insertText(note, text(8.5, false, muted));
    }
    if (!m_data.leftOut.isEmpty()) {
        m_cursor.insertBlock(paragraph(0, 4), text(8.5, false, muted));
        m_cursor.insertText(QObject::tr("Not in this pack (%1 without intentions, or not chosen): %2.")
                                .arg(counted(int(m_data.leftOut.size()), "portfolio", "portfolios"),
                                     m_data.leftOut.join(QStringLiteral("; "))),
                            text(8.5, false, muted));
    }
    if (s.illustrative) {
        m_cursor.insertBlock(paragraph(8, 4), text(8.5, true, PlanColours::needsReview().darker(130)));
        m_cursor.insertText(QObject::tr("Illustrative plan: some of its records were made up for demonstration "
                                        "and describe no real contract or decision."),
                            text(8.5, true, PlanColours::needsReview().darker(130)));
    }
}

void Builder::headerBand(const Portfolio &portfolio)
{
    const QColor colour = PlanColours::portfolio(portfolio.colour);
    QTextTableFormat format = tableFormat(false);
    format.setTopMargin(0);
    format.setCellPadding(pt(8));
    tableFirst();
    QTextTable *band = m_cursor.insertTable(1, 1, format);
    fillCell(band, 0, 0, colour);
    QTextCursor cell = band->cellAt(0, 0).firstCursorPosition();
    const QColor fore = textOn(colour);
    cell.setBlockFormat(paragraph(0, 2));
    cell.insertText(portfolio.name, text(19, true, fore));
    cell.insertBlock(paragraph(0, 0), text(10, false, fore));
    QStringList facts{Enums::label(portfolio.group)};
    if (!portfolio.lead.trimmed().isEmpty())
        facts.prepend(QObject::tr("Lead: %1").arg(portfolio.lead.trimmed()));
    const QList<Intention> intentions = m_data.intentions.value(portfolio.id);
    facts.append(counted(int(intentions.size()), "commissioning intention", "commissioning intentions"));
    const int areas = int(m_data.areas.value(portfolio.id).size());
    if (areas > 0)
        facts.append(counted(areas, "programme area", "programme areas"));
    cell.insertText(facts.join(QStringLiteral("  ·  ")), text(10, false, fore));
    afterTable();
}

void Builder::descriptions(const Portfolio &portfolio)
{
    if (!portfolio.vision.trimmed().isEmpty()) {
        heading(QObject::tr("Vision and key drivers"));
        bodyText(portfolio.vision);
    }
    // Stakeholders and programmes side by side, as the portfolio pages set them out.
    QList<QPair<QString, QString>> columns;
    if (!portfolio.keyStakeholders.trimmed().isEmpty())
        columns.append({QObject::tr("Key stakeholders"), portfolio.keyStakeholders});
    if (!portfolio.keyProgrammes.trimmed().isEmpty())
        columns.append({QObject::tr("Key programmes"), portfolio.keyProgrammes});
    if (!columns.isEmpty()) {
        QTextTableFormat format = tableFormat(false);
        format.setCellPadding(0);
        format.setTopMargin(pt(4));
        QList<QTextLength> widths;
        for (int i = 0; i < columns.size(); ++i)
            widths.append(QTextLength(QTextLength::PercentageLength, 100.0 / qreal(columns.size())));
        format.setColumnWidthConstraints(widths);
        QTextTable *table = m_cursor.insertTable(1, int(columns.size()), format);
        for (int i = 0; i < columns.size(); ++i) {
            QTextTableCellFormat cellFormat;
            cellFormat.setRightPadding(pt(i + 1 < columns.size() ? 12 : 0));
            table->cellAt(0, i).setFormat(cellFormat);
            QTextCursor cell = table->cellAt(0, i).firstCursorPosition();
            cell.setBlockFormat(paragraph(6, 3));
            cell.insertText(columns.at(i).first, text(11.5, true, PlanColours::nhsBlue()));
            cell.insertBlock(paragraph(), text());
            insertListText(cell, columns.at(i).second, text(), true);
        }
        afterTable();
    }
    if (!portfolio.engagement.trimmed().isEmpty()) {
        heading(QObject::tr("Engagement"));
        bodyText(portfolio.engagement);
    }
    if (!portfolio.benefits.isEmpty()) {
        heading(QObject::tr("Benefits"));
        for (const PortfolioBenefit &benefit : portfolio.benefits) {
            if (!benefit.label.trimmed().isEmpty()) {
                m_cursor.insertBlock(paragraph(3, 2), text(9.5, true));
                m_cursor.insertText(QObject::tr("By %1").arg(benefit.label.trimmed()), text(9.5, true));
            }
            m_cursor.insertBlock(paragraph(), text());
            insertListText(m_cursor, benefit.text, text(), true);
        }
    }
}

void Builder::front(const Portfolio &portfolio)
{
    headerBand(portfolio);
    descriptions(portfolio);
    if (m_data.intentions.value(portfolio.id).isEmpty()) {
        heading(SummaryTable::title(portfolio.name));
        m_cursor.insertBlock(paragraph(), text(9.5, false, muted));
        m_cursor.insertText(QObject::tr("No commissioning intentions are recorded for this portfolio."),
                            text(9.5, false, muted));
    }
}

bool Builder::notices(const Portfolio &portfolio, const QList<Intention> &intentions)
{
    QHash<Id, int> numbers;
    for (int i = 0; i < intentions.size(); ++i)
        numbers.insert(intentions.at(i).id, i + 1);
    QList<ContractNotice> affecting;
    for (const ContractNotice &notice : m_data.notices) {
        if (std::any_of(notice.intentionIds.cbegin(), notice.intentionIds.cend(),
                        [&](Id id) { return numbers.contains(id); }))
            affecting.append(notice);
    }
    if (affecting.isEmpty())
        return false;
    const int columns = 6;
    QTextTableFormat format = tableFormat(true);
    format.setHeaderRowCount(2);
    format.setTopMargin(0);
    tableFirst();
    format.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 20),
                                      QTextLength(QTextLength::PercentageLength, 11),
                                      QTextLength(QTextLength::PercentageLength, 37),
                                      QTextLength(QTextLength::PercentageLength, 13),
                                      QTextLength(QTextLength::PercentageLength, 10),
                                      QTextLength(QTextLength::PercentageLength, 9)});
    QTextTable *table = m_cursor.insertTable(2 + int(affecting.size()), columns, format);
    const QColor colour = PlanColours::portfolio(portfolio.colour);
    table->mergeCells(0, 0, 1, columns);
    fillCell(table, 0, 0, colour);
    cellText(table, 0, 0, QObject::tr("%1 – Contract notices affecting the portfolio").arg(portfolio.name),
             text(11, true, textOn(colour)));
    const QStringList headers{QObject::tr("Provider"),        QObject::tr("Notice"),
                              QObject::tr("Service and summary"), QObject::tr("Issue / takes effect"),
                              QObject::tr("Status"),          QObject::tr("Intentions")};
    for (int column = 0; column < columns; ++column) {
        fillCell(table, 1, column, headerFill);
        cellText(table, 1, column, headers.at(column), text(7.5, true));
    }
    for (int i = 0; i < affecting.size(); ++i) {
        const ContractNotice &notice = affecting.at(i);
        const int row = i + 2;
        QTextCursor provider = table->cellAt(row, 0).firstCursorPosition();
        provider.insertText(m_data.providerNames.value(notice.providerId, QObject::tr("(unknown provider)")), text(8.5));
        if (notice.kind == NoticeKind::Transfer && notice.receivingProviderId != 0) {
            provider.insertBlock(paragraph(1, 0), text(7.5, false, muted));
            provider.insertText(QObject::tr("to %1").arg(m_data.providerNames.value(notice.receivingProviderId)),
                                text(7.5, false, muted));
        }
        cellText(table, row, 1, Enums::label(notice.kind), text(8.5, true));
        QTextCursor service = table->cellAt(row, 2).firstCursorPosition();
        service.insertText(notice.service, text(8.5, true));
        if (!notice.summary.trimmed().isEmpty()) {
            service.insertBlock(paragraph(1, 0), text(8.5));
            service.insertText(notice.summary.simplified(), text(8.5));
        }
        QTextCursor dates = table->cellAt(row, 3).firstCursorPosition();
        dates.insertText(notice.issueDate.isValid() ? PlanFormat::date(notice.issueDate) : QObject::tr("not set"),
                         text(8.5));
        dates.insertBlock(paragraph(1, 0), text(8.5));
        dates.insertText(notice.effectiveDate.isValid() ? PlanFormat::date(notice.effectiveDate) : QObject::tr("not set"),
                         text(8.5));
        cellText(table, row, 4, Enums::label(notice.status), text(8.5));
        QStringList refs;
        for (const Id id : notice.intentionIds) {
            if (numbers.contains(id))
                refs.append(QString::number(numbers.value(id)));
        }
        cellText(table, row, 5, refs.join(QStringLiteral(", ")), text(8.5));
    }
    afterTable();
    return true;
}

} // namespace

SummaryDocument::SummaryDocument(const SummaryData &data, const SummaryOptions &options)
    : m_data(data)
    , m_options(options)
{
}

QString SummaryDocument::footerText() const
{
    const PlanSettings &s = m_data.settings;
    QStringList parts;
    if (!s.icbName.trimmed().isEmpty())
        parts.append(s.icbName.trimmed());
    parts.append(QObject::tr("Commissioning intentions %1").arg(s.planningYear.toString()));
    parts.append(longDate(m_options.printedOn));
    return parts.join(QStringLiteral(" · "));
}

namespace {

// A text document for part of the summary: whole pages of the device's paper, with the summary's
// margins round the text, its default font and wrapping.
std::unique_ptr<QTextDocument> pagedDocument(qreal dpi, const QMarginsF &margins)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDocumentMargin(0);
    // Every length in a text format is in 96-dpi pixels; the layout scales them to the device
    // (QTextDocumentLayout's scaleToDevice). Only the page size is in device units.
    const qreal toFormat = 96.0 / dpi;
    QTextFrameFormat root = doc->rootFrame()->frameFormat();
    root.setLeftMargin(margins.left() * toFormat);
    root.setRightMargin(margins.right() * toFormat);
    root.setTopMargin(margins.top() * toFormat);
    root.setBottomMargin(margins.bottom() * toFormat);
    doc->rootFrame()->setFrameFormat(root);
    doc->setDefaultFont(font(9.5));
    QTextOption option = doc->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a long word wraps rather than overflows
    doc->setDefaultTextOption(option);
    return doc;
}

} // namespace

QString SummaryDocument::Built::documentText() const
{
    QStringList texts;
    for (const auto &document : documents)
        texts.append(document->toPlainText());
    return texts.join(u'\n');
}

namespace {

// Fills the pages of a summary in order: whole pages of a text document, or drawings placed
// below what is already on the last page, going on to a new page where they do not fit.
class PageFlow
{
public:
    using Built = SummaryDocument::Built;

    PageFlow(Built &built, QPagedPaintDevice &device, const QMarginsF &margins)
        : m_built(built)
        , m_device(device)
        , m_margins(margins)
        , m_scale(device.logicalDpiY() / 72.0)
        , m_paper(device.pageLayout().fullRectPixels(device.logicalDpiX()).size())
        , m_top(margins.top())
        , m_bottom(m_paper.height() - margins.bottom())
        , m_y(m_top)
    {
    }

    qreal textWidth() const { return m_paper.width() - m_margins.left() - m_margins.right(); }
    qreal points(qreal pt) const { return pt * m_scale; }
    int pageCount() const { return int(m_built.pages.size()); }

    // The document laid out once for the device, on pages of its own; drawings go on below its end.
    void addDocument(std::unique_ptr<QTextDocument> doc)
    {
        doc->documentLayout()->setPaintDevice(&m_device);
        doc->setPageSize(m_paper);
        const int pages = doc->pageCount();
        for (int page = 0; page < pages; ++page) {
            newPage();
            m_built.pages.last().append(Built::Piece{doc.get(), page, {}});
        }
        const QRectF last = doc->documentLayout()->blockBoundingRect(doc->lastBlock());
        m_y = std::clamp(last.bottom() - (pages - 1) * m_paper.height(), m_top, m_bottom);
        m_built.documents.push_back(std::move(doc));
    }

    // The intentions table in parts, each under its repeated headings.
    void addTable(const std::shared_ptr<const SummaryTable> &table)
    {
        const qreal gap = points(12);
        const int index = int(m_built.tables.size());
        m_built.tables.append(table);
        for (const SummaryTable::Part &part : table->split(m_bottom - m_y - gap, m_bottom - m_top)) {
            if (part.newPage)
                newPage();
            else
                m_y += gap;
            const QPointF at(m_margins.left(), m_y);
            add([table, part, at](QPainter &painter) { table->paint(painter, at, part); });
            m_built.tableParts.append(Built::TablePart{index, pageCount() - 1, part});
            m_y += table->height(part);
        }
    }

    // The timeline, as many rows in each drawing as fit where it goes.
    void addTimeline(const SummaryCharts::Timeline &all)
    {
        const qreal rowHeight = points(SummaryCharts::timelineRowHeight());
        const qreal headerHeight = points(SummaryCharts::timelineHeaderHeight() + 4);
        for (int from = 0; from < all.rows.size();) {
            qreal gap = points(from == 0 ? 12 : 4);
            int fit = int((m_bottom - m_y - gap - headerHeight) / rowHeight);
            if (fit < std::min<int>(3, int(all.rows.size()) - from)) {
                newPage();
                gap = 0;
                fit = std::max(1, int((m_bottom - m_top - headerHeight) / rowHeight));
            }
            SummaryCharts::Timeline chunk = all;
            chunk.rows = all.rows.mid(from, fit);
            chunk.title = from == 0 ? QObject::tr("Timeline of the intentions")
                                    : QObject::tr("Timeline of the intentions (continued from %1)").arg(from + 1);
            const QRectF rect = place(points(SummaryCharts::timelineHeight(chunk)), gap);
            add([chunk, rect](QPainter &painter) { SummaryCharts::paintTimeline(painter, rect, chunk); });
            from += int(chunk.rows.size());
        }
    }

    void addCoverage(const SummaryCharts::Coverage &chart)
    {
        const QRectF rect = place(points(SummaryCharts::coverageHeight(chart)), points(12));
        add([chart, rect](QPainter &painter) { SummaryCharts::paintCoverage(painter, rect, chart); });
    }

    // Text painted on page, in device units (the cover's page numbers).
    void addText(int page, const QRectF &rect, const QString &text)
    {
        m_built.pages[page].append(Built::Piece{nullptr, 0, [rect, text](QPainter &painter) {
                                                    painter.setFont(font(9));
                                                    painter.setPen(ink);
                                                    painter.drawText(rect, Qt::AlignRight | Qt::AlignTop | Qt::TextSingleLine,
                                                                     text);
                                                }});
    }

private:
    void newPage()
    {
        m_built.pages.append(QList<Built::Piece>());
        m_y = m_top;
    }
    // Room for height below gap on the last page, or at the top of a new one.
    QRectF place(qreal height, qreal gap)
    {
        if (m_built.pages.isEmpty() || m_y + gap + height > m_bottom) {
            newPage();
            gap = 0;
        }
        const QRectF rect(m_margins.left(), m_y + gap, textWidth(), height);
        m_y = rect.bottom();
        return rect;
    }
    void add(std::function<void(QPainter &)> draw)
    {
        m_built.pages.last().append(Built::Piece{nullptr, 0, std::move(draw)});
    }

    Built &m_built;
    QPagedPaintDevice &m_device;
    QMarginsF m_margins;
    qreal m_scale; // device units per point
    QSizeF m_paper;
    qreal m_top;
    qreal m_bottom;
    qreal m_y; // where the next drawing may start on the last page
};

SummaryCharts::Timeline timelineOf(const Portfolio &portfolio, const QList<Intention> &intentions,
                                   FiscalYear planningYear)
{
    SummaryCharts::Timeline timeline;
    timeline.colour = PlanColours::portfolio(portfolio.colour);
    timeline.planningYear = planningYear;
    for (int number = 1; number <= intentions.size(); ++number) {
        const Intention &intention = intentions.at(number - 1);
        SummaryCharts::TimelineRow row;
        row.number = number;
        row.title = intention.title.trimmed().isEmpty() ? ListText::oneLine(intention.text) : intention.title.trimmed();
        row.raw = intention.timeframe.raw;
        row.start = intention.timeframe.start;
        row.end = intention.timeframe.end;
        row.openEnded = intention.timeframe.openEnded;
        row.needsReview = intention.timeframe.needsReview;
        row.subjectToFunding = intention.timeframe.flags.testFlag(Timeframe::SubjectToFunding);
        timeline.rows.append(row);
    }
    SummaryCharts::fitAxis(timeline);
    return timeline;
}

} // namespace

SummaryDocument::Built SummaryDocument::build(QPagedPaintDevice &device, const QMarginsF &margins) const
{
    Built built;
    PageFlow flow(built, device, margins);
    const qreal dpi = device.logicalDpiY();
    // A builder filling a new document of whole pages.
    const auto newDocument = [&](const std::function<bool(Builder &)> &fill) {
        auto doc = pagedDocument(dpi, margins);
        Builder builder(doc.get(), m_data, m_options, 96.0 / 72.0, flow.textWidth() / flow.points(1));
        if (!fill(builder))
            return;
        builder.objects()->registerWithLayout();
        flow.addDocument(std::move(doc));
    };

    // The cover of a pack: what it holds, and the page each portfolio starts on.
    const bool cover = m_options.cover == SummaryOptions::Cover::Always
        || (m_options.cover == SummaryOptions::Cover::Auto && m_data.portfolios.size() > 1);
    QList<QTextBlock> contentsPageBlocks;
    if (cover) {
        newDocument([&](Builder &builder) {
            builder.cover();
            contentsPageBlocks = builder.contentsPageBlocks;
            return true;
        });
    }

    for (const Portfolio &portfolio : m_data.portfolios) {
        const QList<Intention> intentions = m_data.intentions.value(portfolio.id);
        // Its header, vision and descriptions from the top of a page; then its intentions, their
        // timeline and shift coverage; then the contract notices affecting it, on a page of their own.
        built.portfolioPages.append(flow.pageCount());
        newDocument([&](Builder &builder) {
            builder.front(portfolio);
            return true;
        });
        if (!intentions.isEmpty()) {
            QHash<Id, QString> areaNames;
            for (const ProgrammeArea &area : m_data.areas.value(portfolio.id))
                areaNames.insert(area.id, area.name);
            flow.addTable(std::make_shared<const SummaryTable>(portfolio, intentions, areaNames, &device, flow.textWidth()));
            flow.addTimeline(timelineOf(portfolio, intentions, m_data.settings.planningYear));
            SummaryCharts::Coverage chart;
            chart.title = QObject::tr("Shift coverage: how many of the %1 deliver each shift")
                              .arg(counted(int(intentions.size()), "intention", "intentions"));
            chart.total = int(intentions.size());
            chart.counts = SummaryData::shiftCounts(intentions);
            chart.planTotal = m_data.planIntentions;
            chart.planCounts = m_data.planShiftCounts;
            flow.addCoverage(chart);
        }
        newDocument([&](Builder &builder) { return builder.notices(portfolio, intentions); });
    }

    // The cover's page numbers, known now: painted in their cells, where the cover's layout put them.
    if (!contentsPageBlocks.isEmpty()) {
        const QTextDocument *coverDocument = built.documents.front().get();
        const qreal pageHeight = coverDocument->pageSize().height();
        for (int i = 0; i < contentsPageBlocks.size() && i < built.portfolioPages.size(); ++i) {
            const QRectF cell = coverDocument->documentLayout()->blockBoundingRect(contentsPageBlocks.at(i));
            const int page = int(cell.top() / pageHeight);
            flow.addText(page, cell.translated(0, -page * pageHeight), QString::number(built.portfolioPages.at(i) + 1));
        }
    }
    built.pageCount = flow.pageCount();
    return built;
}

QString SummaryDocument::pageHeading(const SummaryData &data, const Built &built, int page)
{
    QString heading;
    for (int i = 0; i < built.portfolioPages.size() && i < data.portfolios.size(); ++i) {
        if (built.portfolioPages.at(i) <= page)
            heading = data.portfolios.at(i).name;
    }
    return heading;
}
