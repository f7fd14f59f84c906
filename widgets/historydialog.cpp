#include "historydialog.h"

#include "planformat.h"
#include "timeframe.h"

#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

const QHash<QString, QString> &fieldLabels()
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("created"), QObject::tr("Created")},
        {QStringLiteral("deleted"), QObject::tr("Deleted")},
        {QStringLiteral("portfolio_id"), QObject::tr("Portfolio")},
        {QStringLiteral("programme_area_id"), QObject::tr("Programme area")},
        {QStringLiteral("title"), QObject::tr("Title")},
        {QStringLiteral("body"), QObject::tr("Intention")},
        {QStringLiteral("timeframe_raw"), QObject::tr("Timeframe")},
        {QStringLiteral("tf_start"), QObject::tr("Start")},
        {QStringLiteral("tf_end"), QObject::tr("End")},
        {QStringLiteral("tf_open_ended"), QObject::tr("Open-ended")},
        {QStringLiteral("tf_review"), QObject::tr("Yearly review")},
        {QStringLiteral("tf_flags"), QObject::tr("Timeframe flags")},
        {QStringLiteral("tf_needs_review"), QObject::tr("Needs review")},
        {QStringLiteral("tf_reason"), QObject::tr("Review reason")},
        {QStringLiteral("shift_community"), Enums::label(Shift::HospitalToCommunity)},
        {QStringLiteral("shift_prevention"), Enums::label(Shift::TreatmentToPrevention)},
        {QStringLiteral("shift_digital"), Enums::label(Shift::AnalogueToDigital)},
        {QStringLiteral("status"), QObject::tr("Status")},
        {QStringLiteral("lead"), QObject::tr("Lead")},
        {QStringLiteral("places"), QObject::tr("Places")},
        {QStringLiteral("providers"), QObject::tr("Providers")},
        {QStringLiteral("outcome_domains"), QObject::tr("Outcome domains")},
        {QStringLiteral("milestones"), QObject::tr("Milestones")},
        {QStringLiteral("investment_gbp"), QObject::tr("Investment (£)")},
        {QStringLiteral("staff_wte"), QObject::tr("Staff (WTE)")},
        {QStringLiteral("notes"), QObject::tr("Notes")},
        {QStringLiteral("source_page"), QObject::tr("Source page")},
        {QStringLiteral("sort_order"), QObject::tr("Order")},
    };
    return labels;
}

bool isFlagField(const QString &field)
{
    return field.startsWith(QLatin1String("shift_")) || field == QLatin1String("tf_open_ended")
        || field == QLatin1String("tf_needs_review");
}

} // namespace

HistoryDialog::HistoryDialog(QWidget *parent)
    : QDialog(parent)
    , m_heading(new QLabel(this))
    , m_table(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("Change history"));
    m_heading->setObjectName(QStringLiteral("historyHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setHeaderLabels({tr("When"), tr("Who"), tr("Field"), tr("Was"), tr("Now")});
    m_table->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 440);
}

QString HistoryDialog::heading() const
{
    return m_heading->text();
}

QString HistoryDialog::fieldLabel(const QString &field)
{
    return fieldLabels().value(field, field);
}

QString HistoryDialog::valueText(const QString &field, const QString &value)
{
    if (isFlagField(field))
        return value == QLatin1String("1") ? tr("Yes") : tr("No");
    if (field == QLatin1String("status")) {
        const auto status = Enums::intentionStatusFromKey(value);
        return status ? Enums::label(*status) : value;
    }
    if (field == QLatin1String("tf_start") || field == QLatin1String("tf_end")) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        return date.isValid() ? PlanFormat::date(date) : value;
    }
    if (field == QLatin1String("tf_review"))
        return value == QLatin1String("annual") ? tr("Yearly") : tr("None");
    if (field == QLatin1String("tf_flags")) {
        QStringList words;
        const auto flags = Timeframe::Flags::fromInt(value.toInt());
        if (flags.testFlag(Timeframe::SubjectToFunding))
            words << tr("subject to funding");
        if (flags.testFlag(Timeframe::Phased))
            words << tr("phased");
        if (flags.testFlag(Timeframe::ToBeConfirmed))
            words << tr("to be confirmed");
        return words.isEmpty() ? tr("none") : words.join(QStringLiteral(", "));
    }
    return value;
}

void HistoryDialog::setHistory(const QString &title, const QList<ChangeRecord> &records, const NameLookup &names)
{
    if (records.isEmpty())
        m_heading->setText(tr("No changes recorded for “%1”.").arg(title));
    else if (records.size() == 1)
        m_heading->setText(tr("1 change to “%1”.").arg(title));
    else
        m_heading->setText(tr("%1 changes to “%2”, newest first.").arg(records.size()).arg(title));
    m_table->clear();
    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    const auto words = [&names](const QString &field, const QString &value) {
        if (value.isEmpty())
            return value;
        if (names) {
            const QString named = names(field, value);
            if (!named.isNull())
                return named;
        }
        return valueText(field, value);
    };
    QList<QTreeWidgetItem *> items;
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        const ChangeRecord &record = *it;
        auto *item = new QTreeWidgetItem;
        item->setText(WhenColumn, locale.toString(record.changedAt.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm")));
        item->setToolTip(WhenColumn, record.changedAt.toUTC().toString(Qt::ISODate));
        item->setText(WhoColumn, record.user);
        item->setText(FieldColumn, fieldLabel(record.field));
        item->setText(OldColumn, words(record.field, record.oldValue).simplified());
        item->setText(NewColumn, words(record.field, record.newValue).simplified());
        // Long texts are cut to one line in the table; the whole value is in the tooltip.
        item->setToolTip(OldColumn, words(record.field, record.oldValue));
        item->setToolTip(NewColumn, words(record.field, record.newValue));
        items.append(item);
    }
    m_table->addTopLevelItems(items);
    m_table->setColumnWidth(WhenColumn, 140);
    m_table->setColumnWidth(WhoColumn, 90);
    m_table->setColumnWidth(FieldColumn, 150);
    m_table->setColumnWidth(OldColumn, 200);
}
