"""Real headless Chromium for the slideshow tests: one browser per session, a recorded context per show.

Every show opened through ``open_show`` is checked when the test ends: no console error, no page
error, no CSP violation, no dialog, and no request outside the show's own folder.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from browser.showkit import WATCH, Show, write_files
from slidegen.config import BuildOptions
from slidegen.writers.html.page import render
from toolkit import make_deck


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
