"""The one way both servers stop: waiting event streams are woken and the port is freed."""

from __future__ import annotations

import http.server
import socket
import threading

from slidegen.server.lifecycle import StreamingServer


def test_close_wakes_a_waiting_stream_and_frees_the_port():
    changed = threading.Condition()
    server = StreamingServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler, changed)
    port = server.server_address[1]
    serving = threading.Thread(target=server.serve_forever)
    serving.start()
    ended = threading.Event()

    def stream():  # what an event stream does: wait for a change until the server stops
        with changed:
            while not server.stopping.is_set():
                changed.wait()
        ended.set()

    waiter = threading.Thread(target=stream)
    waiter.start()
    server.close()
    waiter.join(timeout=30)
    serving.join(timeout=30)
    assert ended.is_set() and not serving.is_alive()
    with socket.socket() as again:  # nothing listens there any more
        assert again.connect_ex(("127.0.0.1", port)) != 0
