"""Whiteboard cleanup flattens uneven light, whitens the board and keeps (deepens) the strokes."""

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat

from slidegen.pictures.whiteboard import clean_board, estimate_background

SIZE = (480, 360)
STROKES = [((40, 60), (440, 80), (40, 40, 60)), ((60, 300), (420, 120), (40, 40, 60)),
           ((30, 200), (450, 220), (190, 30, 30))]


def board(dark_side=140, bright_side=232) -> tuple[Image.Image, Image.Image]:
    """A photographed board lit from the right (a smooth gradient with a warm cast) and its stroke mask."""
    ramp = Image.linear_gradient("L").rotate(90).resize(SIZE)
    light = ramp.point(lambda v: dark_side + v * (bright_side - dark_side) // 255)
    img = Image.merge("RGB", (light, light, light.point(lambda v: v - 10)))
    mask = Image.new("L", SIZE, 0)
    draw, mark = ImageDraw.Draw(img), ImageDraw.Draw(mask)
    for start, end, colour in STROKES:
        # marker ink is darker where the board is lit less, like a photo of real strokes
        colour = tuple(c * (dark_side + bright_side) // (2 * 232) for c in colour)
        draw.line([start, end], fill=colour, width=5)
        mark.line([start, end], fill=255, width=5)
    return img, mask


def spread(img: Image.Image, where: Image.Image) -> float:
    """How far the board's grey level wanders: 95th minus 5th percentile over ``where``."""
    grey = img.convert("L")
    values = sorted(v for v, m in zip(grey.get_flattened_data(), where.get_flattened_data()) if m)
    return values[len(values) * 95 // 100] - values[len(values) * 5 // 100]


def mean_grey(img: Image.Image, where: Image.Image) -> float:
    return ImageStat.Stat(img.convert("L"), where).mean[0]


def masks(stroke_mask: Image.Image) -> tuple[Image.Image, Image.Image]:
    core = stroke_mask.filter(ImageFilter.MinFilter(3))
    board_only = ImageChops.invert(stroke_mask.filter(ImageFilter.MaxFilter(9)))
    return core, board_only


def test_cleanup_flattens_and_whitens_the_board():
    img, stroke_mask = board()
    _, board_only = masks(stroke_mask)
    before = spread(img, board_only)
    after_img = clean_board(img)
    after = spread(after_img, board_only)
    assert before > 80
    assert after <= 6, (before, after)
    assert mean_grey(after_img, board_only) >= 250


def test_cleanup_keeps_the_strokes_and_makes_them_darker():
    img, stroke_mask = board()
    core, board_only = masks(stroke_mask)
    cleaned = clean_board(img)
    contrast_before = mean_grey(img, board_only) - mean_grey(img, core)
    contrast_after = mean_grey(cleaned, board_only) - mean_grey(cleaned, core)
    assert mean_grey(cleaned, core) <= mean_grey(img, core)
    assert contrast_after > contrast_before + 20


def test_marker_colours_survive():
    img, _ = board()
    r, g, b = clean_board(img).getpixel((240, 210))  # on the red stroke
    assert r > 150 and g < 40 and b < 40


def test_a_dim_board_is_still_whitened():
    img, stroke_mask = board(dark_side=60, bright_side=110)
    _, board_only = masks(stroke_mask)
    cleaned = clean_board(img)
    assert spread(cleaned, board_only) <= 6 and mean_grey(cleaned, board_only) >= 250


def test_grey_pictures_are_cleaned_too():
    img, stroke_mask = board()
    core, board_only = masks(stroke_mask)
    cleaned = clean_board(img.convert("L"))
    assert cleaned.mode == "L" and cleaned.size == SIZE
    assert mean_grey(cleaned, board_only) >= 250 and mean_grey(cleaned, core) < 80


def test_the_background_estimate_ignores_the_strokes():
    img, stroke_mask = board()
    core, _ = masks(stroke_mask)
    background = estimate_background(img)
    # Under a stroke the estimate is the board's light there, not the ink.
    assert mean_grey(background, core) > 150


def test_a_dark_wall_around_the_board_does_not_wash_out_the_strokes():
    """A real snapshot shows the wall around the board; the strokes must still come out darker."""
    from pathlib import Path

    from PIL import ImageOps

    photo = Path(__file__).parents[2] / "decks" / "social-media-society" / "slide-5.jpg"
    img = ImageOps.exif_transpose(Image.open(photo)).convert("RGB")
    img.thumbnail((800, 800))
    grey, level = img.convert("L"), estimate_background(img).convert("L")
    strokes = Image.eval(ImageChops.subtract(level, grey), lambda v: 255 if v > 60 else 0)
    assert ImageStat.Stat(strokes).mean[0] > 1  # there are strokes to judge by
    assert mean_grey(clean_board(img), strokes) < mean_grey(img, strokes)


def test_the_wall_around_the_board_is_left_as_photographed():
    img, _ = board(dark_side=200, bright_side=225)
    framed = Image.new("RGB", (img.width + 200, img.height + 200), (70, 80, 60))
    framed.paste(img, (100, 100))
    cleaned = clean_board(framed)
    corner = (0, 0, 40, 40)
    before = ImageStat.Stat(framed.crop(corner)).mean
    after = ImageStat.Stat(cleaned.crop(corner)).mean
    assert all(abs(a - b) < 3 for a, b in zip(before, after)), (before, after)
    assert mean_grey(cleaned.crop((480, 400, 530, 440)), Image.new("L", (50, 40), 255)) > 245  # the board itself


def test_the_wall_right_beside_the_board_does_not_glow_and_the_board_is_white_to_its_edge():
    """The old cleanup whitened a band of wall around the board into a tinted glow."""
    img, _ = board(dark_side=190, bright_side=225)
    wall = (120, 130, 95)  # a lit wall, about 0.6 of the board's light
    framed = Image.new("RGB", (img.width + 200, img.height + 200), wall)
    framed.paste(img, (100, 100))
    cleaned = clean_board(framed)
    for band in [(100, 70, 580, 92), (60, 100, 92, 460), (100, 468, 580, 490), (588, 100, 620, 460)]:
        before, after = ImageStat.Stat(framed.crop(band)).mean, ImageStat.Stat(cleaned.crop(band)).mean
        assert all(abs(a - b) < 6 for a, b in zip(before, after)), (band, before, after)
    inside = Image.new("L", (480, 12), 255)
    assert mean_grey(cleaned.crop((100, 103, 580, 115)), inside) > 240  # the board's top rows
