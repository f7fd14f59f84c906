// The "Providers & notices" workspace on the demo plan, driven offscreen as a user would.
#include "intentiongrid.h"
#include "intentiontablemodel.h"
#include "mainwindow.h"
#include "noticeform.h"
#include "noticemodel.h"
#include "noticesfeature.h"
#include "plancontext.h"
#include "planfixtures.h"
#include "providermodel.h"
#include "registerroles.h"
#include "registerworkspace.h"
#include "stores.h"
#include "templateeditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

class TestRegister : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("ciplanner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_register"));
        QSettings().clear();
    }

    void init()
    {
        // A fresh copy of the demo plan and a fresh window for every test.
        const QString plan = PlanFixtures::copyDemoPlan(QDir(m_dir.path()));
        QVERIFY(!plan.isEmpty());
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openPlan(plan).isOk());
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_workspace = registerWorkspace(*m_window);
        QVERIFY(m_workspace);
        m_window->workspaces()->setCurrentWidget(m_workspace);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_asked.clear();
        m_workspace->setConfirmer([this](const QString &, const QString &question) {
            m_asked.append(question);
            return m_answer;
        });
        m_answer = true;
    }

    void cleanup()
    {
        m_window.reset();
        m_workspace = nullptr;
    }

    void showsTheDemoRegisterWithItsModelsConsistent()
    {
        // A second set of models on the same plan, tested from before they load.
        ProviderModel providers;
        NoticeModel notices;
        QAbstractItemModelTester t1(&providers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&notices, QAbstractItemModelTester::FailureReportingMode::QtTest);
        providers.setContext(m_window->context());
        notices.setContext(m_window->context());
        QVERIFY(providers.rowCount() > 10);
        QVERIFY(notices.rowCount() >= 5);
        QCOMPARE(m_workspace->noticeView()->model()->rowCount(), notices.rowCount());
        QVERIFY(m_workspace->providerView()->model()->rowCount() == providers.rowCount());
    }

    void editsANoticeCellWithTheKeyboardAndUndoesWithCtrlZ()
    {
        QTableView *view = m_workspace->noticeView();
        const Id id = firstNotice(NoticeStatus::Draft);
        QVERIFY(id != 0);
        const QString before = storedNotice(id).service;
        m_workspace->selectNotice(id);
        const QModelIndex cell = viewIndex(id, NoticeModel::ServiceColumn);
        view->setCurrentIndex(cell);
        view->setFocus();

        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Wheelchair service"));
        QTest::keyClick(editor, Qt::Key_Return);

        // The delegate commits Return on the next turn of the event loop.
        QTRY_COMPARE(storedNotice(id).service, QStringLiteral("Wheelchair service"));
        QCOMPARE(viewIndex(id, NoticeModel::ServiceColumn).data().toString(), QStringLiteral("Wheelchair service"));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(storedNotice(id).service, before);
        QCOMPARE(viewIndex(id, NoticeModel::ServiceColumn).data().toString(), before);
    }

    void refusedCellValueIsSaidAndChangesNothing()
    {
        QTableView *view = m_workspace->noticeView();
        const Id id = firstNotice(NoticeStatus::Draft);
        const ContractNotice before = storedNotice(id);
        m_workspace->selectNotice(id);
        view->setCurrentIndex(viewIndex(id, NoticeModel::FinancialEffectColumn));
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("a lot"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!m_workspace->lastMessage().isEmpty());
        QVERIFY2(m_workspace->lastMessage().contains(QStringLiteral("“a lot” is not an amount of money")),
                 qPrintable(m_workspace->lastMessage()));
        QCOMPARE(storedNotice(id), before);
    }

    void editingAnIssuedNoticeAsksFirst()
    {
        NoticeModel *model = m_workspace->noticeModel();
        const Id id = firstNotice(NoticeStatus::Approved);
        QVERIFY(model->setData(model->indexOf(id, NoticeModel::StatusColumn), int(NoticeStatus::Issued)));
        QVERIFY(model->setData(model->indexOf(id, NoticeModel::LetterReferenceColumn), QStringLiteral("CN/TEST/1")));
        const QString service = storedNotice(id).service;
        QTableView *view = m_workspace->noticeView();
        m_workspace->selectNotice(id);

        m_answer = false;
        typeInto(view, viewIndex(id, NoticeModel::ServiceColumn), QStringLiteral("Changed after issue"));
        QTRY_COMPARE(m_asked.size(), 1);
        QVERIFY(m_asked.first().contains(QLatin1String("has been issued to the provider")));
        QCOMPARE(storedNotice(id).service, service);

        m_answer = true;
        typeInto(view, viewIndex(id, NoticeModel::ServiceColumn), QStringLiteral("Changed after issue"));
        QTRY_COMPARE(storedNotice(id).service, QStringLiteral("Changed after issue"));
        QCOMPARE(storedNotice(id).letterReference, QString()); // its letter is superseded
    }

    void opensTheFormAndSavesItAsOneStep()
    {
        const Id id = firstNotice(NoticeStatus::Draft);
        m_workspace->selectNotice(id);
        auto *open = m_workspace->findChild<QPushButton *>(QStringLiteral("openNoticeForm"));
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        NoticeForm *form = m_workspace->noticeForm();
        QVERIFY(form);
        QTRY_VERIFY(form->isVisible());
        QCOMPARE(form->noticeId(), id);
        const ContractNotice stored = storedNotice(id);
        QCOMPARE(form->serviceEdit()->text(), stored.service);
        QCOMPARE(form->providerBox()->currentData().toLongLong(), stored.providerId);
        QCOMPARE(form->issueDateEdit()->date(), stored.issueDate);
        QVERIFY(!form->receivingBox()->isEnabled() || stored.kind == NoticeKind::Transfer);
        QVERIFY(!form->isModified());

        const int steps = m_window->context()->undoStack()->count();
        form->summaryEdit()->setPlainText(QStringLiteral("Fewer beds from April"));
        form->rationaleEdit()->setPlainText(QStringLiteral("Care closer to home"));
        QVERIFY(form->isModified());
        QTest::mouseClick(form->saveButton(), Qt::LeftButton);
        QCOMPARE(storedNotice(id).summary, QStringLiteral("Fewer beds from April"));
        QCOMPARE(storedNotice(id).rationale, QStringLiteral("Care closer to home"));
        QCOMPARE(m_window->context()->undoStack()->count(), steps + 1);
        m_window->context()->undoStack()->undo();
        QCOMPARE(storedNotice(id).summary, stored.summary);
        QCOMPARE(form->summaryEdit()->toPlainText(), stored.summary); // the form follows the undo
    }

    void formFillsTheDefaultEffectiveDateFromTheIssueDate()
    {
        const Id id = firstNotice(NoticeStatus::Draft);
        NoticeModel *model = m_workspace->noticeModel();
        QVERIFY(model->setData(model->indexOf(id, NoticeModel::EffectiveDateColumn), QVariant()));
        NoticeForm *form = m_workspace->openNoticeForm(id);
        form->issueDateEdit()->setDate(QDate(2025, 10, 15));
        // Six months (or the contract's period) from mid-October misses 1 April 2026.
        QCOMPARE(form->effectiveDateEdit()->date(), QDate(2027, 4, 1));
        QVERIFY(form->save());
        QCOMPARE(storedNotice(id).effectiveDate, QDate(2027, 4, 1));
    }

    void createsANoticeForAnIntentionPrefilledAndLinked()
    {
        const auto intentions = m_window->context()->stores().intentions().list().value();
        QVERIFY(!intentions.isEmpty());
        const Intention &intention = intentions.at(3);
        const int notices = m_workspace->noticeModel()->rowCount();

        const Id id = createNoticeForIntentions(*m_window, {intention.id});

        QVERIFY(id != 0);
        QCOMPARE(m_workspace->noticeModel()->rowCount(), notices + 1);
        const ContractNotice notice = storedNotice(id);
        QCOMPARE(notice.intentionIds, QList<Id>{intention.id});
        QCOMPARE(notice.service, intention.title.simplified());
        QCOMPARE(notice.status, NoticeStatus::Draft);
        QVERIFY(notice.effectiveDate.isValid());
        QCOMPARE(m_window->workspaces()->currentWidget(), m_workspace);
        QCOMPARE(m_workspace->currentNoticeId(), id);
        QVERIFY(m_workspace->noticeForm() && m_workspace->noticeForm()->isVisible());
        QCOMPARE(m_workspace->noticeForm()->linkedIntentions(), QList<Id>{intention.id});
    }

    void goesFromANoticeToItsIntentionsAndBack()
    {
        const auto intentions = m_window->context()->stores().intentions().list().value();
        const Intention &intention = intentions.at(5);
        const Id id = createNoticeForIntentions(*m_window, {intention.id});
        QVERIFY(id != 0);
        NoticeForm *form = m_workspace->noticeForm();
        form->intentionList()->setCurrentRow(0);
        emit form->intentionRequested(intention.id);
        QVERIFY(m_window->workspaces()->currentWidget() != m_workspace);
        QCOMPARE(selectedIntentions(*m_window), QList<Id>{intention.id});

        showNoticesForIntentions(*m_window, {intention.id});
        QCOMPARE(m_window->workspaces()->currentWidget(), m_workspace);
        QCOMPARE(m_workspace->noticeView()->model()->rowCount(), 1);
        QCOMPARE(m_workspace->currentNoticeId(), id);
    }

    void theGridRowMenuCreatesANoticeAndShowsAnIntentionsNotices()
    {
        auto *grid = m_window->findChild<IntentionGrid *>();
        QVERIFY(grid);
        auto *create = grid->findChild<QAction *>(QStringLiteral("createNoticeFromRowAction"));
        auto *show = grid->findChild<QAction *>(QStringLiteral("showNoticesFromRowAction"));
        QVERIFY(create && show);
        QVERIFY(grid->rowMenuActions().contains(create));
        QVERIFY(grid->rowMenuActions().contains(show));

        m_window->workspaces()->setCurrentWidget(grid);
        const Id intentionId = grid->shownIds().at(7);
        grid->selectIntentions({intentionId}, IntentionTableModel::TitleColumn);
        QCOMPARE(grid->selectedIds(), QList<Id>{intentionId});
        const int notices = m_workspace->noticeModel()->rowCount();
        create->trigger();
        QCOMPARE(m_workspace->noticeModel()->rowCount(), notices + 1);
        const Id noticeId = m_workspace->currentNoticeId();
        QCOMPARE(storedNotice(noticeId).intentionIds, QList<Id>{intentionId});
        QCOMPARE(m_window->workspaces()->currentWidget(), m_workspace);

        m_window->workspaces()->setCurrentWidget(grid);
        grid->selectIntentions({intentionId}, IntentionTableModel::TitleColumn);
        show->trigger();
        QCOMPARE(m_window->workspaces()->currentWidget(), m_workspace);
        QCOMPARE(m_workspace->noticeView()->model()->rowCount(), 1);
        QCOMPARE(m_workspace->currentNoticeId(), noticeId);
    }

    void aRightClickOnARowOpensTheMenuWithTheNoticeActions()
    {
        auto *grid = m_window->findChild<IntentionGrid *>();
        QVERIFY(grid);
        m_window->workspaces()->setCurrentWidget(grid);
        QTreeView *tree = grid->treeView();
        grid->selectIntentions({grid->shownIds().at(3)}, IntentionTableModel::TitleColumn);
        const QModelIndex index = tree->currentIndex();
        QVERIFY(index.isValid());
        tree->scrollTo(index);
        const QPoint at = tree->visualRect(index).center();
        QStringList offered;
        QList<Id> selectedWhenOpen;
        // The menu is modal: read it when it shows, then close it.
        QTimer::singleShot(0, grid, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                if (!action->isSeparator())
                    offered << action->text().remove(u'&');
            }
            selectedWhenOpen = grid->selectedIds();
            if (const QString shot = qEnvironmentVariable("CIPLANNER_ROW_MENU_PNG"); !shot.isEmpty())
                menu->grab().save(shot);
            menu->close();
        });
        // A right click on a row not yet selected selects it first, as in a spreadsheet.
        tree->selectionModel()->clear();
        emit tree->customContextMenuRequested(at);
        QCOMPARE(selectedWhenOpen, QList<Id>{grid->shownIds().at(3)});
        QVERIFY2(offered.contains(QStringLiteral("Create notice…")), qPrintable(offered.join(u'|')));
        QVERIFY(offered.contains(QStringLiteral("Show notices")));
        QVERIFY(offered.contains(QStringLiteral("Bulk edit…")));
        QVERIFY(offered.contains(QStringLiteral("Delete…")));
    }

    void findingsListShowsFiveMonthsNoticeAndGoesToIt()
    {
        NoticeModel *model = m_workspace->noticeModel();
        const Id id = firstNotice(NoticeStatus::Draft);
        QVERIFY(model->setData(model->indexOf(id, NoticeModel::IssueDateColumn), QDate(2025, 9, 30)));
        QVERIFY(model->setData(model->indexOf(id, NoticeModel::EffectiveDateColumn), QDate(2026, 3, 1)));

        QListWidget *findings = m_workspace->findingsList();
        QListWidgetItem *found = nullptr;
        for (int i = 0; i < findings->count(); ++i) {
            QListWidgetItem *item = findings->item(i);
            if (item->data(Qt::UserRole).toLongLong() == id && item->text().contains(QLatin1String("only 5 months")))
                found = item;
        }
        QVERIFY(found);
        QVERIFY(found->text().contains(QLatin1String("To fix:")));
        QVERIFY(viewIndex(id, NoticeModel::ProviderColumn).data(Qt::DecorationRole).isValid());

        m_workspace->noticeFilter()->setText(QStringLiteral("no notice is called this"));
        QCOMPARE(m_workspace->noticeView()->model()->rowCount(), 0);
        findings->scrollToItem(found);
        const QRect rect = findings->visualItemRect(found);
        // A double-click as the mouse makes it: a click, then the second press.
        QTest::mouseClick(findings->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(findings->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(m_workspace->currentNoticeId(), id);
        QVERIFY(m_workspace->noticeFilter()->text().isEmpty());
    }

    void addsAndDeletesAProviderAfterConfirmation()
    {
        ProviderModel *providers = m_workspace->providerModel();
        const int before = providers->rowCount();
        const auto added = m_workspace->addProvider();
        QVERIFY(added.isOk());
        QCOMPARE(providers->rowCount(), before + 1);
        m_answer = false;
        m_workspace->providerView()->setCurrentIndex(
            m_workspace->providerView()->model()->index(viewRowOf(m_workspace->providerView(), added.value()), 0));
        m_workspace->deleteSelected(m_workspace->providerView());
        QCOMPARE(m_asked.size(), 1);
        QCOMPARE(providers->rowCount(), before + 1);
        m_answer = true;
        m_workspace->deleteSelected(m_workspace->providerView());
        QCOMPARE(providers->rowCount(), before);
    }

    void addsAContractAndANoticeForTheProviderInView()
    {
        QTableView *providers = m_workspace->providerView();
        const int row = 2;
        providers->setCurrentIndex(providers->model()->index(row, 0));
        const Id provider = providers->model()->index(row, 0).data(PlanRoles::IdRole).toLongLong();
        const auto contract = m_workspace->addContract();
        QVERIFY(contract.isOk());
        QCOMPARE(m_window->context()->stores().contracts().get(contract.value()).value().providerId, provider);
        // The new contract's row is current now: a notice goes to its provider.
        const auto notice = m_workspace->addNotice();
        QVERIFY(notice.isOk());
        QCOMPARE(storedNotice(notice.value()).providerId, provider);
        QCOMPARE(storedNotice(notice.value()).status, NoticeStatus::Draft);
    }

    void templateEditorRefusesUnknownFieldsAndPreviewsTheLetter()
    {
        openLetterTemplateEditor(*m_window);
        auto *editor = m_window->findChild<TemplateEditor *>();
        QVERIFY(editor);
        QVERIFY(editor->isValid());
        QVERIFY(editor->providerBox()->count() > 0);
        editor->refreshPreview();
        QVERIFY2(editor->previewPageCount() >= 1, qPrintable(editor->previewMessage()));
        auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("templateEditorDialog"));
        QVERIFY(dialog);
        QPushButton *save = nullptr;
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->text().remove(u'&') == QLatin1String("Save"))
                save = button;
        }
        QVERIFY(save);
        QVERIFY(!save->isEnabled());

        editor->textEdit()->moveCursor(QTextCursor::Start);
        editor->textEdit()->insertPlainText(QStringLiteral("{{provider.nmae}}"));
        QVERIFY(!editor->isValid());
        QVERIFY(editor->problemList()->count() >= 1);
        QVERIFY(editor->problemList()->item(0)->text().contains(QLatin1String("provider.nmae")));
        QVERIFY(!save->isEnabled());

        editor->textEdit()->undo();
        editor->textEdit()->moveCursor(QTextCursor::Start);
        editor->insertField(QStringLiteral("provider.ods_code"));
        QVERIFY(editor->isValid());
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        const auto stored = m_window->context()->stores().templates().get(
            QString::fromLatin1(LetterTemplateStore::noticeLetterName));
        QVERIFY(stored.isOk() && stored.value().has_value());
        QVERIFY(stored.value()->startsWith(QLatin1String("{{provider.ods_code}}")));
        m_window->context()->undoStack()->undo();
        QVERIFY(!m_window->context()->stores().templates().get(
            QString::fromLatin1(LetterTemplateStore::noticeLetterName)).value().has_value());
        dialog->close();
    }

    void exportedLettersClearTheMissingLetterChecks()
    {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const auto approvedWithoutLetter = [this] {
            int count = 0;
            for (const NoticeFinding &finding : m_workspace->noticeModel()->findings())
                count += finding.rule == NoticeRule::ApprovedWithoutLetter ? 1 : 0;
            return count;
        };
        QVERIFY(approvedWithoutLetter() > 0);
        LetterBatchOptions options;
        options.directory = out.path();
        const auto report = exportLettersWithProgress(*m_window, options);
        QVERIFY2(report.isOk(), qPrintable(report.error()));
        QVERIFY(!report.value().cancelled);
        QCOMPARE(int(report.value().letters.size()), report.value().planned);
        // The plan now holds a letter for every approved notice: the register says so at once.
        QCOMPARE(approvedWithoutLetter(), 0);
    }

    void cancellingTheExportLeavesOnlyWholeLetters()
    {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        // Cancel as soon as the progress dialog shows the first letter written.
        bool cancelled = false;
        QTimer::singleShot(0, m_window.get(), [this, &cancelled] {
            if (auto *progress = m_window->findChild<QProgressDialog *>(QStringLiteral("letterExportProgress"))) {
                progress->cancel();
                cancelled = true;
            }
        });
        LetterBatchOptions options;
        options.directory = out.path();
        const auto report = exportLettersWithProgress(*m_window, options);
        QVERIFY2(report.isOk(), qPrintable(report.error()));
        QVERIFY(cancelled);
        QVERIFY(report.value().cancelled);
        QVERIFY(report.value().letters.size() < report.value().planned);
        QStringList expected{QString::fromLatin1(LetterExporter::indexFileName)};
        for (const ExportedLetter &letter : report.value().letters) {
            expected.append(letter.fileName);
            QFile file(letter.filePath);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(bytes.startsWith("%PDF"));
            QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        }
        // Nothing else in the folder: no half-written letter, no temporary file.
        QStringList found = QDir(out.path()).entryList(QDir::Files | QDir::Hidden);
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    // CIPLANNER_SCREENSHOTS=<folder> saves the notice form and the template editor as the
    // documentation shows them (docs/screenshots); without it there is nothing to do.
    void savesScreenshotsForTheDocumentation()
    {
        const QString folder = qEnvironmentVariable("CIPLANNER_SCREENSHOTS");
        if (folder.isEmpty())
            QSKIP("set CIPLANNER_SCREENSHOTS to a folder to save the screenshots");
        // The notice with a finding, preferring one linked to intentions.
        NoticeModel *model = m_workspace->noticeModel();
        Id shown = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const ContractNotice &notice = model->notice(row);
            const bool error = !model->findingsFor(notice.id).isEmpty()
                && model->findingsFor(notice.id).first().severity == FindingSeverity::Error;
            if (error && (shown == 0 || !notice.intentionIds.isEmpty()))
                shown = notice.id;
        }
        QVERIFY(shown != 0);
        NoticeForm *form = m_workspace->openNoticeForm(shown);
        QWidget *formWindow = form->window();
        formWindow->resize(680, 780);
        QTest::qWait(200);
        QVERIFY(formWindow->grab().save(QDir(folder).filePath(QStringLiteral("notice-form.png"))));
        formWindow->close();

        openLetterTemplateEditor(*m_window);
        auto *editor = m_window->findChild<TemplateEditor *>();
        QVERIFY(editor);
        QWidget *dialog = editor->window();
        dialog->resize(1400, 880);
        QTest::qWait(200);
        editor->refreshPreview();
        // Show a problem as the user would see it before saving.
        QTextCursor cursor = editor->textEdit()->textCursor();
        cursor.movePosition(QTextCursor::Start);
        for (int line = 0; line < 12; ++line)
            cursor.movePosition(QTextCursor::Down);
        editor->textEdit()->setTextCursor(cursor);
        editor->textEdit()->insertPlainText(QStringLiteral("<p>Dear {{provider.contact}},</p>\n"));
        QTest::qWait(100);
        QVERIFY(dialog->grab().save(QDir(folder).filePath(QStringLiteral("template-editor.png"))));
        dialog->close();
    }

private:
    ContractNotice storedNotice(Id id) const
    {
        return m_window->context()->stores().notices().get(id).value();
    }

    Id firstNotice(NoticeStatus status) const
    {
        NoticeModel *model = m_workspace->noticeModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->notice(row).status == status)
                return model->notice(row).id;
        }
        return 0;
    }

    QModelIndex viewIndex(Id id, int column) const
    {
        QAbstractItemModel *proxy = m_workspace->noticeView()->model();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, column);
            if (index.data(PlanRoles::IdRole).toLongLong() == id)
                return index;
        }
        return {};
    }

    static int viewRowOf(QTableView *view, Id id)
    {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, 0).data(PlanRoles::IdRole).toLongLong() == id)
                return row;
        }
        return -1;
    }

    void typeInto(QTableView *view, const QModelIndex &cell, const QString &text)
    {
        view->setCurrentIndex(cell);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    RegisterWorkspace *m_workspace = nullptr;
    QStringList m_asked;
    bool m_answer = true;
};

QTEST_MAIN(TestRegister)
#include "tst_register.moc"
