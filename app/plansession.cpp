#include "plansession.h"

#include "database.h"
#include "planstores.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {
const auto lastPlanKey = QStringLiteral("plan/last");
const auto recentPlansKey = QStringLiteral("plan/recent");
constexpr int maxRecentPlans = 8;
} // namespace

PlanSession::PlanSession(std::unique_ptr<PlanDatabase> database)
    : m_database(std::move(database))
    , m_stores(std::make_unique<PlanStores>(m_database->connection(), userName()))
{
}

PlanSession::~PlanSession()
{
    // The stores hold queries on the connection; they go before the database closes it.
    m_stores.reset();
    m_database.reset();
}

Result<std::unique_ptr<PlanSession>> PlanSession::open(const QString &path)
{
    auto database = PlanDatabase::open(path);
    if (!database)
        return Error{database.error()};
    return std::unique_ptr<PlanSession>(new PlanSession(std::move(database.value())));
}

Result<std::unique_ptr<PlanSession>> PlanSession::create(const QString &path)
{
    auto database = PlanDatabase::create(path);
    if (!database)
        return Error{database.error()};
    return std::unique_ptr<PlanSession>(new PlanSession(std::move(database.value())));
}

QString PlanSession::path() const
{
    return m_database->path();
}

QString PlanSession::userName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("unknown") : name;
}

namespace UserPlan {

QString bundledDemoPlan()
{
    return QStringLiteral(":/demo/nel-demo-plan.sqlite");
}

QString demoCopyPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("nel-demo-plan.sqlite"));
}

Result<QString> resolve(const QString &requested)
{
    if (!requested.isEmpty())
        return QFileInfo(requested).absoluteFilePath();
    const QString last = QSettings().value(lastPlanKey).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    const QString copy = demoCopyPath();
    if (QFileInfo::exists(copy))
        return copy;
    if (!QDir().mkpath(QFileInfo(copy).absolutePath()))
        return Error{QStringLiteral("Cannot create the folder for your plan: %1")
                         .arg(QDir::toNativeSeparators(QFileInfo(copy).absolutePath()))};
    // Copy to a temporary name first so a half-written copy is never taken for a plan.
    const QString partial = copy + QStringLiteral(".part");
    QFile::remove(partial);
    if (!QFile::copy(bundledDemoPlan(), partial))
        return Error{QStringLiteral("Cannot copy the demo plan to %1").arg(QDir::toNativeSeparators(copy))};
    // Resource files copy read-only; the user's copy must be writable.
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                       | QFileDevice::ReadOther);
    if (!QFile::rename(partial, copy))
        return Error{QStringLiteral("Cannot create the demo plan at %1").arg(QDir::toNativeSeparators(copy))};
    return copy;
}

void remember(const QString &path)
{
    QSettings settings;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    settings.setValue(lastPlanKey, absolute);
    QStringList recent = settings.value(recentPlansKey).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > maxRecentPlans)
        recent.removeLast();
    settings.setValue(recentPlansKey, recent);
}

QStringList recentPlans()
{
    return QSettings().value(recentPlansKey).toStringList();
}

void forget(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(recentPlansKey).toStringList();
    recent.removeAll(path);
    settings.setValue(recentPlansKey, recent);
}

} // namespace UserPlan
