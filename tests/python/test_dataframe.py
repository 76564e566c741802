"""DataFrames: one row per document × requirement, fixed columns and dtypes."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pandas as pd
import polars as pl

import flowdown
from flowdown.dataframe import COLUMNS, SEVERITIES, STATUSES


def test_pandas_columns_dtypes_and_values(contracts: Path) -> None:
    report = flowdown.check_many([contracts, contracts / "missing.txt"], jobs=1)
    df = report.to_pandas()
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == 3 * 11 + 1
    for name in ("path", "requirement", "clause", "evidence", "reason", "error"):
        assert isinstance(df[name].dtype, pd.StringDtype), name
    assert df["status"].dtype == pd.CategoricalDtype(list(STATUSES))
    assert df["severity"].dtype == pd.CategoricalDtype(list(SEVERITIES))
    assert df["line"].dtype == pd.Int64Dtype()

    row = df[
        (df["path"] == str(contracts / "a_prohibition.txt")) & (df["requirement"] == "prohibition")
    ].iloc[0]
    assert row["status"] == "satisfied"
    assert row["severity"] == "error"
    assert row["line"] == 1
    assert "human trafficking" in row["evidence"]
    assert pd.isna(row["error"])

    missing = df[df["path"] == str(contracts / "missing.txt")].iloc[0]
    assert pd.isna(missing["requirement"])
    assert pd.isna(missing["status"])
    assert "No such file" in missing["error"]


def test_polars_schema_and_values(contracts: Path) -> None:
    df = flowdown.check(contracts).to_polars()
    assert df.columns == list(COLUMNS)
    assert df.schema["status"] == pl.Enum(list(STATUSES))
    assert df.schema["severity"] == pl.Enum(list(SEVERITIES))
    assert df.schema["line"] == pl.Int64
    assert df.schema["path"] == pl.String
    assert df.height == 3 * 11
    counts = dict(
        df.group_by("status").len().select(pl.col("status").cast(pl.String), "len").iter_rows()
    )
    assert counts.get("satisfied", 0) >= 1
    assert counts.get("excluded", 0) >= 1


def test_pandas_and_polars_agree(contracts: Path) -> None:
    report = flowdown.check(contracts)
    from_pandas = pl.from_pandas(report.to_pandas().astype(object))
    assert from_pandas["status"].to_list() == report.to_polars()["status"].cast(pl.String).to_list()


def test_repr_html_is_the_html_report_in_an_iframe(contracts: Path) -> None:
    report = flowdown.check(contracts)
    html = report._repr_html_()
    match = re.fullmatch(
        r'<iframe class="flowdown-report" srcdoc="([^"]*)" style="[^"]*"></iframe>', html
    )
    assert match is not None
    page = unescape(match.group(1))
    assert page == report.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "a_prohibition.txt" in page
