"""``slidegen inspect``: the decks, slides, notes and pictures found, as a table or JSON."""

from __future__ import annotations

import os
import sys
import textwrap

from slidegen.cli import print_json
from slidegen.dates import iso_date
from slidegen.model import board_text
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


def read_boards(decks, options, report, result: Result) -> list:
    """With ``--ocr`` (or front matter ``ocr: true``): process the pictures and read their words.

    Decks whose pictures fail are reported with the other failures and left out.
    """
    if not (options.ocr or any(deck.ocr for deck in decks)):
        return decks
    from slidegen.pictures.ocr import read_all
    from slidegen.pictures.resolve import prepare_media

    failures = prepare_media(decks, options, report)
    result.failed.extend(err for _, err in failures)
    bad = {id(deck) for deck, _ in failures}
    decks = [deck for deck in decks if id(deck) not in bad]
    read_all(decks, options, report)
    return decks


def words_json(deck, slide) -> dict | None:
    """The words read on a slide's picture, for ``--json``; None when none were read."""
    if slide.image is None or slide.image.ref not in deck.words:
        return None
    words = deck.words_on(slide)
    return {"text": board_text(words),
            "words": [{"text": w.text, "confidence": w.confidence, "box": list(w.box)} for w in words]}


def run(args, options, report) -> int:
    result = Result()
    decks = read_boards(read_decks(args.sources, options, report, result), options, report, result)
    if args.json:
        print_json({
            "decks": [{
                "title": d.title, "slug": d.slug, "source": str(d.source), "author": d.author or None,
                "date": iso_date(d.date) or None,
                "slides": [{"number": s.number, "title": s.title, "note": s.note.text,
                            "image": image_path(d, s), "line": s.pos.line, "board": words_json(d, s)}
                           for s in d.slides],
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
                if s.image is not None and s.image.ref in deck.words:
                    said = textwrap.shorten(board_text(deck.words_on(s)), 70, placeholder="…") or "(no words)"
                    print(f"       board: {said}")
            print()
        for skip in result.skipped:
            print(f"skipped: {skip.title!r} at {skip.source} ({skip.reason})")
        for skip in result.left_out:
            print(f"left out: {skip.title!r} at {skip.source}: {skip.reason}")
    check_strict(options, report, result)
    for error in result.failed:  # posts that could not be parsed, or --strict and warnings
        print(error, file=sys.stderr)
    return 1 if result.failed else 0
