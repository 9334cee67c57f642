"""The PPTX writer: decks reopened by python-pptx, every XML part parsed, pictures fitted, notes kept."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from pptxcases import build_all, xml_keeps, xml_parts
from pptxdump import notes_master_listed
from slidegen import layout as geo
from slidegen.alttext import alt_text
from slidegen.config import BuildOptions
from slidegen.writers.pptx.deck import render
from toolkit import make_deck

NAMES = [
    "default",
    "corporate",
    "corporate-potx",
    "corporate-named-layouts",
    "front-matter-template",
    "four-three",
    "blank-only",
    "title-slide-only",
    "hostile",
    "odd-pictures",
    "long-text",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1234567890")
        return build_all(tmp_path_factory.mktemp("templates"))


def reopen(data: bytes):
    return Presentation(io.BytesIO(data))


def pictures(slide):
    return [
        s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE or (s.is_placeholder and hasattr(s, "image"))
    ]


def title_of(slide) -> str:
    shape = slide.shapes.title or next(s for s in slide.shapes if s.name == "Title")
    return shape.text_frame.text


def test_cases_cover_the_list(built):
    assert sorted(built) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_xml_part_parses_and_zip_is_sound(built, name):
    data = built[name][2]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
    assert names[0] == "[Content_Types].xml"
    for part, blob in xml_parts(data).items():
        etree.fromstring(blob)  # raises on anything not well-formed
    assert not any(
        n.startswith("ppt/slides/slide") and n.endswith(".xml") and n != f"ppt/slides/slide{i}.xml"
        for i, n in enumerate(sorted(x for x in names if x.startswith("ppt/slides/slide")), 1)
    )


@pytest.mark.parametrize("name", NAMES)
def test_reopens_with_one_slide_per_note_plus_title(built, name):
    deck, _, data = built[name]
    prs = reopen(data)
    slides = list(prs.slides)
    assert title_of(slides[0]) == xml_keeps(deck.title)
    rest = slides[1:]
    for spec in deck.slides:
        # A long note continues on "Title (2)", "Title (3)" …; together they hold the whole note.
        group = [rest.pop(0)]
        while rest and title_of(rest[0]) == xml_keeps(f"{spec.title} ({len(group) + 1})"):
            group.append(rest.pop(0))
        assert title_of(group[0]) == xml_keeps(spec.title), "every slide has its title"
        assert all(slide.has_notes_slide for slide in group)
        notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in group)
        assert notes.split() == xml_keeps(spec.note.text.replace("\x0b", " ")).split()
        assert [len(pictures(slide)) for slide in group] == [1 if deck.picture(spec) else 0] * len(group)
    assert not rest  # the template's sample slides are gone


@pytest.mark.parametrize("name", NAMES)
def test_pictures_are_the_processed_bytes_fitted_not_cropped(built, name):
    deck, _, data = built[name]
    prs = reopen(data)
    for slide, spec in zip(list(prs.slides)[1:], deck.slides):
        pic = deck.picture(spec)
        if pic is None:
            continue
        (shape,) = pictures(slide)
        assert shape.image.blob == pic.data
        assert (shape.crop_left, shape.crop_top, shape.crop_right, shape.crop_bottom) == (0, 0, 0, 0)
        # aspect kept to within one EMU of rounding on the shorter side
        assert abs(shape.width * pic.height - shape.height * pic.width) <= max(pic.width, pic.height)
        assert 0 <= shape.left and shape.left + shape.width <= prs.slide_width
        assert 0 <= shape.top and shape.top + shape.height <= prs.slide_height
        descr = shape._element.nvPicPr.cNvPr.get("descr")
        assert descr and "." not in descr.split()[-1][-5:-3] and "IMG_" not in descr


@pytest.mark.parametrize("name", NAMES)
def test_keynote_structure(built, name):
    _, _, data = built[name]
    prs = reopen(data)
    assert notes_master_listed(prs)
    sld_sz = prs.part._element.sldSz
    if geo.is_widescreen(prs.slide_width, prs.slide_height):
        assert sld_sz.get("type") is None
    else:
        assert sld_sz.get("type") in (None, "screen4x3")
    assert b"notesMaster" in zipfile.ZipFile(io.BytesIO(data)).read("ppt/_rels/presentation.xml.rels")


def test_notes_keep_paragraphs_emphasis_code_links_and_breaks(built):
    _, _, data = built["default"]
    slide = list(reopen(data).slides)[1]
    paras = slide.notes_slide.notes_text_frame.paragraphs
    assert len(paras) == 3
    runs = {r.text: r for r in paras[0].runs}
    assert runs["matters"].font.bold and runs["tolerance"].font.italic
    assert runs["the post"].hyperlink.address == "https://example.com/a?b=1&c=2"
    assert runs["relative"].hyperlink.address == "https://example.com/blog/other.html"
    assert {r.text: r for r in paras[1].runs}["code()"].font.name == "Courier New"
    assert paras[1]._p.findall("{http://schemas.openxmlformats.org/drawingml/2006/main}br")
    assert paras[2].runs[0].hyperlink.address is None  # javascript: is never a link


def test_title_slide_has_author_readable_date_and_intro_notes(built):
    deck, _, data = built["corporate"]
    first = list(reopen(data).slides)[0]
    texts = [s.text_frame.text for s in first.shapes if s.has_text_frame]
    assert texts == ["A test deck", "Matt Ridings\n7 March 2009"]
    assert first.notes_slide.notes_text_frame.text.startswith("Intro before the first note.")


def test_alt_text_from_post_else_first_sentence_never_a_file_name(built):
    deck, _, data = built["default"]
    alts = [pictures(s)[0]._element.nvPicPr.cNvPr.get("descr") for s in list(reopen(data).slides)[1:4]]
    assert alts == ["Sketch number 1", "Note 2 first sentence.", "Note 3 first sentence."]
    assert alt_text(deck.slides[3]) == "A text slide: no picture, so this note is on the slide."


def test_text_slide_puts_note_on_the_body_at_a_readable_size(built):
    _, _, data = built["default"]
    body = [s for s in list(reopen(data).slides)[4].shapes if s.has_text_frame][1]
    assert body.text_frame.text.startswith("A text slide: no picture")
    sizes = {r.font.size.pt for p in body.text_frame.paragraphs for r in p.runs}
    assert sizes == {28}
    _, _, long_data = built["long-text"]
    long_body = [s for s in list(reopen(long_data).slides)[1].shapes if s.has_text_frame][1]
    long_sizes = {r.font.size.pt for p in long_body.text_frame.paragraphs for r in p.runs}
    assert len(long_sizes) == 1 and 12 <= long_sizes.pop() < 28


def test_document_properties_come_from_the_post_not_the_clock(built):
    prs = reopen(built["default"][2])
    props = prs.core_properties
    assert (props.title, props.author, props.revision) == ("A test deck", "Matt Ridings", 1)
    assert props.subject == "Intro before the first note."
    assert props.created.isoformat() == props.modified.isoformat() == "2009-03-07T00:00:00"
    undated = reopen(built["odd-pictures"][2]).core_properties  # no post date: SOURCE_DATE_EPOCH
    assert undated.created.isoformat() == "2009-02-13T23:31:30"


def test_no_date_and_no_epoch_leaves_no_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = render(make_deck(1), BuildOptions())["a-test-deck.pptx"].getvalue()
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")
    assert b"created" not in core and b"modified" not in core


def test_same_input_gives_identical_bytes_with_fixed_zip_entries(built, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    for name in ("default", "corporate-potx"):
        deck, options, data = built[name]
        again = render(deck, options)[f"{deck.slug}.pptx"].getvalue()
        assert hashlib.sha256(again).hexdigest() == hashlib.sha256(data).hexdigest()
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    jpegs = [i for i in infos if i.filename.endswith(".jpg")]
    assert jpegs and all(i.compress_type == zipfile.ZIP_STORED for i in jpegs)
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos if i.filename.endswith(".xml"))


def test_hostile_strings_arrive_cleaned_and_as_text(built):
    _, _, data = built["hostile"]
    prs = reopen(data)
    assert prs.core_properties.title.startswith("Title Ctl")
    everything = b"".join(xml_parts(data).values()).decode("utf-8")
    for bad in ("\x01", "\x1f", "\ufffe", "\uffff", "<script>", "_x0001_"):
        assert bad not in everything
    slide = list(prs.slides)[1]
    assert "<script>alert(1)</script>" in slide.shapes.title.text_frame.text
    assert "Alt Ctl" in pictures(slide)[0]._element.nvPicPr.cNvPr.get("descr")


def test_odd_aspects_fit_inside_the_picture_box(built):
    prs = reopen(built["odd-pictures"][2])
    boxes = [(p.left, p.top, p.width, p.height) for s in list(prs.slides)[1:] for p in pictures(s)]
    wide, tall, square = boxes
    assert wide[2] >= 39 * wide[3] and tall[3] >= 30 * tall[2] and square[2] == square[3]


def test_picture_layout_without_placeholder_goes_below_the_title(built):
    prs = reopen(built["corporate-named-layouts"][2])
    slide = list(prs.slides)[1]
    assert slide.slide_layout.name == "Heading Only"
    pic = pictures(slide)[0]
    assert pic.top >= slide.shapes.title.top + slide.shapes.title.height
    first = list(prs.slides)[0]
    assert first.slide_layout.name == "Heading Only"  # no subtitle placeholder: author and date in a box
    assert [s.text_frame.text for s in first.shapes] == ["A test deck", "Matt Ridings\n7 March 2009"]


def test_blank_layout_gets_a_title_box(built):
    prs = reopen(built["blank-only"][2])
    for slide in prs.slides:
        assert slide.slide_layout.name == "Blank"
        assert slide.shapes[0].name == "Title" and slide.shapes[0].text_frame.text


def test_four_three_template_keeps_its_size_and_type(built):
    prs = reopen(built["four-three"][2])
    assert (prs.slide_width, prs.slide_height) == geo.STANDARD
    assert prs.part._element.sldSz.get("type") == "screen4x3"
    assert list(prs.slides)[1].slide_layout.name == "Picture with Caption"


def test_title_slide_date_is_the_shared_long_date():
    from slidegen.dates import long_date
    from slidegen.writers.pptx import slides

    assert slides.long_date is long_date
