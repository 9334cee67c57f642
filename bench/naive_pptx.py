"""The straightforward way, for comparison: python-pptx, one slide per note, original photo bytes.

Usage: python naive_pptx.py DECK_FOLDER OUT.pptx
"""

import re
import sys
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu


def main(folder: str, out: str) -> None:
    folder_path = Path(folder)
    text = (folder_path / "post.md").read_text(encoding="utf-8")
    notes = re.findall(r"^Slide (\d+): (.*)$", text, flags=re.M)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    blank = prs.slide_layouts[6]
    for number, note in notes:
        slide = prs.slides.add_slide(blank)
        picture = folder_path / f"slide-{number}.jpg"
        if picture.exists():
            slide.shapes.add_picture(str(picture), 0, 0, height=prs.slide_height)
        slide.notes_slide.notes_text_frame.text = note
    prs.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
