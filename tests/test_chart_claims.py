"""components/charts/claims.py: the scorecard checked against CEB, on the hand-built history of
tests/claims_history.py (its figures worked out there), in both languages, and its empty state
on the scorecard."""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

from components import ids
from components.charts import CHART_IDS, CHART_VIEWS, claims
from components.charts.claims import EXPORT_COLUMNS, VERDICT_STYLE
from components.charts.claims_words import reason_text
from components.formatting import Lang
from components.i18n import t
from components.view_state import ViewState
from data.ceb_source import CebModel
from data.claims import check_claims
from data.model import FundingModel
from data.scorecard_source import ScorecardModel
from tests.claims_history import history_frame
from tests.table_cells import table_cells


@pytest.fixture(scope="module")
def seed() -> FundingModel:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def model(seed: FundingModel) -> FundingModel:
    """CEB data on UNHCR (not IOM: the claims are IOM's whatever entity is chosen)."""
    frame = history_frame()
    governments = frame[frame["category"] == "Government"]
    ceb = CebModel.from_revenue(governments, "UNHCR", seed.tables, ("test",), all_rows=frame)
    return dataclasses.replace(ceb, checked=check_claims(seed.tables, frame))


def state(lang: Lang) -> ViewState:
    return ViewState(lang, 2023, "NLD", ids.TAB_CLAIMS, "absolute")


def rows(output: Any) -> list[list[Any]]:
    """The cells of the table's body, as text."""
    return table_cells(output)[1]


def trace(figure: go.Figure, name: str) -> Any:
    return next(tr for tr in figure.data if tr.name == name)


# the empty state -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_scorecard_alone_says_which_data_the_check_needs(
    seed: FundingModel, lang: Lang
) -> None:
    out = claims.build(seed, state(lang))
    assert out.data_frame.empty and out.fact_ids == ()
    assert out.figure.layout.annotations[0].text == t("empty.needs_ceb", lang)
    assert out.captions.title == t("claims.title_empty", lang)
    assert claims.takeaway(seed, state(lang)) == t("claims.takeaway.needs_ceb", lang)
    assert claims.SPEC.panels[0].build(seed, state(lang)) == []


# the figure ----------------------------------------------------------------------------------------
def test_each_claim_with_a_figure_is_a_row_at_its_relative_difference(model: FundingModel) -> None:
    figure = claims.build(model, state("nl")).figure
    within = trace(figure, "binnen de afronding")
    nl_2023 = list(within.y).index("Nederland 2023 (p. 7)")
    assert within.x[nl_2023] == pytest.approx(100 * 0.18 / 62)
    differs = trace(figure, "wijkt af")
    deu_2022 = list(differs.y).index("Duitsland 2022 (p. 7)")
    assert differs.x[deu_2022] == pytest.approx(100 * (250 - 272) / 272)
    # 2019-2022: 40.4\u00a0% against 140\u00a0%, -71.2\u00a0%: at the edge (10\u00a0%), its value beside it
    growth = list(differs.y).index("Groei begroting 2019–2022 (p. 5)")
    assert differs.x[growth] == pytest.approx(-10.0)
    assert differs.text[growth] == "−71,2\u00a0%"
    assert differs.marker.symbol[growth] == "triangle-left"
    assert trace(figure, "komt overeen").marker.color == VERDICT_STYLE["agrees"][0]
    # ranks and statements are left to the table: 43 claims, 21 with a figure
    assert len(figure.layout.yaxis2.tickvals) == 21


def test_the_grey_band_is_the_scorecards_rounding(model: FundingModel) -> None:
    figure = claims.build(model, state("nl")).figure
    band = trace(figure, "afronding scorekaart")
    row = list(band.y).index("Nederland 2023 (p. 7)")
    assert band.base[row] == pytest.approx(-100 * 0.5 / 62)
    assert band.x[row] == pytest.approx(100 * 1 / 62)
    row = list(band.y).index("Begroting 2022 (p. 5, 8)")
    assert band.x[row] == pytest.approx(100 * 0.01 / 2.99)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("nl", "USD\u00a062 → 62,2\u00a0mln"), ("en", "USD\u00a062 → 62.2\u00a0million")],
)
def test_the_figures_stand_beside_their_row(model: FundingModel, lang: Lang, text: str) -> None:
    axis = claims.build(model, state(lang)).figure.layout.yaxis2
    labels = list(axis.tickvals)
    netherlands = "Nederland 2023 (p. 7)" if lang == "nl" else "Netherlands 2023 (p. 7)"
    assert axis.ticktext[labels.index(netherlands)] == text
    total = "Totaal lidstaten 2021 (p. 7)" if lang == "nl" else "Member-state total 2021 (p. 7)"
    expected = (
        "USD\u00a01.602 → 1.088,0\u00a0mln"
        if lang == "nl"
        else "USD\u00a01,602 → 1,088.0\u00a0million"
    )
    assert axis.ticktext[labels.index(total)] == expected


def test_the_image_puts_the_claims_on_one_row_per_group(model: FundingModel) -> None:
    """A fixed-size image has no room for a row per claim: the same dots, grouped."""
    image = claims.build(model, state("nl")).image_figure()
    assert list(image.layout.yaxis.ticktext) == [
        "Donortabel: bedragen (p. 7)",
        "Totaal lidstaten (p. 7)",
        "Nederland 2023, tekst (p. 6)",
        "Oormerken (p. 5, 9)",
        "Begroting en groei (p. 5, 8)",
    ]
    assert sum(len(tr.x) for tr in image.data) == 21
    # the totals differ by 20-32\u00a0%: on the edge, each with its value
    differs = trace(image, "wijkt af")
    totals = [
        (x, text) for x, y, text in zip(differs.x, differs.y, differs.text, strict=True) if y == 1
    ]
    assert sorted(totals) == [
        (-10.0, "−20,5\u00a0%"),
        (-10.0, "−32,1\u00a0%"),
        (-10.0, "−32,4\u00a0%"),
    ]


# captions, takeaway, data ----------------------------------------------------------------------------
def test_the_captions_count_the_claims_and_name_iom(model: FundingModel) -> None:
    caps = claims.build(model, state("nl")).captions
    assert caps.title == "De scorekaart getoetst aan CEB: 43 toetsbare cijfers en uitspraken"
    assert "entiteit IOM" in caps.source and "UNHCR" not in caps.source
    assert "p. 5, p. 6, p. 7, p. 8, p. 9" in caps.source
    assert caps.notes[-1] == (
        "Niet in de figuur: 13 plaatsen in de ranglijst (11 gelijk aan CEB) en 9 uitspraken "
        "zonder cijfer (7 kloppen met CEB); zie de tabel."
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "nl",
            "Van de 43 toetsbare cijfers en uitspraken in de scorekaart komen er 22 overeen met "
            "CEB, 6 binnen de afronding; 15 wijken af (grootste: groei begroting 2019–2022, "
            "140\u00a0% in de scorekaart, 40,4\u00a0% bij CEB).",
        ),
        (
            "en",
            "Of the 43 testable figures and statements in the scorecard, 22 agree with CEB, 6 "
            "within rounding; 15 differ (largest: budget growth 2019–2022, 140% in the "
            "scorecard, 40.4% in CEB).",
        ),
    ],
)
def test_the_takeaway_counts_the_verdicts(model: FundingModel, lang: Lang, text: str) -> None:
    assert claims.takeaway(model, state(lang)) == text


def test_the_takeaway_says_one_and_none(model: FundingModel) -> None:
    frame = model.claims()
    assert frame is not None
    two = frame[frame["claim"].isin(["donor_table.amount.2023.USA", "donor_table.amount.2023.DEU"])]
    assert claims.takeaway_text(model, two, "nl") == (
        "Van de 2 toetsbare cijfers en uitspraken in de scorekaart komt er 1 overeen met CEB, "
        "1 binnen de afronding; geen wijkt af."
    )
    one = frame[frame["claim"].isin(["donor_table.rank.2022.NLD"])]
    assert claims.takeaway_text(model, one, "en").endswith(
        "0 agree with CEB, 0 within rounding; 1 differs."
    )


@pytest.mark.parametrize(
    ("lang", "word"), [("nl", "binnen de afronding"), ("en", "within rounding")]
)
def test_the_data_is_the_claims_with_words_in_the_language(
    model: FundingModel, lang: Lang, word: str
) -> None:
    out = claims.build(model, state(lang))
    data = out.data_frame
    assert tuple(data.columns) == EXPORT_COLUMNS and len(data) == 43
    row = data[data["claim"] == "donor_table.amount.2023.NLD"].iloc[0]
    assert (row["verdict"], row["scorecard"], row["ceb"]) == (word, 62.0, pytest.approx(62.18))
    assert pd.api.types.is_float_dtype(data["difference_pct"])
    assert {"rank_2023_nld", "earmarked_share_mopan", "resources_growth_2019_2022"} <= set(
        out.fact_ids
    )
    assert out.filters == ((t("export.filter.entity", lang), "IOM"),)


# the table -------------------------------------------------------------------------------------------
def test_the_table_lists_every_claim_with_page_verdict_and_reason(model: FundingModel) -> None:
    table = claims.SPEC.panels[0].build(model, state("nl"))
    body = {row[0]: row for row in rows(table)}
    assert len(body) == 43
    german = body["Duitsland 2022"]
    assert german[1] == "USD\u00a0272\u00a0mln (p. 7)"
    assert german[3] == "−USD\u00a022,0\u00a0mln (−8,1\u00a0%)"
    assert german[5] == "ander jaar: CEB geeft USD\u00a0272,2\u00a0mln voor 2021"
    assert (
        body["Canada 2022"][5] == "met verplichte bijdragen erbij geeft CEB USD\u00a0132,2\u00a0mln"
    )
    assert body["Totaal lidstaten 2023"][5].startswith("CEB telt alle overheden")
    assert body["Canada 2023"][5] == "niet uit de CEB-cijfers te verklaren"
    assert body["Groei begroting 2019–2022"][5] == (
        "geen groei maar niveau: de inkomsten van 2022 zijn 140,4\u00a0% van die van 2019"
    )
    core = body["Nederland een van de grootste core-donoren, 2023"]
    assert core[5] == "plaats 2 van 2 overheden met ongeoormerkte bijdragen (grens: de grootste 10)"
    assert body["Nederland 2023: plaats"][3] == "0"


def test_the_reason_in_english(model: FundingModel) -> None:
    frame = model.claims()
    assert frame is not None
    share = frame[frame["claim"] == "earmarking.share.2022"].iloc[0]
    assert reason_text(share, "en") == "with assessed contributions included CEB gives 97.0%"


# registration ----------------------------------------------------------------------------------------
def test_the_chart_is_on_its_tab_and_no_control_changes_it(model: FundingModel) -> None:
    assert "claims" in CHART_IDS and CHART_VIEWS["claims"] == ids.TAB_CLAIMS
    assert claims.SPEC.controls_for(model) == frozenset()


def test_the_image_axis_title_sits_under_its_ticks(model: FundingModel) -> None:
    output = claims.build(model, state("en"))
    assert output.image_figure().layout.xaxis.title.standoff == 8
    assert output.figure.layout.xaxis.title.standoff is None
