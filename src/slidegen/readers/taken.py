"""When a photo was taken: its EXIF DateTimeOriginal read from the header, else a time in its name.

Only the file's header is read (Pillow opens lazily and nothing is decoded), so ordering a
folder of phone photos costs a few kilobytes per photo.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 36867
_DATE_TIME = 306  # when the picture was last written; only if the original time is missing
_EXIF_STAMP = re.compile(r"^(\d{4}):(\d\d):(\d\d)[ T](\d\d):(\d\d):(\d\d)", re.ASCII)
# IMG_20260301_101500.jpg, PXL_20260301_101500123.jpg, Screenshot 2026-03-01 at 10.15.00.png
_NAME_STAMP = re.compile(
    r"((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?:[-_ T]|\sat\s)+"
    r"([0-2]\d)[-_.:]?([0-5]\d)[-_.:]?([0-5]\d)",
    re.ASCII,
)


def taken_at(path: Path) -> str | None:
    """``"2026-03-01 10:15:00"`` for a photo, or None when neither its EXIF nor its name tells."""
    return _from_exif(path) or _from_name(path.name)


def _from_exif(path: Path) -> str | None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a huge or odd header is the processing step's to report
            with Image.open(path) as img:
                exif = img.getexif()
                stamp = exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME)
    except Exception:  # not a picture Pillow knows, or a broken one: the name may still tell
        return None
    if isinstance(stamp, bytes):
        stamp = stamp.decode("ascii", "replace")
    m = _EXIF_STAMP.match(stamp.strip()) if isinstance(stamp, str) else None
    return _stamp(m.groups()) if m else None


def _from_name(name: str) -> str | None:
    m = _NAME_STAMP.search(name)
    return _stamp(m.groups()) if m else None


def _stamp(parts) -> str | None:
    year, month, day, hour, minute, second = (int(p) for p in parts)
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second < 61):
        return None  # cameras with an unset clock write 0000:00:00 00:00:00
    return f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}"
