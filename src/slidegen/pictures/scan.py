"""A whiteboard photo made into a slide picture: find the board, straighten it, clean it, never worse.

Runs in the picture workers only (it imports NumPy and OpenCV). It takes the upright photo as
decoded and returns the picture to encode, what happened to the board (``BoardReport``, shown by
``slidegen inspect`` and kept in the cache) and warnings for the picture's slide.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import cv2
import numpy as np
from PIL import Image

from slidegen.pictures import board, whiteboard
from slidegen.pictures.process import DRAFT_SLACK

# Pictures are processed one per worker process, a worker per core: OpenCV's own threads would
# only contend with the other workers (a fifth more CPU time for the same pictures).
cv2.setNumThreads(1)

#: The cleaned picture must keep at least this share of the photo's writing, else a milder
#: cleanup is tried, and then the photo itself is used.
MIN_KEPT = 0.90
#: A picture where less than this share looks like a lit board (bright, nearly colourless) is
#: not a whiteboard photo (a person, a landscape): it is left as photographed.
MIN_BOARD_LIKE = 0.45


@dataclass(frozen=True)
class BoardReport:
    """What became of one whiteboard photo; every field is plain data (JSON and the cache keep it)."""

    board: str  # "found", "partial" (runs out of the picture), "given" (by hand), "none" or "not cropped"
    corners: list | None  # [[x, y], ...] as fractions of the upright photo, top-left first, clockwise
    cleanup: str  # "full", "mild", "none" (the photo as it is) or "left alone" (not a whiteboard)
    kept: float  # share of the photo's writing still ink after cleanup
    reason: str = ""  # why no board was taken, or why the cleanup was eased

    def as_dict(self) -> dict:
        """The report as a JSON-ready dict."""
        return asdict(self)


def scan(img: Image.Image, box: tuple[int, int], crop: bool, corners) -> tuple[Image.Image, BoardReport, list[str]]:
    """The slide picture made from the upright photo ``img`` (RGB or L), fitted into ``box``.

    ``corners`` (four [x, y] pairs, fractions of the upright photo or its pixels) override the
    board finding; with ``crop`` off the whole photo is kept and only cleaned. ``img`` is closed
    once its pixels are copied: the photo is the largest thing a worker holds.
    """
    grey = img.mode == "L"
    rgb = _pixels(img)
    img.close()
    height, width = rgb.shape[:2]
    notes: list[str] = []
    quad, state, reason = None, "not cropped", ""
    if crop and corners:
        quad, state = _given(corners, width, height), "given"
        why = _unusable(quad, width, height)
        if why:
            notes.append(f"whiteboard corners given in front matter {why}; the board was looked for instead")
            quad = None
    if crop and quad is None:
        found = board.find_board(rgb)
        quad, reason = found.corners, found.reason
        state = "partial" if found.partial else "found" if found.corners else "none"
    if quad is not None:
        photo = board.straighten(rgb, quad, box)
    else:
        photo = _fit(rgb, box)
    del rgb
    fractions = [[round(x / width, 4), round(y / height, 4)] for x, y in quad] if quad is not None else None
    measured = whiteboard.measure(photo)
    if quad is None and _board_like(photo, measured) < MIN_BOARD_LIKE:
        why = "does not look like a whiteboard; left as photographed"
        return _image(photo, grey), BoardReport(state, None, "left alone", 1.0, why), notes
    cleanup, picture, tried = "none", photo, []
    for name, strength in (("full", whiteboard.FULL), ("mild", whiteboard.MILD)):
        candidate = whiteboard.clean(photo, strength, measured)
        tried.append(whiteboard.kept_writing(measured.ratio, candidate))
        if tried[-1] >= MIN_KEPT:
            cleanup, picture = name, candidate
            break
    kept = tried[-1] if cleanup != "none" else 1.0  # the photo itself keeps all of it
    if cleanup != "full":
        share = f"{tried[0] * 100:.0f}%"
        if cleanup == "mild":
            notes.append("whiteboard cleanup would lose some of the writing; a milder cleanup was used")
        else:
            notes.append(
                f"whiteboard cleanup would keep only {share} of the writing; the photo is used as it is"
                + (" (straightened)" if quad is not None else "")
            )
        reason = (reason + "; " if reason else "") + f"full cleanup kept {share} of the writing"
    report = BoardReport(state, fractions, cleanup, round(kept, 3), reason)
    return _image(picture, grey), report, notes


def _pixels(img: Image.Image) -> np.ndarray:
    """The photo's pixels as an RGB array, copied a strip at a time: ``np.asarray`` would hold
    the whole photo twice more while it copies (Pillow's bytes, then joined)."""
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    width, height = rgb.size
    out = np.empty((height, width, 3), np.uint8)
    rows = max(1, 2**20 // (width * 3))  # strips of about a megabyte
    for top in range(0, height, rows):
        strip = rgb.crop((0, top, width, min(height, top + rows)))
        out[top : top + strip.height] = np.frombuffer(strip.tobytes(), np.uint8).reshape(strip.height, width, 3)
    if rgb is not img:
        rgb.close()
    return out


def _given(corners, width: int, height: int) -> tuple[tuple[float, float], ...]:
    """Corners from front matter in pixels of the upright photo (fractions when all are ≤ 1)."""
    points = [(float(x), float(y)) for x, y in corners]
    if all(0 <= x <= 1 and 0 <= y <= 1 for x, y in points):
        points = [(x * width, y * height) for x, y in points]
    centre = np.mean(points, axis=0)
    # Given in any order: sorted clockwise from the top-left, as the warp expects.
    angles = [np.arctan2(y - centre[1], x - centre[0]) for x, y in points]
    ordered = [points[i] for i in np.argsort(angles)]
    start = int(np.argmin([x + y for x, y in ordered]))
    return tuple(ordered[start:] + ordered[:start])


def _unusable(quad, width: int, height: int) -> str:
    """Why corners given by hand cannot be the board (outside the photo, not a quadrangle), or ""."""
    points = np.array(quad, dtype=np.float32)
    slack = 0.02 * max(width, height)
    if (
        (points[:, 0] < -slack).any()
        or (points[:, 0] > width + slack).any()
        or (points[:, 1] < -slack).any()
        or (points[:, 1] > height + slack).any()
    ):
        return f"lie outside the {width}×{height} photo"
    if not cv2.isContourConvex(points.reshape(-1, 1, 2)) or cv2.contourArea(points) < 0.01 * width * height:
        return "do not outline a quadrangle"
    return ""


def _fit(rgb: np.ndarray, box: tuple[int, int]) -> np.ndarray:
    """The whole photo fitted into ``box``: a photo decoded larger for the board (a 12-megapixel
    one at about twice the slide's size) is first shrunk by a whole factor, as far as a plain
    picture is decoded (at most ``DRAFT_SLACK`` below the box).

    OpenCV averages a whole factor's f × f pixels in its fast path; other factors cost several
    times as much (26–29 against 4–5 ms for a 12-megapixel photo decoded at half size)."""
    height, width = rgb.shape[:2]
    scale = min(box[0] / width, box[1] / height, 1.0)
    if scale >= 1.0:
        return rgb
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # (No larger than the narrow side of a strip a few pixels wide: it keeps at least one pixel.)
    factor = min(int(min(width / (size[0] * DRAFT_SLACK), height / (size[1] * DRAFT_SLACK))), width, height)
    if factor >= 2:
        # The few rows or columns past a multiple of the factor are left out.
        rgb = cv2.resize(
            rgb[: height // factor * factor, : width // factor * factor],
            (width // factor, height // factor),
            interpolation=cv2.INTER_AREA,
        )
        if rgb.shape[1] <= size[0] and rgb.shape[0] <= size[1]:
            return rgb
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def _board_like(rgb: np.ndarray, measured: whiteboard.Board) -> float:
    """The share of the picture that is lit board: bright, smooth (the photo close to its light,
    strokes removed) and not strongly coloured (a warm cast is fine, blue sky or grass are not).
    Judged on a copy a quarter the size: a share needs no more."""
    h, w = rgb.shape[:2]
    size = (max(1, w // 4), max(1, h // 4))
    light = cv2.resize(measured.light, size, interpolation=cv2.INTER_AREA).astype(np.float32)
    level = cv2.resize(cv2.cvtColor(measured.ratio, cv2.COLOR_RGB2GRAY), size, interpolation=cv2.INTER_AREA)
    lum = cv2.cvtColor(light, cv2.COLOR_RGB2GRAY)
    spread = light.max(axis=2) - light.min(axis=2)
    top = np.percentile(lum, 90)
    bright = (lum >= 0.7 * top) & (lum >= 60)
    return float((bright & (level >= 0.85 * 255) & (spread <= 0.45 * np.maximum(lum, 1))).mean())


def _image(rgb: np.ndarray, grey: bool) -> Image.Image:
    out = Image.fromarray(np.ascontiguousarray(rgb), "RGB")
    return out.convert("L") if grey else out
