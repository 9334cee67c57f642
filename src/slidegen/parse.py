"""The "Slide N:" grammar: finds the notes in a post's blocks and turns the post into a Deck.

This module is the only home of the marker syntax; ``pairing`` beside it pairs pictures with the
notes found here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from slidegen import pairing
from slidegen.deckmeta import apply_lang, apply_meta, front_matter_titles
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import (
    PROSE,
    Block,
    Deck,
    Note,
    Paragraph,
    Post,
    Role,
    Slide,
    SourcePos,
    Span,
    number_items,
    plain,
)
from slidegen.titles import derive_title, distinct_titles

MAX_SLIDE_NUMBER = 999
MAX_SLIDES = 500

_DASH = "[-\u2013\u2014]"
# "Slide 3:", "slide #3 -", "SLIDE 3.", "**Slide 3:**", with en/em dashes; ASCII digits only.
_MARKER = re.compile(
    rf"""^[ \t]*(?:\*\*|__)?[ \t]*slide[ \t]*\#?[ \t]*(?P<sign>[-\u2212])?(?P<num>[0-9]+)[ \t]*
        (?::|(?:{_DASH}|\.)(?=\s|\*|_|$))[ \t]*(?:\*\*|__)?[ \t]*""",
    re.IGNORECASE | re.ASCII | re.VERBOSE,
)
_SLIDE_NOTES = re.compile(r"^[ \t]*(?:\*\*|__)?[ \t]*slide[ \t]+notes[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*", re.IGNORECASE)
_NEAR_MISS = re.compile(
    r"^[ \t]*(?:\*\*|__)?[ \t]*slide[ \t]*#?[ \t]*(?P<what>[^\s:.\-\u2013\u2014]{1,12})"
    rf"[ \t]*(?::|{_DASH})",
    re.IGNORECASE,
)
# A sign-off line, alone or with the writer's name after a comma ("Thanks,\nSam" reads as "Thanks, Sam").
_SIGN_OFF = re.compile(
    r"^(cheers|thanks|thank you|best|regards|kind regards|best regards|warmly|"
    r"sincerely|yours|all the best|until next time|posted by\b.*)"
    r"(?:[,.!]?|[,!]\s*[-\u2013\u2014~]?\s*[^\W\d_][\w'\u2019.-]*(?:\s+[^\W\d_][\w'\u2019.-]*){0,2}[.!]?)$",
    re.IGNORECASE,
)
# Footers a posting service appends to every post ("Posted via email from …" on Posterous,
# "Sent from my iPhone"); they end a note like a sign-off and are never note text.
_SERVICE_FOOTER = re.compile(
    r"^(posted (via|from|with) \S.*|sent from my \w+.*|"
    r"(this (post|entry) was )?(posted|published) (via|with|using) \S.*)$",
    re.IGNORECASE,
)


def starts_note(line: str) -> bool:
    """True when a line of text opens a note, so readers can split paragraphs there."""
    return bool(_MARKER.match(line) or _SLIDE_NOTES.match(line))


@dataclass
class _Marker:
    number: int
    pos: SourcePos
    index: int  # the block that opened the note
    rest: Paragraph  # the opening block's spans after the marker
    heading_title: str = ""
    blocks: list[Block] = field(default_factory=list)
    last: int = -1  # index of the note's last block; its blocks are index..last
    heading_level: int = 0  # the level of the heading that opened the note; 0: a paragraph did


def parse_post(post: Post, report: Report) -> Deck | None:
    """A post → a Deck with its slides in order; None when a post of a multi-post page has no notes.

    Raises InputError for a single post without notes, duplicate or impossible numbers.
    """
    if post.deck is not None:  # a PPTX: its slides need no markers
        return post.deck
    markers = _find_markers(post, report)
    if not markers:
        if post.single:
            raise InputError(
                "no slide notes found: start each note with 'Slide 1:', 'Slide 2:' … "
                "(or 'SLIDE NOTES:' for a single slide)",
                post.source,
            )
        return None
    _check_numbers(markers, report)
    titles = front_matter_titles(post, report)
    slides = []
    for m in sorted(markers, key=lambda m: m.number):
        note = _note_from(m)
        explicit = titles.get(m.number) or m.heading_title
        title = explicit or derive_title(note, m.number)
        slide = Slide(m.number, title, note, m.pos, title_is_explicit=bool(explicit))
        if not note:
            report.warn(f"Slide {m.number} has no note text", m.pos)
        slides.append(slide)
    first = markers[0].index
    intro = Note(tuple(b.spans for b in post.blocks[:first] if b.kind in ("para", "item", "quote") and b.text.strip()))
    deck = Deck(
        title=post.title or slides[0].title,
        source=post.source,
        base_dir=post.base_dir,
        slides=slides,
        intro=intro,
        outside_notes=_outside_notes(post, markers),
    )
    apply_meta(deck, post)
    if deck.layout not in ("", "picture", "full"):
        report.warn(
            f"layout {deck.layout!r} is not 'picture' or 'full'; using 'picture'",
            post.source.at(post.meta_lines.get("layout")),
        )
        deck.layout = ""
    apply_lang(deck, post, report)
    distinct_titles(deck)
    extents = [pairing.Extent(m.number, m.index, max(m.index, m.last), m.pos) for m in markers]
    pairing.assign_images(deck, post, extents, report)
    return deck


def _outside_notes(post: Post, markers: list[_Marker]) -> list[tuple[SourcePos, str]]:
    """Text after the first note that no note holds, except headings that title the next note."""
    in_notes = {i for m in markers for i in range(m.index, max(m.index, m.last) + 1)}
    titles = {m.index - 1 for m in markers if m.heading_title and post.blocks[m.index].kind != "heading"}
    return [
        (post.source.at(b.line), b.text.strip())
        for i, b in enumerate(post.blocks)
        if i > markers[0].index and i not in in_notes and i not in titles and b.text.strip()
    ]


def _ends_note(block: Block, current: _Marker) -> bool:
    """Whether ``block`` ends the note being collected.

    A note opened by a heading keeps its sub-headings: it runs to a heading of the same or a
    higher level. A note opened by a paragraph ends at any heading. Rules, sign-offs and
    service footers end either.
    """
    text = block.text.strip()
    if block.kind == "rule" or _SIGN_OFF.match(text) or _SERVICE_FOOTER.match(text):
        return True
    if block.kind == "heading":
        return not current.heading_level or block.level <= current.heading_level
    return False


def _find_markers(post: Post, report: Report) -> list[_Marker]:
    numbered = any(b.kind != "code" and _MARKER.match(b.text) for b in post.blocks)
    markers: list[_Marker] = []
    current: _Marker | None = None
    for i, block in enumerate(post.blocks):
        pos = post.source.at(block.line)
        opened = None
        if block.kind in ("para", "item", "heading"):
            opened = _open_marker(block, i, pos, numbered, report)
        if opened:
            back = 2 if i > 1 and post.blocks[i - 1].kind == "image" else 1  # a picture above the marker
            before = post.blocks[i - back] if i >= back else None
            if (
                block.kind != "heading"
                and before is not None
                and before.kind == "heading"
                and not _MARKER.match(before.text)
                and before.text.strip() != post.title
            ):
                opened.heading_title = before.text.strip()
            current = opened
            markers.append(current)
            continue
        if current is None:
            if block.kind in ("para", "item"):
                _warn_near_miss(block, pos, report)
            continue
        if _ends_note(block, current):
            current = None
            continue
        _warn_near_miss(block, pos, report)
        current.blocks.append(block)
        current.last = i
    return markers


def _open_marker(block: Block, index: int, pos: SourcePos, numbered: bool, report: Report) -> _Marker | None:
    text = block.text
    m = _MARKER.match(text)
    if m:
        number = int(m.group("num"))
        if number < 1 or m.group("sign"):
            raise InputError(f"slide numbers start at 1, not {m.group('sign') or ''}{m.group('num')}", pos)
        if number > MAX_SLIDE_NUMBER:
            raise InputError(f"slide number {m.group('num')} is too large (at most {MAX_SLIDE_NUMBER})", pos)
        rest = _drop_prefix(block.spans, m.end())
        if block.kind == "heading":
            return _Marker(number, pos, index, (), heading_title=plain(rest).strip(), heading_level=block.level or 1)
        return _Marker(number, pos, index, rest, blocks=[])
    m = _SLIDE_NOTES.match(text)
    if m:
        if numbered:
            report.warn("'SLIDE NOTES:' in a post with numbered Slide markers is read as text", pos)
            return None
        return _Marker(1, pos, index, _drop_prefix(block.spans, m.end()))
    return None


def _warn_near_miss(block: Block, pos: SourcePos, report: Report) -> None:
    m = _NEAR_MISS.match(block.text)
    if m and not _MARKER.match(block.text) and m.group("what").lower() != "notes":
        report.warn(
            f"'{m.group(0).strip()}' looks like a slide marker but is not one; "
            "write it as 'Slide 2:' with ASCII digits",
            pos,
        )


def _drop_prefix(spans: Paragraph, count: int) -> Paragraph:
    """The spans without their first ``count`` characters, leading blanks and stray bold markers."""
    out: list[Span] = []
    for span in spans:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        text = span.text[count:] if count else span.text
        count = 0
        if not out:
            text = text.lstrip()
            if not text:
                continue
        out.append(Span(text, span.bold, span.italic, span.code, span.href))
    return tuple(out)


def _note_from(marker: _Marker) -> Note:
    paras = [_strip_paragraph(marker.rest)] if plain(marker.rest).strip() else []
    roles = [PROSE] * len(paras)
    for block in marker.blocks:
        if block.kind == "image" or not block.text.strip():
            continue
        # Code keeps its indentation and blank lines; everything else loses trailing blanks.
        paras.append(block.spans if block.kind == "code" else _strip_paragraph(block.spans))
        roles.append(role_of(block))
    return Note(tuple(paras), tuple(number_items(roles)) if any(r != PROSE for r in roles) else ())


def role_of(block: Block) -> Role:
    """The role a block's text plays in a note."""
    if block.kind == "item":
        return Role("number" if block.ordered else "bullet", block.level)
    if block.kind == "row":
        return Role("row", block.level, block.cells)
    if block.kind == "code":
        return Role("code")
    if block.kind == "heading":
        return Role("heading", block.level)
    return PROSE


def _strip_paragraph(paragraph: Paragraph) -> Paragraph:
    spans = list(paragraph)
    if spans:
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.code, last.href)
    return tuple(s for s in spans if s.text)


def _check_numbers(markers: list[_Marker], report: Report) -> None:
    if len(markers) > MAX_SLIDES:
        raise InputError(
            f"{len(markers)} slide notes; slidegen builds at most {MAX_SLIDES} per deck", markers[MAX_SLIDES].pos
        )
    seen: dict[int, _Marker] = {}
    for m in markers:
        if m.number in seen:
            raise InputError(
                f"duplicate Slide {m.number} (first at line {seen[m.number].pos.line}); renumber one of them", m.pos
            )
        seen[m.number] = m
    for prev, nxt in zip(markers, markers[1:]):
        if nxt.number < prev.number:
            report.warn(
                f"Slide {nxt.number} comes after Slide {prev.number} (line {prev.pos.line}); "
                "slides are ordered by number",
                nxt.pos,
            )
    ordered = sorted(seen)
    for a, b in zip(ordered, ordered[1:]):
        if b - a > 1:
            missing = f"{a + 1}" if b - a == 2 else f"{a + 1}\u2013{b - 1}"
            report.warn(f"Slide {missing} missing: numbering jumps from {a} to {b}", seen[b].pos)
    if ordered[0] != 1:
        report.warn(f"numbering starts at Slide {ordered[0]}, not 1", seen[ordered[0]].pos)
