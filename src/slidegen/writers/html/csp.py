"""Content Security Policy source expressions: the one place a hash of inline code is made."""

from __future__ import annotations

import base64
import hashlib


def csp_hash(text: str) -> str:
    """``'sha256-…'``: the CSP source expression allowing exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"
