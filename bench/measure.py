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
    size = sum(p.stat().st_size for p in outputs.rglob("*") if p.is_file()) if outputs and outputs.exists() else 0
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, size)
