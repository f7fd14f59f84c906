#pragma once

#include "sqlrepositories.h"
#include "stores.h"

#include <QSqlDatabase>
#include <QString>

// Every store of one open plan, over its connection. The window and the command line take the
// interfaces from here; the connection must outlive this object.
class PlanStores
{
public:
    // user is the name written in change history.
    explicit PlanStores(QSqlDatabase db, const QString &user = SqlUtil::currentUserName());
    PlanStores(const PlanStores &) = delete;
    PlanStores &operator=(const PlanStores &) = delete;

    PlanSettingsStore &settings() { return m_settings; }
    PortfolioStore &portfolios() { return m_portfolios; }
    ProgrammeAreaStore &programmeAreas() { return m_programmeAreas; }
    IntentionStore &intentions() { return m_intentions; }
    OutcomeDomainStore &outcomeDomains() { return m_outcomeDomains; }
    PlaceStore &places() { return m_places; }
    ProviderStore &providers() { return m_providers; }
    ContractStore &contracts() { return m_contracts; }
    NoticeStore &notices() { return m_notices; }
    LetterRecordStore &letters() { return m_letters; }
    ChangeHistoryStore &history() { return m_history; }
    PlanSummaryStore &summary() { return m_summary; }

    QString user() const { return m_user; }

private:
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
    SqlChangeHistoryRepository m_history;
    SqlPlanSummaryRepository m_summary;
};
