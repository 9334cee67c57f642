"""Speaker notes as a Markdown file and as plain text, one section per slide in order."""

from __future__ import annotations

import re

from slidegen.config import BuildOptions
from slidegen.dates import iso_date
from slidegen.model import Deck, Note, Paragraph, Span

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
        out += [p for para in slide.note.paragraphs for p in (_plain(para), "")] or ["(no note)", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _note_markdown(note: Note) -> list[str]:
    lines = []
    for para in note.paragraphs:
        lines += [paragraph_markdown(para), ""]
    return lines


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
