"""Writes output files atomically: a temporary name in the same folder, flushed, then renamed."""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Union

from slidegen import atomic
from slidegen.errors import OutputError


def prepare_dir(out_dir: Path) -> Path:
    """Creates the output folder if needed; an OutputError when it is a file or cannot be made."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError("output path exists and is not a folder", out_dir) from None
    except OSError as exc:
        raise OutputError(f"cannot create output folder: {exc.strerror or exc}", out_dir) from None
    if not os.access(out_dir, os.W_OK):
        raise OutputError("output folder is not writable", out_dir)
    return out_dir


class Stream:
    """An output written straight into its file, for outputs too large to hold in memory whole.

    ``write`` gets the open binary file; it may raise, and then no file of the deck is kept.
    """

    def __init__(self, write: atomic.Writer) -> None:
        self.write = write

    def getvalue(self) -> bytes:
        """The whole output in memory (for the PDF converter and for tests)."""
        buffer = io.BytesIO()
        self.write(buffer)
        return buffer.getvalue()


Output = Union[bytes, Stream]


def as_bytes(output: Output) -> bytes:
    """An output's bytes, whether a writer returned them or a stream."""
    return output.getvalue() if isinstance(output, Stream) else output


def write_all(out_dir: Path, files: Mapping[str, Output]) -> list[Path]:
    """Writes every file or none: all go to temporary names first, then each is renamed into place.

    A value is the file's bytes or a ``Stream`` that writes them; if anything fails, every
    temporary file goes and no earlier file of the same name is touched.
    """
    base = out_dir.resolve()
    mode = 0o666 & ~atomic.umask()  # outputs get the usual permissions, not mkstemp's 0600
    staged: list[tuple[str, Path, str]] = []
    try:
        for name, data in files.items():
            target = (base / name).resolve()
            if not target.is_relative_to(base) or target == base:
                raise OutputError(f"output name {name!r} would leave the output folder", out_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            write = data.write if isinstance(data, Stream) else _writer(data)
            tmp = atomic.stage(target, write, prefix=f".{target.name}.", suffix=".part", mode=mode, sync=True)
            staged.append((tmp, target, name))
        written = []
        for tmp, target, name in staged:
            os.replace(tmp, target)
            written.append(out_dir / name)
        staged = []
        return written
    except OSError as exc:
        raise OutputError(
            f"cannot write output: {exc.strerror or exc}", getattr(exc, "filename", None) or out_dir
        ) from None
    finally:
        for tmp, _, _ in staged:
            atomic.discard(tmp)


def _writer(data: bytes) -> atomic.Writer:
    return lambda fh: fh.write(data)
