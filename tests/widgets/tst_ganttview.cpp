// The timeline beside a tree view: bars from every kind of timeframe, drag and key edits as one
// undo step each, refusals, one selection and one scroll with the tree, zoom, and an offscreen
// render checked for bars where the dates say (issue 4).
#include "ganttfixture.h"
#include "ganttview.h"
#include "plancolours.h"
#include "syntheticplan.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTreeView>

#include <memory>

using Kind = GanttBar::Kind;
Q_DECLARE_METATYPE(GanttBar::Kind)

namespace {
const QDate Today(2026, 11, 22);

// A grid and its timeline side by side, as the intentions workspace shows them.
struct Window
{
    GanttFixtureModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    QSplitter splitter;
    QTreeView *tree = new QTreeView;
    GanttView *gantt = new GanttView;
    QStandardItem *portfolio = nullptr;
    QStandardItem *area = nullptr;

    Window()
    {
        tester = std::make_unique<QAbstractItemModelTester>(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        portfolio = model.addPortfolio(QStringLiteral("Primary care"), QColor(0x00, 0x5E, 0xB8));
        area = model.addArea(portfolio, QStringLiteral("Access"));
        splitter.addWidget(tree);
        splitter.addWidget(gantt);
        tree->setModel(&model);
        tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
        tree->setSelectionBehavior(QAbstractItemView::SelectRows);
        gantt->setToday(Today);
        gantt->setNoticeDate(QDate(2026, 9, 30));
        gantt->setTreeView(tree);
        splitter.setSizes({400, 1100});
        splitter.resize(1500, 700);
    }

    QModelIndex add(const QString &title, const QString &timeframe, int shifts = 0, const QVariantList &milestones = {})
    {
        const QModelIndex index = model.addIntention(area, title, timeframe, shifts, milestones);
        tree->expandAll();
        return index;
    }

    bool show()
    {
        tree->expandAll();
        splitter.show();
        if (!QTest::qWaitForWindowExposed(&splitter))
            return false;
        QCoreApplication::processEvents();
        return true;
    }

    // Month zoom (about a year across) from March 2026.
    void showMonths()
    {
        gantt->setPixelsPerDay(3.0);
        gantt->scrollToDate(QDate(2026, 3, 1));
    }

    QWidget *viewport() const { return gantt->viewport(); }
};

void press(QWidget *viewport, QPoint at, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, at);
}

// Moves in steps, as a hand does, with the left button held.
void moveTo(QWidget *viewport, QPoint from, QPoint to)
{
    for (int step = 1; step <= 4; ++step) {
        const QPoint at = from + (to - from) * step / 4;
        QMouseEvent move(QEvent::MouseMove, at, viewport->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }
}

void drag(QWidget *viewport, QPoint from, QPoint to)
{
    press(viewport, from);
    moveTo(viewport, from, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

int monthWidth(const GanttView *gantt)
{
    return int(30.44 * gantt->pixelsPerDay());
}

bool near(int a, int b, int tolerance = 1)
{
    return std::abs(a - b) <= tolerance;
}
} // namespace

class TestGanttView : public QObject
{
    Q_OBJECT

private slots:
    void drawsEachKindOfDemoTimeframe_data();
    void drawsEachKindOfDemoTimeframe();
    void everyDemoTimeframeShowsABarOrItsText();
    void datedBarsStartAndEndOnTheirDates();
    void openEndedBarsRunToTheRightEdge();
    void milestonesSitInTheMiddleOfTheirMonth();
    void ongoingBarsSpanThePlan();
    void needsReviewShowsItsTextWithoutInventingDates();
    void summaryBarsSpanTheirIntentions();
    void rowsLineUpWithTheTree();
    void followsCollapseAndExpand();
    void scrollsWithTheTree();
    void wheelOverTheTimelineScrollsTheTree();
    void clickingARowSelectsItInTheTree();
    void selectingInTheTreeHighlightsTheTimeline();
    void draggingABarMovesItByWholeMonthsAsOneUndoStep();
    void draggingTheEndResizesToAMonthBoundary();
    void draggingTheStartResizesToAMonthBoundary();
    void draggingShowsAPreviewBeforeWriting();
    void escapeCancelsADrag();
    void dragsSnapToQuartersWhenZoomedOut();
    void refusesToDragBarsWithoutDates_data();
    void refusesToDragBarsWithoutDates();
    void showsTheModelsRefusal();
    void altArrowsMoveTheCurrentBarByAMonth();
    void altShiftArrowsMoveTheEnd();
    void altArrowsWorkFromTheTree();
    void ctrlWheelZoomsAboutThePointer();
    void plusAndMinusZoom();
    void fitPlanShowsEveryDatedRow();
    void todayComesIntoView();
    void tooltipSaysTitleRawDatesAndFlags();
    void rendersBarsWhereTheDatesSay();
    void rendersInADarkPalette();
};

void TestGanttView::drawsEachKindOfDemoTimeframe_data()
{
    QTest::addColumn<QString>("timeframe");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("year range") << QStringLiteral("2026-2029") << Kind::Dated;
    QTest::newRow("FY to FY") << QStringLiteral("2026/27 – 2030/31") << Kind::Dated;
    QTest::newRow("subject to funding") << QStringLiteral("2026-2027 Timeframe is subject to funding") << Kind::Dated;
    QTest::newRow("phased and subject to funding")
        << QStringLiteral("2026-2027 phased and subject to funding") << Kind::Dated;
    QTest::newRow("annually") << QStringLiteral("2026–2027 and annually") << Kind::Dated;
    QTest::newRow("onwards") << QStringLiteral("26/27 onwards") << Kind::OpenEnded;
    QTest::newRow("and ongoing") << QStringLiteral("2026-2027 and ongoing") << Kind::OpenEnded;
    QTest::newRow("single month") << QStringLiteral("October 2026") << Kind::Milestone;
    QTest::newRow("bare ongoing") << QStringLiteral("Ongoing") << Kind::Ongoing;
    QTest::newRow("on going") << QStringLiteral("On going") << Kind::Ongoing;
    QTest::newRow("continual") << QStringLiteral("Continual (reviewed annually)") << Kind::Ongoing;
    QTest::newRow("typo year") << QStringLiteral("2026-2828") << Kind::NeedsReview;
    QTest::newRow("typo separator") << QStringLiteral("2026=2027") << Kind::NeedsReview;
    QTest::newRow("tbc") << QStringLiteral("tbc") << Kind::NeedsReview;
    QTest::newRow("empty") << QString() << Kind::NotSet;
}

void TestGanttView::drawsEachKindOfDemoTimeframe()
{
    QFETCH(QString, timeframe);
    QFETCH(Kind, kind);

    Window window;
    const QModelIndex index = window.add(QStringLiteral("Intention"), timeframe);
    QVERIFY(window.show());
    QCOMPARE(window.gantt->barKind(index), kind);
    QVERIFY(!window.gantt->rowRect(index).isEmpty());
}

void TestGanttView::everyDemoTimeframeShowsABarOrItsText()
{
    Window window;
    QList<QModelIndex> rows;
    for (const QString &timeframe : SyntheticPlan::demoTimeframes())
        rows << window.add(timeframe.isEmpty() ? QStringLiteral("(empty)") : timeframe, timeframe);
    window.tree->setUniformRowHeights(true);
    window.splitter.resize(1500, 2200); // every row in view
    QVERIFY(window.show());
    window.gantt->fitPlan();
    for (const QModelIndex &index : std::as_const(rows)) {
        const Kind kind = window.gantt->barKind(index);
        QVERIFY2(kind != Kind::None && kind != Kind::Summary, qPrintable(index.data().toString()));
        QVERIFY2(!window.gantt->barRect(index).isEmpty(), qPrintable(index.data().toString()));
    }
}

void TestGanttView::datedBarsStartAndEndOnTheirDates()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2029"));
    QVERIFY(window.show());
    window.gantt->showRange(QDate(2025, 4, 1), QDate(2030, 3, 31));
    const QRect bar = window.gantt->barRect(index);
    QVERIFY(near(bar.left(), window.gantt->xForDate(QDate(2026, 4, 1))));
    QVERIFY(near(bar.right() + 1, window.gantt->xForDate(QDate(2029, 4, 1))));
    const QRect row = window.gantt->rowRect(index);
    QVERIFY(bar.top() > row.top() && bar.bottom() < row.bottom()); // inside its row
}

void TestGanttView::openEndedBarsRunToTheRightEdge()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Community beds"), QStringLiteral("26/27 onwards"));
    QVERIFY(window.show());
    window.gantt->showRange(QDate(2025, 4, 1), QDate(2028, 3, 31));
    const QRect bar = window.gantt->barRect(index);
    QVERIFY(near(bar.left(), window.gantt->xForDate(QDate(2026, 4, 1))));
    QCOMPARE(bar.right(), window.viewport()->width() - 1);
}

void TestGanttView::milestonesSitInTheMiddleOfTheirMonth()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Launch"), QStringLiteral("October 2026"));
    QVERIFY(window.show());
    window.showMonths();
    const QRect diamond = window.gantt->barRect(index);
    const int middle = (window.gantt->xForDate(QDate(2026, 10, 1)) + window.gantt->xForDate(QDate(2026, 11, 1))) / 2;
    QVERIFY2(near(diamond.center().x(), middle, 2), qPrintable(QString::number(diamond.center().x())));
    QVERIFY(diamond.width() < monthWidth(window.gantt)); // a diamond, not a month-long bar
}

void TestGanttView::ongoingBarsSpanThePlan()
{
    Window window;
    window.add(QStringLiteral("Early"), QStringLiteral("2025 - 2026"));
    window.add(QStringLiteral("Late"), QStringLiteral("2028/29"));
    const QModelIndex ongoing = window.add(QStringLiteral("Always"), QStringLiteral("Ongoing"));
    QVERIFY(window.show());
    QCOMPARE(window.gantt->planStart(), QDate(2025, 4, 1));
    QCOMPARE(window.gantt->planEnd(), QDate(2029, 3, 31));
    window.gantt->showRange(QDate(2024, 4, 1), QDate(2030, 3, 31));
    const QRect bar = window.gantt->barRect(ongoing);
    QVERIFY(near(bar.left(), window.gantt->xForDate(QDate(2025, 4, 1))));
    QVERIFY(near(bar.right() + 1, window.gantt->xForDate(QDate(2029, 4, 1))));
}

void TestGanttView::needsReviewShowsItsTextWithoutInventingDates()
{
    Window window;
    window.add(QStringLiteral("Dated"), QStringLiteral("2026/27"));
    const QModelIndex review = window.add(QStringLiteral("Typo"), QStringLiteral("2026-2828"));
    QVERIFY(window.show());
    window.gantt->showRange(QDate(2025, 4, 1), QDate(2029, 3, 31));
    const QRect text = window.gantt->barRect(review);
    QVERIFY(!text.isEmpty());
    // At the plan's start, sized to its text — not a bar from 2026 to 2828.
    QVERIFY(near(text.left(), window.gantt->xForDate(window.gantt->planStart()), 2));
    QFont italic = window.gantt->font();
    italic.setItalic(true);
    QVERIFY(text.width() < QFontMetrics(italic).horizontalAdvance(QStringLiteral("2026-2828")) + 20);
    QVERIFY(window.model.timeframe(review).needsReview);
}

void TestGanttView::summaryBarsSpanTheirIntentions()
{
    Window window;
    window.add(QStringLiteral("First"), QStringLiteral("2026/27"));
    window.add(QStringLiteral("Last"), QStringLiteral("2027/28 – 2030/31"));
    window.add(QStringLiteral("Not dated"), QStringLiteral("tbc"));
    QVERIFY(window.show());
    window.gantt->showRange(QDate(2025, 4, 1), QDate(2031, 3, 31));
    for (QStandardItem *group : {window.portfolio, window.area}) {
        const QModelIndex index = group->index();
        QCOMPARE(window.gantt->barKind(index), Kind::Summary);
        const QRect bar = window.gantt->barRect(index);
        QVERIFY(near(bar.left(), window.gantt->xForDate(QDate(2026, 4, 1))));
        QVERIFY(near(bar.right() + 1, window.gantt->xForDate(QDate(2031, 4, 1))));
    }
}

void TestGanttView::rowsLineUpWithTheTree()
{
    Window window;
    for (int i = 0; i < 30; ++i)
        window.add(QStringLiteral("Intention %1").arg(i), QStringLiteral("2026-2029"));
    QVERIFY(window.show());
    window.tree->verticalScrollBar()->setValue(5);
    QCoreApplication::processEvents();
    const QList<GanttRow> rows = window.gantt->visibleRows();
    QVERIFY(rows.size() > 10);
    for (const GanttRow &row : rows) {
        const QRect treeRect = window.tree->visualRect(row.index);
        // The same band on screen: same top (in global coordinates) and the same height.
        const int ganttTop = window.viewport()->mapToGlobal(row.rect.topLeft()).y();
        const int treeTop = window.tree->viewport()->mapToGlobal(treeRect.topLeft()).y();
        QCOMPARE(ganttTop, treeTop);
        QCOMPARE(row.rect.height(), treeRect.height());
    }
    QCOMPARE(window.gantt->headerHeight(), window.tree->header()->height());
}

void TestGanttView::followsCollapseAndExpand()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Intention"), QStringLiteral("2026-2029"));
    QVERIFY(window.show());
    QVERIFY(!window.gantt->rowRect(index).isEmpty());
    window.tree->collapse(window.portfolio->index());
    QCoreApplication::processEvents();
    QVERIFY(window.gantt->rowRect(index).isEmpty());
    QCOMPARE(window.gantt->visibleRows().size(), 1); // the portfolio alone
    window.tree->expandAll();
    QCoreApplication::processEvents();
    QVERIFY(!window.gantt->rowRect(index).isEmpty());
}

void TestGanttView::scrollsWithTheTree()
{
    Window window;
    QList<QModelIndex> rows;
    for (int i = 0; i < 100; ++i)
        rows << window.add(QStringLiteral("Intention %1").arg(i), QStringLiteral("2026-2029"));
    QVERIFY(window.show());
    QVERIFY(!window.gantt->rowRect(rows.first()).isEmpty());
    window.tree->scrollToBottom();
    QCoreApplication::processEvents();
    QVERIFY(window.gantt->rowRect(rows.first()).isEmpty());
    QVERIFY(!window.gantt->rowRect(rows.last()).isEmpty());
    QCOMPARE(window.gantt->visibleRows().constFirst().index, window.tree->indexAt(QPoint(0, 0)).siblingAtColumn(0));
}

void TestGanttView::wheelOverTheTimelineScrollsTheTree()
{
    Window window;
    for (int i = 0; i < 100; ++i)
        window.add(QStringLiteral("Intention %1").arg(i), QStringLiteral("2026-2029"));
    QVERIFY(window.show());
    const int before = window.tree->verticalScrollBar()->value();
    const QPoint at = window.viewport()->rect().center();
    QWheelEvent wheel(at, window.viewport()->mapToGlobal(at), QPoint(), QPoint(0, -240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(window.viewport(), &wheel);
    QVERIFY(window.tree->verticalScrollBar()->value() > before);
}

void TestGanttView::clickingARowSelectsItInTheTree()
{
    Window window;
    window.add(QStringLiteral("One"), QStringLiteral("2026/27"));
    const QModelIndex two = window.add(QStringLiteral("Two"), QStringLiteral("2027/28"));
    QVERIFY(window.show());
    const QRect row = window.gantt->rowRect(two);
    QTest::mouseClick(window.viewport(), Qt::LeftButton, {}, QPoint(5, row.center().y()));
    QCOMPARE(window.tree->selectionModel()->currentIndex().siblingAtColumn(0), two);
    QVERIFY(window.tree->selectionModel()->isRowSelected(two.row(), two.parent()));
    QCOMPARE(window.tree->selectionModel()->selectedRows().size(), 1);
}

void TestGanttView::selectingInTheTreeHighlightsTheTimeline()
{
    Window window;
    const QModelIndex one = window.add(QStringLiteral("One"), QStringLiteral("2026/27"));
    const QModelIndex two = window.add(QStringLiteral("Two"), QStringLiteral("2027/28"));
    QVERIFY(window.show());
    window.tree->selectionModel()->select(two, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    for (const GanttRow &row : window.gantt->visibleRows())
        QCOMPARE(row.selected, row.index == two);
    // And the highlight is painted: the row's background differs from an unselected one.
    const QImage image = window.viewport()->grab().toImage();
    const int x = 3;
    const qreal ratio = image.devicePixelRatio();
    const QColor selected = image.pixelColor(QPoint(x, window.gantt->rowRect(two).center().y()) * ratio);
    const QColor plain = image.pixelColor(QPoint(x, window.gantt->rowRect(one).center().y()) * ratio);
    QVERIFY(selected != plain);
}

void TestGanttView::draggingABarMovesItByWholeMonthsAsOneUndoStep()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    const QRect bar = window.gantt->barRect(index);
    QSignalSpy edited(window.gantt, &GanttView::datesEdited);
    const QPoint from(bar.left() + 60, bar.center().y());
    drag(window.viewport(), from, from + QPoint(2 * monthWidth(window.gantt), 0));

    QCOMPARE(window.model.dateEdits(), 1); // one setData
    QCOMPARE(window.model.undoStack().count(), 1);
    QCOMPARE(edited.count(), 1);
    Timeframe moved = window.model.timeframe(index);
    QCOMPARE(moved.start, QDate(2026, 6, 1));
    QCOMPARE(moved.end, QDate(2027, 5, 31));
    QCOMPARE(moved.raw, QStringLiteral("June 2026 – May 2027"));

    window.model.undoStack().undo();
    const Timeframe restored = window.model.timeframe(index);
    QCOMPARE(restored.raw, QStringLiteral("2026-2027"));
    QCOMPARE(restored.start, QDate(2026, 4, 1));
    QCOMPARE(restored.end, QDate(2027, 3, 31));
    QVERIFY(near(window.gantt->barRect(index).left(), bar.left()));
    window.model.undoStack().redo();
    QCOMPARE(window.model.timeframe(index).start, QDate(2026, 6, 1));
}

void TestGanttView::draggingTheEndResizesToAMonthBoundary()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("October 2026"));
    window.add(QStringLiteral("Longer"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    window.gantt->scrollToDate(QDate(2026, 9, 1)); // the end in view
    // Milestones move whole; a dated bar's end resizes. Use the longer bar.
    const QModelIndex longer = window.model.index(1, 0, window.area->index());
    const QRect bar = window.gantt->barRect(longer);
    const QPoint end(bar.right(), bar.center().y());
    // To about 10 June 2027: the nearest boundary is 1 June, so it ends 31 May.
    const int target = window.gantt->xForDate(QDate(2027, 6, 10));
    drag(window.viewport(), end, QPoint(target, end.y()));
    const Timeframe resized = window.model.timeframe(longer);
    QCOMPARE(resized.start, QDate(2026, 4, 1));
    QCOMPARE(resized.end, QDate(2027, 5, 31));
    QCOMPARE(window.model.undoStack().count(), 1);
    QCOMPARE(window.model.timeframe(index).start, QDate(2026, 10, 1)); // the other row untouched
}

void TestGanttView::draggingTheStartResizesToAMonthBoundary()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    const QRect bar = window.gantt->barRect(index);
    const QPoint start(bar.left(), bar.center().y());
    const int target = window.gantt->xForDate(QDate(2026, 2, 25)); // nearer 1 March than 1 February
    drag(window.viewport(), start, QPoint(target, start.y()));
    const Timeframe resized = window.model.timeframe(index);
    QCOMPARE(resized.start, QDate(2026, 3, 1));
    QCOMPARE(resized.end, QDate(2027, 3, 31));
}

void TestGanttView::draggingShowsAPreviewBeforeWriting()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    const QRect before = window.gantt->barRect(index);
    const QPoint from(before.left() + 60, before.center().y());
    press(window.viewport(), from);
    moveTo(window.viewport(), from, from + QPoint(3 * monthWidth(window.gantt), 0));
    QVERIFY(window.gantt->isDragging());
    QCOMPARE(window.model.dateEdits(), 0); // nothing written yet
    QVERIFY(near(window.gantt->barRect(index).left(), window.gantt->xForDate(QDate(2026, 7, 1))));
    QTest::mouseRelease(window.viewport(), Qt::LeftButton, {}, from + QPoint(3 * monthWidth(window.gantt), 0));
    QCOMPARE(window.model.dateEdits(), 1);
}

void TestGanttView::escapeCancelsADrag()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    const QRect before = window.gantt->barRect(index);
    const QPoint from(before.left() + 60, before.center().y());
    const QPoint to = from + QPoint(2 * monthWidth(window.gantt), 0);
    press(window.viewport(), from);
    moveTo(window.viewport(), from, to);
    QTest::keyClick(window.gantt, Qt::Key_Escape);
    QVERIFY(!window.gantt->isDragging());
    QTest::mouseRelease(window.viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(window.model.dateEdits(), 0);
    QCOMPARE(window.model.timeframe(index).raw, QStringLiteral("2026-2027"));
    QCOMPARE(window.gantt->barRect(index), before);
}

void TestGanttView::dragsSnapToQuartersWhenZoomedOut()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.gantt->setPixelsPerDay(0.6);
    window.gantt->scrollToDate(QDate(2025, 4, 1));
    QCOMPARE(window.gantt->scale().detailUnit(), TimelineScale::Unit::Quarter);
    const QRect bar = window.gantt->barRect(index);
    const QPoint from(bar.center());
    // Two months' distance is nearer a quarter than nothing: one quarter on.
    drag(window.viewport(), from, from + QPoint(int(61 * 0.6), 0));
    const Timeframe moved = window.model.timeframe(index);
    QCOMPARE(moved.start, QDate(2026, 7, 1));
    QCOMPARE(moved.end, QDate(2027, 6, 30));
}

void TestGanttView::refusesToDragBarsWithoutDates_data()
{
    QTest::addColumn<QString>("timeframe");
    QTest::newRow("open-ended") << QStringLiteral("26/27 onwards");
    QTest::newRow("needs review") << QStringLiteral("2026-2828");
    QTest::newRow("bare ongoing") << QStringLiteral("Ongoing");
}

void TestGanttView::refusesToDragBarsWithoutDates()
{
    QFETCH(QString, timeframe);

    Window window;
    window.add(QStringLiteral("Anchor"), QStringLiteral("2025-2030"));
    const QModelIndex index = window.add(QStringLiteral("Refused"), timeframe);
    QVERIFY(window.show());
    window.gantt->fitPlan();
    QSignalSpy messages(window.gantt, &GanttView::message);
    const QRect bar = window.gantt->barRect(index);
    QVERIFY(!bar.isEmpty());
    const QPoint from(bar.left() + std::min(10, bar.width() / 2), bar.center().y());
    drag(window.viewport(), from, from + QPoint(150, 0));
    QCOMPARE(window.model.dateEdits(), 0);
    QCOMPARE(window.model.timeframe(index).raw, timeframe);
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.constFirst().constFirst().toString().contains(QStringLiteral("“Refused”")));
}

void TestGanttView::showsTheModelsRefusal()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    // The model learns, after the view let the drag start, that the text needs review.
    QStandardItem *item = window.model.itemFromIndex(index);
    Timeframe changed = window.model.timeframe(index);
    changed.needsReview = true;
    item->setData(QVariant::fromValue(changed), PlanRoles::TimeframeRole);
    QSignalSpy messages(window.gantt, &GanttView::message);
    const QRect bar = window.gantt->barRect(index);
    const QPoint from(bar.left() + 60, bar.center().y());
    drag(window.viewport(), from, from + QPoint(2 * monthWidth(window.gantt), 0));
    QCOMPARE(window.model.dateEdits(), 1);
    QCOMPARE(window.model.undoStack().count(), 0);
    QCOMPARE(messages.count(), 1);
    QCOMPARE(messages.constFirst().constFirst().toString(), QStringLiteral("Refused by the model: no dates to move."));
}

void TestGanttView::altArrowsMoveTheCurrentBarByAMonth()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    window.tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    window.gantt->setFocus();
    QTest::keyClick(window.gantt, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window.model.timeframe(index).start, QDate(2026, 5, 1));
    QCOMPARE(window.model.timeframe(index).end, QDate(2027, 4, 30));
    QTest::keyClick(window.gantt, Qt::Key_Left, Qt::AltModifier);
    QTest::keyClick(window.gantt, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(window.model.timeframe(index).start, QDate(2026, 3, 1));
    QCOMPARE(window.model.undoStack().count(), 3); // one step per key
    window.model.undoStack().undo();
    window.model.undoStack().undo();
    window.model.undoStack().undo();
    QCOMPARE(window.model.timeframe(index).raw, QStringLiteral("2026-2027"));
}

void TestGanttView::altShiftArrowsMoveTheEnd()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    QVERIFY(window.show());
    window.showMonths();
    window.tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(window.gantt, Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(window.model.timeframe(index).start, QDate(2026, 4, 1));
    QCOMPARE(window.model.timeframe(index).end, QDate(2027, 4, 30));
    QTest::keyClick(window.gantt, Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    QTest::keyClick(window.gantt, Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(window.model.timeframe(index).end, QDate(2027, 2, 28));
}

void TestGanttView::altArrowsWorkFromTheTree()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2027"));
    const QModelIndex open = window.add(QStringLiteral("Open"), QStringLiteral("26/27 onwards"));
    QVERIFY(window.show());
    window.showMonths();
    window.tree->setFocus();
    window.tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(window.tree, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window.model.timeframe(index).start, QDate(2026, 5, 1));

    QSignalSpy messages(window.gantt, &GanttView::message);
    window.tree->selectionModel()->setCurrentIndex(open, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(window.tree, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(messages.count(), 1);
    QCOMPARE(window.model.timeframe(open).raw, QStringLiteral("26/27 onwards"));
}

void TestGanttView::ctrlWheelZoomsAboutThePointer()
{
    Window window;
    window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2029"));
    QVERIFY(window.show());
    window.gantt->setPixelsPerDay(1.0);
    window.gantt->scrollToDate(QDate(2026, 1, 1));
    const QPoint at(300, 40);
    const QDate under = window.gantt->dateAtX(at.x());
    QSignalSpy zoomed(window.gantt, &GanttView::zoomChanged);
    QWheelEvent wheel(at, window.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(window.viewport(), &wheel);
    QCOMPARE(zoomed.count(), 1);
    QVERIFY(window.gantt->pixelsPerDay() > 1.0);
    QVERIFY(std::abs(window.gantt->dateAtX(at.x()).daysTo(under)) <= 1);
}

void TestGanttView::plusAndMinusZoom()
{
    Window window;
    window.add(QStringLiteral("Urgent care"), QStringLiteral("2026-2029"));
    QVERIFY(window.show());
    window.gantt->setPixelsPerDay(1.0);
    QTest::keyClick(window.gantt, Qt::Key_Plus);
    QVERIFY(window.gantt->pixelsPerDay() > 1.0);
    QTest::keyClick(window.gantt, Qt::Key_Minus);
    QTest::keyClick(window.gantt, Qt::Key_Minus);
    QVERIFY(window.gantt->pixelsPerDay() < 1.0);
}

void TestGanttView::fitPlanShowsEveryDatedRow()
{
    Window window;
    window.add(QStringLiteral("Early"), QStringLiteral("2025 - 2026"));
    window.add(QStringLiteral("Late"), QStringLiteral("2025 - 2033"));
    QVERIFY(window.show());
    window.gantt->setPixelsPerDay(8.0);
    window.gantt->fitPlan();
    QVERIFY(window.gantt->firstVisibleDate() <= QDate(2025, 4, 1));
    QVERIFY(window.gantt->lastVisibleDate() >= QDate(2033, 3, 31));
    QVERIFY(window.gantt->firstVisibleDate() >= QDate(2024, 4, 1)); // and not much more
}

void TestGanttView::todayComesIntoView()
{
    Window window;
    window.add(QStringLiteral("Late"), QStringLiteral("2030/31"));
    QVERIFY(window.show());
    window.gantt->setPixelsPerDay(4.0);
    window.gantt->scrollToDate(QDate(2030, 4, 1));
    QVERIFY(window.gantt->firstVisibleDate() > Today);
    window.gantt->scrollToToday();
    QVERIFY(window.gantt->firstVisibleDate() <= Today && Today <= window.gantt->lastVisibleDate());
}

void TestGanttView::tooltipSaysTitleRawDatesAndFlags()
{
    Window window;
    const QModelIndex index = window.add(QStringLiteral("Stroke <pathway>"),
                                         QStringLiteral("2026-2027 phased and subject to funding"), 0,
                                         {QVariantMap{{QStringLiteral("title"), QStringLiteral("Go live")},
                                                      {QStringLiteral("due"), QDate(2026, 9, 1)},
                                                      {QStringLiteral("done"), false}}});
    QVERIFY(window.show());
    const QString tip = window.gantt->toolTipText(index);
    QVERIFY(tip.contains(QStringLiteral("Stroke &lt;pathway&gt;")));
    QVERIFY(tip.contains(QStringLiteral("2026-2027 phased and subject to funding")));
    QVERIFY(tip.contains(QStringLiteral("Apr 2026 – Mar 2027")));
    QVERIFY(tip.contains(QStringLiteral("subject to funding")));
    QVERIFY(tip.contains(QStringLiteral("phased")));
    QVERIFY(tip.contains(QStringLiteral("Go live")));
    const QString review = window.gantt->toolTipText(window.add(QStringLiteral("Typo"), QStringLiteral("2026-2828")));
    QVERIFY(review.contains(QStringLiteral("end year 2828 is not plausible")));
}

void TestGanttView::rendersBarsWhereTheDatesSay()
{
    Window window;
    const QColor colour(0x00, 0x5E, 0xB8);
    const QModelIndex dated = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026/27"));
    QVERIFY(window.show());
    window.gantt->showRange(QDate(2025, 4, 1), QDate(2029, 3, 31));
    const QImage image = window.viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const int y = window.gantt->rowRect(dated).center().y();
    auto at = [&](QDate date) { return image.pixelColor(QPoint(window.gantt->xForDate(date), y) * ratio); };
    QCOMPARE(at(QDate(2026, 10, 1)), colour);                 // inside the bar
    QVERIFY(at(QDate(2025, 10, 1)) != colour);                // a year before it: background
    QVERIFY(at(QDate(2027, 10, 1)) != colour);                // after it
    // Not blank: the header and the background carry more than one colour.
    QSet<QRgb> colours;
    for (int x = 0; x < image.width(); x += 7)
        colours.insert(image.pixel(x, int(y * ratio)));
    QVERIFY(colours.size() > 3);
}

void TestGanttView::rendersInADarkPalette()
{
    Window window;
    const QModelIndex dated = window.add(QStringLiteral("Urgent care"), QStringLiteral("2026/27"));
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
    dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    dark.setColor(QPalette::Button, QColor(0x2A, 0x2A, 0x2A));
    dark.setColor(QPalette::ButtonText, QColor(0xEE, 0xEE, 0xEE));
    window.gantt->setPalette(dark);
    QVERIFY(window.show());
    window.gantt->showRange(QDate(2025, 4, 1), QDate(2029, 3, 31));
    const QImage image = window.viewport()->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const int y = window.gantt->rowRect(dated).center().y();
    // The background follows the palette (dark), the bar keeps its portfolio colour.
    QVERIFY(image.pixelColor(QPoint(window.gantt->xForDate(QDate(2025, 6, 1)), y) * ratio).lightness() < 80);
    QCOMPARE(image.pixelColor(QPoint(window.gantt->xForDate(QDate(2026, 10, 1)), y) * ratio),
             QColor(0x00, 0x5E, 0xB8));
}

QTEST_MAIN(TestGanttView)
#include "tst_ganttview.moc"
#include "moc_ganttfixture.cpp"
