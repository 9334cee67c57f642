"""Installed distributions' versions, which some cache keys hold, read without ``importlib.metadata``.

``importlib.metadata`` imports the email parser and more: some 70 ms, a tenth of a warm rebuild. A
distribution that pip installed has a ``NAME-VERSION.dist-info`` folder on ``sys.path``, and the
folder's name is enough. Anything else (two such folders in one place, an egg, a zip) is asked of
``importlib.metadata``, as before.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def version(distribution: str) -> str | None:
    """The version of ``distribution`` that ``import`` finds first on ``sys.path``; None if not installed."""
    stem = re.sub(r"[-_.]+", "_", distribution).lower() + "-"
    unsure = False  # something on the path this reading cannot see into
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            names = [p.name for p in folder.iterdir() if p.name.lower().startswith(stem)]
        except NotADirectoryError:  # a zip on the path
            unsure = True
            continue
        except OSError:  # a missing entry
            continue
        infos = [name for name in names if name.endswith(".dist-info")]
        if len(infos) == 1:
            return infos[0][len(stem) : -len(".dist-info")]
        if names:  # two versions side by side, an egg: importlib.metadata knows which counts
            unsure = True
            break
    if not unsure:
        return None
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
