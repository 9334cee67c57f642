"""What shapes a processed picture: its settings and the picture code's version, both in every cache key.

Kept apart from ``images`` so that finding pictures in the cache does not import Pillow.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Bump when the same input and settings would give different output bytes (the cache key uses it).
VERSION = 9  # 9: whiteboard photos decoded for a board filling 70 % of them, whole ones halved by averaging, frames found as bands; 8: cleanup at the slide picture's size, glare repaired; 7: boards found, straightened and cleaned with OpenCV; a PNG keeps its transparent colour
#: The picture area as fractions of the slide's width and height.
PICTURE_AREA = (0.925, 0.746)


@dataclass(frozen=True)
class ImageSettings:
    """What shapes a processed picture; every field is part of the cache key."""

    box_width: int = 1920
    box_height: int = 1080
    max_pixels: int = 50_000_000
    whiteboard: bool = False
    #: Whiteboards only: straighten and crop to the board (off keeps the whole photo)...
    crop: bool = True
    #: ...to these corners given by hand ([x, y] pairs: fractions of the upright photo, or its pixels).
    corners: tuple[tuple[float, float], ...] | None = None

    @classmethod
    def for_width(
        cls,
        width: int,
        max_pixels: int,
        whiteboard: bool,
        crop: bool = True,
        corners: tuple[tuple[float, float], ...] | None = None,
    ) -> ImageSettings:
        """The picture area of a 16:9 slide ``width`` pixels across: under the title, inside the
        margins (1776×806 at 1920 — the default template's picture placeholder)."""
        if not whiteboard:  # crop and corners mean nothing then; one cache entry serves all
            crop, corners = True, None
        return cls(
            max(1, round(width * PICTURE_AREA[0])),
            max(1, round(width * 9 / 16 * PICTURE_AREA[1])),
            max_pixels,
            whiteboard,
            crop,
            corners,
        )


def whiteboard_choice(front_matter, options) -> tuple[bool, bool, tuple[tuple[float, float], ...] | None]:
    """(clean up, crop to the board, corners given) for one deck: its front matter ``whiteboard:``
    (true, false or a mapping, which means true) wins over ``--whiteboard``/``--whiteboard-crop``."""
    crop = options.whiteboard_crop
    if isinstance(front_matter, dict):
        corners = front_matter.get("corners")
        corners = tuple((float(x), float(y)) for x, y in corners) if corners else None
        return True, bool(front_matter.get("crop", crop)), corners
    on = options.whiteboard if front_matter is None else bool(front_matter)
    return on, crop, None
