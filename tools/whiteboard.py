"""Deterministic whiteboard "phone photos": marker sketches on an off-white board, photographed.

Draws in board units (1000 across, 750 down) with hand-wobbly marker strokes and block-capital
lettering (tools/handwriting.py), then renders the board as a phone camera would see it: framed
on a wall, slightly keystoned, unevenly lit with a warm or cool cast and a glossy glare, faint
ghosts of earlier erased writing, mottled ink, sensor grain. Only Pillow and a seeded
``random.Random``, so the same seed gives the same bytes (Image.effect_noise is not seedable).
Used by tools/draw_sample_deck.py and, through ``phone_photo``, by the benchmark corpus.
"""

from __future__ import annotations

import io
import math
import random

import handwriting
from board_shapes import Shapes
from PIL import Image, ImageChops, ImageDraw, ImageFilter

BLACK, BLUE, RED, GREEN = (34, 36, 44), (28, 66, 168), (186, 36, 42), (28, 122, 70)
GHOST = (150, 156, 166)


class Board(Shapes):
    """A whiteboard to draw on in board units, rendered by ``photo()`` as a phone's JPEG."""

    def __init__(self, seed: int, width: int = 3264, height: int = 2448) -> None:
        self.rng = random.Random(seed)
        self.width, self.height = width, height
        # Strokes go on half-size masks that are enlarged later: this softens their edges the way
        # a phone lens does, and halves the drawing work.
        self.size = (max(8, width // 2), max(8, height // 2))
        margin = 0.045 * self.size[0]
        self.scale = min((self.size[0] - 2 * margin) / 1000, (self.size[1] - 2 * margin) / 750)
        self.origin = ((self.size[0] - 1000 * self.scale) / 2, (self.size[1] - 750 * self.scale) / 2)
        self._inks: dict[tuple[int, int, int], tuple[Image.Image, ImageDraw.ImageDraw]] = {}

    # -- the pen --------------------------------------------------------------------------------

    def stroke(self, points, color=BLACK, width: float = 4.0, wobble: float = 1.0, smooth: bool = False) -> None:
        """One marker stroke through ``points`` (board units); ``smooth`` draws a curve through them."""
        pts = handwriting.spline(list(points)) if smooth else list(points)
        pts = self._hand(pts, wobble)
        if color not in self._inks:
            mask = Image.new("L", self.size, 0)
            self._inks[color] = (mask, ImageDraw.Draw(mask))
        draw = self._inks[color][1]
        w = max(1, round(width * self.scale * self.rng.uniform(0.9, 1.08)))
        xy = [(self.origin[0] + x * self.scale, self.origin[1] + y * self.scale) for x, y in pts]
        if len(xy) > 1:
            draw.line(xy, fill=255, width=w, joint="curve")
        for px, py in (xy[0], xy[-1]):
            draw.ellipse((px - w / 2, py - w / 2, px + w / 2, py + w / 2), fill=255)

    def _hand(self, pts, wobble: float) -> list[tuple[float, float]]:
        """Resample a path and bend it gently sideways, as an arm sweeping a marker does."""
        dense = [pts[0]]
        for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
            n = max(1, int(math.hypot(x2 - x1, y2 - y1) / 4))
            dense.extend((x1 + (x2 - x1) * k / n, y1 + (y2 - y1) * k / n) for k in range(1, n + 1))
        if wobble <= 0 or len(dense) < 3:
            return dense
        length = sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(dense, dense[1:]))
        amp = wobble * min(1 + length / 250, 3.5)
        waves = [
            (amp * 0.75, max(length * 1.7, 40), self.rng.uniform(0, math.tau)),
            (amp * 0.15, self.rng.uniform(60, 120), self.rng.uniform(0, math.tau)),
        ]
        out, s = [], 0.0
        for i, (x, y) in enumerate(dense):
            if i:
                s += math.hypot(x - dense[i - 1][0], y - dense[i - 1][1])
            a, b = dense[max(0, i - 1)], dense[min(len(dense) - 1, i + 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            norm = math.hypot(dx, dy) or 1.0
            off = sum(w_amp * math.sin(math.tau * s / lam + ph) for w_amp, lam, ph in waves)
            out.append((x - dy / norm * off, y + dx / norm * off))
        return out

    def text(
        self,
        x,
        y,
        words: str,
        color=BLACK,
        size: float = 30,
        angle: float = 0.0,
        align: str = "left",
        pen: float | None = None,
    ) -> float:
        """Hand lettering with its baseline starting at (x, y) (centred there if ``align="center"``).

        ``size`` is the capital height in board units and ``angle`` turns the line (degrees,
        clockwise); ``pen`` is the marker's width (by default in proportion to ``size``).
        Returns the written width so callers can box or underline it.
        """
        unit = size / 6
        words = words.replace("\u2026", "...")
        total = handwriting.width(words) * unit
        start = -total / 2 if align == "center" else 0.0
        slant, drift = self.rng.uniform(-0.04, 0.16), self.rng.uniform(-0.02, 0.02)
        cos_a, sin_a = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        pen_width = pen if pen is not None else max(2.2, size * 0.115)
        cursor = start
        for ch in words:
            if ch == " ":
                cursor += handwriting.SPACE * unit * self.rng.uniform(0.85, 1.2)
                continue
            k = unit * self.rng.uniform(0.92, 1.08)
            lift, turn = self.rng.uniform(-0.22, 0.22) * unit, self.rng.uniform(-0.06, 0.06)
            for smooth, glyph in handwriting.strokes(ch):
                pts = handwriting.spline(glyph) if smooth else glyph
                placed = []
                for gx, gy in pts:
                    lx, ly = gx * k, (gy - 6) * k
                    lx, ly = lx * math.cos(turn) - ly * math.sin(turn), lx * math.sin(turn) + ly * math.cos(turn)
                    lx, ly = cursor + lx - ly * slant, ly + lift + (cursor - start) * drift
                    placed.append((x + lx * cos_a - ly * sin_a, y + lx * sin_a + ly * cos_a))
                self.stroke(placed, color, pen_width, wobble=unit * 0.08)
            cursor += handwriting.advance(ch) * unit * self.rng.uniform(0.96, 1.06)
        return total

    # -- the photo ------------------------------------------------------------------------------

    def photo(self, rotated: int = 0, quality: int = 88) -> bytes:
        """The board as a phone JPEG; ``rotated`` 6 or 8 stores it sideways with that EXIF Orientation.

        Call it once per board: it first adds the ghosts of earlier writing to the drawing.
        """
        if rotated not in (0, 6, 8):
            raise ValueError(f"rotated must be 0, 6 or 8, not {rotated!r}")
        self._ghosts()
        img = self._scene()
        img = img.resize((self.width, self.height), Image.Resampling.BICUBIC)
        img = img.filter(ImageFilter.GaussianBlur(0.8))
        img = self._perspective(img)
        img = ImageChops.multiply(img, self._light())
        img = self._glare(img)
        # Sensor grain from the seeded generator: the same seed gives the same grain.
        grain = Image.frombytes("L", img.size, self.rng.randbytes(img.width * img.height))
        img = Image.blend(img, Image.merge("RGB", (grain, grain, grain)), 0.055)
        exif = Image.Exif()
        exif[0x010F], exif[0x0110] = "slidegen", "whiteboard sketch"
        if rotated:
            # Orientation 6 means "turn 90° clockwise to show": the pixels are stored turned back.
            img = img.transpose(Image.Transpose.ROTATE_90 if rotated == 6 else Image.Transpose.ROTATE_270)
            exif[0x0112] = rotated
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
        return buf.getvalue()

    def _ghosts(self) -> None:
        """Half-erased writing from an earlier meeting, and eraser swipes."""
        rng = self.rng
        for _ in range(rng.randint(2, 5)):
            self.text(
                rng.uniform(0, 850),
                rng.uniform(40, 740),
                rng.choice(["Q3 PLAN", "TODO", "CALL BOB", "ROADMAP", "DO NOT ERASE", "KPI", "LAUNCH", "V2"]),
                GHOST,
                rng.uniform(20, 40),
                angle=rng.uniform(-4, 4),
            )
        for _ in range(rng.randint(1, 3)):
            x, y = rng.uniform(50, 800), rng.uniform(50, 650)
            self.stroke([(x, y), (x + rng.uniform(80, 200), y + rng.uniform(-30, 30))], GHOST, 28, 3)

    def _scene(self) -> Image.Image:
        """The board in its aluminium frame on a wall, inked, at half size."""
        rng = self.rng
        wall = tuple(int(c * rng.uniform(0.55, 0.75)) for c in rng.choice([(214, 206, 190), (200, 204, 206)]))
        img = Image.new("RGB", self.size, wall)
        left, top = self.origin
        right, bottom = left + 1000 * self.scale, top + 750 * self.scale
        frame = max(2, round(9 * self.scale))
        draw = ImageDraw.Draw(img)
        draw.rectangle((left - frame, top - frame, right + frame, bottom + 2.4 * frame), fill=(150, 152, 154))
        draw.rectangle(
            (left - frame * 0.5, top - frame * 0.5, right + frame * 0.5, bottom + frame * 0.5), fill=(196, 198, 200)
        )
        board = tuple(int(c + rng.uniform(-4, 3)) for c in (238, 238, 233))
        draw.rectangle((left, top, right, bottom), fill=board)
        for i, color in enumerate((BLUE, BLACK, RED)[: rng.randint(1, 3)]):  # markers in the tray
            mx = left + (0.62 + 0.06 * i + rng.uniform(0, 0.02)) * (right - left)
            draw.rounded_rectangle(
                (mx, bottom + 1.1 * frame, mx + 26 * self.scale, bottom + 2.1 * frame), radius=frame * 0.4, fill=color
            )
        mottle = Image.frombytes(
            "L",
            (max(1, self.size[0] // 20), max(1, self.size[1] // 20)),
            rng.randbytes(max(1, self.size[0] // 20) * max(1, self.size[1] // 20)),
        )
        mottle = mottle.resize(self.size, Image.Resampling.BICUBIC).point(lambda v: 185 + v * 70 // 255)
        for color, (mask, _) in self._inks.items():
            if color == GHOST:
                mask = mask.filter(ImageFilter.GaussianBlur(3 * self.scale)).point(lambda v: v * 22 // 255)
            else:
                mask = ImageChops.multiply(mask, mottle)  # marker ink is never perfectly even
            img.paste(Image.new("RGB", self.size, color), (0, 0), mask)
        return img

    def _perspective(self, img: Image.Image) -> Image.Image:
        """A slight keystone and tilt, as from a phone held a little off-centre."""
        w, h = img.size
        d = [self.rng.uniform(-0.012, 0.04) * w for _ in range(8)]
        quad = (d[0], d[1], d[2], h - d[3], w - d[4], h - d[5], w - d[6], d[7])
        return img.transform(
            img.size, Image.Transform.QUAD, quad, Image.Resampling.BILINEAR, fillcolor=img.getpixel((0, 0))
        )

    def _light(self) -> Image.Image:
        """A smooth light map: a bright area near a lamp or window, falling off to dim corners."""
        rng = self.rng
        w, h = 64, 48
        cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.0, 0.55) * h
        fall, slope = rng.uniform(0.22, 0.36), rng.uniform(-0.08, 0.08)
        small = Image.new("L", (w, h))
        small.putdata(
            [
                int(
                    255
                    * max(
                        0.35,
                        1
                        - fall * min(1.0, math.hypot(x - cx, y - cy) / w * 1.3)
                        - slope * (x / w - 0.5)
                        - 0.12 * (math.hypot(x / w - 0.5, y / h - 0.5) * 2) ** 2,
                    )
                )
                for y in range(h)
                for x in range(w)
            ]
        )
        light = small.resize((self.width, self.height), Image.Resampling.BICUBIC)
        tint = rng.choice([(255, 246, 228), (238, 245, 255), (255, 251, 240), (250, 250, 246)])
        return ImageChops.multiply(Image.merge("RGB", (light, light, light)), Image.new("RGB", light.size, tint))

    def _glare(self, img: Image.Image) -> Image.Image:
        """The glossy board reflects a ceiling light as a soft, washed-out patch."""
        rng = self.rng
        w, h = 80, 60
        mask = Image.new("L", (w, h), 0)
        cx, cy, rx, ry = rng.uniform(10, 70), rng.uniform(4, 24), rng.uniform(8, 16), rng.uniform(3, 7)
        ImageDraw.Draw(mask).ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=int(rng.uniform(60, 110)))
        mask = mask.filter(ImageFilter.GaussianBlur(5)).resize(img.size, Image.Resampling.BICUBIC)
        return Image.composite(Image.new("RGB", img.size, (252, 252, 250)), img, mask)


WORDS = [
    "INFLUENCE",
    "REACH",
    "TRUST",
    "ENTERPRISE",
    "ROI?",
    "TIME",
    "CONTEXT",
    "NOISE",
    "SMB",
    "ENGAGE!",
    "STRATEGY",
    "SILOS",
    "OWNERSHIP",
    "CUSTOMERS",
    "BRAND",
    "PR",
    "IT",
    "LEGAL",
    "$$$",
    "WHY?",
]


def phone_photo(seed: int, width: int = 4032, height: int = 3024, rotated: bool = False) -> bytes:
    """A random whiteboard phone photo (a chart, boxes and arrows, people, labels) as JPEG bytes.

    ``rotated`` stores the pixels turned sideways with EXIF Orientation 6, as phones do.
    """
    board = Board(seed, width, height)
    rng = board.rng
    ink = lambda: rng.choice([BLACK, BLACK, BLUE, RED, GREEN])  # noqa: E731
    board.axes((70, 660), 440, 520, rng.choice(WORDS), rng.choice(WORDS))
    top, reach = rng.uniform(180, 380), rng.uniform(0.5, 1.0)
    board.curve(lambda x: 640 - (640 - top) * math.sin(math.pi * (x - 80) / 460 * reach), 80, 500, ink(), 5)
    for i in range(rng.randint(2, 4)):
        x, y = rng.uniform(560, 640), 70 + i * 160 + rng.uniform(-15, 15)
        board.labelled_box(x, y, rng.choice(WORDS), ink())
        board.arrow((x + 60, y + 75), (x + 60 + rng.uniform(-40, 40), y + 150), ink())
    for i in range(rng.randint(1, 3)):
        board.person(
            rng.uniform(900, 950),
            290 + i * 200 + rng.uniform(0, 40),
            rng.uniform(70, 120),
            ink(),
            arms=(rng.uniform(-170, -20), rng.uniform(20, 170)),
        )
    cx, cy = rng.uniform(250, 400), rng.uniform(110, 170)
    board.cloud(cx, cy, 220, 100, ink())
    board.text(cx, cy + 12, rng.choice(WORDS), ink(), 26, align="center")
    return board.photo(rotated=6 if rotated else 0, quality=90)
