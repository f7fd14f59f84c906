#include "portfoliomodel.h"

#include "listtext.h"
#include "plancolours.h"
#include "plancontext.h"
#include "planroles.h"
#include "portfoliocommands.h"

#include <QColor>
#include <QHash>
#include <QSet>
#include <QVariantMap>

#include <algorithm>

namespace {

// Colours for new portfolios, from the NHS identity palette the demo uses, taken in turn.
const char *const newPortfolioColours[] = {"#005EB8", "#009639", "#ED8B00", "#7C2855", "#00A9CE",
                                           "#DA291C", "#330072", "#FFB81C", "#00A499", "#AE2573"};

QString columnTitle(int column)
{
    switch (column) {
    case PortfolioModel::NameColumn:
        return QObject::tr("Name");
    case PortfolioModel::GroupColumn:
        return QObject::tr("Group");
    case PortfolioModel::LeadColumn:
        return QObject::tr("Lead");
    case PortfolioModel::ColourColumn:
        return QObject::tr("Colour");
    case PortfolioModel::OrderColumn:
        return QObject::tr("Order");
    case PortfolioModel::VisionColumn:
        return QObject::tr("Vision and key drivers");
    case PortfolioModel::StakeholdersColumn:
        return QObject::tr("Key stakeholders");
    case PortfolioModel::ProgrammesColumn:
        return QObject::tr("Key programmes");
    case PortfolioModel::EngagementColumn:
        return QObject::tr("Engagement");
    case PortfolioModel::BenefitsColumn:
        return QObject::tr("Benefits by year");
    }
    return {};
}

QString benefitsText(const QList<PortfolioBenefit> &benefits)
{
    QStringList lines;
    for (const PortfolioBenefit &benefit : benefits) {
        const QString text = ListText::oneLine(benefit.text);
        lines.append(benefit.label.isEmpty() ? text : benefit.label + QStringLiteral(": ") + text);
    }
    return lines.join(u'\n');
}

// Texts are written in the ListText form; a text whose blocks are unchanged keeps its stored
// spelling (the demo's double spaces around bullets), so opening and leaving a field is no edit.
void assignText(QString &field, const QVariant &value)
{
    const QString text = ListText::normalised(value.toString());
    if (text != ListText::normalised(field))
        field = text;
}

} // namespace

PortfolioModel::PortfolioModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PortfolioModel::setContext(PlanContext *context)
{
    if (m_context)
        disconnect(m_context, nullptr, this, nullptr);
    m_context = context;
    if (context) {
        connect(context, &PlanContext::changed, this, [this](PlanContext::Entity entity) {
            if (entity == PlanContext::Entity::Portfolio)
                reload();
        });
    }
    // Another plan: its rows replace the old ones in one reset.
    QList<Portfolio> rows;
    if (context) {
        auto portfolios = context->stores().portfolios().list();
        if (portfolios)
            rows = std::move(portfolios.value());
        else
            emit loadFailed(portfolios.error());
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void PortfolioModel::reload()
{
    if (!m_context) {
        sync({});
        return;
    }
    auto portfolios = m_context->stores().portfolios().list();
    if (!portfolios) {
        emit loadFailed(portfolios.error());
        return;
    }
    sync(std::move(portfolios.value()));
}

// Brings the rows to fresh with the smallest signals: removed rows are removed, new rows
// inserted, a new order is a layout change, and changed fields are dataChanged — so a form on a
// row stays on it, and a view keeps its selection.
void PortfolioModel::sync(QList<Portfolio> fresh)
{
    QHash<Id, int> freshRow;
    for (int row = 0; row < fresh.size(); ++row)
        freshRow.insert(fresh.at(row).id, row);

    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!freshRow.contains(m_rows.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    QSet<Id> known;
    for (const Portfolio &portfolio : std::as_const(m_rows))
        known.insert(portfolio.id);
    QList<Portfolio> added;
    for (const Portfolio &portfolio : std::as_const(fresh)) {
        if (!known.contains(portfolio.id))
            added.append(portfolio);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }

    bool reordered = false;
    for (int row = 0; row < m_rows.size() && !reordered; ++row)
        reordered = m_rows.at(row).id != fresh.at(row).id;
    if (reordered) {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &index : before)
            after.append(index.isValid() ? this->index(freshRow.value(m_rows.at(index.row()).id), index.column())
                                         : QModelIndex());
        QList<Portfolio> moved(fresh.size());
        for (const Portfolio &portfolio : std::as_const(m_rows))
            moved[freshRow.value(portfolio.id)] = portfolio; // fields are updated below
        m_rows = moved;
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    for (int row = 0; row < m_rows.size(); ++row) {
        const Portfolio &now = fresh.at(row);
        const Portfolio was = m_rows.at(row);
        if (was == now)
            continue;
        m_rows[row] = now;
        // One signal per changed column: a form repopulates only the fields that changed, so the
        // field being typed in keeps its cursor.
        const auto differs = [&](int column) {
            switch (column) {
            case NameColumn:
                return was.name != now.name;
            case GroupColumn:
                return was.group != now.group;
            case LeadColumn:
                return was.lead != now.lead;
            case ColourColumn:
                return was.colour != now.colour;
            case OrderColumn:
                return was.sortOrder != now.sortOrder;
            case VisionColumn:
                return was.vision != now.vision;
            case StakeholdersColumn:
                return was.keyStakeholders != now.keyStakeholders;
            case ProgrammesColumn:
                return was.keyProgrammes != now.keyProgrammes;
            case EngagementColumn:
                return was.engagement != now.engagement;
            case BenefitsColumn:
                return was.benefits != now.benefits;
            }
            return false;
        };
        for (int column = 0; column < ColumnCount; ++column) {
            if (differs(column))
                emit dataChanged(index(row, column), index(row, column));
        }
    }
}

int PortfolioModel::rowOf(Id portfolioId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == portfolioId)
            return row;
    }
    return -1;
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortfolioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Portfolio &p = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::ToolTipRole: {
        const bool edit = role == Qt::EditRole;
        switch (column) {
        case NameColumn:
            return p.name;
        case GroupColumn:
            return edit ? QVariant(int(p.group)) : QVariant(Enums::label(p.group));
        case LeadColumn:
            return p.lead;
        case ColourColumn:
            return p.colour;
        case OrderColumn:
            return p.sortOrder;
        case VisionColumn:
            return edit ? p.vision : ListText::oneLine(p.vision);
        case StakeholdersColumn:
            return edit ? p.keyStakeholders : ListText::oneLine(p.keyStakeholders);
        case ProgrammesColumn:
            return edit ? p.keyProgrammes : ListText::oneLine(p.keyProgrammes);
        case EngagementColumn:
            return edit ? p.engagement : ListText::oneLine(p.engagement);
        case BenefitsColumn:
            return edit ? QVariant(benefitsToVariant(p.benefits)) : QVariant(benefitsText(p.benefits));
        }
        return {};
    }
    case Qt::DecorationRole:
        if (column == NameColumn || column == ColourColumn)
            return PlanColours::portfolio(p.colour);
        return {};
    case PlanRoles::IdRole:
        return p.id;
    case PlanRoles::ColourRole:
        return PlanColours::portfolio(p.colour);
    case PlanRoles::SortRole:
        switch (column) {
        case GroupColumn:
            return int(p.group);
        case OrderColumn:
            return p.sortOrder;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    return {};
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < ColumnCount)
        return columnTitle(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags PortfolioModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QVariantList PortfolioModel::benefitsToVariant(const QList<PortfolioBenefit> &benefits)
{
    QVariantList list;
    for (const PortfolioBenefit &benefit : benefits)
        list.append(QVariantMap{{QStringLiteral("label"), benefit.label}, {QStringLiteral("text"), benefit.text}});
    return list;
}

QList<PortfolioBenefit> PortfolioModel::benefitsFromVariant(const QVariant &value)
{
    QList<PortfolioBenefit> benefits;
    const QVariantList list = value.toList();
    for (const QVariant &entry : list) {
        const QVariantMap map = entry.toMap();
        PortfolioBenefit benefit{map.value(QStringLiteral("label")).toString().trimmed(),
                                 ListText::normalised(map.value(QStringLiteral("text")).toString())};
        if (!benefit.label.isEmpty() || !benefit.text.isEmpty()) // a blank row is no benefit
            benefits.append(benefit);
    }
    return benefits;
}

Result<Portfolio> PortfolioModel::edited(const Portfolio &before, int column, const QVariant &value) const
{
    Portfolio after = before;
    switch (column) {
    case NameColumn:
        after.name = value.toString().trimmed();
        break;
    case GroupColumn: {
        bool isNumber = false;
        const int number = value.toInt(&isNumber);
        std::optional<PortfolioGroup> group;
        if (isNumber && number >= 0 && number <= int(PortfolioGroup::CrossCuttingTheme))
            group = PortfolioGroup(number);
        else if (!isNumber)
            group = Enums::portfolioGroupFromLabel(value.toString());
        if (!group)
            return Error{tr("“%1” is not a portfolio group.").arg(value.toString())};
        after.group = *group;
        break;
    }
    case LeadColumn:
        after.lead = value.toString().trimmed();
        break;
    case ColourColumn: {
        const QString text = value.userType() == QMetaType::QColor ? value.value<QColor>().name() : value.toString();
        after.colour = PortfolioRules::normalisedColour(text);
        if (after.colour.isEmpty())
            return Error{tr("“%1” is not a colour. Write it as #RRGGBB, for example #005EB8.").arg(text)};
        break;
    }
    case OrderColumn: {
        bool ok = false;
        after.sortOrder = value.toString().trimmed().toInt(&ok);
        if (!ok)
            return Error{tr("The order must be a whole number.")};
        break;
    }
    case VisionColumn:
        assignText(after.vision, value);
        break;
    case StakeholdersColumn:
        assignText(after.keyStakeholders, value);
        break;
    case ProgrammesColumn:
        assignText(after.keyProgrammes, value);
        break;
    case EngagementColumn:
        assignText(after.engagement, value);
        break;
    case BenefitsColumn: {
        const QList<PortfolioBenefit> benefits = benefitsFromVariant(value);
        if (benefits != benefitsFromVariant(benefitsToVariant(before.benefits)))
            after.benefits = benefits;
        break;
    }
    default:
        return Error{tr("This column cannot be edited.")};
    }
    if (const QString problem = PortfolioRules::problem(after, m_rows); !problem.isEmpty())
        return Error{problem};
    return after;
}

bool PortfolioModel::reject(const QModelIndex &index, const QString &message)
{
    m_lastError = message;
    emit editRejected(index, message);
    return false;
}

bool PortfolioModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (!m_context)
        return reject(index, tr("No plan is open."));
    m_lastError.clear();
    const Portfolio before = m_rows.at(index.row());
    const auto after = edited(before, index.column(), value);
    if (!after)
        return reject(index, after.error());
    if (after.value() == before)
        return true; // nothing to store: no undo step for an edit that changes nothing
    const QString text = tr("Edit %1 of “%2”").arg(columnTitle(index.column()).toLower(), before.name);
    const QString refused
        = PortfolioCommands::push(*m_context, PortfolioCommands::edit(*m_context, before, after.value(), text));
    if (!refused.isEmpty())
        return reject(index, refused);
    return true;
}

Result<Id> PortfolioModel::addPortfolio(const QString &name)
{
    m_lastError.clear();
    if (!m_context)
        return Error{m_lastError = tr("No plan is open.")};
    Portfolio portfolio;
    const QString base = name.trimmed().isEmpty() ? tr("New portfolio") : name.trimmed();
    portfolio.name = base;
    for (int n = 2; !PortfolioRules::problem(portfolio, m_rows).isEmpty() && name.trimmed().isEmpty(); ++n)
        portfolio.name = QStringLiteral("%1 %2").arg(base).arg(n);
    int lastOrder = -1;
    for (const Portfolio &p : std::as_const(m_rows))
        lastOrder = std::max(lastOrder, p.sortOrder);
    portfolio.sortOrder = lastOrder + 1;
    portfolio.colour = QString::fromLatin1(
        newPortfolioColours[m_rows.size() % (sizeof newPortfolioColours / sizeof *newPortfolioColours)]);
    if (const QString problem = PortfolioRules::problem(portfolio, m_rows); !problem.isEmpty())
        return Error{m_lastError = problem};
    const QString refused = PortfolioCommands::push(*m_context, PortfolioCommands::add(*m_context, portfolio));
    if (!refused.isEmpty())
        return Error{m_lastError = refused};
    const QList<Id> created = PortfolioTracker::of(*m_context).lastCreated();
    return created.isEmpty() ? Id(0) : created.constFirst();
}

Result<void> PortfolioModel::removePortfolio(int row)
{
    m_lastError.clear();
    if (!m_context)
        return Error{m_lastError = tr("No plan is open.")};
    if (row < 0 || row >= m_rows.size())
        return Error{m_lastError = tr("Choose a portfolio to remove.")};
    const Portfolio portfolio = m_rows.at(row);
    const auto areas = m_context->stores().programmeAreas().listForPortfolio(portfolio.id);
    if (!areas)
        return Error{m_lastError = areas.error()};
    const QString refused = PortfolioCommands::push(
        *m_context, PortfolioCommands::remove(*m_context, portfolio, areas.value()));
    if (!refused.isEmpty())
        return Error{m_lastError = refused};
    return {};
}
