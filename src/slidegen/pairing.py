"""Pairs pictures with notes and records on each picture the rule that paired it.

The rules, first one that gives a slide a picture wins (README states the same order):

1. the post's own pictures by their place: a picture in the note, or the picture right above
   the marker when the post puts its pictures above their markers (decided per post);
2. front matter ``images:``;
3. a file beside the post with the slide's number at the end of its name (``sketch-03.jpg``);
4. the post's other pictures in order of appearance (a guess);
5. in a deck folder, the remaining pictures in the order they were taken, then by name (a guess).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import Block, Deck, ImageRef, Post, Slide, SourcePos
from slidegen.slidemap import by_slide_number

#: Picture file endings, the one list: folder matching, serve's watcher and alt-text checks use it.
IMAGE_EXTENSIONS = (
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".bmp",
    ".tif",
    ".tiff",
    ".heic",
    ".heif",
    ".avif",
    ".mpo",
    ".svg",
)

# The rules' names, as inspect shows them and --json carries them.
INSIDE = "inside the note"
ABOVE = "above the marker"
FRONT_MATTER = "front matter images"
NUMBER = "number in file name"
POST_ORDER = "order in the post"
TAKEN = "time taken"
NAME_ORDER = "name order"

# slide-3.jpg, slide_03.png, Slide 3.jpeg, slide03.jpg, 03.jpg: a number that is a slide number anywhere.
_SLIDE_NAMED = re.compile(r"^(?:slide[-_ ]?)?0*(?P<num>[0-9]{1,3})$", re.IGNORECASE | re.ASCII)
# sketch-01, snap-2, board_3, wzdx_slide2, "photo (4)": a number at the end of a deck folder's file name.
_ENDS_IN_NUMBER = re.compile(r"^(?P<stem>.*?\D)?0*(?P<num>[0-9]{1,3})[ )\]]*$", re.ASCII)
# Cameras and phones number their files by shot, not by slide: IMG_0042, DSC_0042, PXL_20260301_…
_CAMERA_NAMED = re.compile(
    r"^(?:IMG|IMGP|DSC[NF]?|PXL|MVIMG|PANO|GOPR|GP|DJI|CIMG|SAM|WP|P\d{3})[-_ ]?\d"
    r"|(?:19|20)\d\d[-_.]?[01]\d[-_.]?[0-3]\d",
    re.IGNORECASE | re.ASCII,
)


def natural_key(name: str) -> list:
    """Sort key that puts slide-2 before slide-10."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"([0-9]+)", name)]


@dataclass(frozen=True)
class Extent:
    """Where a note sits among the post's blocks: its marker block and its last block."""

    number: int
    first: int
    last: int
    pos: SourcePos


def assign_images(deck: Deck, post: Post, extents: list[Extent], report: Report) -> None:
    """Gives each slide its picture by the first rule that has one for it (see the module's list)."""
    by_number = {s.number: s for s in deck.slides}
    placed, loose = place_in_post(post.blocks, extents, report)
    for number, ref in placed.items():
        by_number[number].image = ref
    for number, ref in _front_matter_images(post).items():
        slide = by_number.get(number)
        if slide is None:
            report.warn(f"front matter 'images' names a picture for Slide {number}, which has no note", ref.pos)
        elif slide.image is None:
            slide.image = replace(ref, rule=FRONT_MATTER)
    named = {_file_name(s.image.ref) for s in deck.slides if s.image} | {_file_name(i.ref) for i in loose}
    folder = [name for name in post.folder_images if name not in named]
    numbered = _numbered_files(folder, set(by_number), post.deck_folder)
    for number, name in numbered.items():
        slide = by_number.get(number)
        if slide is not None and slide.image is None:
            slide.image = ImageRef(name, post.source, rule=NUMBER)
    waiting = [s for s in deck.slides if s.image is None]
    taken = {s.image.ref for s in deck.slides if s.image}
    spare = [img for img in loose if img.ref not in taken]
    for slide, img in zip(waiting, spare):
        slide.image = replace(img, rule=POST_ORDER, guess=True)
    if spare[len(waiting) :]:
        unused = spare[len(waiting) :]
        names = ", ".join(i.ref if len(i.ref) < 80 else i.ref[:77] + "..." for i in unused)
        report.warn(f"{len(unused)} picture(s) not used: more pictures than notes ({names})", unused[0].pos)
    used = {s.image.ref for s in deck.slides if s.image}
    extra = [n for num, n in numbered.items() if num not in by_number]
    leftover = [n for n in folder if n not in used and n not in extra]
    by_time = post.deck_folder and not loose and not _names_pictures(deck)
    if by_time:
        leftover = _pair_by_time(deck, post, leftover)
    _warn_unused(deck, post, extra, leftover, by_time, report)


def place_in_post(
    blocks: list[Block], extents: list[Extent], report: Report
) -> tuple[dict[int, ImageRef], list[ImageRef]]:
    """The post's pictures paired by where they sit: ({slide number: picture}, the rest in order).

    A post puts its pictures either after their markers (inside the notes) or above them; which
    one is decided from every picture of the post: a picture right above a marker (same container)
    that no note holds says "above", a picture in a note that is not right above the next marker
    says "after". When both kinds occur the post is mixed and the pictures that could go either
    way are marked as guesses.
    """
    marker_at = {e.first: e for e in extents}
    holder = {i: e for e in extents for i in range(e.first + 1, e.last + 1)}
    leads: dict[int, Extent] = {}
    for i, block in enumerate(blocks):
        nxt = marker_at.get(i + 1)
        if block.images and i not in marker_at and nxt is not None and blocks[i + 1].group == block.group:
            leads[i] = nxt
    pictured = [i for i, b in enumerate(blocks) if b.images and i not in marker_at]
    above_only = sum(1 for i in pictured if i in leads and i not in holder)
    after_only = sum(1 for i in pictured if i in holder and i not in leads)
    above = above_only > after_only
    mixed = above_only > 0 and after_only > 0
    own: dict[int, list[tuple[ImageRef, str, bool]]] = {e.number: [] for e in extents}
    used: set[int] = set()
    for e in extents:  # a picture in the marker's own paragraph is the note's, whatever the post does
        own[e.number] += [(img, INSIDE, False) for img in blocks[e.first].images]
    for i in pictured:
        if above and i in leads:
            either = i in holder
            own[leads[i].number] += [(img, ABOVE, mixed and either) for img in blocks[i].images]
            used.add(i)
    for i in pictured:
        if i in used or i not in holder:
            continue
        e = holder[i]
        if above and any(rule == ABOVE for _, rule, _ in own[e.number]):
            continue  # a picture in the middle of a note of an above-post goes by order instead
        own[e.number] += [(img, INSIDE, mixed and i in leads) for img in blocks[i].images]
        used.add(i)
    placed = {}
    for e in extents:
        found = own[e.number]
        if not found:
            continue
        img, rule, guess = found[0]
        placed[e.number] = replace(img, rule=rule, guess=guess)
        if len(found) > 1:
            report.warn(
                f"Slide {e.number} has {len(found)} pictures in its note; using the first "
                f"({img.ref}), not {', '.join(f[0].ref for f in found[1:])}",
                found[1][0].pos,
            )
    taken = {id(img) for found in own.values() for img, _, _ in found}
    loose = [img for i, b in enumerate(blocks) for img in b.images if id(img) not in taken]
    return placed, loose


def _names_pictures(deck: Deck) -> bool:
    """True when some slide's picture was named by the post (in it or in its front matter)."""
    return any(s.image and s.image.rule in (INSIDE, ABOVE, FRONT_MATTER) for s in deck.slides)


def _file_name(ref: str) -> str:
    """The file name a local reference points at ("" for URLs with a host and data: URIs)."""
    parts = urlsplit(ref.strip())
    if parts.scheme.lower() in ("data",) or parts.netloc:
        return ""
    return unquote(PurePosixPath(parts.path.replace("\\", "/")).name)


def _numbered_files(names: list[str], notes: set[int], deck_folder: bool) -> dict[int, str]:
    """{number: file} for the pictures beside a post that carry a slide number in their name.

    Beside a post file only ``slide-3.jpg``-style names count, since the folder may hold other
    posts' pictures; in a deck folder any number at the end of a name does, provided most of
    those numbers are numbers of notes (else they count shots, not slides). Camera names
    (``IMG_0042``, ``DSC_0042``, a date) never do.
    """
    found: dict[int, str] = {}
    for name in sorted(names, key=natural_key):
        stem = name.rsplit(".", 1)[0]
        m = _SLIDE_NAMED.match(stem)
        if m is None and deck_folder and not _CAMERA_NAMED.search(stem):
            m = _ENDS_IN_NUMBER.match(stem)
        if m and int(m.group("num")) >= 1:
            found.setdefault(int(m.group("num")), name)
    if deck_folder and 2 * len(set(found) & notes) < len(found):
        return {}
    return found


def _pair_by_time(deck: Deck, post: Post, names: list[str]) -> list[str]:
    """Gives the slides still without a picture the folder's pictures in the order taken; the rest back."""
    from slidegen.readers.taken import taken_at

    times = {name: taken_at(post.base_dir / name) for name in names}
    timed = sorted((n for n in names if times[n]), key=lambda n: (times[n], natural_key(n)))
    ordered = timed + sorted((n for n in names if not times[n]), key=natural_key)
    waiting = [s for s in deck.slides if s.image is None]
    for slide, name in zip(waiting, ordered):
        when = times[name]
        slide.image = ImageRef(
            name,
            post.source,
            rule=TAKEN if when else NAME_ORDER,
            detail=f"taken {when[11:19]}" if when else "",
            guess=True,
        )
    return ordered[len(waiting) :]


def _warn_unused(deck: Deck, post: Post, extra: list[str], leftover: list[str], by_time: bool, report: Report) -> None:
    """Says which pictures went nowhere and which slides got none, with the rule that would pair them."""
    if extra:
        report.warn(
            f"picture file(s) with no matching note: {', '.join(sorted(extra, key=natural_key))} "
            "(a number at the end of a picture's name pairs it with the note of that number)",
            post.source,
        )
    bare = [s.number for s in deck.slides if s.image is None]
    if leftover and (post.deck_folder or len(bare) == len(deck.slides)):
        names = ", ".join(leftover[:10]) + (f" and {len(leftover) - 10} more" if len(leftover) > 10 else "")
        if by_time:
            hint = "more pictures than notes"
        else:
            hint = (
                "pair one by naming it for its slide (slide-3.jpg), referring to it in the note or "
                "listing it in front matter 'images:'"
            )
            if not post.deck_folder:
                hint += "; a deck folder holding only the post and its pictures pairs them in the order taken"
        report.warn(f"{len(leftover)} picture(s) beside the post not used: {names} ({hint})", post.source)
    if bare and (len(bare) < len(deck.slides) or leftover):
        first = next(s for s in deck.slides if s.image is None)
        report.warn(f"no picture for Slide {', '.join(map(str, bare))}: text slide(s) instead", first.pos)


def guesses(deck: Deck) -> list[Slide]:
    """The slides whose picture came by a rule that may be wrong; ``--strict`` refuses them."""
    return [s for s in deck.slides if s.image is not None and s.image.guess]


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
