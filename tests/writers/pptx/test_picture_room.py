"""A template whose layouts leave no room for a picture: the picture still fills the free area, with a warning."""

import io

import pytest
from pptx import Presentation

from cli_run import cli
from pptxcases import rich_deck, title_slide_only_template
from slidegen.config import BuildOptions
from slidegen.writers.pptx.deck import prepared_template, render
from toolkit import image_bytes, make_deck_dir


@pytest.fixture(scope="module")
def one_layout(tmp_path_factory):
    return title_slide_only_template(tmp_path_factory.mktemp("template"))


def test_pictures_on_a_title_slide_only_template_take_the_free_area(one_layout):
    deck = rich_deck()
    data = render(deck, BuildOptions(template=one_layout, use_cache=False))[f"{deck.slug}.pptx"].getvalue()
    prs = Presentation(io.BytesIO(data))
    width, height = prs.slide_width, prs.slide_height
    for slide in list(prs.slides)[1:3]:
        (picture,) = [s for s in slide.shapes if hasattr(s, "image")]
        assert picture.width >= 0.4 * width or picture.height >= 0.4 * height
        title = slide.shapes.title
        assert title.top + title.height <= picture.top  # the title moved up out of the picture's way
        margin = round(width * 0.04)
        assert picture.left >= margin and picture.left + picture.width <= width - margin
        assert picture.top + picture.height <= height - margin


def test_the_template_is_known_to_lack_picture_room_and_ours_is_not(one_layout):
    assert prepared_template(one_layout, BuildOptions(use_cache=False))[1].picture_room is False
    assert prepared_template(None, BuildOptions(use_cache=False))[1].picture_room is True


def test_the_build_warns_once_naming_the_template(tmp_path, one_layout):
    make_deck_dir(
        tmp_path / "deck",
        {
            "post.md": "# T\n\nSlide 1: One.\n\nSlide 2: Two.\n",
            "slide-1.jpg": image_bytes(400, 300),
            "slide-2.jpg": image_bytes(300, 400),
        },
    )
    run = cli("build", tmp_path / "deck", "-o", tmp_path / "out", "-f", "pptx", "--no-cache", "--template", one_layout)
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if "warning:" in line]
    assert warnings == [
        f"{one_layout}: warning: template has no layout with room for a picture; each picture "
        "is placed under the title, as large as it fits (a layout with a picture placeholder, "
        "such as 'Title and Picture', or --slide-layout NAME decides instead)"
    ]
