"""Runs one command and measures it: wall time, CPU time and peak RSS of it and its children, output bytes."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from launcher import run_one


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


def _run(argv: list[str], cwd) -> dict:
    """The launcher's answer for one command (run from here when no launcher was started)."""
    request = {"argv": [str(a) for a in argv], "cwd": str(cwd) if cwd else None}
    if _launcher is None:
        return run_one(**request)
    _launcher.stdin.write(json.dumps(request) + "\n")
    _launcher.stdin.flush()
    return json.loads(_launcher.stdout.readline())


def measure(argv: list[str], cwd=None, outputs: Path | None = None) -> Sample:
    """Runs ``argv``; wait4 gives the rusage of exactly this child (and the children it reaped)."""
    answer = _run(argv, cwd)
    if answer["status"] != 0:
        raise SystemExit(
            f"benchmark command failed ({answer['status']}): {' '.join(map(str, argv))}\n{answer['stderr']}"
        )
    files = [p for p in outputs.rglob("*") if p.is_file()] if outputs and outputs.exists() else []
    by_suffix: dict[str, int] = {}
    for path in files:
        by_suffix[path.suffix] = by_suffix.get(path.suffix, 0) + path.stat().st_size
    return Sample(
        answer["wall"],
        answer["cpu"],
        answer["maxrss_kib"] / 1024,
        sum(by_suffix.values()),
        tuple(sorted(by_suffix.items())),
    )
