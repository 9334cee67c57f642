"""Draws the sample deck's nine whiteboard snapshots into decks/social-media-society/.

Each sketch illustrates its note in the post. Deterministic: rerunning gives the same bytes.
Usage: python tools/draw_sample_deck.py [OUT_DIR]
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from whiteboard import BLACK, BLUE, GREEN, RED, Board  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "decks" / "social-media-society"
WIDTH, HEIGHT = 3264, 2448
ROTATED = {4}  # stored sideways with an EXIF orientation tag, as phones do


def slide1(b: Board) -> None:
    """Tolerance of assholes against influence: it rises, then drops off a cliff."""
    b.arrow((110, 660), (110, 80))
    b.arrow((110, 660), (900, 660))
    b.text(130, 60, "tolerance of assholes", BLACK, 30, tilt=0)
    b.text(640, 705, "influence", BLACK, 32, tilt=0)
    b.curve(lambda x: 640 - 430 * (1 - math.exp(-(x - 120) / 260)), 120, 640, BLUE, 5)
    b.line([(640, 640 - 430 * (1 - math.exp(-520 / 260))), (655, 470), (668, 650)], RED, 5, steps=3)
    b.text(690, 330, "the cliff!", RED, 36)
    b.arrow((700, 360), (660, 430), RED)


def slide2(b: Board) -> None:
    """Influencers known for work they produced: very few; the numbers are meaningless."""
    b.arrow((100, 660), (100, 100))
    b.line([(100, 660), (900, 660)])
    for i, (h, w, label) in enumerate([(470, 83, "influence"), (60, 3, "work"), (380, 57, "influence"), (90, 12, "work")]):
        x = 170 + i * 180
        b.box(x, 660 - h, 110, h, BLUE if label == "influence" else GREEN)
        b.text(x + 20, 630 - h, str(w), RED, 34)
        b.text(x - 10, 700, label, BLACK, 24, tilt=0)
    b.text(560, 120, "numbers are", BLACK, 32)
    b.text(560, 165, "meaningless", BLACK, 32)


def slide3(b: Board) -> None:
    """The bandwagon of other people's misery: everyone piles on a falling expert."""
    b.box(120, 430, 380, 120)
    b.circle(190, 580, 38)
    b.circle(430, 580, 38)
    b.text(170, 490, "BANDWAGON", RED, 36, tilt=0)
    for i in range(5):
        b.person(150 + i * 80, 425, 90, BLUE, arms_up=True)
    b.line([(620, 300), (880, 300)], BLACK, 4)
    b.person(760, 420, 90, RED)
    b.arrow((760, 300), (760, 330), RED)
    b.text(640, 250, "\"expert\" falls", RED, 32)
    b.text(140, 160, "the bigger the corp,", BLACK, 30)
    b.text(140, 205, "the bigger the wagon", BLACK, 30)


def slide4(b: Board) -> None:
    """Independent consultants: one perspective, dumbed down, sold as the whole picture."""
    b.person(180, 560, 160)
    b.circle(330, 220, 95, BLACK, 3.5)
    b.text(265, 220, "it's simple!", RED, 32)
    b.box(520, 300, 260, 110, BLUE)
    b.text(545, 355, "marketing", BLUE, 34, tilt=0)
    b.arrow((650, 410), (650, 520))
    b.box(500, 520, 300, 110)
    b.text(520, 575, "= social media", BLACK, 32, tilt=0)
    b.text(520, 150, "one view = \"holistic\"", RED, 30)


def slide5(b: Board) -> None:
    """Large consultancies: they get the complexity, but fail to simplify the story."""
    nodes = [(200 + (i % 4) * 190 + (i // 4) * 30, 140 + (i // 4) * 150) for i in range(12)]
    for i, a in enumerate(nodes):
        for j in (3, 5, 7):
            c = nodes[(i * j + 1) % len(nodes)]
            b.line([(a[0] + 45, a[1] + 30), (c[0] + 45, c[1] + 30)], BLUE, 2.5, steps=3)
    for x, y in nodes:
        b.box(x, y, 90, 60, BLACK, 3)
    b.text(330, 640, "complex... and the story?", RED, 36)
    b.text(60, 70, "BIG DIGITAL CONSULTANCY", BLACK, 30, tilt=0)


def slide6(b: Board) -> None:
    """Early conferences preaching to the choir with fluffy small-business messages."""
    b.line([(120, 380), (420, 380)], BLACK, 5)
    b.person(270, 375, 130, RED, arms_up=True)
    for row in range(3):
        for col in range(6):
            b.circle(520 + col * 70, 470 + row * 70, 24, BLUE, 3)
    b.text(610, 700, "the choir", BLUE, 32)
    for cx, cy, word in ((200, 140, "engage!"), (470, 110, "relationships"), (760, 180, "be social!")):
        for k in range(5):
            b.circle(cx + 40 + (k - 2) * 45, cy + (12 if k % 2 else 0), 45, GREEN, 3)
        b.text(cx - 20, cy + 5, word, GREEN, 28)


def slide7(b: Board) -> None:
    """No conference for the enterprise: nobody has a demonstrable holistic solution yet."""
    b.box(140, 90, 720, 110, RED)
    b.text(175, 145, "ENTERPRISE SOCIAL CONFERENCE", RED, 32, tilt=0)
    b.line([(200, 360), (800, 360)], BLACK, 5)
    b.text(430, 300, "???", BLACK, 60)
    for row in range(2):
        for col in range(8):
            x, y = 190 + col * 80, 470 + row * 90
            b.line([(x, y), (x, y + 40), (x + 40, y + 40), (x + 40, y + 70)], BLACK, 3, steps=2)
    b.text(260, 700, "empty chairs: it's really complicated", BLACK, 28)


def slide8(b: Board) -> None:
    """Departments tugging over who owns social media: the enterprise shoots itself in the foot."""
    b.line([(80, 430), (920, 430)], BLACK, 6)
    b.box(400, 395, 200, 70, RED)
    b.text(418, 430, "OWNERSHIP", RED, 30, tilt=0)
    for i, (x, dept) in enumerate(((120, "Marketing"), (220, "PR"), (780, "IT"), (860, "Legal"))):
        b.person(x, 560, 110, BLUE, arms_up=False)
        b.text(x - 60, 600 + (i % 2) * 45, dept, BLUE, 28)
    b.text(300, 160, "social media belongs to... ?", BLACK, 34)
    b.arrow((240, 430), (140, 430), RED)
    b.arrow((760, 430), (860, 430), RED)


def slide9(b: Board) -> None:
    """Setting up accounts is not being there: absent accounts do more harm than good."""
    for i, name in enumerate(("Twitter", "Facebook", "Blog")):
        y = 120 + i * 170
        b.box(110, y, 280, 110)
        b.text(140, y + 55, name, BLACK, 34, tilt=0)
        b.line([(110, y), (390, y + 110)], RED, 4)
        b.line([(390, y), (110, y + 110)], RED, 4)
    b.text(120, 650, "accounts set up, nobody home", RED, 30)
    b.person(700, 520, 200, GREEN, arms_up=True)
    b.text(580, 170, "BE there", GREEN, 48)
    b.text(560, 650, "else: harm > good", BLACK, 34)


SKETCHES = [slide1, slide2, slide3, slide4, slide5, slide6, slide7, slide8, slide9]


def draw(number: int) -> bytes:
    """The JPEG bytes of slide ``number`` (1-9)."""
    board = Board(seed=number * 101, width=WIDTH, height=HEIGHT)
    SKETCHES[number - 1](board)
    return board.photo(rotated=number in ROTATED)


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, len(SKETCHES) + 1):
        (out / f"slide-{n}.jpg").write_bytes(draw(n))
        print(f"wrote {out / f'slide-{n}.jpg'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
