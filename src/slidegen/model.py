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
class Note:
    """A speaker note: paragraphs of inline spans, never markup."""

    paragraphs: tuple[Paragraph, ...] = ()

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
    """A picture as the post refers to it: a path relative to the post, a URL or a data: URI."""

    ref: str
    pos: SourcePos
    alt: str = ""


@dataclass(frozen=True)
class Block:
    """A reader-neutral piece of a post: a heading, paragraph, list item, quote, code or picture.

    ``kind`` is one of "heading", "para", "item", "quote", "code", "image", "rule".
    """

    kind: str
    spans: Paragraph = ()
    line: int | None = None
    level: int = 0
    images: tuple[ImageRef, ...] = ()

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

    def __init__(self, data: bytes | None, mime: str, width: int, height: int, digest: str,
                 path: Path | None = None, offset: int = 0) -> None:
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
            raise OutputError(f"cached picture vanished during the build ({exc.strerror}); build again",
                              str(self.path)) from None
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
        return (self.digest, self.mime, self.width, self.height) == (other.digest, other.mime, other.width, other.height)

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        where = f"{len(self._data)} bytes" if self._data is not None else f"in {self.path}"
        return f"Picture({self.mime} {self.width}x{self.height} {self.digest[:12]}, {where})"


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
    template: Path | None = None
    whiteboard: bool | None = None
    keywords: tuple[str, ...] = ()
    layout: str = ""  # front matter ``layout:``: "picture" or "full"; empty for the default

    def picture(self, slide: Slide) -> Picture | None:
        """The processed picture of a slide, if it has one."""
        return self.media.get(slide.image.ref) if slide.image else None
