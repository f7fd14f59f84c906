#pragma once

#include "entities.h"

#include <QColor>
#include <QString>

// The planner's colours, defined once: the three shifts, statuses and the markers every view
// (grid, timeline, charts, printouts) uses. Portfolio colours come from each portfolio.
namespace PlanColours {

inline QColor shift(Shift shift)
{
    switch (shift) {
    case Shift::HospitalToCommunity:
        return QColor(0x00, 0x72, 0xB2); // blue
    case Shift::TreatmentToPrevention:
        return QColor(0x00, 0x9E, 0x73); // green
    case Shift::AnalogueToDigital:
        return QColor(0xCC, 0x79, 0xA7); // purple-pink
    }
    return Qt::gray;
}

inline QColor status(IntentionStatus status)
{
    switch (status) {
    case IntentionStatus::Proposed:
        return QColor(0x8C, 0x8C, 0x8C);
    case IntentionStatus::Agreed:
        return QColor(0x00, 0x5E, 0xB8);
    case IntentionStatus::InDelivery:
        return QColor(0x00, 0x96, 0x39);
    case IntentionStatus::Complete:
        return QColor(0x33, 0x33, 0x33);
    case IntentionStatus::Withdrawn:
        return QColor(0xB0, 0x30, 0x30);
    }
    return Qt::gray;
}

inline QColor noticeStatus(NoticeStatus status)
{
    switch (status) {
    case NoticeStatus::Draft:
        return QColor(0xAE, 0xB7, 0xBD); // pale grey: not yet agreed
    case NoticeStatus::Approved:
        return QColor(0xE6, 0x9F, 0x00); // amber: agreed, waiting to go out
    case NoticeStatus::Issued:
        return QColor(0x00, 0x5E, 0xB8); // NHS blue: sent
    case NoticeStatus::Acknowledged:
        return QColor(0x00, 0x96, 0x39); // green: the provider has replied
    case NoticeStatus::Withdrawn:
        return QColor(0xB0, 0x30, 0x30);
    }
    return Qt::gray;
}

// Charts that keep only the largest portfolios merge the rest into one grey "other".
inline QColor otherPortfolios() { return QColor(0xA0, 0xA6, 0xAB); }
inline QColor chartText() { return QColor(0x21, 0x2B, 0x32); }      // NHS black
inline QColor chartGrid() { return QColor(0xE8, 0xED, 0xEE); }      // NHS pale grey

inline QColor needsReview() { return QColor(0xE6, 0x7E, 0x00); } // amber
inline QColor problem() { return QColor(0xD5, 0x28, 0x1B); }     // NHS red: a rule broken
inline QColor today() { return QColor(0xD5, 0x28, 0x1B); }
inline QColor noticeDate() { return QColor(0x33, 0x33, 0x99); }
inline QColor contractYearStart() { return QColor(0x60, 0x60, 0x60); }
inline QColor nhsBlue() { return QColor(0x00, 0x5E, 0xB8); }

inline QColor portfolio(const QString &colour)
{
    const QColor c(colour);
    return c.isValid() ? c : nhsBlue();
}

// The colour mixed with white, opaque (PDF viewers differ in how they show transparency):
// strength 1 is the colour, 0 is white.
inline QColor tint(const QColor &colour, qreal strength)
{
    return QColor::fromRgbF(1 - (1 - colour.redF()) * strength, 1 - (1 - colour.greenF()) * strength,
                            1 - (1 - colour.blueF()) * strength);
}

// Text on a coloured band: dark on light colours (yellows, pastels), white on the rest.
inline QColor textOn(const QColor &background)
{
    const qreal luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? chartText() : QColor(Qt::white);
}

} // namespace PlanColours
