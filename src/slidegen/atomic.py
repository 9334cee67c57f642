"""Replacing a file whole or not at all: write a temporary file beside it, then rename it into place.

The output folder (``outputs``), the picture and slide cache and its source index all write
through here, so a crash or a full disk never leaves half a file under a real name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Writer = Callable[[BinaryIO], object]


def stage(
    target: Path, write: Writer, *, prefix: str = ".tmp-", suffix: str = "", mode: int | None = None, sync: bool = False
) -> str:
    """A new temporary file in ``target``'s folder holding what ``write`` wrote; its path.

    ``mode`` sets its permissions (mkstemp makes 0600 files); ``sync`` flushes it to the disk.
    If anything fails the temporary file is removed and the error raised.
    """
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    try:
        if mode is not None:
            os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        discard(tmp)
        raise
    return tmp


def write_atomic(target: Path, data: bytes, *, prefix: str = ".tmp-") -> None:
    """Replaces ``target`` with ``data`` in one rename, making its folder if needed; OSError on failure."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = stage(target, lambda fh: fh.write(data), prefix=prefix)
    try:
        os.replace(tmp, target)
    except BaseException:
        discard(tmp)
        raise


def discard(tmp: str) -> int:
    """Removes a temporary file; 1 when it went, 0 when it was not there or could not go."""
    try:
        os.unlink(tmp)
    except OSError:
        return 0
    return 1


def umask() -> int:
    """The process's file-creation mask (read by setting and restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
