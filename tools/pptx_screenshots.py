"""Takes the README's PPTX screenshots: the sample deck on each shipped template, as LibreOffice draws it.

    .venv/bin/python tools/pptx_screenshots.py [DECK_DIR] [OUT_DIR]

Builds the deck's PPTX (default template, full-bleed pictures, the corporate template), converts
each to PDF with LibreOffice and each wanted page to PNG with poppler's pdftoppm.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import slidegen
from slidegen.writers.pdf import convert

ROOT = Path(__file__).resolve().parents[1]
#: (file name, build options, pages: 1 is the title slide)
SHOTS = [
    ("pptx-default", {}, {1: "title", 2: "slide"}),
    ("pptx-full", {"picture_layout": "full"}, {2: "slide"}),
    ("pptx-corporate", {"template": ROOT / "assets" / "templates" / "corporate.pptx"}, {1: "title", 2: "slide"}),
]


def main(deck_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        decks = {}
        for name, options, _ in SHOTS:
            files = slidegen.build([deck_dir], Path(tmp) / name, formats=("pptx",), quiet=True, **options)
            decks[f"{name}.pptx"] = next(f for f in files if f.suffix == ".pptx").read_bytes()
        pdfs = convert(decks)
        for name, _, pages in SHOTS:
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(pdfs[f"{name}.pdf"])
            for page, label in pages.items():
                stem = out_dir / f"{name}-{label}"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "72",
                        "-f",
                        str(page),
                        "-l",
                        str(page),
                        "-singlefile",
                        str(pdf),
                        str(stem),
                    ],
                    check=True,
                )
                print(f"wrote {stem.relative_to(ROOT) if stem.is_relative_to(ROOT) else stem}.png")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(
        args[0] if args else ROOT / "decks" / "social-media-society",
        args[1] if len(args) > 1 else ROOT / "docs" / "screenshots",
    )
