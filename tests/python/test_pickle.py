"""Pickling packs and results, in-process and across worker processes."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest

import flowdown
from conftest import PROHIBITION, REPO

CUSTOM_PACK = REPO / "crates" / "flowdown" / "packs" / "nato-cthb-2023.toml"


T = TypeVar("T")


def _roundtrip(obj: T) -> T:
    result: T = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    return result


def test_pack_roundtrip() -> None:
    pack = flowdown.Pack.builtin()
    back = _roundtrip(pack)
    assert back == pack
    assert isinstance(back, flowdown.Pack)
    assert [r.id for r in back.requirements] == [r.id for r in pack.requirements]
    loaded = flowdown.load_pack(CUSTOM_PACK)
    assert _roundtrip(loaded) == loaded
    # An unpickled pack judges like the original.
    assert flowdown.check_text(PROHIBITION, pack=back) == flowdown.check_text(PROHIBITION)


def test_results_roundtrip(contracts: Path) -> None:
    report = flowdown.check(contracts)
    assert _roundtrip(report) == report
    doc = report.documents[0]
    assert _roundtrip(doc) == doc
    result = doc["prohibition"]
    assert result.status == "satisfied"
    assert _roundtrip(result) == result
    evidence = result.evidence[0]
    assert _roundtrip(evidence) == evidence
    assert _roundtrip(report).to_json() == report.to_json()


def _check_in_worker(path: str, pack: flowdown.Pack) -> flowdown.DocumentResult:
    return flowdown.check(path, pack=pack).documents[0]


@pytest.mark.slow
def test_results_travel_between_processes(contracts: Path) -> None:
    pack = flowdown.Pack.builtin()
    paths = [str(p) for p in sorted(contracts.rglob("*.*"))]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        docs = list(pool.map(_check_in_worker, paths, [pack] * len(paths)))
    assert flowdown.Report(docs) == flowdown.check(contracts)
