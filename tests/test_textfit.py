"""Text slides fit: real font metrics, a size down to the 18 pt floor, then "Title (2)" — nothing cut."""

from slidegen import textfit
from slidegen.model import Note, Role, Slide, SourcePos, Span
from slidegen.titles import derive_title
from toolkit import note

BOX = textfit.Box(880, 400)


def slide(n: Note, title: str | None = None) -> Slide:
    return Slide(1, title or derive_title(n, 1), n, SourcePos("post.md", 3), title_is_explicit=title is not None)


def test_real_font_metrics_are_used():
    assert textfit.font_found(), "install DejaVu (fonts-dejavu-core): text slides are measured with it"
    # A real font: "W" is far wider than "i", which an average glyph width cannot tell.
    assert textfit.line_count("W" * 60, 20, 600) > textfit.line_count("i" * 60, 20, 600)


def test_a_short_note_keeps_the_largest_size_and_loses_the_title_sentence():
    (page,) = textfit.paginate(slide(note("A short note. With a second sentence.")), BOX)
    assert (page.title, page.size, page.body.text) == ("A short note", 28, "With a second sentence.")
    assert page.note.text == "A short note. With a second sentence."  # the notes pane keeps it all


def test_an_explicit_title_never_drops_text():
    (page,) = textfit.paginate(slide(note("A short note. More."), title="A short note"), BOX)
    assert page.body.text == "A short note. More."


def test_a_longer_note_shrinks_but_not_below_the_floor():
    words = " ".join(["Consultants keep the story simple while the enterprise lives the complexity."] * 6)
    (page,) = textfit.paginate(slide(note(words, words), title="Medium"), BOX)
    assert textfit.FLOOR_PT < page.size < textfit.SIZES_PT[0]
    assert textfit.note_height(page.body, page.size, BOX) <= BOX.height


def test_past_the_floor_the_note_continues_and_every_word_is_kept():
    paragraphs = [f"Paragraph {i}: " + "lorem ipsum dolor sit amet " * 15 for i in range(12)]
    pages = textfit.paginate(slide(note(*paragraphs), title="Long"), BOX)
    assert [p.title for p in pages] == ["Long"] + [f"Long ({n})" for n in range(2, len(pages) + 1)]
    assert len(pages) > 1 and all(p.size == textfit.FLOOR_PT for p in pages)
    assert all(textfit.note_height(p.body, p.size, BOX) <= BOX.height for p in pages)
    assert " ".join(" ".join(p.body.text.split()) for p in pages) == " ".join(" ".join(paragraphs).split())


def test_lists_code_and_rows_take_room_by_what_they_are():
    item = Note(((Span("word " * 30),),), (Role("bullet", 2),))
    prose = Note(((Span("word " * 30),),))
    assert textfit.note_height(item, 24, BOX) >= textfit.note_height(prose, 24, BOX)  # indented: narrower
    code = Note(((Span("x = 1\n\ny = 2", code=True),),), (Role("code"),))
    assert textfit.note_height(code, 20, BOX) >= 3 * 20 * 0.9 * textfit.LINE_HEIGHT


def test_a_box_too_small_for_a_line_still_ends_with_every_word_on_some_page():
    words = "word " * 400
    pages = textfit.paginate(slide(note(words), title="T" * 300), textfit.Box(40, -50))
    assert " ".join(p.body.text for p in pages).split() == words.split()
