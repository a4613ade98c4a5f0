"""What every chart module is made of: the chart's output, its declaration, shared helpers.

A chart is one module in this package (``ranking.py``, ``budget.py`` ...) that declares a
``ChartSpec``: how to build it (figure, captions, data behind it), its takeaway sentence, the
controls it listens to, the panels drawn beside it and its own settings. ``registry.py`` lists
the specs; the layout, the view callbacks, the export bar and the memo pack are driven by it, so
the screen and every export of a chart come from the same place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.formatting import Lang, as_lang
from components.i18n import t
from components.theme import apply_theme
from components.view_state import BUDGET_MODES, DEFAULT_SOURCE, DEFAULT_TOP, ViewState, valid_top
from data import columns as c
from data.source import FundingSource

FACT_COLUMNS = [c.FACT_ID, c.METRIC, c.VALUE, c.UNIT, c.YEAR, c.QUALIFIER, c.SOURCE_ID, c.PAGE]
# Columns of the data behind a chart; NAME stands for the donor name in the chart's language.
NAME = "name"


@dataclass(frozen=True)
class Captions:
    """The words around a chart: the same on screen, in images, in data files and the memo."""

    title: str
    subtitle: str
    source: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartOutput:
    """A chart with everything needed to explain it away from the dashboard.

    ``data_frame`` holds the numbers the chart draws (numbers as numbers, for downloads);
    ``fact_ids`` are the published facts among them (for the sources), and ``data_files`` the
    loaded files whose rows it draws (their data date is the upload date; empty for a chart of
    published facts only). ``filters`` are the selections in force, as (label, value) in the
    chart's language. The figure is drawn on first use: captions and data alone (for export
    defaults and takeaways) cost a fraction of a figure.
    """

    draw: Callable[[], go.Figure] = field(repr=False)
    captions: Captions
    data_frame: pd.DataFrame
    unit: str
    fact_ids: tuple[str, ...]
    data_files: tuple[str, ...]
    filters: tuple[tuple[str, str], ...]

    fit_image: Callable[[go.Figure], go.Figure] | None = field(default=None, repr=False)
    # What an export's subtitle says the chart counts where its image draws less than the
    # screen (the bump chart's image has no amount labels, so no "label: USD million");
    # None: the screen's subtitle.
    export_subtitle: str | None = None

    @cached_property
    def figure(self) -> go.Figure:
        """The plotly figure, as the screen shows it."""
        return self.draw()

    @property
    def is_empty(self) -> bool:
        """Whether the chart has nothing to show for the data chosen (``empty_chart``)."""
        return self.data_frame.empty and not self.fact_ids

    def image_figure(self) -> go.Figure:
        """The figure to lay out as an image: the screen figure, or a copy rearranged where
        the screen relies on room a fixed-size image does not have."""
        return self.fit_image(self.figure) if self.fit_image else self.figure


Builder = Callable[[FundingSource, ViewState], Any]


@dataclass(frozen=True)
class Panel:
    """Something drawn beside a chart from the same data (notes, a table).

    ``inputs`` are the controls it listens to besides language and data; ``None`` draws it in
    the chart's own callback, on the chart's inputs, so it costs no request of its own.
    """

    name: str
    build: Builder
    class_name: str = "notes"
    inputs: tuple[str, ...] | None = None

    def component_id(self, chart: str) -> str:
        return ids.panel(chart, self.name)


@dataclass(frozen=True)
class ChartSpec:
    """Everything about one chart, declared once.

    ``inputs`` are the controls (``components.ids``) that can change the figure besides language
    and data, ``text_inputs`` those that change only its words (captions, takeaway);
    ``depends_on`` narrows both for a source (a chart of published facts ignores the year), so
    a click on a control it does not depend on redraws and rewrites nothing. ``settings`` draws
    controls of the chart's own above it, whose words ``texts`` gives per language;
    ``years_in_browser`` sends the figure of every year so the browser repaints a year click
    without a server round trip; ``donors_in_browser`` (with it) gives a year's bar colours
    with each drawn donor highlighted, so a donor picked among the bars repaints there too.
    """

    id: str
    tab: str
    build: Callable[[FundingSource, ViewState], ChartOutput]
    takeaway: Callable[[FundingSource, ViewState], str]
    inputs: tuple[str, ...]
    text_inputs: tuple[str, ...] = ()
    depends_on: Callable[[FundingSource], frozenset[str]] | None = None
    panels: tuple[Panel, ...] = ()
    graph_class: str = "graph"
    settings: Callable[[ViewState], Any] | None = None
    texts: Callable[[Lang], dict[tuple[str, str], Any]] | None = None
    years_in_browser: bool = False
    donors_in_browser: Callable[[FundingSource, ViewState], dict[str, list[str]] | None] | None = (
        None
    )
    memo_default: bool = False  # ticked in the memo pack's checklist when the page opens

    @property
    def graph_id(self) -> str:
        return ids.graph(self.id)

    def controls_for(self, model: FundingSource) -> frozenset[str]:
        """The controls that change this chart (figure or words) when it shows ``model``."""
        if self.depends_on is not None:
            return self.depends_on(model)
        return frozenset((*self.inputs, *self.text_inputs))


def ranked_controls(model: FundingSource, *controls: str) -> frozenset[str]:
    """``controls``, plus top N where the source ranks every donor (a published list has its
    own length, which top N does not change)."""
    return frozenset((*controls, ids.TOP_N) if model.lists_every_donor else controls)


def facts_chart(
    draw: Callable[[], go.Figure],
    captions: Captions,
    rows: pd.DataFrame,
    lang: Lang,
    unit: str,
    fit_image: Callable[[go.Figure], go.Figure] | None = None,
) -> ChartOutput:
    """A chart of published facts only: the facts as its data (metric and unit in words), their
    ids for the sources, no loaded file and no selection that changes it."""
    return ChartOutput(
        draw=draw,
        captions=captions,
        data_frame=fact_rows(rows, lang),
        unit=unit,
        fact_ids=fact_ids(rows[c.FACT_ID]),
        data_files=(),
        filters=(),
        fit_image=fit_image,
    )


def empty_chart(
    captions: Captions, lang: Lang, message_key: str = "empty.needs_ceb"
) -> ChartOutput:
    """What a chart shows when the data chosen cannot draw it: its captions and a message
    that says which data it needs, never a blank frame or a guess."""

    def draw() -> go.Figure:
        figure = go.Figure()
        figure.add_annotation(
            text=t(message_key, lang),
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
            showarrow=False,
            font={"size": 15},
        )
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        figure.update_layout(height=260)
        return apply_theme(figure, lang, captions)

    return ChartOutput(
        draw=draw,
        captions=captions,
        data_frame=pd.DataFrame(),
        unit="",
        fact_ids=(),
        data_files=(),
        filters=(),
    )


def chart_year(model: FundingSource, year: int) -> int:
    """The year a chart shows: the chosen one if the data has it, else the latest."""
    return int(year) if int(year) in model.years() else model.latest_year()


def chart_top(model: FundingSource, top: object) -> int | None:
    """Top N applies where the source ranks every donor; a published list keeps its own."""
    return valid_top(top) if model.lists_every_donor else None


def chart_state(
    lang: object,
    year: object,
    donor: str | None,
    top: object = DEFAULT_TOP,
    budget: object = BUDGET_MODES[0],
    entity: str | None = None,
    source: str = DEFAULT_SOURCE,
) -> ViewState:
    """The controls as Dash hands them over (strings, numbers, None) as one valid state.

    A year the data does not have is kept: ``chart_year`` falls back to the latest one, as the
    views always have. The view is left at the default; a chart's spec says where it is.
    """
    year_ = int(str(year)) if str(year).lstrip("-").isdigit() else 0
    mode = budget if budget in BUDGET_MODES else BUDGET_MODES[0]
    return ViewState(
        as_lang(lang),
        year_,
        donor or "",
        ids.TAB_RANKING,
        str(mode),
        valid_top(top),
        entity,
        source,
    )


def _name_column(lang: Lang) -> str:
    return c.NAME_NL if lang == "nl" else c.NAME_EN


def other_label(model: FundingSource, lang: Lang) -> str:
    """The name of a ranking's remainder row, in the words of what the source ranks: the
    member states a document does not list ("Overige lidstaten"), or every other donor."""
    return t(f"donor.other.{model.measure}", lang)


def donor_rows(
    frame: pd.DataFrame, lang: Lang, columns: tuple[str, ...], other: str | None = None
) -> pd.DataFrame:
    """Donor rows with the name in the chart's language; the remainder row named ``other``, as
    the chart draws it (see :func:`other_label`). A frame with a remainder row needs the label:
    a default would name the scorecard's member states and CEB's donors alike."""
    name = _name_column(lang)
    out = frame.copy()
    if c.IS_OTHER in out.columns and bool(out[c.IS_OTHER].astype(bool).any()):
        if other is None:
            raise ValueError("a frame with a remainder row needs its label (other_label)")
        out[name] = out[name].astype("string").mask(out[c.IS_OTHER].astype(bool), other)
    return out[[name if col == NAME else col for col in columns]].reset_index(drop=True)


def fact_rows(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Published facts with their metric in words, so a spreadsheet reader needs no code book."""
    out = frame[FACT_COLUMNS].copy()
    out[c.METRIC] = out[c.METRIC].map(lambda m: t(f"metric.{m}", lang)).astype("string")
    out[c.UNIT] = out[c.UNIT].map(lambda u: t(f"unit.{u}", lang)).astype("string")
    out[c.QUALIFIER] = (
        out[c.QUALIFIER]
        .map(lambda q: t(f"qualifier.{q}", lang) if isinstance(q, str) and q else pd.NA)
        .astype("string")
    )
    return out.reset_index(drop=True)


def fact_ids(*columns: pd.Series) -> tuple[str, ...]:
    """The published facts a chart draws, in order, without the computed rows (no fact id)."""
    return tuple(dict.fromkeys(str(f) for col in columns for f in col.dropna()))


def span(years: list[int]) -> str:
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def pages(model: FundingSource, fact_ids: pd.Series) -> list[int]:
    facts = model.tables.facts
    return sorted(
        {int(p) for p in facts.loc[facts[c.FACT_ID].isin(list(fact_ids.dropna())), c.PAGE].dropna()}
    )


def scorecard_source(lang: Lang, pages: list[int], extra: str = "") -> str:
    parts = [t("source.scorecard", lang)]
    if pages:
        parts.append(", ".join(t("source.page", lang, page=p) for p in pages))
    if extra:
        parts.append(extra)
    return ", ".join(parts)


def contradiction_notes(contradictions: pd.DataFrame, lang: Lang) -> tuple[str, ...]:
    column = c.TEXT_NL if lang == "nl" else c.TEXT_EN
    return tuple(f"{t('notes.heading', lang)}: {text}" for text in contradictions[column])


def filters(
    model: FundingSource,
    state: ViewState,
    first: tuple[str, str],
    keys: pd.Series | None = None,
    top_n: int | None = None,
) -> tuple[tuple[str, str], ...]:
    """The selections in force: the chart's own (year or years), the highlighted donor if the
    chart shows it (else highlighting changes nothing), the entity where the data has several,
    and top N where it applies."""
    lang = state.lang
    out = [first]
    if keys is not None and state.donor and state.donor in {str(k) for k in keys}:
        out.append((t("export.filter.donor", lang), model.donor_name(state.donor, lang)))
    if model.has_entities:
        out.append((t("export.filter.entity", lang), model.entity))
    if top_n is not None:
        out.append((t("export.filter.top", lang), str(top_n)))
    if not model.valuation.nominal_usd:
        out.append((t("export.filter.money", lang), t("export.filter.money_value", lang)))
    return tuple(out)


def data_source(model: FundingSource, lang: Lang, fact_ids: pd.Series, table_key: str) -> str:
    """The source line of a chart drawn from the source's ranking: the source's own line, with
    the pages and table of the published facts it draws, if any."""
    key, values = model.source_line()
    parts = [t(key, lang, **values)]
    drawn = pages(model, fact_ids)
    if drawn:
        parts.append(", ".join(t("source.page", lang, page=p) for p in drawn))
        parts.append(t(table_key, lang))
    return ", ".join(parts)


def negative_note(model: FundingSource, years: list[int], lang: Lang) -> list[str]:
    """The note that sums are net of refunds and adjustments, where any year's are."""
    return [t("revenue.negative", lang)] if any(model.includes_negative(y) for y in years) else []


def entity_source(model: FundingSource, lang: Lang, pages_: list[int]) -> str:
    """The source's line followed by the scorecard pages of the reference lines drawn over it."""
    key, values = model.source_line()
    return t(key, lang, **values) + "; " + scorecard_source(lang, pages_)
