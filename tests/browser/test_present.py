"""``slidegen present`` in real Chromium: the audience page follows the speaker's key presses in another page."""

from __future__ import annotations

import threading

import pytest

from browser.showkit import WATCH, Show, wait_until
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.server import present
from toolkit import make_deck_dir

pytestmark = pytest.mark.browser

POST = "# Room talk\n\nIntro.\n\n" + "".join(f"Slide {n}: note {n}.\n\n" for n in range(1, 6))


@pytest.fixture
def room(tmp_path):
    folder = make_deck_dir(tmp_path / "talk", {"post.md": POST})
    page, last = present.build_page(folder, BuildOptions(cache_dir=tmp_path / "cache"), Report())
    server = present.PresentServer(page, last, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.close()
    thread.join(5)


@pytest.fixture
def open_page(browser, room):
    shows: list[Show] = []

    def _open(url: str) -> Show:
        show = Show(browser.new_context(viewport={"width": 1280, "height": 720}), None, room.audience_url)
        show.context.add_init_script(WATCH)
        show.page.on("pageerror", lambda e: show.errors.append(f"pageerror: {e}"))
        shows.append(show)
        show.page.goto(url)
        wait_until(show.page, "document.querySelector('.sg-slide.is-current') !== null")
        return show

    yield _open
    try:
        for show in shows:
            show.check_clean()
    finally:
        for show in shows:
            show.context.close()


def test_the_audience_follows_the_speakers_keys_and_can_wander_and_come_back(room, open_page):
    speaker = open_page(room.presenter_url)
    phone = open_page(room.audience_url)
    speaker.press("ArrowRight", "ArrowRight")
    wait_until(phone.page, "document.querySelector('.sg-slide.is-current').id === 'sg-2'")
    assert room.room.slide == 2

    # The reader pages back on their own: they stay there, and a button offers to follow again.
    assert phone.press("ArrowLeft") == 1
    follow = phone.page.locator(".sg-follow")
    assert follow.is_visible() and follow.inner_text() == "Follow the speaker"
    speaker.press("ArrowRight")
    wait_until(phone.page, "document.documentElement.getAttribute('data-speaker-slide') === '3'")
    assert phone.current() == 1

    follow.click()
    wait_until(phone.page, "document.querySelector('.sg-slide.is-current').id === 'sg-3'")
    assert not follow.is_visible()
    speaker.press("End")
    wait_until(phone.page, "document.querySelector('.sg-slide.is-current').id === 'sg-5'")


def test_a_late_joiner_opens_on_the_speakers_slide_and_the_speaker_sees_the_audience_link(room, open_page):
    speaker = open_page(room.presenter_url)
    speaker.press("ArrowRight", "ArrowRight", "ArrowRight")
    wait_until(speaker.page, "document.querySelector('.sg-room p').textContent.startsWith('http://')")
    card = speaker.page.locator(".sg-room")
    assert card.is_visible() and room.audience_url in card.inner_text()
    assert speaker.page.evaluate("document.querySelector('.sg-room img').naturalWidth") > 0
    speaker.page.keyboard.press("q")
    assert not card.is_visible()

    wait_until(speaker.page, "true")
    phone = open_page(room.audience_url)
    wait_until(phone.page, "document.querySelector('.sg-slide.is-current').id === 'sg-3'")
    assert phone.page.locator(".sg-room").count() == 0, "the audience page shows no speaker controls"
