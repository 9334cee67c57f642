"""Tells a picture's format from its first bytes (never its name) against an allowlist."""

from __future__ import annotations

#: Sniffed format → the Pillow plugins allowed to open it; nothing else is ever tried.
PILLOW_FORMATS = {
    "JPEG": ["JPEG", "MPO"],
    "PNG": ["PNG"],
    "GIF": ["GIF"],
    "WEBP": ["WEBP"],
    "BMP": ["BMP"],
    "TIFF": ["TIFF"],
    "HEIF": ["HEIF"],
    "AVIF": ["AVIF"],
}

_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}
# Formats people do paste into posts, refused by name so the message says what to do.
_REFUSED = (
    (b"%PDF", "PDF"),
    (b"%!PS", "PostScript/EPS"),
    (b"\xc5\xd0\xd3\xc6", "EPS"),
    (b"8BPS", "Photoshop PSD"),
    (b"\x00\x00\x01\x00", "Windows icon"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"PK\x03\x04", "zip archive"),
)


class ImageProblem(Exception):
    """A picture that cannot be used; the message says why without naming the file."""


def sniff(data: bytes) -> str:
    """The format name of ``data`` (a key of PILLOW_FORMATS), or ImageProblem saying why not."""
    if not data:
        raise ImageProblem("picture file is empty (0 bytes)")
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp":
        brands = {data[8:12]} | {data[i : i + 4] for i in range(16, min(len(data), 64), 4)}
        if brands & _AVIF_BRANDS:
            return "AVIF"
        if brands & _HEIF_BRANDS:
            return "HEIF"
    for magic, name in _REFUSED:
        if data.startswith(magic):
            raise ImageProblem(f"{name} files are not supported; export the picture as PNG or JPEG")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in head or (head.startswith(b"<?xml") and b"svg" in head):
        raise ImageProblem("SVG pictures are not embedded (they can carry scripts and remote links); export it as PNG")
    if _looks_like_text(data[:512]):
        kind = "HTML" if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head else "text"
        raise ImageProblem(f"not a picture: the file holds {kind}")
    raise ImageProblem("not a picture in a supported format (JPEG, PNG, GIF, WebP, BMP, TIFF, HEIC, AVIF)")


def _looks_like_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # a multi-byte character cut at the end of the window is still text
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return all(ch.isprintable() or ch in "\r\n\t\f" for ch in text)
