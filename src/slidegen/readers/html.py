"""HTML posts and whole blog pages: finds each post's body and title, leaves the page furniture."""

from __future__ import annotations

import re
from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import Post, SourcePos
from slidegen.readers.frontmatter import parse_date
from slidegen.readers.htmlblocks import BlockBuilder, close_raw_text, is_furniture

_POST_CLASS = re.compile(r"(^|\s)(post|hentry|h-entry|blog-post|type-post|entry)(\s|$)", re.I)
_BODY_CLASS = re.compile(
    r"(^|\s)(entry-content|post-body|post-content|article-body|article-content|"
    r"e-content|entry-body|story-body)(\s|$)",
    re.I,
)
_TITLE_CLASS = re.compile(r"(^|\s)(entry-title|post-title|p-name|article-title)(\s|$)", re.I)


def parse_html(text: str, source: SourcePos):
    """The document tree of an HTML text, or an InputError naming the file."""
    from lxml import etree
    from lxml import html as lxml_html

    if not text.strip():
        raise InputError("the file is empty", source)
    parser = lxml_html.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml_html.document_fromstring(close_raw_text(text), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", source) from None
    for entry in parser.error_log:
        # libxml2 stops building the tree past 256 levels; the rest of the post would be lost silently.
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise InputError(
                "HTML is nested more than 256 elements deep; slidegen reads at most 256", source.at(entry.line or None)
            ) from None
    return root


def read(text: str, source: SourcePos, base_dir: Path, options: BuildOptions, report: Report) -> list[Post]:
    """One Post per article of the page; a single post when the page holds one."""
    root = parse_html(text, source)
    containers = _post_containers(root)
    single = len(containers) <= 1
    if not containers:
        main = root.find(".//main") if root.find(".//main") is not None else root.find(".//body")
        containers = [main if main is not None else root]
    posts = []
    for el in containers:
        title_el = _title_element(el)
        title = " ".join(title_el.text_content().split()) if title_el is not None else ""
        if not title and single:
            page_title = root.find(".//title")
            title = " ".join(page_title.text_content().split()) if page_title is not None else ""
        body = _body_of(el)
        blocks = BlockBuilder(source).walk(body)
        if title_el is not None:
            blocks = [b for b in blocks if not (b.kind == "heading" and b.text.strip() == title)]
        line = getattr(el, "sourceline", None) or 1
        meta = _byline(el, root if single else None, source.at(line), report)
        lang = _lang_of(el)
        if lang:
            meta["lang"] = lang
        posts.append(Post(source.at(line), base_dir, blocks, title=title, meta=meta, single=single))
    return posts


def _byline(el, page, pos: SourcePos, report: Report) -> dict:
    """Author and date of a post from its markup (or the page's meta tags for a single post)."""
    meta: dict = {}
    author = el.xpath(
        ".//*[@rel='author' or contains(concat(' ', @class, ' '), ' author ')"
        " or contains(concat(' ', @class, ' '), ' p-author ')]"
    )
    if author:
        meta["author"] = " ".join(author[0].text_content().split())
    elif page is not None:
        tag = page.xpath("//meta[@name='author']/@content")
        if tag:
            meta["author"] = " ".join(str(tag[0]).split())
    stamps = el.xpath(".//time/@datetime")
    if not stamps and page is not None:
        stamps = page.xpath("//meta[@property='article:published_time']/@content")
    if stamps:
        meta["date"] = parse_date(str(stamps[0]), pos, report.warn)
    return meta


def _lang_of(el) -> str:
    """The nearest ``lang`` attribute: the post's own, else the page's ``<html lang>``."""
    for node in (el, *el.iterancestors()):
        value = (node.get("lang") or node.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
        if value:
            return value
    return ""


def _post_containers(root) -> list:
    """Top-level <article> elements, else elements classed as posts; nested ones are not posts."""
    for path in (".//article", None):
        found = (
            root.findall(path)
            if path
            else [el for el in root.iter() if isinstance(el.tag, str) and _POST_CLASS.search(el.get("class") or "")]
        )
        found = [el for el in found if not is_furniture(el) and not _inside_furniture(el)]
        outer = [el for el in found if not any(anc in found for anc in el.iterancestors())]
        if outer:
            return outer
    return []


def _inside_furniture(el) -> bool:
    return any(is_furniture(anc) for anc in el.iterancestors())


def _title_element(el):
    for candidate in el.iter():
        if isinstance(candidate.tag, str) and _TITLE_CLASS.search(candidate.get("class") or ""):
            return candidate
    for tag in ("h1", "h2", "h3"):
        found = [h for h in el.iter(tag) if not _inside_furniture(h)]
        if found:
            return found[0]
    return None


def _body_of(el):
    for candidate in el.iter():
        if isinstance(candidate.tag, str) and _BODY_CLASS.search(candidate.get("class") or ""):
            return candidate
    return el
