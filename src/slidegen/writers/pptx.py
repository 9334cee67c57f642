"""The PPTX writer: a deck onto a template's layouts through python-pptx, pictures fitted, notes kept.

Deciding where things go is ``layout.py``'s job and choosing layouts ``pptx_template``'s; this
module only emits. Every string passes ``xml_safe`` on its way in, and the saved zip is
re-packed by ``pptx_package`` so the same deck gives the same bytes.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Pt

from .. import layout as geo
from ..config import BuildOptions
from ..model import Deck, Note, Paragraph, Picture, Slide, Span, plain
from ..parse import alt_text, first_sentence
from ..text import xml_safe
from .html_notes import safe_href
from .pptx_package import document_time, name_parts_quickly, package_bytes, set_properties
from .pptx_template import notes_master_referenced, open_template, pick_layouts

MONOSPACE = "Courier New"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
_SUBTITLES = (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def render(deck: Deck, options: BuildOptions) -> dict[str, bytes]:
    """``{"<slug>.pptx": bytes}``: a title slide, then one slide per note, on the chosen template."""
    return {f"{deck.slug}.pptx": build_pptx(deck, options)}


def build_pptx(deck: Deck, options: BuildOptions) -> bytes:
    """The deck as PPTX bytes; the template is ``--template``, else the post's, else our default."""
    template = options.template or deck.template
    prs = open_template(template)
    label = f"template {template}" if template else "the default template"
    layouts = pick_layouts(prs, options.title_layout, options.slide_layout, label)
    _fix_slide_size(prs)
    name_parts_quickly(prs)
    size = (prs.slide_width, prs.slide_height)
    _title_slide(prs, deck, layouts.title, size)
    for slide in deck.slides:
        picture = deck.picture(slide)
        if picture is not None:
            _picture_slide(prs, deck, slide, picture, layouts.picture, size)
        else:
            _text_slide(prs, deck, slide, layouts.text, size)
    notes_master_referenced(prs)
    set_properties(prs, title=deck.title, author=deck.author, subject=first_sentence(deck.intro),
                   keywords=", ".join(deck.keywords),
                   when=document_time(deck.date))
    return package_bytes(prs)


class _SharedBytes:
    """A read-only file over a picture's bytes that hands python-pptx the bytes object itself.

    python-pptx reads a picture with ``seek(0)`` and ``read()``; a BytesIO would copy every
    picture into the package, doubling what a deck's pictures cost in memory.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def read(self, size: int = -1) -> bytes:
        return self.data


def readable_date(date) -> str:
    """``7 March 2009``: the same in every locale, unambiguous in every country."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}" if date else ""


def _clean(text: str) -> str:
    """Text XML can hold; a carriage return would reach PowerPoint as a literal "_x000D_"."""
    return xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


# --- slides -----------------------------------------------------------------------------------


def _title_slide(prs, deck: Deck, layout, size) -> None:
    s = prs.slides.add_slide(layout)
    title_box = _set_title(s, deck.title or deck.slug or "Untitled", size)
    lines = [line for line in (deck.author, readable_date(deck.date)) if line]
    sub = _placeholder(s, _SUBTITLES)
    if sub is None and lines:  # a title layout without a subtitle still shows who and when
        box = geo.content_box(*size, title_box)
        sub = s.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
        sub.name = "Subtitle"
        sub.text_frame.word_wrap = True
    if sub is not None and lines:
        tf = sub.text_frame
        tf.text = ""
        tf.paragraphs[0].text = _clean(lines[0])
        for line in lines[1:]:
            tf.add_paragraph().text = _clean(line)
    _drop_empty_placeholders(s)
    if deck.intro:
        _write_note(s, deck.intro, deck.link)


def _picture_slide(prs, deck: Deck, slide: Slide, picture: Picture, layout, size) -> None:
    s = prs.slides.add_slide(layout)
    title_box = _set_title(s, slide.title or f"Slide {slide.number}", size)
    holder = _placeholder(s, (PP_PLACEHOLDER.PICTURE,))
    stream = _SharedBytes(picture.data)
    if holder is not None:
        box = geo.Box(holder.left, holder.top, holder.width, holder.height)
        shape = holder.insert_picture(stream)
        blip_fill = shape._element.blipFill
        for rect in blip_fill.findall(f"{_A}srcRect"):  # python-pptx crops to fill; we fit instead
            blip_fill.remove(rect)
    else:
        box = geo.content_box(*size, title_box)
        shape = s.shapes.add_picture(stream, 0, 0)
    fitted = geo.fit_picture(picture.width, picture.height, box)
    shape.left, shape.top, shape.width, shape.height = (Emu(fitted.left), Emu(fitted.top),
                                                        Emu(fitted.width), Emu(fitted.height))
    shape._element.nvPicPr.cNvPr.set("descr", _clean(alt_text(slide)))
    _drop_empty_placeholders(s)
    _write_note(s, slide.note, deck.link)


def _text_slide(prs, deck: Deck, slide: Slide, layout, size) -> None:
    s = prs.slides.add_slide(layout)
    title_box = _set_title(s, slide.title or f"Slide {slide.number}", size)
    body = _placeholder(s, (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT))
    if body is not None:
        box = geo.Box(body.left, body.top, body.width, body.height)
    else:
        box = geo.content_box(*size, title_box)
        body = s.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
        body.name = "Note"
    tf = body.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    paragraphs = list(slide.note.paragraphs) or [(Span(slide.title),)]
    points = geo.body_font_size([plain(p) for p in paragraphs], box)
    _fill(tf, paragraphs, deck.link, Pt(points), plain_paragraphs=True)
    _drop_empty_placeholders(s)
    _write_note(s, slide.note, deck.link)


# --- pieces -----------------------------------------------------------------------------------


def _set_title(s, text: str, size) -> geo.Box | None:
    """Puts ``text`` in the slide's title placeholder, or a title box when the layout has none.

    Accessibility checkers flag untitled slides, so a title that cleaning leaves blank is refused
    by the callers' fallbacks before it gets here.
    """
    title = _placeholder(s, _TITLES)
    if title is None:
        width, height = size
        margin = round(width * 0.04)
        title = s.shapes.add_textbox(Emu(margin), Emu(margin), Emu(width - 2 * margin),
                                     Emu(round(height * 0.14)))
        title.name = "Title"
        title.text_frame.word_wrap = True
        title.text_frame.paragraphs[0].font.size = Pt(32)
    title.text_frame.paragraphs[0].text = _clean(text).strip() or "Untitled"
    return geo.Box(title.left, title.top, title.width, title.height)


def _placeholder(s, types):
    for ph in s.placeholders:
        if ph.placeholder_format.type in types:
            return ph
    return None


def _drop_empty_placeholders(s) -> None:
    """Removes placeholders left empty, which would show "Click to add text" in edit view."""
    for ph in list(s.placeholders):
        if ph.has_text_frame and not ph.text_frame.text.strip():
            ph._element.getparent().remove(ph._element)
        elif ph._element.tag.endswith("}sp") and ph.placeholder_format.type == PP_PLACEHOLDER.PICTURE:
            ph._element.getparent().remove(ph._element)


def _write_note(s, note: Note, base: str) -> None:
    tf = s.notes_slide.notes_text_frame
    if tf is None:  # a template whose notes master has no body placeholder
        return
    _fill(tf, list(note.paragraphs), base)


def _fill(tf, paragraphs: list[Paragraph], base: str, size=None, plain_paragraphs: bool = False) -> None:
    """Writes paragraphs of spans as runs: bold, italic, code and links kept; line breaks kept."""
    tf.text = ""
    for index, para in enumerate(paragraphs):
        p = tf.paragraphs[0] if index == 0 else tf.add_paragraph()
        if plain_paragraphs:
            _no_bullet(p)
            if size is not None:
                p.space_after = Pt(round(size.pt * 0.5))
        for span in para:
            for n, piece in enumerate(span.text.split("\n")):
                if n:
                    p.add_line_break()
                if piece:
                    _run(p, piece, span, base, size)


def _run(p, text: str, span: Span, base: str, size) -> None:
    run = p.add_run()
    run.text = _clean(text)
    font = run.font
    if span.bold:
        font.bold = True
    if span.italic:
        font.italic = True
    if span.code:
        font.name = MONOSPACE
    if size is not None:
        font.size = size
    href = safe_href(span.href, base)
    if href:
        run.hyperlink.address = _clean(href)


def _no_bullet(p) -> None:
    """Prose, not a list: no bullet and no hanging indent, whatever the layout's body style says."""
    ppr = p._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    if ppr.find(f"{_A}buNone") is None:
        from lxml import etree

        ppr.append(etree.Element(f"{_A}buNone"))


def _fix_slide_size(prs) -> None:
    """Drops a preset ``type`` that contradicts the size (python-pptx leaves "screen4x3" on 16:9)."""
    sld_sz = prs.part._element.sldSz
    kind = sld_sz.get("type") if sld_sz is not None else None
    if kind is None:
        return
    width, height = prs.slide_width, prs.slide_height
    wrong = ((kind == "screen4x3" and not geo.is_four_by_three(width, height))
             or (kind == "screen16x9" and (width, height) != (9_144_000, 5_143_500))
             or (kind == "screen16x10" and (width, height) != (9_144_000, 5_715_000)))
    if wrong:
        del sld_sz.attrib["type"]
