#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QString>

// Small helpers shared by the application tests.
namespace PlanFixtures {

// Copies the demo plan bundled in the application (":/demo/…") to dir and returns its path.
inline QString copyDemoPlan(const QDir &dir, const QString &name = QStringLiteral("plan.sqlite"))
{
    const QString target = dir.filePath(name);
    QFile::remove(target);
    if (!QFile::copy(QStringLiteral(":/demo/nel-demo-plan.sqlite"), target))
        return {};
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return target;
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

inline QStringList sideFiles(const QString &path)
{
    QStringList found;
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (QFile::exists(path + QLatin1String(suffix)))
            found << path + QLatin1String(suffix);
    }
    return found;
}

} // namespace PlanFixtures
