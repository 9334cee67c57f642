"""Reads the words on processed pictures (RapidOCR, the optional ``ocr`` extra), once per picture.

Recognition runs on the picture as it goes on the slide (upright, straightened and cleaned when
``--whiteboard`` is on), in worker processes, and is cached by the picture's digest and the
recogniser's version, so a rebuild recognises nothing. Words come back with boxes as fractions of
the picture, for the HTML text layer, and a confidence; words below ``MIN_CONFIDENCE`` are left out.
The recogniser (PaddleOCR's PP-OCR models in ONNX, inside the ``rapidocr-onnxruntime`` wheel) is
imported only here, only when asked for, and never downloads anything.
"""

from __future__ import annotations

import hashlib
import json
import re

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import UsageError
from slidegen.model import Deck, Picture, Word

#: Words read with less confidence than this are left out: below it, on the real boards in the
#: test data, most recognised "words" were stray strokes, not writing.
MIN_CONFIDENCE = 0.6
#: Bumped when what this module makes of the recogniser's output changes.
CODE_VERSION = 1
#: A line box this many times as tall as wide is read downwards (the recogniser's own rule).
VERTICAL = 1.5
_ENGINE = None
_THREADS = -1  # onnxruntime's default (all cores) when recognising in this process


def wanted(deck: Deck, options: BuildOptions) -> bool:
    """Whether a deck's pictures are to be read: front matter ``ocr:`` wins over ``--ocr``."""
    return bool(options.ocr if deck.ocr is None else deck.ocr)


def require() -> str:
    """The recogniser's version, or a UsageError saying how to install the extra."""
    from importlib import metadata

    try:
        return metadata.version("rapidocr-onnxruntime")
    except metadata.PackageNotFoundError:
        raise UsageError(f"reading the boards (--ocr) needs the ocr extra: pip install '{_dist_name()}[ocr]'") from None


def _dist_name() -> str:
    from importlib import metadata

    names = metadata.packages_distributions().get("slidegen") or ["slidegen"]
    return names[0]


def read_all(decks: list[Deck], options: BuildOptions, report: Report) -> None:
    """Fills ``deck.words`` for every picture of every deck that asks for it."""
    todo = [deck for deck in decks if wanted(deck, options) and deck.media]
    if not todo:
        return
    version = require()
    from slidegen.cache import BlobCache, root_for

    cache = BlobCache(root_for(options), "ocr")
    pictures: dict[str, Picture] = {}
    for deck in todo:
        for picture in deck.media.values():
            pictures.setdefault(picture.digest, picture)
    keys = {digest: _key(digest, version) for digest in pictures}
    found: dict[str, tuple[Word, ...]] = {}
    missing = []
    for digest, key in keys.items():
        hit = cache.get(key)
        if hit is not None:
            found[digest] = _decode(hit)
        else:
            missing.append(digest)
    for digest, words in zip(missing, _recognise_many([pictures[d] for d in missing], options.workers)):
        found[digest] = words
        cache.put(keys[digest], _encode(words))
    for deck in todo:
        for ref, picture in deck.media.items():
            deck.words[ref] = found[picture.digest]


def _key(digest: str, version: str) -> str:
    return hashlib.sha256(
        f"{digest} rapidocr-onnxruntime {version} {CODE_VERSION} {MIN_CONFIDENCE}".encode()
    ).hexdigest()


def _encode(words: tuple[Word, ...]) -> bytes:
    return json.dumps([[w.text, list(w.box), w.confidence] for w in words]).encode("utf-8")


def _decode(data: bytes) -> tuple[Word, ...]:
    return tuple(Word(text, tuple(box), conf) for text, box, conf in json.loads(data))


def _recognise_many(pictures: list[Picture], workers: int) -> list[tuple[Word, ...]]:
    """The words of each picture, in worker processes when there are several pictures and cores."""
    blobs = [p.data for p in pictures]
    if workers <= 1 or len(blobs) <= 1:
        return [recognise(b) for b in blobs]
    from concurrent.futures import ProcessPoolExecutor

    # Each worker loads the models once; its recogniser uses one thread, the pool the cores.
    with ProcessPoolExecutor(max_workers=min(workers, len(blobs)), initializer=_single_threaded) as pool:
        return list(pool.map(recognise, blobs))


def _single_threaded() -> None:
    global _THREADS
    _THREADS = 1


def _engine():
    global _ENGINE
    if _ENGINE is None:
        from rapidocr_onnxruntime import RapidOCR

        # The recogniser's own settings are kept: on the 13 real boards, detecting on a copy of at most
        # 960 or 1280 pixels, or leaving out the upside-down classifier, moved word recall by less than
        # the photos differ from run to run and CPU time by under 5 %, so there is nothing to trade.
        _ENGINE = RapidOCR(intra_op_num_threads=_THREADS, inter_op_num_threads=_THREADS)
    return _ENGINE


def recognise(data: bytes) -> tuple[Word, ...]:
    """The words on one encoded picture (JPEG or PNG), in reading order, confident ones only."""
    import io

    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rgb = image.convert("RGB")
    width, height = rgb.size
    bgr = np.asarray(rgb)[:, :, ::-1]
    result, _ = _engine()(bgr, return_word_box=True)
    words: list[Word] = []
    for line in result or ():
        quad, text, confidence = line[0], str(line[1]), float(line[2])
        if confidence < MIN_CONFIDENCE or not text.strip():
            continue
        chars = line[3] if len(line) > 3 else None
        for word, box in split_words(text, quad, chars):
            left, top, right, bottom = box
            words.append(
                Word(
                    word,
                    (
                        round(max(0.0, left / width), 4),
                        round(max(0.0, top / height), 4),
                        round(min(1.0, right / width), 4),
                        round(min(1.0, bottom / height), 4),
                    ),
                    round(confidence, 3),
                )
            )
    return tuple(words)


def split_words(text: str, quad, chars=None) -> list[tuple[str, tuple[float, float, float, float]]]:
    """A recognised line cut into words, each with its box (left, top, right, bottom) in pixels.

    The recogniser gives a box per character when it can; a word's box is then the union of its
    characters'. Otherwise the line's box is shared out by character count along its length: its
    width, or its height for a line written downwards (the recogniser reads a box at least 1.5 times
    as tall as wide from top to bottom), so words of a vertical line are not stacked on each other.
    """
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    line_box = (min(xs), min(ys), max(xs), max(ys))
    spans = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    boxes = _char_boxes(text, chars)
    out = []
    for word, start, end in spans:
        if boxes is not None:
            mine = [boxes[i] for i in range(start, end) if boxes[i] is not None]
            if mine:
                out.append(
                    (
                        word,
                        (
                            min(b[0] for b in mine),
                            min(b[1] for b in mine),
                            max(b[2] for b in mine),
                            max(b[3] for b in mine),
                        ),
                    )
                )
                continue
        left, top, right, bottom = line_box
        if bottom - top >= VERTICAL * (right - left):
            step = (bottom - top) / max(1, len(text))
            out.append((word, (left, top + start * step, right, top + end * step)))
        else:
            step = (right - left) / max(1, len(text))
            out.append((word, (left + start * step, top, left + end * step, bottom)))
    return out


def _char_boxes(text: str, chars) -> list | None:
    """One box per character of ``text`` (None for spaces), when the recogniser's boxes line up."""
    if not chars:
        return None
    flat = []
    for quad in chars:
        try:
            xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        except (TypeError, IndexError):
            return None
        flat.append((min(xs), min(ys), max(xs), max(ys)))
    if len(flat) == len(text):
        return [None if c.isspace() else b for c, b in zip(text, flat)]
    visible = [i for i, c in enumerate(text) if not c.isspace()]
    if len(flat) == len(visible):
        boxes: list = [None] * len(text)
        for i, b in zip(visible, flat):
            boxes[i] = b
        return boxes
    return None
