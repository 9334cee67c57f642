"""Rendered slides kept between builds: an edited note re-renders one slide, and nothing else changes."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation

from pptxcases import CORPORATE
from slidegen.config import BuildOptions
from slidegen.writers.pptx import slides as pptx_slides
from slidegen.writers.pptx.deck import render
from slidegen.writers.pptx.package import default_template_bytes
from toolkit import make_deck, note, picture


def pptx(deck, options) -> bytes:
    return render(deck, options)[f"{deck.slug}.pptx"].getvalue()


@pytest.fixture
def counted(monkeypatch):
    """How many slides python-pptx rendered, by kind."""
    counts = {"title": 0, "picture": 0, "text": 0}
    for kind in counts:
        original = getattr(pptx_slides.SlideRenderer, kind)

        def wrapped(self, *args, _kind=kind, _original=original):
            counts[_kind] += 1
            return _original(self, *args)

        monkeypatch.setattr(pptx_slides.SlideRenderer, kind, wrapped)
    return counts


def notes_of(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    return [slide.notes_slide.notes_text_frame.text for slide in prs.slides]


def test_one_edited_note_renders_one_slide_and_gives_a_fresh_builds_bytes(tmp_path, counted, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    options = BuildOptions(cache_dir=tmp_path / "cache")
    deck = make_deck(4)
    pptx(deck, options)
    assert counted == {"title": 1, "picture": 4, "text": 0}
    deck.slides[2].note = note("Edited after the first build.")
    warm = pptx(deck, options)
    assert counted == {"title": 1, "picture": 5, "text": 0}
    assert warm == pptx(deck, BuildOptions(use_cache=False))
    assert notes_of(warm)[3] == "Edited after the first build."


def test_nothing_changed_renders_nothing_and_without_a_cache_everything(tmp_path, counted):
    options = BuildOptions(cache_dir=tmp_path / "cache")
    deck = make_deck(3)
    first = pptx(deck, options)
    assert pptx(deck, options) == first
    assert sum(counted.values()) == 4
    pptx(deck, BuildOptions(use_cache=False))
    pptx(deck, BuildOptions(use_cache=False))
    assert sum(counted.values()) == 12


def test_slides_moved_around_keep_their_own_notes_and_pictures(tmp_path):
    options = BuildOptions(cache_dir=tmp_path / "cache")
    deck = make_deck(3)
    pptx(deck, options)
    deck.slides.reverse()
    data = pptx(deck, options)
    assert notes_of(data)[1:] == [f"Note {n} first sentence. Then more." for n in (3, 2, 1)]
    prs = Presentation(io.BytesIO(data))
    shown = [[s.image.blob for s in slide.shapes if hasattr(s, "image")][0] for slide in list(prs.slides)[1:]]
    assert shown == [deck.media[f"slide-{n}.jpg"].data for n in (3, 2, 1)]


def test_a_picture_used_twice_is_stored_once(tmp_path):
    deck = make_deck(3)
    same = picture(80, 60)
    for slide in deck.slides:
        deck.media[slide.image.ref] = same
    data = pptx(deck, BuildOptions(cache_dir=tmp_path / "cache"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert [n for n in zf.namelist() if n.startswith("ppt/media/")] == ["ppt/media/image1.jpg"]
    assert len(Presentation(io.BytesIO(data)).slides) == 4


def test_damaged_cache_entries_are_only_misses(tmp_path, counted, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    cache = tmp_path / "cache"
    deck = make_deck(2)
    fresh = pptx(deck, BuildOptions(cache_dir=cache))
    entries = [p for kind in ("pptx-slides", "pptx-bases") for p in (cache / kind).glob("*/*")]
    assert len(entries) == 4  # title + 2 slides, and the prepared template
    for path in entries:
        raw = bytearray(path.read_bytes())
        raw[-5] ^= 0x20  # one flipped bit inside the XML
        path.write_bytes(bytes(raw))
    assert pptx(deck, BuildOptions(cache_dir=cache)) == fresh
    assert sum(counted.values()) == 6


def test_a_changed_template_is_a_different_base(tmp_path, counted):
    template = tmp_path / "mine.pptx"
    template.write_bytes(CORPORATE.read_bytes())
    options = BuildOptions(cache_dir=tmp_path / "cache", template=template)
    deck = make_deck(1)
    pptx(deck, options)
    template.write_bytes(default_template_bytes())  # same name, other content
    data = pptx(deck, options)
    assert sum(counted.values()) == 4
    layouts = [slide.slide_layout.name for slide in Presentation(io.BytesIO(data)).slides]
    assert layouts == ["Title Slide", "Title and Picture"]


def test_a_template_s_own_picture_keeps_its_name_and_bytes_beside_ours(tmp_path):
    from pptx import Presentation as Open

    from toolkit import image_bytes

    logo = image_bytes(30, 10, "JPEG", (0, 90, 200))  # named like ours: ppt/media/imageN.jpg
    prs = Open(str(CORPORATE))
    prs.slide_master.part.get_or_add_image_part(io.BytesIO(logo))  # a logo the master refers to
    template = tmp_path / "with-logo.pptx"
    prs.save(str(template))
    deck = make_deck(2)
    data = pptx(deck, BuildOptions(cache_dir=tmp_path / "cache", template=template))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [n for n in zf.namelist() if n.startswith("ppt/media/")]
        media = {n: zf.read(n) for n in names}
    with zipfile.ZipFile(template) as zf:
        own = [zf.read(n) for n in zf.namelist() if n.startswith("ppt/media/")]
    assert logo in own and len(names) == len(set(names)) == len(own) + 2
    assert all(blob in media.values() for blob in own)
    assert {deck.media[f"slide-{n}.jpg"].data for n in (1, 2)} <= set(media.values())
    reopened = Open(io.BytesIO(data))
    master_images = [
        rel.target_part.blob for rel in reopened.slide_master.part.rels.values() if rel.reltype.endswith("/image")
    ]
    assert logo in master_images and all(blob in own for blob in master_images)
