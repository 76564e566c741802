"""Reports as DataFrames: one row per document × requirement, with fixed columns and dtypes.

pandas and polars are imported only when used. A document that could not be read gives one
row with a null requirement and its ``error``.

=============  =====================================  =======================
column         pandas dtype                           polars dtype
=============  =====================================  =======================
path           ``string``                             ``String``
requirement    ``string``                             ``String``
status         ``category`` (:data:`STATUSES`)        ``Enum(STATUSES)``
severity       ``category`` (:data:`SEVERITIES`)      ``Enum(SEVERITIES)``
clause         ``string``                             ``String``
line           ``Int64``                              ``Int64``
evidence       ``string``                             ``String``
reason         ``string``                             ``String``
waived         ``boolean`` (active waiver)            ``Boolean``
error          ``string``                             ``String``
=============  =====================================  =======================

>>> import flowdown
>>> df = flowdown.check_text("The Supplier shall not engage in human trafficking.").to_pandas()
>>> list(df.columns) == list(COLUMNS)
True
>>> len(df)
11
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flowdown._dependencies import require

if TYPE_CHECKING:
    from flowdown._flowdown import Report, ScreenResult

__all__ = [
    "COLUMNS",
    "FINDING_COLUMNS",
    "MATCH_COLUMNS",
    "SEVERITIES",
    "STATUSES",
    "empty_pandas",
    "findings_to_pandas",
    "findings_to_polars",
    "matches_to_pandas",
    "matches_to_polars",
    "report_to_pandas",
    "report_to_polars",
]

#: Statuses in report order (best support first).
STATUSES: tuple[str, ...] = ("satisfied", "weak", "excluded", "removed", "missing")
#: Severities, most severe first.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
#: The columns, in order.
COLUMNS: tuple[str, ...] = (
    "path",
    "requirement",
    "status",
    "severity",
    "clause",
    "line",
    "evidence",
    "reason",
    "waived",
    "error",
)


def _pandas_dtypes(pd: Any) -> dict[str, Any]:
    string = pd.StringDtype()
    return {
        "path": string,
        "requirement": string,
        "status": pd.CategoricalDtype(list(STATUSES), ordered=False),
        "severity": pd.CategoricalDtype(list(SEVERITIES), ordered=False),
        "clause": string,
        "line": pd.Int64Dtype(),
        "evidence": string,
        "reason": string,
        "waived": pd.BooleanDtype(),
        "error": string,
    }


def _from_columns_pandas(columns: dict[str, list[Any]]) -> Any:
    pd = require("pandas", "pandas")
    dtypes = _pandas_dtypes(pd)
    return pd.DataFrame({name: pd.array(columns[name], dtype=dtypes[name]) for name in COLUMNS})


def report_to_pandas(report: Report) -> Any:
    """One row per document × requirement as a ``pandas.DataFrame`` (see the module doc)."""
    return _from_columns_pandas(report._columns())


def empty_pandas() -> Any:
    """An empty frame with the columns and dtypes (a Dask ``meta``)."""
    return _from_columns_pandas({name: [] for name in COLUMNS})


def report_to_polars(report: Report) -> Any:
    """One row per document × requirement as a ``polars.DataFrame`` (see the module doc).

    >>> import flowdown
    >>> df = flowdown.check_text("Lunch is at noon.").to_polars()
    >>> df.schema["status"]
    Enum(categories=['satisfied', 'weak', 'excluded', 'removed', 'missing'])
    """
    pl = require("polars", "polars")
    schema = {
        "path": pl.String,
        "requirement": pl.String,
        "status": pl.Enum(list(STATUSES)),
        "severity": pl.Enum(list(SEVERITIES)),
        "clause": pl.String,
        "line": pl.Int64,
        "evidence": pl.String,
        "reason": pl.String,
        "waived": pl.Boolean,
        "error": pl.String,
    }
    return pl.DataFrame(report._columns(), schema=schema)


#: The columns of the declaration findings table, in order (all strings but ``severity``).
FINDING_COLUMNS: tuple[str, ...] = (
    "path",
    "rule",
    "severity",
    "message",
    "location",
    "parties",
    "error",
)


def findings_to_pandas(report: Report) -> Any:
    """One row per declaration finding as a ``pandas.DataFrame``: ``path``, ``rule``,
    ``severity`` (category), ``message``, ``location``, ``parties`` (comma-separated ids) and
    ``error`` (for an unreadable declaration, with the other columns null)."""
    pd = require("pandas", "pandas")
    columns = report._finding_columns()
    string = pd.StringDtype()
    dtypes = dict.fromkeys(FINDING_COLUMNS, string)
    dtypes["severity"] = pd.CategoricalDtype(list(SEVERITIES), ordered=False)
    return pd.DataFrame(
        {name: pd.array(columns[name], dtype=dtypes[name]) for name in FINDING_COLUMNS}
    )


def findings_to_polars(report: Report) -> Any:
    """One row per declaration finding as a ``polars.DataFrame`` (see
    :func:`findings_to_pandas`)."""
    pl = require("polars", "polars")
    schema = dict.fromkeys(FINDING_COLUMNS, pl.String)
    schema["severity"] = pl.Enum(list(SEVERITIES))
    return pl.DataFrame(report._finding_columns(), schema=schema)


#: The columns of the screening matches table, in order (all strings but ``score``).
MATCH_COLUMNS: tuple[str, ...] = (
    "party_id",
    "party_name",
    "party_country",
    "score",
    "entry_id",
    "entry_name",
    "matched_name",
    "list",
    "entry_country",
    "origin",
    "why",
)


def _match_columns(result: ScreenResult) -> dict[str, list[Any]]:
    import csv
    import io

    reader = csv.DictReader(io.StringIO(result.to_csv()))
    columns: dict[str, list[Any]] = {name: [] for name in MATCH_COLUMNS}
    for row in reader:
        for name in MATCH_COLUMNS:
            value = row.get(name) or None
            columns[name].append(float(value) if name == "score" and value else value)
    return columns


def matches_to_pandas(result: ScreenResult) -> Any:
    """One row per screening match as a ``pandas.DataFrame`` (the columns of ``flowdown
    screen --format csv``; ``score`` is ``float64``, the others ``string``)."""
    pd = require("pandas", "pandas")
    columns = _match_columns(result)
    return pd.DataFrame(
        {
            name: pd.array(columns[name], dtype="float64" if name == "score" else pd.StringDtype())
            for name in MATCH_COLUMNS
        }
    )


def matches_to_polars(result: ScreenResult) -> Any:
    """One row per screening match as a ``polars.DataFrame`` (see :func:`matches_to_pandas`)."""
    pl = require("polars", "polars")
    schema = dict.fromkeys(MATCH_COLUMNS, pl.String)
    schema["score"] = pl.Float64
    return pl.DataFrame(_match_columns(result), schema=schema)
