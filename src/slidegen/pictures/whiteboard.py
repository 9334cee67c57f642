"""Whiteboard cleanup: flatten uneven light, make the board white, deepen the marker strokes.

Everything is decided on a small copy (about 128 pixels across) and applied in Pillow's C code:

1. a closing (max filter, then min filter) removes the strokes but leaves the board's edges
   where they are; the board is the region grown from its bright middle through smooth changes
   of light (a lamp's fall-off) and never into a sudden step down (the wall, the frame);
2. the light falling on the board is estimated from board pixels only, so the board's edge is
   not darkened by the wall beside it, and divided out of every channel; a lookup table then
   whitens the board and darkens the strokes;
3. only the board is cleaned: the wall keeps its photographed colours instead of being turned
   into a glow, and along the board's edge each full-size pixel is judged by its own brightness.
"""

from __future__ import annotations

from collections import deque

from PIL import Image, ImageChops, ImageFilter, ImageMath

#: A pixel at least this fraction of the board's brightness becomes pure white.
WHITE_AT = 0.86
#: Below this fraction of the board's brightness a pixel becomes black.
BLACK_AT = 0.30
#: Gamma above 1 darkens the mid tones, so thin and faint marker lines gain weight.
DEEPEN = 1.6
#: Where the board surely is: at least this fraction of its typical light, in the middle half.
SEED_AT = 0.85
#: The board grows into a neighbour no darker than this fraction of the pixel it grows from...
STEP = 0.93
#: ...and never into light below this fraction of the board's typical level.
FLOOR = 0.6
#: Along the board's edge, a full-size pixel this bright (of the board's light) is board.
EDGE_AT = 0.8
# The board estimate works at about this many pixels along the long side: coarse enough for the
# max filter to swallow any stroke, fine enough to follow a lamp's light fall-off.
_SMALL_SIDE = 128
_MAX_FILTER = 5


def clean_board(img: Image.Image) -> Image.Image:
    """A cleaned copy of an RGB or L picture of a whiteboard."""
    region, core, background = _board(img)
    # pixel × 255 / board. Pillow has no per-pixel division, but pixel + pixel × f (multiply and
    # add, in C on all channels) multiplies by up to 2; applied twice with the square root of the
    # board's ratio it divides exactly down to a board a quarter as bright as white.
    boost = background.point(_STEP_BOOST * len(img.getbands()))
    flat = img
    for _ in range(_STEPS):
        flat = ImageChops.add(flat, ImageChops.multiply(flat, boost))
    cleaned = flat.point(_CURVE * len(img.getbands()))
    surely = core.resize(img.size, Image.Resampling.BILINEAR).point(lambda v: 255 if v == 255 else 0)
    near = region.resize(img.size, Image.Resampling.BILINEAR).point(lambda v: 255 if v else 0)
    # pixel ≥ EDGE_AT × light, as a subtraction that stays in 8-bit C code
    dimmed = background.convert("L").point(lambda v: round(v * EDGE_AT) - 1 if v else 0)
    bright = ImageChops.subtract(img.convert("L"), dimmed).point(lambda v: 255 if v else 0)
    on_board = ImageChops.lighter(surely, ImageChops.multiply(near, bright)).filter(ImageFilter.GaussianBlur(1.5))
    return Image.composite(cleaned, img, on_board)


def estimate_background(img: Image.Image) -> Image.Image:
    """The board without its strokes: a smooth picture of the light falling on it, same size."""
    return _board(img)[2]


def _board(img: Image.Image) -> tuple[Image.Image, Image.Image, Image.Image]:
    """(board region and its core on the small copy, the light on the board at full size)."""
    small = _closed_small(img)
    level = small.convert("L")
    region = board_region(level, _percentile(level, 0.6))
    core = region.filter(ImageFilter.MinFilter(3))  # away from the edge, where wall and board mix
    return region, core, _light_on(small, core).resize(img.size, Image.Resampling.BILINEAR)


def board_region(level: Image.Image, typical: int) -> Image.Image:
    """The board on the small grey copy (255 = board): grown from the bright middle through
    neighbours at most a little darker, never below ``FLOOR`` of the ``typical`` board light."""
    w, h = level.size
    px = level.tobytes()
    # A pixel well below the brightest light a few pixels away sits on a step (the board's edge
    # seen at an angle blends into a smooth ramp along it), so the board never grows there.
    stepped = _ratio(level, level.filter(ImageFilter.MaxFilter(9))).tobytes()
    step_at = round(255 * EDGE_AT)
    inside = bytearray(w * h)
    floor = typical * FLOOR
    todo = deque(i for i, v in enumerate(px) if v >= typical * SEED_AT
                 and w // 4 <= i % w < w - w // 4 and h // 4 <= i // w < h - h // 4)
    if not todo:  # no bright middle (a dim or odd picture): the whole picture is the board
        return Image.new("L", level.size, 255)
    for i in todo:
        inside[i] = 255
    while todo:
        i = todo.popleft()
        limit = max(floor, px[i] * STEP)
        x = i % w
        for j in (i - w, i + w, i - 1 if x else -1, i + 1 if x + 1 < w else -1):
            if 0 <= j < w * h and not inside[j] and px[j] >= limit and stepped[j] >= step_at:
                inside[j] = 255
                todo.append(j)
    return Image.frombytes("L", level.size, bytes(inside))


def _closed_small(img: Image.Image) -> Image.Image:
    """A small copy with the strokes closed over (max filter, then min filter: edges stay put)."""
    factor = max(1, max(img.size) // _SMALL_SIDE)
    small = img.reduce(factor) if factor > 1 else img
    return small.filter(ImageFilter.MaxFilter(_MAX_FILTER)).filter(ImageFilter.MinFilter(_MAX_FILTER))


def _light_on(small: Image.Image, core: Image.Image) -> Image.Image:
    """The light on the board, smoothed from board pixels only (a blur weighted by ``core``)."""
    weight = core.filter(ImageFilter.GaussianBlur(3))
    bands = [_ratio(ImageChops.multiply(band, core).filter(ImageFilter.GaussianBlur(3)), weight)
             for band in small.split()]
    return Image.merge(small.mode, bands) if len(bands) > 1 else bands[0]


def _ratio(a: Image.Image, b: Image.Image) -> Image.Image:
    """255 × a / b per pixel, clipped to 0–255 (grey images of one size)."""
    return ImageMath.lambda_eval(lambda e: e["convert"](e["a"], "F") * 255 / (e["b"] + 0.5), a=a, b=b).convert("L")


def _percentile(img: Image.Image, fraction: float) -> int:
    histogram = img.histogram()
    wanted, seen = sum(histogram) * fraction, 0
    for value, count in enumerate(histogram):
        seen += count
        if seen >= wanted:
            return value
    return 255


def _curve(level: int) -> int:
    ratio = level / 255
    shade = min(1.0, max(0.0, (ratio - BLACK_AT) / (WHITE_AT - BLACK_AT)))
    return round(255 * shade ** DEEPEN)


# For a board at level b, each of the passes multiplies by (255 / b) ** (1 / _STEPS), capped at 2.
_STEPS = 2
_STEP_BOOST = [min(255, round(255 * ((255 / max(b, 1)) ** (1 / _STEPS) - 1))) for b in range(256)]
_CURVE = [_curve(v) for v in range(256)]
