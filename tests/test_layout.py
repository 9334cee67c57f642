"""Slide geometry: pictures fitted with their aspect kept, centred, inside the box; text sizes that fit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from slidegen.layout import (
    BODY_SIZES_PT,
    STANDARD,
    WIDESCREEN,
    Box,
    body_font_size,
    content_box,
    fit_picture,
    is_four_by_three,
    is_widescreen,
)

BOX = Box(100, 200, 16_000, 9_000)


def test_wide_picture_fills_the_width_and_is_centred_vertically():
    fitted = fit_picture(3200, 900, BOX)
    assert (fitted.left, fitted.width) == (100, 16_000)
    assert fitted.height == 4_500 and fitted.top == 200 + (9_000 - 4_500) // 2


def test_tall_picture_fills_the_height_and_is_centred_horizontally():
    fitted = fit_picture(900, 1800, BOX)
    assert (fitted.top, fitted.height) == (200, 9_000)
    assert fitted.width == 4_500 and fitted.left == 100 + (16_000 - 4_500) // 2


def test_same_aspect_fills_the_box_exactly():
    assert fit_picture(1600, 900, BOX) == BOX


def test_degenerate_sizes_give_the_box():
    assert fit_picture(0, 10, BOX) == BOX
    assert fit_picture(10, 10, Box(0, 0, 0, 5)) == Box(0, 0, 0, 5)


@given(st.integers(1, 100_000), st.integers(1, 100_000), st.integers(1_000, 20_000_000), st.integers(1_000, 20_000_000))
def test_fit_is_inside_keeps_aspect_and_touches_two_sides(pw, ph, bw, bh):
    box = Box(7, 11, bw, bh)
    f = fit_picture(pw, ph, box)
    assert box.left <= f.left and f.right <= box.right and box.top <= f.top and f.bottom <= box.bottom
    assert f.width == box.width or f.height == box.height  # as large as it can be
    # aspect kept: rounding moves the shorter side by at most one EMU (it is at least 1 EMU)
    if f.width == box.width and f.height > 1:
        assert abs(f.height - box.width * ph / pw) <= 1
    elif f.height == box.height and f.width > 1:
        assert abs(f.width - box.height * pw / ph) <= 1
    assert abs((f.left - box.left) - (box.right - f.right)) <= 1  # centred
    assert abs((f.top - box.top) - (box.bottom - f.bottom)) <= 1


def test_slide_shapes():
    assert is_widescreen(*WIDESCREEN) and not is_four_by_three(*WIDESCREEN)
    assert is_four_by_three(*STANDARD) and not is_widescreen(*STANDARD)
    assert is_widescreen(9_144_000, 5_143_500)  # PowerPoint's "On-screen Show (16:9)"


def test_content_box_sits_below_the_title_inside_margins():
    width, height = WIDESCREEN
    title = Box(457_200, 228_600, 11_277_600, 1_005_840)
    box = content_box(width, height, title)
    assert box.top > title.bottom and box.bottom <= height and box.left > 0 and box.right < width
    whole = content_box(width, height, None)
    assert whole.top == whole.left and whole.bottom == height - whole.top


def test_content_box_ignores_a_title_that_fills_the_slide():
    width, height = WIDESCREEN
    box = content_box(width, height, Box(0, 0, width, height))
    assert box.height > height // 2


def test_short_note_gets_the_largest_size_and_long_note_shrinks():
    box = Box(0, 0, 10_972_800, 4_525_963)  # the body of "Title and Content" on 16:9
    assert body_font_size(["A short note."], box) == BODY_SIZES_PT[0]
    medium = body_font_size(["word " * 120], box)
    long = body_font_size(["word " * 400], box)
    assert BODY_SIZES_PT[-1] <= long < medium < BODY_SIZES_PT[0]


def test_a_note_too_long_for_any_size_stays_at_the_smallest_readable():
    assert body_font_size(["word " * 5000], Box(0, 0, 1_000_000, 1_000_000)) == BODY_SIZES_PT[-1]


def test_a_word_longer_than_a_line_wraps_instead_of_vanishing():
    narrow = Box(0, 0, 2_000_000, 1_000_000)
    assert body_font_size(["x" * 40], narrow) < body_font_size(["x" * 4], narrow)


def test_free_area_keeps_a_title_at_the_top_and_moves_a_centred_one_up():
    from slidegen.layout import Box, free_area

    width, height = 9_144_000, 6_858_000
    top_title = Box(457_200, 274_638, 8_229_600, 1_143_000)
    assert free_area(width, height, top_title)[0] == top_title
    centred = Box(685_800, 2_130_425, 7_772_400, 1_470_025)  # a "Title Slide" layout's title
    moved, area = free_area(width, height, centred)
    assert moved.top < centred.top and moved.bottom < area.top
    assert area.height >= height // 2 and area.width >= width * 0.9
    assert free_area(width, height, None)[1].height > height * 0.85  # no title: all but the margins
