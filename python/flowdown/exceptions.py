"""The exceptions flowdown raises.

Every error derives from :class:`FlowdownError`, which carries ``kind`` (the stable error id
written into reports, e.g. ``pack`` or ``malformed``) and ``path``. A missing file raises the
built-in ``FileNotFoundError`` instead; a non-compliant contract is a result, never an
exception.

>>> import flowdown
>>> try:
...     flowdown.Pack.from_toml("id = 1", name="bad.toml")
... except flowdown.PackError as e:
...     print(e.kind, e.path)
pack bad.toml
"""

from __future__ import annotations

from flowdown._flowdown import (
    ConfigError,
    DeclarationError,
    FlowdownError,
    PackError,
    ReadError,
)

__all__ = ["ConfigError", "DeclarationError", "FlowdownError", "PackError", "ReadError"]
