#include "lettertemplate.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace {

const QString notices = QStringLiteral("notices");
const QString intentions = QStringLiteral("intentions");

// One per thread: letters are merged on several threads at once, and QLocale is reentrant, not
// thread-safe.
const QLocale &ukLocale()
{
    thread_local const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

// Levenshtein distance, for "did you mean" on a misspelt field.
int distance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

const LetterTemplate::Field *findField(const QString &name)
{
    for (const LetterTemplate::Field &field : LetterTemplate::fields()) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

QString suggestion(const QString &name)
{
    QString best;
    int bestDistance = 4; // more different than this is not a typo
    for (const LetterTemplate::Field &field : LetterTemplate::fields()) {
        const int d = distance(name.toLower(), field.name);
        if (d < bestDistance) {
            bestDistance = d;
            best = field.name;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean %1?)").arg(best);
}

QString money(double value)
{
    const QString amount = ukLocale().toString(std::abs(value), 'f', 0);
    return value < 0 ? QStringLiteral("−£%1").arg(amount) : QStringLiteral("£%1").arg(amount);
}

QString kindText(const ContractNotice &notice, const QString &receiver)
{
    switch (notice.kind) {
    case NoticeKind::Terminate: return QStringLiteral("Termination");
    case NoticeKind::Reduce: return QStringLiteral("Reduction");
    case NoticeKind::Change: return QStringLiteral("Change");
    case NoticeKind::Transfer:
        return receiver.isEmpty() ? QStringLiteral("Transfer")
                                  : QStringLiteral("Transfer to %1").arg(receiver);
    }
    return {};
}

// "terminated, reduced and changed": the kinds a letter gives notice of, in a fixed order.
QString kindsPhrase(const QList<ContractNotice> &list)
{
    const std::array<std::pair<NoticeKind, const char *>, 4> words{{
        {NoticeKind::Terminate, "terminated"},
        {NoticeKind::Reduce, "reduced"},
        {NoticeKind::Change, "changed"},
        {NoticeKind::Transfer, "transferred"},
    }};
    QStringList present;
    for (const auto &[kind, word] : words) {
        if (std::any_of(list.cbegin(), list.cend(),
                        [kind](const ContractNotice &n) { return n.kind == kind; }))
            present << QLatin1String(word);
    }
    if (present.isEmpty())
        return QStringLiteral("changed");
    if (present.size() == 1)
        return present.constFirst();
    const QString last = present.takeLast();
    return present.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

QString contractText(const Contract *contract)
{
    if (!contract)
        return QStringLiteral("Not linked to a contract");
    const QString title = contract->title.simplified();
    const QString reference = contract->reference.simplified();
    return reference.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, reference);
}

} // namespace

// --- fields -------------------------------------------------------------------------------------

const QList<LetterTemplate::Field> &LetterTemplate::fields()
{
    static const QList<Field> list{
        {QStringLiteral("plan.icb_name"), {}, QStringLiteral("The ICB's name")},
        {QStringLiteral("plan.address"), {}, QStringLiteral("The ICB's postal address")},
        {QStringLiteral("plan.letterhead"), {}, QStringLiteral("Extra letterhead lines")},
        {QStringLiteral("plan.signatory_name"), {}, QStringLiteral("Who signs the letter")},
        {QStringLiteral("plan.signatory_title"), {}, QStringLiteral("The signatory's job title")},
        {QStringLiteral("plan.contact_email"), {}, QStringLiteral("Where providers write back")},
        {QStringLiteral("plan.planning_year"), {}, QStringLiteral("The planning year, 2026/27")},
        {QStringLiteral("plan.notice_period"), {}, QStringLiteral("The plan's notice period, 6 months")},
        {QStringLiteral("provider.name"), {}, QStringLiteral("The provider's name")},
        {QStringLiteral("provider.address"), {}, QStringLiteral("The provider's postal address")},
        {QStringLiteral("provider.ods_code"), {}, QStringLiteral("The provider's ODS code")},
        {QStringLiteral("provider.type"), {}, QStringLiteral("Acute trust, community trust, …")},
        {QStringLiteral("provider.contact_name"), {}, QStringLiteral("The provider's contact")},
        {QStringLiteral("provider.contact_email"), {}, QStringLiteral("The contact's email")},
        {QStringLiteral("provider.salutation"), {}, QStringLiteral("Dear <contact>, or Dear Chief Executive")},
        {QStringLiteral("letter.date"), {}, QStringLiteral("The letter's date, 30 September 2025")},
        {QStringLiteral("letter.reference"), {}, QStringLiteral("The letter's reference")},
        {QStringLiteral("letter.subject"), {}, QStringLiteral("The subject line")},
        {QStringLiteral("letter.response_date"), {}, QStringLiteral("Reply by: 28 days after the letter")},
        {QStringLiteral("letter.notice_count"), {}, QStringLiteral("How many notices the letter gives")},
        {QStringLiteral("letter.first_effective_date"), {}, QStringLiteral("The earliest effective date")},
        {QStringLiteral("notice.number"), notices, QStringLiteral("1, 2, 3… in the letter")},
        {QStringLiteral("notice.service"), notices, QStringLiteral("The service affected")},
        {QStringLiteral("notice.kind"), notices, QStringLiteral("Termination, Reduction, Change, Transfer to …")},
        {QStringLiteral("notice.summary"), notices, QStringLiteral("What changes")},
        {QStringLiteral("notice.rationale"), notices, QStringLiteral("Why")},
        {QStringLiteral("notice.contract"), notices, QStringLiteral("Contract title and reference")},
        {QStringLiteral("notice.contract_title"), notices, QStringLiteral("Contract title")},
        {QStringLiteral("notice.contract_reference"), notices, QStringLiteral("Contract reference")},
        {QStringLiteral("notice.issue_date"), notices, QStringLiteral("When notice is given")},
        {QStringLiteral("notice.effective_date"), notices, QStringLiteral("When the change takes effect")},
        {QStringLiteral("notice.notice_period"), notices, QStringLiteral("The contract's notice period")},
        {QStringLiteral("notice.financial_effect"), notices, QStringLiteral("The financial effect, £ a year")},
        {QStringLiteral("notice.receiving_provider"), notices, QStringLiteral("Who a transfer goes to")},
        {QStringLiteral("notice.intentions"), notices, QStringLiteral("Numbers of the linked intentions")},
        {QStringLiteral("notice.reference"), notices, QStringLiteral("The notice's own letter reference")},
        {QStringLiteral("intention.number"), intentions, QStringLiteral("1, 2, 3… in the letter")},
        {QStringLiteral("intention.title"), intentions, QStringLiteral("The intention's title")},
        {QStringLiteral("intention.text"), intentions, QStringLiteral("The intention in full")},
        {QStringLiteral("intention.portfolio"), intentions, QStringLiteral("Its portfolio")},
        {QStringLiteral("intention.timeframe"), intentions, QStringLiteral("Its timeframe, as written")},
        {QStringLiteral("intention.notices"), intentions, QStringLiteral("Numbers of the notices it leads to")},
    };
    return list;
}

const QStringList &LetterTemplate::blocks()
{
    static const QStringList list{notices, intentions};
    return list;
}

// --- parsing ------------------------------------------------------------------------------------

LetterTemplate::LetterTemplate(const QString &source)
    : m_source(source)
{
    parse();
}

void LetterTemplate::problem(int line, int column, const QString &message)
{
    m_problems.append({line, column, message});
}

QString LetterTemplate::sigilOf(NodeKind kind)
{
    return kind == NodeKind::OpenInverted ? QStringLiteral("^") : QStringLiteral("#");
}

void LetterTemplate::parse()
{
    const QString &s = m_source;
    int line = 1;
    qsizetype lineStart = 0;
    // Advances the line count over s[from, to).
    auto advance = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            if (s.at(i) == u'\n') {
                ++line;
                lineStart = i + 1;
            }
        }
    };
    QList<qsizetype> open; // indexes of open blocks in m_nodes
    qsizetype at = 0;
    while (at < s.size()) {
        const qsizetype start = s.indexOf(QLatin1String("{{"), at);
        const qsizetype textEnd = start < 0 ? s.size() : start;
        if (textEnd > at) {
            m_nodes.append({NodeKind::Text, s.mid(at, textEnd - at), line, int(at - lineStart) + 1});
            advance(at, textEnd);
        }
        if (start < 0)
            break;
        const int tagLine = line;
        const int tagColumn = int(start - lineStart) + 1;
        const qsizetype end = s.indexOf(QLatin1String("}}"), start + 2);
        const qsizetype nextOpen = s.indexOf(QLatin1String("{{"), start + 2);
        if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
            problem(tagLine, tagColumn,
                    QStringLiteral("“{{” is not closed with “}}”"));
            const qsizetype resume = nextOpen >= 0 ? nextOpen : s.size();
            advance(start, resume);
            at = resume;
            continue;
        }
        const QString inner = s.mid(start + 2, end - start - 2).trimmed();
        const QString tag = s.mid(start, end + 2 - start);
        advance(start, end + 2);
        at = end + 2;

        if (inner.isEmpty()) {
            problem(tagLine, tagColumn, QStringLiteral("empty merge field %1").arg(tag));
            continue;
        }
        const QChar sigil = inner.at(0);
        if (sigil == u'#' || sigil == u'^' || sigil == u'/') {
            const QString name = inner.mid(1).trimmed();
            if (!blocks().contains(name)) {
                problem(tagLine, tagColumn,
                        QStringLiteral("unknown block %1: the blocks are {{#notices}} and "
                                       "{{#intentions}}")
                            .arg(tag));
                continue;
            }
            if (sigil == u'/') {
                if (open.isEmpty()) {
                    problem(tagLine, tagColumn,
                            QStringLiteral("%1 closes a block that was never opened").arg(tag));
                    continue;
                }
                Node &opener = m_nodes[open.last()];
                if (opener.text != name) {
                    problem(tagLine, tagColumn,
                            QStringLiteral("%1 does not match {{%2%3}} opened at line %4, "
                                           "column %5")
                                .arg(tag, sigilOf(opener.kind), opener.text)
                                .arg(opener.line)
                                .arg(opener.column));
                    continue;
                }
                opener.match = m_nodes.size();
                open.removeLast();
                m_nodes.append({NodeKind::Close, name, tagLine, tagColumn});
                continue;
            }
            if (!open.isEmpty()) {
                const Node &outer = m_nodes.at(open.last());
                problem(tagLine, tagColumn,
                        QStringLiteral("%1 is inside the {{#%2}} block opened at line %3: blocks "
                                       "cannot be nested")
                            .arg(tag, outer.text)
                            .arg(outer.line));
            }
            open.append(m_nodes.size());
            m_nodes.append({sigil == u'#' ? NodeKind::Open : NodeKind::OpenInverted, name, tagLine,
                            tagColumn});
            continue;
        }

        const Field *field = findField(inner);
        if (!field) {
            problem(tagLine, tagColumn,
                    QStringLiteral("unknown merge field %1%2").arg(tag, suggestion(inner)));
            continue;
        }
        if (!field->block.isEmpty()) {
            const bool inside = !open.isEmpty() && m_nodes.at(open.last()).text == field->block
                && m_nodes.at(open.last()).kind == NodeKind::Open;
            if (!inside) {
                problem(tagLine, tagColumn,
                        QStringLiteral("%1 can only be used inside {{#%2}} … {{/%2}}")
                            .arg(tag, field->block));
                continue;
            }
        }
        m_nodes.append({NodeKind::Field, inner, tagLine, tagColumn});
    }
    for (qsizetype index : std::as_const(open)) {
        const Node &opener = m_nodes.at(index);
        problem(opener.line, opener.column,
                QStringLiteral("{{%1%2}} is never closed: add {{/%2}}")
                    .arg(sigilOf(opener.kind), opener.text));
    }
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [](const TemplateProblem &a, const TemplateProblem &b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
}

QString LetterTemplate::describe(const TemplateProblem &problem)
{
    return QStringLiteral("line %1, column %2: %3")
        .arg(problem.line)
        .arg(problem.column)
        .arg(problem.message);
}

// --- rendering ----------------------------------------------------------------------------------

QString LetterTemplate::escape(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(u'\'', QLatin1String("&#39;"));
    html.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    html.replace(u'\r', u'\n');
    html.replace(u'\n', QLatin1String("<br/>"));
    return html;
}

Result<void> LetterTemplate::renderRange(qsizetype from, qsizetype to, const LetterMergeData &data,
                                         const QHash<QString, QString> *item, QString &out) const
{
    for (qsizetype i = from; i < to; ++i) {
        const Node &node = m_nodes.at(i);
        switch (node.kind) {
        case NodeKind::Text:
            out += node.text;
            break;
        case NodeKind::Field: {
            const QString *value = nullptr;
            if (item) {
                const auto found = item->constFind(node.text);
                if (found != item->cend())
                    value = &*found;
            }
            if (!value) {
                const auto found = data.fields.constFind(node.text);
                if (found != data.fields.cend())
                    value = &*found;
            }
            if (!value) {
                return Error{QStringLiteral("line %1, column %2: the letter has no value for "
                                            "{{%3}}")
                                 .arg(node.line)
                                 .arg(node.column)
                                 .arg(node.text)};
            }
            out += escape(*value);
            break;
        }
        case NodeKind::Open:
        case NodeKind::OpenInverted: {
            const QList<QHash<QString, QString>> &items
                = node.text == notices ? data.notices : data.intentions;
            if (node.kind == NodeKind::OpenInverted) {
                if (items.isEmpty()) {
                    if (auto done = renderRange(i + 1, node.match, data, item, out); !done)
                        return done;
                }
            } else {
                for (const QHash<QString, QString> &each : items) {
                    if (auto done = renderRange(i + 1, node.match, data, &each, out); !done)
                        return done;
                }
            }
            i = node.match; // continue after the block's Close
            break;
        }
        case NodeKind::Close:
            break;
        }
    }
    return {};
}

Result<QString> LetterTemplate::render(const LetterMergeData &data) const
{
    if (!m_problems.isEmpty()) {
        QStringList lines;
        for (const TemplateProblem &p : m_problems)
            lines << describe(p);
        return Error{QStringLiteral("The letter template has %1 problem%2:\n%3")
                         .arg(m_problems.size())
                         .arg(m_problems.size() == 1 ? "" : "s")
                         .arg(lines.join(u'\n'))};
    }
    QString out;
    out.reserve(m_source.size() * 2);
    if (auto done = renderRange(0, m_nodes.size(), data, nullptr, out); !done)
        return Error{done.error()};
    return out;
}

// --- merge data ---------------------------------------------------------------------------------

QString LetterTemplate::longDate(QDate date)
{
    if (!date.isValid())
        return {};
    return ukLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QDate LetterTemplate::responseDate(QDate letterDate)
{
    return letterDate.isValid() ? letterDate.addDays(28) : QDate();
}

LetterMergeData LetterTemplate::mergeData(const LetterInput &input)
{
    LetterMergeData data;
    const PlanSettings &s = input.settings;
    const Provider &p = input.provider;
    auto &f = data.fields;
    const QString months = s.noticePeriodMonths == 1
        ? QStringLiteral("1 month")
        : QStringLiteral("%1 months").arg(s.noticePeriodMonths);
    f.insert(QStringLiteral("plan.icb_name"), s.icbName);
    f.insert(QStringLiteral("plan.address"), s.address);
    f.insert(QStringLiteral("plan.letterhead"), s.letterhead);
    f.insert(QStringLiteral("plan.signatory_name"), s.signatoryName);
    f.insert(QStringLiteral("plan.signatory_title"), s.signatoryTitle);
    f.insert(QStringLiteral("plan.contact_email"), s.contactEmail);
    f.insert(QStringLiteral("plan.planning_year"), s.planningYear.toString());
    f.insert(QStringLiteral("plan.notice_period"), months);
    f.insert(QStringLiteral("provider.name"), p.name);
    f.insert(QStringLiteral("provider.address"), p.address);
    f.insert(QStringLiteral("provider.ods_code"), p.odsCode);
    f.insert(QStringLiteral("provider.type"), Enums::label(p.type));
    f.insert(QStringLiteral("provider.contact_name"), p.contactName);
    f.insert(QStringLiteral("provider.contact_email"), p.contactEmail);
    f.insert(QStringLiteral("provider.salutation"),
             p.contactName.trimmed().isEmpty()
                 ? QStringLiteral("Dear Chief Executive")
                 : QStringLiteral("Dear %1").arg(p.contactName.simplified()));

    QDate first;
    for (const ContractNotice &n : input.notices) {
        if (n.effectiveDate.isValid() && (!first.isValid() || n.effectiveDate < first))
            first = n.effectiveDate;
    }
    f.insert(QStringLiteral("letter.date"), longDate(input.letterDate));
    f.insert(QStringLiteral("letter.reference"), input.reference);
    f.insert(QStringLiteral("letter.subject"),
             first.isValid()
                 ? QStringLiteral("Formal contract notice: services to be %1 from %2")
                       .arg(kindsPhrase(input.notices), longDate(first))
                 : QStringLiteral("Formal contract notice: services to be %1")
                       .arg(kindsPhrase(input.notices)));
    f.insert(QStringLiteral("letter.response_date"),
             longDate(responseDate(input.letterDate)));
    f.insert(QStringLiteral("letter.notice_count"), QString::number(input.notices.size()));
    f.insert(QStringLiteral("letter.first_effective_date"), longDate(first));

    // Intentions are numbered in the letter; notices refer to them by number.
    QHash<Id, int> intentionNumber;
    for (qsizetype i = 0; i < input.intentions.size(); ++i)
        intentionNumber.insert(input.intentions.at(i).id, int(i) + 1);
    QHash<Id, QList<int>> noticesOfIntention;

    int number = 0;
    for (const ContractNotice &n : input.notices) {
        ++number;
        const auto contractIt = input.contracts.constFind(n.contractId);
        const Contract *contract = contractIt == input.contracts.cend() ? nullptr : &*contractIt;
        const QString receiver = n.receivingProviderId
            ? input.otherProviders.value(n.receivingProviderId).name
            : QString();
        const int noticeMonths = contract && contract->noticePeriodMonths
            ? *contract->noticePeriodMonths
            : s.noticePeriodMonths;
        QStringList linked;
        for (Id intention : n.intentionIds) {
            if (const int at = intentionNumber.value(intention)) {
                linked << QString::number(at);
                noticesOfIntention[intention].append(number);
            }
        }
        QHash<QString, QString> item;
        item.insert(QStringLiteral("notice.number"), QString::number(number));
        item.insert(QStringLiteral("notice.service"), n.service);
        item.insert(QStringLiteral("notice.kind"), kindText(n, receiver));
        item.insert(QStringLiteral("notice.summary"), n.summary);
        item.insert(QStringLiteral("notice.rationale"), n.rationale);
        item.insert(QStringLiteral("notice.contract"), contractText(contract));
        item.insert(QStringLiteral("notice.contract_title"), contract ? contract->title : QString());
        item.insert(QStringLiteral("notice.contract_reference"),
                    contract ? contract->reference : QString());
        item.insert(QStringLiteral("notice.issue_date"),
                    longDate(n.issueDate.isValid() ? n.issueDate : input.letterDate));
        item.insert(QStringLiteral("notice.effective_date"), longDate(n.effectiveDate));
        item.insert(QStringLiteral("notice.notice_period"),
                    noticeMonths == 1 ? QStringLiteral("1 month")
                                      : QStringLiteral("%1 months").arg(noticeMonths));
        item.insert(QStringLiteral("notice.financial_effect"),
                    n.financialEffect ? money(*n.financialEffect) + QStringLiteral(" a year")
                                      : QStringLiteral("not stated"));
        item.insert(QStringLiteral("notice.receiving_provider"), receiver);
        item.insert(QStringLiteral("notice.intentions"), linked.join(QStringLiteral(", ")));
        item.insert(QStringLiteral("notice.reference"), n.letterReference);
        data.notices.append(std::move(item));
    }

    number = 0;
    for (const Intention &intention : input.intentions) {
        ++number;
        QStringList linked;
        for (int n : noticesOfIntention.value(intention.id))
            linked << QString::number(n);
        QHash<QString, QString> item;
        item.insert(QStringLiteral("intention.number"), QString::number(number));
        item.insert(QStringLiteral("intention.title"), intention.title);
        item.insert(QStringLiteral("intention.text"), intention.text);
        item.insert(QStringLiteral("intention.portfolio"),
                    input.portfolioNames.value(intention.portfolioId));
        item.insert(QStringLiteral("intention.timeframe"), intention.timeframe.raw);
        item.insert(QStringLiteral("intention.notices"), linked.join(QStringLiteral(", ")));
        data.intentions.append(std::move(item));
    }
    return data;
}
