"""A PPTX deck as a source: its slides become a slidegen ``Deck`` on the ordinary build path.

A deck needs no "Slide N:" grammar — its slides are already slides — so this reader hands the
parser a finished ``Deck`` (``Post.deck``) and the parser passes it through. The flow stays one
way: read (this module: slides, titles, notes, each slide's main picture as its original bytes in
a ``data:`` URI; with ``--render``, LibreOffice's picture of a slide that holds no picture) →
parse (pass-through) → pictures (decoded, checked and re-encoded like any post's) → render → write.

The deck's first slide is its title slide when its layout has a centred title: it gives the deck
title (unless the document properties have one) and its notes become the deck's introduction.
The other slides are numbered from 1, as in a post. Hidden slides are left out with a warning.
"""

from __future__ import annotations

import base64
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import PROSE, Deck, ImageRef, Note, Paragraph, Post, Role, Slide, SourcePos, Span, number_items
from slidegen.parse import MAX_SLIDES
from slidegen.readers.pptxdeck import DeckFile, DeckSlide, TextPara, read_deck

#: Picture formats slidegen can take from a deck as they are; others (EMF, WMF, SVG) are rendered.
RASTER = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "webp": "image/webp",
}
_PLURALS = {"picture": "more pictures", "SmartArt": "SmartArt graphics", "media": "media"}


@dataclass
class Planned:
    """One slide of the deck as slidegen will build it, and where its picture comes from."""

    number: int
    source: DeckSlide
    note: list[TextPara]
    picture: bytes | None = None
    ext: str = ""  # of the picture: the deck's own, or "png" when LibreOffice rendered the slide
    rendered: bool = False
    text_as_note: bool = False  # the slide had no notes, so its own text is the note


@dataclass
class Plan:
    """The deck read and decided: title, author, introduction and the slides to build."""

    deck: DeckFile
    title: str
    author: str
    intro: list[TextPara]
    slides: list[Planned]


def read(path: Path, source: SourcePos, base_dir: Path, options: BuildOptions, report: Report) -> list[Post]:
    """One Post carrying the finished Deck of a PPTX file."""
    from slidegen.cache import root_for

    plan = plan_deck(
        read_deck(path, source.path),
        report,
        render=options.render,
        width=options.image_width,
        cache_root=root_for(options),
    )
    deck = to_deck(plan, base_dir)
    deck.template = own_template(path, source.path, report)
    return [Post(source, base_dir, [], title=deck.title, deck=deck)]


TAKES_PATH = True  # the zip is opened from the file, never read whole into memory first


def own_template(path: Path, shown: str, report: Report) -> Path | None:
    """The deck itself as its PPTX output's template (its masters, layouts and theme keep its look),
    unless it is larger than a template may be; then the default look, with a warning."""
    from slidegen.writers.pptx.template import MAX_TEMPLATE_BYTES

    if path.stat().st_size > MAX_TEMPLATE_BYTES:
        report.warn(
            f"the deck is over {MAX_TEMPLATE_BYTES // 2**20} MB, too large to serve as its own "
            "template; a PPTX output gets the default look (or pass --template)",
            shown,
        )
        return None
    return path.resolve()


def plan_deck(
    deck: DeckFile, report: Report, *, render: bool = False, width: int = 1920, cache_root: Path | None = None
) -> Plan:
    """Decides which slides to build, their notes and pictures, warning about all that is not kept.

    Rendered slides are kept in ``cache_root`` (None: nothing kept) for the next run.
    """
    slides = list(deck.slides)
    title, author, intro = deck.title, deck.author, []
    if slides and slides[0].title_layout and not slides[0].picture:
        first = slides.pop(0)
        title = title or first.title
        intro = first.notes
        extra = [p.text.strip() for p in first.text if p.text.strip() and p.text.strip() != author]
        if extra:
            report.warn(
                f"slide 1 (the title slide) also says {' / '.join(extra)[:80]!r}, which is not kept", deck.shown
            )
    title = title or deck.path.stem
    planned: list[Planned] = []
    for slide in slides:
        if slide.hidden:
            report.warn(
                f"slide {slide.index} ({slide.title or 'untitled'}) is hidden in the deck; left out", deck.shown
            )
            continue
        item = Planned(len(planned) + 1, slide, slide.notes)
        for problem in slide.problems:
            report.warn(f"slide {slide.index}: {problem}; left out", deck.shown)
        if not slide.notes and slide.text:
            item.note, item.text_as_note = slide.text, True
            report.warn(f"slide {slide.index} has no speaker notes; its own text is used as the note", deck.shown)
        if slide.picture and slide.picture.ext in RASTER:
            item.picture, item.ext = slide.picture.data, slide.picture.ext
        planned.append(item)
    if len(planned) > MAX_SLIDES:
        raise InputError(
            f"the deck has {len(planned)} slides to build; slidegen builds at most {MAX_SLIDES} per deck", deck.shown
        )
    _render_or_warn(deck, planned, report, render, width, cache_root)
    return Plan(deck, title, author, intro, planned)


def lost_content(item: Planned) -> list[str]:
    """What a slide shows beyond its title, notes and main picture, which a built slide would lose."""
    slide = item.source
    counts = Counter(slide.other)
    lost = [kind if n == 1 else f"{n} {_PLURALS.get(kind, kind + 's')}" for kind, n in counts.items()]
    if slide.picture and slide.picture.ext not in RASTER:
        lost.insert(0, f"a {slide.picture.ext.upper()} picture")
    if slide.text and not item.text_as_note:
        lost.append("text")
    return lost


def should_render(item: Planned) -> bool:
    """A slide is rendered whole when it has no picture to show, or shows a chart, table or SmartArt."""
    lost = lost_content(item)
    return bool(lost) and (item.picture is None or bool({"chart", "table", "SmartArt"} & set(item.source.other)))


def _render_or_warn(
    deck: DeckFile, planned: list[Planned], report: Report, render: bool, width: int, cache_root: Path | None
) -> None:
    todo = [item for item in planned if should_render(item)]
    missing = ""
    if render and todo:
        from slidegen.readers.pptxrender import missing_tools

        missing = missing_tools()
    if render and todo and not missing:
        from slidegen.readers.pptxrender import render_slides

        shown_slides = [s.index for s in deck.slides if not s.hidden]
        pages = render_slides(
            deck.path, shown_slides, [item.source.index for item in todo], width, deck.shown, cache_root
        )
        for item in todo:
            item.picture, item.ext, item.rendered = pages[item.source.index], "png", True
    hint = f"install {missing} to render it" if missing else "use --render to keep it as a picture"
    for item in planned:
        lost = [] if item.rendered else lost_content(item)
        if not lost:
            continue
        what = ", ".join(lost)
        if item.picture is None:
            report.warn(f"slide {item.source.index} shows {what}: a text slide instead; {hint}", deck.shown)
        else:
            report.warn(
                f"slide {item.source.index} also shows {what} beside its picture; only the picture is kept", deck.shown
            )


def to_deck(plan: Plan, base_dir: Path) -> Deck:
    """The slidegen Deck of a plan: slides numbered from 1, pictures as ``data:`` URIs."""
    src = plan.deck.pos
    deck = Deck(
        title=plan.title,
        source=src,
        base_dir=base_dir,
        author=plan.author,
        date=plan.deck.date,
        intro=note_of(plan.intro),
    )
    keywords = plan.deck.keywords.replace(";", ",").split(",")
    deck.keywords = tuple(k.strip() for k in keywords if k.strip())
    for item in plan.slides:
        slide = Slide(
            item.number,
            item.source.title or f"Slide {item.number}",
            note_of(item.note),
            src,
            title_is_explicit=bool(item.source.title),
        )
        if item.picture is not None:
            mime = RASTER[item.ext]
            uri = f"data:{mime};base64,{base64.b64encode(item.picture).decode('ascii')}"
            alt = item.source.picture.alt if item.source.picture and not item.rendered else ""
            slide.image = ImageRef(uri, src, alt=alt)
        deck.slides.append(slide)
    return deck


def note_of(paragraphs: list[TextPara]) -> Note:
    """Notes paragraphs as a Note whose list items keep their kind (bullet or number) and level.

    Writers then draw real lists from the roles: bullet and numbered paragraphs in a PPTX's notes
    pane, Markdown lists in notes files, HTML lists in the speaker view. A plain paragraph the deck
    indents has no list role to carry its level, so an em space per level still shows it.
    """
    paras: list[Paragraph] = []
    roles: list[Role] = []
    for para in paragraphs:
        if not para.text.strip():  # writers such as pandoc space list items with empty paragraphs
            continue
        if para.bullet:
            roles.append(Role("number" if para.bullet == "1." else "bullet", para.level))
            paras.append(para.spans)
        else:
            roles.append(PROSE)
            paras.append(((Span("\u2003" * para.level),) if para.level else ()) + para.spans)
    if all(role == PROSE for role in roles):
        return Note(tuple(paras))
    return Note(tuple(paras), tuple(number_items(roles)))
