"""WordPress content as WordPress shows it: wpautop paragraphs and line breaks, shortcodes."""

from slidegen.readers.wordpress import Attachment, expand_shortcodes, wpautop

PICTURES = {
    "611": Attachment("611", "https://x.example/canola2.jpg", "Canola", "555", 2),
    "754": Attachment("754", "https://x.example/bell.jpg", "Bell on wharf", "555", 1),
    "9": Attachment("9", "https://x.example/other.jpg", "Elsewhere", "1"),
}


def test_blank_lines_are_paragraphs_single_newlines_line_breaks():
    assert wpautop("One\ntwo\n\nThree") == "<p>One<br>\ntwo</p>\n\n<p>Three</p>"


def test_text_around_block_tags_is_its_own_paragraph_and_lines_are_kept():
    content = "Lists are a corner case\n<ul>\n\t<li>one</li>\n</ul>\n<h3>Next</h3>\nTail\nline"
    html = wpautop(content)
    assert html == ("<p>Lists are a corner case</p>\n<ul>\n\t<li>one</li>\n</ul>\n<h3>Next</h3>\n<p>Tail<br>\nline</p>")
    assert html.count("\n") == content.count("\n")


def test_block_editor_content_only_classic_pieces_get_paragraphs():
    content = "<!-- wp:paragraph -->\n<p>Slide 1: a\nb</p>\n<!-- /wp:paragraph -->\n\nfree\ntext\n\n<!-- wp:image /-->"
    assert wpautop(content) == (
        "<!-- wp:paragraph -->\n<p>Slide 1: a\nb</p>\n<!-- /wp:paragraph -->\n\n"
        "<p>free<br>\ntext</p>\n\n<!-- wp:image /-->"
    )


def test_pre_keeps_its_blank_lines_and_newlines_inside_tags_stay():
    assert wpautop("<pre>a\n\nb</pre>\n\nx <a\nhref='y'>z</a>") == "<pre>a\n\nb</pre>\n\n<p>x <a\nhref='y'>z</a></p>"


def test_caption_is_a_figure_whose_alt_is_the_caption():
    html, removed = expand_shortcodes(
        '[caption id="attachment_1" width="300"]<a href="p"><img src="https://x/a.jpg" '
        'alt="file" /></a> A <em>fine</em> &amp; caption[/caption]'
    )
    assert html == '<figure><img src="https://x/a.jpg" alt="A fine &amp; caption"></figure>' and not removed
    html, _ = expand_shortcodes('[caption caption="From the attribute"]<img src="https://x/b.jpg">[/caption]')
    assert 'alt="From the attribute"' in html


def test_gallery_by_ids_in_their_order_else_the_posts_attachments_by_menu_order():
    html, removed = expand_shortcodes('[gallery ids="611,754"]', PICTURES, "555")
    assert html.index("canola2.jpg") < html.index("bell.jpg") and not removed
    html, _ = expand_shortcodes("[gallery]", PICTURES, "555")
    assert html.index("bell.jpg") < html.index("canola2.jpg") and "other.jpg" not in html
    assert 'alt="Bell on wharf"' in html
    html, removed = expand_shortcodes('text\n[gallery ids="611,42"]', PICTURES, "555")
    assert "canola2.jpg" in html and removed == [(1, "[gallery] pictures 42 are not in the export; left out")]


def test_media_and_unknown_shortcodes_are_removed_and_reported_prose_brackets_stay():
    text = (
        "[audio https://a.mp3]\n[embed]https://youtu.be/x[/embed] [foo id=3] [note]kept text[/note]\n"
        "[sic] and [link](x) and [[gallery]]"
    )
    html, removed = expand_shortcodes(text, PICTURES, "555")
    assert html == "\n  kept text\n[sic] and [link](x) and [gallery]"
    assert removed == [(0, "[audio]"), (1, "[embed]"), (1, "[foo]"), (1, "[note]")]


def test_code_shortcode_becomes_a_code_block_and_lines_are_kept():
    text = '[code language="python"]\ndef f():\n    return 1 < 2\n[/code]\nafter'
    html, _ = expand_shortcodes(text)
    assert html == "<pre>def f():\n    return 1 &lt; 2</pre>\n\n\nafter"
    assert html.count("\n") == text.count("\n")
