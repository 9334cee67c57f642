"""Notes keep their structure in the PPTX, and text slides fit: a real write-up, read back and rendered."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from pptxdump import page_count
from slidegen import textfit
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.pipeline import read_decks
from slidegen.writers.pdf import convert
from slidegen.writers.pptx.deck import render
from slidegen.writers.pptx.textframes import MONOSPACE, text_box

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The signing guide with its three main sections made slides ("## Slide N: …"), as a PPTX."""
    text = (REAL / "signing-guide.md").read_text(encoding="utf-8")
    for n, heading in enumerate(("Approach 2", "Comparison", "Security Best Practices"), start=1):
        text = text.replace(f"\n## {heading}", f"\n## Slide {n}: {heading}", 1)
    path = tmp_path_factory.mktemp("guide") / "post.md"
    path.write_text(text, encoding="utf-8")
    options = BuildOptions(use_cache=False, cache_dir=None)
    (deck,) = read_decks([path], options, Report(stream=None))
    data = render(deck, options)[f"{deck.slug}.pptx"].getvalue()
    return deck, data, Presentation(io.BytesIO(data))


def notes_paragraphs(slide):
    return slide.notes_slide.notes_text_frame.paragraphs


def bullet(p) -> tuple[str | None, str | None]:
    ppr = p._p.pPr
    if ppr is None:
        return None, None
    auto, char = ppr.find(f"{_A}buAutoNum"), ppr.find(f"{_A}buChar")
    return ppr.get("lvl"), (auto.get("startAt") if auto is not None else "•" if char is not None else None)


def test_notes_pane_has_real_bullets_numbers_levels_rows_and_monospace_code(built):
    _, _, prs = built
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[1:3] == [
        "Approach 2: Ed25519 distsign (Advanced - Future)",
        "Approach 2: Ed25519 distsign (Advanced - Future) (2)",
    ]
    first = {p.text: p for p in notes_paragraphs(prs.slides[1])}
    assert bullet(first["You have multiple releases"]) == ("0", "•")
    code = first[
        "Root Keys (offline, embedded in binary)\x0b    ↓ signs\x0bSigning Keys (online, dynamically "
        "fetched)\x0b    ↓ signs\x0bPackages (leger-*.rpm)"
    ]
    assert {r.font.name for r in code.runs} == {MONOSPACE}
    assert all(r.font.bold for r in first["2.1 Architecture"].runs)  # a sub-heading is a bold line
    table = [p.text for p in notes_paragraphs(prs.slides[titles.index("Comparison: GPG vs distsign")])]
    assert table[:2] == ["Feature | GPG Signing | distsign", "Setup Complexity | Simple | Complex"]
    assert len(table) == 8  # one line per row
    practices = [
        p for s in prs.slides if s.shapes.title.text.startswith("Security Best Practices") for p in notes_paragraphs(s)
    ]
    by_text = {p.text: p for p in practices}
    assert bullet(by_text["Root keys (distsign only):"]) == ("0", "1")
    assert bullet(by_text["GPG keys:"]) == ("0", "3")
    assert bullet(by_text["Generate offline (air-gapped machine)"]) == ("1", "•")


def _written_height(shape, box: textfit.Box) -> tuple[float, set[float]]:
    """The height of a text slide's body as written: each paragraph wrapped by font metrics at its run
    size in the width its left margin leaves, plus the space after it that the PPTX says."""
    total, sizes = 0.0, set()
    for p in shape.text_frame.paragraphs:
        runs = [r for r in p.runs if r.text]
        if not runs:
            continue
        size = max(r.font.size.pt for r in runs)
        face = (
            "mono"
            if all(r.font.name == MONOSPACE for r in runs)
            else "bold"
            if all(r.font.bold for r in runs)
            else "regular"
        )
        if face != "mono":
            sizes.add(size)
        ppr = p._p.pPr
        margin = int(ppr.get("marL", "0")) / 12700 if ppr is not None else 0.0
        lines = textfit.line_count(p.text.replace("\x0b", "\n"), size, box.width - margin, face)
        total += lines * size * textfit.LINE_HEIGHT + (p.space_after.pt if p.space_after is not None else 0.0)
    return total, sizes


def test_every_text_slide_fits_its_box_by_font_metrics_and_none_is_below_18_pt(built):
    _, _, prs = built
    assert textfit.font_found()
    checked = 0
    for slide in list(prs.slides)[1:]:
        # The body, not the title nor the slide number the design puts on every slide.
        body = next(
            sh
            for sh in slide.placeholders
            if sh.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
        )
        box = text_box(body)
        height, sizes = _written_height(body, box)
        # One size a slide; a continued page that is all code (set 0.9 of it) has none of its own.
        assert len(sizes) <= 1 and all(size >= textfit.FLOOR_PT for size in sizes)
        assert height <= box.height, slide.shapes.title.text
        checked += 1
    assert checked == len(prs.slides) - 1 >= 6


@pytest.mark.office
def test_libreoffice_draws_one_page_per_slide(built):
    _, data, prs = built
    pdf = convert({"guide.pptx": data})["guide.pdf"]
    assert page_count(pdf) == len(prs.slides)
