#include "lettertemplate.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTextDocument>

namespace {

const QString hostile = QStringLiteral("<b>A&E</b> \"Trust\" O'Neil");

LetterInput sampleInput()
{
    LetterInput input;
    input.settings.icbName = QStringLiteral("NHS Test ICB");
    input.settings.address = QStringLiteral("1 High Street\nLondon");
    input.settings.letterhead = QStringLiteral("test.icb.nhs.uk");
    input.settings.signatoryName = QStringLiteral("Alex Smith");
    input.settings.signatoryTitle = QStringLiteral("Director of Commissioning");
    input.settings.contactEmail = QStringLiteral("contracts@test.example");
    input.settings.planningYear = FiscalYear(2026);
    input.settings.noticeIssueDate = QDate(2025, 9, 30);
    input.settings.noticePeriodMonths = 6;

    input.provider.id = 4;
    input.provider.name = QStringLiteral("Homerton Healthcare");
    input.provider.address = QStringLiteral("Homerton Row\nLondon E9 6SR");
    input.provider.odsCode = QStringLiteral("RQX");
    input.provider.type = ProviderType::Acute;
    input.provider.contactName = QStringLiteral("Jo Bloggs");
    input.provider.contactEmail = QStringLiteral("jo@homerton.example");

    Contract contract;
    contract.id = 20;
    contract.providerId = 4;
    contract.reference = QStringLiteral("NEL-CHS-001");
    contract.title = QStringLiteral("Community health services");
    contract.noticePeriodMonths = 3;
    input.contracts.insert(contract.id, contract);

    Provider receiver;
    receiver.id = 9;
    receiver.name = QStringLiteral("ELFT");
    input.otherProviders.insert(receiver.id, receiver);

    ContractNotice first;
    first.id = 101;
    first.providerId = 4;
    first.contractId = 20;
    first.kind = NoticeKind::Transfer;
    first.receivingProviderId = 9;
    first.service = QStringLiteral("Community equipment");
    first.summary = QStringLiteral("Moves to the new provider");
    first.rationale = QStringLiteral("One service for all places");
    first.financialEffect = -250000;
    first.issueDate = QDate(2025, 9, 30);
    first.effectiveDate = QDate(2026, 4, 1);
    first.intentionIds = {501};
    first.letterReference = QStringLiteral("REF-1");
    ContractNotice second;
    second.id = 102;
    second.providerId = 4;
    second.kind = NoticeKind::Reduce;
    second.service = QStringLiteral("Wheelchairs");
    second.effectiveDate = QDate(2026, 7, 1);
    second.intentionIds = {501, 502};
    input.notices = {first, second};

    Intention a;
    a.id = 501;
    a.portfolioId = 3;
    a.title = QStringLiteral("Community Equipment recommissioning");
    a.text = QStringLiteral("Community Equipment stabilisation, review and recommissioning");
    a.timeframe.raw = QStringLiteral("2026-2828");
    Intention b;
    b.id = 502;
    b.portfolioId = 3;
    b.title = QStringLiteral("Review of core contracts");
    input.intentions = {a, b};
    input.portfolioNames.insert(3, QStringLiteral("Community Services"));
    input.letterDate = QDate(2025, 9, 30);
    input.reference = QStringLiteral("CN/2026-27/RQX");
    return input;
}

QString renderOrFail(const QString &source, const LetterInput &input)
{
    const LetterTemplate letterTemplate(source);
    const auto html = letterTemplate.render(LetterTemplate::mergeData(input));
    if (!html)
        return QStringLiteral("FAILED: ") + html.error();
    return html.value();
}

QString defaultTemplatePath()
{
    return QDir(QStringLiteral(CIPLANNER_DEMO_DIR))
        .absoluteFilePath(QStringLiteral("../letters/default-letter.html"));
}

} // namespace

class TestLetterTemplate : public QObject
{
    Q_OBJECT

private slots:
    void mergesEveryField_data();
    void mergesEveryField();
    void listsEveryFieldOnce();
    void acceptsSpacesInsideBraces();
    void repeatsTheNoticesBlockInLetterOrder();
    void showsTheInvertedBlockOnlyWhenTheListIsEmpty();
    void reportsProblemsWithLineAndColumn_data();
    void reportsProblemsWithLineAndColumn();
    void suggestsTheFieldMeantByATypo();
    void refusesToRenderAnInvalidTemplate();
    void refusesAFieldTheDataLacks();
    void escapesHostileTextSoItPrintsLiterally();
    void escapesTheApostropheThatToHtmlEscapedLeaves();
    void keepsLineBreaksOfAddresses();
    void keepsTheDefaultTemplateValid();
    void writesLongDatesAndResponseDates();
};

void TestLetterTemplate::mergesEveryField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    const QList<std::pair<const char *, const char *>> rows{
        {"plan.icb_name", "NHS Test ICB"},
        {"plan.address", "1 High Street<br/>London"},
        {"plan.letterhead", "test.icb.nhs.uk"},
        {"plan.signatory_name", "Alex Smith"},
        {"plan.signatory_title", "Director of Commissioning"},
        {"plan.contact_email", "contracts@test.example"},
        {"plan.planning_year", "2026/27"},
        {"plan.notice_period", "6 months"},
        {"provider.name", "Homerton Healthcare"},
        {"provider.address", "Homerton Row<br/>London E9 6SR"},
        {"provider.ods_code", "RQX"},
        {"provider.type", "Acute"},
        {"provider.contact_name", "Jo Bloggs"},
        {"provider.contact_email", "jo@homerton.example"},
        {"provider.salutation", "Dear Jo Bloggs"},
        {"letter.date", "30 September 2025"},
        {"letter.reference", "CN/2026-27/RQX"},
        {"letter.subject", "Formal contract notice: services to be reduced and transferred from 1 April 2026"},
        {"letter.response_date", "28 October 2025"},
        {"letter.notice_count", "2"},
        {"letter.first_effective_date", "1 April 2026"},
        {"notice.number", "1|2"},
        {"notice.service", "Community equipment|Wheelchairs"},
        {"notice.kind", "Transfer to ELFT|Reduction"},
        {"notice.summary", "Moves to the new provider|"},
        {"notice.rationale", "One service for all places|"},
        {"notice.contract", "Community health services (NEL-CHS-001)|Not linked to a contract"},
        {"notice.contract_title", "Community health services|"},
        {"notice.contract_reference", "NEL-CHS-001|"},
        {"notice.issue_date", "30 September 2025|30 September 2025"},
        {"notice.effective_date", "1 April 2026|1 July 2026"},
        {"notice.notice_period", "3 months|6 months"},
        {"notice.financial_effect", "−£250,000 a year|not stated"},
        {"notice.receiving_provider", "ELFT|"},
        {"notice.intentions", "1|1, 2"},
        {"notice.reference", "REF-1|"},
        {"intention.number", "1|2"},
        {"intention.title", "Community Equipment recommissioning|Review of core contracts"},
        {"intention.text", "Community Equipment stabilisation, review and recommissioning|"},
        {"intention.portfolio", "Community Services|Community Services"},
        {"intention.timeframe", "2026-2828|"},
        {"intention.notices", "1, 2|2"},
    };
    for (const auto &[field, expected] : rows)
        QTest::newRow(field) << QString::fromUtf8(field) << QString::fromUtf8(expected);
}

void TestLetterTemplate::mergesEveryField()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QString block;
    for (const LetterTemplate::Field &known : LetterTemplate::fields()) {
        if (known.name == field)
            block = known.block;
    }
    const QString source = block.isEmpty()
        ? QStringLiteral("[{{%1}}]").arg(field)
        : QStringLiteral("{{#%1}}[{{%2}}]{{/%1}}").arg(block, field);
    QString wanted;
    for (const QString &part : expected.split(u'|'))
        wanted += u'[' + part + u']';
    QCOMPARE(renderOrFail(source, sampleInput()), wanted);
}

void TestLetterTemplate::listsEveryFieldOnce()
{
    QStringList names;
    for (const LetterTemplate::Field &field : LetterTemplate::fields()) {
        QVERIFY2(!names.contains(field.name), qPrintable(field.name));
        names << field.name;
        QVERIFY(!field.description.isEmpty());
        QVERIFY(field.block.isEmpty() || LetterTemplate::blocks().contains(field.block));
    }
    QCOMPARE(names.size(), 42);
}

void TestLetterTemplate::acceptsSpacesInsideBraces()
{
    QCOMPARE(renderOrFail(QStringLiteral("{{ provider.ods_code }}{{# notices }}.{{/ notices }}"),
                          sampleInput()),
             QStringLiteral("RQX.."));
}

void TestLetterTemplate::repeatsTheNoticesBlockInLetterOrder()
{
    const QString html = renderOrFail(
        QStringLiteral("<table>{{#notices}}<tr><td>{{notice.number}}</td><td>{{notice.service}} for "
                       "{{provider.ods_code}}</td></tr>{{/notices}}</table>"),
        sampleInput());
    QCOMPARE(html, QStringLiteral("<table><tr><td>1</td><td>Community equipment for RQX</td></tr>"
                                  "<tr><td>2</td><td>Wheelchairs for RQX</td></tr></table>"));
}

void TestLetterTemplate::showsTheInvertedBlockOnlyWhenTheListIsEmpty()
{
    const QString source = QStringLiteral(
        "{{#intentions}}({{intention.number}}){{/intentions}}{{^intentions}}none{{/intentions}}");
    LetterInput input = sampleInput();
    QCOMPARE(renderOrFail(source, input), QStringLiteral("(1)(2)"));
    input.intentions.clear();
    QCOMPARE(renderOrFail(source, input), QStringLiteral("none"));
}

void TestLetterTemplate::reportsProblemsWithLineAndColumn_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown field") << "Dear\n  {{provider.colour}}" << 2 << 3
                                   << "unknown merge field {{provider.colour}}";
    QTest::newRow("unclosed block") << "<p>\n{{#notices}}<tr>" << 2 << 1
                                    << "{{#notices}} is never closed";
    QTest::newRow("close without open") << "a {{/notices}}" << 1 << 3
                                        << "closes a block that was never opened";
    QTest::newRow("mismatched close") << "{{#notices}}x{{/intentions}}{{/notices}}" << 1 << 14
                                      << "does not match {{#notices}} opened at line 1, column 1";
    QTest::newRow("nested blocks") << "{{#notices}}\n  {{#intentions}}{{/intentions}}{{/notices}}"
                                   << 2 << 3 << "blocks cannot be nested";
    QTest::newRow("unknown block") << "{{#providers}}{{/providers}}" << 1 << 1
                                   << "unknown block {{#providers}}";
    QTest::newRow("unclosed braces") << "line\n\tx {{provider.name" << 2 << 4
                                     << "“{{” is not closed with “}}”";
    QTest::newRow("braces reopened") << "{{provider.name {{letter.date}}" << 1 << 1
                                     << "“{{” is not closed with “}}”";
    QTest::newRow("empty field") << "{{ }}" << 1 << 1 << "empty merge field";
    QTest::newRow("notice field outside its block") << "{{notice.effective_date}}" << 1 << 1
                                                    << "can only be used inside {{#notices}}";
    QTest::newRow("intention field in the notices block")
        << "{{#notices}}{{intention.title}}{{/notices}}" << 1 << 13
        << "can only be used inside {{#intentions}}";
    QTest::newRow("notice field in an inverted block")
        << "{{^notices}}{{notice.service}}{{/notices}}" << 1 << 13
        << "can only be used inside {{#notices}}";
}

void TestLetterTemplate::reportsProblemsWithLineAndColumn()
{
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const LetterTemplate letterTemplate(source);
    QVERIFY(!letterTemplate.isValid());
    const QList<TemplateProblem> problems = letterTemplate.validate();
    QVERIFY(!problems.isEmpty());
    const TemplateProblem &first = problems.constFirst();
    QVERIFY2(first.message.contains(message), qPrintable(LetterTemplate::describe(first)));
    QCOMPARE(first.line, line);
    QCOMPARE(first.column, column);
}

void TestLetterTemplate::suggestsTheFieldMeantByATypo()
{
    const LetterTemplate letterTemplate(QStringLiteral("{{provider.nmae}} {{xyzzy}}"));
    const auto problems = letterTemplate.validate();
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.at(0).message.endsWith(QStringLiteral("(did you mean provider.name?)")),
             qPrintable(problems.at(0).message));
    QVERIFY2(!problems.at(1).message.contains(QStringLiteral("did you mean")),
             qPrintable(problems.at(1).message));
    QCOMPARE(LetterTemplate::describe(problems.at(0)),
             QStringLiteral("line 1, column 1: unknown merge field {{provider.nmae}} (did you mean "
                            "provider.name?)"));
}

void TestLetterTemplate::refusesToRenderAnInvalidTemplate()
{
    const LetterTemplate letterTemplate(QStringLiteral("Dear {{provider.nam}},\n{{#notices}}"));
    const auto html = letterTemplate.render(LetterTemplate::mergeData(sampleInput()));
    QVERIFY(!html.isOk());
    QVERIFY2(html.error().contains(QStringLiteral("2 problems")), qPrintable(html.error()));
    QVERIFY2(html.error().contains(QStringLiteral("line 1, column 6")), qPrintable(html.error()));
    QVERIFY2(html.error().contains(QStringLiteral("line 2, column 1")), qPrintable(html.error()));
}

void TestLetterTemplate::refusesAFieldTheDataLacks()
{
    LetterMergeData data = LetterTemplate::mergeData(sampleInput());
    data.fields.remove(QStringLiteral("letter.date"));
    const auto html = LetterTemplate(QStringLiteral("Date: {{letter.date}}")).render(data);
    QVERIFY(!html.isOk());
    QVERIFY2(html.error().contains(QStringLiteral("no value for {{letter.date}}")),
             qPrintable(html.error()));
}

void TestLetterTemplate::escapesHostileTextSoItPrintsLiterally()
{
    LetterInput input = sampleInput();
    input.provider.name = hostile;
    input.notices[0].service = QStringLiteral("<img src=\"/etc/passwd\"> & <script>x</script>");
    const QString html = renderOrFail(
        QStringLiteral("<p>{{provider.name}}</p>{{#notices}}<p>{{notice.service}}</p>{{/notices}}"),
        input);
    QVERIFY2(html.startsWith(QStringLiteral(
                 "<p>&lt;b&gt;A&amp;E&lt;/b&gt; &quot;Trust&quot; O&#39;Neil</p>")),
             qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(!html.contains(QStringLiteral("<script")));

    QTextDocument document;
    document.setHtml(html);
    const QString text = document.toPlainText();
    QVERIFY2(text.contains(hostile), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("<img src=\"/etc/passwd\"> & <script>x</script>")),
             qPrintable(text));
}

void TestLetterTemplate::escapesTheApostropheThatToHtmlEscapedLeaves()
{
    QCOMPARE(QStringLiteral("O'Neil").toHtmlEscaped(), QStringLiteral("O'Neil"));
    QCOMPARE(LetterTemplate::escape(QStringLiteral("O'Neil")), QStringLiteral("O&#39;Neil"));
    QCOMPARE(LetterTemplate::escape(hostile),
             QStringLiteral("&lt;b&gt;A&amp;E&lt;/b&gt; &quot;Trust&quot; O&#39;Neil"));
    // In an attribute of the template, an apostrophe could otherwise end a '…' value.
    QTextDocument document;
    document.setHtml(QStringLiteral("<a title='%1'>x</a>").arg(LetterTemplate::escape(hostile)));
    QCOMPARE(document.toPlainText(), QStringLiteral("x"));
}

void TestLetterTemplate::keepsLineBreaksOfAddresses()
{
    QCOMPARE(LetterTemplate::escape(QStringLiteral("a\r\nb\rc\nd")),
             QStringLiteral("a<br/>b<br/>c<br/>d"));
}

void TestLetterTemplate::keepsTheDefaultTemplateValid()
{
    QFile file(defaultTemplatePath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const LetterTemplate letterTemplate(QString::fromUtf8(file.readAll()));
    QStringList problems;
    for (const TemplateProblem &p : letterTemplate.validate())
        problems << LetterTemplate::describe(p);
    QVERIFY2(letterTemplate.isValid(), qPrintable(problems.join(u'\n')));
    const auto html = letterTemplate.render(LetterTemplate::mergeData(sampleInput()));
    QVERIFY2(html.isOk(), qPrintable(html.error()));
    QTextDocument document;
    document.setHtml(html.value());
    const QString text = document.toPlainText();
    for (const char *expected : {"Homerton Healthcare", "Community equipment", "Wheelchairs",
                                 "1 April 2026", "1 July 2026", "Transfer to ELFT",
                                 "Community Equipment stabilisation, review and recommissioning", "28 October 2025",
                                 "Alex Smith", "Director of Commissioning", "CN/2026-27/RQX"})
        QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
    QVERIFY(!text.contains(QStringLiteral("{{")));
}

void TestLetterTemplate::writesLongDatesAndResponseDates()
{
    QCOMPARE(LetterTemplate::longDate(QDate(2026, 4, 1)), QStringLiteral("1 April 2026"));
    QCOMPARE(LetterTemplate::longDate(QDate()), QString());
    QCOMPARE(LetterTemplate::responseDate(QDate(2025, 9, 30)), QDate(2025, 10, 28));
}

QTEST_MAIN(TestLetterTemplate)
#include "tst_lettertemplate.moc"
