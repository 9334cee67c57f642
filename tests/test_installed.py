"""Installed versions read from dist-info folder names agree with importlib.metadata."""

import sys
from importlib import metadata

import pytest

from slidegen.installed import version


@pytest.mark.parametrize("name", ["python-pptx", "numpy", "Pillow", "PyYAML", "opencv-python-headless"])
def test_the_version_is_the_one_importlib_metadata_gives(name):
    assert version(name) == metadata.version(name)


def test_a_distribution_not_installed_has_no_version():
    assert version("no-such-distribution-here") is None


def test_the_first_folder_on_the_path_wins_and_two_versions_in_one_folder_are_asked_of_metadata(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "demo_pkg-2.0.dist-info").mkdir(parents=True)
    (second / "demo_pkg-1.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(first), str(second)])
    assert version("demo-pkg") == "2.0"
    (first / "demo_pkg-3.0.dist-info").mkdir()
    monkeypatch.setattr(metadata, "version", lambda name: "from metadata")
    assert version("demo-pkg") == "from metadata"


def test_a_distribution_nowhere_on_the_path_is_answered_without_importlib_metadata():
    import subprocess

    code = (
        "import sys; from slidegen.installed import version; "
        "print(version('no-such-distribution-here'), version('python-pptx'), 'importlib.metadata' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["None", metadata.version("python-pptx"), "False"]
