"""axe-core (the engine browsers' accessibility audits use) finds nothing in any view, light or dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.designkit import close_view, open_view
from browser.test_design import mixed_deck

VIEWS = ("cover", "slide", "text", "overview", "reader", "help")


def violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_no_axe_violations_in_any_view(open_show, theme):
    show = open_show(mixed_deck(), hash=f"?theme={theme}#2", viewport={"width": 1280, "height": 800})
    found = {}
    for view in VIEWS:
        open_view(show, view, text_slide=3)
        if violations(show.page):
            found[view] = violations(show.page)
        close_view(show, view)
    with show.context.expect_page() as info:
        show.press("s")
    popup = info.value
    popup.wait_for_selector("#sp-cur .sg-slide")
    if violations(popup):
        found["speaker"] = violations(popup)
    assert not found, found
