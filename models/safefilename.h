#pragma once

#include <QSet>
#include <QString>

// File names made from text people typed (a provider's name), safe to create on Windows, macOS
// and Linux and safe to hand to other programs: the letters of a batch are named after their
// providers, and a provider called "../../etc/passwd" or "CON" must still get an ordinary file
// in the chosen folder.
namespace SafeFileName {

inline constexpr int defaultMaxLength = 80; // characters of the name before the extension
inline constexpr int maxUtf8Bytes = 150;    // Linux allows 255 bytes per name; leave room
inline constexpr char fallbackName[] = "letter";

// The base name (no extension) for text:
// - the characters / \ : * ? " < > | become spaces; control and invisible formatting characters
//   (including the right-to-left override that can disguise an extension) are dropped;
// - runs of spaces become one space and runs of dots one dot, so ".." never appears;
// - no leading or trailing dots or spaces, and no leading - = + @ (an option to command-line
//   tools, a formula to a spreadsheet opening the index);
// - a reserved Windows device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, with or without an
//   extension, in any case) gets an underscore: "CON" → "CON_", "nul.txt" → "nul_.txt";
// - at most maxLength characters and maxUtf8Bytes bytes of UTF-8, never splitting a character;
// - Unicode NFC (as macOS stores names); never empty: nothing usable gives "letter".
QString baseName(const QString &text, int maxLength = defaultMaxLength);

// True when name (with or without extension) is a reserved Windows device name.
bool isReservedWindowsName(const QString &name);

} // namespace SafeFileName

// Hands out safe file names that are unique within one batch, ignoring case as Windows and
// macOS do: "Homerton.pdf", "Homerton (2).pdf", …
class SafeFileNamer
{
public:
    // extension without the dot: "pdf".
    explicit SafeFileNamer(QString extension);

    // A safe, not yet used file name for text, with the extension; marks it used.
    QString take(const QString &text);
    // Marks a name as used (the index file, files already in the folder).
    void reserve(const QString &fileName);
    bool isTaken(const QString &fileName) const;

private:
    static QString key(const QString &fileName);
    QString m_extension;
    QSet<QString> m_taken;
};
