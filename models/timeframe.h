#pragma once

#include <QDate>
#include <QFlags>
#include <QMetaType>
#include <QString>
#include <QStringView>

// A commissioning intention's timeframe: the raw text exactly as the user (or the source
// document) wrote it, and what the planner understood of it (brief §3).
class Timeframe
{
public:
    enum Flag {
        NoFlags = 0x0,
        SubjectToFunding = 0x1,
        Phased = 0x2,
        ToBeConfirmed = 0x4,
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    enum class Review { None, Annual };

    QString raw;          // never rewritten by the parser
    QDate start;          // null: no start of its own (deadline, bare "Ongoing", not set, unreadable)
    QDate end;            // null: no end (open-ended, not set, unreadable)
    bool openEnded = false; // the end is open ("onwards", "ongoing", "continual", bare "Ongoing")
    Review review = Review::None;
    Flags flags;
    bool needsReview = false;
    QString reason;       // why it needs review; empty otherwise

    bool isNotSet() const { return raw.trimmed().isEmpty(); }
    bool hasDates() const { return start.isValid() || end.isValid(); }
    // A bare "Ongoing"/"Continual": already running, open at both ends, no dates.
    bool isOngoingWithoutStart() const { return openEnded && !start.isValid() && !end.isValid(); }
    // Start and end fall in the same calendar month and cover it exactly (e.g. "October 2026").
    bool isSingleMonth() const;

    // One line of JSON in this key order:
    // {"raw":…,"start":"YYYY-MM-DD"|null,"end":…|null,"open_ended":bool,"review":"annual"|null,
    //  "flags":["subject_to_funding","phased","to_be_confirmed"],"needs_review":bool,"reason":…|null}
    QByteArray toJson() const;

    // Stable keys for storage and JSON.
    static QString flagKey(Flag flag);
    static QStringList flagKeys(Flags flags);

    friend bool operator==(const Timeframe &, const Timeframe &) = default;
};
Q_DECLARE_OPERATORS_FOR_FLAGS(Timeframe::Flags)

namespace TimeframeParser {
// Implements brief §3 exactly. Never guesses silently: what it cannot read with confidence is
// returned with needsReview and a reason, and raw is always the input unchanged.
Timeframe parse(const QString &raw);

// The text written when the structured dates are edited (e.g. a Gantt drag): financial
// years "2026/27 – 2028/29" when the range is whole financial years ("2026/27" for one),
// "October 2026" / "April 2026 – June 2027" when whole months, else "1 April 2026 – 15 June 2027";
// "from 2026/27" when open-ended. Parsing the result gives back the same dates.
QString normalisedText(QDate start, QDate end, bool openEnded = false);
} // namespace TimeframeParser
Q_DECLARE_METATYPE(Timeframe)
