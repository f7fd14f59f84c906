#include "pastelayout.h"

#include <QCoreApplication>

#include <algorithm>

namespace PasteLayout {

Result<Placed> place(const QList<QStringList> &block, const QList<int> &shownColumns, qsizetype targetRows,
                     const std::function<QString(qsizetype row, int column)> &currentText)
{
    int width = 0;
    for (const QStringList &line : block)
        width = std::max(width, int(line.size()));
    if (width == 0)
        return Error{QCoreApplication::translate("PasteLayout", "Nothing was pasted: the clipboard holds no cells.")};
    if (width > shownColumns.size()) {
        return Error{QCoreApplication::translate("PasteLayout",
                                                 "Nothing was pasted: the cells are %1 columns wide but only %2 are "
                                                 "shown from the chosen cell rightwards.")
                         .arg(width)
                         .arg(shownColumns.size())};
    }
    const QList<int> mapped = shownColumns.mid(0, width);
    Placed placed;
    placed.width = width;
    placed.firstColumn = *std::min_element(mapped.cbegin(), mapped.cend());
    const int last = *std::max_element(mapped.cbegin(), mapped.cend());
    if (last - placed.firstColumn + 1 == width && std::is_sorted(mapped.cbegin(), mapped.cend())) {
        placed.cells = block; // shown in the model's order: nothing to move
        return placed;
    }
    for (qsizetype r = 0; r < block.size(); ++r) {
        QStringList line;
        for (int column = placed.firstColumn; column <= last; ++column) {
            const qsizetype j = mapped.indexOf(column);
            if (j >= 0)
                line << block.at(r).value(j);
            else
                line << (r < targetRows ? currentText(r, column) : QString()); // too many rows: refused later
        }
        placed.cells.append(line);
    }
    return placed;
}

} // namespace PasteLayout
