"""Which link addresses slidegen passes on from a post: http, https and mailto, read as a browser reads them.

Readers, the HTML writer and the PPTX writer all ask here, so a scheme allowed in one output is
allowed in every other and a ``javascript:`` link is dropped everywhere.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

#: The schemes a link may have in any output.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: The schemes of a web address (a post's own address, a base for relative links).
WEB_SCHEMES = frozenset({"http", "https"})

# Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces at its ends,
# so "java\tscript:" is "javascript:"; check the scheme the browser will see.
_URL_STRIP = re.compile(r"[\t\n\r]")
_TRIMMED = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + " \x7f"


def _prefixes(schemes: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(f"{s}:" if s == "mailto" else f"{s}://" for s in schemes))


def has_scheme(href: str, schemes: frozenset[str] = SAFE_SCHEMES) -> bool:
    """True when ``href`` is written as an absolute address of one of ``schemes`` (``https://…``, ``mailto:…``)."""
    return href.lower().startswith(_prefixes(schemes))


def is_web_address(href: str) -> bool:
    """True for an absolute ``http://`` or ``https://`` address."""
    return has_scheme(href, WEB_SCHEMES)


def safe_href(href: str | None, base: str = "") -> str | None:
    """``href`` as an absolute http/https/mailto URL, or None when it is anything else.

    A relative link is resolved against ``base`` (the post's address) when that is a web
    address; a bare ``#fragment`` is dropped because it would steer the slideshow.
    """
    if not href:
        return None
    url = _URL_STRIP.sub("", href).strip(_TRIMMED)
    if not url or url.startswith("#") or any(ord(c) < 0x20 or c == "\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme:
        base_url = safe_href(base) if base else None
        if not base_url or url.startswith("//") or not is_web_address(base_url):
            return None
        return safe_href(urljoin(base_url, url))
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return url
