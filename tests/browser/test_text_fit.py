"""Text slides fit in real Chromium: no slide's text runs past its box on a laptop or a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.showkit import wait_until
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.pipeline import read_decks

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
OVERFLOW = """i => { const t = document.querySelector('#sg-' + i + ' .sg-text');
  return t ? [t.scrollHeight, t.clientHeight, t.scrollWidth, t.clientWidth] : null; }"""


def guide_deck(tmp_path):
    """The signing guide with its three main sections made slides, and a 45-row table added as a fourth."""
    text = (REAL / "signing-guide.md").read_text(encoding="utf-8")
    for n, heading in enumerate(("Approach 2", "Comparison", "Security Best Practices"), start=1):
        text = text.replace(f"\n## {heading}", f"\n## Slide {n}: {heading}", 1)
    rows = "\n".join(f"| Row {i} | value {i * 7} | a short comment about item {i} |" for i in range(45))
    text += f"\n\n## Slide 4: A table of results\n\n| Item | Value | Comment |\n|---|---|---|\n{rows}\n"
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    (deck,) = read_decks([path], BuildOptions(), Report(stream=None))
    deck.slug = "guide"
    return deck


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)])
def test_no_text_slide_overflows(open_show, tmp_path, viewport):
    width, height = viewport
    # An upright phone opens the reader; asking for a slide (#0) shows one slide at a time, as here.
    show = open_show(guide_deck(tmp_path), hash="#0", viewport={"width": width, "height": height})
    page = show.page
    total = page.evaluate("document.querySelectorAll('.sg-slide').length") - 1
    titles = page.eval_on_selector_all(".sg-slide .sg-heading", "hs => hs.map(h => h.textContent.trim())")
    assert total >= 10 and any(t.endswith("A table of results (3)") for t in titles), titles
    for i in range(1, total + 1):
        page.keyboard.press("End" if i == total else "ArrowRight")
        wait_until(page, f"document.querySelector('#sg-{i}').classList.contains('is-current')")
        scroll_h, client_h, scroll_w, client_w = page.evaluate(OVERFLOW, i)
        assert client_h > 0 and scroll_h <= client_h, (i, titles[i - 1], scroll_h, client_h)
        assert scroll_w <= client_w, (i, titles[i - 1], scroll_w, client_w)
