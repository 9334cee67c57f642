"""Reading PPTX decks: python-pptx's template with every kind of content, pandoc's decks, our own outputs."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from pptxsources import KNEECAP, PANDOC, rich_deck
from slidegen.diagnostics import Report
from slidegen.model import Span
from slidegen.readers.pptx import note_of, plan_deck, to_deck
from slidegen.readers.pptxdeck import read_deck


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    return rich_deck(tmp_path_factory.mktemp("rich") / "review.pptx")


def test_rich_deck_titles_hidden_and_properties(rich):
    deck = read_deck(rich, "review.pptx")
    assert (deck.title, deck.author, deck.keywords) == ("Quarterly review", "Ann Example", "review; numbers")
    assert [s.title for s in deck.slides] == [
        "Quarterly review",
        "Where we stand",
        "The sketch",
        "Backup slide",
        "Sales by quarter",
        "The numbers",
        "How it fits together",
        "Questions",
    ]
    assert [s.index for s in deck.slides if s.hidden] == [4]
    assert deck.slides[0].title_layout and not deck.slides[1].title_layout


def test_notes_keep_bullets_levels_numbers_and_emphasis(rich):
    notes = read_deck(rich, "review.pptx").slides[1].notes
    assert [(p.text, p.level, p.bullet) for p in notes[:5]] == [
        ("Start with the good news.", 0, ""),
        ("Revenue", 0, "-"),
        ("Europe first", 1, "-"),
        ("Thank the team", 0, "1."),
        ("Take questions", 0, "1."),
    ]
    spans = {s.text: s for s in notes[5].spans}
    assert spans["loudly"].bold and spans["slowly"].italic and spans["make report"].code
    assert spans["the wiki"].href == "https://example.org/wiki"


def test_main_picture_is_the_large_one_with_original_bytes_and_alt(rich):
    slide = read_deck(rich, "review.pptx").slides[2]
    assert slide.picture.data == KNEECAP.read_bytes()
    assert slide.picture.alt == "A red kneecap on a whiteboard"
    assert slide.other == ["picture"]  # the small logo is counted, not taken as the slide's picture


def test_charts_tables_and_groups_are_recognised(rich):
    slides = read_deck(rich, "review.pptx").slides
    assert slides[4].other == ["chart"] and slides[5].other == ["table"]
    assert slides[6].title == "How it fits together" and slides[6].other == ["shape"]  # the group opened
    assert slides[1].text[0].text == "Revenue is up" and slides[1].text[1].level == 1


def test_a_deck_becomes_a_deck_of_slides_numbered_from_one(rich):
    report = Report(stream=None)
    plan = plan_deck(read_deck(rich, "review.pptx"), report)
    deck = to_deck(plan, rich.parent)
    assert deck.title == "Quarterly review" and deck.author == "Ann Example"
    assert deck.intro.text == "Welcome everyone."
    assert [s.title for s in deck.slides] == [
        "Where we stand",
        "The sketch",
        "Sales by quarter",
        "The numbers",
        "How it fits together",
        "Questions",
    ]
    note = deck.slides[0].note
    assert [(r.kind, r.level, r.ordinal) for r in note.roles[:5]] == [
        ("para", 0, 0),
        ("bullet", 0, 0),
        ("bullet", 1, 0),
        ("number", 0, 1),
        ("number", 0, 2),
    ]
    assert note.paragraphs[1] == (Span("Revenue"),)
    assert deck.slides[1].image.ref.startswith("data:image/jpeg;base64,")
    messages = [w.message for w in report.warnings]
    assert any("slide 4 (Backup slide) is hidden" in m for m in messages)
    assert any(m.startswith("slide 5 shows chart: a text slide instead; use --render") for m in messages)
    assert any(m.startswith("slide 6 shows table") for m in messages)
    assert any("slide 3 also shows picture beside its picture" in m for m in messages)


def test_note_of_gives_list_items_their_kind_level_and_number():
    from slidegen.model import PROSE, Role, Span
    from slidegen.readers.pptxdeck import TextPara

    paras = [
        TextPara((Span("a"),), 0, "1."),
        TextPara((Span(""),)),
        TextPara((Span("b"),), 0, "1."),
        TextPara((Span("c"),), 1, "-"),
        TextPara((Span("d"),), 1),
    ]
    note = note_of(paras)
    assert note.text == "a\n\nb\n\nc\n\n\u2003d"  # no "1. " or "• " typed into the text
    assert note.roles == (Role("number", 0, (), 1), Role("number", 0, (), 2), Role("bullet", 1), PROSE)


def test_note_of_plain_paragraphs_has_no_roles():
    from slidegen.model import Span
    from slidegen.readers.pptxdeck import TextPara

    assert note_of([TextPara((Span("a"),)), TextPara((Span("b"),))]).roles == ()


def test_pandoc_speaker_notes_deck():
    deck = read_deck(PANDOC["speaker-notes"], "pandoc-speaker-notes.pptx")
    assert [s.title for s in deck.slides] == [
        "Here is a slide.",
        "A page with no speaker notes",
        "A page with two notes.",
        "Strip links and footnotes.",
    ]
    assert [p.text for p in deck.slides[0].notes] == ["Here is a note.", "Here is some other formatting."]
    emphasis = {s.text: s for s in deck.slides[0].notes[1].spans}
    assert emphasis["some"].italic and emphasis["other"].bold
    assert deck.slides[1].notes == []
    assert [p.text for p in deck.slides[2].notes] == ["The first note div", "The second note div"]


def test_pandoc_picture_bytes_are_the_originals():
    deck = read_deck(PANDOC["images"], "pandoc-images.pptx")
    assert [s.picture is not None for s in deck.slides] == [True, True, True]
    assert all(s.picture.data == KNEECAP.read_bytes() for s in deck.slides)
    assert deck.slides[1].title == "The Moon" and deck.slides[2].title == "One More"


def test_pandoc_talk_title_slide_lists_and_slide_without_notes():
    report = Report(stream=None)
    plan = plan_deck(read_deck(PANDOC["talk"], "pandoc-talk.pptx"), report)
    assert (plan.title, plan.author) == ("Kneecaps and carrots", "A. Speaker")
    levels = [(p.text, p.level) for p in plan.slides[0].note if p.text]
    assert ("and why it hurts", 1) in levels and ("Why the knee bends", 0) in levels
    assert [p.bullet for p in plan.slides[0].note if p.text.endswith("step")] == ["1.", "1."]
    assert plan.slides[1].note == plan.slides[1].source.text and plan.slides[1].text_as_note  # bullets only
    assert any("slide 3 has no speaker notes; its own text is used" in w.message for w in report.warnings)
    # no notes, but pandoc's caption under the picture: the caption is the note
    assert [p.text for p in plan.slides[2].note] == ["The same sketch again"]
    assert plan.slides[2].picture == KNEECAP.read_bytes()


@pytest.mark.parametrize("template", ["default", "corporate"])
def test_our_own_outputs_read_back(sample_pptx, template):
    built = sample_pptx(template)
    deck = read_deck(built, built.name)
    assert deck.title == "Social Media Society snippets" and deck.author == "Matt Ridings"
    assert deck.slides[0].title_layout and len(deck.slides) == 10
    assert deck.slides[1].title == "Tolerance versus influence"
    assert deck.slides[1].notes[0].text.startswith("This was demonstrating how much of an asshole")
    with zipfile.ZipFile(built) as package:
        media = {hashlib.sha256(package.read(n)).hexdigest() for n in package.namelist() if "/media/" in n}
    assert {hashlib.sha256(s.picture.data).hexdigest() for s in deck.slides[1:]} <= media
    assert all(s.picture for s in deck.slides[1:])


def test_a_deck_without_notes(tmp_path):
    from pptx import Presentation

    prs = Presentation()
    for title in ("One", "Two"):
        prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = title
    prs.save(tmp_path / "bare.pptx")
    deck = read_deck(tmp_path / "bare.pptx", "bare.pptx")
    assert [(s.title, s.notes) for s in deck.slides] == [("One", []), ("Two", [])]
    report = Report(stream=None)
    plan = plan_deck(deck, report)
    assert plan.title == "bare" and len(plan.slides) == 2 and not report.warnings


def test_more_slides_than_a_deck_may_have(tmp_path, monkeypatch):
    from pptx import Presentation

    from slidegen.errors import InputError
    from slidegen.readers import pptx as reader

    monkeypatch.setattr(reader, "MAX_SLIDES", 3)
    prs = Presentation()
    for n in range(4):
        prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = f"S{n}"
    prs.save(tmp_path / "long.pptx")
    with pytest.raises(InputError, match="the deck has 4 slides to build; slidegen builds at most 3"):
        plan_deck(read_deck(tmp_path / "long.pptx", "long.pptx"), Report(stream=None))


def test_a_long_first_text_gives_a_short_title_and_stays_text(tmp_path):
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: no title placeholder
    long = "Revenue grew by thirty percent in the third quarter across every region we sell in"
    slide.shapes.add_textbox(Inches(1), Inches(1), Inches(8), Inches(1)).text_frame.text = long
    prs.save(tmp_path / "long.pptx")
    read = read_deck(tmp_path / "long.pptx", "long.pptx").slides[0]
    assert read.title == "Revenue grew by thirty percent"  # cut where a reader pauses, as a post's titles
    assert [p.text for p in read.text] == [long]


def test_a_deck_too_large_to_be_its_own_template_gets_the_default_look(tmp_path, monkeypatch):
    from slidegen.config import BuildOptions
    from slidegen.model import SourcePos
    from slidegen.readers import pptx as reader
    from slidegen.writers.pptx import template

    deck = PANDOC["talk"]
    report = Report(stream=None)
    post = reader.read(deck, SourcePos("talk.pptx"), tmp_path, BuildOptions(), report)[0]
    assert post.deck.template == deck.resolve()
    monkeypatch.setattr(template, "MAX_TEMPLATE_BYTES", deck.stat().st_size - 1)
    post = reader.read(deck, SourcePos("talk.pptx"), tmp_path, BuildOptions(), report)[0]
    assert post.deck.template is None
    assert "too large to serve as its own template" in report.warnings[-1].message


def test_a_link_that_is_not_a_web_or_mail_address_is_dropped(tmp_path):
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Links"
    para = slide.notes_slide.notes_text_frame.paragraphs[0]
    for text, href in (("safe", "https://example.org/"), (" and ", None), ("not", "javascript:alert(1)")):
        run = para.add_run()
        run.text = text
        if href:
            run.hyperlink.address = href
    prs.save(tmp_path / "links.pptx")
    note = read_deck(tmp_path / "links.pptx", "links.pptx").slides[0].notes[0]
    assert note.text == "safe and not"  # the words are kept, the link is not
    assert [(s.text, s.href) for s in note.spans] == [("safe", "https://example.org/"), (" and not", None)]
