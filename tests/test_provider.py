"""Which model a request sees: seed, start-up files, or only its own session's upload."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from data import ceb
from data import columns as c
from data.ceb_source import CebModel
from data.provider import STARTUP_ID, ModelProvider, Revenue
from data.scorecard_source import ScorecardModel
from data.store import DatasetStore, DiskcacheBackend, new_session_id
from tests.real_files import CEB_CUT, CEB_FILE, needs_ceb


@pytest.fixture(scope="module")
def revenue() -> pd.DataFrame:
    """The committed cut of the CEB 2024 export (IOM, WFP, UNHCR and WTO), so nothing skips."""
    return ceb.read_revenue_files([(CEB_CUT.name, CEB_CUT.read_bytes())])


@pytest.fixture
def store(tmp_path: Path) -> DatasetStore:
    return DatasetStore(DiskcacheBackend(tmp_path / "store", size_limit_bytes=200 * 1024 * 1024))


def test_without_data_every_session_sees_the_seed(store: DatasetStore) -> None:
    provider = ModelProvider(ScorecardModel.from_seed(), store)
    model = provider.model(new_session_id(), None, None)
    assert isinstance(model, ScorecardModel)
    assert model.years() == [2021, 2022, 2023]
    assert provider.entities(None, None) == []


def test_upload_is_seen_by_its_session_only(store: DatasetStore, revenue: pd.DataFrame) -> None:
    provider = ModelProvider(ScorecardModel.from_seed(), store)
    owner, other = new_session_id(), new_session_id()
    dataset_id = store.put(owner, revenue, [CEB_CUT.name])
    mine = provider.model(owner, dataset_id, "IOM")
    assert isinstance(mine, CebModel)
    assert mine.years() == [2024]
    assert mine.ranking(2024, top_n=1)[c.DONOR_KEY].iloc[0] == "USA"
    # Another session holding the same dataset id still gets the built-in data.
    assert isinstance(provider.model(other, dataset_id, "IOM"), ScorecardModel)


def test_a_second_worker_sees_the_upload(tmp_path: Path, revenue: pd.DataFrame) -> None:
    """Two providers over one store directory stand for two gunicorn workers."""
    directory = tmp_path / "shared-store"
    first = ModelProvider(
        ScorecardModel.from_seed(),
        DatasetStore(DiskcacheBackend(directory, size_limit_bytes=10**8)),
    )
    second = ModelProvider(
        ScorecardModel.from_seed(),
        DatasetStore(DiskcacheBackend(directory, size_limit_bytes=10**8)),
    )
    session = new_session_id()
    dataset_id = first.store.put(session, revenue, [CEB_CUT.name])
    model = second.model(session, dataset_id, "IOM")
    assert isinstance(model, CebModel)
    assert model.total(2024) == pytest.approx(first.model(session, dataset_id, "IOM").total(2024))


def test_entity_choice_and_fallback(store: DatasetStore, revenue: pd.DataFrame) -> None:
    provider = ModelProvider(ScorecardModel.from_seed(), store, Revenue(revenue, (CEB_CUT.name,)))
    assert provider.default_entity(None, None) == "IOM"
    assert "WFP" in provider.entities(None, STARTUP_ID)
    wfp = provider.model(None, None, "WFP")
    assert wfp.entity == "WFP"
    # An unknown entity falls back to IOM instead of failing.
    assert provider.model(None, None, "NOT-AN-ENTITY").entity == "IOM"
    # Models are built once per dataset and entity.
    assert provider.model(None, None, "WFP") is wfp


def test_entities_are_those_of_the_data(store: DatasetStore, revenue: pd.DataFrame) -> None:
    # the cut holds every row of four entities (tests/fixtures/README.md); sorted, as offered
    provider = ModelProvider(ScorecardModel.from_seed(), store, Revenue(revenue, (CEB_CUT.name,)))
    assert provider.entities(None, STARTUP_ID) == ["IOM", "UNHCR", "WFP", "WTO"]


@needs_ceb
def test_entities_of_the_full_real_file(store: DatasetStore) -> None:
    # 47 distinct entities in column 2, counted with Python's csv.reader over the file
    frame = ceb.read_revenue_files([(CEB_FILE.name, CEB_FILE.read_bytes())])
    provider = ModelProvider(ScorecardModel.from_seed(), store, Revenue(frame, (CEB_FILE.name,)))
    entities = provider.entities(None, STARTUP_ID)
    assert len(entities) == 47
    assert {"IOM", "UNHCR", "WFP", "WTO", "UNICEF", "WHO"} <= set(entities)
    assert provider.default_entity(None, STARTUP_ID) == "IOM"
