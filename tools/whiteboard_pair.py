"""Measures whiteboard cleanup on the sample deck and writes the README's before/after pair.

For each picture: the spread (10th to 90th percentile) of board brightness, and how dark the
strokes are, before and after cleanup. The board is the inner part of the picture (the wall
around it is left out); strokes are the pixels well below the local board level.

Usage: python tools/whiteboard_pair.py [OUT_DIR]   (default docs/screenshots)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image

from slidegen.pictures.process import ImageSettings, process
from slidegen.pictures.whiteboard import estimate_background

ROOT = Path(__file__).resolve().parents[1]
DECK = ROOT / "decks" / "social-media-society"


def decoded(data: bytes, whiteboard: bool) -> Image.Image:
    picture, _ = process(data, ImageSettings.for_width(1920, 50_000_000, whiteboard))
    return Image.open(io.BytesIO(picture.data)).convert("L")


def inner(img: Image.Image) -> Image.Image:
    w, h = img.size
    return img.crop((w // 10, h // 10, w - w // 10, h - h // 10))


def classify(img: Image.Image) -> tuple[list[bool], list[bool]]:
    """Which pixels are board and which are strokes, judged on the picture before cleanup."""
    img = inner(img)
    pixels, levels = img.tobytes(), estimate_background(img).tobytes()
    return [p > b * 0.8 for p, b in zip(pixels, levels)], [p < b * 0.55 for p, b in zip(pixels, levels)]


def stats(img: Image.Image, board_mask: list[bool], stroke_mask: list[bool]) -> tuple[float, float, float]:
    """(board spread, board median, stroke median) in grey levels, over the same pixels each time."""
    pixels = inner(img).tobytes()
    board_px = sorted(p for p, m in zip(pixels, board_mask) if m)
    strokes = sorted(p for p, m in zip(pixels, stroke_mask) if m)
    pct = lambda xs, q: xs[int(q * (len(xs) - 1))] if xs else float("nan")  # noqa: E731
    return pct(board_px, 0.9) - pct(board_px, 0.1), pct(board_px, 0.5), pct(strokes, 0.5)


def main(out: Path) -> None:
    print("picture        board spread  board level  stroke level   (before → after)")
    for path in sorted(DECK.glob("slide-*.jpg")):
        data = path.read_bytes()
        plain, cleaned = decoded(data, False), decoded(data, True)
        masks = classify(plain)
        before, after = stats(plain, *masks), stats(cleaned, *masks)
        print(f"{path.name:<14} {before[0]:5.0f} → {after[0]:<5.0f}  {before[1]:5.0f} → {after[1]:<5.0f} "
              f"{before[2]:5.0f} → {after[2]:<5.0f}")
    data = (DECK / "slide-1.jpg").read_bytes()
    for name, flag in (("whiteboard-before.jpg", False), ("whiteboard-after.jpg", True)):
        picture, _ = process(data, ImageSettings.for_width(960, 50_000_000, flag))
        (out / name).write_bytes(picture.data)
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
