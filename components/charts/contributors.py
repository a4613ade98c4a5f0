"""The entity's voluntary revenue by contributor type over the years.

Who pays for the entity besides governments (the European Union, UN pooled funds, global funds,
foundations, the private sector ...) and how that changed: stacked bars per year, one colour per
contributor type. Voluntary revenue (earmarked + core) is what is drawn; assessed contributions
and revenue from other activities stay in the data behind the chart. Before 2021 the CEB data
group non-government contributors more coarsely, which the chart says. Where the source does
not say who contributed (the scorecard), the chart says which data it needs.
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
    filters,
    negative_note,
    span,
)
from components.charts.image_tidy import flowing_legend, without_axis_titles
from components.charts.wording import sentence, usd_m
from components.formatting import Lang, fmt_pct, fmt_signed
from components.i18n import t
from components.i18n_entities import ENTITIES_TEXT
from components.theme import FAINT_GRID_COLOR, OTHER_COLOR, TYPE_COLORS, apply_theme
from components.view_state import ViewState
from data import columns as c
from data.ceb.across import GOVERNMENT_CATEGORY
from data.combine import EVERYONE
from data.source import FundingSource

ID = "contributors"
COLUMNS = (
    c.YEAR,
    c.CATEGORY,
    c.VOLUNTARY,
    c.SHARE,
    c.CORE,
    c.EARMARKED,
    c.CORE_SHARE,
    c.ASSESSED,
    c.OTHER,
)
# The year from which the CEB data name the non-government contributor types in detail.
DETAILED_FROM = 2021
# One colour per contributor type, assets/theme.css's --iom-type-<key> (theme.TYPE_COLORS),
# the same in every year and chart; the remainders and any type not listed here are grey.
CATEGORY_PALETTE: dict[str, str] = {
    GOVERNMENT_CATEGORY: "government",
    "European Union": "eu",
    "Multilateral - UN Pooled Funds": "un-pooled-funds",
    "Multilateral - UN Orgs": "un-orgs",
    "Multilateral - Global Funds": "global-funds",
    "Multilateral - IFIs": "ifis",
    "Foundations": "foundations",
    "Private Sector": "private-sector",
    "NGOs": "ngos",
    "Academic": "academic",
    "Public Private Partnership": "ppp",
    "Non-Government": "non-government",
}


def category_color(category: str) -> str:
    """The type's fixed colour; grey for remainders ("Other ...") and unknown types."""
    name = CATEGORY_PALETTE.get(category)
    return OTHER_COLOR if name is None else TYPE_COLORS[name]


def category_label(category: str, lang: Lang) -> str:
    """The type in the chart's language; a type the texts do not know is shown as given."""
    key = f"contributors.category.{category}"
    return ENTITIES_TEXT[key][lang] if key in ENTITIES_TEXT else category


# the numbers -------------------------------------------------------------------------------------
def with_shares(types: pd.DataFrame) -> pd.DataFrame:
    """The types with their share of the year's voluntary revenue (missing where the year has
    none), in drawing order: per year as the data gives them."""
    total = types.groupby(c.YEAR)[c.VOLUNTARY].transform("sum")
    return types.assign(**{c.SHARE: (types[c.VOLUNTARY] / total).where(total > 0)})


def category_order(types: pd.DataFrame) -> list[str]:
    """Types with voluntary revenue in some year, bottom of the stack first: governments, then
    by their voluntary revenue over all years, the grey ones on top."""
    drawn = types[types[c.VOLUNTARY] != 0]
    totals = drawn.groupby(c.CATEGORY)[c.VOLUNTARY].sum().sort_values(ascending=False)
    names = [str(n) for n in totals.index]
    coloured = [n for n in names if n in CATEGORY_PALETTE and n != GOVERNMENT_CATEGORY]
    grey = [n for n in names if n not in CATEGORY_PALETTE]
    return [n for n in (GOVERNMENT_CATEGORY,) if n in names] + coloured + grey


def years_with_revenue(types: pd.DataFrame) -> pd.Series:
    """Voluntary revenue per year, for the years that had some."""
    totals = types.groupby(c.YEAR)[c.VOLUNTARY].sum()
    return totals[totals > 0]


# figure ------------------------------------------------------------------------------------------
def contributors_figure(types: pd.DataFrame, lang: Lang, captions: Captions) -> go.Figure:
    """Stacked bars per year, one trace per contributor type; negative sums below zero."""
    years = sorted(int(y) for y in types[c.YEAR].unique())
    traces = []
    for category in category_order(types):
        rows = types[types[c.CATEGORY] == category].set_index(c.YEAR).reindex(years)
        label = category_label(category, lang)
        hover = [
            ""
            if pd.isna(amount)
            else t(
                "contributors.hover",
                lang,
                category=label,
                year=year,
                amount=usd_m(float(amount), lang),
                share=fmt_pct(share, lang),
            )
            for year, amount, share in zip(years, rows[c.VOLUNTARY], rows[c.SHARE], strict=True)
        ]
        traces.append(
            go.Bar(
                x=years,
                y=[0.0 if pd.isna(v) else float(v) for v in rows[c.VOLUNTARY]],
                name=label,
                marker_color=category_color(category),
                customdata=[category] * len(years),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig = go.Figure(data=traces)
    fig.update_yaxes(
        title_text=t("contributors.axis", lang), tickformat=",d", gridcolor=FAINT_GRID_COLOR
    )
    fig.update_xaxes(
        tickvals=years,
        ticktext=[str(y) for y in years],
        title_text=t("contributors.axis_year", lang),
    )
    fig.update_layout(barmode="relative", bargap=0.25, height=520)
    themed = apply_theme(fig, lang, captions)
    # A dozen types do not fit in a row above the plot: on screen they stand at the right, in
    # the order of the stack (the image lays its legend out in rows, see ``contributors_image``).
    themed.update_layout(
        legend={
            "orientation": "v",
            "x": 1.02,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
            "traceorder": "reversed",
        }
    )
    return themed


# the image ---------------------------------------------------------------------------------------
# Types an image names in its legend; the others are drawn as one grey remainder. The legend of
# a memo image (756 px wide) takes two rows for that many, where a dozen types took six and ran
# into the footer.
IMAGE_TYPES = 5


def contributors_image(figure: go.Figure, lang: Lang) -> go.Figure:
    """The image copy: the largest ``IMAGE_TYPES`` types (governments first) as on screen and
    the rest stacked as one grey "other types (n)" whose name says how many it holds (the data
    file keeps every type); the legend in rows under the plot in the order of the stack, and no
    axis titles (the subtitle names the unit; the rotated one ran into it)."""
    kept, rest = list(figure.data[:IMAGE_TYPES]), list(figure.data[IMAGE_TYPES:])
    drawn = [*kept, *_remainder(figure, rest, lang)] if rest else kept
    out = go.Figure(data=drawn, layout=figure.layout)
    out.update_layout(legend={"orientation": "h", "traceorder": "normal"})
    return flowing_legend(without_axis_titles(out))


def _remainder(figure: go.Figure, rest: list[go.Bar], lang: Lang) -> tuple[go.Bar, go.Bar]:
    """The types in ``rest`` summed per year, positive sums above and negative ones below zero
    as the relative stack draws them; one legend entry for both."""
    years = [int(y) for y in figure.data[0].x]
    values = [[float(v) for v in bar.y] for bar in rest]
    totals = [sum(float(bar.y[i]) for bar in figure.data) for i in range(len(years))]
    label = t("contributors.image_other", lang, n=len(rest))
    bars = []
    for sign in (1, -1):
        sums = [sum(v[i] for v in values if v[i] * sign > 0) for i in range(len(years))]
        hover = [
            t(
                "contributors.hover",
                lang,
                category=label,
                year=year,
                amount=usd_m(amount, lang),
                share=fmt_pct(amount / total if total > 0 else None, lang),
            )
            if amount
            else ""
            for year, amount, total in zip(years, sums, totals, strict=True)
        ]
        bars.append(
            go.Bar(
                x=years,
                y=sums,
                name=label,
                marker_color=OTHER_COLOR,
                legendgroup="other",
                showlegend=sign > 0,
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return bars[0], bars[1]


# captions ----------------------------------------------------------------------------------------
def captions(model: FundingSource, state: ViewState, types: pd.DataFrame | None) -> Captions:
    """What is drawn, and what to know before comparing the years: coarser types before 2021,
    a source that names governments only, negative amounts; and that the Contributors choice
    does not narrow this chart."""
    lang = state.lang
    key, values = model.source_line()
    if types is None:
        title = t("contributors.title_empty", lang)
        notes: list[str] = []
    else:
        years = sorted(int(y) for y in types[c.YEAR].unique())
        title = t("contributors.title", lang, entity=model.entity, span=span(years))
        notes = []
        if set(types[c.CATEGORY]) <= {GOVERNMENT_CATEGORY}:
            notes.append(t("contributors.governments_only", lang))
        elif years[0] < DETAILED_FROM:
            notes.append(t("contributors.coarse", lang))
        if (types[c.VOLUNTARY] < 0).any():
            notes.append(t("contributors.negative", lang))
        else:
            notes.extend(negative_note(model, years, lang))
        if state.scope != EVERYONE:
            notes.append(t("contributors.all_scope", lang))
    return Captions(
        title=title,
        subtitle=t("contributors.subtitle", lang),
        source=t(key, lang, **values),
        notes=tuple(notes),
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(types: pd.DataFrame, entity: str, lang: Lang) -> str:
    """Governments' share of the voluntary revenue in the latest year with any, and its change
    in percentage points since the first such year the data has."""
    totals = years_with_revenue(types)
    if totals.empty:
        return sentence([t("contributors.takeaway_none", lang, entity=entity)])
    government = (
        types[types[c.CATEGORY] == GOVERNMENT_CATEGORY]
        .set_index(c.YEAR)[c.VOLUNTARY]
        .reindex(totals.index, fill_value=0.0)
        .astype("float64")
    )
    share = government / totals
    first, last = int(totals.index[0]), int(totals.index[-1])
    lead = t(
        "contributors.takeaway",
        lang,
        share=fmt_pct(float(share[last]), lang),
        entity=entity,
        year=last,
        amount=usd_m(float(government[last]), lang),
        total=usd_m(float(totals[last]), lang),
    )
    clauses = [lead]
    coarse = first < DETAILED_FROM and not set(types[c.CATEGORY]) <= {GOVERNMENT_CATEGORY}
    if first != last:
        points = round((float(share[last]) - float(share[first])) * 100, 1)
        first_share = fmt_pct(float(share[first]), lang)
        if points == 0:
            clauses.append(t("contributors.same", lang, first=first))
        else:
            change = fmt_signed(points, lang, 1)
            clauses.append(
                t("contributors.change", lang, change=change, first=first, first_share=first_share)
            )
    tail = [t("contributors.takeaway_coarse", lang)] if coarse else []
    return sentence([", ".join(clauses), *tail])


def takeaway(model: FundingSource, state: ViewState) -> str:
    types = model.contributor_types()
    if types is None or types.empty:
        return t("empty.needs_ceb", state.lang)
    return takeaway_text(types, model.entity, state.lang)


# the chart ---------------------------------------------------------------------------------------
def build(model: FundingSource, state: ViewState) -> ChartOutput:
    lang, found = state.lang, model.contributor_types()
    if found is None or found.empty:
        return empty_chart(captions(model, state, None), lang)
    types = with_shares(found)
    caps = captions(model, state, types)
    years = sorted(int(y) for y in types[c.YEAR].unique())
    return ChartOutput(
        fit_image=lambda figure: contributors_image(figure, lang),
        draw=lambda: contributors_figure(types, lang, caps),
        captions=caps,
        data_frame=types[list(COLUMNS)].reset_index(drop=True),
        unit=t("contributors.unit", lang),
        fact_ids=(),
        data_files=model.files,
        filters=filters(model, state, (t("export.filter.years", lang), span(years))),
    )


SPEC = ChartSpec(
    id=ID,
    tab=ids.TAB_CONTRIBUTORS,
    build=build,
    takeaway=takeaway,
    inputs=(),
)
