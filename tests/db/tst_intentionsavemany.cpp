// IntentionStore::saveMany: how the grid's undoable steps reach storage — many rows in one
// transaction, ids and last-changed times kept, so undo and redo put rows back exactly.

#include "intentionfixture.h"

#include <QTest>

class TestIntentionSaveMany : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<IntentionFixture::Plan> m_plan;
    IntentionStore &store() { return m_plan->store().intentions(); }
    int historyRows(const QString &field)
    {
        return m_plan->scalar(QStringLiteral("SELECT count(*) FROM change_history WHERE entity = 'intention' "
                                             "AND field = '%1'").arg(field)).toInt();
    }

private slots:
    void init() { m_plan = IntentionFixture::smallPlan(); }
    void cleanup() { m_plan.reset(); }

    void createsNewRowsAndReturnsThemAsStored()
    {
        Intention one = IntentionFixture::intention(m_plan->children, 0, QStringLiteral("One"), QStringLiteral("2026/27"));
        one.placeIds = {m_plan->newham, m_plan->hackney, m_plan->newham}; // unordered, repeated
        Intention two = IntentionFixture::intention(m_plan->primaryCare, m_plan->access, QStringLiteral("Two"), {});
        const int created = historyRows(QStringLiteral("created"));
        auto saved = store().saveMany({one, two});
        REQUIRE_OK(saved);
        QCOMPARE(saved.value().size(), 2);
        for (const Intention &value : saved.value()) {
            QVERIFY(value.id != 0);
            QVERIFY(value.updatedAt.isValid());
            QCOMPARE(m_plan->stored(value.id), value); // returned exactly as a read gives it back
        }
        QCOMPARE(saved.value().at(0).placeIds, (QList<Id>{m_plan->hackney, m_plan->newham}));
        QCOMPARE(historyRows(QStringLiteral("created")), created + 2);
    }

    void recreatesADeletedRowWithItsIdAndTime()
    {
        const Intention before = m_plan->stored(m_plan->intentions.at(0));
        REQUIRE_OK(store().remove(before.id));
        auto saved = store().saveMany({before});
        REQUIRE_OK(saved);
        QCOMPARE(saved.value().constFirst(), before);
        QCOMPARE(m_plan->stored(before.id), before); // milestones, links and updatedAt included
    }

    void updatesKeepingAGivenTimeOrStampingNow()
    {
        Intention kept = m_plan->stored(m_plan->intentions.at(1));
        kept.title = QStringLiteral("Kept time");
        kept.updatedAt = QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC);
        Intention stamped = m_plan->stored(m_plan->intentions.at(2));
        stamped.status = IntentionStatus::Complete;
        stamped.updatedAt = {};
        const int titles = historyRows(QStringLiteral("title"));
        auto saved = store().saveMany({kept, stamped});
        REQUIRE_OK(saved);
        QCOMPARE(m_plan->stored(kept.id), kept);
        QCOMPARE(m_plan->stored(kept.id).updatedAt, QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QVERIFY(m_plan->stored(stamped.id).updatedAt.secsTo(QDateTime::currentDateTimeUtc()) < 60);
        QCOMPARE(m_plan->stored(stamped.id).status, IntentionStatus::Complete);
        QCOMPARE(historyRows(QStringLiteral("title")), titles + 1);
    }

    void refusesTheWholeListForOneBadRow_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty title") << 0 << QStringLiteral("the title is empty");
        QTest::newRow("unknown portfolio") << 1 << QStringLiteral("the portfolio does not exist");
        QTest::newRow("area of another portfolio") << 2 << QStringLiteral("belongs to another portfolio");
        QTest::newRow("unknown place") << 3 << QStringLiteral("the place with id 999 does not exist");
        QTest::newRow("ends before it starts") << 4 << QStringLiteral("ends before it starts");
    }

    void refusesTheWholeListForOneBadRow()
    {
        QFETCH(int, problem);
        QFETCH(QString, says);
        const QList<Intention> before = m_plan->storedIntentions();
        Intention good = m_plan->stored(m_plan->intentions.at(0));
        good.title = QStringLiteral("Would change");
        Intention bad = m_plan->stored(m_plan->intentions.at(1));
        switch (problem) {
        case 0: bad.title = QStringLiteral(" "); break;
        case 1: bad.portfolioId = 999; break;
        case 2: bad.programmeAreaId = m_plan->crisis; break;
        case 3: bad.placeIds = {999}; break;
        case 4: bad.timeframe.start = QDate(2027, 1, 1); bad.timeframe.end = QDate(2026, 1, 1); break;
        }
        Intention added = IntentionFixture::intention(m_plan->children, 0, QStringLiteral("New"), {});
        auto saved = store().saveMany({good, added, bad});
        QVERIFY(!saved);
        QVERIFY2(saved.error().contains(says), qPrintable(saved.error()));
        QCOMPARE(m_plan->storedIntentions(), before);
    }

    void joinsTheCallersTransaction()
    {
        const QList<Intention> before = m_plan->storedIntentions();
        Intention changed = m_plan->stored(m_plan->intentions.at(0));
        changed.title = QStringLiteral("Rolled back");
        auto result = m_plan->store().inTransaction([&]() -> Result<void> {
            auto saved = store().saveMany({changed});
            if (!saved)
                return Error{saved.error()};
            return Error{QStringLiteral("the user action failed later")};
        });
        QVERIFY(!result);
        QCOMPARE(m_plan->storedIntentions(), before);
    }
};

QTEST_GUILESS_MAIN(TestIntentionSaveMany)
#include "tst_intentionsavemany.moc"
