"""Slugs are safe file names, distinct within a run."""

from slidegen.naming import slugify, unique_slugs


def test_slugs_are_safe_and_short():
    assert slugify("Social Media Society snippets") == "social-media-society-snippets"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify(".hidden") == "hidden"
    assert len(slugify("word " * 40)) <= 60


def test_cjk_emoji_and_reserved_titles_still_get_a_name():
    for title in ("会議のまとめ", "🎉🎉", "CON", ""):
        slug = slugify(title)
        assert slug and slug.isascii() and "/" not in slug and not slug.startswith(".")
    assert slugify("会議") != slugify("議会")


def test_repeats_get_suffixes():
    assert unique_slugs(["A", "a", "A!"]) == ["a", "a-2", "a-3"]
