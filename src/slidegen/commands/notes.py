"""``slidegen notes``: the speaker notes of every deck in a source, on standard output."""

from __future__ import annotations

import sys

from slidegen.pipeline import Result, check_strict, read_decks
from slidegen.writers.notes import markdown_text, plain_text


def run(args, options, report) -> int:
    decks = read_decks([args.source], options, report)
    render = markdown_text if args.format == "md" else plain_text
    sys.stdout.write("\n".join(render(deck) for deck in decks))
    result = Result()
    check_strict(options, report, result)
    if result.failed:
        raise result.failed[0]
    return 0
