// Cold start of the window on the demo plan: milliseconds from the start of main() to the
// first paint of the intention list, measured in-process by the planner (--measure-startup).
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString binary = QStringLiteral(CIPLANNER_BINARY);
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    if (!env.contains(QStringLiteral("DISPLAY")) || env.value(QStringLiteral("QT_QPA_PLATFORM")).isEmpty())
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    static const QRegularExpression line(QStringLiteral("first-paint-ms: ([0-9.]+)"));
    QList<double> samples;
    for (int run = 0; run < 11; ++run) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(binary, {QStringLiteral("--measure-startup")});
        if (!process.waitForFinished(60000)) {
            std::fprintf(stderr, "the planner did not start: %s\n", qPrintable(process.errorString()));
            return 1;
        }
        const auto match = line.match(QString::fromUtf8(process.readAllStandardOutput()));
        if (!match.hasMatch()) {
            std::fprintf(stderr, "no first paint reported: %s\n", process.readAllStandardError().constData());
            return 1;
        }
        if (run > 0) // the first run copies the demo plan on first start; the rest are cold starts
            samples << match.captured(1).toDouble();
    }
    Bench::report(QStringLiteral("window_cold_start_to_first_paint"), Bench::median(samples), QStringLiteral("ms"),
                  QStringLiteral("<="), 300);
    return 0;
}
