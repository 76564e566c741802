"""Configuration, waivers and baselines from Python: the same policy as ``flowdown check``."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

import flowdown

WAIVERS = """
[[waiver]]
requirement = "funds-use"
path = "**/legacy.txt"
reason = "Legacy framework; renegotiation due in Q3"
approver = "J. Doe (Procurement Legal)"
expires = "2026-06-30"
"""

CONTRACT = "1. The Supplier shall not engage in human trafficking.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "legacy.txt").write_text(CONTRACT, encoding="utf-8")
    (tmp_path / "waivers.toml").write_text(WAIVERS, encoding="utf-8")
    (tmp_path / "flowdown.toml").write_text(
        '[severity]\n"non-retaliation" = "error"\n', encoding="utf-8"
    )
    return tmp_path


def test_no_policy_by_default(project: Path) -> None:
    doc = flowdown.check(project / "legacy.txt").documents[0]
    assert doc["funds-use"].waiver is None
    assert doc["non-retaliation"].severity == "warning"


def test_waiver_is_active_until_it_expires(project: Path) -> None:
    path = project / "legacy.txt"
    before = flowdown.check(path, waivers=project / "waivers.toml", as_of="2026-06-30")
    waiver = before.documents[0]["funds-use"].waiver
    assert waiver is not None
    assert waiver["active"] is True
    assert waiver["approver"] == "J. Doe (Procurement Legal)"
    # A waiver never changes the status.
    assert before.documents[0]["funds-use"].status == "missing"
    after = flowdown.check(path, waivers=project / "waivers.toml", as_of=datetime.date(2026, 7, 1))
    expired = after.documents[0]["funds-use"].waiver
    assert expired is not None
    assert expired["active"] is False


def test_config_file_and_directory_discovery(project: Path) -> None:
    by_file = flowdown.check_many([project], config=project / "flowdown.toml", jobs=1)
    by_dir = flowdown.check_many([project], config=project, jobs=1)
    for report in (by_file, by_dir):
        assert report.documents[0]["non-retaliation"].severity == "error"


def test_same_result_as_the_cli(project: Path) -> None:
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "flowdown",
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--waivers",
            "waivers.toml",
            "--as-of",
            "2026-06-01",
            "legacy.txt",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    py = flowdown.check(
        project / "legacy.txt",
        config=project,
        waivers=project / "waivers.toml",
        as_of="2026-06-01",
    )
    cli_doc = json.loads(cli.stdout)["documents"][0]
    py_doc = json.loads(py.to_json())["documents"][0]
    assert cli_doc["requirements"] == py_doc["requirements"]


def test_bad_policy_inputs_raise(project: Path) -> None:
    (project / "bad.toml").write_text("[[waiver]]\nrequirement = 'nope'\n", encoding="utf-8")
    with pytest.raises(flowdown.FlowdownError, match=r"bad\.toml"):
        flowdown.check(project / "legacy.txt", waivers=project / "bad.toml")
    with pytest.raises(ValueError, match="as_of"):
        flowdown.check(project / "legacy.txt", waivers=project / "waivers.toml", as_of="soon")


def test_waived_column(project: Path) -> None:
    pytest.importorskip("pandas")
    report = flowdown.check(
        project / "legacy.txt", waivers=project / "waivers.toml", as_of="2026-01-01"
    )
    df = report.to_pandas()
    waived = df.set_index("requirement")["waived"]
    assert bool(waived["funds-use"]) is True
    assert bool(waived["prohibition"]) is False
