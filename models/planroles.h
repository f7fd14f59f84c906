#pragma once

#include <Qt>

// Custom item-data roles shared by every view of the plan (grid, timeline, charts, printouts).
// Offset from Qt::UserRole so they never collide with Qt's own. A model documents which of
// these it answers; views ask by role, never by column number.
namespace PlanRoles {
enum Role {
    IdRole = Qt::UserRole + 1, // Id (qint64) of the entity behind the row
    NodeKindRole,              // int: PlanRoles::NodeKind of a tree row
    PortfolioIdRole,           // Id
    ProgrammeAreaIdRole,       // Id (0: none)
    IntentionCountRole,        // int: intentions under a group row
    NeedsReviewRole,           // bool: the timeframe needs review
    StartDateRole,             // QDate or invalid; settable: moves/resizes the timeframe (one undo step)
    EndDateRole,               // QDate or invalid; settable as above
    ColourRole,                // QColor of the portfolio
    SortRole,                  // a value that sorts naturally (dates as ISO text, booleans as 0/1)
    TimeframeRole,             // QVariant::fromValue(Timeframe): the whole parsed timeframe
    OpenEndedRole,             // bool: the end is open (draw fading to the right)
    TimeframeFlagsRole,        // int: Timeframe::Flags (subject to funding, phased, tbc)
    RawTimeframeRole,          // QString: the timeframe as written
    ShiftsRole,                // int: bit 0 community, bit 1 prevention, bit 2 digital
    TitleRole,                 // QString: the intention's (or group's) title
    StatusRole,                // int: IntentionStatus
    MilestonesRole,            // QVariantList of QVariantMap{title, due (QDate), done}
    DateRangeRole,             // QVariantList{start, end}: set both at once (one undo step)
    SearchTextRole,            // QString: title, text and lead folded for search (lower case, no accents)
    UserRole = Qt::UserRole + 100 // models may define their own from here
};

// Kinds of row in a grouped tree (portfolio → programme area → intention).
enum class NodeKind { Portfolio, ProgrammeArea, Intention };

// ShiftsRole bits.
enum ShiftBit { CommunityBit = 0x1, PreventionBit = 0x2, DigitalBit = 0x4 };
constexpr int shiftBits(bool community, bool prevention, bool digital)
{
    return (community ? CommunityBit : 0) | (prevention ? PreventionBit : 0) | (digital ? DigitalBit : 0);
}
} // namespace PlanRoles
