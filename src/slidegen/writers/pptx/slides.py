"""Renders slides through python-pptx, one at a time, and cuts each into a position-free fragment.

Slides are drawn on the base package (see ``package``): each is added, filled, cut out as
XML plus relationships, and removed again, so the package python-pptx holds never grows with
the deck and its part naming stays cheap. Deciding where things go is ``layout.py``'s job and
choosing layouts ``template``'s; this module only emits, and ``textframes`` writes the text.
Every string passes ``xml_safe``.
What python-pptx offers no public way to do goes through ``internals``; render inside
``internals.compiled_xpaths()`` for speed (``deck`` does).
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Pt

from slidegen import layout as geo
from slidegen import textfit
from slidegen.alttext import alt_text
from slidegen.dates import long_date
from slidegen.model import Deck, Picture, Slide
from slidegen.writers.pptx.furniture import fit_title, slide_number, title_strip
from slidegen.writers.pptx.internals import (
    blob,
    drop_slide,
    element,
    related_part,
    relationships,
    slide_id_list,
)
from slidegen.writers.pptx.package import Base, Fragment, Rel
from slidegen.writers.pptx.template import all_layouts
from slidegen.writers.pptx.textframes import clean, fill, text_box, write_note

_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
_SUBTITLES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


class SlideRenderer:
    """python-pptx opened on a base; each method returns one slide as a fragment."""

    def __init__(self, base: Base) -> None:
        self.prs = Presentation(io.BytesIO(base.package))
        by_name = {str(layout.part.partname): layout for layout in all_layouts(self.prs)}
        self.layouts = {kind: by_name[name] for kind, name in base.layouts.items()}
        self.size = (int(self.prs.slide_width or 0), int(self.prs.slide_height or 0))

    def title(self, deck: Deck) -> Fragment:
        s = self.prs.slides.add_slide(self.layouts["title"])
        title_box = _set_title(s, deck.title or deck.slug or "Untitled", self.size, one_line=False)
        lines = [line for line in (deck.author, long_date(deck.date)) if line]
        sub = _placeholder(s, _SUBTITLES)
        if sub is None and lines:  # a title layout without a subtitle still shows who and when
            box = geo.content_box(*self.size, title_box)
            sub = s.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
            sub.name = "Subtitle"
            sub.text_frame.word_wrap = True
        if sub is not None and lines:
            tf = sub.text_frame
            tf.text = ""
            tf.paragraphs[0].text = clean(lines[0])
            for line in lines[1:]:
                tf.add_paragraph().text = clean(line)
        _drop_empty_placeholders(s)
        if deck.intro:
            write_note(s, deck.intro, deck.link)
        return self._cut(s, None, deck.lang)

    def picture(self, deck: Deck, slide: Slide, picture: Picture) -> Fragment:
        s = self.prs.slides.add_slide(self.layouts["picture"])
        title_box = _set_title(s, slide.title or f"Slide {slide.number}", self.size)
        holder = _placeholder(s, (PP_PLACEHOLDER.PICTURE,))
        stream = _SharedBytes(picture.data)
        if holder is not None:
            box = geo.Box(holder.left, holder.top, holder.width, holder.height)
            shape = holder.insert_picture(stream)
            blip_fill = element(shape).blipFill
            for rect in blip_fill.findall(f"{_A}srcRect"):  # python-pptx crops to fill; we fit instead
                blip_fill.remove(rect)
        else:
            box = self._free_area(s, title_box)
            shape = s.shapes.add_picture(stream, 0, 0)
        fitted = geo.fit_picture(picture.width, picture.height, box)
        shape.left, shape.top, shape.width, shape.height = (
            Emu(fitted.left),
            Emu(fitted.top),
            Emu(fitted.width),
            Emu(fitted.height),
        )
        element(shape).nvPicPr.cNvPr.set("descr", clean(alt_text(slide, deck.words_on(slide))))
        if box.width >= self.size[0] * 0.98 and box.height >= self.size[1] * 0.98:
            title_strip(s, self.size)
        slide_number(s)
        _drop_empty_placeholders(s)
        write_note(s, slide.note, deck.link)
        return self._cut(s, picture.digest, deck.lang)

    def text(self, deck: Deck, slide: Slide) -> list[Fragment]:
        """The note on one slide, shrunk to fit down to 18 pt, else continued on "Title (2)" …"""
        fragments = []
        pages = None
        index = 0
        while pages is None or index < len(pages):
            s = self.prs.slides.add_slide(self.layouts["text"])
            title = pages[index].title if pages else slide.title or f"Slide {slide.number}"
            title_box = _set_title(s, title, self.size)
            body = _placeholder(s, (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT))
            if body is None:
                box = self._free_area(s, title_box)
                body = s.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
                body.name = "Note"
            tf = body.text_frame
            tf.word_wrap = True
            tf.auto_size = MSO_AUTO_SIZE.NONE
            if pages is None:  # the first slide tells the room every page of this note has
                pages = textfit.paginate(slide, text_box(body))
            page = pages[index]
            fill(tf, page.body.parts(), deck.link, Pt(page.size), plain_paragraphs=True)
            slide_number(s)
            _drop_empty_placeholders(s)
            write_note(s, page.note, deck.link)
            fragments.append(self._cut(s, None, deck.lang))
            index += 1
        return fragments

    def _free_area(self, s, title_box: geo.Box | None) -> geo.Box:
        """Room for a picture or text on a layout without a placeholder for it; moves a title that
        leaves too little (a template whose only layout is "Title Slide")."""
        moved, box = geo.free_area(*self.size, title_box)
        if moved is not None and moved != title_box:
            title = _placeholder(s, _TITLES)
            title.left, title.top, title.width, title.height = (
                Emu(moved.left),
                Emu(moved.top),
                Emu(moved.width),
                Emu(moved.height),
            )
        return box

    def _cut(self, s, digest: str | None, lang: str) -> Fragment:
        """The slide as a fragment; the slide then leaves the presentation with its notes and picture."""
        part = s.part
        _stamp_language(element(s), lang)
        if s.has_notes_slide:
            _stamp_language(element(s.notes_slide), lang)
        slide_rels = tuple(_rel(rel, digest) for rel in relationships(part))
        notes_xml: bytes | None = None
        notes_rels: tuple[Rel, ...] = ()
        if s.has_notes_slide:
            notes = related_part(part, RT.NOTES_SLIDE)
            notes_xml = blob(notes)
            notes_rels = tuple(_rel(rel, None) for rel in relationships(notes))
        fragment = Fragment(blob(part), slide_rels, notes_xml, notes_rels)
        drop_slide(self.prs, slide_id_list(self.prs)[-1])
        return fragment


def _stamp_language(root, lang: str) -> None:
    """Marks every run as written in ``lang``, so spelling, hyphenation and screen readers follow the post."""
    for tag in ("r", "fld"):
        for run in root.iter(f"{_A}{tag}"):
            rpr = run.find(f"{_A}rPr")
            if rpr is None:
                from lxml import etree

                rpr = etree.Element(f"{_A}rPr")
                run.insert(0, rpr)
            rpr.set("lang", lang)
    for end in root.iter(f"{_A}endParaRPr"):
        end.set("lang", lang)


def _rel(rel: tuple[str, str, bool, str], digest: str | None) -> Rel:
    r_id, reltype, external, target = rel
    if external:
        return Rel(r_id, reltype, "url", target)
    if reltype == RT.NOTES_SLIDE:
        return Rel(r_id, reltype, "notes")
    if reltype == RT.SLIDE:
        return Rel(r_id, reltype, "slide")
    if reltype == RT.IMAGE:
        if digest is None:
            raise ValueError("a slide without a picture of ours points at an image")
        return Rel(r_id, reltype, "image", digest)
    return Rel(r_id, reltype, "part", target)


class _SharedBytes:
    """A read-only file over a picture's bytes that hands python-pptx the bytes object itself.

    python-pptx reads a picture with ``seek(0)`` and ``read()``; a BytesIO would copy it.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def read(self, size: int = -1) -> bytes:
        return self.data


# --- pieces -----------------------------------------------------------------------------------


def _set_title(s, text: str, size, one_line: bool = True) -> geo.Box | None:
    """Puts ``text`` in the slide's title placeholder, or a title box when the layout has none.

    Accessibility checkers flag untitled slides, so a title that cleaning leaves blank is refused
    by the callers' fallbacks before it gets here.
    """
    title = _placeholder(s, _TITLES)
    if title is None:
        width, height = size
        margin = round(width * 0.04)
        title = s.shapes.add_textbox(Emu(margin), Emu(margin), Emu(width - 2 * margin), Emu(round(height * 0.14)))
        title.name = "Title"
        title.text_frame.word_wrap = True
        title.text_frame.paragraphs[0].font.size = Pt(32)
        _make_title_placeholder(title)
    title.text_frame.paragraphs[0].text = clean(text).strip() or "Untitled"
    if one_line:
        fit_title(title)
    _read_first(title)
    return geo.Box(title.left, title.top, title.width, title.height)


def _make_title_placeholder(box) -> None:
    """Marks a title box as the slide's title: screen readers and PowerPoint's checker only know a
    title placeholder as the title, even on a layout that has none."""
    from lxml import etree

    nv_pr = element(box).nvSpPr.nvPr
    etree.SubElement(nv_pr, f"{_P}ph", type="title")
    element(box).nvSpPr.cNvSpPr.set("txBox", "0")


def _read_first(title) -> None:
    """Puts the title first in the shape tree, which is the order screen readers read a slide in."""
    shape = element(title)
    tree = shape.getparent()
    first = next(
        (
            child
            for child in tree
            if child.tag.split("}")[-1] in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp", "AlternateContent")
        ),
        None,
    )
    if first is not None and first is not shape:
        first.addprevious(shape)


def _placeholder(s, types):
    for ph in s.placeholders:
        if ph.placeholder_format.type in types:
            return ph
    return None


def _drop_empty_placeholders(s) -> None:
    """Removes placeholders left empty, which would show "Click to add text" in edit view."""
    for ph in list(s.placeholders):
        shape = element(ph)
        if ph.has_text_frame and not ph.text_frame.text.strip():
            shape.getparent().remove(shape)
        elif shape.tag.endswith("}sp") and ph.placeholder_format.type == PP_PLACEHOLDER.PICTURE:
            shape.getparent().remove(shape)
