#pragma once

#include <Qt>

// Custom item-data roles shared by every view of the plan (grid, timeline, charts, printouts).
// Offset from Qt::UserRole so they never collide with Qt's own.
namespace PlanRoles {
enum Role {
    IdRole = Qt::UserRole + 1, // Id of the entity behind the row
    NodeKindRole,              // PortfolioTreeModel::NodeKind
    PortfolioIdRole,
    ProgrammeAreaIdRole,
    IntentionCountRole,
    NeedsReviewRole, // bool: the timeframe needs review
    StartDateRole,   // QDate or invalid
    EndDateRole,     // QDate or invalid
    ColourRole,      // QColor of the portfolio
    SortRole,        // a value that sorts naturally (dates as ISO, booleans as 0/1)
};
}
