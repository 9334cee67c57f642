"""A slide whose only picture is its own background: that picture is the slide's, with its original bytes.

A layout's or master's background is the template's look and stays out; a slide's background
under a large photo stays out too. Broken references are one warning each, or, when the package
itself is broken, one error line with nothing written.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from cli_run import assert_one_line_error, cli, slidegen
from pptxsources import KNEECAP, background_deck, rewrite
from slidegen.diagnostics import Report
from slidegen.readers.pptx import plan_deck
from slidegen.readers.pptxdeck import read_deck

SLIDE1 = "ppt/slides/slide1.xml"


@pytest.fixture(scope="module")
def photo(tmp_path_factory) -> bytes:
    """A second real picture: part of the kneecap photo as PNG, so the two are told apart by bytes."""
    path = tmp_path_factory.mktemp("bg") / "crop.png"
    with Image.open(KNEECAP) as im:
        im.crop((0, 0, 400, 300)).save(path)
    return path


@pytest.fixture(scope="module")
def deck(tmp_path_factory, photo):
    return background_deck(tmp_path_factory.mktemp("bg-deck") / "backgrounds.pptx", photo)


def test_own_background_is_the_picture_of_a_slide_with_no_other(deck, photo):
    slides = read_deck(deck, "backgrounds.pptx").slides
    assert slides[0].picture.data == KNEECAP.read_bytes() and slides[0].picture.ext == "jpg"
    assert slides[0].picture.part.startswith("ppt/media/") and slides[0].other == []
    # a logo is too small to be the slide's picture; the background is, and the logo is named as lost
    assert slides[1].picture.data == KNEECAP.read_bytes() and slides[1].other == ["picture"]
    # a large photo is the picture; the background behind it is only the slide's look
    assert slides[2].picture.data == photo.read_bytes() and slides[2].other == []
    # the layout's background is the template's look, not this slide's picture
    assert slides[3].picture is None and slides[3].problems == []


def test_unpack_extracts_the_background_with_its_original_bytes(deck, tmp_path):
    run = cli("unpack", deck, "-o", tmp_path / "u")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "u" / "slide-1.jpg").read_bytes() == KNEECAP.read_bytes()
    assert "Slide 1: The whole board, as a background.\n\n![](slide-1.jpg)" in (tmp_path / "u" / "post.md").read_text()
    build = cli("build", tmp_path / "u", "-o", tmp_path / "b", "-f", "pptx", "--no-cache")
    assert build.returncode == 0, build.stderr
    again = read_deck(next((tmp_path / "b").glob("*.pptx")), "again")
    assert [s.title for s in again.slides[1:]] == ["The board", "With a logo", "Photo on top", "Part two"]
    shown = Image.open(io.BytesIO(again.slides[1].picture.data))  # after the title slide slidegen adds
    with Image.open(KNEECAP) as original:
        assert shown.size == original.size


def _broken(tmp_path, deck, change_slide=None, change_rels=None, name="broken.pptx"):
    def change(part: str, data: bytes) -> bytes:
        if part == SLIDE1 and change_slide:
            return change_slide(data)
        if part == "ppt/slides/_rels/slide1.xml.rels" and change_rels:
            return change_rels(data)
        return data

    return rewrite(deck, tmp_path / name, change=change)


def _embed(data: bytes) -> bytes:
    start = data.index(b'r:embed="') + len(b'r:embed="')
    return data[start : data.index(b'"', start)]


@pytest.mark.parametrize(
    "case, change_slide, warning",
    [
        (
            "no such relationship",
            lambda d: d.replace(_embed(d), b"rId99"),
            "slide 1: its background picture refers to relationship rId99, which the slide does not have; left out",
        ),
        (
            "linked, not embedded",
            lambda d: d.replace(b"r:embed=", b"r:link="),
            "slide 1: its background picture is linked from outside the deck, which slidegen never fetches; left out",
        ),
        (
            "points at the layout",
            lambda d: d.replace(_embed(d), b"rId1"),
            "slide 1: its background picture points at ppt/slideLayouts/slideLayout6.xml, which is not a picture",
        ),
    ],
)
def test_a_broken_background_is_one_warning_and_a_text_slide(deck, tmp_path, case, change_slide, warning):
    broken = _broken(tmp_path, deck, change_slide=change_slide)
    report = Report(stream=None)
    plan = plan_deck(read_deck(broken, "broken.pptx"), report)
    assert plan.slides[0].picture is None
    assert [w.message for w in report.warnings if w.message.startswith("slide 1:")] == [
        warning if warning.endswith("left out") else warning + "; left out"
    ]
    run = cli("build", broken, "-o", tmp_path / "out", "-f", "html", "--no-cache")
    assert run.returncode == 0, run.stderr
    assert f"{broken}: warning: {warning}" in run.stderr


def test_background_bytes_that_are_not_an_image_are_a_warning(deck, tmp_path):
    def garbage(part: str, data: bytes) -> bytes:
        return b"not a picture at all" if part.startswith("ppt/media/") and part.endswith(".jpg") else data

    broken = rewrite(deck, tmp_path / "garbage.pptx", change=garbage)
    report = Report(stream=None)
    plan_deck(read_deck(broken, "garbage.pptx"), report)
    assert any(
        w.message.startswith("slide 1: its background picture ppt/media/")
        and "is not an image slidegen can read; left out" in w.message
        for w in report.warnings
    )


def test_a_background_relationship_to_a_missing_part_is_one_error_line(deck, tmp_path):
    broken = _broken(tmp_path, deck, change_rels=lambda d: d.replace(b"../media/image1.jpg", b"../media/gone.jpg"))
    for argv in (("build", broken, "-o", tmp_path / "out", "--no-cache"), ("unpack", broken, "-o", tmp_path / "u")):
        run = slidegen(*argv)
        assert_one_line_error(run, str(broken), "broken relationship")
        assert not (tmp_path / "out").exists() and not (tmp_path / "u").exists()
