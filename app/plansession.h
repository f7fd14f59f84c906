#pragma once

#include "result.h"

#include <QString>

#include <memory>

class PlanDatabase;
class PlanStores;

// One open plan: its database file and the stores over it. The window and every
// command-line job work through a session.
class PlanSession
{
public:
    static Result<std::unique_ptr<PlanSession>> open(const QString &path);
    static Result<std::unique_ptr<PlanSession>> create(const QString &path);
    ~PlanSession();

    PlanDatabase &database() const { return *m_database; }
    PlanStores &stores() const { return *m_stores; }
    QString path() const;

    // The name written into the change history for edits made in this session.
    static QString userName();

private:
    explicit PlanSession(std::unique_ptr<PlanDatabase> database);
    std::unique_ptr<PlanDatabase> m_database;
    std::unique_ptr<PlanStores> m_stores;
};

// Where the user's plan lives when none is named: the last plan opened, or on first run a
// copy of the bundled demo plan in the user's data folder (the bundled file is never written).
namespace UserPlan {
QString bundledDemoPlan(); // ":/demo/nel-demo-plan.sqlite"
QString demoCopyPath();     // <AppDataLocation>/nel-demo-plan.sqlite
Result<QString> resolve(const QString &requested);
void remember(const QString &path); // last plan and recent list
QStringList recentPlans();
void forget(const QString &path);
} // namespace UserPlan
