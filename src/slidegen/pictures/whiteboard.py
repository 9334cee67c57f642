"""Whiteboard cleanup at full quality: even out the light, white background, dark strokes, true pen colours.

After Zhang & He (2007), made smooth: the light falling on the board is estimated without the
strokes (a dilation removes the ink, a median and a Gaussian blur on a quarter-size copy make it
smooth, and it is scaled up with linear interpolation, so there are no cells, blocks or halos),
divided out of each channel (which also white-balances the board and flattens glare, so writing
that runs through a glare patch stays visible), and a curve then makes the board and the ghosts
of erased ink pure white while strokes get darker and their colours more saturated.

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


FULL = Strength(white_at=0.90, white_from=0.80, deepen=1.8)
#: For faint or dense writing that the full strength would thin out.
MILD = Strength(white_at=0.96, white_from=0.90, deepen=1.35)

#: Where the light is below this fraction of the board's, it is not the board: kept as photographed.
OFF_BOARD = 0.3

#: In the normalised photo, a pixel this far below the board's light is writing...
INK_AT = 0.90
#: ...and it is still writing after cleaning when it keeps this share of its contrast against
#: the board (on a white board a faint stroke needs no more than it had in the photo).
KEEP_CONTRAST = 0.8


def light_on(rgb: np.ndarray) -> np.ndarray:
    """The light falling on the board, per channel (float32, same size): the board without strokes."""
    h, w = rgb.shape[:2]
    factor = 4 if min(h, w) >= 64 else 1
    small = cv2.resize(rgb, (max(1, w // factor), max(1, h // factor)), interpolation=cv2.INTER_AREA)
    # Marker strokes are a few pixels wide at slide size: a dilation wider than that swallows them.
    side = max(3, round(max(small.shape[:2]) / 60)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (side, side))
    bright = cv2.dilate(small, kernel)
    bright = cv2.medianBlur(bright, min(side * 2 + 1, 31))  # what a dilation left of a dense scribble
    sigma = max(1.0, max(small.shape[:2]) / 80)
    bright = cv2.GaussianBlur(bright.astype(np.float32), (0, 0), sigma)
    return np.maximum(cv2.resize(bright, (w, h), interpolation=cv2.INTER_LINEAR), 1.0)


def normalise(rgb: np.ndarray, light: np.ndarray | None = None) -> np.ndarray:
    """Each pixel as a fraction of the light on the board there (float32, 0–1 per channel)."""
    ratio = cv2.divide(rgb.astype(np.float32), light_on(rgb) if light is None else light)
    return np.minimum(ratio, 1.0, out=ratio)


def _grey(img: np.ndarray) -> np.ndarray:
    # OpenCV's weighted sum (ITU-R 601, as Pillow's "L") is several times faster than NumPy's.
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


def clean(rgb: np.ndarray, strength: Strength = FULL, light: np.ndarray | None = None,
          ratio: np.ndarray | None = None) -> np.ndarray:
    """A cleaned copy (uint8 RGB) of a whiteboard picture (H×W×3 uint8).

    Where the light is far below the board's (a dark frame, a door, a person beside the board in
    a photo that was not cropped), the photo is kept as it was, fading smoothly into the cleanup.
    """
    light = light_on(rgb) if light is None else light
    ratio = normalise(rgb, light) if ratio is None else ratio
    # Ink: its distance from white, lengthened by the same factor in every channel (never past
    # black), so a stroke comes out darker and more saturated with its hue unchanged.
    distance = 1.0 - ratio
    gain = np.minimum(strength.deepen, 1.0 / np.maximum(distance.max(axis=2), 1e-3))
    out = 1.0 - distance * gain[..., None]
    span = strength.white_at - strength.white_from
    t = np.clip((_grey(ratio) - strength.white_from) * (1.0 / span), 0.0, 1.0)
    whiten = t * t * (3 - 2 * t)  # smoothstep: no hard outline around strokes
    out += (1.0 - out) * whiten[..., None]
    out *= 255.0
    lum = _grey(light)
    board = float(np.percentile(lum[::4, ::4], 75))
    t = np.clip((lum * (1.0 / max(board, 1.0)) - OFF_BOARD) * (1.0 / 0.15), 0.0, 1.0)
    if t.min() < 1.0:  # some of the picture is not board: keep it as photographed
        on_board = (t * t * (3 - 2 * t))[..., None]
        out = out * on_board + rgb.astype(np.float32) * (1.0 - on_board)
    return (out + 0.5).astype(np.uint8)


def writing(ratio: np.ndarray) -> np.ndarray:
    """The photo's stroke pixels (bool), judged on the normalised photo."""
    mask = (_grey(ratio) < INK_AT).astype(np.uint8)
    # Single specks are noise, not writing.
    opened: np.ndarray = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return (opened & mask).astype(bool)  # an even kernel's opening may shift by a pixel


def kept_writing(ratio: np.ndarray, cleaned: np.ndarray) -> float:
    """The share of the photo's stroke pixels that are still ink in ``cleaned`` (1.0 without strokes)."""
    strokes = writing(ratio)
    total = int(strokes.sum())
    if total < 50:
        return 1.0
    level = _grey(ratio)[strokes]
    grey = _grey(cleaned)[strokes].astype(np.float32) / 255.0
    return float((1.0 - grey >= KEEP_CONTRAST * (1.0 - level)).sum()) / total
