"""Slides whose content is not a picture (charts, SmartArt, text), rendered to PNG by LibreOffice.

A copy of the deck without those slides' titles (slidegen shows each title above the picture) is
converted to PDF once (``soffice --convert-to pdf``, through the PDF writer's runner, which gives
LibreOffice a throwaway profile and a timeout), then each wanted page is rasterised
with ``pdftoppm -png -f N -l N``. LibreOffice leaves hidden slides out of the PDF, so page N is
the N-th shown slide.

Each rendered slide is cached (``slide-renders`` in the build's cache folder) under the deck's
content digest, the slide, the width and the programs' identity, so a second run over the same
deck starts neither LibreOffice nor pdftoppm.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from slidegen.errors import InputError, OutputError

#: Seconds pdftoppm may take for one page.
PAGE_TIMEOUT = 60
#: Part of every cache key: raise it when the same deck and programs would render differently.
RENDER_VERSION = 1


def missing_tools() -> str:
    """What is missing to render slides ("" when LibreOffice and pdftoppm are both installed)."""
    from slidegen.writers.pdf import find_soffice

    missing = [
        name
        for name, found in (
            ("LibreOffice (soffice)", find_soffice()),
            ("pdftoppm (poppler-utils)", shutil.which("pdftoppm")),
        )
        if not found
    ]
    return " and ".join(missing)


def render_slides(
    deck_path: Path, shown_slides: list[int], wanted: list[int], width: int, shown: str, cache_root: Path | None
) -> dict[int, bytes]:
    """PNG bytes of each ``wanted`` slide (1-based index in the deck), from the cache when it has them all.

    ``shown_slides`` are the indexes of the slides that are not hidden, in order: LibreOffice's PDF
    has one page per shown slide. Slides not in the cache are rendered in one LibreOffice run and kept.
    """
    from slidegen.cache import BlobCache

    cache = BlobCache(cache_root, "slide-renders")
    keys = {}
    if cache_root is not None:
        from pptx import __version__ as python_pptx  # it writes the copy LibreOffice renders

        base = [_digest(deck_path), width, programs_identity(), python_pptx, RENDER_VERSION]
        keys = {index: _key(base, index) for index in wanted}
    out = {index: found for index in wanted if (found := cache.get(keys[index]) if keys else None) is not None}
    todo = [index for index in wanted if index not in out]
    if not todo:
        return out
    page_of = {index: n for n, index in enumerate(shown_slides, start=1)}
    pages = render_pages(without_titles(deck_path, set(todo)), [page_of[i] for i in todo], width, shown)
    for index in todo:
        out[index] = pages[page_of[index]]
        if keys:
            cache.put(keys[index], out[index])
    return out


def programs_identity() -> list[str]:
    """Which LibreOffice and pdftoppm render, told without starting them: each program's real path,
    size and date and LibreOffice's ``versionrc`` (its build), all of which an upgrade changes."""
    from slidegen.writers.pdf import find_soffice

    found = []
    for program in (find_soffice(), shutil.which("pdftoppm")):
        if not program:
            continue
        real = Path(program).resolve()
        for path in (real, real.parent / "versionrc", real.parent.parent / "Resources" / "versionrc"):
            try:
                stat = path.stat()
                if path.name == "versionrc":
                    found.append(hashlib.sha256(path.read_bytes()).hexdigest())
            except OSError:  # not there on this platform, or unreadable: the rest still tells
                continue
            found.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return found


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _key(base: list, index: int) -> str:
    return hashlib.sha256(json.dumps([*base, index]).encode()).hexdigest()


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
    program = shutil.which("pdftoppm") or "pdftoppm"  # not found: run fails with OSError, reported below
    out: dict[int, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="slidegen-render-") as tmp:
        work = Path(tmp)
        (work / "deck.pdf").write_bytes(pdf)
        for page in pages:
            stem = work / f"page-{page}"
            cmd = [
                program,
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                "-scale-to-x",
                str(width),
                "-scale-to-y",
                "-1",
                str(work / "deck.pdf"),
                str(stem),
            ]
            try:
                done = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT, stdin=subprocess.DEVNULL)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise InputError(f"pdftoppm failed on slide page {page}: {exc}", shown) from None
            png = stem.with_suffix(".png")
            if done.returncode != 0 or not png.is_file():
                last = " ".join(done.stderr.decode("utf-8", "replace").split())[-200:]
                raise InputError(f"pdftoppm could not render page {page} of the deck: {last or 'no output'}", shown)
            out[page] = png.read_bytes()
    return out
