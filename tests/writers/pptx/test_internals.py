"""One test per python-pptx behaviour ``writers/pptx/internals`` relies on: an upgrade that moves one fails here."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import _nsmap
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.util import Inches

from slidegen.writers.pptx import internals

TESTS = Path(__file__).resolve().parents[2]
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture
def prs():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Hello"
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "link"
    run.hyperlink.address = "https://example.com/"
    slide.notes_slide.notes_text_frame.text = "a note"
    return prs


def test_the_installed_python_pptx_is_the_series_checked():
    import pptx

    assert internals.version() == pptx.__version__
    assert internals.version().startswith(internals.CHECKED_SERIES + "."), "re-check internals, then move the pin"


def test_elements_behind_shapes_and_the_presentation(prs):
    slide = prs.slides[0]
    assert internals.element(slide.shapes.title).tag == f"{P}sp"
    assert internals.presentation_element(prs).tag == f"{P}presentation"
    ppr = internals.paragraph_properties(slide.shapes.title.text_frame.paragraphs[0])
    assert ppr.tag == f"{A}pPr" and ppr.getparent().tag == f"{A}p"
    # the PPTX reader walks a paragraph's runs, breaks and fields from its element
    assert internals.element(slide.shapes.title.text_frame.paragraphs[0]).tag == f"{A}p"


def test_elements_behind_a_slide_its_layout_and_master(prs):
    # the deck checks read backgrounds, colour maps and placeholders from these elements
    slide = prs.slides[0]
    assert internals.element(slide).tag == f"{P}sld"
    assert internals.element(slide.slide_layout).tag == f"{P}sldLayout"
    assert internals.element(slide.slide_layout.slide_master).tag == f"{P}sldMaster"


def test_a_masters_theme_is_its_related_part(prs):
    master = prs.slides[0].slide_layout.slide_master
    theme = internals.related_part(master.part, RT.THEME)
    assert b"clrScheme" in internals.blob(theme)


def test_inherited_placeholder_is_the_layouts_element(prs):
    slide = prs.slides[0]
    title = slide.shapes.title
    layout_title = next(ph for ph in slide.slide_layout.placeholders if ph.placeholder_format.type == 1)  # TITLE
    assert internals.inherited_placeholder(title) is internals.element(layout_title)
    # a placeholder whose layout has none of its idx (the layout's body removed) inherits nothing
    body = next(ph for ph in slide.placeholders if ph.placeholder_format.idx == 1)
    layout_body = next(ph for ph in slide.slide_layout.placeholders if ph.placeholder_format.idx == 1)
    internals.element(layout_body).getparent().remove(internals.element(layout_body))
    assert internals.inherited_placeholder(body) is None


def test_shape_tree_holds_the_shapes_in_drawing_order(prs):
    slide = prs.slides[0]
    tree = internals.shape_tree(slide)
    assert tree.tag == f"{P}spTree"
    title = internals.element(slide.shapes.title)
    tree.append(title)  # moved to the end: drawn last, and python-pptx lists it last
    assert internals.element(list(slide.shapes)[-1]) is title


def test_dropping_a_slide_leaves_no_part_of_it_in_the_package(prs):
    listed = internals.slide_id_list(prs)
    assert listed.tag == f"{P}sldIdLst" and len(listed) == 1
    internals.drop_slide(prs, listed[0])
    assert len(prs.slides) == 0
    out = io.BytesIO()
    prs.save(out)
    names = zipfile.ZipFile(out).namelist()
    assert not [n for n in names if n.startswith(("ppt/slides/", "ppt/notesSlides/"))]


def test_relationships_name_external_addresses_and_part_names(prs):
    part = prs.slides[0].part
    rels = internals.relationships(part)
    assert "https://example.com/" in [t for _, kind, ext, t in rels if ext and kind == RT.HYPERLINK]
    layout = [t for _, kind, ext, t in rels if kind == RT.SLIDE_LAYOUT]
    assert layout == [str(prs.slide_layouts[1].part.partname)]
    assert all(r_id.startswith("rId") for r_id, _, _, _ in rels)


def test_related_part_relate_and_blob(prs):
    part = prs.slides[0].part
    notes = internals.related_part(part, RT.NOTES_SLIDE)
    assert internals.blob(notes).startswith(b"<?xml") and b"a note" in internals.blob(notes)
    with pytest.raises(KeyError):
        internals.related_part(part, RT.CHART)
    master = internals.related_part(prs.part, RT.SLIDE_MASTER)
    r_id = internals.relate(prs.part, master, RT.SLIDE_MASTER)
    assert r_id == internals.relate(prs.part, master, RT.SLIDE_MASTER)


def test_package_members_are_what_save_would_zip(prs):
    members = internals.package_members(prs)
    out = io.BytesIO()
    prs.save(out)
    with zipfile.ZipFile(out) as zf:
        saved = {name: zf.read(name) for name in zf.namelist()}
    assert members == saved


def test_compiled_xpaths_are_scoped_and_give_the_same_answers(prs):
    original = BaseOxmlElement.__dict__["xpath"]
    root = internals.presentation_element(prs)
    expected = [e.tag for e in root.xpath("./p:sldIdLst/p:sldId | ./p:sldMasterIdLst/*")]
    with internals.compiled_xpaths():
        assert BaseOxmlElement.xpath is not original
        with internals.compiled_xpaths():  # nested: still the compiled one, and no double restore
            got = [e.tag for e in root.xpath("./p:sldIdLst/p:sldId | ./p:sldMasterIdLst/*")]
        assert BaseOxmlElement.xpath.compiled_once
    assert got == expected and BaseOxmlElement.__dict__["xpath"] is original
    with pytest.raises(RuntimeError), internals.compiled_xpaths():
        raise RuntimeError
    assert BaseOxmlElement.__dict__["xpath"] is original
    assert etree.XPath("./p:sldIdLst", namespaces=_nsmap)(root)  # the namespaces the compiled form uses


def test_importing_and_building_leave_python_pptx_as_it_ships():
    code = (
        "from pptx.oxml.xmlchemy import BaseOxmlElement as B\n"
        "before = B.__dict__['xpath']\n"
        "import slidegen, slidegen.writers.pptx.slides, slidegen.writers.pptx.deck as d\n"
        "from slidegen.config import BuildOptions\n"
        f"__import__('sys').path.insert(0, {str(TESTS)!r})\n"
        "from toolkit import make_deck\n"
        "d.render(make_deck(2), BuildOptions(use_cache=False))['a-test-deck.pptx'].getvalue()\n"
        "assert B.__dict__['xpath'] is before, 'python-pptx was left patched'\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
