"""Plain-text posts and blog pages saved as text."""

from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.model import SourcePos
from slidegen.readers.text import read


def posts_of(text):
    return read(text, SourcePos("page.txt", 1), Path("."), BuildOptions(), Report(stream=None))


def test_single_post_title_is_the_first_line():
    [post] = posts_of("My talk\n\nIntro.\n\nSlide 1: one\n")
    assert post.single and post.title == "My talk"
    assert [b.text for b in post.blocks] == ["Intro.", "Slide 1: one"]
    assert [b.line for b in post.blocks] == [3, 5]


def test_posted_by_lines_split_a_page_into_posts():
    posts = posts_of("First\n\nbody\n\nPosted by\n\nSecond\n\nSlide 1: x\n\nPosted by\n")
    assert [p.title for p in posts] == ["First", "Second"]
    assert not posts[0].single and posts[1].source.line == 7


def test_wrapped_lines_join_and_markers_split_without_blank_lines():
    [post] = posts_of("T\n\nSlide 1: a long\nwrapped note\nSlide 2: next\n")
    assert [b.text for b in post.blocks] == ["Slide 1: a long wrapped note", "Slide 2: next"]


def test_no_break_space_lines_are_blank_and_bullets_are_items():
    [post] = posts_of("T\n\u00a0\nList:\n  \u2022 one\n  \u2022 two\n")
    assert [(b.kind, b.text) for b in post.blocks] == [("para", "List:"), ("item", "one"), ("item", "two")]
