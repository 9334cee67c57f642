"""Safe links: one rule for every reader and writer."""

from slidegen.links import has_scheme, is_web_address, safe_href


def test_schemes_are_read_as_written_and_case_blind():
    assert has_scheme("HTTPS://example.com") and has_scheme("mailto:a@example.com")
    assert not has_scheme("javascript:alert(1)") and not has_scheme("/relative") and not has_scheme("ftp://x")
    assert is_web_address("http://example.com") and not is_web_address("mailto:a@example.com")


def test_the_pptx_and_html_writers_share_the_rule():
    from slidegen.writers.html import page
    from slidegen.writers.pptx import textframes

    assert page.safe_href is textframes.safe_href is safe_href
    assert safe_href("java\tscript:alert(1)") is None
    assert safe_href("\x01https://example.com/") == "https://example.com/"
