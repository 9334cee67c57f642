"""Real clients: LibreOffice converts every PPTX the PPTX tests build, one page per slide.

All decks go through one LibreOffice run, since its start-up is most of the cost.
"""

from __future__ import annotations

import pytest

from pptxcases import CORPORATE, ROOT, build_all
from pptxdump import page_count
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.pipeline import read_decks
from slidegen.writers.pdf import convert
from slidegen.writers.pptx.deck import render

pytestmark = pytest.mark.office

SAMPLE = ROOT / "decks" / "social-media-society"


def sample_decks() -> dict[str, tuple[int, bytes]]:
    """The sample deck, pictures and all, built on the default and the corporate template."""
    from slidegen.pictures.resolve import prepare_media

    out = {}
    for name, template in (("sample-default", None), ("sample-corporate", CORPORATE)):
        options = BuildOptions(template=template, cache_dir=None, use_cache=False)
        report = Report(stream=None)
        (deck,) = read_decks([SAMPLE], options, report)
        assert not prepare_media([deck], options, report)
        out[name] = (len(deck.slides), render(deck, options)[f"{deck.slug}.pptx"].getvalue())
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1234567890")
        return build_all(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="module")
def converted(built):
    import io

    from pptx import Presentation

    # A long note continues on more slides, so count the slides the package holds.
    slides = {name: len(Presentation(io.BytesIO(data)).slides) for name, (_, _, data) in built.items()}
    assert slides["long-text"] > len(built["long-text"][0].slides) + 1
    files = {f"{name}.pptx": data for name, (_, _, data) in built.items()}
    for name, (count, data) in sample_decks().items():
        slides[name] = count + 1
        files[f"{name}.pptx"] = data
    return slides, convert(files)


def test_libreoffice_makes_one_page_per_slide_for_every_deck(converted):
    slides, pdfs = converted
    pages = {name: page_count(pdfs[f"{name}.pdf"]) for name in slides}
    print("LibreOffice pages per deck:", pages)
    assert pages == slides


def test_sample_deck_builds_ten_slides_with_nine_pictures_on_both_templates(converted):
    import io

    from pptx import Presentation

    slides, _ = converted
    assert slides["sample-default"] == slides["sample-corporate"] == 10
    for name, (_, data) in sample_decks().items():
        prs = Presentation(io.BytesIO(data))
        pictures = [s for slide in prs.slides for s in slide.shapes if hasattr(s, "image")]
        assert len(pictures) == 9, name
        assert all(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)
