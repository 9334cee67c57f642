"""What shapes a processed picture: its settings and the picture code's version, both in every cache key.

Kept apart from ``images`` so that finding pictures in the cache does not import Pillow.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Bump when the same input and settings would give different output bytes (the cache key uses it).
VERSION = 6  # 6: a PNG keeps its transparent colour
#: The picture area as fractions of the slide's width and height.
PICTURE_AREA = (0.925, 0.746)


@dataclass(frozen=True)
class ImageSettings:
    """What shapes a processed picture; every field is part of the cache key."""

    box_width: int = 1920
    box_height: int = 1080
    max_pixels: int = 50_000_000
    whiteboard: bool = False

    @classmethod
    def for_width(cls, width: int, max_pixels: int, whiteboard: bool) -> ImageSettings:
        """The picture area of a 16:9 slide ``width`` pixels across: under the title, inside the
        margins (1776×806 at 1920 — the default template's picture placeholder)."""
        return cls(max(1, round(width * PICTURE_AREA[0])), max(1, round(width * 9 / 16 * PICTURE_AREA[1])),
                   max_pixels, whiteboard)
