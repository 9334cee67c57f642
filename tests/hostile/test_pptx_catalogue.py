"""Hostile and broken decks through the real command line: one line naming the deck, exit 1, nothing written.

Each case is a real package: a zip bomb's header, 10,001 parts, part names that climb out or are
absolute, XXE and entity expansion in a slide, a missing part, a relationship to a part that is
not there, an encrypted (OLE) file, a file that is no zip, a truncated zip.
"""

from __future__ import annotations

import zipfile

import pytest

from cli_run import assert_one_line_error, cli, slidegen
from pptxsources import LAUGHS, XXE, forge_unpacked_size, rewrite, rich_deck, with_prolog
from slidegen.errors import InputError
from slidegen.readers import pptxzip


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    return rich_deck(tmp_path_factory.mktemp("good") / "good.pptx")


def _many_parts(good, target):
    rewrite(good, target, add={f"ppt/junk/{i}.bin": b"" for i in range(pptxzip.MAX_ENTRIES)})


def _slide_rels_to_missing_media(name, data):
    if name == "ppt/slides/_rels/slide3.xml.rels":
        return data.replace(b"../media/image1.jpg", b"../media/image99.jpg")
    return data


CASES = {
    "zip bomb header": (lambda good, t: forge_unpacked_size(good, t, 0xFFFFFFF0), "over the limit of"),
    "too many parts": (_many_parts, "parts, over the limit of 10,000"),
    "climbing part name": (
        lambda good, t: rewrite(good, t, add={"ppt/../../evil.xml": b"<x/>"}),
        "part name leaves the package: 'ppt/../../evil.xml'",
    ),
    "absolute part name": (
        lambda good, t: rewrite(good, t, add={"/etc/evil.xml": b"<x/>"}),
        "part name leaves the package",
    ),
    "XXE in a slide": (
        lambda good, t: rewrite(good, t, change=with_prolog(XXE)),
        "ppt/slides/slide1.xml declares a DTD or entities",
    ),
    "entity expansion": (lambda good, t: rewrite(good, t, change=with_prolog(LAUGHS)), "declares a DTD or entities"),
    "missing presentation part": (
        lambda good, t: rewrite(good, t, drop=("ppt/presentation.xml",)),
        "broken relationship in _rels/.rels: part ppt/presentation.xml is missing",
    ),
    "no content types": (
        lambda good, t: rewrite(good, t, drop=("[Content_Types].xml",)),
        "the package has no [Content_Types].xml part",
    ),
    "broken relationship": (
        lambda good, t: rewrite(good, t, change=_slide_rels_to_missing_media),
        "part ppt/media/image99.jpg is missing",
    ),
    "encrypted": (
        lambda good, t: t.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096),
        "password-protected",
    ),
    "not a zip": (lambda good, t: t.write_text("Slide 1: a post saved as .pptx\n"), "not a PPTX deck"),
    "truncated": (lambda good, t: t.write_bytes(good.read_bytes()[:20_000]), "damaged PPTX package"),
    "relationship out of the package": (
        lambda good, t: rewrite(
            good,
            t,
            change=lambda n, d: (
                d.replace(b"../media/image1.jpg", b"../../../x.jpg") if n == "ppt/slides/_rels/slide3.xml.rels" else d
            ),
        ),
        "points out of the package",
    ),
}


@pytest.fixture(scope="module")
def hostile(good, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    made = {}
    for i, (name, (make, _)) in enumerate(CASES.items()):
        target = folder / f"case-{i}.pptx"
        make(good, target)
        made[name] = target
    return made


@pytest.mark.parametrize("case", list(CASES))
def test_build_refuses_with_one_line_and_writes_nothing(hostile, case, tmp_path):
    deck = hostile[case]
    out = tmp_path / "out"
    run = slidegen("build", deck, "-o", out, "--no-cache")
    assert_one_line_error(run, str(deck), CASES[case][1])
    assert not out.exists()


@pytest.mark.parametrize("case", ["zip bomb header", "XXE in a slide", "encrypted", "broken relationship"])
def test_unpack_and_notes_refuse_too(hostile, case, tmp_path):
    # In-process: the build test above pins each case's exit code and stderr line in a real process,
    # and unpack and notes read the package through the same checks.
    deck = hostile[case]
    out = tmp_path / "unpacked"
    assert_one_line_error(cli("unpack", deck, "-o", out), str(deck), CASES[case][1])
    assert not out.exists()
    run = cli("notes", deck)
    assert_one_line_error(run, str(deck), CASES[case][1])
    assert run.stdout == ""


def test_the_bomb_header_is_refused_before_anything_is_inflated(hostile, monkeypatch):
    # zipfile never inflates past a part's declared size, so the declared sizes are the whole budget
    inflated = []
    monkeypatch.setattr(
        zipfile.ZipFile,
        "open",
        lambda *a, **k: inflated.append(a) or (_ for _ in ()).throw(AssertionError("a part was opened")),
    )
    with pytest.raises(InputError) as caught:
        pptxzip.check_package(hostile["zip bomb header"], "bomb.pptx")
    assert "over the limit" in str(caught.value) and not inflated


def test_a_real_bomb_part_is_refused_by_its_size(good, tmp_path, monkeypatch):
    monkeypatch.setattr(pptxzip, "MAX_UNPACKED", 8 * 1024 * 1024)
    bomb = rewrite(good, tmp_path / "bomb.pptx", add={"ppt/media/zeros.bin": b"\0" * (16 * 1024 * 1024)})
    assert bomb.stat().st_size < 200_000  # 16 MB of zeros packs small: that is the bomb
    with pytest.raises(InputError, match=r"would unpack to .* over the limit"):
        pptxzip.check_package(bomb, "bomb.pptx")


def test_python_pptx_alone_would_keep_a_dtd(tmp_path):
    """Why the DTD check is ours: python-pptx's parser accepts a DOCTYPE and keeps entity references
    as nodes (not expanded, nothing loaded), which would reach notes as '&e;' garbage."""
    from lxml import etree
    from pptx.oxml import oxml_parser

    root = etree.fromstring(b'<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', oxml_parser)
    assert root.getroottree().docinfo.doctype and list(root.itertext()) == ["&e;"]
