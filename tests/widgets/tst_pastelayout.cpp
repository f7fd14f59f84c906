// Cells pasted from a spreadsheet land on the columns as the user sees them.
#include "pastelayout.h"

#include <QTest>

namespace {

// Row r of the target holds "r:column" in every column.
QString current(qsizetype row, int column)
{
    return QStringLiteral("%1:%2").arg(row).arg(column);
}

} // namespace

class TestPasteLayout : public QObject
{
    Q_OBJECT
private slots:
    void aBlockOverColumnsInTheirOwnOrderIsKeptAsItIs()
    {
        const QList<QStringList> block{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("c"), QStringLiteral("d")}};
        const auto placed = PasteLayout::place(block, {2, 3, 4, 5}, 2, current);
        QVERIFY(placed.isOk());
        QCOMPARE(placed.value().firstColumn, 2);
        QCOMPARE(placed.value().width, 2);
        QCOMPARE(placed.value().cells, block);
    }

    void aHiddenColumnInsideTheBlockKeepsItsValue()
    {
        // Column 3 is hidden: the user sees 2, 4, 5.
        const auto placed = PasteLayout::place({{QStringLiteral("title"), QStringLiteral("2027/28")}}, {2, 4, 5}, 1,
                                               current);
        QVERIFY(placed.isOk());
        QCOMPARE(placed.value().firstColumn, 2);
        QCOMPARE(placed.value().cells,
                 (QList<QStringList>{{QStringLiteral("title"), QStringLiteral("0:3"), QStringLiteral("2027/28")}}));
    }

    void movedColumnsTakeTheValuesShownAboveThem()
    {
        // The user moved column 6 before column 4: on screen 6, 4, 5.
        const auto placed = PasteLayout::place({{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}},
                                               {6, 4, 5}, 1, current);
        QVERIFY(placed.isOk());
        QCOMPARE(placed.value().firstColumn, 4);
        QCOMPARE(placed.value().cells,
                 (QList<QStringList>{{QStringLiteral("y"), QStringLiteral("z"), QStringLiteral("x")}}));
    }

    void aBlockWiderThanTheColumnsShownIsRefused()
    {
        const auto placed = PasteLayout::place({{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}},
                                               {13, 14}, 1, current);
        QVERIFY(!placed.isOk());
        QVERIFY(placed.error().contains(QLatin1String("3 columns wide but only 2")));
    }

    void anEmptyBlockIsRefused()
    {
        QVERIFY(!PasteLayout::place({}, {1, 2}, 1, current).isOk());
        QVERIFY(!PasteLayout::place({QStringList()}, {1, 2}, 1, current).isOk());
    }

    void rowsBeyondTheTargetsAreKeptForTheModelToRefuse()
    {
        const auto placed = PasteLayout::place({{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("c"), QStringLiteral("d")}},
                                               {2, 4}, 1, current);
        QVERIFY(placed.isOk());
        QCOMPARE(placed.value().cells.size(), 2);
        QCOMPARE(placed.value().cells.at(1), (QStringList{QStringLiteral("c"), QString(), QStringLiteral("d")}));
    }
};

QTEST_GUILESS_MAIN(TestPasteLayout)
#include "tst_pastelayout.moc"
