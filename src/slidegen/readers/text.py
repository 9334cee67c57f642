"""Plain-text posts: paragraphs split on blank lines; a page of several posts split at 'Posted by'."""

from __future__ import annotations

import re
from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.model import Block, Post, SourcePos, Span
from slidegen.parse import starts_note

# A blog page saved as text ends each post with a "Posted by …" line.
_POST_END = re.compile(r"^\s*posted by\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[\u2022\u2023\u25e6\u2043*+\-]|[0-9]{1,3}[.)])\s+")


def _is_blank(line: str) -> bool:
    return not line.strip()  # str.strip() also removes no-break spaces


def read(text: str, source: SourcePos, base_dir: Path, options: BuildOptions, report: Report) -> list[Post]:
    """One Post per 'Posted by'-terminated section, or the whole text as one post."""
    lines = text.split("\n")
    chunks: list[tuple[int, list[str]]] = []
    start = 0
    for i, line in enumerate(lines):
        if _POST_END.match(line):
            chunks.append((start, lines[start:i]))
            start = i + 1
    tail = lines[start:]
    if not chunks or any(not _is_blank(x) for x in tail):
        chunks.append((start, tail))
    single = len([c for c in chunks if any(not _is_blank(x) for x in c[1])]) <= 1
    posts = []
    for offset, chunk in chunks:
        blocks = text_blocks(chunk, offset)
        if not blocks:
            continue
        title = blocks[0].text.strip()
        post_source = source.at(blocks[0].line)
        # The first line names the post; it is not part of its prose.
        posts.append(
            Post(
                post_source,
                base_dir,
                blocks[1:] if not starts_note(title) else blocks,
                title=title if not starts_note(title) else "",
                single=single,
            )
        )
    return posts


def text_blocks(lines: list[str], offset: int) -> list[Block]:
    """Paragraphs of joined lines; a bullet line or a line opening a note starts a new block."""
    blocks: list[Block] = []
    para: list[str] = []
    first = 0
    kind = "para"

    def flush():
        if para:
            text = " ".join(" ".join(p.split()) for p in para)
            blocks.append(Block(kind, (Span(text),), line=first))
        para.clear()

    for i, line in enumerate(lines):
        number = offset + i + 1
        if _is_blank(line):
            flush()
            continue
        bullet = _BULLET.match(line)
        if bullet or starts_note(line) or not para:
            flush()
            first, kind = number, "item" if bullet else "para"
            para.append(line[bullet.end() :] if bullet else line)
        else:
            para.append(line)
    flush()
    return blocks
