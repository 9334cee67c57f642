"""A simulated room for `slidegen present`: N phones on loopback event streams, a speaker changing slides.

Used by the benchmark (the delay from the speaker's change to each phone) and by the tests (every
change reaches every phone). Everything stays on 127.0.0.1, bounded in connections and time.
"""

from __future__ import annotations

import http.client
import selectors
import socket
import time
from dataclasses import dataclass, field


@dataclass
class Phone:
    """One audience connection: its socket, unread bytes, and the slides it was told, with times."""

    sock: socket.socket
    buffer: bytes = b""
    seen: list[tuple[int, float]] = field(default_factory=list)

    def feed(self, data: bytes, now: float) -> None:
        self.buffer += data
        while b"\n\n" in self.buffer:
            event, self.buffer = self.buffer.split(b"\n\n", 1)
            lines = event.split(b"\n")
            if b"event: slide" in lines:
                for line in lines:
                    if line.startswith(b"data: "):
                        self.seen.append((int(line[6:]), now))


class Room:
    """``viewers`` open event streams to a present server on ``port``."""

    def __init__(self, port: int, viewers: int, timeout: float = 20.0) -> None:
        self.port = port
        self.selector = selectors.DefaultSelector()
        self.phones: list[Phone] = []
        deadline = time.monotonic() + timeout
        for _ in range(viewers):
            phone = self.connect()
            self.phones.append(phone)
        self.wait_until(lambda: all(p.seen for p in self.phones), deadline)

    def connect(self) -> Phone:
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        sock.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        sock.setblocking(False)
        phone = Phone(sock)
        self.selector.register(sock, selectors.EVENT_READ, phone)
        return phone

    def drop(self, phone: Phone) -> Phone:
        """Cuts one phone's connection and opens a new one, as a browser does after a network drop."""
        self.selector.unregister(phone.sock)
        phone.sock.close()
        self.phones.remove(phone)
        fresh = self.connect()
        self.phones.append(fresh)
        return fresh

    def pump(self, until: float) -> None:
        for key, _ in self.selector.select(max(0.0, min(0.05, until - time.monotonic()))):
            phone: Phone = key.data
            try:
                data = phone.sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            if data:
                phone.feed(data, time.perf_counter())
            else:
                self.selector.unregister(phone.sock)

    def wait_until(self, done, deadline: float) -> bool:
        while not done():
            if time.monotonic() > deadline:
                return False
            self.pump(deadline)
        return True

    def close(self) -> None:
        for phone in self.phones:
            try:
                self.selector.unregister(phone.sock)
            except (KeyError, ValueError):
                pass
            phone.sock.close()
        self.selector.close()


def move(port: int, token: str, slide: int) -> int:
    """The speaker shows ``slide``: the HTTP status of the change."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(
            "POST", "/slide", body=str(slide), headers={"X-Slidegen-Token": token, "Content-Type": "text/plain"}
        )
        return conn.getresponse().status
    finally:
        conn.close()


def delays(port: int, token: str, viewers: int = 200, changes: int = 20, last: int = 9) -> tuple[list[float], int]:
    """Seconds from each change to each phone receiving it, and how many (phone, change) pairs were missed."""
    room = Room(port, viewers)
    out: list[float] = []
    missed = 0
    try:
        for k in range(changes):
            slide = (k + 1) % (last + 1)  # 1, 2, … last, 0, 1, …: every change is a change
            start = time.perf_counter()
            before = [len(p.seen) for p in room.phones]
            move(port, token, slide)
            got = room.wait_until(
                lambda before=before: all(len(p.seen) > n for p, n in zip(room.phones, before)), time.monotonic() + 10
            )
            for phone, n in zip(room.phones, before):
                arrived = [t for s, t in phone.seen[n:] if s == slide]
                if arrived:
                    out.append(arrived[0] - start)
                else:
                    missed += 1
            if not got:
                break
    finally:
        room.close()
    return out, missed


def measure_room(viewers: int = 200, changes: int = 20) -> tuple[float, float, float, int]:
    """(median, 95th percentile, max) delay in ms over a room of ``viewers`` phones, and misses."""
    import statistics
    import threading

    from slidegen.server.present import PresentServer

    server = PresentServer(b"<!doctype html><title>room</title>", 9, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        got, missed = delays(server.server_address[1], server.token, viewers, changes)
    finally:
        server.close()
        thread.join(5)
    got.sort()
    ms = [d * 1000 for d in got] or [float("inf")]
    return statistics.median(ms), ms[min(len(ms) - 1, int(0.95 * len(ms)))], ms[-1], missed
