"""Handout and PDF through real LibreOffice: pages, every note's text, tags, title and language."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from slidegen.config import BuildOptions
from slidegen.errors import OutputError
from slidegen.model import Note, Span
from slidegen.writers import writer
from slidegen.writers.handout import handout_pptx
from toolkit import make_deck, note

WORDS = [
    "influence",
    "whiteboard",
    "society",
    "network",
    "audience",
    "speaker",
    "attention",
    "trust",
    "content",
    "platform",
    "message",
    "story",
]


def prose(words: int, seed: int) -> str:
    return " ".join(WORDS[(i * 7 + seed) % len(WORDS)] for i in range(words)) + "."


def long_deck():
    """Slide 1 short, slide 2 twelve paragraphs, slide 3 one paragraph of 900 words, slide 4 no notes."""
    deck = make_deck(4, title="Long notes", lang="de-DE")
    deck.slides[1].note = note(*(f"Absatz {n}: " + prose(60, n) for n in range(12)))
    deck.slides[2].note = note("Start " + prose(900, 3) + " Ende.")
    deck.slides[3].note = Note(())
    deck.intro = note("The introduction goes on the title slide's notes page.")
    return deck


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.office
def test_long_notes_continue_on_following_pages_and_none_is_cut():
    deck = long_deck()
    files = writer("handout")(deck, BuildOptions(formats=("handout",), use_cache=False))
    assert list(files) == ["a-test-deck.handout.pdf"]
    pdf = files["a-test-deck.handout.pdf"]
    reader = PdfReader(io.BytesIO(pdf))
    pages = [squash(page.extract_text() or "") for page in reader.pages]
    # title + slide 1 + slide 2 (2 pages) + slide 3 (4 pages) + slide 4: counted from the handout PPTX
    expected = _notes_pages(deck)
    assert len(pages) == len(expected) == 1 + 1 + expected.count(3) + expected.count(4) + 1
    assert expected.count(4) >= 3, "900 words must continue over several pages"
    text = squash(pdf_text(pdf))
    # every word of every note is on some page, in order: nothing cut at a page's end
    words = text.split()
    for slide in deck.slides:
        want = squash(slide.note.text).split()
        assert _in_order(want, words), f"slide {slide.number}: a note's words are missing from the PDF"
    footers = re.findall(r"Long notes · slide (\d+) of 5( \(continued\))?", text)
    assert [int(n) for n, _ in footers] == sorted(int(n) for n, _ in footers)
    assert ("3", " (continued)") in footers and ("4", " (continued)") in footers


def _notes_pages(deck) -> list[int]:
    """The slide number (1-based, title slide 1) behind every notes page of the handout PPTX."""
    from pptx import Presentation

    prs = Presentation(io.BytesIO(handout_pptx(deck, BuildOptions(use_cache=False)).getvalue()))
    out = []
    for slide in prs.slides:
        footer = next(sp for sp in slide.notes_slide.shapes if sp.name == "Handout Footer").text_frame.text
        out.append(int(re.search(r"slide (\d+) of", footer).group(1)))
    return out


def _in_order(want: list[str], words: list[str]) -> bool:
    at = 0
    for word in want:
        try:
            at = words.index(word, at) + 1
        except ValueError:
            return False
    return True


@pytest.mark.office
@pytest.mark.parametrize("fmt", ["pdf", "handout"])
def test_pdfs_are_tagged_with_title_language_and_alt_text(fmt):
    deck = make_deck(2, title="Tagged deck", lang="pt-BR")
    deck.slides[0].image = deck.slides[0].image.__class__(
        deck.slides[0].image.ref, deck.slides[0].image.pos, alt="Three boxes joined by arrows"
    )
    pdf = next(iter(writer(fmt)(deck, BuildOptions(formats=(fmt,), use_cache=False)).values()))
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Tagged deck$", info, re.M)
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "pt-BR"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert re.search(r"^Metadata Stream:\s+yes$", info, re.M)
    assert reader.xmp_metadata.dc_title == {"x-default": "Tagged deck"}
    assert reader.xmp_metadata.dc_language == ["pt-BR"]
    tags, alts = _structure(root["/StructTreeRoot"])
    assert "/Figure" in tags and "/P" in tags
    assert "Three boxes joined by arrows" in alts


def _structure(node, tags=None, alts=None):
    tags, alts = (set() if tags is None else tags), ([] if alts is None else alts)
    node = node.get_object()
    if isinstance(node, dict):
        if "/S" in node:
            tags.add(str(node["/S"]))
        if "/Alt" in node:
            alts.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            _structure(kid, tags, alts)
    return tags, alts


def test_handout_without_libreoffice_is_the_pdf_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OutputError) as err:
        writer("handout")(make_deck(1), BuildOptions(use_cache=False))
    assert str(err.value).startswith("post.md:1: error: PDF export needs LibreOffice")


def test_handout_pptx_keeps_every_run_of_a_split_note():
    deck = make_deck(1)
    deck.slides[0].note = Note(((Span("Bold start ", bold=True), Span(prose(1500, 1)), Span(" end", italic=True)),))
    from pptx import Presentation

    prs = Presentation(io.BytesIO(handout_pptx(deck, BuildOptions(use_cache=False)).getvalue()))
    bodies = [s.notes_slide.notes_text_frame for s in prs.slides][1:]
    assert len(bodies) >= 3
    assert squash(" ".join(b.text for b in bodies)) == squash(deck.slides[0].note.text)
    runs = [r for b in bodies for p in b.paragraphs for r in p.runs]
    assert runs[0].font.bold and runs[-1].font.italic
    assert {r.font.size.pt for r in runs} == {12}


def test_a_title_slide_without_introduction_still_gets_its_notes_page():
    from pptx import Presentation

    deck = make_deck(1)
    assert not deck.intro
    prs = Presentation(io.BytesIO(handout_pptx(deck, BuildOptions(use_cache=False)).getvalue()))
    first = prs.slides[0]
    assert first.has_notes_slide
    assert first.notes_slide.part.partname == "/ppt/notesSlides/notesSlide1.xml"
    footer = next(sp for sp in first.notes_slide.shapes if sp.name == "Handout Footer")
    assert footer.text_frame.text == "A test deck · slide 1 of 2"


def test_notes_print_even_when_the_templates_notes_master_has_no_notes_box(tmp_path):
    from pptx import Presentation

    prs = Presentation()
    master = prs.notes_master
    for ph in list(master.placeholders):
        if ph.placeholder_format.type == 2:  # BODY
            ph._element.getparent().remove(ph._element)
    prs.save(tmp_path / "no-notes-box.pptx")
    deck = make_deck(1)
    deck.slides[0].note = note("First paragraph of the note.", "Second paragraph.")
    handout = Presentation(
        io.BytesIO(
            handout_pptx(deck, BuildOptions(template=tmp_path / "no-notes-box.pptx", use_cache=False)).getvalue()
        )
    )
    body = handout.slides[1].notes_slide.notes_text_frame
    assert [p.text for p in body.paragraphs] == ["First paragraph of the note.", "Second paragraph."]
