"""Dask: checking a bag of paths and a DataFrame of documents on 2 worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import flowdown
import flowdown.dask

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.mark.slow
def test_bag_on_two_worker_processes(client: object, contracts: Path) -> None:
    import dask.bag as db

    paths = [str(p) for p in sorted(contracts.rglob("*.*"))] + [str(contracts / "missing.txt")]
    bag = db.from_sequence(paths, npartitions=2)
    results = flowdown.dask.check_bag(bag, pack=flowdown.Pack.builtin())
    report = flowdown.dask.to_report(results)
    assert report == flowdown.check_many(paths, jobs=1)
    assert report.documents[0]["prohibition"].status == "satisfied"
    assert report.documents[3].error is not None
    # The work ran in both worker processes.
    workers = client.scheduler_info()["workers"]  # type: ignore[attr-defined]
    assert len(workers) == 2


@pytest.mark.slow
def test_dataframe_on_two_worker_processes(client: object, contracts: Path) -> None:
    import dask.dataframe as dd
    import pandas as pd

    paths = [str(p) for p in sorted(contracts.rglob("*.*"))]
    frame = dd.from_pandas(pd.DataFrame({"path": paths}), npartitions=2)
    rows = flowdown.dask.check_dataframe(frame).compute()
    expected = flowdown.check_many(paths, jobs=1).to_pandas()
    assert list(rows.columns) == list(expected.columns)
    assert len(rows) == 3 * 11
    assert list(rows["status"].astype(str)) == list(expected["status"].astype(str))
    assert rows["status"].dtype == expected["status"].dtype
