"""Resolving picture references safely and filling the decks' media bags."""

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.errors import InputError
from slidegen.model import Deck, ImageRef, Slide, SourcePos
from slidegen.pictures import process as images
from slidegen.pictures.resolve import prepare_media, resolve, show
from toolkit import image_bytes, make_deck_dir, note

POS = SourcePos("post.md", 34)


def ref(text: str) -> ImageRef:
    return ImageRef(text, POS)


def deck_with(base, *refs, title="Deck", whiteboard=None) -> Deck:
    deck = Deck(title=title, source=SourcePos("post.md", 1), base_dir=base, slug=title.lower(), whiteboard=whiteboard)
    for n, r in enumerate(refs, start=1):
        deck.slides.append(Slide(n, f"S{n}", note("text"), POS.at(n * 10), ImageRef(r, POS.at(n * 10)) if r else None))
    return deck


def options(tmp_path, **kw) -> BuildOptions:
    return BuildOptions(cache_dir=tmp_path / "cache", **({"jobs": 1} | kw))


def quiet() -> Report:
    return Report(stream=None)


# --- resolution -------------------------------------------------------------------------------


def test_a_relative_reference_resolves_inside_the_post_folder(tmp_path):
    make_deck_dir(tmp_path, {"img/a b.png": image_bytes(fmt="PNG")})
    assert resolve(ref("img/a%20b.png"), tmp_path).path == (tmp_path / "img/a b.png").resolve()
    assert resolve(ref("img/a b.png"), tmp_path).path == (tmp_path / "img/a b.png").resolve()


def test_a_missing_picture_is_a_one_line_error_at_the_reference():
    with pytest.raises(InputError) as err:
        resolve(ref("img/a.png"), Path("."))
    assert str(err.value) == "post.md:34: error: image not found: img/a.png"


@pytest.mark.parametrize(
    "text",
    [
        "../secret.png",
        "img/../../secret.png",
        "%2e%2e/secret.png",
        "%2E%2E%2Fsecret.png",
        "..%2Fsecret.png",
    ],
)
def test_paths_that_climb_out_of_the_post_folder_are_refused(tmp_path, text):
    post = tmp_path / "post"
    make_deck_dir(tmp_path, {"secret.png": image_bytes(fmt="PNG"), "post/img/x.png": image_bytes(fmt="PNG")})
    with pytest.raises(InputError, match="^post.md:34: error: image path leaves the post's folder"):
        resolve(ref(text), post)


def test_an_absolute_path_outside_is_refused_even_when_it_exists(tmp_path):
    make_deck_dir(tmp_path, {"secret.png": image_bytes(fmt="PNG")})
    (tmp_path / "post").mkdir()
    with pytest.raises(InputError, match="leaves the post's folder"):
        resolve(ref(str(tmp_path / "secret.png")), tmp_path / "post")
    with pytest.raises(InputError, match="leaves the post's folder"):
        resolve(ref("/etc/passwd"), tmp_path / "post")


def test_a_symlink_pointing_out_of_the_post_folder_is_refused(tmp_path):
    make_deck_dir(tmp_path, {"secret.png": image_bytes(fmt="PNG")})
    (tmp_path / "post").mkdir()
    (tmp_path / "post" / "innocent.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(InputError, match="innocent.png is a symbolic link to a file outside the post's folder"):
        resolve(ref("innocent.png"), tmp_path / "post")
    (tmp_path / "post" / "linked").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(InputError, match="linked/secret.png is a symbolic link to a file outside"):
        resolve(ref("linked/secret.png"), tmp_path / "post")


def test_a_symlink_inside_the_folder_is_followed(tmp_path):
    make_deck_dir(tmp_path, {"post/real.png": image_bytes(fmt="PNG")})
    (tmp_path / "post" / "alias.png").symlink_to(tmp_path / "post" / "real.png")
    assert resolve(ref("alias.png"), tmp_path / "post").path == (tmp_path / "post/real.png").resolve()


@pytest.mark.parametrize(
    "text, message",
    [
        ("file:///etc/passwd", "file: URLs are not followed"),
        ("FILE://localhost/etc/passwd", "file: URLs are not followed"),
        ("javascript:alert(1)", "unsupported picture reference (javascript: links are not followed)"),
        ("ftp://host/a.png", "unsupported picture reference (ftp:"),
    ],
)
def test_other_schemes_are_refused(tmp_path, text, message):
    with pytest.raises(InputError) as err:
        resolve(ref(text), tmp_path)
    assert message in str(err.value) and str(err.value).startswith("post.md:34: error: ")


def test_a_picture_from_an_images_folder_is_allowed(tmp_path):
    make_deck_dir(tmp_path, {"pics/a.png": image_bytes(fmt="PNG")})
    (tmp_path / "post").mkdir()
    assert resolve(ref("a.png"), tmp_path / "post", (tmp_path / "pics",)).path == (tmp_path / "pics/a.png").resolve()
    assert resolve(ref("../pics/a.png"), tmp_path / "post", (tmp_path / "pics",)).path.name == "a.png"


def test_remote_pictures_are_matched_by_name_in_the_images_folders_never_fetched(tmp_path):
    make_deck_dir(tmp_path, {"pics/deep/board%201.jpg": b"x", "pics/deep/board 1.jpg": image_bytes()})
    found = resolve(ref("https://example.com/uploads/board%201.jpg?w=600"), tmp_path, (tmp_path / "pics",))
    assert found.path == (tmp_path / "pics/deep/board 1.jpg").resolve()
    assert resolve(ref("http://169.254.169.254/latest/meta-data"), tmp_path, (tmp_path / "pics",)) is None


def test_data_uris_are_decoded(tmp_path):
    png = image_bytes(fmt="PNG")
    uri = "data:image/png;base64," + base64.b64encode(png).decode()
    assert resolve(ref(uri), tmp_path).data == png
    with pytest.raises(InputError, match="data: URI is not valid base64"):
        resolve(ref("data:image/png;base64,@@@@"), tmp_path)


def test_references_are_shown_on_one_line():
    assert show("a\nb\x1b.png") == "a\\nb\\x1b.png"
    assert show("data:image/png;base64," + "A" * 5000).startswith("data:image/png;base64,... (")
    assert len(show("x" * 500)) == 120
    assert "\n" not in show("data:image/png\n;base64," + "A" * 10)


def test_a_folder_is_not_a_picture(tmp_path):
    (tmp_path / "img.png").mkdir()
    with pytest.raises(InputError, match="^post.md:34: error: image is not a file: img.png$"):
        resolve(ref("img.png"), tmp_path)


def test_a_data_uri_picture_reaches_the_media_bag(tmp_path):
    uri = "data:image/png;base64," + base64.b64encode(image_bytes(30, 20, fmt="PNG")).decode()
    deck = deck_with(tmp_path, uri)
    assert prepare_media([deck], options(tmp_path), quiet()) == []
    assert (deck.media[uri].width, deck.media[uri].height) == (30, 20)


# --- prepare_media ----------------------------------------------------------------------------


def test_prepare_media_fills_the_media_bag_once_per_distinct_picture(tmp_path, monkeypatch):
    make_deck_dir(tmp_path, {"a.jpg": image_bytes(4032, 3024), "b.png": image_bytes(fmt="PNG")})
    calls = []
    real = images.process_board
    monkeypatch.setattr(images, "process_board", lambda data, s: calls.append(len(data)) or real(data, s))
    one = deck_with(tmp_path, "a.jpg", "b.png", "./a.jpg", title="One")
    two = deck_with(tmp_path, "a.jpg", None, title="Two")
    failures = prepare_media([one, two], options(tmp_path, use_cache=False), quiet())
    assert failures == []
    assert len(calls) == 2
    assert set(one.media) == {"a.jpg", "b.png", "./a.jpg"} and set(two.media) == {"a.jpg"}
    assert one.media["a.jpg"] is one.media["./a.jpg"]
    assert (one.media["a.jpg"].width, one.media["a.jpg"].height) == (
        1008,
        756,
    )  # the picture area at 1920 px, by 1/4-scale DCT decoding


def test_a_failing_deck_is_returned_with_its_first_error_and_others_go_on(tmp_path):
    make_deck_dir(
        tmp_path, {"good.jpg": image_bytes(), "bad.png": b"just some words\n", "cut.jpg": image_bytes(300, 200)[:400]}
    )
    bad = deck_with(tmp_path, "good.jpg", "bad.png", "cut.jpg", title="Bad")
    good = deck_with(tmp_path, "good.jpg", title="Good")
    failures = prepare_media([bad, good], options(tmp_path), quiet())
    assert [(d.title, str(e)) for d, e in failures] == [
        ("Bad", "post.md:20: error: not a picture: the file holds text: bad.png")
    ]
    assert bad.media == {} and set(good.media) == {"good.jpg"}


def test_a_missing_picture_fails_its_deck(tmp_path):
    deck = deck_with(tmp_path, "img/a.png")
    [(failed, err)] = prepare_media([deck], options(tmp_path), quiet())
    assert failed is deck and str(err) == "post.md:10: error: image not found: img/a.png"


def test_a_truncated_jpeg_names_the_file_and_line(tmp_path):
    make_deck_dir(tmp_path, {"cut.jpg": image_bytes(300, 200)[:400]})
    [(_, err)] = prepare_media([deck_with(tmp_path, "cut.jpg")], options(tmp_path), quiet())
    assert str(err).startswith("post.md:10: error: JPEG picture is truncated or corrupt (")
    assert str(err).endswith("): cut.jpg")


def test_an_unfetched_remote_picture_warns_and_makes_a_text_slide(tmp_path):
    deck = deck_with(tmp_path, "https://example.com/a.jpg")
    report = quiet()
    assert prepare_media([deck], options(tmp_path), report) == []
    assert deck.slides[0].image is None and deck.media == {}
    assert [str(w) for w in report.warnings] == [
        "post.md:10: warning: remote picture not fetched (slidegen never downloads): https://example.com/a.jpg; "
        "put a copy in a folder given with --images; text slide instead"
    ]


def test_picture_warnings_reach_the_report_once_with_the_reference_line(tmp_path):
    make_deck_dir(tmp_path, {"odd.jpg": image_bytes(orientation=9)})
    report = quiet()
    deck = deck_with(tmp_path, "odd.jpg", "odd.jpg")
    prepare_media([deck], options(tmp_path, jobs=2), report)
    assert [str(w) for w in report.warnings] == [
        "post.md:10: warning: odd.jpg: EXIF orientation 9 is not one of 1-8; picture used as stored"
    ]


def test_worker_processes_give_the_same_pictures_as_one_process(tmp_path):
    files = {f"p{i}.jpg": image_bytes(900 + i, 700, orientation=i % 8 + 1) for i in range(5)}
    make_deck_dir(tmp_path, files)
    alone, pooled = deck_with(tmp_path, *files), deck_with(tmp_path, *files)
    prepare_media([alone], options(tmp_path, use_cache=False, jobs=1), quiet())
    prepare_media([pooled], options(tmp_path, use_cache=False, jobs=2), quiet())
    assert alone.media == pooled.media and len(pooled.media) == 5


def test_whiteboard_cleanup_follows_the_front_matter_per_deck(tmp_path):
    img = Image.new("RGB", (200, 150), (170, 170, 160))
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    make_deck_dir(tmp_path, {"board.jpg": buf.getvalue()})
    plain, board = (
        deck_with(tmp_path, "board.jpg", title="P"),
        deck_with(tmp_path, "board.jpg", title="B", whiteboard=True),
    )
    prepare_media([plain, board], options(tmp_path), quiet())

    def grey(d):
        return Image.open(io.BytesIO(d.media["board.jpg"].data)).convert("L").getpixel((100, 75))

    assert grey(plain) < 200 and grey(board) == 255
