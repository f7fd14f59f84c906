#pragma once

#include "fiscalyear.h"
#include "timeframe.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Value types of the domain (brief §2). An id of 0 means "not stored yet".
using Id = qint64;

enum class PortfolioGroup {
    CoreObjectives,
    StrategicPriority,
    SupportingInfrastructure,
    PlacePartnership,
    CrossCuttingTheme,
};

enum class IntentionStatus { Proposed, Agreed, InDelivery, Complete, Withdrawn };

enum class Shift { HospitalToCommunity, TreatmentToPrevention, AnalogueToDigital };

enum class ProviderType {
    Acute,
    CommunityMentalHealth,
    Ambulance,
    GpFederation,
    Vcse,
    Hospice,
    IndependentSector,
    CareProviderNetwork,
    ProviderCollaborative,
    Other,
};

enum class OutcomeDomainKind { LifeCourse, CrossCutting };

enum class NoticeKind { Terminate, Reduce, Change, Transfer };

enum class NoticeStatus { Draft, Approved, Issued, Acknowledged, Withdrawn };

// Stable storage keys ("core_objectives", "in_delivery", …) and labels for people.
// fromKey returns std::nullopt for an unknown key.
namespace Enums {
QString key(PortfolioGroup value);
QString label(PortfolioGroup value);
std::optional<PortfolioGroup> portfolioGroupFromKey(QStringView key);
// Reads the group names used in the Joint Forward Plan ("Core objectives", "Place based partnership"…).
std::optional<PortfolioGroup> portfolioGroupFromLabel(QStringView label);

QString key(IntentionStatus value);
QString label(IntentionStatus value);
std::optional<IntentionStatus> intentionStatusFromKey(QStringView key);

QString key(Shift value);
QString label(Shift value);

QString key(ProviderType value);
QString label(ProviderType value);
std::optional<ProviderType> providerTypeFromKey(QStringView key);
// Reads the looser wording of source lists ("acute trust", "community/mental health trust",
// "acute (hospital site)", "provider collaborative"…); unknown wording gives Other.
ProviderType providerTypeFromDescription(QStringView text);

QString key(OutcomeDomainKind value);
std::optional<OutcomeDomainKind> outcomeDomainKindFromKey(QStringView key);

QString key(NoticeKind value);
QString label(NoticeKind value);
std::optional<NoticeKind> noticeKindFromKey(QStringView key);

QString key(NoticeStatus value);
QString label(NoticeStatus value);
std::optional<NoticeStatus> noticeStatusFromKey(QStringView key);
} // namespace Enums

struct PlanSettings
{
    QString icbName;
    QString address;
    QString letterhead;       // extra letterhead lines (web, phone…)
    QString signatoryName;
    QString signatoryTitle;
    QString contactEmail;
    FiscalYear planningYear;  // e.g. 2026/27
    QDate noticeIssueDate;    // default 30 September of the year before the planning year
    int noticePeriodMonths = 6;
    bool illustrative = false; // the demo plan's invented records are marked as such

    static QDate defaultNoticeIssueDate(FiscalYear planningYear);
    friend bool operator==(const PlanSettings &, const PlanSettings &) = default;
};

struct PortfolioBenefit
{
    QString label; // "April 2025"
    QString text;
    friend bool operator==(const PortfolioBenefit &, const PortfolioBenefit &) = default;
};

struct Portfolio
{
    Id id = 0;
    QString name;
    PortfolioGroup group = PortfolioGroup::CoreObjectives;
    QString lead;
    QString colour; // "#RRGGBB"
    int sortOrder = 0;
    QString vision; // vision and key drivers
    QString keyStakeholders;
    QString keyProgrammes;
    QString engagement;
    QString sourceName; // the Joint Forward Plan page it was described from, if any
    QList<PortfolioBenefit> benefits;
    friend bool operator==(const Portfolio &, const Portfolio &) = default;
};

struct ProgrammeArea
{
    Id id = 0;
    Id portfolioId = 0;
    QString name;
    int sortOrder = 0;
    friend bool operator==(const ProgrammeArea &, const ProgrammeArea &) = default;
};

struct Milestone
{
    QString title;
    QDate due;
    bool done = false;
    friend bool operator==(const Milestone &, const Milestone &) = default;
};

struct Intention
{
    Id id = 0;
    Id portfolioId = 0;
    Id programmeAreaId = 0; // 0: none
    QString title;
    QString text;
    Timeframe timeframe;
    bool shiftCommunity = false;
    bool shiftPrevention = false;
    bool shiftDigital = false;
    IntentionStatus status = IntentionStatus::Proposed;
    QString lead;
    QList<Id> placeIds;
    QList<Id> providerIds;
    QList<Id> outcomeDomainIds;
    QList<Milestone> milestones;
    std::optional<double> investment; // £
    std::optional<double> staffWte;
    QString notes;
    int sourcePage = 0; // 0: unknown
    int sortOrder = 0;
    QDateTime updatedAt; // set by the store

    bool hasShift(Shift shift) const;
    friend bool operator==(const Intention &, const Intention &) = default;
};

struct OutcomeDomain
{
    Id id = 0;
    QString name;
    OutcomeDomainKind kind = OutcomeDomainKind::LifeCourse;
    int sortOrder = 0;
    friend bool operator==(const OutcomeDomain &, const OutcomeDomain &) = default;
};

struct Place
{
    Id id = 0;
    QString name;
    QString notes;
    int sortOrder = 0;
    friend bool operator==(const Place &, const Place &) = default;
};

struct Provider
{
    Id id = 0;
    QString name;
    QString odsCode;
    ProviderType type = ProviderType::Other;
    QString address;
    QString contactName;
    QString contactEmail;
    QString notes;
    friend bool operator==(const Provider &, const Provider &) = default;
};

struct Contract
{
    Id id = 0;
    Id providerId = 0;
    QString reference;
    QString title;
    QString form = QStringLiteral("NHS Standard Contract");
    QDate start;
    QDate end;
    std::optional<double> annualValue;
    std::optional<int> noticePeriodMonths; // unset: the plan's default
    friend bool operator==(const Contract &, const Contract &) = default;
};

struct ContractNotice
{
    Id id = 0;
    Id providerId = 0;
    Id contractId = 0;          // 0: none
    Id receivingProviderId = 0; // transfers name the receiving provider
    QList<Id> intentionIds;
    NoticeKind kind = NoticeKind::Change;
    QString service;
    QString summary;
    QString rationale;
    std::optional<double> financialEffect;
    QDate issueDate;
    QDate effectiveDate;
    NoticeStatus status = NoticeStatus::Draft;
    QString letterReference;
    QDateTime updatedAt; // set by the store
    friend bool operator==(const ContractNotice &, const ContractNotice &) = default;
};

struct LetterRecord
{
    Id id = 0;
    Id providerId = 0;
    QList<Id> noticeIds;
    QDateTime issuedAt;
    QString recipient;
    QString fileName;
    QString sha256; // hex of the exported file
    friend bool operator==(const LetterRecord &, const LetterRecord &) = default;
};

struct ChangeRecord
{
    Id id = 0;
    QDateTime changedAt;
    QString user;
    QString entity; // "intention", "notice", …
    Id entityId = 0;
    QString field;
    QString oldValue;
    QString newValue;
    friend bool operator==(const ChangeRecord &, const ChangeRecord &) = default;
};

// Row counts of a plan, as `--check` prints them.
struct PlanCounts
{
    int portfolios = 0;
    int programmeAreas = 0;
    int intentions = 0;
    int places = 0;
    int providers = 0;
    int contracts = 0;
    int notices = 0;
};
