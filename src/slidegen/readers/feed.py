"""RSS 2.0, RSS 1.0, Atom feeds and WordPress (WXR) exports: one Post per published item.

The kind is told by the root element, never the file name. Bodies come from ``content:encoded``
or Atom ``content`` (HTML, XHTML or text; text stays text and is never read as markup), else from
the description or summary. Pages and drafts of a WordPress export are not built unless
``include_pages`` / ``include_drafts`` say so; they come back as posts marked ``left_out`` so the
command line can say what it left out. Attachments, menu items and trash are never posts.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.links import is_web_address
from slidegen.model import Block, Post, SourcePos
from slidegen.readers import xmlsafe
from slidegen.readers.htmlblocks import BlockBuilder, close_raw_text
from slidegen.readers.text import text_blocks
from slidegen.readers.wordpress import (
    WP_NAMESPACE,
    WP_TAG,
    Attachment,
    attachments_of,
    expand_shortcodes,
    wp_fields,
    wpautop,
)

__all__ = ["html_blocks", "read", "sniff", "wpautop"]

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RSS1 = "{http://purl.org/rss/1.0/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# WordPress statuses that are drafts of some kind; "trash", "auto-draft" and "inherit" never count.
DRAFT_STATUSES = {"draft", "pending", "private", "future"}


@dataclass
class Item:
    """What a feed says about one entry, before its body becomes blocks."""

    pos: SourcePos
    title: str
    body: str
    body_kind: str  # "html", "text" or "wpautop" (WordPress content without <p> tags)
    body_line: int
    author: str = ""
    date: dt.date | None = None
    link: str = ""
    left_out: str = ""  # why an export's draft or page is not built (empty: build it)
    lang: str = ""  # an Atom entry's own xml:lang, when it differs from the feed's


#: Why an export's item is left out, as the command line says it, by its kind.
LEFT_OUT = {
    "draft": "a draft (--include-drafts builds it)",
    "page": "a page (--include-pages builds it)",
    "draft page": "a draft page (--include-drafts --include-pages build it)",
}


def read(data: bytes, source: SourcePos, base_dir: Path, options: BuildOptions, report: Report) -> list[Post]:
    """One Post per item of the feed or export that is a published post (or asked for)."""
    root = xmlsafe.parse(data, source.path, repair=options.repair, warn=report.warn)
    kind = sniff(root)
    if kind is None:
        name = root.tag.split("}")[-1] if isinstance(root.tag, str) else "?"
        raise InputError(
            f"not a feed: the root element is <{name}>; slidegen reads RSS 2.0, RSS 1.0, "
            "Atom and WordPress export files",
            source.at(root.sourceline or 1),
        )
    items = {"wxr": _wxr_items, "rss": _rss_items, "rdf": _rdf_items, "atom": _atom_items}[kind](
        root, source, options, report
    )
    lang = feed_language(root)
    del root  # the whole export's tree need not live on while each post's body is parsed
    if all(item.left_out for item in items):
        extra = (
            f" ({len(items)} drafts and pages left out: --include-drafts and --include-pages build them)"
            if items
            else ""
        )
        raise InputError(f"the {'export' if kind == 'wxr' else 'feed'} holds no published posts{extra}", source)
    posts = [
        Post(item.pos, base_dir, [], title=item.title, single=False, left_out=LEFT_OUT[item.left_out])
        if item.left_out
        else _post(item, base_dir, options, report)
        for item in items
    ]
    for post, item in zip(posts, items):
        if item.lang or lang:
            post.meta["lang"] = item.lang or lang
    return posts


def feed_language(root) -> str:
    """The language the whole feed declares: RSS and WordPress ``<language>``, RSS 1.0 ``dc:language``,
    Atom ``xml:lang`` on the feed."""
    found = root.get(XML_LANG) or ""
    channel = root.find("channel")
    if channel is None:
        channel = root.find(f"{RSS1}channel")
    if not found and channel is not None:
        for tag in ("language", f"{DC}language"):
            el = channel.find(tag)
            if el is not None and (el.text or "").strip():
                found = el.text
                break
    return found.strip()


# The reader wants the file's bytes, not decoded text: its pre-scan reports bad bytes where they are.
TAKES_BYTES = True


def sniff(root) -> str | None:
    """ "wxr", "rss", "rdf" or "atom" from the root element and its namespaces; None for anything else."""
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == "rss":
        if any(WP_NAMESPACE.match(uri or "") for uri in (root.nsmap or {}).values()):
            return "wxr"
        channel = root.find("channel")
        if channel is not None and any(isinstance(el.tag, str) and WP_TAG.match(el.tag) for el in channel):
            return "wxr"
        return "rss"
    if tag == f"{ATOM}feed":
        return "atom"
    if tag == f"{RDF}RDF":
        return "rdf"
    return None


def _post(item: Item, base_dir: Path, options: BuildOptions, report: Report) -> Post:
    size = len(item.body.encode("utf-8"))
    if size > options.max_post_bytes:
        report.warn(
            f"post {item.title!r} is {size:,} bytes, over the {options.max_post_bytes:,}-byte limit; "
            "its body is left out (raise it with --max-post-bytes)",
            item.pos,
        )
        blocks: list[Block] = []
    elif item.body_kind == "text":
        blocks = text_blocks(item.body.split("\n"), item.body_line - 1)
    else:
        html = wpautop(item.body) if item.body_kind == "wpautop" else item.body
        blocks = html_blocks(html, item.pos, item.body_line)
    meta = {key: value for key, value in (("author", item.author), ("date", item.date), ("link", item.link)) if value}
    return Post(item.pos, base_dir, blocks, title=item.title, meta=meta, single=False)


def html_blocks(html: str, pos: SourcePos, first_line: int) -> list[Block]:
    """Blocks of an HTML fragment whose first line is ``first_line`` of the feed."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return []
    parser = lxml_html.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml_html.fragment_fromstring(close_raw_text(html), create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return []
    line_of = lambda el: first_line + (getattr(el, "sourceline", None) or 1) - 1  # noqa: E731
    return BlockBuilder(pos, line_of).walk(root)


# ---- RSS 2.0 and WordPress exports -------------------------------------------------------------


def _rss_items(root, source: SourcePos, options: BuildOptions, report: Report) -> list[Item]:
    channel = root.find("channel")
    return [_rss_item(el, source, report) for el in (channel if channel is not None else root).iter("item")]


def _rss_item(el, source: SourcePos, report: Report, wordpress: bool = False) -> Item:
    pos = source.at(el.sourceline)
    body_el = el.find(f"{CONTENT}encoded")
    if body_el is None or not (body_el.text or "").strip():
        body_el = el.find("description")
    body = (body_el.text or "") if body_el is not None else ""
    kind = "wpautop" if wordpress and body_el is not None and body_el.tag == f"{CONTENT}encoded" else "html"
    author = _text(el.find(f"{DC}creator")) or _rss_author(_text(el.find("author")))
    return Item(
        pos,
        _text(el.find("title")),
        body,
        kind,
        _line(body_el, pos),
        author,
        _rss_date(_text(el.find("pubDate")), pos, report),
        _link(_text(el.find("link")), pos, report),
    )


def _wxr_items(root, source: SourcePos, options: BuildOptions, report: Report) -> list[Item]:
    include_drafts = options.include_drafts
    include_pages = options.include_pages
    channel = root.find("channel")
    attachments = attachments_of(channel)
    items = []
    for el in channel.iter("item"):
        wp = wp_fields(el)
        post_type, status = wp.get("post_type", "post"), wp.get("status", "publish")
        if post_type not in ("post", "page") or (status != "publish" and status not in DRAFT_STATUSES):
            continue  # attachments, menu items, trash, auto-drafts: never posts
        draft, page = status != "publish" and not include_drafts, post_type == "page" and not include_pages
        if draft or page:
            kind = "draft page" if draft and page else "draft" if draft else "page"
            items.append(Item(source.at(el.sourceline), _text(el.find("title")), "", "html", 0, left_out=kind))
            continue
        item = _rss_item(el, source, report, wordpress=True)
        item.body = _shortcodes(item, attachments, wp.get("post_id", ""), report)
        date = wp.get("post_date", "")
        if date and not date.startswith("0000"):
            item.date = _iso_date(date, item.pos, report) or item.date
        items.append(item)
    return items


def _shortcodes(item: Item, attachments: dict[str, Attachment], post_id: str, report: Report) -> str:
    """The item's body with shortcodes expanded; what could not be shown is warned about once."""
    body, removed = expand_shortcodes(item.body, attachments, post_id)
    names = [(line, what) for line, what in removed if what.startswith("[") and what.endswith("]")]
    if names:
        listed = ", ".join(dict.fromkeys(what for _, what in names))
        report.warn(
            f"shortcodes {listed} removed from {item.title or 'a post'!r}: slidegen cannot show them",
            item.pos.at(item.body_line + names[0][0]),
        )
    for line, what in removed:
        if (line, what) not in names:
            report.warn(what, item.pos.at(item.body_line + line))
    return body


def _rdf_items(root, source: SourcePos, options: BuildOptions, report: Report) -> list[Item]:
    items = []
    for el in root.iter(f"{RSS1}item"):
        pos = source.at(el.sourceline)
        body_el = el.find(f"{CONTENT}encoded")
        if body_el is None or not (body_el.text or "").strip():
            body_el = el.find(f"{RSS1}description")
        body = (body_el.text or "") if body_el is not None else ""
        items.append(
            Item(
                pos,
                _text(el.find(f"{RSS1}title")),
                body,
                "html",
                _line(body_el, pos),
                _text(el.find(f"{DC}creator")),
                _iso_date(_text(el.find(f"{DC}date")), pos, report),
                _link(_text(el.find(f"{RSS1}link")), pos, report),
            )
        )
    return items


# ---- Atom -------------------------------------------------------------------------------------


def _atom_items(root, source: SourcePos, options: BuildOptions, report: Report) -> list[Item]:
    feed_author = _text(root.find(f"{ATOM}author/{ATOM}name"))
    items = []
    for el in root.iter(f"{ATOM}entry"):
        pos = source.at(el.sourceline)
        content = el.find(f"{ATOM}content")
        if content is None or content.get("src") or not _has_content(content):
            content = el.find(f"{ATOM}summary")
        body, kind = _atom_text(content) if content is not None else ("", "text")
        link = ""
        for candidate in el.findall(f"{ATOM}link"):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate.get("href")
                break
        stamp = _text(el.find(f"{ATOM}published")) or _text(el.find(f"{ATOM}updated"))
        author = _text(el.find(f"{ATOM}author/{ATOM}name")) or feed_author
        title_el = el.find(f"{ATOM}title")
        title = _atom_title(title_el)
        items.append(
            Item(
                pos,
                title,
                body,
                kind,
                _line(content, pos),
                author,
                _iso_date(stamp, pos, report),
                _link(link, pos, report),
                lang=(content if content is not None else el).get(XML_LANG) or el.get(XML_LANG) or "",
            )
        )
    return items


def _has_content(el) -> bool:
    return bool((el.text or "").strip()) or len(el) > 0


def _atom_text(el) -> tuple[str, str]:
    """(body, "html" or "text") of an Atom text construct; XHTML is serialised back to HTML."""
    from lxml import etree

    kind = (el.get("type") or "text").strip().lower()
    if kind in ("xhtml", "application/xhtml+xml"):
        div = next((child for child in el if isinstance(child.tag, str)), None)
        if div is None:
            return el.text or "", "text"
        # The XHTML div starts on the content element's line or later; pad so lines still match.
        pad = "\n" * max(0, (div.sourceline or 0) - (el.sourceline or 0))
        inner = etree.tostring(div, encoding="unicode", with_tail=False)
        return pad + re.sub(r"<(/?)[A-Za-z_][\w.-]*:", r"<\1", inner), "html"
    if kind in ("html", "text/html"):
        return el.text or "", "html"
    return el.text or "", "text"


def _atom_title(el) -> str:
    if el is None:
        return ""
    kind = (el.get("type") or "text").lower()
    if kind in ("html", "xhtml"):
        from lxml import html as lxml_html

        raw = (el.text or "") if kind == "html" else "".join(el.itertext())
        try:
            return " ".join(lxml_html.fromstring(f"<div>{raw}</div>").text_content().split())
        except Exception:  # lxml raises several types for odd markup; the plain text will do
            return " ".join(raw.split())
    return " ".join("".join(el.itertext()).split())


# ---- small field parsers ----------------------------------------------------------------------


def _text(el) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def _line(el, pos: SourcePos) -> int:
    return (el.sourceline if el is not None else None) or pos.line or 1


def _rss_author(value: str) -> str:
    """RSS <author> is "email (Name)"; the name is what a title slide wants."""
    m = re.search(r"\(([^()]+)\)\s*$", value)
    if m:
        return m.group(1).strip()
    return "" if "@" in value and " " not in value else value


def _rss_date(value: str, pos: SourcePos, report: Report) -> dt.date | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return _iso_date(value, pos, report)


def _iso_date(value: str, pos: SourcePos, report: Report) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        report.warn(f"date {value!r} is not understood; left out", pos)
        return None


def _link(value: str, pos: SourcePos, report: Report) -> str:
    """The post's address when it is a web address; anything else (javascript: …) is dropped."""
    value = value.strip()
    if value and not is_web_address(value):
        report.warn(f"link {value[:80]!r} is not an http(s) address; left out", pos)
        return ""
    return value
