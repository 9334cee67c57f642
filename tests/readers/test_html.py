"""HTML posts and pages: the post body only, several articles, Blogger-style <br> text."""

from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.model import SourcePos
from slidegen.readers.html import read

PAGE = """<!doctype html><html><head><title>My Blog</title></head><body>
<nav><a href="/">Home</a> Slide 9: nav is not a note</nav>
<article class="post">
  <h1 class="entry-title">Whiteboard day</h1>
  <div class="entry-content">
    <p>Intro.</p>
    <p><img src="a.jpg" alt="The curve"></p>
    <p><strong>Slide 1:</strong> About <a href="https://x.org">this</a>.</p>
  </div>
  <div class="comments"><p>Slide 2: a comment</p></div>
</article>
<article><h2>Second</h2><p>No notes.</p></article>
<aside class="sidebar"><p>Slide 3: sidebar</p><img src="avatar.png"></aside>
<footer>Slide 4: footer</footer>
</body></html>"""


def posts_of(text):
    return read(text, SourcePos("page.html", 1), Path("."), BuildOptions(), Report(stream=None))


def test_articles_are_posts_and_furniture_is_left_out():
    first, second = posts_of(PAGE)
    assert (first.title, second.title) == ("Whiteboard day", "Second")
    assert not first.single
    texts = [b.text for b in first.blocks]
    assert texts == ["Intro.", "", "Slide 1: About this."]
    assert first.blocks[1].images[0].ref == "a.jpg" and first.blocks[1].images[0].alt == "The curve"
    assert first.blocks[2].line == 8


def test_single_post_page_uses_main_and_page_title():
    [post] = posts_of(
        "<html><head><title>Page T</title></head><body><main><p>Slide 1: x</p></main>"
        "<aside><p>Slide 2: y</p></aside></body></html>"
    )
    assert post.single and post.title == "Page T" and [b.text for b in post.blocks] == ["Slide 1: x"]


def test_br_separated_text_becomes_paragraphs():
    # Two line breaks end a paragraph, one is a line break in it; a marker after one opens a note.
    [post] = posts_of("<div class='post-body'>Intro<br>Slide 1: one<br><br>Slide 2: two<br>more<br>\n<br>last</div>")
    assert [b.text for b in post.blocks] == ["Intro", "Slide 1: one", "Slide 2: two\nmore", "last"]


def test_scripts_styles_and_unsafe_links_never_reach_blocks():
    [post] = posts_of(
        "<p>Slide 1: <script>alert(1)</script><style>p{}</style>"
        "<a href='javascript:alert(1)'>x</a><a href=' JaVaScRiPt:y'>z</a>"
        "<img src=x onerror=alert(1)></p>"
    )
    [block] = post.blocks
    assert block.text == "Slide 1: xz" and all(s.href is None for s in block.spans)


def test_author_and_date_come_from_the_post_markup():
    [post] = posts_of(
        "<html><head><meta name='author' content='Page Owner'></head><body><article>"
        "<h1>T</h1><time datetime='2010-06-14T10:00:00Z'>June</time>"
        "<p>Slide 1: x</p></article></body></html>"
    )
    assert post.meta["author"] == "Page Owner" and str(post.meta["date"]) == "2010-06-14"


def test_text_after_a_form_or_an_unclosed_iframe_stays_in_its_paragraph():
    [post] = posts_of(
        "<article class='post'><div class='entry-content'><p>Slide 1: before <form action='x'>"
        "<input name='q'></form> after the form.</p><p>Slide 2: <iframe src='https://v'> after the "
        "frame.</p></div></article>"
    )
    assert [b.text for b in post.blocks] == ["Slide 1: before after the form.", "Slide 2: after the frame."]


def test_lists_keep_depth_and_numbering_and_tables_keep_cells():
    [post] = posts_of(
        "<div class='post-body'><ol><li>one<ul><li>sub</li></ul></li><li>two</li></ol>"
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><p>2</p><p>3</p></td></tr></table>"
        "<pre>x = 1\n\ny = 2</pre></div>"
    )
    assert [(b.kind, b.level, b.ordered, b.text) for b in post.blocks] == [
        ("item", 0, True, "one"),
        ("item", 1, False, "sub"),
        ("item", 0, True, "two"),
        ("row", 1, False, "A | B"),
        ("row", 0, False, "1 | 2 3"),
        ("code", 0, False, "x = 1\n\ny = 2"),
    ]
    assert [[c[0].text for c in b.cells] for b in post.blocks if b.kind == "row"] == [["A", "B"], ["1", "2 3"]]
