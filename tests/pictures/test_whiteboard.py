"""Whiteboard cleanup flattens uneven light, whitens the board, keeps the strokes dark and their colours."""

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat

from slidegen.pictures.whiteboard import FULL, MILD, clean, kept_writing, light_on, measure

SIZE = (480, 360)
STROKES = [
    ((40, 60), (440, 80), (40, 40, 60)),
    ((60, 300), (420, 120), (40, 40, 60)),
    ((30, 200), (450, 220), (190, 30, 30)),
]


def board(dark_side=140, bright_side=232) -> tuple[Image.Image, Image.Image]:
    """A photographed board lit from the right (a smooth gradient with a warm cast) and its stroke mask."""
    ramp = Image.linear_gradient("L").rotate(90).resize(SIZE)
    light = ramp.point(lambda v: dark_side + v * (bright_side - dark_side) // 255)
    img = Image.merge("RGB", (light, light, light.point(lambda v: v - 10)))
    mask = Image.new("L", SIZE, 0)
    draw, mark = ImageDraw.Draw(img), ImageDraw.Draw(mask)
    for start, end, colour in STROKES:
        colour = tuple(c * (dark_side + bright_side) // (2 * 232) for c in colour)
        draw.line([start, end], fill=colour, width=5)
        mark.line([start, end], fill=255, width=5)
    return img, mask


def cleaned(img: Image.Image, strength=FULL) -> Image.Image:
    return Image.fromarray(clean(np.asarray(img), strength))


def spread(img: Image.Image, where: Image.Image) -> float:
    grey = np.asarray(img.convert("L"))[np.asarray(where) > 0]
    return float(np.percentile(grey, 95) - np.percentile(grey, 5))


def mean_grey(img: Image.Image, where: Image.Image) -> float:
    return ImageStat.Stat(img.convert("L"), where).mean[0]


def masks(stroke_mask: Image.Image) -> tuple[Image.Image, Image.Image]:
    core = stroke_mask.filter(ImageFilter.MinFilter(3))
    board_only = ImageChops.invert(stroke_mask.filter(ImageFilter.MaxFilter(9)))
    return core, board_only


def test_cleanup_flattens_and_whitens_the_board():
    img, stroke_mask = board()
    _, board_only = masks(stroke_mask)
    after = cleaned(img)
    assert spread(img, board_only) > 80
    assert spread(after, board_only) <= 2
    assert mean_grey(after, board_only) >= 254


def test_cleanup_keeps_the_strokes_and_makes_them_darker():
    img, stroke_mask = board()
    core, board_only = masks(stroke_mask)
    after = cleaned(img)
    assert mean_grey(after, core) <= mean_grey(img, core)
    contrast_before = mean_grey(img, board_only) - mean_grey(img, core)
    contrast_after = mean_grey(after, board_only) - mean_grey(after, core)
    assert contrast_after > contrast_before + 20


def test_marker_colours_survive_and_get_more_saturated():
    img, _ = board()
    r, g, b = cleaned(img).getpixel((240, 210))  # on the red stroke
    r0, g0, _ = img.getpixel((240, 210))
    assert r > 120 and g < 40 and b < 40
    assert r - g >= r0 - g0


def test_a_dim_board_is_still_whitened():
    img, stroke_mask = board(dark_side=60, bright_side=110)
    _, board_only = masks(stroke_mask)
    after = cleaned(img)
    assert spread(after, board_only) <= 2 and mean_grey(after, board_only) >= 254


def test_the_light_estimate_ignores_the_strokes_and_has_no_blocks():
    img, stroke_mask = board()
    core, _ = masks(stroke_mask)
    light = light_on(np.asarray(img)).mean(axis=2)
    assert light[np.asarray(core) > 0].mean() > 150  # under a stroke: the board's light, not the ink
    # Smooth: along a row, neighbouring pixels never step by more than a grey level or two.
    assert np.abs(np.diff(light, axis=1)).max() < 2.5
    assert np.abs(np.diff(light, axis=0)).max() < 2.5


def test_kept_writing_counts_the_strokes_still_ink():
    img, _ = board()
    rgb = np.asarray(img)
    ratio = measure(rgb).ratio
    assert kept_writing(ratio, clean(rgb)) >= 0.95
    assert kept_writing(ratio, np.full_like(rgb, 255)) == 0.0  # everything whitened: nothing kept


def test_faint_writing_is_kept_by_the_mild_cleanup():
    img = Image.new("RGB", SIZE, (200, 200, 195))
    ImageDraw.Draw(img).line([(40, 180), (440, 180)], fill=(185, 185, 183), width=4)  # 0.925 of the board
    rgb = np.asarray(img)
    ratio = measure(rgb).ratio
    assert kept_writing(ratio, clean(rgb, FULL)) < 0.9
    assert kept_writing(ratio, clean(rgb, MILD)) >= 0.9


def test_writing_through_a_glare_disc_stays_writing():
    """Glare adds light on top of the board's, so ink under it is lighter too (here 150 where it is
    90 elsewhere): its contrast is restored instead of whitened, and the glare itself goes white."""
    h, w = SIZE[1], SIZE[0]
    yy, xx = np.mgrid[0:h, 0:w]
    glare = 90.0 * np.exp(-((xx - w / 2) ** 2 + (yy - h / 2) ** 2) / (2 * 45.0**2))
    ink = np.zeros((h, w), bool)
    for y in range(60, h - 40, 40):
        ink[y : y + 4, 30 : w - 30] = True  # lines of writing running through the disc
    board_light = 160.0
    photo = np.where(ink, 0.35 * board_light, board_light) + glare
    rgb = np.clip(np.repeat(photo[..., None], 3, axis=2), 0, 255).astype(np.uint8)
    out = clean(rgb).astype(float).mean(axis=2)
    in_glare = glare > 45
    assert (in_glare & ink).sum() > 100
    assert np.median(out[in_glare & ink]) <= np.median(out[~in_glare & ink]) + 30
    assert np.median(out[in_glare & ink]) < 110
    board_only = ~np.asarray(Image.fromarray(ink.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(9)), bool)
    assert np.percentile(out[in_glare & board_only], 5) >= 250


def test_the_banded_table_cleanup_is_the_per_pixel_formula_even_where_glare_overshoots():
    """The cleanup looks its factor up in a table and runs in bands; it must give what the formula
    gives for every pixel, also where the smoothly interpolated glare map rises past MAX_GLARE
    (cubic interpolation overshoots) and across band edges; far past it, it must not fail."""
    from dataclasses import replace

    from slidegen.pictures import whiteboard

    rng = np.random.default_rng(7)
    rgb = rng.integers(0, 256, (150, 90, 3), dtype=np.uint8)  # 150 rows: three bands, the last short
    board = measure(rgb)
    glare = np.linspace(1.0, whiteboard.MAX_GLARE + 0.9, 150 * 90, dtype=np.float32).reshape(150, 90)
    out = clean(rgb, FULL, replace(board, glare=glare, on_board=None))
    # The formula, per pixel, over the whole picture at once.
    farthest = 255 - board.ratio.min(axis=2).astype(np.float32)
    corrected = farthest * glare
    assert (corrected > 255 * whiteboard.MAX_GLARE).any()  # the overshoot is exercised
    factor = whiteboard._deepen(FULL, corrected) * whiteboard._keep(FULL, corrected) * glare
    padded = np.pad(farthest, 1, constant_values=0)
    near = np.max([padded[y : y + 150, x : x + 90] for y in range(3) for x in range(3)], axis=0)
    factor = np.maximum(factor, (near > round((1 - whiteboard.STROKE_AT) * 255) - 1).astype(np.float32))
    expected = 255 - np.clip(np.round((255 - board.ratio.astype(np.float32)) * factor[..., None]), 0, 255)
    assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1
    far = np.full((150, 90), 3 * whiteboard.MAX_GLARE, np.float32)
    assert clean(rgb, FULL, replace(board, glare=far, on_board=None)).shape == rgb.shape
