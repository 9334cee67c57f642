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
import re
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


_IMAGE_NAME = re.compile(r"^/ppt/media/image(\d+)\.")


def name_parts_quickly(prs) -> None:
    """Names new parts from sets kept up to date instead of python-pptx's walk over the package.

    python-pptx names every new part (slide notes, pictures) and looks for a duplicate picture by
    walking every relationship in the package, so a deck costs time quadratic in its slides: the
    walks took half of a 50-photo deck's PPTX time and most of a 200-photo one's. The same names
    come out; only how they are found changes.
    """
    from pptx.opc.packuri import PackURI
    from pptx.parts.image import Image, ImagePart

    package = prs.part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    counters: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        n = counters.get(tmpl, 1)
        while tmpl % n in taken:
            n += 1
        counters[tmpl] = n + 1
        taken.add(tmpl % n)
        return PackURI(tmpl % n)

    image_numbers = {int(m.group(1)) for m in map(_IMAGE_NAME.match, taken) if m}

    def next_image_partname(ext: str) -> PackURI:
        n = counters.get("image", 1)
        while n in image_numbers:
            n += 1
        counters["image"] = n + 1
        image_numbers.add(n)
        return PackURI(f"/ppt/media/image{n}.{ext}")

    by_sha1 = {part.sha1: part for part in package._image_parts if hasattr(part, "sha1")}

    def get_or_add_image_part(image_file):
        image = Image.from_file(image_file)
        part = by_sha1.get(image.sha1)
        if part is None:
            part = by_sha1[image.sha1] = ImagePart.new(package, image)
        return part

    package.next_partname = next_partname
    package.next_image_partname = next_image_partname
    package._image_parts.get_or_add_image_part = get_or_add_image_part

