#pragma once

#include "sqlrepositories.h"
#include "stores.h"

#include <QSqlDatabase>
#include <QString>

// Every store of one open plan, over its connection. The window and the command line take the
// interfaces from here; the connection must outlive this object.
class PlanStores : public PlanStoreSet
{
public:
    // user is the name written in change history.
    explicit PlanStores(QSqlDatabase db, const QString &user = SqlUtil::currentUserName());
    PlanStores(const PlanStores &) = delete;
    PlanStores &operator=(const PlanStores &) = delete;

    PlanSettingsStore &settings() override { return m_settings; }
    PortfolioStore &portfolios() override { return m_portfolios; }
    ProgrammeAreaStore &programmeAreas() override { return m_programmeAreas; }
    IntentionStore &intentions() override { return m_intentions; }
    OutcomeDomainStore &outcomeDomains() override { return m_outcomeDomains; }
    PlaceStore &places() override { return m_places; }
    ProviderStore &providers() override { return m_providers; }
    ContractStore &contracts() override { return m_contracts; }
    NoticeStore &notices() override { return m_notices; }
    LetterRecordStore &letters() override { return m_letters; }
    LetterTemplateStore &templates() override { return m_templates; }
    ChangeHistoryStore &history() override { return m_history; }
    PlanSummaryStore &summary() override { return m_summary; }

    Result<void> inTransaction(const std::function<Result<void>()> &work) override;

    QString user() const { return m_user; }

private:
    QSqlDatabase m_db;
    QString m_user;
    SqlPlanSettingsRepository m_settings;
    SqlPortfolioRepository m_portfolios;
    SqlProgrammeAreaRepository m_programmeAreas;
    SqlIntentionRepository m_intentions;
    SqlOutcomeDomainRepository m_outcomeDomains;
    SqlPlaceRepository m_places;
    SqlProviderRepository m_providers;
    SqlContractRepository m_contracts;
    SqlNoticeRepository m_notices;
    SqlLetterRecordRepository m_letters;
    SqlLetterTemplateRepository m_templates;
    SqlChangeHistoryRepository m_history;
    SqlPlanSummaryRepository m_summary;
};
