"""The highlighted donor beside its peers: its rank at the entity per year, next to the donors
the user picks (by default Germany, the United Kingdom and the Nordics).

Ranks come from the source's ranking (``model.ranking_over_time``): every contributor in scope
ranked by voluntary revenue, ties sharing the best rank, so they never depend on the currency.
``peers_core.py`` draws the core shares of the same donors beside it; this module owns the
tab's own control, the multi-select of peers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from components import ids
from components.charts.base import (
    NAME,
    Captions,
    ChartOutput,
    ChartSpec,
    donor_rows,
    empty_chart,
    filters,
    negative_note,
    span,
)
from components.charts.donor import chart_donor, ranked_among
from components.charts.image_tidy import line_chart_image
from components.charts.wording import join_words, sentence
from components.formatting import Lang, fmt_number
from components.i18n import t
from components.theme import FAINT_GRID_COLOR, apply_theme, donor_colors, footer_lines
from components.view_state import ViewState
from data import columns as c
from data.source import FundingSource

ID = "peers"
# The peers when the user picks none: the donors the Netherlands is usually set beside.
DEFAULT_PEERS = ("DEU", "GBR", "SWE", "NOR", "DNK", "FIN")
COLUMNS = (c.YEAR, c.DONOR_KEY, NAME, c.RANK, c.AMOUNT)


# shared with peers_core --------------------------------------------------------------------------
def peer_keys(model: FundingSource, state: ViewState) -> list[str]:
    """The peers chosen (or the default ones) that the data has, without the donor itself."""
    known, donor = set(model.donors()), chart_donor(state)
    chosen = state.peers or DEFAULT_PEERS
    return [k for k in dict.fromkeys(chosen) if k in known and k != donor]


def offers_peers(model: FundingSource) -> bool:
    """Whether the source ranks every donor and splits its money by kind (CEB data does)."""
    return model.revenue_split(model.latest_year()) is not None


def peer_filters(
    model: FundingSource, state: ViewState, peers: list[str]
) -> tuple[tuple[str, str], ...]:
    """The years, the donor, the entity and the peers in force."""
    lang = state.lang
    years = (t("export.filter.years", lang), span(model.years()))
    names = ", ".join(model.donor_name(k, lang) for k in peers)
    base = filters(model, state, years, pd.Series([chart_donor(state)]))
    return (*base, (t("peers.control", lang), names)) if peers else base


def line_style(key: str, donor: str, donors: Sequence[str] = ()) -> dict[str, Any]:
    """The donor's own colour, none twice among ``donors`` (the lines of the chart); the
    highlighted donor drawn heavier."""
    mine = key == donor
    drawn = list(donors) if key in donors else [key]
    colour = dict(zip(drawn, donor_colors(drawn, donor), strict=True))[key]
    return {
        "line": {"color": colour, "width": 4 if mine else 2},
        "marker": {"color": colour, "size": 11 if mine else 7},
    }


def figure_height(captions: Captions) -> int:
    """Room for the plot above a footer of notes and source that may take several lines."""
    lines = footer_lines(captions)
    return 380 + 16 * lines


def year_axis(fig: go.Figure, years: list[int], lang: Lang) -> None:
    fig.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        range=[years[0] - 0.3, years[-1] + 0.3],
        title_text=t("peers.axis_year", lang),
        showgrid=False,
    )


# figure ------------------------------------------------------------------------------------------
def peers_figure(
    frame: pd.DataFrame,
    years: list[int],
    donors: list[str],
    lang: Lang,
    donor: str,
    captions: Captions,
) -> go.Figure:
    """One line per donor through its ranks, rank 1 on top; a year without a rank leaves a gap."""
    name_col = c.NAME_NL if lang == "nl" else c.NAME_EN
    traces = []
    for key in donors:
        listed = frame[frame[c.DONOR_KEY] == key]
        if listed.empty:
            continue
        name = str(listed[name_col].iloc[0])
        rows = listed.set_index(c.YEAR).reindex(years)
        hover = [
            ""
            if pd.isna(rank)
            else t(
                "peers.hover",
                lang,
                donor=name,
                year=y,
                rank=int(rank),
                amount=fmt_number(float(amount), lang, 1),
            )
            for y, rank, amount in zip(years, rows[c.RANK], rows[c.AMOUNT], strict=True)
        ]
        traces.append(
            go.Scatter(
                x=years,
                y=[None if pd.isna(r) else int(r) for r in rows[c.RANK]],
                name=name,
                mode="lines+markers",
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[key] * len(years),
                connectgaps=False,
                **line_style(key, donor, donors),
            )
        )
    fig = go.Figure(data=traces)
    worst = int(frame[c.RANK].max())
    fig.update_yaxes(
        autorange=False,
        range=[worst + 0.6, 0.4],
        dtick=1 if worst <= 15 else None,
        title_text=t("peers.axis", lang),
        gridcolor=FAINT_GRID_COLOR,
        zeroline=False,
    )
    year_axis(fig, years, lang)
    fig.update_layout(height=figure_height(captions))
    return apply_theme(fig, lang, captions, legend_on_top=True)


def rank_image(figure: go.Figure, lang: Lang) -> go.Figure:
    """The image copy: flowing legend, tight year title, and the rank axis titled in one word;
    the long title, rotated, is taller than the image's plot and ran into the subtitle (which
    already says 1 is the largest)."""
    out = line_chart_image(figure)
    out.update_yaxes(title_text=t("peers.axis_image", lang))
    return out


# captions ----------------------------------------------------------------------------------------
def captions(model: FundingSource, state: ViewState) -> Captions:
    lang = state.lang
    key, values = model.source_line()
    subtitle = t("peers.subtitle", lang, entity=model.entity, ranked=ranked_among(state, lang))
    if not offers_peers(model):  # words without the donor: no control changes a chart not drawn
        return Captions(t("peers.title_empty", lang), subtitle, t(key, lang, **values))
    return Captions(
        title=t(
            "peers.title",
            lang,
            donor=model.donor_name(chart_donor(state), lang),
            entity=model.entity,
            span=span(model.years()),
        ),
        subtitle=subtitle,
        source=t(key, lang, **values),
        notes=(t("peers.note", lang), *negative_note(model, model.years(), lang)),
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(model: FundingSource, state: ViewState, peers: list[str]) -> str:
    """The donor's rank in the latest year (and in the first year it was ranked), then which
    peers ranked above, level with and below it that year."""
    lang, donor, entity = state.lang, chart_donor(state), model.entity
    year = model.latest_year()
    frame = model.ranking_over_time([donor, *peers])
    latest = frame[frame[c.YEAR] == year]
    now = {str(k): int(r) for k, r in zip(latest[c.DONOR_KEY], latest[c.RANK], strict=True)}
    name = model.donor_name(donor, lang)

    def ranked(keys: list[str]) -> str:
        items = sorted(keys, key=lambda k: (now[k], model.donor_name(k, lang)))
        rank_of = [
            t("peers.takeaway.rank_of", lang, donor=model.donor_name(k, lang), rank=now[k])
            for k in items
        ]
        return join_words(rank_of, lang)

    present = [k for k in peers if k in now]
    absent = [model.donor_name(k, lang) for k in peers if k not in now]
    if donor not in now:
        clauses = [t("peers.takeaway.donor_none", lang, donor=name, entity=entity, year=year)]
        if present:
            clauses.append(t("peers.takeaway.ranks", lang, year=year, donors=ranked(present)))
    else:
        mine = frame[frame[c.DONOR_KEY] == donor].sort_values(c.YEAR)
        first_year, first_rank = int(mine[c.YEAR].iloc[0]), int(mine[c.RANK].iloc[0])
        values = {"donor": name, "entity": entity, "year": year, "rank": now[donor]}
        if first_year < year:
            lead = t(
                "peers.takeaway.donor_since",
                lang,
                first_rank=first_rank,
                first_year=first_year,
                **values,
            )
        else:
            lead = t("peers.takeaway.donor", lang, **values)
        clauses = [lead]
        for key, test in (
            ("higher", lambda r: r < now[donor]),
            ("same", lambda r: r == now[donor]),
            ("lower", lambda r: r > now[donor]),
        ):
            keys = [k for k in present if test(now[k])]
            if keys:
                clauses.append(t(f"peers.takeaway.{key}", lang, donors=ranked(keys)))
    if absent:
        clauses.append(
            t("peers.takeaway.unranked", lang, year=year, donors=join_words(absent, lang))
        )
    return sentence(clauses)


def takeaway(model: FundingSource, state: ViewState) -> str:
    if not offers_peers(model):
        return t("empty.needs_ceb", state.lang)
    return takeaway_text(model, state, peer_keys(model, state))


# the chart and its control -----------------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, caps = state.lang, captions(model, state)
    if not offers_peers(model):
        return empty_chart(caps, lang)
    donor, peers = chart_donor(state), peer_keys(model, state)
    donors = [donor, *peers]
    frame = model.ranking_over_time(donors)
    if frame.empty:
        return empty_chart(caps, lang, "peers.none")
    order = {k: i for i, k in enumerate(donors)}
    frame = frame.sort_values(
        [c.YEAR, c.DONOR_KEY],
        key=lambda s: s.map(order) if s.name == c.DONOR_KEY else s,
        ignore_index=True,
    )
    years = model.years()
    return ChartOutput(
        draw=lambda: peers_figure(frame, years, donors, lang, donor, caps),
        fit_image=lambda screen: rank_image(screen, lang),
        captions=caps,
        data_frame=donor_rows(frame, lang, COLUMNS),
        unit=t("export.unit.rank", lang),  # lines and markers, no amounts
        fact_ids=(),
        data_files=model.files,
        filters=peer_filters(model, state, peers),
    )


def texts(lang: Lang) -> dict[tuple[str, str], Any]:
    """The words of the peers control, for the layout and the language callback (its options,
    the donors, are filled with the donor dropdown's)."""
    return {
        (ids.PEERS_LABEL, "children"): t("peers.control", lang),
        (ids.PEERS, "placeholder"): t("peers.placeholder", lang),
    }


def settings(state: ViewState) -> html.Div:
    """The donors to compare with: a multi-select above the tab's two charts."""
    words = texts(state.lang)
    return html.Div(
        [
            html.Label(words[(ids.PEERS_LABEL, "children")], id=ids.PEERS_LABEL, htmlFor=ids.PEERS),
            dcc.Dropdown(
                id=ids.PEERS,
                multi=True,
                options=[],
                value=list(state.peers),
                placeholder=words[(ids.PEERS, "placeholder")],
                searchable=True,
                className="donor-dropdown",
            ),
        ],
        className="control control-donor",
    )


def depends_on(model: FundingSource) -> frozenset[str]:
    """Donor and peers change the lines where the source ranks every donor; nothing else does."""
    return frozenset({ids.DONOR, ids.PEERS}) if offers_peers(model) else frozenset()


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_PEERS,
    build=build,
    takeaway=takeaway,
    inputs=(ids.DONOR, ids.PEERS),
    depends_on=depends_on,
    settings=settings,
    texts=texts,
)
