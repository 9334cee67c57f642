"""``slidegen check``: the accessibility checker's rules that can be decided from a PPTX file, for any deck.

``check_file`` opens a deck (anyone's: a damaged or foreign file is a ``CheckError``, one line)
and returns its findings in slide order; ``rules`` holds the rules, ``colours`` the colour maths.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Each rule's name, as ``--json`` gives it, and what it finds; the README lists the same.
RULES = {
    "title": "slide without a title, or with an empty title or one off the slide",
    "duplicate-title": "two slides with the same title",
    "alt-text": "picture or graphic without alt text, or with a file name or path as alt text",
    "reading-order": "reading order that does not start with the title",
    "table-header": "table without a header row",
    "small-text": "text below 12 pt",
    "contrast": "text with contrast below WCAG AA (4.5:1, large text 3:1) against its background",
    "empty-placeholder": "placeholder left empty on a slide",
    "notes": "slide without speaker notes (title slides excepted)",
}


@dataclass(frozen=True)
class Finding:
    """One problem on one slide."""

    slide: int
    severity: str  # "error" or "warning"
    rule: str
    message: str
    shape: str = ""

    def line(self, path: str) -> str:
        """``deck.pptx: slide 3: error: picture "Picture 4" has no alt text``."""
        return f"{path}: slide {self.slide}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return {
            "slide": self.slide,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "shape": self.shape,
        }


class CheckError(Exception):
    """A file that cannot be checked: not there, not a PPTX, or damaged."""


def check_file(path: Path) -> list[Finding]:
    """Every finding of the deck at ``path``, in slide order; CheckError when it cannot be read."""
    import zipfile

    from slidegen.checks.rules import check_presentation

    if not path.is_file():
        raise CheckError("no such file" if not path.exists() else "not a file")
    if not zipfile.is_zipfile(path):
        raise CheckError("not a PowerPoint file (.pptx): it is not a zip package")
    _refuse_bombs(path)
    try:
        from pptx import Presentation

        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises what the damage makes it meet; all mean "unreadable"
        raise CheckError(f"not a readable PowerPoint file: {_short(exc)}") from None
    try:
        return check_presentation(prs)
    except Exception as exc:
        raise CheckError(f"damaged PowerPoint file: {_short(exc)}") from None


#: python-pptx reads every part into memory: refuse packages that unpack past this, or XML parts past
#: the second (a deck's XML is kilobytes; its pictures are what make it large).
MAX_UNPACKED = 2 * 1024**3
MAX_XML_PART = 100 * 1024**2


def _refuse_bombs(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CheckError(f"not a readable PowerPoint file: {_short(exc)}") from None
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise CheckError(f"unpacks to more than {MAX_UNPACKED // 1024**3} GB; not checked")
    big = [i.filename for i in infos if i.filename.lower().endswith((".xml", ".rels")) and i.file_size > MAX_XML_PART]
    if big:
        raise CheckError(f"part {big[0]} unpacks to more than {MAX_XML_PART // 1024**2} MB; not checked")


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:159] + "…"
