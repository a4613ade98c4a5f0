"""What an exported chart says about itself, at which size, under which file name.

An analyst pastes a PNG into a memo and the chart leaves the dashboard for good: whoever reads
the memo sees neither the filters nor the source panel. So every exported image carries its own
title, the filters in force, the unit, the source, the data date and a link back to the view;
``ExportMeta`` holds those words, for the image as for the data file and the memo annex that
travel with it. How the figure is laid out around them is ``image_layout``'s job.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from components.formatting import Lang
from components.i18n import t

ImageFormat = Literal["png", "svg"]
# What a data date is: a document's publication (known to the year), the last year a built-in
# series covers, or the day a file was loaded (its own date).
DateKind = Literal["published", "through", "loaded"]

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class DataDate:
    """The date of the numbers, to the precision it is known: a scorecard published in 2024
    is "2024", not a day the code invented; a loaded file is dated to its day."""

    day: dt.date
    kind: DateKind = "loaded"

    @property
    def stamp(self) -> str:
        """For file names: ``2024`` or ``2026-11-20``."""
        return self.day.isoformat() if self.kind == "loaded" else str(self.day.year)

    def short(self, lang: Lang) -> str:
        """``2024`` or ``20-11-2026``: the date alone, for the "cite this" line."""
        return format_date(self.day, lang) if self.kind == "loaded" else str(self.day.year)

    def text(self, lang: Lang) -> str:
        """``gegevens zoals gepubliceerd in 2024`` / ``data as of 20 Nov 2026``."""
        if self.kind == "loaded":
            return t("export.as_of", lang, date=format_date(self.day, lang))
        return t(f"memo.as_of.{self.kind}", lang, year=self.day.year)


@dataclass(frozen=True)
class ExportMeta:
    """Everything an image needs to explain itself once it has left the dashboard.

    ``notes`` are printed in the footer above the source line; pass the chart's caveats
    (contradictions between sources) here, because the figure's own ``source`` annotation,
    where the dashboard shows them, is dropped from exports.
    """

    title: str
    subtitle: str
    unit: str
    source: str
    data_as_of: dt.date
    permalink: str
    lang: Lang
    notes: tuple[str, ...] = ()
    # The data date with its precision (``data_as_of`` is its day); None: ``data_as_of`` is
    # the day the data is of, as for a loaded file.
    data_date: DataDate | None = None
    # The day the export was made, printed apart from the data date; None: not printed.
    exported_on: dt.date | None = None
    # Who published the numbers, for the "cite this" line.
    publisher: str = ""

    @property
    def dated(self) -> DataDate:
        """The data date with its precision."""
        return self.data_date or DataDate(self.data_as_of)


@dataclass(frozen=True)
class Preset:
    """An output size: layout size in CSS px times ``scale`` gives the exact pixel size.

    Font sizes are in CSS px, so they keep the same size relative to the image whatever the
    scale; the scale makes line widths and markers crisp at print resolution.
    """

    name: str
    width: int
    height: float
    scale: float
    font_size: int
    title_size: int
    subtitle_size: int
    footer_size: int
    pad: int
    # Print resolution written into the PNG (pHYs), so Word places it at its intended size.
    dpi: int = 96

    @property
    def pixel_width(self) -> int:
        """Width of the rendered PNG in pixels."""
        return round(self.width * self.scale)

    @property
    def pixel_height(self) -> int:
        """Height of the rendered PNG in pixels."""
        return round(self.height * self.scale)


# memo: 16 x 9 cm at 300 dpi (half an A4 page wide) = 1890 x 1063 px. 1063 is prime, so no
# integer layout height gives it at a scale other than 1; 425.2 x 2.5 is exactly 1063.0 in IEEE
# arithmetic (asserted in the tests), and 756 CSS px for 16 cm makes 13 px text print at 7.8 pt.
# slide: 1920 px across PowerPoint's 13.33-inch 16:9 slide is 144 dpi; square: 1080 px at
# 300 dpi is 9.1 cm, a column of a memo.
PRESETS: dict[str, Preset] = {
    "memo": Preset("memo", 756, 425.2, 2.5, 13, 17, 13, 11, 14, 300),
    "slide": Preset("slide", 960, 540, 2, 15, 22, 16, 12, 20, 144),
    "square": Preset("square", 720, 720, 1.5, 14, 20, 15, 12, 18, 300),
}


def format_date(day: dt.date, lang: Lang) -> str:
    """``23-11-2026`` in Dutch, ``23 Nov 2026`` in English, without depending on the OS locale."""
    if lang == "nl":
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def export_filename(meta: ExportMeta, kind: str, ext: str) -> str:
    """``iom-funding-2023-memo-2026-11-23.png``: ASCII only, so it survives mail and SharePoint."""

    def slug(text: str, limit: int) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")

    parts = [slug(meta.title, 60) or "iom", slug(kind, 20), meta.dated.stamp]
    return "-".join(part for part in parts if part) + "." + (slug(ext, 10) or "bin")
