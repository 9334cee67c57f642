"""``slidegen notes``: the speaker notes of every deck in a source, on standard output.

A PPTX deck's notes are printed as the deck has them (every slide, hidden ones marked, list
structure kept); a post's as slidegen would build them.
"""

from __future__ import annotations

import sys

from slidegen.pipeline import Result, check_strict, read_decks
from slidegen.writers.notes import markdown_text, plain_text


def run(args, options, report) -> int:
    if args.source.suffix.lower() == ".pptx" and not args.source.is_dir():
        text = _deck_notes(args)
    else:
        decks = read_decks([args.source], options, report)
        render = markdown_text if args.format == "md" else plain_text
        text = "\n".join(render(deck) for deck in decks)
    sys.stdout.write(text)
    result = Result()
    check_strict(options, report, result)
    if result.failed:
        raise result.failed[0]
    return 0


def _deck_notes(args) -> str:
    from slidegen.errors import InputError
    from slidegen.readers.pptxdeck import read_deck
    from slidegen.writers import decknotes

    if not args.source.exists():
        raise InputError("no such file or folder", str(args.source))
    deck = read_deck(args.source, str(args.source))
    return decknotes.markdown_text(deck) if args.format == "md" else decknotes.plain_text(deck)
