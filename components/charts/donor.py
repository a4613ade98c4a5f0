"""One donor across the UN in one year: its voluntary contribution to every UN entity.

So that IOM can be set beside UNHCR, WFP or UNICEF for the same donor: one bar per entity the
donor gave voluntary money to in the year (largest first, the chosen entity highlighted), each
labelled with the amount, the donor's core share there and its rank among the entity's
contributors. Drawn from ``model.donor_profile(donor)``, which only a source covering several
entities offers; on any other the chart says which data it needs.
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
    chart_year,
    donor_rows,
    empty_chart,
    filters,
)
from components.charts.image_tidy import tight_axis_title
from components.charts.wording import change_clause, sentence, usd_m
from components.formatting import Lang, fmt_number, fmt_pct, shown_decimals
from components.i18n import t
from components.theme import (
    DIMMED_OPACITY,
    GRID_COLOR,
    TEXT_COLOR,
    apply_theme,
    donor_color,
    footer_lines,
)
from components.view_state import DEFAULT_DONOR, SCOPES, ViewState
from data import columns as c
from data.source import FundingSource

ID = "donor_profile"
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
    c.ASSESSED,
    c.OTHER,
)


# shared with donor_over_time ---------------------------------------------------------------------
def chart_donor(state: ViewState) -> str:
    """The donor the chart is about: the highlighted one, the Netherlands when none is."""
    return state.donor or DEFAULT_DONOR


def ranked_among(state: ViewState, lang: Lang) -> str:
    """Who a rank is among ("overheidsdonoren" / "contributors"): the contributors in scope."""
    scope = state.scope if state.scope in SCOPES else SCOPES[0]
    return t(f"peers.ranked.{scope}", lang)


def year_rows(profile: pd.DataFrame, year: int) -> pd.DataFrame:
    """The donor's entities in ``year``, largest voluntary contribution first (then by name,
    so equal amounts keep one order)."""
    rows = profile[profile[c.YEAR] == year]
    return rows.sort_values(
        [c.VOLUNTARY, c.ENTITY], ascending=[False, True], kind="stable", ignore_index=True
    )


def with_names(rows: pd.DataFrame, model: FundingSource, donor: str) -> pd.DataFrame:
    """Profile rows with the donor's key and names, for the data behind a chart."""
    return rows.assign(
        **{
            c.DONOR_KEY: donor,
            c.NAME_EN: model.donor_name(donor, "en"),
            c.NAME_NL: model.donor_name(donor, "nl"),
        }
    )


def source_line(model: FundingSource, lang: Lang, drawn: bool) -> str:
    """The source's own line; where the chart is drawn, followed by the note that it spans
    every entity of the data (the line names only the chosen one)."""
    key, values = model.source_line()
    line = t(key, lang, **values)
    return f"{line}; {t('donor_profile.source', lang)}" if drawn else line


# figure ------------------------------------------------------------------------------------------
def amount_text(value: float, lang: Lang) -> str:
    """USD million as the labels write it: whole from 10 up, else up to one decimal (two
    below 1): 1.234, 92, 7,9 and 0,04, without padding ("7,0")."""
    size = abs(value)
    return fmt_number(
        value, lang, 0 if size >= 10 else shown_decimals(value, 1 if size >= 1 else 2)
    )


def bar_label(row: pd.Series, lang: Lang) -> str:
    """'USD 92 mln · kern 3,6 % · plaats 5'."""
    return t(
        "donor_profile.label",
        lang,
        amount=amount_text(float(row[c.VOLUNTARY]), lang),
        core=fmt_pct(row[c.CORE_SHARE], lang),
        rank=int(row[c.RANK]),
    )


def donor_figure(
    rows: pd.DataFrame,
    lang: Lang,
    donor: str,
    entity: str | None,
    ranked: str,
    captions: Captions,
) -> go.Figure:
    """Horizontal bars in the donor's colour, largest on top; the chosen entity outlined and
    the others dimmed (when the chosen entity is among them)."""
    drawn = rows.iloc[::-1]  # plotly draws the first category at the bottom
    entities = [str(e) for e in drawn[c.ENTITY]]
    marked = entity in entities
    hover = [
        t(
            "donor_profile.hover",
            lang,
            amount=fmt_number(float(r[c.VOLUNTARY]), lang, 1),
            core=fmt_number(float(r[c.CORE]), lang, 1),
            share=fmt_pct(r[c.CORE_SHARE], lang),
            earmarked=fmt_number(float(r[c.EARMARKED]), lang, 1),
            rank=int(r[c.RANK]),
            ranked=ranked,
        )
        for _, r in drawn.iterrows()
    ]
    fig = go.Figure(
        go.Bar(
            x=[float(v) for v in drawn[c.VOLUNTARY]],
            y=entities,
            orientation="h",
            marker={
                "color": donor_color(donor),
                "opacity": [1.0 if not marked or e == entity else DIMMED_OPACITY for e in entities],
                "line": {"color": TEXT_COLOR, "width": [2 if e == entity else 0 for e in entities]},
            },
            text=[bar_label(r, lang) for _, r in drawn.iterrows()],
            textposition="outside",
            cliponaxis=False,
            customdata=entities,
            hovertext=hover,
            hovertemplate="<b>%{y}</b><br>%{hovertext}<extra></extra>",
        )
    )
    fig.update_xaxes(
        title_text=t("donor_profile.axis", lang),
        gridcolor=GRID_COLOR,
        range=[0, float(drawn[c.VOLUNTARY].max()) * 1.6],
    )
    fig.update_yaxes(
        automargin=True,
        tickvals=entities,
        ticktext=[f"<b>{e}</b>" if e == entity else e for e in entities],
    )
    lines = footer_lines(captions)
    fig.update_layout(
        showlegend=False,
        bargap=0.25,
        height=max(420, 190 + 28 * len(entities) + 16 * lines),
    )
    return apply_theme(fig, lang, captions)


# image -------------------------------------------------------------------------------------------
# Bars a memo image (a plot about 150 px tall) can label legibly; the screen shows them all.
IMAGE_BARS = 10
IMAGE_LABEL_SIZE = 10
IMAGE_TICK_SIZE = 11


def image_rows(rows: pd.DataFrame, entity: str | None, limit: int = IMAGE_BARS) -> pd.DataFrame:
    """The ``limit`` largest entities, plus the chosen one where it is not among them, in the
    same order (largest first)."""
    by_size = pd.Series(range(len(rows)), index=rows.index)
    return rows[(by_size < limit) | (rows[c.ENTITY] == entity)]


def donor_image(
    rows: pd.DataFrame,
    lang: Lang,
    donor: str,
    entity: str | None,
    ranked: str,
    captions: Captions,
) -> go.Figure:
    """The image copy: only the largest bars (``image_rows``), labels at a fixed size that
    plotly may not shrink to the bar's thickness, and, where bars were left out, a line under
    the axis title saying how many are shown and that the data file has them all (the axis
    title itself repeats the subtitle and gives that line its room)."""
    shown = image_rows(rows, entity)
    fig = tight_axis_title(donor_figure(shown, lang, donor, entity, ranked, captions))
    fig.update_traces(textfont_size=IMAGE_LABEL_SIZE, constraintext="none")
    fig.update_yaxes(tickfont_size=IMAGE_TICK_SIZE)
    if len(shown) < len(rows):
        note = t("donor_profile.image_note", lang, shown=len(shown), total=len(rows))
        fig.update_xaxes(title_text=note, title_font_size=IMAGE_TICK_SIZE)
    return fig


# captions ----------------------------------------------------------------------------------------
def captions(
    model: FundingSource, state: ViewState, year: int, rows: pd.DataFrame | None
) -> Captions:
    """``rows``: the entities drawn, ``None`` where the source cannot draw the chart (then the
    words name neither donor nor year: no control changes a chart that is not drawn)."""
    lang, donor = state.lang, chart_donor(state)
    subtitle = t("donor_profile.subtitle", lang, ranked=ranked_among(state, lang))
    if rows is None:
        return Captions(
            t("donor_profile.title_empty", lang), subtitle, source_line(model, lang, False)
        )
    notes = []
    if rows is not None and not rows.empty:
        notes.append(t("donor_profile.apart_note", lang))
        notes.append(t("donor_profile.rank_note", lang, ranked=ranked_among(state, lang)))
        if model.entity in set(rows[c.ENTITY]):
            notes.append(t("donor_profile.highlight_note", lang, entity=model.entity))
    return Captions(
        title=t("donor_profile.title", lang, donor=model.donor_name(donor, lang), year=year),
        subtitle=subtitle,
        source=source_line(model, lang, True),
        notes=tuple(notes),
    )


# takeaway ----------------------------------------------------------------------------------------
def takeaway_text(model: FundingSource, profile: pd.DataFrame, state: ViewState, year: int) -> str:
    """The donor's voluntary total across the UN and where most of it went, then its amount,
    core share and rank at the chosen entity, with the change against the year before where
    the data has that year."""
    lang, donor = state.lang, chart_donor(state)
    name, entity = model.donor_name(donor, lang), model.entity
    rows = year_rows(profile, year)
    if rows.empty:
        return sentence([t("donor_profile.takeaway.none", lang, donor=name, year=year)])
    top = rows.iloc[0]
    lead = t(
        "donor_profile.takeaway.many" if len(rows) > 1 else "donor_profile.takeaway.one",
        lang,
        donor=name,
        year=year,
        total=usd_m(float(rows[c.VOLUNTARY].sum()), lang),
        n=len(rows),
        top=str(top[c.ENTITY]),
        amount=usd_m(float(top[c.VOLUNTARY]), lang),
        core=fmt_pct(top[c.CORE_SHARE], lang),
        rank=int(top[c.RANK]),
    )
    change = _change(profile, entity, year, lang)
    if str(top[c.ENTITY]) == entity:
        return sentence([f"{lead}, {change}" if change else lead])
    at_entity = rows.index[rows[c.ENTITY] == entity]
    if at_entity.empty:
        clause = t("donor_profile.takeaway.entity_none", lang, entity=entity, year=year)
    else:
        row = rows.loc[at_entity[0]]
        clause = t(
            "donor_profile.takeaway.entity",
            lang,
            entity=entity,
            amount=usd_m(float(row[c.VOLUNTARY]), lang),
            core=fmt_pct(row[c.CORE_SHARE], lang),
            rank=int(row[c.RANK]),
            ranked=ranked_among(state, lang),
            position=int(at_entity[0]) + 1,
            n=len(rows),
        )
        clause = f"{clause}, {change}" if change else clause
    return sentence([lead, clause])


def _change(profile: pd.DataFrame, entity: str, year: int, lang: Lang) -> str:
    """'46,9 % meer dan in 2023' at ``entity``, where the donor gave there in both years."""
    at = profile[profile[c.ENTITY] == entity].set_index(c.YEAR)[c.VOLUNTARY]
    if year not in at.index or year - 1 not in at.index:
        return ""
    return change_clause((float(at[year - 1]), year - 1), float(at[year]), lang)


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
        return empty_chart(captions(model, state, year, None), lang)
    rows = year_rows(profile, year)
    caps = captions(model, state, year, rows)
    if rows.empty:
        return empty_chart(caps, lang, "donor_profile.none")
    ranked, entity = ranked_among(state, lang), model.entity
    return ChartOutput(
        draw=lambda: donor_figure(rows, lang, donor, entity, ranked, caps),
        fit_image=lambda _screen: donor_image(rows, lang, donor, entity, ranked, caps),
        captions=caps,
        data_frame=donor_rows(with_names(rows, model, donor), lang, COLUMNS),
        unit=t("unit.usd_m", lang),
        fact_ids=(),
        data_files=model.files,
        filters=filters(
            model, state, (t("export.filter.year", lang), str(year)), pd.Series([donor])
        ),
    )


def offers_profile(model: FundingSource) -> bool:
    """Whether the source has one donor's figures at every entity (CEB data does)."""
    return model.donor_profile(DEFAULT_DONOR) is not None


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
