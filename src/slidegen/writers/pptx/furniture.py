"""What each slide carries besides its content: the slide number, the strip under a full-bleed
title, and a title set small enough to stay on one line.

python-pptx copies neither the slide number nor anything but placeholders from a layout, and it
cannot tell how wide a title's words are; these few emitters do that for ``slides``.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Pt

from slidegen import layout as geo
from slidegen.writers.pptx.internals import element, inherited_placeholder, shape_tree

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)


def fit_title(title) -> None:
    """Sets a title that would wrap smaller, so it stays on one line (down to 20 pt)."""
    from slidegen.titles import fitted_size

    text = title.text_frame.text
    size = inherited_size(title)
    width = (title.width - 2 * 91_440) / geo.EMU_PER_PT  # less the default insets
    points = fitted_size(text, size, width)
    if points < size:
        for run in title.text_frame.paragraphs[0].runs:
            run.font.size = Pt(points)


def inherited_size(title) -> float:
    """The title's point size as its layout, else its master, sets it (44 pt, PowerPoint's default)."""
    layout_title = inherited_placeholder(title)
    if layout_title is not None:
        found = layout_title.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz")
        if found:
            return int(found[0]) / 100
    master = element(title.part.slide_layout.slide_master)
    found = master.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr/@sz")
    return int(found[0]) / 100 if found else 44.0


_STRIP = (
    '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr>'
    '<p:cNvPr id="{id}" name="Title Strip"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
    '<a:xfrm><a:off x="0" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    '<a:gradFill rotWithShape="1"><a:gsLst>'
    '<a:gs pos="0"><a:srgbClr val="000000"><a:alpha val="0"/></a:srgbClr></a:gs>'
    '<a:gs pos="45000"><a:srgbClr val="000000"><a:alpha val="72000"/></a:srgbClr></a:gs>'
    '<a:gs pos="100000"><a:srgbClr val="000000"><a:alpha val="80000"/></a:srgbClr></a:gs>'
    '</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
)


def title_strip(s, size) -> None:
    """Full bleed: a dark strip over the picture's foot, and the title and number over it."""
    from pptx.oxml import parse_xml

    tree = shape_tree(s)
    width, height = size
    strip_height = round(height * 0.2)
    shape_id = max(int(e) for e in tree.xpath(".//p:cNvPr/@id")) + 1
    strip = parse_xml(_STRIP.format(id=shape_id, y=height - strip_height, cx=width, cy=strip_height))
    tree.append(strip)
    for ph in list(s.placeholders):
        if ph.placeholder_format.type in _TITLES:
            tree.append(element(ph))  # drawn last: over the strip


def slide_number(s) -> None:
    """The layout's slide number placeholder on the slide, as PowerPoint's "Slide number" box does.

    python-pptx does not copy it from the layout; the field is filled in by whatever opens the deck.
    """
    from lxml import etree

    layout_number = next(
        (ph for ph in s.slide_layout.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER), None
    )
    if layout_number is None:
        return
    s.shapes.clone_placeholder(layout_number)
    sp = shape_tree(s).xpath("./p:sp[./p:nvSpPr/p:nvPr/p:ph[@type='sldNum']]")[-1]
    for old in sp.xpath("./p:txBody"):
        sp.remove(old)
    body = etree.SubElement(sp, f"{_P}txBody")
    etree.SubElement(body, f"{_A}bodyPr")
    etree.SubElement(body, f"{_A}lstStyle")
    p = etree.SubElement(body, f"{_A}p")
    fld = etree.SubElement(p, f"{_A}fld", id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type="slidenum")
    etree.SubElement(fld, f"{_A}rPr", lang="en-US")
    etree.SubElement(fld, f"{_A}t").text = "\u2039#\u203a"
