"""The highlighted donor beside its peers: its core share at the entity per year.

The same donors as the rank chart beside it (``peers.py``, which owns the tab's control); the
core share is the unearmarked part of each donor's voluntary money (``model.revenue_split`` of
every year), drawn against the funding compact's guideline.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.charts.base import (
    NAME,
    Captions,
    ChartOutput,
    ChartSpec,
    donor_rows,
    empty_chart,
    entity_source,
    fact_ids,
    negative_note,
    pages,
    span,
)
from components.charts.donor import chart_donor
from components.charts.image_tidy import line_chart_image
from components.charts.peers import (
    depends_on,
    figure_height,
    line_style,
    offers_peers,
    peer_filters,
    peer_keys,
    year_axis,
)
from components.charts.wording import (
    GUIDELINE_METRIC,
    first_fact,
    guideline_share,
    join_words,
    sentence,
)
from components.formatting import Lang, fmt_number, fmt_pct
from components.i18n import t
from components.theme import FAINT_GRID_COLOR, REFERENCE_COLOR, apply_theme
from components.view_state import ViewState
from data import columns as c
from data.source import FundingSource

ID = "peers_core"
COLUMNS = (c.YEAR, c.DONOR_KEY, NAME, c.CORE, c.VOLUNTARY, c.CORE_SHARE)


def core_shares(model: FundingSource, donors: list[str]) -> pd.DataFrame:
    """Per year, each of ``donors``' core and voluntary money and core share, in the order of
    ``donors``; years a donor gave no voluntary money have no row (no share to draw)."""
    order = {k: i for i, k in enumerate(donors)}
    parts = []
    for year in model.years():
        split = model.revenue_split(year)
        if split is not None:
            parts.append(split[split[c.DONOR_KEY].isin(donors) & split[c.CORE_SHARE].notna()])
    if not parts:
        return pd.DataFrame(columns=[c.YEAR, c.DONOR_KEY, c.NAME_EN, c.NAME_NL, *COLUMNS[3:]])
    frame = pd.concat(parts, ignore_index=True)
    return frame.sort_values(
        [c.YEAR, c.DONOR_KEY],
        key=lambda s: s.map(order) if s.name == c.DONOR_KEY else s,
        ignore_index=True,
    )


# figure ------------------------------------------------------------------------------------------
def core_figure(
    frame: pd.DataFrame,
    years: list[int],
    donors: list[str],
    guideline: float,
    lang: Lang,
    donor: str,
    captions: Captions,
) -> go.Figure:
    """One line per donor through its core share; the guideline as a dotted line."""
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
            if pd.isna(share)
            else t(
                "peers_core.hover",
                lang,
                donor=name,
                year=y,
                share=fmt_pct(float(share), lang),
                core=fmt_number(float(core), lang, 1),
                voluntary=fmt_number(float(voluntary), lang, 1),
            )
            for y, share, core, voluntary in zip(
                years, rows[c.CORE_SHARE], rows[c.CORE], rows[c.VOLUNTARY], strict=True
            )
        ]
        traces.append(
            go.Scatter(
                x=years,
                y=[None if pd.isna(v) else float(v) for v in rows[c.CORE_SHARE]],
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
    fig.add_shape(
        type="line",
        x0=0,
        x1=1,
        y0=guideline,
        y1=guideline,
        xref="paper",
        yref="y",
        line={"color": REFERENCE_COLOR, "width": 1.5, "dash": "dot"},
    )
    fig.add_annotation(
        x=1,
        y=guideline,
        xref="paper",
        yref="y",
        xanchor="right",
        yanchor="bottom",
        showarrow=False,
        text=t("peers_core.guideline", lang, share=fmt_pct(guideline, lang, 0)),
        font={"size": 11},
    )
    top = max([guideline, *(float(v) for v in frame[c.CORE_SHARE])])
    fig.update_yaxes(
        range=[min(0.0, float(frame[c.CORE_SHARE].min())), min(1.05, top * 1.15 + 0.02)],
        tickformat=".0%",
        title_text=t("peers_core.axis", lang),
        gridcolor=FAINT_GRID_COLOR,
        zeroline=False,
    )
    year_axis(fig, years, lang)
    fig.update_layout(height=figure_height(captions))
    return apply_theme(fig, lang, captions, legend_on_top=True)


# captions ----------------------------------------------------------------------------------------
def _guideline_ids(model: FundingSource) -> pd.Series:
    return pd.Series([first_fact(model.earmarking(), GUIDELINE_METRIC)[c.FACT_ID]])


def captions(model: FundingSource, state: ViewState) -> Captions:
    lang, (key, values) = state.lang, model.source_line()
    subtitle = t("peers_core.subtitle", lang, guideline=fmt_pct(guideline_share(model), lang, 0))
    if not offers_peers(model):  # words without the donor: no control changes a chart not drawn
        return Captions(t("peers_core.title_empty", lang), subtitle, t(key, lang, **values))
    return Captions(
        title=t(
            "peers_core.title",
            lang,
            donor=model.donor_name(chart_donor(state), lang),
            entity=model.entity,
            span=span(model.years()),
        ),
        subtitle=subtitle,
        source=entity_source(model, lang, pages(model, _guideline_ids(model))),
        notes=(t("peers_core.note", lang), *negative_note(model, model.years(), lang)),
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(model: FundingSource, state: ViewState, peers: list[str]) -> str:
    """The donor's core share in the latest year (and the first year it had one), the highest
    among the peers that year, and who reached the guideline."""
    lang, donor, entity = state.lang, chart_donor(state), model.entity
    year, guideline = model.latest_year(), guideline_share(model)
    frame = core_shares(model, [donor, *peers])
    latest = frame[frame[c.YEAR] == year]
    now = {str(k): float(v) for k, v in zip(latest[c.DONOR_KEY], latest[c.CORE_SHARE], strict=True)}
    name = model.donor_name(donor, lang)
    values = {"donor": name, "entity": entity, "year": year}
    if donor not in now:
        clauses = [t("peers.takeaway.donor_none", lang, **values)]
    else:
        mine = frame[frame[c.DONOR_KEY] == donor]
        first_year = int(mine[c.YEAR].min())
        share = fmt_pct(now[donor], lang)
        if first_year < year:
            first_share = float(mine.loc[mine[c.YEAR] == first_year, c.CORE_SHARE].iloc[0])
            lead = t(
                "peers_core.takeaway.donor_since",
                lang,
                share=share,
                first_share=fmt_pct(first_share, lang),
                first_year=first_year,
                **values,
            )
        else:
            lead = t("peers_core.takeaway.donor", lang, share=share, **values)
        clauses = [lead]
    present = [k for k in peers if k in now]
    if present:
        best = max(present, key=lambda k: now[k])
        clauses.append(
            t(
                "peers_core.takeaway.highest",
                lang,
                year=year,
                donor=model.donor_name(best, lang),
                share=fmt_pct(now[best], lang),
            )
        )
    if now:
        # compared as drawn (to 0.1 %), so a share labelled 30,0 % counts as reaching 30 %
        reached = [k for k in now if round(now[k], 3) >= round(guideline, 3)]
        common = {"year": year, "guideline": fmt_pct(guideline, lang, 0)}
        if reached:
            names = join_words([model.donor_name(k, lang) for k in reached], lang)
            clauses.append(t("peers_core.takeaway.at_guideline", lang, donors=names, **common))
        else:
            clauses.append(t("peers_core.takeaway.below_guideline", lang, **common))
    return sentence(clauses)


def takeaway(model: FundingSource, state: ViewState) -> str:
    if not offers_peers(model):
        return t("empty.needs_ceb", state.lang)
    return takeaway_text(model, state, peer_keys(model, state))


# the chart ---------------------------------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, caps = state.lang, captions(model, state)
    if not offers_peers(model):
        return empty_chart(caps, lang)
    donor, peers = chart_donor(state), peer_keys(model, state)
    donors = [donor, *peers]
    frame = core_shares(model, donors)
    if frame.empty:
        return empty_chart(caps, lang, "peers.none")
    years, guideline = model.years(), guideline_share(model)
    return ChartOutput(
        draw=lambda: core_figure(frame, years, donors, guideline, lang, donor, caps),
        fit_image=line_chart_image,
        captions=caps,
        data_frame=donor_rows(frame, lang, COLUMNS),
        unit=t("export.unit.core_share", lang),
        fact_ids=fact_ids(_guideline_ids(model)),
        data_files=model.files,
        filters=peer_filters(model, state, peers),
    )


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_PEERS,
    build=build,
    takeaway=takeaway,
    inputs=(ids.DONOR, ids.PEERS),
    depends_on=depends_on,
)
