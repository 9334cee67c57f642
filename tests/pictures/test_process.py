"""Picture processing: orientation, refusals, colour, sizing, metadata and encoding."""

import io
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms

from slidegen.pictures.process import ImageProblem, ImageSettings, fit, process
from toolkit import examples, image_bytes

SETTINGS = ImageSettings(box_width=1920, box_height=1080)


def decode(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def quadrants(img: Image.Image) -> tuple[bool, bool, bool, bool]:
    """Which quarter centres are dark: top-left, top-right, bottom-left, bottom-right."""
    w, h = img.size
    points = [(w // 4, h // 4), (3 * w // 4, h // 4), (w // 4, 3 * h // 4), (3 * w // 4, 3 * h // 4)]
    return tuple(sum(img.convert("RGB").getpixel(p)) < 150 for p in points)


# The toolkit's picture is dark in its stored top-left quarter; where that quarter must end up
# once the EXIF orientation is applied (TIFF/EXIF 2.32, tag 0x0112).
UPRIGHT_DARK = {
    1: (True, False, False, False),
    2: (False, True, False, False),
    3: (False, False, False, True),
    4: (False, False, True, False),
    5: (True, False, False, False),
    6: (False, True, False, False),
    7: (False, False, False, True),
    8: (False, False, True, False),
}


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_applied_to_the_pixels(orientation):
    picture, notes = process(image_bytes(64, 48, orientation=orientation), SETTINGS)
    img = decode(picture.data)
    expected_size = (48, 64) if orientation >= 5 else (64, 48)
    assert img.size == expected_size == (picture.width, picture.height)
    assert quadrants(img) == UPRIGHT_DARK[orientation]
    assert notes == []
    assert 0x0112 not in img.getexif()


@pytest.mark.parametrize("value", [0, 9, 300])
def test_an_orientation_outside_1_to_8_warns_and_keeps_the_picture_as_stored(value):
    picture, notes = process(image_bytes(64, 48, orientation=value), SETTINGS)
    assert quadrants(decode(picture.data)) == UPRIGHT_DARK[1]
    assert notes == [f"EXIF orientation {value} is not one of 1-8; picture used as stored"]


def test_malformed_exif_warns_and_keeps_the_picture():
    good = image_bytes(64, 48, orientation=6)
    # Point the IFD offset far past the end of the EXIF block.
    start = good.index(b"Exif\x00\x00") + 6
    broken = good[: start + 4] + b"\xff\xff\xff\x7f" + good[start + 8 :]
    picture, notes = process(broken, SETTINGS)
    assert decode(picture.data).size == (64, 48)
    assert len(notes) == 1 and "EXIF" in notes[0] and "picture used as" in notes[0]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "picture file is empty (0 bytes)"),
        (b"hello, I am a text file\n", "not a picture: the file holds text"),
        (b"<!DOCTYPE html><html><body>404</body></html>", "not a picture: the file holds HTML"),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "SVG pictures are not embedded",
        ),
        (b"<svg onload='alert(1)'></svg>", "SVG pictures are not embedded"),
        (b"%PDF-1.7\n...", "PDF files are not supported"),
        (b"8BPS\x00\x01" + bytes(40), "Photoshop PSD files are not supported"),
        (bytes(range(256)) * 4, "not a picture in a supported format"),
    ],
)
def test_refused_bytes_say_what_they_are(data, message):
    with pytest.raises(ImageProblem) as err:
        process(data, SETTINGS)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_a_truncated_jpeg_is_refused_not_padded():
    data = image_bytes(400, 300)
    with pytest.raises(ImageProblem, match="^JPEG picture is truncated or corrupt"):
        process(data[: len(data) // 2], SETTINGS)


def test_a_truncated_png_is_refused():
    data = image_bytes(300, 200, fmt="PNG", color=(1, 2, 3))
    with pytest.raises(ImageProblem, match="^PNG picture is truncated or corrupt"):
        process(data[:-40], SETTINGS)


def test_the_pixel_cap_is_checked_from_the_header_before_decoding():
    data = image_bytes(400, 300, fmt="PNG")
    with pytest.raises(ImageProblem) as err:
        process(data, ImageSettings(max_pixels=100_000))
    assert str(err.value) == (
        "picture is 400×300 = 0 megapixels, over the limit of 0.1 megapixels (raise it with --max-pixels)"
    )


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_a_decompression_bomb_is_refused_from_its_header():
    # A 30000×30000 PNG header with no real data: 900 megapixels announced (written by hand, as an
    # attacker would, rather than by compressing 900 megapixels first).
    header = struct.pack(">IIBBBBB", 30000, 30000, 1, 0, 0, 0, 0)  # 1-bit grey
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + _png_chunk(b"IEND", b"")
    )
    with pytest.raises(Image.DecompressionBombError, match="900000000 pixels"):  # a header Pillow reads
        Image.open(io.BytesIO(bomb))
    with pytest.raises(ImageProblem, match="too large to decode safely|over the limit"):
        process(bomb, SETTINGS)


def test_heic_without_the_extra_says_how_to_get_it(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_heif(name, *args, **kwargs):
        if name == "pillow_heif":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_heif)
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
    with pytest.raises(ImageProblem, match=r"need pillow-heif: pip install pillow-heif into slidegen's environment"):
        process(heic, SETTINGS)


def test_large_photos_are_downscaled_into_the_slide_box_and_never_upscaled():
    big, _ = process(image_bytes(4032, 3024), SETTINGS)
    assert (big.width, big.height) == (1440, 1080)
    tall, _ = process(image_bytes(3024, 4032), SETTINGS)
    # 1/4-scale DCT decoding lands within 10% of the 810×1080 box, so no resample follows
    assert (tall.width, tall.height) == (756, 1008)
    small, _ = process(image_bytes(300, 200), SETTINGS)
    assert (small.width, small.height) == (300, 200)


def test_a_jpeg_strip_that_fits_the_box_one_pixel_wide_is_processed():
    # found by fuzzing: the DCT-scaling request rounded to 0 px and Pillow divided by it
    strip, _ = process(image_bytes(10, 23_000), SETTINGS)
    assert (strip.width, strip.height) == (1, 1080)


def test_a_rotated_phone_photo_is_fitted_after_turning_upright():
    picture, _ = process(image_bytes(4032, 3024, orientation=6), SETTINGS)
    assert (picture.width, picture.height) == (756, 1008)
    assert quadrants(decode(picture.data)) == UPRIGHT_DARK[6]


def test_the_default_box_is_the_picture_area_under_the_title():
    settings = ImageSettings.for_width(1920, 50_000_000, False)
    assert (settings.box_width, settings.box_height) == (1776, 806)
    for size, expected in (((4032, 3024), (1008, 756)), ((3264, 2448), (1075, 806)), ((8064, 6048), (1008, 756))):
        picture, _ = process(image_bytes(*size), settings)
        assert (picture.width, picture.height) == expected


def test_fit_keeps_the_aspect_and_never_goes_below_one_pixel():
    assert fit((4000, 3000), (1920, 1080)) == (1440, 1080)
    assert fit((1, 100_000), (1920, 1080)) == (1, 1080)
    assert fit((100_000, 1), (1920, 1080)) == (1920, 1)
    assert fit((50, 50), (1920, 1080)) == (50, 50)


def test_metadata_is_stripped_from_the_output():
    img = Image.new("RGB", (200, 100), (90, 120, 30))
    exif = Image.Exif()
    exif[0x010F] = "SecretPhoneMaker"
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 12.0)  # GPSLatitude
    buf = io.BytesIO()
    img.save(
        buf,
        "JPEG",
        exif=exif.tobytes(),
        comment=b"private comment",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )
    data = buf.getvalue()
    assert b"SecretPhoneMaker" in data and b"private comment" in data
    picture, _ = process(data, SETTINGS)
    for marker in (b"Exif", b"SecretPhoneMaker", b"private comment", b"ICC_PROFILE", b"http://ns.adobe.com"):
        assert marker not in picture.data
    out = decode(picture.data)
    assert not out.getexif() and "icc_profile" not in out.info


def test_a_png_with_text_chunks_comes_out_without_them():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Someone Private")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS</x:xmpmeta>")
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (1, 2, 3)).save(buf, "PNG", pnginfo=info)
    picture, _ = process(buf.getvalue(), SETTINGS)
    assert b"Someone Private" not in picture.data and b"xmpmeta" not in picture.data


def test_display_p3_is_converted_to_srgb():
    # Pure P3 green lies outside sRGB: after conversion red must drop to 0 and green stay high,
    # while the untouched bytes would read as sRGB (0, 255, 0) exactly.
    p3 = _display_p3_profile()
    img = Image.new("RGB", (32, 32), (255, 0, 0))
    buf = io.BytesIO()
    img.save(buf, "PNG", icc_profile=p3)
    picture, notes = process(buf.getvalue(), SETTINGS)
    r, g, b = decode(picture.data).convert("RGB").getpixel((5, 5))
    assert notes == []
    assert r == 255 and g < 40 and b < 40  # P3 red is more saturated than sRGB red: clipped
    img = Image.new("RGB", (32, 32), (200, 120, 90))
    buf = io.BytesIO()
    img.save(buf, "PNG", icc_profile=p3)
    picture, _ = process(buf.getvalue(), SETTINGS)
    assert decode(picture.data).convert("RGB").getpixel((5, 5)) != (200, 120, 90)


def _display_p3_profile() -> bytes:
    """A minimal ICC v2 matrix/TRC profile with Display P3's D50-adapted primaries."""
    import struct

    def s15(v):
        return struct.pack(">i", round(v * 65536))

    def xyz(x, y, z):
        return b"XYZ " + bytes(4) + s15(x) + s15(y) + s15(z)

    name = b"Display P3 (test)\x00"
    desc = b"desc" + bytes(4) + struct.pack(">I", len(name)) + name + bytes(4 + 4 + 2 + 1 + 67)
    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, round(2.2 * 256)) + bytes(2)
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.964203, 1.0, 0.824905)),
        (b"rXYZ", xyz(0.515121, 0.241196, -0.001053)),
        (b"gXYZ", xyz(0.291977, 0.692245, 0.041885)),
        (b"bXYZ", xyz(0.157104, 0.066574, 0.784073)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        data += bytes(-len(data) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + bytes(4)
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + bytes(12)
        + b"acsp"
        + bytes(4 + 4 + 4 + 4 + 8 + 4)
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + bytes(4 + 44)
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


def test_a_broken_colour_profile_warns_and_keeps_the_colours():
    buf = io.BytesIO()
    Image.new("RGB", (20, 20), (10, 200, 30)).save(buf, "PNG", icc_profile=b"not a profile at all")
    picture, notes = process(buf.getvalue(), SETTINGS)
    assert decode(picture.data).convert("RGB").getpixel((3, 3)) == (10, 200, 30)
    assert len(notes) == 1 and notes[0].startswith("colour profile could not be applied")


@pytest.mark.parametrize(
    "mode, color",
    [
        ("CMYK", (0, 255, 255, 0)),
        ("LA", (128, 255)),
        ("P", 3),
        ("1", 1),
        ("I;16", 65535),
        ("L", 77),
        ("RGBA", (10, 20, 30, 255)),
    ],
)
def test_odd_colour_modes_become_rgb_or_grey(mode, color):
    img = Image.new(mode, (30, 20), color)
    fmt = "TIFF" if mode in ("CMYK", "I;16") else "PNG"
    buf = io.BytesIO()
    img.save(buf, fmt)
    picture, _ = process(buf.getvalue(), SETTINGS)
    assert decode(picture.data).mode in ("RGB", "L", "P")
    if mode == "I;16":
        assert decode(picture.data).convert("L").getpixel((0, 0)) == 255
    if mode == "CMYK":
        assert decode(picture.data).convert("RGB").getpixel((0, 0))[0] > 200  # red, not cyan


def test_transparency_is_kept_as_png():
    img = Image.new("RGBA", (40, 40), (255, 0, 0, 0))
    img.paste((0, 0, 255, 255), (10, 10, 30, 30))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    picture, _ = process(buf.getvalue(), SETTINGS)
    assert picture.mime == "image/png"
    out = decode(picture.data).convert("RGBA")
    assert out.getpixel((0, 0))[3] == 0 and out.getpixel((20, 20)) == (0, 0, 255, 255)


def test_photos_become_jpeg_and_flat_drawings_png():
    photo, _ = process(image_bytes(800, 600), SETTINGS)
    assert photo.mime == "image/jpeg"
    with Image.open(io.BytesIO(photo.data)) as jpeg:
        assert jpeg.info.get("progressive") and jpeg.info.get("progression")  # quality ≈ 85, progressive
    drawing = Image.new("RGB", (800, 600), "white")
    drawing.paste((0, 0, 0), (100, 100, 700, 110))
    buf = io.BytesIO()
    drawing.save(buf, "PNG")
    flat, _ = process(buf.getvalue(), SETTINGS)
    assert flat.mime == "image/png"
    assert decode(flat.data).convert("RGB").getcolors() == drawing.getcolors()


def test_gif_first_frame_and_an_animation_warning():
    frames = [Image.new("RGB", (20, 20), c) for c in ("red", "green", "blue")]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    picture, notes = process(buf.getvalue(), SETTINGS)
    assert (picture.width, picture.height) == (20, 20)
    assert notes == ["animated picture: only its first frame is shown"]


@pytest.mark.parametrize("fmt", ["WEBP", "BMP", "TIFF", "GIF"])
def test_other_allowed_formats_are_read(fmt):
    picture, _ = process(image_bytes(50, 40, fmt=fmt), SETTINGS)
    assert (picture.width, picture.height) == (50, 40)


def test_the_same_input_gives_the_same_bytes():
    data = image_bytes(900, 700)
    assert process(data, SETTINGS)[0] == process(data, SETTINGS)[0]


def test_heic_photos_are_decoded_upright_with_the_extra_installed():
    import pillow_heif

    pillow_heif.register_heif_opener()
    img = Image.new("RGB", (64, 48), (200, 40, 40))
    img.paste((10, 10, 10), (0, 0, 32, 24))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 12.0)
    buf = io.BytesIO()
    img.save(buf, "HEIF", quality=95, exif=exif.tobytes())
    picture, notes = process(buf.getvalue(), SETTINGS)
    out = decode(picture.data)
    assert out.size == (48, 64) and quadrants(out) == UPRIGHT_DARK[6] and notes == []
    assert picture.mime == "image/jpeg" and b"Exif" not in picture.data


def test_a_phone_mpo_gives_its_main_picture_without_an_animation_warning():
    main = Image.new("RGB", (80, 60), (30, 160, 60))
    preview = Image.new("RGB", (40, 30), (255, 255, 255))
    buf = io.BytesIO()
    main.save(buf, "MPO", save_all=True, append_images=[preview])
    assert Image.open(io.BytesIO(buf.getvalue())).format == "MPO"
    picture, notes = process(buf.getvalue(), SETTINGS)
    assert (picture.width, picture.height) == (80, 60) and notes == []
    r, g, b = decode(picture.data).getpixel((40, 30))
    assert g > 130 and r < 60


def test_a_cmyk_jpeg_keeps_its_colours():
    buf = io.BytesIO()
    Image.new("CMYK", (40, 30), (0, 255, 255, 0)).save(buf, "JPEG", quality=95)
    picture, _ = process(buf.getvalue(), SETTINGS)
    r, g, b = decode(picture.data).convert("RGB").getpixel((20, 15))
    assert r > 220 and g < 40 and b < 40


_SEEDS = {
    fmt: image_bytes(24, 16, fmt=fmt, orientation=6 if fmt == "JPEG" else None)
    for fmt in ("JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF")
}


@settings(max_examples=examples(150), deadline=None)
@given(
    fmt=st.sampled_from(sorted(_SEEDS)),
    cuts=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=6),
    keep=st.integers(0, 10_000),
)
def test_damaged_pictures_end_in_a_picture_or_our_problem_never_anything_else(fmt, cuts, keep):
    data = bytearray(_SEEDS[fmt])
    for where, value in cuts:
        data[where % len(data)] = value
    data = bytes(data[: max(1, keep % (len(data) + 1))])
    try:
        picture, notes = process(data, SETTINGS)
    except ImageProblem as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert picture.width >= 1 and picture.mime in ("image/jpeg", "image/png")
        assert all("\n" not in n for n in notes)


@pytest.mark.parametrize("mode, key, colour", [("RGB", (255, 0, 255), (255, 0, 255)), ("L", 7, 7)])
def test_a_png_with_one_transparent_colour_stays_transparent(mode, key, colour):
    img = Image.new(mode, (40, 30), (20, 120, 40) if mode == "RGB" else 200)
    img.paste(colour, (0, 0, 20, 30))  # the left half is the transparent colour (a tRNS chunk)
    raw = io.BytesIO()
    img.save(raw, "PNG", transparency=key)
    picture, _ = process(raw.getvalue(), SETTINGS)
    out = decode(picture.data).convert("RGBA")
    assert picture.mime == "image/png"
    assert out.getpixel((5, 15))[3] == 0 and out.getpixel((35, 15))[3] == 255
