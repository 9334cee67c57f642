"""Front matter keys that give something per slide (``images``, ``titles``): a list in slide order or a map by number."""

from __future__ import annotations

from slidegen.errors import InputError
from slidegen.model import SourcePos


def by_slide_number(raw, key: str, what: str, pos: SourcePos) -> list[tuple[int, object]]:
    """(slide number, value) pairs of a front matter key given as a list (in slide order) or a map.

    ``images: [a.jpg, b.jpg]`` and ``images: {1: a.jpg, "3": c.jpg}`` both work; a quoted number
    is still a slide number. Anything else is an InputError naming ``key`` and what its values are.
    """
    if isinstance(raw, list):
        items = list(enumerate(raw, start=1))
    elif isinstance(raw, dict):
        items = list(raw.items())
    else:
        raise InputError(f"front matter {key!r} must be a list (in slide order) or a map {{number: {what}}}", pos)
    numbered = []
    for number, value in items:
        if isinstance(number, str) and number.strip().isascii() and number.strip().isdigit():
            number = int(number)
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise InputError(f"front matter {key!r} key {number!r} is not a slide number", pos)
        numbered.append((number, value))
    return numbered
