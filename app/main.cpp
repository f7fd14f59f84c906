#include "commandline.h"
#include "intentiongrid.h"
#include "mainwindow.h"
#include "planbrowser.h"
#include "plansession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QTreeView>
#include <QTimer>

#include <cstdio>

namespace {

bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Commissioning Intentions Planner"));
    QCoreApplication::setApplicationName(QStringLiteral("ciplanner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CIPLANNER_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Commissioning Intentions Planner"));
}

// Prints the time from the start of main to the window's first paint, then quits.
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(const QElapsedTimer &sinceStart, QObject *parent)
        : QObject(parent)
        , m_sinceStart(sinceStart)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            const double ms = double(m_sinceStart.nsecsElapsed()) / 1e6;
            std::printf("first-paint-ms: %.1f\n", ms);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_sinceStart;
    bool m_reported = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    const bool headless = CommandLine::namesHeadlessJob(rawArguments);
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // jobs never need a display

    if (!headless && !hasDisplay()) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        CommandLine::configure(parser);
        QTextStream err(stderr);
        err << "There is no display to open the planner's window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
               "Run it on a desktop or under Xvfb, or use one of the headless jobs:\n\n"
            << parser.helpText();
        return CommandLine::BadUsage;
    }

    QApplication app(argc, argv);
    setIdentity();
    QCommandLineParser parser;
    CommandLine::configure(parser);
    parser.process(app);

    if (CommandLine::hasJob(parser)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return CommandLine::runJob(parser, out, err);
    }

    MainWindow window;
    const auto path = UserPlan::resolve(parser.value(CommandLine::options().plan));
    if (!path)
        QMessageBox::critical(&window, QObject::tr("Cannot open the plan"), path.error());
    else
        window.openPlanInteractively(path.value());
    if (parser.isSet(CommandLine::options().measureStartup)) {
        // The intentions grid (the first tab) is the last thing on screen to be filled: its
        // first paint is "ready".
        const auto *grid = window.findChild<IntentionGrid *>();
        QWidget *ready = grid ? grid->treeView()->viewport() : window.browser()->intentionList()->viewport();
        ready->installEventFilter(new FirstPaintProbe(sinceStart, &window));
    }
    if (parser.isSet(CommandLine::options().tab)) {
        const QString title = parser.value(CommandLine::options().tab);
        for (int i = 0; i < window.workspaces()->count(); ++i) {
            // "&&" is a literal ampersand in a tab title ("Providers && notices"), "&" a mnemonic.
            QString text = window.workspaces()->tabText(i);
            text.replace(QLatin1String("&&"), QStringLiteral("\x01")).remove(u'&').replace(u'\x01', u'&');
            if (text.compare(title, Qt::CaseInsensitive) == 0)
                window.workspaces()->setCurrentIndex(i);
        }
    }
    if (parser.isSet(CommandLine::options().screenshot)) {
        const QString file = parser.value(CommandLine::options().screenshot);
        QTimer::singleShot(600, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            std::printf(saved ? "saved %s\n" : "could not save %s\n", qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    window.show();
    return app.exec();
}
