"""A built slideshow page as stable text for golden files: pictures and theme code replaced by what they are.

Picture data would change with a Pillow or libjpeg upgrade and the theme's CSS and script belong
to the theme's own tests, so they become placeholders (``<image/jpeg 65x48>``, ``/* theme css */``).
The CSP hashes are checked here against the blocks they allow and then named after them, so a
golden still fails when a hash stops matching its block.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re

from PIL import Image

_DATA_URI = re.compile(r"data:(image/[a-z+]+);base64,([A-Za-z0-9+/=]+)")
_STYLE = re.compile(r"(<style>)(.*?)(</style>)", re.S)
_SCRIPT = re.compile(r"(<script>)(.*?)(</script>)", re.S)
_HASH = re.compile(r"('|&#39;)sha256-([A-Za-z0-9+/=]+)\1")


def picture_label(mime: str, data: bytes) -> str:
    """``<image/jpeg 65x48>``: what a picture is, without bytes an encoder upgrade would change."""
    with Image.open(io.BytesIO(data)) as img:
        return f"<{mime} {img.width}x{img.height}>"


def normalise_page(html: str) -> str:
    """The page with picture data, theme CSS/JS and CSP hashes replaced by stable names."""
    blocks = {}
    for name, pattern in (("style", _STYLE), ("script", _SCRIPT)):
        for n, m in enumerate(pattern.finditer(html), start=1):
            digest = base64.b64encode(hashlib.sha256(m.group(2).encode("utf-8")).digest()).decode("ascii")
            blocks[digest] = f"{name}-{n}"
    for m in _HASH.finditer(html):
        assert m.group(2) in blocks, f"CSP hash {m.group(2)} allows no block of the page"
    html = _HASH.sub(lambda m: f"{m.group(1)}sha256-{blocks[m.group(2)]}{m.group(1)}", html)
    html = _STYLE.sub(lambda m: m.group(1) + "/* theme css */" + m.group(3), html)
    html = _SCRIPT.sub(
        lambda m: m.group(1) + "/* theme script */" + m.group(3) if len(m.group(2)) > 400 else m.group(0), html
    )
    return _DATA_URI.sub(lambda m: picture_label(m.group(1), base64.b64decode(m.group(2))), html)
