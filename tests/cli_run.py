"""Runs the real command line in a subprocess, as users and scripts do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def slidegen(*args, cwd=None, env=None, timeout=300) -> subprocess.CompletedProcess:
    """``python -m slidegen ARGS`` with captured text output."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "slidegen", *map(str, args)],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
    )


def assert_one_line_error(run: subprocess.CompletedProcess, where: str, what: str, code: int = 1) -> None:
    """Exit code, a single stderr line ``where: error: …what…`` and no traceback."""
    assert run.returncode == code, (run.returncode, run.stderr)
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith(f"{where}: error: ") and what in errors[0], run.stderr
    assert "Traceback" not in run.stderr
