"""Opening a PPTX/POTX template safely, dropping its sample slides, and choosing layouts by name.

A template is untrusted input: the zip is checked (member count, sizes, names) before
python-pptx sees it, and a .potx is turned into a presentation by rewriting one content type,
which python-pptx cannot do itself (python-pptx#1070).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from slidegen import layout as geo
from slidegen.errors import InputError, UsageError
from slidegen.writers.pptx.internals import (
    drop_slide,
    package_members,
    presentation_element,
    relate,
    related_part,
    slide_id_list,
)
from slidegen.writers.pptx.package import R_NS, Base, default_template_bytes, zip_members

_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_MACRO_MAINS = (
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
)
_SHOW_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"

# A real corporate template is a few MB; these bounds only stop zip bombs and junk.
MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_MEMBERS = 10_000

#: Names tried, in order, for each kind of slide before looking at what the layouts hold.
TITLE_NAMES = ("Title Slide",)
PICTURE_NAMES = ("Title and Picture", "Picture with Caption")
TEXT_NAMES = ("Title and Content", "Title and Text", "Title, Text")
TITLE_ONLY_NAMES = ("Title Only",)
FULL_NAMES = ("Full Picture", "Full Bleed", "Picture Full")
BLANK_NAMES = ("Blank",)

_TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


@dataclass(frozen=True)
class Layouts:
    """The layouts a deck is built from: its title slide, picture slides and text slides."""

    title: object
    picture: object
    text: object


def open_template(path: Path | None):
    """A python-pptx Presentation from ``path`` (or our default) with no slides left in it.

    Raises InputError naming the file when it is missing, not a PPTX/POTX, or unsafe to unpack.
    """
    if path is None:
        data, name = default_template_bytes(), "default template"
    else:
        name = str(path)
        try:
            if path.stat().st_size > MAX_TEMPLATE_BYTES:
                raise InputError(f"template is larger than {MAX_TEMPLATE_BYTES // 2**20} MB", name)
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read template: {exc.strerror or exc}", name) from None
    package = _checked_package(data, name)
    try:
        prs = Presentation(io.BytesIO(package))
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors… on broken parts
        raise InputError(
            f"not a usable PowerPoint template ({type(exc).__name__}: {_one_line(exc)}); "
            "save it again as .pptx or .potx",
            name,
        ) from None
    if not list(all_layouts(prs)):
        raise InputError("template has no slide layouts", name)
    drop_slides(prs)
    return prs


def make_base(template: Path | None, title_name: str | None, slide_name: str | None, full: bool = False) -> Base:
    """``template`` (None: our default) ready for slides: layouts chosen, no slides, notes master listed.

    ``full`` asks for full-bleed picture slides: the template's "Full Picture" layout (or one whose
    picture placeholder covers the slide); a template without one keeps its picture layout.
    """
    prs = open_template(template)
    label = f"template {template}" if template else "the default template"
    layouts = pick_layouts(prs, title_name, slide_name, label)
    if full and not slide_name:
        bleed = full_picture_layout(prs)
        if bleed is not None:
            layouts = Layouts(layouts.title, bleed, layouts.text)
    fix_slide_size(prs)
    _ = prs.notes_master  # python-pptx adds a plain one when the template has none
    notes_master_referenced(prs)
    _ = prs.core_properties  # the part the document properties go into
    id_list = slide_id_list(prs)
    id_list.text = None  # so the empty list serialises as one known tag
    root = presentation_element(prs)
    slide_list = f"<{id_list.prefix}:sldIdLst/>" if id_list.prefix else "<sldIdLst/>"
    sld_id = f"{id_list.prefix}:sldId" if id_list.prefix else "sldId"
    members = package_members(prs)
    if members["ppt/presentation.xml"].count(slide_list.encode()) != 1:
        raise InputError(
            "template's presentation part has an unusual form slidegen cannot add slides to; "
            "save it again from PowerPoint or LibreOffice",
            str(template or "default template"),
        )
    names = {kind: str(getattr(layouts, kind).part.partname) for kind in ("title", "picture", "text")}
    return Base(
        zip_members(members),
        names,
        slide_list,
        sld_id,
        root.nsmap.get("r") == R_NS,
        picture_room(layouts.picture, prs.slide_width, prs.slide_height),
    )


def fix_slide_size(prs) -> None:
    """Drops a preset ``type`` that contradicts the size (python-pptx leaves "screen4x3" on 16:9)."""
    sld_sz = presentation_element(prs).sldSz
    kind = sld_sz.get("type") if sld_sz is not None else None
    if kind is None:
        return
    width, height = prs.slide_width, prs.slide_height
    wrong = (
        (kind == "screen4x3" and not geo.is_four_by_three(width, height))
        or (kind == "screen16x9" and (width, height) != (9_144_000, 5_143_500))
        or (kind == "screen16x10" and (width, height) != (9_144_000, 5_715_000))
    )
    if wrong:
        del sld_sz.attrib["type"]


def _checked_package(data: bytes, name: str) -> bytes:
    """The template's zip after safety checks, re-packed with a presentation content type."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("not a PowerPoint file (.pptx or .potx): it is not a zip package", name) from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"template holds {len(infos)} files, more than {MAX_MEMBERS}", name)
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise InputError(f"template unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB", name)
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise InputError("not a PowerPoint file (.pptx or .potx): no [Content_Types].xml", name)
    for member in names:
        parts = member.replace("\\", "/").split("/")
        if member.startswith("/") or ".." in parts or ":" in parts[0]:
            raise InputError(f"template holds an unsafe file name {member!r}", name)
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in infos:
                blob = zf.read(info)
                if info.filename == "[Content_Types].xml":
                    blob = _as_presentation(blob, name)
                dst.writestr(info.filename, blob)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"damaged template zip: {_one_line(exc)}", name) from None
    return out.getvalue()


def _as_presentation(content_types: bytes, name: str) -> bytes:
    text = content_types.decode("utf-8", "replace")
    if any(macro in text for macro in _MACRO_MAINS):
        raise InputError("macro-enabled templates (.pptm/.potm) are not supported; save it as .pptx or .potx", name)
    if _MAIN not in text and _TEMPLATE_MAIN not in text and _SHOW_MAIN not in text:
        raise InputError("not a PowerPoint file (.pptx or .potx): no presentation part", name)
    return content_types.replace(_TEMPLATE_MAIN.encode(), _MAIN.encode()).replace(_SHOW_MAIN.encode(), _MAIN.encode())


def drop_slides(prs) -> None:
    """Removes every slide the template came with; their parts are not saved once unreferenced.

    Sections and custom shows list those slides too; left dangling, PowerPoint offers to
    "repair" the file, so they go with them.
    """
    root = presentation_element(prs)
    for stale in root.xpath("./p:custShowLst | ./p:extLst/p:ext[.//*[local-name()='sectionLst']]"):
        stale.getparent().remove(stale)
    for sld_id in list(slide_id_list(prs)):
        drop_slide(prs, sld_id)


def all_layouts(prs):
    """Every layout of every master, in the template's order."""
    for master in prs.slide_masters:
        yield from master.slide_layouts


def layout_names(prs) -> list[str]:
    """The layout names a user may pass to --title-layout / --slide-layout."""
    return [layout.name for layout in all_layouts(prs)]


def pick_layouts(prs, title_name: str | None, slide_name: str | None, template_label: str) -> Layouts:
    """Chooses the title, picture and text layouts; an asked-for name that is missing is a UsageError.

    ``slide_name`` sets both picture and text slides. Without names: the title slide is
    "Title Slide", else a layout with a centred title; picture slides use a layout with a
    picture placeholder, else "Title Only", else "Blank"; text slides a title-and-body layout,
    else the picture slides' layout.
    """
    layouts = list(all_layouts(prs))
    title = _named(layouts, title_name, "--title-layout", template_label) if title_name else None
    chosen = _named(layouts, slide_name, "--slide-layout", template_label) if slide_name else None
    title = title or _first(layouts, TITLE_NAMES, lambda lay: PP_PLACEHOLDER.CENTER_TITLE in kinds(lay))
    picture = chosen or _first(
        layouts, PICTURE_NAMES, lambda lay: PP_PLACEHOLDER.PICTURE in kinds(lay) and has_title(lay)
    )
    picture = picture or _first(
        layouts,
        TITLE_ONLY_NAMES,
        lambda lay: (
            kinds(lay) & set(_TITLES) == {PP_PLACEHOLDER.TITLE} and not kinds(lay) & {*_BODIES, PP_PLACEHOLDER.PICTURE}
        ),
    )
    picture = picture or _first(layouts, BLANK_NAMES, lambda lay: not kinds(lay) & {*_TITLES, *_BODIES})
    picture = picture or layouts[-1]
    text = chosen or _first(
        layouts,
        TEXT_NAMES,
        lambda lay: (
            has_title(lay)
            and bool(kinds(lay) & set(_BODIES))
            and PP_PLACEHOLDER.CENTER_TITLE not in kinds(lay)
            and PP_PLACEHOLDER.PICTURE not in kinds(lay)
        ),
    )
    return Layouts(title or layouts[0], picture, text or picture)


def picture_room(layout, width: int, height: int) -> bool:
    """True when ``layout`` holds a picture placeholder or leaves room for a picture under its title."""
    if PP_PLACEHOLDER.PICTURE in kinds(layout):
        return True
    title = next((ph for ph in layout.placeholders if ph.placeholder_format.type in _TITLES), None)
    box = None
    if title is not None and None not in (title.left, title.top, title.width, title.height):
        box = geo.Box(title.left, title.top, title.width, title.height)
    return geo.free_area(width, height, box)[0] == box


def full_picture_layout(prs):
    """The layout for full-bleed pictures: by name, else one whose picture placeholder covers the slide."""

    def covers(lay) -> bool:
        return any(
            ph.placeholder_format.type == PP_PLACEHOLDER.PICTURE
            and ph.width is not None
            and ph.width >= prs.slide_width * 0.98
            and ph.height >= prs.slide_height * 0.98
            for ph in lay.placeholders
        )

    return _first(list(all_layouts(prs)), FULL_NAMES, covers)


def kinds(layout) -> set:
    """The placeholder types a layout offers (a body placeholder with no type counts as body)."""
    return {ph.placeholder_format.type for ph in layout.placeholders}


def has_title(layout) -> bool:
    return bool(kinds(layout) & set(_TITLES))


def _named(layouts: list, name: str, flag: str, template_label: str):
    wanted = name.strip().casefold()
    for layout in layouts:
        if layout.name.strip().casefold() == wanted:
            return layout
    available = ", ".join(repr(layout.name) for layout in layouts)
    raise UsageError(f"{flag} {name!r}: no such layout in {template_label}; available: {available}")


def _first(layouts: list, names: tuple[str, ...], test):
    by_name = {layout.name.strip().casefold(): layout for layout in reversed(layouts)}
    for name in names:
        if name.casefold() in by_name:
            return by_name[name.casefold()]
    return next((layout for layout in layouts if test(layout)), None)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def notes_master_referenced(prs) -> None:
    """Makes presentation.xml list the notes master, which Keynote needs (python-pptx#1051)."""
    part = prs.part
    try:
        master_part = related_part(part, RT.NOTES_MASTER)
    except KeyError:
        return
    root = presentation_element(prs)
    ns = root.nsmap.get("p") or "http://schemas.openxmlformats.org/presentationml/2006/main"
    r_ns = R_NS
    if root.find(f"{{{ns}}}notesMasterIdLst") is not None:
        return
    r_id = relate(part, master_part, RT.NOTES_MASTER)
    from lxml import etree

    lst = etree.Element(f"{{{ns}}}notesMasterIdLst")
    etree.SubElement(lst, f"{{{ns}}}notesMasterId").set(f"{{{r_ns}}}id", r_id)
    anchor = root.find(f"{{{ns}}}sldMasterIdLst")
    if anchor is not None:
        anchor.addnext(lst)
    else:
        root.insert(0, lst)
