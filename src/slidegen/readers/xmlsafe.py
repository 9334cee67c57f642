"""Safe XML for feeds and exports: bytes checked first, no DTD, no entities, no network, bounded trees.

Real blog exports are often not well-formed (NUL, ^Q or DLE inside posts, cp1252 bytes in a file
that claims UTF-8). The pre-scan names each such byte as ``file:line:col``; with ``repair`` it
strips control characters and replaces broken bytes, one warning each, so the export still reads.
A document type declaration is refused before the parser ever runs: that is where external
entities (XXE) and entity bombs (billion laughs) live, and no feed needs one.
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from slidegen.errors import InputError
from slidegen.untrusted import REMOVED, XML_ILLEGAL, describe, xml_safe

_ESCAPED = re.compile("[\udc80-\udcff]")
_DECLARATION = re.compile(rb"^<\?xml[^>]{0,200}?\?>")
_DECLARED_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
# Prolog items that may precede a DOCTYPE: white space, comments, processing instructions.
_PROLOG_ITEM = re.compile(r"\s+|<!--.*?-->|<\?.*?\?>", re.S)
MAX_PROBLEMS_SHOWN = 20

Warn = Callable[[str, str], None]


@dataclass
class Scan:
    """Text of an XML document after the byte pre-scan, and the repairs made (line, col, message)."""

    text: str
    encoding: str
    repairs: list[tuple[int, int, str]] = field(default_factory=list)


def parse(data: bytes, shown: str, *, repair: bool = False, warn: Warn | None = None):
    """The root element of a safe, well-formed XML document, or an InputError at ``file:line:col``.

    ``warn(message, where)`` receives one warning per repair when ``repair`` is set.
    """
    scan = prescan(data, shown, repair=repair)
    if warn is not None:
        for line, col, message in scan.repairs[:MAX_PROBLEMS_SHOWN]:
            warn(message, f"{shown}:{line}:{col}")
        if len(scan.repairs) > MAX_PROBLEMS_SHOWN:
            warn(f"{len(scan.repairs)} repairs in all; the first {MAX_PROBLEMS_SHOWN} are listed", shown)
    refuse_dtd(scan.text, shown)
    return parse_text(scan.text, shown)


def prescan(data: bytes, shown: str, *, repair: bool = False) -> Scan:
    """Decodes ``data`` as its byte-order mark or XML declaration says and checks every character.

    Without ``repair`` the first broken byte or character XML forbids is an InputError; with it,
    broken bytes become U+FFFD and forbidden characters go by the rule of ``untrusted`` (removed,
    vertical tab and form feed a space). Stray controls (DEL, C1), legal XML though no post means
    them, go by the same rule with or without ``repair``; each change is recorded in ``repairs``.
    """
    if not data.strip():
        raise InputError("the file is empty", shown)
    encoding, data = _encoding_of(data, shown)
    repairs: list[tuple[int, int, str]] = []
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if not repair:
            line, col = _byte_position(data, exc.start)
            raise InputError(
                f"invalid {_label(encoding)} byte 0x{data[exc.start]:02x} (and maybe more); "
                "fix the export or rerun with --repair to replace broken bytes",
                f"{shown}:{line}:{col}",
            ) from None
        text = data.decode(encoding, "surrogateescape")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: _Lines | None = None
    if repair and _ESCAPED.search(text):
        lines = _Lines(text)  # U+FFFD takes each broken byte's place, so positions stay right
        # Each broken byte was kept as a lone surrogate, so its line and column are known exactly.
        for m in _ESCAPED.finditer(text):
            line, col = lines.position(m.start())
            repairs.append(
                (line, col, f"replaced invalid {_label(encoding)} byte 0x{ord(m.group()) - 0xDC00:02x} with U+FFFD")
            )
        text = _ESCAPED.sub("\ufffd", text)
    found = list(XML_ILLEGAL.finditer(text))
    if found and not repair:
        first = found[0]
        line, col = (lines or _Lines(text)).position(first.start())
        more = f" ({len(found)} in all)" if len(found) > 1 else ""
        raise InputError(
            f"{describe(first.group())} is not allowed in XML{more}; "
            "fix the export or rerun with --repair to strip such characters",
            f"{shown}:{line}:{col}",
        )
    removed = list(REMOVED.finditer(text))
    if removed:
        lines = lines or _Lines(text)
        for m in removed:
            line, col = lines.position(m.start())
            repairs.append((line, col, f"removed {describe(m.group())}"))
        text = xml_safe(text)
    repairs.sort()
    return Scan(unicodedata.normalize("NFC", text), encoding, repairs)


def refuse_dtd(text: str, shown: str) -> None:
    """An InputError when the prolog holds a document type declaration (or an entity declaration)."""
    pos = 0
    while True:
        m = _PROLOG_ITEM.match(text, pos)
        if not m:
            break
        pos = m.end()
    head = text[pos : pos + 9].upper()
    if head.startswith("<!DOCTYPE") or head.startswith("<!ENTITY"):
        line = text.count("\n", 0, pos) + 1
        raise InputError(
            "feed declares a DTD/entities; slidegen refuses them for safety "
            "(no feed needs one): remove the <!DOCTYPE …> block",
            f"{shown}:{line}",
        )


def parser():
    """An lxml parser that resolves nothing, loads nothing and refuses huge or deep trees."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )


def parse_text(text: str, shown: str):
    """Parses checked text; a syntax error becomes an InputError at its line and column."""
    from lxml import etree

    body = _DECLARATION.sub(lambda m: b"\n" * m.group().count(b"\n"), text.encode("utf-8"), count=1)
    try:
        root = etree.fromstring(body, parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position and exc.position[0] else (exc.lineno or 1, 0)
        where = f"{shown}:{line}:{col}" if col else f"{shown}:{line}"
        message = (exc.msg or str(exc)).split(", line ")[0].strip()
        raise InputError(f"not well-formed XML: {message}", where) from None
    if root.getroottree().docinfo.doctype:
        raise InputError("feed declares a DTD/entities; slidegen refuses them for safety", f"{shown}:1")
    return root


def _encoding_of(data: bytes, shown: str) -> tuple[str, bytes]:
    """The encoding a byte-order mark or the XML declaration names (UTF-8 otherwise), BOM removed."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return name, data[len(bom) :]
    declared = _DECLARATION.match(data)
    name = "utf-8"
    if declared:
        m = _DECLARED_ENCODING.search(declared.group())
        if m:
            name = m.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputError(f"the XML declaration names an unknown encoding {name!r}", f"{shown}:1") from None
    return name, data


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as an editor shows them) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


class _Lines:
    """Line and column of character offsets, in one pass over the text however many are asked."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def _label(encoding: str) -> str:
    return encoding.upper()
