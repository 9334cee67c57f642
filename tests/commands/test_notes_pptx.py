"""`slidegen notes DECK.pptx`, `inspect` and `build` on a deck, and a .pptx beside a post left alone."""

from __future__ import annotations

import pytest

from cli_run import assert_one_line_error, cli, slidegen
from pptxsources import KNEECAP, PANDOC, rich_deck
from toolkit import make_deck_dir


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    return rich_deck(tmp_path_factory.mktemp("rich") / "review.pptx")


def test_markdown_notes_of_every_slide_in_deck_order(rich):
    run = cli("notes", rich)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith("# Quarterly review\n\n*Ann Example*\n\n## Slide 1: Quarterly review\n\nWelcome everyone.\n")
    assert (
        "## Slide 2: Where we stand\n\nStart with the good news.\n\n- Revenue\n    - Europe first\n\n"
        "1. Thank the team\n2. Take questions\n\n"
        "Say it **loudly** and *slowly*, run `make report`, see [the wiki](https://example.org/wiki).\n"
    ) in out
    assert "## Slide 4: Backup slide *(hidden)*\n\nOnly if asked.\n" in out
    assert "## Slide 6: The numbers\n\n*(no notes)*\n" in out
    assert out.count("## Slide ") == 8


def test_plain_text_notes(rich):
    out = cli("notes", rich, "--format", "txt").stdout
    assert (
        "Slide 2: Where we stand\n-----------------------\n\nStart with the good news.\n\n\u2022 Revenue\n"
        "  \u2022 Europe first\n1. Thank the team\n2. Take questions\n\n" in out
    )
    assert "Slide 4: Backup slide [hidden]" in out and "(no notes)" in out
    assert "see the wiki. <https://example.org/wiki>" in out


def test_pandoc_notes_keep_emphasis():
    out = cli("notes", PANDOC["speaker-notes"]).stdout
    assert "## Slide 1: Here is a slide.\n\nHere is a note.\n\nHere is *some* **other** formatting.\n" in out
    assert "## Slide 2: A page with no speaker notes\n\n*(no notes)*" in out


def test_inspect_lists_the_deck_slides(rich):
    run = cli("inspect", rich, "--json")
    assert run.returncode == 0, run.stderr
    import json

    deck = json.loads(run.stdout)["decks"][0]
    assert deck["title"] == "Quarterly review" and len(deck["slides"]) == 6
    assert deck["slides"][1]["image"] == "data: URI"


def test_build_a_deck_into_html_and_notes(rich, tmp_path):
    run = cli("build", rich, "-o", tmp_path, "-f", "html,notes,pptx", "--no-cache")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "quarterly-review.html",
        "quarterly-review.notes.md",
        "quarterly-review.pptx",
    ]
    notes = (tmp_path / "quarterly-review.notes.md").read_text()
    assert "## Slide 1: Where we stand" in notes
    assert "- Revenue\n    - Europe first\n1. Thank the team\n2. Take questions\n" in notes
    assert (
        "<ul><li>Revenue<ul><li>Europe first</li></ul></li></ul><ol><li>Thank the team"
        in (tmp_path / "quarterly-review.html").read_text()
    )
    from pptx import Presentation

    prs = Presentation(tmp_path / "quarterly-review.pptx")
    assert len(prs.slides) == 7 and prs.slide_width == 9144000 and prs.slide_height == 6858000  # the deck's 4:3
    assert run.stderr.count("warning:") == 6


def test_strict_turns_the_warnings_into_failure(rich, tmp_path):
    run = cli("build", rich, "-o", tmp_path / "out", "-f", "html", "--strict", "--no-cache")
    assert run.returncode == 1 and "--strict is set" in run.stderr


def test_a_pptx_beside_a_post_is_its_template_not_a_second_post(tmp_path):
    folder = make_deck_dir(
        tmp_path / "talk",
        {
            "post.md": "# Talk\n\nSlide 1: Hello.\n",
            "brand.pptx": PANDOC["talk"].read_bytes(),
            "slide-1.jpg": KNEECAP.read_bytes(),
        },
    )
    run = cli("inspect", folder)
    assert run.returncode == 0, run.stderr
    assert "Talk" in run.stdout and "1 slide(s)" in run.stdout


def test_notes_of_a_missing_deck(tmp_path):
    assert_one_line_error(slidegen("notes", tmp_path / "gone.pptx"), str(tmp_path / "gone.pptx"), "no such file")


@pytest.mark.parametrize("name", sorted(PANDOC))
@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_notes_of_every_real_pandoc_deck(name, fmt):
    """Every slide of each committed pandoc deck, in order, with its notes or a no-notes line."""
    from pptx import Presentation

    run = cli("notes", PANDOC[name], "--format", fmt)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    slides = Presentation(str(PANDOC[name])).slides
    no_notes = "*(no notes)*" if fmt == "md" else "(no notes)"
    heading = "## Slide {}: " if fmt == "md" else "Slide {}: "
    for n, slide in enumerate(slides, start=1):
        assert heading.format(n) in run.stdout
    silent = sum(1 for s in slides if not (s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip()))
    assert run.stdout.count(no_notes) == silent
    assert heading.format(len(slides) + 1) not in run.stdout


def test_pandoc_talk_notes_keep_the_numbered_list_and_the_indent(tmp_path):
    md = cli("notes", PANDOC["talk"]).stdout
    assert (
        "## Slide 2: The red kneecap\n\nOpen with the sketch.\n\nWhy the knee bends\n\n\u2003and why it hurts\n\n"
        "What the red means\n\n1. First step\n2. Second step\n\n"
    ) in md
    assert "## Slide 4: A slide without notes\n\n*(no notes)*\n" in md
    txt = cli("notes", PANDOC["talk"], "--format", "txt").stdout
    assert "Why the knee bends\n\n  and why it hurts\n\nWhat the red means\n\n1. First step\n2. Second step\n" in txt


def test_a_hidden_slide_in_a_real_deck_is_marked_and_left_out_of_a_build(tmp_path):
    from pptxsources import rewrite

    def hide_third(name: str, data: bytes) -> bytes:
        if name == "ppt/slides/slide3.xml":
            return data.replace(b"<p:sld ", b'<p:sld show="0" ', 1)
        return data

    deck = rewrite(PANDOC["talk"], tmp_path / "talk.pptx", change=hide_third)
    md = cli("notes", deck).stdout
    assert "## Slide 3: A slide of bullets only *(hidden)*\n\n*(no notes)*\n" in md
    assert "Slide 3: A slide of bullets only [hidden]\n" in cli("notes", deck, "--format", "txt").stdout
    build = cli("build", deck, "-o", tmp_path / "out", "-f", "notes", "--no-cache")
    assert build.returncode == 0, build.stderr
    assert f"{deck}: warning: slide 3 (A slide of bullets only) is hidden in the deck; left out" in build.stderr
    built = next((tmp_path / "out").glob("*.notes.md")).read_text()
    assert "bullets only" not in built and "A slide without notes" in built


@pytest.mark.parametrize("template", ["default", "corporate"])
def test_notes_of_our_own_outputs(sample_pptx, template):
    deck = sample_pptx(template)
    run = cli("notes", deck, "--format", "txt")
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert run.stdout.count("\nSlide ") == 10 and "(no notes)" not in run.stdout.split("Slide 2:")[1]
