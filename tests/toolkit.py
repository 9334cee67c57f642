"""A small test toolkit: decks, posts and pictures made in a line, so each test says one thing."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image

from slidegen.model import Deck, ImageRef, Note, Picture, Slide, SourcePos, Span


def image_bytes(
    width: int = 64,
    height: int = 48,
    fmt: str = "JPEG",
    color=(200, 40, 40),
    orientation: int | None = None,
    mode: str = "RGB",
) -> bytes:
    """An encoded picture of one colour with a dark top-left quarter, so rotations show."""
    img = Image.new(mode, (width, height), color if mode == "RGB" else None)
    if mode == "RGB":
        img.paste((10, 10, 10), (0, 0, max(1, width // 2), max(1, height // 2)))
    buf = io.BytesIO()
    kwargs = {}
    if orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = orientation
        kwargs["exif"] = exif.tobytes()
    img.save(buf, fmt, **kwargs)
    return buf.getvalue()


def picture(width: int = 64, height: int = 48, color=(200, 40, 40)) -> Picture:
    """A processed picture as the image pipeline would hand it to writers."""
    data = image_bytes(width, height, "JPEG", color)
    return Picture(data, "image/jpeg", width, height, hashlib.sha256(data).hexdigest())


def note(*paragraphs: str) -> Note:
    """A note of plain paragraphs."""
    return Note(tuple((Span(p),) for p in paragraphs))


def make_deck(
    n_slides: int = 3,
    *,
    title: str = "A test deck",
    pictures: bool = True,
    base_dir: Path | None = None,
    slug: str = "a-test-deck",
    **fields,
) -> Deck:
    """A deck of ``n_slides`` slides, each with a two-sentence note and (by default) a picture."""
    src = SourcePos("post.md", 1)
    deck = Deck(title=title, source=src, base_dir=base_dir or Path("."), slug=slug, **fields)
    for n in range(1, n_slides + 1):
        ref = ImageRef(f"slide-{n}.jpg", src.at(n * 2), alt=f"Sketch number {n}") if pictures else None
        deck.slides.append(
            Slide(n, f"Slide title {n}", note(f"Note {n} first sentence. Then more."), src.at(n * 2), ref)
        )
        if ref:
            deck.media[ref.ref] = picture(64 + n, 48, (20 * n % 255, 120, 200))
    return deck


def make_deck_dir(root: Path, files: dict[str, str | bytes]) -> Path:
    """Writes ``files`` (name → text or bytes) below ``root`` and returns ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def examples(full: int) -> int:
    """A property test's example count: ``full`` in the full run, and in a run under a hypothesis profile
    with fewer examples than hypothesis's 100 (``make check`` selects "quick") the same share of it."""
    from hypothesis import settings

    return max(10, full * settings.default.max_examples // 100)
