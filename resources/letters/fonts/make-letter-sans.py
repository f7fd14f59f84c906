#!/usr/bin/env python3
"""Makes the letter font "Letter Sans" from Liberation Sans 2 (SIL OFL 1.1).

The notice letters use one bundled font so that they look and break the same on every machine
(Liberation Sans has the metrics of Arial), and so that laying them out and writing their PDFs
is fast: the TrueType hinting instructions, which only matter on screens, are removed (Qt runs
them for every glyph it embeds), and so are the glyph names and the OpenType layout features
(kerning; Word does not kern body text either). Every glyph is kept. The OFL reserves the name
"Liberation" for the unmodified fonts, hence the new name.

Run on Debian with the packages python3-fonttools and fonts-liberation2:
    /usr/bin/python3 make-letter-sans.py /usr/share/fonts/truetype/liberation2 .
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Letter Sans"
STYLES = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}


def make(source, target, style):
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = []
    options.glyph_names = False
    options.notdef_outline = True
    options.legacy_kern = False
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=font.getBestCmap().keys())
    subsetter.subset(font)
    postscript = FAMILY.replace(" ", "") + "-" + style.replace(" ", "")
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = FAMILY if style == "Regular" else FAMILY + " " + style
        elif record.nameID in (3, 6):
            record.string = postscript
    font.save(target)


def main():
    source_dir, target_dir = sys.argv[1], sys.argv[2]
    for file_style, style in STYLES.items():
        make(os.path.join(source_dir, "LiberationSans-%s.ttf" % file_style),
             os.path.join(target_dir, "LetterSans-%s.ttf" % file_style), style)


if __name__ == "__main__":
    main()
