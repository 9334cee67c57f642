"""Catalogue rows 34–38 end to end: hostile posts go through the readers, the CLI and into Chromium.

Every XSS vector is placed where a post can put it — front matter (title, author, link, slide
titles), note text, raw HTML inside notes, link targets, picture alt text, an HTML post's headings
and paragraphs, a feed's titles and bodies — then the built slideshow is walked through (every
slide, overview, reader mode, speaker view) and nothing may run, open a dialog, navigate or fetch.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from browser.showkit import WATCH, Show
from cli_run import slidegen
from toolkit import image_bytes

pytestmark = pytest.mark.browser

VECTORS = [
    line
    for line in (Path(__file__).parent / "xss_vectors.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("# ")
]


def markdown_post() -> str:
    titles = {n: v for n, v in enumerate(VECTORS, start=1)}
    head = [
        "---",
        f"title: {json.dumps(VECTORS[0])}",
        f"author: {json.dumps(VECTORS[1])}",
        f"link: {json.dumps('javascript:window.__xss=1')}",
        f"titles: {json.dumps(titles)}",
        f"description: {json.dumps(VECTORS[2])}",
        "---",
        "",
        VECTORS[3],
        "",
    ]
    body = []
    for n, vector in enumerate(VECTORS, start=1):
        body += [
            f"Slide {n}: {vector} [a link]({vector.replace(' ', '%20')}) and [js](javascript:window.__xss={n})",
            "",
            f"![{vector}](a.png)",
            "",
        ]
    return "\n".join(head + body)


def html_post() -> str:
    quote = {'"': "&quot;"}
    items = "".join(
        f"<p>Slide {n}: {v}</p><p><img src='a.png' alt=\"{escape(v, quote)}\"></p>"
        for n, v in enumerate(VECTORS, start=1)
    )
    return (
        f"<html><head><title>{VECTORS[0]}</title><meta name='author' content='{escape(VECTORS[5])}'>"
        f"</head><body><article><h1>{VECTORS[4]}</h1>{items}</article></body></html>"
    )


def _body(vector: str) -> str:
    return f'<p>Slide 1: {vector}</p><p>Slide 2: <a href="javascript:x()">x</a> {vector}</p>'


def rss_feed() -> str:
    items = "".join(
        f"<item><title>{escape(v)}</title><link>javascript:window.__xss=1</link>"
        f"<dc:creator>{escape(v)}</dc:creator>"
        f"<content:encoded>{escape(_body(v))}</content:encoded></item>"
        for v in VECTORS[:12]
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>' + items + "</channel></rss>"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "md").mkdir()
    (root / "md" / "post.md").write_text(markdown_post(), encoding="utf-8")
    (root / "md" / "a.png").write_bytes(image_bytes(40, 30, "PNG"))
    (root / "md" / "x").write_bytes(image_bytes(20, 20, "PNG"))  # vectors' <img src=x> is a picture reference
    (root / "html").mkdir()
    (root / "html" / "post.html").write_text(html_post(), encoding="utf-8")
    (root / "html" / "a.png").write_bytes(image_bytes(40, 30, "PNG"))
    (root / "html" / "x").write_bytes(image_bytes(20, 20, "PNG"))
    (root / "feed.rss").write_text(rss_feed(), encoding="utf-8")
    (root / "x").write_bytes(image_bytes(20, 20, "PNG"))
    out = root / "out"
    for source in ("md", "html/post.html", "feed.rss"):
        run = slidegen("build", root / source, "-o", out, "-f", "html,notes", "--no-cache", "-q")
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr
    return out


def test_at_least_forty_vectors():
    assert len(VECTORS) >= 40


def test_no_vector_runs_anywhere_in_the_built_shows(built, browser):
    pages = sorted(built.glob("*.html"))
    assert len(pages) >= 3
    for html in pages:
        show = Show(browser.new_context(), built, built.as_uri() + "/")
        try:
            show.context.add_init_script(WATCH)
            show.page.on("pageerror", lambda e, show=show: show.errors.append(f"pageerror: {e}"))
            show.page.goto(html.as_uri())
            start_url = show.page.url
            total = show.page.evaluate("document.querySelectorAll('.sg-slide').length")
            for _ in range(total):
                show.page.keyboard.press("ArrowRight")
            for key in ("o", "Escape", "n", "n"):
                show.page.keyboard.press(key)
            if html.name != "index.html":
                with show.context.expect_page() as speaker:
                    show.page.keyboard.press("s")
                speaker.value.wait_for_load_state()
                show.page.keyboard.press("Home")
            show.page.wait_for_timeout(200)
            for page in show.context.pages:
                assert page.evaluate("typeof window.__xss") == "undefined", html.name
            assert show.page.url.split("#")[0] == start_url.split("#")[0], "the show navigated away"
            assert not [e for e in show.errors if "xss" in e.lower()]
            show.check_clean()
        finally:
            show.context.close()


class _Elements(HTMLParser):
    """Collects every real element and its attributes, as a browser's parser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def test_no_active_markup_survives_in_the_files(built):
    """No element a vector could smuggle in, no event handler, no script URL; only our two scripts."""
    for html in built.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*>.*?</script>", text, flags=re.S | re.I)
        assert len(scripts) <= 2, html.name  # the deck data and the runtime
        inners = [body[body.index(">") + 1 : -len("</script>")] for body in scripts]
        assert all("</script" not in inner.lower() and "<!--" not in inner for inner in inners), html.name
        parser = _Elements()
        parser.feed(text)
        for tag, attrs in parser.found:
            assert tag not in {"iframe", "svg", "math", "base", "object", "embed", "form", "frame"}, (html.name, tag)
            for name, value in attrs:
                value = (value or "").strip().lower()
                assert not name.startswith("on"), (html.name, tag, name)
                assert name != "srcdoc", (html.name, tag)
                if name in ("href", "src", "action", "formaction"):
                    assert not value.startswith(("javascript:", "vbscript:", "data:text")), (html.name, tag, value)
                if tag == "meta" and name == "http-equiv":
                    assert value == "content-security-policy", (html.name, value)
