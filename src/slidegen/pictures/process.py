"""Turns untrusted picture bytes into an upright, sRGB, slide-sized, metadata-free JPEG or PNG.

Works on bytes only (no paths, no positions): the caller names the file in messages. Pillow is
imported here, and this module is imported only when a build has pictures, so start-up stays fast.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from typing import cast

from PIL import Image

from slidegen.model import Picture
from slidegen.pictures.settings import VERSION, ImageSettings
from slidegen.pictures.sniff import PILLOW_FORMATS, ImageProblem, sniff

__all__ = ["VERSION", "ImageProblem", "ImageSettings", "fit", "process", "process_board"]

JPEG_QUALITY = 85
#: JPEG DCT scaling may land this far below the box: decoding a phone photo at 1/4 instead of
#: 1/2 and skipping the resample halves the work for a picture 10% smaller than the box at most.
DRAFT_SLACK = 0.9
#: Whiteboard photos are decoded with enough pixels that a board filling this share of the
#: photo's width or height, cropped out of it, still fills the picture box (a smaller one is
#: shown a little enlarged). 0.5 made 16:9 and 8-megapixel phone photos decode at full size:
#: twice the time and a worker's peak 28 MiB higher, for boards that fill between half and 70 % of them.
BOARD_SIDE = 0.7
_ORIENTATION = 0x0112
# EXIF orientation → the transpose that makes the pixels upright (1 needs none).
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Formats whose pixels are already lossy photos: re-encoding them as PNG never pays.
_PHOTO_FORMATS = {"JPEG", "MPO", "HEIF", "AVIF"}


def process(data: bytes, settings: ImageSettings) -> tuple[Picture, list[str]]:
    """Decodes, checks, orients, converts, downscales, cleans and re-encodes one picture.

    Returns the picture and the warnings about it (plain messages, no position); raises
    ImageProblem for anything that cannot become a picture.
    """
    picture, notes, _ = process_board(data, settings)
    return picture, notes


def process_board(data: bytes, settings: ImageSettings) -> tuple[Picture, list[str], dict | None]:
    """``process``, plus what became of the whiteboard (``scan.BoardReport`` as a dict) when
    whiteboard cleanup was asked for, else None."""
    fmt = sniff(data)
    notes: list[str] = []
    if fmt == "HEIF":
        _register_heif()
    with warnings.catch_warnings(record=True) as caught:
        # Pillow warns about damaged metadata (corrupt EXIF, bad chunks): those become our
        # warnings. Its bomb check only warns below twice its own limit: that one is a refusal.
        warnings.simplefilter("always")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        if Image.MAX_IMAGE_PIXELS is not None and settings.max_pixels > Image.MAX_IMAGE_PIXELS:
            Image.MAX_IMAGE_PIXELS = settings.max_pixels
        img = _open(data, fmt, settings)
        boards: list[dict] = []
        try:
            picture = _normalise(img, fmt, settings, notes, boards)
        finally:
            img.close()
    for message in dict.fromkeys(_one_line(w.message) for w in caught):
        notes.append(f"damaged picture data ignored ({message}); picture used as decoded")
    return picture, notes, (boards[0] if boards else None)


def _open(data: bytes, fmt: str, settings: ImageSettings) -> Image.Image:
    try:
        img = Image.open(io.BytesIO(data), formats=PILLOW_FORMATS[fmt])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses in open(), from the header alone, before slidegen sees the size.
        found = re.search(r"\((\d+) pixels\)", str(exc))
        size = f"{int(found.group(1)) / 1e6:,.0f} megapixels" if found else "too many pixels"
        raise ImageProblem(
            f"picture is {size}, over the limit of {settings.max_pixels / 1e6:g} megapixels "
            "(a decompression bomb?); nothing was decoded"
        ) from None
    except Exception as exc:  # Pillow plugins raise many kinds; all mean "unreadable"
        raise ImageProblem(f"{fmt} picture is truncated or corrupt ({_one_line(exc)})") from None
    width, height = img.size
    if width < 1 or height < 1:
        raise ImageProblem(f"{fmt} picture has no pixels ({width}×{height})")
    if width * height > settings.max_pixels:
        img.close()
        raise ImageProblem(
            f"picture is {width}×{height} = {width * height / 1e6:.0f} megapixels, over the limit of "
            f"{settings.max_pixels / 1e6:g} megapixels (raise it with --max-pixels)"
        )
    return img


def _normalise(img: Image.Image, fmt: str, settings: ImageSettings, notes: list[str], boards: list) -> Picture:
    orientation = _orientation(img, notes)
    icc = img.info.get("icc_profile")
    turned = orientation in (5, 6, 7, 8)
    box = (settings.box_height, settings.box_width) if turned else (settings.box_width, settings.box_height)
    if settings.whiteboard:
        # Decode enough pixels that the board, cropped out, still fills the slide; the
        # whiteboard step sizes the picture itself.
        box = (round(box[0] / BOARD_SIDE), round(box[1] / BOARD_SIDE))
    target = fit(img.size, box)
    if fmt in ("JPEG", "MPO") and target != img.size:
        # DCT scaling: libjpeg decodes straight to 1/2, 1/4 or 1/8 size, at most 10% below the box.
        # (At least 1 px each way: a strip 40 × 23,000 px fits the box 1 px wide, and Pillow
        # divides by the requested size.)
        img.draft(img.mode, (max(1, int(target[0] * DRAFT_SLACK)), max(1, int(target[1] * DRAFT_SLACK))))
    try:
        img.load()
    except Image.DecompressionBombError as exc:
        raise ImageProblem(f"picture is too large to decode safely ({_one_line(exc)})") from None
    except Exception as exc:
        raise ImageProblem(f"{fmt} picture is truncated or corrupt ({_one_line(exc)})") from None
    animated = _is_animated(img, fmt)
    out = _to_standard_mode(img)
    target = fit(out.size, box)  # after DCT scaling the picture may already fit: never enlarge it
    if out.size != target and not (settings.whiteboard and out.mode in ("RGB", "L")):
        # After DCT scaling a photo is at most 2× its target, where Hamming is as good as
        # Lanczos to the eye at half its cost (17 vs 36 ms a photo); drawings keep Lanczos.
        resample = Image.Resampling.HAMMING if fmt in _PHOTO_FORMATS else Image.Resampling.LANCZOS
        out = out.resize(target, resample, reducing_gap=3.0)
    if orientation in _TRANSPOSE:
        out = out.transpose(_TRANSPOSE[orientation])
    if icc:
        from slidegen.pictures.colour import to_srgb

        out = to_srgb(out, icc, notes)
    if out is not img:
        img.close()  # turned or converted: the photo as decoded is not needed any more
    if settings.whiteboard and out.mode in ("RGB", "L"):
        from slidegen.pictures.scan import scan

        out, report, found = scan(out, (settings.box_width, settings.box_height), settings.crop, settings.corners)
        notes.extend(found)
        boards.append(report.as_dict())
    elif out.size != fit(out.size, (settings.box_width, settings.box_height)) and settings.whiteboard:
        # A whiteboard picture that cannot be cleaned (it has transparency) is still sized.
        out = out.resize(fit(out.size, (settings.box_width, settings.box_height)), Image.Resampling.LANCZOS)
    if animated:
        notes.append("animated picture: only its first frame is shown")
    return _encode(out, fmt)


def fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled to fit inside ``box`` keeping its aspect; never enlarged, never below 1 px."""
    width, height = size
    scale = min(box[0] / width, box[1] / height, 1.0)
    if scale >= 1.0:
        return size
    return max(1, round(width * scale)), max(1, round(height * scale))


def _orientation(img: Image.Image, notes: list[str]) -> int:
    # Real phone EXIF crashes Pillow in many ways (Pillow #8605, #5580, #4346, #8348), so any
    # failure means "as stored" plus a warning rather than a lost picture.
    try:
        value = img.getexif().get(_ORIENTATION, 1)
    except Exception as exc:
        notes.append(f"unreadable EXIF data ({_one_line(exc)}); picture used as stored")
        return 1
    if value == 1:
        return 1
    if not isinstance(value, int) or value not in _TRANSPOSE:
        notes.append(f"EXIF orientation {value!r} is not one of 1-8; picture used as stored")
        return 1
    return value


def _is_animated(img: Image.Image, fmt: str) -> bool:
    if fmt not in ("GIF", "WEBP", "PNG"):
        return False  # MPO's second frame is a depth map or preview, not animation
    try:
        return bool(getattr(img, "is_animated", False))
    except Exception:
        return False


def _to_standard_mode(img: Image.Image) -> Image.Image:
    """RGB, RGBA or L with 8 bits per channel; CMYK stays CMYK for the colour step when profiled."""
    mode = img.mode
    if mode in ("RGB", "L") and "transparency" in img.info:
        # A PNG with one transparent colour (tRNS): keep it see-through, as browsers show it.
        return _drop_opaque_alpha(img.convert("RGBA"))
    if mode in ("RGB", "L"):
        return img
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-bit greys: scale to 8 bits instead of clipping everything above 255 to white.
        wide = img.convert("I") if mode != "I" else img
        low, high = cast(tuple[int, int], wide.getextrema())  # one band: its (low, high)
        span = 65535 if high > 255 else 255
        return wide.point(lambda v: v * (255 / span)).convert("L")
    if mode == "CMYK" and "icc_profile" in img.info:
        return img
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in img.info
        return _drop_opaque_alpha(img.convert("RGBA")) if has_alpha else img.convert("RGB")
    if mode in ("LA", "La", "RGBa", "RGBA"):
        return _drop_opaque_alpha(img.convert("RGBA"))
    if mode == "1":
        return img.convert("L")
    return img.convert("RGB")


def _drop_opaque_alpha(img: Image.Image) -> Image.Image:
    low, _ = img.getchannel("A").getextrema()
    return img.convert("RGB") if low == 255 else img


def _encode(img: Image.Image, fmt: str) -> Picture:
    if img.mode == "CMYK":
        img = img.convert("RGB")
    img.info.clear()  # Pillow copies comments (and for PNG, profiles) from info into the output
    candidates = []
    if img.mode != "RGBA":
        # Progressive (with optimal Huffman tables): 15% fewer bytes than baseline for about 3 ms
        # more a picture at slide size, and a page that loads pictures apart shows them sooner.
        candidates.append((_save(img, "JPEG", quality=JPEG_QUALITY, progressive=True), "image/jpeg"))
    if img.mode == "RGBA" or fmt not in _PHOTO_FORMATS:
        candidates.append((_save(_palette_if_few(img), "PNG", compress_level=9), "image/png"))
    data, mime = min(candidates, key=lambda c: len(c[0]))
    return Picture(data, mime, img.width, img.height, hashlib.sha256(data).hexdigest())


def _palette_if_few(img: Image.Image) -> Image.Image:
    if img.mode not in ("RGB", "L"):
        return img
    colours = img.getcolors(256)
    if colours is None or img.mode == "L":
        return img
    palette = img.quantize(colors=len(colours), method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    # Median cut is exact when there are no more colours than slots; keep RGB if it ever is not.
    return palette if sorted(palette.convert("RGB").getcolors(256) or ()) == sorted(colours) else img


def _save(img: Image.Image, fmt: str, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def _register_heif() -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        # Named by the package itself: "slidegen" on the package index is someone else's project.
        raise ImageProblem(
            "HEIC/HEIF pictures need pillow-heif: pip install pillow-heif into slidegen's "
            "environment, or pip install '.[heic]' in slidegen's folder (or export the picture "
            "as JPEG)"
        ) from None
    register_heif_opener()


def _one_line(exc: BaseException | str) -> str:
    # "cannot identify image file <_io.BytesIO object at 0x7f…>": the address means nothing to a user.
    text = re.sub(r"\s*<[^<>]* at 0x[0-9a-fA-F]+>", "", " ".join(str(exc).split())) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
