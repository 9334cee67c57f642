"""Pure slide geometry in EMU: slide sizes, picture boxes fitted without crop, text sizes that fit.

Nothing here knows python-pptx; the PPTX writer asks these functions where things go and then
emits them. 914400 EMU make an inch, 12700 a point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700

#: 13.333 × 7.5 inches, PowerPoint's own widescreen size.
WIDESCREEN = (12_192_000, 6_858_000)
#: 10 × 7.5 inches, the old 4:3 size.
STANDARD = (9_144_000, 6_858_000)

#: Font sizes tried for a text slide's body, largest first; the last is the smallest we call readable.
BODY_SIZES_PT = (28, 24, 22, 20, 18, 16, 14, 12)
# Average advance of a proportional Latin glyph as a share of the font size; a little generous
# so estimated lines never come out fewer than a real renderer draws.
_GLYPH_WIDTH = 0.52
_LINE_HEIGHT = 1.2
_PARAGRAPH_GAP = 0.6  # of a line, between paragraphs


@dataclass(frozen=True)
class Box:
    """A rectangle on a slide: left, top, width and height in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def inset(self, margin: int) -> Box:
        """The box shrunk by ``margin`` on every side (never below zero size)."""
        m = min(margin, self.width // 2, self.height // 2)
        return Box(self.left + m, self.top + m, self.width - 2 * m, self.height - 2 * m)


def is_widescreen(width: int, height: int) -> bool:
    """True when the slide is 16:9 (within rounding)."""
    return height > 0 and abs(width * 9 - height * 16) <= 16 * 9 * 100


def is_four_by_three(width: int, height: int) -> bool:
    """True when the slide is 4:3 (within rounding)."""
    return height > 0 and abs(width * 3 - height * 4) <= 4 * 3 * 100


def fit_picture(px_width: int, px_height: int, box: Box) -> Box:
    """The largest box of the picture's aspect that fits inside ``box``, centred in it.

    Never crops and never stretches: the returned box has the picture's aspect ratio to within
    one EMU and lies wholly inside ``box``. Degenerate sizes (zero or negative) give the box itself.
    """
    if px_width <= 0 or px_height <= 0 or box.width <= 0 or box.height <= 0:
        return box
    # Compare aspects in integers so the choice of the limiting side is exact.
    if px_width * box.height >= px_height * box.width:
        width = box.width
        height = max(1, min(box.height, round(box.width * px_height / px_width)))
    else:
        height = box.height
        width = max(1, min(box.width, round(box.height * px_width / px_height)))
    left = box.left + (box.width - width) // 2
    top = box.top + (box.height - height) // 2
    return Box(left, top, width, height)


def content_box(
    slide_width: int, slide_height: int, title: Box | None, margin: int | None = None, gap: int | None = None
) -> Box:
    """Where a picture or text goes on a slide without a placeholder for it.

    Below the title (plus a gap) when the slide has one, else the whole slide; inside margins
    of about 4% of the slide's width.
    """
    margin = round(slide_width * 0.04) if margin is None else margin
    gap = round(slide_height * 0.02) if gap is None else gap
    top = margin
    if title is not None and title.bottom + gap < slide_height - margin:
        top = max(margin, title.bottom + gap)
    return Box(margin, top, max(1, slide_width - 2 * margin), max(1, slide_height - margin - top))


#: Under this share of the slide's height, the room below a layout's title is no place for a picture.
MIN_FREE_SHARE = 0.5


def free_area(slide_width: int, slide_height: int, title: Box | None) -> tuple[Box | None, Box]:
    """(title box, picture box) for a slide whose layout has no placeholder for its picture.

    The picture goes in the room under the title, within the margins. When the layout's title
    leaves less than half the slide below it (a "Title Slide" layout's centred title), the
    title moves to a band at the top and the picture takes the room under that.
    """
    box = content_box(slide_width, slide_height, title)
    if title is None or box.height >= slide_height * MIN_FREE_SHARE:
        return title, box
    margin = round(slide_width * 0.04)
    top = Box(margin, margin, max(1, slide_width - 2 * margin), round(slide_height * 0.14))
    return top, content_box(slide_width, slide_height, top)


def body_font_size(
    paragraphs: list[str], box: Box, sizes: tuple[int, ...] = BODY_SIZES_PT, inner_margin: int = 91_440
) -> int:
    """The largest size in ``sizes`` (points) at which ``paragraphs`` fit in ``box``, else the smallest.

    An estimate from average glyph width, good enough to keep a note readable on a text slide;
    ``inner_margin`` is the text frame's own inset on each side (python-pptx's 0.1 inch).
    """
    width_pt = max(1.0, (box.width - 2 * inner_margin) / EMU_PER_PT)
    height_pt = max(1.0, (box.height - 2 * inner_margin) / EMU_PER_PT)
    for size in sizes:
        if _text_height(paragraphs, size, width_pt) <= height_pt:
            return size
    return sizes[-1]


def _text_height(paragraphs: list[str], size: float, width_pt: float) -> float:
    per_line = max(1, int(width_pt / (size * _GLYPH_WIDTH)))
    lines = 0
    for text in paragraphs:
        for hard_line in text.split("\n") or [""]:
            lines += max(1, _wrapped_lines(hard_line, per_line))
    gaps = max(0, len(paragraphs) - 1) * _PARAGRAPH_GAP
    return (lines + gaps) * size * _LINE_HEIGHT


def _wrapped_lines(text: str, per_line: int) -> int:
    """Lines a greedy word wrap needs; a word longer than a line is broken across lines."""
    lines, used = 1, 0
    for word in text.split():
        n = len(word)
        if used and used + 1 + n > per_line:
            lines, used = lines + 1, 0
        if n > per_line:
            extra = math.ceil(n / per_line) - 1
            lines += extra
            used = n - extra * per_line
        else:
            used = used + (1 if used else 0) + n
    return lines


#: The ways a picture slide can be laid out: under a slim title, or over the whole slide.
PICTURE_LAYOUTS = ("picture", "full")


def picture_layout(deck, options) -> str:
    """ "picture" or "full" for a deck: ``--picture-layout`` first, then the post's ``layout:``."""
    chosen = getattr(options, "picture_layout", None) or getattr(deck, "layout", "") or "picture"
    return chosen if chosen in PICTURE_LAYOUTS else "picture"
