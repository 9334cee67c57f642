"""A deck unpacked into a deck folder: ``post.md`` in slidegen's post format and one picture per slide.

The post's front matter carries the deck's title, author, date, keywords, each slide's title and
``template:`` pointing back to the deck so a rebuilt PPTX keeps its look; each slide is a
``Slide N:`` paragraph of its notes (lists kept as Markdown lists) with its picture placed inside
the note, so the picture, its alt text and its slide stay together. Pictures keep their original
bytes (``slide-N.jpg`` …); slides LibreOffice rendered are ``slide-N.png``.
"""

from __future__ import annotations

import os
from pathlib import Path

from slidegen.readers.pptx import Plan
from slidegen.writers.decknotes import notes_markdown
from slidegen.writers.notes import escape_markdown

POST_NAME = "post.md"


def picture_name(number: int, ext: str) -> str:
    """The file a slide's picture is saved as: ``slide-3.jpg``; pairing matches it by number."""
    return f"slide-{number}.{ext}"


def render_folder(plan: Plan, deck_path: Path, out_dir: Path) -> dict[str, bytes]:
    """``{"post.md": …, "slide-1.jpg": …}``: every file of the unpacked deck folder."""
    files: dict[str, bytes] = {POST_NAME: post_text(plan, deck_path, out_dir).encode("utf-8")}
    for item in plan.slides:
        if item.picture is not None:
            files[picture_name(item.number, item.ext)] = item.picture
    return files


def template_path(deck_path: Path, out_dir: Path) -> str:
    """The deck as the post should name it: relative when it is near (the pair moves together),
    else absolute, so the folder still finds its template wherever it was unpacked."""
    deck = deck_path.resolve()
    relative = Path(os.path.relpath(deck, out_dir.resolve()))
    if relative.parts[:3].count("..") <= 2:
        return relative.as_posix()
    return deck.as_posix()


def post_text(plan: Plan, deck_path: Path, out_dir: Path) -> str:
    """The post: front matter, the title slide's notes as introduction, then one note per slide."""
    import yaml

    meta: dict = {"title": plan.title}
    if plan.author:
        meta["author"] = plan.author
    if plan.deck.date:
        meta["date"] = plan.deck.date.isoformat()
    keywords = [k.strip() for k in plan.deck.keywords.replace(";", ",").split(",") if k.strip()]
    if keywords:
        meta["keywords"] = keywords
    meta["template"] = template_path(deck_path, out_dir)
    titles = {item.number: item.source.title for item in plan.slides if item.source.title}
    if titles:
        meta["titles"] = titles
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    out = ["---", head.rstrip("\n"), "---", ""]
    intro = notes_markdown(plan.intro)
    if intro:
        out += [intro, ""]
    for item in plan.slides:
        body = notes_markdown(item.note)
        first = next((p for p in item.note if p.text.strip()), None)
        if first is not None and not first.bullet and first.level == 0:
            out.append(f"Slide {item.number}: {body}")  # the marker opens the note's first paragraph
        else:
            out += [f"Slide {item.number}:"] + (["", body] if body else [])
        out.append("")
        if item.picture is not None:
            alt = "" if item.rendered or not item.source.picture else item.source.picture.alt
            out += [f"![{escape_markdown(' '.join(alt.split()))}]({picture_name(item.number, item.ext)})", ""]
    return "\n".join(out).rstrip("\n") + "\n"
