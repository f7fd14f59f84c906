#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

// One line per figure, the format `./test.sh --bench` promises:
//   bench <name> <median> <unit> target <op><value> <ok|MISSED>
namespace Bench {

inline double median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype mid = samples.size() / 2;
    return samples.size() % 2 ? samples.at(mid) : (samples.at(mid - 1) + samples.at(mid)) / 2;
}

// op is "<=" or ">="; returns whether the target was met.
inline bool report(const QString &name, double value, const QString &unit, const QString &op, double target)
{
    const bool ok = op == QLatin1String("<=") ? value <= target : value >= target;
    std::printf("bench %s %.3f %s target %s%g %s\n", qPrintable(name), value, qPrintable(unit), qPrintable(op),
                target, ok ? "ok" : "MISSED");
    std::fflush(stdout);
    return ok;
}

// A figure reported for comparison only (a peer, a ratio), with no target of its own.
inline void info(const QString &name, double value, const QString &unit)
{
    std::printf("bench %s %.3f %s target none ok\n", qPrintable(name), value, qPrintable(unit));
    std::fflush(stdout);
}

} // namespace Bench
