"""A PPTX as readable text for golden files: slides, layouts, shape boxes in EMU, pictures, notes.

Runs are marked like Markdown (``**bold**``, ``_italic_``, ``code``, ``[text](href)``) so lost
formatting shows up in a diff; nothing depends on zip timestamps or part names. A picture is
shown by its format and size in pixels, never its bytes' hash, which a Pillow or libjpeg upgrade
changes without anything being wrong.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.text.text import _Run


def dump(data: bytes) -> str:
    """The whole deck as text, one block per slide."""
    prs = Presentation(io.BytesIO(data))
    sld_sz = prs.part._element.sldSz
    props = prs.core_properties
    lines = [
        f"size {prs.slide_width} x {prs.slide_height} type={sld_sz.get('type')}",
        f"properties title={props.title!r} author={props.author!r} subject={props.subject!r} "
        f"keywords={props.keywords!r}",
        f"  created={props.created} modified={props.modified} revision={props.revision}",
        f"notes master referenced={notes_master_listed(prs)}",
    ]
    for number, slide in enumerate(prs.slides, start=1):
        lines.append(f"slide {number} layout={slide.slide_layout.name!r}")
        for shape in slide.shapes:
            lines.extend("  " + line for line in _shape(shape))
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            lines.append("  notes:")
            lines.extend("    " + line for line in _paragraphs(frame))
    return "\n".join(lines) + "\n"


def notes_master_listed(prs) -> bool:
    """True when presentation.xml lists the notes master (Keynote refuses notes without it)."""
    ns = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    lst = prs.part._element.find(f"{ns}notesMasterIdLst")
    return lst is not None and len(lst) > 0


def _shape(shape) -> list[str]:
    box = f"[{shape.left} {shape.top} {shape.width} {shape.height}]"
    kind = _kind(shape)
    head = f"{kind} {shape.name!r} {box}"
    if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or kind.startswith("placeholder:PICTURE"):
        blob = shape.image.blob
        descr = shape._element.nvPicPr.cNvPr.get("descr")
        crop = (shape.crop_left, shape.crop_top, shape.crop_right, shape.crop_bottom)
        out = [head, f"  image {shape.image.content_type} {_pixels(blob)}", f"  alt={descr!r}"]
        if any(crop):
            out.append(f"  crop={crop}")
        return out
    if shape.has_text_frame:
        return [head, *("  " + line for line in _paragraphs(shape.text_frame))]
    return [head]


def _pixels(blob: bytes) -> str:
    from PIL import Image

    with Image.open(io.BytesIO(blob)) as img:
        return f"{img.width}x{img.height} px"


def _kind(shape) -> str:
    if shape.is_placeholder:
        return f"placeholder:{shape.placeholder_format.type.name}"
    return shape.shape_type.name.lower() if shape.shape_type else "shape"


def _paragraphs(frame) -> list[str]:
    out = []
    for p in frame.paragraphs:
        size = {r.font.size.pt for r in p.runs if r.font.size is not None}
        text = "".join(
            _run(_Run(child, p))
            if child.tag.endswith("}r")
            else "\\n"
            if child.tag.endswith("}br")
            else child.text or ""
            for child in p._p.content_children
        )
        prefix = f"({'/'.join(f'{s:g}' for s in sorted(size))}pt) " if size else ""
        out.append(f"| {prefix}{text}".rstrip())
    return out


def _run(run) -> str:
    text = run.text
    font = run.font
    if font.name == "Courier New":
        text = f"`{text}`"
    if font.italic:
        text = f"_{text}_"
    if font.bold:
        text = f"**{text}**"
    if run.hyperlink.address:
        text = f"[{text}]({run.hyperlink.address})"
    return text


def page_count(pdf: bytes) -> int:
    """Pages in a PDF as LibreOffice writes it: its ``/Type /Page`` objects (not ``/Pages``)."""
    import re

    assert pdf.startswith(b"%PDF-"), "not a PDF"
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
