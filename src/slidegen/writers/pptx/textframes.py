"""Writes paragraphs of spans into python-pptx text frames: runs with their links, real bullet and
numbered lists, code in a monospace font, and the notes page. Every string passes ``xml_safe``."""

from __future__ import annotations

from pptx.util import Pt

from slidegen import layout as geo
from slidegen import textfit
from slidegen.links import safe_href
from slidegen.model import PROSE, Note, Paragraph, Role, Span
from slidegen.untrusted import xml_safe
from slidegen.writers.pptx.internals import paragraph_properties

MONOSPACE = "Courier New"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def clean(text: str) -> str:
    """Text XML can hold; a carriage return would reach PowerPoint as a literal "_x000D_"."""
    return xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def write_note(s, note: Note, base: str) -> None:
    """The note in the slide's notes page (nothing when the template's notes master has no body)."""
    tf = s.notes_slide.notes_text_frame
    if tf is None:  # a template whose notes master has no body placeholder
        return
    fill(tf, note.parts(), base)


def text_box(body) -> textfit.Box:
    """The room for text in a body shape, in points: its size less the frame's insets, with a
    small margin so rounding in a renderer never tips a last line over the edge."""
    tf = body.text_frame
    width = body.width - (tf.margin_left or 0) - (tf.margin_right or 0)
    height = body.height - (tf.margin_top or 0) - (tf.margin_bottom or 0)
    return textfit.Box(width / geo.EMU_PER_PT * 0.97, height / geo.EMU_PER_PT * 0.95)


def fill(tf, parts: list[tuple[Role, Paragraph]], base: str, size=None, plain_paragraphs: bool = False) -> None:
    """Writes paragraphs of spans as runs: bold, italic, code and links kept; line breaks kept.

    List items become real bullet or numbered paragraphs at their level, a table row one line
    (its header row bold), code monospace lines, a sub-heading a bold line.
    """
    tf.text = ""
    for index, (role, para) in enumerate(parts):
        p = tf.paragraphs[0] if index == 0 else tf.add_paragraph()
        if role.kind in ("bullet", "number"):
            _list_paragraph(p, role, size)
        elif plain_paragraphs or role is not PROSE:
            _no_bullet(p)
        if size is not None:
            following = parts[index + 1][0] if index + 1 < len(parts) else None
            p.space_after = Pt(round(size.pt * textfit.gap_after(role, following), 1))
        bold = role.kind == "heading" or (role.kind == "row" and role.level == 1)
        run_size = Pt(size.pt * 0.9) if size is not None and role.kind == "code" else size
        for span in para:
            if bold or role.kind == "code":
                span = Span(span.text, span.bold or bold, span.italic, span.code or role.kind == "code", span.href)
            for n, piece in enumerate(span.text.split("\n")):
                if n:
                    p.add_line_break()
                if piece:
                    _run(p, piece, span, base, run_size)


#: A list item's left margin per level and its bullet's hanging indent, in EMU.
LIST_INDENT = 285_750
BULLET_HANG = 228_600


def _list_paragraph(p, role: Role, size) -> None:
    """A real bullet ("•") or numbered ("1.") paragraph at the item's level, hanging indent.

    On a text slide the indent grows with the font size, as ``textfit`` measured it.
    """
    from lxml import etree

    ppr = paragraph_properties(p)
    level = min(role.level, 8)
    step = round(size.pt * textfit.INDENT * geo.EMU_PER_PT) if size is not None else LIST_INDENT
    ppr.set("lvl", str(level))
    ppr.set("marL", str(step * (level + 1)))
    ppr.set("indent", str(-min(BULLET_HANG, step)))
    for old in ppr.findall(f"{_A}buNone") + ppr.findall(f"{_A}buChar") + ppr.findall(f"{_A}buAutoNum"):
        ppr.remove(old)
    if role.kind == "number":
        # An explicit start: renderers differ on when a numbered run restarts, and a list cut
        # across slides must count on.
        etree.SubElement(ppr, f"{_A}buAutoNum", type="arabicPeriod", startAt=str(max(1, role.ordinal)))
    else:
        etree.SubElement(ppr, f"{_A}buChar", char="\u2022")


def _run(p, text: str, span: Span, base: str, size) -> None:
    run = p.add_run()
    run.text = clean(text)
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
        run.hyperlink.address = clean(href)


def _no_bullet(p) -> None:
    """Prose, not a list: no bullet and no hanging indent, whatever the layout's body style says."""
    ppr = paragraph_properties(p)
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    if ppr.find(f"{_A}buNone") is None:
        from lxml import etree

        ppr.append(etree.Element(f"{_A}buNone"))
