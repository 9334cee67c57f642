"""Converts pictures with an embedded colour profile (Display P3, Adobe RGB, CMYK) to sRGB."""

from __future__ import annotations

import io

from PIL import Image, ImageCms

_SRGB = None


def to_srgb(img: Image.Image, icc: bytes, notes: list[str]) -> Image.Image:
    """``img`` (RGB, RGBA, L or CMYK) with its colours moved from the ``icc`` profile to sRGB.

    A profile that is unreadable or does not fit the pixels leaves the colours as stored, with a
    warning in ``notes``; a CMYK picture is then converted naively.
    """
    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.createProfile("sRGB")
    alpha = img.getchannel("A") if img.mode == "RGBA" else None
    base = img.convert("RGB") if alpha is not None else img
    if base.mode == "L":
        return img  # grey gamma differences are slight; a grey JPEG stays one channel
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if _is_srgb(source):
            return img
        out = ImageCms.profileToProfile(
            base, source, _SRGB, outputMode="RGB", renderingIntent=ImageCms.Intent.PERCEPTUAL
        )
    except Exception as exc:  # littleCMS rejects bad or mismatched profiles with assorted errors
        notes.append(
            f"colour profile could not be applied ({' '.join(str(exc).split())[:120]}); colours used as stored"
        )
        return img.convert("RGB") if img.mode == "CMYK" else img
    assert out is not None  # None only when converting in place
    if alpha is not None:
        out.putalpha(alpha)
    return out


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    # Converting sRGB to sRGB costs time and changes nothing visible.
    try:
        description = ImageCms.getProfileDescription(profile)
    except Exception:
        return False
    return description.strip().lower().startswith("srgb")
