"""The page's static words, each named once: the layout renders them, the language callback
rewrites them, both from here.

``STATIC_TEXT`` maps a component id to the text key of its children; ``page_texts`` gives every
translatable property of the page for a language, including the tab labels, the data drawer's
help (with its size limit) and what each chart's own settings show (``ChartSpec.texts``).
"""

from __future__ import annotations

from typing import Any

from components import ids
from components.charts.registry import CHARTS, PAGE_TABS
from components.formatting import Lang
from components.i18n import t
from components.view_state import DEFAULT_TOP, MAX_TOP, SCOPES
from data.ceb import MAX_BYTES
from data.money import PRICES

JOB_CANCELS = (ids.MEMO_CANCEL, ids.UPLOAD_CANCEL)
STATIC_TEXT: dict[str, str] = {
    ids.TITLE: "app.title",
    ids.SUBTITLE: "app.subtitle",
    ids.YEAR_LABEL: "control.year",
    ids.DONOR_LABEL: "control.donor",
    ids.LANG_LABEL: "control.lang",
    ids.SOURCE_LABEL: "control.source",
    ids.SCOPE_LABEL: "control.scope",
    ids.CURRENCY_LABEL: "control.currency",
    ids.PRICES_LABEL: "control.prices",
    ids.BASE_LABEL: "control.base",
    ids.FOOTER: "footer.text",
    ids.SOURCES_INTRO: "sources.intro",
    ids.UPLOAD_LABEL: "data.upload",
    ids.ENTITY_LABEL: "data.entity",
    ids.TOP_N_LABEL: "data.top_n",
    ids.RESET_DATA: "data.reset",
    ids.TEMPLATE_BUTTON: "data.template",
}

Prop = tuple[str, str]  # (component id, property)


def static(component_id: str, lang: Lang) -> str:
    """The text of a static label, as the layout first renders it."""
    return t(STATIC_TEXT[component_id], lang)


def tab_id(tab: str) -> str:
    return f"tab-{tab}"


def tab_label(tab: str, lang: Lang) -> str:
    return t(f"tab.{tab}", lang)


def data_help(lang: Lang) -> str:
    return t("data.help", lang, limit=MAX_BYTES // (1024 * 1024))


def top_note(lang: Lang) -> str:
    """Why an entered top N is not used, and what the charts show instead (``valid_top``)."""
    return t("data.top_n_invalid", lang, max=MAX_TOP, top=DEFAULT_TOP)


def page_texts(lang: Lang) -> dict[Prop, Any]:
    """Every translatable property of the page in ``lang``, keyed by (id, property)."""
    texts: dict[Prop, Any] = {(cid, "children"): static(cid, lang) for cid in STATIC_TEXT}
    texts[(ids.DATA_HELP, "children")] = data_help(lang)
    texts[(ids.TOP_N_NOTE, "children")] = top_note(lang)
    texts.update({(tab_id(tab), "label"): tab_label(tab, lang) for tab in PAGE_TABS})
    texts[(ids.SCOPE, "options")] = [
        {"label": t(f"scope.option.{scope}", lang), "value": scope} for scope in SCOPES
    ]
    texts[(ids.PRICES, "options")] = [
        {"label": t(f"prices.option.{prices}", lang), "value": prices} for prices in PRICES
    ]
    for spec in CHARTS:
        if spec.texts is not None:
            texts.update(spec.texts(lang))
    # the cancel buttons of the two background jobs (components/job_progress.py)
    texts.update({(cid, "children"): t("jobs.cancel", lang) for cid in JOB_CANCELS})
    return texts


TRANSLATED: tuple[Prop, ...] = tuple(page_texts("en"))
