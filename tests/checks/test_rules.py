"""Each rule of ``slidegen check`` on a deck that breaks it and nothing else: found, on the right slide, in words."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from slidegen.checks import CheckError, check_file
from toolkit import image_bytes

TITLE_ONLY = 5  # python-pptx's default template: "Title Only"


def clean_deck(slides: int = 2) -> Presentation:
    """A deck that passes every rule: titled slides with a described picture and notes."""
    prs = Presentation()
    for n in range(1, slides + 1):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = f"Point number {n}"
        pic = slide.shapes.add_picture(io.BytesIO(image_bytes()), Inches(1), Inches(2), Inches(3))
        pic._element.nvPicPr.cNvPr.set("descr", f"A sketch of point {n}")
        slide.notes_slide.notes_text_frame.text = f"What to say about point {n}."
    return prs


def findings_of(prs, tmp_path):
    path = tmp_path / "deck.pptx"
    prs.save(path)
    return [(f.slide, f.severity, f.rule, f.message) for f in check_file(path)]


def test_clean_deck_has_no_findings(tmp_path):
    assert findings_of(clean_deck(), tmp_path) == []


def test_picture_without_alt_text(tmp_path):
    prs = clean_deck()
    prs.slides[1].shapes[1]._element.nvPicPr.cNvPr.set("descr", "")
    assert findings_of(prs, tmp_path) == [(2, "error", "alt-text", 'picture "Picture 2" has no alt text')]


@pytest.mark.parametrize(
    "alt",
    ["IMG_2041.JPG", "C:\\Users\\me\\board.png", "/home/me/slides/board-1.jpg", "images/slide-3.webp", "DSC 0042"],
)
def test_file_name_as_alt_text(tmp_path, alt):
    prs = clean_deck()
    prs.slides[0].shapes[1]._element.nvPicPr.cNvPr.set("descr", alt)
    assert findings_of(prs, tmp_path) == [
        (1, "error", "alt-text", f'picture "Picture 2" has a file name as alt text ("{alt}")')
    ]


def test_decorative_picture_needs_no_alt_text(tmp_path):
    prs = clean_deck(1)
    pr = prs.slides[0].shapes[1]._element.nvPicPr.cNvPr
    pr.set("descr", "")
    from lxml import etree

    ext_lst = etree.SubElement(pr, "{http://schemas.openxmlformats.org/drawingml/2006/main}extLst")
    ext = etree.SubElement(
        ext_lst,
        "{http://schemas.openxmlformats.org/drawingml/2006/main}ext",
        uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}",
    )
    etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative", val="1")
    assert findings_of(prs, tmp_path) == []


def test_slide_without_title(tmp_path):
    prs = clean_deck()
    title = prs.slides[1].shapes.title._element
    title.getparent().remove(title)
    assert findings_of(prs, tmp_path) == [(2, "error", "title", "slide has no title")]


def test_empty_title(tmp_path):
    prs = clean_deck()
    prs.slides[0].shapes.title.text = "  "
    assert findings_of(prs, tmp_path) == [(1, "error", "title", "slide title is empty")]


def test_title_off_the_slide(tmp_path):
    prs = clean_deck()
    prs.slides[1].shapes.title.left = prs.slide_width + Inches(1)
    assert findings_of(prs, tmp_path) == [(2, "error", "title", 'title "Point number 2" is off the slide')]


def test_duplicate_titles(tmp_path):
    prs = clean_deck(3)
    prs.slides[2].shapes.title.text = "point NUMBER  1"
    assert findings_of(prs, tmp_path) == [
        (3, "warning", "duplicate-title", 'title "point NUMBER 1" is also the title of slide 1')
    ]


def test_reading_order_not_starting_with_title(tmp_path):
    prs = clean_deck()
    tree = prs.slides[1].shapes._spTree
    pic = prs.slides[1].shapes[1]._element
    tree.remove(pic)
    tree.insert(2, pic)  # after the group properties, before the title
    assert findings_of(prs, tmp_path) == [
        (2, "warning", "reading-order", 'reading order starts with "Picture 2", not the title')
    ]


def test_table_without_header_row(tmp_path):
    prs = clean_deck()
    frame = prs.slides[0].shapes.add_table(2, 2, Inches(5), Inches(2), Inches(3), Inches(1))
    for cell, text in zip(frame.table.iter_cells(), "abcd"):
        cell.text = text
    assert findings_of(prs, tmp_path) == []  # python-pptx marks the first row as header
    frame.table.first_row = False
    assert findings_of(prs, tmp_path) == [(1, "error", "table-header", 'table "Table 3" has no header row')]


def test_small_text_set_on_the_run(tmp_path):
    prs = clean_deck()
    box = prs.slides[1].shapes.add_textbox(Inches(1), Inches(6), Inches(4), Inches(1))
    box.text_frame.text = "Source: a footnote"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(9)
    assert findings_of(prs, tmp_path) == [(2, "warning", "small-text", 'text in "TextBox 3" is 9 pt, below 12 pt')]


def test_small_text_from_autofit_scale(tmp_path):
    prs = clean_deck()
    body = prs.slides[0].shapes.title.text_frame._txBody.bodyPr
    from lxml import etree

    etree.SubElement(body, "{http://schemas.openxmlformats.org/drawingml/2006/main}normAutofit", fontScale="25000")
    found = findings_of(prs, tmp_path)
    assert [(s, r) for s, _, r, _ in found] == [(1, "small-text")]
    assert "is 11 pt" in found[0][3]  # the master's 44 pt title at 25 %


def test_low_contrast_text(tmp_path):
    prs = clean_deck()
    run = prs.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    run.font.color.rgb = RGBColor(0xCC, 0xCC, 0xCC)  # light grey on the white background
    assert findings_of(prs, tmp_path) == [
        (1, "error", "contrast", 'text in "Title 1" has contrast 1.6:1 against its background, below 3:1')
    ]


def test_contrast_uses_theme_colours_and_shape_fill(tmp_path):
    prs = clean_deck()
    box = prs.slides[1].shapes.add_textbox(Inches(1), Inches(6), Inches(4), Inches(1))
    box.text_frame.text = "Dark text on a dark box"
    box.fill.solid()
    box.fill.fore_color.rgb = RGBColor(0x20, 0x20, 0x40)  # text stays the theme's tx1 (black)
    found = findings_of(prs, tmp_path)
    assert [(s, sev, r) for s, sev, r, _ in found] == [(2, "error", "contrast")]
    assert found[0][3].endswith("below 3:1")  # 18 pt, the deck's default size, is large text


def test_contrast_resolves_scheme_colours(tmp_path):
    from pptx.enum.dml import MSO_THEME_COLOR

    prs = clean_deck()
    box = prs.slides[0].shapes.add_textbox(Inches(1), Inches(6), Inches(4), Inches(1))
    box.text_frame.text = "Background colour as text"
    run = box.text_frame.paragraphs[0].runs[0]
    run.font.size = Pt(14)
    run.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1  # bg1 -> lt1 -> white, on white
    assert findings_of(prs, tmp_path) == [
        (1, "error", "contrast", 'text in "TextBox 3" has contrast 1.0:1 against its background, below 4.5:1')
    ]


def test_empty_placeholder_left(tmp_path):
    prs = clean_deck()
    slide = prs.slides.add_slide(prs.slide_layouts[1])  # Title and Content, content left empty
    slide.shapes.title.text = "Point number 3"
    slide.notes_slide.notes_text_frame.text = "Say it."
    assert findings_of(prs, tmp_path) == [
        (3, "warning", "empty-placeholder", 'placeholder "Content Placeholder 2" is empty')
    ]


def test_slide_without_notes(tmp_path):
    prs = clean_deck()
    prs.slides[1].notes_slide.notes_text_frame.text = ""
    assert findings_of(prs, tmp_path) == [(2, "warning", "notes", "slide has no speaker notes")]


def test_title_slide_needs_no_notes(tmp_path):
    prs = clean_deck(1)
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = "The talk"
    first.placeholders[1].text = "A speaker"
    assert findings_of(prs, tmp_path) == []


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"", "not a zip package"),
        (b"PK\x03\x04 broken", "not a zip package"),
        (None, "not a readable PowerPoint file"),
    ],
)
def test_files_that_are_not_decks(tmp_path, content, what):
    path = tmp_path / "bad.pptx"
    if content is None:
        import zipfile

        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("hello.txt", "a zip, but no presentation in it")
    else:
        path.write_bytes(content)
    with pytest.raises(CheckError, match=what):
        check_file(path)


def test_a_package_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    from slidegen import checks

    clean_deck(1).save(tmp_path / "deck.pptx")
    monkeypatch.setattr(checks, "MAX_UNPACKED", 1000)
    with pytest.raises(CheckError, match="unpacks to more than"):
        check_file(tmp_path / "deck.pptx")
