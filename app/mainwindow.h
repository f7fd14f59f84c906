#pragma once

#include "result.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class PlanBrowser;
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
    PlanBrowser *browser() const { return m_browser; }
    QString statusText() const;

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
    PortfolioTreeModel *m_portfolioTree = nullptr;
    IntentionListModel *m_intentions = nullptr;
    PlanBrowser *m_browser = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_planLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QAction *m_saveCopyAction = nullptr;
};
