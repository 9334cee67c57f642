"""Markdown posts with optional YAML front matter, rendered by Python-Markdown and read as HTML blocks."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.guards import CPU_SECONDS, check_markdown, cpu_limit
from slidegen.model import Block, Post, SourcePos
from slidegen.readers import frontmatter
from slidegen.readers.html import parse_html
from slidegen.readers.htmlblocks import BlockBuilder
from slidegen.readers.site_pictures import plain_pictures

_WORD = re.compile(r"\w+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_MAX_NESTING = 16  # list levels re-indented; deeper nesting is no real post
_ITEM = re.compile(r"^( *)([-*+]|[0-9]{1,9}[.)])( +)(?=\S)")
_WINDOW = 2000  # lines searched ahead for a block; keeps locating linear


def read(text: str, source: SourcePos, base_dir: Path, options: BuildOptions, report: Report) -> list[Post]:
    """One Post: front matter as its meta, the body's blocks, the first H1 as its title."""
    import markdown
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension

    meta, meta_lines, body, body_line = frontmatter.split(text, source)
    frontmatter.check(meta, meta_lines, source, report.warn)
    if "date" in meta:
        meta["date"] = frontmatter.parse_date(meta["date"], source.at(meta_lines.get("date")), report.warn)
    check_markdown(body, body_line, source)
    nested = nest_lists(body)  # linear, outside the parser's budget
    try:
        with cpu_limit(CPU_SECONDS, "reading the Markdown", source):
            # Instances, not names: a name makes Python-Markdown scan every installed package.
            rendered = markdown.markdown(
                plain_pictures(nested),
                extensions=[FencedCodeExtension(), TableExtension(), SaneListExtension()],
                output_format="html",
            )
    except RecursionError:
        raise InputError("the post is nested too deeply to read (quotes or lists)", source) from None
    blocks = []
    if rendered.strip():
        root = parse_html(f"<html><body>{rendered}</body></html>", source)
        blocks = BlockBuilder(source, line_of=lambda el: None).walk(root.find(".//body"))
    blocks = _locate(blocks, body.split("\n"), body_line - 1)
    title = meta.get("title") or ""
    if not title:
        h1 = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
        if h1 is not None:
            title = h1.text.strip()
            blocks = [b for b in blocks if b is not h1]
    return [Post(source, base_dir, blocks, title=str(title).strip(), meta=meta, meta_lines=meta_lines)]


def nest_lists(body: str) -> str:
    """Re-indents nested list items to the four spaces Python-Markdown needs.

    Posts written for GitHub or CommonMark nest an item under its parent's text (two or three
    spaces); Python-Markdown would run such items into the parent's text. Only the leading
    spaces of item lines change, so every line keeps its number.
    """
    out: list[str] = []
    stack: list[tuple[int, int]] = []  # (indent, content column) of the open items
    fenced = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        m = None if fenced else _ITEM.match(line)
        if m:
            indent, width = len(m.group(1)), len(m.group(2)) + len(m.group(3))
            while stack and indent < stack[-1][1]:
                top = stack.pop()
                if indent >= top[0]:
                    break
            if len(stack) > _MAX_NESTING:  # a pathological post: left as written, for the parse guard
                return body
            line = "    " * len(stack) + line[indent:]
            stack.append((indent, indent + width))
        elif not fenced and line.strip() and not line.startswith((" ", "\t")):
            stack = []
        out.append(line)
    return "\n".join(out)


def _locate(blocks: list[Block], lines: list[str], offset: int) -> list[Block]:
    """Gives each block the line of the Markdown source it came from.

    Python-Markdown keeps no positions, so each block's first words (or picture) are looked for in
    the source, in order, outside fenced code unless the block is code.
    """
    in_fence: list[bool] = []
    fenced = False
    for text in lines:
        if _FENCE.match(text):
            fenced = not fenced
            in_fence.append(True)
        else:
            in_fence.append(fenced)
    out = []
    start = 0  # the line after the previous block's; blocks rarely share a line
    for block in blocks:
        found = _search(block, lines, in_fence, start)
        if found is None and start > 0:
            found = _search(block, lines, in_fence, start - 1)
        if found is not None:
            start = found + 1
        line = (found if found is not None else max(start - 1, 0)) + 1 + offset
        images = tuple(type(img)(img.ref, img.pos.at(line), img.alt) for img in block.images)
        out.append(dataclasses.replace(block, line=line, images=images))
    return out


def _search(block: Block, lines: list[str], in_fence: list[bool], start: int) -> int | None:
    for needle in _needles(block):
        for i in range(start, min(len(lines), start + _WINDOW)):
            if (block.kind == "code" or not in_fence[i]) and needle.search(lines[i]):
                return i
    return None


def _needles(block: Block) -> list[re.Pattern]:
    """Patterns for a block's source line: its first four words, then its first two, then its picture."""
    words = _WORD.findall(block.text)
    found = [
        re.compile(r"\W+".join(map(re.escape, words[:n])))
        for n in sorted({min(4, len(words)), 2})
        if 0 < n <= len(words)
    ][::-1]
    if block.images:
        found.append(re.compile(re.escape(block.images[0].ref[:60])))
    return found
