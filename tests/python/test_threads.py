"""Checks release the interpreter: other Python threads run while the engine works."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import flowdown
from conftest import PROHIBITION


def test_check_many_releases_the_interpreter(tmp_path: Path) -> None:
    body = PROHIBITION + "".join(
        f"{i}. The Supplier shall deliver the goods listed in Schedule {i} on time.\n"
        for i in range(2, 400)
    )
    paths = []
    for i in range(12):
        path = tmp_path / f"c{i}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)

    ticks: list[float] = []
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        report = flowdown.check_many(paths, jobs=1)
        end = time.perf_counter()
    finally:
        stop.set()
        ticker.join()
    assert len(report) == 12
    assert end - start > 0.05, "the batch is long enough to tell"
    # The ticker ran well inside the call: the engine did not hold the interpreter.
    inside = [t for t in ticks if start + 0.02 < t < end - 0.005]
    assert len(inside) >= 5
