"""Pure builders of the non-chart pieces: key-figure cards, tables, notes and source rows."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, cast

import pandas as pd
from dash import dcc, html

from components.formatting import (
    MONEY_UNITS,
    Lang,
    fmt_money,
    fmt_number,
    fmt_pct,
    fmt_published,
    shown_decimals,
)
from components.i18n import t
from components.money_words import conversion, published_money
from data import columns as c
from data.model import KeyFigures
from data.source import FundingSource


def _card(label: str, value: str, detail: str, card_id: str) -> html.Div:
    return html.Div(
        [
            html.Div(label, className="kpi-label"),
            html.Div(value, className="kpi-value"),
            html.Div(detail, className="kpi-detail"),
        ],
        className="kpi",
        id=card_id,
    )


def kpi_cards(model: FundingSource, kf: KeyFigures, lang: Lang) -> list[html.Div]:
    """The headline numbers; a figure from another year than the chosen one says which."""
    return [
        _card(
            t(f"kpi.total.{model.measure}", lang, year=kf.year),
            fmt_money(kf.total, lang),
            t("kpi.includes_negative", lang) if model.includes_negative(kf.year) else "",
            "kpi-total",
        ),
        _card(
            t("kpi.top", lang, year=kf.year),
            model.donor_name(kf.top_donor, lang),
            f"{fmt_money(kf.top_amount, lang)} · {fmt_pct(kf.top_share, lang)}",
            "kpi-top",
        ),
        _card(
            t("kpi.earmarked", lang, year=kf.earmarked_year),
            # Published as a whole percentage; computed from CEB sums, one decimal, so 99.7 %
            # does not read as "100 %".
            fmt_pct(kf.earmarked_share, lang, 0 if model.revenue_by_year() is None else 1),
            year_note(kf.earmarked_year, kf.year, lang),
            "kpi-earmarked",
        ),
        _budget_card(model, kf, lang),
    ]


def year_note(shown: int, chosen: int, lang: Lang) -> str:
    """Why a card shows another year than the chosen one: the latest value before it, or, where
    the documents give none before, the first one after (a reader must not take it for the
    chosen year's); nothing for the chosen year itself."""
    if shown == chosen:
        return ""
    key = "kpi.note_earlier_year" if shown < chosen else "kpi.note_later_year"
    return t(key, lang, year=shown, chosen=chosen)


def _budget_card(model: FundingSource, kf: KeyFigures, lang: Lang) -> html.Div:
    """IOM's published budget, or for another entity its total revenue in the data (the
    published budget is IOM's alone)."""
    if not kf.budget_published:
        return _card(
            t("kpi.revenue_total", lang, year=kf.budget_year),
            fmt_money(kf.budget, lang, scale="bn", decimals=2),
            t("kpi.revenue_total_note", lang),
            "kpi-budget",
        )
    amount = fmt_money(kf.budget, lang, scale="bn", digits=fmt_published(kf.budget, lang))
    return _card(
        t("kpi.budget", lang, year=kf.budget_year),
        f"≈ {amount}" if _approximate_budget(model, kf.budget_year) else amount,
        year_note(kf.budget_year, kf.year, lang),
        "kpi-budget",
    )


def _approximate_budget(model: FundingSource, year: int) -> bool:
    """Whether the documents give the year's budget only approximately ("ongeveer 1 miljard"),
    so the card keeps the sign the chart and table show."""
    series = model.budget()
    qualifier = series.loc[series[c.YEAR] == year, c.QUALIFIER]
    return bool((qualifier == "approx").fillna(False).any())


def radio_group(radio: dcc.RadioItems, label_id: str) -> html.Div:
    """Radio buttons announced with their visible label (a <label for> cannot point at a group)."""
    return html.Div(radio, role="radiogroup", **cast(dict[str, Any], {"aria-labelledby": label_id}))


@dataclass(frozen=True)
class ModeSwitch:
    """A chart's own switch between two or more readings of it (amounts or an index, amounts
    or their change), drawn above the chart as a labelled segmented radio group. The layout
    and the language callback take its words from ``texts``, so the two never differ."""

    control: str  # the radio group's id (a control of ``callbacks.context.CONTROL_ARGS``)
    label_id: str
    label_key: str  # the catalogue key of its label
    option_key: str  # the catalogue key of an option, with ``{mode}`` for the mode
    modes: tuple[str, ...]

    def options(self, lang: Lang) -> list[dict[str, str]]:
        return [{"label": t(self.option_key.format(mode=m), lang), "value": m} for m in self.modes]

    def texts(self, lang: Lang) -> dict[tuple[str, str], Any]:
        """The switch's words in ``lang``, by (component id, property)."""
        return {
            (self.label_id, "children"): t(self.label_key, lang),
            (self.control, "options"): self.options(lang),
        }

    def settings(self, value: str, lang: Lang) -> html.Div:
        """The switch at ``value``, with its label."""
        words = self.texts(lang)
        radio = dcc.RadioItems(
            id=self.control,
            value=value,
            options=words[(self.control, "options")],
            inline=True,
            className="segmented",
        )
        return html.Div(
            [
                html.Span(
                    words[(self.label_id, "children")], id=self.label_id, className="control-label"
                ),
                radio_group(radio, self.label_id),
            ],
            className="control control-inline",
        )


# The inline components a cell may hold, as the tags they are written with.
_CELL_TAGS: dict[type, str] = {
    html.B: "b",
    html.Strong: "strong",
    html.Small: "small",
    html.Span: "span",
    html.Em: "em",
    html.I: "i",
}


def _cell_text(text: str) -> str:
    """Text as markup that shows exactly that text. Braces too are entities: dcc.Markdown
    reads its HTML as JSX, where ``{…}`` would be an expression."""
    escaped = escape(text, quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def _cell_markup(cell: Any) -> str:
    """A table cell's content as markup: text and numbers escaped, a few inline components
    (bold, small print, a line break, a span with a class) as their tags; anything else is a
    programming error."""
    if cell is None:
        return ""
    if isinstance(cell, (list, tuple)):
        return "".join(_cell_markup(part) for part in cell)
    if isinstance(cell, html.Br):
        return "<br/>"
    tag = _CELL_TAGS.get(type(cell))
    if tag is not None:
        part = cast(Any, cell)
        css = getattr(part, "className", None)
        opening = f'<{tag} class="{escape(css, quote=True)}">' if css else f"<{tag}>"
        return f"{opening}{_cell_markup(part.children)}</{tag}>"
    if isinstance(cell, (str, int, float)):
        return _cell_text(str(cell))
    raise TypeError(f"a table cell cannot hold {type(cell).__name__}")


def table(header: list[str], rows: list[list[Any]], class_name: str = "data-table") -> dcc.Markdown:
    """A data table as one component: a real ``<table>`` written out and drawn by dcc.Markdown.

    Why not ``html.Table``: every cell would be a Dash component of its own, and Dash's
    renderer pays for each on every store update. The over-time table (about 1,800 cells)
    froze the browser for 12 s when its tab opened; as one component it costs milliseconds.
    Every text is escaped here, so a name from a file stays text (tests/test_panels.py)."""
    head = "".join(f'<th scope="col">{_cell_text(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell_markup(v)}</td>" for v in r) + "</tr>" for r in rows
    )
    markup = (
        f'<table class="{escape(class_name, quote=True)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return dcc.Markdown(markup, dangerously_allow_html=True, className="table-markup")


def format_fact_value(row: pd.Series, lang: Lang) -> str:
    """A fact's value as published, with its qualifier ('about', 'more than') and unit; an
    amount of money currency first, as every other amount (``ongeveer USD 1 mld``)."""
    value = float(row[c.VALUE])
    decimals = shown_decimals(value, 3)
    unit = str(row[c.UNIT])
    if unit == "year":
        text = str(int(value))
    elif unit == "%":
        text = fmt_pct(value / 100, lang, decimals)
    elif unit in MONEY_UNITS:
        # as published, first: a converted amount follows, marked (components/money_words.py)
        text = published_money(row, lang)
        converted = conversion(row, lang)
        text = f"{text} ({converted})" if converted else text
    else:
        text = f"{fmt_number(value, lang, decimals)} {t('unit.' + unit, lang)}"
    qualifier = row[c.QUALIFIER]
    if isinstance(qualifier, str) and qualifier:
        text = f"{t('qualifier.' + qualifier, lang)} {text}"
    return text


def _source_short(model: FundingSource, row: pd.Series, lang: Lang) -> str:
    source = str(row[c.SOURCE_ID])
    label = t("source.scorecard" if source == "scorecard_2024" else "source.factsheet", lang).split(
        ": ", 1
    )[1]
    page = row[c.PAGE]
    return f"{label}, {t('source.page', lang, page=int(page))}" if not pd.isna(page) else label


def organisation_cards(model: FundingSource, lang: Lang) -> list[html.Div]:
    """One card per metric with its value per year, each value with its source."""
    facts = model.organisation()
    cards = []
    for metric, group in facts.groupby(c.METRIC, sort=False):
        group = group.drop_duplicates([c.YEAR, c.VALUE]).sort_values(c.YEAR)
        items = [
            html.Li(
                [
                    html.Span(format_fact_value(r, lang), className="fact-value"),
                    html.Span(
                        f" ({int(r[c.YEAR])})" if not pd.isna(r[c.YEAR]) else "",
                        className="fact-year",
                    ),
                    html.Div(
                        _source_short(model, r, lang),
                        className="fact-source",
                        title=str(r[c.QUOTE_NL]),
                    ),
                ]
            )
            for _, r in group.iterrows()
        ]
        cards.append(
            html.Div([html.H3(t(f"metric.{metric}", lang)), html.Ul(items)], className="fact-card")
        )
    return cards


def relevance_table(model: FundingSource, lang: Lang) -> dcc.Markdown:
    rel = model.tables.relevance
    p_col, r_col = (c.PRIORITY_NL, c.RATING_NL) if lang == "nl" else (c.PRIORITY_EN, c.RATING_EN)
    rows = [
        [r[p_col], html.Span(r[r_col], className=f"rating rating-{int(r[c.RATING_LEVEL])}")]
        for _, r in rel.iterrows()
    ]
    return table([t("organisation.priority", lang), t("organisation.rating", lang)], rows)


def notes_box(contradictions: pd.DataFrame, lang: Lang) -> list[html.Div]:
    """Contradictions that affect a view, shown beside its chart."""
    column = c.TEXT_NL if lang == "nl" else c.TEXT_EN
    return [
        html.Div(
            [html.B(t(f"sources.kind.{r[c.KIND]}", lang) + ": "), r[column]],
            className=f"note note-{r[c.KIND]}",
        )
        for _, r in contradictions.iterrows()
    ]


def source_rows(model: FundingSource, lang: Lang) -> list[dict[str, Any]]:
    """Every fact as a row of the sources grid, labels in the chosen language."""
    facts = model.tables.facts
    sources = model.tables.sources.set_index(c.SOURCE_ID)
    title_col = c.SOURCE_TITLE_NL if lang == "nl" else c.SOURCE_TITLE_EN
    note_col = c.NOTE_NL if lang == "nl" else c.NOTE_EN
    rows = []
    for _, r in facts.iterrows():
        rows.append(
            {
                "id": r[c.FACT_ID],
                "metric": t(f"metric.{r[c.METRIC]}", lang),
                "value": float(r[c.VALUE]),
                "value_text": format_fact_value(r, lang),
                "year": None if pd.isna(r[c.YEAR]) else int(r[c.YEAR]),
                "donor": "" if pd.isna(r[c.DONOR]) else model.donor_name(str(r[c.DONOR]), lang),
                "rank": None if pd.isna(r[c.RANK]) else int(r[c.RANK]),
                "source": sources.at[r[c.SOURCE_ID], title_col],
                "file": sources.at[r[c.SOURCE_ID], c.SOURCE_FILE],
                "section": r[c.SECTION],
                "table": "" if pd.isna(r[c.TABLE]) else r[c.TABLE],
                "page": None if pd.isna(r[c.PAGE]) else int(r[c.PAGE]),
                "line": int(r[c.LINE_IN_SOURCE]),
                "quote": " ".join(str(r[c.QUOTE_NL]).split()),
                "note": "" if pd.isna(r[note_col]) else r[note_col],
            }
        )
    return rows


SOURCE_COLUMNS = (
    ("metric", "col.metric", 230),
    ("value_text", "col.value", 140),
    ("year", "col.year", 80),
    ("donor", "col.donor", 140),
    ("rank", "col.rank", 80),
    ("source", "col.source", 220),
    ("section", "col.section", 260),
    ("page", "col.page", 80),
    ("line", "col.line", 90),
    ("quote", "col.quote", 380),
    ("note", "col.note", 320),
    ("file", "col.file", 200),
)


def source_columns(lang: Lang) -> list[dict[str, Any]]:
    """AG Grid column definitions with headers in the chosen language."""
    numeric = {"year", "rank", "page", "line"}
    return [
        {
            "field": field,
            "headerName": t(key, lang),
            "width": width,
            "sortable": True,
            "filter": "agNumberColumnFilter" if field in numeric else "agTextColumnFilter",
            "wrapText": field in {"quote", "note", "section"},
            "autoHeight": field in {"quote", "note"},
            "tooltipField": field if field in {"quote", "note"} else None,
        }
        for field, key, width in SOURCE_COLUMNS
    ]


def organisation_view(model: FundingSource, lang: Lang) -> tuple[list[Any], list[Any]]:
    """The organisation tab: fact cards with their notes, and the relevance table; both are
    about IOM, which a reader looking at another entity is told first."""
    relevance = [html.H2(t("organisation.relevance", lang)), relevance_table(model, lang)]
    notes = notes_box(model.contradictions("organisation"), lang)
    about = (
        []
        if model.published_applies()
        else [html.P(t("organisation.iom_only", lang, entity=model.entity), className="note")]
    )
    return [*about, *organisation_cards(model, lang), *notes], relevance


def sources_view(
    model: FundingSource, lang: Lang
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Any]]:
    """The sources tab: the grid's columns and rows, and every contradiction listed."""
    listed = [html.H2(t("sources.contradictions", lang)), *notes_box(model.contradictions(), lang)]
    return source_columns(lang), source_rows(model, lang), listed
