"""The speaker view: a second window drawn from the file itself, in sync with the show both ways."""

from __future__ import annotations

import datetime

import pytest

from toolkit import make_deck

pytestmark = pytest.mark.browser


def open_speaker(show):
    with show.context.expect_page() as popup_info:
        show.press("s")
    popup = popup_info.value
    popup.wait_for_selector("#sp-cur .sg-slide")
    return popup


def shown(popup, box: str) -> str:
    return popup.eval_on_selector(f"#{box}", "e => e.textContent.replace(/\\s+/g, ' ').trim()")


def test_speaker_view_opens_from_file_with_current_next_and_notes(open_show):
    show = open_show(make_deck(4), hash="#2")
    popup = open_speaker(show)
    assert popup.title() == "Speaker view: A test deck"
    assert "Slide title 2" in shown(popup, "sp-cur")
    assert "Slide title 3" in shown(popup, "sp-next")
    assert shown(popup, "sp-notes") == "Note 2 first sentence. Then more."
    assert popup.eval_on_selector("#sp-cur img", "e => e.complete && e.naturalWidth") == 66
    assert popup.eval_on_selector(".sp", "e => getComputedStyle(e).display") == "grid", "the theme styles apply"
    assert shown(popup, "sp-pos") == "2 / 4"


def test_speaker_view_follows_the_show(open_show):
    show = open_show(make_deck(4))
    popup = open_speaker(show)
    assert "A test deck" in shown(popup, "sp-cur")
    show.page.bring_to_front()
    show.press("ArrowRight", "ArrowRight")
    assert "Slide title 2" in shown(popup, "sp-cur")
    assert shown(popup, "sp-notes") == "Note 2 first sentence. Then more."
    show.press("End")
    assert shown(popup, "sp-next") == "End of the slideshow"


def test_the_show_follows_the_speaker_view(open_show):
    show = open_show(make_deck(4))
    popup = open_speaker(show)
    popup.keyboard.press("ArrowRight")
    popup.keyboard.press("ArrowRight")
    assert show.current() == 2
    popup.keyboard.press("4")
    popup.keyboard.press("Enter")
    assert show.current() == 4
    assert show.page.url.endswith("#4")
    assert "Slide title 4" in shown(popup, "sp-cur")
    popup.click("[data-act=prev]")
    assert show.current() == 3


def test_timer_counts_pauses_resumes_and_resets_and_the_clock_shows(open_show):
    show = open_show(make_deck(2))
    show.page.clock.install(time=datetime.datetime(2030, 1, 1, 9, 0, 0))
    show.page.clock.pause_at(datetime.datetime(2030, 1, 1, 9, 0, 1))
    popup = open_speaker(show)
    show.page.clock.run_for(65_000)
    assert shown(popup, "sp-elapsed") == "1:05"
    assert shown(popup, "sp-clock") == "09:01"
    popup.click("#sp-pause")
    assert shown(popup, "sp-pause") == "Resume"
    show.page.clock.run_for(30_000)
    assert shown(popup, "sp-elapsed") == "1:05", "paused time does not count"
    popup.keyboard.press("p")
    show.page.clock.run_for(10_000)
    assert shown(popup, "sp-elapsed") == "1:15"
    popup.keyboard.press("r")
    assert shown(popup, "sp-elapsed") == "0:00"
    show.page.clock.run_for(3_600_000 + 61_000)
    assert shown(popup, "sp-elapsed") == "1:01:01"


def test_pressing_s_again_reuses_the_window_and_closing_it_is_harmless(open_show):
    show = open_show(make_deck(3))
    popup = open_speaker(show)
    show.page.bring_to_front()
    show.press("s")
    assert len(show.context.pages) == 2
    popup.close()
    assert show.press("ArrowRight") == 1
    again = open_speaker(show)
    assert "Slide title 1" in shown(again, "sp-cur")


def test_closing_the_show_closes_the_speaker_view(open_show):
    show = open_show(make_deck(2))
    popup = open_speaker(show)
    with popup.expect_event("close"):
        show.page.close(run_before_unload=True)
