"""Which model a request sees: seed, start-up files, or only its own session's upload."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from data import ceb
from data import columns as c
from data.model import FundingModel
from data.provider import STARTUP_ID, ModelProvider, Revenue
from data.store import DatasetStore, DiskcacheBackend, new_session_id
from tests.real_files import CEB_FILE


@pytest.fixture(scope="module")
def revenue() -> pd.DataFrame:
    if not CEB_FILE.is_file():
        pytest.skip(f"real CEB export not found at {CEB_FILE}")
    return ceb.read_revenue_files([(CEB_FILE.name, CEB_FILE.read_bytes())])


@pytest.fixture
def store(tmp_path: Path) -> DatasetStore:
    return DatasetStore(DiskcacheBackend(tmp_path / "store", size_limit_bytes=200 * 1024 * 1024))


def test_without_data_every_session_sees_the_seed(store: DatasetStore) -> None:
    provider = ModelProvider(FundingModel.from_seed(), store)
    model = provider.model(new_session_id(), None, None)
    assert model.basis == "scorecard"
    assert model.years() == [2021, 2022, 2023]
    assert provider.entities(None, None) == []


def test_upload_is_seen_by_its_session_only(store: DatasetStore, revenue: pd.DataFrame) -> None:
    provider = ModelProvider(FundingModel.from_seed(), store)
    owner, other = new_session_id(), new_session_id()
    dataset_id = store.put(owner, revenue, [CEB_FILE.name])
    mine = provider.model(owner, dataset_id, "IOM")
    assert mine.basis == "revenue"
    assert mine.years() == [2024]
    assert mine.ranking(2024, top_n=1)[c.DONOR_KEY].iloc[0] == "USA"
    # Another session holding the same dataset id still gets the built-in data.
    assert provider.model(other, dataset_id, "IOM").basis == "scorecard"


def test_a_second_worker_sees_the_upload(tmp_path: Path, revenue: pd.DataFrame) -> None:
    """Two providers over one store directory stand for two gunicorn workers."""
    directory = tmp_path / "shared-store"
    first = ModelProvider(
        FundingModel.from_seed(), DatasetStore(DiskcacheBackend(directory, size_limit_bytes=10**8))
    )
    second = ModelProvider(
        FundingModel.from_seed(), DatasetStore(DiskcacheBackend(directory, size_limit_bytes=10**8))
    )
    session = new_session_id()
    dataset_id = first.store.put(session, revenue, [CEB_FILE.name])
    model = second.model(session, dataset_id, "IOM")
    assert model.basis == "revenue"
    assert model.total(2024) == pytest.approx(first.model(session, dataset_id, "IOM").total(2024))


def test_entity_choice_and_fallback(store: DatasetStore, revenue: pd.DataFrame) -> None:
    provider = ModelProvider(FundingModel.from_seed(), store, Revenue(revenue, (CEB_FILE.name,)))
    assert provider.default_entity(None, None) == "IOM"
    assert "WFP" in provider.entities(None, STARTUP_ID)
    wfp = provider.model(None, None, "WFP")
    assert wfp.entity == "WFP"
    # An unknown entity falls back to IOM instead of failing.
    assert provider.model(None, None, "NOT-AN-ENTITY").entity == "IOM"
    # Models are built once per dataset and entity.
    assert provider.model(None, None, "WFP") is wfp
