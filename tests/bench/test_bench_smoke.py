"""The benchmark still runs: a tiny corpus, one run of every contender, the targets table printed."""

import subprocess
import sys

import pytest

from cli_run import ROOT

pytestmark = pytest.mark.bench


def test_bench_runs_on_a_tiny_corpus(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--runs",
            "1",
            "--no-pandoc",
            "--out",
            str(tmp_path / "bench.md"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**__import__("os").environ, "SLIDEGEN_BENCH_CACHE": str(tmp_path / "c")},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = (tmp_path / "bench.md").read_text()
    for row in (
        "floor: draft decode",
        "slidegen cold",
        "slidegen warm (1 note edited)",
        "slidegen PPTX only, pictures cached",
        "python-pptx, straightforward",
        "slidegen --help",
        "## Targets",
        "Time to first slide",
    ):
        assert row in report, row
