// The timeline in the window, on a copy of the demo plan: beside the grid with the same rows,
// selection and filters; a dragged bar changes the grid's timeframe and undo puts it back
// exactly; refusals said in the status bar; --export-gantt from the command line (issue 4).
#include "filterbar.h"
#include "ganttview.h"
#include "intentionfilterproxy.h"
#include "intentiongrid.h"
#include "intentiongroupmodel.h"
#include "intentiontablemodel.h"
#include "mainwindow.h"
#include "plancontext.h"
#include "planfixtures.h"
#include "planstores.h"

#include <QApplication>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using Column = IntentionTableModel::Column;

class TestGantt : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ciplanner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gantt"));
    }

    void init()
    {
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        QVERIFY(!m_plan.isEmpty());
    }

    void cleanup() { m_window.reset(); }

    void timelineSitsBesideTheGrid();
    void draggingABarChangesTheGridsTimeframeAndUndoPutsItBack();
    void keyboardEditFromTheGridIsOneUndoStep();
    void refusedDragSaysWhyInTheStatusBar();
    void clickingTheTimelineSelectsTheGridsRow();
    void filteringTheGridFiltersTheTimeline();
    void exportGanttWritesPdfForOnePortfolio();
    void exportGanttWritesPngAndSvg();
    void exportGanttRefusesWhatItCannotDo_data();
    void exportGanttRefusesWhatItCannotDo();

private:
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openPlan(m_plan).isOk());
        m_window->resize(1600, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_grid = m_window->findChild<IntentionGrid *>();
        QVERIFY(m_grid);
        m_gantt = m_window->findChild<GanttView *>(QStringLiteral("ganttView"));
        QVERIFY(m_gantt);
        m_grid->splitter()->setSizes({620, 980}); // room for years on the timeline
        QCoreApplication::processEvents();
    }

    void saveScreenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("CIPLANNER_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }

    // The first intention whose timeframe reads raw.
    Intention intentionWritten(const QString &raw) const
    {
        for (const Intention &intention : m_grid->tableModel()->intentions()) {
            if (intention.timeframe.raw == raw)
                return intention;
        }
        return {};
    }

    // Scrolls the grid to the intention and the timeline to its start; returns its row.
    QModelIndex showIntention(Id id)
    {
        const QModelIndex index = m_grid->groupModel()->indexOfIntention(id, 0);
        m_grid->treeView()->scrollTo(index, QAbstractItemView::PositionAtCenter);
        m_gantt->setPixelsPerDay(3.0);
        const QDate start = index.data(PlanRoles::StartDateRole).toDate();
        m_gantt->scrollToDate((start.isValid() ? start : QDate(2026, 4, 1)).addMonths(-2));
        QCoreApplication::processEvents();
        return index;
    }

    QString gridTimeframe(Id id) const
    {
        return m_grid->groupModel()->indexOfIntention(id, Column::TimeframeColumn).data().toString();
    }

    void drag(QPoint from, QPoint to)
    {
        QWidget *viewport = m_gantt->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        for (int step = 1; step <= 4; ++step) {
            const QPoint at = from + (to - from) * step / 4;
            QMouseEvent move(QEvent::MouseMove, at, viewport->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(viewport, &move);
        }
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    }

    int runPlanner(const QStringList &arguments, QByteArray *output = nullptr)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(CIPLANNER_BINARY), QStringList{QStringLiteral("--plan"), m_plan} + arguments);
        if (!process.waitForFinished(120000))
            return -1;
        if (output)
            *output = process.readAll();
        return process.exitCode();
    }

    QTemporaryDir m_dir;
    QString m_plan;
    std::unique_ptr<MainWindow> m_window;
    IntentionGrid *m_grid = nullptr;
    GanttView *m_gantt = nullptr;
};

void TestGantt::timelineSitsBesideTheGrid()
{
    openWindow();
    QCOMPARE(m_gantt->treeView(), m_grid->treeView());
    QCOMPARE(m_gantt->model(), static_cast<QAbstractItemModel *>(m_grid->groupModel()));
    QVERIFY(m_grid->splitter()->indexOf(m_gantt) >= 0);
    // The same rows at the same height on screen.
    const QList<GanttRow> rows = m_gantt->visibleRows();
    QVERIFY(rows.size() > 10);
    for (const GanttRow &row : rows) {
        const QRect treeRow = m_grid->treeView()->visualRect(row.index.siblingAtColumn(Column::TitleColumn));
        QCOMPARE(m_gantt->viewport()->mapToGlobal(row.rect.topLeft()).y(),
                 m_grid->treeView()->viewport()->mapToGlobal(treeRow.topLeft()).y());
    }
    // The plan's notice date is drawn: 30 September of the year before the planning year.
    QCOMPARE(m_gantt->noticeDate(), QDate(2025, 9, 30));
    saveScreenshot(QStringLiteral("gantt-years.png"));
}

void TestGantt::draggingABarChangesTheGridsTimeframeAndUndoPutsItBack()
{
    openWindow();
    const Intention before = intentionWritten(QStringLiteral("2026-2029"));
    QVERIFY(before.id);
    const QModelIndex index = showIntention(before.id);
    const QRect bar = m_gantt->barRect(index);
    QVERIFY(!bar.isEmpty());
    QUndoStack *undo = m_window->context()->undoStack();
    const int steps = undo->count();

    const QPoint from(bar.left() + 40, bar.center().y());
    drag(from, from + QPoint(int(3 * 30.44 * m_gantt->pixelsPerDay()), 0)); // three months on
    saveScreenshot(QStringLiteral("gantt-months.png"));

    QCOMPARE(undo->count(), steps + 1);
    const auto moved = m_window->context()->stores().intentions().get(before.id);
    QVERIFY(moved.isOk());
    QCOMPARE(moved.value().timeframe.start, QDate(2026, 7, 1));
    QCOMPARE(moved.value().timeframe.end, QDate(2029, 6, 30));
    QCOMPARE(moved.value().timeframe.raw, QStringLiteral("July 2026 – June 2029"));
    QCOMPARE(gridTimeframe(before.id), QStringLiteral("July 2026 – June 2029"));

    undo->undo();
    const auto restored = m_window->context()->stores().intentions().get(before.id);
    QVERIFY(restored.isOk());
    QCOMPARE(restored.value(), before); // exactly: raw text, dates, flags and last-changed time
    QCOMPARE(gridTimeframe(before.id), QStringLiteral("2026-2029"));
    undo->redo();
    QCOMPARE(gridTimeframe(before.id), QStringLiteral("July 2026 – June 2029"));
}

void TestGantt::keyboardEditFromTheGridIsOneUndoStep()
{
    openWindow();
    const Intention before = intentionWritten(QStringLiteral("2026/27"));
    QVERIFY(before.id);
    const QModelIndex index = showIntention(before.id);
    QTreeView *tree = m_grid->treeView();
    tree->setFocus();
    tree->selectionModel()->setCurrentIndex(index.siblingAtColumn(Column::TitleColumn),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const int steps = m_window->context()->undoStack()->count();
    QTest::keyClick(tree, Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier); // the end a month later
    QCOMPARE(m_window->context()->undoStack()->count(), steps + 1);
    QCOMPARE(gridTimeframe(before.id), QStringLiteral("April 2026 – April 2027"));
    m_window->context()->undoStack()->undo();
    QCOMPARE(gridTimeframe(before.id), QStringLiteral("2026/27"));
}

void TestGantt::refusedDragSaysWhyInTheStatusBar()
{
    openWindow();
    const Intention open = intentionWritten(QStringLiteral("2026-2027 and ongoing"));
    QVERIFY(open.id);
    const QModelIndex index = showIntention(open.id);
    const QRect bar = m_gantt->barRect(index);
    QVERIFY(!bar.isEmpty());
    const int steps = m_window->context()->undoStack()->count();
    const QPoint from(bar.left() + 10, bar.center().y());
    drag(from, from + QPoint(200, 0));
    QCOMPARE(m_window->context()->undoStack()->count(), steps);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("cannot be dragged")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(gridTimeframe(open.id), QStringLiteral("2026-2027 and ongoing"));
}

void TestGantt::clickingTheTimelineSelectsTheGridsRow()
{
    openWindow();
    const Intention target = intentionWritten(QStringLiteral("2027/28"));
    QVERIFY(target.id);
    const QModelIndex index = showIntention(target.id);
    const QRect row = m_gantt->rowRect(index);
    QVERIFY(!row.isEmpty());
    QTest::mouseClick(m_gantt->viewport(), Qt::LeftButton, {}, QPoint(4, row.center().y()));
    QCOMPARE(m_grid->currentId(), target.id);
    QCOMPARE(m_grid->selectedIds(), QList<Id>{target.id});
}

void TestGantt::filteringTheGridFiltersTheTimeline()
{
    openWindow();
    const Portfolio planned = [this] {
        for (const Portfolio &portfolio : m_grid->tableModel()->portfolios()) {
            if (portfolio.name == QLatin1String("Planned Care"))
                return portfolio;
        }
        return Portfolio{};
    }();
    QVERIFY(planned.id);
    IntentionFilterProxy::Filter filter;
    filter.portfolioIds = {planned.id};
    m_grid->filterBar()->setFilter(filter); // as the user chooses it
    QCOMPARE(m_grid->filterProxy()->filter().portfolioIds, QList<Id>{planned.id});
    m_grid->treeView()->expandAll();
    QCoreApplication::processEvents();
    const QList<GanttRow> rows = m_gantt->visibleRows();
    QVERIFY(!rows.isEmpty());
    for (const GanttRow &row : rows)
        QCOMPARE(row.index.data(PlanRoles::PortfolioIdRole).value<Id>(), planned.id);
    m_gantt->fitPlan();
    saveScreenshot(QStringLiteral("gantt-filtered.png"));
}

void TestGantt::exportGanttWritesPdfForOnePortfolio()
{
    const QString pdf = m_dir.filePath(QStringLiteral("timeline.pdf"));
    QByteArray output;
    QCOMPARE(runPlanner({QStringLiteral("--export-gantt"), pdf, QStringLiteral("--portfolio"),
                         QStringLiteral("planned care"), QStringLiteral("--from"), QStringLiteral("2026/27"),
                         QStringLiteral("--to"), QStringLiteral("2030/31")},
                        &output),
             0);
    QVERIFY2(output.contains("2026-04-01 to 2031-03-31"), output.constData());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY(bytes.contains("/Type /Page"));
}

void TestGantt::exportGanttWritesPngAndSvg()
{
    const QString png = m_dir.filePath(QStringLiteral("timeline.png"));
    const QString svg = m_dir.filePath(QStringLiteral("timeline.svg"));
    QCOMPARE(runPlanner({QStringLiteral("--export-gantt"), png}), 0);
    QCOMPARE(runPlanner({QStringLiteral("--export-gantt"), svg, QStringLiteral("--portfolio"),
                         QStringLiteral("Planned Care")}),
             0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.height() > 145 * 20); // every intention's row, and the groups'
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QStringLiteral("Planned Care")));
    QVERIFY(!text.contains(QStringLiteral("Maternity and Neonatal")));
}

void TestGantt::exportGanttRefusesWhatItCannotDo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");

    QTest::newRow("unknown suffix") << QStringList{QStringLiteral("--export-gantt"), QStringLiteral("x.docx")}
                                    << QByteArray(".png, .svg or .pdf");
    QTest::newRow("unknown portfolio")
        << QStringList{QStringLiteral("--export-gantt"), QStringLiteral("x.pdf"), QStringLiteral("--portfolio"),
                       QStringLiteral("Nowhere")}
        << QByteArray("no portfolio");
    QTest::newRow("not a financial year")
        << QStringList{QStringLiteral("--export-gantt"), QStringLiteral("x.pdf"), QStringLiteral("--from"),
                       QStringLiteral("2026")}
        << QByteArray("financial year");
    QTest::newRow("to before from")
        << QStringList{QStringLiteral("--export-gantt"), QStringLiteral("x.pdf"), QStringLiteral("--from"),
                       QStringLiteral("2028/29"), QStringLiteral("--to"), QStringLiteral("2026/27")}
        << QByteArray("before --from");
}

void TestGantt::exportGanttRefusesWhatItCannotDo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);

    QByteArray output;
    QCOMPARE(runPlanner(arguments, &output), 64);
    QVERIFY2(output.contains(says), output.constData());
}

QTEST_MAIN(TestGantt)
#include "tst_gantt.moc"
