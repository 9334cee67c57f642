"""`slidegen build` end to end: the sample deck, the contract's error cases, nothing half-written."""

import os

import pytest
from pptx import Presentation

from cli_run import ROOT, assert_one_line_error, cli, slidegen
from toolkit import image_bytes, make_deck_dir

SAMPLE = ROOT / "decks" / "social-media-society"


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    # With the run's own cache (see conftest): other tests have usually processed the sample's photos
    # already. A cold build of the sample is make demo's, which the new-user test runs.
    run = cli("build", SAMPLE, "-o", out)
    assert run.returncode == 0, run.stderr
    return out, run


def test_sample_deck_builds_all_three_outputs(sample_build):
    out, run = sample_build
    names = sorted(os.listdir(out))
    assert names == [
        "social-media-society-snippets.html",
        "social-media-society-snippets.notes.md",
        "social-media-society-snippets.pptx",
    ]
    assert f"wrote {out / 'social-media-society-snippets.pptx'}" in run.stdout


def test_sample_pptx_has_title_slide_nine_pictures_and_notes(sample_build):
    out, _ = sample_build
    prs = Presentation(out / "social-media-society-snippets.pptx")
    slides = list(prs.slides)
    assert len(slides) == 10
    pictures = [
        s
        for s in slides[1:]
        if any(sh.shape_type == 13 or sh.is_placeholder and hasattr(sh, "image") for sh in s.shapes)
    ]
    assert len(pictures) == 9
    notes = slides[1].notes_slide.notes_text_frame.text
    assert notes.startswith("This was demonstrating how much of an asshole")


def test_notes_file_has_every_slide(sample_build):
    out, _ = sample_build
    text = (out / "social-media-society-snippets.notes.md").read_text()
    assert [line for line in text.splitlines() if line.startswith("## ")][-1] == "## Slide 9: Be there, or don't"


def test_formats_flag_limits_outputs(tmp_path):
    post = make_deck_dir(tmp_path / "d", {"post.md": "# T\n\nSlide 1: one\n"})
    run = cli("build", post, "-o", tmp_path / "out", "-f", "notes,txt")
    assert run.returncode == 0, run.stderr
    assert sorted(os.listdir(tmp_path / "out")) == ["t.notes.md", "t.notes.txt"]


def test_duplicate_number_fails_with_file_and_line_and_writes_nothing(tmp_path):
    post = make_deck_dir(tmp_path, {"post.md": "# T\n\nSlide 1: a\n\nSlide 1: b\n"})
    run = slidegen("build", post / "post.md", "-o", tmp_path / "out")
    assert_one_line_error(run, f"{post / 'post.md'}:5", "duplicate Slide 1 (first at line 3)")
    assert not (tmp_path / "out").exists() or not os.listdir(tmp_path / "out")


def test_post_without_notes_fails(tmp_path):
    make_deck_dir(tmp_path, {"post.md": "# T\n\nJust prose.\n"})
    run = slidegen("build", "post.md", "-o", "out", cwd=tmp_path)
    assert_one_line_error(run, "post.md:1", "no slide notes found")
    assert not (tmp_path / "out").exists() or not os.listdir(tmp_path / "out")


def test_missing_picture_fails_naming_reference_and_line(tmp_path):
    make_deck_dir(tmp_path, {"post.md": "# T\n\nSlide 1: a\n\n![x](gone.jpg)\n", "slide-9.png": image_bytes()})
    run = slidegen("build", "post.md", "-o", "out", cwd=tmp_path)
    assert_one_line_error(run, "post.md:5", "gone.jpg")
    assert not (tmp_path / "out").exists() or not os.listdir(tmp_path / "out")


def test_unknown_format_and_unknown_flag_are_usage_errors(tmp_path):
    run = cli("build", "x.md", "-f", "pptx,keynote")
    assert run.returncode == 2 and "unknown format keynote" in run.stderr and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1, run.stderr  # the one line that matters, no page of usage
    run = cli("build", "x.md", "--colour")
    assert run.returncode == 2 and "unrecognized arguments: --colour" in run.stderr
    assert "'slidegen build --help' lists the options" in run.stderr


def test_a_mistyped_option_or_command_gets_a_suggestion(tmp_path):
    run = cli("build", "x.md", "--ouput", "out", cwd=tmp_path)
    assert run.returncode == 2 and run.stderr == (
        "slidegen build: error: unrecognized arguments: --ouput out (did you mean --output?)\n"
    )
    run = cli("inspect", "x.md", "--jsno", cwd=tmp_path)
    assert run.returncode == 2 and "did you mean --json?" in run.stderr
    run = cli("biuld", "x.md", cwd=tmp_path)
    assert run.returncode == 2 and run.stderr == "slidegen: error: unknown command 'biuld'; did you mean build?\n"
    run = cli("build", "x.md", "--output", "out", "-f", "notes", cwd=tmp_path)
    assert run.returncode == 1 and "x.md" in run.stderr  # --output is a real spelling of -o


def test_strict_turns_warnings_into_exit_1(tmp_path):
    make_deck_dir(tmp_path, {"post.md": "# T\n\nSlide 1: a\n\nSlide 3: c\n"})
    lenient = cli("build", "post.md", "-o", "out", "-f", "notes", cwd=tmp_path)
    assert lenient.returncode == 0 and "post.md:5: warning: Slide 2 missing" in lenient.stderr
    strict = cli("build", "post.md", "-o", "out", "-f", "notes", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and "--strict" in strict.stderr


def test_unreadable_source_is_one_line(tmp_path):
    assert_one_line_error(slidegen("build", "nope.md", cwd=tmp_path), "nope.md", "no such file")
    (tmp_path / "x.docx").write_bytes(b"PK")
    assert_one_line_error(slidegen("build", "x.docx", cwd=tmp_path), "x.docx", "cannot read .docx")


def test_two_posts_with_the_same_title_get_distinct_slugs(tmp_path):
    make_deck_dir(tmp_path, {"a/post.md": "# Same\n\nSlide 1: a\n", "b/post.md": "# Same\n\nSlide 1: b\n"})
    run = cli("build", "a", "b", "-o", "out", "-f", "notes", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert sorted(os.listdir(tmp_path / "out")) == ["index.html", "same-2.notes.md", "same.notes.md"]


def test_unknown_layout_name_is_a_usage_error_listing_the_layouts(tmp_path):
    make_deck_dir(tmp_path, {"post.md": "# T\n\nSlide 1: a\n"})
    template = ROOT / "assets" / "templates" / "corporate.pptx"
    run = cli("build", "post.md", "-o", "out", "--template", template, "--slide-layout", "Nope", cwd=tmp_path)
    assert run.returncode == 2 and "Nope" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_every_command_applies_the_one_strict_rule(tmp_path):
    import slidegen.commands.inspect as inspect_command
    import slidegen.commands.notes as notes_command
    import slidegen.pipeline as pipeline

    assert inspect_command.check_strict is notes_command.check_strict is pipeline.check_strict
    make_deck_dir(tmp_path, {"post.md": "# T\n\nSlide 1: a\n\nSlide 3: c\n"})
    for argv in (("inspect", "post.md", "--strict"), ("notes", "post.md", "--strict")):
        run = cli(*argv, cwd=tmp_path)
        assert run.returncode == 1 and "error: 1 warning(s) and --strict is set" in run.stderr, argv
        assert "Traceback" not in run.stderr


def test_the_last_lines_say_how_to_present_and_where_the_deck_is(tmp_path):
    make_deck_dir(tmp_path, {"post.md": "# My talk\n\nSlide 1: a\n"})
    run = cli("build", "post.md", "-o", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip("\n").splitlines()[-3:] == [
        "Present: open out/my-talk.html in a browser, then F for full screen, S for the speaker view "
        "(? lists every key).",
        "PowerPoint deck: out/my-talk.pptx",
        "Speaker notes: out/my-talk.notes.md",
    ]
    assert '<iframe src="my-talk.html' in run.stdout  # the snippet may ask for a theme (?theme=light)
    only_pptx = cli("build", "post.md", "-o", "out", "-f", "pptx", cwd=tmp_path)
    assert only_pptx.stdout.rstrip("\n").splitlines()[-1] == "PowerPoint deck: out/my-talk.pptx"
    assert "iframe" not in only_pptx.stdout and "Present" not in only_pptx.stdout
    quiet = cli("build", "post.md", "-o", "out", "-q", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
