"""``flowdown.audit()``: declaration files, or parties and links given as DataFrames."""

from __future__ import annotations

import csv
import datetime
import os
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any

from flowdown._flowdown import Pack, Report
from flowdown._flowdown import audit as _audit

_PathLike = str | os.PathLike[str]


def _write_frame(frame: Any, path: str) -> None:
    if hasattr(frame, "write_csv"):  # polars
        frame.write_csv(path)
    elif hasattr(frame, "to_csv"):  # pandas
        frame.to_csv(path, index=False)
    else:
        raise TypeError(f"expected a pandas or polars DataFrame, got {type(frame).__name__}")


def _write_declaration(declaration: Mapping[str, Any], folder: str) -> None:
    """Writes the CSV form of a declaration (declaration.csv, parties.csv, links.csv)."""
    missing = {"parties", "links"} - set(declaration)
    if missing:
        raise ValueError(f"the declaration needs {', '.join(sorted(missing))} DataFrames")
    meta = {"schema_version": 1}
    meta.update({k: v for k, v in declaration.items() if k not in ("parties", "links")})
    with open(os.path.join(folder, "declaration.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "value"])
        for key, value in meta.items():
            writer.writerow([key, value.isoformat() if hasattr(value, "isoformat") else value])
    _write_frame(declaration["parties"], os.path.join(folder, "parties.csv"))
    _write_frame(declaration["links"], os.path.join(folder, "links.csv"))


def audit(
    declarations: _PathLike | Sequence[_PathLike] | Mapping[str, Any],
    *,
    as_of: str | datetime.date | None = None,
    lists: Sequence[_PathLike] = (),
    contracts: _PathLike | None = None,
    risk_table: _PathLike | None = None,
    threshold: float | None = None,
    pack: Pack | _PathLike | None = None,
) -> Report:
    """Audits supply-chain declarations against the gap rules, as ``flowdown audit`` does.

    ``declarations`` is a file or folder (native JSON, a CSV folder, XLSX, OCDS or OMTSF JSON),
    a list of them, or a mapping with ``parties`` and ``links`` DataFrames (pandas or polars,
    with the columns of the CSV form: ``parties.csv`` and ``links.csv``) and the declaration's
    fields (``declaration_id``, ``declared_at``, ``valid_until``, ``contract_id``, ``buyer``,
    ``prime``). Finding locations then name the CSV row (row 2 is a frame's first row).

    ``as_of`` (ISO date or ``datetime.date``, default today) is the date every date rule runs
    at; ``lists`` are exclusion/sanctions/forced-labour lists; ``contracts`` a folder of
    contracts whose named sub-contractors are compared with the declaration; ``risk_table`` a
    country x good CSV instead of the built-in ILAB table; ``threshold`` the list-match score.
    One declaration that cannot be read raises (``FileNotFoundError``,
    :class:`~flowdown.DeclarationError`); in a list of several it is an entry with its error.
    Gaps are findings, never exceptions.

    >>> import flowdown
    >>> report = flowdown.audit("fixtures/declarations/clean/clean.json", as_of="2026-06-01")
    >>> [len(d.findings) for d in report.declarations]
    [0]
    """
    options: dict[str, Any] = {
        "as_of": as_of,
        "lists": list(lists),
        "contracts": contracts,
        "risk_table": risk_table,
        "threshold": threshold,
        "pack": pack,
    }
    if isinstance(declarations, Mapping):
        with tempfile.TemporaryDirectory(prefix="flowdown-") as tmp:
            folder = os.path.join(tmp, "declaration")
            os.mkdir(folder)
            _write_declaration(declarations, folder)
            return _audit(folder, **options)
    return _audit(declarations, **options)
