"""``slidegen build``: every deck of the sources into the output folder, with progress and a summary.

On a terminal a progress bar (rich) runs on standard error and warnings print above it; otherwise
each file is listed on standard output as its deck is written. The last lines say how to present
the show and where the deck is. ``--quiet`` silences all of that, leaving warnings and errors.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from slidegen.pipeline import build
from slidegen.rendering import Progress


def run(args, options, report) -> int:
    started = time.perf_counter()
    progress = Progress() if options.quiet else BarProgress(report) if sys.stderr.isatty() else LineProgress()
    result = build(args.sources, options, report, progress)
    for error in result.failed:
        print(error, file=sys.stderr)
    if not options.quiet:
        shown: set[Path] = getattr(progress, "shown", set())  # files the progress lines have listed already
        for path in result.files:
            if path not in shown:
                print(f"wrote {path}")
        for skipped in result.skipped:
            print(f"skipped {skipped.source}: {skipped.title!r} ({skipped.reason})")
        for reason, count in Counter(s.reason for s in result.left_out).items():
            print(f"left out {count} post{'s' if count != 1 else ''} of the export: {reason}")
        if "html" in options.formats and len(result.decks) == 1:
            print("\nTo embed the slideshow in a web page, put the HTML file beside the page and paste:\n")
            print(_embed_snippet(result.decks[0]))
        print_summary(result, len(report), time.perf_counter() - started, rich=isinstance(progress, BarProgress))
        for line in next_steps(result.files, len(result.decks)):
            print(line)
    return 1 if result.failed else 0


def next_steps(files: list, decks: int) -> list[str]:
    """The build's last lines: what was made and how to use it (open the show, its keys, the PPTX)."""

    def kind(suffix: str) -> list:
        return [f for f in files if f.name.endswith(suffix) and f.name != "index.html"]

    shows, pptx, pdfs = kind(".html"), kind(".pptx"), kind(".pdf")
    notes = kind(".notes.md") + kind(".notes.txt")
    index = [f for f in files if f.name == "index.html"]
    lines = []
    if index and decks > 1:
        lines.append(f"Open {index[0]} in a browser: it lists the {decks} decks and links to each slideshow.")
    elif shows:
        lines.append(
            f"Present: open {shows[0]} in a browser, then F for full screen, S for the speaker view "
            "(? lists every key)."
        )
    if pptx:
        lines.append(
            f"PowerPoint deck: {pptx[0]}"
            if len(pptx) == 1
            else f"PowerPoint decks: {len(pptx)} .pptx files in {pptx[0].parent}"
        )
    if pdfs:
        lines.append(f"PDF: {pdfs[0]}" if len(pdfs) == 1 else f"PDFs: {len(pdfs)} files in {pdfs[0].parent}")
    if notes:
        lines.append(
            f"Speaker notes: {notes[0]}"
            if len(notes) == 1
            else f"Speaker notes: {len(notes)} files in {notes[0].parent}"
        )
    return ["", *lines] if lines else []


class LineProgress(Progress):
    """Plain lines for logs and pipes: each file as soon as its deck is written."""

    def __init__(self) -> None:
        self.shown: set[Path] = set()

    def advance(self, deck, rendered) -> None:
        for path in rendered.files:
            print(f"wrote {path}", flush=True)
            self.shown.add(path)


class BarProgress(Progress):
    """A rich progress bar on standard error; warnings that arrive meanwhile print above it."""

    def __init__(self, report) -> None:
        self.report = report
        self.bar: Any = None  # a rich progress bar while a build runs
        self.saved: Any = None

    def start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        # Refreshed only when a deck finishes: no drawing thread may be running when workers fork.
        self.bar = Bar(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            auto_refresh=False,
            transient=True,
        )
        self.task = self.bar.add_task("", total=total)
        self.saved = (self.report.stream, self.report.on_warning)
        console = self.bar.console
        self.report.stream = None
        self.report.on_warning = lambda w: console.print(str(w), markup=False, highlight=False, soft_wrap=True)
        self.bar.start()
        self.bar.refresh()

    def advance(self, deck, rendered) -> None:
        self.bar.update(
            self.task, advance=1, description=deck.slug if rendered.error is None else f"{deck.slug} failed"
        )
        self.bar.refresh()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.report.stream, self.report.on_warning = self.saved
            self.bar = None


def print_summary(result, warnings: int, seconds: float, rich: bool = False) -> None:
    """One table: decks built, slides, posts skipped and failed, warnings, bytes written, seconds."""
    size = 0
    for path in result.files:
        try:
            size += path.stat().st_size
        except OSError:
            pass
    row = {
        "decks": len(result.decks),
        "slides": sum(len(d.slides) for d in result.decks),
        "skipped": len(result.skipped),
        "failed": len(result.failed),
        "warnings": warnings,
        "bytes": size,
        "seconds": seconds,
    }
    cells = [f"{v:,.2f}" if isinstance(v, float) else f"{v:,}" for v in row.values()]
    if rich:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="slidegen build", title_justify="left")
        for name in row:
            table.add_column(name, justify="right")
        table.add_row(*cells)
        Console(stderr=True).print(table)
        return
    widths = [max(len(name), len(cell)) for name, cell in zip(row, cells)]
    print("\n" + "  ".join(name.rjust(w) for name, w in zip(row, widths)))
    print("  ".join(cell.rjust(w) for cell, w in zip(cells, widths)))


def _embed_snippet(deck) -> str:
    from slidegen.writers.html.page import embed_snippet

    return embed_snippet(deck, f"{deck.slug}.html")
