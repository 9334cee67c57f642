"""The default template's design: titles on one line, large pictures, slide numbers, a real
cover, full-bleed pictures, and left-aligned titles in the templates we ship."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from pptxcases import CORPORATE
from slidegen.config import BuildOptions
from slidegen.titles import derive_title, text_width
from slidegen.writers.pptx.deck import render
from slidegen.writers.pptx.furniture import inherited_size
from toolkit import make_deck, note, picture

# Real first sentences (the sample deck's post) that make long automatic titles.
SENTENCES = [
    "This was demonstrating how much of an asshole you are willing to put up with in relation to how much "
    "influence they have.",
    "Had little to do with the sketch other than showing how the numbers can be misleading when you look at them.",
    "Discussion of how independent social media consultants tend to oversimplify what is a very complex problem.",
    "Was a in your face (this was an enterprise audience) reminder that you have to actually be there.",
]


def build(deck, **options) -> Presentation:
    data = render(deck, BuildOptions(use_cache=False, **options))[f"{deck.slug}.pptx"].getvalue()
    return Presentation(io.BytesIO(data))


def long_titled_deck():
    deck = make_deck(len(SENTENCES) + 1)
    for slide, sentence in zip(deck.slides, SENTENCES):
        slide.note = note(sentence)
        slide.title = derive_title(slide.note, slide.number)
    deck.slides[-1].title = "An explicit title from front matter that a speaker made far too long for one line"
    deck.slides[-1].image = None
    return deck


def one_line(shape) -> bool:
    size = max(
        (run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs if run.font.size),
        default=inherited_size(shape),
    )
    return text_width(shape.text_frame.text, size) <= (shape.width - 2 * 91_440) / 12_700


@pytest.mark.parametrize("template", [None, CORPORATE], ids=["default", "corporate"])
def test_every_title_fits_its_placeholder_on_one_line(template):
    prs = build(long_titled_deck(), template=template)
    titles = [s.shapes.title for s in list(prs.slides)[1:]]
    assert all("\u2026" not in t.text_frame.text for t in titles)
    assert [t.text_frame.text for t in titles if not one_line(t)] == []
    if template is None:
        sizes = [inherited_size(t) for t in titles]
        assert sizes == [30.0] * len(titles), "the default's title size, from its master"


@pytest.mark.parametrize(
    "size", [(4000, 3000), (3000, 2000), (1920, 1080), (3000, 4000)], ids=["4:3", "3:2", "16:9", "portrait"]
)
def test_pictures_take_at_least_70_percent_of_the_slide_height(size):
    deck = make_deck(1)
    deck.media[deck.slides[0].image.ref] = picture(*size)
    prs = build(deck)
    (pic,) = [
        s
        for s in prs.slides[1].shapes
        if s.shape_type == 13 or (s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.PICTURE)
    ]
    assert pic.height / prs.slide_height >= 0.70
    assert pic.top >= prs.slides[1].shapes.title.top + prs.slides[1].shapes.title.height, "below the title"


def test_content_slides_are_numbered_and_the_cover_is_not():
    prs = build(make_deck(2))
    numbered = [
        any(s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER for s in slide.shapes)
        for slide in prs.slides
    ]
    assert numbered == [False, True, True]
    assert prs.part._element.get("firstSlideNum") == "0", "the cover is 0, as the slideshow's counter"
    xml = prs.slides[1].shapes[-1]._element.xml
    assert 'type="slidenum"' in xml


def test_default_template_titles_are_left_aligned_bold_and_the_cover_is_designed():
    prs = build(make_deck(1, author="Ann"))
    master = prs.slide_master._element
    assert master.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr/@algn") == ["l"]
    assert master.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr/@b") == ["1"]
    cover = prs.slides[0].slide_layout
    assert {"Accent Band", "Accent Rule"} <= {s.name for s in cover.shapes}
    assert "Accent Bar" in {s.name for s in prs.slides[1].slide_layout.shapes}


def test_corporate_titles_are_left_aligned_like_its_cover():
    prs = build(make_deck(1), template=CORPORATE)
    assert prs.slide_master._element.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr/@algn") == ["l"]


@pytest.mark.parametrize("how", ["option", "front matter"])
def test_full_bleed_puts_the_picture_on_the_whole_slide_under_a_title_strip(how):
    deck = make_deck(2)
    if how == "front matter":
        deck.layout = "full"
    prs = build(deck, **({"picture_layout": "full"} if how == "option" else {}))
    slide = prs.slides[1]
    assert slide.slide_layout.name == "Full Picture"
    shapes = list(slide.shapes)
    pic = next(s for s in shapes if s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.PICTURE)
    assert pic.height == prs.slide_height
    names = [s.name for s in shapes]
    assert names.index("Title Strip") > names.index(pic.name), "the strip is over the picture"
    assert names.index(slide.shapes.title.name) > names.index("Title Strip"), "the title over the strip"
    assert slide.shapes.title.top >= prs.slide_height * 0.8


def test_full_bleed_on_a_template_without_such_a_layout_keeps_its_picture_layout():
    prs = build(make_deck(1), template=CORPORATE, picture_layout="full")
    assert prs.slides[1].slide_layout.name == "Photo Slide"
