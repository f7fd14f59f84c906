// The portfolio editor on a copy of the demo plan, driven offscreen as a user would: typing,
// leaving fields, choosing from lists, editing programme areas, undoing, and opening the plan again.
#include "mainwindow.h"
#include "plancontext.h"
#include "planfixtures.h"
#include "planroles.h"
#include "plansession.h"
#include "planstores.h"
#include "portfoliochoicedialog.h"
#include "portfolioeditor.h"
#include "portfolioeditorfields.h"
#include "portfoliomodel.h"
#include "portfoliosfeature.h"
#include "programmeareamodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDataWidgetMapper>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

namespace {

// One plan open in an editor, as the window holds it.
struct Fixture
{
    std::unique_ptr<PlanSession> session;
    std::unique_ptr<PlanContext> context;
    PortfolioModel portfolios;
    ProgrammeAreaModel areas;
    QAbstractItemModelTester portfolioTester{&portfolios, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester areaTester{&areas, QAbstractItemModelTester::FailureReportingMode::QtTest};
    PortfolioEditor editor;

    explicit Fixture(const QString &plan)
    {
        auto opened = PlanSession::open(plan);
        if (!opened)
            return;
        session = std::move(opened.value());
        context = std::make_unique<PlanContext>(session->stores());
        editor.setModels(&portfolios, &areas);
        areas.setContext(context.get());
        portfolios.setContext(context.get());
        editor.resize(1200, 900);
        editor.show();
    }
    ~Fixture()
    {
        portfolios.setContext(nullptr);
        areas.setContext(nullptr);
    }

    PlanStores &stores() const { return session->stores(); }
    Id idOf(const QString &name) const
    {
        for (const Portfolio &p : portfolios.portfolios()) {
            if (p.name == name)
                return p.id;
        }
        return 0;
    }
    Portfolio stored(Id id) const { return session->stores().portfolios().get(id).value(); }
    QUndoStack *stack() const { return context->undoStack(); }
};

} // namespace

class TestPortfolioEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ciplanner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_portfolioeditor"));
        QSettings().clear();
    }

    void init()
    {
        m_plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()), QStringLiteral("%1.sqlite").arg(++m_count));
        QVERIFY(!m_plan.isEmpty());
        m_fixture = std::make_unique<Fixture>(m_plan);
        QVERIFY(m_fixture->session);
        QVERIFY(QTest::qWaitForWindowExposed(&m_fixture->editor));
        m_planned = m_fixture->idOf(QStringLiteral("Planned Care"));
        QVERIFY(m_planned != 0);
        m_fixture->editor.selectPortfolio(m_planned);
    }

    void cleanup() { m_fixture.reset(); }

    void showsTheChosenPortfolioInTheForm()
    {
        PortfolioEditor &editor = m_fixture->editor;
        QCOMPARE(editor.currentPortfolioId(), m_planned);
        QCOMPARE(editor.nameEdit()->text(), QStringLiteral("Planned Care"));
        QCOMPARE(editor.groupCombo()->currentText(), QStringLiteral("Core objectives"));
        QCOMPARE(editor.colourButton()->colour(), QStringLiteral("#009639"));
        QVERIFY(editor.textEdit(PortfolioModel::VisionColumn)->toPlainText().startsWith(QLatin1String("Reduce waiting")));
        // Stakeholders stored as "Trusts • APC • …" show as a bullet list, one item per line.
        ListTextEdit *stakeholders = editor.textEdit(PortfolioModel::StakeholdersColumn);
        QVERIFY(stakeholders->document()->begin().textList() != nullptr);
        QCOMPARE(stakeholders->document()->begin().text(), QStringLiteral("Trusts"));
        QVERIFY(editor.areaView()->model()->rowCount() >= 4);
        QCOMPARE(editor.benefitsEditor()->table()->rowCount(),
                 int(m_fixture->stored(m_planned).benefits.size()));
    }

    void typingALeadAndLeavingTheFieldIsOneUndoStep()
    {
        PortfolioEditor &editor = m_fixture->editor;
        QApplication::setActiveWindow(&editor);
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        editor.leadEdit()->setFocus();
        QTest::keyClicks(editor.leadEdit(), QStringLiteral("Director of Planned Care"));
        editor.nameEdit()->setFocus(); // leaving the field stores it
        QTRY_COMPARE(m_fixture->stored(m_planned).lead, QStringLiteral("Director of Planned Care"));
        QCOMPARE(m_fixture->stack()->count(), 1);

        m_fixture->stack()->undo();
        QCOMPARE(m_fixture->stored(m_planned).lead, QString());
        QCOMPARE(editor.leadEdit()->text(), QString());
        m_fixture->stack()->redo();
        QCOMPARE(editor.leadEdit()->text(), QStringLiteral("Director of Planned Care"));
    }

    void typingBulletsStoresThemInTheDemoFormat()
    {
        PortfolioEditor &editor = m_fixture->editor;
        ListTextEdit *engagement = editor.textEdit(PortfolioModel::EngagementColumn);
        engagement->setFocus();
        QTest::keyClicks(engagement, QStringLiteral("We engage through:"));
        QTest::keyClick(engagement, Qt::Key_Return);
        QTest::keyClicks(engagement, QStringLiteral("- Healthwatch")); // "- " starts a bullet list
        QTest::keyClick(engagement, Qt::Key_Return);
        QTest::keyClicks(engagement, QStringLiteral("Patient panels"));
        QVERIFY(engagement->cursorInList());
        editor.submit();
        QCOMPARE(m_fixture->stored(m_planned).engagement, QStringLiteral("We engage through: • Healthwatch • Patient panels"));
        QCOMPARE(m_fixture->stack()->count(), 1);
        m_fixture->stack()->undo();
        QCOMPARE(m_fixture->stored(m_planned).engagement, QString());
        QCOMPARE(engagement->listText(), QString());
    }

    void leavingAListUnchangedStoresNothing()
    {
        PortfolioEditor &editor = m_fixture->editor;
        const Portfolio before = m_fixture->stored(m_planned);
        editor.submit(); // every field, as it shows them
        QCOMPARE(m_fixture->stack()->count(), 0);
        QCOMPARE(m_fixture->stored(m_planned), before);
    }

    void refusedValuesAreShownBesideTheFieldAndChangeNothing_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("name of another portfolio") << int(PortfolioModel::NameColumn) << QStringLiteral("primary care")
                                                   << QStringLiteral("already called “Primary Care”");
        QTest::newRow("empty name") << int(PortfolioModel::NameColumn) << QString() << QStringLiteral("needs a name");
        QTest::newRow("not a colour") << int(PortfolioModel::ColourColumn) << QStringLiteral("#00963")
                                      << QStringLiteral("not a colour");
    }

    void refusedValuesAreShownBesideTheFieldAndChangeNothing()
    {
        QFETCH(int, column);
        QFETCH(QString, value);
        QFETCH(QString, message);
        PortfolioEditor &editor = m_fixture->editor;
        const Portfolio before = m_fixture->stored(m_planned);
        if (column == PortfolioModel::NameColumn)
            editor.nameEdit()->setText(value);
        else
            editor.colourButton()->setColour(value);
        editor.submit();
        QVERIFY2(editor.messageFor(column).contains(message), qPrintable(editor.messageFor(column)));
        QCOMPARE(m_fixture->stored(m_planned), before);
        QCOMPARE(m_fixture->stack()->count(), 0);
        QCOMPARE(m_fixture->portfolios.index(m_fixture->portfolios.rowOf(m_planned), column).data(Qt::EditRole).toString(),
                 column == PortfolioModel::NameColumn ? before.name : before.colour);
        // Typing again clears the message; a good value is stored.
        if (column == PortfolioModel::NameColumn) {
            editor.nameEdit()->clear();
            QTest::keyClicks(editor.nameEdit(), QStringLiteral("Planned and Elective Care"));
            QVERIFY(editor.messageFor(column).isEmpty());
            editor.submit();
            QCOMPARE(m_fixture->stored(m_planned).name, QStringLiteral("Planned and Elective Care"));
        }
    }

    void choosingAGroupStoresItAtOnce()
    {
        PortfolioEditor &editor = m_fixture->editor;
        editor.groupCombo()->setFocus();
        QTest::keyClick(editor.groupCombo(), Qt::Key_Down); // Core objectives → Strategic priorities
        QCOMPARE(m_fixture->stored(m_planned).group, PortfolioGroup::StrategicPriority);
        QCOMPARE(m_fixture->stack()->count(), 1);
        m_fixture->stack()->undo();
        QCOMPARE(editor.groupCombo()->currentIndex(), int(PortfolioGroup::CoreObjectives));
    }

    void changingTheOrderMovesThePortfolioAndTheFormStaysOnIt()
    {
        PortfolioEditor &editor = m_fixture->editor;
        editor.orderSpin()->setValue(99);
        editor.submit();
        QCOMPARE(m_fixture->stored(m_planned).sortOrder, 99);
        const int last = m_fixture->portfolios.rowCount() - 1;
        QCOMPARE(m_fixture->portfolios.portfolio(last).id, m_planned);
        QCOMPARE(editor.currentPortfolioId(), m_planned);
        QCOMPARE(editor.nameEdit()->text(), QStringLiteral("Planned Care"));
        QCOMPARE(editor.portfolioList()->currentIndex().row(), last);
    }

    void benefitsByYearAddAndRemoveAsUndoSteps()
    {
        PortfolioEditor &editor = m_fixture->editor;
        QTableWidget *table = editor.benefitsEditor()->table();
        const int rows = table->rowCount();
        editor.benefitsEditor()->addRow();
        QCOMPARE(table->rowCount(), rows + 1);
        QCOMPARE(m_fixture->stack()->count(), 0); // an empty year is nothing yet
        table->item(rows, 1)->setText(QStringLiteral("Shorter waits • More day cases"));
        QTRY_COMPARE(m_fixture->stored(m_planned).benefits.size(), rows + 1);
        const PortfolioBenefit added = m_fixture->stored(m_planned).benefits.last();
        QVERIFY(added.label.startsWith(QLatin1String("April ")));
        QCOMPARE(added.text, QStringLiteral("Shorter waits • More day cases"));
        table->setCurrentCell(rows, 1);
        editor.benefitsEditor()->removeCurrentRow();
        QCOMPARE(m_fixture->stored(m_planned).benefits.size(), rows);
        QCOMPARE(m_fixture->stack()->count(), 2);
        m_fixture->stack()->undo();
        QCOMPARE(table->rowCount(), rows + 1);
        m_fixture->stack()->undo();
        QCOMPARE(table->rowCount(), rows);
    }

    void addingAPortfolioSelectsItForNaming()
    {
        PortfolioEditor &editor = m_fixture->editor;
        QPushButton *add = nullptr;
        for (QPushButton *button : editor.findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("Add portfolio"))
                add = button;
        }
        QVERIFY(add);
        const int rows = m_fixture->portfolios.rowCount();
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(m_fixture->portfolios.rowCount(), rows + 1);
        QCOMPARE(editor.nameEdit()->text(), QStringLiteral("New portfolio"));
        editor.nameEdit()->setText(QStringLiteral("Cancer"));
        editor.submit();
        QVERIFY(m_fixture->idOf(QStringLiteral("Cancer")) != 0);
        QCOMPARE(m_fixture->stack()->count(), 2);
    }

    void programmeAreasAreAddedRenamedMergedAndReorderedWithTheirIntentions()
    {
        PortfolioEditor &editor = m_fixture->editor;
        PlanStores &stores = m_fixture->stores();
        const auto areasBefore = stores.programmeAreas().listForPortfolio(m_planned).value();
        const auto intentionsBefore = stores.intentions().listForPortfolio(m_planned).value();
        QTableView *view = editor.areaView();
        const int rows = view->model()->rowCount();

        // Add
        QVERIFY(editor.addArea(QStringLiteral("Outpatients")));
        QCOMPARE(view->model()->rowCount(), rows + 1);
        QCOMPARE(view->currentIndex().data().toString(), QStringLiteral("Outpatients"));
        QVERIFY(!editor.addArea(QStringLiteral("outpatients")));
        QVERIFY(editor.areaMessage().contains(QLatin1String("already has")));

        // Rename in place, as a user double-clicks and types.
        const QModelIndex first = view->model()->index(0, ProgrammeAreaModel::NameColumn);
        const QString firstName = first.data().toString();
        const Id firstId = first.data(PlanRoles::IdRole).toLongLong();
        const int firstCount = first.siblingAtColumn(ProgrammeAreaModel::CountColumn).data().toInt();
        QVERIFY(firstCount > 0);
        view->setCurrentIndex(first);
        view->edit(first);
        auto *line = view->findChild<QLineEdit *>();
        QVERIFY(line);
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("Demand and referral management"));
        QTest::keyClick(line, Qt::Key_Return);
        // The delegate commits on the next turn of the event loop.
        QTRY_COMPARE(stores.programmeAreas().get(firstId).value().name, QStringLiteral("Demand and referral management"));

        // Merge the first area into the second: its intentions follow, the area goes.
        const QModelIndex second = view->model()->index(1, ProgrammeAreaModel::NameColumn);
        const Id secondId = second.data(PlanRoles::IdRole).toLongLong();
        const int secondCount = second.siblingAtColumn(ProgrammeAreaModel::CountColumn).data().toInt();
        view->setCurrentIndex(view->model()->index(0, 0));
        QVERIFY(editor.mergeCurrentAreaInto(1));
        QCOMPARE(view->model()->rowCount(), rows); // one added, one merged away
        const int at = m_fixture->areas.rowOf(secondId);
        QCOMPARE(m_fixture->areas.intentionCount(at), firstCount + secondCount);
        const auto merged = stores.intentions().listForPortfolio(m_planned); // kept: the loop reads into it
        for (const Intention &intention : merged.value())
            QVERIFY(intention.programmeAreaId != firstId);

        // Reorder: the merged-into area moves down one.
        view->setCurrentIndex(view->model()->index(at, 0));
        QVERIFY(editor.moveCurrentArea(1));
        QCOMPARE(m_fixture->areas.rowOf(secondId), at + 1);
        QCOMPARE(view->currentIndex().data(PlanRoles::IdRole).toLongLong(), secondId);

        // Four steps; undoing them all gives the portfolio back as it was (areas by name and
        // order, each intention in its area).
        QCOMPARE(m_fixture->stack()->count(), 4);
        while (m_fixture->stack()->canUndo())
            m_fixture->stack()->undo();
        const auto areasAfter = stores.programmeAreas().listForPortfolio(m_planned).value();
        QCOMPARE(areasAfter.size(), areasBefore.size());
        QHash<Id, QString> nameBefore;
        QHash<Id, QString> nameAfter;
        for (int i = 0; i < areasBefore.size(); ++i) {
            QCOMPARE(areasAfter.at(i).name, areasBefore.at(i).name);
            QCOMPARE(areasAfter.at(i).sortOrder, areasBefore.at(i).sortOrder);
            // The merged-away area comes back with its own id: older undo steps still find it.
            QCOMPARE(areasAfter.at(i).id, areasBefore.at(i).id);
            nameBefore.insert(areasBefore.at(i).id, areasBefore.at(i).name);
            nameAfter.insert(areasAfter.at(i).id, areasAfter.at(i).name);
        }
        const auto intentionsAfter = stores.intentions().listForPortfolio(m_planned).value();
        QCOMPARE(intentionsAfter.size(), intentionsBefore.size());
        for (int i = 0; i < intentionsBefore.size(); ++i) {
            QCOMPARE(intentionsAfter.at(i).id, intentionsBefore.at(i).id);
            QCOMPARE(intentionsAfter.at(i).programmeAreaId, intentionsBefore.at(i).programmeAreaId);
            QCOMPARE(nameAfter.value(intentionsAfter.at(i).programmeAreaId),
                     nameBefore.value(intentionsBefore.at(i).programmeAreaId));
        }
        QCOMPARE(m_fixture->areas.index(0, 0).data().toString(), firstName);
    }

    void editsAreThereWhenThePlanIsOpenedAgain()
    {
        PortfolioEditor &editor = m_fixture->editor;
        editor.leadEdit()->setText(QStringLiteral("Chief Medical Officer"));
        editor.textEdit(PortfolioModel::VisionColumn)->setListText(QStringLiteral("Shorter waits:\n• Day cases first"));
        editor.submit();
        QVERIFY(editor.addArea(QStringLiteral("Outpatients")));
        m_fixture.reset(); // close the plan

        Fixture reopened(m_plan);
        QVERIFY(reopened.session);
        reopened.editor.selectPortfolio(reopened.idOf(QStringLiteral("Planned Care")));
        QCOMPARE(reopened.editor.leadEdit()->text(), QStringLiteral("Chief Medical Officer"));
        QCOMPARE(reopened.editor.textEdit(PortfolioModel::VisionColumn)->listText(),
                 QStringLiteral("Shorter waits: • Day cases first"));
        const QAbstractItemModel *areas = reopened.editor.areaView()->model();
        QCOMPARE(areas->index(areas->rowCount() - 1, 0).data().toString(), QStringLiteral("Outpatients"));
        QCOMPARE(reopened.stack()->count(), 0); // a new session starts a new history
    }

    void theWindowHasTheEditorTabAndTheSummaryActions()
    {
        m_fixture.reset();
        MainWindow window;
        QVERIFY(window.openPlan(m_plan).isOk());
        QTabWidget *tabs = window.workspaces();
        int editorTab = -1;
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QLatin1String("Portfolio editor"))
                editorTab = i;
        }
        QVERIFY(editorTab >= 0);
        auto *editor = qobject_cast<PortfolioEditor *>(tabs->widget(editorTab));
        QVERIFY(editor);
        QVERIFY(editor->portfolioList()->model()->rowCount() == 30);
        auto *print = window.findChild<QAction *>(QStringLiteral("printSummaryAction"));
        auto *exportPdf = window.findChild<QAction *>(QStringLiteral("exportSummaryAction"));
        QVERIFY(print && exportPdf);
        QVERIFY(window.menu(MainWindow::Menu::File)->actions().contains(print));
        QVERIFY(print->isEnabled() && exportPdf->isEnabled());
        // An edit in the editor goes on the window's undo stack, whose Edit ▸ Undo takes it back;
        // the window refreshing its other views after the edit leaves the form where it was.
        tabs->setCurrentIndex(editorTab);
        editor->selectPortfolio(m_planned);
        editor->leadEdit()->setText(QStringLiteral("Portfolio lead"));
        editor->submit();
        QCOMPARE(window.context()->undoStack()->count(), 1);
        QCOMPARE(editor->currentPortfolioId(), m_planned);
        auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
        QVERIFY(undo && undo->isEnabled());
        undo->trigger();
        QCOMPARE(editor->leadEdit()->text(), QString());
        QCOMPARE(editor->nameEdit()->text(), QStringLiteral("Planned Care"));
    }

    void theSummaryChoiceStartsWithThePortfoliosThatHaveIntentions()
    {
        std::unique_ptr<PortfolioChoiceDialog> dialog(
            PortfolioSummaryActions::choiceDialog(m_fixture->stores(), true, {}, nullptr));
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), 30);
        QCOMPARE(dialog->checkedIds().size(), 12);
        QVERIFY(dialog->checkedIds().contains(m_planned));
        QCOMPARE(dialog->orientation(), QPageLayout::Portrait);
        // Nothing chosen, nothing to print: OK waits for a portfolio.
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        dialog->setChecked({});
        QVERIFY(!ok->isEnabled());
        dialog->list()->item(0)->setCheckState(Qt::Checked);
        QVERIFY(ok->isEnabled());
        // From the editor, the portfolio in the form is the one chosen.
        std::unique_ptr<PortfolioChoiceDialog> one(
            PortfolioSummaryActions::choiceDialog(m_fixture->stores(), false, {m_planned}, nullptr));
        QCOMPARE(one->checkedIds(), QList<Id>{m_planned});
    }

private:
    QTemporaryDir m_dir;
    QString m_plan;
    int m_count = 0;
    std::unique_ptr<Fixture> m_fixture;
    Id m_planned = 0;
};

QTEST_MAIN(TestPortfolioEditor)
#include "tst_portfolioeditor.moc"
