"""The drawing library behind the sample deck and the benchmark corpus."""

import hashlib
import io
import sys
from pathlib import Path

from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from whiteboard import phone_photo  # noqa: E402


def test_same_seed_same_bytes_and_different_seeds_differ():
    a, b, c = phone_photo(7, 400, 300), phone_photo(7, 400, 300), phone_photo(8, 400, 300)
    assert a == b and a != c


def test_size_and_rotation_tag():
    plain = Image.open(io.BytesIO(phone_photo(3, 400, 300)))
    turned = Image.open(io.BytesIO(phone_photo(3, 400, 300, rotated=True)))
    assert plain.size == (400, 300) and plain.getexif().get(0x0112) is None
    assert turned.size == (300, 400) and turned.getexif()[0x0112] == 6
    assert ImageOps.exif_transpose(turned).size == (400, 300)


def test_committed_sample_pictures_are_what_the_script_draws():
    import draw_sample_deck

    for n in (1, 4):
        committed = (ROOT / "decks" / "social-media-society" / f"slide-{n}.jpg").read_bytes()
        assert hashlib.sha256(committed).digest() == hashlib.sha256(draw_sample_deck.draw(n)).digest()
