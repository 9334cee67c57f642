"""Runs one command and measures it: wall time, CPU time and peak RSS of it and its children, output bytes."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One timed run."""

    wall: float
    cpu: float
    maxrss_mib: float
    out_bytes: int
    by_suffix: tuple = ()  # ((".pptx", bytes), (".html", bytes), …)


def measure(argv: list[str], cwd=None, outputs: Path | None = None) -> Sample:
    """Runs ``argv``; wait4 gives the rusage of exactly this child (and the children it reaped)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(argv)}\n{stderr.decode()[-2000:]}")
    files = [p for p in outputs.rglob("*") if p.is_file()] if outputs and outputs.exists() else []
    by_suffix: dict[str, int] = {}
    for path in files:
        by_suffix[path.suffix] = by_suffix.get(path.suffix, 0) + path.stat().st_size
    return Sample(
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        sum(by_suffix.values()),
        tuple(sorted(by_suffix.items())),
    )
