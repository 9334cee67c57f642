"""The picture workers: they keep freed memory for the next picture, and the pool sets them up so."""

import platform
import subprocess
import sys
from pathlib import Path

import pytest

from slidegen.pictures import jobs
from slidegen.pictures.settings import ImageSettings

BOARD = Path(__file__).parents[1] / "data" / "whiteboards" / "imagelabs__Whiteboard1.jpg"

# One whiteboard photo cleaned four times in a fresh process; prints the page faults of the last
# three (the first sets up the heap) and the peak memory in MiB.
_REPEAT = """
import resource, sys
from pathlib import Path
from slidegen.pictures.jobs import keep_freed_memory
from slidegen.pictures.process import process_board
from slidegen.pictures.settings import ImageSettings
if sys.argv[1] == "keep":
    keep_freed_memory()
data = Path(sys.argv[2]).read_bytes()
settings = ImageSettings.for_width(1920, 50_000_000, True)
process_board(data, settings)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(3):
    process_board(data, settings)
usage = resource.getrusage(resource.RUSAGE_SELF)
print((usage.ru_minflt - before) // 3, usage.ru_maxrss // 1024)
"""


def _faults_and_peak(mode: str) -> tuple[int, int]:
    run = subprocess.run(
        [sys.executable, "-c", _REPEAT, mode, str(BOARD)], capture_output=True, text=True, check=True, timeout=120
    )
    faults, peak = run.stdout.split()
    return int(faults), int(peak)


@pytest.mark.slow
def test_a_worker_reuses_the_memory_of_the_last_picture_at_the_same_peak():
    """By default glibc returns each picture's big arrays to the kernel, which zeroes every page
    again for the next picture (thousands of page faults a picture); a worker keeps them."""
    default_faults, default_peak = _faults_and_peak("default")
    kept_faults, kept_peak = _faults_and_peak("keep")
    if platform.libc_ver()[0] != "glibc":  # elsewhere the setting does nothing, and must not fail
        assert kept_peak > 0
        return
    assert default_faults > 1000, default_faults  # the cost the setting removes is there to remove
    assert kept_faults < default_faults / 10, (kept_faults, default_faults)
    assert kept_peak <= default_peak * 1.1 + 4, (kept_peak, default_peak)


def test_the_pool_sets_its_workers_up_to_keep_freed_memory(tmp_path, monkeypatch):
    """Each worker process runs ``keep_freed_memory`` once, before its first picture."""
    marks = tmp_path / "marks"
    marks.mkdir()

    def mark() -> None:  # the workers are forked: they run this patched function
        import os

        (marks / str(os.getpid())).touch()

    monkeypatch.setattr(jobs, "keep_freed_memory", mark)
    job = jobs.Job(None, b"not a picture", ImageSettings(), None)
    outcomes = jobs.run_jobs([job, job, job], workers=2)
    assert [o.problem is not None for o in outcomes] == [True] * 3
    assert 1 <= len(list(marks.iterdir())) <= 2
