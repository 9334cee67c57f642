"""``slidegen serve``: the real command on loopback — fetch, edit, reload event, error page, Ctrl-C."""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli_run import ROOT, assert_one_line_error, slidegen
from slidegen.config import BuildOptions
from slidegen.server import preview as serve
from toolkit import make_deck_dir

POST = "# Live deck\n\nIntro.\n\nSlide 1: first note\n\nSlide 2: second note\n"


class Served:
    """A ``slidegen serve`` subprocess whose output lines are collected as they come."""

    def __init__(self, source: Path, *args: str) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "slidegen", "serve", str(source), "--port", "0", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.out: queue.Queue[str] = queue.Queue()
        self.err: list[str] = []
        self.pumps = [
            threading.Thread(target=self._pump, args=(self.proc.stdout, self.out.put), daemon=True),
            threading.Thread(target=self._pump, args=(self.proc.stderr, self.err.append), daemon=True),
        ]
        for pump in self.pumps:
            pump.start()
        line = self.line_matching(r"^serving http://127\.0\.0\.1:(\d+)/", timeout=60)
        self.port = int(re.search(r":(\d+)/", line).group(1))

    @staticmethod
    def _pump(stream, put) -> None:
        for line in stream:
            put(line.rstrip("\n"))

    def line_matching(self, pattern: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.out.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r}; stderr: {self.err}")

    def get(self, path: str = "/", host: str | None = None, method: str = "GET") -> tuple[int, dict, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        conn.request(method, path, headers={"Host": host} if host else {})
        resp = conn.getresponse()
        body = resp.read().decode("utf-8", "replace")
        conn.close()
        return resp.status, dict(resp.getheaders()), body

    def events(self) -> Events:
        return Events(self.port)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        for pump in self.pumps:
            pump.join(10)
        self.proc.stdout.close()
        self.proc.stderr.close()


class Events:
    """An open server-sent-events stream."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.conn.request("GET", serve.EVENTS)
        self.resp = self.conn.getresponse()
        assert self.resp.status == 200 and self.resp.getheader("Content-Type") == "text/event-stream"
        assert self.resp.fp.readline() == b"retry: 1000\n"

    def next_event(self, timeout: float = 90) -> str:
        """The name of the next event, skipping keep-alive comments; fails after ``timeout`` seconds
        (the server's heartbeats keep the socket alive, so its own time-out never comes)."""
        deadline = time.monotonic() + timeout
        while True:
            if time.monotonic() > deadline:
                raise AssertionError(f"no event within {timeout} s")
            line = self.resp.fp.readline().decode()
            if not line:
                raise AssertionError("event stream closed")
            if line.startswith("event: "):
                return line[len("event: ") :].strip()

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def deck(tmp_path) -> Path:
    return make_deck_dir(tmp_path / "deck", {"post.md": POST})


@pytest.fixture
def served(deck):
    running = Served(deck)
    yield running
    running.close()


def touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_serve_builds_reloads_on_change_shows_errors_and_stops_on_ctrl_c(deck, served):
    status, headers, page = served.get("/")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    assert "Live deck" in page and "first note" in page
    assert page.count(serve.RELOAD_JS) == 1
    assert served.get("/live-deck.html")[2] == page

    events = served.events()
    touch(deck / "post.md", POST + "\nSlide 3: a third note\n")
    assert events.next_event() == "reload"
    assert "a third note" in served.get("/")[2]
    served.line_matching(r"^built .* in [0-9.]+ s$")

    touch(deck / "post.md", POST + "\nSlide 2: twice\n")
    assert events.next_event() == "reload"
    status, _, page = served.get("/")
    assert status == 500 and "duplicate Slide 2" in page and serve.RELOAD_JS in page
    deadline = time.monotonic() + 10
    while not any("error: duplicate Slide 2" in line for line in served.err) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(
        re.match(rf"{re.escape(str(deck / 'post.md'))}:\d+: error: duplicate Slide 2", line) for line in served.err
    ), served.err

    touch(deck / "post.md", POST)
    assert events.next_event() == "reload"
    assert served.get("/")[0] == 200
    events.close()

    assert served.stop() == 0
    served.line_matching("^stopped$", timeout=5)
    assert not any("Traceback" in line for line in served.err)


def test_pictures_beside_the_post_trigger_a_rebuild_but_other_files_do_not(deck, served):
    events = served.events()
    (deck / "notes.log").write_text("ignored")
    (deck / ".post.md.swp").write_text("ignored")
    from toolkit import image_bytes

    (deck / "slide-1.jpg").write_bytes(image_bytes(80, 60))
    assert events.next_event() == "reload"
    assert "data:image/jpeg;base64," in served.get("/")[2]
    events.close()


def test_head_answers_with_the_headers_of_get_and_no_body(served):
    for path in ("/", "/nothing-here", serve.EVENTS):
        got = served.get(path) if path != serve.EVENTS else (200, None, None)
        status, headers, body = served.get(path, method="HEAD")
        assert status == got[0] and body == "", (path, status)
        if got[1] is not None:
            same = {k: v for k, v in got[1].items() if k != "Date"}
            assert {k: v for k, v in headers.items() if k != "Date"} == same
    curl = subprocess.run(
        ["curl", "-sSI", f"http://127.0.0.1:{served.port}/"], capture_output=True, text=True, timeout=30
    )
    assert curl.returncode == 0 and curl.stdout.startswith("HTTP/1.0 200"), curl.stderr


def test_serve_help_offers_only_what_a_live_preview_uses():
    run = slidegen("serve", "--help")
    assert run.returncode == 0 and "--port" in run.stdout and "--encoding" in run.stdout
    for meaningless in ("--strict", "--repair", "--include-drafts", "--include-pages", "--max-feed-bytes", "feed"):
        assert meaningless not in run.stdout, meaningless


def test_only_built_files_and_only_local_hosts_are_served(served):
    assert served.get("/", host="attacker.example")[0] == 403
    assert served.get("/../../../../etc/passwd")[0] == 404
    assert served.get("/%2e%2e/post.md")[0] == 404
    assert served.get("/post.md")[0] == 404
    assert served.get("/", host=f"localhost:{served.port}")[0] == 200


def test_real_chromium_reloads_itself_when_the_post_changes(deck, served, browser):
    problems: list[str] = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(f"http://127.0.0.1:{served.port}/")
        assert "first note" in page.content()
        time.sleep(0.5)  # let the event stream connect before the edit
        touch(deck / "post.md", POST.replace("first note", "an edited note"))
        # Polled from outside: the page's own policy rightly forbids evaluating test code in it.
        deadline = time.monotonic() + 20
        while "an edited note" not in _content(page) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "an edited note" in _content(page)
    finally:
        context.close()
    assert not problems, problems
    assert served.stop() == 0


def _content(page) -> str:
    from playwright.sync_api import Error

    try:
        return page.content()
    except Error:  # caught mid-reload
        return ""


def test_a_port_in_use_is_a_usage_error(deck):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        run = slidegen("serve", deck, "--port", taken.getsockname()[1], timeout=60)
    assert run.returncode == 2 and "error: cannot listen on 127.0.0.1:" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_missing_source_is_an_input_error(tmp_path):
    run = slidegen("serve", tmp_path / "nope.md", "--port", "0", timeout=60)
    assert_one_line_error(run, str(tmp_path / "nope.md"), "no such file or folder")


def test_the_preview_builds_through_the_same_pipeline_as_build(deck, monkeypatch):
    import slidegen.pipeline as pipeline

    calls = []
    real = pipeline.build

    def spy(sources, options, report, progress=None):
        calls.append(options)
        return real(sources, options, report, progress)

    monkeypatch.setattr(pipeline, "build", spy)
    preview = serve.Preview(deck / "post.md", BuildOptions(), log=None)
    assert preview.rebuild()
    (options,) = calls
    assert options.formats == ("html",) and options.live_reload_url == serve.EVENTS
    status, _, body = preview.page("/live-deck.html")
    assert status == 200 and body.count(serve.RELOAD_JS.encode()) == 1


def test_the_error_page_reloads_itself_under_its_own_policy():
    import html as html_lib

    page = serve.error_page("post.md:3: error: no").decode()
    policy = html_lib.unescape(re.search(r'content="([^"]*)"', page.split("Content-Security-Policy")[1]).group(1))
    assert f"script-src {serve.RELOAD_HASH}" in policy and "connect-src 'self'" in policy
    assert f"<script>{serve.RELOAD_JS}</script>" in page


def test_index_page_of_a_feed_gets_the_reload_script(tmp_path):
    import feedgen

    feed = tmp_path / "blog.rss"
    feed.write_bytes(feedgen.rss(3))
    preview = serve.Preview(feed, BuildOptions(), log=None)
    assert preview.rebuild()
    status, kind, body = preview.page("/")
    text = body.decode()
    assert status == 200 and kind.startswith("text/html") and "Feed post 3" in text
    import html as html_lib

    assert serve.RELOAD_HASH in html_lib.unescape(text) and serve.RELOAD_JS in text
    assert preview.page("/feed-post-2.html")[0] == 200
    assert preview.page("/feed-post-2.pptx")[0] == 404  # the preview builds slideshows only


def test_error_page_escapes_the_message():
    page = serve.error_page("post.md:3: error: <script>alert(1)</script>").decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
