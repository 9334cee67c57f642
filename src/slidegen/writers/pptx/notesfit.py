"""How much of a note fits on a handout page: the page's boxes, lines wrapped by estimate, notes paginated.

Pure arithmetic on text and EMU, no XML: ``notespages`` writes what this decides. The estimate
is pessimistic on purpose (wide fonts, capitals, East Asian characters) so that a page ends early
rather than letting LibreOffice cut the text at the foot of the notes box.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Notes text size in points: what a printed handout is read at.
NOTES_PT = 12
FOOTER_PT = 9
#: Pessimistic average character width, in ems, and line height, in sizes: wide fonts (DejaVu Sans,
#: LibreOffice's stand-in for a missing font) must still fit, so pages end early rather than cut.
CHAR_EM = 0.56
LINE_EM = 1.22
EMU_PER_PT = 12700


@dataclass(frozen=True)
class Geometry:
    """Boxes of a notes page in EMU: (left, top, width, height) for the slide picture, notes and footer."""

    slide: tuple[int, int, int, int]
    notes: tuple[int, int, int, int]
    footer: tuple[int, int, int, int]

    @property
    def lines(self) -> int:
        """How many lines of notes the notes box holds, by the pessimistic estimate."""
        inner = self.notes[3] - 2 * _INSET
        return max(1, int(inner / (NOTES_PT * LINE_EM * EMU_PER_PT)))

    @property
    def columns(self) -> int:
        """How many characters fit on one line of notes, by the pessimistic estimate."""
        inner = self.notes[2] - 2 * _INSET
        return max(10, int(inner / (NOTES_PT * CHAR_EM * EMU_PER_PT)))


_INSET = 91440  # the body's default inset (0.1 in) on every side


def geometry(page: tuple[int, int], slide: tuple[int, int], continued: bool) -> Geometry:
    """The boxes for a notes page of size ``page`` showing a slide of size ``slide``.

    A first page shows the slide across the page; a continuation shows it at a third of that,
    so the rest of a long note has room.
    """
    width, height = page
    margin = round(min(width, height) * 0.07)
    footer_h = round(FOOTER_PT * 2.2 * EMU_PER_PT)
    inner = width - 2 * margin
    shown = inner if not continued else round(inner * 0.36)
    shown_h = round(shown * slide[1] / slide[0])
    if shown_h > height * 0.45:  # a tall (portrait) slide must still leave room for notes
        shown_h = round(height * 0.45)
        shown = round(shown_h * slide[0] / slide[1])
    left = margin + (inner - shown) // 2
    top = margin
    notes_top = top + shown_h + round(margin * 0.5)
    footer_top = height - margin - footer_h
    notes_h = footer_top - notes_top - round(margin * 0.25)
    return Geometry(
        (left, top, shown, shown_h), (margin, notes_top, inner, notes_h), (margin, footer_top, inner, footer_h)
    )


# --- measuring and splitting ------------------------------------------------------------------


def wrap(text: str, columns: int) -> list[tuple[int, int]]:
    """(start, end) of each line ``text`` wraps to in ``columns`` average characters, breaking at spaces.

    Capitals count wider and East Asian wide characters double. A line break in the text ends a
    line; a word longer than a line is cut. An empty text is one empty line (it still takes a line).
    """
    lines: list[tuple[int, int]] = []
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        pos = start
        if not piece:
            lines.append((pos, pos))
        while pos < end:
            width, stop, space = 0.0, pos, -1
            while stop < end and width + _width(text[stop]) <= columns:
                width += _width(text[stop])
                if text[stop] == " ":
                    space = stop
                stop += 1
            if stop >= end:
                lines.append((pos, end))
                break
            if text[stop] == " ":
                space = stop
            if space > pos:
                lines.append((pos, space))
                pos = space + 1
            else:  # one word longer than the line, or a script without spaces: cut it
                stop = max(stop, pos + 1)
                lines.append((pos, stop))
                pos = stop
        start = end + 1
    return lines


def _width(char: str) -> float:
    if char.isascii():
        return 1.3 if char.isupper() or char in "mwMW@%" else 1.0
    import unicodedata

    return 2.0 if unicodedata.east_asian_width(char) in ("W", "F") else 1.3


def paginate(paragraphs: list[str], first: Geometry, rest: Geometry) -> list[list[tuple[int, int, int]]]:
    """Pages of (paragraph index, start, end) pieces; every character lands on one page, but for the
    space or line break where a paragraph is split between two lines.

    Half a line of space follows each paragraph.
    """
    pages: list[list[tuple[int, int, int]]] = [[]]
    room = float(first.lines)
    for index, text in enumerate(paragraphs):
        start = 0
        while True:
            columns = (first if len(pages) == 1 else rest).columns
            lines = wrap(text[start:], columns)
            fit = int(room)
            if fit <= 0 and pages[-1]:
                pages.append([])
                room = float(rest.lines)
                continue
            fit = max(fit, 1)  # an empty page takes at least one line, so this always ends
            if len(lines) <= fit:
                pages[-1].append((index, start, len(text)))
                room -= len(lines)
                break
            # The space or line break between the last line taken and the next is left out: a
            # trailing line break would start one more (empty) line at the foot of the page.
            pages[-1].append((index, start, start + lines[fit - 1][1]))
            start += lines[fit][0]
            pages.append([])
            room = float(rest.lines)
        room -= 0.5
    return pages
