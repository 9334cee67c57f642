"""``slidegen check`` on decks other tools made: pandoc's from its own test documents, python-pptx's template.

The findings are listed (and the ones these tools are known for are found); nothing crashes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from slidegen.checks import RULES, check_file
from toolkit import image_bytes

DATA = Path(__file__).parent / "data"


def pandoc_deck(tmp_path: Path, name: str) -> Path:
    """pandoc's own test document ``name`` made into a PPTX by the pandoc on this machine."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.fail("pandoc is missing: tools/install-system-deps.sh installs it")
    (tmp_path / "lalune.jpg").write_bytes(image_bytes(320, 240))  # the picture pandoc's tests refer to
    out = tmp_path / f"{name}.pptx"
    subprocess.run(
        [pandoc, "-f", "native", "-t", "pptx", "-o", str(out), str(DATA / "pandoc" / f"{name}.native")],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out


def listed(findings) -> list[str]:
    assert all(f.rule in RULES and f.severity in ("error", "warning") and f.slide >= 1 for f in findings)
    return [f.line("deck.pptx") for f in findings]


def test_pandoc_deck_leaks_a_file_name_into_alt_text(tmp_path):
    lines = listed(check_file(pandoc_deck(tmp_path, "images")))
    print("\n".join(lines))
    assert any('has a file name as alt text ("lalune.jpg")' in line for line in lines)
    assert any(line.endswith("slide has no title") for line in lines)


def test_pandoc_deck_with_a_table_has_its_header_row(tmp_path):
    findings = check_file(pandoc_deck(tmp_path, "tables"))
    print("\n".join(listed(findings)))
    assert not [f for f in findings if f.rule in ("table-header", "title", "alt-text")]


def test_python_pptx_template_with_a_slide_of_every_layout(tmp_path):
    from pptx import Presentation

    prs = Presentation()  # python-pptx's own default template, as it ships
    for index, layout in enumerate(prs.slide_layouts):
        slide = prs.slides.add_slide(layout)
        if slide.shapes.title is not None:
            slide.shapes.title.text = f"Layout {index}: {layout.name}"
    prs.save(tmp_path / "every-layout.pptx")
    findings = check_file(tmp_path / "every-layout.pptx")
    print("\n".join(listed(findings)))
    rules = {f.rule for f in findings}
    assert rules == {"empty-placeholder", "notes", "title"}
    assert [f.slide for f in findings if f.rule == "title"] == [7]  # "Blank" has no title


def test_pandoc_deck_with_speaker_notes_on_some_slides(tmp_path):
    findings = check_file(pandoc_deck(tmp_path, "speaker-notes"))
    print("\n".join(listed(findings)))
    assert [f.slide for f in findings if f.rule == "notes"] == [2]  # "A page with no speaker notes"
    assert {f.slide for f in findings if f.rule == "title"} == {1, 2, 3, 4}  # untitled slides


def test_pandoc_two_column_deck_describes_its_pictures(tmp_path):
    findings = check_file(pandoc_deck(tmp_path, "two-column"))
    print("\n".join(listed(findings)))
    assert not [f for f in findings if f.rule in ("alt-text", "title", "reading-order")]
