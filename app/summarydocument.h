#pragma once

#include "entities.h"
#include "result.h"
#include "summarytable.h"

#include <QDate>
#include <QFont>
#include <QRectF>
#include <QHash>
#include <QList>
#include <QMarginsF>
#include <QStringList>

#include <array>
#include <functional>
#include <vector>
#include <memory>

class QPagedPaintDevice;
class QPainter;
class QTextDocument;
class PlanStoreSet;

// What a printed portfolio summary shows, read from the plan in one pass.
struct SummaryData
{
    PlanSettings settings;
    QList<Portfolio> portfolios;            // those printed, in the plan's order
    QStringList leftOut;                    // the plan's other portfolios (not asked for, or without intentions)
    QHash<Id, QList<ProgrammeArea>> areas;  // by portfolio, in their order
    QHash<Id, QList<Intention>> intentions; // by portfolio: by programme area order, then the plan's order
    QList<ContractNotice> notices;          // those linked to an intention of a printed portfolio
    QHash<Id, QString> providerNames;
    int planIntentions = 0;                 // the whole plan, for comparing shares
    std::array<int, 3> planShiftCounts{};

    // Reads the plan. portfolioIds: the portfolios to print, in the plan's order whatever the
    // order given; empty: every portfolio that has intentions (all of them when none has).
    static Result<SummaryData> load(PlanStoreSet &stores, const QList<Id> &portfolioIds = {});
    // The portfolios named (exact names, any case); an unknown name is refused with the list of names.
    static Result<QList<Id>> portfolioIds(PlanStoreSet &stores, const QStringList &names);

    int intentionCount() const;
    // How many of intentions deliver each shift, in the order of Shift.
    static std::array<int, 3> shiftCounts(const QList<Intention> &intentions);
};

struct SummaryOptions
{
    QDate printedOn = QDate::currentDate();
    enum class Cover { Auto, Always, Never };
    Cover cover = Cover::Auto; // Auto: a cover page for a pack of more than one portfolio
};

// The summary laid out on pages, built away from widgets (brief §5, style lesson 6), so the
// same pages are previewed, printed, written as PDF and tested headless. Per portfolio: a
// coloured header band (name, group, lead), vision and key drivers, stakeholders and
// programmes, engagement, benefits by year, the intentions table grouped by programme area with
// the timeframe and a tick per shift (the seed's "Delivering the three strategic shifts"
// tables; its title and column headings repeat on every page it spans), a timeline strip, the
// shift coverage bars, and a closing page of the contract notices linked to its intentions.
//
// The prose (cover, header and descriptions, notices) is QTextDocument, laid out for the
// device a page at a time; the intentions tables and the drawings are painted directly
// (SummaryTable, SummaryCharts) and placed on the pages here.
class SummaryDocument
{
public:
    explicit SummaryDocument(const SummaryData &data, const SummaryOptions &options = {});

    struct Built
    {
        // What a page shows: a page of one of the documents, or a drawing in place.
        struct Piece
        {
            const QTextDocument *document = nullptr; // drawn as its page documentPage
            int documentPage = 0;
            std::function<void(QPainter &)> draw;    // otherwise this paints it, in device units
        };
        std::vector<std::unique_ptr<QTextDocument>> documents; // the cover, each portfolio's opening and notices
        QList<QList<Piece>> pages;
        QList<int> portfolioPages; // 0-based page each printed portfolio starts on
        int pageCount = 0;
        // Each printed portfolio's intentions table, and where its parts went.
        QList<std::shared_ptr<const SummaryTable>> tables;
        struct TablePart
        {
            int table = 0;
            int page = 0;
            SummaryTable::Part part;
        };
        QList<TablePart> tableParts;

        QString documentText() const; // the text of the documents (the tables and drawings are painted)
    };

    // Lays the summary out for device's paper (QPagedPaintDevice::pageLayout, full page), with
    // margins in device units around the text; fonts are measured on the device. The page head
    // and footer are not part of it: SummaryExport paints them in the margins.
    Built build(QPagedPaintDevice &device, const QMarginsF &margins) const;

    // "NHS North East London Integrated Care Board · Commissioning intentions 2026/27 · 22 November 2026"
    QString footerText() const;
    // The portfolio a page belongs to (for the running head), or empty for the cover.
    static QString pageHeading(const SummaryData &data, const Built &built, int page);


private:
    const SummaryData &m_data;
    SummaryOptions m_options;
};
