"""Properties of reading and parsing over generated posts: no surprise exceptions, every marker counted."""

import string
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import SlidegenError
from slidegen.model import SourcePos
from slidegen.parse import parse_post, starts_note
from slidegen.readers.markdown import read as read_markdown
from slidegen.readers.text import read as read_text
from slidegen.untrusted import decode
from toolkit import examples

MARKERS = [
    "Slide {n}:",
    "slide {n}:",
    "SLIDE {n} -",
    "Slide {n}.",
    "Slide #{n}:",
    "**Slide {n}:**",
    "Slide {n} \u2013",
    "Slide {n} \u2014",
]
prose = (
    st.text(alphabet=string.ascii_letters + " ,;'\"()?!éü漢😀\t", min_size=1, max_size=60)
    .map(lambda s: s.strip() or "words")
    .filter(lambda s: not s.lower().lstrip("*_ ").startswith("slide"))
)
unicode_junk = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    ),
    max_size=40,
)


@st.composite
def posts(draw):
    numbers = draw(st.lists(st.integers(1, 60), min_size=1, max_size=12, unique=True))
    parts = ["Title line", draw(prose)]
    for n in numbers:
        marker = draw(st.sampled_from(MARKERS)).format(n=n)
        parts.append(f"{marker} {draw(prose)}")
        if draw(st.booleans()):
            parts.append(draw(prose))
    return "\n\n".join(parts) + "\n", numbers


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts())
def test_every_distinct_marker_becomes_one_slide_in_order(case):
    text, numbers = case
    for read in (read_text, read_markdown):
        [post] = read(text, SourcePos("p"), Path("."), BuildOptions(), Report(stream=None))
        deck = parse_post(post, Report(stream=None))
        assert [s.number for s in deck.slides] == sorted(numbers)
        assert all(s.title for s in deck.slides)


@settings(max_examples=examples(200), deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_end_in_a_deck_or_our_own_error(data):
    report = Report(stream=None)
    try:
        clean = decode(data, "p.md")
        for read in (read_text, read_markdown):
            for post in read(clean.text, SourcePos("p.md"), Path("."), BuildOptions(), report):
                parse_post(post, report)
    except SlidegenError:
        pass


@settings(max_examples=examples(200), deadline=None)
@given(unicode_junk, unicode_junk)
def test_notes_survive_any_unicode_without_xml_illegal_characters(a, b):
    assume(not starts_note(b) and not b.lower().lstrip().startswith("posted by"))
    text = decode(f"T\n\nSlide 1: {a}\n\n{b}\n".encode("utf-8", "surrogatepass"), "p").text
    [post] = read_text(text, SourcePos("p"), Path("."), BuildOptions(), Report(stream=None))
    deck = parse_post(post, Report(stream=None))
    assert all(0x20 <= ord(c) or c in "\t\n" for c in deck.slides[0].note.text)


notes_text = st.lists(
    st.text(alphabet=string.ascii_letters + string.digits + " ,.;'!?éü漢<>&\"", min_size=1, max_size=50)
    .map(str.strip)
    .filter(bool),
    min_size=1,
    max_size=4,
)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(notes_text, min_size=1, max_size=5))
def test_notes_round_trip_through_pptx_and_the_notes_file(paragraph_lists):
    """What the post says is what PowerPoint's notes pane and the exported notes say, paragraph for paragraph."""
    import io

    from pptx import Presentation

    from slidegen.config import BuildOptions
    from slidegen.writers.notes import plain_text
    from slidegen.writers.pptx.deck import render
    from toolkit import make_deck, note

    deck = make_deck(len(paragraph_lists), pictures=False)
    for slide, paras in zip(deck.slides, paragraph_lists):
        slide.note = note(*paras)
    data = render(deck, BuildOptions())[f"{deck.slug}.pptx"].getvalue()
    shown = [s.notes_slide.notes_text_frame.text for s in list(Presentation(io.BytesIO(data)).slides)[1:]]
    assert shown == ["\n".join(paras) for paras in paragraph_lists]
    exported = plain_text(deck)
    assert all(p in exported for paras in paragraph_lists for p in paras)


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=200))
def test_html_sanitizer_is_idempotent(text):
    from slidegen.writers.html.notes import clean

    once = clean(text)
    assert clean(once) == once
