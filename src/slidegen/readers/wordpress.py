"""WordPress post content as WordPress shows it: paragraphs from blank lines, and shortcodes understood.

An export holds ``post_content`` as typed. The classic editor leaves paragraphs as blank lines
and line breaks as single newlines; WordPress adds ``<p>`` and ``<br>`` only when it displays
the post (``wpautop``). Block-editor content is already marked up; only its "classic" pieces
between blocks get paragraphs. Shortcodes are expanded here: ``[caption]`` becomes a picture
whose alt text is the caption, ``[gallery]`` the attachments' pictures in order, ``[code]`` a
code block; every other shortcode is removed and named in one warning per post, so nothing
reaches a slide raw. Every rewrite keeps the text's line count, so positions stay true. The
export's namespace and its attachments (the pictures a gallery shows) are read here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

# Tags WordPress treats as blocks: text around them is never wrapped in <p> with them inside.
_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"
    r"area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
    r"footer|nav|figure|figcaption|details|menu|summary|script|iframe|video|audio|object)"
)
_TOKEN = re.compile(rf"(<!--.*?-->|</?{_BLOCKS}\b[^>]*>)", re.I | re.S)
_VOID = re.compile(r"^<(?:hr|col|area)\b|/>$", re.I)
_PRE = re.compile(r"<pre\b.*?</pre>", re.I | re.S)
_TAG = re.compile(r"(<[^>]*>)", re.S)
_BLOCK_COMMENT = re.compile(r"(<!--\s*/?wp:[^>]*?-->)", re.S)

#: Shortcodes whose content is media or markup to run, never text: removed with it.
MEDIA = frozenset(
    {
        "embed",
        "video",
        "audio",
        "playlist",
        "youtube",
        "vimeo",
        "soundcloud",
        "tweet",
        "twitter",
        "instagram",
        "googlemaps",
        "slideshare",
        "gist",
        "spotify",
        "wpvideo",
        "dailymotion",
        "flickr",
        "scribd",
        "ted",
        "contact-form",
        "contact-form-7",
        "polldaddy",
        "crowdsignal",
        "recipe",
    }
)
_CODE = frozenset(
    {
        "code",
        "sourcecode",
        "source",
        "php",
        "python",
        "js",
        "javascript",
        "bash",
        "shell",
        "css",
        "html",
        "xml",
        "sql",
        "java",
        "ruby",
        "c",
        "cpp",
    }
)
_KNOWN = frozenset({"caption", "wp_caption", "gallery", *MEDIA, *_CODE})
_ATTR = re.compile(r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"\]]+)|"([^"]*)"|(\S+)""")
_IMG = re.compile(r"<img\b[^>]*>", re.I | re.S)
_IMG_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


# WordPress's export namespace, whatever its scheme, host spelling and version: WordPress wrote
# "http://wordpress.org/export/1.0/" … "1.2/", and writes "https://…/1.2/" today.
WP_TAG = re.compile(r"^\{https?://(?:www\.)?wordpress\.(?:org|com)/export/[0-9][0-9.]*/\}")
WP_NAMESPACE = re.compile(r"^https?://(?:www\.)?wordpress\.(?:org|com)/export/[0-9][0-9.]*/$")


@dataclass(frozen=True)
class Attachment:
    """A picture of the export (an item of type "attachment") as a gallery shows it."""

    post_id: str
    url: str
    caption: str = ""
    parent: str = ""
    order: int = 0


def wpautop(content: str) -> str:
    """Content → HTML paragraphs, as WordPress adds them when it shows a post.

    Blank lines separate paragraphs and a single newline is a line break; text inside block
    tags and ``<pre>`` is left alone. In block-editor content only the text outside blocks
    (a "classic" piece) is treated so.
    """
    if "<!-- wp:" not in content:
        return _autop(content)
    out, depth = [], 0
    for part in _BLOCK_COMMENT.split(content):
        if _BLOCK_COMMENT.fullmatch(part):
            out.append(part)
            if not part.rstrip("-> \t\n").endswith("/"):
                depth += -1 if re.match(r"<!--\s*/wp:", part) else 1
            depth = max(depth, 0)
        else:
            out.append(part if depth else _autop(part))
    return "".join(out)


def _autop(text: str) -> str:
    kept: list[str] = []

    def keep(m: re.Match) -> str:  # a <pre> may hold blank lines that are not paragraph breaks
        kept.append(m.group())
        return f"\x00{len(kept) - 1}\x00"

    tokens = _TOKEN.split(_PRE.sub(keep, text))
    out, depth = [], 0
    for n, token in enumerate(tokens):
        if n % 2:  # a block tag or a comment
            out.append(token)
            if not token.startswith("<!--") and not _VOID.search(token):
                depth = max(0, depth + (-1 if token.startswith("</") else 1))
        elif depth or not token.strip():
            out.append(token)
        else:
            out.append(_paragraphs(token))
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], "".join(out))


def _paragraphs(text: str) -> str:
    """Text between blocks: each run between blank lines a <p>, its single newlines <br>."""
    pieces = re.split(r"(\n[ \t]*\n\s*)", text)
    out = []
    for n, piece in enumerate(pieces):
        if n % 2 or not piece.strip() or re.fullmatch(r"\s*\x00\d+\x00\s*", piece):
            out.append(piece)
            continue
        lead = piece[: len(piece) - len(piece.lstrip())]
        body = piece.strip()
        tail = piece[len(lead) + len(body) :]
        body = "".join(p if p.startswith("<") else p.replace("\n", "<br>\n") for p in _TAG.split(body))
        out.append(f"{lead}<p>{body}</p>{tail}")
    return "".join(out)


# ---- shortcodes -------------------------------------------------------------------------------


def expand_shortcodes(
    text: str, attachments: dict[str, Attachment] | None = None, post_id: str = ""
) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with its shortcodes expanded or removed, and what was removed as (line offset, message).

    ``attachments`` (by post id) lets ``[gallery]`` find its pictures: by ``ids``/``include``,
    else the pictures attached to ``post_id`` in their menu order.
    """
    if "[" not in text:
        return text, []
    attachments = attachments or {}
    removed: list[tuple[int, str]] = []

    def line_of(m: re.Match) -> int:
        return text.count("\n", 0, m.start())

    def replace(m: re.Match) -> str:
        opening, name, raw_attrs, content, closing = m.group(1), m.group(2).lower(), m.group(3), m.group(5), m.group(6)
        newlines = "\n" * m.group().count("\n")
        if opening == "[" and closing == "]":  # [[gallery]] is the literal text "[gallery]"
            return m.group()[1:-1]
        attrs = _attrs(raw_attrs)
        if name in ("caption", "wp_caption"):
            return _caption(attrs, content or "") + newlines
        if name == "gallery":
            html, missing = _gallery(attrs, attachments, post_id)
            if missing:
                removed.append((line_of(m), f"[gallery] pictures {', '.join(missing)} are not in the export; left out"))
            return html + newlines
        if name in _CODE and content is not None:
            code = content.strip("\n")
            return f"<pre>{escape(code, quote=False)}</pre>" + "\n" * (len(newlines) - code.count("\n"))
        removed.append((line_of(m), f"[{name}]"))
        if name in MEDIA or content is None:
            return newlines
        return content  # an unknown wrapper: its text stays, its tags go

    text = _KNOWN_PATTERN.sub(replace, text)

    # Any other "[name attr=…]" or "[name]…[/name]" is a shortcode of a plugin we do not know.
    def other(m: re.Match) -> str:
        plain_brackets = not m.group(3).strip() and m.group(5) is None and not m.group(4)
        return m.group() if plain_brackets or m.group(2).lower() in _KNOWN else replace(m)

    return _OTHER.sub(other, text), removed


def _shortcode_pattern(names) -> re.Pattern:
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(
        rf"\[(\[?)({alternatives})(?![\w-])([^\]/]*(?:/(?!\])[^\]/]*)*?)"
        rf"(?:(/)\]|\](?:(.*?)\[/\2\])?)(\]?)",
        re.I | re.S,
    )


_KNOWN_PATTERN = _shortcode_pattern(_KNOWN)
# Unknown names count only with attributes ("[foo id=3]") or a closing tag, so "[sic]" stays.
_OTHER = re.compile(
    r"\[(\[?)([a-zA-Z][\w-]*)(?![\w-])((?:\s+[^\]/]*=[^\]]*?)?)"
    r"(?:(/)\]|\](?:(.*?)\[/\2\])?)(\]?)",
    re.S,
)


def _attrs(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for n, m in enumerate(_ATTR.finditer(raw or "")):
        if m.group(1):
            attrs[m.group(1).lower()] = m.group(2)
        elif m.group(3):
            attrs[m.group(3).lower()] = m.group(4)
        elif m.group(5):
            attrs[m.group(5).lower()] = m.group(6)
        else:
            attrs[str(n)] = m.group(7) if m.group(7) is not None else m.group(8)
    return attrs


def _caption(attrs: dict[str, str], content: str) -> str:
    """``[caption]<img …> Text[/caption]`` → a figure whose picture's alt text is the caption."""
    img = _IMG.search(content)
    rest = _IMG.sub(" ", content)
    caption = attrs.get("caption") or " ".join(re.sub(r"<[^>]*>", " ", rest).split())
    if img is None:
        return f"<p>{escape(caption)}</p>" if caption else ""
    found = {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _IMG_ATTR.finditer(img.group())
    }
    from html import unescape

    src = unescape(found.get("src", ""))
    alt = unescape(caption) or unescape(found.get("alt", ""))
    if not src:
        return f"<p>{escape(alt)}</p>" if alt else ""
    return f'<figure><img src="{escape(src)}" alt="{escape(alt)}"></figure>'


def _gallery(attrs: dict[str, str], attachments: dict[str, Attachment], post_id: str) -> tuple[str, list[str]]:
    wanted = attrs.get("ids") or attrs.get("include") or ""
    ids = [i.strip() for i in wanted.split(",") if i.strip()]
    pictures: list[Attachment]
    if ids:
        found = [attachments.get(i) for i in ids]
        missing = [i for i, a in zip(ids, found) if a is None]
        pictures = [a for a in found if a is not None]
    else:
        pictures = sorted(
            (a for a in attachments.values() if post_id and a.parent == post_id),
            key=lambda a: (a.order, int(a.post_id) if a.post_id.isdigit() else 0),
        )
        missing = [] if pictures else ["attached to this post"]
    html = "".join(f'<figure><img src="{escape(a.url)}" alt="{escape(a.caption)}"></figure>' for a in pictures)
    return html, missing


# ---- the export's pictures ---------------------------------------------------------------------


def wp_fields(el) -> dict[str, str]:
    """An export element's ``wp:`` children as {local name: text}."""
    return {
        (child.tag.split("}")[-1]): (child.text or "").strip()
        for child in el
        if isinstance(child.tag, str) and WP_TAG.match(child.tag)
    }


def attachments_of(channel) -> dict[str, Attachment]:
    """The export's pictures by post id, for ``[gallery]``: caption, else alt text, else title."""
    found = {}
    for el in channel.iter("item"):
        wp = wp_fields(el)
        if wp.get("post_type") != "attachment" or not wp.get("attachment_url"):
            continue
        alt = ""
        for meta in el:
            if isinstance(meta.tag, str) and meta.tag.endswith("}postmeta"):
                fields = wp_fields(meta)
                if fields.get("meta_key") == "_wp_attachment_image_alt":
                    alt = fields.get("meta_value", "")
        excerpt = next(
            (
                child
                for child in el
                if isinstance(child.tag, str) and child.tag.endswith("}encoded") and "excerpt" in child.tag
            ),
            None,
        )
        caption = _text_of(excerpt) or alt or _text_of(el.find("title"))
        order = wp.get("menu_order", "0")
        found[wp.get("post_id", "")] = Attachment(
            wp.get("post_id", ""),
            wp["attachment_url"],
            caption,
            wp.get("post_parent", ""),
            int(order) if order.isdigit() else 0,
        )
    return found


def _text_of(el) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""
