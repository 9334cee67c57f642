"""The one choke point for untrusted text: decode bytes, normalise newlines, drop what XML forbids.

The character rule, the same for posts, pages, feeds and every writer: the characters XML 1.0
cannot hold (C0 controls but tab, newline and CR; lone surrogates; U+FFFE and U+FFFF) and the
stray controls XML allows but no post means (DEL and the C1 block) are removed, each reported
with its line and column; a vertical tab or form feed becomes a space, since it separated words.
``readers/xmlsafe`` applies the same rule to an export, where an XML-illegal character also
makes the file not well-formed (an error unless ``--repair``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from slidegen.errors import InputError

#: What XML 1.0 cannot hold (python-pptx passes text to lxml, which raises on these).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Legal in XML but never meant in a post: DEL and the C1 controls.
STRAY_CONTROLS = re.compile("[\x7f-\x9f]")
#: Everything the rule removes: both of the above.
REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class CleanText:
    """Decoded, newline-normalised, XML-safe text and what was changed on the way."""

    text: str
    encoding: str
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, message)


def xml_safe(text: str) -> str:
    """``text`` without the characters the rule removes (vertical tab and form feed become a space)."""
    if not REMOVED.search(text):
        return text
    return REMOVED.sub(_replacement, text)


def _replacement(m: re.Match) -> str:
    return " " if m.group() in "\x0b\x0c" else ""


def describe(char: str) -> str:
    """How a removed character is named in a warning: ``control character U+0001``, ``character U+FFFE``."""
    kind = "control character" if ord(char) < 0xA0 else "character"
    return f"{kind} U+{ord(char):04X}"


def decode(data: bytes, path: str, fallback: str | None = None) -> CleanText:
    """Bytes of a post → clean text, or an InputError naming the line and column of a bad byte.

    Order: a byte-order mark decides; else strict UTF-8; else ``fallback`` (e.g. cp1252) with a
    note in ``problems``. Newlines become ``\\n``; illegal characters are removed and reported.
    """
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if fallback is None or encoding != "utf-8":
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError(
                f"invalid {encoding.upper()} byte 0x{data[exc.start]:02x} at column {col}; "
                "save the file as UTF-8 or pass --encoding (for example --encoding cp1252)",
                f"{path}:{line}",
            ) from None
        try:
            text = data.decode(fallback)
        except (UnicodeDecodeError, LookupError) as exc2:
            raise InputError(f"cannot decode as {fallback}: {exc2}", path) from None
        encoding = fallback
    clean = CleanText(_normalise_newlines(text), encoding)
    if encoding == fallback:
        clean.problems.append((1, 1, f"not valid UTF-8; read as {fallback}"))
    clean.text = _strip_illegal(clean.text, clean.problems)
    clean.text = unicodedata.normalize("NFC", clean.text)
    return clean


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def _strip_illegal(text: str, problems: list) -> str:
    found = list(REMOVED.finditer(text))
    for m in found[:20]:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        problems.append((line, col, f"removed {describe(m.group())}"))
    if len(found) > 20:
        problems.append((1, 1, f"removed {len(found)} control characters in all"))
    for m in list(_BIDI.finditer(text))[:5]:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        problems.append((line, col, f"bidirectional control character U+{ord(m.group()):04X} kept"))
    return xml_safe(text) if found else text
