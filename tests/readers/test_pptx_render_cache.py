"""Slides rendered by LibreOffice are cached: a second run over the same deck starts no LibreOffice.

The quick tests count calls to the renderer; the office test renders for real once, then makes any
start of LibreOffice or pdftoppm fail and reads the same pictures back from the cache.
"""

from __future__ import annotations

import io
import subprocess

import pytest
from PIL import Image

from pptxsources import rich_deck
from slidegen.diagnostics import Report
from slidegen.readers import pptxrender
from slidegen.readers.pptx import plan_deck
from slidegen.readers.pptxdeck import read_deck

RENDERED = [1, 3, 4, 5]  # numbers of the rich deck's slides that hold no picture of their own


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    return rich_deck(tmp_path_factory.mktemp("render-cache") / "review.pptx")


@pytest.fixture
def counted(monkeypatch):
    """A stand-in for LibreOffice + pdftoppm that records every page it is asked for."""
    calls: list[list[int]] = []

    def fake_render_pages(copy: bytes, pages: list[int], width: int, shown: str) -> dict[int, bytes]:
        calls.append(list(pages))
        out = {}
        for page in pages:
            buf = io.BytesIO()
            Image.new("RGB", (width, width * 3 // 4), (page * 40, 0, 0)).save(buf, "PNG")
            out[page] = buf.getvalue()
        return out

    monkeypatch.setattr(pptxrender, "render_pages", fake_render_pages)
    monkeypatch.setattr(pptxrender, "missing_tools", lambda: "")
    return calls


def _pictures(deck, cache_root, width: int = 400) -> list[bytes | None]:
    plan = plan_deck(
        read_deck(deck, "review.pptx"), Report(stream=None), render=True, width=width, cache_root=cache_root
    )
    return [item.picture for item in plan.slides if item.rendered]


def test_second_run_renders_nothing(deck, counted, tmp_path):
    first = _pictures(deck, tmp_path / "cache")
    assert len(counted) == 1 and len(first) == 4
    assert _pictures(deck, tmp_path / "cache") == first
    assert len(counted) == 1  # every slide came from the cache
    assert len(list((tmp_path / "cache" / "slide-renders").glob("*/*"))) == 4


def test_no_cache_renders_every_time(deck, counted):
    _pictures(deck, None)
    _pictures(deck, None)
    assert len(counted) == 2


def test_another_width_or_another_deck_renders_again(deck, counted, tmp_path):
    _pictures(deck, tmp_path / "cache")
    _pictures(deck, tmp_path / "cache", width=800)
    changed = tmp_path / "changed.pptx"
    rich_deck(changed)
    with open(changed, "ab") as f:  # same slides, other bytes: zip readers ignore trailing bytes
        f.write(b"\0")
    _pictures(changed, tmp_path / "cache")
    assert len(counted) == 3


def test_only_the_slides_missing_from_the_cache_are_rendered(deck, counted, tmp_path):
    first = _pictures(deck, tmp_path / "cache")
    entries = sorted((tmp_path / "cache" / "slide-renders").glob("*/*"))
    entries[0].unlink()
    (entries[1]).write_bytes(b"slidegen-blob 0\ntampered")  # a damaged entry is only a miss
    assert _pictures(deck, tmp_path / "cache") == first
    assert len(counted) == 2 and len(counted[1]) == 2


def test_the_key_names_the_programs_without_starting_them(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a program was started")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert pptxrender.programs_identity() == pptxrender.programs_identity()


@pytest.mark.office
def test_real_libreoffice_runs_once_for_two_runs(deck, tmp_path, monkeypatch):
    first = _pictures(deck, tmp_path / "cache")
    assert len(first) == 4 and all(p.startswith(b"\x89PNG") for p in first)
    assert any("soffice" in p for p in pptxrender.programs_identity())  # LibreOffice is in the key

    def refuse(*args, **kwargs):
        raise AssertionError("LibreOffice or pdftoppm was started on the second run")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert _pictures(deck, tmp_path / "cache") == first
