"""The HTML writer without a browser: files, escaping, the policy, sanitising, themes and the snippet."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape

import pytest

from slidegen.config import BuildOptions
from slidegen.errors import UsageError
from slidegen.links import safe_href
from slidegen.model import Note, Span
from slidegen.outputs import as_bytes
from slidegen.writers.html import page as html_writer
from slidegen.writers.html.notes import note_html
from slidegen.writers.html.page import embed_snippet, json_for_script
from slidegen.writers.html.theme import DEFAULT_THEME, compact, load_theme
from toolkit import make_deck


def render(deck, options) -> dict[str, bytes]:
    """The writer's files as bytes (it returns streams)."""
    return {name: as_bytes(out) for name, out in html_writer.render(deck, options).items()}


def page(deck=None, **options) -> str:
    deck = deck or make_deck(3)
    return render(deck, BuildOptions(**options))[f"{deck.slug}.html"].decode("utf-8")


def test_one_self_contained_file_with_pictures_as_data_uris():
    deck = make_deck(3)
    files = render(deck, BuildOptions())
    assert list(files) == ["a-test-deck.html"]
    html = files["a-test-deck.html"].decode()
    for slide in deck.slides:
        data = base64.b64encode(deck.picture(slide).data).decode()
        assert f'src="data:image/jpeg;base64,{data}"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="data:,"', "")), "nothing to fetch"


def test_external_mode_writes_pictures_beside_the_file():
    deck = make_deck(2)
    files = render(deck, BuildOptions(html_assets="external"))
    assert sorted(files) == ["a-test-deck.html", "a-test-deck_files/1.jpg", "a-test-deck_files/2.jpg"]
    assert files["a-test-deck_files/2.jpg"] == deck.picture(deck.slides[1]).data
    html = files["a-test-deck.html"].decode()
    assert 'src="a-test-deck_files/1.jpg"' in html and "img-src data: 'self'" in unescape(html)


def test_csp_hashes_match_the_inline_style_and_script_exactly():
    html = page()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    csp = unescape(csp)
    for tag, directive in (("style", "style-src"), ("script", "script-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    for part in ("default-src 'none'", "img-src data:;", "frame-src 'none'", "base-uri 'none'", "form-action 'none'"):
        assert part in csp
    assert "unsafe" not in csp


def test_runtime_js_stays_under_15_kb_and_css_under_12_5_kb():
    theme = load_theme(None)
    assert len(theme.js.encode()) < 15_000, len(theme.js.encode())
    # The CSS carries the control bar's seven icons as small SVG masks (no SVG in the page); 12 KB
    # until it also carried the fitted text slides' sizes and the text layer over pictures.
    assert len(theme.css.encode()) < 12_500, len(theme.css.encode())


def test_deck_data_json_cannot_end_its_script_or_break_js():
    deck = make_deck(1, title="</script><script>alert(1)</script> & \u2028\u2029 <!--")
    html = page(deck)
    raw = re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw and "\u2028" not in raw and "\u2029" not in raw
    assert json.loads(raw)["title"] == deck.title
    assert json_for_script({"a": "<&>"}) == '{"a":"\\u003c\\u0026\\u003e"}'


def test_post_text_is_escaped_everywhere():
    deck = make_deck(1, title='<b onmouseover="x">T</b>', author="<i>A</i>")
    deck.slides[0].title = "<script>alert(1)</script>"
    deck.slides[0].image = type(deck.slides[0].image)(deck.slides[0].image.ref, deck.slides[0].pos, alt='" onerror="x')
    html = page(deck)
    assert "<b onmouseover" not in html and "<i>A</i>" not in html and "<script>alert" not in html
    assert 'alt="&#34; onerror=&#34;x"' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "vbscript:x",
        "data:text/html,<script>x</script>",
        "file:///etc/passwd",
        "#3",
        "",
        None,
        "//evil.example/x",
        "http:evil",
        "https://exa\x00mple.com",
    ],
)
def test_unsafe_or_relative_links_are_dropped(href):
    assert safe_href(href) is None


def test_safe_links_are_kept_and_relative_ones_resolve_against_the_post():
    assert safe_href("https://example.com/a?b=1") == "https://example.com/a?b=1"
    assert safe_href("mailto:a@example.com") == "mailto:a@example.com"
    assert safe_href("/about", base="https://blog.example/2024/post") == "https://blog.example/about"
    assert safe_href("img.png", base="javascript:alert(1)") is None


def test_note_html_uses_only_the_small_allowlist():
    note = Note(
        (
            (
                Span("plain <svg onload=x> "),
                Span("bold", bold=True),
                Span(" "),
                Span("it", italic=True),
                Span(" "),
                Span("x<y", code=True),
                Span(" link", href="https://e.example/"),
            ),
            (Span("second"),),
        )
    )
    html = str(note_html(note))
    assert html == (
        "<p>plain &lt;svg onload=x&gt; <strong>bold</strong> <em>it</em> <code>x&lt;y</code>"
        '<a href="https://e.example/" target="_blank" rel="noopener noreferrer"> link</a></p>'
        "<p>second</p>"
    )


def test_slide_labels_and_positions():
    html = page(make_deck(3))
    assert 'aria-label="2 of 3"' in html and 'id="sg-3"' in html
    assert html.count('aria-roledescription="slide"') == 4


def test_embed_snippet_is_sandboxed_titled_escaped_and_responsive():
    deck = make_deck(1, title='Talk "A" <b>', slug="talk")
    snippet = embed_snippet(deck, "talk deck.html")
    assert 'src="talk%20deck.html?theme=light"' in snippet
    assert 'title="Slideshow: Talk &quot;A&quot; &lt;b&gt;"' in snippet
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in snippet
    assert "allow-same-origin" not in snippet
    assert "aspect-ratio:16/10" in snippet


def test_a_theme_folder_replaces_the_default(tmp_path):
    (tmp_path / "slideshow.html.j2").write_text(
        "<html><head>{{ csp_meta }}{{ style_tag }}</head><body><h1>{{ deck.title }}</h1>"
        "{% for s in slides %}<p>{{ s.title }}</p>{% endfor %}{{ data_tag }}{{ script_tag }}</body></html>"
    )
    (tmp_path / "slideshow.css").write_text("h1 { color: red }\n")
    html = page(make_deck(2, title="<T>"), theme=tmp_path)
    assert "<h1>&lt;T&gt;</h1>" in html and "h1 { color: red }" in html
    assert compact((DEFAULT_THEME / "slideshow.js").read_text()) in html, "default runtime"


def test_missing_theme_folder_or_files_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="theme folder does not exist"):
        page(theme=tmp_path / "nope")
    (tmp_path / "slideshow.css").write_text("")
    with pytest.raises(UsageError, match="has no slideshow.html.j2") as info:
        page(theme=tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: error: ")


def test_broken_theme_template_names_the_file_and_line(tmp_path):
    (tmp_path / "slideshow.css").write_text("")
    (tmp_path / "slideshow.html.j2").write_text("<html>\n{% for x in %}\n")
    with pytest.raises(UsageError) as info:
        page(theme=tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'slideshow.html.j2'}:2: error: theme template")


def test_theme_must_keep_the_security_policy_and_known_names(tmp_path):
    (tmp_path / "slideshow.css").write_text("")
    (tmp_path / "slideshow.html.j2").write_text("<html>{{ style_tag }}{{ script_tag }}</html>")
    with pytest.raises(UsageError, match="must place"):
        page(theme=tmp_path)
    (tmp_path / "slideshow.html.j2").write_text("{{ csp_meta }}{{ style_tag }}{{ script_tag }}{{ nope }}")
    with pytest.raises(UsageError, match="'nope' is undefined"):
        page(theme=tmp_path)


def test_theme_css_cannot_close_its_style_element(tmp_path):
    (tmp_path / "slideshow.html.j2").write_text("{{ csp_meta }}{{ style_tag }}{{ script_tag }}")
    (tmp_path / "slideshow.css").write_text("a{}</STYLE><script>x</script>")
    with pytest.raises(UsageError, match="must not contain"):
        page(theme=tmp_path)


def test_live_reload_is_asked_for_and_allowed_by_its_hash_only():
    from slidegen.writers.html.csp import csp_hash
    from slidegen.writers.html.live import reload_script

    plain = render(make_deck(1), BuildOptions())["a-test-deck.html"].decode()
    live = render(make_deck(1), BuildOptions(live_reload_url="/events"))["a-test-deck.html"].decode()
    script = reload_script("/events")
    assert script not in plain and "connect-src 'none'" in plain.replace("&#39;", "'")
    assert live.count(f"<script>{script}</script>") == 1
    policy = live.replace("&#39;", "'")
    assert f"{csp_hash(script)}" in policy and "connect-src 'self'" in policy
