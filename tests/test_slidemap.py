"""Per-slide front matter: a list in slide order or a map by number, one rule for images and titles."""

import pytest

from slidegen.errors import InputError
from slidegen.model import SourcePos
from slidegen.slidemap import by_slide_number

POS = SourcePos("post.md", 3)


def test_list_and_map_give_the_same_pairs():
    assert by_slide_number(["a", "b"], "images", "path", POS) == [(1, "a"), (2, "b")]
    assert by_slide_number({1: "a", "2": "b", " 3 ": "c"}, "images", "path", POS) == [(1, "a"), (2, "b"), (3, "c")]


@pytest.mark.parametrize(
    "raw, message",
    [
        ("a.jpg", "front matter 'titles' must be a list (in slide order) or a map {number: title}"),
        ({0: "a"}, "front matter 'titles' key 0 is not a slide number"),
        ({True: "a"}, "front matter 'titles' key True is not a slide number"),
        ({"two": "a"}, "front matter 'titles' key 'two' is not a slide number"),
    ],
)
def test_anything_else_names_the_key_and_the_line(raw, message):
    with pytest.raises(InputError) as info:
        by_slide_number(raw, "titles", "title", POS)
    assert str(info.value) == f"post.md:3: error: {message}"


def test_images_and_titles_both_use_it():
    import slidegen.deckmeta as deckmeta
    import slidegen.pairing as pairing

    assert pairing.by_slide_number is deckmeta.by_slide_number is by_slide_number
