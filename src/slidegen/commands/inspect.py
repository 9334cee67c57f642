"""``slidegen inspect``: the decks, slides, notes and pictures found, as a table or JSON."""

from __future__ import annotations

import os
import sys
import textwrap

from slidegen.cli import print_json
from slidegen.dates import iso_date
from slidegen.pipeline import Result, check_strict, read_decks


def image_path(deck, slide) -> str | None:
    """Where a slide's picture comes from, as a path relative to here (URLs as written)."""
    if slide.image is None:
        return None
    ref = slide.image.ref
    if ref.startswith("data:"):
        return "data: URI"
    if "://" in ref:
        return ref
    return os.path.relpath(deck.base_dir / ref)


def run(args, options, report) -> int:
    result = Result()
    decks = read_decks(args.sources, options, report, result)
    if args.json:
        print_json({
            "decks": [{
                "title": d.title, "slug": d.slug, "source": str(d.source), "author": d.author or None,
                "date": iso_date(d.date) or None,
                "slides": [{"number": s.number, "title": s.title, "note": s.note.text,
                            "image": image_path(d, s), "line": s.pos.line} for s in d.slides],
            } for d in decks],
            "skipped": [{"title": s.title, "source": s.source, "reason": s.reason} for s in result.skipped],
            "left_out": [{"title": s.title, "source": s.source, "reason": s.reason} for s in result.left_out],
        })
    else:
        for deck in decks:
            print(f"{deck.title}  [{deck.slug}]  {deck.source}  {len(deck.slides)} slide(s)")
            for s in deck.slides:
                note = textwrap.shorten(" ".join(s.note.text.split()), 70, placeholder="…") or "(no note)"
                pic = image_path(deck, s) or "(text slide)"
                print(f"  {s.number:>3}  {s.title}\n       {note}\n       picture: {pic}")
            print()
        for skip in result.skipped:
            print(f"skipped: {skip.title!r} at {skip.source} ({skip.reason})")
        for skip in result.left_out:
            print(f"left out: {skip.title!r} at {skip.source}: {skip.reason}")
    check_strict(options, report, result)
    for error in result.failed:  # posts that could not be parsed, or --strict and warnings
        print(error, file=sys.stderr)
    return 1 if result.failed else 0
