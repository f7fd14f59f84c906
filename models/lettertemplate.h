#pragma once

#include "entities.h"
#include "result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// The notice letter's template: HTML (the subset QTextDocument reads) with named merge fields.
//
//   {{provider.name}}                 a field: replaced by its value, HTML-escaped
//   {{#notices}} … {{/notices}}       a block: repeated once per notice (the notices table rows)
//   {{#intentions}} … {{/intentions}} repeated once per linked commissioning intention
//   {{^intentions}} … {{/intentions}} shown only when the list is empty
//
// Spaces inside the braces are allowed ({{ provider.name }}). Fields named notice.* can only
// be used inside a notices block, intention.* only inside an intentions block; every other
// field anywhere. Blocks do not nest. validate() lists every unknown field, misplaced field
// and unbalanced block with its line and column before anything is exported: an unknown field
// is an error, never an empty gap in a sent letter.
//
// Every value is user text and is escaped (& < > " and ' too: QString::toHtmlEscaped leaves
// ' alone); line breaks in a value become <br/>. The template itself is trusted HTML, but the
// document that shows it loads no resources (see LetterDocument).

struct TemplateProblem
{
    int line = 0;   // 1-based
    int column = 0; // 1-based, in UTF-16 code units
    QString message;
    friend bool operator==(const TemplateProblem &, const TemplateProblem &) = default;
};

// The values of one letter: plain text by field name, and the items of each block.
struct LetterMergeData
{
    QHash<QString, QString> fields;                // "provider.name" → "Homerton"
    QList<QHash<QString, QString>> notices;        // "notice.service" → …
    QList<QHash<QString, QString>> intentions;     // "intention.title" → …
};

// What one provider's letter is made from: the plan, the provider, its notices in letter order
// and what they refer to.
struct LetterInput
{
    PlanSettings settings;
    Provider provider;
    QList<ContractNotice> notices;
    QHash<Id, Contract> contracts;              // by id, for the notices' contracts
    QHash<Id, Provider> otherProviders;         // by id, for receiving providers
    QList<Intention> intentions;                // the intentions the notices link to, in order
    QHash<Id, QString> portfolioNames;          // by portfolio id
    QDate letterDate;
    QString reference;                          // the letter's reference
};

class LetterTemplate
{
public:
    struct Field
    {
        QString name;        // "provider.name"
        QString block;       // "" (anywhere), "notices" or "intentions"
        QString description; // for the template editor's field list
    };
    // Every merge field, in the order the template editor lists them.
    static const QList<Field> &fields();
    static const QStringList &blocks(); // "notices", "intentions"

    LetterTemplate() = default;
    explicit LetterTemplate(const QString &source);

    QString source() const { return m_source; }
    // Every problem, in the order they appear; empty when the template can be used.
    QList<TemplateProblem> validate() const { return m_problems; }
    bool isValid() const { return m_problems.isEmpty(); }

    // The letter's HTML. Fails, listing the problems ("line 3, column 5: …"), when the template
    // is not valid; a field the data lacks renders as an error too, never as nothing.
    Result<QString> render(const LetterMergeData &data) const;

    // User text as HTML: & < > " ' escaped, line breaks as <br/>.
    static QString escape(const QString &text);
    // "line 3, column 5: unknown merge field {{provider.nmae}} (did you mean provider.name?)"
    static QString describe(const TemplateProblem &problem);

    // The merge values for a letter. Dates are written "30 September 2025", money "£1,250,000".
    static LetterMergeData mergeData(const LetterInput &input);
    // "30 September 2025"
    static QString longDate(QDate date);
    // The date by which the provider is asked to acknowledge the letter: 28 days after it.
    static QDate responseDate(QDate letterDate);

private:
    enum class NodeKind { Text, Field, Open, OpenInverted, Close };
    struct Node
    {
        NodeKind kind = NodeKind::Text;
        QString text; // the text, the field name or the block name
        int line = 0;
        int column = 0;
        qsizetype match = -1; // for Open/OpenInverted: the index of its Close
    };
    void parse();
    static QString sigilOf(NodeKind kind);
    void problem(int line, int column, const QString &message);
    Result<void> renderRange(qsizetype from, qsizetype to, const LetterMergeData &data,
                             const QHash<QString, QString> *item, QString &out) const;

    QString m_source;
    QList<Node> m_nodes;
    QList<TemplateProblem> m_problems;
};
