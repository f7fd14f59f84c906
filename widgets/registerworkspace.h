#pragma once

#include "entities.h"
#include "result.h"

#include <QSortFilterProxyModel>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSplitter;
class QTableView;
class ContractModel;
class NoticeForm;
class NoticeModel;
class PlanContext;
class ProviderModel;
class RegisterDelegate;
class RegisterTableModel;

// Narrows a register table to rows whose text contains the filter (any column, any case) and,
// for notices, to those linked to given intentions. Sorts by PlanRoles::SortRole.
class RegisterFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RegisterFilterProxy(QObject *parent = nullptr);
    void setText(const QString &text);
    // Only rows linked (RegisterRoles::IntentionIdsRole) to one of ids; empty: every row.
    void setIntentionIds(const QList<Id> &ids);
    QList<Id> intentionIds() const { return m_intentionIds; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QList<Id> m_intentionIds;
};

// The "Providers & notices" workspace: the register of providers, their contracts and the
// contract notices, each an editable table with a filter box and add / duplicate / delete,
// beside the list of what the notice rules find (what is wrong and how to fix it; a
// double-click goes to the notice). The notice rows carry the same findings as markers.
//
// Every edit goes through the register models, so it is checked (a refusal is shown at the
// cell and in the message line), one undo step and one transaction. Editing an issued notice
// asks first (see NoticeModel). Questions go through confirmer(), so tests can answer them.
class RegisterWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit RegisterWorkspace(QWidget *parent = nullptr);
    ~RegisterWorkspace() override;

    void setContext(PlanContext *context);
    PlanContext *context() const { return m_context; }

    ProviderModel *providerModel() const { return m_providers; }
    ContractModel *contractModel() const { return m_contracts; }
    NoticeModel *noticeModel() const { return m_notices; }
    QTableView *providerView() const { return m_providerView; }
    QTableView *contractView() const { return m_contractView; }
    QTableView *noticeView() const { return m_noticeView; }
    RegisterFilterProxy *noticeProxy() const { return m_noticeProxy; }
    QLineEdit *noticeFilter() const { return m_noticeFilter; }
    QListWidget *findingsList() const { return m_findings; }

    // Asked before deleting and before editing an issued notice: true to go ahead. The
    // default asks in a message box.
    using Confirmer = std::function<bool(const QString &title, const QString &question)>;
    void setConfirmer(Confirmer confirmer);
    bool confirm(const QString &title, const QString &question) const;

    // --- navigation ----------------------------------------------------------------------------
    // Shows and selects the notice (clearing filters that hide it).
    void selectNotice(Id noticeId);
    Id currentNoticeId() const;
    QList<Id> selectedNoticeIds() const;
    Id currentProviderId() const;
    // Shows only the notices linked to the intentions (empty: all notices again).
    void showNoticesForIntentions(const QList<Id> &intentionIds);
    // Opens the form for the notice in a window of its own (one per notice; reused).
    NoticeForm *openNoticeForm(Id noticeId);
    NoticeForm *noticeForm() const { return m_form; }

    // --- actions (also on the buttons) -------------------------------------------------------
    Result<Id> addProvider();
    Result<Id> addContract();
    Result<Id> addNotice();
    void duplicateSelected(QTableView *view);
    void deleteSelected(QTableView *view);

    // The last message shown (a refusal, what an action did).
    QString lastMessage() const { return m_lastMessage; }
    // "3 notices need attention" or "Every notice passes the checks".
    QString findingsSummary() const;

signals:
    // The user asked to see these intentions (from a notice's row or its form).
    void intentionsRequested(const QList<Id> &intentionIds);
    void statusMessage(const QString &message);

private:
    QWidget *makeSection(const QString &title, QTableView *view, RegisterFilterProxy *proxy, QLineEdit *filter,
                         const QList<QPushButton *> &buttons);
    void attach(QTableView *view, RegisterFilterProxy *proxy, RegisterTableModel *model);
    void showRefusal(QTableView *view, RegisterFilterProxy *proxy, const QModelIndex &sourceIndex, const QString &message);
    void say(const QString &message);
    void updateFindings();
    void askToConfirmEdit(const QModelIndex &index, const QVariant &value, const QString &message);
    QList<Id> selectedIds(QTableView *view) const;
    void updateIntentionFilterLabel();
    void selectSourceRow(QTableView *view, RegisterFilterProxy *proxy, QLineEdit *filter, int sourceRow);

    PlanContext *m_context = nullptr;
    ProviderModel *m_providers = nullptr;
    ContractModel *m_contracts = nullptr;
    NoticeModel *m_notices = nullptr;
    RegisterFilterProxy *m_providerProxy = nullptr;
    RegisterFilterProxy *m_contractProxy = nullptr;
    RegisterFilterProxy *m_noticeProxy = nullptr;
    QTableView *m_providerView = nullptr;
    QTableView *m_contractView = nullptr;
    QTableView *m_noticeView = nullptr;
    QTableView *m_lastView = nullptr; // the table whose current row changed last
    QLineEdit *m_providerFilter = nullptr;
    QLineEdit *m_contractFilter = nullptr;
    QLineEdit *m_noticeFilter = nullptr;
    QLabel *m_intentionFilterLabel = nullptr;
    QPushButton *m_showAllNotices = nullptr;
    QListWidget *m_findings = nullptr;
    QLabel *m_findingsHeading = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_formWindow = nullptr;
    NoticeForm *m_form = nullptr;
    Confirmer m_confirmer;
    QString m_lastMessage;
};
