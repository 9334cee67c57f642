"""Real headless Chromium for the slideshow tests: one browser per session, a recorded context per show.

Every show opened through ``open_show`` is checked when the test ends: no console error, no page
error, no CSP violation, no dialog, and no request outside the show's own folder.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from slidegen.config import BuildOptions
from slidegen.writers.html import render
from toolkit import make_deck

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

# Runs before the page's own script (and outside its CSP), to see what the page cannot hide.
WATCH = """
window.__sgWatch = {csp: []};
document.addEventListener('securitypolicyviolation',
  e => window.__sgWatch.csp.push(e.violatedDirective + ' ' + e.blockedURI), true);
"""


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class Show:
    """A slideshow open in its own browser context, with what it logged, fetched and opened."""

    def __init__(self, context, folder: Path, base_url: str):
        self.context = context
        self.folder = folder
        self.base_url = base_url
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.expect_errors = False
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        context.on("dialog", self._dialog)
        context.on("page", self._watch_page)
        self.page = context.new_page()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _watch_page(self, page):
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def current(self, page=None) -> int:
        """The position of the slide on show (0 is the title slide)."""
        return int((page or self.page).eval_on_selector(".sg-slide.is-current", "e => e.id.slice(3)"))

    def press(self, *keys: str) -> int:
        for key in keys:
            self.page.keyboard.press(key)
        return self.current()

    def csp_violations(self) -> list[str]:
        found = []
        for page in self.context.pages:
            if not page.is_closed():
                found += page.evaluate("window.__sgWatch ? window.__sgWatch.csp : []")
        return found

    def check_clean(self) -> None:
        """No errors, no CSP violations, no dialogs, nothing fetched from outside the show's folder."""
        foreign = [u for u in self.requests if not u.startswith(self.base_url)]
        assert not foreign, f"requests outside the show: {foreign}"
        assert not self.dialogs, f"dialogs: {self.dialogs}"
        assert not self.csp_violations(), self.csp_violations()
        if not self.expect_errors:
            assert not self.errors, self.errors


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.fixture
def open_show(browser, tmp_path):
    """``open_show(deck=None, hash="", options=None, **context_args) -> Show`` from a file:// URL."""
    shows: list[Show] = []

    def _open(deck=None, hash: str = "", options: BuildOptions | None = None, **context_args) -> Show:
        deck = deck or make_deck(5)
        folder = tmp_path / f"show{len(shows)}"
        folder.mkdir()
        write_files(folder, render(deck, options or BuildOptions()))
        show = Show(browser.new_context(**context_args), folder, folder.as_uri() + "/")
        show.context.add_init_script(WATCH)
        show.page.on("pageerror", lambda e: show.errors.append(f"pageerror: {e}"))
        shows.append(show)
        show.page.goto(f"{show.base_url}{deck.slug}.html{hash}")
        return show

    yield _open
    try:
        for show in shows:
            show.check_clean()
    finally:
        for show in shows:
            show.context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def http_root(tmp_path):
    """``(folder, base_url)``: a local web server on 127.0.0.1 serving a fresh folder."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
