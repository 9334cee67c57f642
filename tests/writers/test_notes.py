"""Speaker notes as Markdown and plain text."""

import datetime as dt

from slidegen.config import BuildOptions
from slidegen.model import Note, Span
from slidegen.writers.notes import render_markdown, render_text
from toolkit import make_deck


def test_markdown_has_title_byline_and_a_section_per_slide_in_order():
    deck = make_deck(2, author="Ann", date=dt.date(2024, 5, 1))
    text = render_markdown(deck, BuildOptions())["a-test-deck.notes.md"].decode()
    assert text.splitlines()[:3] == ["# A test deck", "", "*Ann · 2024-05-01*"]
    assert text.index("## Slide 1: Slide title 1") < text.index("## Slide 2: Slide title 2")
    assert "Note 2 first sentence. Then more." in text


def test_markdown_keeps_emphasis_links_and_escapes_the_rest():
    deck = make_deck(1)
    deck.slides[0].note = Note(
        (
            (
                Span("See "),
                Span("this", bold=True),
                Span(" and "),
                Span("that", href="https://x.org/a b"),
                Span(" *not* <b>"),
            ),
        )
    )
    text = render_markdown(deck, BuildOptions())["a-test-deck.notes.md"].decode()
    assert "See **this** and [that](https://x.org/a%20b) \\*not\\* \\<b\\>" in text


def test_text_is_plain_with_links_spelled_out():
    deck = make_deck(1)
    deck.slides[0].note = Note(((Span("Go "), Span("here", href="https://x.org")),))
    text = render_text(deck, BuildOptions())["a-test-deck.notes.txt"].decode()
    assert "Go here <https://x.org>" in text and "Slide 1: Slide title 1" in text


def test_empty_note_is_said():
    deck = make_deck(1)
    deck.slides[0].note = Note()
    assert "*(no note)*" in render_markdown(deck, BuildOptions())["a-test-deck.notes.md"].decode()
