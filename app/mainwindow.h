#pragma once

#include "result.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QTabWidget;
class PlanBrowser;
class PlanContext;
class PlanSession;
class PortfolioTreeModel;
class IntentionListModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens path as the current plan; on failure shows nothing and returns the message.
    Result<void> openPlan(const QString &path);
    // Opens path, telling the user in a message box when it cannot be opened.
    bool openPlanInteractively(const QString &path);

    PlanSession *session() const { return m_session.get(); }
    // The open plan's stores, undo stack and change signal; null when no plan is open.
    PlanContext *context() const { return m_context.get(); }
    PlanBrowser *browser() const { return m_browser; }
    QString statusText() const;

    // Where features plug in: each adds its workspace tab and its menu actions once, and
    // follows planChanged() to show the plan that is open.
    enum class Menu { File, Edit, View, Plan, Help };
    QMenu *menu(Menu which) const;
    void addWorkspace(QWidget *workspace, const QString &title);
    QTabWidget *workspaces() const { return m_workspaces; }

signals:
    // A plan was opened (context) or closed (nullptr). Emitted after the old context is gone.
    void planChanged(PlanContext *context);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void reload();
    void updateRecentMenu();
    void updateTitle();
    void newPlan();
    void openPlanDialog();
    void saveCopyAs();
    void about();

    std::unique_ptr<PlanSession> m_session;
    std::unique_ptr<PlanContext> m_context;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_planMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QTabWidget *m_workspaces = nullptr;
    PortfolioTreeModel *m_portfolioTree = nullptr;
    IntentionListModel *m_intentions = nullptr;
    PlanBrowser *m_browser = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_planLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QAction *m_saveCopyAction = nullptr;
};
