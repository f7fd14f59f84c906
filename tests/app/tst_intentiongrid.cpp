// The Intentions workspace in the window, on a copy of the demo plan, driven offscreen the way a
// commissioning manager uses it: filter, edit with the keyboard, tick shifts, undo, paste from a
// spreadsheet, delete, restart.
#include "bulkeditdialog.h"
#include "csvreader.h"
#include "filterbar.h"
#include "historydialog.h"
#include "intentiondelegate.h"
#include "intentionfilterproxy.h"
#include "intentiongrid.h"
#include "intentionsfeature.h"
#include "intentiontablemodel.h"
#include "mainwindow.h"
#include "plancontext.h"
#include "planfixtures.h"
#include "planroles.h"
#include "planstores.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <functional>
#include <memory>

using Column = IntentionTableModel::Column;

namespace {

// Runs answer on the next modal dialog as soon as it shows (QMessageBox::exec and QDialog::exec
// block the test until it is answered).
void whenModalShows(const std::function<void(QWidget *)> &answer)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            answer(modal);
        }
    });
    timer->start();
}

} // namespace

class TestIntentionGrid : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ciplanner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_intentiongrid"));
    }

    void init()
    {
        QSettings().clear(); // column layout and grouping start from the defaults in every test
        QVERIFY(m_dir.isValid());
        m_plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        QVERIFY(!m_plan.isEmpty());
        openWindow();
    }

    void cleanup()
    {
        m_window.reset();
        QFile::remove(m_plan);
    }

    void theIntentionsTabComesFirstAndShowsEveryIntention()
    {
        QCOMPARE(m_window->workspaces()->tabText(0), QStringLiteral("Intentions"));
        QCOMPARE(m_window->workspaces()->currentWidget(), m_grid);
        QCOMPARE(m_grid->countsText(), QStringLiteral("145 of 145 intentions"));
        auto *counts = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("intentionCountsLabel"));
        QVERIFY(counts);
        QCOMPARE(counts->text(), QStringLiteral("145 of 145 intentions"));
        // Grouped by portfolio and programme area: twelve portfolios have intentions.
        QCOMPARE(m_grid->groupModel()->rowCount(), 12);
        QCOMPARE(m_grid->shownIds().size(), 145);
    }

    void typingIntoTheFilterNarrowsTheCount()
    {
        QLineEdit *search = m_grid->filterBar()->searchEdit();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("maternity"));
        const int shown = m_grid->filterProxy()->rowCount();
        QVERIFY(shown > 0 && shown < 145);
        QCOMPARE(m_grid->countsText(), QStringLiteral("%1 of 145 intentions").arg(shown));
        for (const Id id : m_grid->shownIds()) {
            const int row = m_grid->tableModel()->rowOf(id);
            QVERIFY(m_grid->tableModel()->searchText(row).contains(QLatin1String("maternity")));
        }
        // One more letter that matches nothing, then clearing shows everything again.
        QTest::keyClicks(search, QStringLiteral("zzz"));
        QCOMPARE(m_grid->countsText(), QStringLiteral("0 of 145 intentions"));
        QTest::mouseClick(m_grid->filterBar()->clearButton(), Qt::LeftButton);
        QCOMPARE(m_grid->countsText(), QStringLiteral("145 of 145 intentions"));
    }

    void filtersCombine()
    {
        FilterBar *bar = m_grid->filterBar();
        const int maternity = bar->portfolioBox()->findText(QStringLiteral("Maternity and Neonatal"));
        QVERIFY(maternity > 0);
        bar->portfolioBox()->setCurrentIndex(maternity);
        QCOMPARE(m_grid->countsText(), QStringLiteral("10 of 145 intentions"));
        bar->needsReviewBox()->setChecked(true);
        QCOMPARE(m_grid->countsText(), QStringLiteral("1 of 145 intentions")); // "2026=2027"
        QVERIFY(bar->clearButton()->isEnabled());
    }

    void editingACellWithTheKeyboardChangesThePlan()
    {
        const Id id = m_grid->shownIds().constFirst();
        focusCell(id, Column::TitleColumn);
        QTest::keyClick(m_grid->treeView(), Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Renamed from the keyboard"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(stored(id).title, QStringLiteral("Renamed from the keyboard"));

        // Typing into a cell without F2 replaces what is there.
        focusCell(id, Column::LeadColumn);
        QTest::keyClick(m_grid->treeView(), 'J');
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ane Doe"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(stored(id).lead, QStringLiteral("Jane Doe"));
    }

    void aRefusedEditSaysWhyAtTheCellAndKeepsTheValue()
    {
        const Id id = m_grid->shownIds().constFirst();
        const QString title = stored(id).title;
        const int steps = undoStack()->count();
        focusCell(id, Column::TitleColumn);
        QTest::keyClick(m_grid->treeView(), Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->clear();
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!m_grid->lastMessage().isEmpty());
        QVERIFY2(m_grid->lastMessage().contains(QLatin1String("title"), Qt::CaseInsensitive),
                 qPrintable(m_grid->lastMessage()));
        QCOMPARE(m_window->statusBar()->currentMessage(), m_grid->lastMessage());
        QCOMPARE(stored(id).title, title);
        QCOMPARE(undoStack()->count(), steps);
    }

    void editingTheTimeframeShowsWhatItReadsAndStoresTheFlag()
    {
        const Id id = m_grid->shownIds().constFirst();
        focusCell(id, Column::TimeframeColumn);
        QTest::keyClick(m_grid->treeView(), Qt::Key_F2);
        auto *editor = m_grid->treeView()->viewport()->findChild<TimeframeEditor *>();
        QVERIFY(editor);
        editor->lineEdit()->selectAll();
        QTest::keyClicks(editor->lineEdit(), QStringLiteral("2027-28 subject to funding"));
        QVERIFY(editor->resultLabel()->text().contains(QStringLiteral("Apr 2027 – Mar 2028")));
        QVERIFY(editor->resultLabel()->text().contains(QLatin1String("subject to funding")));
        QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
        QTRY_COMPARE(stored(id).timeframe.raw, QStringLiteral("2027-28 subject to funding"));
        QCOMPARE(stored(id).timeframe.start, QDate(2027, 4, 1));
        QVERIFY(stored(id).timeframe.flags.testFlag(Timeframe::SubjectToFunding));
    }

    void spaceAndAClickToggleAShiftTagAndUndoPutsItBack()
    {
        const Id id = m_grid->shownIds().constFirst();
        const bool before = stored(id).shiftCommunity;
        focusCell(id, Column::CommunityColumn);
        QTest::keyClick(m_grid->treeView(), Qt::Key_Space);
        QCOMPARE(stored(id).shiftCommunity, !before);
        QTest::keyClick(m_grid->treeView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(id).shiftCommunity, before);

        const QModelIndex cell = m_grid->groupModel()->indexOfIntention(id, Column::DigitalColumn);
        const bool digital = stored(id).shiftDigital;
        m_grid->treeView()->scrollTo(cell); // the timeline beside the grid may hide the column
        QTest::mouseClick(m_grid->treeView()->viewport(), Qt::LeftButton, {},
                          m_grid->treeView()->visualRect(cell).center());
        QCOMPARE(stored(id).shiftDigital, !digital);
        QCOMPARE(cell.data(Qt::CheckStateRole).toInt() == Qt::Checked, !digital);
        QTest::keyClick(m_grid->treeView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored(id).shiftDigital, digital);
    }

    void spaceOnSeveralSelectedTagsTicksThemAllInOneStep()
    {
        const QList<Id> ids = m_grid->shownIds().mid(0, 3); // the first maternity rows: untagged
        for (const Id id : ids)
            QVERIFY(!stored(id).shiftPrevention);
        m_grid->selectIntentions(ids, Column::PreventionColumn);
        m_grid->treeView()->setFocus();
        const int steps = undoStack()->count();
        QTest::keyClick(m_grid->treeView(), Qt::Key_Space);
        for (const Id id : ids)
            QVERIFY(stored(id).shiftPrevention);
        QCOMPARE(undoStack()->count(), steps + 1);
    }

    void pastingABlockFromASpreadsheetChangesEveryCellInOneStep()
    {
        const QList<Id> ids = m_grid->shownIds().mid(0, 2);
        const QString text = stored(ids.at(0)).text;
        focusCell(ids.at(0), Column::TitleColumn);
        const int steps = undoStack()->count();
        // Title and Timeframe as Excel copies them; the intention text between them is hidden.
        QGuiApplication::clipboard()->setText(QStringLiteral("Pasted one\t2027/28\r\nPasted two\tOngoing\r\n"));
        QTest::keyClick(m_grid->treeView(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(stored(ids.at(0)).title, QStringLiteral("Pasted one"));
        QCOMPARE(stored(ids.at(0)).timeframe.raw, QStringLiteral("2027/28"));
        QCOMPARE(stored(ids.at(1)).title, QStringLiteral("Pasted two"));
        QCOMPARE(stored(ids.at(1)).timeframe.raw, QStringLiteral("Ongoing"));
        QCOMPARE(stored(ids.at(0)).text, text); // the hidden column kept its value
        QCOMPARE(undoStack()->count(), steps + 1);
        QTest::keyClick(m_grid->treeView(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(stored(ids.at(0)).title != QStringLiteral("Pasted one"));
        QVERIFY(stored(ids.at(1)).title != QStringLiteral("Pasted two"));
    }

    void aBadPasteIsRefusedWithItsRowAndColumnAndChangesNothing()
    {
        const QList<Id> ids = m_grid->shownIds().mid(0, 2);
        const Intention first = stored(ids.at(0));
        const Intention second = stored(ids.at(1));
        focusCell(ids.at(0), Column::StatusColumn);
        const int steps = undoStack()->count();
        QGuiApplication::clipboard()->setText(QStringLiteral("Agreed\r\nSometime soon\r\n"));
        QTest::keyClick(m_grid->treeView(), Qt::Key_V, Qt::ControlModifier);
        const QString message = m_grid->lastMessage();
        QVERIFY2(message.contains(QLatin1String("row 2"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Status")), qPrintable(message));
        QCOMPARE(stored(ids.at(0)), first); // not even the good first row
        QCOMPARE(stored(ids.at(1)), second);
        QCOMPARE(undoStack()->count(), steps);
    }

    void copyPutsTabSeparatedTextAndAnHtmlTableOnTheClipboard()
    {
        const QList<Id> ids = m_grid->shownIds().mid(0, 2);
        QItemSelection selection;
        for (const Id id : ids) {
            selection.select(m_grid->groupModel()->indexOfIntention(id, Column::TitleColumn),
                             m_grid->groupModel()->indexOfIntention(id, Column::TimeframeColumn));
        }
        m_grid->treeView()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
        m_grid->treeView()->setFocus();
        QTest::keyClick(m_grid->treeView(), Qt::Key_C, Qt::ControlModifier);
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime->hasHtml());
        const QString expected = QStringLiteral("%1\t%2\r\n%3\t%4\r\n")
                                     .arg(stored(ids.at(0)).title, stored(ids.at(0)).timeframe.raw,
                                          stored(ids.at(1)).title, stored(ids.at(1)).timeframe.raw);
        QCOMPARE(mime->text(), expected); // the hidden text column is not copied
    }

    void deletingAsksNamingTheTitlesAndThenDeletes()
    {
        const QList<Id> ids = m_grid->shownIds().mid(0, 2);
        const QString first = stored(ids.at(0)).title;
        const QString second = stored(ids.at(1)).title;
        m_grid->selectIntentions(ids, Column::TitleColumn);
        QString asked;
        whenModalShows([&asked](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            asked = box->text() + QLatin1Char('\n') + box->informativeText();
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
            }
        });
        m_grid->actionFor(IntentionGrid::Action::Delete)->trigger();
        QVERIFY(asked.contains(QLatin1String("2 intentions")));
        QVERIFY(asked.contains(first));
        QVERIFY(asked.contains(second));
        for (const Id id : ids)
            QVERIFY(!m_window->context()->stores().intentions().get(id).isOk());
        QCOMPARE(m_grid->countsText(), QStringLiteral("143 of 143 intentions"));
        // and undo brings both back
        undoStack()->undo();
        QCOMPARE(stored(ids.at(0)).title, first);
        QCOMPARE(m_grid->countsText(), QStringLiteral("145 of 145 intentions"));
    }

    void cancellingTheDeleteKeepsEverything()
    {
        const QList<Id> ids = m_grid->shownIds().mid(0, 1);
        m_grid->selectIntentions(ids, Column::TitleColumn);
        whenModalShows([](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            box->button(QMessageBox::Cancel)->click();
        });
        m_grid->actionFor(IntentionGrid::Action::Delete)->trigger();
        QVERIFY(m_window->context()->stores().intentions().get(ids.constFirst()).isOk());
        QCOMPARE(m_grid->countsText(), QStringLiteral("145 of 145 intentions"));
    }

    void addingAnIntentionOpensItsTitleForTyping()
    {
        const Id near = m_grid->shownIds().constFirst();
        focusCell(near, Column::StatusColumn);
        m_grid->actionFor(IntentionGrid::Action::Add)->trigger();
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Commission a new pathway"));
        QTest::keyClick(editor, Qt::Key_Return);
        const Id added = m_grid->currentId();
        QVERIFY(added != near);
        QTRY_COMPARE(stored(added).title, QStringLiteral("Commission a new pathway"));
        QCOMPARE(stored(added).portfolioId, stored(near).portfolioId); // where the user was
        QCOMPARE(m_grid->countsText(), QStringLiteral("146 of 146 intentions"));
    }

    void bulkEditSetsTheStatusOfEverySelectedIntentionInOneStep()
    {
        const QList<Id> ids = m_grid->shownIds().mid(2, 3);
        m_grid->selectIntentions(ids, Column::TitleColumn);
        const int steps = undoStack()->count();
        whenModalShows([](QWidget *modal) {
            auto *dialog = qobject_cast<BulkEditDialog *>(modal);
            QVERIFY(dialog);
            dialog->statusBox()->setCurrentIndex(dialog->statusBox()->findData(int(IntentionStatus::Agreed)));
            dialog->statusCheck()->setChecked(true);
            dialog->shiftBox(Shift::AnalogueToDigital)->setCurrentIndex(BulkEditDialog::TagShift);
            dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        });
        m_grid->actionFor(IntentionGrid::Action::BulkEdit)->trigger();
        for (const Id id : ids) {
            QCOMPARE(stored(id).status, IntentionStatus::Agreed);
            QVERIFY(stored(id).shiftDigital);
        }
        QCOMPARE(undoStack()->count(), steps + 1);
        undoStack()->undo();
        for (const Id id : ids)
            QCOMPARE(stored(id).status, IntentionStatus::Proposed);
    }

    void theHistoryShowsWhoChangedWhatFromWhatToWhat()
    {
        const Id id = m_grid->shownIds().constFirst();
        const QString before = stored(id).title;
        QVERIFY(m_grid->groupModel()->setData(m_grid->groupModel()->indexOfIntention(id, Column::TitleColumn),
                                              QStringLiteral("A clearer title")));
        focusCell(id, Column::TitleColumn);
        m_grid->actionFor(IntentionGrid::Action::History)->trigger();
        auto *dialog = m_grid->findChild<HistoryDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->heading().contains(QLatin1String("A clearer title")));
        QTreeWidgetItem *newest = dialog->table()->topLevelItem(0);
        QVERIFY(newest);
        QCOMPARE(newest->text(HistoryDialog::FieldColumn), QStringLiteral("Title"));
        QCOMPARE(newest->text(HistoryDialog::OldColumn), before.simplified());
        QCOMPARE(newest->text(HistoryDialog::NewColumn), QStringLiteral("A clearer title"));
        QVERIFY(!newest->text(HistoryDialog::WhoColumn).isEmpty());
        dialog->close();
    }

    void groupingCanBeByPortfolioOrNothing()
    {
        m_window->findChild<QAction *>(QStringLiteral("groupBy1"))->trigger(); // portfolio only
        QCOMPARE(m_grid->groupModel()->rowCount(), 12);
        const QModelIndex maternity = m_grid->groupModel()->index(0, 0);
        QCOMPARE(m_grid->groupModel()->rowCount(maternity), 10);
        QVERIFY(!m_grid->groupModel()->isGroup(m_grid->groupModel()->index(0, 0, maternity)));
        m_window->findChild<QAction *>(QStringLiteral("groupBy0"))->trigger(); // a flat list
        QCOMPARE(m_grid->groupModel()->rowCount(), 145);
    }

    void aFoldedGroupStaysFoldedWhileFiltering()
    {
        QTreeView *tree = m_grid->treeView();
        const QModelIndex maternity = m_grid->groupModel()->index(0, 0);
        tree->collapse(maternity);
        QTest::keyClicks(m_grid->filterBar()->searchEdit(), QStringLiteral("commission"));
        QVERIFY(!tree->isExpanded(m_grid->groupModel()->index(0, 0)));
        QVERIFY(tree->isExpanded(m_grid->groupModel()->index(1, 0)));
    }

    void sortingByAColumnOrdersEveryRow()
    {
        m_window->findChild<QAction *>(QStringLiteral("groupBy0"))->trigger();
        m_grid->treeView()->header()->setSortIndicator(Column::DatesColumn, Qt::DescendingOrder);
        QDate previous(9999, 1, 1);
        int withDates = 0;
        for (const Id id : m_grid->shownIds()) {
            const QDate start = stored(id).timeframe.start;
            if (!start.isValid())
                continue; // undated rows sort last
            QVERIFY(start <= previous);
            previous = start;
            ++withDates;
        }
        QVERIFY(withDates > 100);
    }

    void theColumnLayoutIsKeptForTheNextSession()
    {
        QHeaderView *header = m_grid->treeView()->header();
        header->setSectionHidden(Column::LeadColumn, true);
        header->moveSection(header->visualIndex(Column::StatusColumn), 1);
        header->resizeSection(Column::TitleColumn, 411);
        m_window.reset();
        openWindow();
        header = m_grid->treeView()->header();
        QVERIFY(header->isSectionHidden(Column::LeadColumn));
        QCOMPARE(header->visualIndex(Column::StatusColumn), 1);
        QCOMPARE(header->sectionSize(Column::TitleColumn), 411);
    }

    void editsAreThereAfterARestart()
    {
        const Id id = m_grid->shownIds().at(4);
        QVERIFY(m_grid->groupModel()->setData(m_grid->groupModel()->indexOfIntention(id, Column::LeadColumn),
                                              QStringLiteral("Director of Planned Care")));
        QVERIFY(m_grid->groupModel()->setData(m_grid->groupModel()->indexOfIntention(id, Column::StatusColumn),
                                              int(IntentionStatus::InDelivery)));
        m_window.reset(); // closes the plan
        openWindow();
        const int row = m_grid->tableModel()->rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(m_grid->tableModel()->intention(row).lead, QStringLiteral("Director of Planned Care"));
        QCOMPARE(m_grid->tableModel()->intention(row).status, IntentionStatus::InDelivery);
    }

    void exportingTheViewWritesTheRowsTheFiltersShow()
    {
        FilterBar *bar = m_grid->filterBar();
        bar->portfolioBox()->setCurrentIndex(bar->portfolioBox()->findText(QStringLiteral("Maternity and Neonatal")));
        const QString path = QDir(m_dir.path()).filePath(QStringLiteral("maternity.csv"));
        QVERIFY(exportIntentionView(*m_grid, path).isOk());
        const auto csv = CsvReader::readFile(path);
        QVERIFY2(csv.isOk(), qPrintable(csv.error()));
        QCOMPARE(csv.value().rows.size(), 10);
        const int portfolio = csv.value().column(u"Portfolio");
        const int start = csv.value().column(u"Start");
        const int community = csv.value().column(u"Hospital → community");
        QVERIFY(portfolio >= 0 && start >= 0 && community >= 0);
        for (const QStringList &row : csv.value().rows) {
            QCOMPARE(row.at(portfolio), QStringLiteral("Maternity and Neonatal"));
            QVERIFY(row.at(community).isEmpty() || row.at(community) == QLatin1String("Y"));
        }
        QCOMPARE(csv.value().rows.constFirst().at(start), QStringLiteral("2026-04-01"));
    }

    // With CIPLANNER_SCREENSHOT_DIR set, the next two save pictures for the documentation.
    void aFilteredViewShowsItsCountInTheStatusBar()
    {
        m_window->resize(1500, 820);
        FilterBar *bar = m_grid->filterBar();
        QTest::keyClicks(bar->searchEdit(), QStringLiteral("digital"));
        bar->shiftBox(Shift::AnalogueToDigital)->setCurrentIndex(1); // tagged
        const int shown = m_grid->filterProxy()->rowCount();
        QVERIFY(shown > 0 && shown < 145);
        auto *counts = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("intentionCountsLabel"));
        QCOMPARE(counts->text(), QStringLiteral("%1 of 145 intentions").arg(shown));
        for (const Id id : m_grid->shownIds())
            QVERIFY(stored(id).shiftDigital);
        saveScreenshot(QStringLiteral("grid-filtered.png"));
    }

    void theTimeframeEditorOpenInTheWindow()
    {
        m_window->resize(1500, 820);
        const Id id = m_grid->shownIds().at(8); // the "2026=2027" typo in Maternity
        focusCell(id, Column::TimeframeColumn);
        QTest::keyClick(m_grid->treeView(), Qt::Key_F2);
        auto *editor = m_grid->treeView()->viewport()->findChild<TimeframeEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("2026=2027"));
        QVERIFY(editor->resultNeedsReview());
        QVERIFY(editor->resultLabel()->text().startsWith(QStringLiteral("→ needs review: ")));
        saveScreenshot(QStringLiteral("grid-editing-timeframe.png"));
        editor->lineEdit()->selectAll();
        QTest::keyClicks(editor->lineEdit(), QStringLiteral("2026-2027 phased"));
        QVERIFY(!editor->resultNeedsReview());
        QVERIFY(editor->resultLabel()->text().contains(QLatin1String("phased")));
    }

private:
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openPlan(m_plan).isOk());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QApplication::setActiveWindow(m_window.get());
        m_grid = m_window->findChild<IntentionGrid *>();
        QVERIFY(m_grid);
        QVERIFY(m_grid->tableModel());
    }

    void saveScreenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("CIPLANNER_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
    }

    void focusCell(Id id, int column)
    {
        QTreeView *tree = m_grid->treeView();
        const QModelIndex index = m_grid->groupModel()->indexOfIntention(id, column);
        QVERIFY(index.isValid());
        tree->setFocus();
        tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        tree->scrollTo(index);
    }

    Intention stored(Id id) const
    {
        const auto intention = m_window->context()->stores().intentions().get(id);
        return intention ? intention.value() : Intention{};
    }

    QUndoStack *undoStack() const { return m_window->context()->undoStack(); }

    QTemporaryDir m_dir;
    QString m_plan;
    std::unique_ptr<MainWindow> m_window;
    IntentionGrid *m_grid = nullptr;
};

QTEST_MAIN(TestIntentionGrid)
#include "tst_intentiongrid.moc"
