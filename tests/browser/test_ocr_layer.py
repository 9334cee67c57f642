"""The text layer of --ocr in Chromium: the browser's search finds a board's word, where it is written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from browser.showkit import wait_until
from slidegen.model import Word
from toolkit import make_deck, picture

# Two words on a 1600×900 picture, where a board would have them.
WORDS = (Word("SMITHERY", (0.25, 0.40, 0.50, 0.50), 0.97), Word("gateway", (0.55, 0.60, 0.80, 0.68), 0.91))


def board_deck():
    deck = make_deck(2)
    deck.media["slide-1.jpg"] = picture(1600, 900)
    deck.slides[0].image = replace(deck.slides[0].image, alt="")
    deck.words["slide-1.jpg"] = WORDS
    return deck


@pytest.mark.parametrize("size", [{"width": 1280, "height": 720}, {"width": 390, "height": 844}])
@pytest.mark.parametrize("hash", ["#1", "#notes"])
def test_find_in_page_finds_a_board_word_over_the_picture(open_show, size, hash):
    show = open_show(board_deck(), hash=hash, viewport=size)
    page = show.page
    wait_until(page, "document.querySelector('#sg-1 .sg-pic').complete")
    assert page.evaluate("window.find('SMITHERY')")
    assert page.evaluate("String(window.getSelection())") == "SMITHERY"
    found = page.evaluate("""() => {
        const r = window.getSelection().getRangeAt(0).getBoundingClientRect();
        const img = document.querySelector('#sg-1 .sg-pic').getBoundingClientRect();
        return {x: (r.left + r.width / 2 - img.left) / img.width, y: (r.top + r.height / 2 - img.top) / img.height};
    }""")
    # The selection sits on the word's box in the picture (0.25–0.50 across, 0.40–0.50 down).
    assert 0.25 <= found["x"] <= 0.50 and 0.36 <= found["y"] <= 0.54, found


def test_the_layer_is_invisible_and_hidden_from_screen_readers_and_alt_text_carries_the_words(open_show):
    show = open_show(board_deck(), hash="#1")
    page = show.page
    assert page.evaluate("getComputedStyle(document.querySelector('#sg-1 .sg-ocr text')).fill") in (
        "transparent",
        "rgba(0, 0, 0, 0)",
    )
    assert page.evaluate("document.querySelector('#sg-1 .sg-ocr').getAttribute('aria-hidden')") == "true"
    alt = page.evaluate("document.querySelector('#sg-1 .sg-pic').alt")
    assert alt == "Note 1 first sentence. Board: SMITHERY gateway"
    assert page.evaluate("document.querySelector('#sg-2 .sg-ocr')") is None, "no layer without words"
