"""One donor across the UN over the years: its voluntary contribution per year to the chosen
entity and to the four other entities it gave most to in the chosen year.

Beside the one-year bars (``donor.py``) on the same tab, so a reader sees whether the entity's
place in the donor's giving is new or lasting. The chosen entity's line is drawn in the donor's
colour (one colour per donor everywhere); the other entities in the muted colour, told apart by
their dash and a label at their last point.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from components import ids
from components.charts.base import (
    NAME,
    Captions,
    ChartOutput,
    ChartSpec,
    chart_year,
    donor_rows,
    empty_chart,
    filters,
    span,
)
from components.charts.donor import (
    amount_text,
    chart_donor,
    offers_profile,
    source_line,
    with_names,
    year_rows,
)
from components.charts.image_tidy import END_LABEL, line_chart_image, without_end_labels
from components.charts.wording import join_words, sentence, usd_m
from components.formatting import Lang, fmt_pct
from components.i18n import t
from components.theme import FAINT_GRID_COLOR, GUIDE_COLOR, MUTED_COLOR, apply_theme, donor_color
from components.view_state import ViewState
from data import columns as c
from data.derive import change
from data.source import FundingSource

ID = "donor_over_time"
OTHERS = 4  # the other entities drawn beside the chosen one
DASHES = ("dash", "dot", "dashdot", "longdash")
LABEL_GAP = 0.06  # of the y range: the least distance between two end labels
COLUMNS = (
    c.YEAR,
    c.DONOR_KEY,
    NAME,
    c.ENTITY,
    c.VOLUNTARY,
    c.CORE,
    c.EARMARKED,
    c.CORE_SHARE,
    c.RANK,
)


def shown_entities(profile: pd.DataFrame, entity: str, year: int) -> list[str]:
    """The chosen entity (where the donor ever gave to it), then the ``OTHERS`` entities the
    donor gave most to in ``year``."""
    others = [e for e in year_rows(profile, year)[c.ENTITY].astype(str) if e != entity]
    chosen = [entity] if (profile[c.ENTITY] == entity).any() else []
    return [*chosen, *others[:OTHERS]]


def chart_years(model: FundingSource, profile: pd.DataFrame) -> list[int]:
    """Every year of the entity's data and of the donor's giving anywhere."""
    return sorted({*model.years(), *(int(y) for y in profile[c.YEAR])})


# figure ------------------------------------------------------------------------------------------
def over_time_figure(
    rows: pd.DataFrame,
    years: list[int],
    entities: list[str],
    lang: Lang,
    donor: str,
    entity: str,
    year: int,
    captions: Captions,
) -> go.Figure:
    """One line per entity through the donor's voluntary amounts, named at its last point; a
    year without a contribution leaves a gap; a dotted guide marks the chosen year."""
    traces, ends = [], []
    for index, name in enumerate(entities):
        series = rows[rows[c.ENTITY] == name].set_index(c.YEAR).reindex(years)
        values = [None if pd.isna(v) else float(v) for v in series[c.VOLUNTARY]]
        chosen = name == entity
        colour = donor_color(donor) if chosen else MUTED_COLOR
        last = max(i for i, v in enumerate(values) if v is not None)
        ends.append((name, years[last], float(values[last] or 0.0), colour))
        hover = [
            ""
            if v is None
            else t(
                "donor_over_time.hover",
                lang,
                entity=name,
                year=y,
                amount=amount_text(v, lang),
                core=fmt_pct(share, lang),
                rank=int(rank),
            )
            for y, v, share, rank in zip(
                years, values, series[c.CORE_SHARE], series[c.RANK], strict=True
            )
        ]
        traces.append(
            go.Scatter(
                x=years,
                y=values,
                name=name,
                mode="lines+markers",
                line={
                    "color": colour,
                    "width": 4 if chosen else 2,
                    "dash": "solid" if chosen else DASHES[index % len(DASHES)],
                },
                marker={"color": colour, "size": 9 if chosen else 6},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                connectgaps=False,
            )
        )
    top = max(value for _, _, value, _ in ends)
    top = max(top, float(rows[c.VOLUNTARY].max())) * 1.08
    layout_labels = spread(ends, gap=top * LABEL_GAP)
    fig = go.Figure(
        data=traces,
        layout={
            "annotations": [
                {
                    "x": x,
                    "y": y,
                    "xref": "x",
                    "yref": "y",
                    "text": name,
                    "name": END_LABEL,
                    "xanchor": "left",
                    "xshift": 8,
                    "showarrow": False,
                    "font": {"size": 12, "color": colour},
                }
                for name, x, y, colour in layout_labels
            ]
        },
    )
    fig.add_shape(
        type="line",
        x0=year,
        x1=year,
        y0=0,
        y1=1,
        xref="x",
        yref="paper",
        line={"color": GUIDE_COLOR, "width": 1, "dash": "dot"},
    )
    fig.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        range=[years[0] - 0.3, years[-1] + 1.2],
        title_text=t("donor_over_time.axis_year", lang),
        showgrid=False,
    )
    fig.update_yaxes(
        range=[min(0.0, float(rows[c.VOLUNTARY].min())), top],
        title_text=t("donor_over_time.axis", lang),
        gridcolor=FAINT_GRID_COLOR,
    )
    fig.update_layout(height=460)
    return apply_theme(fig, lang, captions, legend_on_top=True)


Label = tuple[str, int, float, str]  # name, x, y, colour


def spread(labels: list[Label], gap: float) -> list[Label]:
    """End labels moved apart vertically, at least ``gap`` between two at the same x, so names
    of lines that end close together stay readable; each keeps its order by height."""
    out: list[Label] = []
    for x in sorted({label[1] for label in labels}):
        column = sorted((label for label in labels if label[1] == x), key=lambda label: label[2])
        floor = -math.inf
        for name, _, y, colour in column:
            placed = max(y, floor + gap)
            out.append((name, x, placed, colour))
            floor = placed
    return out


# captions ----------------------------------------------------------------------------------------
def captions(
    model: FundingSource,
    state: ViewState,
    year: int,
    years: list[int],
    others: list[str],
    drawn: bool = True,
) -> Captions:
    """``others``: the entities drawn beside the chosen one; ``drawn``: whether the source can
    draw the chart at all (else its own source line stands alone)."""
    lang, donor = state.lang, chart_donor(state)
    subtitle = t("donor_over_time.subtitle", lang)
    if not drawn:  # words without donor or year: no control changes a chart not drawn
        return Captions(
            t("donor_over_time.title_empty", lang), subtitle, source_line(model, lang, False)
        )
    if others:
        beside = t(
            "donor_over_time.beside",
            lang,
            entity=model.entity,
            others=join_words(others, lang),
            year=year,
        )
        subtitle = f"{subtitle}; {beside}"
    return Captions(
        title=t(
            "donor_over_time.title",
            lang,
            donor=model.donor_name(donor, lang),
            entity=model.entity,
            span=span(years),
        ),
        subtitle=subtitle,
        source=source_line(model, lang, True),
        notes=(t("donor_over_time.note", lang),),
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(model: FundingSource, profile: pd.DataFrame, state: ViewState, year: int) -> str:
    """The donor's amount at the entity in the first and last year it gave there, with the
    change and the peak between; then the entity it gave most to in the chosen year."""
    lang, donor, entity = state.lang, chart_donor(state), model.entity
    name = model.donor_name(donor, lang)
    at = profile[profile[c.ENTITY] == entity].sort_values(c.YEAR)
    amounts = dict(
        zip((int(y) for y in at[c.YEAR]), (float(v) for v in at[c.VOLUNTARY]), strict=True)
    )
    values = {"donor": name, "entity": entity}
    if not amounts:
        years = chart_years(model, profile)
        clauses = [t("donor_over_time.takeaway.never", lang, span=span(years), **values)]
    elif len(amounts) == 1:
        ((only, amount),) = amounts.items()
        clauses = [
            t(
                "donor_over_time.takeaway.single",
                lang,
                year=only,
                amount=usd_m(amount, lang),
                **values,
            )
        ]
    else:
        first, last = min(amounts), max(amounts)
        _, pct = change(amounts[first], amounts[last])
        clauses = [
            t(
                "donor_over_time.takeaway.span",
                lang,
                first=usd_m(amounts[first], lang),
                first_year=first,
                last=usd_m(amounts[last], lang),
                last_year=last,
                change=fmt_pct(pct, lang, signed=True),
                **values,
            )
        ]
        peak = max(amounts, key=lambda y: (amounts[y], -y))
        if peak not in (first, last):
            clauses.append(
                t(
                    "donor_over_time.takeaway.peak",
                    lang,
                    year=peak,
                    amount=usd_m(amounts[peak], lang),
                )
            )
    in_year = year_rows(profile, year)
    if not in_year.empty and str(in_year[c.ENTITY].iloc[0]) != entity:
        top = in_year.iloc[0]
        clauses.append(
            t(
                "donor_over_time.takeaway.largest",
                lang,
                year=year,
                top=str(top[c.ENTITY]),
                amount=usd_m(float(top[c.VOLUNTARY]), lang),
            )
        )
    return sentence(clauses)


def takeaway(model: FundingSource, state: ViewState) -> str:
    profile = model.donor_profile(chart_donor(state))
    if profile is None:
        return t("empty.needs_ceb", state.lang)
    return takeaway_text(model, profile, state, chart_year(model, state.year))


# the chart ---------------------------------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, donor, year = state.lang, chart_donor(state), chart_year(model, state.year)
    profile = model.donor_profile(donor)
    if profile is None:
        return empty_chart(captions(model, state, year, model.years(), [], drawn=False), lang)
    years = chart_years(model, profile)
    entities = shown_entities(profile, model.entity, year)
    caps = captions(model, state, year, years, [e for e in entities if e != model.entity])
    if not entities:
        return empty_chart(caps, lang, "donor_over_time.none")
    rows = profile[profile[c.ENTITY].isin(entities)]
    order = {e: i for i, e in enumerate(entities)}
    rows = rows.sort_values(
        [c.ENTITY, c.YEAR],
        key=lambda s: s.map(order) if s.name == c.ENTITY else s,
        ignore_index=True,
    )
    entity = model.entity
    return ChartOutput(
        draw=lambda: over_time_figure(rows, years, entities, lang, donor, entity, year, caps),
        fit_image=lambda screen: line_chart_image(without_end_labels(screen)),
        captions=caps,
        data_frame=donor_rows(with_names(rows, model, donor), lang, COLUMNS),
        unit=t("unit.usd_m", lang),
        fact_ids=(),
        data_files=model.files,
        filters=(
            *filters(
                model, state, (t("export.filter.years", lang), span(years)), pd.Series([donor])
            ),
            (t("export.filter.year", lang), str(year)),  # the year that picks the other entities
        ),
    )


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_DONOR,
    build=build,
    takeaway=takeaway,
    inputs=(ids.YEAR, ids.DONOR),
    depends_on=lambda model: (
        frozenset({ids.YEAR, ids.DONOR}) if offers_profile(model) else frozenset()
    ),
)
