"""Present to a room: the speaker's slideshow leads, every audience page follows, all from this machine.

``slidegen present`` builds the deck's slideshow once (through the same pipeline as ``build``, so
the picture cache serves it) and answers exactly four things from memory:

- ``GET /`` — the slideshow, which follows the room (audience);
- ``GET /presenter/<secret>`` — the same slideshow, which leads (the speaker);
- ``GET /events`` — server-sent events: the current slide on connect, then every change;
- ``POST /slide`` with the secret in ``X-Slidegen-Token`` — the speaker's slide changes;

plus the audience link as a QR code (``/audience.svg``) and as JSON (``/room.json``). Nothing is
read from the disk per request, so no request can reach another file. The secret is made fresh
for each run, printed only to the speaker's terminal, compared in constant time, and a request
with a wrong secret gets the very answer an unknown address gets.
"""

from __future__ import annotations

import hmac
import http.server
import io
import json
import secrets
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError, UsageError
from slidegen.server.lifecycle import StreamingServer, stop_on_sigterm

HEARTBEAT_SECONDS = 15.0
MAX_STREAMS = 500
MAX_BODY = 64
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
_NOT_FOUND = (404, "text/plain; charset=utf-8", b"not found\n")


class Room:
    """The slide the speaker shows, and a way to wait for the next change."""

    def __init__(self) -> None:
        self.slide = 0
        self.version = 0
        self.changed = threading.Condition()

    def move(self, slide: int) -> None:
        with self.changed:
            if slide != self.slide:
                self.slide, self.version = slide, self.version + 1
                self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> tuple[int, int]:
        """(version, slide) once the version differs from ``seen``, or as they are after ``timeout``."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout)
            return self.version, self.slide


class PresentServer(StreamingServer):
    """Serves one built slideshow to a speaker and an audience; stops its event streams on close."""

    allow_reuse_address = False  # a second `present` on the same port must fail, not share it
    request_queue_size = 128

    def __init__(self, page: bytes, last_slide: int, host: str, port: int, token: str | None = None) -> None:
        self.page = page
        self.last_slide = last_slide
        self.token = token or secrets.token_urlsafe(24)
        self.room = Room()
        self.streams = threading.BoundedSemaphore(MAX_STREAMS)
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), Handler, self.room.changed)
        self.host = host
        self.allowed_hosts = {h.lower() for h in (*LOOPBACK_NAMES, host, socket.gethostname())}
        self._qr_svg: bytes | None = None

    @property
    def audience_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.server_address[1]}/"

    @property
    def presenter_url(self) -> str:
        return f"{self.audience_url}presenter/{self.token}"

    def qr_svg(self) -> bytes:
        if self._qr_svg is None:
            buffer = io.BytesIO()
            qr_code(self.audience_url).save(buffer, kind="svg", scale=4, border=2, title="Audience link")
            self._qr_svg = buffer.getvalue()
        return self._qr_svg


class Handler(http.server.BaseHTTPRequestHandler):
    """The room's four addresses; any other request, or a wrong secret, is answered "not found"."""

    server: PresentServer
    server_version = "slidegen"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 30  # a client that opens a connection and sends nothing does not hold a thread forever

    def do_GET(self) -> None:
        self._get(head=False)

    def do_HEAD(self) -> None:
        self._get(head=True)

    def _get(self, head: bool) -> None:
        if not self._host_ok():
            return
        path = self.path.split("?", 1)[0]
        if path == "/events" and not head:
            self._events()
        elif path == "/":
            self._send(200, "text/html; charset=utf-8", self.server.page, head)
        elif path.startswith("/presenter/") and self._secret_ok(path[len("/presenter/") :].rstrip("/")):
            self._send(200, "text/html; charset=utf-8", self.server.page, head, private=True)
        elif path == "/audience.svg":
            self._send(200, "image/svg+xml", self.server.qr_svg(), head)
        elif path == "/room.json":
            body = json.dumps({"audience": self.server.audience_url}).encode("utf-8")
            self._send(200, "application/json", body, head)
        else:
            self._send(*_NOT_FOUND, head)

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        length = self.headers.get("Content-Length", "")
        if self.path != "/slide" or not length.isdigit() or int(length) > MAX_BODY:
            self.close_connection = True
            self._send(*_NOT_FOUND)
            return
        body = self.rfile.read(int(length))
        if not self._secret_ok(self.headers.get("X-Slidegen-Token", "")):
            self._send(*_NOT_FOUND)
            return
        text = body.decode("ascii", "replace").strip()
        if not text.isdigit() or not 0 <= int(text) <= self.server.last_slide:
            self._send(400, "text/plain; charset=utf-8", b"a slide number, 0 to the last slide\n")
            return
        self.server.room.move(int(text))
        self._send(204, "text/plain; charset=utf-8", b"")

    def _secret_ok(self, given: str) -> bool:
        # Same work whatever the given value: compare_digest takes time by length, not by prefix.
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.server.token.encode("ascii"))

    def _host_ok(self) -> bool:
        """The Host header must name this machine, so a page on a rebound domain cannot read the deck."""
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.strip("[]") in self.server.allowed_hosts:
            return True
        self._send(403, "text/plain; charset=utf-8", b"forbidden host\n")
        return False

    def _send(self, status: int, kind: str, body: bytes, head: bool = False, private: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if private:
            self.send_header("X-Robots-Tag", "noindex")
        self.end_headers()
        if body and not head:
            self.wfile.write(body)

    def _events(self) -> None:
        server = self.server
        if not server.streams.acquire(blocking=False):
            self._send(503, "text/plain; charset=utf-8", b"too many viewers\n")
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            room = server.room
            with room.changed:
                seen, slide = room.version, room.slide
            self.wfile.write(f"retry: 1000\nevent: slide\ndata: {slide}\n\n".encode())
            self.wfile.flush()
            while not server.stopping.is_set():
                version, slide = room.wait(seen, HEARTBEAT_SECONDS)
                if server.stopping.is_set():
                    break
                self.wfile.write(f"event: slide\ndata: {slide}\n\n".encode() if version != seen else b": ping\n\n")
                self.wfile.flush()
                seen = version
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the viewer went away; its browser reconnects by itself if it comes back
        finally:
            server.streams.release()

    def log_message(self, format: str, *args) -> None:
        pass  # the terminal shows the room, not every request


def qr_code(text: str):
    """A QR code of ``text`` (segno, pure Python, imported only when a room starts)."""
    import segno

    return segno.make(text, error="m")


def lan_address() -> str:
    """This machine's address on its local network, found from its own name (nothing is sent)."""
    candidates: list[str] = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET, socket.SOCK_STREAM):
            candidates.append(str(info[4][0]))
    except OSError:
        pass
    for address in candidates:
        if not address.startswith("127."):
            return address
    raise UsageError(
        "found no network address for this machine; join the room's network, "
        "or name the address to listen on with --host"
    )


def build_page(source: Path, options: BuildOptions, report: Report) -> tuple[bytes, int]:
    """The slideshow of ``source`` built for a room, and its last slide's number (as ``build`` does it)."""
    from slidegen.pipeline import build

    with tempfile.TemporaryDirectory(prefix="slidegen-present-") as tmp:
        room_options = replace(options, formats=("html",), out_dir=Path(tmp), present=True, html_assets="inline")
        result = build([source], room_options, report)
        if result.failed:
            raise result.failed[0]
        if len(result.decks) != 1:
            raise UsageError(f"{source} holds {len(result.decks)} decks; present one post at a time")
        deck = result.decks[0]
        return (Path(tmp) / f"{deck.slug}.html").read_bytes(), len(deck.slides)


def run(
    source: Path,
    options: BuildOptions,
    report: Report,
    port: int,
    lan: bool = False,
    host: str | None = None,
    out: TextIO = sys.stdout,
    ready: Callable[[PresentServer], None] | None = None,
) -> int:
    """Builds ``source`` and presents it until Ctrl-C; returns the exit code."""
    if not source.exists():
        raise InputError("no such file or folder", str(source))
    address = host or (lan_address() if lan else "127.0.0.1")
    page, last = build_page(source, options, report)
    try:
        server = PresentServer(page, last, address, port)
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {address}:{port}: {exc.strerror or exc}; "
            "pick another port with --port (0 picks a free one)"
        ) from None
    thread = threading.Thread(target=server.serve_forever, name="slidegen-present", daemon=True)
    thread.start()
    print(f"audience:  {server.audience_url}", file=out)
    print(f"presenter: {server.presenter_url}   (yours alone: it lets its holder change the slides)", file=out)
    if address in LOOPBACK_NAMES:
        print("listening on this machine only; --lan lets the room's phones join", file=out)
    else:
        qr_code(server.audience_url).terminal(out=out, compact=True)
    print("open the presenter link, press S for the speaker view; Ctrl-C stops", file=out, flush=True)
    if ready:
        ready(server)
    previous = stop_on_sigterm()
    try:
        while thread.is_alive():
            thread.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        thread.join(5)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    print("stopped", file=out, flush=True)
    return 0
