"""Renders and writes decks, several at once in worker processes; a failing deck never stops the others.

Each deck is rendered whole in memory by the writers and written atomically by the process that
rendered it, so the parent only learns names and sizes and never holds every deck's bytes at
once. Errors cross the process boundary as (class, message, place) because exceptions pickle
without the place they carry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from slidegen import outputs
from slidegen.config import BuildOptions
from slidegen.errors import OutputError, SlidegenError
from slidegen.model import Deck
from slidegen.writers import writer

# Decks sent to a worker at once: enough to make sending cheap, few enough that progress moves.
MAX_RUN = 8


@dataclass
class Rendered:
    """What became of one deck: the files written and their size, or the error that stopped it."""

    files: list[Path] = field(default_factory=list)
    size: int = 0
    problem: tuple[type, str, object] | None = None

    @property
    def error(self) -> SlidegenError | None:
        """The deck's error, rebuilt with its place in the post."""
        if self.problem is None:
            return None
        cls, message, pos = self.problem
        return cls(message, pos)


class Progress:
    """What a build tells its watcher; the command line shows a bar or plain lines, the API nothing."""

    def start(self, total: int) -> None:
        """``total`` decks are about to be rendered."""

    def advance(self, deck: Deck, rendered: Rendered) -> None:
        """One deck is done, built or failed."""

    def stop(self) -> None:
        """Every deck is done (also called when the build is interrupted)."""


def render_all(decks: list[Deck], options: BuildOptions, progress: Progress) -> list[Rendered]:
    """Renders and writes every deck, telling ``progress`` as each finishes; outcomes in deck order."""
    done: dict[int, Rendered] = {}
    progress.start(len(decks))
    try:
        for index, rendered in render_decks(decks, options):
            done[index] = rendered
            progress.advance(decks[index], rendered)
    finally:
        progress.stop()
    return [done[index] for index in range(len(decks))]


def render_decks(decks: list[Deck], options: BuildOptions) -> Iterator[tuple[int, Rendered]]:
    """(index into ``decks``, outcome) for every deck, in the order they finish.

    With one worker (``--jobs 1``) or one deck everything happens here; otherwise in
    ``options.workers`` processes, which get small runs of decks so that sending a deck costs
    little next to rendering it.
    """
    workers = min(options.workers, len(decks))
    if workers <= 1:
        for index, deck in enumerate(decks):
            yield index, render_one(deck, options)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # The first deck is rendered here: writers import, themes compile and caches fill once, and
    # the forked workers inherit all of it instead of each doing it again.
    yield 0, render_one(decks[0], options)
    size = max(1, min(MAX_RUN, len(decks) // (workers * 4)))
    runs = [list(range(start, min(start + size, len(decks)))) for start in range(1, len(decks), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(render_run, [decks[i] for i in run], options): run for run in runs}
        try:
            for future in as_completed(futures):
                run = futures[future]
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    outcomes = [
                        Rendered(
                            problem=(
                                OutputError,
                                "rendering crashed a worker process (out of memory?); try --jobs 1 to find the deck",
                                decks[i].source,
                            )
                        )
                        for i in run
                    ]
                yield from zip(run, outcomes)
        finally:
            for future in futures:  # on Ctrl-C or an early exit, runs not started stay unstarted
                future.cancel()


def render_run(decks: list[Deck], options: BuildOptions) -> list[Rendered]:
    """Renders a few decks one after the other (in a worker process)."""
    return [render_one(deck, options) for deck in decks]


def render_one(deck: Deck, options: BuildOptions) -> Rendered:
    """Renders every format of one deck and writes the files together, or none of them."""
    try:
        files: dict[str, outputs.Output] = {}
        for fmt in options.formats:
            files.update(writer(fmt)(deck, options))
        written = outputs.write_all(options.out_dir, files)
        return Rendered(written, sum(path.stat().st_size for path in written))
    except SlidegenError as exc:
        return Rendered(problem=(type(exc), exc.message, exc.pos))
    except Exception as exc:  # a writer's bug must not take the other decks down with it
        if os.environ.get("SLIDEGEN_DEBUG"):
            raise
        return Rendered(
            problem=(
                SlidegenError,
                f"internal error while rendering this deck: {type(exc).__name__}: {exc} (please report it)",
                deck.source,
            )
        )
