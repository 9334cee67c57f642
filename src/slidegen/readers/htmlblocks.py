"""HTML elements → reader-neutral blocks; keeps text, emphasis, safe links and pictures, drops the rest.

Used by the HTML reader and, after Markdown is rendered, by the Markdown reader. Nothing from the
source's markup survives except through Spans and ImageRefs, so scripts and handlers cannot.
"""

from __future__ import annotations

import re

from slidegen.links import has_scheme
from slidegen.model import Block, ImageRef, Paragraph, SourcePos, Span
from slidegen.parse import starts_note

# Never text of a post: code to run, embedded objects, forms, page furniture.
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "nav",
    "aside",
    "footer",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "dialog",
}
# Page furniture by class or id: sidebars, comments, share bars, bylines…
FURNITURE = re.compile(
    r"(^|[-_ ])(comments?|sidebar|widgets?|share|sharing|social-links|related|"
    r"footer|navigation|nav|menu|breadcrumbs?|byline|author-box|avatar|subscribe|"
    r"newsletter|advert|ads|cookie|post-footer|post-meta|entry-meta)($|[-_ ])",
    re.I,
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "center",
    "body",
    "html",
    *HEADINGS,
}
# Elements whose content HTML's parser reads as raw text to their end tag: one left open would
# swallow the rest of the post, so it is closed where it opens (its content is never text anyway).
_RAW_TEXT = re.compile(r"<(iframe|noembed|noframes|xmp|textarea|noscript)\b[^>]*>", re.I)
# Elements HTML's parser will not keep inside a <p>: it ends the paragraph there, though the
# writer meant the text after the element to carry on the same paragraph.
_BREAKS_PARAGRAPH = {
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "object",
    "embed",
    "iframe",
    "video",
    "audio",
    "canvas",
    "svg",
    "math",
    "noscript",
    "dialog",
}


def close_raw_text(html: str) -> str:
    """``html`` with each raw-text element that has no end tag closed right after its start tag."""

    def close(m: re.Match) -> str:
        tag = m.group(1).lower()
        rest = html[m.end() :]
        return m.group() if re.search(rf"</{tag}\s*>", rest, re.I) else f"{m.group()}</{tag}>"

    return _RAW_TEXT.sub(close, html) if "<" in html else html


# Elements that hold several blocks; a picture and a marker belong together only inside the same one.
CONTAINER_TAGS = {
    "html",
    "body",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "li",
    "td",
    "th",
    "dd",
    "center",
    "table",
}


def is_furniture(el) -> bool:
    """True for elements that are page furniture rather than post text."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in SKIP_TAGS:
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    return bool(marks.strip()) and bool(FURNITURE.search(marks)) or el.get("role") in ("navigation", "complementary")


class BlockBuilder:
    """Walks an element tree and collects blocks; ``line_of`` maps an element to a source line."""

    def __init__(self, source: SourcePos, line_of=None) -> None:
        self.source = source
        self.line_of = line_of or (lambda el: getattr(el, "sourceline", None))
        self.blocks: list[Block] = []
        self._spans: list[Span] = []
        self._images: list[ImageRef] = []
        self._line: int | None = None
        self._kind = "para"
        self._lists: list[bool] = []  # the open lists, innermost last: True for numbered
        self._item = (0, False)  # depth and numbering of the list item being collected
        self._last_p: Block | None = None  # the block a <p> just closed, which a form may continue
        self._groups = [0]  # the containers around the walk, innermost last
        self._group = 0
        self._made = 0

    def walk(self, el, kind: str = "para") -> list[Block]:
        """Collects the blocks below ``el`` (its own tag is treated as a container)."""
        self._children(el, {}, kind)
        self._flush()
        return self.blocks

    def _visit(self, el, style: dict, kind: str) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or is_furniture(el):
            return
        if tag in HEADINGS:
            self._flush()
            self._children(el, {}, "heading")
            self._flush(level=HEADINGS[tag])
        elif tag == "hr":
            self._flush()
            self.blocks.append(Block("rule", line=self.line_of(el), group=self._groups[-1]))
        elif tag == "pre":
            self._flush()
            text = el.text_content().strip("\n")
            if text.strip():
                self.blocks.append(
                    Block("code", (Span(text, code=True),), line=self.line_of(el), group=self._groups[-1])
                )
        elif tag == "table":
            self._flush()
            self._table(el)
        elif tag in ("ul", "ol"):
            self._flush()
            self._lists.append(tag == "ol")
            self._children(el, style, kind)
            self._lists.pop()
            self._flush()
        elif tag == "figcaption" and el.getparent() is not None and el.getparent().tag == "figure":
            # A figure's caption and picture are one block, so the picture stays next to what follows.
            self._children(el, style, kind)
        elif tag in BLOCK_TAGS:
            self._flush()
            inner = "item" if tag == "li" else "quote" if tag == "blockquote" else kind
            if tag in CONTAINER_TAGS:
                self._made += 1
                self._groups.append(self._made)
            self._children(el, style, inner)
            block = self._flush()
            if tag == "p":
                self._last_p = block
            if tag in CONTAINER_TAGS:
                self._groups.pop()
        elif tag == "br":
            # A line break inside the paragraph; two in a row (old blog editors) end it, and a
            # marker on the next line still opens a note.
            while self._spans and self._spans[-1] is not _BREAK and not self._spans[-1].text.strip():
                self._spans.pop()
            if self._spans and self._spans[-1] is _BREAK:
                self._flush()
            elif self._spans:
                self._spans.append(_BREAK)
        elif tag == "img":
            self._image(el, kind)
        else:
            self._inline(el, style, kind)

    def _children(self, el, style: dict, kind: str) -> None:
        self._inline_text(el.text, style, el, kind)
        for child in el:
            self._visit(child, style, kind)
            if child.tail and child.tail.strip():
                self._continue_paragraph(child)
            self._inline_text(child.tail, style, el, kind)

    def _continue_paragraph(self, child) -> None:
        """Reopens the paragraph a form or an embed ended, so the text after it stays in it."""
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        before = child.getprevious()
        last = self.blocks[-1] if self.blocks else None
        if (
            tag in _BREAKS_PARAGRAPH
            and not self._spans
            and before is not None
            and before.tag == "p"
            and last is not None
            and last is self._last_p
        ):
            self.blocks.pop()
            self._spans = [*last.spans, Span(" ")]
            self._images, self._line, self._kind = list(last.images), last.line, last.kind

    def _table(self, table) -> None:
        """One "row" block per table row, cells kept apart; a nested table's rows are its own."""
        for row in table.iter("tr"):
            owner = next(row.iterancestors("table"), None)
            if owner is not table:
                continue
            cells: list[Paragraph] = []
            images: list[ImageRef] = []
            cell_els = [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            for cell in cell_els:
                inner = BlockBuilder(self.source, self.line_of).walk(cell)
                spans: list[Span] = []
                for block in inner:
                    if spans and block.spans:
                        spans.append(Span(" "))
                    spans.extend(block.spans)
                    images.extend(block.images)
                cells.append(_normalise(spans))
            if not any(cells) and not images:
                continue
            joined: list[Span] = []
            for n, cell in enumerate(cells):
                if n:
                    joined.append(Span(" | "))
                joined.extend(cell)
            header = all(c.tag.lower() == "th" for c in cell_els)
            self.blocks.append(
                Block(
                    "row",
                    tuple(joined),
                    line=self.line_of(row),
                    level=int(header),
                    images=tuple(images),
                    cells=tuple(cells),
                )
            )

    def _inline(self, el, style: dict, kind: str) -> None:
        tag = el.tag.lower()
        inner = dict(style)
        if tag in ("b", "strong"):
            inner["bold"] = True
        elif tag in ("i", "em", "cite", "dfn"):
            inner["italic"] = True
        elif tag in ("code", "kbd", "samp", "tt", "var"):
            inner["code"] = True
        elif tag == "a":
            href = (el.get("href") or "").strip()
            if has_scheme(href):
                inner["href"] = href
        self._children(el, inner, kind)

    def _start(self, el, kind: str) -> None:
        if self._line is None:
            self._line, self._kind, self._group = self.line_of(el), kind, self._groups[-1]
            if kind == "item":
                self._item = (max(0, len(self._lists) - 1), bool(self._lists and self._lists[-1]))

    def _inline_text(self, text: str | None, style: dict, el, kind: str) -> None:
        if not text:
            return
        # A line that opens a note starts a new block even without markup around it.
        parts = re.split(r"\n(?=[ \t]*(?:\*\*|__)?[ \t]*slide\b)", text, flags=re.I) if "\n" in text else [text]
        for n, part in enumerate(parts):
            if (n or (self._spans and self._spans[-1] is _BREAK)) and starts_note(part):
                self._flush()
            if not self._spans and not part.strip():
                continue
            self._start(el, kind)
            self._spans.append(
                Span(
                    part,
                    style.get("bold", False),
                    style.get("italic", False),
                    style.get("code", False),
                    style.get("href"),
                )
            )

    def _image(self, el, kind: str) -> None:
        src = (el.get("src") or el.get("data-src") or "").strip()
        if not src:
            return
        self._start(el, kind)
        alt = " ".join((el.get("alt") or el.get("title") or "").split())
        self._images.append(ImageRef(src, self.source.at(self.line_of(el)), alt))

    def _flush(self, level: int = 0) -> Block | None:
        spans = _normalise(self._spans)
        block = None
        if spans or self._images:
            kind = self._kind if spans else "image"
            ordered = False
            if kind == "item":
                level, ordered = self._item
            block = Block(
                kind,
                spans,
                line=self._line,
                level=level,
                images=tuple(self._images),
                ordered=ordered,
                group=self._group,
            )
            self.blocks.append(block)
        self._spans, self._images, self._line, self._kind = [], [], None, "para"
        return block


_BREAK = Span("\n")  # a <br>, kept as a newline where white space is otherwise collapsed


def _normalise(spans: list[Span]) -> tuple[Span, ...]:
    """Collapses white space as a browser would and merges neighbours of the same style."""
    while spans and spans[-1] is _BREAK:
        spans = spans[:-1]
    out: list[Span] = []
    for span in spans:
        if span is _BREAK:
            if out:
                last = out[-1]
                out[-1] = Span(last.text.rstrip(" ") + "\n", last.bold, last.italic, last.code, last.href)
            continue
        text = re.sub(r"\s+", " ", span.text) if not span.code else span.text
        if not out or out[-1].text.endswith(("\n", " ")):
            text = text.lstrip()
        if not text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].code, out[-1].href) == (
            span.bold,
            span.italic,
            span.code,
            span.href,
        ):
            out[-1] = Span(out[-1].text + text, span.bold, span.italic, span.code, span.href)
        else:
            out.append(Span(text, span.bold, span.italic, span.code, span.href))
    if out:
        last = out[-1]
        out[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.code, last.href)
        if not out[-1].text:
            out.pop()
    return tuple(out)
