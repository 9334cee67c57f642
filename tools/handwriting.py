"""A single-stroke block-capital font for marker lettering, drawn by hand as polylines.

Whiteboard writing is mostly block capitals made of a few pen strokes, so each glyph here is the
list of strokes a hand would make, on a grid 6 units tall (y grows downwards, the baseline at 6).
A stroke starting with ``~`` is a smooth curve through its points; any other stroke is straight
segments. Lower case is written as capitals; a character without a glyph is written as ``?``.
No font file is read, so the lettering looks the same with every Pillow version.
"""

from __future__ import annotations

_O = "~2,0 0.5,0.8 0,3 0.5,5.2 2,6 3.5,5.2 4,3 3.5,0.8 2,0 1.2,0.3"
_P = "0,6 0,0; ~0,0 2.4,0 3.6,0.8 3.6,2.4 2.4,3.2 0,3.2"

GLYPHS: dict[str, str] = {
    "A": "0,6 2,0 4,6; 0.8,3.9 3.2,3.9",
    "B": "0,0 0,6; ~0,0 2.4,0 3.4,0.8 3.4,2.2 2.4,3 0,3; ~0,3 2.8,3 3.9,3.9 3.9,5.1 2.8,6 0,6",
    "C": "~3.8,1 2.8,0.1 1.5,0.1 0.3,1.2 0,3 0.3,4.8 1.5,5.9 2.8,5.9 3.8,5",
    "D": "0,0 0,6; ~0,0 1.9,0.1 3.5,1.2 3.9,3 3.5,4.8 1.9,5.9 0,6",
    "E": "3.6,0 0,0 0,6 3.6,6; 0,3 2.8,3",
    "F": "3.6,0 0,0 0,6; 0,3 2.8,3",
    "G": "~3.8,1 2.8,0.1 1.5,0.1 0.3,1.2 0,3 0.3,4.8 1.5,5.9 2.8,5.9 3.9,4.8 3.9,3.5; 2.2,3.5 4,3.5",
    "H": "0,0 0,6; 4,0 4,6; 0,3 4,3",
    "I": "0,0 0,6",
    "J": "~3,0 3,4.4 2.3,5.8 1.1,5.9 0,4.8",
    "K": "0,0 0,6; 3.7,0 0,3.7; 1.3,2.5 3.9,6",
    "L": "0,0 0,6 3.4,6",
    "M": "0,6 0,0 2.5,4 5,0 5,6",
    "N": "0,6 0,0 4,6 4,0",
    "O": _O,
    "P": _P,
    "Q": _O + "; 2.4,4.3 4.3,6.4",
    "R": _P + "; 1.8,3.2 3.9,6",
    "S": "~3.7,0.9 2.6,0.05 1.3,0.05 0.2,0.9 0.4,2.2 2,3 3.6,3.8 3.8,5.1 2.7,5.95 1.3,5.95 0.1,5.1",
    "T": "0,0 4,0; 2,0 2,6",
    "U": "~0,0 0,4.2 0.6,5.6 2,6 3.4,5.6 4,4.2 4,0",
    "V": "0,0 2,6 4,0",
    "W": "0,0 1.3,6 2.5,2 3.7,6 5,0",
    "X": "0,0 4,6; 4,0 0,6",
    "Y": "0,0 2,3 4,0; 2,3 2,6",
    "Z": "0,0 4,0 0,6 4,6",
    "0": "~1.7,0 0.4,0.9 0,3 0.4,5.1 1.7,6 3,5.1 3.4,3 3,0.9 1.7,0 1,0.3",
    "1": "0,1.3 1.4,0 1.4,6",
    "2": "~0.1,1.3 0.9,0.2 2,0 3.1,0.6 3.3,1.9 2.4,3.4 0,6; 0,6 3.5,6",
    "3": "~0.2,0.8 1.4,0 2.7,0.2 3.3,1.4 2.7,2.6 1.3,2.9; ~1.3,2.9 2.9,3.2 3.6,4.4 3,5.7 1.7,6 0.1,5.3",
    "4": "2.8,6 2.8,0 0,4.2 3.8,4.2",
    "5": "3.4,0 0.5,0 0.2,2.7; ~0.2,2.7 1.5,2.2 2.9,2.5 3.6,3.9 3.2,5.4 1.8,6 0.1,5.4",
    "6": "~3.1,0.3 1.9,0 0.7,0.8 0.1,3 0.3,4.8 1.5,6 2.9,5.7 3.6,4.3 3,3 1.7,2.6 0.6,3.3 0.1,4",
    "7": "0,0 3.6,0 1.3,6",
    "8": "~1.8,3 0.4,2.2 0.5,0.6 1.8,0 3.1,0.6 3.2,2.2 1.8,3 0.2,3.9 0.3,5.4 1.8,6 3.4,5.4 3.5,3.9 1.8,3",
    "9": "~3.4,2 2.4,3 1,2.9 0.1,1.6 0.7,0.2 2,0 3.2,0.6 3.5,2 3.3,4 2.5,5.7 1.2,6 0.3,5.5",
    "!": "0,0 0,4.2; 0,5.7 0,6",
    "?": "~0,1.2 0.9,0.1 2.1,0 3,0.8 3,1.9 1.5,3 1.4,4.2; 1.4,5.7 1.4,6",
    ".": "0,5.7 0,6",
    ",": "0.3,5.6 0,6.9",
    "'": "0,0 0,1.6",
    '"': "0,0 0,1.6; 1,0 1,1.6",
    "-": "0,3.3 2.4,3.3",
    "=": "0,2.4 3,2.4; 0,4.2 3,4.2",
    "+": "0,3.2 3,3.2; 1.5,1.7 1.5,4.7",
    ">": "0,1 3,3.2 0,5.4",
    "<": "3,1 0,3.2 3,5.4",
    ":": "0,1.6 0,1.9; 0,4.7 0,5",
    "/": "3,0 0,6",
    "(": "~1.4,-0.3 0.3,1.6 0,3 0.3,4.4 1.4,6.3",
    ")": "~0,-0.3 1.1,1.6 1.4,3 1.1,4.4 0,6.3",
    "@": "~3,3.9 2.6,2.3 1.6,2.1 1,3.2 1.5,4.2 2.6,3.9 3,2.5 3.2,4.2 4,4.2 4.4,2.6 3.6,0.6 2,0.2 "
    "0.5,1.1 0,3.2 0.6,5.3 2.2,6 3.8,5.5",
    "$": "~3.4,1.2 2.4,0.6 1.1,0.7 0.3,1.6 0.7,2.7 2,3.2 3.3,3.8 3.5,4.9 2.5,5.7 1.1,5.7 0.1,4.9; 1.8,-0.2 1.8,6.4",
    "%": "3.6,0 0,6; ~0.6,0 0,0.9 0.6,1.8 1.2,0.9 0.6,0; ~3,4.2 2.4,5.1 3,6 3.6,5.1 3,4.2",
    "#": "1.3,0.5 0.8,5.5; 3,0.5 2.5,5.5; 0,2 3.8,2; 0,4 3.6,4",
    "&": "~4,6 1.2,2.4 1,1 1.8,0 2.8,0.6 2.6,1.8 0.5,3.6 0.3,5.2 1.5,6 3,5.3 4,3.6",
    "*": "1.5,0.4 1.5,3; 0.3,1 2.7,2.4; 2.7,1 0.3,2.4",
}
SPACE = 2.4
GAP = 1.2  # between letters, in grid units


def strokes(ch: str) -> list[tuple[bool, list[tuple[float, float]]]]:
    """The strokes of one character: (smooth?, points on the 6-unit grid)."""
    spec = GLYPHS.get(ch.upper(), GLYPHS["?"])
    out = []
    for part in spec.split(";"):
        part = part.strip()
        smooth = part.startswith("~")
        points = [tuple(float(v) for v in p.split(",")) for p in part.lstrip("~").split()]
        out.append((smooth, points))
    return out


def advance(ch: str) -> float:
    """How far the pen moves right after writing ``ch``, in grid units."""
    if ch == " ":
        return SPACE
    if ch == "\u2026":
        return 3 * advance(".")
    return max(x for _, pts in strokes(ch) for x, _ in pts) + GAP


def width(text: str) -> float:
    """The width of a line of text in grid units (without the trailing gap)."""
    return sum(advance(c) for c in text.replace("\u2026", "...")) - GAP


def spline(points: list[tuple[float, float]], per_span: int = 8) -> list[tuple[float, float]]:
    """A Catmull-Rom curve through ``points`` (ends doubled so the curve reaches them)."""
    if len(points) < 3:
        return list(points)
    pts = [points[0], *points, points[-1]]
    out = []
    for i in range(1, len(pts) - 2):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for k in range(per_span):
            t = k / per_span
            t2, t3 = t * t, t * t * t
            out.append(
                (
                    0.5
                    * (
                        2 * x1 + (x2 - x0) * t + (2 * x0 - 5 * x1 + 4 * x2 - x3) * t2 + (3 * x1 - x0 - 3 * x2 + x3) * t3
                    ),
                    0.5
                    * (
                        2 * y1 + (y2 - y0) * t + (2 * y0 - 5 * y1 + 4 * y2 - y3) * t2 + (3 * y1 - y0 - 3 * y2 + y3) * t3
                    ),
                )
            )
    out.append(points[-1])
    return out
