#pragma once

// Reads back the first sheet of an XLSX file for tests: an XLSX is a zip of XML parts, read
// here with the `unzip` command (packaging/install-deps.sh installs it) and QXmlStreamReader.
// Shared strings and inline strings are both understood; numbers come back as their text.

#include <QHash>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace XlsxReader {

struct Cell
{
    QString text;      // the string, or the number as written
    bool isString = false;
    bool hasFormula = false;
    int style = 0;     // the s= attribute (0: default)
};

struct Sheet
{
    QString error; // empty when the sheet was read
    QList<QList<Cell>> rows;

    QString text(int row, int column) const
    {
        return row < rows.size() && column < rows.at(row).size() ? rows.at(row).at(column).text : QString();
    }
};

inline QByteArray zipEntry(const QString &path, const QString &entry, QString *error)
{
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), path, entry});
    if (!unzip.waitForFinished(60000) || unzip.exitStatus() != QProcess::NormalExit) {
        *error = QStringLiteral("unzip could not run: %1").arg(unzip.errorString());
        return {};
    }
    if (unzip.exitCode() != 0) {
        *error = QStringLiteral("unzip -p %1 %2 failed: %3").arg(path, entry, QString::fromLocal8Bit(unzip.readAllStandardError()));
        return {};
    }
    return unzip.readAllStandardOutput();
}

// "BC12" → column 54 (0-based).
inline int columnOf(QStringView reference)
{
    int column = 0;
    for (const QChar c : reference) {
        if (!c.isLetter())
            break;
        column = column * 26 + (c.toUpper().unicode() - 'A' + 1);
    }
    return column - 1;
}

inline Sheet read(const QString &path)
{
    Sheet sheet;
    QString error;
    const QByteArray sheetXml = zipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"), &error);
    if (!error.isEmpty()) {
        sheet.error = error;
        return sheet;
    }
    QStringList shared;
    QString ignored;
    const QByteArray sharedXml = zipEntry(path, QStringLiteral("xl/sharedStrings.xml"), &ignored);
    if (!sharedXml.isEmpty()) {
        QXmlStreamReader xml(sharedXml);
        QString current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("si"))
                current.clear();
            else if (xml.isStartElement() && xml.name() == QLatin1String("t"))
                current += xml.readElementText();
            else if (xml.isEndElement() && xml.name() == QLatin1String("si"))
                shared << current;
        }
    }

    QXmlStreamReader xml(sheetXml);
    Cell cell;
    QString type;
    int column = 0;
    int rowNumber = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("row")) {
                rowNumber = xml.attributes().value(QLatin1String("r")).toInt();
                while (sheet.rows.size() < rowNumber)
                    sheet.rows.append(QList<Cell>());
            } else if (xml.name() == QLatin1String("c")) {
                cell = {};
                type = xml.attributes().value(QLatin1String("t")).toString();
                column = columnOf(xml.attributes().value(QLatin1String("r")));
                cell.style = xml.attributes().value(QLatin1String("s")).toInt();
                cell.isString = type == QLatin1String("s") || type == QLatin1String("inlineStr")
                    || type == QLatin1String("str");
            } else if (xml.name() == QLatin1String("f")) {
                cell.hasFormula = true;
            } else if (xml.name() == QLatin1String("v")) {
                const QString value = xml.readElementText();
                cell.text = type == QLatin1String("s") ? shared.value(value.toInt()) : value;
            } else if (xml.name() == QLatin1String("t")) {
                cell.text += xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("c") && rowNumber > 0) {
            QList<Cell> &row = sheet.rows[rowNumber - 1];
            while (row.size() <= column)
                row.append(Cell());
            row[column] = cell;
        }
    }
    if (xml.hasError())
        sheet.error = xml.errorString();
    return sheet;
}

} // namespace XlsxReader
