"""Assembles a .pptx from a base package and per-slide fragments, streaming it into its file.

A *base* is the template made ready (sample slides dropped, notes master present, no slides);
a *fragment* is one slide's XML and its notes' XML with relationships that name what they point
at (a base part, a picture by digest, the slide's own notes) instead of a part name. Fragments
are therefore independent of where a slide sits in a deck, which lets the writer cache them and
re-render only the slides that changed. This module gives every part its final name, writes the
presentation's slide list, content types and document properties, and zips the lot with fixed
timestamps and order: pictures stored as they are (python-pptx deflates JPEGs for nothing) and
read one at a time, so a deck's pictures are never all in memory. Nothing here imports python-pptx.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from slidegen.model import Picture
from slidegen.untrusted import xml_safe

#: Zip's earliest representable time; used for every member.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
_FIRST = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "ppt/presentation.xml",
    "ppt/_rels/presentation.xml.rels",
)
_XML_HEAD = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RT = R_NS + "/"
RT_SLIDE = _RT + "slide"
RT_NOTES_SLIDE = _RT + "notesSlide"
RT_IMAGE = _RT + "image"
CT_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
CT_NOTES = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_MEDIA_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}
_IMAGE_NAME = re.compile(r"^ppt/media/image(\d+)\.")
PRESENTATION = "ppt/presentation.xml"
PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
CORE = "docProps/core.xml"
DEFAULT_TEMPLATE = "themes/default/reference.pptx"


@dataclass(frozen=True)
class Rel:
    """A relationship of a fragment: ``kind`` says what ``target`` is.

    "part": a part of the base, by part name; "image": a picture, by digest; "notes": the
    slide's own notes; "slide": the notes' own slide; "url": an external address.
    """

    rid: str
    reltype: str
    kind: str
    target: str = ""


@dataclass(frozen=True)
class Fragment:
    """One rendered slide, independent of its position in the deck."""

    slide_xml: bytes
    slide_rels: tuple[Rel, ...]
    notes_xml: bytes | None = None
    notes_rels: tuple[Rel, ...] = ()

    def dumps(self) -> bytes:
        """The fragment as JSON, for the cache."""
        return json.dumps(
            {
                "slide": self.slide_xml.decode("utf-8"),
                "slide_rels": [[r.rid, r.reltype, r.kind, r.target] for r in self.slide_rels],
                "notes": None if self.notes_xml is None else self.notes_xml.decode("utf-8"),
                "notes_rels": [[r.rid, r.reltype, r.kind, r.target] for r in self.notes_rels],
            }
        ).encode("utf-8")

    @classmethod
    def loads(cls, raw: bytes) -> Fragment:
        """The fragment ``dumps`` wrote; ValueError/KeyError/TypeError for anything else."""
        data = json.loads(raw)
        notes = data["notes"]
        return cls(
            data["slide"].encode("utf-8"),
            tuple(Rel(*map(str, r)) for r in data["slide_rels"]),
            None if notes is None else notes.encode("utf-8"),
            tuple(Rel(*map(str, r)) for r in data["notes_rels"]),
        )


@dataclass
class Base:
    """A template made ready for slides, as the parts of a package with no slides in it.

    ``package`` is that package's zip (for python-pptx to render fragments on); ``layouts``
    maps "title", "picture" and "text" to the layouts' part names; ``slide_list`` is the empty
    slide list exactly as it appears in presentation.xml, and ``sld_id`` the tag its entries take.
    ``picture_room`` is False when the picture layout has neither a picture placeholder nor
    room under its title, so pictures are placed by us (and the user is told).
    """

    package: bytes
    layouts: dict[str, str]
    slide_list: str
    sld_id: str
    r_bound: bool
    picture_room: bool = True

    def dumps(self) -> bytes:
        """The base for the cache: a line of JSON, then the package."""
        meta = {
            "layouts": self.layouts,
            "slide_list": self.slide_list,
            "sld_id": self.sld_id,
            "r_bound": self.r_bound,
            "picture_room": self.picture_room,
        }
        return json.dumps(meta).encode("utf-8") + b"\n" + self.package

    @classmethod
    def loads(cls, raw: bytes) -> Base:
        head, package = raw.split(b"\n", 1)
        meta = json.loads(head)
        return cls(
            package,
            {str(k): str(v) for k, v in meta["layouts"].items()},
            str(meta["slide_list"]),
            str(meta["sld_id"]),
            bool(meta["r_bound"]),
            bool(meta.get("picture_room", True)),
        )


# --- assembling -------------------------------------------------------------------------------


def write_package(out, base: Base, fragments: list[Fragment], pictures: dict[str, Picture], core: bytes) -> None:
    """Writes the deck's .pptx into the binary file ``out``: the base's parts, then every slide.

    ``pictures`` maps a digest named by a fragment to its picture; each picture is read when its
    member is written and dropped after, and the same picture used twice is stored once.
    """
    with zipfile.ZipFile(io.BytesIO(base.package)) as zf:
        members: dict[str, bytes | None] = {info.filename: zf.read(info) for info in zf.infolist()}
    defaults, overrides = _content_types(members.pop(CONTENT_TYPES) or b"")
    pres_rels = _read_rels(members.pop(PRESENTATION_RELS) or b"")
    presentation = members.pop(PRESENTATION) or b""
    members.pop(CORE, None)

    images: dict[str, str] = {}  # digest -> member name
    media: dict[str, str] = {}  # member name -> digest
    # A template's own pictures (a logo on the master) keep their names; ours take free numbers.
    taken = {int(m.group(1)) for m in map(_IMAGE_NAME.match, members) if m}
    number_of_image = 0
    parts: dict[str, bytes] = {}
    used = {int(rid[3:]) for rid, _, _, _ in pres_rels if rid[3:].isdigit() and rid.startswith("rId")}
    entries = []
    next_rid = 1
    for number, frag in enumerate(fragments, start=1):
        slide = f"ppt/slides/slide{number}.xml"
        notes = f"ppt/notesSlides/notesSlide{number}.xml"
        for rel in frag.slide_rels:
            if rel.kind == "image" and rel.target not in images:
                ext = pictures[rel.target].ext
                number_of_image += 1
                while number_of_image in taken:
                    number_of_image += 1
                name = f"ppt/media/image{number_of_image}{ext}"
                images[rel.target] = name
                media[name] = rel.target
                defaults.setdefault(ext[1:], _MEDIA_TYPES[ext])
        parts[slide] = frag.slide_xml
        parts[_rels_name(slide)] = _rels_xml(_targets(frag.slide_rels, slide, notes, slide, images))
        overrides["/" + slide] = CT_SLIDE
        if frag.notes_xml is not None:
            parts[notes] = frag.notes_xml
            parts[_rels_name(notes)] = _rels_xml(_targets(frag.notes_rels, notes, notes, slide, images))
            overrides["/" + notes] = CT_NOTES
        while next_rid in used:
            next_rid += 1
        used.add(next_rid)
        pres_rels.append((f"rId{next_rid}", RT_SLIDE, f"slides/slide{number}.xml", False))
        entries.append((255 + number, f"rId{next_rid}"))
    overrides["/" + CORE] = CT_CORE

    members[CONTENT_TYPES] = _content_types_xml(defaults, overrides)
    members[PRESENTATION_RELS] = _rels_xml(pres_rels)
    members[PRESENTATION] = _fill_slide_list(presentation, base, entries)
    members[CORE] = core
    members.update(parts)
    for name in media:
        members[name] = None  # read when written
    first = [n for n in _FIRST if n in members]
    ordered = first + sorted(n for n in members if n not in first)
    with zipfile.ZipFile(out, "w") as dst:
        for name in ordered:
            data = members.pop(name)
            if data is None:
                data = pictures[media[name]].data
            _write_member(dst, name, data)


def _write_member(dst: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, ZIP_EPOCH)
    info.create_system = 0
    info.external_attr = 0
    stored = name.lower().endswith(_STORED_SUFFIXES)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    dst.writestr(info, data, compresslevel=None if stored else 6)


def zip_members(members: dict[str, bytes]) -> bytes:
    """A zip with fixed timestamps and order; pictures stored, XML deflated at level 6."""
    first = [n for n in _FIRST if n in members]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in first + sorted(n for n in members if n not in first):
            _write_member(dst, name, members[name])
    return out.getvalue()


def _targets(rels, source: str, notes: str, slide: str, images: dict[str, str]):
    folder = "/" + posixpath.dirname(source)
    out = []
    for rel in rels:
        if rel.kind == "url":
            out.append((rel.rid, rel.reltype, rel.target, True))
            continue
        if rel.kind == "part":
            target = rel.target
        elif rel.kind == "image":
            target = "/" + images[rel.target]
        elif rel.kind == "notes":
            target = "/" + notes
        elif rel.kind == "slide":
            target = "/" + slide
        else:
            raise ValueError(f"unknown relationship kind {rel.kind!r}")
        out.append((rel.rid, rel.reltype, posixpath.relpath(target, folder), False))
    return out


def _rels_name(member: str) -> str:
    folder, name = posixpath.split(member)
    return f"{folder}/_rels/{name}.rels"


def _read_rels(xml: bytes) -> list[tuple[str, str, str, bool]]:
    root = ElementTree.fromstring(xml)
    return [
        (r.get("Id", ""), r.get("Type", ""), r.get("Target", ""), r.get("TargetMode") == "External")
        for r in root.iter(f"{{{_RELS_NS}}}Relationship")
    ]


def _rels_xml(rels) -> bytes:
    items = []
    for rid, reltype, target, external in sorted(rels, key=lambda r: _rid_order(r[0])):
        mode = ' TargetMode="External"' if external else ""
        items.append(f"<Relationship Id={quoteattr(rid)} Type={quoteattr(reltype)} Target={quoteattr(target)}{mode}/>")
    return _XML_HEAD + f'<Relationships xmlns="{_RELS_NS}">{"".join(items)}</Relationships>'.encode("utf-8")


def _rid_order(rid: str):
    digits = rid[3:]
    return (0, int(digits), rid) if rid.startswith("rId") and digits.isdigit() else (1, 0, rid)


def _content_types(xml: bytes) -> tuple[dict[str, str], dict[str, str]]:
    root = ElementTree.fromstring(xml)
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(f"{{{_CT_NS}}}Default")}
    overrides = {o.get("PartName", ""): o.get("ContentType", "") for o in root.iter(f"{{{_CT_NS}}}Override")}
    return defaults, overrides


def _content_types_xml(defaults: dict[str, str], overrides: dict[str, str]) -> bytes:
    items = [
        f"<Default Extension={quoteattr(ext)} ContentType={quoteattr(ct)}/>" for ext, ct in sorted(defaults.items())
    ]
    items += [
        f"<Override PartName={quoteattr(name)} ContentType={quoteattr(ct)}/>" for name, ct in sorted(overrides.items())
    ]
    return _XML_HEAD + f'<Types xmlns="{_CT_NS}">{"".join(items)}</Types>'.encode("utf-8")


def _fill_slide_list(presentation: bytes, base: Base, entries: list[tuple[int, str]]) -> bytes:
    if not entries:
        return presentation
    tag = base.slide_list[1:-2]  # "<p:sldIdLst/>" -> "p:sldIdLst"
    declare = "" if base.r_bound else f' xmlns:r="{R_NS}"'
    items = "".join(f'<{base.sld_id}{declare} id="{sid}" r:id="{rid}"/>' for sid, rid in entries)
    filled = f"<{tag}>{items}</{tag}>".encode("utf-8")
    return presentation.replace(base.slide_list.encode("utf-8"), filled, 1)


def escape(text: str) -> str:
    """Text for XML character data (xml.sax.saxutils would pull in urllib for two replaces)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """A double-quoted XML attribute value."""
    text = escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return '"' + text + '"'


# --- document properties ----------------------------------------------------------------------


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


def core_xml(*, title: str, author: str, subject: str, keywords: str, when: dt.datetime | None) -> bytes:
    """docProps/core.xml with just these properties; ``when`` None leaves no date in the file."""
    fields = [
        ("dc:title", _prop(title)),
        ("dc:subject", _prop(subject)),
        ("dc:creator", _prop(author)),
        ("cp:keywords", _prop(keywords)),
        ("cp:lastModifiedBy", _prop(author) or "slidegen"),
        ("cp:revision", "1"),
    ]
    body = "".join(f"<{tag}>{escape(value)}</{tag}>" if value else f"<{tag}/>" for tag, value in fields)
    if when is not None:
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        body += "".join(
            f'<dcterms:{tag} xsi:type="dcterms:W3CDTF">{stamp}</dcterms:{tag}>' for tag in ("created", "modified")
        )
    return _XML_HEAD + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{body}</cp:coreProperties>"
    ).encode("utf-8")


def _prop(text: str) -> str:
    # Office limits core properties to 255 characters; keep whole words.
    text = " ".join(xml_safe(text or "").split())
    return text if len(text) <= 255 else text[:254].rsplit(" ", 1)[0] + "…"


def default_template_bytes() -> bytes:
    """Our clean 16:9 template, shipped inside the package."""
    from importlib import resources

    return resources.files("slidegen").joinpath(DEFAULT_TEMPLATE).read_bytes()
