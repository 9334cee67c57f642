"""Note text to safe HTML: built from spans with escaping, links vetted, then sanitised by nh3."""

from __future__ import annotations

from html import escape

import nh3
from markupsafe import Markup

from slidegen.links import SAFE_SCHEMES, safe_href
from slidegen.model import Note, Paragraph, Role, Span

#: The only markup a note may carry; never svg, math or anything with raw text content.
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "em",
        "strong",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "blockquote",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)


def note_html(note: Note, base: str = "") -> Markup:
    """The note as sanitised HTML: paragraphs, nested lists, tables, code blocks and sub-headings,
    with emphasis, code and safe links."""
    out: list[str] = []
    lists: list[str] = []  # open list tags, each with an open <li>
    table: list[str] | None = None
    for role, para in note.parts():
        if not "".join(s.text for s in para).strip():
            continue
        if role.kind not in ("bullet", "number"):
            _close_lists(out, lists, 0)
        if role.kind != "row" and table is not None:
            out.append("</tbody></table>")
            table = None
        if role.kind in ("bullet", "number"):
            _list_item(out, lists, role, _paragraph(para, base))
        elif role.kind == "row":
            if table is None:
                out.append("<table><tbody>")
                table = []
            cell = "th" if role.level == 1 else "td"
            cells = role.cells or (para,)
            out.append("<tr>" + "".join(f"<{cell}>{_paragraph(c, base)}</{cell}>" for c in cells) + "</tr>")
        elif role.kind == "code":
            out.append(f"<pre><code>{escape(''.join(s.text for s in para))}</code></pre>")
        elif role.kind == "heading":
            tag = f"h{min(6, max(3, role.level))}"
            out.append(f"<{tag}>{_paragraph(para, base)}</{tag}>")
        else:
            out.append(f"<p>{_paragraph(para, base)}</p>")
    _close_lists(out, lists, 0)
    if table is not None:
        out.append("</tbody></table>")
    return Markup(clean("".join(out)))


def _list_item(out: list[str], lists: list[str], role: Role, html: str) -> None:
    """Opens, continues or closes ``<ul>``/``<ol>`` so the item sits at its level."""
    tag = "ol" if role.kind == "number" else "ul"
    depth = role.level + 1
    _close_lists(out, lists, depth)
    if len(lists) == depth and lists[-1] != tag:
        _close_lists(out, lists, depth - 1)
    if len(lists) == depth:
        out.append("</li><li>")
    while len(lists) < depth:  # a level skipped in the post gets an empty item to hang from
        opened = tag if len(lists) == depth - 1 else "ul"
        start = f' start="{role.ordinal}"' if opened == "ol" and role.ordinal > 1 else ""
        out.append(f"<{opened}{start}><li>")
        lists.append(opened)
    out.append(html)


def _close_lists(out: list[str], lists: list[str], depth: int) -> None:
    while len(lists) > depth:
        out.append(f"</li></{lists.pop()}>")


def clean(html: str) -> str:
    """nh3 with slidegen's small allowlist; the last step before any note markup ships."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}, "ol": {"start"}},
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
