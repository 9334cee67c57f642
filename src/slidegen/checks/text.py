"""The text rules: size below 12 pt and contrast below WCAG AA, through the inheritance PowerPoint uses.

A run that sets no size or colour takes it from the shape's list styles, the layout's and the
master's placeholder, then the master's text styles (or, for a text box, the presentation's
defaults); a shape that is not filled shows the slide's background.
"""

from __future__ import annotations

from lxml import etree

from slidegen.checks import Finding
from slidegen.checks import shapes as sh
from slidegen.checks.colours import A, P, Theme, background, colour_map, contrast
from slidegen.writers.pptx.internals import element

MIN_PT = 12


class TextStyles:
    """Where a slide's text gets the size and colour a run does not set: the inheritance chain."""

    def __init__(self, slide, defaults) -> None:
        self.slide = slide
        self.master = slide.slide_layout.slide_master
        self.theme = Theme(self.master)
        self.overrides = colour_map(slide)
        self.defaults = defaults
        self.ground = background(slide, self.theme)
        styles = element(self.master).find(f"{P}txStyles")
        self.master_styles = {
            k: styles.find(f"{P}{k}Style") if styles is not None else None for k in ("title", "body", "other")
        }

    def chain(self, sp) -> list:
        """List styles from the shape's own to the deck's defaults, most specific first."""
        own = [sp.find(f"{P}txBody/{A}lstStyle")]
        if sh.ph(sp) is None:
            return [*own, self.defaults]
        kind = sh.ph_type(sp)
        out = own
        for owner in (self.slide.slide_layout, self.master):
            base = sh.matching_placeholder(owner, sp)
            out.append(base.find(f"{P}txBody/{A}lstStyle") if base is not None else None)
        key = "title" if kind in sh.TITLES else "body" if kind in ("body", "subTitle", "obj") else "other"
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


def text_rules(sp, styles: TextStyles, number: int) -> list[Finding]:
    body = sp.find(f"{P}txBody")
    if body is None or not sh.text(sp).strip():
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
        found.append(
            Finding(
                number,
                "warning",
                "small-text",
                f'text in "{sh.name(sp)}" is {smallest:g} pt, below {MIN_PT} pt',
                sh.name(sp),
            )
        )
    if worst is not None:
        found.append(
            Finding(
                number,
                "error",
                "contrast",
                f'text in "{sh.name(sp)}" has contrast {worst[0]:.1f}:1 against its background, below {worst[1]:g}:1',
                sh.name(sp),
            )
        )
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
