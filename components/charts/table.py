"""The full table: every contributor of the entity in the year, with every kind of revenue.

The screen shows it as a grid (``table_grid.py``: sortable, filterable, with a total row); what
an image or memo can hold is the figure: the largest contributors as bars stacked by kind of
revenue and all others as one bar. The data download is the whole table, every contributor.
Drawn from ``model.contributors(year)``, which only a CEB source offers; on any other the chart
says which data it needs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.charts.base import (
    NAME,
    Captions,
    ChartOutput,
    ChartSpec,
    Panel,
    chart_year,
    empty_chart,
    filters,
)
from components.charts.image_tidy import line_chart_image
from components.charts.table_grid import category_label, contributors_grid
from components.charts.wording import sentence, usd_m
from components.formatting import Lang, fmt_number, fmt_pct
from components.i18n import t
from components.theme import (
    ASSESSED_COLOR,
    CORE_COLOR,
    DIMMED_OPACITY,
    EARMARKED_COLOR,
    GRID_COLOR,
    OTHER_COLOR,
    TEXT_COLOR,
    apply_theme,
    footer_lines,
    wrap,
)
from components.view_state import ViewState, valid_top
from data import columns as c
from data.source import FundingSource

ID: Final = "full_table"
# The kinds of revenue in the order the bars stack them, with their word key and colour:
# voluntary money in the colours every chart gives core and earmarked, the rest neutral.
KINDS: Final = (
    (c.ASSESSED, "assessed", ASSESSED_COLOR),
    (c.CORE, "core", CORE_COLOR),
    (c.EARMARKED, "earmarked", EARMARKED_COLOR),
    (c.OTHER, "other", OTHER_COLOR),
)
AMOUNTS: Final = tuple(column for column, _, _ in KINDS)
COLUMNS: Final = (c.YEAR, c.DONOR_KEY, NAME, c.CATEGORY, *AMOUNTS, c.VOLUNTARY, c.CORE_SHARE)
TOTAL: Final = "total_usd_m"  # every kind of revenue together, per bar
COUNT: Final = "count"  # how many contributors a bar stands for
SUBTITLE_WIDTH: Final = 110  # characters per subtitle line on screen


# the numbers drawn -------------------------------------------------------------------------------
def named(table: pd.DataFrame) -> pd.DataFrame:
    """The contributors by name: without the rows that stand for the rest of a category
    ("Other NGOs", flagged ``is_other`` where the data has the flag), which hold money but are
    no contributor to count or rank."""
    if c.IS_OTHER not in table.columns:
        return table
    return table[~table[c.IS_OTHER].astype(bool)]


def bar_rows(table: pd.DataFrame, top_n: int) -> pd.DataFrame:
    """The bars, largest first: the ``top_n`` largest contributors by voluntary revenue (the
    table's order) and, if there are more, one row summing all the others kind by kind."""
    shown = named(table).head(top_n)
    rest = table.drop(index=shown.index)
    bars = shown[[c.DONOR_KEY, c.NAME_EN, c.NAME_NL, *AMOUNTS, c.VOLUNTARY]].assign(
        **{c.IS_OTHER: False, COUNT: 1}
    )
    if not rest.empty:
        others: dict[str, object] = {c.DONOR_KEY: "", c.NAME_EN: "", c.NAME_NL: ""}
        others |= {column: float(rest[column].sum()) for column in (*AMOUNTS, c.VOLUNTARY)}
        others |= {c.IS_OTHER: True, COUNT: len(named(rest))}
        bars = pd.concat([bars, pd.DataFrame([others])], ignore_index=True)
    bars[TOTAL] = bars[list(AMOUNTS)].sum(axis=1)
    return bars.reset_index(drop=True)


def contributor_rows(table: pd.DataFrame, year: int, lang: Lang) -> pd.DataFrame:
    """The whole table as the download gives it: every contributor, its name and category in
    the page's language, the amounts as numbers (USD million, unrounded)."""
    name = c.NAME_NL if lang == "nl" else c.NAME_EN
    out = table.copy()
    out[c.YEAR] = year
    out[c.CATEGORY] = table[c.CATEGORY].map(lambda k: category_label(str(k), lang)).astype("string")
    return out[[name if col == NAME else col for col in COLUMNS]].reset_index(drop=True)


# figure ------------------------------------------------------------------------------------------
def bar_label(row: pd.Series, lang: Lang) -> str:
    if bool(row[c.IS_OTHER]):
        count = int(row[COUNT])
        return t("full_table.others", lang, n=count) if count else t("full_table.others_rest", lang)
    return str(row[c.NAME_NL] if lang == "nl" else row[c.NAME_EN])


def table_figure(
    table: pd.DataFrame, lang: Lang, highlight: str | None, captions: Captions, top_n: int
) -> go.Figure:
    """Horizontal bars stacked by kind of revenue, largest on top; the highlighted contributor
    outlined and in bold with the others dimmed; the bar's total at its end.

    The bars are placed by position and labelled by tick text, so two contributors of the
    same name stay two bars."""
    rows = bar_rows(table, top_n).iloc[::-1]  # plotly draws the first category at the bottom
    labels = [bar_label(r, lang) for _, r in rows.iterrows()]
    keys = [str(k) for k in rows[c.DONOR_KEY]]
    places = [str(i) for i in rows.index]
    marked = bool(highlight) and highlight in keys
    opacity = [1.0 if not marked or k == highlight else DIMMED_OPACITY for k in keys]
    outline = {"color": TEXT_COLOR, "width": [2 if marked and k == highlight else 0 for k in keys]}
    totals = [fmt_number(float(v), lang, 1) for v in rows[TOTAL]]
    voluntary = [fmt_number(float(v), lang, 1) for v in rows[c.VOLUNTARY]]
    traces: list[go.Bar | go.Scatter] = []
    for column, kind, colour in KINDS:
        name = t(f"full_table.kind.{kind}", lang)
        hover = [
            f"<b>{label}</b><br>"
            + t(
                "full_table.hover",
                lang,
                kind=name,
                amount=fmt_number(float(v), lang, 1),
                total=total,
                voluntary=vol,
            )
            for label, v, total, vol in zip(labels, rows[column], totals, voluntary, strict=True)
        ]
        traces.append(
            go.Bar(
                x=[float(v) for v in rows[column]],
                y=places,
                orientation="h",
                name=name,
                marker={"color": colour, "opacity": opacity, "line": outline},
                customdata=keys,
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    amounts = rows[list(AMOUNTS)]
    ends = amounts.clip(lower=0).sum(axis=1)
    traces.append(
        go.Scatter(
            x=[float(v) for v in ends],
            y=places,
            mode="text",
            text=totals,
            textposition="middle right",
            textfont={"size": 12},
            cliponaxis=False,
            showlegend=False,
            hoverinfo="skip",
        )
    )
    fig = go.Figure(data=traces)  # one construction: adding traces one by one re-validates
    low = min(0.0, float(amounts.clip(upper=0).sum(axis=1).min()))
    fig.update_xaxes(
        title_text=t("full_table.axis", lang),
        gridcolor=GRID_COLOR,
        range=[low * 1.1, max(float(ends.max()), 1.0) * 1.18],
    )
    fig.update_yaxes(
        type="category",  # the places are numbers in text: never a numeric axis
        automargin=True,
        tickfont={"size": 13},
        tickvals=places,
        ticktext=[
            f"<b>{label}</b>" if marked and k == highlight else label
            for label, k in zip(labels, keys, strict=True)
        ],
    )
    lines = footer_lines(captions)
    # The subtitle says in full what is counted: broken into lines on screen, as the image
    # export breaks its own copy of it.
    subtitle = wrap(captions.subtitle, SUBTITLE_WIDTH)
    extra = 16 * subtitle.count("<br>")
    fig.update_layout(
        barmode="relative",
        bargap=0.25,
        height=max(440, 210 + extra + 30 * len(keys) + 16 * lines),
    )
    themed = apply_theme(fig, lang, replace(captions, subtitle=subtitle), legend_on_top=True)
    themed.update_layout(margin_t=int(themed.layout.margin.t) + extra)
    return themed


# captions ----------------------------------------------------------------------------------------
def captions(
    model: FundingSource, year: int, lang: Lang, top_n: int, table: pd.DataFrame | None
) -> Captions:
    """What is counted (every kind of revenue, voluntary = earmarked + core, nominal USD) and
    where it comes from (the source's own line: CEB and, for the history, its compiler).
    Where the source has no table (``None``) they name no year and no top N: no control
    changes what such a source shows."""
    key, values = model.source_line()
    if table is None:
        return Captions(
            title=t("full_table.title_any", lang, entity=model.entity),
            subtitle=t("full_table.subtitle.any", lang),
            source=t(key, lang, **values),
        )
    n = len(named(table))
    subtitle = (
        t("full_table.subtitle.all", lang, n=n)
        if n and n <= top_n
        else t("full_table.subtitle.top", lang, top=top_n)
    )
    negative = bool((table[list(AMOUNTS)] < 0).to_numpy().any())
    notes = (t("revenue.negative", lang),) if negative or model.includes_negative(year) else ()
    return Captions(
        title=t("full_table.title", lang, entity=model.entity, year=year),
        subtitle=subtitle,
        source=t(key, lang, **values),
        notes=notes,
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(
    model: FundingSource,
    table: pd.DataFrame,
    year: int,
    highlight: str | None,
    top_n: int,
    lang: Lang,
) -> str:
    """How many contributors, how much of the voluntary money the largest gave and how much of
    it was earmarked; then the highlighted contributor's place."""
    listed = named(table)
    n = len(listed)
    if table.empty:
        return sentence([t("full_table.none", lang).rstrip(".")])
    count_key = "full_table.takeaway.count_one" if n == 1 else "full_table.takeaway.count"
    clauses = [t(count_key, lang, entity=model.entity, year=year, n=n)]
    voluntary = float(table[c.VOLUNTARY].sum())
    if voluntary > 0:
        total = usd_m(voluntary, lang)
        if n > top_n:
            top_share = float(listed[c.VOLUNTARY].head(top_n).sum()) / voluntary
            clauses.append(
                t(
                    "full_table.takeaway.top",
                    lang,
                    top=top_n,
                    share=fmt_pct(top_share, lang),
                    total=total,
                )
            )
        else:
            clauses.append(t("full_table.takeaway.voluntary", lang, total=total))
        earmarked = float(table[c.EARMARKED].sum()) / voluntary
        clauses.append(t("full_table.takeaway.earmarked", lang, share=fmt_pct(earmarked, lang)))
    else:
        clauses.append(t("full_table.takeaway.no_voluntary", lang))
    if highlight:
        clauses.append(_donor_clause(model, table, year, highlight, voluntary, lang))
    return sentence(clauses)


def _donor_clause(
    model: FundingSource,
    table: pd.DataFrame,
    year: int,
    donor: str,
    voluntary: float,
    lang: Lang,
) -> str:
    """The contributor's place by voluntary revenue (equal amounts share the best place), or
    what it gave instead, or that it is not in the table."""
    row = table[table[c.DONOR_KEY] == donor]
    if row.empty:
        return t(
            "export.takeaway.no_contribution", lang, donor=model.donor_name(donor, lang), year=year
        )
    first = row.iloc[0]
    name = str(first[c.NAME_NL] if lang == "nl" else first[c.NAME_EN])
    mine = float(first[c.VOLUNTARY])
    if mine > 0:
        rank = 1 + int((named(table)[c.VOLUNTARY].round(8) > round(mine, 8)).sum())
        share = fmt_pct(mine / voluntary, lang) if voluntary > 0 else "–"
        return t(
            "full_table.takeaway.donor",
            lang,
            donor=name,
            rank=rank,
            amount=usd_m(mine, lang),
            share=share,
        )
    rest = float(first[c.ASSESSED]) + float(first[c.OTHER])
    if rest > 0:
        return t("full_table.takeaway.donor_other", lang, donor=name, amount=usd_m(rest, lang))
    return t("export.takeaway.no_contribution", lang, donor=name, year=year)


def takeaway(model: FundingSource, state: ViewState) -> str:
    year = chart_year(model, state.year)
    table = model.contributors(year)
    if table is None:
        return t("empty.needs_ceb", state.lang)
    return takeaway_text(model, table, year, state.donor or None, valid_top(state.top), state.lang)


# the chart and the grid beside it ----------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, year, top_n = state.lang, chart_year(model, state.year), valid_top(state.top)
    table = model.contributors(year)
    caps = captions(model, year, lang, top_n, table)
    if table is None:
        return empty_chart(caps, lang)
    if table.empty:
        return empty_chart(caps, lang, "full_table.none")
    return ChartOutput(
        draw=lambda: table_figure(table, lang, state.donor or None, caps, top_n),
        fit_image=line_chart_image,  # a bar chart, but the same legend and axis title
        captions=caps,
        data_frame=contributor_rows(table, year, lang),
        unit=t("unit.usd_m", lang),
        fact_ids=(),
        data_files=model.files,
        filters=filters(
            model, state, (t("export.filter.year", lang), str(year)), table[c.DONOR_KEY], top_n
        ),
    )


def _grid(model: FundingSource, state: ViewState) -> object:
    year = chart_year(model, state.year)
    table = model.contributors(year)
    if table is None or table.empty:
        return []
    return contributors_grid(table, len(named(table)), model.entity, year, state.lang)


def _depends_on(model: FundingSource) -> frozenset[str]:
    """Year, highlighted donor and top N change the figure where the source has the table;
    where it has none, the message shown changes with none of them."""
    if model.contributors(model.latest_year()) is None:
        return frozenset()
    return frozenset({ids.YEAR, ids.DONOR, ids.TOP_N})


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_TABLE,
    build=build,
    takeaway=takeaway,
    inputs=(ids.YEAR, ids.DONOR, ids.TOP_N),
    depends_on=_depends_on,
    # The grid lists every contributor: neither top N nor the highlighted donor changes it, so
    # only a year (or data, language) change rebuilds it.
    panels=(Panel("grid", _grid, class_name="table-wrap", inputs=(ids.YEAR,)),),
)
