"""Lazy imports of optional dependencies (pandas, polars, dask) with a clear error."""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, extra: str | None = None) -> ModuleType:
    """Imports ``module`` or raises ``ModuleNotFoundError`` saying how to install it.

    >>> require("json").__name__
    'json'
    >>> require("no_such_module", "dask")
    Traceback (most recent call last):
    ...
    ModuleNotFoundError: no_such_module is needed; install it with `pip install flowdown[dask]`
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        top = module.split(".")[0]
        hint = f"flowdown[{extra}]" if extra else top
        msg = f"{top} is needed; install it with `pip install {hint}`"
        raise ModuleNotFoundError(msg, name=top) from e
