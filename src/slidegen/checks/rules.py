"""The checker's rules, each deciding one thing about a slide from its XML; none changes the deck.

Shapes are read in the order of the slide's shape tree, which is the order screen readers use.
Text sizes and colours are resolved through the placeholder, layout and master inheritance
(``TextStyles``), so a template's 10 pt footer style counts even when the run says nothing.
"""

from __future__ import annotations

import re

from slidegen.checks import Finding
from slidegen.checks import shapes as sh
from slidegen.checks.colours import A, P
from slidegen.checks.text import TextStyles, text_rules
from slidegen.writers.pptx.internals import element

_FILE_ALT = re.compile(
    r"^(?:[a-z]:[\\/]|[\\/~.]|\S*[\\/]\S*$|\S+\.(?:png|jpe?g|gif|bmp|tiff?|svg|emf|wmf|webp|heic|"
    r"heif|avif|ico|pdf)$|(?:img|image|dsc|pic|picture|photo|screenshot)[\s_-]?\d+$)",
    re.I,
)


def check_presentation(prs) -> list[Finding]:
    """Every finding of an open presentation, slide by slide, then duplicate titles."""
    findings: list[Finding] = []
    titles: dict[str, int] = {}
    size = (prs.slide_width or 0, prs.slide_height or 0)
    defaults = element(prs.part).find(f"{P}defaultTextStyle")
    for number, slide in enumerate(prs.slides, start=1):
        found: list[Finding] = []
        styles = TextStyles(slide, defaults)
        title = _title_of(slide, size, number, found)
        if title is not None:
            text = " ".join(sh.text(title).split()).casefold()
            if text and text in titles:
                found.append(
                    Finding(
                        number,
                        "warning",
                        "duplicate-title",
                        f'title "{sh.clip(sh.text(title))}" is also the title of slide {titles[text]}',
                        sh.name(title),
                    )
                )
            elif text:
                titles[text] = number
        shapes = list(sh.shapes(element(slide).find(f"{P}cSld/{P}spTree")))
        found += _reading_order(shapes, title, number)
        for sp in shapes:
            found += _alt_text(sp, number) + _table_header(sp, number) + _empty_placeholder(sp, number)
            found += text_rules(sp, styles, number)
        found += _notes(slide, number)
        findings += found
    return findings


# --- titles and order -------------------------------------------------------------------------


def _title_of(slide, size, number: int, found: list[Finding]):
    for sp in element(slide).iter(f"{P}sp"):
        if sh.ph_type(sp) in sh.TITLES:
            if not sh.text(sp).strip():
                found.append(Finding(number, "error", "title", "slide title is empty", sh.name(sp)))
            elif _off_slide(sp, slide, size):
                found.append(
                    Finding(number, "error", "title", f'title "{sh.clip(sh.text(sp))}" is off the slide', sh.name(sp))
                )
            return sp
    found.append(Finding(number, "error", "title", "slide has no title"))
    return None


def _off_slide(sp, slide, size) -> bool:
    off, ext = _xfrm(sp)
    for owner in (slide.slide_layout, slide.slide_layout.slide_master):
        base = sh.matching_placeholder(owner, sp) if sh.ph(sp) is not None else None
        if base is not None:
            base_off, base_ext = _xfrm(base)
            off, ext = off or base_off, ext or base_ext
    if off is None or ext is None or not all(size):
        return False
    (left, top), (width, height) = off, ext
    return left >= size[0] or top >= size[1] or left + width <= 0 or top + height <= 0


def _xfrm(sp):
    """((x, y), (cx, cy)) of a shape, each None when the shape does not say (it inherits)."""

    def pair(el, a, b):
        try:
            return (int(el.get(a)), int(el.get(b))) if el is not None else None
        except (TypeError, ValueError):
            return None

    return (pair(sp.find(f"{P}spPr/{A}xfrm/{A}off"), "x", "y"), pair(sp.find(f"{P}spPr/{A}xfrm/{A}ext"), "cx", "cy"))


def _reading_order(shapes, title, number: int) -> list[Finding]:
    if title is None:
        return []
    readable = [
        sp for sp in shapes if sp.tag != f"{P}cxnSp" and not sh.decorative(sp) and sp.getparent().tag == f"{P}spTree"
    ]
    if readable and readable[0] is not title:
        return [
            Finding(
                number,
                "warning",
                "reading-order",
                f'reading order starts with "{sh.name(readable[0])}", not the title',
                sh.name(readable[0]),
            )
        ]
    return []


# --- pictures, graphics, tables, placeholders, notes ----------------------------------------


def _alt_text(sp, number: int) -> list[Finding]:
    tag = sp.tag.split("}")[-1]
    if tag not in ("pic", "graphicFrame", "grpSp") or sh.decorative(sp) or _table(sp) is not None:
        return []
    if tag == "grpSp" and sp.getparent().tag == f"{P}grpSp":
        return []  # a group inside a group is described by the outer group
    kind = {"pic": "picture", "graphicFrame": "graphic", "grpSp": "group"}[tag]
    pr = sh.cnvpr(sp)
    alt = " ".join(((pr.get("descr") or "") if pr is not None else "").split())
    if not alt:
        return [Finding(number, "error", "alt-text", f'{kind} "{sh.name(sp)}" has no alt text', sh.name(sp))]
    if _FILE_ALT.match(alt):
        return [
            Finding(
                number,
                "error",
                "alt-text",
                f'{kind} "{sh.name(sp)}" has a file name as alt text ("{sh.clip(alt)}")',
                sh.name(sp),
            )
        ]
    return []


def _table(sp):
    return sp.find(f"{A}graphic/{A}graphicData/{A}tbl") if sp.tag == f"{P}graphicFrame" else None


def _table_header(sp, number: int) -> list[Finding]:
    table = _table(sp)
    if table is None:
        return []
    pr = table.find(f"{A}tblPr")
    if pr is None or pr.get("firstRow") not in ("1", "true"):
        return [Finding(number, "error", "table-header", f'table "{sh.name(sp)}" has no header row', sh.name(sp))]
    return []


def _empty_placeholder(sp, number: int) -> list[Finding]:
    if sp.tag != f"{P}sp" or sh.ph(sp) is None or sh.ph_type(sp) in sh.TITLES:
        return []  # an empty title is the title rule's finding
    if not sh.text(sp).strip():
        return [Finding(number, "warning", "empty-placeholder", f'placeholder "{sh.name(sp)}" is empty', sh.name(sp))]
    return []


def _notes(slide, number: int) -> list[Finding]:
    if any(sh.ph_type(sp) == "ctrTitle" for sp in element(slide).iter(f"{P}sp")):
        return []  # a title slide needs no notes
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        if frame is not None and frame.text.strip():
            return []
    return [Finding(number, "warning", "notes", "slide has no speaker notes")]
