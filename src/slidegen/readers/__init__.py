"""Readers turn a source (a post file, a page, a deck folder) into Posts of reader-neutral blocks.

The table maps a file extension to ``module:function``; a reader is
``read(text, source, base_dir, options, report) -> list[Post]``. A new input kind is one line here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import Post, SourcePos
from slidegen.pairing import IMAGE_EXTENSIONS, natural_key
from slidegen.untrusted import decode

READERS: dict[str, str] = {
    ".txt": "slidegen.readers.text:read",
    ".text": "slidegen.readers.text:read",
    ".md": "slidegen.readers.markdown:read",
    ".markdown": "slidegen.readers.markdown:read",
    ".html": "slidegen.readers.html:read",
    ".htm": "slidegen.readers.html:read",
    # Feeds and exports: RSS, Atom or WordPress is told by the root element, not by the extension.
    ".xml": "slidegen.readers.feed:read",
    ".rss": "slidegen.readers.feed:read",
    ".atom": "slidegen.readers.feed:read",
    # A deck people already have: its slides, notes and pictures (never picked from a deck folder,
    # where a .pptx is a template beside the post).
    ".pptx": "slidegen.readers.pptx:read",
    ".rdf": "slidegen.readers.feed:read",  # RSS 1.0's usual ending
}
_NOT_IN_FOLDERS = {".pptx"}
# Preferred post file names when a deck folder holds several candidates.
_PREFERRED = ("post", "index", "readme")


def read_source(path: Path, options: BuildOptions, report: Report) -> list[Post]:
    """Reads one source the user named: a post file or a deck folder holding one."""
    if path.is_dir():
        post_file = find_post_file(path)
        posts = read_file(post_file, str(post_file), options, report, pictures_in(path))
        for post in posts:
            post.deck_folder = post.single
        return posts
    if not path.exists():
        raise InputError("no such file or folder", str(path))
    return read_file(path, str(path), options, report, pictures_in(path.parent))


def pictures_in(folder: Path) -> list[str]:
    """The picture files beside a post, in natural order (slide-2 before slide-10)."""
    try:
        return sorted(
            (p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_EXTENSIONS), key=natural_key
        )
    except OSError:
        return []


def find_post_file(folder: Path) -> Path:
    """The one post file in a deck folder, or an InputError saying why there is none."""
    kinds = set(READERS) - _NOT_IN_FOLDERS
    candidates = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in kinds)
    if not candidates:
        raise InputError(f"no post in this folder; slidegen reads {', '.join(sorted(kinds))} files", folder)
    if len(candidates) == 1:
        return candidates[0]
    for stem in _PREFERRED:
        named = [p for p in candidates if p.stem.lower() == stem]
        if named:
            return named[0]
    names = ", ".join(p.name for p in candidates)
    raise InputError(f"several posts in this folder ({names}); name the file to build", folder)


def read_file(
    path: Path, shown: str, options: BuildOptions, report: Report, folder_images: list[str] | None = None
) -> list[Post]:
    """Reads a post file by its extension, through the text choke point."""
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"cannot read {path.suffix or 'files without an extension'}; slidegen reads {known}", shown)
    module, _, name = kind.partition(":")
    reader = importlib.import_module(module)
    read = getattr(reader, name)
    if getattr(reader, "TAKES_PATH", False):  # a zip package (PPTX) is opened and checked by its reader
        return read(path, SourcePos(shown, None), path.parent.resolve(), options, report)
    # A reader module marked ``TAKES_BYTES`` (feeds) checks the bytes itself and holds many posts per file.
    raw = getattr(reader, "TAKES_BYTES", False)
    limit, flag = (options.max_feed_bytes, "--max-feed-bytes") if raw else (options.max_post_bytes, "--max-post-bytes")
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{'file' if raw else 'post'} is {size:,} bytes, over the {limit:,}-byte limit; raise it with {flag}",
                shown,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    if raw:
        posts = read(data, SourcePos(shown, 1), path.parent.resolve(), options, report)
    else:
        clean = decode(data, shown, options.encoding)
        for line, col, message in clean.problems:
            report.warn(f"column {col}: {message}", f"{shown}:{line}")
        posts = read(clean.text, SourcePos(shown, 1), path.parent.resolve(), options, report)
    for post in posts:
        post.folder_images = list(folder_images or []) if post.single else []
    return posts
