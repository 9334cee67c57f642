"""The handout: a tagged PDF of notes pages, each slide above its full notes, made by LibreOffice.

The deck's slides are assembled as for the PPTX, but every slide's notes page is laid out for
print by ``pptx.notespages`` (long notes continue on following pages, the slide repeated small),
and LibreOffice exports the notes pages only. The PPTX it reads is never written out.
"""

from __future__ import annotations

import io
import re
import zipfile

from slidegen.config import BuildOptions
from slidegen.model import Deck
from slidegen.outputs import Stream
from slidegen.writers.pdf import convert
from slidegen.writers.pdfmeta import finish


def render(deck: Deck, options: BuildOptions) -> dict[str, bytes]:
    """``{"<slug>.handout.pdf": bytes}``: one notes page per slide, more for long notes."""
    pptx = handout_pptx(deck, options).getvalue()
    pdfs = convert({f"{deck.slug}.handout.pptx": pptx}, where=str(deck.source), notes_pages=True)
    return {f"{deck.slug}.handout.pdf": finish(pdfs[f"{deck.slug}.handout.pdf"], title=deck.title, lang=deck.lang)}


def handout_pptx(deck: Deck, options: BuildOptions) -> Stream:
    """The deck as a PPTX whose notes pages are the handout: a slide repeated once per page of its notes."""
    from slidegen.writers.pptx.deck import package_parts
    from slidegen.writers.pptx.notespages import notes_pages
    from slidegen.writers.pptx.package import write_package

    base, fragments, pictures, core = package_parts(deck, options)
    page, slide = page_sizes(base.package)
    pages = []
    for number, fragment in enumerate(fragments, start=1):
        pages.extend(notes_pages(fragment, number, len(fragments), deck.title, deck.lang, page, slide))
    return Stream(lambda out: write_package(out, base, pages, pictures, core))


def page_sizes(package: bytes) -> tuple[tuple[int, int], tuple[int, int]]:
    """(notes page size, slide size) in EMU from the template's presentation.xml."""
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        xml = zf.read("ppt/presentation.xml").decode("utf-8", "replace")

    def size(tag: str, default: tuple[int, int]) -> tuple[int, int]:
        found = re.search(rf'<p:{tag}\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"', xml)
        return (int(found.group(1)), int(found.group(2))) if found else default

    return size("notesSz", (6858000, 9144000)), size("sldSz", (12192000, 6858000))
