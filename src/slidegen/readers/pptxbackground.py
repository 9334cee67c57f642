"""A slide's own background picture (``<p:bg><p:bgPr><a:blipFill>``), with its original bytes.

Only the slide's own background is read: one it inherits from its layout or master is the
template's look, the same on every slide that uses it, not what this slide shows. python-pptx
has no API for backgrounds, so the XML is read here; every way the reference can be broken
(no such relationship, a link out of the deck, a part that is not a picture, bytes that are not
an image) comes back as a problem to warn about, never an exception.
"""

from __future__ import annotations

from slidegen.readers.pptxdeck import Media

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_BLIP = f"{_P}cSld/{_P}bg/{_P}bgPr/{_A}blipFill/{_A}blip"


def background_picture(slide) -> tuple[Media | None, str]:
    """``(picture, "")`` for the slide's own background picture, ``(None, why)`` when it has one
    that cannot be used, and ``(None, "")`` when it has none."""
    blip = slide.element.find(_BLIP)
    if blip is None:
        return None, ""
    r_id = blip.get(f"{_R}embed")
    if not r_id:
        if blip.get(f"{_R}link"):
            return None, "its background picture is linked from outside the deck, which slidegen never fetches"
        return None, "its background picture names no image"
    rel = slide.part.rels.get(r_id)
    if rel is None:
        return None, f"its background picture refers to relationship {r_id}, which the slide does not have"
    if rel.is_external:
        return None, "its background picture is linked from outside the deck, which slidegen never fetches"
    part = rel.target_part
    name = str(part.partname).lstrip("/")
    if not str(part.content_type).startswith("image/"):
        return None, f"its background picture points at {name}, which is not a picture"
    from pptx.parts.image import Image

    try:
        ext = Image.from_blob(part.blob).ext.lower()
    except Exception:  # PIL raises many kinds on bytes that are not an image
        return None, f"its background picture {name} is not an image slidegen can read"
    return Media(name, part.blob, ext), ""
