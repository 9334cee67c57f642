"""`slidegen unpack` and the round trip: a deck → a post and its pictures → the same deck again."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from cli_run import assert_one_line_error, cli, slidegen
from pptxsources import KNEECAP, PANDOC, rich_deck
from slidegen.readers.pptxdeck import read_deck


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory, sample_pptx):
    """Our sample deck built, unpacked and built again."""
    root = tmp_path_factory.mktemp("roundtrip")
    (root / "first").mkdir()
    original = Path(shutil.copy(sample_pptx(), root / "first"))  # beside the unpacked post, as a user has it
    unpack = cli("unpack", original, "-o", root / "unpacked")
    assert unpack.returncode == 0, unpack.stderr
    build = cli("build", root / "unpacked", "-o", root / "again", "--no-cache")
    assert build.returncode == 0, build.stderr
    again = next((root / "again").glob("*.pptx"))
    return original, root / "unpacked", again, unpack, build


def test_round_trip_keeps_slides_titles_and_notes(round_trip):
    original, _, again, unpack, build = round_trip
    first, second = read_deck(original, "first"), read_deck(again, "again")
    assert len(first.slides) == len(second.slides) == 10
    assert [s.title for s in first.slides] == [s.title for s in second.slides]
    assert [[(p.text, p.level, p.bullet) for p in s.notes] for s in first.slides] == [
        [(p.text, p.level, p.bullet) for p in s.notes] for s in second.slides
    ]
    assert (first.title, first.author) == (second.title, second.author)
    assert "warning" not in unpack.stderr + build.stderr


def test_round_trip_extracts_the_original_picture_bytes(round_trip):
    original, unpacked, again, _, _ = round_trip
    first, second = read_deck(original, "first"), read_deck(again, "again")
    for n, slide in enumerate(first.slides[1:], start=1):
        assert (unpacked / f"slide-{n}.{slide.picture.ext}").read_bytes() == slide.picture.data
    # slidegen re-encodes every picture it embeds, so the rebuilt deck holds the same picture, not the same file
    for a, b in zip(first.slides[1:], second.slides[1:]):
        one, two = Image.open(io.BytesIO(a.picture.data)), Image.open(io.BytesIO(b.picture.data))
        assert one.size == two.size
        diff = ImageStat.Stat(ImageChops.difference(one.convert("L"), two.convert("L"))).mean[0]
        assert diff < 3, diff


def test_unpacked_post_points_at_the_deck_as_template(round_trip):
    original, unpacked, _, unpack, _ = round_trip
    post = (unpacked / "post.md").read_text()
    assert post.startswith("---\ntitle: Social Media Society snippets\nauthor: Matt Ridings\n")
    assert f"template: ../first/{original.name}\n" in post
    assert "  1: Tolerance versus influence\n" in post
    assert "Slide 1: This was demonstrating how much" in post
    assert f"wrote {unpacked / 'post.md'}: 9 slide(s), 9 picture(s)" in unpack.stdout


def test_corporate_template_deck_round_trips_titles(tmp_path, sample_pptx):
    original = sample_pptx("corporate")
    assert cli("unpack", original, "-o", tmp_path / "u").returncode == 0
    run = cli("build", tmp_path / "u", "-o", tmp_path / "b", "-f", "pptx", "--no-cache")
    assert run.returncode == 0, run.stderr
    again = read_deck(next((tmp_path / "b").glob("*.pptx")), "again")
    assert [s.title for s in again.slides] == [s.title for s in read_deck(original, "first").slides]


@pytest.mark.office
def test_render_draws_charts_tables_and_text_slides_with_libreoffice(tmp_path):
    deck = rich_deck(tmp_path / "review.pptx")
    run = cli("unpack", deck, "-o", tmp_path / "u", "--render", "--image-width", "800")
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in (tmp_path / "u").iterdir())
    # slide 1: bullets, 2: the photo (original bytes), 3: chart, 4: table, 5: grouped shapes, 6: title only
    assert names == ["post.md", "slide-1.png", "slide-2.jpg", "slide-3.png", "slide-4.png", "slide-5.png"]
    assert (tmp_path / "u" / "slide-2.jpg").read_bytes() == KNEECAP.read_bytes()
    chart = Image.open(tmp_path / "u" / "slide-3.png").convert("RGB")
    assert chart.size == (800, 600)  # the 4:3 slide at the asked width
    # the hidden slide before the chart is not in LibreOffice's PDF: the chart's page is still found
    r, _, b = (band.point(lambda v, t=t: 255 if v > t else 0) for band, t in zip(chart.split(), (119, 0, 150)))
    blue = ImageStat.Stat(ImageChops.subtract(b, r)).sum[0] / 255
    assert blue > 5000, blue  # the chart's bars
    # its title is not drawn into the picture: slidegen shows the title above it
    assert chart.convert("L").crop((0, 0, 800, 96)).getextrema()[0] > 240
    assert "4 rendered by LibreOffice" in run.stdout


def test_without_render_such_slides_become_text_slides_with_a_warning(tmp_path):
    deck = rich_deck(tmp_path / "review.pptx")
    run = cli("unpack", deck, "-o", tmp_path / "u")
    assert run.returncode == 0
    assert f"{deck}: warning: slide 5 shows chart: a text slide instead; use --render" in run.stderr
    assert sorted(p.name for p in (tmp_path / "u").iterdir()) == ["post.md", "slide-2.jpg"]


def test_pandoc_deck_unpacks_and_builds(tmp_path):
    run = cli("unpack", PANDOC["talk"], "-o", tmp_path / "u")
    assert run.returncode == 0, run.stderr
    post = (tmp_path / "u" / "post.md").read_text()
    assert "- Why the knee bends" not in post  # pandoc gives its notes' list items no bullets
    assert "1. First step\n2. Second step" in post
    assert "![](slide-1.jpg)" in post  # pandoc's alt text is "fig: lalune.jpg": a file name, dropped
    assert (tmp_path / "u" / "slide-1.jpg").read_bytes() == KNEECAP.read_bytes()
    assert f"template: {PANDOC['talk'].resolve()}\n" in post  # far away: named absolutely
    build = cli("build", tmp_path / "u", "-o", tmp_path / "b", "-f", "html,notes", "--no-cache")
    assert build.returncode == 0, build.stderr
    notes = next((tmp_path / "b").glob("*.notes.md")).read_text()
    assert "## Slide 1: The red kneecap" in notes and "Open with the sketch." in notes


def test_unpack_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "u").mkdir()
    (tmp_path / "u" / "post.md").write_text("mine")
    run = slidegen("unpack", PANDOC["talk"], "-o", tmp_path / "u")
    assert_one_line_error(run, str(tmp_path / "u"), "is not an empty folder")
    assert (tmp_path / "u" / "post.md").read_text() == "mine"


def test_unpack_warns_when_a_note_would_not_read_back(tmp_path):
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Ending"
    tf = slide.notes_slide.notes_text_frame
    tf.text = "Wrap up."
    tf.add_paragraph().text = "Thanks!"  # a sign-off ends a note in a post
    tf.add_paragraph().text = "Then the Q&A."
    prs.save(tmp_path / "end.pptx")
    run = cli("unpack", tmp_path / "end.pptx", "-o", tmp_path / "u")
    assert run.returncode == 0
    assert "warning: Slide 1: its notes do not read back exactly from the post" in run.stderr


def _notes_structure(path):
    """Each slide's notes as python-pptx reads them: (text, level, list kind) per non-empty paragraph,
    the kind from the paragraph's own bullet element ("bullet", "number" or "")."""
    from pptx import Presentation

    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    out = []
    for slide in Presentation(str(path)).slides:
        paras = []
        frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        for p in frame.paragraphs if frame is not None else ():
            if not p.text.strip():
                continue
            ppr = p._p.pPr
            kind = ""
            if ppr is not None and ppr.find(f"{a}buAutoNum") is not None:
                kind = "number"
            elif ppr is not None and ppr.find(f"{a}buChar") is not None:
                kind = "bullet"
            paras.append((p.text, p.level, kind))
        out.append(paras)
    return out


def test_list_notes_round_trip_as_real_paragraphs_with_levels_and_kinds(tmp_path):
    """Bullets at levels 0 and 1 and a numbered list: unpacked, rebuilt, and built straight from the deck."""
    deck = rich_deck(tmp_path / "review.pptx")
    assert cli("unpack", deck, "-o", tmp_path / "u").returncode == 0
    post = (tmp_path / "u" / "post.md").read_text()
    assert (
        "Slide 1: Start with the good news.\n\n- Revenue\n    - Europe first\n\n1. Thank the team\n"
        "2. Take questions\n" in post
    )
    original = _notes_structure(deck)
    del original[3]  # the hidden slide is left out of a build
    want = [
        ("Start with the good news.", 0, ""),
        ("Revenue", 0, "bullet"),
        ("Europe first", 1, "bullet"),
        ("Thank the team", 0, "number"),
        ("Take questions", 0, "number"),
    ]
    assert original[1][:5] == want
    for source in (tmp_path / "u", deck):
        out = tmp_path / f"b-{source.name}"
        run = cli("build", source, "-o", out, "-f", "pptx", "--no-cache")
        assert run.returncode == 0, run.stderr
        again = _notes_structure(next(out.glob("*.pptx")))
        assert again == original, source
    # numbered items count 1, 2 in the rebuilt notes pane, not 1, 1
    from pptx import Presentation

    prs = Presentation(str(next((tmp_path / "b-u").glob("*.pptx"))))
    nums = [
        p._p.pPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}buAutoNum").get("startAt")
        for p in prs.slides[1].notes_slide.notes_text_frame.paragraphs
        if p.text in ("Thank the team", "Take questions")
    ]
    assert nums == ["1", "2"]
