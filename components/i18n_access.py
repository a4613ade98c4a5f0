"""Texts of the access part of the catalogue, Dutch and English; merged into ``components.i18n.TEXT``."""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

ACCESS_TEXT: Mapping[str, Mapping[Lang, str]] = {
    # The ranking's export image at a top N longer than an image labels legibly. One legend
    # line, which plotly does not wrap: short enough for the square preset (about 80 characters).
    "ranking.image_note": {
        "nl": "Top {shown} van {top} getoond, rest in '{other}'; gegevensbestand: alle {top}",
        "en": "Top {shown} of {top} shown, the rest in '{other}'; data file: all {top}",
    },
    "ranking.image_note_donor": {
        "nl": "Top {shown} en {donor} van {top} getoond; gegevensbestand: alle {top}",
        "en": "Top {shown} and {donor} of {top} shown; data file: all {top}",
    },
    "over_time.image_codes": {
        "nl": "Lijnen die eerder eindigen, met hun landcode: {codes}",
        "en": "Lines that end earlier, by country code: {codes}",
    },
    "over_time.image_note": {
        "nl": "Donoren uit de top {shown} getoond (van top {top}); gegevensbestand: alle {top}",
        "en": "Donors of the top {shown} shown (of top {top}); data file: all {top}",
    },
}
