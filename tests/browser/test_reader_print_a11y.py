"""Reading without script, printing, pictures beside the file, and what assistive technology gets."""

from __future__ import annotations

import re

import pytest

from slidegen.config import BuildOptions
from toolkit import make_deck

pytestmark = pytest.mark.browser


def test_without_javascript_every_slide_and_note_shows_stacked(open_show):
    show = open_show(make_deck(5, author="Ann"), java_script_enabled=False)
    page = show.page
    for i in range(6):
        assert page.is_visible(f"#sg-{i}")
    for i in range(1, 6):
        assert page.is_visible(f"#sg-{i} .sg-pic")
        assert page.text_content(f"#sg-{i} .sg-notes").strip() == f"Note {i} first sentence. Then more."
    assert not page.is_visible("#sg-controls")
    tops = page.eval_on_selector_all(".sg-slide", "ss => ss.map(s => s.getBoundingClientRect().top)")
    assert tops == sorted(tops) and len(set(tops)) == 6, "stacked, in order"


def test_text_slide_shows_its_note_on_the_slide(open_show):
    show = open_show(make_deck(2, pictures=False))
    show.press("ArrowRight")
    assert show.page.is_visible("#sg-1 .sg-text")
    assert not show.page.is_visible("#sg-1 .sg-notes")
    assert show.page.text_content("#sg-1 .sg-text").strip() == "Note 1 first sentence. Then more."


def test_print_gives_every_slide_with_its_notes_on_its_own_landscape_page(open_show):
    show = open_show(make_deck(4), hash="#2")
    page = show.page
    page.emulate_media(media="print")
    for i in range(1, 5):
        assert page.is_visible(f"#sg-{i} .sg-pic") and page.is_visible(f"#sg-{i} .sg-notes")
    assert not page.is_visible("#sg-controls")
    assert page.eval_on_selector("#sg-3", "e => getComputedStyle(e).breakBefore") == "page"
    pdf = page.pdf(prefer_css_page_size=True)
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(sizes) == 5, "the title and four slides, one page each"
    assert all(float(w) > float(h) for w, h in sizes), "landscape"


def test_external_pictures_load_beside_the_file_and_nothing_else(open_show):
    show = open_show(make_deck(3), options=BuildOptions(html_assets="external"))
    show.press("ArrowRight")
    assert show.page.eval_on_selector("#sg-1 img", "e => e.complete && e.naturalWidth") == 65
    assert show.page.get_attribute("#sg-1 img", "src") == "a-test-deck_files/1.jpg"
    assert sorted(u.rsplit("/", 1)[1] for u in show.requests) == ["1.jpg", "2.jpg", "3.jpg", "a-test-deck.html"]


def test_slides_are_labelled_groups_and_hidden_ones_are_inert(open_show):
    show = open_show(make_deck(9))
    page = show.page
    show.press("3", "Enter")
    assert page.get_attribute("#sg-3", "aria-roledescription") == "slide"
    assert page.get_attribute("#sg-3", "role") == "group"
    assert page.get_attribute("#sg-3", "aria-label") == "3 of 9"
    assert page.eval_on_selector_all(".sg-slide[inert]", "ss => ss.length") == 9
    assert page.get_attribute("#sg-3", "inert") is None
    assert page.eval_on_selector("#sg-live", "e => e.getAttribute('aria-live')") == "polite"
    assert page.text_content("#sg-live") == "Slide 3 of 9: Slide title 3"
    assert page.query_selector("[role=application]") is None
    alts = page.eval_on_selector_all("img", "is => is.map(i => i.alt)")
    assert alts == [f"Sketch number {n}" for n in range(1, 10)]


def test_tab_never_reaches_a_hidden_slide_and_focus_is_visible(open_show):
    deck = make_deck(3, link="https://example.com/post")
    show = open_show(deck, hash="#2")
    page = show.page
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "(document.activeElement.closest('.sg-slide') || {}).id || "
                "document.activeElement.getAttribute('data-act')"
            )
        )
    assert "sg-0" not in seen, "the title slide's link is hidden and must not take focus"
    assert "next" in seen
    page.focus("[data-act=next]")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_missing_alt_text_falls_back_to_the_notes_first_sentence(open_show):
    deck = make_deck(1)
    deck.slides[0].image = type(deck.slides[0].image)(deck.slides[0].image.ref, deck.slides[0].pos, alt="")
    show = open_show(deck)
    assert show.page.get_attribute("#sg-1 img", "alt") == "Note 1 first sentence."


def test_dark_colour_scheme_changes_the_palette(open_show):
    light = open_show(make_deck(1), color_scheme="light")
    dark = open_show(make_deck(1), color_scheme="dark")
    bg = "getComputedStyle(document.body).backgroundColor"
    assert light.page.evaluate(bg) == "rgb(244, 243, 239)"
    assert dark.page.evaluate(bg) == "rgb(20, 20, 22)"
