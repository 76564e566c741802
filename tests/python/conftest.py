"""Shared fixtures: small contracts whose result is obvious, written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import flowdown

#: A contract with one binding prohibition of trafficking by the supplier.
PROHIBITION = "1. The Supplier shall not engage in human trafficking.\n"
#: A memo with no anti-trafficking content at all.
MEMO = "Lunch is served at noon in the main hall.\n"
#: A contract that waives the duty.
WAIVER = (
    "1. The Supplier shall not be required to comply with any policy on trafficking in persons.\n"
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def pack() -> flowdown.Pack:
    return flowdown.Pack.builtin()


@pytest.fixture
def contracts(tmp_path: Path) -> Path:
    """A folder with three contracts (one in a sub-folder) and nothing else."""
    (tmp_path / "a_prohibition.txt").write_text(PROHIBITION, encoding="utf-8")
    (tmp_path / "b_memo.txt").write_text(MEMO, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c_waiver.md").write_text("# Terms\n\n" + WAIVER, encoding="utf-8")
    return tmp_path
