"""The Slide N: grammar: markers, note extent, numbering checks, titles."""

from pathlib import Path

import pytest

from slidegen.alttext import alt_text
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import Block, Post, SourcePos, Span
from slidegen.parse import parse_post, starts_note
from slidegen.titles import derive_title, first_sentence
from toolkit import note


def post(*paras, kind="para", single=True, **kw):
    blocks = []
    for i, p in enumerate(paras, start=1):
        if isinstance(p, Block):
            blocks.append(p)
        else:
            blocks.append(Block(kind, (Span(p),), line=i))
    return Post(
        SourcePos("post.md"), base_dir=__import__("pathlib").Path("."), blocks=blocks, title="Post", single=single, **kw
    )


def parse(*paras, **kw):
    report = Report(stream=None)
    return parse_post(post(*paras, **kw), report), report


@pytest.mark.parametrize(
    "text",
    [
        "Slide 1: a",
        "slide 1: a",
        "SLIDE 1: a",
        "Slide 1 - a",
        "Slide 1 \u2013 a",
        "Slide 1 \u2014 a",
        "Slide 1. a",
        "Slide #1: a",
        "**Slide 1:** a",
        "  Slide 1:a",
        "Slide 1:",
    ],
)
def test_marker_forms_are_accepted(text):
    deck, _ = parse(text)
    assert [s.number for s in deck.slides] == [1]
    assert deck.slides[0].note.text in ("a", "")


@pytest.mark.parametrize(
    "text",
    [
        "In slide 2: we saw",
        "Slide two: a",
        "Slide \uff12: a",
        "Slide \u0663: a",
        "Slide 2.5 is",
        "Slides 2: a",
        "Slide 3-4 shows",
    ],
)
def test_near_misses_are_not_markers(text):
    with pytest.raises(InputError, match="no slide notes"):
        parse(text)


def test_marker_is_stripped_and_following_paragraphs_join_the_note():
    deck, _ = parse("Intro prose.", "Slide 1: First.", "More about one.", "Slide 2: Second.")
    one, two = deck.slides
    assert one.note.text == "First.\n\nMore about one."
    assert two.note.text == "Second."
    assert deck.intro.text == "Intro prose."


def test_bold_marker_span_is_removed_from_the_note():
    block = Block("para", (Span("Slide 1:", bold=True), Span(" This "), Span("matters", italic=True)), line=3)
    deck, _ = parse(block)
    assert deck.slides[0].note.paragraphs[0] == (Span("This "), Span("matters", italic=True))


def test_heading_and_sign_off_end_a_note():
    deck, _ = parse("Slide 1: one", Block("heading", (Span("Other things"),), line=2, level=2), "not a note")
    assert deck.slides[0].note.text == "one"
    deck, _ = parse("SLIDE NOTES:", "The note.", "Cheers,", "Matt")
    assert deck.slides[0].note.text == "The note."


def test_markers_in_code_and_quotes_do_not_count():
    with pytest.raises(InputError):
        parse(Block("code", (Span("Slide 1: x", code=True),), line=1), Block("quote", (Span("Slide 2: y"),), line=2))


def test_slide_notes_opens_a_single_slide():
    deck, _ = parse("SLIDE NOTES:", "Everything about the one slide.")
    assert [s.number for s in deck.slides] == [1]
    assert deck.slides[0].note.text == "Everything about the one slide."


def test_slides_are_ordered_by_number_with_a_warning():
    deck, report = parse("Slide 2: b", "Slide 1: a")
    assert [s.number for s in deck.slides] == [1, 2]
    assert "comes after" in str(report.warnings[0])


def test_gap_is_a_warning_and_numbers_are_kept():
    deck, report = parse("Slide 1: a", "Slide 2: b", "Slide 5: e")
    assert [s.number for s in deck.slides] == [1, 2, 5]
    assert any("Slide 3\u20134 missing" in str(w) for w in report.warnings)


def test_duplicate_number_is_an_error_naming_both_lines():
    with pytest.raises(InputError) as err:
        parse("Slide 1: a", "Slide 2: b", "Slide 2: c")
    assert str(err.value) == "post.md:3: error: duplicate Slide 2 (first at line 2); renumber one of them"


@pytest.mark.parametrize(
    "text, message",
    [
        ("Slide 0: a", "start at 1"),
        ("Slide -1: a", "not -1"),
        ("Slide 1000: a", "too large"),
        ("Slide 99999999999: a", "too large"),
    ],
)
def test_impossible_numbers_are_errors(text, message):
    with pytest.raises(InputError, match=message):
        parse(text)


def test_no_notes_in_a_single_post_is_an_error_but_skipped_in_a_page():
    with pytest.raises(InputError, match="no slide notes found"):
        parse("Just prose.")
    deck, _ = parse("Just prose.", single=False)
    assert deck is None


def test_empty_note_is_a_warning():
    deck, report = parse("Slide 1:", "Slide 2: b")
    assert deck.slides[0].title == "Slide 1" and "Slide 1 has no note text" in str(report.warnings[0])


def test_near_miss_inside_a_note_is_warned():
    _, report = parse("Slide 1: a", "Slide two: b")
    assert any("looks like a slide marker" in str(w) for w in report.warnings)


def test_titles_come_from_front_matter_then_heading_then_the_note():
    deck, _ = parse(
        Block("heading", (Span("Tolerance"),), line=1, level=2),
        "Slide 1: First sentence. Then.",
        "Slide 2: Second one here.",
        "Slide 3: x",
        meta={"titles": {3: "Third"}},
    )
    assert [s.title for s in deck.slides] == ["Tolerance", "Second one here", "Third"]
    assert [s.title_is_explicit for s in deck.slides] == [True, False, True]


def test_heading_marker_gives_number_and_title():
    deck, _ = parse(Block("heading", (Span("Slide 1: The curve"),), line=1, level=2), "It drops.")
    assert deck.slides[0].title == "The curve"
    assert deck.slides[0].note.text == "It drops."


def test_derived_title_fits_one_line_is_cut_at_a_phrase_and_never_empty():
    from slidegen.titles import fits

    long = note("This was demonstrating how much of an asshole you are willing to put up with in relation.")
    title = derive_title(long, 1)
    assert title == "This was demonstrating how much of an asshole you are willing"
    assert fits(title) and "\u2026" not in title
    assert derive_title(note(""), 4) == "Slide 4"


def test_starts_note_predicate():
    assert starts_note("Slide 3: x") and starts_note("SLIDE NOTES:") and not starts_note("Slides are fun")


def test_too_many_slides_is_an_error():
    with pytest.raises(InputError, match="at most 500"):
        parse(*[f"Slide {n}: x" for n in range(1, 502)])


def test_keywords_come_from_front_matter_keywords_or_tags():
    deck, _ = parse("Slide 1: a", meta={"tags": "social, enterprise"})
    assert deck.keywords == ("social", "enterprise")
    deck, _ = parse("Slide 1: a", meta={"keywords": ["a", "b"]})
    assert deck.keywords == ("a", "b")


def test_first_sentence_is_cut_past_the_limit():
    assert first_sentence(note("One thing. Two things.")) == "One thing."
    assert first_sentence(note("")) == ""
    assert len(first_sentence(note("x" * 500))) == 200


def test_alt_text_is_never_a_file_name():
    from slidegen.model import ImageRef, Slide, SourcePos

    pos = SourcePos("p")
    slide = Slide(1, "Title", note("The curve drops. More."), pos, ImageRef("img/IMG_0042.JPG", pos, "IMG_0042.JPG"))
    assert alt_text(slide) == "The curve drops."
    slide.image = ImageRef("a.jpg", pos, "uploads/2010/06/board.png")
    assert alt_text(slide) == "The curve drops."
    slide.image = ImageRef("a.jpg", pos, "A curve that drops off a cliff")
    assert alt_text(slide) == "A curve that drops off a cliff"
    slide.image = ImageRef("a.jpg", pos, "</script> is text")
    assert alt_text(slide) == "</script> is text"


def test_front_matter_layout_chooses_full_bleed_and_an_unknown_one_is_warned_about(tmp_path):
    import slidegen
    from slidegen.diagnostics import Report

    post = tmp_path / "post.md"
    post.write_text("---\nlayout: Full\n---\n# Talk\n\nSlide 1: The curve.\n", encoding="utf-8")
    (deck,) = slidegen.read_decks(tmp_path)
    assert deck.layout == "full"
    post.write_text("---\nlayout: wide\n---\n# Talk\n\nSlide 1: The curve.\n", encoding="utf-8")
    report = Report(stream=None)
    from slidegen.config import BuildOptions
    from slidegen.pipeline import read_decks

    (deck,) = read_decks([tmp_path], BuildOptions(), report)
    assert deck.layout == ""
    assert any("layout 'wide'" in str(w) and ":2" in str(w) for w in report.warnings), report.warnings


def blocks_post(blocks):
    return Post(SourcePos("post.md", 1), Path("."), blocks, title="T")


def test_heading_note_keeps_its_sub_headings_until_a_heading_of_its_level():
    blocks = [
        Block("heading", (Span("Slide 1: Opening"),), 3, level=2),
        Block("para", (Span("First."),), 4),
        Block("heading", (Span("Details"),), 5, level=3),
        Block("item", (Span("a point"),), 6),
        Block("item", (Span("deeper"),), 7, level=1, ordered=True),
        Block("heading", (Span("Unrelated"),), 8, level=2),
        Block("para", (Span("Stray."),), 9),
        Block("para", (Span("Slide 2: Next."),), 10),
    ]
    deck = parse_post(blocks_post(blocks), Report(stream=None))
    parts = [(r.kind, r.level, "".join(s.text for s in p)) for r, p in deck.slides[0].note.parts()]
    assert parts == [
        ("para", 0, "First."),
        ("heading", 3, "Details"),
        ("bullet", 0, "a point"),
        ("number", 1, "deeper"),
    ]
    assert deck.slides[1].note.text == "Next."
    # "Unrelated" titles nothing (slide 2 is opened by a paragraph after "Stray."), so both are on record.
    assert [(pos.line, text) for pos, text in deck.outside_notes] == [(8, "Unrelated"), (9, "Stray.")]


def test_paragraph_note_still_ends_at_any_heading():
    blocks = [
        Block("para", (Span("Slide 1: One."),), 1),
        Block("heading", (Span("Sub"),), 2, level=4),
        Block("para", (Span("Not in the note."),), 3),
    ]
    deck = parse_post(blocks_post(blocks), Report(stream=None))
    assert deck.slides[0].note.text == "One."
    assert [text for _, text in deck.outside_notes] == ["Sub", "Not in the note."]


@pytest.mark.parametrize(
    "footer", ["Posted via email from Matt's posterous", "Sent from my iPhone", "Posted with Blogsy"]
)
def test_service_footers_end_the_last_note(footer):
    deck, _ = parse("Slide 1: The note.", footer)
    assert deck.slides[0].note.text == "The note."
    assert [text for _, text in deck.outside_notes] == [footer]


@pytest.mark.parametrize("ending", ["Thanks,\nSam\n", "Cheers,\nSam Smith\n", "Best,\n\u2014 Sam\n", "Thanks!\n"])
def test_a_sign_off_with_the_name_on_the_next_line_stays_out_of_the_last_note(tmp_path, ending):
    from cli_run import cli

    (tmp_path / "post.md").write_text(f"# T\n\nSlide 1: first.\n\nSlide 2: the last note.\n\n{ending}")
    run = cli("notes", tmp_path / "post.md", "--format", "txt")
    assert run.returncode == 0 and run.stdout.rstrip().endswith("the last note."), run.stdout


def test_a_paragraph_that_only_starts_like_a_sign_off_stays_in_the_note(tmp_path):
    from cli_run import cli

    (tmp_path / "post.md").write_text("# T\n\nSlide 1: first.\n\nBest practices matter.\n\nThanks for the talk, Sam.\n")
    run = cli("notes", tmp_path / "post.md", "--format", "txt")
    assert "Best practices matter." in run.stdout and "Thanks for the talk, Sam." in run.stdout
