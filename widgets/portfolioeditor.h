#pragma once

#include "entities.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QDataWidgetMapper;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QTableView;
class BenefitsEditor;
class ColourButton;
class ListTextEdit;
class PortfolioModel;
class ProgrammeAreaModel;

// The portfolio editor: the plan's portfolios on the left, a form for the chosen one on the
// right (a QDataWidgetMapper over PortfolioModel), and its programme areas with add, rename,
// merge and reorder. Every change is an undo step on the plan's stack (Edit ▸ Undo); a refused
// value is shown in red beside its field and nothing is stored. Views only: it is given the
// models.
class PortfolioEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PortfolioEditor(QWidget *parent = nullptr);

    void setModels(PortfolioModel *portfolios, ProgrammeAreaModel *areas);

    void selectPortfolio(Id portfolioId);
    Id currentPortfolioId() const;

    // Commits every field of the form to the model (as leaving a field does).
    void submit();
    // The message shown beside a field (a PortfolioModel column), or the form's general message.
    QString messageFor(int column) const;
    QString areaMessage() const;

    // Actions of the programme-area buttons without their dialogs (the buttons ask, then call these).
    bool addArea(const QString &name);
    bool mergeCurrentAreaInto(int targetRow);
    bool moveCurrentArea(int delta);

    QDataWidgetMapper *mapper() const { return m_mapper; }
    QListView *portfolioList() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *groupCombo() const { return m_group; }
    QLineEdit *leadEdit() const { return m_lead; }
    ColourButton *colourButton() const { return m_colour; }
    QSpinBox *orderSpin() const { return m_order; }
    ListTextEdit *textEdit(int column) const { return m_texts.value(column); }
    BenefitsEditor *benefitsEditor() const { return m_benefits; }
    QTableView *areaView() const { return m_areas; }

signals:
    // For the window's status bar: what happened (an add, a refusal).
    void statusMessage(const QString &message);

private:
    QWidget *buildForm();
    QWidget *buildAreas();
    void showPortfolioRow(int row);
    void showMessage(int column, const QString &message);
    void clearMessages();
    void updateAreaButtons();
    void addPortfolioInteractively();
    void removePortfolioInteractively();
    void addAreaInteractively();
    void mergeAreaInteractively();

    PortfolioModel *m_model = nullptr;
    ProgrammeAreaModel *m_areaModel = nullptr;
    QDataWidgetMapper *m_mapper;
    QListView *m_list;
    QWidget *m_form = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_group = nullptr;
    QLineEdit *m_lead = nullptr;
    ColourButton *m_colour = nullptr;
    QSpinBox *m_order = nullptr;
    QHash<int, ListTextEdit *> m_texts;
    BenefitsEditor *m_benefits = nullptr;
    QHash<int, QLabel *> m_messages; // by column; -1: the form's general message
    QTableView *m_areas = nullptr;
    QLabel *m_areaMessage = nullptr;
    QLabel *m_withoutArea = nullptr;
    QPushButton *m_addPortfolio = nullptr;
    QPushButton *m_removePortfolio = nullptr;
    QPushButton *m_addArea = nullptr;
    QPushButton *m_renameArea = nullptr;
    QPushButton *m_mergeArea = nullptr;
    QPushButton *m_areaUp = nullptr;
    QPushButton *m_areaDown = nullptr;
};
