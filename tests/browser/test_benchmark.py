"""The 50-slide benchmark deck: size of the runtime and time to the first slide in real Chromium."""

from __future__ import annotations

import hashlib
import io
import random
import time

import pytest
from PIL import Image, ImageDraw, ImageFilter

from slidegen.model import Picture
from slidegen.writers.html.theme import load_theme
from toolkit import make_deck

pytestmark = [pytest.mark.browser, pytest.mark.bench]

SLIDES = 50


def whiteboard_jpeg(seed: int) -> Picture:
    """A 1920-px marker sketch with uneven light, encoded like the picture pipeline does."""
    rng = random.Random(seed)
    img = Image.linear_gradient("L").resize((1920, 1440)).rotate(rng.randint(0, 359))
    img = Image.merge("RGB", [img.point(lambda v, o=o: 205 + v // 6 + o) for o in (4, 2, 0)])
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        pts = [(rng.randint(0, 1919), rng.randint(0, 1439)) for _ in range(rng.randint(2, 6))]
        draw.line(pts, fill=rng.choice([(20, 30, 120), (150, 20, 20), (20, 20, 20)]), width=rng.randint(4, 10))
    noise = Image.effect_noise((1920, 1440), 12).convert("RGB")
    img = Image.blend(img, noise, 0.05).filter(ImageFilter.SMOOTH)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85, optimize=True)
    data = buf.getvalue()
    return Picture(data, "image/jpeg", 1920, 1440, hashlib.sha256(data).hexdigest())


def benchmark_deck():
    deck = make_deck(SLIDES, title="Benchmark deck")
    pictures = [whiteboard_jpeg(seed) for seed in range(5)]
    for i, slide in enumerate(deck.slides):
        deck.media[slide.image.ref] = pictures[i % len(pictures)]
    return deck


def test_fifty_slide_deck_shows_its_first_slide_quickly(open_show, capsys):
    deck = benchmark_deck()
    started = time.perf_counter()
    show = open_show(deck)
    show.page.wait_for_selector("#sg-0.is-current", state="visible")
    first = (time.perf_counter() - started) * 1000
    fcp = show.page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    ready = show.page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    started = time.perf_counter()
    show.press("End")
    show.page.eval_on_selector("#sg-50 img", "i => i.decode()")
    last = (time.perf_counter() - started) * 1000
    size = (show.folder / f"{deck.slug}.html").stat().st_size
    theme = load_theme(None)
    runtime = len(theme.css.encode()) + len(theme.js.encode())
    with capsys.disabled():
        print(
            f"\n[benchmark] {SLIDES} slides of 1920x1440 JPEG, file {size / 1e6:.1f} MB, runtime {runtime} B "
            f"(CSS {len(theme.css.encode())} + JS {len(theme.js.encode())}); render+write+load to first "
            f"slide {first:.0f} ms, script ready {ready:.0f} ms, first contentful paint {fcp:.0f} ms, End to decoded last slide {last:.0f} ms"
        )
    assert fcp < 3000 and ready < 3000 and first < 10_000 and last < 3000
