"""Runs one command and measures it: wall time, CPU time and peak RSS of it and its children, output bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


_launcher: subprocess.Popen | None = None


def start_launcher() -> None:
    """Starts the small process that runs every measured command (call it first, while we are small)."""
    global _launcher
    _launcher = subprocess.Popen(
        [sys.executable, "-S", str(Path(__file__).with_name("launcher.py"))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _run(argv: list[str], cwd) -> tuple[float, int, float, float, str]:
    """(wall s, exit code, CPU s, peak RSS KiB, end of stderr) of one command."""
    if _launcher is None:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stderr = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        return wall, code, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stderr.decode()[-2000:]
    _launcher.stdin.write(json.dumps({"argv": [str(a) for a in argv], "cwd": str(cwd) if cwd else None}) + "\n")
    _launcher.stdin.flush()
    answer = json.loads(_launcher.stdout.readline())
    return answer["wall"], answer["status"], answer["cpu"], answer["maxrss_kib"], answer["stderr"]


def measure(argv: list[str], cwd=None, outputs: Path | None = None) -> Sample:
    """Runs ``argv``; wait4 gives the rusage of exactly this child (and the children it reaped)."""
    wall, code, cpu, maxrss_kib, stderr = _run(argv, cwd)
    if code != 0:
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(map(str, argv))}\n{stderr}")
    files = [p for p in outputs.rglob("*") if p.is_file()] if outputs and outputs.exists() else []
    by_suffix: dict[str, int] = {}
    for path in files:
        by_suffix[path.suffix] = by_suffix.get(path.suffix, 0) + path.stat().st_size
    return Sample(
        wall,
        cpu,
        maxrss_kib / 1024,
        sum(by_suffix.values()),
        tuple(sorted(by_suffix.items())),
    )
