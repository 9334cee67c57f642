"""A post's language, from wherever the post says it, reaches the deck, its PPTX runs and its HTML."""

from __future__ import annotations

import io

import pytest

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.language import normalise
from slidegen.pipeline import read_decks
from slidegen.writers import writer
from toolkit import make_deck, make_deck_dir

NOTES = "<p>Slide 1: Erste Notiz.</p><p>Slide 2: Zweite Notiz.</p>"


@pytest.mark.parametrize(
    ("raw", "tag"),
    [("en", "en"), ("de_de", "de-DE"), ("EN-us", "en-US"), ("zh-hans-cn", "zh-Hans-CN"), (" pt-BR ", "pt-BR")],
)
def test_tags_are_tidied(raw, tag):
    assert normalise(raw) == tag


@pytest.mark.parametrize("raw", ["", "english please", "e", "en--US", "<script>", 42, None])
def test_junk_is_not_a_tag(raw):
    assert normalise(raw) is None


def langs(tmp_path, name: str, text: str, report: Report | None = None) -> list[str]:
    make_deck_dir(tmp_path, {name: text})
    decks = read_decks([tmp_path / name], BuildOptions(), report if report is not None else Report(stream=None))
    return [deck.lang for deck in decks]


def test_front_matter_lang(tmp_path):
    assert langs(tmp_path, "post.md", "---\nlang: fr\n---\n# Titre\n\nSlide 1: Une note.\n") == ["fr"]


def test_no_language_means_english(tmp_path):
    assert langs(tmp_path, "post.md", "# Title\n\nSlide 1: A note.\n") == ["en"]


def test_a_bad_front_matter_lang_is_a_warning_naming_the_line(tmp_path):
    report = Report(stream=None)
    assert langs(tmp_path, "post.md", "---\ntitle: T\nlang: not a language\n---\nSlide 1: A note.\n", report) == ["en"]
    assert [str(w) for w in report.warnings] == [
        f"{tmp_path / 'post.md'}:3: warning: language 'not a language' is not a language tag like 'en' "
        "or 'pt-BR'; using 'en'"
    ]


def test_html_lang_of_the_page_and_of_a_post(tmp_path):
    page = (
        f'<html lang="de"><body><article><h1>Eins</h1>{NOTES}</article>'
        f'<article lang="nl"><h1>Twee</h1>{NOTES}</article></body></html>'
    )
    assert langs(tmp_path, "page.html", page) == ["de", "nl"]


def test_rss_channel_language(tmp_path):
    rss = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><language>de-de</language>'
        f"<item><title>Post</title><description><![CDATA[{NOTES}]]></description></item></channel></rss>"
    )
    assert langs(tmp_path, "feed.rss", rss) == ["de-DE"]


def test_atom_feed_and_entry_xml_lang(tmp_path):
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title>Blog</title>'
        f'<entry><title>Uno</title><content type="html"><![CDATA[{NOTES}]]></content></entry>'
        f'<entry xml:lang="ca"><title>Dos</title><content type="html"><![CDATA[{NOTES}]]></content></entry>'
        "</feed>"
    )
    assert langs(tmp_path, "feed.atom", atom) == ["es", "ca"]


def test_wordpress_export_language(tmp_path):
    wxr = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog</title><language>sv-SE</language>'
        "<wp:wxr_version>1.2</wp:wxr_version><item><title>Inlägg</title><wp:post_type>post</wp:post_type>"
        f"<wp:status>publish</wp:status><content:encoded><![CDATA[{NOTES}]]></content:encoded></item>"
        "</channel></rss>"
    )
    assert langs(tmp_path, "export.xml", wxr) == ["sv-SE"]


def test_pptx_runs_and_html_carry_the_language():
    from pptx import Presentation

    deck = make_deck(2, lang="de-DE")
    options = BuildOptions(use_cache=False)
    pptx = writer("pptx")(deck, options)["a-test-deck.pptx"].getvalue()
    prs = Presentation(io.BytesIO(pptx))
    runs = [
        r for s in prs.slides for sp in s.shapes if sp.has_text_frame for p in sp.text_frame.paragraphs for r in p.runs
    ]
    runs += [r for s in prs.slides for p in s.notes_slide.notes_text_frame.paragraphs for r in p.runs]
    assert runs and {r._r.get_or_add_rPr().get("lang") for r in runs} == {"de-DE"}
    html = writer("html")(deck, options)["a-test-deck.html"].getvalue().decode("utf-8")
    assert '<html lang="de-DE">' in html


def test_inspect_json_shows_the_language(tmp_path):
    import json

    from cli_run import cli

    make_deck_dir(tmp_path, {"post.md": "---\nlang: it\n---\n# Titolo\n\nSlide 1: Una nota.\n"})
    run = cli("inspect", "--json", "post.md", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["decks"][0]["lang"] == "it"
