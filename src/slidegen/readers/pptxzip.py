"""Checks a PPTX package before python-pptx opens it: an untrusted zip is inspected, never trusted.

A deck is a zip of XML parts. Before any part is parsed this module refuses what python-pptx
(and zipfile) would otherwise follow blindly: encrypted decks (an OLE file, not a zip), zip bombs
(entry count and total uncompressed size capped from the central directory; zipfile never
inflates an entry past its declared size), part names that climb out of the package or are
absolute, XML parts that declare a DTD or entities (external entities and entity-expansion bombs
live there), a missing presentation part, and relationships that point at parts that are not in
the package. Each problem is one InputError naming the deck (and the part).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

from slidegen.errors import InputError

#: Parts in one package; real decks hold a few hundred, a thousand-slide deck about 5,000.
MAX_ENTRIES = 10_000
#: Bytes the whole package may unpack to (pictures included).
MAX_UNPACKED = 1024 * 1024 * 1024
#: Bytes one XML part may unpack to; a slide's XML is kilobytes, a huge notes part a few megabytes.
MAX_XML_PART = 64 * 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "/officeDocument"


def check_package(path: Path, shown: str) -> str:
    """Refuses a hostile or broken package; returns the name of its main (presentation) part."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    if head.startswith(_OLE):
        raise InputError(
            "the deck is password-protected (encrypted); save a copy without a password and read that", shown
        )
    if not head.startswith(b"PK"):
        raise InputError("not a PPTX deck (a .pptx file is a zip package; this one is not)", shown)
    try:
        with zipfile.ZipFile(path) as package:
            return _check_zip(package, shown)
    except zipfile.BadZipFile as exc:
        raise InputError(f"damaged PPTX package: {exc}", shown) from None
    except (OSError, EOFError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as exc:
        # RuntimeError: an encrypted zip entry; NotImplementedError: an unknown compression method
        raise InputError(f"cannot unpack the deck: {exc}", shown) from None


def _check_zip(package: zipfile.ZipFile, shown: str) -> str:
    entries = package.infolist()
    if len(entries) > MAX_ENTRIES:
        raise InputError(
            f"the package holds {len(entries):,} parts, over the limit of {MAX_ENTRIES:,}; not unpacked", shown
        )
    total = sum(e.file_size for e in entries)
    if total > MAX_UNPACKED:
        raise InputError(
            f"the package would unpack to {total:,} bytes, over the limit of {MAX_UNPACKED:,} "
            "(a zip bomb?); not unpacked",
            shown,
        )
    names = set()
    for entry in entries:
        _check_name(entry.filename, shown)
        if entry.flag_bits & 0x1:
            raise InputError(
                "the deck is password-protected (encrypted zip entries); save a copy without a password and read that",
                shown,
            )
        names.add(entry.filename)
    for required in ("[Content_Types].xml", "_rels/.rels"):
        if required not in names:
            raise InputError(f"not a PPTX deck: the package has no {required} part", shown)
    for entry in entries:
        if entry.filename.lower().endswith((".xml", ".rels")) or entry.filename == "[Content_Types].xml":
            _check_xml(package, entry, shown)
    main = None
    for entry in entries:
        if entry.filename.endswith(".rels"):
            main = _check_rels(package, entry.filename, names, shown) or main
    if main is None:
        raise InputError("not a PPTX deck: the package names no main document part", shown)
    return main


def _check_name(name: str, shown: str) -> None:
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or "\x00" in name or re.match(r"^[A-Za-z]:", name):
        raise InputError(f"part name leaves the package: {name!r}; refused", shown)


def _check_xml(package: zipfile.ZipFile, entry: zipfile.ZipInfo, shown: str) -> None:
    if entry.file_size > MAX_XML_PART:
        raise InputError(
            f"XML part {entry.filename} would unpack to {entry.file_size:,} bytes, over the "
            f"limit of {MAX_XML_PART:,}; not unpacked",
            shown,
        )
    data = package.read(entry)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", "replace").encode("utf-8", "replace")
    if _DECLARATION.search(data):
        raise InputError(
            f"XML part {entry.filename} declares a DTD or entities; refused for safety (no deck needs one)", shown
        )


def _check_rels(package: zipfile.ZipFile, rels_name: str, names: set[str], shown: str) -> str | None:
    """Checks that every internal relationship of a .rels part points at a part in the package.

    Returns the target of the package's officeDocument relationship when this is ``_rels/.rels``.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(package.read(rels_name), parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"relationships part {rels_name} is not well-formed XML: {exc.msg}", shown) from None
    # _rels/.rels describes the package root; ppt/slides/_rels/slide1.xml.rels describes ppt/slides/slide1.xml
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    main = None
    for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = unquote(rel.get("Target") or "")
        if not target:
            raise InputError(f"relationship {rel.get('Id')!r} in {rels_name} has no target", shown)
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        resolved = posixpath.normpath(joined)
        if resolved.startswith("../") or resolved == "..":
            raise InputError(f"relationship in {rels_name} points out of the package: {target!r}; refused", shown)
        if resolved not in names:
            raise InputError(f"broken relationship in {rels_name}: part {resolved} is missing", shown)
        if rels_name == "_rels/.rels" and (rel.get("Type") or "").endswith(_OFFICE_DOC):
            main = resolved
    return main
