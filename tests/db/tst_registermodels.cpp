// The register's models (providers, contracts, notices) over a real plan: edits, refusals,
// undo and redo, issued notices, change history and the notice rules.
#include "contractmodel.h"
#include "database.h"
#include "noticemodel.h"
#include "plancontext.h"
#include "planstores.h"
#include "providermodel.h"
#include "registercommands.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

#include "requireok.h"

namespace {

// A small plan: three providers, contracts, two intentions, and notices in each state the
// tests need. Built fresh for every test.
struct Plan
{
    std::unique_ptr<PlanDatabase> database;
    std::unique_ptr<PlanStores> stores;
    std::unique_ptr<PlanContext> context;
    Id homerton = 0, barts = 0, elft = 0;
    Id homertonContract = 0, bartsContract = 0;
    Id equipment = 0, nhs111 = 0; // intentions
    Id draftNotice = 0, issuedNotice = 0;

    PlanStoreSet &s() { return *stores; }
    QUndoStack *undo() { return context->undoStack(); }
};

template<typename T>
Id idOf(const Result<T> &result)
{
    if (!result)
        qWarning("%s", qPrintable(result.error()));
    return result ? Id(result.value()) : 0;
}

std::unique_ptr<Plan> makePlan()
{
    auto plan = std::make_unique<Plan>();
    auto created = PlanDatabase::createInMemory();
    if (!created)
        qFatal("cannot create a plan: %s", qPrintable(created.error()));
    plan->database = std::move(created.value());
    plan->stores = std::make_unique<PlanStores>(plan->database->connection(), QStringLiteral("tester"));

    auto settings = plan->stores->settings().load().value();
    settings.icbName = QStringLiteral("NHS North East London");
    settings.planningYear = FiscalYear(2026);
    settings.noticeIssueDate = QDate(2025, 9, 30);
    settings.noticePeriodMonths = 6;
    if (!plan->stores->settings().save(settings))
        qFatal("cannot save settings");

    const auto provider = [&](const QString &name, ProviderType type) {
        Provider p;
        p.name = name;
        p.type = type;
        p.odsCode = name.left(3).toUpper();
        return idOf(plan->stores->providers().create(p));
    };
    plan->homerton = provider(QStringLiteral("Homerton Healthcare"), ProviderType::Acute);
    plan->barts = provider(QStringLiteral("Barts Health"), ProviderType::Acute);
    plan->elft = provider(QStringLiteral("East London NHS Foundation Trust"), ProviderType::CommunityMentalHealth);

    const auto contract = [&](Id providerId, const QString &title, QDate end) {
        Contract c;
        c.providerId = providerId;
        c.title = title;
        c.reference = QStringLiteral("NEL-%1").arg(providerId);
        c.start = QDate(2023, 4, 1);
        c.end = end;
        c.annualValue = 1250000.0;
        return idOf(plan->stores->contracts().create(c));
    };
    plan->homertonContract = contract(plan->homerton, QStringLiteral("Community services"), QDate(2028, 3, 31));
    plan->bartsContract = contract(plan->barts, QStringLiteral("Acute services"), QDate(2028, 3, 31));

    Portfolio portfolio;
    portfolio.name = QStringLiteral("Urgent and emergency care");
    portfolio.colour = QStringLiteral("#005EB8");
    const Id portfolioId = idOf(plan->stores->portfolios().create(portfolio));
    Intention equipment;
    equipment.portfolioId = portfolioId;
    equipment.title = QStringLiteral("Community equipment recommissioning");
    equipment.text = QStringLiteral("Recommission the community equipment service. Then review it.");
    equipment.providerIds = {plan->homerton};
    plan->equipment = idOf(plan->stores->intentions().create(equipment));
    Intention nhs111 = equipment;
    nhs111.title = QStringLiteral("111 contract");
    nhs111.providerIds = {};
    plan->nhs111 = idOf(plan->stores->intentions().create(nhs111));

    ContractNotice draft;
    draft.providerId = plan->homerton;
    draft.contractId = plan->homertonContract;
    draft.kind = NoticeKind::Reduce;
    draft.service = QStringLiteral("Community equipment");
    draft.summary = QStringLiteral("Fewer items");
    draft.issueDate = QDate(2025, 9, 30);
    draft.effectiveDate = QDate(2026, 4, 1);
    draft.intentionIds = {plan->equipment};
    plan->draftNotice = idOf(plan->stores->notices().create(draft));

    ContractNotice issued = draft;
    issued.providerId = plan->barts;
    issued.contractId = plan->bartsContract;
    issued.intentionIds = {};
    issued.service = QStringLiteral("Outpatient follow-up");
    issued.status = NoticeStatus::Issued;
    issued.letterReference = QStringLiteral("CN/2026-27/BAR");
    plan->issuedNotice = idOf(plan->stores->notices().create(issued));

    plan->context = std::make_unique<PlanContext>(*plan->stores);
    return plan;
}

} // namespace

class TestRegisterModels : public QObject
{
    Q_OBJECT
private slots:
    void duplicateAndRemoveSkipIdsNotShown()
    {
        // An id that is not (or no longer) in the table is left out, even when it comes first.
        auto plan = makePlan();
        ContractModel contracts;
        NoticeModel notices;
        contracts.setContext(plan->context.get());
        notices.setContext(plan->context.get());
        constexpr Id gone = 999999;
        REQUIRE_OK(notices.duplicate({gone, plan->draftNotice}));
        QCOMPARE(notices.rowCount(), 3);
        QVERIFY(plan->undo()->undoText().contains(QLatin1String("Duplicate notice")));
        REQUIRE_OK(contracts.duplicate({gone, plan->homertonContract}));
        QCOMPARE(contracts.rowCount(), 3);
        REQUIRE_OK(contracts.remove({gone, plan->homertonContract}));
        QCOMPARE(contracts.rowCount(), 2);
        QVERIFY(!contracts.duplicate({gone}));
        QVERIFY(contracts.lastError().contains(QLatin1String("Choose the contracts")));
    }

    void modelsStayConsistentThroughEditsAddsDeletesAndUndo()
    {
        auto plan = makePlan();
        ProviderModel providers;
        ContractModel contracts;
        NoticeModel notices;
        // Attached before anything is loaded, so every signal of the loads is checked too.
        QAbstractItemModelTester t1(&providers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&contracts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&notices, QAbstractItemModelTester::FailureReportingMode::QtTest);
        providers.setContext(plan->context.get());
        contracts.setContext(plan->context.get());
        notices.setContext(plan->context.get());
        QCOMPARE(providers.rowCount(), 3);
        QCOMPARE(contracts.rowCount(), 2);
        QCOMPARE(notices.rowCount(), 2);

        const auto added = providers.addProvider();
        REQUIRE_OK(added);
        QCOMPARE(providers.rowCount(), 4);
        QVERIFY(contracts.index(0, ContractModel::ProviderColumn)
                    .data(RegisterRoles::ChoicesRole)
                    .toList()
                    .size()
                == 4);
        REQUIRE_OK(contracts.addContract(added.value()));
        QCOMPARE(contracts.rowCount(), 3);
        REQUIRE_OK(notices.duplicate({plan->draftNotice}));
        QCOMPARE(notices.rowCount(), 3);
        REQUIRE_OK(contracts.remove({plan->homertonContract}));
        QCOMPARE(contracts.rowCount(), 2);
        QCOMPARE(notices.notice(notices.rowOf(plan->draftNotice)).contractId, Id(0));
        while (plan->undo()->canUndo())
            plan->undo()->undo();
        QCOMPARE(providers.rowCount(), 3);
        QCOMPARE(contracts.rowCount(), 2);
        QCOMPARE(notices.rowCount(), 2);
        while (plan->undo()->canRedo())
            plan->undo()->redo();
        QCOMPARE(providers.rowCount(), 4);
        QCOMPARE(notices.rowCount(), 3);
        providers.setContext(nullptr);
        QCOMPARE(providers.rowCount(), 0);
    }

    void providerEditUndoesAndRedoesExactly()
    {
        auto plan = makePlan();
        ProviderModel model;
        model.setContext(plan->context.get());
        const Provider before = plan->s().providers().get(plan->homerton).value();
        const QModelIndex name = model.indexOf(plan->homerton, ProviderModel::NameColumn);
        QVERIFY(model.setData(name, QStringLiteral("Homerton University Hospital")));
        Provider after = before;
        after.name = QStringLiteral("Homerton University Hospital");
        QCOMPARE(plan->s().providers().get(plan->homerton).value(), after);
        QCOMPARE(model.indexOf(plan->homerton, ProviderModel::NameColumn).data().toString(), after.name);
        plan->undo()->undo();
        QCOMPARE(plan->s().providers().get(plan->homerton).value(), before);
        QCOMPARE(model.indexOf(plan->homerton, ProviderModel::NameColumn).data().toString(), before.name);
        plan->undo()->redo();
        QCOMPARE(plan->s().providers().get(plan->homerton).value(), after);
    }

    void contractEditUndoesAndRedoesExactly()
    {
        auto plan = makePlan();
        ContractModel model;
        model.setContext(plan->context.get());
        const Contract before = plan->s().contracts().get(plan->bartsContract).value();
        QVERIFY(model.setData(model.indexOf(plan->bartsContract, ContractModel::AnnualValueColumn),
                              QStringLiteral("£2,500,000.50")));
        QCOMPARE(plan->s().contracts().get(plan->bartsContract).value().annualValue, std::optional<double>(2500000.5));
        QCOMPARE(model.indexOf(plan->bartsContract, ContractModel::AnnualValueColumn).data().toString(),
                 QStringLiteral("£2,500,000.50"));
        QVERIFY(model.setData(model.indexOf(plan->bartsContract, ContractModel::EndColumn), QDate(2029, 3, 31)));
        Contract after = plan->s().contracts().get(plan->bartsContract).value();
        plan->undo()->undo();
        plan->undo()->undo();
        QCOMPARE(plan->s().contracts().get(plan->bartsContract).value(), before);
        plan->undo()->redo();
        plan->undo()->redo();
        QCOMPARE(plan->s().contracts().get(plan->bartsContract).value(), after);
    }

    void noticeEditUndoesAndRedoesExactly()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        const ContractNotice before = plan->s().notices().get(plan->draftNotice).value();
        QTest::qWait(1100); // a new second, so a fresh "last changed" time would show
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::ServiceColumn),
                              QStringLiteral("Wheelchair service")));
        const ContractNotice after = plan->s().notices().get(plan->draftNotice).value();
        QCOMPARE(after.service, QStringLiteral("Wheelchair service"));
        QVERIFY(after.updatedAt > before.updatedAt);
        plan->undo()->undo();
        // Every field, the last-changed time included: the notice rules see no change.
        QCOMPARE(plan->s().notices().get(plan->draftNotice).value(), before);
        QCOMPARE(model.notice(model.rowOf(plan->draftNotice)), before);
        plan->undo()->redo();
        QCOMPARE(plan->s().notices().get(plan->draftNotice).value(), after);
    }

    void deletedNoticeComesBackWithItsIdAndLinks()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        const ContractNotice before = plan->s().notices().get(plan->draftNotice).value();
        REQUIRE_OK(model.remove({plan->draftNotice}));
        QCOMPARE(model.rowOf(plan->draftNotice), -1);
        QVERIFY(!plan->s().notices().get(plan->draftNotice));
        plan->undo()->undo();
        QCOMPARE(plan->s().notices().get(plan->draftNotice).value(), before);
        QVERIFY(model.rowOf(plan->draftNotice) >= 0);
        plan->undo()->redo();
        QVERIFY(!plan->s().notices().get(plan->draftNotice));
    }

    void addedNoticeComesBackWithTheSameIdOnRedo()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        const auto added = model.addNotice(model.prefilled(plan->barts));
        REQUIRE_OK(added);
        const ContractNotice stored = plan->s().notices().get(added.value()).value();
        plan->undo()->undo();
        QVERIFY(!plan->s().notices().get(added.value()));
        plan->undo()->redo();
        QCOMPARE(plan->s().notices().get(added.value()).value(), stored);
    }

    void deletedProviderComesBackAndLaterStepsStillReachIt()
    {
        auto plan = makePlan();
        ProviderModel model;
        model.setContext(plan->context.get());
        const auto added = model.addProvider();
        REQUIRE_OK(added);
        QVERIFY(model.setData(model.indexOf(added.value(), ProviderModel::NameColumn), QStringLiteral("Bromley Healthcare")));
        REQUIRE_OK(model.remove({added.value()}));
        QCOMPARE(model.rowCount(), 3);
        plan->undo()->undo(); // the delete
        plan->undo()->undo(); // the rename
        plan->undo()->undo(); // the add
        QCOMPARE(model.rowCount(), 3);
        plan->undo()->redo();
        plan->undo()->redo();
        // The provider was stored again (perhaps under a new id); the rename reached it.
        QCOMPARE(model.rowCount(), 4);
        bool found = false;
        for (const Provider &p : model.providers())
            found = found || p.name == QLatin1String("Bromley Healthcare");
        QVERIFY(found);
        plan->undo()->redo();
        QCOMPARE(model.rowCount(), 3);
    }

    void deletingAContractDetachesItsNoticesAndUndoPutsThemBack()
    {
        auto plan = makePlan();
        ContractModel contracts;
        NoticeModel notices;
        contracts.setContext(plan->context.get());
        notices.setContext(plan->context.get());
        REQUIRE_OK(contracts.remove({plan->homertonContract}));
        QCOMPARE(plan->s().notices().get(plan->draftNotice).value().contractId, Id(0));
        QCOMPARE(notices.index(notices.rowOf(plan->draftNotice), NoticeModel::ContractColumn).data().toString(), QString());
        const ContractNotice detached = plan->s().notices().get(plan->draftNotice).value();
        plan->undo()->undo();
        const Id contractNow = plan->s().notices().get(plan->draftNotice).value().contractId;
        QCOMPARE(plan->s().notices().get(plan->draftNotice).value().updatedAt, detached.updatedAt);
        QVERIFY(contractNow != 0);
        QCOMPARE(plan->s().contracts().get(contractNow).value().title, QStringLiteral("Community services"));
        QCOMPARE(notices.index(notices.rowOf(plan->draftNotice), NoticeModel::ContractColumn).data().toString(),
                 QStringLiteral("NEL-%1 · Community services").arg(plan->homerton));
    }

    void refusedEditsChangeNothingAndSayWhy_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("provider without a name") << "provider" << int(ProviderModel::NameColumn) << QVariant(QStringLiteral("  "))
                                                 << "A provider needs a name.";
        QTest::newRow("provider named like another")
            << "provider" << int(ProviderModel::NameColumn) << QVariant(QStringLiteral("barts health"))
            << "There is already a provider called “barts health”";
        QTest::newRow("provider email") << "provider" << int(ProviderModel::ContactEmailColumn)
                                        << QVariant(QStringLiteral("not an address")) << "is not an email address";
        QTest::newRow("provider type") << "provider" << int(ProviderModel::TypeColumn) << QVariant(QStringLiteral("bakery"))
                                       << "“bakery” is not a provider type";
        QTest::newRow("contract with an unknown provider")
            << "contract" << int(ContractModel::ProviderColumn) << QVariant(QStringLiteral("Nobody Trust"))
            << "There is no provider “Nobody Trust” in this plan.";
        QTest::newRow("contract ends before it starts") << "contract" << int(ContractModel::EndColumn)
                                                        << QVariant(QDate(2020, 1, 1)) << "would end (1 Jan 2020) before it starts";
        QTest::newRow("contract value negative") << "contract" << int(ContractModel::AnnualValueColumn)
                                                 << QVariant(QStringLiteral("-£5")) << "cannot be negative";
        QTest::newRow("contract value not money") << "contract" << int(ContractModel::AnnualValueColumn)
                                                  << QVariant(QStringLiteral("lots")) << "“lots” is not an amount of money";
        QTest::newRow("contract notice period") << "contract" << int(ContractModel::NoticePeriodColumn) << QVariant(99)
                                                << "The notice period is between 1 and 60 months";
        QTest::newRow("contract title empty") << "contract" << int(ContractModel::TitleColumn) << QVariant(QString())
                                              << "A contract needs a title.";
        QTest::newRow("notice to an unknown provider") << "notice" << int(NoticeModel::ProviderColumn)
                                                       << QVariant(Id(9999)) << "There is no provider";
        QTest::newRow("notice on another provider's contract")
            << "notice" << int(NoticeModel::ContractColumn) << QVariant(QStringLiteral("Acute services"))
            << "The contract “Acute services” is with Barts Health, not Homerton Healthcare";
        QTest::newRow("notice on an unknown contract") << "notice" << int(NoticeModel::ContractColumn)
                                                       << QVariant(QStringLiteral("No such contract")) << "There is no contract";
        QTest::newRow("transfer without a receiving provider")
            << "notice" << int(NoticeModel::KindColumn) << QVariant(int(NoticeKind::Transfer))
            << "choose the receiving provider first";
        QTest::newRow("transfer to itself") << "notice" << int(NoticeModel::ReceivingProviderColumn)
                                            << QVariant(QStringLiteral("Homerton Healthcare")) << "already runs it";
        QTest::newRow("effective before issue") << "notice" << int(NoticeModel::EffectiveDateColumn)
                                                << QVariant(QDate(2025, 1, 1)) << "before it is issued (30 Sept 2025)";
        QTest::newRow("draft straight to issued") << "notice" << int(NoticeModel::StatusColumn)
                                                  << QVariant(int(NoticeStatus::Issued)) << "is approved before it is issued";
        QTest::newRow("not a date") << "notice" << int(NoticeModel::IssueDateColumn) << QVariant(QStringLiteral("soon"))
                                    << "“soon” is not a date";
    }

    void refusedEditsChangeNothingAndSayWhy()
    {
        QFETCH(QString, table);
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(QString, message);
        auto plan = makePlan();
        ProviderModel providers;
        ContractModel contracts;
        NoticeModel notices;
        RegisterTableModel *model = &providers;
        Id id = plan->homerton;
        if (table == QLatin1String("contract")) {
            model = &contracts;
            id = plan->homertonContract;
        } else if (table == QLatin1String("notice")) {
            model = &notices;
            id = plan->draftNotice;
        }
        model->setContext(plan->context.get());
        const auto providersBefore = plan->s().providers().list().value();
        const auto contractsBefore = plan->s().contracts().list().value();
        const auto noticesBefore = plan->s().notices().list().value();
        QSignalSpy rejected(model, &RegisterTableModel::editRejected);
        const QModelIndex cell = model->indexOf(id, column);

        QVERIFY(!model->setData(cell, value));

        QCOMPARE(rejected.size(), 1);
        const QString said = rejected.at(0).at(1).toString();
        QVERIFY2(said.contains(message), qPrintable(said));
        QCOMPARE(rejected.at(0).at(0).value<QModelIndex>(), cell);
        QCOMPARE(model->lastError(), said);
        QCOMPARE(plan->undo()->count(), 0);
        QCOMPARE(plan->s().providers().list().value(), providersBefore);
        QCOMPARE(plan->s().contracts().list().value(), contractsBefore);
        QCOMPARE(plan->s().notices().list().value(), noticesBefore);
    }

    void transferWithReceivingProviderIsAccepted()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::ReceivingProviderColumn), plan->elft));
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::KindColumn), QStringLiteral("Transfer")));
        const ContractNotice stored = plan->s().notices().get(plan->draftNotice).value();
        QCOMPARE(stored.kind, NoticeKind::Transfer);
        QCOMPARE(stored.receivingProviderId, plan->elft);
        // Leaving transfer forgets the receiving provider in the same step.
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::KindColumn), int(NoticeKind::Change)));
        QCOMPARE(plan->s().notices().get(plan->draftNotice).value().receivingProviderId, Id(0));
    }

    void changingTheProviderClearsAContractOfTheOldOne()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::ProviderColumn), QStringLiteral("Barts Health")));
        const ContractNotice stored = plan->s().notices().get(plan->draftNotice).value();
        QCOMPARE(stored.providerId, plan->barts);
        QCOMPARE(stored.contractId, Id(0));
        QCOMPARE(plan->undo()->count(), 1);
    }

    void settingTheIssueDateFillsTheDefaultEffectiveDate()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::EffectiveDateColumn), QVariant()));
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::IssueDateColumn), QStringLiteral("2/10/2025")));
        const ContractNotice stored = plan->s().notices().get(plan->draftNotice).value();
        QCOMPARE(stored.issueDate, QDate(2025, 10, 2));
        // Six months from 2 October is after 1 April 2026: the next 1 April.
        QCOMPARE(stored.effectiveDate, QDate(2027, 4, 1));
    }

    void issuedNoticeIsNotEditedWithoutConfirmation()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        const ContractNotice before = plan->s().notices().get(plan->issuedNotice).value();
        QSignalSpy asked(&model, &NoticeModel::confirmationNeeded);
        QSignalSpy rejected(&model, &RegisterTableModel::editRejected);
        const QModelIndex service = model.indexOf(plan->issuedNotice, NoticeModel::ServiceColumn);
        QVERIFY(service.data(RegisterRoles::NeedsConfirmationRole).toBool());

        QVERIFY(!model.setData(service, QStringLiteral("Outpatients")));

        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(1).toString(), QStringLiteral("Outpatients"));
        QVERIFY(asked.at(0).at(2).toString().contains(QLatin1String("has been issued to the provider")));
        QCOMPARE(rejected.size(), 0);
        QCOMPARE(plan->s().notices().get(plan->issuedNotice).value(), before);
        QCOMPARE(plan->undo()->count(), 0);
    }

    void confirmedEditOfIssuedNoticeSupersedesItsLetter()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        const ContractNotice before = plan->s().notices().get(plan->issuedNotice).value();

        QVERIFY(model.setDataConfirmed(model.indexOf(plan->issuedNotice, NoticeModel::ServiceColumn),
                                       QStringLiteral("Outpatients")));

        const ContractNotice after = plan->s().notices().get(plan->issuedNotice).value();
        QCOMPARE(after.service, QStringLiteral("Outpatients"));
        QCOMPARE(after.status, NoticeStatus::Issued);
        QCOMPARE(after.letterReference, QString());
        // The history says which letter no longer matches the notice.
        const auto history = plan->s().history().listFor(QStringLiteral("notice"), plan->issuedNotice).value();
        bool superseded = false;
        for (const ChangeRecord &change : history)
            superseded = superseded
                || (change.field == QLatin1String("letter_reference") && change.oldValue == QLatin1String("CN/2026-27/BAR")
                    && change.newValue.isEmpty());
        QVERIFY(superseded);
        QVERIFY(plan->undo()->text(0).contains(QLatin1String("letter superseded")));
        plan->undo()->undo();
        QCOMPARE(plan->s().notices().get(plan->issuedNotice).value(), before);
    }

    void statusOfIssuedNoticeMovesOnWithoutConfirmation()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        QSignalSpy asked(&model, &NoticeModel::confirmationNeeded);
        QVERIFY(model.setData(model.indexOf(plan->issuedNotice, NoticeModel::StatusColumn), QStringLiteral("Acknowledged")));
        QCOMPARE(asked.size(), 0);
        QCOMPARE(plan->s().notices().get(plan->issuedNotice).value().letterReference, QStringLiteral("CN/2026-27/BAR"));
    }

    void statusChangeIsInTheChangeHistory()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::StatusColumn), int(NoticeStatus::Approved)));
        const auto history = plan->s().history().listFor(QStringLiteral("notice"), plan->draftNotice).value();
        QVERIFY(!history.isEmpty());
        const ChangeRecord &last = history.constFirst(); // newest first
        QCOMPARE(last.field, QStringLiteral("status"));
        QCOMPARE(last.oldValue, QStringLiteral("draft"));
        QCOMPARE(last.newValue, QStringLiteral("approved"));
        QCOMPARE(last.user, QStringLiteral("tester"));
        plan->undo()->undo();
        const auto undone = plan->s().history().listFor(QStringLiteral("notice"), plan->draftNotice).value();
        QCOMPARE(undone.constFirst().newValue, QStringLiteral("draft"));
    }

    void batchEditIsOneUndoStepCheckedAsAWhole()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        model.beginBatch(plan->draftNotice);
        const int row = model.rowOf(plan->draftNotice);
        // Kind first, receiving provider after: only the whole notice has to make sense.
        QVERIFY(model.setData(model.index(row, NoticeModel::KindColumn), int(NoticeKind::Transfer)));
        QVERIFY(model.setData(model.index(row, NoticeModel::ReceivingProviderColumn), plan->elft));
        QVERIFY(model.setData(model.index(row, NoticeModel::SummaryColumn), QStringLiteral("Moves to ELFT")));
        QCOMPARE(plan->s().notices().get(plan->draftNotice).value().kind, NoticeKind::Reduce);
        QCOMPARE(model.commitBatch(), NoticeModel::BatchOutcome::Applied);
        const ContractNotice stored = plan->s().notices().get(plan->draftNotice).value();
        QCOMPARE(stored.kind, NoticeKind::Transfer);
        QCOMPARE(stored.receivingProviderId, plan->elft);
        QCOMPARE(stored.summary, QStringLiteral("Moves to ELFT"));
        QCOMPARE(plan->undo()->count(), 1);
    }

    void batchEditOfIssuedNoticeWaitsForConfirmation()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        model.beginBatch(plan->issuedNotice);
        QVERIFY(model.setData(model.indexOf(plan->issuedNotice, NoticeModel::SummaryColumn), QStringLiteral("Changed")));
        QCOMPARE(model.commitBatch(), NoticeModel::BatchOutcome::NeedsConfirmation);
        QCOMPARE(plan->undo()->count(), 0);
        QCOMPARE(model.commitBatch(true), NoticeModel::BatchOutcome::Applied);
        QCOMPARE(plan->s().notices().get(plan->issuedNotice).value().summary, QStringLiteral("Changed"));
        QCOMPARE(plan->s().notices().get(plan->issuedNotice).value().letterReference, QString());
    }

    void noticePrefilledForAnIntentionIsLinkedToIt()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        const ContractNotice notice = model.prefilled(0, {plan->equipment});
        // The intention names Homerton, which has one contract.
        QCOMPARE(notice.providerId, plan->homerton);
        QCOMPARE(notice.contractId, plan->homertonContract);
        QCOMPARE(notice.intentionIds, QList<Id>{plan->equipment});
        QCOMPARE(notice.service, QStringLiteral("Community equipment recommissioning"));
        QCOMPARE(notice.summary, QStringLiteral("Recommission the community equipment service."));
        QCOMPARE(notice.issueDate, QDate(2025, 9, 30));
        QCOMPARE(notice.effectiveDate, QDate(2026, 4, 1));
        const auto id = model.addNotice(notice);
        REQUIRE_OK(id);
        QCOMPARE(plan->s().notices().get(id.value()).value().intentionIds, QList<Id>{plan->equipment});
        QCOMPARE(model.indexOf(id.value(), NoticeModel::IntentionsColumn).data().toString(),
                 QStringLiteral("Community equipment recommissioning"));
    }

    void providerWithContractsIsNotDeleted()
    {
        auto plan = makePlan();
        ProviderModel model;
        model.setContext(plan->context.get());
        QSignalSpy rejected(&model, &RegisterTableModel::editRejected);
        const auto removed = model.remove({plan->barts});
        QVERIFY(!removed);
        QVERIFY2(removed.error().contains(QLatin1String("contract")), qPrintable(removed.error()));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(plan->undo()->count(), 0);
    }

    void noticeWithFiveMonthsNoticeIsFound()
    {
        auto plan = makePlan();
        NoticeModel model;
        model.setContext(plan->context.get());
        QSignalSpy rechecked(&model, &NoticeModel::findingsChanged);
        const QModelIndex provider = model.indexOf(plan->draftNotice, NoticeModel::ProviderColumn);
        QVERIFY(provider.data(RegisterRoles::FindingsRole).toStringList().isEmpty());
        QVERIFY(!provider.data(Qt::DecorationRole).isValid());

        QVERIFY(model.setData(model.indexOf(plan->draftNotice, NoticeModel::EffectiveDateColumn), QDate(2026, 3, 1)));

        QVERIFY(rechecked.size() >= 1);
        const QStringList findings = model.indexOf(plan->draftNotice, NoticeModel::ProviderColumn)
                                         .data(RegisterRoles::FindingsRole)
                                         .toStringList();
        QCOMPARE(findings.size(), 1);
        // Issued 30 September, effective 1 March: five months' notice where six are needed.
        QVERIFY2(findings.first().contains(QLatin1String("only 5 months")), qPrintable(findings.first()));
        QVERIFY(model.indexOf(plan->draftNotice, NoticeModel::ProviderColumn).data(Qt::DecorationRole).isValid());
        QCOMPARE(model.indexOf(plan->draftNotice, NoticeModel::FindingsColumn).data().toString(),
                 NoticeRules::label(NoticeRule::ShortNotice));
        plan->undo()->undo();
        QVERIFY(model.indexOf(plan->draftNotice, NoticeModel::ProviderColumn).data(RegisterRoles::FindingsRole).toStringList().isEmpty());
    }

    void modelsFollowChangesMadeElsewhere()
    {
        auto plan = makePlan();
        ProviderModel providers;
        NoticeModel notices;
        providers.setContext(plan->context.get());
        notices.setContext(plan->context.get());
        QVERIFY(providers.setData(providers.indexOf(plan->homerton, ProviderModel::NameColumn), QStringLiteral("Homerton")));
        QCOMPARE(notices.indexOf(plan->draftNotice, NoticeModel::ProviderColumn).data().toString(), QStringLiteral("Homerton"));
    }

    void noticesFollowIntentionsChangedOrDeletedElsewhere()
    {
        auto plan = makePlan();
        NoticeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContext(plan->context.get());
        Intention equipment = plan->s().intentions().get(plan->equipment).value();
        equipment.title = QStringLiteral("Equipment service");
        REQUIRE_OK(plan->s().intentions().update(equipment));
        plan->context->notifyChanged(PlanContext::Entity::Intention, {plan->equipment});
        QCOMPARE(model.indexOf(plan->draftNotice, NoticeModel::IntentionsColumn).data().toString(),
                 QStringLiteral("Equipment service"));
        REQUIRE_OK(plan->s().intentions().remove(plan->equipment));
        plan->context->notifyChanged(PlanContext::Entity::Intention, {plan->equipment});
        QCOMPARE(model.notice(model.rowOf(plan->draftNotice)).intentionIds, QList<Id>());
        QCOMPARE(model.indexOf(plan->draftNotice, NoticeModel::IntentionsColumn).data().toString(), QString());
    }

    void moneyAndDatesReadAsPeopleWriteThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("amount");
        QTest::newRow("pounds and pence") << "£12,500.00" << 12500.0;
        QTest::newRow("plain") << "12500.5" << 12500.5;
        QTest::newRow("negative") << "-£1,200" << -1200.0;
        QTest::newRow("pound then minus") << "£-3" << -3.0;
    }

    void moneyAndDatesReadAsPeopleWriteThem()
    {
        QFETCH(QString, text);
        QFETCH(double, amount);
        const auto parsed = RegisterValues::parseMoney(text);
        REQUIRE_OK(parsed);
        QCOMPARE(*parsed.value(), amount);
        QCOMPARE(RegisterValues::parseDate(QStringLiteral("01/04/2026")).value(), QDate(2026, 4, 1));
        QCOMPARE(RegisterValues::parseDate(QStringLiteral("1 Apr 2026")).value(), QDate(2026, 4, 1));
        QCOMPARE(RegisterValues::parseDate(QStringLiteral("2026-04-01")).value(), QDate(2026, 4, 1));
        QCOMPARE(RegisterValues::money(-1200.0), QStringLiteral("-£1,200.00"));
    }
};

QTEST_MAIN(TestRegisterModels)
#include "tst_registermodels.moc"
