#pragma once

#include "entities.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDataWidgetMapper;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class NoticeModel;
class RegisterDelegate;

// One contract notice as a form: every field of the notice (through a QDataWidgetMapper over
// NoticeModel, with the register's delegate, so it reads and checks values exactly as the
// grid does) and the intentions it is linked to.
//
// Nothing is written while typing. Save writes every changed field as ONE undo step, checked
// as a whole (NoticeModel::beginBatch/commitBatch), so the fields can be changed in any order;
// an issued notice asks first (confirmer) and its letter is marked superseded. Revert shows
// the stored notice again. The receiving provider is only for transfers; setting the issue
// date of a notice with no effective date fills in the default effective date.
class NoticeForm : public QWidget
{
    Q_OBJECT
public:
    explicit NoticeForm(NoticeModel *model, QWidget *parent = nullptr);

    void setNotice(Id noticeId);
    Id noticeId() const { return m_noticeId; }

    using Confirmer = std::function<bool(const QString &title, const QString &question)>;
    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }
    // Lets the user choose intentions to link (the default shows a searchable list).
    using IntentionPicker = std::function<QList<Id>(const QList<Id> &alreadyLinked)>;
    void setIntentionPicker(IntentionPicker picker) { m_picker = std::move(picker); }

    // Writes the form (see above). False when refused or not confirmed; message() says why.
    bool save();
    void revert();
    bool isModified() const;

    QList<Id> linkedIntentions() const;
    void linkIntentions(const QList<Id> &ids);
    void unlinkSelectedIntentions();

    QString message() const;

    // The fields, for tests and screenshots.
    QComboBox *providerBox() const { return m_provider; }
    QComboBox *contractBox() const { return m_contract; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *receivingBox() const { return m_receiving; }
    QLineEdit *serviceEdit() const { return m_service; }
    QPlainTextEdit *summaryEdit() const { return m_summary; }
    QPlainTextEdit *rationaleEdit() const { return m_rationale; }
    QLineEdit *financialEffectEdit() const { return m_financial; }
    QDateEdit *issueDateEdit() const { return m_issue; }
    QDateEdit *effectiveDateEdit() const { return m_effective; }
    QComboBox *statusBox() const { return m_status; }
    QLineEdit *letterReferenceEdit() const { return m_letterReference; }
    QListWidget *intentionList() const { return m_intentions; }
    QPushButton *saveButton() const { return m_save; }

signals:
    // "Go to intention" on a linked intention.
    void intentionRequested(Id intentionId);
    void saved(Id noticeId);

private:
    void populate();
    void showIntentions(const QList<Id> &ids);
    void providerChosen();
    void kindChosen();
    void issueDateChosen();
    void pickIntentions();
    void say(const QString &text, bool problem);
    void updateHeading();

    NoticeModel *m_model = nullptr;
    QDataWidgetMapper *m_mapper = nullptr;
    RegisterDelegate *m_delegate = nullptr;
    Id m_noticeId = 0;
    bool m_populating = false;
    QList<Id> m_storedIntentions;
    Confirmer m_confirmer;
    IntentionPicker m_picker;

    QLabel *m_heading = nullptr;
    QLabel *m_findings = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_contract = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_receiving = nullptr;
    QLineEdit *m_service = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QPlainTextEdit *m_rationale = nullptr;
    QLineEdit *m_financial = nullptr;
    QDateEdit *m_issue = nullptr;
    QDateEdit *m_effective = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_letterReference = nullptr;
    QListWidget *m_intentions = nullptr;
    QPushButton *m_goTo = nullptr;
    QPushButton *m_unlink = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_message = nullptr;
};
