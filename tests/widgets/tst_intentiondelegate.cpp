// The grid's cell editors, driven with the keyboard and mouse in a real view.
#include "intentiondelegate.h"
#include "plancolours.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

namespace {

enum Column { ChoiceColumn, TimeframeColumn, CheckColumn, PlacesColumn, TextColumn, ReadOnlyColumn, TitleColumn, ColumnCount };

// Counts the writes that reach the model, so "nothing changed" can be seen.
class CountingModel : public QStandardItemModel
{
public:
    using QStandardItemModel::QStandardItemModel;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override
    {
        ++writes;
        return QStandardItemModel::setData(index, value, role);
    }
    int writes = 0;
};

QList<EditorOption> portfolios(const QModelIndex &)
{
    return {{QStringLiteral("Maternity and Neonatal"), qint64(1), QColor(Qt::red)},
            {QStringLiteral("Planned Care"), qint64(2), QColor(Qt::blue)},
            {QStringLiteral("Primary Care"), qint64(3), QColor(Qt::green)}};
}

QList<EditorOption> places(const QModelIndex &)
{
    return {{QStringLiteral("Barking & Dagenham"), qint64(1), {}}, {QStringLiteral("City & Hackney"), qint64(2), {}},
            {QStringLiteral("Havering"), qint64(3), {}},           {QStringLiteral("Newham"), qint64(4), {}},
            {QStringLiteral("Redbridge"), qint64(5), {}},          {QStringLiteral("Tower Hamlets"), qint64(6), {}}};
}

} // namespace

class TestIntentionDelegate : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_window = new QWidget;
        auto *layout = new QVBoxLayout(m_window);
        m_outside = new QLineEdit(m_window);
        m_view = new QTableView(m_window);
        layout->addWidget(m_outside);
        layout->addWidget(m_view);
        m_model = new CountingModel(0, ColumnCount, m_view);
        new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_model);
        for (int row = 0; row < 3; ++row) {
            QList<QStandardItem *> items;
            for (int column = 0; column < ColumnCount; ++column)
                items << new QStandardItem;
            items[ChoiceColumn]->setData(qint64(2), Qt::EditRole);
            items[TimeframeColumn]->setData(QStringLiteral("2026-2027"), Qt::EditRole);
            items[CheckColumn]->setCheckable(true);
            items[CheckColumn]->setEditable(false);
            items[CheckColumn]->setCheckState(Qt::Unchecked);
            items[PlacesColumn]->setData(QVariantList{qint64(2)}, Qt::EditRole);
            items[TextColumn]->setData(QStringLiteral("First line"), Qt::EditRole);
            items[ReadOnlyColumn]->setText(QStringLiteral("Apr 2026 – Mar 2027"));
            items[ReadOnlyColumn]->setEditable(false);
            items[TitleColumn]->setText(QStringLiteral("Title %1").arg(row));
            m_model->appendRow(items);
        }
        m_model->writes = 0;
        m_delegate = new IntentionDelegate(m_view);
        m_delegate->setColumnEditor(ChoiceColumn, IntentionDelegate::Editor::Choice, portfolios);
        m_delegate->setColumnEditor(TimeframeColumn, IntentionDelegate::Editor::Timeframe);
        m_delegate->setColumnEditor(CheckColumn, IntentionDelegate::Editor::Check, {},
                                    PlanColours::shift(Shift::HospitalToCommunity));
        m_delegate->setColumnEditor(PlacesColumn, IntentionDelegate::Editor::MultiSelect, places);
        m_delegate->setColumnEditor(TextColumn, IntentionDelegate::Editor::LongText);
        m_view->setItemDelegate(m_delegate);
        m_view->setModel(m_model);
        m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                | QAbstractItemView::AnyKeyPressed);
        for (int column = 0; column < ColumnCount; ++column)
            m_view->setColumnWidth(column, 110);
        m_window->resize(900, 500);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QApplication::setActiveWindow(m_window);
        m_view->setFocus();
    }

    void cleanup()
    {
        delete m_window;
        m_window = nullptr;
    }

    void dispatchesOnTheColumnKindAndOnTheItem()
    {
        QCOMPARE(m_delegate->editorFor(m_model->index(0, ChoiceColumn)), IntentionDelegate::Editor::Choice);
        QCOMPARE(m_delegate->editorFor(m_model->index(0, CheckColumn)), IntentionDelegate::Editor::Check);
        QCOMPARE(m_delegate->editorFor(m_model->index(0, ReadOnlyColumn)), IntentionDelegate::Editor::ReadOnly);
        QCOMPARE(m_delegate->editorFor(m_model->index(0, TitleColumn)), IntentionDelegate::Editor::Default);

        // A column nobody described: a checkable item is a check box, a list a multi-select.
        IntentionDelegate plain;
        QCOMPARE(plain.editorFor(m_model->index(0, CheckColumn)), IntentionDelegate::Editor::Check);
        QCOMPARE(plain.editorFor(m_model->index(0, PlacesColumn)), IntentionDelegate::Editor::MultiSelect);
        QCOMPARE(plain.editorFor(m_model->index(0, ReadOnlyColumn)), IntentionDelegate::Editor::ReadOnly);
    }

    void aClickAnywhereInACheckCellTogglesIt()
    {
        const QModelIndex index = m_model->index(1, CheckColumn);
        const QRect rect = m_view->visualRect(index);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rect.topLeft() + QPoint(3, 3));
        QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(m_model->writes, 2);
    }

    void spaceTogglesTheCurrentCheckCell()
    {
        const QModelIndex index = m_model->index(2, CheckColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_Space);
        QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QTest::keyClick(m_view, Qt::Key_Space);
        QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(!m_view->indexWidget(index)); // no editor was opened
    }

    void aDragThatEndsOnACheckCellDoesNotToggleIt()
    {
        const QModelIndex start = m_model->index(0, TitleColumn);
        const QModelIndex check = m_model->index(0, CheckColumn);
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, m_view->visualRect(start).center());
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, m_view->visualRect(check).center());
        QCOMPARE(check.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(m_model->writes, 0);
    }

    void aChoiceEditorOffersTheOptionsAndWritesTheChosenValue()
    {
        const QModelIndex index = m_model->index(0, ChoiceColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *combo = m_view->viewport()->findChild<QComboBox *>(QStringLiteral("choiceEditor"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        QCOMPARE(combo->currentText(), QStringLiteral("Planned Care")); // the stored id 2
        QVERIFY(!combo->itemIcon(0).isNull());                        // the portfolio's colour
        QTest::keyClick(combo, Qt::Key_Down);
        QTest::keyClick(combo, Qt::Key_Return); // the delegate commits a moment later
        QTRY_COMPARE(index.data(Qt::EditRole).toLongLong(), qint64(3));
    }

    void leavingAnEditorUnchangedWritesNothing()
    {
        const QModelIndex index = m_model->index(0, ChoiceColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *combo = m_view->viewport()->findChild<QComboBox *>(QStringLiteral("choiceEditor"));
        QVERIFY(combo);
        QPointer<QComboBox> editor(combo);
        QTest::keyClick(combo, Qt::Key_Return);
        QTRY_VERIFY(!editor); // closed and gone
        QCOMPARE(m_model->writes, 0);
    }

    void theTimeframeEditorShowsWhatItReadsWhileTyping_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("needsReview");
        QTest::newRow("year range") << QStringLiteral("2026-2029") << QStringLiteral("Apr 2026 – Mar 2029") << false;
        QTest::newRow("open end") << QStringLiteral("26/27 onwards") << QStringLiteral("from Apr 2026") << false;
        QTest::newRow("flag") << QStringLiteral("2026-2027 subject to funding")
                              << QStringLiteral("subject to funding") << false;
        QTest::newRow("typo") << QStringLiteral("2026=2027") << QStringLiteral("needs review") << true;
        QTest::newRow("tbc") << QStringLiteral("tbc") << QStringLiteral("needs review") << true;
        QTest::newRow("empty") << QString() << QStringLiteral("not set") << false;
    }

    void theTimeframeEditorShowsWhatItReadsWhileTyping()
    {
        QFETCH(QString, typed);
        QFETCH(QString, shown);
        QFETCH(bool, needsReview);
        const QModelIndex index = m_model->index(0, TimeframeColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *editor = m_view->viewport()->findChild<TimeframeEditor *>();
        QVERIFY(editor);
        QVERIFY(editor->resultLabel()->text().contains(QStringLiteral("Apr 2026 – Mar 2027"))); // what is stored
        editor->lineEdit()->selectAll();
        QTest::keyClick(editor->lineEdit(), Qt::Key_Backspace);
        QTest::keyClicks(editor->lineEdit(), typed);
        QVERIFY2(editor->resultLabel()->text().contains(shown), qPrintable(editor->resultLabel()->text()));
        QCOMPARE(editor->resultNeedsReview(), needsReview);
        // The colour as painted (inside a view a label would otherwise take the view's text colour).
        const QColor colour = editor->resultLabel()->palette().color(editor->resultLabel()->foregroundRole());
        QCOMPARE(colour == PlanColours::needsReview(), needsReview);
        bool amberPainted = false;
        const QImage picture = editor->resultLabel()->grab().toImage();
        for (int y = 0; y < picture.height() && !amberPainted; ++y) {
            for (int x = 0; x < picture.width() && !amberPainted; ++x)
                amberPainted = QColor(picture.pixel(x, y)) == PlanColours::needsReview();
        }
        QCOMPARE(amberPainted, needsReview);
        // The whole reading shows, however long: the editor grows to hold it.
        QVERIFY(editor->resultLabel()->geometry().bottom() <= editor->contentsRect().bottom());
        QVERIFY(editor->resultLabel()->height() >= editor->resultLabel()->heightForWidth(editor->resultLabel()->width()));
        // The editor is taller than the cell, so the reading shows below the text.
        QVERIFY(editor->height() > m_view->visualRect(index).height());
    }

    void theTimeframeEditorKeepsTextThatNeedsReview()
    {
        const QModelIndex index = m_model->index(1, TimeframeColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_T); // typing opens the editor with what is typed
        auto *editor = m_view->viewport()->findChild<TimeframeEditor *>();
        QVERIFY(editor);
        QCOMPARE(QApplication::focusWidget(), editor->lineEdit());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("bc"));
        QCOMPARE(editor->text(), QStringLiteral("tbc"));
        QTest::keyClick(editor->lineEdit(), Qt::Key_Return);
        QCOMPARE(index.data(Qt::EditRole).toString(), QStringLiteral("tbc"));
    }

    void escapeLeavesTheStoredValue()
    {
        const QModelIndex index = m_model->index(0, TimeframeColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *editor = m_view->viewport()->findChild<TimeframeEditor *>();
        QVERIFY(editor);
        QTest::keyClicks(editor->lineEdit(), QStringLiteral(" and ongoing"));
        QTest::keyClick(editor->lineEdit(), Qt::Key_Escape);
        QCOMPARE(index.data(Qt::EditRole).toString(), QStringLiteral("2026-2027"));
        QCOMPARE(m_model->writes, 0);
    }

    void leavingTheEditorForAnotherWidgetKeepsTheText()
    {
        const QModelIndex index = m_model->index(2, TimeframeColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *editor = m_view->viewport()->findChild<TimeframeEditor *>();
        QVERIFY(editor);
        editor->lineEdit()->setText(QStringLiteral("2027/28"));
        m_outside->setFocus();
        QTRY_COMPARE(index.data(Qt::EditRole).toString(), QStringLiteral("2027/28"));
    }

    void theMultiSelectTicksWithSpaceAndClickAndKeepsWithEnter()
    {
        const QModelIndex index = m_model->index(0, PlacesColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *editor = m_view->viewport()->findChild<MultiSelectEditor *>();
        QVERIFY(editor);
        QListWidget *list = editor->list();
        QCOMPARE(list->count(), 6);
        QCOMPARE(list->item(1)->checkState(), Qt::Checked); // City & Hackney, stored
        // Space ticks the current entry (the first) from the search box while it is empty.
        QTest::keyClick(editor->searchEdit(), Qt::Key_Space);
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        // A click on the name, not only the box, ticks too.
        const QRect fourth = list->visualItemRect(list->item(3));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, fourth.center() + QPoint(30, 0));
        QCOMPARE(list->item(3)->checkState(), Qt::Checked);
        // and clicking a ticked entry unticks it.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
        QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
        QTest::keyClick(editor->searchEdit(), Qt::Key_Return);
        QVariantList stored = index.data(Qt::EditRole).toList();
        QCOMPARE(stored, (QVariantList{qint64(1), qint64(4)}));
    }

    void theMultiSelectSearchNarrowsTheList()
    {
        const QModelIndex index = m_model->index(1, PlacesColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *editor = m_view->viewport()->findChild<MultiSelectEditor *>();
        QVERIFY(editor);
        QTest::keyClicks(editor->searchEdit(), QStringLiteral("ham"));
        QStringList shown;
        for (int i = 0; i < editor->list()->count(); ++i) {
            if (!editor->list()->item(i)->isHidden())
                shown << editor->list()->item(i)->text();
        }
        QCOMPARE(shown, (QStringList{QStringLiteral("Barking & Dagenham"), QStringLiteral("Newham"),
                                     QStringLiteral("Tower Hamlets")}));
        // Down moves through what is shown; Space now types, so Down first then the list ticks.
        QTest::keyClick(editor->searchEdit(), Qt::Key_Down);
        QCOMPARE(editor->list()->currentItem()->text(), QStringLiteral("Newham"));
        QTest::keyClick(editor->list(), Qt::Key_Space);
        QTest::keyClick(editor->list(), Qt::Key_Return);
        QCOMPARE(index.data(Qt::EditRole).toList(), (QVariantList{qint64(2), qint64(4)}));
    }

    void theLongTextEditorStartsALineWithAltEnterAndKeepsWithEnter()
    {
        const QModelIndex index = m_model->index(0, TextColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        auto *editor = m_view->viewport()->findChild<LongTextEditor *>();
        QVERIFY(editor);
        editor->textEdit()->moveCursor(QTextCursor::End);
        QTest::keyClick(editor->textEdit(), Qt::Key_Return, Qt::AltModifier);
        QTest::keyClicks(editor->textEdit(), QStringLiteral("Second line"));
        QTest::keyClick(editor->textEdit(), Qt::Key_Return);
        QCOMPARE(index.data(Qt::EditRole).toString(), QStringLiteral("First line\nSecond line"));
    }

    void aReadOnlyCellOpensNoEditor()
    {
        const QModelIndex index = m_model->index(0, ReadOnlyColumn);
        m_view->setCurrentIndex(index);
        QTest::keyClick(m_view, Qt::Key_F2);
        QVERIFY(!m_view->viewport()->findChild<QWidget *>(QStringLiteral("textEditor")));
        QCOMPARE(m_view->viewport()->findChildren<QLineEdit *>().size(), 0);
        QCOMPARE(m_model->writes, 0);
    }

private:
    QWidget *m_window = nullptr;
    QLineEdit *m_outside = nullptr;
    QTableView *m_view = nullptr;
    CountingModel *m_model = nullptr;
    IntentionDelegate *m_delegate = nullptr;
};

QTEST_MAIN(TestIntentionDelegate)
#include "tst_intentiondelegate.moc"
