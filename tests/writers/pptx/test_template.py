"""Templates: .pptx and .potx, sample slides dropped, layouts by name, and clear errors for bad files."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation

from pptxcases import CORPORATE, as_potx
from slidegen.config import BuildOptions
from slidegen.errors import InputError, UsageError
from slidegen.writers.pptx.deck import render
from slidegen.writers.pptx.template import layout_names, open_template, pick_layouts
from toolkit import make_deck

CORPORATE_LAYOUTS = ["Cover", "Text Slide", "Heading Only", "Photo Slide", "Empty Page"]


def build(template=None, deck=None, **options):
    deck = deck or make_deck(2)
    data = render(deck, BuildOptions(template=template, **options))[f"{deck.slug}.pptx"].getvalue()
    return Presentation(io.BytesIO(data)), data


def write_zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def corporate_members() -> dict[str, bytes]:
    with zipfile.ZipFile(CORPORATE) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_default_template_is_widescreen_with_standard_names():
    prs = open_template(None)
    assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)
    assert {
        "Title Slide",
        "Title and Content",
        "Title Only",
        "Blank",
        "Title and Picture",
        "Picture with Caption",
    } <= set(layout_names(prs))
    assert len(prs.slides) == 0


def test_corporate_template_names_and_its_sample_slide_is_dropped():
    assert len(Presentation(str(CORPORATE)).slides) == 1  # the template ships a sample slide
    prs, data = build(CORPORATE)
    assert layout_names(prs) == CORPORATE_LAYOUTS
    assert len(prs.slides) == 3
    assert b"Sample slide: delete me" not in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
    )


def test_layouts_found_by_what_they_hold_when_names_are_custom():
    layouts = pick_layouts(open_template(CORPORATE), None, None, "corp")
    assert (layouts.title.name, layouts.picture.name, layouts.text.name) == ("Cover", "Photo Slide", "Text Slide")


def test_layouts_by_name_ignore_case_and_set_picture_and_text_slides():
    layouts = pick_layouts(open_template(None), "title only", "BLANK", "default")
    assert (layouts.title.name, layouts.picture.name, layouts.text.name) == ("Title Only", "Blank", "Blank")


@pytest.mark.parametrize("flag", ["title_layout", "slide_layout"])
def test_unknown_layout_name_is_a_usage_error_listing_the_names(flag):
    with pytest.raises(UsageError) as err:
        build(CORPORATE, **{flag: "Fancy"})
    message = str(err.value)
    assert err.value.exit_code == 2 and "\n" not in message
    assert f"--{flag.replace('_', '-')} 'Fancy'" in message
    assert all(repr(name) in message for name in CORPORATE_LAYOUTS)
    assert str(CORPORATE) in message


def test_potx_opens_like_pptx(tmp_path):
    potx = as_potx(CORPORATE, tmp_path)
    with pytest.raises(ValueError):
        Presentation(str(potx))  # what python-pptx alone does with a .potx
    prs, _ = build(potx)
    assert layout_names(prs) == CORPORATE_LAYOUTS and len(prs.slides) == 3


def test_command_line_template_wins_over_front_matter(tmp_path):
    deck = make_deck(1, template=as_potx(CORPORATE, tmp_path))
    assert build(None, deck)[0].slides[0].slide_layout.name == "Cover"
    assert build(None, make_deck(1))[0].slides[0].slide_layout.name == "Title Slide"
    pptx_path = tmp_path / "plain.pptx"
    Presentation().save(pptx_path)
    chosen = Presentation(io.BytesIO(render(deck, BuildOptions(template=pptx_path))["a-test-deck.pptx"].getvalue()))
    assert chosen.slides[0].slide_layout.name == "Title Slide"


BAD_TEMPLATES = {
    "text.pptx": (b"this is not a zip", "not a zip package"),
    "empty.pptx": (b"", "not a zip package"),
}


@pytest.mark.parametrize("name", sorted(BAD_TEMPLATES))
def test_not_a_zip_is_an_input_error_naming_the_file(tmp_path, name):
    data, expected = BAD_TEMPLATES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        build(path)
    assert str(err.value).startswith(f"{path}: error: ") and expected in str(err.value)


def test_missing_template_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read template"):
        build(tmp_path / "nope.pptx")


def test_a_word_document_is_not_a_template(tmp_path):
    path = write_zip(
        tmp_path / "letter.pptx",
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            "word/document.xml": b"<w/>",
        },
    )
    with pytest.raises(InputError, match="no presentation part"):
        build(path)


def test_macro_enabled_template_is_refused(tmp_path):
    members = corporate_members()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    )
    with pytest.raises(InputError, match="macro-enabled"):
        build(write_zip(tmp_path / "macro.pptm", members))


def test_unsafe_member_names_are_refused(tmp_path):
    members = corporate_members()
    members["../../evil.xml"] = b"<x/>"
    with pytest.raises(InputError, match="unsafe file name"):
        build(write_zip(tmp_path / "evil.pptx", members))


def test_broken_presentation_xml_is_an_input_error(tmp_path):
    members = corporate_members()
    members["ppt/presentation.xml"] = b"<p:presentation"
    with pytest.raises(InputError) as err:
        build(write_zip(tmp_path / "broken.pptx", members))
    assert "not a usable PowerPoint template" in str(err.value) and "\n" not in str(err.value)


def test_a_template_without_layouts_is_refused(tmp_path):
    path = tmp_path / "bare.pptx"
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    prs.save(path)
    with pytest.raises(InputError, match="no slide layouts"):
        build(path)


def test_zip_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    import slidegen.writers.pptx.template as tpl

    monkeypatch.setattr(tpl, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InputError, match="unpacks to more than"):
        build(CORPORATE, use_cache=False)  # a cached base would not open the template at all


def test_committed_templates_match_their_script():
    import importlib.util

    from PIL import Image

    spec = importlib.util.spec_from_file_location(
        "make_templates", CORPORATE.parents[2] / "tools" / "make_templates.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for fresh, committed in (
        (script.make_default(), script.DEFAULT_OUT),
        (script.make_corporate(), script.CORPORATE_OUT),
    ):
        new, old = zipfile.ZipFile(io.BytesIO(fresh)), zipfile.ZipFile(committed)
        assert new.namelist() == old.namelist(), f"{committed.name}: run tools/make_templates.py"
        for name in new.namelist():
            a, b = new.read(name), old.read(name)
            if name.startswith("ppt/media/"):  # compressed by zlib, whose bytes vary by version
                a, b = (Image.open(io.BytesIO(x)).tobytes() for x in (a, b))
            assert a == b, f"{committed.name}:{name} differs; run tools/make_templates.py"


def test_preparing_a_template_fails_early_like_render_and_is_free_the_second_time(tmp_path, monkeypatch):
    import slidegen.writers.pptx.template as tpl
    from slidegen.writers.pptx.deck import prepared_template

    def check(template, title=None, slide=None):
        return prepared_template(template, BuildOptions(cache_dir=tmp_path, title_layout=title, slide_layout=slide))

    check(CORPORATE, "Cover", "photo slide")
    check(None)
    with pytest.raises(UsageError, match="available: 'Cover'"):
        check(CORPORATE, None, "Title and Picture")
    monkeypatch.setattr(tpl, "open_template", lambda *a: pytest.fail("a prepared template was opened again"))
    check(CORPORATE, "Cover", "photo slide")


def test_sections_and_custom_shows_of_dropped_slides_go_too(tmp_path):
    members = corporate_members()
    ext = (
        b'<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst '
        b'xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"><p14:section name="Intro" '
        b'id="{6D7E2D42-0A1B-4C55-9E0A-3C5D5F1B2A10}"><p14:sldIdLst><p14:sldId id="256"/></p14:sldIdLst>'
        b"</p14:section></p14:sectionLst></p:ext></p:extLst></p:presentation>"
    )
    members["ppt/presentation.xml"] = members["ppt/presentation.xml"].replace(b"</p:presentation>", ext)
    assert b"sectionLst" in members["ppt/presentation.xml"]
    _, data = build(write_zip(tmp_path / "sections.pptx", members))
    presentation = zipfile.ZipFile(io.BytesIO(data)).read("ppt/presentation.xml")
    assert b"sectionLst" not in presentation and b"custShow" not in presentation
