"""Whiteboard cleanup at full quality: even out the light, white background, dark strokes, true pen colours.

After Zhang & He (2007), made smooth and robust: the light falling on the board is a high
percentile of each channel in small cells of a quarter-size copy (a speck of glare or noise is
above it, strokes below), median-filtered across cells, interpolated smoothly and scaled up (no
cells, blocks or halos), then divided out of each channel, which also white-balances the board.
Glare adds light on top of the board's: where the light rises above the board's broad level,
the ink's contrast is scaled back up by as much, so writing that runs through a glare patch
stays writing instead of being whitened. A curve then makes the board and the ghosts of erased
ink pure white while strokes get darker and their colours more saturated.

Everything full-size is 8-bit or a single float channel, computed at the slide picture's own size;
the cleanup itself runs a band of rows at a time.
``kept_writing`` is the in-pipeline measure that keeps the cleanup honest: the share of the
photo's stroke pixels that are still ink afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class Strength:
    """How hard the cleanup pushes: where white starts, and how much strokes are deepened."""

    white_at: float  # a pixel at least this fraction of the board's light becomes white...
    white_from: float  # ...fading in from this fraction (ghosts of erased ink sit in between)
    deepen: float  # the ink's distance from white is multiplied by this (darker, more saturated)


FULL = Strength(white_at=0.95, white_from=0.88, deepen=1.8)
#: For faint or dense writing that the full strength would thin out.
MILD = Strength(white_at=0.98, white_from=0.94, deepen=1.35)

#: Where the light is below this fraction of the board's, it is not the board: kept as photographed.
OFF_BOARD = 0.3
#: The light is this percentile of each cell: a few bright specks in a cell do not raise it.
LIGHT_PERCENTILE = 97
#: Glare: the ink's contrast is restored by the light over the board's broad level, up to this factor.
MAX_GLARE = 3.0

#: A pixel at most this fraction of the board's light is surely a stroke (a ghost is fainter).
STROKE_AT = 0.75

#: In the normalised photo, a pixel this far below the board's light is writing...
INK_AT = 0.93
#: ...and it is still writing after cleaning when it keeps this share of its contrast against
#: the board (on a white board a faint stroke needs no more than it had in the photo).
KEEP_CONTRAST = 0.8


@dataclass(frozen=True)
class Board:
    """A board picture measured for cleaning: the light on it and the photo as a share of that light."""

    light: np.ndarray  # the light per channel, uint8 (H×W×3), at least 1
    ratio: np.ndarray  # the photo over the light per channel, uint8 0–255 standing for 0–1 (H×W×3)
    glare: np.ndarray | None  # how much of the light is glare, float32 ≥ 1 (H×W), None without any
    on_board: np.ndarray | None  # float32 0–1 (H×W) where the light is the board's, None if all of it is


def measure(rgb: np.ndarray) -> Board:
    """The light on the board ``rgb`` (H×W×3 uint8), its glare and the photo normalised by it."""
    h, w = rgb.shape[:2]
    cells, small = _cells(rgb)
    lum = cells @ np.array([0.299, 0.587, 0.114], np.float32)
    board = float(np.percentile(lum, 75))
    light = cv2.resize(np.clip(small + 0.5, 1, 255).astype(np.uint8), (w, h), interpolation=cv2.INTER_LINEAR)
    ratio = cv2.divide(rgb, light, scale=255)  # saturates at 255: nothing is lighter than the board
    t = np.clip((lum * (1.0 / max(board, 1.0)) - OFF_BOARD) * (1.0 / 0.15), 0.0, 1.0)
    on_board = None
    if t.min() < 1.0:  # some of the picture is not board: it will be kept as photographed
        on_board = _smooth_up((t * t * (3 - 2 * t)).astype(np.float32), w, h)
    glare = _glare(lum)
    return Board(light, ratio, None if glare is None else _smooth_up(glare, w, h), on_board)


def _smooth_up(cells: np.ndarray, w: int, h: int) -> np.ndarray:
    """A map of cells (float32) interpolated smoothly to ``w`` × ``h`` pixels."""
    gh, gw = cells.shape[:2]
    fine = cv2.resize(cells, (gw * 4, gh * 4), interpolation=cv2.INTER_CUBIC)
    fine = cv2.GaussianBlur(fine, (0, 0), 2.0)
    return cv2.resize(fine, (w, h), interpolation=cv2.INTER_LINEAR)


def _cells(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The light of each channel (float32) in cells about 64 along the long side, and interpolated
    smoothly over a copy a quarter the size."""
    h, w = rgb.shape[:2]
    factor = 4 if min(h, w) >= 64 else 1
    # By a whole factor (OpenCV's fast path); the last few rows or columns are left out.
    small = cv2.resize(
        rgb[: h // factor * factor, : w // factor * factor], (w // factor, h // factor), interpolation=cv2.INTER_AREA
    )
    sh, sw = small.shape[:2]
    cell = max(2, round(max(sh, sw) / 64))
    gh, gw = max(1, sh // cell), max(1, sw // cell)
    # Cells tile the copy exactly (the few rows and columns left over are the last cells' too).
    grid = (
        small
        if (sh, sw) == (gh * cell, gw * cell)
        else cv2.resize(small, (gw * cell, gh * cell), interpolation=cv2.INTER_AREA)
    )
    blocks = grid.reshape(gh, cell, gw, cell, 3).transpose(0, 2, 1, 3, 4).reshape(gh, gw, cell * cell, 3)
    # A high percentile, not the maximum: a speck of glare or a bright pixel of noise is not the light.
    k = int(cell * cell * LIGHT_PERCENTILE / 100)
    level = np.ascontiguousarray(np.partition(blocks, k, axis=2)[:, :, k])
    if min(gh, gw) >= 3:
        level = cv2.medianBlur(
            level, 3 if min(gh, gw) < 12 else 5
        )  # cells that are all ink take their neighbours' light
    level = level.astype(np.float32)
    light = cv2.resize(level, (sw, sh), interpolation=cv2.INTER_CUBIC)
    return level, cv2.GaussianBlur(light, (0, 0), max(1.0, cell * 0.75))


def _glare(lum: np.ndarray) -> np.ndarray | None:
    """Per cell, how many times the board's broad level the light is (≥ 1), or None without glare.

    The broad level is the light opened with a kernel a third of the picture wide: it follows
    the board's shading but cuts a glare disc or band narrower than that away.
    """
    h, w = lum.shape
    side = max(3, round(max(h, w) / 3)) | 1
    broad = cv2.morphologyEx(lum, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (side, side)))
    broad = cv2.GaussianBlur(broad, (0, 0), side / 4)
    glare = np.clip(lum / np.maximum(broad, 1.0), 1.0, MAX_GLARE)
    # A gentle rise of the light (a lamp's falloff) is not glare: only a clear one counts.
    clear: np.ndarray = cv2.GaussianBlur(np.where(glare < 1.15, 1.0, glare).astype(np.float32), (0, 0), 1.0)
    return clear if clear.max() > 1.05 else None


def light_on(rgb: np.ndarray) -> np.ndarray:
    """The light falling on the board, per channel (float32, same size): the board without strokes."""
    return measure(rgb).light.astype(np.float32)


def _grey(img: np.ndarray) -> np.ndarray:
    # OpenCV's weighted sum (ITU-R 601, as Pillow's "L") is several times faster than NumPy's.
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


#: The cleanup runs over bands of this many rows: every temporary of a band stays small and in
#: the processor's cache (the whole picture's would be a dozen full-size copies).
BAND = 64


def clean(rgb: np.ndarray, strength: Strength = FULL, board: Board | None = None) -> np.ndarray:
    """A cleaned copy (uint8 RGB) of a whiteboard picture (H×W×3 uint8).

    Every pixel's distance from white is scaled by one factor in all channels (its hue is kept):
    deepened for ink, shrunk to nothing for the board and ghosts. Where the light is far below
    the board's (a dark frame, a door, a person beside the board in a photo that was not
    cropped), the photo is kept as it was, fading smoothly into the cleanup.
    """
    board = measure(rgb) if board is None else board
    if board.glare is None:  # the factor depends on one 8-bit value: a table of all 256
        table = _deepen(strength) * _keep(strength)
    else:
        # With glare it depends on the corrected distance (0 to 255 × MAX_GLARE): a table of it
        # in quarter steps spares computing the formula per pixel. The glare map is interpolated
        # smoothly and may overshoot MAX_GLARE a little: the table reaches one further.
        steps = np.arange(round(255 * (MAX_GLARE + 1) * 4) + 1, dtype=np.float32) * 0.25
        table = _deepen(strength, steps) * _keep(strength, steps)
    out = np.empty_like(rgb)
    height = rgb.shape[0]
    for top in range(0, height, BAND):
        bottom = min(height, top + BAND)
        # A row of context above and below: a pixel's 3 × 3 neighbourhood decides its factor.
        above, below = max(0, top - 1), min(height, bottom + 1)
        rows = slice(above, below)
        band = _clean_band(
            rgb[rows],
            board.ratio[rows],
            None if board.glare is None else board.glare[rows],
            None if board.on_board is None else board.on_board[rows],
            table,
        )
        out[top:bottom] = band[top - above : bottom - above]
    return out


def _clean_band(
    rgb: np.ndarray, ratio: np.ndarray, glare: np.ndarray | None, on_board: np.ndarray | None, table: np.ndarray
) -> np.ndarray:
    """``clean`` for a band of rows: the photo, its ratio to the light, glare and board share there."""
    distance = cv2.bitwise_not(ratio)  # 255 - ratio: how far each channel is from the board's white
    r, g, b = cv2.split(ratio)
    # How far a pixel is from white is judged by its farthest channel, not its grey: a thin
    # green or red stroke is as light as a ghost in grey but clearly coloured.
    farthest = cv2.bitwise_not(cv2.min(cv2.min(r, g), b))
    if glare is None:
        factor = cv2.LUT(farthest, table)
    else:  # glare lightened the ink as much as the board: scale its contrast back
        index: np.ndarray = cv2.multiply(farthest, glare, scale=4.0, dtype=cv2.CV_16U)  # rounded to a step
        np.minimum(index, len(table) - 1, out=index)  # and holds its last step beyond
        factor = cv2.multiply(table[index], glare)
    # A stroke's soft edge is as faint as a ghost, but whitening it would thin the stroke to a
    # hairline that people and text recognition misread: next to a stroke, nothing is lightened.
    near = cv2.dilate(farthest, np.ones((3, 3), np.uint8))
    factor = cv2.max(
        factor, cv2.threshold(near, round((1 - STROKE_AT) * 255) - 1, 1.0, cv2.THRESH_BINARY)[1].astype(np.float32)
    )
    out = cv2.bitwise_not(
        cv2.merge([cv2.multiply(channel, factor, dtype=cv2.CV_8U) for channel in cv2.split(distance)])
    )
    if on_board is not None and cv2.minMaxLoc(on_board)[0] < 1.0:
        # Some of the band is not board: kept as photographed there (a band all board is as cleaned).
        out = cv2.blendLinear(out, rgb, on_board, 1.0 - on_board)
    return out


def _deepen(strength: Strength, farthest: np.ndarray | None = None) -> np.ndarray:
    """How much the ink's distance from white is lengthened: darker and more saturated, never
    past black in the darkest channel (``farthest``: that channel's distance, 0–255; by default
    the table of all 256)."""
    farthest = np.arange(256, dtype=np.float32) if farthest is None else farthest
    return np.minimum(strength.deepen, 255.0 / np.maximum(farthest, 1.0)).astype(np.float32)


def _keep(strength: Strength, farthest: np.ndarray | None = None) -> np.ndarray:
    """How much of a pixel's distance from white is kept (0 makes it white), by its farthest
    channel's distance (0–255; by default the table of all 256)."""
    farthest = np.arange(256, dtype=np.float32) if farthest is None else farthest
    span = strength.white_at - strength.white_from
    t = np.clip(((1.0 - strength.white_from) - farthest * (1 / 255)) * (1.0 / span), 0.0, 1.0)
    return (1.0 - t * t * (3 - 2 * t)).astype(np.float32)  # smoothstep: no hard outline around strokes


def writing(ratio: np.ndarray) -> np.ndarray:
    """The photo's stroke pixels (uint8 mask, 1 for ink), judged on the normalised photo (uint8)."""
    mask = (_grey(ratio) < round(INK_AT * 255)).astype(np.uint8)
    # Single specks are noise, not writing.
    opened: np.ndarray = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return opened & mask  # an even kernel's opening may shift by a pixel


def kept_writing(ratio: np.ndarray, cleaned: np.ndarray) -> float:
    """The share of the photo's stroke pixels that are still ink in ``cleaned`` (1.0 without strokes)."""
    strokes = writing(ratio)
    total = cv2.countNonZero(strokes)
    if total < 50:
        return 1.0
    before = cv2.convertScaleAbs(cv2.bitwise_not(_grey(ratio)), alpha=KEEP_CONTRAST)
    still = cv2.compare(cv2.bitwise_not(_grey(cleaned)), before, cv2.CMP_GE)
    return cv2.countNonZero(cv2.bitwise_and(still, still, mask=strokes)) / total
