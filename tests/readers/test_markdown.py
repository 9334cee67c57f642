"""Markdown posts: front matter, emphasis and links kept, lines located, pictures found."""

from pathlib import Path

import pytest

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import SourcePos, Span
from slidegen.readers.markdown import read


def post_of(text):
    report = Report(stream=None)
    [post] = read(text, SourcePos("post.md", 1), Path("."), BuildOptions(), report)
    return post, report


def test_front_matter_and_h1_title():
    post, _ = post_of("---\ntitle: From meta\nauthor: Ann\ndate: 2024-05-01\n---\n# Heading\n\nSlide 1: x\n")
    assert post.title == "From meta" and post.meta["author"] == "Ann"
    assert str(post.meta["date"]) == "2024-05-01"
    post, _ = post_of("# The heading\n\nSlide 1: x\n")
    assert post.title == "The heading" and all(b.kind != "heading" for b in post.blocks)


def test_block_lines_point_into_the_file():
    post, _ = post_of(
        "---\ntitle: t\n---\n\nIntro here.\n\n**Slide 1:** The *first*.\n\nSlide 2: [link](https://x.org) two\n"
    )
    assert [(b.text, b.line) for b in post.blocks] == [
        ("Intro here.", 5),
        ("Slide 1: The first.", 7),
        ("Slide 2: link two", 9),
    ]
    assert post.blocks[1].spans == (Span("Slide 1:", bold=True), Span(" The "), Span("first", italic=True), Span("."))
    assert Span("link", href="https://x.org") in post.blocks[2].spans


def test_repeated_text_gets_its_own_line():
    post, _ = post_of("# T\n\nSlide 1: a\n\nSlide 1: a\n\n- x\n- x\n")
    assert [b.line for b in post.blocks] == [3, 5, 7, 8]


def test_pictures_and_alt_text():
    post, _ = post_of("Slide 1: see\n\n![A curve](img/curve.jpg)\n")
    img = post.blocks[1].images[0]
    assert (img.ref, img.alt, img.pos.line) == ("img/curve.jpg", "A curve", 3)


def test_raw_html_scripts_never_become_text_and_bad_links_are_dropped():
    post, _ = post_of("Slide 1: hi <script>alert(1)</script> [x](javascript:alert(1))\n")
    text = " ".join(b.text for b in post.blocks)
    assert "alert" not in text and all(s.href is None for b in post.blocks for s in b.spans)


def test_markers_in_fenced_code_stay_code():
    post, _ = post_of("```\nSlide 1: not a note\n```\n\nSlide 1: real\n")
    assert [b.kind for b in post.blocks] == ["code", "para"] and post.blocks[1].line == 5


@pytest.mark.parametrize(
    "text, message, line",
    [
        ("---\ntitle: x\n", "never closed", 1),
        ("---\ntitle: [unclosed\n---\n", "not valid YAML", 3),
        ("---\n!!python/object:os.system x: 1\n---\n", "not valid YAML", 2),
        ("---\na: &a [1]\nb: *a\n---\n", "aliases", 3),
        ("---\ntitle: [1, 2]\n---\n", "'title' must be a str", 2),
        ("---\n- a\n---\n", "map of", 2),
    ],
)
def test_bad_front_matter_is_one_error_with_a_line(text, message, line):
    with pytest.raises(InputError, match=message) as err:
        post_of(text)
    assert err.value.pos.line == line


def test_unknown_key_and_bad_date_warn():
    _, report = post_of("---\ncolour: red\ndate: last tuesday\n---\nSlide 1: x\n")
    assert ["unknown front matter key" in str(w) or "not YYYY-MM-DD" in str(w) for w in report.warnings] == [True, True]
