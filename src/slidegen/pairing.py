"""Pairs pictures with notes: explicit links first, then numbered files, then the post's order."""

from __future__ import annotations

import re

from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import Deck, ImageRef, Post, SourcePos
from slidegen.slidemap import by_slide_number

#: Picture file endings, the one list: folder matching, serve's watcher and alt-text checks use it.
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".heif",
                    ".avif", ".mpo", ".svg")
# slide-3.jpg, slide_03.png, Slide 3.jpeg, slide03.jpg, 03.jpg, 3.png
_NUMBERED = re.compile(r"^(?:slide[-_ ]?)?0*(?P<num>[0-9]{1,4})\.[a-z]+$", re.IGNORECASE | re.ASCII)


def natural_key(name: str) -> list:
    """Sort key that puts slide-2 before slide-10."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"([0-9]+)", name)]


def assign_images(deck: Deck, post: Post, loose: list[ImageRef], report: Report) -> None:
    """Gives each slide its picture, by the first rule that has one for it.

    1. a picture inside the note's own blocks (already set by the parser) or front matter ``images:``;
    2. a file beside the post named for the slide number (``slide-3.jpg``, ``slide03.png``, ``03.jpg``);
    3. the post's other pictures, in order of appearance, for the slides still without one.
    """
    by_number = {s.number: s for s in deck.slides}
    for number, ref in _front_matter_images(post).items():
        slide = by_number.get(number)
        if slide is None:
            report.warn(f"front matter 'images' names a picture for Slide {number}, which has no note", ref.pos)
        elif slide.image is None:
            slide.image = ref
    numbered = _numbered_files(post)
    used_files = set()
    for slide in deck.slides:
        name = numbered.get(slide.number)
        if name and slide.image is None:
            slide.image = ImageRef(name, post.source)
            used_files.add(name)
    waiting = [s for s in deck.slides if s.image is None]
    taken = {s.image.ref for s in deck.slides if s.image}
    spare = [img for img in loose if img.ref not in taken]
    for slide, img in zip(waiting, spare):
        slide.image = img
    unused = spare[len(waiting):]
    if unused:
        names = ", ".join(i.ref if len(i.ref) < 80 else i.ref[:77] + "..." for i in unused)
        report.warn(f"{len(unused)} picture(s) not used: more pictures than notes ({names})", unused[0].pos)
    extra_files = [n for num, n in numbered.items() if num not in by_number]
    if extra_files:
        report.warn(f"picture file(s) with no matching note: {', '.join(sorted(extra_files, key=natural_key))}",
                    post.source)
    bare = [s.number for s in deck.slides if s.image is None]
    if bare and len(bare) < len(deck.slides):
        first = next(s for s in deck.slides if s.image is None)
        report.warn(f"no picture for Slide {', '.join(map(str, bare))}: text slide(s) instead", first.pos)


def _numbered_files(post: Post) -> dict[int, str]:
    found: dict[int, str] = {}
    for name in sorted(post.folder_images, key=natural_key):
        m = _NUMBERED.match(name)
        if m and name.lower().endswith(IMAGE_EXTENSIONS):
            found.setdefault(int(m.group("num")), name)
    return found


def _front_matter_images(post: Post) -> dict[int, ImageRef]:
    raw = post.meta.get("images")
    if raw is None:
        return {}
    pos = post.source.at(post.meta_lines.get("images"))
    refs = {}
    for key, value in by_slide_number(raw, "images", "path", pos):
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"front matter 'images' entry for Slide {key} must be a path, not {value!r}", pos)
        refs[key] = ImageRef(value.strip(), SourcePos(pos.path, pos.line))
    return refs
