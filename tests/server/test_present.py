"""``slidegen present``: the room's server on loopback — secret, addresses, event streams, 200 phones, the CLI."""

from __future__ import annotations

import html
import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time

import pytest

from cli_run import ROOT
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.server import present
from toolkit import make_deck_dir

sys.path.insert(0, str(ROOT / "bench"))
import room as phones

PAGE = b"<!doctype html><title>room</title>"


@pytest.fixture
def server():
    """A present server on a free loopback port, serving a stand-in page of a 9-slide deck."""
    srv = present.PresentServer(PAGE, 9, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.close()
    thread.join(5)


def request(
    srv, method: str, path: str, body: bytes | None = None, headers: dict | None = None, host: str = "127.0.0.1"
):
    conn = http.client.HTTPConnection("127.0.0.1", srv.server_address[1], timeout=10)
    try:
        conn.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_audience_and_presenter_get_the_same_page_and_only_the_presenter_address_needs_the_secret(server):
    assert request(server, "GET", "/")[::2] == (200, PAGE)
    assert request(server, "GET", f"/presenter/{server.token}")[::2] == (200, PAGE)
    status, headers, body = request(server, "HEAD", "/")
    assert (status, body, headers["Content-Length"]) == (200, b"", str(len(PAGE)))


@pytest.mark.parametrize(
    "path",
    [
        "/presenter/",
        "/presenter/x",
        "/../etc/passwd",
        "/index.html",
        "/slide",
        "/presenter/%2e%2e/",
        "//etc/passwd",
        "/events/../../x",
    ],
)
def test_nothing_but_the_rooms_addresses_is_served(server, path):
    assert request(server, "GET", path)[::2] == (404, b"not found\n")


def test_a_wrong_secret_of_any_prefix_is_answered_as_an_unknown_address(server):
    token = server.token
    unknown = request(server, "GET", "/no-such-page")
    for guess in (
        "",
        token[:1],
        token[:-1],
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        token + "x",
        "x" * len(token),
    ):
        page = request(server, "GET", f"/presenter/{guess}")
        change = request(server, "POST", "/slide", b"3", {"X-Slidegen-Token": guess})
        assert page[0] == change[0] == unknown[0] == 404
        assert page[2] == change[2] == unknown[2]
        assert page[1].keys() == unknown[1].keys()
    assert server.room.slide == 0, "no request without the secret may change the slide"


def test_the_speaker_changes_the_slide_with_the_secret_and_only_to_a_slide_that_exists(server):
    assert request(server, "POST", "/slide", b"4", {"X-Slidegen-Token": server.token})[0] == 204
    assert server.room.slide == 4
    for bad in (b"10", b"-1", b"two", b"", b"9" * 100):
        assert request(server, "POST", "/slide", bad, {"X-Slidegen-Token": server.token})[0] in (400, 404)
    assert server.room.slide == 4


def test_another_host_name_is_refused_so_a_rebound_domain_cannot_read_the_deck(server):
    assert request(server, "GET", "/", host="attacker.example")[0] == 403
    assert request(server, "POST", "/slide", b"2", {"X-Slidegen-Token": server.token}, host="evil.test")[0] == 403
    assert server.room.slide == 0


def test_the_audience_link_is_offered_as_a_qr_code_and_json(server):
    status, headers, svg = request(server, "GET", "/audience.svg")
    assert status == 200 and headers["Content-Type"] == "image/svg+xml" and svg.lstrip().startswith(b"<?xml")
    assert b"<script" not in svg
    status, _, body = request(server, "GET", "/room.json")
    assert status == 200 and server.token.encode() not in body and server.audience_url.encode() in body


def test_200_phones_all_follow_every_change(server):
    got, missed = phones.delays(server.server_address[1], server.token, viewers=200, changes=10)
    assert missed == 0
    assert len(got) == 200 * 10


def test_a_late_joiner_lands_on_the_current_slide(server):
    phones.move(server.server_address[1], server.token, 6)
    room = phones.Room(server.server_address[1], 1)
    try:
        assert room.phones[0].seen[0][0] == 6
    finally:
        room.close()


def test_a_dropped_connection_catches_up_on_reconnect(server):
    port = server.server_address[1]
    room = phones.Room(port, 3)
    try:
        fresh = room.drop(room.phones[0])
        phones.move(port, server.token, 2)
        phones.move(port, server.token, 5)  # the change made while it was away is not lost either
        assert room.wait_until(lambda: all(p.seen and p.seen[-1][0] == 5 for p in room.phones), time.monotonic() + 10)
        assert fresh.seen[0][0] in (0, 2, 5)
    finally:
        room.close()


def test_event_streams_are_capped(monkeypatch):
    monkeypatch.setattr(present, "MAX_STREAMS", 2)
    srv = present.PresentServer(PAGE, 3, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        room = phones.Room(srv.server_address[1], 2)
        try:
            assert request(srv, "GET", "/events")[0] == 503
        finally:
            room.close()
    finally:
        srv.close()
        thread.join(5)


def test_the_page_built_for_a_room_carries_the_room_script_but_never_the_secret(tmp_path):
    deck = make_deck_dir(tmp_path / "talk", {"post.md": "# Room talk\n\nSlide 1: one\n\nSlide 2: two\n"})
    page, last = present.build_page(deck, BuildOptions(cache_dir=tmp_path / "cache"), Report())
    text = page.decode()
    assert last == 2
    assert 'new EventSource("/events")' in text and "X-Slidegen-Token" in text
    csp = html.unescape(re.search(r'Content-Security-Policy" content="([^"]*)"', text).group(1))
    assert "connect-src 'self'" in csp and csp.count("'sha256-") == 3  # style, show, room script
    assert not list(tmp_path.glob("**/*.html")), "a room builds in memory, never into the post's folder"


def test_a_page_built_for_build_has_no_room_script(tmp_path):
    from slidegen.outputs import as_bytes
    from slidegen.pipeline import read_decks
    from slidegen.writers.html.page import render

    folder = make_deck_dir(tmp_path / "talk", {"post.md": "# Talk\n\nSlide 1: one\n"})
    deck = read_decks([folder], BuildOptions(), Report())[0]
    page = b"".join(as_bytes(v) for v in render(deck, BuildOptions()).values()).decode()
    assert "EventSource" not in page and "connect-src 'none'" in html.unescape(page)


def present_cli(tmp_path, *args: str, **kw):
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    return [sys.executable, "-m", "slidegen", "present", *args], dict(cwd=ROOT, text=True, env=env, **kw)


def test_cli_presents_and_stops_cleanly_on_sigterm(tmp_path):
    deck = make_deck_dir(tmp_path / "talk", {"post.md": "# Room talk\n\nSlide 1: one\n"})
    argv, kw = present_cli(tmp_path, str(deck), "--port", "0", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc = subprocess.Popen(argv, **kw)
    try:
        audience = proc.stdout.readline()
        presenter = proc.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", audience).group(1))
        token = re.search(r"/presenter/([\w-]+)", presenter).group(1)
        assert phones.move(port, token, 1) == 204
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", "/")
            assert token.encode() not in conn.getresponse().read()
        finally:
            conn.close()
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert out.rstrip().endswith("stopped") and "Traceback" not in err


def test_a_busy_port_says_so_and_suggests_another(tmp_path):
    deck = make_deck_dir(tmp_path / "talk", {"post.md": "# Room talk\n\nSlide 1: one\n"})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        argv, kw = present_cli(
            tmp_path, str(deck), "--port", str(taken.getsockname()[1]), capture_output=True, timeout=120
        )
        run = subprocess.run(argv, **kw)
    assert run.returncode == 2 and "--port" in run.stderr and "cannot listen" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr


def test_a_source_of_several_decks_is_refused_naming_it(tmp_path):
    from feedgen import wxr

    export = tmp_path / "export.xml"
    export.write_bytes(wxr(3, with_notes=2))
    argv, kw = present_cli(tmp_path, str(export), "--port", "0", capture_output=True, timeout=120)
    run = subprocess.run(argv, **kw)
    assert run.returncode == 2 and "holds 2 decks; present one post at a time" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr


def test_lan_address_is_this_machines_own_and_loopback_only_is_refused(monkeypatch):
    from slidegen.errors import UsageError

    found = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.1.1", 0)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.7.20", 0)),
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: found)
    assert present.lan_address() == "192.168.7.20"
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: found[:1])
    with pytest.raises(UsageError, match="--host"):
        present.lan_address()


def test_a_room_reachable_from_the_network_prints_its_audience_link_as_a_qr_code(tmp_path):
    import io

    deck = make_deck_dir(tmp_path / "talk", {"post.md": "# Room talk\n\nSlide 1: one\n"})
    out = io.StringIO()
    seen = []

    def ready(server):
        seen.append(server.audience_url)
        threading.Timer(0.2, server.close).start()

    code = present.run(
        deck, BuildOptions(cache_dir=tmp_path / "cache"), Report(), 0, host="127.0.0.2", out=out, ready=ready
    )
    text = out.getvalue()
    assert code == 0 and seen[0].startswith("http://127.0.0.2:")
    assert f"audience:  {seen[0]}" in text and "presenter: " in text
    assert "█" in text or "▀" in text, "a QR code drawn with block characters"
    assert text.rstrip().endswith("stopped")
