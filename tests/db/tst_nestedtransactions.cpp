// Several store calls made as one user action are one transaction.
#include "database.h"
#include "planstores.h"
#include "transaction.h"

#include <QSqlQuery>
#include <QTest>

class TestNestedTransactions : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        auto plan = PlanDatabase::createInMemory();
        QVERIFY(plan.isOk());
        m_plan = std::move(plan.value());
        m_stores = std::make_unique<PlanStores>(m_plan->connection(), QStringLiteral("tester"));
    }
    void cleanup()
    {
        m_stores.reset();
        m_plan.reset();
    }

    void storeCallsInsideATransactionCommitTogether()
    {
        const auto done = m_stores->inTransaction([this]() -> Result<void> {
            for (const char *name : {"Dental", "Pharmacy"}) {
                Portfolio p;
                p.name = QString::fromLatin1(name);
                if (auto id = m_stores->portfolios().create(p); !id)
                    return Error{id.error()};
            }
            return {};
        });
        QVERIFY2(done.isOk(), qPrintable(done.error()));
        QCOMPARE(m_stores->portfolios().list().value().size(), 2);
        QCOMPARE(WriteTransaction::depth(m_plan->connection()), 0);
    }

    void aFailingCallRollsBackEveryEarlierCall()
    {
        const auto done = m_stores->inTransaction([this]() -> Result<void> {
            Portfolio first;
            first.name = QStringLiteral("Dental");
            if (auto id = m_stores->portfolios().create(first); !id)
                return Error{id.error()};
            Portfolio duplicate = first; // refused: the name is taken
            if (auto id = m_stores->portfolios().create(duplicate); !id)
                return Error{id.error()};
            return {};
        });
        QVERIFY(!done.isOk());
        QVERIFY(!done.error().isEmpty());
        QCOMPARE(m_stores->portfolios().list().value().size(), 0);
        QCOMPARE(WriteTransaction::depth(m_plan->connection()), 0);
    }

    void aRolledBackInnerTransactionKeepsTheOuterOne()
    {
        WriteTransaction outer(m_plan->connection());
        QVERIFY(outer.isActive());
        QSqlQuery query(m_plan->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO place(name) VALUES ('Havering')")));
        {
            WriteTransaction inner(m_plan->connection());
            QVERIFY(inner.isActive());
            QVERIFY(inner.isNested());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO place(name) VALUES ('Newham')")));
            // goes out of scope: rolled back to its savepoint
        }
        QVERIFY(outer.commit().isOk());
        QVERIFY(query.exec(QStringLiteral("SELECT group_concat(name) FROM place")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Havering"));
    }

private:
    std::unique_ptr<PlanDatabase> m_plan;
    std::unique_ptr<PlanStores> m_stores;
};

QTEST_GUILESS_MAIN(TestNestedTransactions)
#include "tst_nestedtransactions.moc"
