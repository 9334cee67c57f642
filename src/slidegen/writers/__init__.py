"""The writers table: each output format and the function that renders a deck to files.

A writer is ``render(deck, options) -> dict[str, bytes | outputs.Stream]``: file names relative
to the output folder mapped to their bytes, or to a stream that writes them into the open file
(for outputs whose pictures should not all sit in memory). Writers never parse and never open
files for writing; the pipeline writes what they return, atomically. Modules are imported on first use so start-up stays fast.
"""

from __future__ import annotations

import importlib
from typing import Callable

WRITERS: dict[str, str] = {
    "pptx": "slidegen.writers.pptx.deck:render",
    "html": "slidegen.writers.html.page:render",
    "notes": "slidegen.writers.notes:render_markdown",
    "txt": "slidegen.writers.notes:render_text",
    "pdf": "slidegen.writers.pdf:render",
    "handout": "slidegen.writers.handout:render",
}


def writer(fmt: str) -> Callable:
    """The render function for an output format."""
    module, _, name = WRITERS[fmt].partition(":")
    return getattr(importlib.import_module(module), name)
