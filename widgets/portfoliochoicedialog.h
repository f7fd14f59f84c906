#pragma once

#include "entities.h"

#include <QDialog>
#include <QList>
#include <QPageLayout>

class QListWidget;
class QRadioButton;

// Asks which portfolios go into a printed summary (a checkable list, with All / None / Only
// those with intentions) and, for a PDF, which way the pages turn.
class PortfolioChoiceDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choice
    {
        Id id = 0;
        QString name;
        int intentions = 0;
        bool checked = false;
    };

    PortfolioChoiceDialog(const QList<Choice> &choices, bool askOrientation, QWidget *parent = nullptr);

    QList<Id> checkedIds() const;
    QPageLayout::Orientation orientation() const;
    void setChecked(const QList<Id> &ids);

    QListWidget *list() const { return m_list; }

private:
    void updateOk();

    QList<Choice> m_choices;
    QListWidget *m_list;
    QRadioButton *m_portrait = nullptr;
    QRadioButton *m_landscape = nullptr;
    QPushButton *m_ok = nullptr;
};
