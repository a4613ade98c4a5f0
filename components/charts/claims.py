"""The scorecard checked: every claim CEB data can test, the scorecard's figure beside CEB's.

The claims and their verdicts come from the source (``model.claims()``, computed once by
``data/claims.py``: the rounding rule and the reasons are written down there). The figure draws
each claim with a figure (amounts, totals, shares, budget points, growth) as the CEB figure's
difference from the scorecard's in % of it, coloured by verdict, with the scorecard's own
rounding as a grey band; ranks and statements without a figure are in the table beside it,
which lists every claim with page, CEB figure, difference, verdict and the likely reason. Where
the source has no CEB history (the scorecard itself) the chart says which data it needs.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components import ids
from components.charts.base import (
    Captions,
    ChartOutput,
    ChartSpec,
    Panel,
    empty_chart,
    scorecard_source,
)
from components.charts.claims_words import (
    ceb_text,
    counts_text,
    difference_text,
    label,
    pair_text,
    published_text,
    reason_text,
    verdict_text,
)
from components.charts.image_tidy import tight_axis_title
from components.charts.wording import sentence
from components.formatting import Lang, fmt_pct
from components.i18n import t
from components.panels import table
from components.theme import GRID_COLOR, OTHER_COLOR, PREFIX, VARIABLES, apply_theme, footer_lines
from components.view_state import ViewState
from data import columns as c
from data.source import FundingSource

ID = "claims"
ENTITY = "IOM"  # the claims are the scorecard's, about IOM, whatever entity the page shows
FIGURE_KINDS = ("amount", "total", "share", "level", "growth")  # claims with a figure
CLIP = 10.0  # % either side: a point further off sits at the edge, its value written beside it
# Verdict colours: the theme's roles for "fine", "a difference to note" and "a warning".
VERDICT_STYLE = {
    "agrees": (VARIABLES[f"{PREFIX}ok-text"], "circle"),
    "within_rounding": (VARIABLES[f"{PREFIX}difference"], "diamond"),
    "differs": (VARIABLES[f"{PREFIX}warning"], "square"),
}
EXPORT_COLUMNS = (
    *("claim", "claim_topic", "claim_label", c.YEAR, c.PERIOD, c.DONOR, "scorecard", c.UNIT),
    "pages",
    *(c.FACT_IDS, "ceb", "ceb_counts", "difference", "difference_pct", "verdict", "reason"),
    *("explained", "ceb_other", "ceb_other_year", "ceb_other_counts", "compared"),
)


# figure ------------------------------------------------------------------------------------------
def drawn(frame: pd.DataFrame) -> pd.DataFrame:
    """The claims with a figure of their own: ranks and statements are only in the table."""
    return frame[frame["kind"].isin(FIGURE_KINDS)].reset_index(drop=True)


def _dots(
    rows: pd.DataFrame, ys: list[Any], hover: list[str], edge: float, lang: Lang
) -> list[go.Scatter]:
    """CEB's difference from each claim, one trace per verdict (its colour and shape, named in
    the legend); a dot beyond ``edge`` sits on it as a triangle with its value beside it."""
    pct = [100 * float(v) for v in rows["difference_pct"]]
    traces = []
    for verdict, (colour, symbol) in VERDICT_STYLE.items():
        mine = [i for i, v in enumerate(rows["verdict"]) if v == verdict]
        if not mine:
            continue
        cut = [abs(pct[i]) > edge for i in mine]
        side = ["triangle-left" if pct[i] < 0 else "triangle-right" for i in mine]
        traces.append(
            go.Scatter(
                x=[max(-edge, min(edge, pct[i])) for i in mine],
                y=[ys[i] for i in mine],
                mode="markers+text",
                marker={
                    "color": colour,
                    "size": 12,
                    "symbol": [s if c_ else symbol for s, c_ in zip(side, cut, strict=True)],
                },
                text=[
                    fmt_pct(pct[i] / 100, lang, 1, signed=True) if c_ else ""
                    for i, c_ in zip(mine, cut, strict=True)
                ],
                textposition=["middle left" if pct[i] > 0 else "middle right" for i in mine],
                name=t(f"claims.verdict.{verdict}", lang),
                hovertext=[hover[i] for i in mine],
                hovertemplate="%{hovertext}<extra></extra>",
                cliponaxis=False,
            )
        )
    return traces


def _hover(model: FundingSource, rows: pd.DataFrame, lang: Lang) -> list[str]:
    return [
        t(
            "claims.hover",
            lang,
            label=f"{label(model, r, lang)} (p. {r['pages']})",
            published=published_text(r, lang),
            ceb=ceb_text(r, lang),
            verdict=verdict_text(r, lang, detail=True),
            reason=reason_text(r, lang),
        )
        for _, r in rows.iterrows()
    ]


def _edge(rows: pd.DataFrame, band: list[float]) -> float:
    reach = max([100 * abs(float(v)) for v in rows["difference_pct"]] + band + [0.5])
    return min(reach * 1.15, CLIP)


def _x_axis(fig: go.Figure, edge: float, lang: Lang) -> None:
    fig.update_xaxes(
        range=[-edge * 1.08, edge * 1.08],
        ticksuffix="\u00a0%" if lang == "nl" else "%",
        title_text=t("claims.axis", lang),
        gridcolor=GRID_COLOR,
        zeroline=True,
        zerolinecolor=OTHER_COLOR,
    )


def _themed(fig: go.Figure, lang: Lang, captions: Captions) -> go.Figure:
    themed = apply_theme(fig, lang, captions, legend_on_top=True)
    themed.update_layout(legend={"y": 1.0, "yanchor": "bottom"})
    return themed


def claims_figure(
    model: FundingSource, frame: pd.DataFrame, lang: Lang, captions: Captions
) -> go.Figure:
    """One row per claim, top to bottom in the table's order: a grey band for the scorecard's
    rounding (half a unit of its last digit, in % of its figure), a dot for CEB's difference
    (``_dots``) and, on the right, both figures."""
    rows = drawn(frame)
    labels = [f"{label(model, r, lang)} (p. {r['pages']})" for _, r in rows.iterrows()]
    band = [
        100 * 0.5 * 10.0 ** -int(d) / float(s)
        for d, s in zip(rows["decimals"], rows["scorecard"], strict=True)
    ]
    edge = _edge(rows, band)
    rounding = go.Bar(
        x=[2 * b for b in band],
        base=[-b for b in band],
        y=labels,
        orientation="h",
        marker={"color": OTHER_COLOR, "opacity": 0.55},
        name=t("claims.legend.rounding", lang),
        hoverinfo="skip",
    )
    # The figures themselves as tick labels on the right, beside their row.
    figures = go.Scatter(
        x=[0.0] * len(labels),
        y=labels,
        yaxis="y2",
        mode="markers",
        marker={"opacity": 0},
        showlegend=False,
        hoverinfo="skip",
    )
    dots = _dots(rows, list(labels), _hover(model, rows, lang), edge, lang)
    fig = go.Figure(data=[rounding, *dots, figures])
    # Both axes over the same rows, first on top: the right one's labels stay beside their row.
    same_rows = {"range": [len(labels) - 0.5, -0.5], "autorange": False, "automargin": True}
    fig.update_layout(
        yaxis2={
            **same_rows,
            "overlaying": "y",
            "side": "right",
            "type": "category",
            "categoryarray": labels,
            "tickvals": labels,
            "ticktext": [pair_text(r, lang) for _, r in rows.iterrows()],
            "tickfont": {"size": 12},
            "showgrid": False,
        }
    )
    _x_axis(fig, edge, lang)
    fig.update_yaxes(**same_rows, tickfont={"size": 12})
    lines = footer_lines(captions)
    fig.update_layout(barmode="overlay", height=max(420, 200 + 24 * len(rows) + 16 * lines))
    return _themed(fig, lang, captions)


def compact_figure(
    model: FundingSource, frame: pd.DataFrame, lang: Lang, captions: Captions
) -> go.Figure:
    """The same dots on one row per group of claims (the donor table's amounts, its totals, the
    text, earmarking, the budget), for a fixed-size image, where a row per claim has no room;
    the hover and the data file still name each claim."""
    rows = drawn(frame)
    groups = [
        f"{topic}.{kind}" if kind == "total" else str(topic)
        for topic, kind in zip(rows["topic"], rows["kind"], strict=True)
    ]
    order = list(dict.fromkeys(groups))
    pages: dict[str, set[int]] = {group: set() for group in order}
    for group, cell in zip(groups, rows["pages"], strict=True):
        pages[group] |= {int(p) for p in str(cell).split(", ")}
    names = [
        t(f"claims.group.{g}", lang, pages=", ".join(str(p) for p in sorted(pages[g])))
        for g in order
    ]
    ys = [order.index(g) for g in groups]
    edge = _edge(rows, [])
    fig = go.Figure(data=_dots(rows, ys, _hover(model, rows, lang), edge, lang))
    _x_axis(fig, edge, lang)
    fig.update_yaxes(
        tickvals=list(range(len(order))),
        ticktext=names,
        range=[len(order) - 0.5, -0.5],
        automargin=True,
        showgrid=False,
    )
    return _themed(fig, lang, captions)


# captions and takeaway ---------------------------------------------------------------------------
def source_text(model: FundingSource, frame: pd.DataFrame | None, lang: Lang) -> str:
    """The source's line, for IOM (the claims are about IOM, whatever entity the page shows),
    then the scorecard's pages the claims are printed on."""
    key, values = model.source_line()
    # the claims are checked in the published currency, nominal, whatever the page shows
    line = t(key, lang, **{**values, "entity": ENTITY, "money": ""})
    if frame is None:
        return line
    pages = sorted({int(p) for cell in frame["pages"] for p in str(cell).split(", ") if p})
    return f"{line}; {scorecard_source(lang, pages)}"


def captions(model: FundingSource, frame: pd.DataFrame | None, lang: Lang) -> Captions:
    """Title with the number of claims, what is compared, the sources of both sides, the rule
    and what the figure leaves to the table."""
    source = source_text(model, frame, lang)
    if frame is None:
        return Captions(t("claims.title_empty", lang), t("claims.subtitle", lang), source)
    ranks, statements = frame[frame["kind"] == "rank"], frame[frame["kind"] == "statement"]
    note = t(
        "claims.note.ranks",
        lang,
        ranks=len(ranks),
        ranks_agree=int((ranks["verdict"] == "agrees").sum()),
        statements=len(statements),
        statements_agree=int((statements["verdict"] == "agrees").sum()),
    )
    return Captions(
        title=t("claims.title", lang, n=len(frame)),
        subtitle=t("claims.subtitle", lang),
        source=source,
        notes=(t("claims.note.rule", lang), note),
    )


def takeaway_text(model: FundingSource, frame: pd.DataFrame, lang: Lang) -> str:
    """How many claims agree, agree within rounding and differ, and the largest difference of a
    claim with a figure (relative to the scorecard's)."""
    counts = frame["verdict"].value_counts()
    agree, within, differ = (
        int(counts.get(v, 0)) for v in ("agrees", "within_rounding", "differs")
    )
    agreeing = t(f"claims.takeaway.agree.{'one' if agree == 1 else 'many'}", lang, count=agree)
    differing = t(
        f"claims.takeaway.differ.{ {0: 'none', 1: 'one'}.get(differ, 'many') }", lang, count=differ
    )
    figures = drawn(frame[frame["verdict"] == "differs"])
    if not figures.empty:
        row = figures.iloc[int(figures["difference_pct"].abs().to_numpy().argmax())]
        name = label(model, row, lang)
        name = name if row[c.DONOR] else name[:1].lower() + name[1:]
        differing = t(
            "claims.takeaway.largest",
            lang,
            differ=differing,
            label=name,
            published=published_text(row, lang),
            ceb=ceb_text(row, lang),
        )
    text = t("claims.takeaway", lang, n=len(frame), agree=agreeing, within=within, differ=differing)
    return sentence([text])


def takeaway(model: FundingSource, state: ViewState) -> str:
    frame = model.claims()
    if frame is None:
        return t("claims.takeaway.needs_ceb", state.lang)
    return takeaway_text(model, frame, state.lang)


# the chart, its data and its table ---------------------------------------------------------------
def export_rows(model: FundingSource, frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The claims as the data files get them: numbers as numbers, keys in words."""
    out = frame.copy()
    words = [
        (
            label(model, r, lang),
            t(f"claims.topic.{r['topic']}", lang),
            verdict_text(r, lang),
            reason_text(r, lang),
            counts_text(str(r["ceb_counts"]), r, lang),
            counts_text(str(r["ceb_other_counts"]), r, lang),
        )
        for _, r in frame.iterrows()
    ]
    for i, name in enumerate(
        ("claim_label", "claim_topic", "verdict", "reason", "ceb_counts", "ceb_other_counts")
    ):
        out[name] = pd.Series([w[i] for w in words], index=out.index, dtype="string")
    out[c.UNIT] = out[c.UNIT].map(lambda u: t(f"claims.unit.{u}", lang)).astype("string")
    return out[list(EXPORT_COLUMNS)].reset_index(drop=True)


def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, frame = state.lang, model.claims()
    caps = captions(model, frame, lang)
    if frame is None:
        return empty_chart(caps, lang)
    facts = tuple(dict.fromkeys(f for cell in frame[c.FACT_IDS] for f in str(cell).split(";") if f))
    return ChartOutput(
        draw=lambda: claims_figure(model, frame, lang, caps),
        fit_image=lambda _screen: tight_axis_title(compact_figure(model, frame, lang, caps)),
        captions=caps,
        data_frame=export_rows(model, frame, lang),
        unit=t("claims.unit", lang),
        fact_ids=facts,
        data_files=model.files,
        filters=((t("export.filter.entity", lang), ENTITY),),
    )


def claims_table(model: FundingSource, frame: pd.DataFrame, lang: Lang) -> dcc.Markdown:
    """Every claim: what it is about, the scorecard's figure with its page, CEB's with what it
    counts, the difference, the verdict and the likely reason."""
    header = [
        t(f"claims.table.{k}", lang)
        for k in ("claim", "scorecard", "ceb", "difference", "verdict", "reason")
    ]
    rows: list[list[Any]] = []
    for _, r in frame.iterrows():
        published = t("claims.with_page", lang, figure=published_text(r, lang), pages=r["pages"])
        ceb = [ceb_text(r, lang), html.Br(), html.Small(counts_text(str(r["ceb_counts"]), r, lang))]
        verdict = verdict_text(r, lang)
        rows.append(
            [
                label(model, r, lang),
                published,
                ceb,
                difference_text(r, lang),
                html.B(verdict) if r["verdict"] == "differs" else verdict,
                reason_text(r, lang),
            ]
        )
    return table(header, rows)


def _table(model: FundingSource, state: ViewState) -> Any:
    frame = model.claims()
    return [] if frame is None else claims_table(model, frame, state.lang)


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_CLAIMS,
    build=build,
    takeaway=takeaway,
    inputs=(),
    depends_on=lambda model: frozenset(),
    panels=(Panel("table", _table, class_name="table-wrap"),),
)
