"""Golden notes files: ``notes.md`` and ``notes.txt`` of a real post, a rich deck and a hostile one."""

from __future__ import annotations

import pytest

from golden import assert_golden
from pptxcases import HOSTILE_DECODED, hostile_deck, rich_deck
from slidegen.config import BuildOptions
from slidegen.writers.notes import render_markdown, render_text


def decks(sample):
    return {"sample": sample, "rich": rich_deck(), "hostile": hostile_deck(HOSTILE_DECODED)}


@pytest.mark.parametrize("name", ["sample", "rich", "hostile"])
def test_golden_notes(name, sample_deck, update_golden):
    deck = decks(sample_deck)[name]
    md = render_markdown(deck, BuildOptions())[f"{deck.slug}.notes.md"].decode("utf-8")
    txt = render_text(deck, BuildOptions())[f"{deck.slug}.notes.txt"].decode("utf-8")
    assert_golden(f"notes/{name}.notes.md", md, update_golden)
    assert_golden(f"notes/{name}.notes.txt", txt, update_golden)
