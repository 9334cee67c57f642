"""Measuring and splitting notes for handout pages: every character on exactly one page, lines that fit."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from slidegen.writers.pptx.notesfit import _width, geometry, paginate, wrap

PAGE, SLIDE = (6858000, 9144000), (12192000, 6858000)
FIRST, REST = geometry(PAGE, SLIDE, False), geometry(PAGE, SLIDE, True)

texts = st.text(alphabet=st.sampled_from(list("abc  XYZ\n語")), max_size=600)


@given(texts, st.integers(min_value=5, max_value=80))
def test_wrap_covers_the_text_and_every_line_fits(text, columns):
    lines = wrap(text, columns)
    assert lines
    for start, end in lines:
        assert sum(_width(c) for c in text[start:end]) <= columns
        assert "\n" not in text[start:end]
    kept = "".join(text[s:e] for s, e in lines)
    assert kept.replace(" ", "") == text.replace(" ", "").replace("\n", "")


@given(st.lists(texts, max_size=30))
def test_paginate_puts_every_character_on_one_page_and_fills_none_past_its_lines(paragraphs):
    pages = paginate(paragraphs, FIRST, REST)
    pieces = [piece for page in pages for piece in page]
    for index, text in enumerate(paragraphs):
        mine = [(s, e) for i, s, e in pieces if i == index]
        assert mine[0][0] == 0 and mine[-1][1] == len(text)
        # between two pieces of a paragraph only the space or line break where it was split is left out
        assert all(not text[a[1] : b[0]].strip(" \n") and b[0] - a[1] <= 1 for a, b in itertools.pairwise(mine))
    for number, page in enumerate(pages):
        where = FIRST if number == 0 else REST
        used = sum(len(wrap(paragraphs[i][s:e], where.columns)) + 0.5 for i, s, e in page)
        assert used <= where.lines + 0.5 or len(page) == 1


def test_a_continuation_page_gives_the_notes_more_room():
    assert REST.lines > FIRST.lines
    assert REST.slide[2] < FIRST.slide[2]
    assert FIRST.notes[1] > FIRST.slide[1] + FIRST.slide[3]  # notes below the slide
    assert FIRST.footer[1] >= FIRST.notes[1] + FIRST.notes[3]  # footer below the notes


def test_short_notes_take_one_page_and_long_ones_more():
    assert len(paginate(["A short note."], FIRST, REST)) == 1
    long = " ".join(["word"] * 3000)
    pages = paginate([long], FIRST, REST)
    assert len(pages) > 2
    assert [p[0][0] for p in pages] == [0] * len(pages)
