"""Safe XML: DTDs refused before parsing, nothing read or fetched, bad bytes named by line and column."""

import os
import threading
import time

import pytest

from cli_run import assert_one_line_error, slidegen
from slidegen.errors import InputError
from slidegen.readers import xmlsafe

RSS_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def xxe(target: str) -> bytes:
    return (
        RSS_HEAD + f'<!DOCTYPE rss [\n  <!ENTITY xxe SYSTEM "file://{target}">\n]>\n'
        '<rss version="2.0"><channel><item><title>&xxe;</title>'
        "<description>Slide 1: &xxe;</description></item></channel></rss>\n"
    ).encode()


BILLION_LAUGHS = (
    RSS_HEAD
    + '<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>\n'
).encode()


def test_xxe_is_refused_before_parsing_and_names_the_line(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    with pytest.raises(InputError) as err:
        xmlsafe.parse(xxe(str(secret)), "feed.xml")
    assert str(err.value).startswith("feed.xml:2: error: feed declares a DTD/entities")
    assert "TOP-SECRET" not in str(err.value)


def test_xxe_through_the_command_line_never_opens_the_file(tmp_path):
    # A named pipe blocks whoever opens it for reading: a reader that tried would hang, not pass.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    feed = tmp_path / "feed.xml"
    feed.write_bytes(xxe(str(fifo)))
    run = slidegen("inspect", feed, timeout=60)
    assert_one_line_error(run, f"{feed}:2", "feed declares a DTD/entities")


def test_parser_itself_neither_expands_nor_loads_entities(tmp_path):
    """Belt and braces: even past the prolog check, the parser resolves nothing and reads no file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome = {}

    def parse():
        from lxml import etree

        try:
            root = etree.fromstring(xxe(str(fifo)), xmlsafe.parser())
            outcome["text"] = "".join(root.itertext())
        except etree.XMLSyntaxError as exc:
            outcome["error"] = str(exc)

    worker = threading.Thread(target=parse, daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "the parser opened the entity's file"
    assert "TOP" not in outcome.get("text", "")


def test_billion_laughs_is_refused_quickly_with_bounded_work():
    start = time.perf_counter()
    with pytest.raises(InputError, match="feed declares a DTD/entities"):
        xmlsafe.parse(BILLION_LAUGHS, "bomb.xml")
    assert time.perf_counter() - start < 1.0


def test_parser_leaves_entity_bombs_unexpanded():
    from lxml import etree

    try:
        root = etree.fromstring(BILLION_LAUGHS, xmlsafe.parser())
    except etree.XMLSyntaxError:
        return  # refusing is as good as not expanding
    assert len(etree.tostring(root)) < 10_000


def test_doctype_after_comments_and_processing_instructions_is_still_found():
    data = (
        RSS_HEAD + "<!-- exported -->\n<?xml-stylesheet href='a.xsl'?>\n<!doctype rss SYSTEM 'x.dtd'>\n<rss/>"
    ).encode()
    with pytest.raises(InputError) as err:
        xmlsafe.parse(data, "f.xml")
    assert str(err.value).startswith("f.xml:4: error: feed declares a DTD/entities")


def test_doctype_text_inside_a_post_is_only_text():
    data = (
        RSS_HEAD + "<rss><channel><item><description><![CDATA[<!DOCTYPE html> and <!ENTITY x>]]>"
        "</description></item></channel></rss>"
    ).encode()
    root = xmlsafe.parse(data, "f.xml")
    assert "<!DOCTYPE html>" in root.find("channel/item/description").text


def test_control_character_is_an_error_at_line_and_column():
    data = b"<rss>\n<channel><title>ab\x01c</title>\x10</channel></rss>"
    with pytest.raises(InputError) as err:
        xmlsafe.parse(data, "x.xml")
    assert str(err.value).startswith("x.xml:2:19: error: control character U+0001 is not allowed in XML (2 in all)")
    assert "--repair" in str(err.value)


def test_repair_strips_control_characters_with_a_warning_each():
    warnings = []
    data = b"<rss>\n<channel><title>ab\x01c\x00</title>\x7f</channel></rss>"
    root = xmlsafe.parse(data, "x.xml", repair=True, warn=lambda m, where: warnings.append(f"{where}: {m}"))
    assert root.find("channel/title").text == "abc"
    assert warnings == [
        "x.xml:2:19: removed control character U+0001",
        "x.xml:2:21: removed control character U+0000",
        "x.xml:2:30: removed control character U+007F",
    ]


def test_broken_utf8_is_an_error_at_line_and_column():
    data = "<rss>\n<channel><title>caf\u00e9 ".encode() + b"\x93quoted\x94</title></channel></rss>"
    with pytest.raises(InputError) as err:
        xmlsafe.parse(data, "x.xml")
    assert str(err.value).startswith("x.xml:2:22: error: invalid UTF-8 byte 0x93")


def test_repair_replaces_broken_bytes():
    warnings = []
    data = b"<rss>\n<channel><title>\x93quoted\x94</title></channel></rss>"
    root = xmlsafe.parse(data, "x.xml", repair=True, warn=lambda m, where: warnings.append((where, m)))
    assert root.find("channel/title").text == "\ufffdquoted\ufffd"
    assert warnings[0] == ("x.xml:2:17", "replaced invalid UTF-8 byte 0x93 with U+FFFD")
    assert len(warnings) == 2


def test_many_repairs_are_summarised():
    warnings = []
    data = b"<rss><channel><title>" + b"a\x01" * 500 + b"</title></channel></rss>"
    root = xmlsafe.parse(data, "x.xml", repair=True, warn=lambda m, where: warnings.append(m))
    assert root.find("channel/title").text == "a" * 500
    assert len(warnings) == xmlsafe.MAX_PROBLEMS_SHOWN + 1 and "500 repairs in all" in warnings[-1]


def test_declared_legacy_encoding_and_utf16_are_read():
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss><t>caf\u00e9</t></rss>'.encode("latin-1")
    assert xmlsafe.parse(latin, "l.xml").find("t").text == "caf\u00e9"
    utf16 = "\ufeff<rss><t>\u00fcber</t></rss>".encode("utf-16-le")
    assert xmlsafe.parse(utf16, "u.xml").find("t").text == "\u00fcber"


def test_unknown_declared_encoding_is_named():
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        xmlsafe.parse(b'<?xml version="1.0" encoding="klingon"?><rss/>', "k.xml")


def test_not_well_formed_names_line_and_column():
    with pytest.raises(InputError) as err:
        xmlsafe.parse(b"<rss>\n<channel>\n<item></channel></rss>", "bad.xml")
    message = str(err.value)
    assert message.startswith("bad.xml:3:") and "not well-formed XML" in message and "\n" not in message


def test_undeclared_entity_is_an_error_not_a_lookup():
    with pytest.raises(InputError, match="not well-formed XML"):
        xmlsafe.parse(b"<rss><t>&nbsp;</t></rss>", "e.xml")


def test_empty_file():
    with pytest.raises(InputError, match="the file is empty"):
        xmlsafe.parse(b"  \n", "e.xml")


def test_deep_nesting_is_refused_not_exhausting():
    data = b"<rss>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</rss>"
    with pytest.raises(InputError, match="not well-formed XML"):
        xmlsafe.parse(data, "deep.xml")
