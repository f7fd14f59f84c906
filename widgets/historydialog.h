#pragma once

#include "entities.h"

#include <QDialog>

#include <functional>

class QLabel;
class QTreeWidget;

// An intention's change history as people read it: when, who, which field, from what, to what —
// newest first. Stored values are turned into words: "in_delivery" reads "In delivery", "1"
// reads "Yes", a date reads "1 Apr 2026", and ids (portfolio, programme area, places,
// providers) read as names through the lookup the caller gives.
class HistoryDialog : public QDialog
{
    Q_OBJECT
public:
    // Names for the ids of field ("portfolio_id", "programme_area_id", "places", "providers");
    // a null QString leaves the value to the built-in wording.
    using NameLookup = std::function<QString(const QString &field, const QString &value)>;

    explicit HistoryDialog(QWidget *parent = nullptr);

    void setHistory(const QString &title, const QList<ChangeRecord> &records, const NameLookup &names = {});
    QTreeWidget *table() const { return m_table; }
    QString heading() const;

    enum Column { WhenColumn, WhoColumn, FieldColumn, OldColumn, NewColumn, ColumnCount };

    // "Hospital → community" for "shift_community"; the field itself when unknown.
    static QString fieldLabel(const QString &field);
    // The stored value of field in words (without id lookups).
    static QString valueText(const QString &field, const QString &value);

private:
    QLabel *m_heading = nullptr;
    QTreeWidget *m_table = nullptr;
};
