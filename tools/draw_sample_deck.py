"""Draws the sample deck's nine whiteboard snapshots into decks/social-media-society/.

Each sketch illustrates its note in the post (a consultant's "Social Media Society" whiteboard
talk). Deterministic: every board has a fixed seed, so rerunning gives the same bytes.
Slides 4 and 7 are stored sideways with an EXIF Orientation tag (6 and 8), as phones do.
Usage: python tools/draw_sample_deck.py [OUT_DIR]
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from whiteboard import BLACK, BLUE, GREEN, RED, Board

OUT = Path(__file__).resolve().parents[1] / "decks" / "social-media-society"
WIDTH, HEIGHT = 3264, 2448
ROTATED = {4: 6, 7: 8}  # slide number -> EXIF Orientation its pixels are stored for


def turned(points, centre, degrees):
    """``points`` turned about ``centre`` (degrees clockwise on the board)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [
        (centre[0] + (x - centre[0]) * c - (y - centre[1]) * s, centre[1] + (x - centre[0]) * s + (y - centre[1]) * c)
        for x, y in points
    ]


def slide1(b: Board) -> None:
    """Tolerance of assholes against their influence: it rises, then drops off a cliff."""
    b.axes((120, 650), 800, 570, "INFLUENCE", "TOLERANCE OF ASSHOLES", size=28)
    b.curve(lambda x: 630 - 390 * (1 - math.exp(-(x - 130) / 210)), 130, 610, BLUE, 5.5)
    top = 630 - 390 * (1 - math.exp(-480 / 210))
    b.line([(610, top), (640, top - 6), (652, top + 30), (662, 640)], BLUE, 5.5)
    b.person(760, 540, 110, RED, arms=(-120, 130), legs=(-45, 35), turn=160, face="frown")
    for k in range(3):  # falling fast
        b.line([(728 + k * 26, 375 + (k % 2) * 10), (728 + k * 26, 415 + (k % 2) * 10)], RED, 2.5)
    b.text(720, 200, "THE CLIFF!", RED, 42)
    b.arrow((760, 215), (680, 360), RED, 4.5, bend=-30)
    b.text(250, 100, "NO AMOUNT OF INFLUENCE", BLACK, 24)
    b.text(250, 138, "MAKES UP FOR IT", BLACK, 24)


def slide2(b: Board) -> None:
    """Very few influencers are known for work they produced; the numbers are meaningless."""
    b.text(90, 75, "SOCIAL MEDIA INFLUENCERS", BLACK, 36)
    b.underline(90, 92, 560, BLACK)
    b.axes((130, 610), 780, 460, "", "# OF PEOPLE", size=24)
    bars = [
        (400, "10,000", "SELF-DECLARED", "INFLUENCERS", BLUE),
        (44, "12", "PRODUCED", "REAL WORK", GREEN),
        (14, "3", "KNOWN FOR", "THAT WORK", RED),
    ]
    for i, (h, number, top, bottom, color) in enumerate(bars):
        x = 200 + i * 240
        b.hatch(x, 605 - h, 150, h, color, gap=22 if h > 100 else 10)
        b.text(x + 75, 585 - h, number, color, 34, align="center")
        b.text(x + 75, 655, top, BLACK, 21, align="center")
        b.text(x + 75, 688, bottom, BLACK, 21, align="center")
    b.text(620, 250, "NUMBERS ARE", RED, 30)
    b.text(620, 295, "MEANINGLESS!", RED, 30)
    b.ellipse(740, 270, 170, 75, RED)


def slide3(b: Board) -> None:
    """The bandwagon of other people's misery: everyone piles on a big corp or a fallen expert."""
    b.text(70, 80, "THE MISERY BANDWAGON", RED, 40)
    b.underline(70, 98, 560, RED)
    b.box(110, 440, 400, 130)
    b.text(310, 525, "BANDWAGON", BLACK, 34, align="center")
    b.circle(185, 600, 40)
    b.circle(435, 600, 40)
    for k in range(3):
        b.line([(20 + k * 12, 460 + k * 40), (80 + k * 12, 460 + k * 40)], BLACK, 2.5)
    for i in range(6):
        b.person(145 + i * 68, 435, 95, BLUE, arms=(-135 - 10 * (i % 2), 140 + 8 * (i % 3)), face="smile")
    b.person(60, 690, 90, BLUE, arms=(120, 60), legs=(-40, 35), lean=25)  # running to jump on
    b.text(100, 250, '"ME TOO!"', BLUE, 24, angle=-8)
    b.arrow((525, 490), (610, 470), RED, 5)
    # A corporation's tower, toppling over its bottom corner; arcs trail its top.
    pivot, tilt = (760, 640), 12
    tower = turned([(640, 640), (640, 300), (760, 300), (760, 640)], pivot, tilt)
    b.line([*tower, tower[0]], BLACK, 4)
    for row in range(5):
        for col in range(2):
            x, y = 662 + col * 52, 325 + row * 60
            b.line(turned([(x, y), (x + 26, y), (x + 26, y + 28), (x, y + 28), (x, y)], pivot, tilt), BLACK, 2.5)
    b.text(700, 690, "BIG CORP", BLACK, 28, align="center")
    for k, r in enumerate((0.86, 0.95, 1.04)):
        corner = (pivot[0] - 120 * r, pivot[1] - 340 * r)
        b.line([turned([corner], pivot, a)[0] for a in range(2, 13, 2)], BLACK, 2.5, wobble=0.3)
    b.line([(840, 640), (990, 640)], BLACK, 4)
    b.box(880, 560, 95, 80, BLACK)
    b.text(928, 612, "GRACE", BLACK, 16, align="center")
    b.person(920, 470, 95, RED, arms=(-130, 150), legs=(-30, 50), turn=-55, face="frown")
    b.text(925, 350, '"EXPERT"', RED, 24, align="center")


def slide4(b: Board) -> None:
    """Independent consultants: one perspective, dumbed down, presented as the whole picture."""
    b.person(140, 640, 230, BLACK, arms=(-25, 110), face="smile")
    b.bubble(250, 190, 390, 150, (175, 380), BLACK)
    b.text(250, 208, "IT'S SIMPLE!", RED, 40, align="center")
    eye = (150, 460)
    b.dashed(eye, (590, 260), BLUE)
    b.dashed(eye, (590, 360), BLUE)
    b.ellipse(740, 420, 220, 280, BLACK)
    b.text(740, 122, "SOCIAL MEDIA", BLACK, 26, align="center")
    w = b.text(630, 330, "MARKETING", BLUE, 30)
    b.box(615, 285, w + 30, 65, BLUE)
    for y, label in ((410, "CUSTOMER SERVICE"), (460, "PR"), (510, "SALES"), (560, "HR"), (610, "LEGAL")):
        b.text(740, y, label, BLACK, 20, align="center")
    b.text(120, 720, 'ONE VIEW, SOLD AS "HOLISTIC"', RED, 30)


def slide5(b: Board) -> None:
    """Large consultancies get the complexity but fail to simplify the story."""
    b.text(60, 70, "BIG DIGITAL CONSULTANCY", BLACK, 34)
    b.text(700, 70, "$$$$", GREEN, 40)
    labels = ["CRM", "SCRM", "PR", "BRAND", "WEB", "MKTG", "HR", "LEGAL", "IT", "SALES", "CS", "R&D", "OPS", "DATA"]
    spots = [
        (110, 170),
        (330, 150),
        (560, 190),
        (180, 300),
        (420, 280),
        (640, 320),
        (90, 440),
        (300, 420),
        (520, 450),
        (720, 480),
        (160, 570),
        (400, 580),
        (600, 600),
        (280, 660),
    ]
    centres = []
    for (x, y), label in zip(spots, labels):
        w, h = b.labelled_box(x, y, label, BLACK, 22, pad=12)
        centres.append((x + w / 2, y + h / 2))
    colors = [BLUE, RED, GREEN, BLUE, BLACK]
    for i, a in enumerate(centres):
        for j in (5, 8, 11):
            c = centres[(i + j) % len(centres)]
            if i < (i + j) % len(centres):
                b.arrow(a, c, colors[(i + j) % len(colors)], 2.5, bend=b.rng.uniform(-80, 80), head=14, trim=34)
    b.person(890, 650, 170, BLACK, arms=(-150, 150), face="frown")
    b.bubble(880, 330, 150, 110, (880, 460), BLACK)
    b.text(880, 350, "???", RED, 44, align="center")
    b.text(700, 720, "...AND THE STORY?", RED, 28, align="center")


def slide6(b: Board) -> None:
    """Conferences preaching to the choir, with fluffy messages for small business."""
    for (cx, cy, w, h), word in (
        ((170, 140, 220, 100), "ENGAGE!"),
        ((480, 105, 300, 105), "RELATIONSHIPS"),
        ((810, 150, 240, 100), "BE REAL!"),
    ):
        b.cloud(cx, cy, w, h, GREEN)
        b.text(cx, cy + 12, word, GREEN, 26, align="center")
    b.line([(70, 520), (420, 520)], BLACK, 5)
    b.box(210, 440, 70, 80)
    b.person(330, 515, 150, RED, arms=(-140, 140), face="smile")
    b.bubble(180, 320, 300, 100, (290, 392), RED)
    b.text(180, 333, "IT'S ALL LOVE!", RED, 24, align="center")
    for row in range(3):
        for col in range(6 - row % 2):
            x, y = 530 + col * 75 + (row % 2) * 37, 440 + row * 80
            b.circle(x, y, 22, BLUE, 3)
            b.curve(lambda t, x=x, y=y: y + 60 - 0.035 * (t - x) ** 2, x - 32, x + 32, BLUE, 3, n=8)
    b.bubble(880, 330, 140, 80, (820, 410), BLUE)
    b.text(880, 345, "AMEN!", BLUE, 26, align="center")
    b.text(730, 720, "THE CHOIR (SMB)", BLUE, 30, align="center")
    b.text(100, 600, "PREACHING TO", BLACK, 30)
    b.text(100, 645, "THE CHOIR", BLACK, 30)


def chair(b: Board, x: float, y: float) -> None:
    """An empty chair seen from behind: its back, seat and two legs; top left at (x, y)."""
    b.box(x, y, 50, 34, BLACK, 3)
    b.line([(x - 4, y + 50), (x + 54, y + 50)], BLACK, 3)
    b.line([(x + 2, y + 34), (x + 2, y + 82)], BLACK, 3, wobble=0.3)
    b.line([(x + 48, y + 34), (x + 48, y + 82)], BLACK, 3, wobble=0.3)


def tumbleweed(b: Board, cx: float, cy: float, r: float) -> None:
    """A scribbled ball of twigs rolling left to right, with motion lines."""
    for _ in range(6):
        b.ellipse(
            cx + b.rng.uniform(-r, r) * 0.3,
            cy + b.rng.uniform(-r, r) * 0.3,
            r * b.rng.uniform(0.5, 0.9),
            r * b.rng.uniform(0.4, 0.8),
            BLACK,
            2,
        )
    for k in range(3):
        b.line([(cx - r - 70, cy - 20 + k * 20), (cx - r - 15, cy - 20 + k * 20)], BLACK, 2.5)


def slide7(b: Board) -> None:
    """No conference serves the enterprise: nobody has a demonstrable holistic answer yet."""
    w = b.text(500, 95, "ENTERPRISE SOCIAL MEDIA CONFERENCE", RED, 30, align="center")
    b.box(480 - w / 2, 40, w + 40, 80, RED)
    b.line([(250, 330), (750, 330)], BLACK, 5)
    b.line([(250, 330), (250, 360), (750, 360), (750, 330)], BLACK, 3)
    b.line([(470, 330), (480, 250), (530, 250), (540, 330)], BLACK, 3.5)
    b.line([(505, 250), (505, 210), (520, 195)], BLACK, 3)
    b.text(570, 205, "HELLO? ...ANYONE?", BLACK, 20)
    for row in range(2):
        for col in range(7):
            chair(b, 190 + col * 90 + row * 20, 420 + row * 120)
    tumbleweed(b, 925, 610, 40)
    b.text(850, 450, "CHIRP", GREEN, 20, angle=-10)
    b.text(90, 480, "CHIRP", GREEN, 20, angle=8)
    b.text(100, 720, "TOO COMPLICATED -> LET'S DO SMALL BUSINESS", BLACK, 26)


def slide8(b: Board) -> None:
    """Departments tugging over who owns social media: shooting themselves in the foot."""
    b.text(500, 80, "WHO OWNS SOCIAL MEDIA?", BLACK, 38, align="center")
    rope = 420
    b.line([(40, rope + 5), (960, rope - 5)], BLACK, 6, wobble=2)
    b.box(400, rope - 110, 200, 85, RED)
    b.text(500, rope - 75, "SOCIAL MEDIA", RED, 20, align="center")
    b.text(500, rope - 43, "OWNERSHIP", RED, 20, align="center")
    b.line([(500, rope - 25), (500, rope + 40)], RED, 4)
    teams = [
        ((90, 230, 370), "MARKETING", "PR", "SALES", -22, (70, 95)),
        ((630, 770, 910), "IT", "LEGAL", "SERVICE", 22, (-95, -70)),
    ]
    for xs, *names, lean, arms in teams:
        for x, name in zip(xs, names):
            # Stand the figure where both its hands hold the rope.
            b.person(x, rope + _hand_height(150, lean, arms), 150, BLUE, arms=arms, legs=(-30, 30), lean=lean)
            b.text(x, rope - 150, name, BLUE, 24, align="center")
    b.burst(300, 585, 80, RED)
    b.text(300, 597, "BANG!", RED, 24, align="center")
    b.arrow((400, 685), (350, 635), BLACK, 3, bend=-15)
    b.text(360, 715, "(SHOOTING THEMSELVES IN THE FOOT)", BLACK, 24)


def _hand_height(size: float, lean: float, arms) -> float:
    """How far below the hands a stick figure's feet are (board.person's proportions)."""
    leg, arm, body = 0.44 * size, 0.36 * size, 0.3 * size
    hip = leg * math.cos(math.radians(30))
    shoulder = hip + body * 0.78 * math.cos(math.radians(lean))
    return shoulder - arm * math.cos(math.radians(sum(arms) / 2))


def cobweb(b: Board, x: float, y: float, r: float) -> None:
    """A cobweb in a box's top right corner at (x, y): threads fanning out, rings sagging between."""
    angles = [math.radians(90 + k * 22.5) for k in range(5)]
    for a in angles:
        b.line([(x, y), (x + r * math.cos(a), y + r * math.sin(a))], BLACK, 1.5, wobble=0.1)
    for ring in (0.35, 0.65, 0.95):
        pts = []
        for a0, a1 in zip(angles, angles[1:]):
            pts.append((x + r * ring * math.cos(a0), y + r * ring * math.sin(a0)))
            mid = (a0 + a1) / 2
            pts.append((x + r * ring * 0.85 * math.cos(mid), y + r * ring * 0.85 * math.sin(mid)))
        pts.append((x + r * ring * math.cos(angles[-1]), y + r * ring * math.sin(angles[-1])))
        b.stroke(pts, BLACK, 1.5, wobble=0.1, smooth=True)


def slide9(b: Board) -> None:
    """Setting up accounts is not being there: an absent account does more harm than good."""
    b.text(70, 80, "ACCOUNTS SET UP", BLACK, 32)
    for i, name in enumerate(("TWITTER", "FACEBOOK", "YOUTUBE", "BLOG")):
        y = 120 + i * 125
        b.box(80, y, 300, 95)
        b.text(100, y + 45, name, BLACK, 26)
        b.text(100, y + 80, "LAST POST: 9 MO AGO", RED, 16)
        cobweb(b, 380, y, 60)
    b.text(470, 420, "VS.", BLACK, 40)
    b.text(600, 80, "BEING THERE", GREEN, 36)
    b.underline(600, 98, 300, GREEN, times=2)
    b.person(740, 430, 170, GREEN, arms=(-60, 120), face="smile")
    for cx, cy, word, tail in ((640, 190, "THANKS!", (700, 260)), (860, 200, "HELP?", (790, 270))):
        b.bubble(cx, cy, 150, 70, tail, BLUE)
        b.text(cx, cy + 10, word, BLUE, 20, align="center")
    for x in (620, 880):
        b.person(x, 520, 100, BLUE, face="smile")
    b.line([(600, 600), (630, 640), (700, 560)], GREEN, 6)
    b.text(80, 720, "NOT REALLY THERE = MORE HARM THAN GOOD", RED, 28)


SKETCHES = [slide1, slide2, slide3, slide4, slide5, slide6, slide7, slide8, slide9]


def draw(number: int, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """The JPEG bytes of slide ``number`` (1-9)."""
    board = Board(seed=number * 101, width=width, height=height)
    SKETCHES[number - 1](board)
    return board.photo(rotated=ROTATED.get(number, 0))


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, len(SKETCHES) + 1):
        (out / f"slide-{n}.jpg").write_bytes(draw(n))
        print(f"wrote {out / f'slide-{n}.jpg'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
