"""Checking documents: exact statuses, inputs, batches and the CLI's JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import flowdown
import flowdown.dataframe
from conftest import MEMO, PROHIBITION, WAIVER

IDS = [
    "prohibition",
    "support-facilitation",
    "subcontractor-flowdown",
    "remediation",
    "termination",
    "sanctions",
    "due-diligence",
    "funds-use",
    "definition",
    "reporting",
    "non-retaliation",
]


def test_prohibition_is_satisfied() -> None:
    report = flowdown.check_text("The Supplier shall not engage in human trafficking.")
    doc = report.documents[0]
    assert doc.path == "<text>"
    assert doc.format == "text"
    assert doc.error is None
    result = doc["prohibition"]
    assert result.status == "satisfied"
    assert result.severity == "error"
    assert result.ok
    assert len(result.evidence) >= 1
    assert result.evidence[0].line == 1
    assert "shall not engage in human trafficking" in result.evidence[0].text
    assert [r.id for r in doc.requirements] == IDS
    assert doc["support-facilitation"].status == "missing"


def test_memo_is_all_missing() -> None:
    doc = flowdown.check_text(MEMO, name="memo.txt").documents[0]
    assert doc.path == "memo.txt"
    assert [r.status for r in doc.requirements] == ["missing"] * 11
    assert all(r.evidence == [] for r in doc.requirements)
    assert not doc.compliant
    assert dict(doc.counts) == {
        "satisfied": 0,
        "weak": 0,
        "excluded": 0,
        "removed": 0,
        "missing": 11,
    }
    assert dict(doc.statuses()) == dict.fromkeys(IDS, "missing")


def test_waiver_is_excluded() -> None:
    doc = flowdown.check_text(WAIVER).documents[0]
    assert doc["prohibition"].status == "excluded"


def test_check_bytes_and_paths(contracts: Path) -> None:
    from_bytes = flowdown.check(PROHIBITION.encode()).documents[0]
    assert from_bytes.path == "<bytes>"
    assert from_bytes["prohibition"].status == "satisfied"

    path = contracts / "a_prohibition.txt"
    for source in (path, str(path)):
        doc = flowdown.check(source).documents[0]
        assert doc.path == str(path)
        assert doc["prohibition"].status == "satisfied"


def test_check_directory_is_recursive_and_sorted(contracts: Path) -> None:
    report = flowdown.check(contracts)
    assert [Path(d.path).name for d in report.documents] == [
        "a_prohibition.txt",
        "b_memo.txt",
        "c_waiver.md",
    ]
    assert [d.format for d in report.documents] == ["text", "text", "markdown"]
    assert report[2]["prohibition"].status == "excluded"
    assert report[-1] == report[2]
    assert report[str(contracts / "b_memo.txt")] == report[1]
    assert len(report) == 3


def test_forced_format() -> None:
    doc = flowdown.check_text("# Terms\n\n" + PROHIBITION, format="markdown").documents[0]
    assert doc.format == "markdown"
    assert doc["prohibition"].status == "satisfied"
    with pytest.raises(ValueError, match="Choose from"):
        flowdown.check_text(MEMO, format="rtf")


def test_check_many_keeps_order_and_reports_missing_files(contracts: Path) -> None:
    paths = [contracts / "b_memo.txt", contracts / "missing.txt", contracts / "a_prohibition.txt"]
    report = flowdown.check_many(paths, jobs=2)
    assert [Path(d.path).name for d in report.documents] == [
        "b_memo.txt",
        "missing.txt",
        "a_prohibition.txt",
    ]
    missing = report.documents[1]
    assert missing.error is not None
    assert missing.error.kind == "not-found"
    assert missing.requirements == []
    assert report.has_errors
    assert report.documents[2]["prohibition"].status == "satisfied"
    assert flowdown.check_many(paths, jobs=1) == report
    assert flowdown.check_many(paths) == report


def test_check_many_expands_directories(contracts: Path) -> None:
    assert flowdown.check_many([contracts], jobs=2) == flowdown.check(contracts)


def test_report_constructor_composes_documents(contracts: Path) -> None:
    docs = flowdown.check(contracts).documents
    composed = flowdown.Report(docs)
    assert composed == flowdown.check(contracts)
    assert composed.pack_id == "nato-cthb-2023"


def test_to_dict_follows_the_json_contract() -> None:
    data = flowdown.check_text(PROHIBITION).to_dict()
    assert data["schema_version"] == 1
    assert data["pack"]["id"] == "nato-cthb-2023"
    doc = data["documents"][0]
    assert list(doc) == ["path", "format", "error", "requirements", "summary"]
    req = doc["requirements"][0]
    assert list(req)[:6] == ["id", "status", "severity", "evidence", "reason", "notes"]
    assert req["status"] == "satisfied"
    assert doc["summary"]["counts"]["missing"] == sum(
        1 for r in doc["requirements"] if r["status"] == "missing"
    )


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flowdown", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_to_json_is_byte_identical_to_the_cli(contracts: Path) -> None:
    cli = _cli("check", "--format", "json", "--fail-on", "never", ".", cwd=contracts)
    assert cli.returncode == 0, cli.stderr
    import os

    old = Path.cwd()
    os.chdir(contracts)
    try:
        report = flowdown.check(".")
    finally:
        os.chdir(old)
    assert report.to_json() == cli.stdout
    assert flowdown.Report.from_json(cli.stdout) == report
    assert json.loads(report.to_json()) == report.to_dict()


def test_cli_exit_codes_and_rules(contracts: Path) -> None:
    rules = _cli("rules", "--format", "json", cwd=contracts)
    assert rules.returncode == 0
    assert [r["id"] for r in json.loads(rules.stdout)["requirements"]] == IDS
    assert _cli("check", "b_memo.txt", cwd=contracts).returncode == 1
    assert _cli("check", "no-such.txt", cwd=contracts).returncode == 2
    usage = _cli("check", "--no-such-flag", cwd=contracts)
    assert usage.returncode == 2
    assert "--no-such-flag" in usage.stderr
    assert _cli("--version", cwd=contracts).stdout.startswith("flowdown ")


def test_the_package_installs_the_flowdown_command(contracts: Path) -> None:
    command = Path(sys.executable).parent / "flowdown"
    assert command.exists(), "installing the package installs the `flowdown` command"
    run = subprocess.run(
        [str(command), "check", "b_memo.txt"], cwd=contracts, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "b_memo.txt" in run.stdout


def test_main_returns_the_exit_code(contracts: Path) -> None:
    from flowdown._flowdown import main

    assert main(["flowdown", "check", "--fail-on", "never", str(contracts / "b_memo.txt")]) == 0


def test_rules_and_explain() -> None:
    rules = flowdown.rules()
    assert [r.id for r in rules] == IDS
    flow = flowdown.explain("subcontractor-flowdown")
    assert flow == rules[2]
    assert flow.severity == "error"
    assert flow.source.startswith("para")
    assert flow.model_clause
    assert all(status in flowdown.dataframe.STATUSES for _, status in flow.examples)
    assert flow.to_dict()["id"] == "subcontractor-flowdown"


def test_repr_and_str() -> None:
    report = flowdown.check_text(MEMO, name="memo.txt")
    assert repr(report) == "<Report pack=nato-cthb-2023 documents=1 compliant=False>"
    assert repr(report.documents[0]) == '<DocumentResult "memo.txt" compliant=False>'
    assert repr(report.documents[0]["reporting"]) == "<RequirementResult reporting: missing>"
    assert str(report) == report.to_text()
    assert "memo.txt" in report.to_text()


def test_results_are_frozen() -> None:
    doc = flowdown.check_text(MEMO).documents[0]
    with pytest.raises(AttributeError):
        doc.path = "other"  # type: ignore[misc]


@pytest.mark.parametrize("fmt", ["text", "sarif", "junit", "json-lines", "markdown", "html"])
def test_formats_are_byte_identical_to_the_cli(contracts: Path, fmt: str) -> None:
    cli = _cli("check", "--format", fmt, "--fail-on", "never", "a_prohibition.txt", cwd=contracts)
    assert cli.returncode == 0, cli.stderr
    import os

    old = Path.cwd()
    os.chdir(contracts)
    try:
        report = flowdown.check("a_prohibition.txt")
    finally:
        os.chdir(old)
    assert report.render(fmt) == cli.stdout
    method = "to_" + fmt.replace("-", "_")
    assert getattr(report, method)() == cli.stdout


def test_sarif_names_the_requirements() -> None:
    sarif = json.loads(flowdown.check_text(MEMO).to_sarif())
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == IDS
    with pytest.raises(ValueError, match="unknown format"):
        flowdown.check_text(MEMO).render("pdf")
