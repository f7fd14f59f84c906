#pragma once

// A small plan tree for the timeline's tests: portfolio → programme area → intention rows that
// answer the roles of models/planroles.h the way IntentionGroupModel does, with timeframes read
// by the real parser. Setting DateRangeRole (or StartDateRole/EndDateRole) is an undoable edit
// on its own QUndoStack that writes the normalised text, and is refused, with editRejected,
// for timeframes that are open-ended or need review, as IntentionTableModel refuses them.

#include "planroles.h"
#include "timeframe.h"

#include <QColor>
#include <QStandardItemModel>
#include <QUndoStack>

class GanttFixtureModel : public QStandardItemModel
{
    Q_OBJECT
public:
    explicit GanttFixtureModel(QObject *parent = nullptr)
        : QStandardItemModel(parent)
    {
        setColumnCount(2);
        setHorizontalHeaderLabels({QStringLiteral("Title"), QStringLiteral("Timeframe")});
    }

    QStandardItem *addPortfolio(const QString &name, const QColor &colour)
    {
        auto *item = group(name, PlanRoles::NodeKind::Portfolio, colour);
        appendRow({item, new QStandardItem});
        return item;
    }

    QStandardItem *addArea(QStandardItem *portfolio, const QString &name)
    {
        auto *item = group(name, PlanRoles::NodeKind::ProgrammeArea, portfolio->data(PlanRoles::ColourRole).value<QColor>());
        portfolio->appendRow({item, new QStandardItem});
        return item;
    }

    QModelIndex addIntention(QStandardItem *parent, const QString &title, const QString &timeframe, int shifts = 0,
                             const QVariantList &milestones = {})
    {
        auto *item = new QStandardItem(title);
        item->setData(int(PlanRoles::NodeKind::Intention), PlanRoles::NodeKindRole);
        item->setData(++m_lastId, PlanRoles::IdRole);
        item->setData(title, PlanRoles::TitleRole);
        item->setData(parent->data(PlanRoles::ColourRole), PlanRoles::ColourRole);
        item->setData(shifts, PlanRoles::ShiftsRole);
        item->setData(milestones, PlanRoles::MilestonesRole);
        auto *text = new QStandardItem;
        parent->appendRow({item, text});
        setTimeframe(item, TimeframeParser::parse(timeframe));
        return item->index();
    }

    static void setTimeframe(QStandardItem *item, const Timeframe &timeframe)
    {
        item->setData(timeframe.start, PlanRoles::StartDateRole);
        item->setData(timeframe.end, PlanRoles::EndDateRole);
        item->setData(timeframe.openEnded, PlanRoles::OpenEndedRole);
        item->setData(timeframe.needsReview, PlanRoles::NeedsReviewRole);
        item->setData(int(timeframe.flags), PlanRoles::TimeframeFlagsRole);
        item->setData(timeframe.raw, PlanRoles::RawTimeframeRole);
        item->setData(QVariant::fromValue(timeframe), PlanRoles::TimeframeRole);
        if (QStandardItem *parent = item->parent())
            parent->child(item->row(), 1)->setText(timeframe.raw);
    }

    Timeframe timeframe(const QModelIndex &index) const
    {
        return index.siblingAtColumn(0).data(PlanRoles::TimeframeRole).value<Timeframe>();
    }

    QUndoStack &undoStack() { return m_undo; }
    int dateEdits() const { return m_dateEdits; }

    bool setData(const QModelIndex &index, const QVariant &value, int role) override
    {
        if (role != PlanRoles::DateRangeRole && role != PlanRoles::StartDateRole && role != PlanRoles::EndDateRole)
            return QStandardItemModel::setData(index, value, role);
        ++m_dateEdits;
        QStandardItem *item = itemFromIndex(index.siblingAtColumn(0));
        const Timeframe before = timeframe(item->index());
        if (before.openEnded || before.needsReview) {
            emit editRejected(index, QStringLiteral("Refused by the model: no dates to move."));
            return false;
        }
        QDate start = before.start;
        QDate end = before.end;
        if (role == PlanRoles::DateRangeRole) {
            start = value.toList().value(0).toDate();
            end = value.toList().value(1).toDate();
        } else if (role == PlanRoles::StartDateRole) {
            start = value.toDate();
        } else {
            end = value.toDate();
        }
        Timeframe after = TimeframeParser::parse(TimeframeParser::normalisedText(start, end));
        m_undo.push(new SetTimeframe(item, before, after));
        return true;
    }

signals:
    void editRejected(const QModelIndex &index, const QString &message);

private:
    class SetTimeframe : public QUndoCommand
    {
    public:
        SetTimeframe(QStandardItem *item, Timeframe before, Timeframe after)
            : QUndoCommand(QStringLiteral("Change dates"))
            , m_item(item)
            , m_before(std::move(before))
            , m_after(std::move(after))
        {
        }
        void undo() override { setTimeframe(m_item, m_before); }
        void redo() override { setTimeframe(m_item, m_after); }

    private:
        QStandardItem *m_item;
        Timeframe m_before;
        Timeframe m_after;
    };

    QStandardItem *group(const QString &name, PlanRoles::NodeKind kind, const QColor &colour)
    {
        auto *item = new QStandardItem(name);
        item->setData(int(kind), PlanRoles::NodeKindRole);
        item->setData(++m_lastId, PlanRoles::IdRole);
        item->setData(name, PlanRoles::TitleRole);
        item->setData(colour, PlanRoles::ColourRole);
        return item;
    }

    QUndoStack m_undo;
    qint64 m_lastId = 0;
    int m_dateEdits = 0;
};
