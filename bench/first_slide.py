"""Time to first slide: headless Chromium opens the slideshow until the first picture is decoded."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import corpus  # noqa: F401  (puts tests/ on the path)

from browser.showkit import LAUNCH_ARGS as ARGS  # the tests' Chromium settings


def time_to_first_slide(html: Path) -> float:
    """Milliseconds from navigation start until slide 1 and its picture are shown."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        start = time.perf_counter()
        page.goto(html.resolve().as_uri())
        # Polled from here: wait_for_function would evaluate the check inside the page, which the
        # show's CSP (no 'unsafe-eval') refuses whenever the first check is not true yet.
        while not page.evaluate(
            """() => { const s = document.querySelector('section');
                           if (!s || s.getBoundingClientRect().width === 0) return false;
                           const img = s.querySelector('img');
                           return !img || (img.complete && img.naturalWidth > 0); }"""
        ):
            time.sleep(0.002)
        elapsed = (time.perf_counter() - start) * 1000
        browser.close()
    return elapsed
