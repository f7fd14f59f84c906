#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

// An NHS financial year: 1 April of startYear to 31 March of startYear + 1, written "2026/27".
class FiscalYear
{
public:
    FiscalYear() = default; // invalid
    explicit FiscalYear(int startYear);

    static FiscalYear containing(QDate date);
    // Accepts "2026/27", "2026/2027", "26/27" (two-digit years are 20xx). Nothing else.
    static std::optional<FiscalYear> parse(QStringView text);

    bool isValid() const { return m_startYear > 0; }
    int startYear() const { return m_startYear; }
    QDate start() const; // 1 April
    QDate end() const;   // 31 March of the following year
    bool contains(QDate date) const;
    FiscalYear next(int years = 1) const { return FiscalYear(m_startYear + years); }
    QString toString() const; // "2026/27"

    auto operator<=>(const FiscalYear &) const = default;

private:
    int m_startYear = 0;
};
