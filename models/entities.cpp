#include "entities.h"

#include <array>
#include <utility>

namespace {

template<typename E>
struct EnumText
{
    E value;
    const char *key;
    const char *label;
};

constexpr std::array portfolioGroups{
    EnumText<PortfolioGroup>{PortfolioGroup::CoreObjectives, "core_objectives", "Core objectives"},
    EnumText<PortfolioGroup>{PortfolioGroup::StrategicPriority, "strategic_priority", "Strategic priorities"},
    EnumText<PortfolioGroup>{PortfolioGroup::SupportingInfrastructure, "supporting_infrastructure",
                             "Supporting infrastructure"},
    EnumText<PortfolioGroup>{PortfolioGroup::PlacePartnership, "place_partnership", "Place based partnership"},
    EnumText<PortfolioGroup>{PortfolioGroup::CrossCuttingTheme, "cross_cutting_theme", "Cross-cutting theme"},
};

constexpr std::array intentionStatuses{
    EnumText<IntentionStatus>{IntentionStatus::Proposed, "proposed", "Proposed"},
    EnumText<IntentionStatus>{IntentionStatus::Agreed, "agreed", "Agreed"},
    EnumText<IntentionStatus>{IntentionStatus::InDelivery, "in_delivery", "In delivery"},
    EnumText<IntentionStatus>{IntentionStatus::Complete, "complete", "Complete"},
    EnumText<IntentionStatus>{IntentionStatus::Withdrawn, "withdrawn", "Withdrawn"},
};

constexpr std::array shifts{
    EnumText<Shift>{Shift::HospitalToCommunity, "community", "Hospital → community"},
    EnumText<Shift>{Shift::TreatmentToPrevention, "prevention", "Treatment → prevention"},
    EnumText<Shift>{Shift::AnalogueToDigital, "digital", "Analogue → digital"},
};

constexpr std::array providerTypes{
    EnumText<ProviderType>{ProviderType::Acute, "acute", "Acute"},
    EnumText<ProviderType>{ProviderType::CommunityMentalHealth, "community_mental_health",
                           "Community / mental health trust"},
    EnumText<ProviderType>{ProviderType::Ambulance, "ambulance", "Ambulance"},
    EnumText<ProviderType>{ProviderType::GpFederation, "gp_federation", "GP federation"},
    EnumText<ProviderType>{ProviderType::Vcse, "vcse", "VCSE"},
    EnumText<ProviderType>{ProviderType::Hospice, "hospice", "Hospice"},
    EnumText<ProviderType>{ProviderType::IndependentSector, "independent_sector", "Independent sector"},
    EnumText<ProviderType>{ProviderType::CareProviderNetwork, "care_provider_network", "Care provider network"},
    EnumText<ProviderType>{ProviderType::ProviderCollaborative, "provider_collaborative", "Provider collaborative"},
    EnumText<ProviderType>{ProviderType::Other, "other", "Other"},
};

constexpr std::array outcomeDomainKinds{
    EnumText<OutcomeDomainKind>{OutcomeDomainKind::LifeCourse, "life_course", "Life course"},
    EnumText<OutcomeDomainKind>{OutcomeDomainKind::CrossCutting, "cross_cutting", "Cross-cutting"},
};

constexpr std::array noticeKinds{
    EnumText<NoticeKind>{NoticeKind::Terminate, "terminate", "Terminate"},
    EnumText<NoticeKind>{NoticeKind::Reduce, "reduce", "Reduce"},
    EnumText<NoticeKind>{NoticeKind::Change, "change", "Change"},
    EnumText<NoticeKind>{NoticeKind::Transfer, "transfer", "Transfer"},
};

constexpr std::array noticeStatuses{
    EnumText<NoticeStatus>{NoticeStatus::Draft, "draft", "Draft"},
    EnumText<NoticeStatus>{NoticeStatus::Approved, "approved", "Approved"},
    EnumText<NoticeStatus>{NoticeStatus::Issued, "issued", "Issued"},
    EnumText<NoticeStatus>{NoticeStatus::Acknowledged, "acknowledged", "Acknowledged"},
    EnumText<NoticeStatus>{NoticeStatus::Withdrawn, "withdrawn", "Withdrawn"},
};

template<typename Table, typename E>
const auto &entryFor(const Table &table, E value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return entry;
    }
    return table.front(); // unreachable for a complete table
}

template<typename Table>
auto fromKey(const Table &table, QStringView key) -> std::optional<decltype(table.front().value)>
{
    for (const auto &entry : table) {
        if (key == QLatin1String(entry.key))
            return entry.value;
    }
    return std::nullopt;
}

} // namespace

namespace Enums {

QString key(PortfolioGroup value) { return QString::fromLatin1(entryFor(portfolioGroups, value).key); }
QString label(PortfolioGroup value) { return QString::fromUtf8(entryFor(portfolioGroups, value).label); }
std::optional<PortfolioGroup> portfolioGroupFromKey(QStringView key) { return fromKey(portfolioGroups, key); }

std::optional<PortfolioGroup> portfolioGroupFromLabel(QStringView label)
{
    const QString text = label.trimmed().toString().toLower();
    if (text.startsWith(u"core"))
        return PortfolioGroup::CoreObjectives;
    if (text.startsWith(u"strategic"))
        return PortfolioGroup::StrategicPriority;
    if (text.startsWith(u"supporting"))
        return PortfolioGroup::SupportingInfrastructure;
    if (text.startsWith(u"place"))
        return PortfolioGroup::PlacePartnership;
    if (text.startsWith(u"cross"))
        return PortfolioGroup::CrossCuttingTheme;
    return fromKey(portfolioGroups, label);
}

QString key(IntentionStatus value) { return QString::fromLatin1(entryFor(intentionStatuses, value).key); }
QString label(IntentionStatus value) { return QString::fromUtf8(entryFor(intentionStatuses, value).label); }
std::optional<IntentionStatus> intentionStatusFromKey(QStringView key) { return fromKey(intentionStatuses, key); }

QString key(Shift value) { return QString::fromLatin1(entryFor(shifts, value).key); }
QString label(Shift value) { return QString::fromUtf8(entryFor(shifts, value).label); }

QString key(ProviderType value) { return QString::fromLatin1(entryFor(providerTypes, value).key); }
QString label(ProviderType value) { return QString::fromUtf8(entryFor(providerTypes, value).label); }
std::optional<ProviderType> providerTypeFromKey(QStringView key) { return fromKey(providerTypes, key); }

ProviderType providerTypeFromDescription(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (const auto exact = fromKey(providerTypes, t))
        return *exact;
    if (t.startsWith(u"acute"))
        return ProviderType::Acute;
    if (t.contains(u"community") || t.contains(u"mental health"))
        return ProviderType::CommunityMentalHealth;
    if (t.contains(u"ambulance"))
        return ProviderType::Ambulance;
    if (t.startsWith(u"gp"))
        return ProviderType::GpFederation;
    if (t.startsWith(u"vcse") || t.contains(u"voluntary"))
        return ProviderType::Vcse;
    if (t.contains(u"hospice"))
        return ProviderType::Hospice;
    if (t.contains(u"independent"))
        return ProviderType::IndependentSector;
    if (t.contains(u"care provider"))
        return ProviderType::CareProviderNetwork;
    if (t.contains(u"collaborative"))
        return ProviderType::ProviderCollaborative;
    return ProviderType::Other;
}

QString key(OutcomeDomainKind value) { return QString::fromLatin1(entryFor(outcomeDomainKinds, value).key); }
std::optional<OutcomeDomainKind> outcomeDomainKindFromKey(QStringView key)
{
    return fromKey(outcomeDomainKinds, key);
}

QString key(NoticeKind value) { return QString::fromLatin1(entryFor(noticeKinds, value).key); }
QString label(NoticeKind value) { return QString::fromUtf8(entryFor(noticeKinds, value).label); }
std::optional<NoticeKind> noticeKindFromKey(QStringView key) { return fromKey(noticeKinds, key); }

QString key(NoticeStatus value) { return QString::fromLatin1(entryFor(noticeStatuses, value).key); }
QString label(NoticeStatus value) { return QString::fromUtf8(entryFor(noticeStatuses, value).label); }
std::optional<NoticeStatus> noticeStatusFromKey(QStringView key) { return fromKey(noticeStatuses, key); }

} // namespace Enums

QDate PlanSettings::defaultNoticeIssueDate(FiscalYear planningYear)
{
    if (!planningYear.isValid())
        return {};
    return QDate(planningYear.startYear() - 1, 9, 30);
}

bool Intention::hasShift(Shift shift) const
{
    switch (shift) {
    case Shift::HospitalToCommunity:
        return shiftCommunity;
    case Shift::TreatmentToPrevention:
        return shiftPrevention;
    case Shift::AnalogueToDigital:
        return shiftDigital;
    }
    return false;
}
