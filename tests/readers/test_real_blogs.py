"""Real exports, feeds and posts in (tests/fixtures/real): slide counts, note structure, nothing raw.

None of the files has slide markers; each test adds them where a speaker would and says where.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from cli_run import cli
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.pipeline import Result, read_decks
from slidegen.writers.html.notes import note_html
from slidegen.writers.notes import markdown_text, plain_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
RAW = re.compile(r"\[/?(caption|gallery|audio|video|embed)\b")


def read(tmp_path, name: str, text: str, **options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report, result = Report(stream=None), Result()
    decks = read_decks([path], BuildOptions(**options), report, result, allow_none=True)
    return decks, result, report


def wordpress(marked: bool = True) -> str:
    text = (REAL / "wordpress-theme-unit-test.xml").read_text(encoding="utf-8")
    # The marker: every post's content starts with "Slide 1: ", as a one-slide post would.
    return text.replace("<content:encoded><![CDATA[", "<content:encoded><![CDATA[Slide 1: ") if marked else text


def roles(slide) -> list[tuple[str, int, str]]:
    return [(r.kind, r.level, "".join(s.text for s in p)) for r, p in slide.note.parts()]


# ---- WordPress theme unit test data ----------------------------------------------------------


def test_current_wordpress_export_builds_published_posts_only(tmp_path):
    decks, result, _ = read(tmp_path, "export.xml", wordpress())
    assert [d.title for d in decks] == [
        "Post Format: Gallery",
        "Post Format: Image (Linked)",
        "Post Format: Audio",
        "Template: More Tag",
        "Edge Case: Nested And Mixed Lists",
        "Post Format: Image (Caption)",
    ]
    # The page, the scheduled post and the draft are left out by name; attachments and the menu item never count.
    assert [(s.title, s.reason.split(" (")[0]) for s in result.left_out] == [
        ("Page A", "a page"),
        ("Scheduled", "a draft"),
        ("Draft", "a draft"),
    ]
    assert not result.skipped
    decks, result, _ = read(tmp_path, "export.xml", wordpress(), include_drafts=True, include_pages=True)
    assert len(decks) == 9 and not result.left_out


def test_classic_paragraphs_are_split_as_wordpress_shows_them(tmp_path):
    decks, _, _ = read(tmp_path, "export.xml", wordpress())
    more = next(d for d in decks if d.title == "Template: More Tag")
    assert [p for p in more.slides[0].note.text.split("\n\n")] == [
        "This content is before the more tag.",
        'Right after this sentence should be a "continue reading" button of some sort on list pages of themes '
        "that show full content. It won't show on single pages or on themes showing excerpts.",
        "And this content is after the more tag. (which should be the anchor link for when the button is clicked)",
    ]
    assert more.date == dt.date(2012, 3, 15)


def test_caption_becomes_the_slide_picture_with_its_caption_as_alt(tmp_path):
    decks, _, _ = read(tmp_path, "export.xml", wordpress())
    caption = next(d for d in decks if d.title == "Post Format: Image (Caption)")
    image = caption.slides[0].image
    assert image.ref == "https://i0.wp.com/wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg?w=604"
    assert image.alt == "Bell on wharf in San Francisco"
    linked = next(d for d in decks if d.title == "Post Format: Image (Linked)")  # the older caption="…" form
    assert linked.slides[0].image.alt.startswith("Chunk of resinous blackboy husk, Clarkson")


def test_gallery_gives_the_posts_attachments_in_order(tmp_path):
    decks, _, report = read(tmp_path, "export.xml", wordpress())
    gallery = next(d for d in decks if d.title == "Post Format: Gallery")
    slide = gallery.slides[0]
    assert slide.image.ref.endswith("/2008/06/canola2.jpg")
    # The other pictures of the gallery are named in the warning about surplus pictures in the note.
    surplus = [w.message for w in report.warnings if w.message.startswith("Slide 1 has")]
    assert any("100_5478.jpg" in m and "100_5540.jpg" in m for m in surplus)


def test_other_shortcodes_are_removed_with_one_warning_naming_them(tmp_path):
    decks, _, report = read(tmp_path, "export.xml", wordpress())
    audio = [str(w) for w in report.warnings if "[audio]" in w.message]
    assert len(audio) == 1 and ":213: warning: shortcodes [audio] removed from 'Post Format: Audio'" in audio[0]
    for deck in decks:
        assert not RAW.search(markdown_text(deck)), deck.title
        assert not RAW.search(plain_text(deck)), deck.title
        assert not any(RAW.search(str(note_html(s.note))) for s in deck.slides), deck.title


def test_nested_and_mixed_lists_keep_their_levels(tmp_path):
    decks, _, _ = read(tmp_path, "export.xml", wordpress())
    lists = next(d for d in decks if d.title == "Edge Case: Nested And Mixed Lists")
    got = roles(lists.slides[0])
    assert got[1:3] == [
        ("bullet", 0, "Lists within lists do not break the ordered list numbering order"),
        ("bullet", 0, "Your list styles go deep enough."),
    ]
    # The note was opened by a paragraph, so the "###" heading ends it (today's rule for such notes).
    assert len(got) == 3
    assert any(text == "Ordered - Unordered - Ordered" for _, text in lists.outside_notes)


def test_inspect_lists_skipped_posts_when_no_post_has_notes(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(wordpress(marked=False), encoding="utf-8")
    run = cli("inspect", str(path), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["decks"] == [] and len(data["skipped"]) == 6
    assert data["skipped"][0]["title"] == "Post Format: Gallery"
    text = cli("inspect", str(path))
    assert text.returncode == 0 and "skipped: 'Template: More Tag'" in text.stdout


# ---- a Jekyll Atom feed, RSS 1.0 ---------------------------------------------------------------


def test_jekyll_feed_line_breaks_and_an_iframe(tmp_path):
    text = (REAL / "jekyll-feed.xml").read_text(encoding="utf-8")
    # The marker: the abstract after its label's line break opens the note.
    text = text.replace("<b>Abstract:</b><br />", "<b>Abstract:</b><br />Slide 1: ")
    decks, result, _ = read(tmp_path, "feed.atom", text)
    assert len(decks) == 2 and not result.skipped
    first, second = decks
    assert first.slides[0].note.text.startswith("In this session we will cover the releases")
    assert first.date == dt.date(2024, 8, 15)
    paragraphs = second.slides[0].note.text.split("\n\n")
    assert paragraphs[0].endswith("streamline complex tasks such as:")
    # <br /><br /> ends a paragraph, a single <br /> is a line break inside one.
    assert paragraphs[1].split("\n") == [
        "1) RAG-Powered Knowledge Basics: Enhancing your troubleshooting with AI that understands network contexts.",
        "2) Amazon Bedrock Agents: Creating your personal AI network assistant for faster problem solving.",
        "3) Amazon Q Developer: Accelerating NetDevOps workflows and automating code generation.",
    ]


def test_rss_1_0_rdf_file_is_read(tmp_path):
    text = (REAL / "rss10.rdf").read_text(encoding="utf-8")
    text = text.replace("<content:encoded><![CDATA[\n", "<content:encoded><![CDATA[\nSlide 1: ")  # the marker
    decks, _, _ = read(tmp_path, "feed.rdf", text)
    (deck,) = decks
    assert (deck.title, deck.author, deck.date) == ("First of all", "Aaron Swartz", dt.date(2004, 5, 30))
    assert deck.slides[0].note.text.startswith("Ian Hickson: Americans are fat.")


# ---- a Markdown write-up with sections -------------------------------------------------------


def signing_guide() -> str:
    """The guide with its three main sections made slides: "## Slide N: <heading>"."""
    text = (REAL / "signing-guide.md").read_text(encoding="utf-8")
    for n, heading in enumerate(("Approach 2", "Comparison", "Security Best Practices"), start=1):
        text = text.replace(f"\n## {heading}", f"\n## Slide {n}: {heading}", 1)
    return text


def test_sections_keep_sub_headings_lists_tables_and_code(tmp_path):
    (deck,), _, _ = read(tmp_path, "post.md", signing_guide())
    assert [s.title for s in deck.slides] == [
        "Approach 2: Ed25519 distsign (Advanced - Future)",
        "Comparison: GPG vs distsign",
        "Security Best Practices",
    ]
    one, two, three = (roles(s) for s in deck.slides)
    assert [k for k, _, _ in one] == [
        "para",
        "bullet",
        "bullet",
        "bullet",
        "heading",
        "code",
        "heading",
        "para",
        "code",
    ]
    assert one[5][2].split("\n")[:2] == ["Root Keys (offline, embedded in binary)", "    ↓ signs"]
    assert [(k, level) for k, level, _ in two] == [("row", 1)] + [("row", 0)] * 7
    assert two[1][2] == "Setup Complexity | Simple | Complex"
    assert three[:3] == [
        ("heading", 3, "Key Management"),
        ("number", 0, "Root keys (distsign only):"),
        ("bullet", 1, "Generate offline (air-gapped machine)"),
    ]
    assert [r.ordinal for r, _ in deck.slides[2].note.parts() if r.kind == "number"] == [1, 2, 3] * 3
    # What belongs to no note is on record for inspect --verbose.
    assert [text for _, text in deck.outside_notes][:2] == ["Resources", "RPM Packaging Guide - Signing"]


def test_notes_markdown_and_html_keep_the_structure(tmp_path):
    (deck,), _, _ = read(tmp_path, "post.md", signing_guide())
    md = markdown_text(deck)
    for line in (
        "### Key Management",
        "1. **Root keys** (distsign only):",
        "    - Generate offline (air-gapped machine)",
        "| Feature | GPG Signing | distsign |",
        "|---|---|---|",
        "| **Setup Complexity** | Simple | Complex |",
        "```",
        "Root Keys (offline, embedded in binary)",
        "### 2.1 Architecture",
    ):
        assert line in md.split("\n"), line
    html = str(note_html(deck.slides[2].note))
    assert html.startswith("<h3>Key Management</h3><ol><li><strong>Root keys</strong> (distsign only):<ul><li>")
    table = str(note_html(deck.slides[1].note))
    assert table.count("<tr>") == 8 and "<tr><th>Feature</th><th>GPG Signing</th><th>distsign</th></tr>" in table
    assert "<pre><code>Root Keys (offline, embedded in binary)\n    ↓ signs" in str(note_html(deck.slides[0].note))
    txt = plain_text(deck)
    assert "  - Generate offline (air-gapped machine)" in txt and "    Packages (leger-*.rpm)" in txt


def test_inspect_verbose_lists_text_in_no_note(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(signing_guide(), encoding="utf-8")
    run = cli("inspect", str(path), "--verbose")
    assert run.returncode == 0, run.stderr
    assert f"{path}:125: Resources" in run.stdout
    data = json.loads(cli("inspect", str(path), "--json", "-v").stdout)
    assert data["decks"][0]["outside_notes"][0] == {"line": 125, "text": "Resources"}
