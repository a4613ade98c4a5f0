"""Where an exported chart's numbers come from, how old they are, and where it can be seen.

Three questions a memo reader asks of a pasted chart, answered from the data rather than from
the day the export was made:

- the **data date**: a published document's publication (``data/sources.csv``, ``published``),
  the last year the built-in CEB history covers (``data/history/MANIFEST.json``), or the day a
  file was loaded;
- the **publisher**, for the "cite this" line;
- the **public address** of the app: the ``IOM_PUBLIC_URL`` setting (the address readers reach,
  e.g. behind a proxy). A link is printed only when it is set, never to a loopback address:
  ``http://127.0.0.1:8050`` in a memo leads nowhere and tells the reader the analyst's machine.
"""

from __future__ import annotations

import datetime as dt
import functools
import ipaddress
import json
import os
from urllib.parse import urlsplit, urlunsplit

from components.charts import ChartOutput
from components.exports.image import DataDate, ExportMeta, format_date
from components.formatting import Lang
from components.i18n import TEXT, t
from data import columns as c
from data.history import HISTORY_DIR, MANIFEST_FILE
from data.source import FundingSource

PUBLIC_URL_ENV = "IOM_PUBLIC_URL"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def _is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1, 0.0.0.0 and localhost names: addresses only the analyst's machine has."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def public_base(value: str | None) -> str | None:
    """``value`` as the base of a permalink (scheme, host, path), or None when it is empty,
    not an http(s) address, or a loopback address."""
    parts = urlsplit((value or "").strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if _is_loopback(parts.hostname):
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))


def public_address() -> str | None:
    """The app's public address from the ``IOM_PUBLIC_URL`` setting, read per export so a
    test or a redeployment needs no import-time state."""
    return public_base(os.environ.get(PUBLIC_URL_ENV))


@functools.cache
def history_last_year() -> int:
    """The last calendar year the built-in CEB history covers, from its manifest."""
    manifest = json.loads((HISTORY_DIR / MANIFEST_FILE).read_text(encoding="utf-8"))
    return max(int(year) for year in manifest["years"])


def source_ids(chart: ChartOutput, model: FundingSource) -> list[str]:
    """The documents the chart's published facts come from."""
    facts = model.tables.facts
    used = facts.loc[facts[c.FACT_ID].isin(chart.fact_ids), c.SOURCE_ID]
    return sorted({str(s) for s in used})


def _documents(chart: ChartOutput, model: FundingSource) -> list[str]:
    """The chart's documents, or every document when it names none."""
    return source_ids(chart, model) or [str(s) for s in model.tables.sources[c.SOURCE_ID]]


def data_date(chart: ChartOutput, model: FundingSource, loaded: dt.date | None) -> DataDate:
    """The date of the numbers the chart draws: a loaded file's day, the publication of the
    documents its published facts come from, or the last year of the CEB history."""
    if chart.data_files and loaded is not None:
        return DataDate(loaded, "loaded")
    if not chart.fact_ids and model.has_entities:
        return DataDate(dt.date(history_last_year(), 12, 31), "through")
    published = model.tables.sources.set_index(c.SOURCE_ID)[c.PUBLISHED].astype(int)
    year = max(int(published.loc[s]) for s in _documents(chart, model))
    return DataDate(dt.date(year, 12, 31), "published")


def publisher(chart: ChartOutput, model: FundingSource, lang: Lang) -> str:
    """Who published the numbers: the CEB for its figures, else the documents' publishers."""
    if chart.data_files or (not chart.fact_ids and model.has_entities):
        return t("export.publisher.ceb", lang)
    sources = model.tables.sources.set_index(c.SOURCE_ID)
    names = dict.fromkeys(
        _publisher_name(s, str(sources.at[s, c.PUBLISHER]), lang) for s in _documents(chart, model)
    )
    return "; ".join(names)


def _publisher_name(source: str, published_as: str, lang: Lang) -> str:
    """The publisher in ``lang`` where the catalogue has it, else as ``sources.csv`` writes it
    (in the document's language)."""
    key = f"memo.publisher.{source}"
    return t(key, lang) if key in TEXT else published_as


def cite_line(meta: ExportMeta, title: str | None = None) -> str:
    """One line a memo can quote as its reference: "Cite as: publisher (date). Title. Via the
    dashboard, exported on …", and the link when the app has a public address."""
    lang = meta.lang
    exported = meta.exported_on or dt.date.today()
    line = t(
        "memo.cite",
        lang,
        publisher=meta.publisher or t("export.publisher.ceb", lang),
        date=meta.dated.short(lang),
        title=title or meta.title,
        app=t("memo.app", lang),
        exported=format_date(exported, lang),
    )
    return f"{line} {meta.permalink}" if meta.permalink else line
