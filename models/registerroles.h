#pragma once

#include "planroles.h"

#include <QString>
#include <QVariant>
#include <QVariantMap>

// Roles the register models (providers, contracts, notices) answer beyond PlanRoles. The
// grid's delegate and the notice form pick an editor from EditorKindRole — the kind of value
// a cell holds — never from a column number.
namespace RegisterRoles {
enum Role {
    EditorKindRole = PlanRoles::UserRole + 20, // int: RegisterRoles::EditorKind of the cell
    ChoicesRole,          // QVariantList of QVariantMap{label, value}: what a Choice cell may hold
    ProviderIdRole,       // Id of the row's provider (contracts, notices)
    ContractIdRole,       // Id of the notice's contract (0: none)
    NoticeStatusRole,     // int: NoticeStatus of a notice row
    NoticeKindRole,       // int: NoticeKind of a notice row
    IntentionIdsRole,     // QVariantList of Id: the intentions a notice is linked to
    FindingsRole,         // QStringList: what the notice rules found wrong with the row
    NeedsConfirmationRole // bool: editing this cell asks first (an issued notice's content)
};

// What kind of value a cell holds, so one delegate can edit every register column.
enum class EditorKind {
    ReadOnly,
    Text,     // one line
    LongText, // several lines (summary, rationale, address)
    Choice,   // one of ChoicesRole; EditRole is the value (an id or an enum as int)
    Date,     // QDate; invalid: not set
    Money,    // double in pounds; invalid QVariant: not set
    Months,   // int; invalid QVariant: the plan's default
};
} // namespace RegisterRoles

namespace RegisterRoles {
// One entry of ChoicesRole.
inline QVariantMap choice(const QString &label, const QVariant &value)
{
    return {{QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
}
} // namespace RegisterRoles
