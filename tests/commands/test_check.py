"""``slidegen check`` on the command line: lines like the rest of the CLI, JSON, exit codes, our own decks clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import ROOT, assert_one_line_error, cli, slidegen
from slidegen.checks import check_file
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.pipeline import build
from toolkit import image_bytes, make_deck_dir

TEMPLATES = {"default": None, "corporate": ROOT / "assets" / "templates" / "corporate.pptx"}

MIXED_POST = (
    """---
title: Accessible decks from posts
author: A. Speaker
date: 2024-05-01
lang: en-GB
---
# Accessible decks from posts

Slide 1: A picture slide whose picture is described by the post.

![A whiteboard with three boxes](board.png)

Slide 2: A text slide, with no picture at all, and a note long enough to wrap on the slide:
"""
    + " ".join(["the speaker keeps talking about the same thing"] * 40)
    + """

Slide 3: Another picture, this one with a file name for alt text, which slidegen must not pass on.

![IMG_2041.JPG](other.png)

Slide 4: A text slide again.
"""
)


def our_deck(tmp_path: Path, template: Path | None) -> Path:
    """Builds a post with picture and text slides (and the sample deck) as slidegen does; the PPTX files."""
    source = make_deck_dir(
        tmp_path / "post",
        {"post.md": MIXED_POST, "board.png": image_bytes(fmt="PNG"), "other.png": image_bytes(80, 60, fmt="PNG")},
    )
    out = tmp_path / "out"
    # The run's own picture cache (see conftest): the sample's photos are processed once per run, not
    # once per template; a cached picture is the same bytes (tests/test_cache.py).
    options = BuildOptions(out_dir=out, formats=("pptx",), template=template, jobs=1)
    result = build([source, ROOT / "decks" / "social-media-society"], options, Report(stream=None))
    assert not result.failed
    return sorted(out.glob("*.pptx"))


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_deck_we_build_passes_clean(tmp_path, template):
    decks = our_deck(tmp_path, TEMPLATES[template])
    assert len(decks) == 2
    for deck in decks:
        assert [f.line(deck.name) for f in check_file(deck)] == []


def test_findings_print_one_line_each_and_exit_1(tmp_path):
    from checks.test_rules import clean_deck

    prs = clean_deck()
    prs.slides[1].shapes[1]._element.nvPicPr.cNvPr.set("descr", "")
    prs.save(tmp_path / "deck.pptx")
    run = cli("check", "deck.pptx", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stdout == 'deck.pptx: slide 2: error: picture "Picture 2" has no alt text\n'
    assert run.stderr == ""


def test_clean_decks_exit_0(tmp_path):
    from checks.test_rules import clean_deck

    clean_deck().save(tmp_path / "a.pptx")
    clean_deck(3).save(tmp_path / "b.pptx")
    run = cli("check", "a.pptx", "b.pptx", cwd=tmp_path)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "no findings in 2 decks\n")
    assert cli("check", "-q", "a.pptx", cwd=tmp_path).stderr == ""


def test_json_lists_every_deck_with_rule_names(tmp_path):
    from checks.test_rules import clean_deck

    prs = clean_deck()
    prs.slides[0].notes_slide.notes_text_frame.text = ""
    prs.save(tmp_path / "deck.pptx")
    (tmp_path / "broken.pptx").write_bytes(b"not a zip")
    run = cli("check", "--json", "deck.pptx", "broken.pptx", cwd=tmp_path)
    assert run.returncode == 1
    data = json.loads(run.stdout)
    assert set(data["rules"]) >= {"title", "alt-text", "contrast", "notes"}
    assert data["decks"] == [
        {
            "file": "deck.pptx",
            "error": None,
            "findings": [
                {
                    "slide": 1,
                    "severity": "warning",
                    "rule": "notes",
                    "message": "slide has no speaker notes",
                    "shape": "",
                }
            ],
        },
        {"file": "broken.pptx", "error": "not a PowerPoint file (.pptx): it is not a zip package", "findings": []},
    ]


def test_a_bad_file_is_one_line_and_the_others_are_still_checked(tmp_path):
    from checks.test_rules import clean_deck

    clean_deck().save(tmp_path / "good.pptx")
    (tmp_path / "post.pptx").write_text("Slide 1: this is a post, not a deck")
    run = slidegen("check", "post.pptx", "good.pptx", cwd=tmp_path)
    assert_one_line_error(run, "post.pptx", "not a PowerPoint file")
    missing = slidegen("check", "nowhere.pptx", cwd=tmp_path)
    assert_one_line_error(missing, "nowhere.pptx", "no such file")


def test_check_without_decks_is_a_usage_error(tmp_path):
    assert cli("check", cwd=tmp_path).returncode == 2


def test_a_layout_without_title_still_gives_titled_slides_read_title_first(tmp_path):
    source = make_deck_dir(
        tmp_path / "post",
        {"post.md": MIXED_POST, "board.png": image_bytes(fmt="PNG"), "other.png": image_bytes(80, 60, fmt="PNG")},
    )
    options = BuildOptions(out_dir=tmp_path / "out", formats=("pptx",), slide_layout="Blank", use_cache=False, jobs=1)
    assert not build([source], options, Report(stream=None)).failed
    deck = next((tmp_path / "out").glob("*.pptx"))
    assert [f.line(deck.name) for f in check_file(deck)] == []


def test_repeated_titles_are_numbered_so_the_deck_passes(tmp_path):
    post = "# Same start\n\nSlide 1: Same start. One.\n\nSlide 2: Same start. Two.\n\nSlide 3: Same start. Three.\n"
    source = make_deck_dir(tmp_path / "post", {"post.md": post})
    options = BuildOptions(out_dir=tmp_path / "out", formats=("pptx",), use_cache=False, jobs=1)
    assert not build([source], options, Report(stream=None)).failed
    deck = next((tmp_path / "out").glob("*.pptx"))
    assert check_file(deck) == []
    from pptx import Presentation

    assert [s.shapes.title.text for s in Presentation(str(deck)).slides] == [
        "Same start",
        "Same start (2)",
        "Same start (3)",
        "Same start (4)",
    ]
