"""Golden slideshow pages: the whole page as built, pictures and theme code replaced by what they are."""

from __future__ import annotations

import pytest

from golden import assert_golden
from htmldump import normalise_page
from pptxcases import HOSTILE_DECODED, hostile_deck, rich_deck
from slidegen.config import BuildOptions
from slidegen.writers.html.page import render

CASES = {"rich": rich_deck, "hostile": lambda: hostile_deck(HOSTILE_DECODED)}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_page(name, update_golden):
    deck = CASES[name]()
    files = render(deck, BuildOptions())
    page = files[f"{deck.slug}.html"].getvalue().decode("utf-8")
    assert_golden(f"html/{name}.html", normalise_page(page), update_golden)


def test_golden_page_of_the_sample_post(sample_deck, update_golden):
    page = render(sample_deck, BuildOptions())[f"{sample_deck.slug}.html"].getvalue().decode("utf-8")
    assert_golden("html/sample.html", normalise_page(page), update_golden)


def test_normalising_keeps_a_hash_that_allows_nothing_visible():
    page = "<meta content=\"script-src 'sha256-AAAA'\"><script>x()</script>"
    with pytest.raises(AssertionError, match="allows no block"):
        normalise_page(page)
