"""The sample templates ship in the package: named on the command line, equal to their sources."""

from pathlib import Path

from cli_run import ROOT, cli
from slidegen.templates import find, shipped
from toolkit import make_deck_dir


def test_the_shipped_corporate_template_is_the_one_in_assets():
    assert shipped() == ["corporate"]
    assert find(Path("corporate")).read_bytes() == (ROOT / "assets" / "templates" / "corporate.pptx").read_bytes()


def test_a_file_of_that_name_or_a_path_is_taken_as_written(tmp_path):
    assert find(Path("corporate.pptx")) == Path("corporate.pptx")
    assert find(Path("brand/corporate")) == Path("brand/corporate")
    assert find(Path("no-such-sample")) == Path("no-such-sample")  # then the usual "not found" error


def test_template_corporate_builds_with_the_sample_from_any_folder(tmp_path):
    from pptx import Presentation

    make_deck_dir(tmp_path, {"post.md": "# T\n\nSlide 1: a\n"})
    run = cli("build", "post.md", "-o", "out", "-f", "pptx", "--template", "corporate", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    layouts = {lay.name for lay in Presentation(tmp_path / "out" / "t.pptx").slide_layouts}
    assert "Cover" in layouts  # the corporate template's own layout names
    assert "--template" in cli("build", "--help").stdout and "'corporate'" in cli("build", "--help").stdout
