"""Presenting in real Chromium: every way to move, the counter, deep links, overview, help, reader mode."""

from __future__ import annotations

import pytest

from browser.showkit import wait_until
from toolkit import make_deck

pytestmark = pytest.mark.browser


def test_first_load_shows_the_title_slide_and_the_counter(open_show):
    show = open_show(make_deck(9))
    assert show.current() == 0
    assert show.page.is_visible("#sg-0 h1")
    assert not show.page.is_visible("#sg-1")
    assert show.page.text_content("#sg-count") == "0 / 9"


def test_arrow_keys_move_and_the_counter_and_progress_follow(open_show):
    show = open_show(make_deck(9))
    assert show.press("ArrowRight", "ArrowRight", "ArrowRight") == 3
    assert show.page.text_content("#sg-count") == "3 / 9"
    width = show.page.eval_on_selector("#sg-bar", "e => e.style.width")
    assert abs(float(width.rstrip("%")) - 33.33) < 0.1
    assert show.press("ArrowLeft") == 2
    assert show.press("ArrowDown", "ArrowDown") == 4
    assert show.press("ArrowUp") == 3


def test_space_pageup_pagedown_home_end(open_show):
    show = open_show(make_deck(6))
    assert show.press("Space", "Space") == 2
    assert show.press("Shift+Space") == 1
    assert show.press("PageDown", "PageDown") == 3
    assert show.press("PageUp") == 2
    assert show.press("End") == 6
    assert show.press("ArrowRight") == 6, "never past the last slide"
    assert show.press("Home") == 0
    assert show.press("ArrowLeft") == 0, "never before the title"


def test_number_and_enter_jumps(open_show):
    show = open_show(make_deck(12))
    assert show.press("1", "1", "Enter") == 11
    assert show.press("4", "Enter") == 4
    assert show.press("9", "9", "Enter") == 12, "a number past the end goes to the last slide"


def test_click_zones_and_buttons(open_show):
    show = open_show(make_deck(5))
    box = show.page.locator("#sg-deck").bounding_box()
    y = box["y"] + box["height"] / 2
    show.page.mouse.click(box["x"] + box["width"] * 0.8, y)
    show.page.mouse.click(box["x"] + box["width"] * 0.8, y)
    assert show.current() == 2
    show.page.mouse.click(box["x"] + box["width"] * 0.1, y)
    assert show.current() == 1
    show.page.click("[data-act=next]")
    show.page.click("[data-act=next]")
    assert show.current() == 3
    show.page.click("[data-act=prev]")
    assert show.current() == 2


def test_touch_swipe(open_show):
    show = open_show(make_deck(5), has_touch=True)
    swipe = """([x0, x1]) => {
      const deck = document.getElementById('sg-deck');
      const t = x => new Touch({identifier: 1, target: deck, clientX: x, clientY: 300});
      deck.dispatchEvent(new TouchEvent('touchstart', {touches: [t(x0)], changedTouches: [t(x0)], bubbles: true}));
      deck.dispatchEvent(new TouchEvent('touchend', {touches: [], changedTouches: [t(x1)], bubbles: true}));
    }"""
    show.page.evaluate(swipe, [600, 200])
    show.page.evaluate(swipe, [600, 200])
    assert show.current() == 2
    show.page.evaluate(swipe, [200, 600])
    assert show.current() == 1
    show.page.evaluate(swipe, [300, 310])
    assert show.current() == 1, "a tap-sized move is not a swipe"


def test_hash_deep_link_and_back_forward(open_show):
    show = open_show(make_deck(9), hash="#3")
    assert show.current() == 3
    assert show.press("ArrowRight") == 4
    assert show.page.url.endswith("#4")
    show.page.go_back()
    wait_until(show.page, "document.querySelector('.is-current').id === 'sg-3'")
    assert show.page.text_content("#sg-count") == "3 / 9"
    show.page.go_forward()
    wait_until(show.page, "document.querySelector('.is-current').id === 'sg-4'")


def test_back_returns_to_the_title_slide(open_show):
    show = open_show(make_deck(3))
    show.press("ArrowRight", "ArrowRight")
    show.page.go_back()
    wait_until(show.page, "document.querySelector('.is-current').id === 'sg-1'")
    show.page.go_back()
    wait_until(show.page, "document.querySelector('.is-current').id === 'sg-0'")


def test_typing_a_new_hash_navigates(open_show):
    show = open_show(make_deck(9))
    show.page.evaluate("location.hash = '#7'")
    wait_until(show.page, "document.querySelector('.is-current').id === 'sg-7'")
    show.page.evaluate("location.hash = '#junk'")
    assert show.current() == 7, "an unknown hash leaves the slide alone"


def test_fullscreen_toggles_with_f(open_show):
    show = open_show()
    show.press("f")
    wait_until(show.page, "document.fullscreenElement === document.documentElement")
    show.press("f")
    wait_until(show.page, "document.fullscreenElement === null")


def test_overview_opens_moves_picks_and_closes(open_show):
    show = open_show(make_deck(8))
    show.press("ArrowRight")
    show.press("o")
    assert show.page.eval_on_selector("#sg", "e => e.classList.contains('is-overview')")
    visible = show.page.eval_on_selector_all(".sg-slide", "ss => ss.filter(s => s.offsetWidth > 0).length")
    assert visible == 9
    assert show.page.evaluate("document.activeElement.id") == "sg-1"
    assert show.press("ArrowRight", "ArrowRight") == 3
    show.press("Enter")
    assert not show.page.eval_on_selector("#sg", "e => e.classList.contains('is-overview')")
    assert show.current() == 3
    show.press("o")
    show.page.click("#sg-6")
    assert show.current() == 6
    assert not show.page.is_visible("#sg-5")
    show.press("o", "Escape")
    assert not show.page.eval_on_selector("#sg", "e => e.classList.contains('is-overview')")


def test_help_opens_with_question_mark_and_closes_with_escape(open_show):
    show = open_show()
    show.press("?")
    assert show.page.is_visible("#sg-help")
    assert show.page.evaluate("document.activeElement.closest('#sg-help') !== null"), "focus moves into the dialog"
    assert show.press("ArrowRight") == 0, "keys do not steer the show behind the dialog"
    show.press("Escape")
    assert not show.page.is_visible("#sg-help")
    show.page.click("[data-act=help]")
    assert show.page.is_visible("#sg-help")
    show.page.click("#sg-help button")
    assert not show.page.is_visible("#sg-help")


def test_reader_mode_with_n_shows_every_slide_with_notes(open_show):
    show = open_show(make_deck(4))
    show.press("ArrowRight", "ArrowRight")
    show.press("n")
    assert show.page.url.endswith("#notes")
    for i in range(1, 5):
        assert show.page.is_visible(f"#sg-{i} .sg-pic")
        assert show.page.is_visible(f"#sg-{i} .sg-notes")
    assert show.page.text_content("#sg-3 .sg-notes").strip() == "Note 3 first sentence. Then more."
    show.press("n")
    assert show.current() == 2
    assert not show.page.is_visible("#sg-3")


def test_notes_hash_opens_reader_mode(open_show):
    show = open_show(make_deck(3), hash="#notes")
    assert show.page.eval_on_selector("#sg", "e => e.classList.contains('is-reader')")
    assert show.page.is_visible("#sg-3 .sg-notes")
    assert show.page.get_attribute("[data-act=reader]", "aria-pressed") == "true"


def test_reduced_motion_turns_off_the_slide_animation(open_show):
    moving = open_show(make_deck(2), reduced_motion="no-preference")
    moving.press("ArrowRight")
    assert moving.page.eval_on_selector("#sg-1 .sg-frame", "e => getComputedStyle(e).animationName") == "sg-in"
    still = open_show(make_deck(2), reduced_motion="reduce")
    still.press("ArrowRight")
    assert still.page.eval_on_selector("#sg-1 .sg-frame", "e => getComputedStyle(e).animationName") == "none"
    assert still.page.eval_on_selector("#sg-bar", "e => getComputedStyle(e).transitionDuration") == "0s"


def test_modified_keys_are_left_to_the_browser(open_show):
    show = open_show()
    assert show.press("Control+ArrowRight", "Alt+ArrowRight") == 0


def test_a_malformed_hash_is_ignored_without_errors(open_show):
    show = open_show(make_deck(3), hash="#%E0%A4%A")
    assert show.current() == 0
    assert show.press("ArrowRight") == 1
