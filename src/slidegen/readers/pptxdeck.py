"""What a PPTX deck holds, read with python-pptx after ``pptxzip`` has checked the package.

The result is plain data (``DeckFile``): each slide's title, whether it is hidden, its speaker
notes as paragraphs with their list level and bullet, its own text, its main picture with the
original bytes (its own background picture when it has no other), and what else it shows
(charts, tables, SmartArt) that a picture cannot carry. Turning that into a slidegen ``Deck`` is
``pptx``'s job.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from slidegen.errors import InputError, SlidegenError
from slidegen.links import safe_href
from slidegen.model import Paragraph, SourcePos, Span, plain
from slidegen.readers.pptxzip import check_package
from slidegen.writers.pptx import internals

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_SMARTART = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
#: A picture smaller than this share of the slide is an icon or a logo, not the slide's picture.
MAIN_PICTURE_SHARE = 0.08
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|bmp|tiff?|webp|emf|wmf|svg)$", re.IGNORECASE)
_MONOSPACE = (
    "consolas",
    "courier",
    "courier new",
    "menlo",
    "monaco",
    "dejavu sans mono",
    "liberation mono",
    "source code pro",
    "lucida console",
    "andale mono",
)


@dataclass(frozen=True)
class TextPara:
    """One paragraph of notes or slide text: its spans, list level (0 = top) and bullet.

    ``bullet`` is "" for a plain paragraph, "-" for a bulleted one and "1." for a numbered one.
    """

    spans: Paragraph
    level: int = 0
    bullet: str = ""

    @property
    def text(self) -> str:
        return plain(self.spans)


@dataclass(frozen=True)
class Media:
    """A picture as stored in the deck: the part's name, its original bytes, extension and alt text."""

    part: str
    data: bytes
    ext: str
    alt: str = ""


@dataclass
class DeckSlide:
    """One slide as the deck has it; ``index`` is its 1-based position in the deck."""

    index: int
    title: str
    hidden: bool = False
    notes: list[TextPara] = field(default_factory=list)
    text: list[TextPara] = field(default_factory=list)
    picture: Media | None = None
    other: list[str] = field(default_factory=list)  # "chart", "table", "SmartArt", "picture", "shape", …
    title_layout: bool = False
    problems: list[str] = field(default_factory=list)  # what could not be read, for a warning


@dataclass
class DeckFile:
    """A whole deck: document properties and slides in order."""

    path: Path
    shown: str
    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    date: _dt.date | None = None
    slides: list[DeckSlide] = field(default_factory=list)

    @property
    def pos(self) -> SourcePos:
        return SourcePos(self.shown)


def read_deck(path: Path, shown: str) -> DeckFile:
    """Checks the package, then reads every slide; any failure is an InputError naming the deck."""
    check_package(path, shown)
    try:
        from pptx import Presentation

        prs = Presentation(str(path))
        return _read(prs, path, shown)
    except SlidegenError:
        raise
    except Exception as exc:  # python-pptx and lxml raise many kinds on a broken deck
        message = " ".join(str(exc).split())[:200] or type(exc).__name__
        if "not a PowerPoint" in message or "content type" in message:
            raise InputError(f"not a PowerPoint deck: {message}", shown) from None
        raise InputError(f"cannot read the deck: {message}", shown) from None


def _read(prs, path: Path, shown: str) -> DeckFile:
    props = prs.core_properties
    when = props.created or props.modified
    deck = DeckFile(
        path,
        shown,
        title=(props.title or "").strip(),
        author=(props.author or "").strip(),
        subject=(props.subject or "").strip(),
        keywords=(props.keywords or "").strip(),
        date=when.date() if isinstance(when, _dt.datetime) else None,
    )
    area = max(1, int(prs.slide_width or 1) * int(prs.slide_height or 1))
    for index, slide in enumerate(prs.slides, start=1):
        deck.slides.append(_slide(slide, index, area))
    return deck


def _slide(slide, index: int, area: int) -> DeckSlide:
    from pptx.enum.shapes import PP_PLACEHOLDER

    title_shape = None
    title_types = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
    for shape in slide.placeholders:
        if shape.placeholder_format.type in title_types and shape.has_text_frame and shape.text_frame.text.strip():
            title_shape = shape
            break
    out = DeckSlide(index, "", hidden=slide.element.get("show") in ("0", "false"))
    out.title_layout = any(
        p.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE for p in slide.slide_layout.placeholders
    )
    pictures: list[tuple[int, object]] = []
    for shape in _shapes(slide.shapes):
        if title_shape is not None and shape.element is title_shape.element:
            continue
        if shape.is_placeholder and shape.placeholder_format.type in (
            PP_PLACEHOLDER.SLIDE_NUMBER,
            PP_PLACEHOLDER.DATE,
            PP_PLACEHOLDER.FOOTER,
        ):
            continue  # a slide number, date or footer is the deck's, not the slide's content
        kind = _kind(shape)
        if kind == "picture":
            pictures.append((int(shape.width or 0) * int(shape.height or 0), shape))
        elif kind == "text":
            body = shape.is_placeholder and shape.placeholder_format.type in (
                PP_PLACEHOLDER.BODY,
                PP_PLACEHOLDER.OBJECT,
            )
            out.text.extend(_paragraphs(shape.text_frame, bulleted=body))
        elif kind:
            out.other.append(kind)
    if title_shape is not None:
        out.title = _one_line(title_shape.text_frame.text)
    else:
        first = next((i for i, p in enumerate(out.text) if p.text.strip()), None)
        if first is not None:
            from slidegen.model import Note
            from slidegen.titles import TITLE_MAX, derive_title

            line = _one_line(out.text[first].text)
            out.title = line if len(line) <= TITLE_MAX else derive_title(Note.from_text(line), index)
            if out.title == line:  # a longer first text stays text; its start is only the title
                out.text.pop(first)
    pictures.sort(key=lambda item: -item[0])
    if pictures and pictures[0][0] >= MAIN_PICTURE_SHARE * area:
        out.picture = _media(pictures[0][1])
        out.other.extend("picture" for _ in pictures[1:])
    else:
        out.other.extend("picture" for _ in pictures)
    if out.picture is None:  # a background picture is the slide's picture only when nothing else is
        from slidegen.readers.pptxbackground import background_picture

        out.picture, problem = background_picture(slide)
        if problem:
            out.problems.append(problem)
    if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        out.notes = _paragraphs(slide.notes_slide.notes_text_frame)
    return out


def _shapes(shapes):
    """Every shape in reading order, groups opened (their members count one by one)."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _kind(shape) -> str:
    """What a shape shows: "picture", "text", "chart", "table", "SmartArt", "media", "shape" or "" (nothing)."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if getattr(shape, "has_chart", False) and shape.has_chart:
        return "chart"
    if getattr(shape, "has_table", False) and shape.has_table:
        return "table"
    uri = shape.element.find(f".//{_A}graphicData")
    if uri is not None and uri.get("uri") == _SMARTART:
        return "SmartArt"
    if shape.shape_type in (MSO_SHAPE_TYPE.MEDIA, MSO_SHAPE_TYPE.EMBEDDED_OLE_OBJECT, MSO_SHAPE_TYPE.LINKED_OLE_OBJECT):
        return "media"
    try:
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or (shape.is_placeholder and hasattr(shape, "image")):
            shape.image  # noqa: B018 - a picture placeholder left empty has no image
            return "picture"
    except (ValueError, KeyError, AttributeError):
        return ""
    if shape.has_text_frame and shape.text_frame.text.strip():
        return "text"
    if (
        shape.shape_type in (MSO_SHAPE_TYPE.AUTO_SHAPE, MSO_SHAPE_TYPE.FREEFORM, MSO_SHAPE_TYPE.LINE)
        and not shape.is_placeholder
    ):
        return "shape"
    return ""


def _media(shape) -> Media:
    image = shape.image
    r_id = shape.element.find(f".//{_A}blip").get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
    )
    part = shape.part.related_part(r_id).partname if r_id else ""
    cnv = shape.element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
    alt = (cnv.get("descr") or "").strip() if cnv is not None else ""
    if _FILE_NAME.search(alt):  # "fig: lalune.jpg" (pandoc), "image1.png": names, not descriptions
        alt = ""
    return Media(str(part).lstrip("/"), image.blob, image.ext.lower(), alt)


def _paragraphs(text_frame, bulleted: bool = False) -> list[TextPara]:
    """The paragraphs of a text frame; ``bulleted`` when the frame's paragraphs are bullets unless
    they say otherwise (a body placeholder inherits bullets from its layout)."""
    out = []
    for p in text_frame.paragraphs:
        para = TextPara(_spans(p), min(int(p.level or 0), 8), _bullet(p, bulleted))
        if para.text.strip():  # an empty paragraph is spacing (pandoc puts one between list items)
            out.append(para)
    return out


def _spans(paragraph) -> Paragraph:
    """A paragraph's runs, line breaks and fields as spans with their emphasis and links."""
    spans: list[Span] = []
    for child in internals.element(paragraph).iterchildren():  # runs, breaks and fields in document order
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "br":
            spans.append(Span("\n"))
        elif tag in ("r", "fld"):
            text = "".join(t.text or "" for t in child.iter(f"{_A}t"))
            if not text:
                continue
            rpr = child.find(f"{_A}rPr")
            bold = rpr is not None and rpr.get("b") in ("1", "true")
            italic = rpr is not None and rpr.get("i") in ("1", "true")
            latin = rpr.find(f"{_A}latin") if rpr is not None else None
            code = latin is not None and (latin.get("typeface") or "").lower() in _MONOSPACE
            href = None
            link = rpr.find(f"{_A}hlinkClick") if rpr is not None else None
            if link is not None:
                r_id = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                rel = paragraph.part.rels.get(r_id) if r_id else None
                if rel is not None and rel.is_external:
                    href = safe_href(rel.target_ref)  # a javascript: link is dropped here as from posts
            spans.append(Span(text, bold, italic, code, href))
    return _merge(spans)


def _merge(spans: list[Span]) -> Paragraph:
    """Neighbouring spans of the same style as one (PowerPoint splits runs at every edit)."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev and (prev.bold, prev.italic, prev.code, prev.href) == (span.bold, span.italic, span.code, span.href):
            out[-1] = Span(prev.text + span.text, prev.bold, prev.italic, prev.code, prev.href)
        else:
            out.append(span)
    return tuple(out)


def _bullet(paragraph, inherited: bool) -> str:
    ppr = internals.element(paragraph).find(f"{_A}pPr")
    default = "-" if inherited and paragraph.text.strip() else ""
    if ppr is None:
        return default
    if ppr.find(f"{_A}buNone") is not None:
        return ""
    if ppr.find(f"{_A}buAutoNum") is not None:
        return "1."
    if ppr.find(f"{_A}buChar") is not None or ppr.find(f"{_A}buBlip") is not None:
        return "-"
    return default


def numbered(paragraphs: list[TextPara]):
    """Each non-empty paragraph with its number within its numbered list (1 for other paragraphs)."""
    counters: dict[int, int] = {}
    for para in paragraphs:
        if not para.text.strip():  # writers such as pandoc space list items with empty paragraphs
            continue
        for deeper in [k for k in counters if k > para.level]:
            del counters[deeper]
        if para.bullet == "1.":
            counters[para.level] = counters.get(para.level, 0) + 1
        else:
            counters.pop(para.level, None)
        yield para, counters.get(para.level, 1)


def _one_line(text: str) -> str:
    return " ".join(text.replace("\v", " ").split())
