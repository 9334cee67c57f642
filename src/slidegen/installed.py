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
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            infos = [p.name for p in folder.iterdir() if p.name.lower().startswith(stem) and p.suffix == ".dist-info"]
        except OSError:  # not a folder (a zip, a missing entry)
            continue
        if len(infos) == 1:
            return infos[0][len(stem) : -len(".dist-info")]
        if infos:
            break
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
