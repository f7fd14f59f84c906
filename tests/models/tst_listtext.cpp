#include "listtext.h"

#include <QTest>

using ListText::Block;

Q_DECLARE_METATYPE(QList<ListText::Block>)

namespace {
Block para(const QString &text) { return {false, text}; }
Block item(const QString &text) { return {true, text}; }
} // namespace

class TestListText : public QObject
{
    Q_OBJECT
private slots:
    void readsParagraphsAndBulletLists_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<Block>>("blocks");
        QTest::newRow("empty") << QString() << QList<Block>{};
        QTest::newRow("one paragraph") << QStringLiteral("The aim of our portfolio.")
                                       << QList<Block>{para(QStringLiteral("The aim of our portfolio."))};
        QTest::newRow("demo list joined with bullets")
            << QStringLiteral("Place • PCNs • practices")
            << QList<Block>{item(QStringLiteral("Place")), item(QStringLiteral("PCNs")),
                            item(QStringLiteral("practices"))};
        QTest::newRow("lead-in then items")
            << QStringLiteral("Identify top 10 conditions:  • Self management  • Care at neighbourhood level")
            << QList<Block>{para(QStringLiteral("Identify top 10 conditions:")),
                            item(QStringLiteral("Self management")),
                            item(QStringLiteral("Care at neighbourhood level"))};
        QTest::newRow("one marked item") << QStringLiteral("• Only one")
                                         << QList<Block>{item(QStringLiteral("Only one"))};
        QTest::newRow("paragraphs on lines, blank lines dropped")
            << QStringLiteral("First.\n\n  Second.  \n")
            << QList<Block>{para(QStringLiteral("First.")), para(QStringLiteral("Second."))};
        QTest::newRow("paragraph then list on the next line")
            << QStringLiteral("Our goals\nA • B")
            << QList<Block>{para(QStringLiteral("Our goals")), item(QStringLiteral("A")), item(QStringLiteral("B"))};
        QTest::newRow("bullet without spaces is not a separator")
            << QStringLiteral("A•B") << QList<Block>{para(QStringLiteral("A•B"))};
    }

    void readsParagraphsAndBulletLists()
    {
        QFETCH(QString, text);
        QFETCH(QList<Block>, blocks);
        QCOMPARE(ListText::parse(text), blocks);
    }

    void writesTheDemoFormatBack_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("list") << QStringLiteral("Place • PCNs • practices");
        QTest::newRow("paragraph") << QStringLiteral("Five strategic system goals: prevention, management.");
        QTest::newRow("lead-in") << QStringLiteral("Identify: • Self management • Care");
        QTest::newRow("single item") << QStringLiteral("• Only one");
        QTest::newRow("mixed lines") << QStringLiteral("Intro\nA • B\nClosing");
        QTest::newRow("item ending in a colon") << QStringLiteral("• Note: • Detail");
    }

    void writesTheDemoFormatBack()
    {
        QFETCH(QString, text);
        QCOMPARE(ListText::normalised(text), text);
    }

    void formatThenParseGivesTheBlocksBack_data()
    {
        QTest::addColumn<QList<Block>>("blocks");
        QTest::newRow("paragraphs") << QList<Block>{para(QStringLiteral("One")), para(QStringLiteral("Two"))};
        QTest::newRow("list after paragraph")
            << QList<Block>{para(QStringLiteral("One")), item(QStringLiteral("a")), item(QStringLiteral("b"))};
        QTest::newRow("lead-in list") << QList<Block>{para(QStringLiteral("Goals:")), item(QStringLiteral("a"))};
        QTest::newRow("list, paragraph, list")
            << QList<Block>{item(QStringLiteral("a")), para(QStringLiteral("Then")), item(QStringLiteral("b"))};
        QTest::newRow("first item with colon")
            << QList<Block>{item(QStringLiteral("Note:")), item(QStringLiteral("b"))};
    }

    void formatThenParseGivesTheBlocksBack()
    {
        QFETCH(QList<Block>, blocks);
        QCOMPARE(ListText::parse(ListText::format(blocks)), blocks);
    }

    void joinsEverythingOnOneLineForCells()
    {
        QCOMPARE(ListText::oneLine(QStringLiteral("Intro\nA • B")), QStringLiteral("Intro • A • B"));
    }
};

QTEST_GUILESS_MAIN(TestListText)
#include "tst_listtext.moc"
