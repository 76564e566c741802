"""The ``flowdown`` command installed with the package (and ``python -m flowdown``)."""

from __future__ import annotations

import sys


def main() -> None:
    """Runs the command line with ``sys.argv`` and exits with its code."""
    from flowdown._flowdown import main as run

    sys.stdout.flush()
    sys.stderr.flush()
    raise SystemExit(run(["flowdown", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
