#pragma once

#include "entities.h"

#include <QDialog>
#include <QVariant>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;

// Sets the same value on many intentions at once: status, portfolio, lead and each shift tag
// (tag, untag or leave). Only what the user ticks changes; everything else stays as each
// intention has it.
class BulkEditDialog : public QDialog
{
    Q_OBJECT
public:
    // One change to apply: the IntentionTableModel column and its edit value.
    struct Edit
    {
        int column = -1;
        QVariant value;
        friend bool operator==(const Edit &, const Edit &) = default;
    };

    BulkEditDialog(int intentionCount, const QList<Portfolio> &portfolios, QWidget *parent = nullptr);

    QList<Edit> edits() const;

    QCheckBox *statusCheck() const { return m_statusCheck; }
    QComboBox *statusBox() const { return m_status; }
    QCheckBox *portfolioCheck() const { return m_portfolioCheck; }
    QComboBox *portfolioBox() const { return m_portfolio; }
    QCheckBox *leadCheck() const { return m_leadCheck; }
    QLineEdit *leadEdit() const { return m_lead; }
    QComboBox *shiftBox(Shift shift) const;
    QDialogButtonBox *buttons() const { return m_buttons; }

    enum ShiftChoice { LeaveShift, TagShift, UntagShift };

private:
    void updateButtons();

    QCheckBox *m_statusCheck = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_portfolioCheck = nullptr;
    QComboBox *m_portfolio = nullptr;
    QCheckBox *m_leadCheck = nullptr;
    QLineEdit *m_lead = nullptr;
    QComboBox *m_shifts[3] = {nullptr, nullptr, nullptr};
    QDialogButtonBox *m_buttons = nullptr;
};
