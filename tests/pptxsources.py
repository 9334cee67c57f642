"""PPTX decks for the PPTX-input tests: python-pptx's own template with every kind of content,
slidegen's own outputs, pandoc's decks (committed in data/decks) and hostile packages.

Each builder writes a real file and returns its path, so tests go through the command line.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from slidegen.writers.pptx import internals

DATA = Path(__file__).resolve().parent / "data" / "decks"
KNEECAP = DATA / "red_kneecap.jpg"
PANDOC = {name: DATA / f"pandoc-{name}.pptx" for name in ("speaker-notes", "images", "talk")}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def rich_deck(path: Path) -> Path:
    """python-pptx's default template (4:3) with a title slide, bullets, a picture, a chart, a table,
    grouped shapes, a hidden slide and a slide without notes; notes with lists, levels and emphasis."""
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    prs = Presentation()
    props = prs.core_properties
    props.title, props.author, props.keywords = "Quarterly review", "Ann Example", "review; numbers"
    layouts = {layout.name: layout for layout in prs.slide_layouts}

    s = prs.slides.add_slide(layouts["Title Slide"])
    s.shapes.title.text = "Quarterly review"
    s.placeholders[1].text = "Ann Example"
    s.notes_slide.notes_text_frame.text = "Welcome everyone."

    s = prs.slides.add_slide(layouts["Title and Content"])
    s.shapes.title.text = "Where we stand"
    body = s.placeholders[1].text_frame
    body.text = "Revenue is up"
    p = body.add_paragraph()
    p.text, p.level = "in every region", 1
    tf = s.notes_slide.notes_text_frame
    tf.text = "Start with the good news."
    _bullet(tf.add_paragraph(), "Revenue", 0, "\u2022")
    _bullet(tf.add_paragraph(), "Europe first", 1, "\u2013")
    _numbered(tf.add_paragraph(), "Thank the team")
    _numbered(tf.add_paragraph(), "Take questions")
    p = tf.add_paragraph()
    for text, style in (
        ("Say it ", {}),
        ("loudly", {"bold": True}),
        (" and ", {}),
        ("slowly", {"italic": True}),
        (", run ", {}),
        ("make report", {"code": True}),
        (", see ", {}),
        ("the wiki", {"href": "https://example.org/wiki"}),
        (".", {}),
    ):
        run = p.add_run()
        run.text = text
        run.font.bold = style.get("bold")
        run.font.italic = style.get("italic")
        if style.get("code"):
            run.font.name = "Consolas"
        if style.get("href"):
            run.hyperlink.address = style["href"]

    s = prs.slides.add_slide(layouts["Title Only"])
    s.shapes.title.text = "The sketch"
    pic = s.shapes.add_picture(str(KNEECAP), Inches(1), Inches(1.5), width=Inches(8))
    pic.element.nvPicPr.cNvPr.set("descr", "A red kneecap on a whiteboard")
    s.shapes.add_picture(str(KNEECAP), Inches(9), Inches(0.2), width=Inches(0.5))  # a small logo
    s.notes_slide.notes_text_frame.text = "This is the picture slide."

    s = prs.slides.add_slide(layouts["Title Only"])
    s.shapes.title.text = "Backup slide"
    s.element.set("show", "0")
    s.notes_slide.notes_text_frame.text = "Only if asked."

    s = prs.slides.add_slide(layouts["Title Only"])
    s.shapes.title.text = "Sales by quarter"
    data = CategoryChartData()
    data.categories = ["Q1", "Q2", "Q3"]
    data.add_series("Sales", (1.0, 2.5, 3.2))
    s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1.5), Inches(8), Inches(5), data)
    s.notes_slide.notes_text_frame.text = "The chart speaks for itself."

    s = prs.slides.add_slide(layouts["Title Only"])
    s.shapes.title.text = "The numbers"
    table = s.shapes.add_table(2, 2, Inches(1), Inches(1.5), Inches(8), Inches(2)).table
    table.cell(0, 0).text, table.cell(0, 1).text = "Region", "Sales"

    s = prs.slides.add_slide(layouts["Blank"])
    group = s.shapes.add_group_shape()
    box = group.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(1), Inches(1), Inches(3), Inches(1))
    box.text = "How it fits together"
    group.shapes.add_shape(MSO_SHAPE.OVAL, Inches(5), Inches(1), Inches(2), Inches(2))
    s.notes_slide.notes_text_frame.text = "Two shapes, one group."

    s = prs.slides.add_slide(layouts["Title Only"])
    s.shapes.title.text = "Questions"
    prs.save(path)
    return path


def _bullet(p, text: str, level: int, char: str) -> None:
    from lxml import etree

    p.text, p.level = text, level
    etree.SubElement(internals.paragraph_properties(p), f"{_A}buChar").set("char", char)


def _numbered(p, text: str) -> None:
    from lxml import etree

    p.text = text
    etree.SubElement(internals.paragraph_properties(p), f"{_A}buAutoNum").set("type", "arabicPeriod")


def with_background(part_owner, picture: Path) -> str:
    """Gives a slide or layout a picture background, as PowerPoint writes one (python-pptx has no API
    for it): the picture as a part of its own, ``<p:bg><p:bgPr><a:blipFill>`` first in ``p:cSld``.
    Returns the relationship id."""
    from lxml import etree

    _, r_id = part_owner.part.get_or_add_image_part(str(picture))
    p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    bg = etree.fromstring(
        f'<p:bg xmlns:p="{p}" xmlns:a="{_A[1:-1]}" xmlns:r="{r}"><p:bgPr><a:blipFill dpi="0" rotWithShape="1">'
        f'<a:blip r:embed="{r_id}"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill>'
        "<a:effectLst/></p:bgPr></p:bg>"
    )
    c_sld = part_owner.element.find(f"{{{p}}}cSld")
    c_sld.insert(0, bg)
    return r_id


def background_deck(path: Path, other_picture: Path) -> Path:
    """Slides whose picture is their background: alone (1), under a small logo (2), under a large
    photo (3, where the photo is the picture); and a slide whose only background is its layout's (4)."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    for title, note in (
        ("The board", "The whole board, as a background."),
        ("With a logo", "Logo top right."),
        ("Photo on top", "The photo covers the background."),
    ):
        s = prs.slides.add_slide(layouts["Title Only"])
        s.shapes.title.text = title
        s.notes_slide.notes_text_frame.text = note
        with_background(s, KNEECAP)
    prs.slides[1].shapes.add_picture(str(other_picture), Inches(9), Inches(0.2), width=Inches(0.5))
    prs.slides[2].shapes.add_picture(str(other_picture), Inches(1), Inches(1.5), width=Inches(8))
    with_background(layouts["Section Header"], other_picture)
    s = prs.slides.add_slide(layouts["Section Header"])
    s.shapes.title.text = "Part two"
    s.notes_slide.notes_text_frame.text = "The template's look, not this slide's picture."
    prs.save(path)
    return path


def own_output(folder: Path, out: Path, template: Path | None = None, use_cache: bool = False) -> Path:
    """slidegen's own PPTX of a deck folder, built in-process with the default or a given template
    (with the run's cache when ``use_cache``: its processed pictures serve every later build)."""
    from slidegen.config import BuildOptions
    from slidegen.diagnostics import Report
    from slidegen.pipeline import build

    options = BuildOptions(out_dir=out, formats=("pptx",), template=template, use_cache=use_cache, jobs=1)
    result = build([folder], options, Report(stream=None))
    assert not result.failed, result.failed
    return next(p for p in result.files if p.suffix == ".pptx")


# --- hostile packages -------------------------------------------------------------------------


def rewrite(source: Path, target: Path, change=None, add: dict | None = None, drop: tuple = ()) -> Path:
    """A copy of ``source`` with parts changed (``change(name, bytes) -> bytes``), added or dropped."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info)
            zout.writestr(info.filename, change(info.filename, data) if change else data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    target.write_bytes(out.getvalue())
    return target


def forge_unpacked_size(source: Path, target: Path, size: int) -> Path:
    """A copy whose central directory claims one part unpacks to ``size`` bytes (a zip bomb's header)."""
    data = bytearray(source.read_bytes())
    at = data.rfind(b"PK\x01\x02")  # the last central directory record
    data[at + 24 : at + 28] = size.to_bytes(4, "little")
    target.write_bytes(bytes(data))
    return target


XXE = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE p:sld [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)


def with_prolog(prolog: bytes):
    """A ``change`` that puts ``prolog`` (a DTD) before the first slide's XML."""

    def change(name: str, data: bytes) -> bytes:
        if name == "ppt/slides/slide1.xml":
            body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
            return prolog + body.lstrip()
        return data

    return change
