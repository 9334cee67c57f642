"""axe-core (the engine browsers' accessibility audits use) finds nothing in any view, light or dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.designkit import close_view, open_view
from browser.showkit import wait_until
from browser.test_design import mixed_deck

VIEWS = ("cover", "slide", "text", "overview", "reader", "help")


def violations(page) -> list[str]:
    # A slide fades in from 40 % opacity and idle controls fade out: axe measuring contrast halfway
    # through reports faint text that no one sees once the view has settled.
    wait_until(page, "document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_no_axe_violations_in_any_view(open_show, theme):
    show = open_show(mixed_deck(), hash=f"?theme={theme}#2", viewport={"width": 1280, "height": 800})
    found = {}
    for view in VIEWS:
        open_view(show, view, text_slide=3)
        if problems := violations(show.page):
            found[view] = problems
        close_view(show, view)
    with show.context.expect_page() as info:
        show.press("s")
    popup = info.value
    popup.wait_for_selector("#sp-cur .sg-slide")
    if problems := violations(popup):
        found["speaker"] = problems
    assert not found, found
