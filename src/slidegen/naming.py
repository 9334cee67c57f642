"""Output names: safe file-name slugs from deck titles, distinct within a run."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_LEN = 60


def slugify(title: str) -> str:
    """A lower-case ASCII slug of a title; titles with no Latin letters get a stable 'deck-<hash>'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_LEN:
        slug = slug[:MAX_LEN].rsplit("-", 1)[0] or slug[:MAX_LEN]
    if not slug or slug in _RESERVED:
        digest = hashlib.sha256(title.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else f"deck-{digest}"
    return slug


def unique_slugs(titles: list[str]) -> list[str]:
    """Slugs for titles in order; a repeat gets -2, -3 … so no two decks share an output name."""
    seen: set[str] = set()
    out = []
    for title in titles:
        base = slugify(title)
        slug, n = base, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        out.append(slug)
    return out
