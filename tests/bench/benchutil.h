#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
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

// LibreOffice, the peer several benchmarks compare against (`./test.sh --bench` installs it).
// Each run uses its own profile folder, so a LibreOffice the user has open is neither used nor
// disturbed; the profile is made by a warm-up conversion first, which is not timed (making it
// takes LibreOffice seconds the first time only).
class LibreOffice
{
public:
    explicit LibreOffice(const QString &workDirectory)
        : m_profile(QDir(workDirectory).filePath(QStringLiteral("lo-profile")))
        , m_work(workDirectory)
    {
        m_program = QStandardPaths::findExecutable(QStringLiteral("libreoffice"));
        if (m_program.isEmpty())
            m_program = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    }

    bool isInstalled() const { return !m_program.isEmpty(); }

    // Converts files to PDF in outDirectory with one call; the seconds it took, or a negative
    // number when it failed (what went wrong is printed as a comment line).
    double convertToPdf(const QStringList &files, const QString &outDirectory)
    {
        if (!m_warm) {
            const QString sample = QDir(m_work).filePath(QStringLiteral("lo-warm-up.txt"));
            QFile text(sample);
            if (!text.open(QIODevice::WriteOnly) || text.write("warm up\n") < 0)
                return -1;
            text.close();
            m_warm = true;
            if (run({sample}, QDir(m_work).filePath(QStringLiteral("lo-warm-up"))) < 0)
                return -1;
        }
        return run(files, outDirectory);
    }

private:
    double run(const QStringList &files, const QString &outDirectory)
    {
        QStringList arguments{QStringLiteral("-env:UserInstallation=file://%1").arg(m_profile),
                              QStringLiteral("--headless"), QStringLiteral("--convert-to"), QStringLiteral("pdf"),
                              QStringLiteral("--outdir"), outDirectory};
        arguments += files;
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        process.start(m_program, arguments);
        if (!process.waitForFinished(1800000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            std::printf("# libreoffice failed (exit %d): %s\n", process.exitCode(),
                        process.readAll().right(400).constData());
            return -1;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const qsizetype written = QDir(outDirectory).entryList({QStringLiteral("*.pdf")}, QDir::Files).size();
        if (written != files.size()) {
            QStringList missing;
            for (const QString &file : files) {
                const QString pdf = QFileInfo(file).completeBaseName() + QStringLiteral(".pdf");
                if (!QFileInfo::exists(QDir(outDirectory).filePath(pdf)) && missing.size() < 3)
                    missing << pdf;
            }
            std::printf("# libreoffice wrote %lld of %lld PDFs (missing: %s): %s\n", qlonglong(written),
                        qlonglong(files.size()), qPrintable(missing.join(QStringLiteral(", "))),
                        process.readAll().right(300).constData());
            return -1;
        }
        return seconds;
    }

    QString m_program;
    QString m_profile;
    QString m_work;
    bool m_warm = false;
};

} // namespace Bench
