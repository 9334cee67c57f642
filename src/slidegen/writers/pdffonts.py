"""Which of a template's fonts LibreOffice will replace when it draws the PDF, asked of fontconfig.

LibreOffice draws a font it does not have with whatever fontconfig offers instead (DejaVu on a
bare Linux), and lines then break where PowerPoint's do not. A metric-compatible stand-in
(Carlito for Calibri, Caladea for Cambria, Liberation for Arial, Times New Roman and Courier New)
keeps every line break, so only other replacements are worth a warning.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path

#: Fonts and the free fonts drawn to the same widths, which LibreOffice uses in their place.
METRIC_TWINS = {
    "calibri": "carlito",
    "cambria": "caladea",
    "arial": "liberation sans",
    "helvetica": "liberation sans",
    "times new roman": "liberation serif",
    "times": "liberation serif",
    "courier new": "liberation mono",
    "arial narrow": "liberation sans narrow",
}
_TYPEFACE = re.compile(rb'<a:(?:major|minor)Font>\s*<a:latin typeface="([^"]+)"')


def template_fonts(template: bytes) -> list[str]:
    """The theme fonts (headings and body) a PPTX names, in order, without repeats."""
    found: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(template)) as zf:
            for name in sorted(zf.namelist()):
                if re.fullmatch(r"ppt/theme/theme\d+\.xml", name):
                    for face in _TYPEFACE.findall(zf.read(name)[:2_000_000]):
                        text = face.decode("utf-8", "replace").strip()
                        if text and not text.startswith("+") and text not in found:
                            found.append(text)
    except (zipfile.BadZipFile, OSError, KeyError):
        return []
    return found


@lru_cache(maxsize=64)
def drawn_with(font: str) -> str | None:
    """The family fontconfig gives for ``font``, or None when fontconfig is not there to ask."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        out = subprocess.run([program, "-f", "%{family[0]}", font], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.decode("utf-8", "replace").strip() or None


def replaced_fonts(template: bytes) -> list[tuple[str, str]]:
    """(font, replacement) for each theme font LibreOffice will draw with a font of other widths."""
    replaced = []
    for font in template_fonts(template):
        family = drawn_with(font)
        if family is None:
            continue
        wanted, got = font.casefold(), family.casefold()
        if got != wanted and METRIC_TWINS.get(wanted) != got:
            replaced.append((font, family))
    return replaced


def font_warnings(template: Path | None, data: bytes) -> list[str]:
    """One warning per replaced font of ``template`` (None: the default), ready for the report."""
    name = "the default template" if template is None else "template"
    return [
        f"{name} font {font!r} is not installed; LibreOffice draws the PDF with "
        f"{family!r}, so its lines may break where PowerPoint's do not (install {font!r} or a "
        "font of the same widths)"
        for font, family in replaced_fonts(data)
    ]
