"""Catalogue rows 19–33 (pictures) through the command line: one line naming the post line and the
reference, exit 1 and no output where the row refuses; a valid deck and a warning where it goes on."""

from __future__ import annotations

import io
import os
import struct
import zlib

import pytest
from PIL import Image

from cli_run import cli
from toolkit import image_bytes


def _png_header_bomb(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 5000)) + chunk(b"IEND", b"")
    )


def _saved(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def _animated_gif() -> bytes:
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "green", "blue", "white", "black")]
    return _saved(frames[0], "GIF", save_all=True, append_images=frames[1:])


# row, reference in the post, files beside it, the error's words (None: the deck builds)
REFUSED = [
    (19, "../../etc/passwd", {}, "image path leaves the post's folder: ../../etc/passwd"),
    (19, "/etc/passwd", {}, "image path leaves the post's folder: /etc/passwd"),
    (19, "file:///etc/passwd", {}, "file: URLs are not followed"),
    (19, "..%2F..%2Fetc%2Fpasswd", {}, "image path leaves the post's folder"),
    (19, "C:\\Windows\\win.ini", {}, "image"),
    (21, "gone.png", {}, "image not found: gone.png"),
    (22, "empty.jpg", {"empty.jpg": b""}, "picture file is empty (0 bytes): empty.jpg"),
    (22, "page.jpg", {"page.jpg": b"<html><body>hi</body></html>"}, "not a picture: the file holds HTML: page.jpg"),
    (23, "cut.jpg", {"cut.jpg": image_bytes(400, 300)[:1500]}, "truncated or corrupt"),
    (24, "bomb.png", {"bomb.png": _png_header_bomb(50_000, 50_000)}, "2,500 megapixels, over the limit"),
    (24, "big.png", {"big.png": _png_header_bomb(9000, 7000)}, "9000×7000 = 63 megapixels, over the limit"),
    (
        25,
        "fig.eps",
        {"fig.eps": b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"},
        "EPS files are not supported",
    ),
    (
        29,
        "p.heic",
        {"p.heic": b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 100},
        "HEIF picture is truncated or corrupt",
    ),
    (
        30,
        "s.svg",
        {"s.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'},
        "SVG pictures are not embedded",
    ),
]

BUILT = [
    (
        26,
        {
            "cmyk.jpg": _saved(Image.new("CMYK", (40, 30), (0, 100, 200, 0)), "JPEG"),
            "deep.png": _saved(Image.new("I;16", (40, 30)), "PNG"),
            "la.png": _saved(Image.new("LA", (40, 30)), "PNG"),
        },
        None,
    ),
    (27, {"anim.gif": _animated_gif()}, "only its first frame is shown"),
    (28, {"w.webp": _saved(Image.new("RGB", (40, 30), "red"), "WEBP")}, None),
    (31, {"o9.jpg": image_bytes(40, 30, orientation=9)}, "EXIF orientation 9 is not one of 1-8"),
    (32, {"tall.png": image_bytes(1, 20000, "PNG")}, None),
]


def _deck(tmp_path, body: str, files: dict[str, bytes]):
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "post.md").write_text(f"# T\n\nSlide 1: a\n\n{body}\n", encoding="utf-8")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("row, ref, files, words", REFUSED, ids=[f"row{r[0]}-{r[1][:20]}" for r in REFUSED])
def test_refused_pictures(tmp_path, row, ref, files, words):
    _deck(tmp_path, f"![x]({ref})", files)
    run = cli("build", "deck/post.md", "-o", "out", "--no-cache", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    errors = [line for line in run.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith("deck/post.md:5: error: ") and words in errors[0], run.stderr
    assert "Traceback" not in run.stderr and "0x7f" not in run.stderr
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


def test_row20_symlink_out_of_the_folder(tmp_path):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(image_bytes())
    folder = _deck(tmp_path, "![x](link.jpg)", {})
    (folder / "link.jpg").symlink_to(secret)
    run = cli("build", "deck/post.md", "-o", "out", "--no-cache", cwd=tmp_path)
    assert (
        run.returncode == 1
        and ("deck/post.md:5: error: link.jpg is a symbolic link to a file outside the post's folder") in run.stderr
    )
    run = cli("inspect", "deck/post.md", cwd=tmp_path)  # inspect no longer lists it as fine
    assert (
        run.returncode == 0
        and "deck/post.md:5: warning: building would fail: link.jpg is a symbolic link" in run.stderr
        and "picture: deck/link.jpg" in run.stdout
        and "(refused, see the warning)" in run.stdout
    )


@pytest.mark.parametrize("row, files, warning", BUILT, ids=[f"row{r[0]}" for r in BUILT])
def test_pictures_that_build(tmp_path, row, files, warning):
    body = "\n\n".join(f"Slide {n}: see ![x]({name})" for n, name in enumerate(files, start=2))
    _deck(tmp_path, body, files)
    run = cli("build", "deck/post.md", "-o", "out", "--no-cache", "-f", "pptx,html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    if warning:
        assert warning in run.stderr
    out = tmp_path / "out"
    assert sorted(os.listdir(out)) == ["t.html", "t.pptx"]
    from pptx import Presentation

    pictures = [sh for s in Presentation(out / "t.pptx").slides for sh in s.shapes if hasattr(sh, "image")]
    assert len(pictures) == len(files)


def test_row33_remote_pictures_are_never_fetched(tmp_path):
    _deck(tmp_path, "![x](http://169.254.169.254/latest/meta-data/x.jpg)", {})
    run = cli("build", "deck/post.md", "-o", "out", "--no-cache", "-f", "html", cwd=tmp_path)
    assert run.returncode == 0 and "remote picture not fetched" in run.stderr
    strict = cli("build", "deck/post.md", "-o", "out2", "--no-cache", "-f", "html", "--strict", cwd=tmp_path)
    assert strict.returncode == 1


def test_row31_every_orientation_ends_upright(tmp_path):
    files = {f"o{n}.jpg": image_bytes(60, 40, orientation=n) for n in range(1, 9)}
    body = "\n\n".join(f"Slide {n + 1}: see ![x](o{n}.jpg)" for n in range(1, 9))
    _deck(tmp_path, body, files)
    run = cli("build", "deck/post.md", "-o", "out", "--no-cache", "-f", "html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
