"""How both local servers stop: event streams woken and ended, the port freed, ``kill`` as Ctrl-C."""

from __future__ import annotations

import http.server
import signal
import threading


class StreamingServer(http.server.ThreadingHTTPServer):
    """A threaded HTTP server whose event streams wait on ``changed`` and end once ``stopping`` is set."""

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], handler: type[http.server.BaseHTTPRequestHandler], changed: threading.Condition
    ) -> None:
        self.stopping = threading.Event()
        self.changed = changed
        super().__init__(address, handler)

    def serve_forever(self, poll_interval: float = 0.05) -> None:
        # shutdown() returns once the loop has looked at its flag, which it does each poll_interval:
        # a twentieth of a second instead of socketserver's half, so close() frees the port at once.
        super().serve_forever(poll_interval)

    def close(self) -> None:
        """Stops serving: each open event stream is woken to see ``stopping``, then the port is freed."""
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()
        self.shutdown()
        self.server_close()


def stop_on_sigterm():
    """Lets ``kill`` stop a server as cleanly as Ctrl-C does; the previous handler, to restore."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, stop)
