"""The benchmark corpus: decks of 9, 50 and 200 phone-photo whiteboards and a 1,000-post export.

Generated deterministically into a cache folder outside the repository and reused on later runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))

SIZES = (9, 50, 200)
WORDS = (
    "the board shows how influence and tolerance trade against each other while the audience "
    "watches the curve fall off a cliff and every consultant draws a simpler story than the "
    "enterprise can live with so the conference preaches to the choir"
).split()


def cache_root() -> Path:
    """Where the corpus lives: $SLIDEGEN_BENCH_CACHE, else the user cache folder."""
    env = os.environ.get("SLIDEGEN_BENCH_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("slidegen")) / "bench"


def sentence(seed: int, n: int = 12) -> str:
    words = [WORDS[(seed * 7 + i * 11) % len(WORDS)] for i in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def post_text(n_slides: int, title: str) -> str:
    """A post with prose and a Slide N: note of 2-4 sentences per slide."""
    out = [
        "---",
        f"title: {title}",
        "author: Bench Mark",
        "date: 2024-05-01",
        "---",
        "",
        sentence(1, 20) + " " + sentence(2, 16),
        "",
    ]
    for n in range(1, n_slides + 1):
        sentences = " ".join(sentence(n * 5 + k, 9 + k) for k in range(2 + n % 3))
        out += [f"Slide {n}: {sentences}", ""]
    return "\n".join(out)


def photos(count: int, width: int, height: int, root: Path) -> list[Path]:
    """``count`` distinct whiteboard photos (every fifth stored rotated with an EXIF tag)."""
    from whiteboard import phone_photo

    folder = root / f"photos-{width}x{height}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"photo-{i + 1:03d}.jpg"
        if not path.exists():
            tmp = path.with_suffix(".part")
            tmp.write_bytes(phone_photo(seed=1000 + i, width=width, height=height, rotated=i % 5 == 2))
            os.replace(tmp, path)
        paths.append(path)
    return paths


def decks(root: Path, sizes=SIZES, width: int = 4032, height: int = 3024) -> dict[int, Path]:
    """Deck folders ``deck-N`` (post.md + slide-K.jpg hard links into the photo pool)."""
    pool = photos(max(sizes), width, height, root)
    out = {}
    for n in sizes:
        folder = root / f"deck-{n}-{width}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "post.md").write_text(post_text(n, f"Bench deck of {n} slides"), encoding="utf-8")
        for k in range(1, n + 1):
            link = folder / f"slide-{k}.jpg"
            if not link.exists():
                os.link(pool[k - 1], link)
        out[n] = folder
    return out


def export(root: Path, posts: int, notes: int = 10) -> Path:
    """A WordPress export of ``posts`` posts with ``notes`` notes each and no pictures."""
    from feedgen import wxr

    path = root / f"export-{posts}.xml"
    if not path.exists():
        path.write_bytes(wxr(posts, with_notes=posts, notes=notes))
    return path
