"""The words of the export bars and the memo section, and which of them a control makes stale.

The text callback rebuilds only the charts ``stale_charts`` names, so a chart left out must come
out the same for both values of the control, or its export title and takeaway go out of date.
"""

from __future__ import annotations

import pytest
from dash import no_update

from components import ids
from components.charts import CHART_IDS, build_chart, chart_state, chart_takeaway, stale_charts
from components.export_bar import preset_options
from components.exports.assemble import copy_messages, default_subtitle
from components.exports.texts import (
    BAR_TEXT,
    MEMO_TEXT,
    chart_texts,
    chart_words,
    memo_options,
    static_texts,
)
from components.i18n import t
from data.scorecard_source import ScorecardModel
from data.source import FundingSource
from tests.export_helpers import BUDGET, RANKING, loaded_model


@pytest.fixture(scope="module")
def seed() -> FundingSource:
    return ScorecardModel.from_seed()


@pytest.fixture(scope="module")
def loaded(seed: FundingSource) -> FundingSource:
    return loaded_model(seed)


CONTROL_VALUES: dict[str, tuple[object, object]] = {
    ids.YEAR: (2021, 2023),
    ids.DONOR: ("NLD", "USA"),
    ids.TOP_N: (5, 10),
    ids.BUDGET_MODE: ("absolute", "index"),
}


def chart_texts_for(model: FundingSource, chart: str, **controls: object) -> tuple[object, ...]:
    """Everything the text callback writes for a chart: title, subtitle, takeaway, data."""
    state = chart_state(
        controls.get(ids.LANG, "nl"),
        controls.get(ids.YEAR, 2022),
        str(controls.get(ids.DONOR, "DEU")),
        controls.get(ids.TOP_N, 5),
        controls.get(ids.BUDGET_MODE, "absolute"),
    )
    built = build_chart(chart, model, state)
    return (
        built.captions.title,
        default_subtitle(built),
        chart_takeaway(chart, model, state),
        built.data_frame.to_csv(),
    )


@pytest.mark.parametrize("basis", ["seed", "loaded"])
@pytest.mark.parametrize("control", list(CONTROL_VALUES))
def test_a_control_leaves_the_texts_of_charts_it_does_not_mark_stale_unchanged(
    basis: str, control: str, request: pytest.FixtureRequest
) -> None:
    """The text callback rebuilds only ``stale_charts``: every other chart must come out the same
    for both values of the control, or its export title and takeaway would go out of date."""
    model: FundingSource = request.getfixturevalue(basis)
    before, after = CONTROL_VALUES[control]
    stale = stale_charts(control, model)
    changed = set()
    for chart in CHART_IDS:
        texts = [chart_texts_for(model, chart, **{control: v}) for v in (before, after)]
        if texts[0] != texts[1]:
            changed.add(chart)
    assert changed <= stale
    # and the set is not wider than it needs to be on the built-in data
    if basis == "seed":
        assert stale == changed


def test_any_other_trigger_rebuilds_every_chart(seed: FundingSource, loaded: FundingSource) -> None:
    for trigger in (ids.LANG, ids.DATASET, ids.ENTITY, None):
        assert stale_charts(trigger, seed) == set(CHART_IDS)
        assert stale_charts(trigger, loaded) == set(CHART_IDS)


def test_chart_texts_rebuild_only_the_stale_charts(seed: FundingSource) -> None:
    state = chart_state("en", 2023, "NLD")
    names = [BUDGET, RANKING]
    old = [{"value": name, "label": f"old {name}"} for name in CHART_IDS]
    takeaways, titles, subtitles, options = chart_texts(seed, state, names, {RANKING}, old)
    ranking = build_chart(RANKING, seed, state)
    assert takeaways == [no_update, chart_takeaway(RANKING, seed, state)]
    assert titles == [no_update, ranking.captions.title]
    assert subtitles == [no_update, default_subtitle(ranking)]
    labels = {option["value"]: option["label"] for option in options}
    assert [option["value"] for option in options] == list(CHART_IDS)
    assert labels[BUDGET] == f"old {BUDGET}"
    assert labels[RANKING] == t("export.memo.chart", "en", tab=t("tab.ranking", "en"),
                                title=ranking.captions.title)  # fmt: skip


def test_memo_options_without_old_labels_fall_back_to_the_chart_id() -> None:
    assert memo_options({}, "nl", None) == [
        {"disabled": False, "label": name, "value": name} for name in CHART_IDS
    ]


def test_memo_options_offer_a_chart_the_data_cannot_draw_disabled() -> None:
    seed = ScorecardModel.from_seed()
    state = chart_state("nl", 2023, "NLD")
    charts = {name: chart_words(name, seed, state) for name in ("ranking", "entities")}
    options = {o["value"]: o for o in memo_options(charts, "nl", None)}
    assert options["ranking"]["disabled"] is False
    assert options["entities"]["disabled"] is True


def test_static_texts_come_in_the_order_of_the_language_callback() -> None:
    texts = static_texts("nl", 2)
    assert len(texts) == len(BAR_TEXT) + 3 + len(MEMO_TEXT)
    bars, rest = texts[: len(BAR_TEXT)], texts[len(BAR_TEXT) :]
    assert list(bars) == [[t(key, "nl")] * 2 for key in BAR_TEXT.values()]
    assert rest[:3] == (
        [t("export.takeaway.copy_label", "nl")] * 2,
        [preset_options("nl")] * 2,
        [copy_messages("nl")] * 2,
    )
    assert rest[3:] == tuple(t(key, "nl") for key in MEMO_TEXT.values())
