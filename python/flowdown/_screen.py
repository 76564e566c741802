"""``flowdown.screen()``: parties (a file, names, or a DataFrame) against lists."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from typing import Any

from flowdown._flowdown import ScreenResult, _screen_path

_COLUMNS = ("id", "name", "country", "identifiers")


def _rows(parties: Any) -> list[dict[str, str]]:
    if hasattr(parties, "columns") and hasattr(parties, "to_dict"):
        # A pandas or polars DataFrame: its `name` column and any of id, country, identifiers.
        columns = [c for c in _COLUMNS if c in list(parties.columns)]
        if "name" not in columns:
            raise ValueError("the DataFrame has no `name` column")
        data = parties.to_dict() if not hasattr(parties, "to_dicts") else None
        if data is not None:  # pandas: {column: {index: value}}
            records = [
                dict(zip(columns, vals, strict=True))
                for vals in zip(*(data[c].values() for c in columns), strict=True)
            ]
        else:  # polars
            records = [{c: r[c] for c in columns} for r in parties.to_dicts()]
        rows = [{k: "" if v is None else str(v) for k, v in r.items()} for r in records]
        for i, row in enumerate(rows, start=1):
            row.setdefault("id", str(i))
        return rows
    rows = []
    for i, party in enumerate(parties, start=1):
        if isinstance(party, str):
            rows.append({"id": str(i), "name": party})
        else:
            name, country = party
            rows.append({"id": str(i), "name": name, "country": country or ""})
    return rows


def screen(
    parties: str | os.PathLike[str] | Iterable[str] | Iterable[tuple[str, str | None]] | Any,
    lists: Sequence[str | os.PathLike[str]],
    *,
    threshold: float | None = None,
    jobs: int | None = None,
) -> ScreenResult:
    """Screens parties against exclusion, sanctions and forced-labour lists (CSV or
    FollowTheMoney), as ``flowdown screen`` does.

    ``parties`` is a file (CSV ``name,country,identifiers`` or a declaration), names, ``(name,
    country)`` pairs, or a pandas or polars DataFrame with a ``name`` column (and optionally
    ``id``, ``country``, ``identifiers``); in-memory parties without an id are numbered
    from 1. ``threshold`` is the match score (0-1). A list that cannot be read is in
    ``errors``; the others are used.

    >>> import flowdown
    >>> lists = ["fixtures/declarations/listed-party/list.csv"]
    >>> result = flowdown.screen([("Anadolu Iplik Sanayi AS", "TR"), "Acme GmbH"], lists)
    >>> result.parties, result.parties_matched
    (2, 1)
    """
    if isinstance(parties, (str, os.PathLike)):
        return _screen_path(parties, list(lists), threshold=threshold, jobs=jobs)
    rows = _rows(parties)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    with tempfile.TemporaryDirectory(prefix="flowdown-") as tmp:
        path = os.path.join(tmp, "parties.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(buffer.getvalue())
        return _screen_path(path, list(lists), threshold=threshold, jobs=jobs)
