"""Finds a whiteboard's quadrangle in a photo and straightens it into a rectangle of its real shape.

The method is Zhang & He, "Whiteboard scanning and image enhancement" (Microsoft Research, 2007):
the board is found on a small copy, its corners are accepted only when the image supports them,
the real rectangle's aspect ratio is estimated from the quadrangle and a pinhole camera, and the
quadrangle is warped to that rectangle. NumPy and OpenCV are imported by the picture workers only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

#: Detection works on a copy about this many pixels along its long side.
SMALL_SIDE = 480
#: A board smaller than this fraction of the photo is not worth cropping to (or not a board).
MIN_AREA = 0.15
#: A "board" covering more than this fraction of the photo is the whole photo: nothing to crop.
MAX_AREA = 0.93
#: Interior angles of a photographed rectangle stay within this many degrees of 90.
MAX_SKEW = 40
#: Each side must lie on an edge of the image for at least this fraction of its length.
MIN_SUPPORT = 0.55
#: The outline must cover the bright region this well (area of overlap over area of union).
MIN_FIT = 0.85
#: Corners move this fraction of the way to the centre, so the frame never shows at the crop's edge.
INSET = 0.012
#: A phone's main camera: focal length over the picture's diagonal (26 mm equivalent).
PHONE_FOCAL = 0.6
#: Aspect ratios (long side over short) a whiteboard may have.
MAX_ASPECT = 4.0


#: A board running out of the picture is cut at its frame: a straight edge this long (of the side)...
FRAME_LINE = 0.4
#: ...within this fraction of the picture's side.
MAX_TRIM = 0.25


@dataclass(frozen=True)
class Found:
    """The board's corners (top-left, top-right, bottom-right, bottom-left, in pixels of the photo
    searched), or None and why not; ``corners`` with ``partial`` set outline the visible part of a
    board that runs out of the picture (an upright rectangle: its real shape is unknown)."""

    corners: tuple[tuple[float, float], ...] | None
    reason: str = ""
    partial: bool = False


def find_board(rgb: np.ndarray) -> Found:
    """The board in an upright RGB photo (H×W×3 uint8), or why none was accepted."""
    height, width = rgb.shape[:2]
    if min(height, width) < 32 or max(height, width) / min(height, width) > 6:
        return Found(None, "picture too small or too narrow to look for a board")
    scale = SMALL_SIDE / max(height, width)
    small = rgb
    factor = int(0.5 / scale) if scale < 1 else 1
    if factor > 1:
        # First by a whole factor to at least twice the size, OpenCV's fast path (a big photo
        # shrinks three times faster so, to nearly the same pixels); the few rows or columns
        # past a multiple of the factor are left out.
        small = cv2.resize(
            rgb[: height // factor * factor, : width // factor * factor],
            (width // factor, height // factor),
            interpolation=cv2.INTER_AREA,
        )
    if scale < 1:
        small = cv2.resize(
            small, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA
        )
    scale = min(scale, 1.0)
    masks = _bright_region(small)
    if masks is None:
        return Found(None, "no bright board-like region in the middle of the picture")
    region, light = masks
    area = region.mean()
    if area > MAX_AREA:
        return Found(None, "the picture is all board")
    if area < MIN_AREA:
        return Found(None, "no board large enough")
    quad = _quadrangle(region)
    if quad is None:
        return Found(None, "the bright region is not a quadrangle")
    why = _implausible(quad, region, small)
    if why:
        trimmed = _trim(region, light)
        if trimmed is None:
            return Found(None, why)
        left, top, right, bottom = (v / scale for v in trimmed)
        return Found(
            ((left, top), (right, top), (right, bottom), (left, bottom)),
            "the board runs out of the picture; cropped to the part in it",
            partial=True,
        )
    quad = _inset(quad, INSET)
    return Found(tuple((float(x / scale), float(y / scale)) for x, y in quad))


def _trim(region: np.ndarray, light: np.ndarray) -> tuple[float, float, float, float] | None:
    """The upright box left when the frame and wall along the picture's edges are cut off, for a
    board that runs out of the picture; None when there is nothing to cut.

    A side is cut only at a long straight edge (the frame's) parallel to it, with hardly any
    board beyond it: shade, vignetting and writing near the edge are never cut. The frame's edge
    is jagged in the small copy, so it is found as a band of columns (or rows) a few pixels wide
    in which edges run along most of the side, not as a line segment: a segment search found it
    or not depending on a pixel or two (at one decode size and not at another)."""
    h, w = region.shape
    edges = cv2.Canny(light.astype(np.uint8), 20, 50)
    cuts = [0, 0, 0, 0]  # top, right, bottom, left: pixels cut from each side
    # Each side turned to be the left one: rows run along it, columns away from it.
    sides = ((edges.T, region.T), (edges[:, ::-1], region[:, ::-1]), (edges[::-1].T, region[::-1].T), (edges, region))
    for side, (along, board) in enumerate(sides):
        reach = int(along.shape[1] * MAX_TRIM)
        # A straight edge may wander this many columns (a frame seen slightly askew, or jagged)...
        spread = max(3, round(along.shape[1] * 0.015)) | 1
        strip = cv2.dilate(along[:, : reach + spread], np.ones((1, spread), np.uint8))
        # ...and skip a few rows (a magnet, a marker in the tray).
        strip = cv2.morphologyEx(strip, cv2.MORPH_CLOSE, np.ones((9, 1), np.uint8))
        cover = (strip > 0).mean(axis=0)
        column = spread // 2 + 1
        while column < reach:
            if cover[column] < FRAME_LINE:
                column += 1
                continue
            end = column
            while end + 1 < len(cover) and cover[end + 1] >= FRAME_LINE:
                end += 1
            line = column + int(np.argmax(cover[column : end + 1]))  # the middle of the band
            column = end + 1
            near = line - spread // 2
            if line < reach and near >= 1 and board[:, :near].mean() < 0.3:  # beyond it: wall and frame
                cuts[side] = max(cuts[side], line + 3)
    if not any(cuts):
        return None
    top, right, bottom, left = cuts
    return float(left), float(top), float(w - right), float(h - bottom)


def _bright_region(small: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The bright, grey-ish region around the middle (bool mask) and the lightness of the
    picture (float), both with the strokes closed over."""
    h, w = small.shape[:2]
    k = max(3, round(max(h, w) / 40)) | 1
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    lab = cv2.cvtColor(closed, cv2.COLOR_RGB2LAB).astype(np.float32)
    light = lab[..., 0]
    chroma = np.hypot(lab[..., 1] - 128, lab[..., 2] - 128)
    # A board is light and nearly colourless; a beige wall is light but coloured, a frame dark.
    score: np.ndarray = np.clip(light - 1.5 * chroma, 0, 255).astype(np.uint8)
    score = cv2.GaussianBlur(score, (5, 5), 0)
    level, mask = cv2.threshold(score, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    middle = score[h // 3 : h - h // 3, w // 3 : w - w // 3]
    if np.median(middle) < level:
        return None  # the middle of the picture is not the bright side: no board in the middle
    # The board's edge (frame against wall) is a step in the closed picture even where a lit wall
    # is as bright as the board: cut the bright mask there so the board does not leak into the wall.
    edges = cv2.Canny(cv2.cvtColor(closed, cv2.COLOR_RGB2GRAY), 20, 50)
    mask[cv2.dilate(edges, np.ones((3, 3), np.uint8)) > 0] = 0
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    count, labels = cv2.connectedComponents(mask, connectivity=4)
    if count < 2:
        return None
    centre = labels[h // 3 : h - h // 3, w // 3 : w - w // 3]
    ids, hits = np.unique(centre[centre > 0], return_counts=True)
    if len(ids) == 0:
        return None
    best = ids[np.argmax(hits)]
    region = (labels == best).astype(np.uint8)
    # Fill holes (writing, a magnet, a glare rim): the board is everything inside its outline.
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(region)
    cv2.drawContours(filled, contours, -1, 1, thickness=cv2.FILLED)
    # Give back the band the edge cut took away.
    return cv2.dilate(filled, np.ones((5, 5), np.uint8)).astype(bool), light


def _quadrangle(region: np.ndarray) -> np.ndarray | None:
    """Four corners of the region's convex hull, ordered clockwise from the top-left."""
    contours, _ = cv2.findContours(region.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    perimeter = cv2.arcLength(hull, True)
    for fraction in (0.01, 0.02, 0.03, 0.04, 0.06):
        poly = cv2.approxPolyDP(hull, fraction * perimeter, True)
        if len(poly) == 4:
            return _order(poly.reshape(4, 2).astype(np.float64))
        if len(poly) < 4:
            return None
    return None


def _order(points: np.ndarray) -> np.ndarray:
    centre = points.mean(axis=0)
    angles = np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0])
    points = points[np.argsort(angles)]  # clockwise on screen, starting anywhere
    start = np.argmin(points.sum(axis=1))  # the top-left has the smallest x + y
    return np.roll(points, -start, axis=0)


def _implausible(quad: np.ndarray, region: np.ndarray, small: np.ndarray) -> str:
    """Why ``quad`` cannot be the board, or "" when every check passes."""
    h, w = region.shape
    if not cv2.isContourConvex(quad.astype(np.float32).reshape(-1, 1, 2)):
        return "the outline found is not convex"
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        u, v = a - b, c - b
        angle = math.degrees(math.acos(np.clip(u @ v / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-9), -1, 1)))
        if abs(angle - 90) > MAX_SKEW:
            return f"the outline found has a {angle:.0f}° corner: not a photographed rectangle"
    outline = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(outline, quad.round().astype(np.int32), 1)
    fit = (outline.astype(bool) & region).sum() / max(1, (outline.astype(bool) | region).sum())
    if fit < MIN_FIT:
        return "the bright region does not fill a quadrangle (two boards, or a board partly hidden?)"
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY).astype(np.float32)
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        if _on_border(a, b, w, h):
            return "the board runs out of the picture"
        if _support(grey, a, b) < MIN_SUPPORT:
            return "an edge of the outline is not an edge in the picture"
    return ""


def _on_border(a: np.ndarray, b: np.ndarray, w: int, h: int, slack: float = 3.0) -> bool:
    """Whether the side a–b runs along the picture's own edge (the board is cut off there)."""
    return any(
        (abs(a[k] - edge) <= slack and abs(b[k] - edge) <= slack)
        for k, size in ((0, w), (1, h))
        for edge in (0, size - 1)
    )


def _support(grey: np.ndarray, a: np.ndarray, b: np.ndarray, steps: int = 60) -> float:
    """The fraction of the side a–b along which the image steps in brightness across the side."""
    h, w = grey.shape
    direction = (b - a) / (np.linalg.norm(b - a) + 1e-9)
    normal = np.array([-direction[1], direction[0]])
    reach = max(3.0, max(h, w) / 120)
    points = a + (b - a) * np.linspace(0.1, 0.9, steps)[:, None]
    inside, outside = points + normal * reach, points - normal * reach
    ok = _within(inside, w, h) & _within(outside, w, h)
    if not ok.any():
        return 1.0
    mean = cv2.blur(grey, (3, 3))  # each sample is the mean of the 3 × 3 pixels around it
    near = mean[inside[ok, 1].astype(int), inside[ok, 0].astype(int)]
    far = mean[outside[ok, 1].astype(int), outside[ok, 0].astype(int)]
    return float((np.abs(near - far) >= 12).mean())


def _within(p: np.ndarray, w: int, h: int) -> np.ndarray:
    return (p[:, 0] >= 0) & (p[:, 0] < w) & (p[:, 1] >= 0) & (p[:, 1] < h)


def _inset(quad: np.ndarray, fraction: float) -> np.ndarray:
    centre = quad.mean(axis=0)
    return quad + (centre - quad) * fraction * 2


def aspect_ratio(corners: np.ndarray, width: int, height: int) -> float:
    """Width over height of the real rectangle photographed as ``corners`` (Zhang & He 2007).

    Assumes square pixels and the principal point at the picture's centre (a photo not cropped);
    when the focal length cannot be estimated, a phone's standard lens is assumed.
    """
    tl, tr, br, bl = (np.array([x - width / 2, y - height / 2, 1.0]) for x, y in corners)
    m1, m2, m3, m4 = tl, tr, bl, br
    k2 = np.cross(m1, m4) @ m3 / (np.cross(m2, m4) @ m3)
    k3 = np.cross(m1, m4) @ m2 / (np.cross(m3, m4) @ m2)
    n2, n3 = k2 * m2 - m1, k3 * m3 - m1
    plain = float(
        (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr))
    )
    denominator = n2[2] * n3[2]
    diagonal = math.hypot(width, height)
    f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / denominator if abs(denominator) > 1e-9 else -1.0
    if not (0.3 * diagonal) ** 2 <= f2 <= (3 * diagonal) ** 2:
        # Two sides parallel in the picture (a board turned about one axis only) leave the focal
        # length unknown; a phone's standard lens (26 mm equivalent) is 0.6 of the diagonal.
        f2 = (PHONE_FOCAL * diagonal) ** 2
    a_inv = np.diag([1 / f2, 1 / f2, 1.0])
    ratio = math.sqrt((n2 @ a_inv @ n2) / (n3 @ a_inv @ n3))
    if not math.isfinite(ratio) or not 1 / MAX_ASPECT <= ratio <= MAX_ASPECT:
        return plain
    return ratio


def straighten(rgb: np.ndarray, corners, box: tuple[int, int]) -> np.ndarray:
    """The quadrangle ``corners`` of ``rgb`` warped to a rectangle of the board's real aspect
    ratio, as large as fits ``box`` (width, height) and no larger than the board was photographed."""
    height, width = rgb.shape[:2]
    quad = np.array(corners, dtype=np.float64)
    ratio = aspect_ratio(quad, width, height)
    tl, tr, br, bl = quad
    across = float(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    down = float(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    # The photo's own resolution along the board's longer side is all there is to show.
    out_w, out_h = (across, across / ratio) if across / ratio >= down else (down * ratio, down)
    scale = min(1.0, box[0] / out_w, box[1] / out_h)
    out_w, out_h = max(1, round(out_w * scale)), max(1, round(out_h * scale))
    if scale < 0.5:
        # A perspective warp samples 2 × 2 pixels, it does not average: shrink first so it cannot
        # alias. (Down to half size the warp itself is as sharp and costs a third: the photo was
        # decoded at most about twice the size it is shown at.)
        rgb = cv2.resize(
            rgb, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA
        )
        quad = quad * scale
    target = np.array([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    return cv2.warpPerspective(rgb, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
