"""A post's language: the tag a reader found (front matter, feed, ``<html lang>``) made a clean BCP 47 tag."""

from __future__ import annotations

import re

#: What a deck is written in when the post does not say.
DEFAULT = "en"

# Language, then subtags of 1-8 letters or digits (script, region, variant …). Enough to refuse
# junk without a registry of every language; "en_US" and "EN-us" are tidied, not refused.
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def normalise(value: object) -> str | None:
    """``"en_us"`` → ``"en-US"``; None for anything that is not a language tag."""
    if not isinstance(value, str):
        return None
    tag = value.strip().replace("_", "-")
    if not _TAG.match(tag) or len(tag) > 35:
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())  # region: US, GB, BR
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())  # script: Latn, Hans
        else:
            out.append(part.lower())
    return "-".join(out)
