"""Checking batches on a Dask cluster (``dask.bag`` of paths, Dask DataFrame of documents).

Each partition runs :func:`flowdown.check_many` in a worker; results (and a custom
:class:`~flowdown.Pack`) pickle, so they travel between processes and machines.

On one machine::

    from distributed import Client, LocalCluster
    import dask.bag as db
    import flowdown.dask

    with LocalCluster(n_workers=2, processes=True) as cluster, Client(cluster):
        bag = db.from_sequence(paths, npartitions=8)
        report = flowdown.dask.to_report(flowdown.dask.check_bag(bag))

On many machines, the same code with ``Client("tcp://scheduler:8786")``: install the same
flowdown wheel in every worker's environment and make the documents readable at the same
paths on every worker (shared file system or mounted bucket). Nothing is fetched from the
network at run time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from flowdown._dependencies import require
from flowdown._flowdown import DocumentResult, Pack, Report, check_many

if TYPE_CHECKING:
    import os

__all__ = ["check_bag", "check_dataframe", "to_report"]


def _check_partition(
    paths: Iterable[str | os.PathLike[str]], pack: Pack | None, jobs: int
) -> list[DocumentResult]:
    return check_many(list(paths), jobs=jobs, pack=pack).documents


def check_bag(paths: Any, *, pack: Pack | None = None, jobs: int = 1) -> Any:
    """Maps a ``dask.bag.Bag`` of paths to a bag of :class:`~flowdown.DocumentResult`.

    ``jobs`` is the number of threads per task (1 suits one worker process per core).

    >>> import dask.bag as db
    >>> bag = check_bag(db.from_sequence(["no/such/a.txt"], npartitions=1))
    >>> [d.error.kind for d in bag.compute(scheduler="sync")]
    ['not-found']
    """
    require("dask.bag", "dask")
    return paths.map_partitions(_check_partition, pack, jobs)


def to_report(results: Any, *, pack: Pack | None = None) -> Report:
    """Computes a bag of :class:`~flowdown.DocumentResult` into one :class:`~flowdown.Report`.

    ``pack`` names the pack in the report (default: the built-in pack).
    """
    documents = results.compute() if hasattr(results, "compute") else list(results)
    return Report(documents, pack=pack)


def _frame_partition(frame: Any, column: str, pack: Pack | None, jobs: int) -> Any:
    from flowdown.dataframe import report_to_pandas

    return report_to_pandas(check_many(list(frame[column]), jobs=jobs, pack=pack))


def check_dataframe(
    frame: Any, *, column: str = "path", pack: Pack | None = None, jobs: int = 1
) -> Any:
    """Checks the documents named in ``column`` of a Dask DataFrame.

    Returns a Dask DataFrame with the rows and dtypes of :func:`flowdown.dataframe.report_to_pandas`
    (one row per document × requirement).
    """
    require("dask.dataframe", "dask")
    from flowdown.dataframe import empty_pandas

    return frame.map_partitions(_frame_partition, column, pack, jobs, meta=empty_pandas())
