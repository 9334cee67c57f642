"""``slidegen present``: the speaker's slideshow leads, the room's phones follow, served from this machine."""

from __future__ import annotations

from slidegen.server.present import run as present


def run(args, options, report) -> int:
    return present(args.source, options, report, args.port, lan=args.lan, host=args.host)
