"""Reading a slide's shapes from its XML: names, placeholders and what they inherit from, text, decoration."""

from __future__ import annotations

import re

from lxml import etree

from slidegen.checks.colours import A, P
from slidegen.writers.pptx.internals import element

TITLES = ("title", "ctrTitle")
_DECORATIVE = re.compile(r"decorative[^>]*\bval=\"(?:1|true)\"")


def shapes(tree):
    """Every shape of a shape tree, groups and their members included, in reading order."""
    if tree is None:
        return
    for el in tree:
        if el.tag in (f"{P}sp", f"{P}pic", f"{P}graphicFrame", f"{P}cxnSp", f"{P}grpSp"):
            yield el
            if el.tag == f"{P}grpSp":
                yield from shapes(el)
        elif el.tag.endswith("}AlternateContent"):
            choice = el[0] if len(el) else None
            if choice is not None:
                yield from shapes(choice)


def cnvpr(sp):
    for el in sp.iter():
        if isinstance(el.tag, str) and el.tag == f"{P}cNvPr":
            return el
    return None


def name(sp) -> str:
    pr = cnvpr(sp)
    return (pr.get("name") or "").strip() if pr is not None else ""


def decorative(sp) -> bool:
    pr = cnvpr(sp)
    return pr is not None and bool(_DECORATIVE.search(etree.tostring(pr, encoding="unicode")))


def ph(sp):
    """The shape's placeholder element (``p:ph``), None for a shape that is not a placeholder."""
    return sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")


def ph_type(sp) -> str | None:
    """A placeholder's type ("obj" when unsaid, as the standard has it), None for other shapes."""
    own = ph(sp)
    return None if own is None else own.get("type", "obj")


def matching_placeholder(owner, sp):
    """The layout's placeholder a slide's one inherits from (same idx, else same type); on a master,
    by type (title for a centred title, body for content)."""
    own = ph(sp)
    kind = own.get("type", "obj")
    idx = own.get("idx")
    root = element(owner)
    candidates = [el for el in root.iter(f"{P}sp") if ph(el) is not None]
    is_master = root.tag == f"{P}sldMaster"
    if not is_master and idx is not None:
        for el in candidates:
            if ph(el).get("idx") == idx:
                return el
    wanted = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}.get(kind, kind) if is_master else kind
    for el in candidates:
        if ph(el).get("type", "obj") in (wanted, kind):
            return el
    return None


def text(sp) -> str:
    return "".join(t.text or "" for t in sp.iter(f"{A}t"))


def clip(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
