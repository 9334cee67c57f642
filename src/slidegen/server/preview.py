"""Live preview: the slideshow served from memory on 127.0.0.1, rebuilt on change, reloaded by SSE.

The build runs on the main thread (the Markdown time limit needs it) each time the post or a
picture changes, through the same ``pipeline.build`` as ``slidegen build``, into a private
temporary folder whose files are then held in memory; the HTTP server answers from the last
build on its own threads. Pages are only ever served from that in-memory build, never from the
disk, so no request can reach another file. The HTML writers are asked (``live_reload_url``) to
put in each page one tiny script that listens for the reload event, allowed by its CSP hash.
"""

from __future__ import annotations

import html
import http.server
import signal
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, TextIO
from urllib.parse import unquote

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError, SlidegenError, UsageError
from slidegen.server.lifecycle import StreamingServer, stop_on_sigterm
from slidegen.writers.html.csp import csp_hash
from slidegen.writers.html.live import reload_script

EVENTS = "/__slidegen/events"
RELOAD_JS = reload_script(EVENTS)
RELOAD_HASH = csp_hash(RELOAD_JS)
HEARTBEAT_SECONDS = 10.0
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


class Preview:
    """The latest build of one source: its pages in memory, or the error that stopped it."""

    def __init__(self, source: Path, options: BuildOptions, log: TextIO | None = None) -> None:
        self.source = source
        # One process: rebuilds run while the server's threads are live, and forking worker
        # processes from a threaded process can deadlock the child (the preview then never reloads).
        self.options = replace(options, formats=("html",), live_reload_url=EVENTS, jobs=1)
        self.log = log
        self.files: dict[str, bytes] = {}
        self.error: str | None = None
        self.generation = 0
        self.changed = threading.Condition()

    def rebuild(self) -> bool:
        """Builds the pages again; True when it worked. Open pages are told to reload either way."""
        report = Report(stream=self.log)
        try:
            files, error = build_pages(self.source, self.options, report), None
        except SlidegenError as exc:
            files, error = {}, str(exc)
        except Exception as exc:  # a bug must not stop the preview; the page and terminal say what
            files, error = {}, f"internal error: {type(exc).__name__}: {exc} (please report it)"
        with self.changed:
            self.files, self.error = files, error
            self.generation += 1
            self.changed.notify_all()
        return error is None

    def wait(self, seen: int, timeout: float) -> int:
        """The generation after ``seen`` once there is one, or ``seen`` after ``timeout`` seconds."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != seen, timeout)
            return self.generation

    def page(self, path: str) -> tuple[int, str, bytes]:
        """(status, content type, body) for a request path, from the current build."""
        with self.changed:
            files, error = self.files, self.error
        name = path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
        if error is not None and (name == "" or name.endswith(".html")):
            return 500, TYPES[".html"], error_page(error)
        if name == "":
            name = (
                "index.html" if "index.html" in files else next((n for n in files if n.endswith(".html")), "index.html")
            )
        data = files.get(unquote(name))
        if data is None:
            return 404, TYPES[".txt"], b"not found\n"
        kind = TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
        return 200, kind, data


def build_pages(source: Path, options: BuildOptions, report: Report) -> dict[str, bytes]:
    """The files ``slidegen build`` makes of ``source`` with ``options``, by name, held in memory.

    A deck that fails stops the preview with its error, as a build's exit code would.
    """
    from slidegen.pipeline import build

    with tempfile.TemporaryDirectory(prefix="slidegen-serve-") as folder:
        result = build([source], replace(options, out_dir=Path(folder)), report)
        if result.failed:
            raise result.failed[0]
        return {path.relative_to(folder).as_posix(): path.read_bytes() for path in result.files}


def error_page(message: str) -> bytes:
    """A page telling the build error, reloading itself like the slideshow; the message is escaped."""
    policy = html.escape(f"default-src 'none'; style-src 'unsafe-inline'; script-src {RELOAD_HASH}; connect-src 'self'")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        "<title>slidegen: build failed</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem;color:#1d1d1f}"
        "pre{white-space:pre-wrap;background:#fdecea;border-left:4px solid #c5221f;padding:1rem}</style>"
        "</head><body><h1>The deck did not build</h1>\n"
        f"<pre>{html.escape(message)}</pre>\n<p>Fix the post and save it: this page reloads by itself.</p>"
        f"<script>{RELOAD_JS}</script></body></html>\n"
    ).encode("utf-8")


class Server(StreamingServer):
    """An HTTP server on 127.0.0.1 that answers from a Preview and stops its event streams on close."""

    allow_reuse_address = True

    def __init__(self, preview: Preview, port: int) -> None:
        self.preview = preview
        super().__init__(("127.0.0.1", port), Handler, preview.changed)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class Handler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD; the Host header must name this machine, so a rebound domain cannot read the deck."""

    server: Server
    server_version = "slidegen"
    sys_version = ""
    head_only = False

    def do_HEAD(self) -> None:
        """What GET would answer, headers only (``curl -I``)."""
        self.head_only = True
        self.do_GET()

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in ("127.0.0.1", "localhost", "::1"):
            self._send(403, TYPES[".txt"], b"forbidden host\n")
        elif self.path.split("?", 1)[0] == EVENTS:
            self._events()
        else:
            self._send(*self.server.preview.page(self.path))

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def _events(self) -> None:
        preview, stopping = self.server.preview, self.server.stopping
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.head_only:
            return
        seen = preview.generation
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while not stopping.is_set():
                now = preview.wait(seen, HEARTBEAT_SECONDS)
                if stopping.is_set():
                    break
                self.wfile.write(f"event: reload\ndata: {now}\n\n".encode() if now != seen else b": ping\n\n")
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page went away or reloaded

    def log_message(self, format: str, *args) -> None:
        pass  # the terminal shows builds, not every request


def watched_paths(source: Path, options: BuildOptions) -> list[Path]:
    """The folders whose changes may change the deck: the post's folder and the extra picture folders."""
    folder = source if source.is_dir() else source.parent
    return [folder.resolve(), *(p.resolve() for p in options.images_dirs if p.is_dir())]


def change_filter(source: Path) -> Callable:
    """A watchfiles filter: the post and pictures count; hidden files and editors' temporaries do not.

    When the source is one post file, other posts beside it (or slideshows built there) do not count.
    """
    from slidegen.pairing import IMAGE_EXTENSIONS
    from slidegen.readers import READERS

    wanted = set(IMAGE_EXTENSIONS) | (set(READERS) if source.is_dir() else set())
    post = source.resolve() if source.is_file() else None

    def accept(change, path: str) -> bool:
        p = Path(path)
        if p.name.startswith((".", "#")) or p.name.endswith("~"):
            return False
        return p == post or p.suffix.lower() in wanted

    return accept


#: How long the watcher waits for a change before it looks in (milliseconds).
WATCH_TICK = 100


def run(
    source: Path,
    options: BuildOptions,
    port: int,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    ready: Callable[[Server], None] | None = None,
) -> int:
    """Serves ``source`` until Ctrl-C (or until the watcher stops); returns the exit code."""
    from watchfiles import watch

    if not source.exists():
        raise InputError("no such file or folder", str(source))
    preview = Preview(source, options, log=err)
    _build(preview, out, err)
    try:
        server = Server(preview, port)
    except OSError as exc:
        raise UsageError(
            f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}; "
            "pick another port with --port (0 picks a free one)"
        ) from None
    thread = threading.Thread(target=server.serve_forever, name="slidegen-serve", daemon=True)
    thread.start()
    previous = stop_on_sigterm()
    announced = False
    try:
        # The watcher hands back an empty set each time it has waited WATCH_TICK ms with nothing
        # changed; the first one says it is watching, and only then is the server announced, so a
        # change made just after "serving" is seen (before, one made on a busy machine was lost).
        for changes in watch(
            *watched_paths(source, options),
            watch_filter=change_filter(source),
            stop_event=server.stopping,
            debounce=800,
            step=50,
            rust_timeout=WATCH_TICK,
            yield_on_timeout=True,
        ):
            if not announced:
                print(f"serving {server.url} (Ctrl-C stops)", file=out, flush=True)
                if ready:
                    ready(server)
                announced = True
            if changes:
                _build(preview, out, err)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        thread.join(5)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    print("stopped", file=out, flush=True)
    return 0


def _build(preview: Preview, out: TextIO, err: TextIO) -> None:
    started = time.perf_counter()
    if preview.rebuild():
        print(f"built {preview.source} in {time.perf_counter() - started:.2f} s", file=out, flush=True)
    else:
        print(preview.error, file=err, flush=True)
