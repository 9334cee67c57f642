"""Word recall and character error rate of the text read on real whiteboard photos, against hand transcripts.

Each photo is processed as a build processes it (upright, slide size), once as it is and once with
--whiteboard cleanup, and read by the same recogniser ``--ocr`` uses. Prints a table and the medians.

Usage: python tools/ocr_recall.py [PHOTO_DIR] [--json]
(default PHOTO_DIR: tests/data/whiteboards, which holds transcripts.json beside the photos)
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def words_of(text: str) -> list[str]:
    """Words for comparison: upper case, punctuation dropped, split at spaces and punctuation."""
    return [w for w in re.split(r"[^0-9A-Z%&]+", text.upper()) if w]


def recall(reference: str, read: str) -> float | None:
    """The share of the reference's words (with repeats) found among the words read."""
    want = Counter(words_of(reference))
    if not want:
        return None
    have = Counter(words_of(read))
    return sum(min(n, have[w]) for w, n in want.items()) / sum(want.values())


def findable(reference: str, read: str) -> float | None:
    """The share of the reference's words the browser's find would reach: found inside the text read,
    spaces and punctuation ignored (the recogniser often runs two handwritten words together)."""
    want = words_of(reference)
    if not want:
        return None
    haystack = "".join(words_of(read))
    return sum(1 for w in want if w in haystack) / len(want)


def cer(reference: str, read: str) -> float | None:
    """Character error rate: edit distance over the reference's letters, spaces normalised."""
    ref, hyp = " ".join(words_of(reference)), " ".join(words_of(read))
    if not ref:
        return None
    prev = list(range(len(hyp) + 1))
    for i, a in enumerate(ref, 1):
        cur = [i]
        for j, b in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / len(ref)


def measure(folder: Path) -> list[dict]:
    from slidegen.model import board_text
    from slidegen.pictures.ocr import recognise
    from slidegen.pictures.process import process
    from slidegen.pictures.settings import ImageSettings

    transcripts = json.loads((folder / "transcripts.json").read_text(encoding="utf-8"))
    rows = []
    for name, reference in transcripts.items():
        if name.startswith("_") or not (folder / name).exists():
            continue
        data = (folder / name).read_bytes()
        row = {"name": name}
        for label, board in (("upright", False), ("cleaned", True)):
            picture, _ = process(data, ImageSettings.for_width(1920, 50_000_000, board))
            started = time.perf_counter()
            read = board_text(recognise(picture.data))
            row[label] = {
                "recall": recall(reference, read),
                "findable": findable(reference, read),
                "cer": cer(reference, read),
                "seconds": round(time.perf_counter() - started, 2),
                "text": read,
            }
        rows.append(row)
    return rows


def summary(rows: list[dict]) -> dict:
    out = {}
    for label in ("upright", "cleaned"):
        recalls = [r[label]["recall"] for r in rows if r[label]["recall"] is not None]
        found = [r[label]["findable"] for r in rows if r[label]["findable"] is not None]
        cers = [r[label]["cer"] for r in rows if r[label]["cer"] is not None]
        out[label] = {
            "recall_median": statistics.median(recalls),
            "recall_mean": statistics.fmean(recalls),
            "findable_median": statistics.median(found),
            "findable_mean": statistics.fmean(found),
            "cer_median": statistics.median(cers),
            "seconds_median": statistics.median(r[label]["seconds"] for r in rows),
        }
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", nargs="?", type=Path, default=ROOT / "tests" / "data" / "whiteboards")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    rows = measure(args.folder)
    if args.json:
        json.dump({"rows": rows, "summary": summary(rows)}, sys.stdout, indent=1)
        return 0
    print(f"{'photo':<46} {'recall':>7} {'→ clean':>7} {'find':>6} {'→ clean':>7} {'CER':>6} {'→ clean':>7}")
    for r in rows:
        f = lambda v: "   –" if v is None else f"{v:6.2f}"  # noqa: E731
        print(
            f"{r['name']:<46} {f(r['upright']['recall']):>7} {f(r['cleaned']['recall']):>7} "
            f"{f(r['upright']['findable']):>6} {f(r['cleaned']['findable']):>7} "
            f"{f(r['upright']['cer']):>6} {f(r['cleaned']['cer']):>7}"
        )
    s = summary(rows)
    print(
        f"median recall {s['upright']['recall_median']:.2f} → {s['cleaned']['recall_median']:.2f}; "
        f"median CER {s['upright']['cer_median']:.2f} → {s['cleaned']['cer_median']:.2f}; "
        f"median seconds a picture {s['upright']['seconds_median']:.1f} / {s['cleaned']['seconds_median']:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
