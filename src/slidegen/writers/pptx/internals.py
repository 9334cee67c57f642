"""Every use slidegen makes of python-pptx beyond its documented API, in one place, each with a test.

python-pptx has no public way to cut a rendered slide out of a presentation, to list a part's
relationships, or to get a package's parts without zipping them, so these functions reach
behind it. ``tests/writers/pptx/test_internals.py`` checks each behaviour relied on here, and
``python-pptx`` is pinned to the minor version those tests were run against (pyproject.toml): a
new python-pptx that moves anything fails there first, with the name of the function.
"""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Iterator
from typing import Any

#: The python-pptx series the behaviours below were checked against (see pyproject.toml).
CHECKED_SERIES = "1.0"


@functools.cache
def version() -> str:
    """The installed python-pptx's version, from its package metadata (no import of pptx needed).

    ``importlib.metadata`` is imported here, not at the top: it costs a warm build some
    milliseconds, and only a PPTX build needs the version (once per process).
    """
    from importlib import metadata

    try:
        return metadata.version("python-pptx")
    except metadata.PackageNotFoundError:
        return "unknown"


def element(proxy: Any) -> Any:
    """The lxml element behind a python-pptx shape, placeholder, text paragraph or presentation part."""
    return proxy._element


def presentation_element(prs: Any) -> Any:
    """The ``p:presentation`` root element of ``prs``."""
    return prs.part._element


def inherited_placeholder(placeholder: Any) -> Any | None:
    """The element of the layout placeholder a slide's placeholder inherits from; None when it has none."""
    try:
        return placeholder._base_placeholder._element
    except (AttributeError, KeyError, ValueError):  # no layout placeholder with its idx or type
        return None


def shape_tree(slide: Any) -> Any:
    """A slide's ``p:spTree``: its shapes in drawing order (the last drawn on top)."""
    return slide.shapes._spTree


def paragraph_properties(paragraph: Any) -> Any:
    """A text paragraph's ``a:pPr`` element, added when missing."""
    return paragraph._p.get_or_add_pPr()


def slide_id_list(prs: Any) -> Any:
    """The ``p:sldIdLst`` element listing ``prs``'s slides."""
    return prs.slides._sldIdLst


def drop_slide(prs: Any, sld_id: Any) -> None:
    """Takes a slide out of ``prs``: its entry in the slide list and the relationship to its part.

    An unreferenced part is not saved, so the slide, its notes and its pictures leave the package.
    """
    slide_id_list(prs).remove(sld_id)
    prs.part.drop_rel(sld_id.rId)


def relationships(part: Any) -> list[tuple[str, str, bool, str]]:
    """``(rId, type, external, target)`` for each relationship of ``part``.

    ``target`` is the address of an external relationship, else the target part's name.
    """
    out = []
    for r_id, rel in part.rels.items():
        if rel.is_external:
            out.append((r_id, rel.reltype, True, rel.target_ref))
        else:
            out.append((r_id, rel.reltype, False, str(rel.target_part.partname)))
    return out


def related_part(part: Any, reltype: str) -> Any:
    """The part ``part`` points at with a relationship of ``reltype``; KeyError when there is none."""
    return part.part_related_by(reltype)


def relate(part: Any, target: Any, reltype: str) -> str:
    """The rId of a relationship from ``part`` to ``target`` (made when missing)."""
    return part.relate_to(target, reltype)


def blob(part: Any) -> bytes:
    """A part's XML as python-pptx would save it."""
    return part.blob


def package_members(prs: Any) -> dict[str, bytes]:
    """Every part python-pptx would save for ``prs``, by zip member name, without zipping them.

    python-pptx's ``PackageWriter`` is documented as not to be instantiated; its three private
    steps write the content types, the package relationships and the parts to a zip writer,
    which ``_Members`` stands in for.
    """
    from pptx.opc.serialized import PackageWriter

    package = prs.part.package
    collector = _Members()
    writer = PackageWriter(io.BytesIO(), package._rels, tuple(package.iter_parts()))
    writer._write_content_types_stream(collector)  # type: ignore[arg-type]
    writer._write_pkg_rels(collector)  # type: ignore[arg-type]
    writer._write_parts(collector)  # type: ignore[arg-type]
    return collector.members


class _Members:
    """Stands in for python-pptx's zip writer and keeps each member's bytes instead."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob


@contextlib.contextmanager
def compiled_xpaths() -> Iterator[None]:
    """While open, python-pptx evaluates each XPath expression compiled once, not parsed per call.

    python-pptx finds placeholders and their inherited positions with ``element.xpath(str)``,
    which makes lxml parse the expression on every call: 7,000 parses, a third of the time a
    50-slide deck spends in python-pptx. The results are the same. The method is swapped only
    while our renderer renders and put back after, so python-pptx is unchanged for anyone else
    (a library user importing slidegen gets python-pptx as it ships).
    """
    from pptx.oxml.xmlchemy import BaseOxmlElement

    original = BaseOxmlElement.__dict__["xpath"]
    if getattr(original, "compiled_once", False):  # already open further up
        yield
        return
    BaseOxmlElement.xpath = _compiled_xpath()  # type: ignore[method-assign]
    try:
        yield
    finally:
        BaseOxmlElement.xpath = original  # type: ignore[method-assign]


_COMPILED: dict[str, Any] = {}


def _compiled_xpath() -> Any:
    from lxml import etree
    from pptx.oxml.ns import _nsmap

    def xpath(self: Any, xpath_str: str) -> Any:
        evaluate = _COMPILED.get(xpath_str)
        if evaluate is None:
            evaluate = _COMPILED[xpath_str] = etree.XPath(xpath_str, namespaces=_nsmap)
        return evaluate(self)

    xpath.compiled_once = True  # type: ignore[attr-defined]
    return xpath
