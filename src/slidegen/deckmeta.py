"""What a post's front matter sets on its deck: author, date, link, keywords, template, layout,
language, and titles by slide number. The reader has checked the types; these read the values."""

from __future__ import annotations

from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.language import DEFAULT, normalise
from slidegen.model import Deck, Post
from slidegen.slidemap import by_slide_number


def apply_meta(deck: Deck, post: Post) -> None:
    """Front matter fields the deck carries; the reader has checked their types."""
    meta = post.meta
    deck.author = str(meta.get("author") or "").strip()
    deck.date = meta.get("date")
    deck.link = str(meta.get("link") or "").strip()
    deck.whiteboard = meta.get("whiteboard")
    deck.ocr = meta.get("ocr")
    tags = meta.get("keywords") or meta.get("tags") or ()
    if isinstance(tags, str):
        tags = tags.split(",")
    deck.keywords = tuple(str(t).strip() for t in tags if str(t).strip())
    if meta.get("template"):
        deck.template = post.base_dir / str(meta["template"])
    deck.layout = str(meta.get("layout") or "").strip().lower()


def apply_lang(deck: Deck, post: Post, report: Report) -> None:
    """The post's language (front matter ``lang:``, else what the reader found), or the default with a warning."""
    key = "lang" if "lang" in post.meta else "language"
    raw = post.meta.get(key)
    if raw is None or raw == "":
        return
    tag = normalise(raw)
    if tag is None:
        report.warn(
            f"language {str(raw)[:40]!r} is not a language tag like 'en' or 'pt-BR'; using {DEFAULT!r}",
            post.source.at(post.meta_lines.get(key)) if post.meta_lines.get(key) else post.source,
        )
        return
    deck.lang = tag


def front_matter_titles(post: Post, report: Report) -> dict[int, str]:
    """Titles the front matter's ``titles:`` gives by slide number (a list in slide order or a map)."""
    raw = post.meta.get("titles")
    if raw is None:
        return {}
    pos = post.source.at(post.meta_lines.get("titles"))
    titles = {}
    for key, value in by_slide_number(raw, "titles", "title", pos):
        if not isinstance(value, (str, int, float)):
            raise InputError(f"front matter 'titles' entry {key!r}: expected a slide number and a text", pos)
        titles[key] = str(value).strip()
    return titles
