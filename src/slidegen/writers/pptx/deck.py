"""The PPTX writer: a title slide, then one slide per note on the chosen template, notes kept.

Slides are rendered by ``slides`` (python-pptx) and kept in the cache as fragments keyed by
everything that shapes them, the prepared template likewise; a rebuild after editing one note
renders one slide and imports no more of python-pptx than that needs. ``package`` names the
parts and streams the package into its file, so the same deck always gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from slidegen.alttext import alt_text
from slidegen.config import BuildOptions
from slidegen.layout import picture_layout
from slidegen.model import Deck, Note, Slide
from slidegen.outputs import Stream
from slidegen.titles import first_sentence
from slidegen.writers.pptx.internals import compiled_xpaths
from slidegen.writers.pptx.internals import version as python_pptx_version
from slidegen.writers.pptx.package import (
    Base,
    Fragment,
    core_xml,
    default_template_bytes,
    document_time,
    write_package,
)

_RENDERERS: dict = {}  # base key -> SlideRenderer, the last one this process used

#: Part of every cache key: bump it when the slides or the prepared template would come out
#: differently, so no fragment of older code is reused.
VERSION = 3  # 3: notes keep lists, tables and code; text slides fit and continue; pictures find room on any template


def render(deck: Deck, options: BuildOptions) -> dict[str, Stream]:
    """``{"<slug>.pptx": stream}``: a title slide, then one slide per note, on the chosen template."""
    return {f"{deck.slug}.pptx": build_pptx(deck, options)}


def build_pptx(deck: Deck, options: BuildOptions) -> Stream:
    """The deck's package; the template is ``--template``, else the post's, else our default.

    Everything that can fail on bad input (the template, a slide) fails here, before any file
    is opened; the stream only assembles.
    """
    base, fragments, pictures, core = package_parts(deck, options)
    return Stream(lambda out: write_package(out, base, fragments, pictures, core))


def package_parts(deck: Deck, options: BuildOptions) -> tuple[Base, list[Fragment], dict, bytes]:
    """(base, one fragment per slide, pictures by digest, core properties): what ``write_package``
    assembles; the handout writer rearranges the fragments first."""
    from slidegen.cache import BlobCache, root_for

    template = options.template or deck.template
    base_key, base = prepared_template(template, options, picture_layout(deck, options))
    fragments = _fragments(deck, base, base_key, BlobCache(root_for(options), "pptx-slides"))
    pictures = {picture.digest: picture for picture in deck.media.values()}
    core = core_xml(
        title=deck.title,
        author=deck.author,
        subject=first_sentence(deck.intro),
        keywords=", ".join(deck.keywords),
        when=document_time(deck.date),
    )
    return base, fragments, pictures, core


def prepared_template(template: Path | None, options: BuildOptions, pictures: str = "picture") -> tuple[str, Base]:
    """(key, base) for ``template`` (None: our default) with the layouts ``options`` name.

    Taken from the cache when an earlier build prepared the same template bytes with the same
    layout names, so checking a template before a build (the command line does, to stop a
    mistyped layout name with a usage error) costs nothing on a rebuild. Raises InputError for a
    template that cannot be used and UsageError for a layout name it does not have.
    """
    from slidegen.cache import BlobCache, root_for

    key = _key(
        "base", python_pptx_version(), _template_digest(template), options.title_layout, options.slide_layout, pictures
    )
    return key, _base(BlobCache(root_for(options), "pptx-bases"), key, template, options, pictures)


def _base(cache, key: str, template: Path | None, options: BuildOptions, pictures: str) -> Base:
    raw = cache.get(key)
    if raw is not None:
        try:
            return Base.loads(raw)
        except (ValueError, KeyError, TypeError):
            pass
    from slidegen.writers.pptx.template import make_base

    with compiled_xpaths():
        base = make_base(template, options.title_layout, options.slide_layout, full=pictures == "full")
    cache.put(key, base.dumps())
    return base


def _fragments(deck: Deck, base: Base, base_key: str, cache) -> list[Fragment]:
    """The title slide and every slide as fragments: from the cache, else rendered now.

    A text slide whose note continues on more slides is several fragments under one key.
    """
    wanted = [("title", None)] + [("picture" if deck.picture(s) else "text", s) for s in deck.slides]
    keys = [_key("slide", base_key, kind, _content(deck, kind, slide)) for kind, slide in wanted]
    fragments: list[list[Fragment] | None] = []
    for key in keys:
        raw = cache.get(key)
        try:
            fragments.append(_loads(raw) if raw is not None else None)
        except (ValueError, KeyError, TypeError):
            fragments.append(None)
    if any(fragment is None for fragment in fragments):
        try:
            with compiled_xpaths():
                _render_missing(deck, base, base_key, wanted, keys, fragments, cache)
        except BaseException:
            _RENDERERS.clear()  # it may hold a half-made slide; the next deck starts afresh
            raise
        from slidegen.cache import prune_daily

        prune_daily(cache.root)
    return [fragment for group in fragments if group is not None for fragment in group]


def _render_missing(
    deck: Deck, base: Base, base_key: str, wanted: list, keys: list[str], fragments: list[list[Fragment] | None], cache
) -> None:
    """Renders the slides ``fragments`` lacks (None there) and keeps each in the cache."""
    from slidegen.writers.pptx.slides import SlideRenderer

    # A renderer is left with no slides after each one, so a process building many decks on
    # one template (a blog export) opens the template once.
    renderer = _RENDERERS.get(base_key)
    if renderer is None:
        _RENDERERS.clear()
        renderer = _RENDERERS[base_key] = SlideRenderer(base)
    for index, ((kind, slide), key) in enumerate(zip(wanted, keys)):
        if fragments[index] is not None:
            continue
        if kind == "title":
            rendered = [renderer.title(deck)]
        elif kind == "picture":
            picture = deck.picture(slide)
            assert picture is not None  # "picture" was chosen because there is one
            rendered = [renderer.picture(deck, slide, picture)]
        else:  # a long note continues on more slides: several fragments under one key
            rendered = renderer.text(deck, slide)
        fragments[index] = rendered
        cache.put(key, _dumps(rendered))


def _dumps(fragments: list[Fragment]) -> bytes:
    return json.dumps([fragment.dumps().decode("utf-8") for fragment in fragments]).encode("utf-8")


def _loads(raw: bytes) -> list[Fragment]:
    return [Fragment.loads(item.encode("utf-8")) for item in json.loads(raw)]


def _content(deck: Deck, kind: str, slide: Slide | None) -> list:
    """Everything of the deck that shapes one slide's XML, as JSON-able data."""
    if slide is None:
        return [
            deck.title,
            deck.slug,
            deck.author,
            deck.date.isoformat() if deck.date else None,
            _note(deck.intro),
            deck.link,
            deck.lang,
        ]
    picture = deck.picture(slide)
    shown = [picture.digest, picture.width, picture.height, picture.mime] if picture else None
    return [
        slide.number,
        slide.title,
        _note(slide.note),
        alt_text(slide, deck.words_on(slide)) if picture else "",
        shown,
        deck.link,
        deck.lang,
    ]


def _note(note: Note) -> list:
    return [
        [dataclasses.astuple(role), [dataclasses.astuple(span) for span in paragraph]]
        for role, paragraph in note.parts()
    ]


def _template_digest(template: Path | None) -> str:
    """The template's bytes as a hash; an unreadable template gets a key of its own (and fails later)."""
    if template is None:
        return hashlib.sha256(default_template_bytes()).hexdigest()
    try:
        return hashlib.sha256(template.read_bytes()).hexdigest()
    except OSError:
        return "unreadable:" + str(template)


def _key(*parts) -> str:
    return hashlib.sha256(json.dumps([VERSION, *parts], default=str).encode("utf-8")).hexdigest()
