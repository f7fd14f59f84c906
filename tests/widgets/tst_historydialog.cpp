// An intention's change history, in words people read.
#include "historydialog.h"

#include <QTest>
#include <QTreeWidget>

class TestHistoryDialog : public QObject
{
    Q_OBJECT
private slots:
    void namesFieldsInWords_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("label");
        QTest::newRow("shift") << QStringLiteral("shift_community") << QStringLiteral("Hospital → community");
        QTest::newRow("text") << QStringLiteral("body") << QStringLiteral("Intention");
        QTest::newRow("timeframe") << QStringLiteral("timeframe_raw") << QStringLiteral("Timeframe");
        QTest::newRow("portfolio") << QStringLiteral("portfolio_id") << QStringLiteral("Portfolio");
        QTest::newRow("unknown stays as stored") << QStringLiteral("colour") << QStringLiteral("colour");
    }

    void namesFieldsInWords()
    {
        QFETCH(QString, field);
        QFETCH(QString, label);
        QCOMPARE(HistoryDialog::fieldLabel(field), label);
    }

    void writesStoredValuesInWords_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("words");
        QTest::newRow("status") << QStringLiteral("status") << QStringLiteral("in_delivery") << QStringLiteral("In delivery");
        QTest::newRow("tag on") << QStringLiteral("shift_digital") << QStringLiteral("1") << QStringLiteral("Yes");
        QTest::newRow("tag off") << QStringLiteral("shift_digital") << QStringLiteral("0") << QStringLiteral("No");
        QTest::newRow("date") << QStringLiteral("tf_start") << QStringLiteral("2026-04-01") << QStringLiteral("1 Apr 2026");
        QTest::newRow("flags") << QStringLiteral("tf_flags") << QStringLiteral("3")
                               << QStringLiteral("subject to funding, phased");
        QTest::newRow("no flags") << QStringLiteral("tf_flags") << QStringLiteral("0") << QStringLiteral("none");
        QTest::newRow("text as is") << QStringLiteral("title") << QStringLiteral("Commission a hub")
                                    << QStringLiteral("Commission a hub");
    }

    void writesStoredValuesInWords()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, words);
        QCOMPARE(HistoryDialog::valueText(field, value), words);
    }

    void listsTheNewestChangeFirstWithIdsAsNames()
    {
        const QDateTime when(QDate(2026, 9, 1), QTime(9, 30), Qt::UTC);
        QList<ChangeRecord> records{
            {1, when, QStringLiteral("asmith"), QStringLiteral("intention"), 7, QStringLiteral("created"), {},
             QStringLiteral("Women's health hubs")},
            {2, when.addSecs(60), QStringLiteral("asmith"), QStringLiteral("intention"), 7, QStringLiteral("status"),
             QStringLiteral("proposed"), QStringLiteral("agreed")},
            {3, when.addSecs(120), QStringLiteral("bjones"), QStringLiteral("intention"), 7, QStringLiteral("places"),
             QStringLiteral("1"), QStringLiteral("1,4")},
        };
        HistoryDialog dialog;
        dialog.setHistory(QStringLiteral("Women's health hubs"), records,
                          [](const QString &field, const QString &value) -> QString {
                              if (field != QLatin1String("places"))
                                  return {};
                              return value == QLatin1String("1") ? QStringLiteral("Havering")
                                                                 : QStringLiteral("Havering, Newham");
                          });
        QVERIFY(dialog.heading().contains(QLatin1String("3 changes")));
        QTreeWidget *table = dialog.table();
        QCOMPARE(table->topLevelItemCount(), 3);
        QTreeWidgetItem *newest = table->topLevelItem(0);
        QCOMPARE(newest->text(HistoryDialog::WhoColumn), QStringLiteral("bjones"));
        QCOMPARE(newest->text(HistoryDialog::FieldColumn), QStringLiteral("Places"));
        QCOMPARE(newest->text(HistoryDialog::OldColumn), QStringLiteral("Havering"));
        QCOMPARE(newest->text(HistoryDialog::NewColumn), QStringLiteral("Havering, Newham"));
        QCOMPARE(table->topLevelItem(1)->text(HistoryDialog::NewColumn), QStringLiteral("Agreed"));
        QCOMPARE(table->topLevelItem(2)->text(HistoryDialog::FieldColumn), QStringLiteral("Created"));
    }

    void saysSoWhenNothingWasRecorded()
    {
        HistoryDialog dialog;
        dialog.setHistory(QStringLiteral("A title"), {});
        QCOMPARE(dialog.table()->topLevelItemCount(), 0);
        QVERIFY(dialog.heading().contains(QLatin1String("No changes")));
    }
};

QTEST_MAIN(TestHistoryDialog)
#include "tst_historydialog.moc"
