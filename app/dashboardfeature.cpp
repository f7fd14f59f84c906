#include "dashboardfeature.h"

#include "dashboard.h"
#include "intentionfilterproxy.h"
#include "intentiongroupmodel.h"
#include "intentiontablemodel.h"
#include "mainwindow.h"
#include "plancontext.h"
#include "planformat.h"
#include "stores.h"

#include <QAbstractItemView>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelection>
#include <QLabel>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace {

// Keeps the dashboard on the open plan: its data, and the model it charts.
class DashboardBinding : public QObject
{
public:
    DashboardBinding(MainWindow &window, Dashboard *dashboard)
        : QObject(dashboard)
        , m_window(window)
        , m_dashboard(dashboard)
    {
        connect(&window, &MainWindow::planChanged, this, &DashboardBinding::bind);
        connect(dashboard, &Dashboard::intentionsRequested, this, &DashboardBinding::showIntentions);
        connect(dashboard, &Dashboard::noticesRequested, this, &DashboardBinding::showNotices);
        bind(window.context());
    }

private:
    void bind(PlanContext *context)
    {
        disconnect(m_changed);
        m_context = context;
        m_dashboard->setModel(nullptr);
        // Our own models point into the old plan: they go with it.
        m_ownProxy.reset();
        m_ownTable.reset();
        if (!context) {
            m_dashboard->setPortfolios({});
            m_dashboard->setNotices({}, {});
            m_dashboard->setPlanSettings({});
            return;
        }
        reloadPlanData();
        m_changed = connect(context, &PlanContext::changed, this, [this](PlanContext::Entity entity) {
            switch (entity) {
            case PlanContext::Entity::Settings:
            case PlanContext::Entity::Portfolio:
            case PlanContext::Entity::Provider:
            case PlanContext::Entity::Contract:
            case PlanContext::Entity::Notice:
                reloadPlanData();
                break;
            default:
                break; // intentions: the model follows them itself
            }
        });
        chooseModel();
        // The grid may bind to the new plan after us: look again once every feature has.
        QTimer::singleShot(0, this, &DashboardBinding::chooseModel);
    }

    void reloadPlanData()
    {
        if (!m_context)
            return;
        if (const auto loaded = loadDashboardPlanData(*m_dashboard, m_context->stores()); !loaded)
            m_window.statusBar()->showMessage(tr("The dashboard cannot read the plan: %1").arg(loaded.error()), 15000);
    }

    // The grid's filter proxy when the window has one, else our own over every intention.
    void chooseModel()
    {
        if (!m_context)
            return;
        IntentionFilterProxy *grid = gridProxy();
        if (grid) {
            if (m_dashboard->model() != grid) {
                m_dashboard->setModel(grid);
                m_ownProxy.reset();
                m_ownTable.reset();
            }
            return;
        }
        if (m_ownProxy)
            return;
        m_ownTable = std::make_unique<IntentionTableModel>(*m_context);
        m_ownProxy = std::make_unique<IntentionFilterProxy>();
        m_ownProxy->setSourceModel(m_ownTable.get());
        if (const auto loaded = m_ownTable->reload(); !loaded)
            m_window.statusBar()->showMessage(tr("The dashboard cannot read the intentions: %1").arg(loaded.error()),
                                              15000);
        m_dashboard->setModel(m_ownProxy.get());
    }

    IntentionFilterProxy *gridProxy() const
    {
        const auto proxies = m_window.findChildren<IntentionFilterProxy *>();
        for (IntentionFilterProxy *proxy : proxies) {
            if (proxy->tableModel())
                return proxy;
        }
        return nullptr;
    }

    // The grid's view of proxy (flat, or grouped through an IntentionGroupModel).
    QAbstractItemView *gridView(IntentionFilterProxy *proxy) const
    {
        const auto views = m_window.findChildren<QAbstractItemView *>();
        for (QAbstractItemView *view : views) {
            if (view->model() == proxy)
                return view;
            if (auto *tree = qobject_cast<IntentionGroupModel *>(view->model()); tree && tree->sourceModel() == proxy)
                return view;
        }
        return nullptr;
    }

    bool selectInGrid(const QList<Id> &ids)
    {
        IntentionFilterProxy *proxy = gridProxy();
        QAbstractItemView *view = proxy ? gridView(proxy) : nullptr;
        if (!view || !view->selectionModel())
            return false;
        QItemSelection selection;
        QModelIndex first;
        auto *tree = qobject_cast<IntentionGroupModel *>(view->model());
        for (Id id : ids) {
            QModelIndex index;
            if (tree) {
                index = tree->indexOfIntention(id);
            } else if (const int row = proxy->tableModel()->rowOf(id); row >= 0) {
                index = proxy->mapFromSource(proxy->tableModel()->index(row, 0));
            }
            if (!index.isValid())
                continue;
            selection.select(index, index);
            if (!first.isValid())
                first = index;
        }
        view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (first.isValid()) {
            view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
            view->scrollTo(first);
        }
        // Bring the grid's workspace to the front.
        QTabWidget *tabs = m_window.workspaces();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->isAncestorOf(view))
                tabs->setCurrentIndex(i);
        }
        return true;
    }

    void showIntentions(const QList<Id> &ids, const QString &description)
    {
        if (ids.isEmpty() || selectInGrid(ids))
            return;
        if (!m_context)
            return;
        // The rows the dashboard counted are in memory already: the grid's table, or its own.
        const auto *proxy = qobject_cast<const IntentionFilterProxy *>(m_dashboard->model());
        const IntentionTableModel *table = proxy ? proxy->tableModel() : nullptr;
        if (!table)
            return;
        QTreeWidget *list = openList(description, {tr("Intention"), tr("Portfolio"), tr("Timeframe")},
                                     QStringLiteral("dashboardIntentionsDialog"));
        for (Id id : ids) {
            const int row = table->rowOf(id);
            if (row < 0)
                continue;
            const Intention &intention = table->intention(row);
            const Portfolio *portfolio = table->portfolio(intention.portfolioId);
            auto *item = new QTreeWidgetItem(list, {intention.title, portfolio ? portfolio->name : QString(),
                                                    intention.timeframe.raw});
            item->setData(0, Qt::UserRole, intention.id);
        }
    }

    void showNotices(const QList<Id> &ids, const QString &description)
    {
        if (ids.isEmpty() || !m_context)
            return;
        const auto notices = m_context->stores().notices().list();
        const auto providers = m_context->stores().providers().list();
        if (!readOrSay(notices) || !readOrSay(providers))
            return;
        QHash<Id, QString> providerNames;
        for (const Provider &provider : providers.value())
            providerNames.insert(provider.id, provider.name);
        QTreeWidget *list = openList(description, {tr("Notice"), tr("Provider"), tr("Issue date"), tr("Status")},
                                     QStringLiteral("dashboardNoticesDialog"));
        for (const ContractNotice &notice : notices.value()) {
            if (!ids.contains(notice.id))
                continue;
            auto *item = new QTreeWidgetItem(
                list, {tr("%1: %2").arg(Enums::label(notice.kind), notice.service.isEmpty() ? notice.summary : notice.service),
                       providerNames.value(notice.providerId),
                       notice.issueDate.isValid() ? PlanFormat::date(notice.issueDate) : QString(),
                       Enums::label(notice.status)});
            item->setData(0, Qt::UserRole, notice.id);
        }
    }

    // A failed read says so in the status bar rather than showing an empty list.
    template<typename T>
    bool readOrSay(const Result<T> &read)
    {
        if (read)
            return true;
        m_window.statusBar()->showMessage(tr("The dashboard cannot read the plan: %1").arg(read.error()), 15000);
        return false;
    }

    // A small window listing the rows behind a bar (one at a time: it is reused).
    QTreeWidget *openList(const QString &description, const QStringList &headers, const QString &name)
    {
        auto *dialog = m_window.findChild<QDialog *>(name);
        if (!dialog) {
            dialog = new QDialog(&m_window);
            dialog->setObjectName(name);
            dialog->resize(720, 420);
            auto *layout = new QVBoxLayout(dialog);
            auto *label = new QLabel(dialog);
            label->setObjectName(QStringLiteral("description"));
            label->setWordWrap(true);
            auto *list = new QTreeWidget(dialog);
            list->setObjectName(QStringLiteral("rows"));
            list->setRootIsDecorated(false);
            list->setAlternatingRowColors(true);
            list->header()->setStretchLastSection(true);
            auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
            connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
            layout->addWidget(label);
            layout->addWidget(list, 1);
            layout->addWidget(buttons);
        }
        dialog->setWindowTitle(description);
        dialog->findChild<QLabel *>(QStringLiteral("description"))->setText(description);
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("rows"));
        list->clear();
        list->setHeaderLabels(headers);
        dialog->show();
        dialog->raise();
        QTimer::singleShot(0, list, [list] { list->resizeColumnToContents(0); });
        return list;
    }

    MainWindow &m_window;
    Dashboard *m_dashboard;
    QPointer<PlanContext> m_context;
    QMetaObject::Connection m_changed;
    std::unique_ptr<IntentionTableModel> m_ownTable;
    std::unique_ptr<IntentionFilterProxy> m_ownProxy;
};

} // namespace

void installDashboardFeature(MainWindow &window)
{
    auto *dashboard = new Dashboard;
    window.addWorkspace(dashboard, QObject::tr("Dashboard"));
    new DashboardBinding(window, dashboard);
}

Result<void> loadDashboardPlanData(Dashboard &dashboard, PlanStoreSet &stores, const QString &titleSuffix)
{
    const auto settings = stores.settings().load();
    const auto portfolios = stores.portfolios().list();
    const auto notices = stores.notices().list();
    const auto providers = stores.providers().list();
    if (!settings || !portfolios || !notices || !providers) {
        return Error{!settings ? settings.error()
                     : !portfolios ? portfolios.error()
                     : !notices ? notices.error()
                                : providers.error()};
    }
    dashboard.setPlanSettings(settings.value());
    dashboard.setPortfolios(portfolios.value());
    dashboard.setNotices(notices.value(), providers.value());
    const PlanSettings &plan = settings.value();
    QString title = plan.icbName.isEmpty() ? QObject::tr("Commissioning intentions")
                                           : QObject::tr("%1: commissioning intentions").arg(plan.icbName);
    if (plan.planningYear.isValid())
        title += QLatin1Char(' ') + plan.planningYear.toString();
    title += QObject::tr(" — dashboard");
    if (!titleSuffix.isEmpty())
        title += QObject::tr(" — %1").arg(titleSuffix);
    dashboard.setTitle(title);
    return {};
}
