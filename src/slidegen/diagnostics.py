"""Warnings collected during a run, each told as ``path:line: warning: message``."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable, TextIO

from slidegen.model import SourcePos


@dataclass(frozen=True)
class Diagnostic:
    """One warning with the place it concerns."""

    message: str
    pos: SourcePos | str | None = None

    def __str__(self) -> str:
        where = f"{self.pos}: " if self.pos else ""
        return f"{where}warning: {self.message}"


@dataclass
class Report:
    """Collects warnings; prints each as it comes unless ``stream`` is None.

    Per-item problems are logged here and the run carries on; ``--strict`` turns a non-empty
    report into a failure at the end.
    """

    stream: TextIO | None = field(default_factory=lambda: sys.stderr)
    warnings: list[Diagnostic] = field(default_factory=list)
    on_warning: Callable[[Diagnostic], None] | None = None

    def warn(self, message: str, pos: SourcePos | str | None = None) -> None:
        item = Diagnostic(message, pos)
        self.warnings.append(item)
        if self.on_warning:
            self.on_warning(item)
        if self.stream is not None:
            print(item, file=self.stream)

    def extend(self, items: list[Diagnostic]) -> None:
        """Adds warnings gathered elsewhere (a worker process, a sub-report)."""
        for item in items:
            self.warn(item.message, item.pos)

    def __len__(self) -> int:
        return len(self.warnings)
