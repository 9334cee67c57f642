"""Deterministic blog exports for tests and the benchmark: WordPress WXR, RSS 2.0 and Atom.

``wxr(50, with_notes=30, control_chars=3)`` is an export of 50 published posts, the first 30 with
'Slide N:' notes, three of them carrying control characters as real exports do; pages, drafts and
attachments ride along so filtering is exercised. From the shell::

    python tests/feedgen.py wxr 1000 --notes 10 -o export.xml
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = (
    "influence tolerance audience network signal trust enterprise context snippet feedback "
    "whiteboard sketch customer channel story reach cliff curve attention community"
).split()


def sentence(seed: int, words: int = 12) -> str:
    """A sentence of ``words`` words, the same for the same seed."""
    picked = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(words)]
    return picked[0].capitalize() + " " + " ".join(picked[1:]) + "."


def note_html(post: int, n_notes: int) -> str:
    """A post body in WordPress classic-editor form: paragraphs split by blank lines, no <p>."""
    parts = [f"An introduction to post {post}. {sentence(post)}"]
    for n in range(1, n_notes + 1):
        parts.append(f"<strong>Slide {n}:</strong> {sentence(post * 31 + n)} {sentence(post + n, 8)}")
    parts.append("Thanks for reading.")
    return "\n\n".join(parts)


def plain_html(post: int) -> str:
    """A post body without notes."""
    return f"Just a thought, post {post}. {sentence(post)}\n\nAnother paragraph. {sentence(post + 1)}"


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wxr(
    n_posts: int,
    *,
    with_notes: int | None = None,
    notes: int = 3,
    control_chars: int = 0,
    pages: int = 1,
    drafts: int = 1,
    attachments: int = 1,
) -> bytes:
    """A WXR 1.2 export: ``n_posts`` published posts, the first ``with_notes`` of them with notes.

    ``control_chars`` posts (among those with notes) carry a NUL, ^Q or DLE byte in their body.
    """
    with_notes = n_posts if with_notes is None else with_notes
    items = []
    day = dt.date(2009, 1, 1)
    for i in range(n_posts):
        body = note_html(i, notes) if i < with_notes else plain_html(i)
        if i < control_chars:
            body = body.replace("An introduction", "An intro\x00duct\x11ion\x10", 1)
        items.append(_wxr_item(i, f"Post number {i + 1}", body, day + dt.timedelta(days=i), "post", "publish"))
    extra = [(f"About page {k}", "page", "publish") for k in range(pages)]
    extra += [(f"Draft {k}", "post", "draft") for k in range(drafts)]
    extra += [(f"photo-{k}.jpg", "attachment", "inherit") for k in range(attachments)]
    for k, (title, post_type, status) in enumerate(extra):
        items.append(_wxr_item(n_posts + k, title, note_html(n_posts + k, 2), day, post_type, status))
    return (
        """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>A whiteboard blog</title>
\t<link>https://blog.example.org</link>
\t<description>Sketches and notes</description>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:author><wp:author_login><![CDATA[ann]]></wp:author_login></wp:author>
"""
        + "".join(items)
        + "</channel>\n</rss>\n"
    ).encode("utf-8")


def _wxr_item(i: int, title: str, body: str, day: dt.date, post_type: str, status: str) -> str:
    stamp = f"{day.isoformat()} 09:30:00"
    return f"""
\t<item>
\t\t<title>{escape(title)}</title>
\t\t<link>https://blog.example.org/{day.year}/post-{i + 1}/</link>
\t\t<pubDate>{day.strftime("%a, %d %b %Y")} 09:30:00 +0000</pubDate>
\t\t<dc:creator><![CDATA[Ann Author]]></dc:creator>
\t\t<guid isPermaLink="false">https://blog.example.org/?p={i + 1}</guid>
\t\t<description></description>
\t\t<content:encoded>{_cdata(body)}</content:encoded>
\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>
\t\t<wp:post_id>{i + 1}</wp:post_id>
\t\t<wp:post_date><![CDATA[{stamp}]]></wp:post_date>
\t\t<wp:status><![CDATA[{status}]]></wp:status>
\t\t<wp:post_type><![CDATA[{post_type}]]></wp:post_type>
\t</item>"""


def rss(n_posts: int, *, with_notes: int | None = None, notes: int = 3) -> bytes:
    """An RSS 2.0 feed whose items carry HTML in content:encoded (or only a description)."""
    with_notes = n_posts if with_notes is None else with_notes
    items = []
    for i in range(n_posts):
        html = "".join(
            f"<p>{para}</p>" for para in (note_html(i, notes) if i < with_notes else plain_html(i)).split("\n\n")
        )
        day = dt.date(2010, 3, 1) + dt.timedelta(days=i)
        body = (
            f"<content:encoded>{_cdata(html)}</content:encoded>"
            if i % 2 == 0
            else f"<description>{escape(html)}</description>"
        )
        items.append(f"""
    <item>
      <title>Feed post {i + 1}</title>
      <link>https://feed.example.org/p/{i + 1}</link>
      <author>ann@example.org (Ann Author)</author>
      <pubDate>{day.strftime("%a, %d %b %Y")} 08:00:00 GMT</pubDate>
      {body}
    </item>""")
    return (
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Feed blog</title>
    <link>https://feed.example.org/</link>
    <description>A feed</description>"""
        + "".join(items)
        + "\n  </channel>\n</rss>\n"
    ).encode("utf-8")


def atom(n_posts: int, *, with_notes: int | None = None, notes: int = 3) -> bytes:
    """An Atom feed cycling through html, xhtml and text content (and a summary-only entry)."""
    with_notes = n_posts if with_notes is None else with_notes
    entries = []
    for i in range(n_posts):
        paras = (note_html(i, notes) if i < with_notes else plain_html(i)).split("\n\n")
        html = "".join(f"<p>{p}</p>" for p in paras)
        style = i % 4
        if style == 0:
            content = f'<content type="html">{escape(html)}</content>'
        elif style == 1:
            content = f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{html}</div></content>'
        elif style == 2:
            text = "\n\n".join(p.replace("<strong>", "").replace("</strong>", "") for p in paras)
            content = f'<content type="text">{escape(text)}</content>'
        else:
            content = f'<summary type="html">{escape(html)}</summary>'
        stamp = (dt.datetime(2011, 5, 1, 12) + dt.timedelta(days=i)).isoformat() + "Z"
        entries.append(f"""
  <entry>
    <title>Atom post {i + 1}</title>
    <id>urn:example:atom:{i + 1}</id>
    <link rel="alternate" href="https://atom.example.org/{i + 1}"/>
    <published>{stamp}</published>
    <updated>{stamp}</updated>
    {content}
  </entry>""")
    return (
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom blog</title>
  <id>urn:example:atom</id>
  <updated>2011-05-01T12:00:00Z</updated>
  <author><name>Ann Author</name></author>"""
        + "".join(entries)
        + "\n</feed>\n"
    ).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Write a generated blog export.")
    p.add_argument("kind", choices=("wxr", "rss", "atom"))
    p.add_argument("posts", type=int)
    p.add_argument("--notes", type=int, default=3, help="notes per post (default 3)")
    p.add_argument("--with-notes", type=int, help="how many posts carry notes (default all)")
    p.add_argument("--control-chars", type=int, default=0, help="WXR posts carrying control characters")
    p.add_argument("-o", "--out", type=Path, required=True)
    args = p.parse_args(argv)
    kw = {"with_notes": args.with_notes, "notes": args.notes}
    if args.kind == "wxr":
        data = wxr(args.posts, control_chars=args.control_chars, **kw)
    else:
        data = (rss if args.kind == "rss" else atom)(args.posts, **kw)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
