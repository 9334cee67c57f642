"""Coverage-guided fuzzing of the paths that take untrusted input, with atheris (``make fuzz``).

Targets, each fed arbitrary bytes:

- ``post``: a post file (Markdown, HTML, plain text or a feed, chosen by the first byte) read and
  parsed into decks;
- ``picture``: a picture processed for a slide (with and without whiteboard cleanup);
- ``render``: a Markdown post read, parsed and rendered by the HTML, notes and PPTX writers;
- ``deck``: a PowerPoint deck read as a source and its notes printed; the first byte chooses
  between the whole file as given and a real deck (pandoc's) with one XML part replaced.

Allowed outcomes are a result or slidegen's own error (``SlidegenError``; ``ImageProblem`` for
pictures). Anything else — a traceback, a hang past the time limit, a crash — is a finding:
atheris stops and writes the input as ``crash-…`` in the current folder.

Usage: python tests/fuzz/fuzz.py TARGET [atheris/libFuzzer flags, e.g. -max_total_time=300] [CORPUS_DIR]
The hostile-input catalogue's corpus and the seed page are the starting inputs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [ROOT / "tests" / "hostile" / "corpus", ROOT / "tests" / "fixtures"]
SUFFIXES = (".md", ".html", ".txt", ".xml")

with atheris.instrument_imports(include=["slidegen"]):
    from slidegen.config import BuildOptions
    from slidegen.diagnostics import Report
    from slidegen.errors import SlidegenError
    from slidegen.outputs import as_bytes
    from slidegen.pictures.process import ImageProblem, process
    from slidegen.pictures.settings import ImageSettings
    from slidegen.pipeline import read_decks
    from slidegen.readers.pptx import plan_deck, to_deck
    from slidegen.readers.pptxdeck import read_deck
    from slidegen.writers import decknotes, writer

WORK = Path(tempfile.mkdtemp(prefix="slidegen-fuzz-"))
OPTIONS = BuildOptions(use_cache=False, jobs=1, out_dir=WORK / "out")
SMALL = ImageSettings(box_width=320, box_height=180, max_pixels=4_000_000)


def _post_file(data: bytes, suffix: str) -> Path:
    path = WORK / f"post{suffix}"
    path.write_bytes(data)
    return path


def fuzz_post(data: bytes) -> None:
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".md"
    try:
        read_decks([_post_file(data[1:], suffix)], OPTIONS, Report(stream=None))
    except SlidegenError:
        pass


def fuzz_picture(data: bytes) -> None:
    for settings in (SMALL, ImageSettings(320, 180, 4_000_000, whiteboard=True)):
        try:
            picture, _ = process(data, settings)
        except ImageProblem:
            return
        assert picture.width <= 320 and picture.height <= 180, (picture.width, picture.height)


def fuzz_render(data: bytes) -> None:
    try:
        decks = read_decks([_post_file(data, ".md")], OPTIONS, Report(stream=None))
        for deck in decks[:2]:
            deck.slug = deck.slug or "deck"
            for fmt in ("html", "notes", "txt", "pptx"):
                for output in writer(fmt)(deck, OPTIONS).values():
                    as_bytes(output)
    except SlidegenError:
        pass


DECK_SEED = ROOT / "tests" / "data" / "decks" / "pandoc-talk.pptx"


def _deck_file(data: bytes) -> Path:
    import io
    import zipfile

    path = WORK / "deck.pptx"
    if not data or data[0] % 2 == 0:
        path.write_bytes(data[1:])
        return path
    with zipfile.ZipFile(DECK_SEED) as seed:
        parts = [i for i in seed.infolist() if i.filename.endswith((".xml", ".rels"))]
        victim = parts[data[0] // 2 % len(parts)].filename
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as deck:
            for info in seed.infolist():
                deck.writestr(info.filename, data[1:] if info.filename == victim else seed.read(info))
    path.write_bytes(out.getvalue())
    return path


def fuzz_deck(data: bytes) -> None:
    path = _deck_file(data)
    try:
        deck = read_deck(path, "deck.pptx")
        decknotes.plain_text(deck)
        decknotes.markdown_text(deck)
        to_deck(plan_deck(deck, Report(stream=None)), WORK)
    except SlidegenError:
        pass


TARGETS = {"post": fuzz_post, "picture": fuzz_picture, "render": fuzz_render, "deck": fuzz_deck}


def seed_corpus(target: str) -> Path:
    """A folder of starting inputs: the hostile corpus and fixtures (posts), or small pictures."""
    corpus = WORK / f"corpus-{target}"
    corpus.mkdir(exist_ok=True)
    if target == "picture":
        import io

        from PIL import Image

        for n, (fmt, mode) in enumerate(
            [
                ("JPEG", "RGB"),
                ("PNG", "RGBA"),
                ("GIF", "P"),
                ("WEBP", "RGB"),
                ("BMP", "RGB"),
                ("TIFF", "CMYK"),
                ("PNG", "LA"),
            ]
        ):
            buffer = io.BytesIO()
            Image.new(mode, (40, 30)).save(buffer, fmt)
            (corpus / f"seed-{n}").write_bytes(buffer.getvalue())
        return corpus
    if target == "deck":
        import zipfile

        (corpus / "whole").write_bytes(b"\0" + DECK_SEED.read_bytes())
        with zipfile.ZipFile(DECK_SEED) as seed:
            parts = [i for i in seed.infolist() if i.filename.endswith((".xml", ".rels"))]
            for n, info in enumerate(parts):
                (corpus / f"part-{n}").write_bytes(bytes([2 * n + 1]) + seed.read(info))
        return corpus
    for folder in SEEDS:
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.stat().st_size < 200_000:
                data = path.read_bytes()
                prefix = bytes([SUFFIXES.index(path.suffix) if path.suffix in SUFFIXES else 0])
                (corpus / path.name).write_bytes(data if target == "render" else prefix + data)
    return corpus


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer flags] [CORPUS_DIR]")
    target = sys.argv[1]
    args = [sys.argv[0], *sys.argv[2:]]
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(seed_corpus(target)))
    if not any(a.startswith("-timeout=") for a in args):
        args.append("-timeout=20")  # our own parse budget is 5 s; four times that is a hang
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    atheris.Setup(args, TARGETS[target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
