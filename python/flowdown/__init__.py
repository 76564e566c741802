"""flowdown: checks contracts and supply chains for anti-human-trafficking compliance.

flowdown judges each requirement of NATO's 2023 policy on Combatting Trafficking in Human
Beings (the built-in pack ``nato-cthb-2023``) in a contract: ``satisfied``, ``weak``,
``excluded``, ``removed`` or ``missing``, with the evidence and where it stands. The engine is
Rust (``flowdown._flowdown``); checks run with the interpreter released.

>>> import flowdown
>>> report = flowdown.check_text("The Supplier shall not engage in human trafficking.")
>>> len(report.documents[0].requirements)
11
>>> report.pack_id
'nato-cthb-2023'

Results are frozen objects with ``to_dict()``, ``to_json()`` (byte-identical to
``flowdown check --format json``), ``to_pandas()`` and ``to_polars()``; they pickle, so they
travel to worker processes. Errors derive from :class:`FlowdownError`; a missing file is
``FileNotFoundError``; a non-compliant contract is a result, never an exception.

Batches beyond one machine
--------------------------
:mod:`flowdown.dask` maps ``check_many`` over the partitions of a ``dask.bag`` of paths or a
Dask DataFrame with a path column. The same code runs on a multi-machine cluster: install the
same ``flowdown`` wheel in every worker's environment, make the documents reachable at the same
paths on every worker (a shared file system or a mounted bucket), then connect a
``distributed.Client("tcp://scheduler:8786")`` instead of a ``LocalCluster``. Nothing is
fetched from the network at run time; a custom :class:`Pack` pickles with the tasks.
"""

from __future__ import annotations

from flowdown._audit import audit
from flowdown._flowdown import (
    DeclarationResult,
    DocumentError,
    DocumentResult,
    Evidence,
    Finding,
    Pack,
    Report,
    Requirement,
    RequirementResult,
    ScreenResult,
    __version__,
    check,
    check_many,
    check_text,
    explain,
    load_pack,
    rules,
)
from flowdown._screen import screen
from flowdown.exceptions import (
    ConfigError,
    DeclarationError,
    FlowdownError,
    PackError,
    ReadError,
)

__all__ = [
    "ConfigError",
    "DeclarationError",
    "DeclarationResult",
    "DocumentError",
    "DocumentResult",
    "Evidence",
    "Finding",
    "FlowdownError",
    "Pack",
    "PackError",
    "ReadError",
    "Report",
    "Requirement",
    "RequirementResult",
    "ScreenResult",
    "__version__",
    "audit",
    "check",
    "check_many",
    "check_text",
    "explain",
    "load_pack",
    "rules",
    "screen",
]
