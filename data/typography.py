"""How text the app writes is set: a number stays on one line with its unit and its currency.

A no-break space joins "USD" to "62" and "62" to "mln" (and a Dutch "97" to its "%"), so a chart
label, a note or a memo line never ends between them. The rule is applied once to each kind of
authored text (the UI catalogue, the notes in data/*.csv), so no text has to remember it;
``components.formatting`` writes the amounts it formats the same way. Quotes from the source
documents are not authored here and keep their spaces as printed.
"""

from __future__ import annotations

import re
from typing import Final

NBSP: Final = "\u00a0"
# A number (or a number's ``{placeholder}``) and its unit. ``{cur}`` before a bare unit
# ("in {cur} mln") is a unit label, not an amount, and keeps its space, as do column headers.
_NUMBER_UNIT: Final = re.compile(r"(\d|\{(?!cur\})[a-z_]+\}) (mln|mld|million|billion|%)(?!\w)")
# A currency and the number after it: "USD 62", "{cur} {amount}", "EUR −3".
_CURRENCY_NUMBER: Final = re.compile(r"(?<!\w)(USD|EUR|\{cur\}) (?=[\d{−+–])")


def glue_units(text: str) -> str:
    """``text`` with a no-break space between each number and its unit or currency."""
    text = _NUMBER_UNIT.sub(rf"\1{NBSP}\2", text)
    return _CURRENCY_NUMBER.sub(rf"\1{NBSP}", text)
