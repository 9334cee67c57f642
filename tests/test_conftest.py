"""The suite keeps to itself: no file in the user's cache, no folder left in the temporary folder."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_run_writes_nothing_into_the_users_cache_and_leaves_no_temporary_folder(tmp_path):
    users_cache, temp = tmp_path / "users-cache", tmp_path / "tmp"
    users_cache.mkdir()
    temp.mkdir()
    env = dict(
        os.environ, XDG_CACHE_HOME=str(users_cache), SLIDEGEN_CACHE_DIR=str(users_cache / "slidegen"), TMPDIR=str(temp)
    )
    # A real build through the command line, cache on: it renders slides and stores them.
    test = "tests/commands/test_build.py::test_the_last_lines_say_how_to_present_and_where_the_deck_is"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "base"), test],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert list(users_cache.rglob("*")) == []
    assert os.listdir(temp) == []


def test_this_run_has_its_own_cache_folder():
    from slidegen.cache import default_root

    assert Path(os.environ["XDG_CACHE_HOME"]).name.startswith("slidegen-test-cache-")
    assert default_root().is_relative_to(os.environ["XDG_CACHE_HOME"])


def test_with_ci_set_a_marker_expression_that_leaves_a_tier_out_is_refused(tmp_path):
    def run(*args):
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--basetemp",
                str(tmp_path / "base"),
                *args,
                "tests/tools/test_whiteboard.py",
            ],
            cwd=ROOT,
            env=dict(os.environ, CI="true"),
            capture_output=True,
            text=True,
            timeout=300,
        )

    refused = run("-m", "not slow", "--collect-only")
    assert refused.returncode == 4 and "-m leaves out slow" in refused.stdout + refused.stderr
    assert run("-k", "ink", "--collect-only").returncode == 0  # choosing tests by name stays possible
