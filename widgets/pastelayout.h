#pragma once

#include "result.h"

#include <QList>
#include <QStringList>

#include <functional>

// Where a block of cells pasted from a spreadsheet lands in the grid's model when the user has
// moved or hidden columns: the block goes onto the columns as the user SEES them from the
// chosen cell rightwards, and is turned into the model's own run of columns. Columns inside
// that run which the block does not cover (hidden, or moved elsewhere) keep their values.
namespace PasteLayout {

struct Placed
{
    int firstColumn = 0;      // the model column of the block's first cell
    int width = 0;            // how many columns the pasted block covers
    QList<QStringList> cells; // the block in the model's column order, firstColumn onwards
};

// shownColumns: model columns in the order shown, from the chosen cell rightwards.
// targetRows: how many rows there are to paste onto; currentText(row, column) is what target
// row holds in column now.
Result<Placed> place(const QList<QStringList> &block, const QList<int> &shownColumns, qsizetype targetRows,
                     const std::function<QString(qsizetype row, int column)> &currentText);

} // namespace PasteLayout
