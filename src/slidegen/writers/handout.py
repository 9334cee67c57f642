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
from slidegen.writers.pptx.package import RT_NOTES_SLIDE, RT_SLIDE, Fragment, Rel


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
    master = notes_master(base.package)
    notes = [deck.intro] + [s.note for s in deck.slides]  # the fragments' order: title slide first
    pages = []
    for number, (fragment, note) in enumerate(zip(fragments, notes), start=1):
        if fragment.notes_xml is None:  # a title slide without an introduction has no notes page yet
            fragment = with_notes_page(fragment, master)
        # A template whose notes master has no notes box leaves the PPTX without notes; the handout
        # still prints them, from the post.
        fallback = [paragraph.strip() for paragraph in note.text.split("\n\n")] if note else []
        pages.extend(notes_pages(fragment, number, len(fragments), deck.title, deck.lang, page, slide, fallback))
    return Stream(lambda out: write_package(out, base, pages, pictures, core))


def page_sizes(package: bytes) -> tuple[tuple[int, int], tuple[int, int]]:
    """(notes page size, slide size) in EMU from the template's presentation.xml."""
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        xml = zf.read("ppt/presentation.xml").decode("utf-8", "replace")

    def size(tag: str, default: tuple[int, int]) -> tuple[int, int]:
        found = re.search(rf'<p:{tag}\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"', xml)
        return (int(found.group(1)), int(found.group(2))) if found else default

    return size("notesSz", (6858000, 9144000)), size("sldSz", (12192000, 6858000))


RT_NOTES_MASTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster"


def notes_master(package: bytes) -> str:
    """The part name of the base's notes master (every base has one)."""
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        rels = zf.read("ppt/_rels/presentation.xml.rels").decode("utf-8", "replace")
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        if f'Type="{RT_NOTES_MASTER}"' in rel.group(0):
            found = re.search(r'Target="([^"]+)"', rel.group(0))
            if found is None:  # a relationship without a target names no part
                continue
            target = found.group(1)
            return "/" + target.lstrip("/") if target.startswith("/") else "/ppt/" + target
    return "/ppt/notesMasters/notesMaster1.xml"


def with_notes_page(fragment: Fragment, master: str) -> Fragment:
    """The fragment with an empty notes page linked to its slide and the notes master."""
    from slidegen.writers.pptx.notespages import empty_notes

    taken = {rel.rid for rel in fragment.slide_rels}
    rid = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    slide_rels = (*fragment.slide_rels, Rel(rid, RT_NOTES_SLIDE, "notes"))
    notes_rels = (Rel("rId1", RT_NOTES_MASTER, "part", master), Rel("rId2", RT_SLIDE, "slide"))
    return Fragment(fragment.slide_xml, slide_rels, empty_notes(), notes_rels)
