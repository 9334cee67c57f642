"""The PPTX package's final form: document properties without the wall clock, and a reproducible zip.

python-pptx stamps every zip member with the current time and deflates JPEGs for nothing (that
alone was 60% of a 50-photo build). ``package_bytes`` takes the parts python-pptx would write
and zips them itself with fixed timestamps, a fixed member order and pictures stored as they
are, so the same deck always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from pptx.opc.serialized import PackageWriter

from ..text import xml_safe

#: Zip's earliest representable time; used for every member.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
_FIRST = ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
          "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels")
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DCTERMS = "http://purl.org/dc/terms/"


def document_time(date: dt.date | None) -> dt.datetime | None:
    """created/modified for the properties: the post's date, else SOURCE_DATE_EPOCH, else None.

    Never the wall clock, so building a deck twice gives the same file.
    """
    if date is not None:
        return dt.datetime(date.year, date.month, date.day)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    return None


def set_properties(prs, *, title: str, author: str, subject: str, keywords: str,
                   when: dt.datetime | None) -> None:
    """Fills the core document properties; ``when`` None leaves no date in the file at all."""
    props = prs.core_properties
    props.title = _prop(title)
    props.author = _prop(author)
    props.last_modified_by = _prop(author) or "slidegen"
    props.subject = _prop(subject)
    props.keywords = _prop(keywords)
    props.comments = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.language = ""
    props.version = ""
    props.revision = 1
    element = props._element
    for tag in ("created", "modified"):
        old = element.find(f"{{{_DCTERMS}}}{tag}")
        if old is not None:
            element.remove(old)
    printed = element.find(f"{{{_CP}}}lastPrinted")
    if printed is not None:
        element.remove(printed)
    if when is not None:
        props.created = when
        props.modified = when


def _prop(text: str) -> str:
    # Core properties are limited to 255 characters by python-pptx; keep whole words.
    text = " ".join(xml_safe(text or "").split())
    return text if len(text) <= 255 else text[:254].rsplit(" ", 1)[0] + "…"


def package_bytes(prs) -> bytes:
    """The presentation as a reproducible .pptx, serialised as python-pptx's own writer would."""
    package = prs.part.package
    collector = _Members()
    writer = PackageWriter(io.BytesIO(), package._rels, tuple(package.iter_parts()))
    writer._write_content_types_stream(collector)
    writer._write_pkg_rels(collector)
    writer._write_parts(collector)
    return zip_members(collector.members)


class _Members:
    """Stands in for python-pptx's zip writer and keeps each member's bytes instead."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob


def zip_members(members: dict[str, bytes]) -> bytes:
    """A zip with fixed timestamps and order; pictures stored, XML deflated at level 6."""
    first = [n for n in _FIRST if n in members]
    ordered = first + sorted(n for n in members if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in ordered:
            info = zipfile.ZipInfo(name, ZIP_EPOCH)
            info.create_system = 0
            info.external_attr = 0
            stored = name.lower().endswith(_STORED_SUFFIXES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            dst.writestr(info, members[name], compresslevel=None if stored else 6)
    return out.getvalue()
