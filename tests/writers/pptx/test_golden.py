"""Golden PPTX dumps: every case the PPTX tests build, as readable text (see ``pptxdump``)."""

from __future__ import annotations

import pytest

from golden import assert_golden
from pptxcases import build_all
from pptxdump import dump

GOLDEN = [
    "default",
    "corporate",
    "corporate-named-layouts",
    "four-three",
    "blank-only",
    "title-slide-only",
    "hostile",
    "odd-pictures",
    "long-text",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1234567890")
        return build_all(tmp_path_factory.mktemp("templates"))


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_dump(built, name, update_golden):
    assert_golden(f"pptx/{name}.txt", dump(built[name][2]), update_golden)


def test_golden_dump_of_the_sample_post(sample_deck, update_golden, monkeypatch):
    from slidegen.config import BuildOptions
    from slidegen.writers.pptx.deck import render

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    data = render(sample_deck, BuildOptions())[f"{sample_deck.slug}.pptx"].getvalue()
    assert_golden("pptx/sample.txt", dump(data), update_golden)
