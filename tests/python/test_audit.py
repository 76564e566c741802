"""Supply-chain declarations: audit(), findings, their DataFrames and pickling."""

from __future__ import annotations

import datetime
import pickle

import pandas as pd
import polars as pl
import pytest

import flowdown
from conftest import REPO
from flowdown.dataframe import FINDING_COLUMNS

DECL = REPO / "fixtures" / "declarations"


def test_clean_declaration_has_no_findings() -> None:
    report = flowdown.audit(DECL / "clean" / "clean.json", as_of="2026-06-01")
    assert report.documents == []
    [decl] = report.declarations
    assert decl.format == "json"
    assert decl.findings == []
    assert (decl.parties, decl.links, decl.errors) == (4, 3, 0)
    assert report.compliant
    # The same declaration as a CSV folder and with a datetime.date.
    csv = flowdown.audit(DECL / "clean" / "csv", as_of=datetime.date(2026, 6, 1))
    assert csv.declarations[0].format == "csv"
    assert csv.declarations[0].findings == []


def test_listed_parties_are_findings() -> None:
    report = flowdown.audit(
        DECL / "listed-party" / "fires.json",
        lists=[DECL / "listed-party" / "list.csv"],
        as_of="2026-06-01",
    )
    findings = report.declarations[0].findings
    assert [(f.rule, f.severity) for f in findings] == [("listed-party", "error")] * 2
    assert [f.parties for f in findings] == [["tex-1"], ["spin-3"]]
    assert findings[0].location.startswith("$.parties[")
    assert not report.compliant
    assert pickle.loads(pickle.dumps(report)) == report
    assert pickle.loads(pickle.dumps(findings[0])) == findings[0]

    df = report.findings_to_pandas()
    assert list(df.columns) == list(FINDING_COLUMNS)
    assert list(df["rule"]) == ["listed-party", "listed-party"]
    assert df["severity"].dtype == pd.CategoricalDtype(["error", "warning", "info"])
    assert isinstance(df["message"].dtype, pd.StringDtype)
    pdf = report.findings_to_polars()
    assert pdf.schema["severity"] == pl.Enum(["error", "warning", "info"])
    assert pdf.height == 2


def test_contracts_name_undeclared_subcontractors() -> None:
    case = DECL / "undeclared-subcontractor-in-contract"
    report = flowdown.audit(case / "fires.json", contracts=case / "contracts", as_of="2026-06-01")
    [finding] = report.declarations[0].findings
    assert finding.rule == "undeclared-subcontractor-in-contract"
    assert finding.severity == "warning"
    assert "Dye Works GmbH" in finding.message


def test_audit_errors() -> None:
    with pytest.raises(FileNotFoundError):
        flowdown.audit(DECL / "no-such.json")
    with pytest.raises(ValueError, match="as_of"):
        flowdown.audit(DECL / "clean" / "clean.json", as_of="June 2026")
    with pytest.raises(FileNotFoundError):
        flowdown.audit(DECL / "clean" / "clean.json", lists=[DECL / "no-list.csv"])
    # Several declarations: an unreadable one is an entry, the others are audited.
    report = flowdown.audit([DECL / "no-such.json", DECL / "clean" / "clean.json"])
    assert [d.error.kind if d.error else None for d in report.declarations] == [
        "not-found",
        None,
    ]
    assert report.has_errors


LIST = DECL / "listed-party" / "list.csv"


def test_screen_names_pairs_and_dataframes() -> None:
    result = flowdown.screen([("Anadolu Iplik Sanayi AS", "TR"), "Acme GmbH"], [LIST])
    assert (result.parties, result.parties_matched, result.matches) == (2, 1, 1)
    [party, other] = result.to_dict()["parties"]
    assert party["id"] == "1"
    assert party["matches"][0]["entry"]["name"] == "Anadolu Iplik Sanayi A.S."
    assert other["matches"] == []
    df = result.to_pandas()
    assert list(df["entry_name"]) == ["Anadolu Iplik Sanayi A.S."]
    assert df["score"].dtype == "float64"
    assert isinstance(df["party_name"].dtype, pd.StringDtype)
    assert result.to_polars().schema["score"] == pl.Float64
    assert pickle.loads(pickle.dumps(result)) == result

    frame = pd.DataFrame({"name": ["Anadolu Iplik Sanayi AS"], "country": ["TR"]})
    assert flowdown.screen(frame, [LIST]).matches == 1
    assert flowdown.screen(pl.from_pandas(frame), [LIST]).matches == 1
    assert flowdown.screen(["Acme GmbH"], [LIST], threshold=0.99).matches == 0


def test_screen_a_declaration_file_like_the_cli() -> None:
    import subprocess
    import sys

    fires = DECL / "listed-party" / "fires.json"
    result = flowdown.screen(fires, [LIST])
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "flowdown",
            "screen",
            str(fires),
            "--list",
            str(LIST),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 1
    assert result.to_json() == cli.stdout
    with pytest.raises(ValueError, match="threshold"):
        flowdown.screen(fires, [LIST], threshold=2.0)
    with pytest.raises(FileNotFoundError):
        flowdown.screen(DECL / "no-such.json", [LIST])


def test_audit_dataframes_of_parties_and_links() -> None:
    csv_folder = DECL / "clean" / "csv"
    parties = pd.read_csv(csv_folder / "parties.csv", dtype=str, keep_default_na=False)
    links = pd.read_csv(csv_folder / "links.csv", dtype=str, keep_default_na=False)
    declaration = {
        "declaration_id": "ACME-2026-014",
        "declared_at": datetime.date(2026, 3, 1),
        "valid_until": "2027-02-28",
        "contract_id": "NSPA-26-0117",
        "buyer": "nspa",
        "prime": "acme",
        "parties": parties,
        "links": links,
    }
    clean = flowdown.audit(declaration, as_of="2026-06-01")
    assert clean.declarations[0].findings == []
    assert clean.declarations[0].parties == 4

    # Drop the flow-down of the second link: a finding located at its CSV row.
    gap = links.copy()
    for column in ("flowdown_requirements", "flowdown_attested_at", "flowdown_valid_until"):
        gap.loc[1, column] = ""
    report = flowdown.audit({**declaration, "links": pl.from_pandas(gap)}, as_of="2026-06-01")
    [finding] = report.declarations[0].findings
    assert finding.rule == "missing-flowdown"
    assert finding.location == "links.csv row 3"
    with pytest.raises(ValueError, match="links"):
        flowdown.audit({"parties": parties})
