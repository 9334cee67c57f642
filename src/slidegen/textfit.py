"""How a note fills a text slide: measured with real font metrics, shrunk to a readable floor, continued past it.

Both the PPTX and the HTML writer ask this module the same question in slide points (a 16:9
slide is 960 × 540 pt): which size, and which paragraphs on which slide. The text is measured
with the glyph advances of a real font (DejaVu Sans, or another sans font the system has, read
through Pillow; nothing is fetched), wrapped word by word as a renderer does. Past the floor
(18 pt) the note continues on "Title (2)", never cut.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from slidegen.model import PROSE, Note, Paragraph, Role, Slide, Span, plain

#: Body sizes tried, largest first; the last is the readable floor.
SIZES_PT = (28, 26, 24, 22, 20, 18)
FLOOR_PT = SIZES_PT[-1]
LINE_HEIGHT = 1.2  # of the font size, as both writers set it
PARA_GAP = 0.5  # of the font size, after a paragraph, a code block, a sub-heading or a whole list
ITEM_GAP = 0.2  # of the font size, after a list item or a table row
INDENT = 1.2  # of the font size, per list level

# Fonts tried for measuring, regular / bold / monospace: wide sans fonts first, so an estimate
# never comes out narrower than what a renderer with a narrower font draws.
_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    os.path.expanduser("~/.fonts"),
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    "C:\\Windows\\Fonts",
)
_FONTS = {
    "regular": ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf"),
    "bold": ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf"),
    "mono": ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf", "Courier New.ttf", "cour.ttf"),
}
_EM = 100  # fonts are loaded at this size and their advances scaled
_FALLBACK_ADVANCE = 0.6  # of the size per character, when no font file is found at all


@dataclass(frozen=True)
class Page:
    """One slide's share of a note: its title, the paragraphs it shows, their size in points.

    ``body`` is what the slide shows; ``note`` the same paragraphs as the post wrote them (the
    first page's body leaves out a first sentence the title already says).
    """

    title: str
    body: Note
    note: Note
    size: int


@dataclass(frozen=True)
class Box:
    """The room for a note's text in slide points, and how the writer lays tables out."""

    width: float
    height: float
    tables_as_grid: bool = False  # HTML draws cells in columns; PPTX writes one line per row


def paginate(slide: Slide, box: Box) -> list[Page]:
    """The slide's note as pages: one at the largest size that fits, else as many as needed at the floor."""
    body = body_of(slide)
    title = slide.title or f"Slide {slide.number}"
    # A box with room for less than three lines (a title of many lines) still gets three.
    box = Box(max(box.width, 10 * FLOOR_PT), max(box.height, 3 * FLOOR_PT * LINE_HEIGHT), box.tables_as_grid)
    if not body.paragraphs:
        return [Page(title, body, slide.note, SIZES_PT[0])]
    for size in SIZES_PT:
        if note_height(body, size, box) <= box.height:
            return [Page(title, body, slide.note, size)]
    chunks = _split(body, FLOOR_PT, box)
    if len(chunks) == 1:
        return [Page(title, chunks[0], slide.note, FLOOR_PT)]
    # Each page's notes pane holds the paragraphs that page shows.
    return [Page(title if n == 0 else f"{title} ({n + 1})", chunk, chunk, FLOOR_PT) for n, chunk in enumerate(chunks)]


def body_of(slide: Slide) -> Note:
    """The note without a first sentence that the (derived) title already says."""
    note = slide.note
    if slide.title_is_explicit or not note.paragraphs or note.role(0) != PROSE:
        return note
    first = note.paragraphs[0]
    text = plain(first)
    title = slide.title.rstrip("\u2026")
    if slide.title.endswith("\u2026") or not title:
        return note
    m = re.match(r"\s*[*_\"'(\[]*" + re.escape(title) + r"[.!?:;,]*[\"')\]]*\s*", text)
    if not m:
        return note
    rest = _drop_chars(first, m.end())
    parts = note.parts()
    parts = ([(PROSE, rest)] if plain(rest).strip() else []) + parts[1:]
    return Note(tuple(p for _, p in parts), tuple(r for r, _ in parts))


def note_height(note: Note, size: float, box: Box) -> float:
    """The height of the note's text in points at ``size``, gaps included."""
    total = 0.0
    parts = note.parts()
    for index, (role, para) in enumerate(parts):
        following = parts[index + 1][0] if index + 1 < len(parts) else None
        total += _part_height(role, para, size, box) + gap_after(role, following) * size
    return total


def gap_after(role: Role, following: Role | None) -> float:
    """The space after a paragraph, as a share of the font size: small inside a list or table."""
    grouped = {"bullet", "number"}
    if role.kind in grouped or role.kind == "row":
        same = following is not None and (
            following.kind in grouped if role.kind in grouped else following.kind == "row"
        )
        return ITEM_GAP if same else ITEM_GAP + PARA_GAP
    return PARA_GAP


def _part_height(role: Role, para: Paragraph, size: float, box: Box) -> float:
    line = size * LINE_HEIGHT
    if role.kind == "row" and box.tables_as_grid and role.cells:
        cell_width = box.width / len(role.cells) - size * 0.6  # cell padding
        return (
            max(_lines(plain(c), size, cell_width, "bold" if role.level else "regular") for c in role.cells) * line
            + size * 0.3
        )
    width = box.width
    face = "regular"
    if role.kind in ("bullet", "number"):
        width -= INDENT * size * (role.level + 1)
    elif role.kind == "code":
        face = "mono"
        size_used = size * 0.9  # code is set a little smaller in both writers
        return _lines(plain(para), size_used, width, face) * size_used * LINE_HEIGHT
    elif role.kind == "heading" or (role.kind == "row" and role.level == 1):
        face = "bold"
    return _lines(plain(para), size, width, face) * line


def line_count(text: str, size: float, width: float, face: str = "regular") -> int:
    """Lines ``text`` takes at ``size`` points in ``width`` points; ``face`` is regular, bold or mono."""
    return _lines(text, size, width, face)


def _lines(text: str, size: float, width: float, face: str) -> int:
    """Lines a greedy word wrap needs for ``text`` in ``width`` points; hard line breaks kept."""
    count = 0
    space = _advance(" ", face) * size
    for hard in text.split("\n"):
        lines, used = 1, 0.0
        if face == "mono":  # code keeps its indentation
            hard = hard.expandtabs(8)
            used = (len(hard) - len(hard.lstrip(" "))) * space
        for word in hard.split():
            w = _advance(word, face) * size
            if used and used + space + w > width and hard.strip():
                lines, used = lines + 1, 0.0
            if w > width:  # a word longer than a line is broken across lines
                extra = int(w // max(width, 1.0))
                lines += extra
                used = w - extra * width
            else:
                used = used + (space if used else 0.0) + w
        count += lines
    return count


@functools.lru_cache(maxsize=8192)
def _advance(word: str, face: str) -> float:
    """The advance of ``word`` per point of font size."""
    font = _font(face)
    if font is None:
        return len(word) * _FALLBACK_ADVANCE
    return font.getlength(word) / _EM


@functools.cache
def _font(face: str):
    from PIL import ImageFont

    for folder in _FONT_DIRS:
        for name in _FONTS[face]:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                try:
                    return ImageFont.truetype(path, _EM)
                except OSError:
                    continue
    return None


def font_found() -> bool:
    """True when a real font's metrics are used (tests insist on it)."""
    return _font("regular") is not None


# ---- continuing on more slides ----------------------------------------------------------------


def _split(body: Note, size: int, box: Box) -> list[Note]:
    """Paragraphs packed onto pages at ``size``; a paragraph longer than a page is cut between words.

    A page's height is kept as it grows (parts and the gaps between them), so packing is linear.
    """
    pages: list[list[tuple[Role, Paragraph]]] = [[]]
    used = 0.0  # the current page's parts and the gaps between them, not the gap after the last
    queue = list(body.parts())
    while queue:  # every turn places some text, or starts a page that will take some
        role, para = queue.pop(0)
        page = pages[-1]
        between = gap_after(page[-1][0], role) * size if page else 0.0
        height = _part_height(role, para, size, box)
        if used + between + height + gap_after(role, None) * size <= box.height:
            page.append((role, para))
            used += between + height
            continue
        room = box.height - (used + between if page else 0.0)
        head, tail = _cut(role, para, size, box, room)
        if head is None and not page:  # not even a line fits an empty page: give it the page whole
            head, tail = para, None
        if head is not None:
            page.append((role, head))
        pages.append([])
        used = 0.0
        if tail is not None:
            queue.insert(0, (role, tail))
    return [_note(parts) for parts in pages if parts]


def _note(parts: list[tuple[Role, Paragraph]]) -> Note:
    return Note(tuple(p for _, p in parts), tuple(r for r, _ in parts))


def _cut(role: Role, para: Paragraph, size: int, box: Box, room: float) -> tuple[Paragraph | None, Paragraph | None]:
    """The longest head of ``para`` (whole words, or whole lines of code) that fits in ``room``, and the rest."""
    text = plain(para)
    breaks = [m.start() for m in re.finditer("\n" if role.kind == "code" else r"\s+", text)]
    best = None
    lo, hi = 0, len(breaks) - 1
    while lo <= hi:  # the head grows with the break index, so a binary search finds the longest
        mid = (lo + hi) // 2
        head = _take_chars(para, breaks[mid])
        if _part_height(role, head, size, box) + gap_after(role, None) * size <= room:
            best, lo = breaks[mid], mid + 1
        else:
            hi = mid - 1
    if best is None:
        return None, para
    head = _take_chars(para, best)
    tail = _drop_chars(para, best)
    return head, (tail if plain(tail).strip() else None)


def _take_chars(para: Paragraph, count: int) -> Paragraph:
    out = []
    for span in para:
        if count <= 0:
            break
        out.append(Span(span.text[:count], span.bold, span.italic, span.code, span.href))
        count -= len(span.text)
    return tuple(s for s in out if s.text)


def _drop_chars(para: Paragraph, count: int) -> Paragraph:
    out: list[Span] = []
    for span in para:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        text = span.text[count:] if count > 0 else span.text
        count = 0
        if not out:
            text = text.lstrip(" \t") if not span.code else text.lstrip("\n")
        if text:
            out.append(Span(text, span.bold, span.italic, span.code, span.href))
    return tuple(out)
