"""The index page of a batch build: thumbnails, links to what was built, escaping, and a strict policy."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import re

from PIL import Image

from slidegen.config import BuildOptions
from slidegen.writers.index import CSS, render_index, thumbnail
from toolkit import make_deck, picture


def page(decks, formats=("pptx", "html", "notes")) -> str:
    files = render_index(decks, BuildOptions(formats=formats))
    assert list(files) == ["index.html"]
    return files["index.html"].decode("utf-8")


def two_decks():
    first = make_deck(
        3,
        title="Tolerance & influence",
        slug="tolerance",
        author="Ann",
        date=dt.date(2009, 3, 5),
        link="https://blog.example.org/tolerance/",
    )
    first.media[first.slides[0].image.ref] = picture(1600, 900)
    second = make_deck(2, title="Text only", slug="text-only", pictures=False)
    return [first, second]


def test_lists_every_deck_in_order_with_links_to_the_formats_built():
    html = page(two_decks())
    assert re.findall(r'<li id="([^"]+)">', html) == ["tolerance", "text-only"]
    assert 'href="tolerance.html"' in html and 'href="tolerance.pptx"' in html
    assert 'href="tolerance.notes.md"' in html and 'href="https://blog.example.org/tolerance/"' in html
    assert "3 slides · Ann · " in html and 'datetime="2009-03-05"' in html
    assert "2 decks, 5 slides" in html
    notes_only = page(two_decks(), formats=("notes",))
    assert ".pptx" not in notes_only and '.html"' not in notes_only
    assert '<h2><a href="tolerance.notes.md">' in notes_only


def test_thumbnail_is_a_small_jpeg_of_the_first_picture():
    html = page(two_decks())
    uris = re.findall(r'src="data:image/jpeg;base64,([^"]+)"', html)
    assert len(uris) == 1  # the text-only deck gets a placeholder instead
    with Image.open(io.BytesIO(base64.b64decode(uris[0]))) as img:
        assert img.format == "JPEG" and img.size == (640, 360)
    assert 'class="text-only"' in html


def test_thumbnail_of_a_transparent_png_and_of_unreadable_bytes():
    buf = io.BytesIO()
    Image.new("RGBA", (50, 100), (0, 0, 0, 0)).save(buf, "PNG")
    from slidegen.model import Picture

    png = Picture(buf.getvalue(), "image/png", 50, 100, hashlib.sha256(buf.getvalue()).hexdigest())
    uri, width, height = thumbnail(png)
    assert uri.startswith("data:image/jpeg;base64,") and (width, height) == (50, 100)  # never enlarged
    assert thumbnail(Picture(b"garbage", "image/png", 1, 1, "0")) is None


def test_untrusted_titles_authors_and_links_are_escaped_or_dropped():
    deck = make_deck(
        1,
        title='<script>alert(1)</script>"><img src=x onerror=alert(2)>',
        slug="x",
        author="<b>Eve</b>",
        link="javascript:alert(3)",
        pictures=False,
    )
    other = make_deck(1, title="Other", slug="other", pictures=False)
    html = page([deck, other])
    assert "<script>" not in html and "<img src=x" not in html and "<b>Eve" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html


def test_policy_allows_only_its_own_style_and_data_pictures():
    html = page(two_decks())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    policy = policy.replace("&#39;", "'")
    digest = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert "script-src 'none'" in policy and "<script" not in html
    assert f"<style>{CSS}</style>" in html


def test_chromium_shows_the_page_without_a_policy_violation_or_a_request(tmp_path, browser):
    (tmp_path / "index.html").write_text(page(two_decks()), encoding="utf-8")
    problems, requests = [], []
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        tab.on("request", lambda r: requests.append(r.url) if not r.url.startswith("data:") else None)
        tab.goto((tmp_path / "index.html").as_uri())
        assert tab.locator("li").count() == 2
        assert tab.locator("img.thumb").first.bounding_box()["width"] > 100
        assert tab.locator("h1").inner_text() == "Slide decks"
    finally:
        context.close()
    assert not problems, problems
    assert requests == [(tmp_path / "index.html").as_uri()]
