"""A blog's archive page (several posts in one HTML page) reads like a feed: one deck per post with notes."""

import datetime as dt

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.pipeline import Result, read_decks
from toolkit import make_deck_dir

ARCHIVE = """<!DOCTYPE html>
<html><head><title>Archive for March 2009 | A whiteboard blog</title></head>
<body>
<nav class="menu"><a href="/">Home</a> Slide 1: not a note</nav>
<div id="content">
<article class="post hentry">
  <h2 class="entry-title"><a href="/2009/03/tolerance/">Tolerance and influence</a></h2>
  <div class="entry-meta">Posted on <time datetime="2009-03-05T10:00:00+00:00">March 5</time>
    by <span class="author vcard">Ann Author</span></div>
  <div class="entry-content">
    <p>Why we put up with influencers.</p>
    <p><strong>Slide 1:</strong> Tolerance grows with influence.</p>
    <p><strong>Slide 2:</strong> Then it drops off a cliff.</p>
  </div>
  <div class="comments"><p>Slide 3: a comment is never a note</p></div>
</article>
<article class="post hentry">
  <h2 class="entry-title">Just a thought</h2>
  <div class="entry-content"><p>No slides in this one.</p></div>
</article>
<article class="post hentry">
  <h2 class="entry-title">Enterprise context</h2>
  <div class="entry-content"><p>SLIDE NOTES: one slide, one note.</p></div>
</article>
</div>
<aside class="sidebar"><p>Slide 4: widget text</p></aside>
<footer>Slide 5: footer</footer>
</body></html>
"""


def test_archive_page_gives_one_deck_per_post_with_notes(tmp_path):
    make_deck_dir(tmp_path, {"march.html": ARCHIVE})
    result = Result()
    decks = read_decks([tmp_path / "march.html"], BuildOptions(), Report(stream=None), result)
    assert [d.title for d in decks] == ["Tolerance and influence", "Enterprise context"]
    first = decks[0]
    assert [s.note.text for s in first.slides] == ["Tolerance grows with influence.", "Then it drops off a cliff."]
    assert (first.author, first.date) == ("Ann Author", dt.date(2009, 3, 5))
    assert [s.title for s in result.skipped] == ["Just a thought"]
    assert len(decks[1].slides) == 1
