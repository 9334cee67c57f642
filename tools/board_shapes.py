"""The shapes people draw on whiteboards, built from single marker strokes.

A mixin for tools/whiteboard.py's Board: everything here is made of ``self.stroke`` and
``self.text`` calls in board units (1000 across, 750 down), with the board's seeded ``self.rng``
deciding the small irregularities, so a sketch is the same on every run.
"""

from __future__ import annotations

import math

import handwriting

INK = (34, 36, 44)


def _rotate(p, centre, degrees: float):
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    dx, dy = p[0] - centre[0], p[1] - centre[1]
    return centre[0] + dx * c - dy * s, centre[1] + dx * s + dy * c


class Shapes:
    """Lines, arrows, boxes, ellipses, clouds, speech bubbles, charts and stick figures."""

    def line(self, points, color=INK, width: float = 4.0, wobble: float = 1.0) -> None:
        """Straight segments through ``points``, drawn in one go."""
        self.stroke(points, color, width, wobble)

    def curve(self, fn, x0: float, x1: float, color=INK, width: float = 4.0, n: int = 40) -> None:
        """The graph of y = fn(x) from x0 to x1, in one smooth stroke."""
        self.stroke(
            [(x0 + (x1 - x0) * i / n, fn(x0 + (x1 - x0) * i / n)) for i in range(n + 1)],
            color,
            width,
            wobble=0.6,
            smooth=True,
        )

    def arrow(
        self, a, b, color=INK, width: float = 4.0, bend: float = 0.0, head: float = 22.0, trim: float = 0.0
    ) -> None:
        """An arrow from a to b; ``bend`` bows it sideways, ``trim`` stops it short at both ends."""
        if trim:
            d = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
            ux, uy = (b[0] - a[0]) / d, (b[1] - a[1]) / d
            a, b = (a[0] + ux * trim, a[1] + uy * trim), (b[0] - ux * trim, b[1] - uy * trim)
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
        nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
        mid = (mx + nx * bend, my + ny * bend)
        self.stroke([a, mid, b] if bend else [a, b], color, width, smooth=bool(bend))
        # The head follows the direction of the shaft's last stretch.
        tail = mid if bend else a
        angle = math.atan2(b[1] - tail[1], b[0] - tail[0])
        spread = self.rng.uniform(0.38, 0.5)
        left = (b[0] - head * math.cos(angle - spread), b[1] - head * math.sin(angle - spread))
        right = (b[0] - head * math.cos(angle + spread), b[1] - head * math.sin(angle + spread))
        self.stroke([left, b, right], color, width, wobble=0.4)

    def box(self, x, y, w, h, color=INK, width: float = 3.5) -> None:
        """A rectangle drawn in one stroke whose end overshoots the start a little."""
        over = self.rng.uniform(4, 12)
        self.stroke([(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y - over)], color, width)

    def labelled_box(self, x, y, label: str, color=INK, size: float = 24, pad: float = 16) -> tuple[float, float]:
        """A box fitted around a label; returns its width and height."""
        w = self.text(x + pad, y + pad + size, label, color, size) + 2 * pad
        h = size + 2 * pad
        self.box(x, y, w, h, color)
        return w, h

    def ellipse(self, cx, cy, rx, ry, color=INK, width: float = 3.5) -> None:
        """A hand-drawn ellipse: it starts anywhere and runs a little past where it started."""
        start, n = self.rng.uniform(0, math.tau), 14
        sweep = math.tau * self.rng.uniform(1.03, 1.1)
        pts = [
            (
                cx + rx * math.cos(start + sweep * i / n) * (1 + 0.04 * i / n),
                cy + ry * math.sin(start + sweep * i / n) * (1 + 0.04 * i / n),
            )
            for i in range(n + 1)
        ]
        self.stroke(pts, color, width, wobble=0.5, smooth=True)

    def circle(self, cx, cy, r, color=INK, width: float = 3.5) -> None:
        """A hand-drawn circle."""
        self.ellipse(cx, cy, r, r * self.rng.uniform(0.94, 1.04), color, width)

    def cloud(self, cx, cy, w, h, color=INK, width: float = 3.5, bumps: int = 9) -> None:
        """A fluffy cloud: scallops all round an ellipse, in one stroke."""
        pts = []
        start = self.rng.uniform(0, math.tau)
        for k in range(bumps):
            a0, a1 = start + math.tau * k / bumps, start + math.tau * (k + 1) / bumps
            puff = self.rng.uniform(0.16, 0.3) * min(w, h)
            for t in (0, 0.25, 0.5, 0.75):
                a = a0 + (a1 - a0) * t
                bulge = puff * math.sin(math.pi * t)
                pts.append((cx + (w / 2 + bulge) * math.cos(a), cy + (h / 2 + bulge) * math.sin(a)))
        pts.append(pts[0])
        self.stroke(pts, color, width, wobble=0.5, smooth=True)

    def bubble(self, cx, cy, w, h, tail, color=INK, width: float = 3.5) -> None:
        """A speech bubble around (cx, cy) whose tail points at ``tail``."""
        self.ellipse(cx, cy, w / 2, h / 2, color, width)
        a = math.atan2(tail[1] - cy, tail[0] - cx)
        for side in (-0.22, 0.22):
            base = (cx + w / 2 * math.cos(a + side), cy + h / 2 * math.sin(a + side))
            self.stroke([base, tail], color, width, wobble=0.5)

    def underline(self, x, y, length, color=INK, width: float = 4.0, times: int = 1) -> None:
        """One or more quick strokes under a word."""
        for i in range(times):
            dy = i * 10 + self.rng.uniform(-2, 2)
            self.stroke(
                [(x - 5, y + dy), (x + length + self.rng.uniform(0, 15), y + dy - self.rng.uniform(0, 6))],
                color,
                width,
                wobble=0.8,
            )

    def dashed(self, a, b, color=INK, width: float = 3.0, dash: float = 18.0) -> None:
        """A dashed line from a to b."""
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        n = max(1, int(length / (dash * 1.8)))
        for i in range(n):
            t0, t1 = i / n, i / n + dash / length
            self.stroke(
                [
                    (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                    (a[0] + (b[0] - a[0]) * min(t1, 1), a[1] + (b[1] - a[1]) * min(t1, 1)),
                ],
                color,
                width,
                wobble=0.2,
            )

    def hatch(self, x, y, w, h, color=INK, width: float = 2.5, gap: float = 16.0) -> None:
        """Quick diagonal shading inside a rectangle."""
        k = -h
        while k < w:
            x0, y0 = x + max(k, 0), y + h - max(0, -k)
            x1, y1 = x + min(k + h, w), y + h - min(h, w - k)
            if x1 > x0:
                self.stroke([(x0, y0), (x1, y1)], color, width, wobble=0.3)
            k += gap
        self.box(x, y, w, h, color, width + 1)

    def burst(self, cx, cy, r, color=INK, width: float = 3.5, points: int = 9) -> None:
        """A jagged "BANG!" star."""
        pts = []
        for i in range(2 * points + 1):
            rr = r if i % 2 == 0 else r * self.rng.uniform(0.45, 0.6)
            a = math.tau * i / (2 * points)
            pts.append((cx + rr * math.cos(a), cy + rr * 0.75 * math.sin(a)))
        self.stroke(pts, color, width, wobble=0.3)

    def axes(self, origin, w, h, x_label: str = "", y_label: str = "", color=INK, size: float = 26) -> None:
        """Two arrows for a chart's axes, the y label written upwards along its axis."""
        ox, oy = origin
        self.arrow((ox, oy), (ox, oy - h), color, 4.5)
        self.arrow((ox - 10, oy), (ox + w, oy), color, 4.5)
        if x_label:
            self.text(ox + w - handwriting.width(x_label) * size / 6, oy + size + 22, x_label, color, size)
        if y_label:
            self.text(ox - 22, oy - h / 2, y_label, color, size, angle=-90, align="center")

    def person(
        self,
        x,
        y,
        size: float = 80,
        color=INK,
        arms=(-30, 30),
        legs=(-22, 22),
        lean: float = 0.0,
        turn: float = 0.0,
        face: str | None = None,
        width: float = 3.5,
    ) -> dict:
        """A stick figure, feet at (x, y), ``size`` tall; returns where its joints are.

        Limb angles are degrees from hanging straight down, positive towards +x (90 is straight
        out to the right, 180 straight up); ``lean`` tilts the body about the hips and ``turn``
        the whole figure about its middle (a falling figure). ``face``: "smile" or "frown".
        """
        r, leg, arm, body = 0.13 * size, 0.44 * size, 0.36 * size, 0.3 * size
        hip = (x, y - leg * math.cos(math.radians(max(abs(legs[0]), abs(legs[1])))))
        up = (math.sin(math.radians(lean)), -math.cos(math.radians(lean)))
        neck = (hip[0] + up[0] * body, hip[1] + up[1] * body)
        head = (hip[0] + up[0] * (body + r), hip[1] + up[1] * (body + r))
        shoulder = (hip[0] + up[0] * body * 0.78, hip[1] + up[1] * body * 0.78)

        def limb(start, length, degrees):
            a = math.radians(degrees)
            return start[0] + length * math.sin(a), start[1] + length * math.cos(a)

        hands = tuple(limb(shoulder, arm, a) for a in arms)
        feet = tuple(limb(hip, leg, a) for a in legs)
        centre = (x, y - size / 2)
        j = {
            name: _rotate(p, centre, turn)
            for name, p in (
                ("head", head),
                ("neck", neck),
                ("hip", hip),
                ("shoulder", shoulder),
                ("hand_l", hands[0]),
                ("hand_r", hands[1]),
                ("foot_l", feet[0]),
                ("foot_r", feet[1]),
            )
        }
        self.circle(*j["head"], r, color, width)
        self.stroke([j["neck"], j["hip"]], color, width, wobble=0.4)
        self.stroke([j["hand_l"], j["shoulder"], j["hand_r"]], color, width, wobble=0.4)
        self.stroke([j["foot_l"], j["hip"], j["foot_r"]], color, width, wobble=0.4)
        if face:
            hx, hy = j["head"]
            for dx in (-0.35, 0.35):
                self.stroke([(hx + dx * r, hy - 0.25 * r), (hx + dx * r, hy - 0.15 * r)], color, width * 0.8, 0)
            sag = 0.25 * r if face == "smile" else -0.25 * r
            self.stroke(
                [(hx - 0.45 * r, hy + 0.3 * r), (hx, hy + 0.3 * r + sag), (hx + 0.45 * r, hy + 0.3 * r)],
                color,
                width * 0.8,
                0,
                smooth=True,
            )
        return j
