#pragma once

#include <QColor>
#include <QFont>
#include <QStringList>

// The printed summary's type and ink, shared by its text documents and the tables it paints.
namespace SummaryStyle {

inline const QColor ink{0x21, 0x2B, 0x32};
inline const QColor muted{0x5C, 0x67, 0x6E};
inline const QColor rule{0xC8, 0xCE, 0xD2};
inline const QColor headerFill{0xE8, 0xED, 0xEE};

inline const QStringList &families()
{
    static const QStringList list{QStringLiteral("Arial"), QStringLiteral("Liberation Sans"),
                                  QStringLiteral("DejaVu Sans")};
    return list;
}

inline QFont font(qreal points, bool bold = false)
{
    QFont f;
    f.setFamilies(families());
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

} // namespace SummaryStyle
