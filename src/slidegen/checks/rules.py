"""The checker's rules, each deciding one thing about a slide from its XML; none changes the deck.

Shapes are read in the order of the slide's shape tree, which is the order screen readers use.
Text sizes and colours are resolved through the placeholder, layout and master inheritance
(``TextStyles``), so a template's 10 pt footer style counts even when the run says nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from slidegen.checks import Finding
from slidegen.checks.colours import A, P, Theme, background, colour_map, contrast

MIN_PT = 12
_TITLES = ("title", "ctrTitle")
_FILE_ALT = re.compile(r"^(?:[a-z]:[\\/]|[\\/~.]|\S*[\\/]\S*$|\S+\.(?:png|jpe?g|gif|bmp|tiff?|svg|emf|wmf|webp|heic|"
                       r"heif|avif|ico|pdf)$|(?:img|image|dsc|pic|picture|photo|screenshot)[\s_-]?\d+$)", re.I)
_DECORATIVE = re.compile(r"decorative[^>]*\bval=\"(?:1|true)\"")


def check_presentation(prs) -> list[Finding]:
    """Every finding of an open presentation, slide by slide, then duplicate titles."""
    findings: list[Finding] = []
    titles: dict[str, int] = {}
    size = (prs.slide_width or 0, prs.slide_height or 0)
    defaults = prs.part._element.find(f"{P}defaultTextStyle")
    for number, slide in enumerate(prs.slides, start=1):
        found: list[Finding] = []
        styles = TextStyles(slide, defaults)
        title = _title_of(slide, size, number, found)
        if title is not None:
            text = " ".join(_text(title).split()).casefold()
            if text and text in titles:
                found.append(Finding(number, "warning", "duplicate-title",
                                     f"title \"{_clip(_text(title))}\" is also the title of slide {titles[text]}",
                                     _name(title)))
            elif text:
                titles[text] = number
        shapes = list(_shapes(slide._element.find(f"{P}cSld/{P}spTree")))
        found += _reading_order(shapes, title, number)
        for sp in shapes:
            found += _alt_text(sp, number) + _table_header(sp, number) + _empty_placeholder(sp, number)
            found += _text_rules(sp, styles, number)
        found += _notes(slide, number)
        findings += found
    return findings


# --- titles and order -------------------------------------------------------------------------


def _title_of(slide, size, number: int, found: list[Finding]):
    for sp in slide._element.iter(f"{P}sp"):
        if _ph_type(sp) in _TITLES:
            if not _text(sp).strip():
                found.append(Finding(number, "error", "title", "slide title is empty", _name(sp)))
            elif _off_slide(sp, slide, size):
                found.append(Finding(number, "error", "title", f"title \"{_clip(_text(sp))}\" is off the slide",
                                     _name(sp)))
            return sp
    found.append(Finding(number, "error", "title", "slide has no title"))
    return None


def _off_slide(sp, slide, size) -> bool:
    off, ext = _xfrm(sp)
    for owner in (slide.slide_layout, slide.slide_layout.slide_master):
        base = _matching_placeholder(owner, sp) if _ph(sp) is not None else None
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

    return (pair(sp.find(f"{P}spPr/{A}xfrm/{A}off"), "x", "y"),
            pair(sp.find(f"{P}spPr/{A}xfrm/{A}ext"), "cx", "cy"))


def _reading_order(shapes, title, number: int) -> list[Finding]:
    if title is None:
        return []
    readable = [sp for sp in shapes if sp.tag != f"{P}cxnSp" and not _decorative(sp)
                and sp.getparent().tag == f"{P}spTree"]
    if readable and readable[0] is not title:
        return [Finding(number, "warning", "reading-order",
                        f"reading order starts with \"{_name(readable[0])}\", not the title", _name(readable[0]))]
    return []


# --- pictures, graphics, tables, placeholders, notes ----------------------------------------


def _alt_text(sp, number: int) -> list[Finding]:
    tag = sp.tag.split("}")[-1]
    if tag not in ("pic", "graphicFrame", "grpSp") or _decorative(sp) or _table(sp) is not None:
        return []
    if tag == "grpSp" and sp.getparent().tag == f"{P}grpSp":
        return []  # a group inside a group is described by the outer group
    kind = {"pic": "picture", "graphicFrame": "graphic", "grpSp": "group"}[tag]
    pr = _cnvpr(sp)
    alt = " ".join(((pr.get("descr") or "") if pr is not None else "").split())
    if not alt:
        return [Finding(number, "error", "alt-text", f"{kind} \"{_name(sp)}\" has no alt text", _name(sp))]
    if _FILE_ALT.match(alt):
        return [Finding(number, "error", "alt-text", f"{kind} \"{_name(sp)}\" has a file name as alt text "
                        f"(\"{_clip(alt)}\")", _name(sp))]
    return []


def _table(sp):
    return sp.find(f"{A}graphic/{A}graphicData/{A}tbl") if sp.tag == f"{P}graphicFrame" else None


def _table_header(sp, number: int) -> list[Finding]:
    table = _table(sp)
    if table is None:
        return []
    pr = table.find(f"{A}tblPr")
    if pr is None or pr.get("firstRow") not in ("1", "true"):
        return [Finding(number, "error", "table-header", f"table \"{_name(sp)}\" has no header row", _name(sp))]
    return []


def _empty_placeholder(sp, number: int) -> list[Finding]:
    if sp.tag != f"{P}sp" or _ph(sp) is None or _ph_type(sp) in _TITLES:
        return []  # an empty title is the title rule's finding
    if not _text(sp).strip():
        return [Finding(number, "warning", "empty-placeholder", f"placeholder \"{_name(sp)}\" is empty",
                        _name(sp))]
    return []


def _notes(slide, number: int) -> list[Finding]:
    if any(_ph_type(sp) == "ctrTitle" for sp in slide._element.iter(f"{P}sp")):
        return []  # a title slide needs no notes
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        if frame is not None and frame.text.strip():
            return []
    return [Finding(number, "warning", "notes", "slide has no speaker notes")]


# --- text size and contrast -------------------------------------------------------------------


class TextStyles:
    """Where a slide's text gets the size and colour a run does not set: the inheritance chain."""

    def __init__(self, slide, defaults) -> None:
        self.slide = slide
        self.master = slide.slide_layout.slide_master
        self.theme = Theme(self.master)
        self.overrides = colour_map(slide)
        self.defaults = defaults
        self.ground = background(slide, self.theme)
        styles = self.master._element.find(f"{P}txStyles")
        self.master_styles = {k: styles.find(f"{P}{k}Style") if styles is not None else None
                              for k in ("title", "body", "other")}

    def chain(self, sp) -> list:
        """List styles from the shape's own to the deck's defaults, most specific first."""
        own = [sp.find(f"{P}txBody/{A}lstStyle")]
        if _ph(sp) is None:
            return [*own, self.defaults]
        kind = _ph_type(sp)
        out = own
        for owner in (self.slide.slide_layout, self.master):
            base = _matching_placeholder(owner, sp)
            out.append(base.find(f"{P}txBody/{A}lstStyle") if base is not None else None)
        key = "title" if kind in _TITLES else "body" if kind in ("body", "subTitle", "obj") else "other"
        return [*out, self.master_styles[key]]

    def ground_of(self, sp):
        """The colour behind a shape's text: its own fill, its style's fill, else the slide's background."""
        found = self.theme.fill(sp.find(f"{P}spPr"), self.overrides)
        if found is not False:
            return found
        ref = sp.find(f"{P}style/{A}fillRef")
        if ref is not None and ref.get("idx", "0") != "0" and len(ref):
            return self.theme.colour(ref[0], self.overrides)
        return self.ground


def _text_rules(sp, styles: TextStyles, number: int) -> list[Finding]:
    body = sp.find(f"{P}txBody")
    if body is None or not _text(sp).strip():
        return []
    chain = styles.chain(sp)
    scale = 1.0
    fit = body.find(f"{A}bodyPr/{A}normAutofit")
    if fit is not None and fit.get("fontScale"):
        try:
            scale = int(fit.get("fontScale")) / 100000
        except ValueError:
            pass
    ground = styles.ground_of(sp)
    font_ref = sp.find(f"{P}style/{A}fontRef")
    smallest, worst = None, None
    for p in body.iter(f"{A}p"):
        ppr = p.find(f"{A}pPr")
        level = int(ppr.get("lvl", "0")) if ppr is not None and ppr.get("lvl", "0").isdigit() else 0
        for run in p.iter(f"{A}r"):
            if not (run.findtext(f"{A}t") or "").strip():
                continue
            rpr = run.find(f"{A}rPr")
            size = _inherited(rpr, chain, level, lambda el: el.get("sz"))
            points = (int(size) / 100 if size and size.isdigit() else 18) * scale
            smallest = points if smallest is None else min(smallest, points)
            fill = _inherited(rpr, chain, level, lambda el: el.find(f"{A}solidFill"))
            if fill is None and font_ref is not None and len(font_ref):
                colour = styles.theme.colour(font_ref[0], styles.overrides)
            elif fill is None:
                colour = styles.theme.colour(_TX1, styles.overrides)
            else:
                colour = styles.theme.colour(fill[0], styles.overrides) if len(fill) else None
            if colour is None or ground is None:
                continue
            bold = _inherited(rpr, chain, level, lambda el: el.get("b")) in ("1", "true")
            needed = 3.0 if points >= 18 or (bold and points >= 14) else 4.5
            ratio = contrast(colour, ground)
            if ratio < needed and (worst is None or ratio < worst[0]):
                worst = (ratio, needed)
    found = []
    if smallest is not None and smallest < MIN_PT - 0.01:
        found.append(Finding(number, "warning", "small-text", f"text in \"{_name(sp)}\" is {smallest:g} pt, "
                             f"below {MIN_PT} pt", _name(sp)))
    if worst is not None:
        found.append(Finding(number, "error", "contrast", f"text in \"{_name(sp)}\" has contrast "
                             f"{worst[0]:.1f}:1 against its background, below {worst[1]:g}:1", _name(sp)))
    return found


def _inherited(rpr, chain, level: int, get):
    if rpr is not None:
        value = get(rpr)
        if value is not None:
            return value
    for style in chain:
        if style is None:
            continue
        for lvl in (f"lvl{level + 1}pPr", "lvl1pPr") if level else ("lvl1pPr",):
            defrpr = style.find(f"{A}{lvl}/{A}defRPr")
            if defrpr is not None:
                value = get(defrpr)
                if value is not None:
                    return value
                break
    return None


_TX1 = etree.Element(f"{A}schemeClr", val="tx1")  # text that says no colour is the theme's text colour


# --- small readers ----------------------------------------------------------------------------


def _shapes(tree):
    """Every shape of a shape tree, groups and their members included, in reading order."""
    if tree is None:
        return
    for el in tree:
        if el.tag in (f"{P}sp", f"{P}pic", f"{P}graphicFrame", f"{P}cxnSp", f"{P}grpSp"):
            yield el
            if el.tag == f"{P}grpSp":
                yield from _shapes(el)
        elif el.tag.endswith("}AlternateContent"):
            choice = el[0] if len(el) else None
            if choice is not None:
                yield from _shapes(choice)


def _cnvpr(sp):
    for el in sp.iter():
        if isinstance(el.tag, str) and el.tag == f"{P}cNvPr":
            return el
    return None


def _name(sp) -> str:
    pr = _cnvpr(sp)
    return (pr.get("name") or "").strip() if pr is not None else ""


def _decorative(sp) -> bool:
    pr = _cnvpr(sp)
    return pr is not None and bool(_DECORATIVE.search(etree.tostring(pr, encoding="unicode")))


def _ph(sp):
    return sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")


def _ph_type(sp) -> str | None:
    ph = _ph(sp)
    return None if ph is None else ph.get("type", "obj")


def _matching_placeholder(owner, sp):
    """The layout's placeholder a slide's one inherits from (same idx, else same type); on a master,
    by type (title for a centred title, body for content)."""
    ph = _ph(sp)
    kind = ph.get("type", "obj")
    idx = ph.get("idx")
    candidates = [el for el in owner._element.iter(f"{P}sp") if _ph(el) is not None]
    is_master = owner._element.tag == f"{P}sldMaster"
    if not is_master and idx is not None:
        for el in candidates:
            if _ph(el).get("idx") == idx:
                return el
    wanted = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}.get(kind, kind) if is_master else kind
    for el in candidates:
        if _ph(el).get("type", "obj") in (wanted, kind):
            return el
    return None


def _text(sp) -> str:
    return "".join(t.text or "" for t in sp.iter(f"{A}t"))


def _clip(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
