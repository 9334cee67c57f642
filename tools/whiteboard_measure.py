"""Measures whiteboard cleanup on the real photos in tests/data/whiteboards, the same way every time.

Per photo, the upright photo as a slide shows it (no cleanup) against the slide picture made with
``--whiteboard``, both sized for the default slide:

- characters read: how many characters text recognition reads in each (RapidOCR, the optional
  ``ocr`` extra; results below 0.5 confidence are not counted), and their ratio;
- edge white: the share of the outer 4% band (all four sides) with luminance ≥ 215;
- middle: the median luminance of the middle half of the picture.

Then the median and the lowest ratio (again over the photos that read at least 10 characters
upright: a drawing with a stray glyph or two says nothing), and the median edge share. It only
uses ``process``, so the same script measures older versions of slidegen too (put their ``src``
first on PYTHONPATH).

Usage: python tools/whiteboard_measure.py [--no-ocr]
"""

from __future__ import annotations

import io
import statistics
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from slidegen.pictures.process import process
from slidegen.pictures.settings import ImageSettings

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = ROOT / "tests" / "data" / "whiteboards"
EDGE = 0.04
WHITE = 215
#: Photos where the upright photo reads fewer characters than this are also left out of a second figure.
WORDED = 10


def photos() -> list[Path]:
    """The 13 real photos (the rotated copy made for the EXIF tests is the same photo)."""
    return sorted(
        p
        for p in PHOTOS.iterdir()
        if p.suffix.lower() in (".jpg", ".jpeg", ".png") and not p.name.startswith("rotated-")
    )


def slide_picture(data: bytes, whiteboard: bool) -> np.ndarray:
    picture, _ = process(data, ImageSettings(1776, 806, 50_000_000, whiteboard))
    return np.asarray(Image.open(io.BytesIO(picture.data)).convert("RGB"))


def edge_white(rgb: np.ndarray) -> float:
    grey = rgb @ np.array([0.299, 0.587, 0.114])
    h, w = grey.shape
    dy, dx = max(1, round(h * EDGE)), max(1, round(w * EDGE))
    band = np.ones_like(grey, dtype=bool)
    band[dy : h - dy, dx : w - dx] = False
    return float((grey[band] >= WHITE).mean())


def middle(rgb: np.ndarray) -> float:
    grey = rgb @ np.array([0.299, 0.587, 0.114])
    h, w = grey.shape
    return float(np.median(grey[h // 4 : h - h // 4, w // 4 : w - w // 4]))


def characters(engine, rgb: np.ndarray) -> int:
    result, _ = engine(rgb[..., ::-1].copy())  # RapidOCR takes OpenCV's BGR order
    return sum(len("".join(text.split())) for _, text, score in (result or []) if float(score) >= 0.5)


def main(ocr: bool) -> None:
    engine = None
    if ocr:
        from rapidocr_onnxruntime import RapidOCR

        engine = RapidOCR()
    ratios, worded, edges_before, edges_after = [], [], [], []
    print(f"{'photo':<46} {'chars photo→clean':>18} {'ratio':>6} {'edge white':>16} {'middle':>12}")
    for path in photos():
        data = path.read_bytes()
        before, after = slide_picture(data, False), slide_picture(data, True)
        edges_before.append(edge_white(before))
        edges_after.append(edge_white(after))
        text = ""
        if engine is not None:
            read_before, read_after = characters(engine, before), characters(engine, after)
            ratio = read_after / read_before if read_before else (1.0 if not read_after else float("inf"))
            ratios.append(ratio)
            if read_before >= WORDED:
                worded.append(ratio)
            text = f"{read_before:>8} → {read_after:<6} {ratio:6.2f}"
        print(
            f"{path.name:<46} {text:>25} {edges_before[-1]:6.0%} → {edges_after[-1]:<6.0%} "
            f"{middle(before):4.0f} → {middle(after):<4.0f}",
            flush=True,
        )
    print(f"median edge white: {statistics.median(edges_before):.0%} → {statistics.median(edges_after):.0%}")
    if ratios:
        print(
            f"characters read, cleaned over photo: median {statistics.median(ratios):.2f}×, lowest {min(ratios):.2f}×"
        )
        # A drawing with a stray glyph or two (2 → 1 characters) says nothing about the cleanup.
        print(
            f"  on the {len(worded)} photos with at least {WORDED} characters read upright: "
            f"median {statistics.median(worded):.2f}×, lowest {min(worded):.2f}×"
        )


if __name__ == "__main__":
    main("--no-ocr" not in sys.argv[1:])
