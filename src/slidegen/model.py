"""The deck model that readers produce and writers consume; plain data, no I/O.

The one exception: a ``Picture`` may read its bytes back from the cache file they were kept in.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourcePos:
    """Where a piece of data came from: a file as the user named it, and a 1-based line."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def at(self, line: int | None) -> SourcePos:
        """The same file at another line."""
        return SourcePos(self.path, line)


@dataclass(frozen=True)
class Span:
    """A run of inline text with its emphasis and, for links, the target."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


Paragraph = tuple[Span, ...]


@dataclass(frozen=True)
class Role:
    """What one paragraph of a note is: prose, a list item, a table row, a code block or a sub-heading.

    ``kind`` is "para", "bullet", "number", "row", "code" or "heading". ``level`` is a list item's
    depth (0 at the top), a sub-heading's level (3 for ``###``), or 1 for a table's header row.
    A row's paragraph holds its cells joined by " | " so plain-text readers still get one line;
    ``cells`` keeps them apart for writers that draw tables. A code paragraph keeps its newlines.
    """

    kind: str = "para"
    level: int = 0
    cells: tuple[Paragraph, ...] = ()
    ordinal: int = 0  # a numbered item's number in its list, so a list cut across slides counts on


PROSE = Role()


def number_items(roles: list[Role]) -> list[Role]:
    """The roles with each numbered item's ``ordinal`` set: 1, 2, 3 … within its list and level."""
    counts: dict[int, int] = {}
    out = []
    for role in roles:
        if role.kind in ("bullet", "number"):
            counts = {level: n for level, n in counts.items() if level <= role.level}
            if role.kind == "number":
                counts[role.level] = counts.get(role.level, 0) + 1
                role = Role(role.kind, role.level, role.cells, counts[role.level])
            else:
                counts.pop(role.level, None)
        else:
            counts = {}
        out.append(role)
    return out


@dataclass(frozen=True)
class Note:
    """A speaker note: paragraphs of inline spans, never markup, each with its role.

    ``roles`` runs beside ``paragraphs``; a paragraph without a role (or all of them, when
    ``roles`` is empty) is prose.
    """

    paragraphs: tuple[Paragraph, ...] = ()
    roles: tuple[Role, ...] = ()

    def role(self, index: int) -> Role:
        """The role of paragraph ``index``."""
        return self.roles[index] if index < len(self.roles) else PROSE

    def parts(self) -> list[tuple[Role, Paragraph]]:
        """(role, paragraph) pairs in order."""
        return [(self.role(i), p) for i, p in enumerate(self.paragraphs)]

    def part_range(self, start: int, stop: int | None = None) -> Note:
        """The note's paragraphs ``start:stop`` with their roles."""
        parts = self.parts()[start:stop]
        return Note(tuple(p for _, p in parts), tuple(r for r, _ in parts))

    @property
    def text(self) -> str:
        """The note as plain text, paragraphs separated by a blank line."""
        return "\n\n".join(plain(p) for p in self.paragraphs)

    def __bool__(self) -> bool:
        return any(plain(p).strip() for p in self.paragraphs)

    @classmethod
    def from_text(cls, text: str) -> Note:
        """A note of plain paragraphs split on blank lines."""
        paras = [p.strip() for p in text.split("\n\n")]
        return cls(tuple((Span(p),) for p in paras if p))


def plain(paragraph: Paragraph) -> str:
    """The text of a paragraph without its formatting."""
    return "".join(span.text for span in paragraph)


@dataclass(frozen=True)
class ImageRef:
    """A picture as the post refers to it: a path relative to the post, a URL or a data: URI.

    Once paired with a slide, ``rule`` names the pairing rule that chose it ("number in file
    name"), ``detail`` says it for this picture when it says more ("taken 10:15:00"), and
    ``guess`` marks rules that may be wrong (``--strict`` refuses them).
    """

    ref: str
    pos: SourcePos
    alt: str = ""
    rule: str = ""
    detail: str = ""
    guess: bool = False

    @property
    def why(self) -> str:
        """Why this picture is on its slide, for people: the detail, else the rule."""
        return self.detail or self.rule


@dataclass(frozen=True)
class Block:
    """A reader-neutral piece of a post: a heading, paragraph, list item, quote, code, table row or picture.

    ``kind`` is one of "heading", "para", "item", "quote", "code", "row", "image", "rule".
    ``level`` is a heading's level, a list item's depth (0 at the top) or 1 for a table's header
    row; ``ordered`` marks an item of a numbered list; a row keeps its ``cells`` apart and its
    spans are the cells joined by " | ". ``group``
    tells the container the block sits in (a ``<div>`` or ``<section>``; 0 for a flat post), so a
    picture and the marker right after it are known to be together.
    """

    kind: str
    spans: Paragraph = ()
    line: int | None = None
    level: int = 0
    images: tuple[ImageRef, ...] = ()
    ordered: bool = False
    cells: tuple[Paragraph, ...] = ()
    group: int = 0

    @property
    def text(self) -> str:
        return plain(self.spans)


@dataclass
class Post:
    """What a reader hands to the parser: one post's blocks and what is known about it."""

    source: SourcePos
    base_dir: Path
    blocks: list[Block]
    title: str = ""
    meta: dict = field(default_factory=dict)
    meta_lines: dict = field(default_factory=dict)
    folder_images: list[str] = field(default_factory=list)
    deck_folder: bool = False  # the user named the post's folder: every picture in it is the deck's
    single: bool = True
    left_out: str = ""  # why a reader passes this post over unbuilt (a draft, a page), for the user
    deck: Deck | None = None  # a source that already has slides (a PPTX) hands them over finished


@dataclass
class Slide:
    """One slide: its number as written in the post, a title, the note and its picture."""

    number: int
    title: str
    note: Note
    pos: SourcePos
    image: ImageRef | None = None
    title_is_explicit: bool = False


class Picture:
    """A processed picture, ready for every writer: upright, sized, re-encoded, metadata-free.

    Its bytes are either held (``data`` given) or left in the cache file they were stored in
    (``path`` and ``offset``) and read when a writer asks, so a deck's pictures are never all in
    memory at once. Bytes read back are checked against ``digest``.
    """

    __slots__ = ("_data", "mime", "width", "height", "digest", "path", "offset")

    def __init__(
        self,
        data: bytes | None,
        mime: str,
        width: int,
        height: int,
        digest: str,
        path: Path | None = None,
        offset: int = 0,
    ) -> None:
        if data is None and path is None:
            raise ValueError("a picture needs its bytes or the file that holds them")
        self._data, self.mime, self.width, self.height = data, mime, width, height
        self.digest, self.path, self.offset = digest, path, offset

    @property
    def data(self) -> bytes:
        """The encoded picture (JPEG or PNG bytes)."""
        if self._data is not None:
            return self._data
        import hashlib

        from slidegen.errors import OutputError

        assert self.path is not None  # data is None only for a picture kept in a file
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
        except OSError as exc:
            raise OutputError(
                f"cached picture vanished during the build ({exc.strerror}); build again", str(self.path)
            ) from None
        if hashlib.sha256(data).hexdigest() != self.digest:
            raise OutputError("cached picture changed during the build; build again", str(self.path))
        return data

    def stored_at(self, path: Path, offset: int) -> Picture:
        """The same picture, its bytes left in ``path`` from ``offset`` on."""
        return Picture(None, self.mime, self.width, self.height, self.digest, path, offset)

    @property
    def ext(self) -> str:
        return ".png" if self.mime == "image/png" else ".jpg"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Picture):
            return NotImplemented
        return (self.digest, self.mime, self.width, self.height) == (
            other.digest,
            other.mime,
            other.width,
            other.height,
        )

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        where = f"{len(self._data)} bytes" if self._data is not None else f"in {self.path}"
        return f"Picture({self.mime} {self.width}x{self.height} {self.digest[:12]}, {where})"


@dataclass(frozen=True)
class Word:
    """A word read on a picture: its text, its box as fractions of the picture, and how sure the reader was.

    ``box`` is ``(left, top, right, bottom)``, each 0–1 of the picture's width or height.
    """

    text: str
    box: tuple[float, float, float, float]
    confidence: float


def board_text(words: tuple[Word, ...]) -> str:
    """The words of a picture as one line of text, in reading order."""
    return " ".join(w.text for w in words)


@dataclass
class Deck:
    """One post turned into slides, plus the media bag its slides refer to.

    ``media`` maps ``ImageRef.ref`` to the processed picture; pictures never live in slides.
    """

    title: str
    source: SourcePos
    base_dir: Path
    slides: list[Slide] = field(default_factory=list)
    author: str = ""
    date: _dt.date | None = None
    link: str = ""
    intro: Note = field(default_factory=Note)
    slug: str = ""
    media: dict[str, Picture] = field(default_factory=dict)
    #: What the whiteboard step found per picture reference (``pictures.scan.BoardReport`` as a dict).
    boards: dict[str, dict] = field(default_factory=dict)
    template: Path | None = None
    whiteboard: bool | dict | None = None  # front matter: on, off, or {crop:, corners:} (on)
    keywords: tuple[str, ...] = ()
    layout: str = ""  # front matter ``layout:``: "picture" or "full"; empty for the default
    lang: str = "en"  # BCP 47 tag: PPTX runs, <html lang>, PDF metadata
    #: Text after the first note that belongs to no note (a stray heading's section, a sign-off),
    #: as (where, text), so ``inspect --verbose`` can show what no output carries.
    outside_notes: list[tuple[SourcePos, str]] = field(default_factory=list)
    ocr: bool | None = None  # front matter ``ocr:``; None follows --ocr
    #: Words read on each picture (``--ocr``), keyed like ``media`` by ``ImageRef.ref``.
    words: dict[str, tuple[Word, ...]] = field(default_factory=dict)

    def picture(self, slide: Slide) -> Picture | None:
        """The processed picture of a slide, if it has one."""
        return self.media.get(slide.image.ref) if slide.image else None

    def words_on(self, slide: Slide) -> tuple[Word, ...]:
        """The words read on a slide's picture (empty without ``--ocr`` or a picture)."""
        return self.words.get(slide.image.ref, ()) if slide.image else ()
