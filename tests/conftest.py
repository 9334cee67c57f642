"""Shared fixtures and the --update-golden switch; the toolkit beside this file holds the factories."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


def pytest_configure(config):
    # Builds under test (and the CLI subprocesses they start) keep their picture cache in a
    # throwaway folder, never in the user's own cache.
    import os
    import tempfile

    os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="slidegen-test-cache-"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")


@pytest.fixture
def update_golden(request) -> bool:
    """True when the run was asked to refresh golden files."""
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def sample_deck():
    """The real sample post in decks/, read and its pictures processed, as every writer gets it."""
    from slidegen.config import BuildOptions
    from slidegen.diagnostics import Report
    from slidegen.pictures.resolve import prepare_media
    from slidegen.pipeline import read_decks

    options = BuildOptions()
    report = Report(stream=None)
    (deck,) = read_decks([Path(__file__).resolve().parent.parent / "decks" / "social-media-society"], options,
                         report)
    assert not prepare_media([deck], options, report)
    return deck


@pytest.fixture(scope="session")
def browser():
    """One real headless Chromium for the whole run (Playwright allows one sync driver at a time)."""
    from playwright.sync_api import sync_playwright

    from browser.showkit import CHROMIUM, LAUNCH_ARGS

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()
