"""The exception tree; only the command line catches these and picks exit codes."""

from __future__ import annotations

from pathlib import Path

from slidegen.model import SourcePos


class SlidegenError(Exception):
    """A problem the user can fix, told as one line: ``path:line: error: message``."""

    exit_code = 1

    def __init__(self, message: str, pos: SourcePos | Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos

    def __str__(self) -> str:
        where = f"{self.pos}: " if self.pos else ""
        return f"{where}error: {self.message}"


class InputError(SlidegenError):
    """A post, picture, template or feed that cannot be used."""


class OutputError(SlidegenError):
    """An output that cannot be written."""


class UsageError(SlidegenError):
    """A command line or option value that makes no sense; exit code 2."""

    exit_code = 2


class StrictFailure(SlidegenError):
    """Warnings were reported and ``--strict`` asked for them to fail the build."""

    def __init__(self, warnings: int) -> None:
        super().__init__(f"{warnings} warning(s) and --strict is set")
