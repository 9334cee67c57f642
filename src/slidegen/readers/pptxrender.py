"""Slides whose content is not a picture (charts, SmartArt, text), rendered to PNG by LibreOffice.

A copy of the deck without those slides' titles (slidegen shows each title above the picture) is
converted to PDF once (``soffice --convert-to pdf``, through the PDF writer's runner, which gives
LibreOffice a throwaway profile and a timeout), then each wanted page is rasterised
with ``pdftoppm -png -f N -l N``. LibreOffice leaves hidden slides out of the PDF, so page N is
the N-th shown slide.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from slidegen.errors import InputError, OutputError

#: Seconds pdftoppm may take for one page.
PAGE_TIMEOUT = 60


def missing_tools() -> str:
    """What is missing to render slides ("" when LibreOffice and pdftoppm are both installed)."""
    from slidegen.writers.pdf import find_soffice

    missing = [name for name, found in (("LibreOffice (soffice)", find_soffice()),
                                        ("pdftoppm (poppler-utils)", shutil.which("pdftoppm"))) if not found]
    return " and ".join(missing)


def without_titles(deck: Path, slides: set[int]) -> bytes:
    """A copy of the deck whose given slides (1-based) have no title placeholder: slidegen puts each
    slide's title above its picture, so the picture must not show it a second time."""
    import io

    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    titles = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
    prs = Presentation(str(deck))
    for index, slide in enumerate(prs.slides, start=1):
        if index in slides:
            for shape in list(slide.placeholders):
                if shape.placeholder_format.type in titles:
                    shape.element.getparent().remove(shape.element)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def render_pages(deck: bytes, pages: list[int], width: int, shown: str) -> dict[int, bytes]:
    """PNG bytes of each 1-based PDF ``page`` of the PPTX ``deck``, ``width`` pixels across.

    Raises InputError naming the deck when LibreOffice or pdftoppm fails.
    """
    if not pages:
        return {}
    from slidegen.writers.pdf import convert

    try:
        pdf = convert({"deck.pptx": deck}, where=shown)["deck.pdf"]
    except OutputError as exc:
        raise InputError(f"cannot render slides with LibreOffice: {exc.message}", shown) from None
    program = shutil.which("pdftoppm")
    out: dict[int, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="slidegen-render-") as tmp:
        work = Path(tmp)
        (work / "deck.pdf").write_bytes(pdf)
        for page in pages:
            stem = work / f"page-{page}"
            cmd = [program, "-png", "-f", str(page), "-l", str(page), "-singlefile", "-scale-to-x", str(width),
                   "-scale-to-y", "-1", str(work / "deck.pdf"), str(stem)]
            try:
                done = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT, stdin=subprocess.DEVNULL)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise InputError(f"pdftoppm failed on slide page {page}: {exc}", shown) from None
            png = stem.with_suffix(".png")
            if done.returncode != 0 or not png.is_file():
                last = " ".join(done.stderr.decode("utf-8", "replace").split())[-200:]
                raise InputError(f"pdftoppm could not render page {page} of the deck: {last or 'no output'}",
                                 shown)
            out[page] = png.read_bytes()
    return out
