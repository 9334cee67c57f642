"""A PowerPoint deck as the source of the HTML slideshow, opened in real Chromium.

`slidegen build DECK.pptx -f html,notes` must give the same kind of show as a post does: every
shown slide, its picture, the deck's notes in reader mode, and nothing from the deck run as script.
"""

from __future__ import annotations

import pytest

from browser.showkit import WATCH, Show, wait_until
from cli_run import slidegen
from pptxsources import rich_deck

HOSTILE = "<script>alert('notes')</script><img src=x onerror=alert(1)>"


@pytest.fixture
def show(browser, tmp_path):
    from pptx import Presentation

    deck = rich_deck(tmp_path / "review.pptx")
    prs = Presentation(deck)  # one more slide whose title and notes try to run script
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Title " + HOSTILE
    slide.notes_slide.notes_text_frame.text = "Note " + HOSTILE
    prs.save(deck)
    out = tmp_path / "out"
    run = slidegen("build", deck, "-o", out, "-f", "html,notes", "--no-cache")
    assert run.returncode == 0, run.stderr
    opened = Show(browser.new_context(), out, out.as_uri() + "/")
    opened.context.add_init_script(WATCH)
    opened.page.goto(f"{opened.base_url}quarterly-review.html")
    yield opened
    try:
        opened.check_clean()
    finally:
        opened.context.close()


def test_every_shown_slide_with_its_picture_and_notes(show):
    page = show.page
    # the title slide, six shown slides and the hostile one; the hidden backup slide is left out
    assert page.locator(".sg-slide").count() == 8
    assert "Backup slide" not in page.content()
    assert page.locator(".sg-slide img").count() == 1
    assert page.locator(".sg-slide img").first.get_attribute("src").startswith("data:image/")
    page.keyboard.press("n")
    wait_until(page, "document.body.innerText.includes('Start with the good news.')")
    text = page.inner_text("body")
    assert "Revenue" in text and "\u2022 Revenue" not in text  # a list, not a typed bullet
    # the notes' lists are real lists: a bullet list with a nested one, then a numbered list
    assert page.locator("ul > li", has_text="Revenue").locator("ul > li", has_text="Europe first").count() >= 1
    assert page.locator("ol > li", has_text="Thank the team").count() >= 1
    assert page.locator("ol > li", has_text="Take questions").count() >= 1
    assert page.locator("a[href='https://example.org/wiki']").count() >= 1


def test_nothing_from_the_deck_runs(show):
    page = show.page
    page.keyboard.press("End")
    assert HOSTILE in page.inner_text("body")  # shown as text
    assert not show.dialogs
