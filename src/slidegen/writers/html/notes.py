"""Note text to safe HTML: built from spans with escaping, links vetted, then sanitised by nh3."""

from __future__ import annotations

from html import escape

import nh3
from markupsafe import Markup

from slidegen.links import SAFE_SCHEMES, safe_href
from slidegen.model import Note, Paragraph, Span

#: The only markup a note may carry; never svg, math or anything with raw text content.
ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "a"})


def note_html(note: Note, base: str = "") -> Markup:
    """The note as sanitised HTML: one ``<p>`` per paragraph, emphasis, code and safe links."""
    raw = "".join(f"<p>{_paragraph(p, base)}</p>" for p in note.paragraphs if "".join(s.text for s in p).strip())
    return Markup(clean(raw))


def clean(html: str) -> str:
    """nh3 with slidegen's small allowlist; the last step before any note markup ships."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(SAFE_SCHEMES),
        url_relative="deny",
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    )


def _paragraph(para: Paragraph, base: str) -> str:
    return "<br>".join("".join(_span(s, base) for s in line) for line in _lines(para))


def _lines(para: Paragraph) -> list[list[Span]]:
    """Splits spans at hard line breaks so a line break in a note stays one."""
    lines: list[list[Span]] = [[]]
    for span in para:
        pieces = span.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append([])
            if piece:
                lines[-1].append(Span(piece, span.bold, span.italic, span.code, span.href))
    return lines


def _span(span: Span, base: str) -> str:
    text = escape(span.text, quote=True)
    if span.code:
        text = f"<code>{text}</code>"
    if span.italic:
        text = f"<em>{text}</em>"
    if span.bold:
        text = f"<strong>{text}</strong>"
    href = safe_href(span.href, base)
    if href:
        text = f'<a href="{escape(href, quote=True)}">{text}</a>'
    return text
