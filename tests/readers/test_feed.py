"""Feeds and exports in: RSS 2.0, RSS 1.0, Atom and WordPress WXR, one post per published item."""

import datetime as dt
import json

import pytest

import feedgen
from cli_run import assert_one_line_error, cli, slidegen
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.pipeline import Result, read_decks
from slidegen.readers.feed import wpautop


def decks_of(tmp_path, name: str, data: bytes, **options):
    path = tmp_path / name
    path.write_bytes(data)
    report, result = Report(stream=None), Result()
    decks = read_decks([path], BuildOptions(**options), report, result)
    return decks, result, report


def test_generated_wxr_export_of_50_posts(tmp_path):
    decks, result, report = decks_of(
        tmp_path, "export.xml", feedgen.wxr(50, with_notes=30, control_chars=3), repair=True
    )
    assert len(decks) == 30 and len(result.skipped) == 20 and not result.failed
    assert [d.title for d in decks[:2]] == ["Post number 1", "Post number 2"]
    first = decks[0]
    assert (first.author, first.date, first.link) == (
        "Ann Author",
        dt.date(2009, 1, 1),
        "https://blog.example.org/2009/post-1/",
    )
    assert [s.number for s in first.slides] == [1, 2, 3]
    assert first.slides[0].note.text.startswith(feedgen.sentence(0 * 31 + 1).rstrip("."))
    assert first.intro.text.startswith("An introduction to post 0.")
    # Three posts carried NUL, ^Q and DLE: nine repairs, each with line and column.
    repairs = [str(w) for w in report.warnings if "removed control character" in w.message]
    assert len(repairs) == 9 and repairs[0].startswith(f"{tmp_path / 'export.xml'}:23:37: warning:")


def test_wxr_with_control_characters_fails_without_repair(tmp_path):
    path = tmp_path / "export.xml"
    path.write_bytes(feedgen.wxr(5, control_chars=1))
    run = slidegen("inspect", path)
    assert_one_line_error(run, f"{path}:23:37", "control character U+0000 is not allowed in XML")
    assert "--repair" in run.stderr


def test_wxr_leaves_out_pages_drafts_and_attachments_unless_asked(tmp_path):
    data = feedgen.wxr(3, pages=2, drafts=1, attachments=4)
    titles = lambda **o: [d.title for d in decks_of(tmp_path, "e.xml", data, **o)[0]]  # noqa: E731
    assert titles() == ["Post number 1", "Post number 2", "Post number 3"]
    assert titles(include_pages=True)[3:] == ["About page 0", "About page 1"]
    assert titles(include_drafts=True)[3:] == ["Draft 0"]
    assert not any("photo" in t for t in titles(include_pages=True, include_drafts=True))


def test_what_an_export_leaves_out_is_listed_with_the_flag_that_builds_it(tmp_path):
    data = feedgen.wxr(2, pages=2, drafts=1, attachments=3)
    _, result, _ = decks_of(tmp_path, "e.xml", data)
    left = [(s.title, s.reason) for s in result.left_out]
    assert left == [
        ("About page 0", "a page (--include-pages builds it)"),
        ("About page 1", "a page (--include-pages builds it)"),
        ("Draft 0", "a draft (--include-drafts builds it)"),
    ]  # attachments are never posts
    assert all(s.source.startswith(str(tmp_path / "e.xml") + ":") for s in result.left_out)
    assert not result.skipped  # left out is not "no slide notes"
    _, result, _ = decks_of(tmp_path, "e.xml", data, include_pages=True)
    assert [s.title for s in result.left_out] == ["Draft 0"]


def test_wxr_trash_and_auto_drafts_never_count(tmp_path):
    data = feedgen.wxr(1, drafts=0, pages=0, attachments=0).replace(
        b"</channel>",
        ITEM_WITH_STATUS.replace(b"STATUS", b"trash")
        + ITEM_WITH_STATUS.replace(b"STATUS", b"auto-draft")
        + b"</channel>",
    )
    decks, _, _ = decks_of(tmp_path, "e.xml", data, include_drafts=True)
    assert [d.title for d in decks] == ["Post number 1"]


ITEM_WITH_STATUS = b"""<item><title>Gone</title><content:encoded><![CDATA[Slide 1: gone]]></content:encoded>
<wp:status>STATUS</wp:status><wp:post_type>post</wp:post_type></item>"""


def test_wordpress_paragraphs_without_p_tags_become_separate_blocks(tmp_path):
    body = "Intro line.\n\n<strong>Slide 1:</strong> first\nstill first\n\nMore about one.\n\nSlide 2: second\n\nBye."
    # A single newline is a line break, as WordPress shows it.
    assert wpautop(body) == (
        "<p>Intro line.</p>\n\n<p><strong>Slide 1:</strong> first<br>\nstill first</p>\n\n"
        "<p>More about one.</p>\n\n<p>Slide 2: second</p>\n\n<p>Bye.</p>"
    )
    data = feedgen.wxr(1, pages=0, drafts=0, attachments=0).replace(feedgen.note_html(0, 3).encode(), body.encode())
    deck = decks_of(tmp_path, "e.xml", data)[0][0]
    assert deck.slides[0].note.text == "first\nstill first\n\nMore about one."
    assert deck.slides[1].note.text == "second\n\nBye."


def test_wpautop_keeps_block_editor_content_and_pre_blocks():
    gutenberg = "<!-- wp:paragraph -->\n<p>Slide 1: a</p>\n<!-- /wp:paragraph -->"
    assert wpautop(gutenberg) == gutenberg
    assert (
        wpautop("Text\n\n<pre>code\n\nmore</pre>\n\n<ul><li>x</li></ul>")
        == "<p>Text</p>\n\n<pre>code\n\nmore</pre>\n\n<ul><li>x</li></ul>"
    )


def test_rss_feed_content_encoded_and_description(tmp_path):
    decks, result, _ = decks_of(tmp_path, "feed.rss", feedgen.rss(6, with_notes=4))
    assert [d.title for d in decks] == [f"Feed post {n}" for n in range(1, 5)]
    assert len(result.skipped) == 2
    assert all(len(d.slides) == 3 for d in decks)  # odd items only have an escaped-HTML description
    assert decks[1].author == "Ann Author" and decks[1].date == dt.date(2010, 3, 2)
    assert decks[1].link == "https://feed.example.org/p/2"
    assert decks[0].slides[0].pos.line == 12


def test_atom_feed_html_xhtml_text_and_summary(tmp_path):
    decks, result, _ = decks_of(tmp_path, "feed.atom", feedgen.atom(8, with_notes=8))
    assert len(decks) == 8 and not result.skipped
    assert {len(d.slides) for d in decks} == {3}
    assert decks[0].author == "Ann Author"  # from the feed when the entry has none
    assert decks[4].date == dt.date(2011, 5, 5) and decks[4].link == "https://atom.example.org/5"
    # The same notes whatever the content type.
    for post, deck in enumerate(decks):
        assert deck.slides[0].note.text.split()[:3] == feedgen.sentence(post * 31 + 1).split()[:3]


def test_kind_is_sniffed_from_the_root_not_the_extension(tmp_path):
    assert len(decks_of(tmp_path, "really-atom.rss", feedgen.atom(2))[0]) == 2
    assert len(decks_of(tmp_path, "really-rss.atom", feedgen.rss(2))[0]) == 2
    assert len(decks_of(tmp_path, "export.XML", feedgen.wxr(2))[0]) == 2


def test_unknown_root_element_is_named(tmp_path):
    path = tmp_path / "page.xml"
    path.write_text("<?xml version='1.0'?>\n<html><body>Slide 1: x</body></html>")
    run = slidegen("inspect", path)
    assert_one_line_error(run, f"{path}:2", "not a feed: the root element is <html>")


def test_text_content_stays_text_and_markup_in_html_is_never_kept(tmp_path):
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; title</title>
<content type="text">Slide 1: &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;not bold&lt;/b&gt;</content></entry>
<entry><title>HTML</title><content type="html">&lt;p&gt;Slide 1: safe&lt;script&gt;alert(2)&lt;/script&gt;
&lt;img src=x onerror=alert(3)&gt;&lt;a href="javascript:alert(4)"&gt;link&lt;/a&gt;&lt;/p&gt;</content></entry>
</feed>"""
    decks, _, _ = decks_of(tmp_path, "f.atom", atom)
    text_deck, html_deck = decks
    assert text_deck.title == "Bold & title"
    note = text_deck.slides[0].note
    assert note.text == "<script>alert(1)</script> <b>not bold</b>"
    assert not any(span.bold for para in note.paragraphs for span in para)
    html_note = html_deck.slides[0].note
    assert "alert(2)" not in html_note.text and html_note.text == "safe link"
    assert all(span.href is None for para in html_note.paragraphs for span in para)


def test_summary_is_used_only_when_there_is_no_content(tmp_path):
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>Both</title><summary>Slide 1: from summary</summary><content>Slide 1: from content</content></entry>
<entry><title>Remote</title><summary>Slide 1: summary wins</summary><content src="https://x.example/p"/></entry>
</feed>"""
    decks, _, _ = decks_of(tmp_path, "f.atom", atom)
    assert [d.slides[0].note.text for d in decks] == ["from content", "summary wins"]


def test_links_that_are_not_web_addresses_are_dropped_with_a_warning(tmp_path):
    rss = feedgen.rss(1).replace(b"https://feed.example.org/p/1", b"javascript:alert(1)")
    decks, _, report = decks_of(tmp_path, "f.rss", rss)
    assert decks[0].link == ""
    assert any("not an http(s) address" in w.message for w in report.warnings)


def test_rss_1_0(tmp_path):
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://x.example/"><title>t</title></channel>
<item rdf:about="https://x.example/1"><title>RDF post</title><link>https://x.example/1</link>
<dc:creator>Rita</dc:creator><dc:date>2004-05-06T07:08:09Z</dc:date>
<description>&lt;p&gt;Slide 1: one&lt;/p&gt;&lt;p&gt;Slide 2: two&lt;/p&gt;</description></item>
</rdf:RDF>"""
    deck = decks_of(tmp_path, "f.rdf.xml", rdf)[0][0]
    assert (deck.title, deck.author, deck.date, len(deck.slides)) == ("RDF post", "Rita", dt.date(2004, 5, 6), 2)


def test_a_bad_post_is_reported_and_the_others_still_read(tmp_path):
    data = feedgen.rss(3).replace(b"Slide 2:", b"Slide 1:", 2)  # items 1 and 2 now repeat slide 1
    path = tmp_path / "f.rss"
    path.write_bytes(data)
    run = cli("inspect", path, "--json")
    assert run.returncode == 1
    titles = [d["title"] for d in json.loads(run.stdout)["decks"]]
    assert titles == ["Feed post 3"]
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 2 and all("duplicate" in e.lower() or "twice" in e.lower() for e in errors), run.stderr


def test_posts_over_the_size_limit_are_left_out_with_a_warning(tmp_path):
    data = feedgen.rss(2).replace(b"<p>An introduction to post 0.", b"<p>" + b"Long. " * 500, 1)
    decks, result, report = decks_of(tmp_path, "f.rss", data, max_post_bytes=1500)
    assert [d.title for d in decks] == ["Feed post 2"]
    assert any("over the 1,500-byte limit" in w.message for w in report.warnings)


def test_feed_file_size_limit(tmp_path):
    path = tmp_path / "f.rss"
    path.write_bytes(feedgen.rss(3))
    run = slidegen("inspect", path, "--max-feed-bytes", "100")
    assert_one_line_error(run, str(path), "over the 100-byte limit; raise it with --max-feed-bytes")


def test_empty_feed_is_an_error(tmp_path):
    with pytest.raises(InputError, match="the file is empty"):
        decks_of(tmp_path, "f.xml", b"")


def test_a_feed_without_posts_is_an_error(tmp_path):
    with pytest.raises(InputError, match=r"the feed holds no published posts$"):
        decks_of(tmp_path, "f.rss", feedgen.rss(0))
    with pytest.raises(
        InputError,
        match=r"the export holds no published posts \(2 drafts and pages left out: "
        r"--include-drafts and --include-pages build them\)",
    ):
        decks_of(tmp_path, "e.xml", feedgen.wxr(0))
