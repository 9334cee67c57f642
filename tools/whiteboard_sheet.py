"""Draws the contact sheet of the real whiteboard photos: each upright photo beside its slide picture.

The slide picture is what ``slidegen build --whiteboard`` makes of the photo (the same code
path, at the default slide width); the label under it says what the whiteboard step found.

Usage: python tools/whiteboard_sheet.py [OUT]   (default docs/whiteboards.jpg)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from slidegen.pictures.process import process_board
from slidegen.pictures.settings import ImageSettings

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = ROOT / "tests" / "data" / "whiteboards"
CELL = (480, 300)
ORIGINALS = 13  # the rotated variant repeats a photo


def photos() -> list[Path]:
    """The real photos, without the rotated copy made for the EXIF tests."""
    return sorted(
        p
        for p in PHOTOS.iterdir()
        if p.suffix.lower() in (".jpg", ".jpeg", ".png") and not p.name.startswith("rotated-")
    )


def cell(img: Image.Image) -> Image.Image:
    img = img.convert("RGB")
    img.thumbnail(CELL)
    out = Image.new("RGB", CELL, (40, 40, 40))
    out.paste(img, ((CELL[0] - img.width) // 2, (CELL[1] - img.height) // 2))
    return out


def main(out: Path) -> None:
    rows = []
    for path in photos():
        data = path.read_bytes()
        picture, _, board = process_board(data, ImageSettings.for_width(1920, 50_000_000, True))
        before = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
        after = Image.open(io.BytesIO(picture.data))
        label = f"{path.name}: board {board['board']}, cleanup {board['cleanup']}"
        rows.append((cell(before), cell(after), label))
        print(label)
    gap, text = 8, 18
    sheet = Image.new("RGB", (2 * CELL[0] + 3 * gap, len(rows) * (CELL[1] + text + gap) + gap), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for i, (before, after, label) in enumerate(rows):
        y = gap + i * (CELL[1] + text + gap)
        sheet.paste(before, (gap, y))
        sheet.paste(after, (2 * gap + CELL[0], y))
        draw.text((gap, y + CELL[1] + 3), label, fill=(0, 0, 0))
    sheet.save(out, quality=80, optimize=True)
    print(f"wrote {out} ({len(rows)} photos)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "whiteboards.jpg")
