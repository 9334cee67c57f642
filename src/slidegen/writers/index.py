"""``index.html`` of a batch build: every deck with a thumbnail and links to its slideshow, PPTX and notes.

One self-contained page: thumbnails are small JPEG data URIs made from each deck's first
picture, the style is inline and allowed by its hash, and there is no script at all, so the page
works from a file, a share or a web server alike. Titles and authors are untrusted and autoescaped.
"""

from __future__ import annotations

import base64
import io

from slidegen.config import BuildOptions
from slidegen.dates import iso_date, short_date
from slidegen.links import is_web_address
from slidegen.model import Deck, Picture
from slidegen.writers.html.csp import csp_hash
from slidegen.writers.html.live import reload_script

#: Twice the size a card shows it at (about 320 CSS pixels), so it is sharp on phones and high-density screens.
THUMB_SIZE = (640, 360)
# Output file of each format, as the writers name them; the index links only to what was built.
LINKS = (
    ("html", "Slideshow", "{slug}.html"),
    ("pptx", "PowerPoint", "{slug}.pptx"),
    ("notes", "Notes", "{slug}.notes.md"),
    ("txt", "Notes (text)", "{slug}.notes.txt"),
    ("pdf", "PDF", "{slug}.pdf"),
)

CSS = """\
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#f7f6f2;--card:#fff;--muted:#5f6368;--line:#dedbd2;--link:#0b57d0}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#1c1c1e;--card:#2a2a2d;--muted:#a4a4a8;--line:#3a3a3e;--link:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:2rem clamp(1rem,4vw,3rem) 1rem}
h1{margin:0 0 .25rem;font-size:1.6rem}
header p{margin:0;color:var(--muted)}
ul{list-style:none;margin:0;padding:1rem clamp(1rem,4vw,3rem) 3rem;display:grid;gap:1.25rem;
grid-template-columns:repeat(auto-fill,minmax(260px,1fr))}
li{background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden;display:flex;flex-direction:column}
.thumb{display:block;aspect-ratio:16/9;width:100%;object-fit:contain;background:#fbfaf7}
.text-only{display:flex;align-items:center;justify-content:center;aspect-ratio:16/9;background:var(--line);
color:var(--muted);font-size:.9rem}
.body{padding:.75rem 1rem 1rem;display:flex;flex-direction:column;gap:.35rem;flex:1}
h2{margin:0;font-size:1.05rem;line-height:1.3;overflow-wrap:anywhere}
.meta{margin:0;color:var(--muted);font-size:.85rem}
nav{margin-top:auto;display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding-top:.35rem}
a{color:var(--link);text-decoration:none}a:hover,a:focus{text-decoration:underline}
"""

TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ heading }}</title>
<style>{{ css }}</style>
</head>
<body>
<header>
<h1>{{ heading }}</h1>
<p>{{ decks|length }} decks, {{ slides }} slides</p>
</header>
<main>
<ul>
{%- for d in decks %}
<li id="{{ d.slug }}">
{%- if d.thumb %}
<img class="thumb" src="{{ d.thumb }}" alt="{{ d.alt }}" width="{{ d.width }}" height="{{ d.height }}">
{%- else %}
<div class="text-only" aria-hidden="true">text slides</div>
{%- endif %}
<div class="body">
<h2>{% if d.main %}<a href="{{ d.main }}">{{ d.title }}</a>{% else %}{{ d.title }}{% endif %}</h2>
<p class="meta">{{ d.slides }} slide{{ "" if d.slides == 1 else "s" }}
{%- if d.author %} · {{ d.author }}{% endif %}
{%- if d.date %} · <time datetime="{{ d.date_iso }}">{{ d.date }}</time>{% endif %}</p>
<nav>
{%- for label, href in d.links %}
<a href="{{ href }}">{{ label }}</a>
{%- endfor %}
{%- if d.link %}
<a href="{{ d.link }}" rel="noopener noreferrer">Original post</a>
{%- endif %}
</nav>
</div>
</li>
{%- endfor %}
</ul>
</main>
{{ live }}</body>
</html>
"""


def render_index(decks: list[Deck], options: BuildOptions, heading: str = "Slide decks") -> dict[str, bytes]:
    """``{"index.html": bytes}`` listing ``decks`` in order, linking to the formats that were built."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    live_js = reload_script(options.live_reload_url) if options.live_reload_url else ""
    scripts = f"{csp_hash(live_js)}; connect-src 'self'" if live_js else "'none'"
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {csp_hash(CSS)}; script-src {scripts}; "
        "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'"
    )
    entries = [_entry(deck, options) for deck in decks]
    html = env.from_string(TEMPLATE).render(
        csp=csp,
        css=Markup(CSS),
        heading=heading,
        decks=entries,
        live=Markup(f"<script>{live_js}</script>") if live_js else "",
        slides=sum(len(d.slides) for d in decks),
    )
    return {"index.html": html.encode("utf-8")}


def _entry(deck: Deck, options: BuildOptions) -> dict:
    links = [(label, name.format(slug=deck.slug)) for fmt, label, name in LINKS if fmt in options.formats]
    first = next((deck.picture(s) for s in deck.slides if deck.picture(s) is not None), None)
    thumb = thumbnail(first) if first is not None else None
    return {
        "slug": deck.slug,
        "title": deck.title,
        "author": deck.author,
        "slides": len(deck.slides),
        "date": short_date(deck.date),
        "date_iso": iso_date(deck.date),
        "main": links[0][1] if links else "",
        "links": links,
        "link": deck.link if is_web_address(deck.link) else "",
        "thumb": thumb[0] if thumb else "",
        "width": thumb[1] if thumb else 0,
        "height": thumb[2] if thumb else 0,
        "alt": f"First picture of {deck.title}",
    }


def thumbnail(picture: Picture) -> tuple[str, int, int] | None:
    """(data URI, width, height) of a small JPEG of ``picture``; None when it cannot be read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(picture.data)) as img:
            img.draft("RGB", (THUMB_SIZE[0] * 2, THUMB_SIZE[1] * 2))  # JPEG: decode at a smaller scale
            small = img.convert("RGBA") if img.mode in ("P", "LA", "PA") else img.copy()
    except (OSError, UnidentifiedImageError, ValueError):
        return None  # pictures were checked already; a thumbnail is not worth failing a build for
    small.thumbnail(THUMB_SIZE)
    if small.mode in ("RGBA", "LA"):
        board = Image.new("RGB", small.size, (251, 250, 247))
        board.paste(small, mask=small.getchannel("A"))
        small = board
    elif small.mode != "RGB":
        small = small.convert("RGB")
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=72, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii"), small.width, small.height
