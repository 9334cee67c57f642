"""Shared fixtures, the --update-golden switch and the test tiers; the toolkit beside this file holds the factories.

Tiers are markers: ``browser`` (real Chromium), ``office`` (real LibreOffice), ``bench`` (the
benchmark), ``slow`` (full replays and full-size inputs) and ``new_user`` (README from a clone).
``make check`` leaves them out; ``make test`` and CI run everything. A test of a tier whose real
client is missing skips loudly here, and fails when ``CI`` is set; so does a CI run that leaves a
tier out with ``-m``.
"""

import functools
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


_THROWAWAY: list[str] = []
_MARKER_EXPRESSION: list[str] = []


@pytest.hookimpl(tryfirst=True)  # before hypothesis's own plugin loads the profile asked for
def pytest_configure(config):
    # make check runs the property tests with a quarter of their examples (--hypothesis-profile=quick;
    # tests that set their own count scale it with toolkit.examples); make test and CI's run with all.
    # Imported only when asked for: a run without property tests need not pay for hypothesis.
    if config.getoption("hypothesis_profile", None) == "quick":
        from hypothesis import settings

        settings.register_profile("quick", max_examples=25)
    _MARKER_EXPRESSION.append(config.getoption("markexpr", "") or "")
    # Builds under test (and the CLI subprocesses they start) keep their cache in a throwaway folder,
    # never in the user's own, even when the user has set XDG_CACHE_HOME or SLIDEGEN_CACHE_DIR.
    import tempfile

    if getattr(config, "workerinput", None) is None and not _THROWAWAY:
        _THROWAWAY.append(tempfile.mkdtemp(prefix="slidegen-test-cache-"))
        os.environ["XDG_CACHE_HOME"] = _THROWAWAY[0]
        os.environ["SLIDEGEN_CACHE_DIR"] = os.path.join(_THROWAWAY[0], "slidegen")


def pytest_unconfigure(config):
    while _THROWAWAY:  # nothing of the run stays behind in the temporary folder
        shutil.rmtree(_THROWAWAY.pop(), ignore_errors=True)


@functools.cache
def real_clients() -> dict[str, str | None]:
    """Marker → the program that tier needs, found on PATH (None when missing)."""
    from slidegen.writers.pdf import find_soffice

    return {"browser": shutil.which("chromium") or shutil.which("chromium-browser"), "office": find_soffice()}


_MISSING: dict[str, list[str]] = {}


def pytest_collection_modifyitems(config, items):
    # Whatever uses the real browser is of the browser tier, wherever the test lives.
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    clients = real_clients()
    for tier, program in clients.items():
        if program is None and item.get_closest_marker(tier) is not None:
            message = (
                f"{tier} test needs {'Chromium' if tier == 'browser' else 'LibreOffice'}, not found on PATH; "
                "install it with `bash tools/install-system-deps.sh`"
            )
            _MISSING.setdefault(tier, []).append(item.nodeid)
            if os.environ.get("CI"):
                pytest.fail(f"{message} (CI is set: real-client tests must run)", pytrace=False)
            pytest.skip(message)


TIERS = ("browser", "office", "bench", "slow", "new_user")


def pytest_deselected(items):
    # CI runs every tier: a marker expression that drops one would make CI pass without running it
    # (picking tests by name with -k stays possible).
    if os.environ.get("CI") and any(_MARKER_EXPRESSION):
        dropped = sorted({tier for item in items for tier in TIERS if item.get_closest_marker(tier) is not None})
        if dropped:
            raise pytest.UsageError(f"CI is set: every tier must run, but -m leaves out {', '.join(dropped)}")


def pytest_terminal_summary(terminalreporter):
    for tier, nodeids in _MISSING.items():
        terminalreporter.section(f"{tier.upper()} TESTS DID NOT RUN", sep="!", red=True, bold=True)
        outcome = "failed (CI is set)" if os.environ.get("CI") else "skipped"
        terminalreporter.line(
            f"{len(nodeids)} {tier} test(s) {outcome}: the real client is missing on this machine; "
            "install it with `bash tools/install-system-deps.sh`.",
            red=True,
        )


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


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
    (deck,) = read_decks([Path(__file__).resolve().parent.parent / "decks" / "social-media-society"], options, report)
    assert not prepare_media([deck], options, report)
    return deck


@pytest.fixture(scope="session")
def sample_pptx(tmp_path_factory):
    """slidegen's own PPTX of the sample deck: ``sample_pptx()`` with the default template,
    ``sample_pptx("corporate")`` with a shipped one. Each is built once per run (per worker) when first
    asked for, as a build takes seconds, with the run's cache, so the pictures processed for one serve
    the other and every worker; the file is read-only, so a test that changes it copies it."""
    from pptxsources import own_output

    root = Path(__file__).resolve().parent.parent
    built: dict[str, Path] = {}

    def get(template: str = "default") -> Path:
        if template not in built:
            chosen = None if template == "default" else root / "assets" / "templates" / f"{template}.pptx"
            out = tmp_path_factory.mktemp(f"sample-{template}")
            path = own_output(root / "decks" / "social-media-society", out, chosen, use_cache=True)
            path.chmod(0o444)
            built[template] = path
        return built[template]

    return get


@pytest.fixture(scope="session")
def browser():
    """One real headless Chromium for the whole run (Playwright allows one sync driver at a time)."""
    from playwright.sync_api import sync_playwright

    from browser.showkit import LAUNCH_ARGS

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=real_clients()["browser"], args=LAUNCH_ARGS)
        yield chromium
        chromium.close()
