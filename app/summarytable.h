#pragma once

#include "entities.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

#include <memory>

class QPainter;
class QPaintDevice;

// A portfolio's intentions table in the printed summary, as the seed's "<Portfolio> – Delivering
// the three strategic shifts" tables: the programme area down the side, each intention numbered
// with its text, lead and status, its timeframe as written with how the planner reads it, and a
// tick per shift. Every paragraph is laid out once with QTextLayout for the device it is printed
// on and painted directly, in parts that each fit a page and each repeat the title and the column
// headings. (As a QTextTable, a table of thousands of rows cost QTextDocumentLayout seconds per
// hundred pages.) All lengths are in device units.
class SummaryTable
{
public:
    SummaryTable(const Portfolio &portfolio, const QList<Intention> &intentions,
                 const QHash<Id, QString> &areaNames, QPaintDevice *device, qreal width);
    ~SummaryTable();
    SummaryTable(const SummaryTable &) = delete;
    SummaryTable &operator=(const SummaryTable &) = delete;

    // The rows on one page: from `from` within the first row to `to` within the last. A row
    // that does not fit on a page of its own is cut between two lines of its text.
    struct Part
    {
        int firstRow = 0;
        qreal from = 0;
        int lastRow = 0;
        qreal to = 0;
        bool newPage = false; // starts at the top of a new page

        // Not where the table starts: its title says "(continued)".
        bool continued() const { return firstRow > 0 || from > 0; }
    };

    int rowCount() const;
    qreal width() const;
    qreal headerHeight(bool continued) const; // the title and the column headings
    qreal rowHeight(int row) const;
    // The table in parts: the first in the space left on the current page (or, when that cannot
    // hold the headings and the start of the first row, on a new page), the others a page each.
    QList<Part> split(qreal spaceLeft, qreal pageHeight) const;
    qreal height(const Part &part) const;
    void paint(QPainter &painter, const QPointF &topLeft, const Part &part) const;

    // The title row's text: "Planned Care – Delivering the three strategic shifts".
    static QString title(const QString &portfolioName);
    static QString tick(); // the mark a shift's column shows for an intention that delivers it

private:
    struct Private;
    std::unique_ptr<Private> d;
};
