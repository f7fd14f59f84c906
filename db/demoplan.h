#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

// What the demo plan holds once built, counted from the plan itself.
struct DemoPlanReport
{
    int portfolios = 0;
    int portfoliosWithJfpPage = 0; // described from a Joint Forward Plan portfolio page
    int benefits = 0;
    int programmeAreas = 0;
    int intentions = 0;
    int intentionsNeedingReview = 0;
    int places = 0;
    int providers = 0;
    int outcomeDomains = 0;
    int contracts = 0;
    int notices = 0;
};

// The bundled demo plan: NHS North East London's 2026/27 commissioning intentions with the
// portfolio pages of its Joint Forward Plan, its places and providers, and the NEL Outcomes
// and Equity Framework's domains, built from the four CSVs of resources/demo (see NOTES.md),
// with an illustrative register of contracts and contract notices (see addContractRegister).
namespace DemoPlan {

inline constexpr char intentionsFile[] = "nel-2026-27-intentions.csv";
inline constexpr char portfoliosFile[] = "nel-portfolios.csv";
inline constexpr char placesFile[] = "nel-places.csv";
inline constexpr char providersFile[] = "nel-providers.csv";

// The illustrative contract register of the demo (demonotices.cpp): ODS codes and addresses of
// the main NEL providers, their contracts, and notices derived from the intentions that imply a
// contractual change (one of them given with five months' notice, for the checks to find).
// Part of build(); needs its providers and intentions.
Result<void> addContractRegister(QSqlDatabase db);

// Fills an empty, migrated plan in one transaction; refuses a plan that already holds data.
// The intentions go through IntentionCsvImporter, the same path as a user's import.
Result<DemoPlanReport> build(QSqlDatabase db, const QString &csvDir);

// The Joint Forward Plan page name for a portfolio of the intentions (e.g. "Maternity and
// Neonatal" → "Maternity"), or an empty string when the JFP has no page for it.
QString jointForwardPlanName(const QString &intentionsPortfolio);

} // namespace DemoPlan
