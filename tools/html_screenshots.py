"""Takes the README's slideshow screenshots: slide 1, the overview, reader mode, the speaker view,
a phone held upright (reader mode, its default there), a full-bleed slide, and a phone in a
``slidegen present`` room that paged back on its own (with its "Follow the speaker" button).

Builds the sample deck's HTML with slidegen and photographs it in headless Chromium:

    .venv/bin/python tools/html_screenshots.py [DECK_DIR] [OUT_DIR]

Defaults: decks/social-media-society and docs/screenshots. Uses CHROMIUM (default /usr/bin/chromium).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

import slidegen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser.showkit import LAUNCH_ARGS  # noqa: E402  (the tests' Chromium settings)

ARGS = [*LAUNCH_ARGS, "--hide-scrollbars"]
VIEW = {"width": 1280, "height": 800}
#: A phone held upright, as both phone shots see it.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "reduced_motion": "reduce",
    "color_scheme": "light",
    "has_touch": True,
}


def main(deck_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        files = slidegen.build([deck_dir], tmp, formats=("html",), quiet=True)
        files_full = slidegen.build(
            [deck_dir], Path(tmp) / "full", formats=("html",), quiet=True, picture_layout="full"
        )
        show = next(f for f in files if f.suffix == ".html").resolve().as_uri()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=ARGS)
            context = browser.new_context(viewport=VIEW, reduced_motion="reduce", color_scheme="light")
            page = context.new_page()
            page.goto(show + "#1")
            shoot(page, out_dir / "slide-1.png")
            page.keyboard.press("o")
            shoot(page, out_dir / "overview.png")
            page.keyboard.press("Escape")
            page.keyboard.press("n")
            shoot(page, out_dir / "reader.png")
            page.keyboard.press("n")
            page.keyboard.press("2")
            page.keyboard.press("Enter")
            with context.expect_page() as info:
                page.keyboard.press("s")
            speaker = info.value
            speaker.set_viewport_size(VIEW)
            speaker.wait_for_selector("#sp-cur .sg-slide")
            shoot(speaker, out_dir / "speaker.png")
            phone = browser.new_context(**PHONE)
            page = phone.new_page()
            page.goto(show)
            shoot(page, out_dir / "phone.png")
            full = next(f for f in files_full if f.suffix == ".html").resolve().as_uri()
            page = context.new_page()
            page.goto(full + "#2")
            shoot(page, out_dir / "slide-full.png")
            present_phone(browser, deck_dir, Path(tmp), out_dir / "present-phone.png")
            browser.close()


def present_phone(browser, deck_dir: Path, tmp: Path, path: Path) -> None:
    """The audience page on a phone, one slide behind the speaker, offering to follow again."""
    from slidegen.config import BuildOptions
    from slidegen.diagnostics import Report
    from slidegen.server import present

    page_bytes, last = present.build_page(deck_dir, BuildOptions(cache_dir=tmp / "present-cache"), Report(stream=None))
    server = present.PresentServer(page_bytes, last, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        speaker = browser.new_context(viewport=VIEW).new_page()
        speaker.goto(server.presenter_url)
        speaker.wait_for_selector(".sg-slide.is-current")
        phone = browser.new_context(**PHONE).new_page()
        phone.goto(server.audience_url)
        phone.wait_for_selector(".sg-slide.is-current")
        speaker.keyboard.press("q")  # the speaker hides the room card, as in a talk
        speaker.keyboard.press("ArrowRight")
        speaker.keyboard.press("ArrowRight")
        phone.wait_for_selector("#sg-2.is-current", state="attached")  # the page's CSP forbids evaluated strings
        phone.keyboard.press("ArrowLeft")
        phone.wait_for_selector(".sg-follow", state="visible")
        shoot(phone, path)
    finally:
        server.close()
        thread.join(5)


def shoot(page, path: Path) -> None:
    page.evaluate("Promise.all([...document.images].filter(i => i.offsetWidth).map(i => i.decode()))")
    page.screenshot(path=str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(
        args[0] if args else ROOT / "decks" / "social-media-society",
        args[1] if len(args) > 1 else ROOT / "docs" / "screenshots",
    )
