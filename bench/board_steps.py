"""Where a whiteboard photo's time goes: each step of ``--whiteboard`` timed alone, in one process.

Runs slidegen's own functions, in the order a picture worker runs them, on the benchmark's
12-megapixel photos, after one photo to warm up (OpenCV builds its colour tables on first use),
with the workers' memory setting. CPU time (``time.process_time``), median per photo. Beside it
the plain picture (no cleanup) and the worker's one-off cost of loading NumPy and OpenCV, so the
report can say what the 1.3× target leaves for each step.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _timed(times: dict[str, list[float]], name: str, fn, *args):
    started = time.process_time()
    result = fn(*args)
    times.setdefault(name, []).append(time.process_time() - started)
    return result


def _upright(img, orientation: int):
    from slidegen.pictures import process

    img.load()
    return img.transpose(process._TRANSPOSE[orientation]) if orientation in process._TRANSPOSE else img


def import_cost() -> float:
    """CPU seconds a fresh worker spends loading NumPy and OpenCV and on OpenCV's first Lab
    conversion, over a bare interpreter (median of 5)."""
    code = (
        "import time; t = time.process_time(); import numpy, cv2; "
        "cv2.cvtColor(numpy.zeros((8, 8, 3), numpy.uint8), cv2.COLOR_RGB2LAB); print(time.process_time() - t)"
    )
    runs = [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(5)]
    return statistics.median(runs)


def board_steps(photos: list[Path]) -> dict[str, float]:
    """Median CPU milliseconds per photo of each step, and of the whole plain and whiteboard picture."""
    from PIL import Image

    from slidegen.pictures.jobs import keep_freed_memory

    keep_freed_memory()
    from slidegen.pictures import board, process, scan, whiteboard
    from slidegen.pictures.settings import ImageSettings

    plain = ImageSettings.for_width(1920, 50_000_000, False)
    cleaned = ImageSettings.for_width(1920, 50_000_000, True)
    box = (cleaned.box_width, cleaned.box_height)
    times: dict[str, list[float]] = {}
    for i, path in enumerate(photos):
        data = path.read_bytes()
        if i == 0:  # warm-up: first-use costs belong to the worker's start, measured apart
            process.process_board(data, cleaned)
        _timed(times, "plain picture (decode, fit, encode)", process.process, data, plain)
        _timed(times, "whiteboard picture, all steps", process.process_board, data, cleaned)
        img = Image.open(io.BytesIO(data))
        orientation = img.getexif().get(0x0112, 1)
        size = process.fit(img.size, (round(box[0] / process.BOARD_SIDE), round(box[1] / process.BOARD_SIDE)))
        img.draft("RGB", (int(size[0] * process.DRAFT_SLACK), int(size[1] * process.DRAFT_SLACK)))
        img = _timed(times, "decode (large enough for the board), turn upright", _upright, img, orientation)
        rgb = _timed(times, "copy into an array", scan._pixels, img)
        found = _timed(times, "find the board", board.find_board, rgb)
        if found.corners:
            photo = _timed(times, "straighten (warp)", board.straighten, rgb, found.corners, box)
        else:
            photo = _timed(times, "fit the whole photo", scan._fit, rgb, box)
        measured = _timed(times, "light on the board", whiteboard.measure, photo)
        out = _timed(times, "clean", whiteboard.clean, photo, whiteboard.FULL, measured)
        _timed(times, "never worse (writing kept)", whiteboard.kept_writing, measured.ratio, out)
        picture = _timed(times, "back to Pillow", scan._image, out, False)
        _timed(times, "encode", process._encode, picture, "JPEG")
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def report(
    photos: list[Path], cold_s: float | None, cpu: tuple[float, float] | None, count: int, cores: int
) -> list[str]:
    """The section of docs/benchmarks.md: the steps, and what the 1.3× target leaves for them.

    ``cold_s`` is the plain build's wall time for ``count`` photos; ``cpu`` its CPU seconds and the
    whiteboard build's, when measured."""
    steps = board_steps(photos)
    load = import_cost()
    out = [
        f"## Whiteboard cleanup, step by step ({len(photos)} photos of 12 megapixels, one core)",
        "",
        "CPU time per photo, median, in the order a picture worker runs them (`bench/board_steps.py`).",
        "",
        "| step | ms |",
        "|---|---:|",
    ]
    out += [f"| {name} | {ms:.1f} |" for name, ms in steps.items()]
    out += ["", f"Each picture worker also loads NumPy and OpenCV once: {load * 1000:.0f} ms.", ""]
    if cold_s:
        # 1.3× leaves 0.3 × the plain build's wall time; with every core busy that is this much CPU.
        budget = 0.3 * cold_s * cores / count * 1000 - load * 1000 * cores / count
        extra = steps["whiteboard picture, all steps"] - steps["plain picture (decode, fit, encode)"]
        out += [
            f"What 1.3× leaves: 0.3 × {cold_s:.2f} s on {cores} cores, less the workers' loading, is "
            f"{budget:.0f} ms of CPU a photo for everything cleanup adds; it adds {extra:.0f} ms "
            f"({extra / max(budget, 1e-9):.1f}× the budget), measured alone.",
            "",
        ]
    if cpu:
        out += [
            f"In the builds above: {(cpu[1] - cpu[0]) / count * 1000:.0f} ms of CPU a photo more with cleanup "
            f"({cpu[1]:.2f} s against {cpu[0]:.2f} s for {count} photos, the workers' loading included).",
            "",
        ]
    return out


if __name__ == "__main__":
    import corpus

    pool = sorted((corpus.cache_root() / "full" / "photos-4032x3024").glob("*.jpg"))[:13]
    print("\n".join(report(pool, None, None, 50, 2)))
