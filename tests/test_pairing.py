"""Pairing pictures with notes: each rule on its own, their order, and the warnings when a picture goes nowhere."""

from pathlib import Path

import pytest

from cli_run import cli
from slidegen.config import BuildOptions
from slidegen.diagnostics import Report
from slidegen.pipeline import read_decks
from toolkit import image_bytes, make_deck_dir

JPEG = image_bytes()


def pair(tmp_path: Path, post: str, pictures=(), *, folder=True, name="post.md", strict=False):
    """([(slide number, picture, why)], warnings) for a post and pictures beside it."""
    make_deck_dir(tmp_path, {name: post, **{p: JPEG for p in pictures}})
    report = Report(stream=None)
    deck = read_decks([tmp_path if folder else tmp_path / name], BuildOptions(strict=strict), report)[0]
    return (
        [(s.number, s.image.ref if s.image else None, s.image.why if s.image else None) for s in deck.slides],
        [str(w) for w in report.warnings],
    )


def notes(n: int, start: int = 1) -> str:
    return "\n\n".join(f"Slide {i}: Note {i}." for i in range(start, start + n)) + "\n"


def test_slide_named_files_match_by_number_in_natural_order(tmp_path):
    got, warnings = pair(tmp_path, notes(3), ["slide-10.jpg", "slide-2.jpg", "Slide_1.PNG", "03.jpg"])
    assert [g[1] for g in got] == ["Slide_1.PNG", "slide-2.jpg", "03.jpg"]
    assert {g[2] for g in got} == {"number in file name"}
    assert any("slide-10.jpg" in w and "no matching note" in w for w in warnings)


@pytest.mark.parametrize(
    "names",
    [
        ["sketch-01.jpg", "sketch-02.jpg", "sketch-03.jpg"],
        ["snap-1.png", "snap-2.png", "snap-3.png"],
        ["board_1.jpeg", "board_2.jpeg", "board_3.jpeg"],
        ["wzdx_slide1.png", "wzdx_slide2.png", "wzdx_slide3.png"],
        ["photo (1).jpg", "photo (2).jpg", "photo (3).jpg"],
    ],
)
def test_a_number_at_the_end_of_any_name_pairs_in_a_deck_folder(tmp_path, names):
    got, warnings = pair(tmp_path, notes(3), list(reversed(names)))
    assert got == [(i + 1, n, "number in file name") for i, n in enumerate(names)]
    assert warnings == []


def test_beside_a_post_file_only_slide_names_count_so_other_posts_pictures_stay_out(tmp_path):
    got, warnings = pair(tmp_path, notes(2), ["slide-1.jpg", "logo2.png", "header-3.jpg"], folder=False)
    assert [g[1] for g in got] == ["slide-1.jpg", None]
    assert any("no picture for Slide 2" in w for w in warnings)


def test_numbers_that_do_not_match_the_notes_are_not_slide_numbers(tmp_path):
    # 41..43 are shot numbers for a three-note post: they go by name order instead, as a guess
    got, _ = pair(tmp_path, notes(3), ["shot-43.jpg", "shot-41.jpg", "shot-42.jpg"])
    assert [(g[1], g[2]) for g in got] == [
        ("shot-41.jpg", "name order"),
        ("shot-42.jpg", "name order"),
        ("shot-43.jpg", "name order"),
    ]


def test_camera_names_carry_no_slide_number(tmp_path):
    got, _ = pair(tmp_path, notes(2), ["DSC_0002.JPG", "DSC_0001.JPG"])
    assert [(g[1], g[2]) for g in got] == [("DSC_0001.JPG", "name order"), ("DSC_0002.JPG", "name order")]


def test_pictures_named_in_the_post_win_and_are_not_paired_again(tmp_path):
    post = "Slide 1: One.\n\n![](sketch-02.jpg)\n\nSlide 2: Two.\n"
    got, warnings = pair(tmp_path, post, ["sketch-02.jpg", "sketch-01.jpg"])
    assert got[0][1:] == ("sketch-02.jpg", "inside the note")
    assert got[1][1] is None  # sketch-01 is a number for Slide 1, which already has its picture
    assert any("sketch-01.jpg" in w and "not used" in w for w in warnings)


def test_front_matter_list_and_map(tmp_path):
    got, _ = pair(tmp_path / "a", "---\nimages: [a.jpg, b.jpg]\n---\n" + notes(2), ["a.jpg", "b.jpg"])
    assert [(g[1], g[2]) for g in got] == [("a.jpg", "front matter images"), ("b.jpg", "front matter images")]
    got, _ = pair(tmp_path / "b", '---\nimages: {"2": b.jpg}\n---\n' + notes(2), ["b.jpg"])
    assert [g[1] for g in got] == [None, "b.jpg"]


def test_post_pictures_in_order_are_a_guess_and_surplus_is_warned(tmp_path):
    post = "# T\n\n![](a.jpg)\n\n![](b.jpg)\n\n![](c.jpg)\n\n## Notes\n\n" + notes(2)
    got, warnings = pair(tmp_path, post, ["a.jpg", "b.jpg", "c.jpg"])
    assert [(g[1], g[2]) for g in got] == [("a.jpg", "order in the post"), ("b.jpg", "order in the post")]
    assert any("not used" in w and "c.jpg" in w for w in warnings)


def test_fewer_pictures_than_notes_gives_text_slides_with_a_warning(tmp_path):
    got, warnings = pair(tmp_path, notes(3), ["slide-1.jpg"])
    assert [g[1] for g in got] == ["slide-1.jpg", None, None]
    assert any("no picture for Slide 2, 3" in w for w in warnings)


def test_pictures_after_their_markers_are_inside_the_notes(tmp_path):
    post = "Slide 1: One.\n\n![](a.jpg)\n\nSlide 2: Two.\n\n![](b.jpg)\n"
    got, warnings = pair(tmp_path, post, ["a.jpg", "b.jpg"])
    assert got == [(1, "a.jpg", "inside the note"), (2, "b.jpg", "inside the note")]
    assert warnings == []


def test_pictures_above_their_markers_pair_with_the_marker_below(tmp_path):
    post = "![](a.jpg)\n\nSlide 1: One.\n\n![](b.jpg)\n\nSlide 2: Two.\n\n![](c.jpg)\n\nSlide 3: Three.\n"
    got, warnings = pair(tmp_path, post, ["a.jpg", "b.jpg", "c.jpg"])
    assert got == [(1, "a.jpg", "above the marker"), (2, "b.jpg", "above the marker"), (3, "c.jpg", "above the marker")]
    assert warnings == []


def test_a_picture_and_its_marker_in_one_paragraph_belong_together(tmp_path):
    post = "![](a.jpg)\nSlide 1: One.\n\n![](b.jpg)\nSlide 2: Two.\n"
    got, _ = pair(tmp_path, post, ["a.jpg", "b.jpg"])
    assert [(g[1], g[2]) for g in got] == [("a.jpg", "above the marker"), ("b.jpg", "above the marker")]


def test_html_figures_above_markers_in_their_own_containers(tmp_path):
    post = "".join(
        f'<div class="shot"><figure><img src="{c}.jpg" alt="Board {c}"><figcaption>Board {c}'
        f"</figcaption></figure><p><strong>Slide {n}:</strong> Note {n}.</p></div>\n"
        for n, c in ((1, "a"), (2, "b"))
    )
    got, warnings = pair(
        tmp_path, f"<html><body><article>{post}</article></body></html>", ["a.jpg", "b.jpg"], name="post.html"
    )
    assert got == [(1, "a.jpg", "above the marker"), (2, "b.jpg", "above the marker")]
    assert warnings == []


def test_a_picture_at_the_end_of_one_container_is_not_the_next_containers_marker(tmp_path):
    post = '<div><p>Slide 1: One.</p><img src="a.jpg"></div>\n<div><p>Slide 2: Two.</p><img src="b.jpg"></div>\n'
    got, _ = pair(
        tmp_path, f"<html><body><article>{post}</article></body></html>", ["a.jpg", "b.jpg"], name="post.html"
    )
    assert [(g[1], g[2]) for g in got] == [("a.jpg", "inside the note"), ("b.jpg", "inside the note")]


def test_a_mixed_post_marks_the_pictures_that_could_go_either_way_as_guesses(tmp_path):
    # a.jpg is above Slide 1 and in no note (says "above"); d.jpg closes the last note (says "after"):
    # a tie keeps the documented default, pictures after their markers
    post = (
        "![](a.jpg)\n\nSlide 1: One.\n\n![](b.jpg)\n\nSlide 2: Two.\n\n![](c.jpg)\n\nSlide 3: Three.\n\n"
        "More words.\n\n![](d.jpg)\n"
    )
    got, warnings = pair(tmp_path, post, ["a.jpg", "b.jpg", "c.jpg", "d.jpg"], strict=True)
    assert [g[1] for g in got] == ["b.jpg", "c.jpg", "d.jpg"]
    assert any("Slide 1: picture b.jpg paired by a guess (inside the note)" in w for w in warnings)
    assert not any("d.jpg paired by a guess" in w for w in warnings)
    assert any("a.jpg" in w and "not used" in w for w in warnings)


def test_a_folder_with_only_unnamed_pictures_no_longer_builds_silent_text_slides(tmp_path):
    got, warnings = pair(tmp_path, notes(2), ["cover.jpg"], folder=False)
    assert [g[1] for g in got] == [None, None]
    assert any("cover.jpg" in w and "not used" in w and "slide-3.jpg" in w for w in warnings)
    assert any("no picture for Slide 1, 2" in w for w in warnings)


def test_strict_refuses_guesses_and_accepts_sure_rules(tmp_path):
    _, warnings = pair(tmp_path / "a", notes(2), ["IMG_0001.jpg", "IMG_0002.jpg"], strict=True)
    assert sum("paired by a guess (name order)" in w for w in warnings) == 2
    _, warnings = pair(tmp_path / "b", notes(2), ["sketch-1.jpg", "sketch-2.jpg"], strict=True)
    assert warnings == []


def test_a_heading_above_the_picture_above_the_marker_still_titles_the_slide(tmp_path):
    post = "# Talk\n\n## The curve\n\n![](a.jpg)\n\nSlide 1: One.\n\n## The bandwagon\n\n![](b.jpg)\n\nSlide 2: Two.\n"
    make_deck_dir(tmp_path, {"post.md": post, "a.jpg": JPEG, "b.jpg": JPEG})
    deck = read_decks([tmp_path], BuildOptions(), Report(stream=None))[0]
    assert [(s.title, s.image.ref, s.image.rule) for s in deck.slides] == [
        ("The curve", "a.jpg", "above the marker"),
        ("The bandwagon", "b.jpg", "above the marker"),
    ]


def test_the_missing_picture_warning_points_at_the_first_slide_without_one(tmp_path):
    make_deck_dir(
        tmp_path,
        {
            "post.md": "# T\n\nSlide 1: a\n\n![x](a.png)\n\nSlide 2: b\n\n![y](b.png)\n\n"
            "Slide 3: c\n\n![z](c.png)\n\nSlide 4: no picture here\n",
            **{f"{n}.png": image_bytes(fmt="PNG") for n in "abc"},
        },
    )
    run = cli("build", "post.md", "-o", "out", "-f", "notes", cwd=tmp_path)
    assert run.returncode == 0 and "post.md:15: warning: no picture for Slide 4" in run.stderr, run.stderr
