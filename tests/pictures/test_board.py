"""Finding and straightening the board, on 13 real phone photos whose corners were marked by hand."""

import io
import json
import math
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageOps

from slidegen.pictures.board import aspect_ratio, find_board, straighten
from slidegen.pictures.process import process, process_board
from slidegen.pictures.settings import ImageSettings

DATA = Path(__file__).parents[1] / "data"
PHOTOS = DATA / "whiteboards"
MARKED = {k: v for k, v in json.loads((PHOTOS / "corners.json").read_text()).items() if not k.startswith("_")}
#: Detected corners must lie this close to the marked ones (fraction of the photo's diagonal).
CLOSE = 0.03
SLIDE = ImageSettings.for_width(1920, 50_000_000, True)


@cache
def upright(name: str) -> np.ndarray:
    return np.asarray(ImageOps.exif_transpose(Image.open(PHOTOS / name)).convert("RGB"))


@cache
def slide_picture(name: str) -> tuple[np.ndarray, dict, tuple[str, ...]]:
    picture, notes, board = process_board((PHOTOS / name).read_bytes(), SLIDE)
    return np.asarray(Image.open(io.BytesIO(picture.data)).convert("RGB")), board, tuple(notes)


def grey(rgb: np.ndarray) -> np.ndarray:
    return rgb @ np.array([0.299, 0.587, 0.114])


def outer_band(shape, fraction=0.04) -> np.ndarray:
    h, w = shape[:2]
    band = np.ones((h, w), bool)
    band[round(h * fraction) : h - round(h * fraction), round(w * fraction) : w - round(w * fraction)] = False
    return band


def area(corners, shape) -> np.ndarray:
    h, w = shape[:2]
    mask = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(mask, (np.array(corners) * [w - 1, h - 1]).round().astype(np.int32), 1)
    return mask.astype(bool)


def test_the_photos_are_all_there_with_their_attribution():
    photos = [p for p in PHOTOS.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png")]
    assert len(photos) == 14 and set(MARKED) == {p.name for p in photos}  # 13 + one rotated copy
    sources = (PHOTOS / "SOURCES.md").read_text()
    assert all(p.name in sources for p in photos if not p.name.startswith("rotated-"))


@pytest.mark.parametrize("name", sorted(MARKED))
def test_the_board_found_is_the_one_marked_by_hand(name):
    marked = MARKED[name]
    rgb = upright(name)
    h, w = rgb.shape[:2]
    found = find_board(rgb)
    if marked["board"] is None:  # all board: nothing to crop
        assert found.corners is None, found
        return
    assert found.corners is not None or marked.get("partial"), found.reason
    if found.corners is None:
        return  # a board running out of the picture may be kept whole
    corners = np.array(found.corners) / [w, h]
    if marked.get("partial"):
        # Cut only at the frame: the visible board is kept, and little that is not board.
        visible, crop = area(marked["board"], rgb.shape), area(corners, rgb.shape)
        assert (visible & crop).sum() / visible.sum() >= 0.97
        assert (crop & ~visible).sum() / crop.sum() <= 0.15
        return
    error = np.hypot(*((corners - marked["board"]) * [w, h]).T) / math.hypot(w, h)
    assert error.max() <= CLOSE, (name, corners.round(3).tolist(), error.round(3).tolist())


def test_exif_orientation_is_applied_before_looking_for_the_board():
    _, turned, _ = slide_picture("rotated-exif6__imagelabs__Whiteboard3.jpg")
    _, plain, _ = slide_picture("imagelabs__Whiteboard3.jpg")
    assert turned["board"] == plain["board"] == "found"
    assert np.abs(np.array(turned["corners"]) - plain["corners"]).max() < 0.01
    assert np.abs(np.array(turned["corners"]) - MARKED["imagelabs__Whiteboard3.jpg"]["board"]).max() < 0.03


def test_straightened_boards_have_their_real_shape_not_the_bounding_box():
    # Whiteboard1 is seen at an angle: its quadrangle is narrow on the right, the board is 4:3-ish.
    rgb, board, _ = slide_picture("imagelabs__Whiteboard1.jpg")
    ratio = rgb.shape[1] / rgb.shape[0]
    front, _, _ = slide_picture("imagelabs__Whiteboard2.jpg")  # the same board, face on
    assert abs(ratio - front.shape[1] / front.shape[0]) < 0.12, (ratio, front.shape)
    h, w = upright("imagelabs__Whiteboard1.jpg").shape[:2]
    corners = np.array(board["corners"]) * [w, h]
    box = np.ptp(corners[:, 0]) / np.ptp(corners[:, 1])
    assert abs(box - front.shape[1] / front.shape[0]) > 0.2  # the bounding box would be wrong


def seen(turn: float, tilt: float, f: float = 800.0) -> np.ndarray:
    """The corners of a 2:1 rectangle 3 units from a pinhole camera, turned and tilted (degrees)."""
    a, b = math.radians(turn), math.radians(tilt)
    turned = np.array([[math.cos(a), 0, math.sin(a)], [0, 1, 0], [-math.sin(a), 0, math.cos(a)]])
    tilted = np.array([[1, 0, 0], [0, math.cos(b), -math.sin(b)], [0, math.sin(b), math.cos(b)]])
    corners = []
    for x, y in ((-1, -0.5), (1, -0.5), (1, 0.5), (-1, 0.5)):
        p = tilted @ turned @ np.array([x, y, 0.0]) + [0, 0, 3.0]
        corners.append((f * p[0] / p[2] + 640, f * p[1] / p[2] + 360))
    return np.array(corners)


def naive(corners: np.ndarray) -> float:
    tl, tr, br, bl = corners
    return (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr))


def test_the_aspect_ratio_of_a_rectangle_seen_in_perspective():
    # Turned and tilted: the focal length follows from the quadrangle, and the ratio is exact.
    corners = seen(35, 20)
    assert abs(naive(corners) - 2) > 0.15
    assert abs(aspect_ratio(corners, 1280, 720) - 2) < 0.02
    # Turned about one axis only: the focal length is assumed (a phone's), still close.
    corners = seen(35, 0)
    assert abs(naive(corners) - 2) > 0.3
    assert abs(aspect_ratio(corners, 1280, 720) - 2) < 0.12
    assert abs(aspect_ratio(seen(0, 0), 1280, 720) - 2) < 0.001  # face on


def test_a_straightened_board_is_the_size_of_the_box_at_most():
    rgb = upright("imagelabs__Whiteboard2.jpg")
    h, w = rgb.shape[:2]
    out = straighten(rgb, np.array(MARKED["imagelabs__Whiteboard2.jpg"]["board"]) * [w, h], (400, 300))
    assert out.shape[1] <= 400 and out.shape[0] <= 300 and max(out.shape[:2]) >= 299


@pytest.mark.parametrize("name", [n for n in sorted(MARKED) if not MARKED[n].get("partial")])
def test_the_outer_edge_of_the_cleaned_picture_is_board_white(name):
    rgb, _, _ = slide_picture(name)
    band = grey(rgb)[outer_band(rgb.shape)]
    assert (band >= 215).mean() >= 0.9, (band >= 215).mean()


def test_in_the_median_photo_the_outer_edge_is_board_white():
    shares = [
        (grey(rgb)[outer_band(rgb.shape)] >= 215).mean()
        for rgb in (slide_picture(n)[0] for n in MARKED if not n.startswith("rotated-"))
    ]
    assert np.median(shares) >= 0.85, shares


@pytest.mark.parametrize("name", sorted(MARKED))
def test_the_writing_is_kept_and_the_background_is_uniformly_white(name):
    rgb, board, _ = slide_picture(name)
    assert board["kept"] >= 0.9 and board["cleanup"] in ("full", "mild"), board
    level = grey(rgb)
    h, w = level.shape
    middle = level[h // 4 : h - h // 4, w // 4 : w - w // 4]
    assert np.median(middle) >= 250  # the middle of the board is white
    background = middle[middle >= 200]
    assert np.percentile(background, 10) >= 235  # and evenly so: no shading, no blotches
    assert (middle < 128).mean() > 0.001  # the writing is still there


@pytest.mark.parametrize(
    "name",
    [
        "whiteboarder__red_black_transition.jpg",
        "clean-whiteboard-images__before.png",
        "ai-fix-messy-whiteboard__demos_3_before.png",
    ],
)
def test_pen_colours_keep_their_hue(name):
    from slidegen.pictures.whiteboard import light_on

    cleaned, board, _ = slide_picture(name)
    photo = photo_as_cleaned(name, board, cleaned.shape)
    assert photo.shape == cleaned.shape
    # Judge colour on the photo with its light divided out (the board's cast is not a pen colour).
    balanced = np.clip(photo / light_on(photo), 0, 1)
    hsv_before = cv2.cvtColor((balanced * 255).astype(np.uint8), cv2.COLOR_RGB2HSV).astype(int)
    hsv_after = cv2.cvtColor(cleaned, cv2.COLOR_RGB2HSV).astype(int)
    inked = (hsv_before[..., 1] > 90) & (hsv_before[..., 2] < 230)
    assert inked.sum() > 200, inked.sum()
    hue_shift = np.abs(hsv_before[..., 0] - hsv_after[..., 0])[inked]
    hue_shift = np.minimum(hue_shift, 180 - hue_shift) * 2  # OpenCV hue is in 2° steps
    assert np.median(hue_shift) <= 12, np.median(hue_shift)
    assert np.median(hsv_after[..., 1][inked]) >= np.median(hsv_before[..., 1][inked])  # no greyer


def photo_as_cleaned(name: str, board: dict, shape: tuple | None = None) -> np.ndarray:
    """The upright photo cut and straightened as its slide picture was, but not cleaned."""
    from slidegen.pictures.scan import _fit

    rgb = upright(name)
    if not board["corners"]:
        return _fit(rgb, (SLIDE.box_width, SLIDE.box_height))
    h, w = rgb.shape[:2]
    photo = straighten(rgb, np.array(board["corners"]) * [w, h], (SLIDE.box_width, SLIDE.box_height))
    if shape is not None and photo.shape != shape and np.abs(np.subtract(photo.shape, shape)).max() <= 1:
        # The corners are reported to 4 decimals: the size may come out a pixel off.
        photo = cv2.resize(photo, (shape[1], shape[0]), interpolation=cv2.INTER_AREA)
    return photo


@pytest.mark.parametrize(
    "name",
    [
        "imagelabs__Whiteboard1.jpg",
        "imagelabs__Whiteboard2.jpg",
        "imagelabs__Whiteboard3.jpg",
        "whiteboarder__just_black_and_green.jpg",
    ],
)
def test_no_blocks_or_halo_along_the_board_edge(name):
    """The old cleanup scaled a 128-px board mask up: stair-steps of whitened wall and a halo over
    the frame along the board's edge. Now, wherever the photo shows bare board in the outer band,
    the slide picture is white, right to its edge."""
    from slidegen.pictures.whiteboard import measure

    cleaned, board, _ = slide_picture(name)
    photo = photo_as_cleaned(name, board, cleaned.shape)
    assert photo.shape == cleaned.shape
    ink = (grey(measure(photo).ratio) < 0.9 * 255).astype(np.uint8)
    bare = cv2.dilate(ink, np.ones((7, 7), np.uint8)) == 0
    where = bare & outer_band(photo.shape)
    assert where.sum() > 0.5 * outer_band(photo.shape).sum()
    assert (grey(cleaned)[where] >= 240).mean() >= 0.99


@pytest.mark.parametrize("name", ["astronaut.jpg", "chelsea-cat.jpg", "rocket-launch.jpg"])
def test_photos_without_a_board_are_left_alone(name):
    data = (DATA / "photos" / name).read_bytes()
    cleaned, notes, board = process_board(data, SLIDE)
    plain, _ = process(data, ImageSettings.for_width(1920, 50_000_000, False))
    assert board["cleanup"] == "left alone" and board["corners"] is None and notes == []
    a, b = (np.asarray(Image.open(io.BytesIO(p.data)).convert("RGB")).astype(int) for p in (cleaned, plain))
    assert a.shape == b.shape and np.abs(a - b).mean() < 2


@pytest.mark.parametrize("size", [(1, 1), (3, 5), (40, 2000), (3000, 12), (9, 9000), (10, 9000)])
def test_tiny_and_extreme_pictures_are_not_cropped_and_do_not_fail(size):
    img = Image.new("RGB", size, (220, 220, 215))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    picture, _, board = process_board(buf.getvalue(), SLIDE)
    assert board["corners"] is None and picture.width >= 1 and picture.height >= 1


@pytest.mark.parametrize(("shape", "fitted"), [((1512, 2016), (756, 1008)), ((1200, 1600), (806, 1075))])
def test_a_whole_photo_is_fitted_by_averaging_and_a_whole_factor_first(shape, fitted):
    """No board (or crop off): a photo decoded at twice the slide's size is halved, each pixel the
    mean of four, to the size a plain build gives it (within 10 % of the box); any other is fitted."""
    from slidegen.pictures.scan import _fit

    rgb = np.random.default_rng(7).integers(0, 256, (*shape, 3), dtype=np.uint8)
    out = _fit(rgb, (SLIDE.box_width, SLIDE.box_height))
    assert out.shape[:2] == fitted
    if shape[0] == 2 * fitted[0]:
        means = rgb.reshape(fitted[0], 2, fitted[1], 2, 3).mean(axis=(1, 3))
        assert np.abs(out - means).max() <= 1


@pytest.mark.parametrize(
    ("photo", "decoded"),
    [
        ((4160, 2340), (2080, 1170)),
        ((3264, 2448), (1632, 1224)),
        ((4032, 3024), (2016, 1512)),
        ((6000, 4000), (3000, 2000)),
    ],
)
def test_a_phone_photo_is_decoded_large_enough_for_the_board_and_no_larger(photo, decoded, monkeypatch):
    """A board filling 70 % of the photo's side, cropped out, still fills the slide; 16:9 and
    8-megapixel photos are not decoded at full size for that (twice the time, and more memory)."""
    import slidegen.pictures.scan as scan_module

    seen = []
    real_scan = scan_module.scan
    monkeypatch.setattr(scan_module, "scan", lambda img, *rest: seen.append(img.size) or real_scan(img, *rest))
    buf = io.BytesIO()
    Image.new("RGB", photo, (200, 200, 195)).save(buf, "JPEG", quality=50)
    process_board(buf.getvalue(), SLIDE)
    assert seen == [decoded]


def test_corners_given_by_hand_override_the_search():
    marked = MARKED["imagelabs__Whiteboard1.jpg"]["board"]
    settings = ImageSettings.for_width(1920, 50_000_000, True, corners=tuple(map(tuple, marked)))
    _, _, board = process_board((PHOTOS / "imagelabs__Whiteboard1.jpg").read_bytes(), settings)
    assert board["board"] == "given"
    assert np.abs(np.array(board["corners"]) - marked).max() < 0.002


@pytest.mark.parametrize(
    "corners", [((0, 0), (5000, 0), (5000, 10), (0, 10)), ((0.1, 0.1), (0.9, 0.9), (0.9, 0.1), (0.5, 0.5))]
)
def test_unusable_corners_given_by_hand_are_warned_about_and_the_board_is_looked_for(corners):
    settings = ImageSettings.for_width(1920, 50_000_000, True, corners=corners)
    _, notes, board = process_board((PHOTOS / "imagelabs__Whiteboard1.jpg").read_bytes(), settings)
    assert board["board"] == "found"
    assert any("corners given in front matter" in note for note in notes)


def test_crop_off_keeps_the_whole_photo():
    settings = ImageSettings.for_width(1920, 50_000_000, True, crop=False)
    picture, _, board = process_board((PHOTOS / "imagelabs__Whiteboard1.jpg").read_bytes(), settings)
    assert board["board"] == "not cropped" and board["corners"] is None
    assert abs(picture.width / picture.height - 16 / 9) < 0.01  # the photo's own shape


def test_crop_and_corners_are_part_of_the_cache_key():
    from slidegen.cache import cache_key

    keys = {
        cache_key("0" * 64, s, 6)
        for s in (
            ImageSettings.for_width(1920, 1, True),
            ImageSettings.for_width(1920, 1, True, crop=False),
            ImageSettings.for_width(1920, 1, True, corners=((0, 0), (1, 0), (1, 1), (0, 1))),
        )
    }
    assert len(keys) == 3


@pytest.mark.parametrize(("ink", "cleanup"), [(120, "full"), (185, "mild"), (185, "none")])
def test_never_worse_than_the_photo(ink, cleanup, monkeypatch):
    """Writing as faint as the cleanup would whiten gets a milder cleanup, or the photo itself, and a warning."""
    from PIL import ImageDraw

    from slidegen.pictures import whiteboard
    from slidegen.pictures.scan import scan

    if cleanup == "none":  # a milder cleanup that loses the writing too: the photo is used
        monkeypatch.setattr(whiteboard, "MILD", whiteboard.FULL)
    img = Image.new("RGB", (800, 450), (200, 200, 196))
    draw = ImageDraw.Draw(img)
    for y in range(60, 420, 40):  # lines of faint "writing" at ink/200 of the board's light
        draw.line([(60, y), (740, y)], fill=(ink, ink, ink - 2), width=3)
    photo = np.asarray(img)  # scan closes the image it is given
    out, report, notes = scan(img, (800, 450), True, None)
    assert report.cleanup == cleanup, report
    if cleanup == "full":
        assert notes == [] and report.kept >= 0.9
    else:
        assert len(notes) == 1 and "writing" in notes[0] and "full cleanup kept" in report.reason
    if cleanup == "none":
        assert np.array_equal(np.asarray(out), photo)


@pytest.mark.parametrize("number", [2, 4, 5, 9])
def test_the_sample_deck_boards_come_out_white_with_their_writing(number):
    """The sample deck's drawn snapshots: the writing kept, the board white."""
    data = (Path(__file__).parents[2] / "decks" / "social-media-society" / f"slide-{number}.jpg").read_bytes()
    picture, _, board = process_board(data, SLIDE)
    rgb = np.asarray(Image.open(io.BytesIO(picture.data)).convert("RGB"))
    assert board["kept"] >= 0.9 and board["cleanup"] in ("full", "mild"), board
    level = grey(rgb)
    assert np.median(level) >= 250 and (level < 128).mean() > 0.002


SAMPLE = Path(__file__).parents[2] / "decks" / "social-media-society"


def test_the_sample_deck_boards_are_cut_at_their_frames():
    """Their boards run out of the picture on a grey wall: each is cut at the frame edges it
    shows, so in the median picture the outer edge is board-white."""
    whites = []
    for number in range(1, 10):
        picture, _, board = process_board((SAMPLE / f"slide-{number}.jpg").read_bytes(), SLIDE)
        rgb = np.asarray(Image.open(io.BytesIO(picture.data)).convert("RGB"))
        whites.append((grey(rgb)[outer_band(rgb.shape)] >= 215).mean())
        assert board["board"] in ("found", "partial"), (number, board)
    assert np.median(whites) >= 0.85, whites


def test_where_a_board_is_cut_does_not_depend_on_the_decode_size():
    """A frame edge is jagged in the search's small copy; the cut was once found at one decode size
    and not at another (4 of these 9 photos agreed). Decoded at full and at half size, the
    corners agree within 1 % of the photo."""
    for number in range(1, 10):
        data = (SAMPLE / f"slide-{number}.jpg").read_bytes()
        found = []
        for scale in (1, 2):
            img = Image.open(io.BytesIO(data))
            img.draft("RGB", (img.width // scale, img.height // scale))
            rgb = np.asarray(ImageOps.exif_transpose(img).convert("RGB"))
            corners = find_board(rgb).corners
            h, w = rgb.shape[:2]
            found.append(None if corners is None else np.array(corners) / [w, h])
        a, b = found
        assert (a is None) == (b is None), (number, a, b)
        if a is not None:
            assert np.abs(a - b).max() < 0.01, (number, a, b)
