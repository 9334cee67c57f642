"""What colour a run of text and the ground under it really are: theme colours resolved, contrast measured.

Follows the inheritance PowerPoint uses: the run, the shape's list styles, the layout's and the
master's placeholder, the master's text styles (or the presentation's defaults for a text box);
scheme colours through the colour map to the theme. A ground that is a picture or a gradient is
``None``: contrast cannot be decided from the file, so no finding is made.
"""

from __future__ import annotations

import colorsys
from typing import Literal

from slidegen.writers.pptx.internals import element, related_part

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_MAPPED = ("bg1", "tx1", "bg2", "tx2")
_PRESET = {
    "black": (0, 0, 0),
    "white": (255, 255, 255),
    "red": (255, 0, 0),
    "green": (0, 128, 0),
    "blue": (0, 0, 255),
    "yellow": (255, 255, 0),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
}
RGB = tuple[int, int, int]


class Theme:
    """A master's colour scheme and colour map; ``overrides`` are a slide's or layout's own map."""

    def __init__(self, master) -> None:
        self.scheme: dict[str, RGB] = {}
        self.map: dict[str, str] = {}
        clr_map = element(master).find(f"{P}clrMap")
        if clr_map is not None:
            self.map = dict(clr_map.attrib)
        try:
            from pptx.opc.constants import RELATIONSHIP_TYPE as RT

            theme = related_part(master.part, RT.THEME)
            from lxml import etree

            root = etree.fromstring(theme.blob)
        except Exception:  # a master without a readable theme: scheme colours stay unknown
            return
        scheme = root.find(f"{A}themeElements/{A}clrScheme")
        for el in scheme if scheme is not None else ():
            if isinstance(el.tag, str) and len(el):
                value = _plain(el[0])
                if value is not None:
                    self.scheme[el.tag.split("}")[1]] = value

    def colour(self, el, overrides: dict[str, str] | None = None) -> RGB | None:
        """The RGB of a colour element (srgbClr, schemeClr, sysClr, prstClr) with its changes applied."""
        if el is None:
            return None
        tag = el.tag.split("}")[-1]
        if tag == "schemeClr":
            name = el.get("val", "")
            if name in _MAPPED:
                name = (overrides or {}).get(name) or self.map.get(
                    name, {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}[name]
                )
            base = self.scheme.get(name)
        else:
            base = _plain(el)
        return _modified(base, el) if base is not None else None

    def fill(self, parent, overrides: dict[str, str] | None = None) -> RGB | Literal[False] | None:
        """A solid fill's colour under ``parent``; False when there is no fill element, None when the
        fill is not one colour (gradient, picture, pattern)."""
        if parent is None:
            return False
        solid = parent.find(f"{A}solidFill")
        if solid is not None and len(solid):
            return self.colour(solid[0], overrides)
        if any(parent.find(f"{A}{tag}") is not None for tag in ("gradFill", "blipFill", "pattFill", "grpFill")):
            return None
        return False


def _plain(el) -> RGB | None:
    tag = el.tag.split("}")[-1]
    value = None
    if tag == "srgbClr":
        value = el.get("val")
    elif tag == "sysClr":
        value = el.get("lastClr") or {"windowText": "000000", "window": "FFFFFF"}.get(el.get("val", ""))
    elif tag == "prstClr":
        return _PRESET.get(el.get("val", "").lower())
    if not value or len(value) != 6:
        return None
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return None


def _modified(rgb: RGB, el) -> RGB:
    """Applies lumMod/lumOff (in HSL), tint and shade as PowerPoint does, closely enough for contrast."""
    r, g, b = (c / 255 for c in rgb)
    for change in el:
        if not isinstance(change.tag, str):
            continue
        name = change.tag.split("}")[-1]
        try:
            val = int(change.get("val", "100000")) / 100000
        except ValueError:
            continue
        if name in ("lumMod", "lumOff"):
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            light = light * val if name == "lumMod" else light + val
            r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, light)), s)
        elif name == "tint":
            r, g, b = (1 - (1 - c) * val for c in (r, g, b))
        elif name == "shade":
            r, g, b = (c * val for c in (r, g, b))

    def byte(c: float) -> int:
        return round(min(1.0, max(0.0, c)) * 255)

    return byte(r), byte(g), byte(b)


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""

    def channel(c: int) -> float:
        share = c / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: RGB, two: RGB) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def background(slide, theme: Theme) -> RGB | None:
    """The colour of a slide's background: its own, else its layout's, else its master's; white when
    none says; None for a picture or gradient."""
    for owner in (slide, slide.slide_layout, slide.slide_layout.slide_master):
        bg = element(owner).find(f"{P}cSld/{P}bg")
        if bg is None:
            continue
        pr = bg.find(f"{P}bgPr")
        if pr is not None:
            found = theme.fill(pr, colour_map(slide))
            return found if found is not False else None
        ref = bg.find(f"{P}bgRef")
        if ref is not None and len(ref):
            return theme.colour(ref[0], colour_map(slide))
        return None
    return (255, 255, 255)


def colour_map(slide) -> dict[str, str]:
    """The slide's own colour map override, else its layout's (empty when both follow the master)."""
    for owner in (slide, slide.slide_layout):
        over = element(owner).find(f"{P}clrMapOvr/{A}overrideClrMapping")
        if over is not None:
            return dict(over.attrib)
    return {}
