#include "repositoryfixture.h"

#include <QTest>

// The plan's own letter templates, kept by name (SqlLetterTemplateRepository).
class TestTemplateRepository : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_plan = Fixture::inMemoryPlan(); }
    void cleanup() { m_plan.close(); }

    void hasNoTemplateUntilOneIsSaved();
    void savesAndReplacesATemplateByName();
    void keepsTemplatesOfDifferentNamesApart();
    void recordsEachChangeInTheHistory();
    void recordsNothingWhenTheBodyIsUnchanged();
    void forgetsATemplateSoTheDefaultIsUsedAgain();
    void refusesATemplateWithoutAName();
    void rollsBackWithTheSurroundingTransaction();

private:
    LetterTemplateStore &templates() { return m_plan.stores->templates(); }
    const QString m_name = QLatin1String(LetterTemplateStore::noticeLetterName);
    Fixture::Plan m_plan;
};

void TestTemplateRepository::hasNoTemplateUntilOneIsSaved()
{
    const auto found = templates().get(m_name);
    REQUIRE_OK(found);
    QVERIFY(!found.value().has_value());
}

void TestTemplateRepository::savesAndReplacesATemplateByName()
{
    REQUIRE_OK(templates().save(m_name, QStringLiteral("<p>{{provider.name}}</p>")));
    QCOMPARE(templates().get(m_name).value().value(), QStringLiteral("<p>{{provider.name}}</p>"));
    REQUIRE_OK(templates().save(m_name, QStringLiteral("<p>Dear {{provider.name}}</p>")));
    QCOMPARE(templates().get(m_name).value().value(),
             QStringLiteral("<p>Dear {{provider.name}}</p>"));
    QCOMPARE(Fixture::rowCount(m_plan.db(), "letter_template"), 1);
    // An empty body is a template too (not "no template").
    REQUIRE_OK(templates().save(m_name, QString()));
    QCOMPARE(templates().get(m_name).value(), std::optional<QString>(QString()));
}

void TestTemplateRepository::keepsTemplatesOfDifferentNamesApart()
{
    REQUIRE_OK(templates().save(QStringLiteral("a"), QStringLiteral("A")));
    REQUIRE_OK(templates().save(QStringLiteral("b"), QStringLiteral("B")));
    QCOMPARE(templates().get(QStringLiteral("a")).value().value(), QStringLiteral("A"));
    QCOMPARE(templates().get(QStringLiteral("b")).value().value(), QStringLiteral("B"));
}

void TestTemplateRepository::recordsEachChangeInTheHistory()
{
    REQUIRE_OK(templates().save(m_name, QStringLiteral("one")));
    REQUIRE_OK(templates().save(m_name, QStringLiteral("two")));
    const auto history = m_plan.stores->history().listFor(QStringLiteral("plan"), 1);
    REQUIRE_OK(history);
    QCOMPARE(history.value().size(), 2);
    const ChangeRecord &latest = history.value().constFirst();
    QCOMPARE(latest.field, QStringLiteral("letter_template:notice-letter"));
    QCOMPARE(latest.oldValue, QStringLiteral("one"));
    QCOMPARE(latest.newValue, QStringLiteral("two"));
    QCOMPARE(latest.user, QStringLiteral("tester"));
}

void TestTemplateRepository::recordsNothingWhenTheBodyIsUnchanged()
{
    REQUIRE_OK(templates().save(m_name, QStringLiteral("same")));
    REQUIRE_OK(templates().save(m_name, QStringLiteral("same")));
    QCOMPARE(m_plan.stores->history().listFor(QStringLiteral("plan"), 1).value().size(), 1);
}

void TestTemplateRepository::forgetsATemplateSoTheDefaultIsUsedAgain()
{
    REQUIRE_OK(templates().save(m_name, QStringLiteral("mine")));
    REQUIRE_OK(templates().remove(m_name));
    QVERIFY(!templates().get(m_name).value().has_value());
    REQUIRE_OK(templates().remove(m_name)); // not there: nothing to do
    const auto history = m_plan.stores->history().listFor(QStringLiteral("plan"), 1);
    QCOMPARE(history.value().size(), 2);
    QCOMPARE(history.value().constFirst().oldValue, QStringLiteral("mine"));
}

void TestTemplateRepository::refusesATemplateWithoutAName()
{
    const auto saved = templates().save(QStringLiteral("  "), QStringLiteral("x"));
    QVERIFY(!saved.isOk());
    QVERIFY2(saved.error().contains(QStringLiteral("has no name")), qPrintable(saved.error()));
    QCOMPARE(Fixture::rowCount(m_plan.db(), "letter_template"), 0);
}

void TestTemplateRepository::rollsBackWithTheSurroundingTransaction()
{
    const auto done = m_plan.stores->inTransaction([&]() -> Result<void> {
        if (auto saved = templates().save(m_name, QStringLiteral("lost")); !saved)
            return saved;
        return Error{QStringLiteral("the user action failed later")};
    });
    QVERIFY(!done.isOk());
    QVERIFY(!templates().get(m_name).value().has_value());
    QCOMPARE(Fixture::rowCount(m_plan.db(), "change_history"), 0);
}

QTEST_GUILESS_MAIN(TestTemplateRepository)
#include "tst_templaterepository.moc"
