"""The core share of every UN entity in one year, the chosen entity highlighted.

The scorecard says IOM receives relatively little unearmarked funding compared with other UN
organisations; this chart shows where the chosen entity stands: each entity's core share of its
voluntary revenue (core / (core + earmarked)), sorted, against the funding compact's 30 %
guideline and the median of all entities. Assessed contributions and revenue from other
activities are not voluntary and stay apart (in the data behind the chart). Where the source
covers one entity only (the scorecard), the chart says which data it needs.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.charts.base import (
    Captions,
    ChartOutput,
    ChartSpec,
    empty_chart,
    entity_source,
    fact_ids,
    filters,
    pages,
)
from components.charts.image_tidy import flowing_legend, legend_note, without_axis_titles
from components.charts.wording import GUIDELINE_METRIC, guideline_share, sentence, usd_m
from components.formatting import Lang, fmt_pct
from components.i18n import t
from components.theme import (
    CORE_COLOR,
    GRID_COLOR,
    MUTED_COLOR,
    PAPER_COLOR,
    REFERENCE_COLOR,
    apply_theme,
    footer_lines,
    highlight_marker,
)
from components.view_state import SCOPES, ViewState
from data import columns as c
from data.source import FundingSource

ID = "entities"
COLUMNS = (
    c.YEAR,
    c.RANK,
    c.ENTITY,
    c.CORE_SHARE,
    c.CORE,
    c.EARMARKED,
    c.VOLUNTARY,
    c.ASSESSED,
    c.OTHER,
)


# the numbers -------------------------------------------------------------------------------------
def shares_year(shares: pd.DataFrame, year: int) -> int:
    """The year drawn: the chosen one if any entity has it, else the latest the data has (the
    year control lists the chosen entity's years, which the other entities may lack)."""
    years = sorted(int(y) for y in shares[c.YEAR].unique())
    return int(year) if int(year) in years else years[-1]


def ranked(shares: pd.DataFrame, year: int) -> pd.DataFrame:
    """The entities with voluntary revenue in ``year``, highest core share first, ranked
    (ties share the best rank)."""
    rows = shares[(shares[c.YEAR] == year) & (shares[c.VOLUNTARY] > 0)].copy()
    rows = rows[rows[c.CORE_SHARE].notna()]
    rows[c.RANK] = rows[c.CORE_SHARE].rank(method="min", ascending=False).astype("int64")
    return rows.sort_values([c.RANK, c.ENTITY], kind="stable", ignore_index=True)


def left_out(shares: pd.DataFrame, year: int) -> list[str]:
    """The entities the data lists in ``year`` without voluntary revenue: not drawn."""
    rows = shares[shares[c.YEAR] == year]
    missing = rows[~(rows[c.VOLUNTARY] > 0) | rows[c.CORE_SHARE].isna()]
    return sorted(str(e) for e in missing[c.ENTITY])


def scope_text(state: ViewState, lang: Lang) -> str:
    """Whose contributions are counted, as the Contributors control says."""
    scope = state.scope if state.scope in SCOPES else SCOPES[0]
    return t(f"entities.scope.{scope}", lang)


def guideline_facts(model: FundingSource) -> pd.DataFrame:
    """The published guideline drawn as reference line (its fact and page go to the sources)."""
    facts = model.earmarking()
    return facts[facts[c.METRIC] == GUIDELINE_METRIC]


def entity_filters(
    model: FundingSource, state: ViewState, first: tuple[str, str]
) -> tuple[tuple[str, str], ...]:
    """The selections in force: the chart's year(s), the highlighted entity, and whose
    contributions are counted."""
    scope = state.scope if state.scope in SCOPES else SCOPES[0]
    own = (t("control.scope", state.lang), t(f"scope.option.{scope}", state.lang))
    return (*filters(model, state, first), own)


# figure ------------------------------------------------------------------------------------------
# Sharp text shadows in the paper's colour, 1 to 3 px out in eight directions: a solid halo
# that fills the gaps between a label's letters, so a line behind it shows no stroke there.
LABEL_HALO = ", ".join(
    f"{dx * step}px {dy * step}px 0 {PAPER_COLOR}"
    for step in (1, 2, 3)
    for dx in (-1, 0, 1)
    for dy in (-1, 0, 1)
    if dx or dy
)


def entities_figure(
    rows: pd.DataFrame,
    guideline: float,
    entity: str,
    lang: Lang,
    captions: Captions,
    shown: pd.DataFrame | None = None,
) -> go.Figure:
    """Horizontal bars of core share, highest on top; the chosen entity full colour and
    outlined, the others dimmed; dashed line at the guideline, dotted at the median, both
    named in the legend. ``shown`` (default: all ``rows``) are the bars drawn; the median and
    the ranks are those of all ``rows``."""
    drawn = (rows if shown is None else shown).iloc[::-1]  # plotly draws the first at the bottom
    names = [str(e) for e in drawn[c.ENTITY]]
    shares = [float(s) for s in drawn[c.CORE_SHARE]]
    hover = [
        t(
            "entities.hover",
            lang,
            share=fmt_pct(share, lang),
            core=usd_m(float(core), lang),
            voluntary=usd_m(float(vol), lang),
            rank=int(rank),
            n=len(rows),
        )
        for share, core, vol, rank in zip(
            shares, drawn[c.CORE], drawn[c.VOLUNTARY], drawn[c.RANK], strict=True
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=shares,
            y=names,
            orientation="h",
            marker={**highlight_marker(names, entity), "color": CORE_COLOR},
            text=[fmt_pct(s, lang) for s in shares],
            textposition="outside",
            # A halo in the paper's colour: where a reference line runs through a value label
            # (on a phone most labels of the small shares reach across the median's line), the
            # line stops at the label instead of striking it through.
            textfont={"shadow": LABEL_HALO},
            cliponaxis=False,
            customdata=names,
            showlegend=False,
            hovertext=hover,
            hovertemplate="<b>%{y}</b><br>%{hovertext}<extra></extra>",
        )
    )
    median = float(rows[c.CORE_SHARE].median())
    # The short name: plotly does not wrap a legend entry, and the long one ran past the right
    # edge of a phone's chart (and took a row of its own in the square image preset).
    compact = t("entities.legend_compact", lang, core=fmt_pct(guideline, lang, 0))
    _reference(fig, guideline, compact, {"color": REFERENCE_COLOR, "width": 2, "dash": "dash"})
    _reference(
        fig,
        median,
        t("entities.median", lang, share=fmt_pct(median, lang)),
        {"color": MUTED_COLOR, "width": 2, "dash": "dot"},
    )
    low, high = min([0.0, *shares]), max([*shares, guideline, median])
    fig.update_xaxes(
        range=[low * 1.2, min(1.3, max(high * 1.25, 0.5))],
        tickformat=".0%",
        title_text=t("entities.axis", lang),
        gridcolor=GRID_COLOR,
    )
    if entity in names:
        fig.update_yaxes(
            tickvals=names, ticktext=[f"<b>{n}</b>" if n == entity else n for n in names]
        )
    fig.update_yaxes(automargin=True, tickfont={"size": 12})
    lines = footer_lines(captions)
    fig.update_layout(
        showlegend=True, bargap=0.2, height=max(440, 220 + 22 * len(names) + 16 * lines)
    )
    themed = apply_theme(fig, lang, captions, legend_on_top=True)
    # Right on top of the plot: the theme's small offset above it grows with a tall figure's
    # plot height until the legend runs into the subtitle.
    themed.update_layout(legend={"y": 1.0, "yanchor": "bottom"})
    return themed


def _reference(fig: go.Figure, x: float, label: str, line: dict[str, object]) -> None:
    """A vertical line across the bars, named in the legend: a label beside the line would
    cover the bars or the subtitle, whichever share it sits at. Drawn between the grid and the
    bars, so the value label of a bar ending near it is written over it, not struck through."""
    fig.add_shape(
        type="line", x0=x, x1=x, y0=0, y1=1, xref="x", yref="paper", line=line, layer="between"
    )
    fig.add_trace(
        go.Scatter(x=[None], y=[None], mode="lines", line=line, name=label, hoverinfo="skip")
    )


# the image ---------------------------------------------------------------------------------------
# Bars an image draws besides the chosen entity: in a memo image (756 x 425 px, its plot some
# 150 px high under the title and over the footer) more bars than this overlap their labels.
IMAGE_TOP = 10
# Value labels beside the bars of an image: plotly shrinks them to the bar's thickness otherwise.
IMAGE_LABEL_SIZE = 11


def image_rows(rows: pd.DataFrame, entity: str, top: int = IMAGE_TOP) -> pd.DataFrame:
    """The ``top`` entities of the highest core share, and the chosen entity where it ranks
    lower: the bars an image can label legibly."""
    rest = rows.iloc[top:]
    return pd.concat([rows.iloc[:top], rest[rest[c.ENTITY] == entity]], ignore_index=True)


def image_note(rows: pd.DataFrame, shown: pd.DataFrame, entity: str, lang: Lang) -> str | None:
    """How many of the entities the image draws, and that the data file has all of them."""
    if len(shown) == len(rows):
        return None
    top = rows.iloc[: len(shown)]
    added = entity in set(shown[c.ENTITY]) and entity not in set(top[c.ENTITY])
    key = "entities.image_note_entity" if added else "entities.image_note"
    return t(key, lang, shown=len(shown), n=len(rows), entity=entity)


def entities_image(
    rows: pd.DataFrame, guideline: float, entity: str, lang: Lang, captions: Captions
) -> go.Figure:
    """The image copy: the bars of ``image_rows`` with their rank in the label (a gap before
    the chosen entity shows), value labels at a size that reads, no x tick labels (every bar
    has its value) nor axis titles (the subtitle names the unit), and a note saying how many
    entities are drawn of all those the data file lists."""
    shown = image_rows(rows, entity)
    fig = entities_figure(rows, guideline, entity, lang, captions, shown)
    drawn = shown.iloc[::-1]
    names = [str(e) for e in drawn[c.ENTITY]]
    labels = [f"{int(r)}. {n}" for r, n in zip(drawn[c.RANK], names, strict=True)]
    fig.update_yaxes(
        tickvals=names,
        ticktext=[
            f"<b>{lab}</b>" if n == entity else lab for lab, n in zip(labels, names, strict=True)
        ],
    )
    fig.update_xaxes(showticklabels=False)
    fig.data[0].update(textfont={"size": IMAGE_LABEL_SIZE}, constraintext="none")
    fig = without_axis_titles(fig)
    note = image_note(rows, shown, entity, lang)
    return flowing_legend(legend_note(fig, note) if note else fig)


# captions ----------------------------------------------------------------------------------------
def captions(
    model: FundingSource, state: ViewState, year: int | None, shares: pd.DataFrame | None
) -> Captions:
    """Title with the year drawn (none for the empty state), what is counted and whose, the
    source with the guideline's page, and the entities left out."""
    lang = state.lang
    notes: tuple[str, ...] = ()
    if shares is not None and year is not None:
        missing = left_out(shares, year)
        if missing:
            notes = (t("entities.left_out", lang, year=year, entities=", ".join(missing)),)
    return Captions(
        title=t("entities.title", lang, year=year) if year else t("entities.title_empty", lang),
        subtitle=t("entities.subtitle", lang, scope=scope_text(state, lang)),
        source=entity_source(model, lang, pages(model, guideline_facts(model)[c.FACT_ID])),
        notes=notes,
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(rows: pd.DataFrame, entity: str, year: int, lang: Lang) -> str:
    """The chosen entity's core share, place and amounts in the year, and the median."""
    if rows.empty:
        return sentence([t("entities.takeaway_none", lang, year=year)])
    median = fmt_pct(float(rows[c.CORE_SHARE].median()), lang)
    mine = rows[rows[c.ENTITY] == entity]
    if mine.empty:
        return sentence(
            [
                t(
                    "entities.takeaway_absent",
                    lang,
                    year=year,
                    entity=entity,
                    n=len(rows),
                    median=median,
                )
            ]
        )
    row = mine.iloc[0]
    return sentence(
        [
            t(
                "entities.takeaway",
                lang,
                year=year,
                entity=entity,
                share=fmt_pct(float(row[c.CORE_SHARE]), lang),
                core=usd_m(float(row[c.CORE]), lang),
                voluntary=usd_m(float(row[c.VOLUNTARY]), lang),
                rank=int(row[c.RANK]),
                n=len(rows),
                median=median,
            )
        ]
    )


def takeaway(model: FundingSource, state: ViewState) -> str:
    shares = model.entity_shares()
    if shares is None or shares.empty:
        return t("empty.needs_ceb", state.lang)
    year = shares_year(shares, state.year)
    return takeaway_text(ranked(shares, year), model.entity, year, state.lang)


# the chart ---------------------------------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, shares = state.lang, model.entity_shares()
    if shares is None or shares.empty:
        return empty_chart(captions(model, state, None, None), lang)
    year = shares_year(shares, state.year)
    rows = ranked(shares, year)
    caps = captions(model, state, year, shares)
    if rows.empty:
        return empty_chart(caps, lang, "entities.none")
    guideline = guideline_share(model)
    return ChartOutput(
        draw=lambda: entities_figure(rows, guideline, model.entity, lang, caps),
        fit_image=lambda _screen: entities_image(rows, guideline, model.entity, lang, caps),
        captions=caps,
        data_frame=rows[list(COLUMNS)].reset_index(drop=True),
        unit=t("entities.unit", lang),
        fact_ids=fact_ids(guideline_facts(model)[c.FACT_ID]),
        data_files=model.files,
        filters=entity_filters(model, state, (t("export.filter.year", lang), str(year))),
    )


def _depends_on(model: FundingSource) -> frozenset[str]:
    """The year changes the bars where the source compares entities; nothing does otherwise."""
    return frozenset() if model.entity_shares() is None else frozenset({ids.YEAR})


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_ENTITIES,
    build=build,
    takeaway=takeaway,
    inputs=(ids.YEAR,),
    depends_on=_depends_on,
    graph_class="graph graph-main",
)
