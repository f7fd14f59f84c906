#pragma once

// Synthetic commissioning-intention CSVs in the layout of nel-2026-27-intentions.csv, for
// tests and benchmarks that need more rows than the demo has. Deterministic: the same
// arguments always give the same bytes.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace SyntheticPlan {

// Every distinct timeframe string of the demo CSV (the 58 that NOTES.md lists), typos and
// dash forms included, plus the empty cell of the cancer table.
inline const QStringList &demoTimeframes()
{
    static const QStringList timeframes{
        QStringLiteral("2020 27"),
        QStringLiteral("2025 - 2026"),
        QStringLiteral("2025 - 2027"),
        QStringLiteral("2025 - 2030"),
        QStringLiteral("2025 - 2033"),
        QStringLiteral("2025-27"),
        QStringLiteral("2025-28"),
        QStringLiteral("2025-29"),
        QStringLiteral("2025-30"),
        QStringLiteral("2025/26 – 2026/27"),
        QStringLiteral("2025/26 – 2028/29"),
        QStringLiteral("2025/26 – 2030/31"),
        QStringLiteral("2025–2027"),
        QStringLiteral("2025–2030"),
        QStringLiteral("2026"),
        QStringLiteral("2026 - 2027"),
        QStringLiteral("2026 - 2028"),
        QStringLiteral("2026 - 2029"),
        QStringLiteral("2026 - 2030"),
        QStringLiteral("2026 – 2028"),
        QStringLiteral("2026 – 2029"),
        QStringLiteral("2026-2027"),
        QStringLiteral("2026-2027 Timeframe is subject to funding"),
        QStringLiteral("2026-2027 and annual"),
        QStringLiteral("2026-2027 and ongoing"),
        QStringLiteral("2026-2027 phased and subject to funding"),
        QStringLiteral("2026-2028"),
        QStringLiteral("2026-2029"),
        QStringLiteral("2026-2030"),
        QStringLiteral("2026-27"),
        QStringLiteral("2026-28"),
        QStringLiteral("2026-2828"),
        QStringLiteral("2026-29"),
        QStringLiteral("2026-30"),
        QStringLiteral("2026/2031"),
        QStringLiteral("2026/27"),
        QStringLiteral("2026/27 – 2027/28"),
        QStringLiteral("2026/27 – 2030/31"),
        QStringLiteral("2026=2027"),
        QStringLiteral("2026–2027"),
        QStringLiteral("2026–2027 and annually"),
        QStringLiteral("2026–2028"),
        QStringLiteral("2026–2029"),
        QStringLiteral("2027 - 2031"),
        QStringLiteral("2027-2030"),
        QStringLiteral("2027-28"),
        QStringLiteral("2027/28"),
        QStringLiteral("2027/28 – 2030/31"),
        QStringLiteral("2028/29"),
        QStringLiteral("26/27"),
        QStringLiteral("26/27 onward"),
        QStringLiteral("26/27 onwards"),
        QStringLiteral("27/28"),
        QStringLiteral("Continual (reviewed annually)"),
        QStringLiteral("October 2026"),
        QStringLiteral("On going"),
        QStringLiteral("Ongoing"),
        QStringLiteral("tbc"),
        QString(),
    };
    return timeframes;
}

// The twelve portfolio names of the demo, then "Portfolio 13", "Portfolio 14"…
inline QString portfolioName(int index)
{
    static const QStringList names{
        QStringLiteral("Maternity and Neonatal"),
        QStringLiteral("Mental Health, Learning Disabilities and Autism"),
        QStringLiteral("Planned Care"),
        QStringLiteral("Diagnostics"),
        QStringLiteral("Cancer Screening and Surveillance"),
        QStringLiteral("Specialised Services"),
        QStringLiteral("Community Services"),
        QStringLiteral("End of Life Care"),
        QStringLiteral("Long Term Conditions"),
        QStringLiteral("Primary Care"),
        QStringLiteral("Urgent and Emergency Care"),
        QStringLiteral("Neighbourhoods"),
    };
    return index < names.size() ? names.at(index) : QStringLiteral("Portfolio %1").arg(index + 1);
}

// A CSV field as RFC 4180 writes it: quoted only when it must be.
inline QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n')
        && !bytes.contains('\r'))
        return bytes;
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

struct SyntheticCsv
{
    QByteArray bytes;
    int rows = 0;
    QHash<QString, int> rowsPerPortfolio;
    int shiftCommunity = 0;
    int shiftPrevention = 0;
    int shiftDigital = 0;
    QStringList timeframes; // the timeframe cell of each row, in file order
};

// rows intentions spread over `portfolios` portfolios (round-robin in runs, as real files
// group them), each portfolio with up to six programme areas and some rows without one.
// Texts vary from a few words to several sentences, with commas, quotes and the odd line
// break inside quoted fields; shift marks use Y, Yes, ✓ and 1; CRLF line ends.
inline SyntheticCsv intentionsCsv(int rows, int portfolios = 12, quint32 seed = 20260401)
{
    quint32 state = seed ? seed : 1;
    auto next = [&state](quint32 bound) { // xorshift32: small, fast, reproducible
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return bound ? state % bound : 0;
    };
    static const QStringList words{
        QStringLiteral("commission"),    QStringLiteral("integrated"), QStringLiteral("pathway"),
        QStringLiteral("community"),     QStringLiteral("prevention"), QStringLiteral("digital"),
        QStringLiteral("neighbourhood"), QStringLiteral("teams"),      QStringLiteral("access"),
        QStringLiteral("equitable"),     QStringLiteral("across"),     QStringLiteral("NEL"),
        QStringLiteral("residents"),     QStringLiteral("services,"),  QStringLiteral("with"),
        QStringLiteral("the"),           QStringLiteral("acute"),      QStringLiteral("providers"),
        QStringLiteral("women's"),       QStringLiteral("health"),     QStringLiteral("hubs"),
        QStringLiteral("\"virtual\""),   QStringLiteral("wards"),      QStringLiteral("and"),
        QStringLiteral("specification"), QStringLiteral("outcomes"),   QStringLiteral("(e.g."),
        QStringLiteral("Core20PLUS5)"),  QStringLiteral("by"),         QStringLiteral("2028/29"),
    };
    static const QStringList yesMarks{QStringLiteral("Y"), QStringLiteral("Y"),
                                       QStringLiteral("Y"), QStringLiteral("Yes"),
                                       QStringLiteral("✓"), QStringLiteral("1")};

    SyntheticCsv csv;
    csv.rows = rows;
    csv.bytes.reserve(qsizetype(rows) * 220);
    csv.bytes += "portfolio,programme_area,intention,timeframe,shift_community,shift_prevention,"
                 "shift_digital,source_page\r\n";
    const int perRun = 25;
    for (int r = 0; r < rows; ++r) {
        const int p = (r / perRun) % (portfolios > 0 ? portfolios : 1);
        const QString portfolio = portfolioName(p);
        const int areaIndex = int(next(7));
        const QString area = areaIndex == 6
            ? QString()
            : QStringLiteral("Programme area %1.%2").arg(p + 1).arg(areaIndex + 1);
        QString text = QStringLiteral("Intention %1:").arg(r + 1);
        const int sentences = 1 + int(next(4));
        for (int s = 0; s < sentences; ++s) {
            const int length = 3 + int(next(25));
            for (int w = 0; w < length; ++w) {
                QString word = words.at(int(next(quint32(words.size()))));
                if (w == 0)
                    word[0] = word.at(0).toUpper();
                text += QLatin1Char(' ') + word;
            }
            text += QLatin1Char('.');
            if (next(40) == 0)
                text += QLatin1Char('\n'); // a line break inside a quoted field
        }
        const QString timeframe = demoTimeframes().at(int(next(quint32(demoTimeframes().size()))));
        QString marks[3];
        int *counters[3] = {&csv.shiftCommunity, &csv.shiftPrevention, &csv.shiftDigital};
        for (int s = 0; s < 3; ++s) {
            if (next(100) < quint32(60 - 10 * s)) {
                marks[s] = yesMarks.at(int(next(quint32(yesMarks.size()))));
                ++*counters[s];
            }
        }
        const QString page = next(3) == 0 ? QString() : QString::number(50 + next(50));

        csv.bytes += csvField(portfolio) + ',' + csvField(area) + ',' + csvField(text) + ','
            + csvField(timeframe) + ',' + csvField(marks[0]) + ',' + csvField(marks[1]) + ','
            + csvField(marks[2]) + ',' + csvField(page) + "\r\n";
        ++csv.rowsPerPortfolio[portfolio];
        csv.timeframes.append(timeframe);
    }
    return csv;
}

} // namespace SyntheticPlan
