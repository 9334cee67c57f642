"""Deterministic whiteboard "phone photos": an off-white board, uneven light, marker strokes, noise.

Used to draw the sample deck's pictures (tools/draw_sample_deck.py) and the benchmark corpus
(`phone_photo`). Only Pillow and a seeded ``random.Random``: the same seed gives the same bytes.
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

BLACK, BLUE, RED, GREEN = (28, 30, 36), (22, 52, 150), (178, 30, 34), (22, 112, 58)
BOARD = (236, 235, 228)


class Board:
    """A board to draw on in board units (0–1000 across, 0–750 down), rendered as a photo."""

    def __init__(self, seed: int, width: int = 3264, height: int = 2448) -> None:
        self.rng = random.Random(seed)
        self.width, self.height = width, height
        # Strokes are drawn at half size and enlarged, which softens them like a phone camera.
        self.canvas = Image.new("RGB", (width // 2, height // 2), BOARD)
        self.draw = ImageDraw.Draw(self.canvas)
        self.scale = (width // 2) / 1000

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, y * self.scale

    def _wobble(self, points, amount: float = 1.2) -> list[tuple[float, float]]:
        out = []
        for x, y in points:
            out.append(self._xy(x + self.rng.uniform(-amount, amount), y + self.rng.uniform(-amount, amount)))
        return out

    def line(self, points, color=BLACK, width: float = 4.0, wobble: float = 1.0, steps: int = 6) -> None:
        """A hand-drawn polyline: each segment is split and jittered a little."""
        dense = []
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            for i in range(steps):
                t = i / steps
                dense.append((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t))
        dense.append(points[-1])
        pts = self._wobble(dense, wobble)
        w = max(2, int(width * self.scale * self.rng.uniform(0.85, 1.1)))
        self.draw.line(pts, fill=color, width=w, joint="curve")
        for p in (pts[0], pts[-1]):
            r = w / 2
            self.draw.ellipse((p[0] - r, p[1] - r, p[0] + r, p[1] + r), fill=color)

    def curve(self, fn, x0: float, x1: float, color=BLACK, width: float = 4.0, n: int = 60) -> None:
        """A curve y = fn(x) from x0 to x1."""
        self.line([(x0 + (x1 - x0) * i / n, fn(x0 + (x1 - x0) * i / n)) for i in range(n + 1)],
                  color, width, wobble=0.6, steps=1)

    def arrow(self, a, b, color=BLACK, width: float = 4.0) -> None:
        self.line([a, b], color, width)
        angle = math.atan2(b[1] - a[1], b[0] - a[0])
        for side in (-1, 1):
            tip = (b[0] - 22 * math.cos(angle + side * 0.45), b[1] - 22 * math.sin(angle + side * 0.45))
            self.line([tip, b], color, width, steps=2)

    def box(self, x, y, w, h, color=BLACK, width: float = 3.5) -> None:
        self.line([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)], color, width)

    def circle(self, cx, cy, r, color=BLACK, width: float = 3.5, n: int = 24) -> None:
        start = self.rng.uniform(0, math.tau)
        self.line([(cx + r * math.cos(start + math.tau * i / n * 1.05), cy + r * math.sin(start + math.tau * i / n * 1.05))
                   for i in range(n + 1)], color, width, wobble=0.8, steps=1)

    def person(self, x, y, size: float = 60, color=BLACK, arms_up: bool = False) -> None:
        """A stick figure standing with its feet at (x, y)."""
        head = size * 0.18
        self.circle(x, y - size + head, head, color, 3)
        neck, hip = y - size + 2 * head, y - size * 0.38
        self.line([(x, neck), (x, hip)], color, 3)
        arm_y = neck + size * 0.12
        lift = -size * 0.3 if arms_up else size * 0.2
        self.line([(x - size * 0.28, arm_y + lift), (x, arm_y), (x + size * 0.28, arm_y + lift)], color, 3, steps=2)
        self.line([(x - size * 0.22, y), (x, hip), (x + size * 0.22, y)], color, 3, steps=2)

    def text(self, x, y, words: str, color=BLACK, size: float = 34, tilt: float | None = None) -> None:
        """Marker lettering, slightly tilted, with its left edge at x and middle at y."""
        px = int(size * self.scale)
        font = ImageFont.load_default(size=px)
        left, top, right, bottom = font.getbbox(words, stroke_width=max(1, px // 18))
        layer = Image.new("L", (right - left + px, bottom - top + px), 0)
        ImageDraw.Draw(layer).text((px // 2 - left, px // 2 - top), words, font=font, fill=255,
                                   stroke_width=max(1, px // 18), stroke_fill=255)
        angle = self.rng.uniform(-3, 3) if tilt is None else tilt
        layer = layer.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        X, Y = self._xy(x, y)
        self.canvas.paste(Image.new("RGB", layer.size, color), (int(X - px // 2), int(Y - layer.height / 2)), layer)

    def photo(self, rotated: bool = False, quality: int = 88) -> bytes:
        """The board as a phone photo: enlarged, tilted, unevenly lit, noisy, JPEG (EXIF-rotated if asked)."""
        img = self.canvas.resize((self.width, self.height), Image.Resampling.BICUBIC)
        img = img.filter(ImageFilter.GaussianBlur(1.1))
        img = self._perspective(img)
        img = ImageChops.multiply(img, self._light())
        # Sensor noise from the seeded generator (Image.effect_noise is not reproducible).
        grain = Image.frombytes("L", img.size, self.rng.randbytes(img.width * img.height))
        img = Image.blend(img, Image.merge("RGB", (grain, grain, grain)), 0.07)
        exif = Image.Exif()
        if rotated:
            img = img.transpose(Image.Transpose.ROTATE_90)  # shows upright once Orientation 6 is applied
            exif[0x0112] = 6
        exif[0x010F] = "slidegen test camera"
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
        return buf.getvalue()

    def _light(self) -> Image.Image:
        """A smooth light map: a bright spot from a window, a darker corner, a warm or cool cast."""
        w, h = 64, 48
        cx, cy = self.rng.uniform(0.2, 0.8) * w, self.rng.uniform(0.1, 0.5) * h
        dark = self.rng.uniform(0.62, 0.74)
        small = Image.new("L", (w, h))
        small.putdata([int(255 * (1 - (1 - dark) * min(1.0, math.hypot(x - cx, y - cy) / (0.9 * w))))
                       for y in range(h) for x in range(w)])
        light = small.resize((self.width, self.height), Image.Resampling.BICUBIC)
        warm = self.rng.choice([(255, 247, 232), (240, 246, 255), (255, 252, 240)])
        return ImageChops.multiply(Image.merge("RGB", (light, light, light)), Image.new("RGB", light.size, warm))

    def _perspective(self, img: Image.Image) -> Image.Image:
        """A slight keystone as from a phone held off-centre; the wall shows at the edges."""
        w, h = img.size
        d = [self.rng.uniform(0.01, 0.035) * w for _ in range(4)]
        quad = (-d[0], -d[1], -d[2], h + d[3], w + d[2], h + d[0], w + d[3], -d[1])
        return img.transform(img.size, Image.Transform.QUAD, quad, Image.Resampling.BILINEAR, fillcolor=(96, 92, 84))


def phone_photo(seed: int, width: int = 4032, height: int = 3024, rotated: bool = False) -> bytes:
    """A random whiteboard photo: axes, a curve, boxes, arrows and a few labels."""
    board = Board(seed, width, height)
    rng = board.rng
    board.arrow((80, 680), (80, 90))
    board.arrow((80, 680), (560, 680))
    peak = rng.uniform(250, 420)
    board.curve(lambda x: 650 - (x - 80) * (520 - peak) / 380 if x < 460 else 650 - (460 - 80) * (520 - peak) / 380
                + (x - 460) * 9, 90, 520, rng.choice([BLUE, RED, BLACK]))
    for i in range(rng.randint(2, 4)):
        x, y = rng.uniform(600, 820), 90 + i * 150
        board.box(x, y, 150, 90, rng.choice([BLACK, BLUE, GREEN]))
        board.arrow((x + 75, y + 90), (x + 75, y + 145))
    for i in range(rng.randint(2, 4)):
        board.text(rng.uniform(110, 420), rng.uniform(110, 560), rng.choice(
            ["influence", "reach", "trust", "enterprise", "ROI?", "time", "context", "noise"]), rng.choice([BLACK, RED, BLUE]))
    return board.photo(rotated=rotated)
