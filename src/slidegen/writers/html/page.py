"""The HTML slideshow: one self-contained file that presents, embeds and reads well, safe with untrusted posts."""

from __future__ import annotations

import base64
import json
from functools import lru_cache
from html import escape
from importlib import resources
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from slidegen import textfit
from slidegen.alttext import alt_text
from slidegen.config import BuildOptions
from slidegen.dates import iso_date, long_date
from slidegen.errors import InputError, UsageError
from slidegen.layout import picture_layout
from slidegen.links import safe_href
from slidegen.model import Deck, Picture, Slide
from slidegen.outputs import Stream
from slidegen.writers.html.csp import csp_hash
from slidegen.writers.html.live import reload_script
from slidegen.writers.html.notes import note_html
from slidegen.writers.html.theme import TEMPLATE, load_theme

#: Picture types a slideshow may show; anything else is a bug upstream, not a post problem.
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/svg+xml"})
_EXT = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp", "image/svg+xml": ".svg"}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render(deck: Deck, options: BuildOptions) -> dict[str, Stream]:
    """``{"<slug>.html": stream}``, plus ``<slug>_files/N.ext`` pictures with ``--html-assets external``."""
    theme = load_theme(options.theme)
    external = options.html_assets == "external"
    files: dict[str, Stream] = {}
    slides: list[dict[str, object]] = []
    for slide in deck.slides:
        index = len(slides) + 1
        pic = deck.picture(slide)
        if pic is not None:
            src = _image_src(deck, index, pic, files) if external else _data_uri(pic, slide)
            words = deck.words_on(slide)
            image = {
                "src": src,
                "alt": alt_text(slide, words),
                "width": pic.width,
                "height": pic.height,
                "words": text_layer(words, pic.width, pic.height),
            }
            slides.append(
                {"number": slide.number, "title": slide.title, "image": image, "note": note_html(slide.note, deck.link)}
            )
            continue
        # A text slide: sized to fit like the PPTX, continued on "Title (2)" past the floor.
        for page in textfit.paginate(slide, text_box(slide.title)):
            slides.append(
                {
                    "number": slide.number,
                    "title": page.title,
                    "image": None,
                    "fit": page.size,
                    "body": note_html(page.body, deck.link),
                    "note": note_html(page.note, deck.link),
                }
            )
    for index, entry in enumerate(slides, start=1):
        entry["index"], entry["label"] = index, f"{index} of {len(slides)}"
    addon = present_addon() if options.present else None
    live_js = reload_script(options.live_reload_url) if options.live_reload_url else None
    files[f"{deck.slug}.html"] = _page(deck, theme, slides, external, addon, live_js, picture_layout(deck, options))
    return files


@lru_cache(maxsize=1)
def present_addon() -> tuple[str, str]:
    """(CSS, JS) that make a slideshow part of a ``slidegen present`` room; see ``present.js``."""
    folder = resources.files("slidegen.writers.html")
    return (
        folder.joinpath("present.css").read_text(encoding="utf-8"),
        folder.joinpath("present.js").read_text(encoding="utf-8"),
    )


#: The slide frame in slide points (16:9, 960 pt wide = 100cqw), and what the default theme's
#: rules take from it above and beside a text slide's body (see slideshow.css, ".is-show"):
#: heading margins 2.5 + 1.5cqw, the "Slide N" line 2.25cqw, each title line 3.75cqw, the body's
#: bottom margin 2.5cqw and side margins 4cqw each.
_PT_PER_CQW = 9.6
_TITLE_PT, _TITLE_LINE_PT = 3 * _PT_PER_CQW, 3.75 * _PT_PER_CQW
_ABOVE_AND_BELOW_PT = (2.5 + 1.5 + 2.25 + 2.5) * _PT_PER_CQW
_BODY_WIDTH_PT = 92 * _PT_PER_CQW


def text_box(title: str) -> textfit.Box:
    """The room for a text slide's body in the slideshow, in slide points, with a margin for
    the browser's own rounding; a continued title ("… (2)") is measured so it fits too."""
    lines = textfit.line_count(f"{title} (99)", _TITLE_PT, _BODY_WIDTH_PT, "bold")
    height = 540 - _ABOVE_AND_BELOW_PT - lines * _TITLE_LINE_PT
    return textfit.Box(_BODY_WIDTH_PT * 0.96, height * 0.92, tables_as_grid=True)


def text_layer(words, width: int, height: int) -> list[dict]:
    """Where each word read on a picture goes, in the picture's pixels: box, baseline and font size."""
    layer = []
    for word in words:
        left, top, right, bottom = word.box
        h = max(1.0, (bottom - top) * height)
        layer.append(
            {
                "text": word.text,
                "x": round(left * width, 1),
                "y": round(bottom * height - 0.2 * h, 1),
                "w": round(max(1.0, (right - left) * width), 1),
                "size": round(0.8 * h, 1),
            }
        )
    return layer


def embed_snippet(deck: Deck, html_name: str) -> str:
    """A ready ``<iframe>`` for a blog post: sandboxed, titled, responsive at the show's aspect.

    ``allow-popups`` lets the speaker view and note links open. ``allow-popups-to-escape-sandbox``
    keeps the speaker window in the show's own origin, so the show can draw into it, and lets
    linked pages open normally rather than crippled by an inherited sandbox; the show itself
    stays sandboxed without ``allow-same-origin``, so it can never touch the host page.
    ``?theme=light`` is the theme (a light blog gets no dark box); ``dark`` and ``auto`` are the others.
    """
    src = escape(quote(html_name, safe="/:._-~") + "?theme=light", quote=True)
    title = escape(f"Slideshow: {deck.title}", quote=True)
    return (
        '<div style="position:relative;width:100%;aspect-ratio:16/10;">\n'
        f'  <iframe src="{src}" title="{title}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
        'allow="fullscreen" loading="lazy"\n'
        '    style="position:absolute;inset:0;width:100%;height:100%;border:0;"></iframe>\n'
        "</div>"
    )


def json_for_script(value) -> str:
    """JSON safe inside ``<script type="application/json">``: no markup characters, no JS line breaks."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, repl in _JSON_ESCAPES.items():
        text = text.replace(char, repl)
    return text


def content_security_policy(
    css: str, js: str, external: bool, addon_js: str | None = None, live_js: str | None = None
) -> str:
    """A policy that lets only our own inline style and script run, and pictures load.

    With ``addon_js`` (the present room's script) that script may run too and talk to the server
    the page came from (``connect-src 'self'``), and the room's QR code may load from it.
    ``live_js`` (the preview's reload listener) is allowed by its hash too, and may connect to
    the page's own origin.
    """
    img = "data: 'self'" if external or addon_js else "data:"
    scripts = " ".join(csp_hash(code) for code in (js, addon_js, live_js) if code)
    connect = "'self'" if addon_js or live_js else "'none'"
    return (
        "default-src 'none'; "
        f"img-src {img}; style-src {csp_hash(css)}; script-src {scripts}; "
        f"frame-src 'none'; child-src 'none'; object-src 'none'; connect-src {connect}; "
        "font-src 'none'; manifest-src 'none'; media-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def _page(
    deck: Deck,
    theme,
    slides: list[dict],
    external: bool,
    addon: tuple[str, str] | None,
    live_js: str | None,
    layout: str = "picture",
) -> Stream:
    css = theme.css + addon[0] if addon else theme.css
    addon_js = addon[1] if addon else None
    csp = content_security_policy(css, theme.js, external, addon_js, live_js)
    extra_scripts = "".join(f"<script>{code}</script>" for code in (addon_js, live_js) if code)
    data = {
        "title": deck.title,
        "total": len(slides),
        "slides": [{"number": s["number"], "title": s["title"]} for s in slides],
    }
    context = {
        "deck": {
            "title": deck.title,
            "author": deck.author,
            "date": long_date(deck.date),
            "date_iso": iso_date(deck.date),
            "link": safe_href(deck.link) or "",
            "intro": note_html(deck.intro, deck.link),
            "lang": deck.lang,
            "layout": layout,
        },
        "slides": slides,
        "total": len(slides),
        "csp": csp,
        "csp_meta": Markup('<meta http-equiv="Content-Security-Policy" content="{}">').format(csp),
        "style_tag": Markup(f"<style>{css}</style>"),
        "script_tag": Markup(f"<script>{theme.js}</script>{extra_scripts}"),
        "data_tag": Markup(f'<script type="application/json" id="sg-data">{json_for_script(data)}</script>'),
    }
    required = [str(context[tag]) for tag in ("csp_meta", "style_tag", "script_tag")]

    # Streamed into the file chunk by chunk, so each picture is read and turned into base64 text
    # only while it is written: the page is never held whole, nor its pictures.
    def write(out) -> None:
        missing = set(required)
        try:
            for chunk in theme.template.generate(context):
                out.write(chunk.encode("utf-8"))
                if missing:
                    missing = {tag for tag in missing if tag not in chunk}
        except jinja2.TemplateError as exc:
            raise UsageError(f"theme template failed: {exc}", str(theme.folder / TEMPLATE)) from None
        if missing:
            raise UsageError(
                "theme template must place {{ csp_meta }}, {{ style_tag }} and {{ script_tag }} in the page",
                str(theme.folder / TEMPLATE),
            )

    return Stream(write)


def _check_type(pic: Picture, slide: Slide) -> str:
    if pic.mime not in IMAGE_TYPES:
        raise InputError(f"picture type {pic.mime!r} cannot be shown in a web page", slide.pos)
    return pic.mime


class _DataUri:
    """A picture's ``data:`` URI, made only when the template writes it.

    ``__html__`` marks it safe for autoescaping: a MIME type from our allowlist and the base64
    alphabet hold no character HTML gives meaning to.
    """

    __slots__ = ("mime", "picture")

    def __init__(self, mime: str, picture: Picture) -> None:
        self.mime, self.picture = mime, picture

    def __html__(self) -> str:
        return f"data:{self.mime};base64," + base64.b64encode(self.picture.data).decode("ascii")

    __str__ = __html__


def _data_uri(pic: Picture, slide: Slide) -> _DataUri:
    return _DataUri(_check_type(pic, slide), pic)


def _image_src(deck: Deck, index: int, pic: Picture, files: dict[str, Stream]) -> str:
    name = f"{deck.slug}_files/{index}{_EXT[_check_type(pic, deck.slides[index - 1])]}"
    files[name] = Stream(lambda out: out.write(pic.data))
    return quote(name, safe="/._-~")
