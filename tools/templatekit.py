"""The building blocks both PPTX templates are drawn with: python-pptx's Office Theme made 16:9,
layouts found, removed and added, placeholders moved and styled, shapes drawn behind them, and a
save that gives the same bytes every time. ``make_templates.py`` draws the two designs with them."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import SlideLayoutPart
from pptx.util import Emu

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from slidegen.writers.pptx.internals import package_members  # noqa: E402
from slidegen.writers.pptx.package import core_xml, zip_members  # noqa: E402

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
A, P = "{%s}" % NS["a"], "{%s}" % NS["p"]
WIDTH, HEIGHT = 12_192_000, 6_858_000
INCH = 914_400

# Where a picture slide puts its title and picture on a 13.333 × 7.5 in slide.
TITLE_BOX = (457_200, 228_600, WIDTH - 2 * 457_200, 1_005_840)
PICTURE_BOX = (457_200, 1_371_600, WIDTH - 2 * 457_200, HEIGHT - 1_371_600 - 365_760)


def widescreen_base():
    """python-pptx's Office Theme with every master and layout shape stretched to 16:9."""
    prs = Presentation()
    factor = WIDTH / prs.slide_width
    for master in prs.slide_masters:
        for part in [master, *master.slide_layouts]:
            for xfrm in part._element.iter(f"{A}off", f"{A}ext"):
                key = "x" if xfrm.tag == f"{A}off" else "cx"
                xfrm.set(key, str(round(int(xfrm.get(key)) * factor)))
    prs.slide_width, prs.slide_height = Emu(WIDTH), Emu(HEIGHT)
    prs.part._element.sldSz.attrib.pop("type", None)
    return prs


def layout(prs, name):
    """The layout called ``name``."""
    return next(lay for lay in prs.slide_layouts if lay.name == name)


def remove_layouts(prs, names):
    """Drops the layouts called ``names``."""
    for name in names:
        prs.slide_layouts.remove(layout(prs, name))


def add_picture_layout(
    prs, name: str, after: str, title_box=TITLE_BOX, picture_box=PICTURE_BOX, picture_first: bool = False
):
    """A new layout: the title placeholder of "Title Only" plus one large picture placeholder.

    The title comes first, so screen readers meet it first; ``picture_first`` draws the picture
    under the title instead, for a picture that covers the whole slide.
    """
    master = prs.slide_master
    source = layout(prs, "Title Only")
    element = copy.deepcopy(source._element)
    element.cSld.set("name", name)
    tree = element.cSld.spTree
    for sp in list(tree.iterchildren(f"{P}sp")):
        ph = sp.find(f".//{P}ph")
        if ph is not None and ph.get("type") == "title":
            set_xfrm(sp, title_box)
        elif ph is not None and ph.get("type") == "sldNum":
            continue
        elif ph is not None:
            tree.remove(sp)
    pic = etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:nvSpPr><p:cNvPr id="3" name="Picture Placeholder 2"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="pic" idx="1"/></p:nvPr></p:nvSpPr>'
        '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>'
    )
    set_xfrm(pic, picture_box)
    title_sp = next(
        sp
        for sp in tree.iterchildren(f"{P}sp")
        if (sp.find(f".//{P}ph") is not None and sp.find(f".//{P}ph").get("type") == "title")
    )
    if picture_first:
        title_sp.addprevious(pic)
    else:
        tree.append(pic)
    partname = prs.part.package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    part = SlideLayoutPart(partname, source.part.content_type, prs.part.package, element)
    part.relate_to(master.part, RT.SLIDE_MASTER)
    r_id = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    id_list = master._element.find(f"{P}sldLayoutIdLst")
    new_id = max(int(e.get("id")) for e in master._element.iter(f"{P}sldLayoutId", f"{P}sldMasterId")) + 1
    anchor = next(e for e in id_list if master.part.related_part(e.get(f"{{{NS['r']}}}id")).slide_layout.name == after)
    entry = etree.SubElement(id_list, f"{P}sldLayoutId")
    entry.set("id", str(new_id))
    entry.set(f"{{{NS['r']}}}id", r_id)
    anchor.addnext(entry)


def set_xfrm(sp, box):
    """Places a shape at ``box`` (x, y, width, height in EMU)."""
    sp_pr = sp.find(f"{P}spPr")
    for old in sp_pr.findall(f"{A}xfrm"):
        sp_pr.remove(old)
    xfrm = etree.Element(f"{A}xfrm")
    etree.SubElement(xfrm, f"{A}off", x=str(box[0]), y=str(box[1]))
    etree.SubElement(xfrm, f"{A}ext", cx=str(box[2]), cy=str(box[3]))
    sp_pr.insert(0, xfrm)


def save(prs, path: Path, title: str) -> bytes:
    """The package's bytes, the same on every run (fixed document properties, zip order and times)."""
    _ = prs.core_properties  # makes sure the package has the part
    members = package_members(prs)
    members["docProps/core.xml"] = core_xml(title=title, author="slidegen", subject="", keywords="", when=None)
    return zip_members(members)


def title_style(master, size: int, bold: bool) -> None:
    """Titles left-aligned (one design with the slideshow), at ``size`` hundredths of a point."""
    lvl = master._element.find(f".//{P}titleStyle/{A}lvl1pPr")
    lvl.set("algn", "l")
    rpr = lvl.find(f"{A}defRPr")
    rpr.set("sz", str(size))
    if bold:
        rpr.set("b", "1")


def placeholder_sp(lay, kind: str):
    """A layout's placeholder of ``kind`` (title, body, ctrTitle, …); None when it has none."""
    for sp in lay._element.cSld.spTree.iterchildren(f"{P}sp"):
        ph = sp.find(f".//{P}ph")
        if ph is None:
            continue
        ph_type = ph.get("type", "body" if ph.get("idx") else "")
        if ph_type == kind or (kind == "body" and ph_type in ("body", "obj") and ph.get("idx") == "1"):
            return sp
    return None


def move(lay, kind: str, box) -> None:
    """Moves a layout's placeholder of ``kind`` to ``box``, when it has one."""
    sp = placeholder_sp(lay, kind)
    if sp is not None:
        set_xfrm(sp, box)


def shape(tree, name: str, box, fill_xml: str, geometry: str = "rect"):
    """A filled shape drawn behind the placeholders of ``tree``."""
    shape_id = max(int(e.get("id")) for e in tree.iter(f"{P}cNvPr")) + 1
    sp = etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{box[0]}" y="{box[1]}"/><a:ext cx="{box[2]}" cy="{box[3]}"/></a:xfrm>'
        f'<a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>{fill_xml}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
    )
    # Behind the placeholders, so titles and pictures are drawn over it.
    first_ph = next((e for e in tree.iterchildren(f"{P}sp", f"{P}pic") if e.find(f".//{P}ph") is not None), None)
    if first_ph is not None:
        first_ph.addprevious(sp)
    else:
        tree.append(sp)
    return sp


def text_style(sp, algn: str, size: int, anchor: str, bold: bool = False, colour: str | None = None) -> None:
    """A placeholder's own first-level text style: alignment, size, weight, colour, anchor."""
    body = sp.find(f"{P}txBody")
    body.find(f"{A}bodyPr").set("anchor", anchor)
    lst = body.find(f"{A}lstStyle")
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, f"{A}lvl1pPr", algn=algn)
    etree.SubElement(lvl, f"{A}buNone")
    rpr = etree.SubElement(lvl, f"{A}defRPr", sz=str(size))
    if bold:
        rpr.set("b", "1")
    if colour:
        fill = etree.SubElement(rpr, f"{A}solidFill")
        etree.SubElement(fill, f"{A}srgbClr", val=colour)
