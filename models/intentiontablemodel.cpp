#include "intentiontablemodel.h"

#include "intentioncommands.h"
#include "plancolours.h"
#include "plancontext.h"
#include "planformat.h"
#include "planroles.h"

#include <QLocale>
#include <QSet>
#include <QUndoStack>

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("“%1”").arg(text);
}

// A reason ("the title is empty") as a message on its own ("The title is empty.").
QString sentence(const QString &reason)
{
    if (reason.isEmpty())
        return reason;
    QString text = reason;
    text[0] = text.at(0).toUpper();
    if (!text.endsWith(u'.'))
        text += u'.';
    return text;
}

// "1 row", "3 rows" (no translations are loaded, so tr()'s plural forms would not apply).
QString counted(qsizetype count, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? one : many));
}

bool isReadOnlyColumn(int column)
{
    return column == IntentionTableModel::DatesColumn
        || column == IntentionTableModel::NeedsReviewColumn
        || column == IntentionTableModel::LastChangedColumn;
}

bool isShiftColumn(int column)
{
    return column == IntentionTableModel::CommunityColumn
        || column == IntentionTableModel::PreventionColumn
        || column == IntentionTableModel::DigitalColumn;
}

bool &shiftOf(Intention &row, int column)
{
    if (column == IntentionTableModel::CommunityColumn)
        return row.shiftCommunity;
    if (column == IntentionTableModel::PreventionColumn)
        return row.shiftPrevention;
    return row.shiftDigital;
}

bool shiftOf(const Intention &row, int column)
{
    return shiftOf(const_cast<Intention &>(row), column);
}

// Words a spreadsheet uses for a ticked or empty box.
std::optional<bool> yesNo(const QString &text)
{
    const QString t = text.trimmed().toCaseFolded();
    static const QStringList yes{QStringLiteral("y"), QStringLiteral("yes"), QStringLiteral("true"),
                                 QStringLiteral("1"), QStringLiteral("x"), QStringLiteral("✓"),
                                 QStringLiteral("✔")};
    static const QStringList no{QString(), QStringLiteral("n"), QStringLiteral("no"),
                                QStringLiteral("false"), QStringLiteral("0"), QStringLiteral("-")};
    if (yes.contains(t))
        return true;
    if (no.contains(t))
        return false;
    return std::nullopt;
}

// Unset sorts after every set value (blank is +1 for ascending, -1 for descending, so that blanks
// come last either way).
int compareDates(QDate a, QDate b, int blank)
{
    if (a.isValid() != b.isValid())
        return a.isValid() ? -blank : blank;
    if (!a.isValid())
        return 0;
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Case-insensitive; empty text sorts after every other (as compareDates).
int compareText(const QString &a, const QString &b, int blank)
{
    if (a.isEmpty() != b.isEmpty())
        return a.isEmpty() ? blank : -blank;
    return QString::compare(a, b, Qt::CaseInsensitive);
}

template<typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

IntentionTableModel::IntentionTableModel(PlanContext &context, QObject *parent)
    : QAbstractTableModel(parent)
    , m_context(context)
{
    connect(&m_context, &PlanContext::changed, this,
            [this](PlanContext::Entity entity, const QList<Id> &ids) {
                onPlanChanged(int(entity), ids);
            });
}

IntentionTableModel::~IntentionTableModel() = default;

// --- loading ---------------------------------------------------------------------------------

Result<void> IntentionTableModel::reload()
{
    PlanStoreSet &stores = m_context.stores();
    auto portfolios = stores.portfolios().list();
    auto areas = portfolios ? stores.programmeAreas().list() : Result<QList<ProgrammeArea>>(Error{portfolios.error()});
    auto places = areas ? stores.places().list() : Result<QList<Place>>(Error{areas.error()});
    auto providers = places ? stores.providers().list() : Result<QList<Provider>>(Error{places.error()});
    auto intentions = providers ? stores.intentions().list()
                                : Result<QList<Intention>>(Error{providers.error()});

    beginResetModel();
    if (!intentions) {
        m_rows.clear();
        m_portfolios.clear();
        m_areas.clear();
        m_places.clear();
        m_providers.clear();
    } else {
        m_portfolios = std::move(portfolios.value());
        m_areas = std::move(areas.value());
        m_places = std::move(places.value());
        m_providers = std::move(providers.value());
        m_rows = std::move(intentions.value());
    }
    rebuildLookups();
    rebuildIndex();
    if (m_sortColumn >= 0)
        resort(true);
    endResetModel();
    if (!intentions) {
        m_lastError = intentions.error();
        return Error{intentions.error()};
    }
    m_lastError.clear();
    return {};
}

void IntentionTableModel::rebuildLookups()
{
    m_portfolioIndex.clear();
    m_areaIndex.clear();
    m_placeIndex.clear();
    m_providerIndex.clear();
    for (int i = 0; i < m_portfolios.size(); ++i)
        m_portfolioIndex.insert(m_portfolios.at(i).id, i);
    for (int i = 0; i < m_areas.size(); ++i)
        m_areaIndex.insert(m_areas.at(i).id, i);
    for (int i = 0; i < m_places.size(); ++i)
        m_placeIndex.insert(m_places.at(i).id, i);
    for (int i = 0; i < m_providers.size(); ++i)
        m_providerIndex.insert(m_providers.at(i).id, i);
}

void IntentionTableModel::rebuildIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    m_searchText.resize(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        const Intention &intention = m_rows.at(row);
        m_rowOfId.insert(intention.id, row);
        m_searchText[row] = searchTextOf(intention);
    }
}

namespace {
// A non-ASCII character decomposed on its own (é → e + ◌́), its marks dropped and its case
// folded, as UTF-8. Remembered: plans use few such characters.
const QByteArray &foldedCharacter(char16_t c)
{
    thread_local QHash<char16_t, QByteArray> folded;
    auto found = folded.constFind(c);
    if (found == folded.cend()) {
        QString parts;
        for (QChar part : QString(QChar(c)).normalized(QString::NormalizationForm_KD)) {
            if (part.category() != QChar::Mark_NonSpacing)
                parts.append(part);
        }
        found = folded.insert(c, parts.toCaseFolded().toUtf8());
    }
    return *found;
}

// Appends text folded for search to out, as UTF-8. ASCII — nearly every character of a plan —
// is lowered straight into the buffer (sized for it); characters outside the BMP are kept.
void appendFolded(QByteArray &out, QStringView text)
{
    qsizetype at = out.size();
    out.resize(at + text.size());
    char *to = out.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            to[at++] = char(c >= u'A' && c <= u'Z' ? c + 32 : c);
            continue;
        }
        QByteArray extra;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            extra = text.mid(i, 2).toUtf8();
            ++i;
        } else if (!QChar::isSurrogate(c)) { // a lone surrogate half is not text: dropped
            extra = foldedCharacter(c);
        }
        out.resize(at + extra.size() + (text.size() - i - 1));
        to = out.data();
        memcpy(to + at, extra.constData(), size_t(extra.size()));
        at += extra.size();
    }
    out.resize(at);
}
} // namespace

QByteArray IntentionTableModel::searchTextOf(const Intention &row)
{
    QByteArray text;
    text.reserve(row.title.size() + row.text.size() + row.lead.size() + 2);
    appendFolded(text, row.title);
    text.append('\n');
    appendFolded(text, row.text);
    text.append('\n');
    appendFolded(text, row.lead);
    return text;
}

QString IntentionTableModel::foldForSearch(const QString &text)
{
    // "Café" and "CAFE" both read "cafe".
    QByteArray folded;
    appendFolded(folded, text);
    return QString::fromUtf8(folded);
}

bool IntentionTableModel::matchesSearch(int row, const QList<QByteArray> &words) const
{
    const QByteArray &text = m_searchText.at(row);
    for (const QByteArray &word : words) {
        // glibc's memmem: a two-way search with vectorised first-byte scanning.
        if (!memmem(text.constData(), size_t(text.size()), word.constData(), size_t(word.size())))
            return false;
    }
    return true;
}

int IntentionTableModel::comparePlanOrder(const Intention &a, const Intention &b) const
{
    if (a.portfolioId != b.portfolioId) {
        const Portfolio *pa = portfolio(a.portfolioId);
        const Portfolio *pb = portfolio(b.portfolioId);
        if (pa && pb) {
            if (pa->sortOrder != pb->sortOrder)
                return compareValues(pa->sortOrder, pb->sortOrder);
            if (const int c = QString::compare(pa->name, pb->name))
                return c;
        }
        return compareValues(a.portfolioId, b.portfolioId);
    }
    if (a.sortOrder != b.sortOrder)
        return compareValues(a.sortOrder, b.sortOrder);
    return compareValues(a.id, b.id);
}

void IntentionTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < -1 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    resort();
}

// Puts the rows in the sort order, as one layout change; nothing is emitted if they already are.
// Inside a reset (quiet) the rows are only reordered.
void IntentionTableModel::resort(bool quiet)
{
    const int n = int(m_rows.size());
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    if (m_sortColumn < 0) {
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return comparePlanOrder(m_rows.at(a), m_rows.at(b)) < 0;
        });
    } else {
        const int sign = m_sortOrder == Qt::AscendingOrder ? 1 : -1;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return sign * compareRows(a, b, m_sortColumn, m_sortOrder) < 0;
        });
    }
    bool unchanged = true;
    for (int i = 0; i < n && unchanged; ++i)
        unchanged = order[size_t(i)] == i;
    if (unchanged)
        return;

    if (!quiet)
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = quiet ? QModelIndexList() : persistentIndexList();
    QList<Id> idsBefore;
    idsBefore.reserve(before.size());
    for (const QModelIndex &index : before)
        idsBefore.append(m_rows.at(index.row()).id);

    // The permutation applied in place, cycle by cycle: a second list of 100,000 rows would
    // add tens of megabytes to the peak.
    std::vector<bool> placed(static_cast<size_t>(n), false);
    for (int start = 0; start < n; ++start) {
        if (placed[size_t(start)] || order[size_t(start)] == start)
            continue;
        Intention row = std::move(m_rows[start]);
        QByteArray text = std::move(m_searchText[start]);
        int to = start;
        for (;;) {
            placed[size_t(to)] = true;
            const int from = order[size_t(to)];
            if (from == start) {
                m_rows[to] = std::move(row);
                m_searchText[to] = std::move(text);
                break;
            }
            m_rows[to] = std::move(m_rows[from]);
            m_searchText[to] = std::move(m_searchText[from]);
            to = from;
        }
    }
    m_rowOfId.clear();
    m_rowOfId.reserve(n);
    for (int row = 0; row < n; ++row)
        m_rowOfId.insert(m_rows.at(row).id, row);

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf(idsBefore.at(i)), before.at(i).column()));
    if (quiet)
        return;
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// Another view (or another part of this one) changed the plan. Our own changes are already
// shown; intention ids refresh those rows; anything else re-reads the plan.
void IntentionTableModel::onPlanChanged(int entity, const QList<Id> &ids)
{
    if (m_applying)
        return;
    switch (PlanContext::Entity(entity)) {
    case PlanContext::Entity::Intention:
        if (ids.isEmpty())
            softReload();
        else
            refreshRows(ids);
        break;
    case PlanContext::Entity::Portfolio:
    case PlanContext::Entity::ProgrammeArea:
    case PlanContext::Entity::Place:
    case PlanContext::Entity::Provider:
        softReload();
        break;
    default:
        break;
    }
}

// Re-reads everything; when the same intentions come back in the same order the rows are
// updated in place (views keep selection and expansion), else the model resets.
void IntentionTableModel::softReload()
{
    PlanStoreSet &stores = m_context.stores();
    auto portfolios = stores.portfolios().list();
    auto areas = stores.programmeAreas().list();
    auto places = stores.places().list();
    auto providers = stores.providers().list();
    auto intentions = stores.intentions().list();
    if (!portfolios || !areas || !places || !providers || !intentions) {
        (void)reload(); // reports the failure as an empty model with lastError()
        return;
    }
    // The same intentions (in whatever order this model shows them)?
    bool sameRows = intentions.value().size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < intentions.value().size(); ++i)
        sameRows = m_rowOfId.contains(intentions.value().at(i).id);
    if (!sameRows) {
        (void)reload();
        return;
    }
    m_portfolios = std::move(portfolios.value());
    m_areas = std::move(areas.value());
    m_places = std::move(places.value());
    m_providers = std::move(providers.value());
    rebuildLookups();
    for (Intention &intention : intentions.value()) {
        const int row = rowOf(intention.id);
        m_rows[row] = std::move(intention);
        m_searchText[row] = searchTextOf(m_rows.at(row));
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    if (m_sortColumn >= 0)
        resort();
}

void IntentionTableModel::refreshRows(const QList<Id> &ids)
{
    QList<Id> gone;
    QList<std::pair<int, Intention>> added;
    for (Id id : ids) {
        auto found = m_context.stores().intentions().get(id);
        const int row = rowOf(id);
        if (!found) {
            if (row >= 0)
                gone.append(id);
            continue;
        }
        if (row >= 0)
            replaceRow(row, found.value());
        else
            added.append({-1, found.value()});
    }
    removeRowsById(gone);
    insertIntentions(added);
    if (m_sortColumn >= 0)
        resort();
}

int IntentionTableModel::rowOf(Id id) const
{
    return m_rowOfId.value(id, -1);
}

void IntentionTableModel::replaceRow(int row, const Intention &value)
{
    m_rows[row] = value;
    m_searchText[row] = searchTextOf(value);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

// Rows go in at their hints (ascending: each hint is a position in the final table), runs of
// consecutive or equal hints as one block; a hint of -1 appends.
void IntentionTableModel::insertIntentions(QList<std::pair<int, Intention>> rows)
{
    if (rows.isEmpty())
        return;
    for (auto &entry : rows) {
        if (entry.first < 0)
            entry.first = std::numeric_limits<int>::max();
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    qsizetype i = 0;
    while (i < rows.size()) {
        const int hint = rows.at(i).first;
        qsizetype end = i + 1;
        while (end < rows.size()
               && (rows.at(end).first == hint || rows.at(end).first == hint + int(end - i)))
            ++end;
        const int at = std::clamp(hint, 0, int(m_rows.size()));
        const int count = int(end - i);
        beginInsertRows({}, at, at + count - 1);
        for (qsizetype k = i; k < end; ++k) {
            const Intention &value = rows.at(k).second;
            const int row = at + int(k - i);
            m_rows.insert(row, value);
            m_searchText.insert(row, searchTextOf(value));
        }
        // The index must be right before anyone reacts to rowsInserted.
        m_rowOfId.clear();
        for (int row = 0; row < m_rows.size(); ++row)
            m_rowOfId.insert(m_rows.at(row).id, row);
        endInsertRows();
        i = end;
    }
}

void IntentionTableModel::removeRowsById(const QList<Id> &ids)
{
    QList<int> rows;
    for (Id id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype i = 0;
    while (i < rows.size()) {
        // rows descending: a run last, last-1, … is one block
        qsizetype end = i + 1;
        while (end < rows.size() && rows.at(end) == rows.at(end - 1) - 1)
            ++end;
        const int first = rows.at(end - 1);
        const int last = rows.at(i);
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        m_searchText.remove(first, last - first + 1);
        m_rowOfId.clear();
        for (int row = 0; row < m_rows.size(); ++row)
            m_rowOfId.insert(m_rows.at(row).id, row);
        endRemoveRows();
        i = end;
    }
}

// --- lookups ---------------------------------------------------------------------------------

QList<ProgrammeArea> IntentionTableModel::programmeAreas(Id portfolioId) const
{
    if (portfolioId == 0)
        return m_areas;
    QList<ProgrammeArea> areas;
    for (const ProgrammeArea &area : m_areas) {
        if (area.portfolioId == portfolioId)
            areas.append(area);
    }
    return areas;
}

const Portfolio *IntentionTableModel::portfolio(Id id) const
{
    const auto found = m_portfolioIndex.constFind(id);
    return found == m_portfolioIndex.cend() ? nullptr : &m_portfolios.at(*found);
}

const ProgrammeArea *IntentionTableModel::programmeArea(Id id) const
{
    const auto found = m_areaIndex.constFind(id);
    return found == m_areaIndex.cend() ? nullptr : &m_areas.at(*found);
}

QString IntentionTableModel::placeName(Id id) const
{
    const auto found = m_placeIndex.constFind(id);
    return found == m_placeIndex.cend() ? QString() : m_places.at(*found).name;
}

QString IntentionTableModel::providerName(Id id) const
{
    const auto found = m_providerIndex.constFind(id);
    return found == m_providerIndex.cend() ? QString() : m_providers.at(*found).name;
}

QString IntentionTableModel::joinedNames(const QList<Id> &ids, bool places) const
{
    QStringList names;
    names.reserve(ids.size());
    for (Id id : ids)
        names.append(places ? placeName(id) : providerName(id));
    return names.join(QStringLiteral(", "));
}

// --- reading ---------------------------------------------------------------------------------

int IntentionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IntentionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IntentionTableModel::cellText(int row, int column) const
{
    const Intention &r = m_rows.at(row);
    switch (column) {
    case PortfolioColumn:
        if (const Portfolio *p = portfolio(r.portfolioId))
            return p->name;
        return {};
    case ProgrammeAreaColumn:
        if (const ProgrammeArea *a = programmeArea(r.programmeAreaId))
            return a->name;
        return {};
    case TitleColumn:
        return r.title;
    case TextColumn:
        return r.text;
    case TimeframeColumn:
        return r.timeframe.raw;
    case DatesColumn:
        return PlanFormat::timeframeDates(r.timeframe);
    case CommunityColumn:
    case PreventionColumn:
    case DigitalColumn:
        return shiftOf(r, column) ? QStringLiteral("Y") : QString();
    case StatusColumn:
        return Enums::label(r.status);
    case LeadColumn:
        return r.lead;
    case PlacesColumn:
        return joinedNames(r.placeIds, true);
    case ProvidersColumn:
        return joinedNames(r.providerIds, false);
    case NeedsReviewColumn:
        return r.timeframe.needsReview ? tr("Needs review") : QString();
    case LastChangedColumn:
        return r.updatedAt.isValid()
            ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                  .toString(r.updatedAt.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"))
            : QString();
    default:
        return {};
    }
}

QVariant IntentionTableModel::sortKey(const Intention &r, int column) const
{
    // Text that sorts after every real value, for unset dates and empty text.
    static const QString last = QString(QChar(0xFFFF));
    switch (column) {
    case TimeframeColumn:
    case DatesColumn:
        return (r.timeframe.start.isValid() ? r.timeframe.start.toString(Qt::ISODate) : last)
            + u' ' + (r.timeframe.end.isValid() ? r.timeframe.end.toString(Qt::ISODate) : last);
    case CommunityColumn:
    case PreventionColumn:
    case DigitalColumn:
        return shiftOf(r, column) ? 1 : 0;
    case StatusColumn:
        return int(r.status);
    case NeedsReviewColumn:
        return r.timeframe.needsReview ? 1 : 0;
    case LastChangedColumn:
        return r.updatedAt.isValid() ? r.updatedAt.toString(Qt::ISODate) : last;
    default: {
        const QString text = cellText(rowOf(r.id), column).toCaseFolded();
        return text.isEmpty() ? last : text;
    }
    }
}

int IntentionTableModel::compareRows(int rowA, int rowB, int column, Qt::SortOrder order) const
{
    const Intention &a = m_rows.at(rowA);
    const Intention &b = m_rows.at(rowB);
    const int blank = order == Qt::AscendingOrder ? 1 : -1;
    switch (column) {
    case PortfolioColumn: {
        const Portfolio *pa = portfolio(a.portfolioId);
        const Portfolio *pb = portfolio(b.portfolioId);
        return compareText(pa ? pa->name : QString(), pb ? pb->name : QString(), blank);
    }
    case ProgrammeAreaColumn: {
        const ProgrammeArea *aa = programmeArea(a.programmeAreaId);
        const ProgrammeArea *ab = programmeArea(b.programmeAreaId);
        return compareText(aa ? aa->name : QString(), ab ? ab->name : QString(), blank);
    }
    case TitleColumn:
        return compareText(a.title, b.title, blank);
    case TextColumn:
        return compareText(a.text, b.text, blank);
    case LeadColumn:
        return compareText(a.lead, b.lead, blank);
    case TimeframeColumn:
    case DatesColumn:
        if (int c = compareDates(a.timeframe.start, b.timeframe.start, blank))
            return c;
        return compareDates(a.timeframe.end, b.timeframe.end, blank);
    case CommunityColumn:
    case PreventionColumn:
    case DigitalColumn:
        return compareValues(int(shiftOf(a, column)), int(shiftOf(b, column)));
    case StatusColumn:
        return compareValues(int(a.status), int(b.status));
    case PlacesColumn:
        return compareText(joinedNames(a.placeIds, true), joinedNames(b.placeIds, true), blank);
    case ProvidersColumn:
        return compareText(joinedNames(a.providerIds, false), joinedNames(b.providerIds, false), blank);
    case NeedsReviewColumn:
        return compareValues(int(a.timeframe.needsReview), int(b.timeframe.needsReview));
    case LastChangedColumn:
        if (a.updatedAt.isValid() != b.updatedAt.isValid())
            return a.updatedAt.isValid() ? -blank : blank;
        return compareValues(a.updatedAt, b.updatedAt);
    default:
        return 0;
    }
}

QVariant IntentionTableModel::intentionRoleData(const Intention &row, int role)
{
    switch (role) {
    case PlanRoles::IdRole:
        return row.id;
    case PlanRoles::PortfolioIdRole:
        return row.portfolioId;
    case PlanRoles::ProgrammeAreaIdRole:
        return row.programmeAreaId;
    case PlanRoles::NeedsReviewRole:
        return row.timeframe.needsReview;
    case PlanRoles::StartDateRole:
        return row.timeframe.start;
    case PlanRoles::EndDateRole:
        return row.timeframe.end;
    case PlanRoles::OpenEndedRole:
        return row.timeframe.openEnded;
    case PlanRoles::ShiftsRole:
        return PlanRoles::shiftBits(row.shiftCommunity, row.shiftPrevention, row.shiftDigital);
    case PlanRoles::StatusRole:
        return int(row.status);
    case PlanRoles::TitleRole:
        return row.title;
    default:
        return {};
    }
}

QVariant IntentionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size()
        || index.column() >= ColumnCount)
        return {};
    const Intention &r = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case PlanRoles::IdRole:
    case PlanRoles::PortfolioIdRole:
    case PlanRoles::ProgrammeAreaIdRole:
    case PlanRoles::NeedsReviewRole:
    case PlanRoles::StartDateRole:
    case PlanRoles::EndDateRole:
    case PlanRoles::OpenEndedRole:
    case PlanRoles::ShiftsRole:
    case PlanRoles::TitleRole:
    case PlanRoles::StatusRole:
        return intentionRoleData(r, role);
    case PlanRoles::NodeKindRole:
        return int(PlanRoles::NodeKind::Intention);
    case PlanRoles::DateRangeRole:
        return QVariantList{r.timeframe.start, r.timeframe.end};
    case PlanRoles::ColourRole: {
        const Portfolio *p = portfolio(r.portfolioId);
        return PlanColours::portfolio(p ? p->colour : QString());
    }
    case PlanRoles::SortRole:
        return sortKey(r, column);
    case PlanRoles::TimeframeRole:
        return QVariant::fromValue(r.timeframe);
    case PlanRoles::TimeframeFlagsRole:
        return int(r.timeframe.flags);
    case PlanRoles::RawTimeframeRole:
        return r.timeframe.raw;
    case PlanRoles::MilestonesRole: {
        QVariantList milestones;
        for (const Milestone &m : r.milestones)
            milestones.append(QVariantMap{{QStringLiteral("title"), m.title},
                                          {QStringLiteral("due"), m.due},
                                          {QStringLiteral("done"), m.done}});
        return milestones;
    }
    case PlanRoles::SearchTextRole:
        return QString::fromUtf8(m_searchText.at(index.row()));
    default:
        break;
    }

    if (isShiftColumn(column)) {
        if (role == Qt::CheckStateRole)
            return shiftOf(r, column) ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::EditRole)
            return shiftOf(r, column);
        if (role == Qt::ToolTipRole) {
            const Shift shift = column == CommunityColumn ? Shift::HospitalToCommunity
                : column == PreventionColumn              ? Shift::TreatmentToPrevention
                                                          : Shift::AnalogueToDigital;
            return shiftOf(r, column) ? Enums::label(shift) : tr("Not tagged: %1").arg(Enums::label(shift));
        }
        return {};
    }

    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), column);
    case Qt::EditRole:
        switch (column) {
        case PortfolioColumn:
            return r.portfolioId;
        case ProgrammeAreaColumn:
            return r.programmeAreaId;
        case StatusColumn:
            return int(r.status);
        case PlacesColumn:
        case ProvidersColumn: {
            QVariantList ids;
            for (Id id : column == PlacesColumn ? r.placeIds : r.providerIds)
                ids.append(id);
            return ids;
        }
        default:
            return cellText(index.row(), column);
        }
    case Qt::ToolTipRole:
        switch (column) {
        case TitleColumn:
        case TextColumn:
            return r.text.isEmpty() ? QVariant() : QVariant(r.text);
        case TimeframeColumn:
        case DatesColumn:
            return PlanFormat::timeframeSummary(r.timeframe);
        case NeedsReviewColumn:
            return r.timeframe.needsReview ? r.timeframe.reason : QString();
        case LastChangedColumn:
            return r.updatedAt.isValid() ? r.updatedAt.toUTC().toString(Qt::ISODate) : QString();
        case PlacesColumn:
        case ProvidersColumn:
            return cellText(index.row(), column);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (r.timeframe.needsReview
            && (column == TimeframeColumn || column == DatesColumn || column == NeedsReviewColumn))
            return PlanColours::needsReview();
        if (column == StatusColumn)
            return PlanColours::status(r.status);
        return {};
    case Qt::DecorationRole:
        if (column == PortfolioColumn)
            return data(index, PlanRoles::ColourRole);
        return {};
    default:
        return {};
    }
}

Qt::ItemFlags IntentionTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return columnFlags(index.column());
}

Qt::ItemFlags IntentionTableModel::columnFlags(int column)
{
    if (column < 0 || column >= ColumnCount)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (isShiftColumn(column))
        flags |= Qt::ItemIsUserCheckable;
    else if (!isReadOnlyColumn(column))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant IntentionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CommunityColumn:
            return Enums::label(Shift::HospitalToCommunity);
        case PreventionColumn:
            return Enums::label(Shift::TreatmentToPrevention);
        case DigitalColumn:
            return Enums::label(Shift::AnalogueToDigital);
        case TimeframeColumn:
            return tr("The timeframe as written");
        case DatesColumn:
            return tr("The dates the planner read from the timeframe");
        case NeedsReviewColumn:
            return tr("Timeframes the planner could not read with confidence");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PortfolioColumn:
        return tr("Portfolio");
    case ProgrammeAreaColumn:
        return tr("Programme area");
    case TitleColumn:
        return tr("Title");
    case TextColumn:
        return tr("Intention");
    case TimeframeColumn:
        return tr("Timeframe");
    case DatesColumn:
        return tr("Dates");
    case CommunityColumn:
        return tr("Community");
    case PreventionColumn:
        return tr("Prevention");
    case DigitalColumn:
        return tr("Digital");
    case StatusColumn:
        return tr("Status");
    case LeadColumn:
        return tr("Lead");
    case PlacesColumn:
        return tr("Places");
    case ProvidersColumn:
        return tr("Providers");
    case NeedsReviewColumn:
        return tr("Review");
    case LastChangedColumn:
        return tr("Last changed");
    default:
        return {};
    }
}

// --- checking values -------------------------------------------------------------------------

Result<QVariant> IntentionTableModel::valueFromText(int row, int column, const QString &text) const
{
    if (row < 0 || row >= m_rows.size())
        return Error{tr("there is no such row")};
    return parseText(m_rows.at(row), column, text);
}

Result<QVariant> IntentionTableModel::parseText(const Intention &row, int column,
                                                const QString &text) const
{
    const QString trimmed = text.trimmed();
    switch (column) {
    case PortfolioColumn:
        for (const Portfolio &p : m_portfolios) {
            if (p.name.compare(trimmed, Qt::CaseInsensitive) == 0)
                return QVariant(p.id);
        }
        return Error{tr("there is no portfolio called %1").arg(quoted(trimmed))};
    case ProgrammeAreaColumn: {
        if (trimmed.isEmpty())
            return QVariant(Id(0));
        for (const ProgrammeArea &a : m_areas) {
            if (a.portfolioId == row.portfolioId && a.name.compare(trimmed, Qt::CaseInsensitive) == 0)
                return QVariant(a.id);
        }
        const Portfolio *p = portfolio(row.portfolioId);
        return Error{tr("%1 is not a programme area of %2")
                         .arg(quoted(trimmed), p ? quoted(p->name) : tr("the portfolio"))};
    }
    case TitleColumn:
    case TextColumn:
    case TimeframeColumn:
    case LeadColumn:
        return QVariant(text);
    case CommunityColumn:
    case PreventionColumn:
    case DigitalColumn:
        if (const auto tagged = yesNo(text))
            return QVariant(*tagged);
        return Error{tr("%1 is not Y or blank").arg(quoted(trimmed))};
    case StatusColumn:
        for (IntentionStatus status : {IntentionStatus::Proposed, IntentionStatus::Agreed,
                                       IntentionStatus::InDelivery, IntentionStatus::Complete,
                                       IntentionStatus::Withdrawn}) {
            if (Enums::label(status).compare(trimmed, Qt::CaseInsensitive) == 0
                || Enums::key(status).compare(trimmed, Qt::CaseInsensitive) == 0)
                return QVariant(int(status));
        }
        return Error{tr("%1 is not a status (Proposed, Agreed, In delivery, Complete, Withdrawn)")
                         .arg(quoted(trimmed))};
    case PlacesColumn:
    case ProvidersColumn: {
        const bool places = column == PlacesColumn;
        // Names are separated by ";" (or line breaks); a part that is not a name is tried as
        // a comma-separated list, so both "A; B" and the grid's own "A, B" read back.
        QVariantList ids;
        QString part;
        const QStringList parts = QString(text).replace(u'\n', u';').split(u';', Qt::SkipEmptyParts);
        auto idOf = [&](const QString &name) -> Id {
            const QString n = name.trimmed();
            if (places) {
                for (const Place &p : m_places) {
                    if (p.name.compare(n, Qt::CaseInsensitive) == 0)
                        return p.id;
                }
            } else {
                for (const Provider &p : m_providers) {
                    if (p.name.compare(n, Qt::CaseInsensitive) == 0
                        || (!p.odsCode.isEmpty() && p.odsCode.compare(n, Qt::CaseInsensitive) == 0))
                        return p.id;
                }
            }
            return 0;
        };
        for (const QString &piece : parts) {
            if (piece.trimmed().isEmpty())
                continue;
            if (const Id id = idOf(piece)) {
                ids.append(id);
                continue;
            }
            for (const QString &name : piece.split(u',', Qt::SkipEmptyParts)) {
                if (name.trimmed().isEmpty())
                    continue;
                const Id id = idOf(name);
                if (id == 0)
                    return Error{(places ? tr("there is no place called %1")
                                         : tr("there is no provider called %1"))
                                     .arg(quoted(name.trimmed()))};
                ids.append(id);
            }
        }
        return QVariant(ids);
    }
    default:
        return Error{tr("this column is worked out by the planner and cannot be edited")};
    }
}

// The row with column set to an edit value (see the header), or what is wrong with the value.
Result<Intention> IntentionTableModel::edited(const Intention &row, int column,
                                              const QVariant &given) const
{
    QVariant value = given;
    const bool textValue = given.typeId() == QMetaType::QString;
    if (textValue
        && (column == PortfolioColumn || column == ProgrammeAreaColumn || column == StatusColumn
            || column == PlacesColumn || column == ProvidersColumn || isShiftColumn(column))) {
        auto parsed = parseText(row, column, given.toString());
        if (!parsed)
            return Error{parsed.error()};
        value = parsed.value();
    }

    Intention result = row;
    switch (column) {
    case PortfolioColumn: {
        const Id id = value.toLongLong();
        if (!portfolio(id))
            return Error{tr("there is no portfolio with id %1").arg(id)};
        result.portfolioId = id;
        // The area belongs to the old portfolio: the intention leaves it.
        if (const ProgrammeArea *area = programmeArea(result.programmeAreaId);
            area && area->portfolioId != id)
            result.programmeAreaId = 0;
        return result;
    }
    case ProgrammeAreaColumn: {
        const Id id = value.toLongLong();
        if (id != 0) {
            const ProgrammeArea *area = programmeArea(id);
            if (!area)
                return Error{tr("there is no programme area with id %1").arg(id)};
            if (area->portfolioId != row.portfolioId) {
                const Portfolio *own = portfolio(area->portfolioId);
                const Portfolio *rows = portfolio(row.portfolioId);
                return Error{tr("%1 belongs to %2, not to %3")
                                 .arg(quoted(area->name), own ? quoted(own->name) : tr("another portfolio"),
                                      rows ? quoted(rows->name) : tr("this intention's portfolio"))};
            }
        }
        result.programmeAreaId = id;
        return result;
    }
    case TitleColumn:
        if (value.toString().trimmed().isEmpty())
            return Error{tr("the title cannot be empty")};
        result.title = value.toString();
        return result;
    case TextColumn:
        result.text = value.toString();
        return result;
    case LeadColumn:
        result.lead = value.toString();
        return result;
    case TimeframeColumn: {
        // Text the parser cannot read with confidence is kept, with its review flag and reason:
        // it may be right and only the planner unsure. A range that ends before it starts is
        // certainly wrong, so it is refused with the parser's reason. (The parser reports that
        // only in words: these are its two phrasings.)
        const Timeframe timeframe = TimeframeParser::parse(value.toString());
        if (timeframe.start.isValid() && timeframe.end.isValid() && timeframe.end < timeframe.start)
            return Error{tr("the timeframe ends (%1) before it starts (%2)")
                             .arg(PlanFormat::date(timeframe.end), PlanFormat::date(timeframe.start))};
        if (timeframe.needsReview
            && (timeframe.reason.contains(QLatin1String("before it starts"))
                || timeframe.reason.contains(QLatin1String("is not after start year"))))
            return Error{tr("the timeframe %1: %2").arg(quoted(value.toString()), timeframe.reason)};
        result.timeframe = timeframe;
        return result;
    }
    case CommunityColumn:
    case PreventionColumn:
    case DigitalColumn:
        // bool from an editor, Qt::CheckState from a check box, 0/1 from elsewhere
        shiftOf(result, column) = value.typeId() == QMetaType::Bool
            ? value.toBool()
            : (value.toInt() == Qt::Checked || value.toInt() == 1);
        return result;
    case StatusColumn: {
        bool ok = false;
        const int status = value.toInt(&ok);
        if (!ok || status < int(IntentionStatus::Proposed) || status > int(IntentionStatus::Withdrawn))
            return Error{tr("%1 is not a status").arg(quoted(value.toString()))};
        result.status = IntentionStatus(status);
        return result;
    }
    case PlacesColumn:
    case ProvidersColumn: {
        const bool places = column == PlacesColumn;
        QList<Id> ids;
        for (const QVariant &id : value.toList()) {
            const Id linked = id.toLongLong();
            if (places ? !m_placeIndex.contains(linked) : !m_providerIndex.contains(linked))
                return Error{(places ? tr("there is no place with id %1") : tr("there is no provider with id %1"))
                                 .arg(linked)};
            ids.append(linked);
        }
        // Links are sets, read back in ascending id order: keep the row as the store will.
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        (places ? result.placeIds : result.providerIds) = ids;
        return result;
    }
    default:
        return Error{tr("this column is worked out by the planner and cannot be edited")};
    }
}

Result<Intention> IntentionTableModel::withDates(const Intention &row, QDate start, QDate end) const
{
    const Timeframe &tf = row.timeframe;
    if (tf.needsReview)
        return Error{tr("the timeframe %1 needs review (%2); correct its text before moving it")
                         .arg(quoted(tf.raw), tf.reason)};
    if (tf.openEnded)
        return Error{tr("the timeframe %1 is open-ended; edit its text to change it").arg(quoted(tf.raw))};
    if (!start.isValid() && !end.isValid())
        return Error{tr("the new timeframe has no dates")};
    if (start.isValid() && end.isValid() && end < start)
        return Error{tr("the timeframe would end (%1) before it starts (%2)")
                         .arg(PlanFormat::date(end), PlanFormat::date(start))};
    if (start.isValid() && !end.isValid())
        return Error{tr("the timeframe needs an end date")};
    Intention result = row;
    // The structured dates and the text that says them: the flags and yearly review are not in
    // the normalised text, so they go (raw text is what the planner trusts).
    result.timeframe = TimeframeParser::parse(TimeframeParser::normalisedText(start, end));
    return result;
}

// --- changing --------------------------------------------------------------------------------

Result<void> IntentionTableModel::reject(const QModelIndex &index, const QString &message)
{
    m_lastError = sentence(message);
    emit editRejected(index, m_lastError);
    return Error{m_lastError};
}

bool IntentionTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Intention &row = m_rows.at(index.row());
    const int column = index.column();

    Result<Intention> result = Error{};
    QString text;
    if (role == PlanRoles::StartDateRole || role == PlanRoles::EndDateRole
        || role == PlanRoles::DateRangeRole) {
        QDate start = row.timeframe.start;
        QDate end = row.timeframe.end;
        if (role == PlanRoles::StartDateRole) {
            start = value.toDate();
        } else if (role == PlanRoles::EndDateRole) {
            end = value.toDate();
        } else {
            const QVariantList range = value.toList();
            if (range.size() != 2) {
                (void)reject(index, tr("a date range is a start and an end"));
                return false;
            }
            start = range.at(0).toDate();
            end = range.at(1).toDate();
        }
        result = withDates(row, start, end);
        text = tr("Move %1 to %2").arg(quoted(row.title),
                                       result ? PlanFormat::timeframeDates(result.value().timeframe) : QString());
    } else if (role == Qt::CheckStateRole && isShiftColumn(column)) {
        result = edited(row, column, QVariant(value.toInt() == Qt::Checked));
        text = tr("%1 %2 on %3")
                   .arg(value.toInt() == Qt::Checked ? tr("Tag") : tr("Untag"),
                        headerData(column, Qt::Horizontal).toString(), quoted(row.title));
    } else if (role == Qt::EditRole) {
        if (isReadOnlyColumn(column)) {
            (void)reject(index, tr("the %1 column is worked out by the planner and cannot be edited")
                                    .arg(headerData(column, Qt::Horizontal).toString().toLower()));
            return false;
        }
        result = edited(row, column, value);
        text = tr("Edit %1 of %2")
                   .arg(headerData(column, Qt::Horizontal).toString().toLower(), quoted(row.title));
    } else {
        return false;
    }

    if (!result) {
        (void)reject(index, result.error());
        return false;
    }
    if (result.value() == row) {
        m_lastError.clear();
        return true; // nothing changed: no undo step
    }
    IntentionChange change;
    change.id = row.id;
    change.before = row;
    change.after = result.value();
    change.after->updatedAt = {};
    change.rowHint = index.row();
    auto pushed = pushChanges(text, {change});
    if (!pushed) {
        (void)reject(index, pushed.error());
        return false;
    }
    return true;
}

Result<QList<Intention>> IntentionTableModel::pushChanges(const QString &text,
                                                          QList<IntentionChange> changes,
                                                          const QList<ContractNotice> &notices)
{
    auto stored = applyStates(changes, true);
    if (!stored) {
        m_lastError = sentence(stored.error());
        return Error{m_lastError};
    }
    qsizetype next = 0;
    for (IntentionChange &change : changes) {
        if (change.after) {
            change.after = stored.value().at(next++);
            change.id = change.after->id;
        }
    }
    m_lastError.clear();
    m_context.undoStack()->push(new EditIntentionCommand(*this, text, std::move(changes), notices));
    return stored;
}

Result<QList<Intention>> IntentionTableModel::applyStates(const QList<IntentionChange> &changes,
                                                          bool forward,
                                                          const QList<ContractNotice> &noticesToRestore)
{
    QList<Intention> toSave;
    QList<Id> toRemove;
    for (const IntentionChange &change : changes) {
        const std::optional<Intention> &state = forward ? change.after : change.before;
        if (state)
            toSave.append(*state);
        else if (change.id != 0)
            toRemove.append(change.id);
    }
    PlanStoreSet &stores = m_context.stores();
    QList<Intention> saved;
    auto written = stores.inTransaction([&]() -> Result<void> {
        for (Id id : toRemove) {
            if (auto removed = stores.intentions().remove(id); !removed)
                return removed;
        }
        if (!toSave.isEmpty()) {
            auto result = stores.intentions().saveMany(toSave);
            if (!result)
                return Error{result.error()};
            saved = std::move(result.value());
        }
        for (const ContractNotice &notice : noticesToRestore) {
            if (auto restored = stores.notices().update(notice); !restored)
                return restored;
        }
        return {};
    });
    if (!written)
        return Error{written.error()};

    // Show what is stored: removed rows go, saved rows replace theirs or come back at their hint.
    removeRowsById(toRemove);
    QList<std::pair<int, Intention>> added;
    qsizetype next = 0;
    for (const IntentionChange &change : changes) {
        const std::optional<Intention> &state = forward ? change.after : change.before;
        if (!state)
            continue;
        const Intention &value = saved.at(next++);
        const int row = rowOf(value.id);
        if (row >= 0)
            replaceRow(row, value);
        else
            added.append({change.rowHint, value});
    }
    insertIntentions(added);
    if (m_sortColumn >= 0)
        resort();

    QList<Id> ids;
    for (const Intention &value : saved)
        ids.append(value.id);
    ids.append(toRemove);
    m_applying = true;
    m_context.notifyChanged(PlanContext::Entity::Intention, ids);
    if (!noticesToRestore.isEmpty()) {
        QList<Id> noticeIds;
        for (const ContractNotice &notice : noticesToRestore)
            noticeIds.append(notice.id);
        m_context.notifyChanged(PlanContext::Entity::Notice, noticeIds);
    }
    m_applying = false;
    return saved;
}

Result<Id> IntentionTableModel::addIntention(Id portfolioId, Id programmeAreaId)
{
    const Portfolio *p = portfolio(portfolioId);
    if (!p)
        return Error{reject({}, tr("there is no portfolio with id %1").arg(portfolioId)).error()};
    if (programmeAreaId != 0) {
        const ProgrammeArea *area = programmeArea(programmeAreaId);
        if (!area || area->portfolioId != portfolioId)
            return Error{reject({}, tr("that programme area is not part of %1").arg(quoted(p->name)))
                             .error()};
    }
    Intention intention;
    intention.portfolioId = portfolioId;
    intention.programmeAreaId = programmeAreaId;
    intention.title = tr("New intention");
    // After the portfolio's (and area's) last intention.
    int hint = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Intention &r = m_rows.at(row);
        if (r.portfolioId == portfolioId) {
            intention.sortOrder = std::max(intention.sortOrder, r.sortOrder + 1);
            if (programmeAreaId == 0 || r.programmeAreaId == programmeAreaId || hint < 0)
                hint = row + 1;
        }
    }
    IntentionChange change;
    change.after = intention;
    change.rowHint = hint;
    auto pushed = pushChanges(tr("Add intention to %1").arg(quoted(p->name)), {change});
    if (!pushed)
        return Error{reject({}, pushed.error()).error()};
    return pushed.value().constFirst().id;
}

Result<QList<Id>> IntentionTableModel::duplicate(const QList<Id> &ids)
{
    QList<int> rows;
    for (Id id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            return Error{reject({}, tr("intention %1 is not in the plan").arg(id)).error()};
        rows.append(row);
    }
    if (rows.isEmpty())
        return QList<Id>{};
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<IntentionChange> changes;
    for (int row : rows) {
        Intention copy = m_rows.at(row);
        copy.id = 0;
        copy.updatedAt = {};
        copy.title = tr("%1 (copy)").arg(copy.title);
        IntentionChange change;
        change.after = copy;
        change.rowHint = rows.constLast() + 1; // the copies as one block after the originals
        changes.append(change);
    }
    const QString text = rows.size() == 1 ? tr("Duplicate %1").arg(quoted(m_rows.at(rows.first()).title))
                                          : tr("Duplicate %1").arg(counted(rows.size(), "intention", "intentions"));
    auto pushed = pushChanges(text, changes);
    if (!pushed)
        return Error{reject({}, pushed.error()).error()};
    QList<Id> created;
    for (const Intention &value : pushed.value())
        created.append(value.id);
    return created;
}

Result<void> IntentionTableModel::remove(const QList<Id> &ids)
{
    QList<int> rows;
    for (Id id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            return reject({}, tr("intention %1 is not in the plan").arg(id));
        rows.append(row);
    }
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<IntentionChange> changes;
    QSet<Id> removed;
    for (int row : rows) {
        IntentionChange change;
        change.id = m_rows.at(row).id;
        change.before = m_rows.at(row);
        change.rowHint = row;
        changes.append(change);
        removed.insert(change.id);
    }
    // Deleting drops the intentions' links from contract notices: keep those notices as they
    // are, so undo puts the links back.
    QList<ContractNotice> notices;
    auto allNotices = m_context.stores().notices().list();
    if (!allNotices)
        return reject({}, allNotices.error());
    for (const ContractNotice &notice : allNotices.value()) {
        for (Id id : notice.intentionIds) {
            if (removed.contains(id)) {
                notices.append(notice);
                break;
            }
        }
    }
    const QString text = rows.size() == 1 ? tr("Delete %1").arg(quoted(m_rows.at(rows.first()).title))
                                          : tr("Delete %1").arg(counted(rows.size(), "intention", "intentions"));
    auto pushed = pushChanges(text, changes, notices);
    if (!pushed)
        return reject({}, pushed.error());
    return {};
}

Result<void> IntentionTableModel::bulkEdit(const QList<Id> &ids, int column, const QVariant &value)
{
    return bulkEdit(ids, QList<ColumnEdit>{{column, value}});
}

Result<void> IntentionTableModel::bulkEdit(const QList<Id> &ids, const QList<ColumnEdit> &edits)
{
    for (const ColumnEdit &edit : edits) {
        const int column = edit.column;
        if (!(column == StatusColumn || column == PortfolioColumn || column == ProgrammeAreaColumn
              || isShiftColumn(column) || column == LeadColumn))
            return reject({}, tr("the %1 column cannot be changed for many intentions at once")
                                  .arg(headerData(column, Qt::Horizontal).toString().toLower()));
    }
    if (edits.isEmpty()) {
        m_lastError.clear();
        return {};
    }
    // Every intention gets every field before anything is written: one bad value refuses the
    // whole edit, and the edit is one transaction and one undo step.
    QList<IntentionChange> changes;
    QSet<Id> seen;
    for (Id id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            return reject({}, tr("intention %1 is not in the plan").arg(id));
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const Intention &current = m_rows.at(row);
        Intention after = current;
        for (const ColumnEdit &edit : edits) {
            auto result = edited(after, edit.column, edit.value);
            if (!result)
                return reject(index(row, edit.column), tr("%1: %2").arg(quoted(current.title), result.error()));
            after = std::move(result.value());
        }
        if (after == current)
            continue;
        IntentionChange change;
        change.id = id;
        change.before = current;
        change.after = std::move(after);
        change.after->updatedAt = {};
        change.rowHint = row;
        changes.append(change);
    }
    if (changes.isEmpty()) {
        m_lastError.clear();
        return {};
    }
    const QString what = edits.size() == 1 ? headerData(edits.constFirst().column, Qt::Horizontal).toString().toLower()
                                           : tr("%1 fields").arg(edits.size());
    const QString text = tr("Change %1 of %2").arg(what, counted(changes.size(), "intention", "intentions"));
    auto pushed = pushChanges(text, changes);
    if (!pushed)
        return reject({}, pushed.error());
    return {};
}

Result<void> IntentionTableModel::paste(const QModelIndex &topLeft, const QList<QStringList> &cells)
{
    if (!topLeft.isValid() || topLeft.model() != this)
        return reject({}, tr("choose the cell to paste into"));
    QList<Id> targets;
    for (int row = topLeft.row(); row < m_rows.size(); ++row)
        targets.append(m_rows.at(row).id);
    return paste(targets, topLeft.column(), cells);
}

Result<void> IntentionTableModel::paste(const QList<Id> &targetIds, int firstColumn,
                                        const QList<QStringList> &cells)
{
    if (cells.isEmpty())
        return {};
    if (firstColumn < 0 || firstColumn >= ColumnCount)
        return reject({}, tr("choose the cell to paste into"));
    if (cells.size() > targetIds.size())
        return reject({}, tr("the pasted cells have %1 but only %2 %3 shown from the chosen row down")
                              .arg(counted(cells.size(), "row", "rows"),
                                   counted(targetIds.size(), "intention", "intentions"),
                                   targetIds.size() == 1 ? tr("is") : tr("are")));
    qsizetype width = 0;
    for (const QStringList &line : cells)
        width = std::max(width, line.size());
    if (firstColumn + width > ColumnCount)
        return reject({}, tr("the pasted cells have %1 but only %2 from the chosen cell rightwards")
                              .arg(counted(width, "column", "columns"),
                                   counted(ColumnCount - firstColumn, "column", "columns")));

    QList<IntentionChange> changes;
    for (qsizetype r = 0; r < cells.size(); ++r) {
        const int row = rowOf(targetIds.at(r));
        if (row < 0)
            return reject({}, tr("intention %1 is not in the plan").arg(targetIds.at(r)));
        const Intention &current = m_rows.at(row);
        Intention working = current;
        for (qsizetype c = 0; c < cells.at(r).size(); ++c) {
            const int column = firstColumn + int(c);
            if (isReadOnlyColumn(column))
                continue; // worked out from the other columns: a block copied from the grid pastes back
            const QString &text = cells.at(r).at(c);
            auto failure = [&](const QString &reason) {
                return reject(index(row, column),
                              tr("Pasted row %1, column %2 (%3): %4")
                                  .arg(r + 1)
                                  .arg(c + 1)
                                  .arg(headerData(column, Qt::Horizontal).toString(), reason));
            };
            auto value = parseText(working, column, text);
            if (!value)
                return failure(value.error());
            auto result = edited(working, column, value.value());
            if (!result)
                return failure(result.error());
            working = result.value();
        }
        if (working == current)
            continue;
        IntentionChange change;
        change.id = current.id;
        change.before = current;
        change.after = working;
        change.after->updatedAt = {};
        change.rowHint = row;
        changes.append(change);
    }
    if (changes.isEmpty()) {
        m_lastError.clear();
        return {};
    }
    const QString text = tr("Paste %1 × %2 cells").arg(cells.size()).arg(width);
    auto pushed = pushChanges(text, changes);
    if (!pushed)
        return reject({}, pushed.error());
    return {};
}

Result<QList<ChangeRecord>> IntentionTableModel::history(Id id) const
{
    return m_context.stores().history().listFor(QStringLiteral("intention"), id);
}
