"""The slideshow's look at phone, embed and presenting sizes: nothing overflows, the chrome leaves
when presenting, phones read upright decks as articles, the theme can be chosen."""

from __future__ import annotations

import pytest

from browser.designkit import OVERFLOWS, SIZES, VIEWS, close_view, open_view
from browser.showkit import wait_until
from toolkit import make_deck, note


def mixed_deck():
    """Nine slides with long titles, a text slide at 3 and a tall picture at 4, an author and a date."""
    import datetime

    deck = make_deck(
        9,
        author="Matt Ridings",
        date=datetime.date(2010, 6, 14),
        title="Social Media Society snippets from a client workshop",
    )
    for slide in deck.slides:
        slide.title = f"The bandwagon of misery, and how a client climbs off it {slide.number}"
    deck.slides[2].image = None
    deck.slides[2].note = note(
        "A text slide's note, long enough to wrap over a few lines on a phone: "
        "this was demonstrating how much of an asshole you are willing to put up with."
    )
    return deck


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_view_overflows_at_any_size(open_show, size):
    width, height = size
    show = open_show(mixed_deck(), hash="#2", viewport={"width": width, "height": height})
    problems = {}
    for view in VIEWS:
        open_view(show, view, text_slide=3)
        found = show.page.evaluate(OVERFLOWS, view == "reader")
        if found:
            problems[view] = found
        close_view(show, view)
    assert not problems, problems


def test_the_overflow_check_sees_a_clipped_label_and_a_scrolling_page(open_show):
    show = open_show(make_deck(2), hash="#1", viewport={"width": 320, "height": 640})
    assert show.page.evaluate(OVERFLOWS, False) == []
    show.page.evaluate("document.querySelector('[data-act=help]').textContent = 'Keyboard shortcuts'")
    show.page.evaluate("document.body.appendChild(document.createElement('div')).style.height = '2000px'")
    found = show.page.evaluate(OVERFLOWS, False)
    assert any("[help]" in f for f in found) and "the page scrolls" in found, found


@pytest.mark.parametrize("size", [(390, 844), (1920, 1080)], ids=["390x844", "1920x1080"])
def test_speaker_view_fits_its_window(open_show, size):
    show = open_show(mixed_deck(), hash="#3")
    with show.context.expect_page() as info:
        show.press("s")
    popup = info.value
    popup.set_viewport_size({"width": size[0], "height": size[1]})
    popup.wait_for_selector("#sp-cur .sg-slide")
    assert popup.evaluate(OVERFLOWS, False) == []
    now = popup.eval_on_selector("#sp-cur .sg-frame", "e => e.getBoundingClientRect().width")
    later = popup.eval_on_selector("#sp-next .sg-frame", "e => e.getBoundingClientRect().width")
    assert now > later, "the current slide is the larger"
    assert popup.eval_on_selector("#sp-notes", "e => parseFloat(getComputedStyle(e).fontSize)") >= 22


def test_full_screen_leaves_only_the_slide_the_progress_line_and_the_count(open_show):
    show = open_show(make_deck(4), hash="#1", viewport={"width": 1280, "height": 720})
    page = show.page
    assert page.eval_on_selector("[data-act=next]", "e => getComputedStyle(e).opacity") == "1"
    show.press("f")
    wait_until(page, "document.fullscreenElement !== null")
    wait_until(
        page, "[...document.querySelectorAll('#sg-controls button')].every(b => getComputedStyle(b).opacity === '0')"
    )
    assert page.is_visible("#sg-count") and page.is_visible("#sg-bar")
    frame = page.eval_on_selector(
        "#sg-1 .sg-frame",
        "e => [e.offsetWidth, e.offsetHeight, getComputedStyle(e).boxShadow, getComputedStyle(e).borderRadius]",
    )
    assert frame[0] >= 1278 or frame[1] >= 714, f"the slide fills the screen: {frame}"
    assert frame[2:] == ["none", "0px"], "no card margin or shadow when presenting"
    page.mouse.move(400, 300)
    page.mouse.move(420, 320)
    wait_until(page, "getComputedStyle(document.querySelector('[data-act=next]')).opacity === '1'")
    show.press("f")
    wait_until(page, "document.fullscreenElement === null")


def test_an_upright_phone_reads_the_deck_as_an_article_unless_a_slide_is_asked_for(open_show):
    upright = open_show(make_deck(3), viewport={"width": 390, "height": 844})
    assert upright.page.eval_on_selector("#sg", "e => e.classList.contains('is-reader')")
    assert upright.page.eval_on_selector("#sg-1 .sg-notes", "e => parseFloat(getComputedStyle(e).fontSize)") >= 16
    asked = open_show(make_deck(3), hash="#2", viewport={"width": 390, "height": 844})
    assert asked.current() == 2 and not asked.page.eval_on_selector("#sg", "e => e.classList.contains('is-reader')")
    sideways = open_show(make_deck(3), viewport={"width": 844, "height": 390})
    assert sideways.page.eval_on_selector("#sg", "e => e.classList.contains('is-show')")


def test_the_control_bar_has_named_buttons_with_tooltips(open_show):
    show = open_show(make_deck(2), viewport={"width": 320, "height": 640}, hash="#1")
    names = show.page.eval_on_selector_all(
        "#sg-controls button", "bs => bs.map(b => [b.getAttribute('aria-label'), b.title, b.textContent])"
    )
    assert all(label and title and not text.strip() for label, title, text in names), names


def test_the_theme_is_chosen_by_the_address_and_follows_the_system_when_auto(open_show):
    bg = "getComputedStyle(document.body).backgroundColor"
    dark = open_show(make_deck(1), hash="?theme=dark", color_scheme="light")
    assert dark.page.evaluate(bg) == "rgb(20, 20, 22)"
    light = open_show(make_deck(1), hash="?theme=light", color_scheme="dark")
    assert light.page.evaluate(bg) == "rgb(244, 243, 239)"
    auto = open_show(make_deck(1), hash="?theme=auto", color_scheme="dark")
    assert auto.page.evaluate(bg) == "rgb(20, 20, 22)"


def test_overview_tiles_fill_the_screen_and_their_titles_are_readable(open_show):
    show = open_show(make_deck(9), hash="#1", viewport={"width": 1920, "height": 1080})
    show.press("o")
    tile = show.page.eval_on_selector("#sg-1 .sg-frame", "e => e.getBoundingClientRect().width")
    assert tile >= 1920 / 4 - 40, "four columns at most for ten slides on a 1080p screen"
    size = show.page.eval_on_selector("#sg-1 .sg-heading", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12.8
    bottom = show.page.eval_on_selector("#sg-9", "e => e.getBoundingClientRect().bottom")
    assert bottom <= 1080, "every tile on screen at once"


def test_full_layout_puts_the_picture_on_the_whole_slide_and_the_title_over_it(open_show):
    from slidegen.config import BuildOptions

    show = open_show(make_deck(2), hash="#1", options=BuildOptions(picture_layout="full"))
    boxes = show.page.evaluate("""['.sg-frame', '.sg-pic', '.sg-heading'].map(s =>
        document.querySelector('#sg-1 ' + s).getBoundingClientRect()).map(r => [r.top, r.bottom, r.height])""")
    frame, pic, heading = boxes
    assert pic[2] >= frame[2] - 1, "the picture area is the whole slide"
    assert heading[1] == pytest.approx(frame[1], abs=1), "the title sits on the slide's bottom edge"
    assert show.page.eval_on_selector("#sg-1 .sg-heading", "e => getComputedStyle(e).color") == "rgb(255, 255, 255)"


def test_an_embedded_show_is_light_on_a_dark_system_unless_the_host_asks(browser, http_root):
    from browser.showkit import Show, write_files
    from slidegen.config import BuildOptions
    from slidegen.writers.html.page import embed_snippet, render

    folder, base = http_root
    deck = make_deck(2)
    write_files(folder, render(deck, BuildOptions()))
    plain = embed_snippet(deck, f"{deck.slug}.html").replace("?theme=light", "")
    dark = embed_snippet(deck, f"{deck.slug}.html").replace("?theme=light", "?theme=dark")
    page = f'<!doctype html><title>Blog</title><link rel="icon" href="data:,"><body>{plain}{dark}</body>'
    (folder / "post.html").write_text(page)
    show = Show(browser.new_context(color_scheme="dark"), folder, base)
    try:
        show.page.goto(base + "post.html")
        frames = [h.content_frame() for h in show.page.query_selector_all("iframe")]
        for frame in frames:
            frame.wait_for_selector("#sg-0")
        bg = "getComputedStyle(document.body).backgroundColor"
        assert [f.evaluate(bg) for f in frames] == ["rgb(244, 243, 239)", "rgb(20, 20, 22)"]
        show.check_clean()
    finally:
        show.context.close()
