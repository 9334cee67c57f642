"""What a slide's picture shows, in words, for every writer: the alt text its post gave, else one made
from the note and what the board says — never a file name."""

from __future__ import annotations

import re

from slidegen.model import Slide, Word, board_text
from slidegen.pairing import IMAGE_EXTENSIONS
from slidegen.titles import first_sentence

# A file name or path of a picture ("IMG_0042.JPG", "img/board 3.png", "C:\\pics\\a.jpg").
_FILE_NAME = re.compile(r"^[\w\-. ()\[\]~/\\:%]+(" + "|".join(map(re.escape, IMAGE_EXTENSIONS)) + ")$", re.I)


#: Longest alt text made from a note and the words read on its board; screen readers read it whole.
ALT_LIMIT = 300


def alt_text(slide: Slide, words: tuple[Word, ...] = ()) -> str:
    """What a slide's picture shows, for every writer: the post's alt text, else the note's first
    sentence (followed by what the board says, when its words were read: ``Board: …``), else the
    title — never a file name or path, which screen readers spell out."""
    alt = " ".join((slide.image.alt if slide.image else "").split())
    ref_name = (slide.image.ref if slide.image else "").replace("\\", "/").rsplit("/", 1)[-1]
    if alt and (alt == ref_name or _FILE_NAME.match(alt)):
        alt = ""
    if alt:
        return alt
    lead = first_sentence(slide.note) or slide.title or f"Slide {slide.number}"
    said = board_text(words)
    if not said:
        return lead
    room = ALT_LIMIT - len(lead) - len(" Board: ")
    if room < 20:
        return lead
    if len(said) > room:
        said = said[: room - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
    return f"{lead} Board: {said}"
