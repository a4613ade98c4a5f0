"""How wide a line of text is drawn, in pixels, so the server can leave a chart the margin its
labels need before the browser measures them.

Why: plotly lays a chart out, measures its tick labels, and when they need another margin than
the last draw had it lays the whole chart out again (``automargin``). A year or language
swapped in the browser then cost two layouts instead of one (the ranking: 39 ms instead of 18).
A margin that already fits every year's and language's labels stays put, and plotly draws once.

The widths are the advance widths of DejaVu Sans (regular and bold), the widest face of the
theme's font stack (``--iom-font`` in ``assets/theme.css``) and the one Debian's Chromium draws
it in: a browser that has Inter or Segoe UI draws the labels narrower than counted here, so the
margin is a little wider than needed there, never too narrow. Kerning is left out (it only
narrows). A character outside the table counts as one em (an ideograph's width).

The table (``text_width.json``) is derived from the font files by ``python -m
components.text_width`` (Pillow and Debian's ``fonts-dejavu-core``, present where the tests run
Chromium); the app itself reads only the table.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Final

TABLE: Final = Path(__file__).with_name("text_width.json")
FONTS: Final = {
    "regular": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "bold": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
UNITS: Final = 2048  # DejaVu's units per em: the table's widths are whole units
# What names, numbers and captions are written in: Latin with its accents, general
# punctuation (dashes, quotes, the middle dot, the ellipsis) and the euro sign.
REPERTOIRE: Final = (
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),
    *range(0x2010, 0x2028),
    *range(0x2030, 0x203B),
    0x20AC,
)


@cache
def _widths() -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = json.loads(TABLE.read_text(encoding="utf-8"))
    return table


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` on one line at ``size`` px, in px (markup not stripped: pass the
    text as drawn)."""
    widths = _widths()["bold" if bold else "regular"]
    return sum(widths.get(ch, UNITS) for ch in text) * size / UNITS


def build_table() -> dict[str, dict[str, int]]:
    """Every character of the repertoire's advance width in each weight, from the fonts."""
    from PIL import ImageFont

    table: dict[str, dict[str, int]] = {}
    for weight, path in FONTS.items():
        font = ImageFont.truetype(str(path), UNITS)
        table[weight] = {chr(code): round(font.getlength(chr(code))) for code in REPERTOIRE}
    return table


if __name__ == "__main__":
    TABLE.write_text(
        json.dumps(build_table(), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(f"wrote {TABLE}\n")
