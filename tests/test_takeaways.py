"""Each chart's one-sentence takeaway, for every year and language, against values worked out by
hand from the scorecard (seed) and from the CEB 2024 file (the committed cut
tests/fixtures/ceb-2024-cut.csv, which holds every IOM row of the real export unchanged, so IOM's
figures are the real file's).

Hand calculations (USD million unless said otherwise):
- 2021: USA 668 / member-state total 1,602 = 41.70\u00a0%; NL 67 / 1,602 = 4.18\u00a0%, rank 6.
- 2022: USA 929 / 2,025 = 45.88\u00a0%, 929 / 668 - 1 = +39.07\u00a0%; NL 60 / 2,025 = 2.96\u00a0%, rank 8,
  60 / 67 - 1 = -10.45\u00a0%; CAN 132 / 2,025 = 6.52\u00a0%, rank 3, not listed in 2021.
- 2023: USA 1,365 / 2,623 = 52.04\u00a0%, 1,365 / 929 - 1 = +46.93\u00a0%; NL 62 / 2,623 = 2.36\u00a0%,
  rank 6, 62 / 60 - 1 = +3.33\u00a0%; CAN 214 / 2,623 = 8.16\u00a0%, 214 / 132 - 1 = +62.12\u00a0%. The
  scorecard's text gives NL 59.8 (p. 6) against the table's 62: 59.8 / 60 - 1 = -0.33\u00a0%.
- Earmarking 2022: 97\u00a0% earmarked, so 3\u00a0% core, against a guideline of at least 30\u00a0% core;
  after the reform 93\u00a0% earmarked (2023–2027).
- NL core contribution: EUR 2 million before 2023, EUR 3 million from 2023: +50\u00a0%.
- Budget: about USD 1.0 bn (2010), 2.1 bn (2019), 2.99 bn (2022): 2.99 / 1.0 - 1 = +199\u00a0% in
  12 years; 2.99^(1/12) - 1 = 9.56\u00a0% a year. Index: 100, 210, 299. The 2010 figure is
  approximate, so is all growth from it and every index on it.
- CEB 2024, IOM, voluntary (core + earmarked) of all governments: 2,707.316392; USA 1,524.265377
  = 56.30\u00a0%; NL 91.889898 = 3.39\u00a0%, rank 5; earmarked 2,682.03428 / 2,707.316392 = 99.07\u00a0%, core
  25.282112 / 2,707.316392 = 0.93\u00a0%; NL core 3.303965 / 91.889898 = 3.60\u00a0%; Denmark (rank 11)
  core 7.04122 / 37.641244 = 18.71\u00a0%; USA core 3.630428 / 1,524.265377 = 0.24\u00a0%.
"""

from __future__ import annotations

import pandas as pd
import pytest

from components.charts import (
    chart_state,
    chart_takeaway,
    earmarking,
    earmarking_side,
    over_time,
    ranking,
    wording,
)
from components.formatting import Lang
from data import ceb
from data import columns as c
from data.ceb_source import CebModel
from data.model import FundingModel
from data.scorecard_source import ScorecardModel
from tests.real_files import CEB_CUT


@pytest.fixture(scope="module")
def seed() -> FundingModel:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def ceb_frame() -> pd.DataFrame:
    """The committed cut of the CEB 2024 export: its IOM rows are the real file's, line for line."""
    return ceb.read_revenue_files([(CEB_CUT.name, CEB_CUT.read_bytes())])


@pytest.fixture(scope="module")
def loaded(seed: FundingModel, ceb_frame: pd.DataFrame) -> FundingModel:
    return CebModel.from_revenue(ceb_frame, "IOM", seed.tables, (CEB_CUT.name,))


@pytest.fixture(scope="module")
def two_years(seed: FundingModel, ceb_frame: pd.DataFrame) -> FundingModel:
    """The 2024 file plus a made-up 2023 with every amount at 80\u00a0%: every 2024 amount is then
    25\u00a0% more than in 2023, and every share the same."""
    earlier = ceb_frame.assign(
        **{c.YEAR: ceb_frame[c.YEAR] - 1, c.AMOUNT_USD: ceb_frame[c.AMOUNT_USD] * 0.8}
    )
    both = pd.concat([earlier, ceb_frame], ignore_index=True)
    return CebModel.from_revenue(both, "IOM", seed.tables, ("a.csv", "b.csv"))


# ranking, seed ----------------------------------------------------------------------------------
RANKING_NL = {
    2021: "Grootste donor van IOM in 2021: Verenigde Staten met USD\u00a0668\u00a0mln (41,7\u00a0% van het "
    "totaal van de lidstaten); Nederland: plaats 6 met USD\u00a067\u00a0mln (4,2\u00a0%).",
    2022: "Grootste donor van IOM in 2022: Verenigde Staten met USD\u00a0929\u00a0mln (45,9\u00a0% van het "
    "totaal van de lidstaten), 39,1\u00a0% meer dan in 2021; Nederland: plaats 8 met USD\u00a060\u00a0mln "
    "(3,0\u00a0%), 10,4\u00a0% minder dan in 2021.",
    2023: "Grootste donor van IOM in 2023: Verenigde Staten met USD\u00a01.365\u00a0mln (52,0\u00a0% van het "
    "totaal van de lidstaten), 46,9\u00a0% meer dan in 2022; Nederland: plaats 6 met USD\u00a062\u00a0mln "
    "(2,4\u00a0%), 3,3\u00a0% meer dan in 2022 (volgens de tabel; de tekst geeft USD\u00a059,8\u00a0mln: "
    "\u22120,3\u00a0%).",
}
RANKING_EN = {
    2021: "Largest donor to IOM in 2021: United States with USD\u00a0668\u00a0million (41.7% of the "
    "member-state total); Netherlands: rank 6 with USD\u00a067\u00a0million (4.2%).",
    2022: "Largest donor to IOM in 2022: United States with USD\u00a0929\u00a0million (45.9% of the "
    "member-state total), 39.1% more than in 2021; Netherlands: rank 8 with USD\u00a060\u00a0million "
    "(3.0%), 10.4% less than in 2021.",
    2023: "Largest donor to IOM in 2023: United States with USD\u00a01,365\u00a0million (52.0% of the "
    "member-state total), 46.9% more than in 2022; Netherlands: rank 6 with USD\u00a062\u00a0million "
    "(2.4%), 3.3% more than in 2022 (per the table; the text gives USD\u00a059.8\u00a0million: "
    "\u22120.3%).",
}


@pytest.mark.parametrize("year", [2021, 2022, 2023])
@pytest.mark.parametrize(("lang", "expected"), [("nl", RANKING_NL), ("en", RANKING_EN)])
def test_ranking_every_year(
    seed: FundingModel, year: int, lang: Lang, expected: dict[int, str]
) -> None:
    assert ranking.takeaway_text(seed, year, "NLD", None, lang) == expected[year]


@pytest.mark.parametrize(
    ("lang", "words"), [("nl", ("meer", "minder", "evenveel")), ("en", ("more", "less", "same"))]
)
def test_ranking_first_year_invents_no_change(
    seed: FundingModel, lang: Lang, words: tuple[str, ...]
) -> None:
    text = ranking.takeaway_text(seed, seed.years()[0], "NLD", None, lang)
    assert not any(word in text for word in words)


@pytest.mark.parametrize(
    ("year", "lang", "clause"),
    [
        (2021, "nl", "; Canada: niet genoemd in de bron voor 2021."),
        (2021, "en", "; Canada: not listed by the source for 2021."),
        # listed in 2022 but not in 2021: a place, no change
        (2022, "nl", "; Canada: plaats 3 met USD\u00a0132\u00a0mln (6,5\u00a0%)."),
        (
            2023,
            "nl",
            "; Canada: plaats 3 met USD\u00a0214\u00a0mln (8,2\u00a0%), 62,1\u00a0% meer dan in 2022.",
        ),
        (
            2023,
            "en",
            "; Canada: rank 3 with USD\u00a0214\u00a0million (8.2%), 62.1% more than in 2022.",
        ),
    ],
)
def test_ranking_other_highlighted_donors(
    seed: FundingModel, year: int, lang: Lang, clause: str
) -> None:
    assert ranking.takeaway_text(seed, year, "CAN", None, lang).endswith(clause)


@pytest.mark.parametrize("highlight", ["USA", "", None])
def test_ranking_without_a_second_donor(seed: FundingModel, highlight: str | None) -> None:
    text = ranking.takeaway_text(seed, 2023, highlight, None, "nl")
    assert text == RANKING_NL[2023].split(";")[0] + "."


# over time, seed --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("donor", "lang", "expected"),
    [
        (
            "NLD",
            "nl",
            "Nederland op de ranglijst: 2021 plaats 6 (USD\u00a067\u00a0mln), 2022 plaats 8 (USD\u00a060\u00a0mln) en "
            "2023 plaats 6 (USD\u00a062\u00a0mln); grootste donor in elk jaar: Verenigde Staten.",
        ),
        (
            "NLD",
            "en",
            "Netherlands in the ranking: 2021 rank 6 (USD\u00a067\u00a0million), 2022 rank 8 (USD\u00a060\u00a0"
            "million) and 2023 rank 6 (USD\u00a062\u00a0million); largest donor every year: United States.",
        ),
        (
            "CAN",
            "nl",
            "Canada op de ranglijst: 2021 niet genoemd, 2022 plaats 3 (USD\u00a0132\u00a0mln) en 2023 "
            "plaats 3 (USD\u00a0214\u00a0mln); grootste donor in elk jaar: Verenigde Staten.",
        ),
        (
            "USA",
            "en",
            "United States in the ranking: 2021 rank 1 (USD\u00a0668\u00a0million), 2022 rank 1 (USD\u00a0929\u00a0"
            "million) and 2023 rank 1 (USD\u00a01,365\u00a0million).",
        ),
        ("", "nl", "Grootste donor in elk jaar: Verenigde Staten."),
    ],
)
def test_over_time(seed: FundingModel, donor: str, lang: Lang, expected: str) -> None:
    assert over_time.takeaway_text(seed, donor, None, lang) == expected


# earmarking, NL core, budget: the same sentence whatever year is chosen --------------------------
EARMARKING = {
    "nl": "In 2022 was 97\u00a0% van de financiering van IOM geoormerkt en 3\u00a0% ongeoormerkt (kern), "
    "onder de Funding Compact-richtlijn van minstens 30\u00a0% ongeoormerkt; volgens MOPAN vermindert "
    "de hervorming van 2022 het geoormerkte deel maar in zeer beperkte mate: tot 93\u00a0% over "
    "2023–2027.",
    "en": "In 2022, 97% of IOM's funding was earmarked and 3% unearmarked (core), below the "
    "funding-compact guideline of at least 30% unearmarked; according to MOPAN, the 2022 reform "
    "reduces the earmarked part only to a very limited extent: to 93% over 2023–2027.",
}
NL_CORE = {
    "nl": "Nederland verhoogde zijn ongeoormerkte bijdrage aan IOM in 2023 van EUR\u00a02\u00a0mln naar "
    "EUR\u00a03\u00a0mln per jaar (+50\u00a0%).",
    "en": "The Netherlands raised its unearmarked contribution to IOM in 2023 from EUR\u00a02\u00a0million "
    "to EUR\u00a03\u00a0million a year (+50%).",
}
BUDGET = {
    # growth from the approximate 2010 budget, and every index on it, is approximate too
    (
        "nl",
        "absolute",
    ): "De begroting van IOM steeg van ongeveer USD\u00a01\u00a0mld in 2010 via USD\u00a02,1\u00a0"
    "mld in 2019 naar USD\u00a02,99\u00a0mld in 2022: ≈ +199\u00a0% in 12 jaar, gemiddeld ≈ 10\u00a0% per jaar.",
    (
        "en",
        "absolute",
    ): "IOM's budget grew from about USD\u00a01\u00a0billion in 2010 via USD\u00a02.1\u00a0billion "
    "in 2019 to USD\u00a02.99\u00a0billion in 2022: ≈ +199% in 12 years, ≈ 10% a year on average.",
    ("nl", "index"): "De begroting van IOM steeg van index ≈ 100 in 2010 via ≈ 210 in 2019 naar "
    "≈ 299 in 2022: ≈ +199\u00a0% in 12 jaar, gemiddeld ≈ 10\u00a0% per jaar.",
    ("en", "index"): "IOM's budget grew from index ≈ 100 in 2010 via ≈ 210 in 2019 to ≈ 299 in "
    "2022: ≈ +199% in 12 years, ≈ 10% a year on average.",
}


@pytest.mark.parametrize("year", [2021, 2022, 2023])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_year_independent_charts_every_year(seed: FundingModel, year: int, lang: Lang) -> None:
    state = chart_state(lang, year, "NLD")
    assert chart_takeaway("earmarking", seed, state) == EARMARKING[lang]
    assert chart_takeaway("earmarking_side", seed, state) == NL_CORE[lang]
    for mode in ("absolute", "index"):
        state = chart_state(lang, year, "NLD", budget=mode)
        assert chart_takeaway("budget", seed, state) == BUDGET[(lang, mode)]


@pytest.mark.parametrize("year", [2021, 2022, 2023])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_chart_takeaway_dispatches_with_the_view_selection(
    seed: FundingModel, year: int, lang: Lang
) -> None:
    state = chart_state(lang, year, "NLD")
    expected = (RANKING_NL if lang == "nl" else RANKING_EN)[year]
    assert chart_takeaway("ranking", seed, state) == expected
    assert chart_takeaway("over_time", seed, state) == over_time.takeaway_text(
        seed, "NLD", None, lang
    )


def test_a_year_the_data_lacks_falls_back_to_the_latest(seed: FundingModel) -> None:
    assert chart_takeaway("ranking", seed, chart_state("nl", 1999, "NLD")) == (RANKING_NL[2023])


# loaded CEB file ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            "Grootste donor van IOM in 2024: Verenigde Staten met USD\u00a01.524\u00a0mln (56,3\u00a0% van alle "
            "vrijwillige bijdragen van overheden); Nederland: plaats 5 met USD\u00a091,9\u00a0mln (3,4\u00a0%).",
        ),
        (
            "en",
            "Largest donor to IOM in 2024: United States with USD\u00a01,524\u00a0million (56.3% of all "
            "governments' voluntary contributions); Netherlands: rank 5 with USD\u00a091.9\u00a0million "
            "(3.4%).",
        ),
    ],
)
def test_ceb_ranking_has_no_previous_year(loaded: FundingModel, lang: Lang, expected: str) -> None:
    assert loaded.years() == [2024]
    assert ranking.takeaway_text(loaded, 2024, "NLD", 10, lang) == expected


def test_ceb_ranking_donor_outside_top_n(loaded: FundingModel) -> None:
    assert ranking.takeaway_text(loaded, 2024, "NLD", 3, "nl").endswith(
        "; Nederland: plaats 5, buiten de getoonde top 3, met USD\u00a091,9\u00a0mln (3,4\u00a0%)."
    )
    assert ranking.takeaway_text(loaded, 2024, "NLD", 3, "en").endswith(
        "; Netherlands: rank 5, outside the top 3 shown, with USD\u00a091.9\u00a0million (3.4%)."
    )


def test_ceb_ranking_compares_with_a_loaded_previous_year(two_years: FundingModel) -> None:
    text = ranking.takeaway_text(two_years, 2024, "NLD", 10, "nl")
    assert (
        "met USD\u00a01.524\u00a0mln (56,3\u00a0% van alle vrijwillige bijdragen van overheden), 25,0\u00a0% meer "
        "dan in 2023;"
    ) in text
    assert text.endswith(
        "; Nederland: plaats 5 met USD\u00a091,9\u00a0mln (3,4\u00a0%), 25,0\u00a0% meer dan in 2023."
    )
    first = ranking.takeaway_text(two_years, 2023, "NLD", 10, "en")
    assert "more than" not in first and "less than" not in first


@pytest.mark.parametrize(
    ("top", "lang", "expected"),
    [
        (
            10,
            "nl",
            "Nederland op de ranglijst: 2024 plaats 5 (USD\u00a091,9\u00a0mln); grootste donor in 2024: "
            "Verenigde Staten.",
        ),
        (
            3,
            "en",
            "Netherlands: not in the top 3 in any year; largest donor in 2024: United States.",
        ),
    ],
)
def test_ceb_over_time(loaded: FundingModel, top: int, lang: Lang, expected: str) -> None:
    assert over_time.takeaway_text(loaded, "NLD", top, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            "In 2024 was 99,1\u00a0% van de vrijwillige bijdragen van overheden aan IOM geoormerkt en "
            "0,9\u00a0% ongeoormerkt (kern), onder de Funding Compact-richtlijn van minstens 30\u00a0% "
            "ongeoormerkt.",
        ),
        (
            "en",
            "In 2024, 99.1% of governments' voluntary contributions to IOM were earmarked and 0.9% "
            "unearmarked (core), below the funding-compact guideline of at least 30% unearmarked.",
        ),
    ],
)
def test_ceb_earmarking(loaded: FundingModel, lang: Lang, expected: str) -> None:
    assert earmarking.takeaway_text(loaded, 2024, lang) == expected


def test_ceb_earmarking_names_the_previous_year_only_when_loaded(two_years: FundingModel) -> None:
    assert earmarking.takeaway_text(two_years, 2024, "nl").endswith(
        "ongeoormerkt, tegen 99,1\u00a0% geoormerkt in 2023."
    )
    assert "2022" not in earmarking.takeaway_text(two_years, 2023, "nl")


@pytest.mark.parametrize(
    ("donor", "top", "lang", "expected"),
    [
        (
            "NLD",
            10,
            "nl",
            "Geen van de 10 grootste overheidsdonoren van IOM in 2024 gaf minstens 30\u00a0% "
            "ongeoormerkt (Funding Compact-richtlijn); hoogste kernaandeel: Nederland, 3,6\u00a0% "
            "(USD\u00a03,3 van 91,9\u00a0mln).",
        ),
        (
            "DNK",
            10,
            "en",
            "None of the 10 largest government donors to IOM in 2024 gave at least 30% unearmarked "
            "(funding-compact guideline); highest core share: Netherlands, 3.6% (USD\u00a03.3 of 91.9\u00a0"
            "million); Denmark, outside the top 10: 18.7% (USD\u00a07.0 of 37.6\u00a0million).",
        ),
        (
            "NLD",
            1,
            "nl",
            "Grootste overheidsdonor van IOM in 2024: Verenigde Staten, 0,2\u00a0% ongeoormerkt (USD\u00a0"
            "3,6 van 1.524,3\u00a0mln), onder de Funding Compact-richtlijn van minstens 30\u00a0%; "
            "Nederland, buiten de top 1: 3,6\u00a0% (USD\u00a03,3 van 91,9\u00a0mln).",
        ),
    ],
)
def test_ceb_donor_core(
    loaded: FundingModel, donor: str, top: int, lang: Lang, expected: str
) -> None:
    assert (
        earmarking_side.donor_core_takeaway(loaded, _split(loaded), 2024, donor, top, lang)
        == expected
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ceb_side_chart_takeaway_follows_the_loaded_data(loaded: FundingModel, lang: Lang) -> None:
    state = chart_state(lang, 2024, "NLD", 10, entity="IOM")
    split = loaded.revenue_split(2024)
    assert split is not None
    assert chart_takeaway("earmarking_side", loaded, state) == earmarking_side.donor_core_takeaway(
        loaded, split, 2024, "NLD", 10, lang
    )
    assert chart_takeaway("earmarking_side", loaded, state) != NL_CORE[lang]


def _split(model: FundingModel) -> pd.DataFrame:
    split = model.revenue_split(2024)
    assert split is not None
    return split


# wording helpers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        ([], "nl", ""),
        (["a"], "nl", "a"),
        (["a", "b"], "en", "a and b"),
        (["a", "b", "c"], "nl", "a, b en c"),
    ],
)
def test_join_words(items: list[str], lang: Lang, expected: str) -> None:
    assert wording.join_words(items, lang) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (62.0, "USD\u00a062\u00a0mln"),
        (91.889898, "USD\u00a091,9\u00a0mln"),
        (1524.27, "USD\u00a01.524\u00a0mln"),
    ],
)
def test_amounts_keep_the_precision_the_chart_shows(value: float, expected: str) -> None:
    assert wording.usd_m(value, "nl") == expected
