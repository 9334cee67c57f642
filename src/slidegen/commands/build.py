"""``slidegen build``: every deck of the sources into the output folder, then a summary."""

from __future__ import annotations

import sys

from ..pipeline import build


def run(args, options, report) -> int:
    result = build(args.sources, options, report)
    for error in result.failed:
        print(error, file=sys.stderr)
    if not options.quiet:
        for path in result.files:
            print(f"wrote {path}")
        for skipped in result.skipped:
            print(f"skipped {skipped.source}: {skipped.title!r} ({skipped.reason})")
        if "html" in options.formats and len(result.decks) == 1:
            snippet = _embed_snippet(result.decks[0])
            if snippet:
                print("\nTo embed the slideshow in a web page, put the HTML file beside the page and paste:\n")
                print(snippet)
    return 1 if result.failed else 0


def _embed_snippet(deck) -> str:
    try:
        from ..writers.html import embed_snippet
    except ImportError:
        return ""
    return embed_snippet(deck, f"{deck.slug}.html")
