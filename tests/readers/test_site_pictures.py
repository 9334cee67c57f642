"""Liquid and Hugo picture references become plain Markdown pictures, lines and code kept."""

import pytest

from slidegen.readers.site_pictures import plain_pictures


@pytest.mark.parametrize(
    "source, expected",
    [
        ("![a]({{ '/assets/x.png' | relative_url }})", "![a](/assets/x.png)"),
        ('![a]({{ "/assets/x.png" | absolute_url }})', "![a](/assets/x.png)"),
        ("![a]({{ 'x.png' | prepend: site.baseurl }})", "![a](x.png)"),
        ("![a]({% link assets/x.png %})", "![a](/assets/x.png)"),
        ('<img src="{{ site.url }}{{ site.baseurl }}/assets/x.png">', '<img src="/assets/x.png">'),
        ('{{< figure src="/images/x.jpg" caption="The [first] board" >}}', "![The (first) board](/images/x.jpg)"),
        ("{{% figure src='x.jpg' alt=\"Alt\" %}}", "![Alt](x.jpg)"),
        ('{{< img src="/a b.jpg" >}}', "![](</a b.jpg>)"),
        ('{% include figure image_path="/assets/z.jpg" alt="Zed" caption="Zed." %}', "![Zed](/assets/z.jpg)"),
        ("{% capture fig %}\n![a](x.png)\n{% endcapture %}", "\n![a](x.png)\n"),
    ],
)
def test_picture_references_become_plain_pictures(source, expected):
    assert plain_pictures(source) == expected


def test_line_count_is_kept_so_positions_still_point_into_the_post():
    text = 'a\n{{< figure src="x.png"\n   alt="two lines" >}}\nSlide 1: b\n'
    out = plain_pictures(text)
    assert out.count("\n") == text.count("\n") and out.split("\n")[3] == "Slide 1: b"


def test_fenced_code_and_text_without_templates_are_left_alone():
    code = '```\n{{< figure src="x.png" >}}\n{% capture x %}\n```\n'
    assert plain_pictures(code) == code
    plain = "Slide 1: {braces} and 50% off"
    assert plain_pictures(plain) is plain
