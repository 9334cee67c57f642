"""The decks and templates the PPTX tests build, in one place so every result also goes to LibreOffice.

Each case is a deck plus build options; ``build_all`` renders them all once per test session
module, and the tests reopen, dump, check and convert the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from pptx import Presentation

from slidegen.config import BuildOptions
from slidegen.model import ImageRef, Note, Span
from slidegen.writers.pptx.deck import render
from toolkit import make_deck, picture

ROOT = Path(__file__).resolve().parent.parent
CORPORATE = ROOT / "assets" / "templates" / "corporate.pptx"
HOSTILE = 'Ctl\x01\x0b\x1f \ufffe\uffff lone\ud800 <script>alert(1)</script> & "q" ]]>'
#: The same text as decoding leaves it for every writer: no lone surrogate can survive reading a file.
HOSTILE_DECODED = HOSTILE.replace("\ud800", "")


def xml_keeps(text: str) -> str:
    """What of ``text`` a PPTX can carry, written from the rules rather than from slidegen's code.

    XML 1.0 (section 2.2) allows tab, newline, CR, U+0020-U+D7FF, U+E000-U+FFFD and the astral
    planes; slidegen's documented rule (untrusted.py) also drops DEL and the C1 controls, and turns
    a vertical tab or form feed into a space. PowerPoint has no CR in text, so CR and CRLF are a newline.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in text:
        code = ord(char)
        if char in "\x0b\x0c":
            kept.append(" ")
        elif (
            char in "\t\n"
            or (0x20 <= code <= 0xD7FF and not 0x7F <= code <= 0x9F)
            or 0xE000 <= code <= 0xFFFD
            or code >= 0x10000
        ):
            kept.append(char)
    return "".join(kept)


def rich_deck(**fields):
    """Three picture slides and one text slide, with emphasis, code, links and line breaks in notes."""
    deck = make_deck(4, author="Matt Ridings", date=dt.date(2009, 3, 7), **fields)
    deck.intro = Note(((Span("Intro before the first note. It stays in the title slide's notes."),),))
    deck.link = "https://example.com/blog/post.html"
    deck.slides[0].note = Note(
        (
            (
                Span("Influence "),
                Span("matters", bold=True),
                Span(" but "),
                Span("tolerance", italic=True),
                Span(" runs out. See "),
                Span("the post", href="https://example.com/a?b=1&c=2"),
                Span(" or "),
                Span("relative", href="other.html"),
                Span("."),
            ),
            (Span("Second paragraph with "), Span("code()", code=True), Span(" and a\nline break.")),
            (Span("Unsafe link", href="javascript:alert(1)"),),
        )
    )
    deck.slides[1].image = ImageRef("slide-2.jpg", deck.source, alt="")  # alt from the note
    deck.slides[2].image = ImageRef("IMG_0042.JPG", deck.source, alt="IMG_0042.JPG")  # never a file name
    deck.media["IMG_0042.JPG"] = picture(48, 64)
    deck.slides[3].image = None
    deck.slides[3].note = Note(
        (
            (Span("A text slide: no picture, so this note is on the slide. It keeps its words readable."),),
            ((Span("And a second paragraph."),)),
        )
    )
    return deck


def hostile_deck(text: str = HOSTILE):
    """Every string a post controls carries characters XML forbids, markup and entity look-alikes."""
    deck = make_deck(2, title="Title " + text, author="Author " + text, slug="hostile")
    deck.slides[0].title = "Slide " + text
    deck.slides[0].note = Note(((Span("Note " + text, bold=True, href="https://x.test/?q=\uffff&a=<b>"),),))
    deck.slides[0].image = ImageRef("slide-1.jpg", deck.source, alt="Alt " + text)
    deck.slides[1].image = None
    deck.slides[1].note = Note(((Span(text),),))
    return deck


def odd_pictures_deck():
    """Extreme aspects: a panorama, a tower and a square, each fitted without crop."""
    deck = make_deck(3, slug="odd-pictures")
    for slide, size in zip(deck.slides, ((4000, 100), (90, 3000), (500, 500))):
        deck.media[slide.image.ref] = picture(*size)
    return deck


def long_text_deck():
    """A text slide whose note is too long for one slide at 18 pt, so it continues on "Slide title 1 (2)"."""
    deck = make_deck(1, pictures=False, slug="long-text")
    words = " ".join(["Consultants keep the story simple while the enterprise lives the complexity."] * 9)
    deck.slides[0].note = Note(tuple((Span(words),) for _ in range(3)))
    return deck


def four_three_template(folder: Path) -> Path:
    """python-pptx's own 4:3 template with a sample slide: standard layout names, no picture layout of ours."""
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Template sample slide"
    path = folder / "four-three.pptx"
    prs.save(path)
    return path


def blank_only_template(folder: Path) -> Path:
    """A template whose only layout is Blank: titles and pictures go into boxes slidegen computes."""
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name != "Blank":
            prs.slide_layouts.remove(layout)
    path = folder / "blank-only.pptx"
    prs.save(path)
    return path


def title_slide_only_template(folder: Path) -> Path:
    """python-pptx's 4:3 template cut down to its "Title Slide" layout: no layout has room for a picture.

    The same shape as pandoc's test reference doc with deleted layouts
    (jgm/pandoc test/pptx/reference-deleted-layouts.pptx, "Layouts can be missing from the
    reference doc" in test/Tests/Writers/Powerpoint.hs), made here rather than copied.
    """
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name != "Title Slide":
            prs.slide_layouts.remove(layout)
    path = folder / "title-slide-only.pptx"
    prs.save(path)
    return path


def as_potx(source: Path, folder: Path) -> Path:
    """The same template saved as PowerPoint saves a .potx: only the main content type differs."""
    path = folder / (source.stem + ".potx")
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            dst.writestr(info.filename, data)
    return path


def cases(folder: Path) -> dict[str, tuple]:
    """name → (deck, options) for every PPTX the PPTX tests look at."""
    potx = as_potx(CORPORATE, folder)
    return {
        "default": (rich_deck(), BuildOptions()),
        "corporate": (rich_deck(), BuildOptions(template=CORPORATE)),
        "corporate-potx": (rich_deck(), BuildOptions(template=potx)),
        "corporate-named-layouts": (
            rich_deck(),
            BuildOptions(template=CORPORATE, title_layout="heading only", slide_layout="Heading Only"),
        ),
        "front-matter-template": (rich_deck(template=potx), BuildOptions()),
        "four-three": (rich_deck(), BuildOptions(template=four_three_template(folder))),
        "blank-only": (rich_deck(), BuildOptions(template=blank_only_template(folder))),
        "title-slide-only": (rich_deck(), BuildOptions(template=title_slide_only_template(folder))),
        "hostile": (hostile_deck(), BuildOptions()),
        "odd-pictures": (odd_pictures_deck(), BuildOptions()),
        "long-text": (long_text_deck(), BuildOptions(template=CORPORATE)),
    }


def build_all(folder: Path) -> dict[str, tuple]:
    """name → (deck, options, pptx bytes)."""
    built = {}
    for name, (deck, options) in cases(folder).items():
        files = render(deck, options)
        built[name] = (deck, options, files[f"{deck.slug}.pptx"].getvalue())
    return built


def xml_parts(data: bytes) -> dict[str, bytes]:
    """Every XML part of a package (name → bytes)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.endswith((".xml", ".rels"))}
