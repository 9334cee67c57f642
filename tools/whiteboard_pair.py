"""Writes the README's before/after pair from a real whiteboard photo in the test data.

Before: the upright photo as a slide shows it without cleanup; after: the same photo with
``--whiteboard`` (board found, straightened, cropped and cleaned), both for a 960-pixel slide.
The measurements live in tools/whiteboard_measure.py.

Usage: python tools/whiteboard_pair.py [OUT_DIR]   (default docs/screenshots)
"""

from __future__ import annotations

import sys
from pathlib import Path

from slidegen.pictures.process import process
from slidegen.pictures.settings import ImageSettings

ROOT = Path(__file__).resolve().parents[1]
PHOTO = ROOT / "tests" / "data" / "whiteboards" / "imagelabs__Whiteboard1.jpg"


def main(out: Path) -> None:
    data = PHOTO.read_bytes()
    for name, flag in (("whiteboard-before.jpg", False), ("whiteboard-after.jpg", True)):
        picture, _ = process(data, ImageSettings.for_width(960, 50_000_000, flag))
        (out / name).write_bytes(picture.data)
        print(f"wrote {out / name} ({picture.width}×{picture.height})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
