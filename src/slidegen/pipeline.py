"""The whole build, top to bottom: read → parse → resolve and process pictures → render → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from slidegen import outputs
from slidegen.config import BuildOptions, validate
from slidegen.diagnostics import Report
from slidegen.errors import InputError, SlidegenError, StrictFailure
from slidegen.model import Deck
from slidegen.naming import unique_slugs
from slidegen.parse import parse_post
from slidegen.readers import read_source
from slidegen.rendering import Progress, render_all


@dataclass
class Skipped:
    """A post that yields no deck, and why (shown by ``inspect``)."""

    title: str
    source: str
    reason: str


@dataclass
class Result:
    """What a build made: decks built, files written, posts skipped, decks that failed.

    ``left_out`` lists the drafts and pages of an export that were not asked for.
    """

    decks: list[Deck] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[SlidegenError] = field(default_factory=list)
    left_out: list[Skipped] = field(default_factory=list)


def read_decks(
    sources: list[Path], options: BuildOptions, report: Report, result: Result | None = None, allow_none: bool = False
) -> list[Deck]:
    """Reads and parses every source into decks with distinct slugs; no pictures are touched.

    A source that cannot be read raises; in a page or feed of several posts, posts without notes
    are recorded in ``result.skipped`` and posts that cannot be parsed in ``result.failed`` (raised
    when no ``result`` is given). When no post has notes that is an error, unless ``allow_none``
    (``inspect`` lists the skipped posts instead).
    """
    collecting = result is not None
    if result is None:
        result = Result()
    decks: list[Deck] = []
    for source in sources:
        for post in read_source(source, options, report):
            if post.left_out:
                result.left_out.append(Skipped(post.title or "(untitled)", str(post.source), post.left_out))
                continue
            try:
                deck = parse_post(post, report)
            except InputError as exc:
                if post.single:
                    raise
                result.failed.append(exc)  # one bad post of a blog does not stop the others
                continue
            if deck is None:
                result.skipped.append(Skipped(post.title or "(untitled)", str(post.source), "no slide notes"))
            else:
                if options.strict:
                    _warn_guesses(deck, report)
                decks.append(deck)
    if not decks and result.skipped and not result.failed and not allow_none:
        raise InputError(f"none of the {len(result.skipped)} posts has slide notes", str(sources[0]))
    if result.failed and not collecting:
        raise result.failed[0]
    for deck, slug in zip(decks, unique_slugs([d.title for d in decks])):
        deck.slug = slug
    return decks


def _warn_guesses(deck: Deck, report: Report) -> None:
    """Under --strict a picture paired by a guess is a warning, so the build fails at the end."""
    from slidegen.pairing import guesses

    for slide in guesses(deck):
        assert slide.image is not None  # a guess is a picture paired by a guessing rule
        report.warn(
            f"Slide {slide.number}: picture {slide.image.ref} paired by a guess ({slide.image.why}); "
            "--strict wants it in the note, above the marker, numbered in its name or listed in "
            "front matter 'images:'",
            slide.pos,
        )


def _warn_no_picture_room(decks: list[Deck], options: BuildOptions, report: Report) -> None:
    """Once per template whose layouts leave no room for a picture: we place pictures ourselves."""
    from slidegen.writers.pptx.deck import prepared_template

    seen: set[Path] = set()
    for deck in decks:
        template = options.template or deck.template
        if template is None or template in seen or not any(s.image for s in deck.slides):
            continue
        seen.add(template)
        try:
            _, base = prepared_template(template, options)
        except SlidegenError:
            continue  # the deck stops with this error when it is rendered
        if not base.picture_room:
            report.warn(
                "template has no layout with room for a picture; each picture is placed under the "
                "title, as large as it fits (a layout with a picture placeholder, such as 'Title and "
                "Picture', or --slide-layout NAME decides instead)",
                str(template),
            )


def _warn_replaced_fonts(decks: list[Deck], options: BuildOptions, report: Report) -> None:
    """Says, once per template, which fonts LibreOffice will replace in the PDF."""
    from slidegen.writers.pdffonts import font_warnings
    from slidegen.writers.pptx.package import default_template_bytes

    seen = set()
    for deck in decks:
        template = options.template or deck.template
        if template in seen:
            continue
        seen.add(template)
        try:
            data = template.read_bytes() if template else default_template_bytes()
        except OSError:
            continue  # the PPTX writer reports an unreadable template with its reason
        where = str(template) if template else str(deck.source)
        for message in font_warnings(template, data):
            report.warn(message, where)


def build(sources: list[Path], options: BuildOptions, report: Report, progress: Progress | None = None) -> Result:
    """Builds every deck of ``sources`` into ``options.out_dir``, and an index page when there are several.

    Each deck is rendered whole in memory and then written atomically, so a failing deck leaves no
    file behind; other decks go on (``options.workers`` at a time), and their failures are
    collected in ``Result.failed``.
    """
    validate(options)
    if options.template and {"pptx", "pdf"} & set(options.formats):
        from slidegen.writers.pptx.deck import prepared_template

        # A mistyped layout name is a usage error for the whole run, not a failure of every deck.
        prepared_template(options.template, options)
    result = Result()
    decks = read_decks(sources, options, report, result)
    if {"pptx", "pdf"} & set(options.formats):
        _warn_no_picture_room(decks, options, report)
    outputs.prepare_dir(options.out_dir)
    from slidegen.pictures.resolve import prepare_media

    failures = prepare_media(decks, options, report)
    bad = {id(deck) for deck, _ in failures}
    result.failed.extend(err for _, err in failures)
    todo = [deck for deck in decks if id(deck) not in bad]
    if options.ocr or any(deck.ocr for deck in todo):
        from slidegen.pictures.ocr import read_all

        read_all(todo, options, report)
    if "pdf" in options.formats:
        _warn_replaced_fonts(todo, options, report)
    for deck, rendered in zip(todo, render_all(todo, options, progress or Progress())):
        if rendered.error:
            result.failed.append(rendered.error)
        else:
            result.files.extend(rendered.files)
            result.decks.append(deck)
    if len(result.decks) > 1:
        from slidegen.writers.index import render_index

        result.files.extend(outputs.write_all(options.out_dir, render_index(result.decks, options)))
    check_strict(options, report, result)
    return result


def check_strict(options: BuildOptions, report: Report, result: Result) -> None:
    """The one ``--strict`` rule, for every command: warnings fail the run when nothing else did."""
    if options.strict and len(report) and not result.failed:
        result.failed.append(StrictFailure(len(report)))
