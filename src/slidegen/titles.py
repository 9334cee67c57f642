"""Automatic slide titles that fit one line: cut at a clause or phrase, measured with a real font.

A note's first sentence is often too long for a title. It is cut where a reader would pause —
before a comma, a dash or a semicolon, else before a word that opens a phrase ("because",
"with", "to"…) — to the longest such prefix that fits one line at the title size, and never
ends on a dangling "the" or with "…". Widths come from the metrics of the font Pillow ships
(Aileron), about 9 % wider than Calibri Bold, so a title measured to fit here fits in
PowerPoint, LibreOffice (Carlito) and the slideshow; the same on every machine.

The parser takes each slide's title from here: derived from its note's first sentence when the
post gives none, and numbered ("Results (2)") where two would read the same.
"""

from __future__ import annotations

import functools
import re

from slidegen.model import Deck, Note

#: The default template's title: 30 pt bold in a box 12.2 inches wide less its insets (the
#: slideshow's title is the same share of the slide: 3.1 % of its width, in 91 %).
TITLE_PT = 30.0
TITLE_WIDTH_PT = 860.0
#: Explicit titles that are too long are set smaller, down to this, rather than wrapped.
SMALLEST_TITLE_PT = 20.0

# Words a title must not end on, and before which a phrase starts.
_DANGLING = frozenset(
    """a an the and or but nor so yet of to in on at by for from with as into onto upon
about over under than that which who whom whose what when where while how why because if is are was
were be been being has have had will would can could should may might must my your his
her its our their this these those very just it i we you they he she me us them""".split()
)
_PHRASE_STARTS = frozenset(
    """and or but so yet because which who whom whose that when where while how why
with without to in on at by for from as into about over under than if although though since until
after before""".split()
)
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:(\[]|\s[-\u2013\u2014]\s|[\u2013\u2014])\s*")
_UNIT = 100  # the size the font is measured at, in points
_LONGEST = 160  # characters: more than any title line holds at a readable size


@functools.lru_cache(maxsize=1)
def _font():
    from PIL import ImageFont

    return ImageFont.load_default(size=_UNIT)


@functools.lru_cache(maxsize=4096)
def _em_width(text: str) -> float:
    return _font().getlength(text) / _UNIT


def text_width(text: str, size_pt: float) -> float:
    """The width of ``text`` on one line at ``size_pt``, in points (a little generous)."""
    return _em_width(text) * size_pt


def fits(text: str, size_pt: float = TITLE_PT, width_pt: float = TITLE_WIDTH_PT) -> bool:
    """True when ``text`` fits one line ``width_pt`` wide at ``size_pt``."""
    return text_width(text, size_pt) <= width_pt


def fitted_size(text: str, size_pt: float, width_pt: float, smallest: float = SMALLEST_TITLE_PT) -> float:
    """The largest whole point size up to ``size_pt`` (not below ``smallest``) that keeps ``text`` on one line."""
    width = text_width(text, 1.0)
    if width <= 0 or width * size_pt <= width_pt:
        return size_pt
    return max(smallest, float(int(width_pt / width)))


def cut_title(sentence: str, size_pt: float = TITLE_PT, width_pt: float = TITLE_WIDTH_PT) -> str:
    """``sentence`` itself when it fits one line, else its longest prefix that fits and ends at a
    clause break, else at a phrase start, else at a word — with dangling words dropped, no "…"."""
    # No line of a title holds more than _LONGEST characters, so a post's one-million-word
    # "sentence" costs no more than a short one.
    sentence = " ".join(sentence[: _LONGEST * 2].split())
    if len(sentence) <= _LONGEST and fits(sentence, size_pt, width_pt):
        return sentence
    words = sentence.split(" ")[:-1] if len(sentence) > _LONGEST else sentence.split(" ")
    words = [w for w in words if w] or [_longest_piece(sentence, size_pt, width_pt)]
    shortest = min(3, len(words))  # a title of one or two words says too little
    clause_ends = {len(sentence[: m.start()].split(" ")) for m in _CLAUSE_BREAK.finditer(sentence)}
    space = _em_width(" ")
    ends = []  # estimated width of words[:n], summed word by word (each word measured once)
    total = -space
    for word in words:
        total += space + _em_width(word)
        ends.append(total)
    for boundary in ("clause", "phrase", "word"):
        for n in range(len(words) - 1, 0, -1):
            if ends[n - 1] * size_pt > width_pt * 1.02:
                continue
            if boundary == "clause" and n not in clause_ends:
                continue
            if boundary == "phrase" and words[n].lower().strip("\"'(") not in _PHRASE_STARTS:
                continue
            title = _tidy(words[:n])
            if boundary != "word" and len(title.split(" ")) < n:
                continue  # dropping a dangling word leaves no pause where the cut is
            enough = len(title.split(" ")) >= (shortest if boundary == "word" else min(shortest, n))
            if title and enough and fits(title, size_pt, width_pt):
                return title
    return _tidy(words[:1]) or _longest_piece(words[0], size_pt, width_pt)


def _longest_piece(text: str, size_pt: float, width_pt: float) -> str:
    """The longest start of a word too long for a line that fits it (an address, a hashtag run)."""
    end = min(len(text), _LONGEST)
    while end > 1 and not fits(text[:end], size_pt, width_pt):
        end -= 1
    return text[:end]


def _tidy(words: list[str]) -> str:
    """Words joined, with trailing function words and punctuation dropped."""
    words = list(words)
    while words and words[-1].lower().strip(",;:.\u2013\u2014-\"'(") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:-\u2013\u2014( ")


# --- titles from notes, and titles kept apart -------------------------------------------------

#: Where one sentence of a note ends and the next begins.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(\[])")
#: A derived title's longest first sentence, in characters.
TITLE_MAX = 60


def derive_title(note: Note, number: int) -> str:
    """A slide title from the note's first sentence that fits one line at the title size, cut at a
    clause or phrase (``cut_title``); 'Slide N' when empty."""
    text = " ".join(note.text.split())
    if not text:
        return f"Slide {number}"
    first = SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".!?:;, ").lstrip("*_\"'([ ")
    if len(first) <= TITLE_MAX // 3:  # short enough for any title line; no need to measure
        return first or f"Slide {number}"
    return cut_title(first) or f"Slide {number}"


def first_sentence(note: Note, limit: int = 200) -> str:
    """The note's first sentence as plain text, cut with an ellipsis past ``limit`` characters."""
    text = " ".join(note.text.split())
    sentence = SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "\u2026"


def distinct_titles(deck: Deck) -> None:
    """Numbers repeated slide titles ("Results (2)"): screen-reader users find slides by title, and
    a title that is also the deck's (the title slide's) or another slide's is no help there."""
    seen = {" ".join(deck.title.split()).casefold(): 1}
    for slide in deck.slides:
        key = " ".join(slide.title.split()).casefold()
        if not key:
            continue
        if key in seen:
            seen[key] += 1
            candidate = f"{slide.title} ({seen[key]})"
            while " ".join(candidate.split()).casefold() in seen:
                seen[key] += 1
                candidate = f"{slide.title} ({seen[key]})"
            slide.title = candidate
            seen[" ".join(candidate.split()).casefold()] = 1
        else:
            seen[key] = 1
