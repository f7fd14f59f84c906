#pragma once

#include "entities.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QString>
#include <QTextObjectInterface>

#include <array>

class QPainter;
class QTextDocument;

// The pictures of the printed portfolio summary, drawn with QPainter as vector graphics (so
// they are sharp at any zoom, and their labels are text in the PDF): a timeline strip of a
// portfolio's intentions and its shift-coverage bars. Sizes are in points and scaled to the
// painter's resolution.
namespace SummaryCharts {

// One intention on the timeline. Dates are the parsed timeframe's; a timeframe that needs
// review (or is not set) gets no bar — its dates are never invented.
struct TimelineRow
{
    int number = 0; // as numbered in the summary's table
    QString title;
    QString raw;    // the timeframe as written
    QDate start;
    QDate end;
    bool openEnded = false;
    bool needsReview = false;
    bool subjectToFunding = false;
};

struct Timeline
{
    QString title;
    QColor colour;
    FiscalYear first; // the axis, whole financial years
    FiscalYear last;
    FiscalYear planningYear;
    QList<TimelineRow> rows;
};

// The axis a set of rows needs: from the planning year (or the earliest start, at most three
// years before) to four years after it (or the latest end, at most ten years after).
void fitAxis(Timeline &timeline);

struct Coverage
{
    QString title;
    int total = 0;
    std::array<int, 3> counts{};     // by shift, in the order of Shift
    int planTotal = 0;               // the whole plan, for comparison
    std::array<int, 3> planCounts{};
};

// Heights in points for a width (the drawings fill the width they are given).
qreal timelineHeight(const Timeline &timeline);
qreal timelineRowHeight();
qreal timelineHeaderHeight();
qreal coverageHeight(const Coverage &coverage);

void paintTimeline(QPainter &painter, const QRectF &rect, const Timeline &timeline);
void paintCoverage(QPainter &painter, const QRectF &rect, const Coverage &coverage);

// Puts a coverage chart into a QTextDocument as an inline object (on its own line, as wide as
// the text), as the cover shows the pack's. The handler is owned by the document.
class DocumentObjects : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    enum Type { CoverageType = QTextFormat::UserObject + 42 };

    // A handler owned by document. Register it with the layout once the content is in:
    // a document with a layout lays itself out again after every insertion.
    static DocumentObjects *create(QTextDocument *document);
    void registerWithLayout();

    // A char format standing for the drawing, width points wide.
    QTextCharFormat add(const Coverage &coverage, qreal widthPoints);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

private:
    explicit DocumentObjects(QTextDocument *document);

    QTextDocument *m_document;
    QList<Coverage> m_coverages;
};

} // namespace SummaryCharts
