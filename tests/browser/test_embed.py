"""The show inside a blog page: the printed iframe snippet, the postMessage API both ways, focus-scoped keys."""

from __future__ import annotations

import json

import pytest

from browser.showkit import Show, wait_until, write_files
from slidegen.config import BuildOptions
from slidegen.writers.html.page import embed_snippet, render
from toolkit import make_deck

pytestmark = pytest.mark.browser

HOST = """<!doctype html><html><head><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,"></head>
<body style="height:4000px"><h1>My post</h1><p>Some prose above the slides.</p>
<div style="width:800px">{snippet}</div>
<iframe id="other" srcdoc="<p>another widget</p>" style="height:40px"></iframe>
<script>
window.hostKeys = [];
window.msgs = [];
document.addEventListener('keydown', e => hostKeys.push(e.key));
window.addEventListener('message', e => msgs.push(e.data));
</script></body></html>"""


@pytest.fixture
def host(browser, http_root):
    """A blog page on a local web server with the show embedded by its snippet; yields (show, frame)."""
    folder, base = http_root
    deck = make_deck(6)
    write_files(folder, render(deck, BuildOptions()))
    (folder / "post.html").write_text(HOST.format(snippet=embed_snippet(deck, f"{deck.slug}.html")))
    show = Show(browser.new_context(), folder, base)
    show.page.on("pageerror", lambda e: show.errors.append(f"pageerror: {e}"))
    show.page.goto(base + "post.html")
    frame = show.page.frame_locator("iframe[title]")
    frame.locator("#sg-0").wait_for()
    show.page.wait_for_function("msgs.length > 0")
    try:
        yield show, show_frame(show)
        show.check_clean()
    finally:
        show.context.close()


def show_frame(show):
    """The show's frame, found by its element: the order of page.frames is the order iframes load."""
    return show.page.locator("iframe[title]").element_handle().content_frame()


def messages(show) -> list:
    return show.page.evaluate("msgs")


def current(frame) -> int:
    return int(frame.eval_on_selector(".sg-slide.is-current", "e => e.id.slice(3)"))


def test_snippet_is_sandboxed_titled_and_keeps_the_aspect(host):
    show, frame = host
    iframe = show.page.locator("iframe[title]")
    assert iframe.get_attribute("sandbox") == "allow-scripts allow-popups allow-popups-to-escape-sandbox"
    assert iframe.get_attribute("title") == "Slideshow: A test deck"
    box = iframe.bounding_box()
    assert box["width"] == 800 and box["height"] == 500
    assert frame.evaluate("origin") == "null", "the show runs in an opaque origin"


def test_show_reports_slide_changes_to_the_host(host):
    show, frame = host
    assert messages(show)[0] == {"type": "slidegen:slidechange", "slide": 0, "total": 6}
    frame.click("[data-act=next]")
    show.page.wait_for_function("msgs.length > 1")
    assert messages(show)[-1] == {"type": "slidegen:slidechange", "slide": 1, "total": 6}


def test_host_steers_with_goto_next_and_prev(host):
    show, frame = host
    post = "m => document.querySelector('iframe[title]').contentWindow.postMessage(m, '*')"
    show.page.evaluate(post, {"type": "slidegen:goto", "slide": 4})
    wait_until(frame, "document.querySelector('.is-current').id === 'sg-4'")
    show.page.evaluate(post, {"type": "slidegen:next"})
    wait_until(frame, "document.querySelector('.is-current').id === 'sg-5'")
    show.page.evaluate(post, {"type": "slidegen:prev"})
    wait_until(frame, "document.querySelector('.is-current').id === 'sg-4'")
    show.page.wait_for_function("msgs.length >= 4")
    assert messages(show)[-1] == {"type": "slidegen:slidechange", "slide": 4, "total": 6}


BAD_MESSAGES = [
    {"type": "slidegen:goto", "slide": "3"},
    {"type": "slidegen:goto", "slide": 2.5},
    {"type": "slidegen:goto", "slide": -1},
    {"type": "slidegen:goto", "slide": 99},
    {"type": "slidegen:goto", "slide": "<img src=x onerror=window.parent.pwned=1>"},
    {"type": "slidegen:goto", "slide": "javascript:parent.pwned=1"},
    {"type": "slidegen:goto"},
    {"type": "slidegen:GOTO", "slide": 3},
    {"type": ["slidegen:next"]},
    {"slide": 3},
    "slidegen:next",
    json.dumps({"type": "slidegen:next"}),
    ["slidegen:next"],
    None,
    3,
]


def test_malformed_messages_are_ignored(host):
    show, frame = host
    show.page.evaluate(
        "ms => { const w = document.querySelector('iframe[title]').contentWindow; ms.forEach(m => w.postMessage(m, '*')); }",
        BAD_MESSAGES,
    )
    show.page.evaluate("new Promise(r => setTimeout(r, 300))")
    assert current(frame) == 0
    assert len(messages(show)) == 1
    assert frame.evaluate("location.hash") == ""
    assert show.page.evaluate("window.pwned") is None


def test_messages_from_other_windows_are_ignored(host):
    show, frame = host
    show.page.evaluate("""() => {
      const other = document.getElementById('other').contentWindow;
      const s = other.document.createElement('script');
      s.textContent = "parent.frames[0].postMessage({type: 'slidegen:goto', slide: 3}, '*')";
      other.document.body.appendChild(s);
    }""")
    show.page.evaluate("new Promise(r => setTimeout(r, 300))")
    assert current(frame) == 0


def test_keys_steer_the_show_only_while_it_has_focus_and_never_reach_the_host(host):
    show, frame = host
    page = show.page
    page.keyboard.press("ArrowRight")
    assert current(frame) == 0, "the show does not listen before it has focus"
    page.evaluate("hostKeys.length = 0")
    page.evaluate("scrollTo(0, 0)")
    frame.click("#sg-count")
    for key in ("ArrowRight", "Space", "PageDown", "ArrowDown", "End", "Home", "ArrowRight"):
        page.keyboard.press(key)
    assert current(frame) == 1
    assert page.evaluate("hostKeys") == []
    assert page.evaluate("scrollY") == 0, "keys never scroll the host page"
    page.keyboard.press("n")
    for key in ("Space", "PageDown", "ArrowDown", "End"):
        page.keyboard.press(key)
    assert page.evaluate("scrollY") == 0, "reader mode inside an embed scrolls only itself"
    assert page.evaluate("hostKeys") == []


def test_slide_changes_do_not_add_history_to_the_host(host):
    show, frame = host
    before = show.page.evaluate("history.length")
    frame.click("[data-act=next]")
    frame.click("[data-act=next]")
    assert frame.evaluate("location.hash") == "#2"
    assert show.page.evaluate("history.length") == before


def test_speaker_view_opens_from_inside_the_embed(host):
    show, frame = host
    frame.click("[data-act=next]")
    with show.context.expect_page() as info:
        frame.click("[data-act=speaker]")
    popup = info.value
    popup.wait_for_selector("#sp-cur .sg-slide")
    assert "Slide title 1" in popup.text_content("#sp-cur")
    popup.keyboard.press("ArrowRight")
    assert current(frame) == 2
    frame.click("[data-act=next]")
    assert "Slide title 3" in popup.text_content("#sp-cur")


def _host_with_sandbox(browser, http_root, sandbox: str) -> Show:
    """A host page embedding a two-slide show whose iframe has ``sandbox`` instead of the snippet's."""
    folder, base = http_root
    deck = make_deck(2)
    write_files(folder, render(deck, BuildOptions()))
    snippet = embed_snippet(deck, f"{deck.slug}.html").replace(
        "allow-scripts allow-popups allow-popups-to-escape-sandbox", sandbox
    )
    (folder / "post.html").write_text(HOST.format(snippet=snippet))
    return Show(browser.new_context(), folder, base)


def test_without_popups_the_speaker_button_explains_itself(browser, http_root):
    show = _host_with_sandbox(browser, http_root, "allow-scripts")
    base = show.base_url
    try:
        show.page.goto(base + "post.html")
        frame = show_frame(show)
        frame.wait_for_selector("#sg-0")
        frame.click("[data-act=speaker]")
        assert "pop-ups" in frame.text_content("#sg-toast")
        assert len(show.context.pages) == 1
        show.expect_errors = True  # Chromium logs the blocked pop-up itself
        show.check_clean()
    finally:
        show.context.close()


def test_a_sandbox_without_popup_escape_closes_the_unreachable_window_and_explains(browser, http_root):
    show = _host_with_sandbox(browser, http_root, "allow-scripts allow-popups")
    base = show.base_url
    show.page.on("pageerror", lambda e: show.errors.append(f"pageerror: {e}"))
    try:
        show.page.goto(base + "post.html")
        frame = show_frame(show)
        frame.wait_for_selector("#sg-0")
        frame.click("[data-act=speaker]")
        assert "pop-ups" in frame.text_content("#sg-toast")
        show.page.wait_for_function("true")
        assert [p for p in show.context.pages if not p.is_closed()] == [show.page]
        assert not [e for e in show.errors if e.startswith("pageerror")]
    finally:
        show.context.close()
