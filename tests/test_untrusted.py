"""The text choke point: encodings, newlines, characters XML cannot hold."""

import codecs

import pytest

from slidegen.errors import InputError
from slidegen.untrusted import decode, xml_safe


def test_boms_decide_the_encoding_and_are_dropped():
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ):
        assert decode(bom + "Slide 1: é".encode(enc), "p").text == "Slide 1: é"


def test_invalid_utf8_names_line_and_column_and_suggests_a_fallback():
    with pytest.raises(InputError) as err:
        decode(b"ok\nab\x93c", "post.md")
    assert str(err.value).startswith("post.md:2: error: invalid UTF-8 byte 0x93 at column 3")
    assert "--encoding" in str(err.value)


def test_fallback_encoding_is_used_with_a_note():
    clean = decode(b"\x93quoted\x94", "p", fallback="cp1252")
    assert clean.text == "\u201cquoted\u201d" and "read as cp1252" in clean.problems[0][2]


def test_newlines_are_normalised_and_controls_removed_with_positions():
    clean = decode("a\r\nb\rc\u2028d\x00e\x1bf\ufffe".encode("utf-8", "surrogatepass"), "p")
    assert clean.text == "a\nb\nc\nde" + "f"
    assert [(line, col) for line, col, _ in clean.problems][:2] == [(4, 2), (4, 4)]


def test_xml_safe_keeps_tabs_and_newlines():
    assert xml_safe("a\tb\nc\x0bd\x01") == "a\tb\nc d"


def test_one_rule_for_posts_and_exports():
    # The same characters go, the same way, whether a post file or an XML export carries them.
    from slidegen.readers import xmlsafe

    text = "a\x0bb\x7fc\x85d\x01e"
    post = decode(text.encode("utf-8"), "post.md")
    export = xmlsafe.prescan(f"<t>{text}</t>".encode(), "feed.xml", repair=True)
    assert post.text == "a bcde" and export.text == "<t>a bcde</t>"
    assert (
        [m for _, _, m in post.problems]
        == [m for _, _, m in export.repairs]
        == [
            "removed control character U+000B",
            "removed control character U+007F",
            "removed control character U+0085",
            "removed control character U+0001",
        ]
    )


def test_stray_controls_in_an_export_go_even_without_repair():
    from slidegen.readers import xmlsafe

    scan = xmlsafe.prescan("<t>a\x7fb\x9fc</t>".encode(), "feed.xml")
    assert scan.text == "<t>abc</t>" and [(line, col) for line, col, _ in scan.repairs] == [(1, 5), (1, 7)]
