"""Runs the command line: in a subprocess, as users and scripts do, or in this process.

``slidegen`` starts a real interpreter: tests that pin what a user sees of a process (its exit code,
one line on stderr, no traceback) use it. ``cli`` calls ``slidegen.cli.main`` here, with the same
arguments, working folder and environment, and hands back the same record; it saves the half second
a new interpreter spends importing, so tests that check what a command writes or prints use it.
"""

from __future__ import annotations

import contextlib
import io
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


@contextlib.contextmanager
def _environment(env: dict[str, str] | None):
    saved = {name: os.environ.get(name) for name in env or {}}
    os.environ.update(env or {})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def cli(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    """``slidegen ARGS`` run by ``slidegen.cli.main`` in this process, recorded as ``slidegen`` records
    a subprocess: exit code (argparse's exit included), stdout and stderr."""
    from slidegen.cli import main

    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(cwd or ROOT)
    try:
        with _environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: bad usage and --help of a command
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["slidegen", *argv], code, out.getvalue(), err.getvalue())


def assert_one_line_error(run: subprocess.CompletedProcess, where: str, what: str, code: int = 1) -> None:
    """Exit code, a single stderr line ``where: error: …what…`` and no traceback."""
    assert run.returncode == code, (run.returncode, run.stderr)
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith(f"{where}: error: ") and what in errors[0], run.stderr
    assert "Traceback" not in run.stderr
