"""The text choke point: encodings, newlines, characters XML cannot hold."""

import codecs

import pytest

from slidegen.errors import InputError
from slidegen.untrusted import decode, xml_safe


def test_boms_decide_the_encoding_and_are_dropped():
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")):
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
