"""Any text a post can carry ends in a PPTX that reopens with that text, cleaned, never an lxml error."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from pptxcases import xml_keeps
from slidegen.config import BuildOptions
from slidegen.model import ImageRef, Note, Span
from slidegen.writers.pptx.deck import render
from toolkit import examples, make_deck

# Every code point, surrogates and U+FFFE/U+FFFF included, weighted towards the troublesome ones.
TEXT = st.text(
    st.one_of(
        st.characters(codec=None, categories=None),
        st.sampled_from("\x00\x01\x0b\x0c\x1f\x7f\ud800\udfff\ufffe\uffff<>&\"'\n\t"),
    ),
    max_size=40,
)
SPANS = st.lists(
    st.builds(
        Span,
        TEXT,
        st.booleans(),
        st.booleans(),
        st.booleans(),
        st.one_of(st.none(), TEXT, st.just("https://example.com/?a=1&b=<2>")),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, author=TEXT, slide_title=TEXT, alt=TEXT, spans=SPANS, picture=st.booleans())
def test_any_text_builds_and_reopens(title, author, slide_title, alt, spans, picture):
    deck = make_deck(1, title=title, author=author, pictures=picture)
    slide = deck.slides[0]
    slide.title = slide_title
    slide.note = Note((tuple(spans),))
    if picture:
        slide.image = ImageRef("slide-1.jpg", slide.pos, alt=alt)
    data = render(deck, BuildOptions())["a-test-deck.pptx"].getvalue()
    prs = Presentation(io.BytesIO(data))
    built = list(prs.slides)[1]
    expected = xml_keeps(slide_title or "Slide 1").strip() or "Untitled"
    assert built.shapes.title.text_frame.text == expected.replace("\n", "\v")
    notes = built.notes_slide.notes_text_frame.text
    assert notes.replace("\v", "\n") == xml_keeps("".join(s.text for s in spans))
