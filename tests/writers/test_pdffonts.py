"""Fonts LibreOffice would replace in the PDF are named; metric-compatible stand-ins are not."""

from __future__ import annotations

import pytest

from pptxcases import CORPORATE
from slidegen.writers.pdffonts import font_warnings, replaced_fonts, template_fonts
from slidegen.writers.pptx.package import default_template_bytes


def test_the_templates_name_their_theme_fonts():
    assert template_fonts(default_template_bytes()) == ["Calibri"]
    assert template_fonts(CORPORATE.read_bytes()) == ["Georgia", "Verdana"]
    assert template_fonts(b"not a zip") == []


@pytest.mark.office  # fontconfig comes with LibreOffice: the office tier fails in CI when it is missing
def test_calibri_is_drawn_with_carlito_so_the_default_template_is_quiet():
    # tools/install-system-deps.sh installs Carlito, Caladea and Liberation.
    assert replaced_fonts(default_template_bytes()) == []


@pytest.mark.office  # fontconfig comes with LibreOffice: the office tier fails in CI when it is missing
def test_a_template_font_that_is_not_installed_is_named_with_its_replacement(monkeypatch):
    import slidegen.writers.pdffonts as pdffonts

    monkeypatch.setattr(pdffonts, "template_fonts", lambda data: ["No Such Font Sans 7", "Calibri"])
    (warning,) = font_warnings(CORPORATE, b"")
    assert warning.startswith("template font 'No Such Font Sans 7' is not installed; LibreOffice draws the PDF with '")
    assert "Calibri" not in warning


def test_the_build_warns_once_per_template_with_the_template_as_place(tmp_path, monkeypatch):
    import slidegen.writers.pdffonts as pdffonts
    from slidegen.config import BuildOptions
    from slidegen.diagnostics import Report
    from slidegen.pipeline import _warn_replaced_fonts
    from toolkit import make_deck

    monkeypatch.setattr(pdffonts, "drawn_with", lambda font: "DejaVu Serif")
    report = Report(stream=None)
    decks = [make_deck(1), make_deck(1)]
    _warn_replaced_fonts(decks, BuildOptions(template=CORPORATE, formats=("pdf",)), report)
    assert [str(w).split(": warning: ")[0] for w in report.warnings] == [str(CORPORATE)] * 2
    assert "'Georgia'" in str(report.warnings[0]) and "'Verdana'" in str(report.warnings[1])
