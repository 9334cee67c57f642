"""``slidegen serve``: a live preview of a post's slideshow on 127.0.0.1, rebuilt and reloaded on change."""

from __future__ import annotations

from slidegen.server.preview import run as serve


def run(args, options, report) -> int:
    return serve(args.source, options, args.port)
