"""Regenerates the PPTX templates: slidegen's clean 16:9 default and the sample corporate one.

    python tools/make_templates.py          # rewrites both files
    python tools/make_templates.py --check  # exits 1 when a committed file differs from a fresh build

Both start from python-pptx's built-in 4:3 "Office Theme", stretched to 13.333 × 7.5 inches. The
default adds a "Title and Picture" layout (title on top, one large picture placeholder) and a
notes master. The corporate template has its own colours, fonts, a logo and an accent bar on the
master, a dark cover, layouts with non-standard names ("Cover", "Photo Slide", …), a sample slide
(which slidegen must drop) and no notes master (which slidegen must add). Output is deterministic.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.shapes.picture import CT_Picture
from pptx.util import Emu

sys.path.insert(0, str(Path(__file__).resolve().parent))  # templatekit, beside this script
import templatekit as kit
from templatekit import (
    HEIGHT,
    INCH,
    NS,
    ROOT,
    WIDTH,
    A,
    P,
    add_picture_layout,
    layout,
    remove_layouts,
    save,
    widescreen_base,
)

from slidegen.writers.pptx.template import notes_master_referenced

DEFAULT_OUT = ROOT / "src/slidegen/themes/default/reference.pptx"
CORPORATE_OUT = ROOT / "assets/templates/corporate.pptx"
# The same file ships in the package, so `--template corporate` works from any install.
CORPORATE_SHIPPED = ROOT / "src/slidegen/templates/corporate.pptx"


def make_default() -> bytes:
    """slidegen's own template, drawn to match the HTML slideshow.

    Left-aligned bold titles after a blue accent bar, the slide's position bottom right, a title
    slide with an accent band, a picture layout whose picture takes the whole slide below a slim
    title (over 78 % of its height), and "Full Picture": the picture on the whole slide on black,
    the title in white over a dark strip (the strip itself is drawn on each slide, above the picture).
    """
    prs = widescreen_base()
    remove_layouts(prs, ["Title and Vertical Text", "Vertical Title and Text"])
    add_picture_layout(prs, "Title and Picture", after="Title Only", title_box=SLIM_TITLE, picture_box=BIG_PICTURE)
    add_picture_layout(
        prs,
        "Full Picture",
        after="Title and Picture",
        title_box=STRIP_TITLE,
        picture_box=(0, 0, WIDTH, HEIGHT),
        picture_first=True,
    )
    _default_theme(prs)
    master = prs.slide_master
    kit.title_style(master, size=3000, bold=True)
    _slide_number_style(master)
    for lay in prs.slide_layouts:
        if lay.name in ("Title and Content", "Title Only", "Title and Picture", "Two Content", "Comparison"):
            kit.move(lay, "title", SLIM_TITLE)
            _accent_bar(lay)
        if lay.name in ("Title and Content",):
            kit.move(lay, "body", BODY_BOX)
    _cover(layout(prs, "Title Slide"))
    _full_picture(layout(prs, "Full Picture"))
    prs.part._element.set("firstSlideNum", "0")  # the title slide is 0, as in the HTML counter
    _ = prs.notes_master
    notes_master_referenced(prs)
    return save(prs, DEFAULT_OUT, "slidegen default template")


# The default's geometry on a 13.333 × 7.5 in slide, the same as the slideshow's (in cqw: ×7.5).
SLIM_TITLE = (566_928, 219_456, WIDTH - 566_928 - 457_200, 694_944)
BIG_PICTURE = (457_200, 1_051_560, WIDTH - 2 * 457_200, HEIGHT - 1_051_560 - 420_624)
BODY_BOX = (566_928, 1_143_000, WIDTH - 566_928 - 457_200, HEIGHT - 1_143_000 - 548_640)
STRIP_TITLE = (566_928, HEIGHT - 1_005_840, WIDTH - 566_928 - 457_200, 694_944)
STRIP_HEIGHT = 1_371_600
ACCENT = "1A5FB4"
DEFAULT_COLOURS = {
    "dk1": "1D1D1F",
    "lt1": "FFFFFF",
    "dk2": "1F2A44",
    "lt2": "F4F3EF",
    "accent1": ACCENT,
    "accent2": "E66100",
    "accent3": "26A269",
    "accent4": "C64600",
    "accent5": "613583",
    "accent6": "986A44",
    "hlink": ACCENT,
    "folHlink": "613583",
}


def _default_theme(prs) -> None:
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    root.set("name", "slidegen")
    scheme = root.find(f".//{A}clrScheme")
    scheme.set("name", "slidegen")
    for slot, hex_ in DEFAULT_COLOURS.items():
        node = scheme.find(f"{A}{slot}")
        for child in list(node):
            node.remove(child)
        etree.SubElement(node, f"{A}srgbClr", val=hex_)
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _slide_number_style(master) -> None:
    """The master's slide number: bottom right, small and grey, as the slideshow's."""
    for sp in master._element.cSld.spTree.iterchildren(f"{P}sp"):
        ph = sp.find(f".//{P}ph")
        if ph is None or ph.get("type") != "sldNum":
            continue
        kit.set_xfrm(sp, (WIDTH - 457_200 - 1_371_600, HEIGHT - 384_048, 1_371_600, 274_320))
        body = sp.find(f"{P}txBody")
        body_pr = body.find(f"{A}bodyPr")
        for key in ("lIns", "rIns", "tIns", "bIns"):
            body_pr.set(key, "0")
        body_pr.set("anchor", "b")
        lst = body.find(f"{A}lstStyle")
        for child in list(lst):
            lst.remove(child)
        lvl = etree.SubElement(lst, f"{A}lvl1pPr", algn="r")
        rpr = etree.SubElement(lvl, f"{A}defRPr", sz="1200")
        fill = etree.SubElement(rpr, f"{A}solidFill")
        etree.SubElement(fill, f"{A}srgbClr", val="595C63")


def _accent_bar(lay) -> None:
    """A short blue bar before the title, as the slideshow's title has."""
    tree = lay._element.cSld.spTree
    kit.shape(
        tree,
        "Accent Bar",
        (457_200, SLIM_TITLE[1] + 155_448, 73_152, 384_048),
        f'<a:solidFill><a:srgbClr val="{ACCENT}"/></a:solidFill>',
    )


def _cover(cover) -> None:
    """A real title slide: a blue band down the left, a large bold title, the byline under a short rule."""
    tree = cover._element.cSld.spTree
    kit.shape(tree, "Accent Band", (0, 0, 228_600, HEIGHT), f'<a:solidFill><a:srgbClr val="{ACCENT}"/></a:solidFill>')
    kit.shape(
        tree,
        "Accent Rule",
        (1_188_720, 4_114_800, 1_097_280, 36_576),
        f'<a:solidFill><a:srgbClr val="{ACCENT}"/></a:solidFill>',
    )
    title, sub = kit.placeholder_sp(cover, "ctrTitle"), kit.placeholder_sp(cover, "subTitle")
    kit.set_xfrm(title, (1_097_280, 1_645_920, WIDTH - 1_097_280 - 914_400, 2_377_440))
    kit.set_xfrm(sub, (1_097_280, 4_251_960, WIDTH - 1_097_280 - 914_400, 1_280_160))
    kit.text_style(title, algn="l", size=4400, bold=True, anchor="b")
    kit.text_style(sub, algn="l", size=2000, colour="595C63", anchor="t")


def _full_picture(lay) -> None:
    """Black behind the picture; the title white at the bottom, over the strip each slide draws."""
    c_sld = lay._element.cSld
    c_sld.insert(
        0,
        etree.fromstring(
            f'<p:bg xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:bgPr><a:solidFill>'
            '<a:srgbClr val="000000"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'
        ),
    )
    kit.text_style(kit.placeholder_sp(lay, "title"), algn="l", size=3000, bold=True, colour="FFFFFF", anchor="b")
    num = kit.placeholder_sp(lay, "sldNum")
    if num is not None:
        kit.text_style(num, algn="r", size=1200, colour="DDDDDD", anchor="b")


# --- the sample corporate template ------------------------------------------------------------

COLOURS = {
    "dk1": "1B2A41",
    "lt1": "FFFFFF",
    "dk2": "0C3C60",
    "lt2": "EEF1F5",
    "accent1": "E4572E",
    "accent2": "17A398",
    "accent3": "F3A712",
    "accent4": "5B8C5A",
    "accent5": "7768AE",
    "accent6": "A23B72",
    "hlink": "0C7BDC",
    "folHlink": "7768AE",
}
HEADING_FONT, BODY_FONT = "Georgia", "Verdana"
RENAMES = {
    "Title Slide": "Cover",
    "Title and Content": "Text Slide",
    "Title and Picture": "Photo Slide",
    "Title Only": "Heading Only",
    "Blank": "Empty Page",
}


def logo_png() -> bytes:
    """A small square mark: orange tile, white chevron; drawn, not loaded, so the script stands alone."""
    img = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((0, 0, 239, 239), radius=36, fill=(0xE4, 0x57, 0x2E, 255))
    draw.polygon([(60, 60), (130, 120), (60, 180), (90, 180), (160, 120), (90, 60)], fill="white")
    draw.rectangle((150, 150, 185, 185), fill=(0x1B, 0x2A, 0x41, 255))
    out = io.BytesIO()
    img.save(out, "PNG", optimize=False)
    return out.getvalue()


def make_corporate() -> bytes:
    """A firm's template: navy and orange, Georgia headings, a logo on every slide, its own names."""
    prs = widescreen_base()
    remove_layouts(
        prs,
        [
            "Title and Vertical Text",
            "Vertical Title and Text",
            "Section Header",
            "Two Content",
            "Comparison",
            "Content with Caption",
            "Picture with Caption",
        ],
    )
    add_picture_layout(prs, "Title and Picture", after="Title Only")
    _theme(prs)
    master = prs.slide_master
    kit.title_style(master, size=3600, bold=False)  # left like its cover, not centred
    _bottom_bar(master)
    _logo(master)
    for lay in prs.slide_layouts:
        lay._element.cSld.set("name", RENAMES[lay.name])
    _dark_cover(layout(prs, "Cover"))
    sample = prs.slides.add_slide(layout(prs, "Cover"))
    sample.shapes.title.text = "Sample slide: delete me"
    sample.placeholders[1].text = "Northwind Advisory · Template 2025"
    return save(prs, CORPORATE_OUT, "Northwind Advisory template")


def _theme(prs) -> None:
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    root.set("name", "Northwind Advisory")
    scheme = root.find(f".//{A}clrScheme")
    scheme.set("name", "Northwind")
    for slot, hex_ in COLOURS.items():
        node = scheme.find(f"{A}{slot}")
        for child in list(node):
            node.remove(child)
        etree.SubElement(node, f"{A}srgbClr", val=hex_)
    fonts = root.find(f".//{A}fontScheme")
    fonts.set("name", "Northwind")
    fonts.find(f"{A}majorFont/{A}latin").set("typeface", HEADING_FONT)
    fonts.find(f"{A}minorFont/{A}latin").set("typeface", BODY_FONT)
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _bottom_bar(master) -> None:
    """A thin orange bar along the bottom of every slide (drawn on the master)."""
    tree = master._element.cSld.spTree
    shape_id = max(int(e.get("id")) for e in tree.iter(f"{P}cNvPr")) + 1
    bar = etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="Accent Bar"/>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="0" y="{HEIGHT - 91_440}"/><a:ext cx="{WIDTH}" cy="91440"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )
    tree.append(bar)


def _logo(master) -> None:
    image_part, r_id = master.part.get_or_add_image_part(io.BytesIO(logo_png()))
    size = Emu(int(0.55 * INCH))
    tree = master._element.cSld.spTree
    shape_id = max(int(e.get("id")) for e in tree.iter(f"{P}cNvPr")) + 1
    pic = CT_Picture.new_pic(
        shape_id,
        "Logo",
        "Northwind Advisory logo",
        r_id,
        Emu(WIDTH - size - 274_320),
        Emu(HEIGHT - size - 228_600),
        size,
        size,
    )
    tree.append(pic)


def _dark_cover(cover) -> None:
    c_sld = cover._element.cSld
    bg = etree.fromstring(
        f'<p:bg xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:bgPr><a:solidFill>'
        f'<a:schemeClr val="tx2"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'
    )
    c_sld.insert(0, bg)
    for ph in cover.placeholders:
        lst = ph._element.txBody.find(f"{A}lstStyle")
        lvl = lst.find(f"{A}lvl1pPr")
        if lvl is None:
            lvl = etree.SubElement(lst, f"{A}lvl1pPr")
        lvl.set("algn", "l")
        rpr = lvl.find(f"{A}defRPr")
        if rpr is None:
            rpr = etree.SubElement(lvl, f"{A}defRPr")
        for old in rpr.findall(f"{A}solidFill"):
            rpr.remove(old)
        fill = etree.Element(f"{A}solidFill")
        etree.SubElement(fill, f"{A}schemeClr", val="bg1")
        rpr.insert(0, fill)
    title = cover.placeholders[0]
    title.left, title.top, title.width, title.height = Emu(914_400), Emu(2_057_400), Emu(10_058_400), Emu(1_600_200)
    sub = cover.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = Emu(914_400), Emu(3_749_040), Emu(10_058_400), Emu(1_371_600)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead")
    args = parser.parse_args(argv)
    stale = []
    corporate = make_corporate()
    for path, data in ((DEFAULT_OUT, make_default()), (CORPORATE_OUT, corporate), (CORPORATE_SHIPPED, corporate)):
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.relative_to(ROOT))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    for path in stale:
        print(f"{path} is out of date; run python tools/make_templates.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
