"""Untrusted posts: a corpus of XSS vectors in every field never runs, and the show fetches nothing."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from slidegen.model import ImageRef, Note, Span
from toolkit import make_deck

pytestmark = pytest.mark.browser

ALLOWED_NOTE_TAGS = {"P", "BR", "EM", "STRONG", "CODE", "PRE", "UL", "OL", "LI", "BLOCKQUOTE", "A"}


def vectors() -> list[str]:
    """The corpus in xss_vectors.txt, one per line; ``\\u2028``-style escapes become the characters."""
    lines = Path(__file__).with_name("xss_vectors.txt").read_text(encoding="utf-8").splitlines()
    return [
        line.replace("\\u2028", "\u2028").replace("\\u2029", "\u2029")
        for line in lines
        if line and not line.startswith("# ")
    ]


def hostile_deck(link: str):
    vs = vectors()
    deck = make_deck(
        len(vs),
        title=" ".join(vs[:20]),
        author=" ".join(vs[20:40]),
        link=link,
        intro=Note(((Span(vs[0]), Span(vs[1], bold=True), Span(vs[2], href=vs[3])),)),
    )
    for slide, v, other in zip(deck.slides, vs, itertools.cycle(reversed(vs))):
        slide.title = v
        slide.note = Note(
            (
                (Span(v),),
                (Span(v, bold=True), Span(v, italic=True), Span(v, code=True)),
                (Span(other, href=v), Span(" and "), Span(v, href=other)),
            )
        )
        slide.image = ImageRef(slide.image.ref, slide.image.pos, alt=v)
    return deck


def exercise(show) -> None:
    """Visits every slide in every mode, opens the speaker view and hovers what can be hovered."""
    page = show.page
    with show.context.expect_page() as info:
        show.press("s")
    popup = info.value
    page.bring_to_front()
    for _ in range(len(vectors()) + 1):
        page.keyboard.press("ArrowRight")
        page.mouse.move(400, 300)
    show.press("o")
    page.mouse.move(200, 200)
    show.press("Escape", "n")
    page.mouse.wheel(0, 100_000)
    popup.mouse.move(100, 100)
    page.evaluate("new Promise(r => setTimeout(r, 300))")


def assert_nothing_ran(show, base: str) -> None:
    page = show.page
    for p in show.context.pages:
        assert p.evaluate("typeof window.__xss") == "undefined", p.url
        assert p.evaluate("document.querySelectorAll('script').length") == (2 if p is page else 0)
        assert (
            p.evaluate(
                "document.querySelectorAll('iframe, object, embed, svg, math, base, form, input, "
                "style ~ style, link[rel=stylesheet], meta[http-equiv=refresh]').length"
            )
            == 0
        )
        handlers = p.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
            ".filter(a => a.name.startsWith('on')).map(a => a.name)"
        )
        assert handlers == []
        hrefs = p.evaluate("[...document.querySelectorAll('[href]')].map(e => e.getAttribute('href'))")
        assert all(h.startswith(("https://", "http://", "mailto:", "data:,")) for h in hrefs), hrefs
        tags = set(p.evaluate("[...document.querySelectorAll('.sg-notes *, .sg-text *')].map(e => e.tagName)"))
        assert tags <= ALLOWED_NOTE_TAGS
    assert page.url.startswith(base)
    assert len(show.context.pages) == 2, "only the speaker view opened"
    show.check_clean()


def test_corpus_has_at_least_forty_vectors():
    assert len(vectors()) >= 40


def test_vectors_in_every_field_never_run(open_show):
    for link in ("javascript:window.__xss=1", " JaVaScRiPt:window.__xss=1", "https://example.com/p?a=<b>&c='\""):
        show = open_show(hostile_deck(link))
        exercise(show)
        assert_nothing_ran(show, show.base_url)


def test_vectors_survive_as_visible_text(open_show):
    deck = hostile_deck("https://example.com/")
    show = open_show(deck, hash="#notes")
    for i, v in enumerate(vectors(), start=1):
        heading = show.page.text_content(f"#sg-{i} .sg-heading")
        assert " ".join(v.split()) in " ".join(heading.split())
        assert show.page.get_attribute(f"#sg-{i} img", "alt") == " ".join(v.split())
    assert show.page.title() == " ".join(deck.title.split())


def test_only_safe_links_stay_links(open_show):
    deck = make_deck(1)
    deck.slides[0].note = Note(
        (
            (
                Span("web", href="https://example.com/a"),
                Span("mail", href="mailto:a@b.example"),
                Span("script", href="javascript:alert(1)"),
                Span("hash", href="#3"),
            ),
        )
    )
    show = open_show(deck, hash="#notes")
    links = show.page.eval_on_selector_all("#sg-1 .sg-notes a", "as => as.map(a => [a.textContent, a.href, a.rel])")
    assert links == [
        ["web", "https://example.com/a", "noopener noreferrer"],
        ["mail", "mailto:a@b.example", "noopener noreferrer"],
    ]
    assert "script" in show.page.text_content("#sg-1 .sg-notes")


def test_a_file_show_makes_no_request_but_its_own_document(open_show):
    show = open_show(make_deck(6))
    show.press("End", "o", "Escape", "n")
    assert show.requests == [show.page.url.split("#")[0]]


def test_content_security_policy_is_in_force(open_show):
    show = open_show(make_deck(1))
    show.expect_errors = True
    blocked = show.page.evaluate("""() => new Promise(resolve => {
      document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.body.appendChild(s);
    })""")
    assert blocked == "script-src-elem"
    assert show.page.evaluate("window.__injected") is None
    show.page.evaluate("window.__sgWatch.csp.length = 0")
    assert any("script-src" in e for e in show.errors)
