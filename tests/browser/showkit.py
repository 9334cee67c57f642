"""Helpers for the browser tests: the Chromium launch settings and a recorded show."""

from __future__ import annotations

import time
from pathlib import Path

from slidegen.outputs import as_bytes


def wait_until(target, expression: str, timeout: float = 10.0) -> None:
    """Polls a JavaScript ``expression`` in a page or frame until it is true.

    Playwright's ``wait_for_function`` polls by evaluating the string inside the page, which the
    show's CSP (no 'unsafe-eval') refuses whenever the first check is not true yet: the tests
    failed now and then on exactly that race. ``evaluate`` is not subject to the page's CSP.
    """
    deadline = time.monotonic() + timeout
    while not target.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.02)


LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Runs before the page's own script (and outside its CSP), to see what the page cannot hide.
WATCH = """
window.__sgWatch = {csp: []};
document.addEventListener('securitypolicyviolation',
  e => window.__sgWatch.csp.push(e.violatedDirective + ' ' + e.blockedURI), true);
"""


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


def write_files(folder: Path, files: dict) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(as_bytes(data))
