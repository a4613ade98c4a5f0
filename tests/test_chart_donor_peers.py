"""The donor-across-the-UN charts (donor.py, donor_over_time.py) and the peers charts (peers.py,
peers_core.py), on a small revenue table whose every number is worked out below by hand.

USD million (the table holds plain USD), E = earmarked, K = core, A = assessed:

    IOM 2022  NLD E 10 · DEU E 70 · SWE K 20
    IOM 2023  NLD E 50 · DEU E 80 · SWE K 25 · FIN E 5
    IOM 2024  NLD K 10 E 30 A 1 · DEU E 100 · SWE K 20 E 5 · European Union E 200
    WFP 2023  NLD E 80
    WFP 2024  NLD E 90 K 10 · DEU E 300
    UNHCR 2024  NLD K 60 · SWE K 60 · FIN K 5

Government ranks at IOM: 2022 DEU 1, SWE 2, NLD 3; 2023 DEU 1, NLD 2, SWE 3, FIN 4; 2024 DEU 1,
NLD 2, SWE 3 (with the European Union, every contributor: EU 1, DEU 2, NLD 3). The Netherlands in
2024: WFP 100 (core 10\u00a0%, rank 2 after DEU 300), UNHCR 60 (core 100\u00a0%, rank 1 tied with SWE),
IOM 40 (core 25\u00a0%, rank 2): USD 200 million at three entities.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import pytest

from components import ids
from components.charts import donor, donor_over_time, peers, peers_core, registry
from components.charts.base import ChartSpec
from components.formatting import LANGS, Lang
from components.i18n import t
from components.theme import DIMMED_OPACITY, MUTED_COLOR, donor_color
from components.view_state import ViewState
from data import columns as c
from data.ceb_source import CebModel
from data.combine import in_scope
from data.scorecard_source import ScorecardModel

E, K, A = c.REV_EARMARKED, c.REV_CORE, c.REV_ASSESSED
NAMES = {
    "NLD": ("Netherlands", "Nederland"),
    "DEU": ("Germany", "Duitsland"),
    "SWE": ("Sweden", "Zweden"),
    "FIN": ("Finland", "Finland"),
    "EUR": ("European Union", "Europese Unie"),
}
ROWS = [
    ("IOM", 2022, "NLD", E, 10),
    ("IOM", 2022, "DEU", E, 70),
    ("IOM", 2022, "SWE", K, 20),
    ("IOM", 2023, "NLD", E, 50),
    ("IOM", 2023, "DEU", E, 80),
    ("IOM", 2023, "SWE", K, 25),
    ("IOM", 2023, "FIN", E, 5),
    ("IOM", 2024, "NLD", K, 10),
    ("IOM", 2024, "NLD", E, 30),
    ("IOM", 2024, "NLD", A, 1),
    ("IOM", 2024, "DEU", E, 100),
    ("IOM", 2024, "SWE", K, 20),
    ("IOM", 2024, "SWE", E, 5),
    ("IOM", 2024, "EUR", E, 200),
    ("WFP", 2023, "NLD", E, 80),
    ("WFP", 2024, "NLD", E, 90),
    ("WFP", 2024, "NLD", K, 10),
    ("WFP", 2024, "DEU", E, 300),
    ("UNHCR", 2024, "NLD", K, 60),
    ("UNHCR", 2024, "SWE", K, 60),
    ("UNHCR", 2024, "FIN", K, 5),
]


@pytest.fixture(scope="module")
def seed() -> ScorecardModel:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                c.DONOR_KEY: key,
                c.NAME_EN: NAMES[key][0],
                c.NAME_NL: NAMES[key][1],
                c.OFFICIAL_NAME: NAMES[key][0],
                c.ENTITY: entity,
                c.REV_TYPE: kind,
                c.YEAR: year,
                c.AMOUNT_USD: amount * 1e6,
                c.CATEGORY: "European Union" if key == "EUR" else "Government",
            }
            for entity, year, key, kind, amount in ROWS
        ]
    )


def ceb(
    frame: pd.DataFrame, seed: ScorecardModel, entity: str = "IOM", scope: str = "governments"
) -> CebModel:
    """The model the provider builds: the ranked rows in scope, every row for the views across."""
    return CebModel.from_revenue(
        in_scope(frame, scope), entity, seed.tables, ("test",), scope=scope, all_rows=frame
    )


@pytest.fixture(scope="module")
def iom(frame: pd.DataFrame, seed: ScorecardModel) -> CebModel:
    return ceb(frame, seed)


def state(lang: Lang = "nl", donor_key: str = "NLD", **changes: Any) -> ViewState:
    """The view of 2024 with the Netherlands highlighted, IOM chosen, no peers picked."""
    return replace(
        ViewState(lang, 2024, donor_key, ids.TAB_DONOR, "absolute", entity="IOM"), **changes
    )


# a donor across the UN in one year ---------------------------------------------------------------
def test_bars_largest_on_top_labelled_with_amount_core_share_and_rank(iom: CebModel) -> None:
    bars = donor.build(iom, state()).figure.data[0]
    assert list(bars.y) == ["IOM", "UNHCR", "WFP"]  # drawn bottom-up: WFP, the largest, on top
    assert list(bars.x) == [40.0, 60.0, 100.0]
    assert list(bars.text) == [
        "USD\u00a040\u00a0mln · kern 25,0\u00a0% · plaats 2",
        "USD\u00a060\u00a0mln · kern 100,0\u00a0% · plaats 1",  # tied with Sweden: both first
        "USD\u00a0100\u00a0mln · kern 10,0\u00a0% · plaats 2",
    ]
    english = donor.build(iom, state("en")).figure.data[0]
    assert english.text[0] == "USD\u00a040\u00a0million · core 25.0% · rank 2"


def test_the_chosen_entity_is_outlined_the_others_dimmed(iom: CebModel) -> None:
    bars = donor.build(iom, state()).figure.data[0]
    assert list(bars.marker.opacity) == [1.0, DIMMED_OPACITY, DIMMED_OPACITY]
    assert list(bars.marker.line.width) == [2, 0, 0]
    assert bars.marker.color == donor_color("NLD")


def test_profile_data_are_the_numbers_drawn(iom: CebModel) -> None:
    out = donor.build(iom, state())
    data = out.data_frame
    assert list(data[c.ENTITY]) == ["WFP", "UNHCR", "IOM"]
    assert list(data[c.VOLUNTARY]) == pytest.approx([100.0, 60.0, 40.0])
    assert list(data[c.CORE_SHARE]) == pytest.approx([0.1, 1.0, 0.25])
    assert list(data[c.RANK]) == [2, 1, 2]
    assert list(data[c.ASSESSED]) == pytest.approx([0.0, 0.0, 1.0])  # apart, not in the bars
    assert set(data[c.NAME_NL]) == {"Nederland"}
    assert out.filters == (
        ("Jaar", "2024"),
        ("Gemarkeerde donor", "Nederland"),
        ("VN-entiteit", "IOM"),
    )


def test_rank_among_every_contributor_when_all_are_ranked(
    frame: pd.DataFrame, seed: ScorecardModel
) -> None:
    model = ceb(frame, seed, scope="all")
    out = donor.build(model, state(scope="all"))
    assert (
        out.figure.data[0].text[0] == "USD\u00a040\u00a0mln · kern 25,0\u00a0% · plaats 3"
    )  # EU, DEU, NLD
    assert "plaats onder de bijdragers" in out.captions.subtitle
    assert "overheidsdonoren" in donor.build(model, state()).captions.subtitle


def test_profile_takeaway_names_the_largest_entity_and_the_chosen_one(iom: CebModel) -> None:
    assert donor.takeaway(iom, state()) == (
        "Nederland, 2024: USD\u00a0200\u00a0mln vrijwillig aan 3 VN-organisaties; het meest aan WFP "
        "(USD\u00a0100\u00a0mln, kern 10,0\u00a0%, plaats 2); IOM: USD\u00a040\u00a0mln, kern 25,0\u00a0%, plaats 2 onder de "
        "overheidsdonoren, nummer 3 van de 3 organisaties, 20,0\u00a0% minder dan in 2023."
    )
    assert donor.takeaway(iom, state("en")) == (
        "Netherlands, 2024: USD\u00a0200\u00a0million in voluntary contributions to 3 UN entities; most to "
        "WFP (USD\u00a0100\u00a0million, core 10.0%, rank 2); IOM: USD\u00a040\u00a0million, core 25.0%, rank 2 among "
        "its government donors, number 3 of the 3 entities, 20.0% less than in 2023."
    )


def test_profile_takeaway_when_the_chosen_entity_is_the_largest(
    frame: pd.DataFrame, seed: ScorecardModel
) -> None:
    wfp = ceb(frame, seed, "WFP")
    assert donor.takeaway(wfp, state()) == (
        "Nederland, 2024: USD\u00a0200\u00a0mln vrijwillig aan 3 VN-organisaties; het meest aan WFP "
        "(USD\u00a0100\u00a0mln, kern 10,0\u00a0%, plaats 2), 25,0\u00a0% meer dan in 2023."
    )


def test_profile_takeaway_of_a_donor_absent_at_the_entity(iom: CebModel) -> None:
    assert donor.takeaway(iom, state(donor_key="FIN")) == (
        "Finland, 2024: USD\u00a05\u00a0mln vrijwillig, alleen aan UNHCR (kern 100,0\u00a0%, plaats 3); "
        "IOM: geen vrijwillige bijdrage in 2024."
    )
    # the year before the first year of the data is never compared with
    assert "2021" not in donor.takeaway(iom, state(year=2022))


def test_a_donor_without_contributions_gets_a_message(iom: CebModel) -> None:
    out = donor.build(iom, state(donor_key="XXX"))
    assert out.data_frame.empty
    assert out.figure.layout.annotations[0].text == t("donor_profile.none", "nl")
    assert donor.takeaway(iom, state(donor_key="XXX")) == (
        "XXX: geen vrijwillige bijdrage aan een VN-organisatie in 2024 volgens deze gegevens."
    )


# the donor over the years -------------------------------------------------------------------------
def test_over_time_lines_of_the_entity_and_the_largest_others(iom: CebModel) -> None:
    out = donor_over_time.build(iom, state())
    lines = {trace.name: trace for trace in out.figure.data}
    assert list(lines) == ["IOM", "WFP", "UNHCR"]
    assert list(lines["IOM"].x) == [2022, 2023, 2024]
    assert list(lines["IOM"].y) == [10.0, 50.0, 40.0]
    assert list(lines["WFP"].y) == [None, 80.0, 100.0]  # no contribution in 2022: a gap
    assert list(lines["UNHCR"].y) == [None, None, 60.0]
    assert lines["IOM"].line.color == donor_color("NLD")
    assert lines["WFP"].line.color == MUTED_COLOR
    assert out.captions.subtitle.endswith("naast IOM: WFP en UNHCR (grootste andere in 2024)")
    assert list(out.data_frame[c.ENTITY]) == ["IOM", "IOM", "IOM", "WFP", "WFP", "UNHCR"]
    assert list(out.data_frame[c.RANK]) == [3, 2, 2, 1, 2, 1]


def test_over_time_keeps_four_other_entities() -> None:
    profile = pd.DataFrame(
        {
            c.YEAR: [2024] * 6 + [2023],
            c.ENTITY: ["A", "B", "C", "D", "E", "F", "G"],
            c.VOLUNTARY: [6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 9.0],
        }
    )
    assert donor_over_time.shown_entities(profile, "C", 2024) == ["C", "A", "B", "D", "E"]
    # an entity the donor never gave to draws no line of its own
    assert donor_over_time.shown_entities(profile, "X", 2024) == ["A", "B", "C", "D"]


def test_end_labels_are_moved_apart() -> None:
    labels = [("a", 2024, 100.0, "k"), ("b", 2024, 102.0, "k"), ("c", 2023, 101.0, "k")]
    assert donor_over_time.spread(labels, gap=10.0) == [
        ("c", 2023, 101.0, "k"),
        ("a", 2024, 100.0, "k"),
        ("b", 2024, 110.0, "k"),
    ]


def test_over_time_takeaway(iom: CebModel) -> None:
    assert donor_over_time.takeaway(iom, state()) == (
        "Nederland aan IOM: van USD\u00a010\u00a0mln in 2022 naar USD\u00a040\u00a0mln in 2024 (+300,0\u00a0%); het hoogst "
        "in 2023 (USD\u00a050\u00a0mln); grootste organisatie in 2024: WFP (USD\u00a0100\u00a0mln)."
    )
    assert donor_over_time.takeaway(iom, state("en", "FIN")) == (
        "Finland to IOM: a voluntary contribution in 2023 only (USD\u00a05\u00a0million); largest entity "
        "in 2024: UNHCR (USD\u00a05\u00a0million)."
    )


# the donor beside its peers -----------------------------------------------------------------------
def test_default_peers_are_those_the_data_has(iom: CebModel) -> None:
    assert peers.peer_keys(iom, state()) == ["DEU", "SWE", "FIN"]
    assert peers.peer_keys(iom, state(peers=("SWE", "GBR", "NLD"))) == ["SWE"]
    assert peers.peer_keys(iom, state(donor_key="DEU")) == ["SWE", "FIN"]


def test_rank_lines_per_donor(iom: CebModel) -> None:
    out = peers.build(iom, state())
    lines = {trace.name: list(trace.y) for trace in out.figure.data}
    assert lines == {
        "Nederland": [3, 2, 2],
        "Duitsland": [1, 1, 1],
        "Zweden": [2, 3, 3],
        "Finland": [None, 4, None],
    }
    assert out.figure.data[0].line.width == 4  # the highlighted donor drawn heavier
    assert out.figure.layout.yaxis.range == (4.6, 0.4)  # rank 1 on top
    assert "een rang hangt niet af van de valuta" in out.captions.subtitle
    assert out.filters[-1] == ("Vergelijk met", "Duitsland, Zweden, Finland")
    assert list(out.data_frame[c.RANK][out.data_frame[c.YEAR] == 2024]) == [2, 1, 3]


def test_rank_takeaway(frame: pd.DataFrame, seed: ScorecardModel, iom: CebModel) -> None:
    assert peers.takeaway(iom, state()) == (
        "Nederland bij IOM: plaats 2 in 2024, tegen plaats 3 in 2022; hoger: Duitsland (1); "
        "lager: Zweden (3); zonder vrijwillige bijdrage in 2024: Finland."
    )
    assert peers.takeaway(iom, state("en", peers=("SWE",))) == (
        "Netherlands at IOM: rank 2 in 2024, against rank 3 in 2022; ranked lower: Sweden (3)."
    )
    unhcr = ceb(frame, seed, "UNHCR")
    assert peers.takeaway(unhcr, state()) == (
        "Nederland bij UNHCR: plaats 1 in 2024; even hoog: Zweden (1); lager: Finland (3)."
    )


def test_core_share_lines_and_guideline(iom: CebModel) -> None:
    out = peers_core.build(iom, state())
    lines = {trace.name: list(trace.y) for trace in out.figure.data}
    assert lines == {
        "Nederland": [0.0, 0.0, 0.25],
        "Duitsland": [0.0, 0.0, 0.0],
        "Zweden": [1.0, 1.0, 0.8],
        "Finland": [None, 0.0, None],
    }
    assert out.figure.layout.shapes[0].y0 == pytest.approx(0.3)
    assert out.fact_ids  # the guideline drawn is a published fact


def test_core_share_takeaway(iom: CebModel) -> None:
    assert peers_core.takeaway(iom, state()) == (
        "Nederland bij IOM: kernaandeel 25,0\u00a0% in 2024, tegen 0,0\u00a0% in 2022; hoogste van de "
        "vergeleken donoren in 2024: Zweden (80,0\u00a0%); op of boven de richtlijn van 30\u00a0% in 2024: "
        "Zweden."
    )
    assert peers_core.takeaway(iom, state("en", peers=("DEU",))) == (
        "Netherlands at IOM: core share 25.0% in 2024, against 0.0% in 2022; highest of the "
        "peers in 2024: Germany (0.0%); in 2024 none of the donors shown reached the guideline "
        "of 30%."
    )


def test_peers_control_and_its_words() -> None:
    div = peers.settings(state(peers=("DEU", "SWE")))
    label, dropdown = div.children
    assert (label.id, dropdown.id) == (ids.PEERS_LABEL, ids.PEERS)
    assert dropdown.multi is True
    assert dropdown.value == ["DEU", "SWE"]
    assert peers.texts("en")[(ids.PEERS_LABEL, "children")] == "Compare with"


# the scorecard, which has none of these figures ----------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "spec", [donor.SPEC, donor_over_time.SPEC, peers.SPEC, peers_core.SPEC], ids=lambda s: s.id
)
def test_the_scorecard_shows_which_data_the_chart_needs(
    seed: ScorecardModel, spec: ChartSpec, lang: Lang
) -> None:
    view = state(lang, year=2023)
    out = spec.build(seed, view)
    assert out.data_frame.empty
    assert out.figure.layout.annotations[0].text == t("empty.needs_ceb", lang)
    assert spec.takeaway(seed, view) == t("empty.needs_ceb", lang)
    assert spec.controls_for(seed) == frozenset()  # no control redraws a message


def test_registered_on_their_tabs(iom: CebModel) -> None:
    tabs = {spec.id: spec.tab for spec in registry.CHARTS}
    assert tabs["donor_profile"] == tabs["donor_over_time"] == ids.TAB_DONOR
    assert tabs["peers"] == tabs["peers_core"] == ids.TAB_PEERS
    assert registry.stale_charts(ids.PEERS, iom) == {"peers", "peers_core"}
    assert {"donor_profile", "donor_over_time"} <= registry.stale_charts(ids.YEAR, iom)


# the image copies ---------------------------------------------------------------------------------
def test_the_image_shows_the_largest_bars_and_says_so() -> None:
    """14 entities, N the 13th largest and chosen: the 10 largest plus N, and a note."""
    names = [chr(ord("A") + i) for i in range(14)]
    rows = pd.DataFrame(
        {
            c.ENTITY: names,
            c.VOLUNTARY: [float(14 - i) for i in range(14)],
            c.CORE: 0.0,
            c.EARMARKED: [float(14 - i) for i in range(14)],
            c.CORE_SHARE: 0.0,
            c.RANK: 1,
        }
    )
    caps = donor.Captions("title", "subtitle", "source")
    image = donor.donor_image(rows, "nl", "NLD", "M", "donoren", caps)
    assert list(image.data[0].y) == ["M", *reversed(names[:10])]  # drawn bottom-up
    assert (
        image.layout.xaxis.title.text
        == "11 van 14 getoond; alle organisaties staan in het gegevensbestand"
    )
    english = donor.donor_image(rows, "en", "NLD", "B", "donors", caps)
    assert len(english.data[0].y) == 10
    assert english.layout.xaxis.title.text == "10 of 14 shown; the data file has every organisation"


def test_an_image_with_every_bar_has_no_note(iom: CebModel) -> None:
    out = donor.build(iom, state())
    image = out.image_figure()
    assert list(image.data[0].y) == list(out.figure.data[0].y)
    assert image.layout.xaxis.title.text == t("donor_profile.axis", "nl")


def test_line_images_drop_end_labels_and_flow_their_legend(iom: CebModel) -> None:
    over_time = donor_over_time.build(iom, state())
    ends = {a.text for a in over_time.figure.layout.annotations if a.name == "end-label"}
    assert ends == {"IOM", "WFP", "UNHCR"}
    image = over_time.image_figure()
    assert not [a for a in image.layout.annotations if a.name == "end-label"]
    assert len(image.data) == 3 and image.layout.legend.traceorder == "grouped"
    rank = peers.build(iom, state("en")).image_figure()
    assert rank.layout.yaxis.title.text == "Rank"
    assert peers.build(iom, state()).figure.layout.yaxis.title.text == "Rang (1 = grootste)"
    core = peers_core.build(iom, state()).image_figure()
    assert len({trace.legendgroup for trace in core.data}) == len(core.data) == 4
