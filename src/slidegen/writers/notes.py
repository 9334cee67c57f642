"""Speaker notes as a Markdown file and as plain text, one section per slide in order."""

from __future__ import annotations

import re

from slidegen.config import BuildOptions
from slidegen.dates import iso_date
from slidegen.model import Deck, Note, Paragraph, Role, Span, number_items

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def render_markdown(deck: Deck, options: BuildOptions) -> dict[str, bytes]:
    """``<slug>.notes.md``: the deck title, then a ``## Slide N: Title`` section per slide."""
    return {f"{deck.slug}.notes.md": markdown_text(deck).encode("utf-8")}


def render_text(deck: Deck, options: BuildOptions) -> dict[str, bytes]:
    """``<slug>.notes.txt``: the same notes as plain text for reading aloud or pasting."""
    return {f"{deck.slug}.notes.txt": plain_text(deck).encode("utf-8")}


def markdown_text(deck: Deck) -> str:
    """The notes of a deck as Markdown."""
    out = [f"# {_escape(deck.title)}", ""]
    byline = " · ".join(x for x in (deck.author, iso_date(deck.date)) if x)
    if byline:
        out += [f"*{_escape(byline)}*", ""]
    for slide in deck.slides:
        out += [f"## Slide {slide.number}: {_escape(slide.title)}", ""]
        out += _note_markdown(slide.note) or ["*(no note)*", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def plain_text(deck: Deck) -> str:
    """The notes of a deck as plain text."""
    out = [deck.title, "=" * min(len(deck.title), 72), ""]
    for slide in deck.slides:
        heading = f"Slide {slide.number}: {slide.title}"
        out += [heading, "-" * min(len(heading), 72), ""]
        out += _note_text(slide.note) or ["(no note)", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _note_markdown(note: Note) -> list[str]:
    """Markdown lines of a note: lists with their nesting, tables, fenced code, sub-headings."""
    lines: list[str] = []
    parts = _numbered(note)
    for index, (role, para) in enumerate(parts):
        text = "".join(_span_markdown(s) for s in para)
        # A line break inside a paragraph: two spaces, and the item's indent on the next line.
        indent = "    " * (role.level + 1) if role.kind in ("bullet", "number") else ""
        text = text.replace("\n", "  \n" + indent)
        if role.kind in ("bullet", "number"):
            mark = f"{role.ordinal}." if role.kind == "number" else "-"
            lines.append("    " * role.level + f"{mark} {text}")
        elif role.kind == "row":
            lines += _table_row(role, parts, index)
        elif role.kind == "code":
            code = "".join(s.text for s in para)
            fence = "`" * max(3, _longest_run(code, "`") + 1)
            lines += [fence, code, fence]
        elif role.kind == "heading":
            lines.append("#" * min(6, max(3, role.level)) + " " + text)
        else:
            lines.append(text)
        following = parts[index + 1][0] if index + 1 < len(parts) else None
        if not _same_group(role, following):
            lines.append("")
    return lines


def _table_row(role: Role, parts: list, index: int) -> list[str]:
    """A row of a Markdown table; the first row of a table is its header (an empty one if it has none)."""
    cells = ["".join(_span_markdown(s) for s in cell).replace("\n", " ") for cell in role.cells] or [""]
    line = "| " + " | ".join(cells) + " |"
    first = index == 0 or parts[index - 1][0].kind != "row"
    if not first:
        return [line]
    rule = "|" + "|".join("---" for _ in cells) + "|"
    if role.level == 1:
        return [line, rule]
    return ["| " + " | ".join(" " for _ in cells) + " |", rule, line]


def _note_text(note: Note) -> list[str]:
    """Plain-text lines of a note: "-" and "1." items indented by level, rows on one line, code indented."""
    lines: list[str] = []
    parts = _numbered(note)
    for index, (role, para) in enumerate(parts):
        text = _plain(para)
        if role.kind in ("bullet", "number"):
            mark = f"{role.ordinal}." if role.kind == "number" else "-"
            lines.append("  " * role.level + f"{mark} {text}")
        elif role.kind == "code":
            lines += ["    " + line for line in text.split("\n")]
        else:
            lines.append(text)
        following = parts[index + 1][0] if index + 1 < len(parts) else None
        if not _same_group(role, following):
            lines.append("")
    return lines


def _numbered(note: Note) -> list[tuple[Role, Paragraph]]:
    """The note's parts with every numbered item's number set (notes built by hand may lack it)."""
    parts = note.parts()
    return list(zip(number_items([r for r, _ in parts]), (p for _, p in parts)))


def _same_group(role: Role, following: Role | None) -> bool:
    """Whether the next paragraph continues a list or table without a blank line between."""
    if following is None:
        return False
    lists = ("bullet", "number")
    return (role.kind in lists and following.kind in lists) or (role.kind == following.kind == "row")


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(r) for r in runs), default=0)


def paragraph_markdown(para: Paragraph) -> str:
    """One paragraph's spans as Markdown inline text: emphasis, code and links kept, the rest escaped."""
    return "".join(_span_markdown(s) for s in para)


def paragraph_plain(para: Paragraph) -> str:
    """One paragraph as plain text, link targets the text does not show added in angle brackets."""
    return _plain(para)


def _span_markdown(span: Span) -> str:
    if span.code:
        fence = "``" if "`" in span.text else "`"
        text = f"{fence}{span.text}{fence}"
    else:
        text = _escape(span.text)
        core = text.strip()
        if core and (span.bold or span.italic):
            mark = ("**" if span.bold else "") + ("*" if span.italic else "")
            text = text.replace(core, f"{mark}{core}{mark[::-1]}", 1)
    if span.href:
        target = span.href.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
        text = f"[{text}]({target})"
    return text


def _plain(para: Paragraph) -> str:
    text = "".join(s.text for s in para)
    links = [s.href for s in para if s.href and s.href not in text]
    return text + "".join(f" <{h}>" for h in links)


def escape_markdown(text: str) -> str:
    """Text with Markdown's special characters backslash-escaped."""
    return _escape(text)


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)
