"""The speaker notes of a PPTX deck as Markdown or plain text, slide by slide as the deck has them.

Unlike a built deck's notes (``notes``), these follow the deck exactly: every slide in deck order,
the title slide included, hidden slides marked, list bullets, numbers and levels kept, and a slide
without notes listed as such.
"""

from __future__ import annotations

import re

from slidegen.readers.pptxdeck import DeckFile, DeckSlide, TextPara, numbered
from slidegen.writers.notes import escape_markdown, paragraph_markdown, paragraph_plain

# What would make a paragraph's start read as a list, a rule or code in Markdown.
_BLOCK_START = re.compile(r"^(\s*)(?:(\d+)([.)])(?=\s|$)|([-+=])(?=\s|$|[-=]))")


def markdown_text(deck: DeckFile) -> str:
    """``# Deck title``, then ``## Slide N: Title`` and the notes of each slide, as Markdown."""
    out = [f"# {escape_markdown(deck.title or deck.path.stem)}", ""]
    if deck.author:
        out += [f"*{escape_markdown(deck.author)}*", ""]
    for slide in deck.slides:
        hidden = " *(hidden)*" if slide.hidden else ""
        out += [f"## Slide {slide.index}: {escape_markdown(_title(slide))}{hidden}", ""]
        out += _paragraphs_markdown(slide.notes) or ["*(no notes)*", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def plain_text(deck: DeckFile) -> str:
    """The same notes as plain text: bullets as "•", numbers counted, levels indented."""
    title = deck.title or deck.path.stem
    out = [title, "=" * min(len(title), 72), ""]
    for slide in deck.slides:
        heading = f"Slide {slide.index}: {_title(slide)}" + (" [hidden]" if slide.hidden else "")
        out += [heading, "-" * min(len(heading), 72), ""]
        lines: list[str] = []
        previous: TextPara | None = None
        for para, number in numbered(slide.notes):
            marker = "\u2022 " if para.bullet == "-" else f"{number}. " if para.bullet else ""
            if previous is not None and not (para.bullet and previous.bullet):
                lines.append("")  # paragraphs stand apart; the items of a list follow one another
            indent = "  " * para.level
            lines.append(indent + marker + paragraph_plain(para.spans).replace("\n", "\n" + indent))
            previous = para
        out += [*lines, ""] if lines else ["(no notes)", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def notes_markdown(paragraphs: list[TextPara]) -> str:
    """Notes paragraphs as a Markdown body: lists as lists (nested by level), paragraphs apart."""
    return "\n".join(_paragraphs_markdown(paragraphs)).strip("\n")


def _paragraphs_markdown(paragraphs: list[TextPara]) -> list[str]:
    lines: list[str] = []
    previous = None
    for para, number in numbered(paragraphs):
        text = _BLOCK_START.sub(_escape_start, paragraph_markdown(para.spans).lstrip())
        text = text.replace("\n", "  \n" + "    " * para.level)
        if para.bullet:
            marker = "- " if para.bullet == "-" else f"{number}. "
            switched = previous is not None and para.level == 0 and previous.bullet not in ("", para.bullet)
            if previous is not None and (not previous.bullet or switched) and lines[-1] != "":
                lines.append("")  # a list after a paragraph, or another kind of list, starts apart
            lines.append("    " * para.level + marker + text)
        else:
            if lines and lines[-1] != "":
                lines.append("")
            lines += ["\u2003" * para.level + text, ""]  # an indented paragraph, not a list item
        previous = para
    if lines and lines[-1] != "":
        lines.append("")
    return lines


def _title(slide: DeckSlide) -> str:
    return slide.title or "(untitled)"


def _escape_start(m: re.Match) -> str:
    if m.group(2):
        return f"{m.group(2)}\\{m.group(3)}"
    return "\\" + m.group(4)
