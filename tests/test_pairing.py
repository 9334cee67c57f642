"""Pairing pictures with notes: explicit first, then numbered files, then the post's order."""

from pathlib import Path

from cli_run import slidegen
from slidegen.diagnostics import Report
from slidegen.model import Deck, ImageRef, Post, Slide, SourcePos
from slidegen.pairing import assign_images
from toolkit import image_bytes, make_deck_dir, note

SRC = SourcePos("post.md", 1)


def deck_of(n, own=None):
    deck = Deck("T", SRC, Path("."))
    for i in range(1, n + 1):
        s = Slide(i, f"t{i}", note("n"), SRC)
        if own and i in own:
            s.image = ImageRef(own[i], SRC)
        deck.slides.append(s)
    return deck


def run(deck, meta=None, files=(), loose=()):
    post = Post(SRC, Path("."), [], meta=meta or {}, folder_images=list(files))
    report = Report(stream=None)
    assign_images(deck, post, [ImageRef(r, SRC) for r in loose], report)
    return [s.image.ref if s.image else None for s in deck.slides], report


def test_numbered_files_match_by_number_in_natural_order():
    refs, report = run(deck_of(3), files=["slide-10.jpg", "slide-2.jpg", "Slide_1.PNG", "03.jpg", "cover.jpg"])
    assert refs == ["Slide_1.PNG", "slide-2.jpg", "03.jpg"]
    assert "slide-10.jpg" in str(report.warnings[0])


def test_explicit_links_win_over_files_and_order():
    refs, _ = run(deck_of(2, own={1: "mine.png"}), files=["slide-1.jpg", "slide-2.jpg"])
    assert refs == ["mine.png", "slide-2.jpg"]


def test_front_matter_list_and_map():
    assert run(deck_of(2), meta={"images": ["a.jpg", "b.jpg"]})[0] == ["a.jpg", "b.jpg"]
    assert run(deck_of(2), meta={"images": {2: "b.jpg"}}, loose=["x.jpg"])[0] == ["x.jpg", "b.jpg"]
    assert run(deck_of(2), meta={"images": {"2": "b.jpg"}})[0] == [None, "b.jpg"]


def test_post_images_in_order_and_surplus_warned():
    refs, report = run(deck_of(2), loose=["a.jpg", "b.jpg", "c.jpg"])
    assert refs == ["a.jpg", "b.jpg"]
    assert "not used" in str(report.warnings[0]) and "c.jpg" in str(report.warnings[0])


def test_fewer_pictures_than_notes_gives_text_slides_with_a_warning():
    refs, report = run(deck_of(3), loose=["a.jpg"])
    assert refs == ["a.jpg", None, None]
    assert "no picture for Slide 2, 3" in str(report.warnings[0])


def test_the_missing_picture_warning_points_at_the_first_slide_without_one(tmp_path):
    make_deck_dir(tmp_path, {"post.md": "# T\n\nSlide 1: a\n\n![x](a.png)\n\nSlide 2: b\n\n![y](b.png)\n\n"
                                        "Slide 3: c\n\n![z](c.png)\n\nSlide 4: no picture here\n",
                             **{f"{n}.png": image_bytes(fmt="PNG") for n in "abc"}})
    run = slidegen("build", "post.md", "-o", "out", "-f", "notes", cwd=tmp_path)
    assert run.returncode == 0 and "post.md:15: warning: no picture for Slide 4" in run.stderr, run.stderr
