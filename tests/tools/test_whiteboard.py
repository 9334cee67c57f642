"""The drawing library behind the sample deck's pictures and the benchmark's phone photos."""

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"
DECK = ROOT / "decks" / "social-media-society"
sys.path.insert(0, str(TOOLS))

import draw_sample_deck  # noqa: E402
import handwriting  # noqa: E402
from whiteboard import BLACK, Board, phone_photo  # noqa: E402


def test_same_seed_same_bytes_and_different_seeds_differ():
    a, b, c = phone_photo(7, 400, 300), phone_photo(7, 400, 300), phone_photo(8, 400, 300)
    assert a == b and a != c


def test_a_fresh_interpreter_draws_the_same_bytes():
    # Nothing may depend on process state such as string hashing or dict order.
    code = (
        f"import sys, hashlib; sys.path.insert(0, {str(TOOLS)!r}); from whiteboard import phone_photo; "
        "print(hashlib.sha256(phone_photo(7, 400, 300)).hexdigest())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": "123"}
    )
    assert out.stdout.strip() == hashlib.sha256(phone_photo(7, 400, 300)).hexdigest()


def test_size_and_rotation_tag():
    plain = Image.open(io.BytesIO(phone_photo(3, 400, 300)))
    turned = Image.open(io.BytesIO(phone_photo(3, 400, 300, rotated=True)))
    assert plain.format == "JPEG" and plain.size == (400, 300) and plain.getexif().get(0x0112) is None
    assert turned.size == (300, 400) and turned.getexif()[0x0112] == 6
    assert ImageOps.exif_transpose(turned).size == (400, 300)


def test_rotated_photo_shows_upright_only_once_exif_is_applied():
    plain = Image.open(io.BytesIO(phone_photo(5, 320, 240))).convert("L")
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(phone_photo(5, 320, 240, rotated=True)))).convert("L")
    diff = ImageChops.difference(plain, upright).point(lambda v: 255 if v > 40 else 0)
    # The same picture, apart from JPEG noise: almost no pixel differs by much.
    assert sum(diff.histogram()[255:]) < 0.01 * 320 * 240


@pytest.mark.slow  # a full 12-megapixel photo; the quick tier draws small ones with the same code
def test_phone_photo_default_is_a_12_megapixel_photo_of_2_to_5_mb():
    data = phone_photo(1000)
    assert Image.open(io.BytesIO(data)).size == (4032, 3024)
    assert 2_000_000 <= len(data) <= 5_000_000, len(data)


def test_ink_lands_where_it_is_drawn():
    board = Board(11, 800, 600)
    board.box(100, 100, 250, 200, BLACK, width=8)
    img = Image.open(io.BytesIO(board.photo())).convert("L")
    w, h = img.size
    # The box's left edge runs down board x=100; the board's right half stays blank but for faint ghosts.
    edge = img.crop((int(w * 0.12), int(h * 0.3), int(w * 0.2), int(h * 0.4)))
    blank = img.crop((int(w * 0.6), int(h * 0.3), int(w * 0.85), int(h * 0.7)))
    assert edge.getextrema()[0] < 110
    assert blank.getextrema()[0] > 110


def test_every_glyph_stays_on_its_grid_and_unknown_characters_fall_back():
    for ch in handwriting.GLYPHS:
        for _, points in handwriting.strokes(ch):
            assert len(points) >= 2, ch
            assert all(-0.5 <= x <= 5.5 and -0.5 <= y <= 7 for x, y in points), ch
    assert handwriting.strokes("a") == handwriting.strokes("A")
    assert handwriting.strokes("\u00e9") == handwriting.strokes("?")
    assert handwriting.width("AB") < handwriting.width("A B")


def test_the_sample_deck_writes_only_characters_the_font_has(monkeypatch):
    written = []
    original = Board.text
    monkeypatch.setattr(
        Board, "text", lambda self, x, y, words, *a, **k: written.append(words) or original(self, x, y, words, *a, **k)
    )
    for sketch in draw_sample_deck.SKETCHES:
        sketch(Board(0, 200, 150))
    assert len(written) > 60
    assert {c for c in "".join(written).upper() if c != " "} <= set(handwriting.GLYPHS)


def test_committed_pictures_are_phone_sized_jpegs_two_stored_sideways():
    for n in range(1, 10):
        with Image.open(DECK / f"slide-{n}.jpg") as img:
            assert img.format == "JPEG"
            assert img.getexif().get(0x0112) == draw_sample_deck.ROTATED.get(n), n
            assert ImageOps.exif_transpose(img).size == (3264, 2448), n
    assert set(draw_sample_deck.ROTATED.values()) == {6, 8}


@pytest.mark.slow  # draws two full sample pictures again; the quick tier checks the drawing is repeatable
def test_committed_pictures_are_what_the_script_draws():
    for n in (1, 7):
        drawn = draw_sample_deck.draw(n)
        committed = (DECK / f"slide-{n}.jpg").read_bytes()
        if drawn == committed:
            continue
        # Another Pillow may encode the same drawing to other bytes: then the pixels must agree.
        a = Image.open(io.BytesIO(drawn)).convert("L").resize((408, 306))
        b = Image.open(io.BytesIO(committed)).convert("L").resize((408, 306))
        diff = ImageChops.difference(a, b).histogram()
        assert sum(i * c for i, c in enumerate(diff)) / (408 * 306) < 2.0, f"slide-{n}.jpg is stale"
